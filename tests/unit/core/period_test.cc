#include "core/period.h"

#include <catch2/catch.hpp>

namespace otklik::period_test {
namespace {

using Kind = Period::Kind;

Period Quarter(int year, int index) { return {Kind::kQuarter, year, index}; }
Period Half(int year, int index) { return {Kind::kHalf, year, index}; }
Period Year(int year) { return {Kind::kYear, year, 1}; }

TEST_CASE("Period::Of finds the quarter of a day, at both ends of each quarter") {
  CHECK(Period::Of(Kind::kQuarter, Date(2026, 1, 1)) == Quarter(2026, 1));
  CHECK(Period::Of(Kind::kQuarter, Date(2026, 3, 31)) == Quarter(2026, 1));
  CHECK(Period::Of(Kind::kQuarter, Date(2026, 4, 1)) == Quarter(2026, 2));
  CHECK(Period::Of(Kind::kQuarter, Date(2026, 6, 30)) == Quarter(2026, 2));
  CHECK(Period::Of(Kind::kQuarter, Date(2026, 7, 1)) == Quarter(2026, 3));
  CHECK(Period::Of(Kind::kQuarter, Date(2026, 9, 30)) == Quarter(2026, 3));
  CHECK(Period::Of(Kind::kQuarter, Date(2026, 10, 1)) == Quarter(2026, 4));
  CHECK(Period::Of(Kind::kQuarter, Date(2026, 12, 31)) == Quarter(2026, 4));
}

TEST_CASE("Period::Of finds the half-year (to 30 June, from 1 July) and the year") {
  CHECK(Period::Of(Kind::kHalf, Date(2026, 1, 1)) == Half(2026, 1));
  CHECK(Period::Of(Kind::kHalf, Date(2026, 6, 30)) == Half(2026, 1));
  CHECK(Period::Of(Kind::kHalf, Date(2026, 7, 1)) == Half(2026, 2));
  CHECK(Period::Of(Kind::kHalf, Date(2026, 12, 31)) == Half(2026, 2));
  CHECK(Period::Of(Kind::kYear, Date(2026, 1, 1)) == Year(2026));
  CHECK(Period::Of(Kind::kYear, Date(2026, 12, 31)) == Year(2026));
}

TEST_CASE("Period first() and last() of each quarter") {
  CHECK(Quarter(2026, 1).first() == Date(2026, 1, 1));
  CHECK(Quarter(2026, 1).last() == Date(2026, 3, 31));
  CHECK(Quarter(2026, 2).first() == Date(2026, 4, 1));
  CHECK(Quarter(2026, 2).last() == Date(2026, 6, 30));
  CHECK(Quarter(2026, 3).first() == Date(2026, 7, 1));
  CHECK(Quarter(2026, 3).last() == Date(2026, 9, 30));
  CHECK(Quarter(2026, 4).first() == Date(2026, 10, 1));
  CHECK(Quarter(2026, 4).last() == Date(2026, 12, 31));
}

TEST_CASE("Period first() and last() of halves and years") {
  CHECK(Half(2026, 1).first() == Date(2026, 1, 1));
  CHECK(Half(2026, 1).last() == Date(2026, 6, 30));
  CHECK(Half(2026, 2).first() == Date(2026, 7, 1));
  CHECK(Half(2026, 2).last() == Date(2026, 12, 31));
  CHECK(Year(2028).first() == Date(2028, 1, 1));
  CHECK(Year(2028).last() == Date(2028, 12, 31));
}

TEST_CASE("Period::Of then first() and last() on a leap day") {
  // 2028 is a leap year (divisible by 4), 2100 is not (by 100, not 400), 2000 is (by 400).
  const Period q = Period::Of(Kind::kQuarter, Date(2028, 2, 29));
  CHECK(q == Quarter(2028, 1));
  CHECK(q.first() == Date(2028, 1, 1));
  CHECK(q.last() == Date(2028, 3, 31));
  CHECK(Period::Of(Kind::kHalf, Date(2000, 2, 29)) == Half(2000, 1));
  // The last day of a period never depends on February, but its day count does:
  // Q1 has 31 + 29 + 31 = 91 days in 2028, 31 + 28 + 31 = 90 in 2026 and in 2100.
  CHECK(Quarter(2028, 1).last().DayNumber() - Quarter(2028, 1).first().DayNumber() + 1 == 91);
  CHECK(Quarter(2026, 1).last().DayNumber() - Quarter(2026, 1).first().DayNumber() + 1 == 90);
  CHECK(Quarter(2100, 1).last().DayNumber() - Quarter(2100, 1).first().DayNumber() + 1 == 90);
  CHECK(Quarter(2000, 1).last().DayNumber() - Quarter(2000, 1).first().DayNumber() + 1 == 91);
  // H1: 181 days in a common year (90 + 91), 182 in a leap year.
  CHECK(Half(2028, 1).last().DayNumber() - Half(2028, 1).first().DayNumber() + 1 == 182);
  CHECK(Half(2026, 1).last().DayNumber() - Half(2026, 1).first().DayNumber() + 1 == 181);
  CHECK(Year(2028).last().DayNumber() - Year(2028).first().DayNumber() + 1 == 366);
  CHECK(Year(2100).last().DayNumber() - Year(2100).first().DayNumber() + 1 == 365);
}

TEST_CASE("Period::Previous and Next step within a year and across its boundary") {
  CHECK(Quarter(2026, 3).Previous() == Quarter(2026, 2));
  CHECK(Quarter(2026, 3).Next() == Quarter(2026, 4));
  CHECK(Quarter(2026, 1).Previous() == Quarter(2025, 4));
  CHECK(Quarter(2026, 4).Next() == Quarter(2027, 1));
  CHECK(Half(2026, 2).Previous() == Half(2026, 1));
  CHECK(Half(2026, 1).Previous() == Half(2025, 2));
  CHECK(Half(2026, 1).Next() == Half(2026, 2));
  CHECK(Half(2026, 2).Next() == Half(2027, 1));
  CHECK(Year(2026).Previous() == Year(2025));
  CHECK(Year(2026).Next() == Year(2027));
}

TEST_CASE("Period::Next starts the day after last(), Previous ends the day before first()") {
  for (const Period& p : {Quarter(2026, 1), Quarter(2026, 4), Half(2027, 2), Year(2028)}) {
    INFO(p.Key());
    CHECK(p.Next().first() == p.last().AddDays(1));
    CHECK(p.Previous().last() == p.first().AddDays(-1));
  }
}

TEST_CASE("Period::Key names quarters, halves and years") {
  CHECK(Quarter(2026, 3).Key() == "2026-q3");
  CHECK(Quarter(2025, 4).Key() == "2025-q4");
  CHECK(Half(2026, 1).Key() == "2026-h1");
  CHECK(Half(2026, 2).Key() == "2026-h2");
  CHECK(Year(2026).Key() == "2026");
  CHECK(Quarter(2026, 1).Previous().Key() == "2025-q4");
}

TEST_CASE("Periods order by kind, then year, then index") {
  CHECK(Quarter(2025, 4) < Quarter(2026, 1));
  CHECK(Quarter(2026, 1) < Quarter(2026, 2));
  CHECK(Quarter(2027, 1) < Half(2020, 1));  // kind first: every quarter before every half
  CHECK(Half(2026, 2) < Year(2020));
}

TEST_CASE("LastCompleteQuarter is the quarter before the one a day is in") {
  CHECK(LastCompleteQuarter(Date(2026, 11, 23)) == Quarter(2026, 3));
  // On the first day of a quarter the one just ended is complete.
  CHECK(LastCompleteQuarter(Date(2026, 10, 1)) == Quarter(2026, 3));
  // On the last day of a quarter it is not yet.
  CHECK(LastCompleteQuarter(Date(2026, 9, 30)) == Quarter(2026, 2));
  // Across the year boundary.
  CHECK(LastCompleteQuarter(Date(2026, 1, 1)) == Quarter(2025, 4));
  CHECK(LastCompleteQuarter(Date(2026, 3, 31)) == Quarter(2025, 4));
}

TEST_CASE("PeriodLabel names a quarter, a half-year and a year in Russian") {
  CHECK(PeriodLabel(Quarter(2026, 3)) == "III квартал 2026\u00A0г.");
  CHECK(PeriodLabel(Quarter(2027, 4)) == "IV квартал 2027\u00A0г.");
  CHECK(PeriodLabel(Half(2026, 1)) == "1-е полугодие 2026\u00A0г.");
  CHECK(PeriodLabel(Year(2026)) == "2026 год");
}

}  // namespace
}  // namespace otklik::period_test
