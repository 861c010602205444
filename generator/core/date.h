#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace otklik {

/// A calendar day in the proleptic Gregorian calendar. Otklik never stores
/// or prints a time of day.
class Date {
 public:
  Date() = default;
  /// REQUIRES: a valid date (use Parse or FromYmd for untrusted input).
  Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}

  /// Parses exactly "YYYY-MM-DD"; nullopt for anything else or an impossible day.
  static std::optional<Date> Parse(std::string_view text);
  static std::optional<Date> FromYmd(int year, int month, int day);
  /// Today in UTC+3 (Moscow), the reference time zone of Russian agencies.
  static Date Today();
  /// Days since 1970-01-01 and back.
  static Date FromDayNumber(long days);
  long DayNumber() const;

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  /// 1..4
  int quarter() const { return (month_ - 1) / 3 + 1; }
  /// 1 = Monday … 7 = Sunday (ISO 8601).
  int Weekday() const;

  Date AddDays(long days) const { return FromDayNumber(DayNumber() + days); }
  /// "YYYY-MM-DD"
  std::string ToString() const;

  auto operator<=>(const Date&) const = default;

  static bool IsLeapYear(int year);
  static int DaysInMonth(int year, int month);

 private:
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

}  // namespace otklik
