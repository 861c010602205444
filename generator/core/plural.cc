#include "core/plural.h"

namespace otklik {

const std::string& RussianPlural(long n, const std::string& one, const std::string& few, const std::string& many) {
  const unsigned long abs = n < 0 ? 0UL - static_cast<unsigned long>(n) : static_cast<unsigned long>(n);
  const unsigned long tens = abs % 100;
  const unsigned long units = abs % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units == 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

std::string CountWithNoun(long n, const std::string& one, const std::string& few, const std::string& many) {
  return std::to_string(n) + "\u00A0" + RussianPlural(n, one, few, many);
}

}  // namespace otklik
