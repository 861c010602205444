#include "core/date.h"

#include <chrono>
#include <cstdio>

namespace otklik {

namespace {

bool ParseDigits(std::string_view text, int* out) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

}  // namespace

bool Date::IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int Date::DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Date(year, month, day);
}

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year, month, day;
  if (!ParseDigits(text.substr(0, 4), &year) || !ParseDigits(text.substr(5, 2), &month) ||
      !ParseDigits(text.substr(8, 2), &day)) {
    return std::nullopt;
  }
  return FromYmd(year, month, day);
}

Date Date::Today() {
  using namespace std::chrono;
  const auto moscow = system_clock::now() + hours(3);
  return FromDayNumber(floor<days>(moscow).time_since_epoch().count());
}

Date Date::FromDayNumber(long day_number) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{day_number}}};
  return Date(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day())));
}

int Date::Weekday() const {
  // 1970-01-01 was a Thursday.
  const long shifted = (DayNumber() + 3) % 7;
  return static_cast<int>(shifted < 0 ? shifted + 7 : shifted) + 1;
}

long Date::DayNumber() const {
  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year{year_}, std::chrono::month{static_cast<unsigned>(month_)},
                           std::chrono::day{static_cast<unsigned>(day_)}};
  return sys_days{ymd}.time_since_epoch().count();
}

std::string Date::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year_, month_, day_);
  return buffer;
}

}  // namespace otklik
