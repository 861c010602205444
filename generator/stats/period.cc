#include "stats/period.h"

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

Period LastCompleteQuarter(const Date& day) { return Period::Of(Period::Kind::kQuarter, day).Previous(); }

std::string Period::Key() const {
  switch (kind) {
    case Kind::kQuarter: return std::to_string(year) + "-q" + std::to_string(index);
    case Kind::kHalf: return std::to_string(year) + "-h" + std::to_string(index);
    case Kind::kYear: return std::to_string(year);
  }
  return "";
}

}  // namespace otklik
