#pragma once

#include <cstdint>
#include <string>

namespace otklik {

/// An exact fraction of two counts: a share (19 of 57), a mean (147 / 40).
/// Every published figure is rounded from its ratio, half up, on integers:
/// a binary double cannot hold 3.675 or 0.575, and rounding one shows 3,67
/// and 57 % where the exact values give 3,68 and 58 %.
struct Ratio {
  uint64_t num = 0;
  uint64_t den = 0;  ///< 0: no value (nothing to divide by).

  /// num / den as a double, for charts and intervals; 0 when den is 0.
  double value() const { return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den); }
  /// "19/57": the machine-readable value pages and checkers compare.
  std::string Text() const { return std::to_string(num) + "/" + std::to_string(den); }
  bool operator==(const Ratio&) const = default;
};

/// num / den · 10^digits, rounded half up; 0 when den is 0 (no value).
/// REQUIRES digits in 0…6.
uint64_t RoundHalfUp(uint64_t num, uint64_t den, int digits);

/// The ratio with `digits` decimals, rounded half up, with `point` as the
/// decimal separator: (147, 40, 2, ',') → "3,68"; (0 digits) → "4".
/// REQUIRES ratio.den > 0.
std::string FormatDecimal(const Ratio& ratio, int digits, char point);

/// The ratio as a percentage with `digits` decimals and a no-break space
/// before the sign: 23/40 → "58 %" (57.5 rounds up), 1 digit → "57,5 %".
/// REQUIRES ratio.den > 0.
std::string FormatPercent(const Ratio& ratio, int digits = 0);

/// The whole percentage a share shows (23/40 → 58): what a page prints and
/// what comparisons of shown figures use. REQUIRES ratio.den > 0.
inline long WholePercent(const Ratio& ratio) { return static_cast<long>(RoundHalfUp(ratio.num * 100, ratio.den, 0)); }

/// How a satisfaction level is shown beside its target: in whole percent,
/// or with one decimal when that would read as the target itself
/// («59,8 %», not «60 % … ниже цели 60 %»); and whether the shown figure is
/// below the target (compared as shown, so that words and number agree).
struct AgainstTarget {
  int digits = 0;
  bool below = false;
};
AgainstTarget CompareWithTarget(const Ratio& share, const Ratio& target);

/// The shown value of a share in tenths of a percent (598 for «59,8 %», 600
/// for «60 %»): what differences between shown figures are computed from.
long ShownTenths(const Ratio& share, int digits);
/// Tenths of a percentage point as text, without sign: 20 → «2», 3 → «0,3».
std::string TenthsText(long tenths);

}  // namespace otklik
