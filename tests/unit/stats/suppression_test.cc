#include "stats/suppression.h"

#include <catch2/catch.hpp>

namespace otklik::suppression_test {
namespace {

using Hidden = std::vector<bool>;

TEST_CASE("SuppressCells hides nothing when every group is empty or large enough") {
  CHECK(SuppressCells({}, 10) == Hidden{});
  CHECK(SuppressCells({10, 0, 25}, 10) == Hidden{false, false, false});
  CHECK(SuppressCells({0, 0}, 10) == Hidden{false, false});
}

TEST_CASE("SuppressCells: primary suppression is 0 < n < k, so 1 and k − 1 are hidden, k is not") {
  // k = 10: 1 and 9 hidden, 10 shown, 0 never (nobody is in it). Two hidden: no complement.
  CHECK(SuppressCells({1, 9, 10, 0, 50}, 10) == Hidden{true, true, false, false, false});
}

TEST_CASE("SuppressCells: exactly one hidden group hides the smallest other non-empty one") {
  // 3 is hidden; the total minus 12 + 40 + 25 would give it back, so the smallest other, 12, goes too.
  CHECK(SuppressCells({40, 3, 12, 25}, 10) == Hidden{false, true, true, false});
  // Empty groups are no complement: the smallest non-empty other is 30, not 0.
  CHECK(SuppressCells({0, 5, 30, 0, 45}, 10) == Hidden{false, true, true, false, false});
}

TEST_CASE("SuppressCells: a tie for the smallest other group hides the first of them") {
  CHECK(SuppressCells({20, 20, 4, 20}, 10) == Hidden{true, false, true, false});
  CHECK(SuppressCells({30, 4, 15, 15}, 10) == Hidden{false, true, true, false});
}

TEST_CASE("SuppressCells: two or more hidden groups need no complement") {
  CHECK(SuppressCells({3, 4, 50, 60}, 10) == Hidden{true, true, false, false});
  CHECK(SuppressCells({3, 4, 5, 60}, 10) == Hidden{true, true, true, false});
}

TEST_CASE("SuppressCells: a lone small group with no other non-empty group stays alone") {
  // Nothing else to hide; the total equals the group and is itself too small to publish.
  CHECK(SuppressCells({0, 7, 0}, 10) == Hidden{false, true, false});
  CHECK(SuppressCells({7}, 10) == Hidden{true});
}

TEST_CASE("SuppressCells with k = 1 hides nothing, not even groups of one") {
  CHECK(SuppressCells({1, 0, 2, 1000}, 1) == Hidden{false, false, false, false});
}

TEST_CASE("SuppressCells with k = 2 hides only groups of one") {
  // 1 is hidden; the smallest other non-empty group is 2.
  CHECK(SuppressCells({5, 1, 2, 3}, 2) == Hidden{false, true, true, false});
}

TEST_CASE("TooSmall is 0 < n < k") {
  CHECK_FALSE(TooSmall(0, 10));
  CHECK(TooSmall(1, 10));
  CHECK(TooSmall(9, 10));
  CHECK_FALSE(TooSmall(10, 10));
  CHECK_FALSE(TooSmall(1, 1));
}

}  // namespace
}  // namespace otklik::suppression_test
