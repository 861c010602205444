#include "core/ratio.h"

#include <catch2/catch.hpp>

namespace otklik::ratio_test {
namespace {

TEST_CASE("Exact halves round up, where a binary double rounds them down") {
  // 147 / 40 = 3.675 exactly; as a double it is 3.67499…, and %.2f gives 3.67.
  CHECK(FormatDecimal({147, 40}, 2, ',') == "3,68");
  CHECK(FormatDecimal({147, 40}, 2, '.') == "3.68");
  CHECK(FormatDecimal({147, 40}, 1, ',') == "3,7");
  // 23 / 40 = 57.5 %; lround(0.575 * 100) gives 57.
  CHECK(FormatPercent({23, 40}) == "58\u00A0%");
  CHECK(WholePercent({23, 40}) == 58);
  // 5 / 8 = 62.5 %: up as well, not to the even neighbour.
  CHECK(FormatPercent({5, 8}) == "63\u00A0%");
  CHECK(FormatPercent({1, 8}, 1) == "12,5\u00A0%");
}

TEST_CASE("Rounding keeps leading zeros of the fraction and carries into the whole part") {
  CHECK(FormatDecimal({1, 20}, 2, ',') == "0,05");
  CHECK(FormatDecimal({199, 200}, 2, '.') == "1.00");
  CHECK(FormatDecimal({999, 1000}, 2, '.') == "1.00");
  CHECK(FormatDecimal({7, 2}, 0, ',') == "4");
  CHECK(FormatPercent({0, 5}) == "0\u00A0%");
  CHECK(FormatPercent({5, 5}) == "100\u00A0%");
  // 598 / 1000 = 59.8 %: next to a target of 60 % a page shows one decimal.
  CHECK(FormatPercent({598, 1000}) == "60\u00A0%");
  CHECK(FormatPercent({598, 1000}, 1) == "59,8\u00A0%");
}

TEST_CASE("Large counts do not overflow") {
  CHECK(RoundHalfUp(9'000'000'000'000'000'000ULL, 9'000'000'000'000'000'000ULL, 6) == 1'000'000);
  CHECK(FormatDecimal({10'000'001, 20'000'000}, 6, '.') == "0.500000");
  CHECK(Ratio{1, 3}.Text() == "1/3");
  CHECK(Ratio{1, 4}.value() == 0.25);
  CHECK(Ratio{1, 0}.value() == 0.0);
}

}  // namespace
}  // namespace otklik::ratio_test
