#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace otklik {

/// A reporting period: a quarter, a half-year (to 1 July and to 31 December,
/// seed 004 §3.2) or a year.
struct Period {
  enum class Kind { kQuarter, kHalf, kYear };
  Kind kind = Kind::kQuarter;
  int year = 0;
  int index = 1;  ///< 1–4 for a quarter, 1–2 for a half, 1 for a year.

  static Period Of(Kind kind, const Date& day);
  Date first() const;
  Date last() const;
  /// The period of the same kind just before this one.
  Period Previous() const;
  /// The period of the same kind just after this one.
  Period Next() const;
  /// "2026-q3", "2026-h1", "2026": stable, for file names and anchors.
  std::string Key() const;
  /// The period of a key Key() makes; nullopt for anything else.
  static std::optional<Period> FromKey(std::string_view key);

  auto operator<=>(const Period&) const = default;
};

/// The periods a half-year (its quarters) or a year (its halves) is the sum
/// of; none for a quarter.
std::vector<Period> PartsOf(const Period& period);

/// `quarters` with every half-year and year that holds one of them, sorted
/// (quarters, then halves, then years, each in time order).
std::vector<Period> WithHalvesAndYears(const std::vector<Period>& quarters);

/// «III квартал 2026 г.», «1-е полугодие 2026 г.», «2026 год».
std::string PeriodLabel(const Period& period);

/// The quarter results are reported for on `day`: the last complete one.
Period LastCompleteQuarter(const Date& day);

}  // namespace otklik
