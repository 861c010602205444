#pragma once

#include <cstdint>

namespace otklik {

/// A share of respondents with its 95 % Wilson score interval: the share of
/// `successes` among `n`, and the range that holds the true share with 95 %
/// confidence. Wilson's interval stays inside [0, 1] and behaves well for
/// small groups and for shares near 0 or 1, where the textbook p ± 1.96·SE
/// does not.
struct Proportion {
  uint64_t successes = 0;
  uint64_t n = 0;
  double share = 0;  ///< successes / n; 0 when n is 0.
  double low = 0;    ///< Lower bound of the 95 % interval.
  double high = 0;   ///< Upper bound of the 95 % interval.
};

/// REQUIRES: successes <= n. For n == 0 every field is 0.
Proportion WilsonInterval(uint64_t successes, uint64_t n);

/// The difference `after` − `before` of two independent shares with its 95 %
/// interval (Newcombe's hybrid score method, built from the two Wilson
/// intervals). `significant` is true when the interval excludes 0: the
/// change is larger than the uncertainty of either period.
struct Change {
  double difference = 0;
  double low = 0;
  double high = 0;
  bool significant = false;
};

/// REQUIRES: before.n > 0 and after.n > 0.
Change ChangeBetween(const Proportion& before, const Proportion& after);

}  // namespace otklik
