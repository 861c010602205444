#include "core/ratio.h"

#include <cstdlib>

namespace otklik {

namespace {

__extension__ typedef unsigned __int128 Wide;  // GCC and Clang; -Wpedantic otherwise warns

}  // namespace

uint64_t RoundHalfUp(uint64_t num, uint64_t den, int digits) {
  if (den == 0) return 0;  // no value: never shown, but never a crash either
  // 128-bit products: counts of millions times 10^6 stay exact.
  Wide scaled = num;
  for (int i = 0; i < digits; ++i) scaled *= 10;
  return static_cast<uint64_t>((scaled * 2 + den) / (static_cast<Wide>(den) * 2));
}

std::string FormatDecimal(const Ratio& ratio, int digits, char point) {
  const uint64_t scaled = RoundHalfUp(ratio.num, ratio.den, digits);
  uint64_t unit = 1;
  for (int i = 0; i < digits; ++i) unit *= 10;
  std::string text = std::to_string(scaled / unit);
  if (digits == 0) return text;
  std::string fraction = std::to_string(scaled % unit);
  return text + point + std::string(static_cast<size_t>(digits) - fraction.size(), '0') + fraction;
}

std::string FormatPercent(const Ratio& ratio, int digits) {
  return FormatDecimal({ratio.num * 100, ratio.den}, digits, ',') + "\u00A0%";
}

AgainstTarget CompareWithTarget(const Ratio& share, const Ratio& target) {
  AgainstTarget out;
  if (share.den == 0 || target.den == 0) return out;
  const bool same_whole = WholePercent(share) == WholePercent(target);
  const bool exact = share.num * target.den == target.num * share.den;
  out.digits = same_whole && !exact ? 1 : 0;
  out.below = ShownTenths(share, out.digits) < ShownTenths(target, 1);
  return out;
}

long ShownTenths(const Ratio& share, int digits) {
  if (share.den == 0) return 0;
  if (digits >= 1) return static_cast<long>(RoundHalfUp(share.num * 1000, share.den, 0));
  return WholePercent(share) * 10;
}

std::string TenthsText(long tenths) {
  const long whole = std::labs(tenths) / 10;
  const long rest = std::labs(tenths) % 10;
  return std::to_string(whole) + (rest == 0 ? "" : "," + std::to_string(rest));
}

}  // namespace otklik
