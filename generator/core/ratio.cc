#include "core/ratio.h"

namespace otklik {

namespace {

__extension__ typedef unsigned __int128 Wide;  // GCC and Clang; -Wpedantic otherwise warns

}  // namespace

uint64_t RoundHalfUp(uint64_t num, uint64_t den, int digits) {
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

}  // namespace otklik
