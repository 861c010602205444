#include "core/transliteration.h"

#include <catch2/catch.hpp>

namespace otklik::transliteration_test {
namespace {

TEST_CASE("IdFromText spells Russian in Latin letters, as web addresses do") {
  CHECK(IdFromText("Долго ждать решения о назначении субсидии", 100) == "dolgo-zhdat-resheniya-o-naznachenii-subsidii");
  CHECK(IdFromText("Щедрый ХОЛОДИЛЬНИК: цех № 5, объём «Юг»", 100) == "shchedryy-kholodilnik-tsekh-5-obem-yug");
  CHECK(IdFromText("Ёлки и ели", 100) == "elki-i-eli");
  CHECK(IdFromText("Портал Gosuslugi.ru — 2026", 100) == "portal-gosuslugi-ru-2026");
  CHECK(IdFromText("  «!» — ", 100).empty());
}

TEST_CASE("IdFromText cuts a long id at a hyphen") {
  CHECK(IdFromText("Электронная очередь с записью через сайт", 40) == "elektronnaya-ochered-s-zapisyu-cherez");
  CHECK(IdFromText("Электронная очередь", 11) == "elektronnay");
  CHECK(IdFromText("очередь в мфц", 11) == "ochered");
  CHECK(IdFromText("окно 5 в мфц", 9) == "okno-5");
  CHECK(IdFromText("очередь в мфц", 100) == "ochered-v-mfts");
}

}  // namespace
}  // namespace otklik::transliteration_test
