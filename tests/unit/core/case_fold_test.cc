#include "core/case_fold.h"

#include <catch2/catch.hpp>

namespace otklik::case_fold_test {
namespace {

TEST_CASE("Folded lowers Latin and Cyrillic, reads «ё» as «е» and collapses spaces") {
  CHECK(Folded("  Выполнено ") == "выполнено");
  CHECK(Folded("ИЗМЕНЕНИЕ Ведомственных  АКТОВ") == "изменение ведомственных актов");
  CHECK(Folded("Распространённость\u00A0ПРОБЛЕМЫ") == "распространенность проблемы");
  CHECK(Folded("Ёлка ёж") == "елка еж");
  CHECK(Folded("Done\tPlanned") == "done planned");
}

}  // namespace
}  // namespace otklik::case_fold_test
