#include "store/sheet_cells.h"

#include <catch2/catch.hpp>

namespace otklik::sheet_cells_test {
namespace {

TEST_CASE("DeadlineCell reads a date or the last day of the period a deadline names") {
  CHECK(DeadlineCell("31.12.2026") == Date(2026, 12, 31));
  CHECK(DeadlineCell("1.7.2026") == Date(2026, 7, 1));
  CHECK(DeadlineCell("2026-09-30") == Date(2026, 9, 30));
  CHECK(DeadlineCell("до 31.12.2026 г.") == Date(2026, 12, 31));
  CHECK(DeadlineCell("не позднее 15 марта 2027 года") == Date(2027, 3, 15));
  CHECK(DeadlineCell("декабрь 2026") == Date(2026, 12, 31));
  CHECK(DeadlineCell("Февраль 2028 г.") == Date(2028, 2, 29));
  CHECK(DeadlineCell("IV квартал 2026") == Date(2026, 12, 31));
  CHECK(DeadlineCell("4 кв. 2026 г.") == Date(2026, 12, 31));
  CHECK(DeadlineCell("1-й квартал 2027") == Date(2027, 3, 31));
  CHECK(DeadlineCell("2026-q3") == Date(2026, 9, 30));
  CHECK(DeadlineCell("I полугодие 2027") == Date(2027, 6, 30));
  CHECK(DeadlineCell("2-е полугодие 2026") == Date(2026, 12, 31));
  CHECK(DeadlineCell("2026-h1") == Date(2026, 6, 30));
  CHECK(DeadlineCell("2026") == Date(2026, 12, 31));
  CHECK(DeadlineCell("2026 год") == Date(2026, 12, 31));
  CHECK(DeadlineCell("2026г.") == Date(2026, 12, 31));
}

TEST_CASE("DeadlineCell refuses what names no day") {
  for (const std::string text : {"постоянно", "ежеквартально", "", "31.09.2026", "5 квартал 2026", "3 полугодие 2026",
                                 "декабрь", "30 февраля 2027", "2026-q5", "в течение года"}) {
    INFO(text);
    CHECK_FALSE(DeadlineCell(text));
  }
}

TEST_CASE("PrevalenceCell reads «N из M …» and says what is wrong otherwise") {
  std::string problem;
  const std::optional<Prevalence> read = PrevalenceCell("132 из 580 респондентов (23\u00A0%)", "", &problem);
  REQUIRE(read);
  CHECK(read->count == 132);
  CHECK(read->base == 580);
  CHECK(read->unit == PrevalenceUnit::kRespondents);
  CHECK(PrevalenceCell("1 из 21 обращения", "", &problem)->unit == PrevalenceUnit::kAppeals);
  CHECK_FALSE(PrevalenceCell("0 из 0 обращений", "", &problem));
  CHECK(problem == "в распространённости «0 из 0 обращений» всего 0: опрошенных или обращений должно быть больше нуля");
  CHECK_FALSE(PrevalenceCell("часто", " в столбце «Распространенность»", &problem));
  CHECK(problem ==
        "распространённость «часто» в столбце «Распространенность» не распознана: ожидается «N из M "
        "респондентов» или «N из M обращений», например «132 из 580 респондентов (23 %)»");
}

}  // namespace
}  // namespace otklik::sheet_cells_test
