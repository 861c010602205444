#include "core/date.h"

#include <catch2/catch.hpp>

namespace Catch {
template <>
struct StringMaker<otklik::Date> {
  static std::string convert(const otklik::Date& date) { return date.ToString(); }
};
}  // namespace Catch

namespace otklik::date_test {
namespace {

TEST_CASE("Date::Parse reads a valid YYYY-MM-DD") {
  const std::optional<Date> date = Date::Parse("2026-11-22");
  REQUIRE(date);
  CHECK(date->year() == 2026);
  CHECK(date->month() == 11);
  CHECK(date->day() == 22);
}

TEST_CASE("Date::Parse accepts the first and last representable days") {
  CHECK(Date::Parse("0001-01-01") == Date(1, 1, 1));
  CHECK(Date::Parse("9999-12-31") == Date(9999, 12, 31));
}

TEST_CASE("Date::Parse accepts February 29 only in leap years") {
  CHECK_FALSE(Date::Parse("2026-02-29"));
  CHECK(Date::Parse("2028-02-29") == Date(2028, 2, 29));
  CHECK(Date::Parse("2000-02-29") == Date(2000, 2, 29));
  CHECK_FALSE(Date::Parse("1900-02-29"));
}

TEST_CASE("Date::Parse rejects impossible days and months") {
  CHECK_FALSE(Date::Parse("2026-04-31"));
  CHECK_FALSE(Date::Parse("2026-01-32"));
  CHECK_FALSE(Date::Parse("2026-01-00"));
  CHECK_FALSE(Date::Parse("2026-00-10"));
  CHECK_FALSE(Date::Parse("2026-13-01"));
  CHECK_FALSE(Date::Parse("0000-01-01"));
}

TEST_CASE("Date::Parse rejects anything not shaped exactly YYYY-MM-DD") {
  CHECK_FALSE(Date::Parse(""));
  CHECK_FALSE(Date::Parse("2026-1-05"));
  CHECK_FALSE(Date::Parse("2026-01-5"));
  CHECK_FALSE(Date::Parse("26-01-05"));
  CHECK_FALSE(Date::Parse("2026/01/05"));
  CHECK_FALSE(Date::Parse("2026-01-05 "));
  CHECK_FALSE(Date::Parse(" 2026-01-05"));
  CHECK_FALSE(Date::Parse("2026-01-05T00:00"));
  CHECK_FALSE(Date::Parse("20260105"));
  CHECK_FALSE(Date::Parse("2026-0a-05"));
  CHECK_FALSE(Date::Parse("2026-+1-05"));
  CHECK_FALSE(Date::Parse("05.01.2026"));
}

TEST_CASE("Date::FromYmd validates its parts") {
  CHECK(Date::FromYmd(2024, 12, 31) == Date(2024, 12, 31));
  CHECK(Date::FromYmd(2024, 2, 29) == Date(2024, 2, 29));
  CHECK_FALSE(Date::FromYmd(2023, 2, 29));
  CHECK_FALSE(Date::FromYmd(2024, 6, 31));
  CHECK_FALSE(Date::FromYmd(2024, 0, 1));
  CHECK_FALSE(Date::FromYmd(2024, 13, 1));
  CHECK_FALSE(Date::FromYmd(2024, 1, 0));
  CHECK_FALSE(Date::FromYmd(0, 1, 1));
  CHECK_FALSE(Date::FromYmd(10000, 1, 1));
  CHECK_FALSE(Date::FromYmd(-5, 1, 1));
}

TEST_CASE("Date defaults to 1970-01-01, day number zero") {
  const Date epoch;
  CHECK(epoch == Date(1970, 1, 1));
  CHECK(epoch.DayNumber() == 0);
  CHECK(Date::FromDayNumber(0) == Date(1970, 1, 1));
}

TEST_CASE("Date::DayNumber counts days since 1970-01-01") {
  CHECK(Date(1969, 12, 31).DayNumber() == -1);
  CHECK(Date(1970, 1, 2).DayNumber() == 1);
  CHECK(Date(2000, 2, 29).DayNumber() == 11016);
  CHECK(Date(2000, 3, 1).DayNumber() == 11017);
  CHECK(Date(2026, 11, 22).DayNumber() == 20779);
  CHECK(Date(2028, 2, 29).DayNumber() == 21243);
  CHECK(Date(1, 1, 1).DayNumber() == -719162);
  CHECK(Date(9999, 12, 31).DayNumber() == 2932896);
}

TEST_CASE("Date::FromDayNumber inverts DayNumber") {
  CHECK(Date::FromDayNumber(-1) == Date(1969, 12, 31));
  CHECK(Date::FromDayNumber(11016) == Date(2000, 2, 29));
  CHECK(Date::FromDayNumber(21243) == Date(2028, 2, 29));
  CHECK(Date::FromDayNumber(-719162) == Date(1, 1, 1));
  CHECK(Date::FromDayNumber(2932896) == Date(9999, 12, 31));
}

TEST_CASE("Date day numbers round-trip through four whole years, leap day included") {
  // 2027-01-01 .. 2030-12-31 covers the leap year 2028.
  const long first = Date(2027, 1, 1).DayNumber();
  const long last = Date(2030, 12, 31).DayNumber();
  CHECK(last - first + 1 == 365 * 3 + 366);
  Date previous = Date::FromDayNumber(first - 1);
  for (long n = first; n <= last; ++n) {
    const Date date = Date::FromDayNumber(n);
    INFO(date.ToString());
    REQUIRE(date.DayNumber() == n);
    REQUIRE(previous < date);
    REQUIRE(Date::Parse(date.ToString()) == date);
    previous = date;
  }
}

TEST_CASE("Date::AddDays crosses month and year ends") {
  CHECK(Date(2026, 1, 31).AddDays(1) == Date(2026, 2, 1));
  CHECK(Date(2026, 2, 28).AddDays(1) == Date(2026, 3, 1));
  CHECK(Date(2028, 2, 28).AddDays(1) == Date(2028, 2, 29));
  CHECK(Date(2028, 2, 29).AddDays(1) == Date(2028, 3, 1));
  CHECK(Date(2026, 12, 31).AddDays(1) == Date(2027, 1, 1));
  CHECK(Date(2027, 1, 1).AddDays(-1) == Date(2026, 12, 31));
  CHECK(Date(2026, 3, 1).AddDays(-1) == Date(2026, 2, 28));
  CHECK(Date(2026, 1, 1).AddDays(365) == Date(2027, 1, 1));
  CHECK(Date(2028, 1, 1).AddDays(365) == Date(2028, 12, 31));
  CHECK(Date(2026, 5, 17).AddDays(0) == Date(2026, 5, 17));
}

TEST_CASE("Date::quarter groups months by three") {
  const int expected[] = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4};
  for (int month = 1; month <= 12; ++month) {
    INFO("month " << month);
    CHECK(Date(2026, month, 1).quarter() == expected[month - 1]);
  }
}

TEST_CASE("Date::ToString pads every part with zeros") {
  CHECK(Date(2026, 3, 5).ToString() == "2026-03-05");
  CHECK(Date(2026, 11, 22).ToString() == "2026-11-22");
  CHECK(Date(1, 1, 1).ToString() == "0001-01-01");
  CHECK(Date(987, 10, 9).ToString() == "0987-10-09");
}

TEST_CASE("Dates order by year, then month, then day") {
  CHECK(Date(2025, 12, 31) < Date(2026, 1, 1));
  CHECK(Date(2026, 1, 31) < Date(2026, 2, 1));
  CHECK(Date(2026, 2, 1) < Date(2026, 2, 2));
  CHECK(Date(2026, 2, 2) > Date(2026, 1, 30));
  CHECK(Date(2026, 2, 2) <= Date(2026, 2, 2));
  CHECK(Date(2026, 2, 2) != Date(2026, 2, 3));
  CHECK_FALSE(Date(2026, 2, 2) < Date(2026, 2, 2));
}

TEST_CASE("Date::IsLeapYear follows the Gregorian rules") {
  CHECK(Date::IsLeapYear(2024));
  CHECK(Date::IsLeapYear(2000));
  CHECK(Date::IsLeapYear(2400));
  CHECK_FALSE(Date::IsLeapYear(2026));
  CHECK_FALSE(Date::IsLeapYear(1900));
  CHECK_FALSE(Date::IsLeapYear(2100));
}

TEST_CASE("Date::DaysInMonth knows every month") {
  const int common[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int month = 1; month <= 12; ++month) {
    INFO("month " << month);
    CHECK(Date::DaysInMonth(2026, month) == common[month - 1]);
  }
  CHECK(Date::DaysInMonth(2028, 2) == 29);
}

TEST_CASE("Date::Weekday counts from Monday, across years and before 1970") {
  CHECK(Date(1970, 1, 1).Weekday() == 4);   // a Thursday
  CHECK(Date(2026, 1, 1).Weekday() == 4);   // a Thursday
  CHECK(Date(2025, 11, 1).Weekday() == 6);  // a Saturday
  CHECK(Date(2026, 12, 6).Weekday() == 7);  // a Sunday
  CHECK(Date(2027, 1, 4).Weekday() == 1);   // a Monday
  CHECK(Date(1969, 12, 31).Weekday() == 3);
}

}  // namespace
}  // namespace otklik::date_test
