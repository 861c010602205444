#include "core/period.h"

#include <set>

namespace otklik {

namespace {

int MonthsIn(Period::Kind kind) {
  switch (kind) {
    case Period::Kind::kQuarter: return 3;
    case Period::Kind::kHalf: return 6;
    case Period::Kind::kYear: return 12;
  }
  return 12;
}

int CountIn(Period::Kind kind) { return 12 / MonthsIn(kind); }

}  // namespace

Period Period::Of(Kind kind, const Date& day) { return {kind, day.year(), (day.month() - 1) / MonthsIn(kind) + 1}; }

Date Period::first() const { return Date(year, (index - 1) * MonthsIn(kind) + 1, 1); }

Date Period::last() const {
  const int month = index * MonthsIn(kind);
  return Date(year, month, Date::DaysInMonth(year, month));
}

Period Period::Previous() const {
  if (index > 1) return {kind, year, index - 1};
  return {kind, year - 1, CountIn(kind)};
}

Period Period::Next() const {
  if (index < CountIn(kind)) return {kind, year, index + 1};
  return {kind, year + 1, 1};
}

std::optional<Period> Period::FromKey(std::string_view key) {
  if (key.size() != 4 && key.size() != 7) return std::nullopt;
  int year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (key[i] < '0' || key[i] > '9') return std::nullopt;
    year = year * 10 + (key[i] - '0');
  }
  if (year < 1000) return std::nullopt;
  if (key.size() == 4) return Period{Kind::kYear, year, 1};
  if (key[4] != '-' || key[6] < '1') return std::nullopt;
  const int index = key[6] - '0';
  if (key[5] == 'q' && index <= 4) return Period{Kind::kQuarter, year, index};
  if (key[5] == 'h' && index <= 2) return Period{Kind::kHalf, year, index};
  return std::nullopt;
}

std::vector<Period> PartsOf(const Period& period) {
  if (period.kind == Period::Kind::kHalf) {
    const Period first = Period::Of(Period::Kind::kQuarter, period.first());
    return {first, first.Next()};
  }
  if (period.kind == Period::Kind::kYear) {
    return {{Period::Kind::kHalf, period.year, 1}, {Period::Kind::kHalf, period.year, 2}};
  }
  return {};
}

std::vector<Period> WithHalvesAndYears(const std::vector<Period>& quarters) {
  std::set<Period> periods;
  for (const Period& quarter : quarters) {
    periods.insert(quarter);
    periods.insert(Period::Of(Period::Kind::kHalf, quarter.first()));
    periods.insert(Period::Of(Period::Kind::kYear, quarter.first()));
  }
  return {periods.begin(), periods.end()};
}

Period LastCompleteQuarter(const Date& day) { return Period::Of(Period::Kind::kQuarter, day).Previous(); }

std::string PeriodLabel(const Period& period) {
  static const char* const kRoman[] = {"I", "II", "III", "IV"};
  const std::string year = std::to_string(period.year);
  switch (period.kind) {
    case Period::Kind::kQuarter: return std::string(kRoman[period.index - 1]) + " квартал " + year + "\u00A0г.";
    case Period::Kind::kHalf: return std::to_string(period.index) + "-е полугодие " + year + "\u00A0г.";
    case Period::Kind::kYear: return year + " год";
  }
  return year;
}

std::string Period::Key() const {
  switch (kind) {
    case Kind::kQuarter: return std::to_string(year) + "-q" + std::to_string(index);
    case Kind::kHalf: return std::to_string(year) + "-h" + std::to_string(index);
    case Kind::kYear: return std::to_string(year);
  }
  return "";
}

}  // namespace otklik
