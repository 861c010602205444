#include "stats/proportion.h"

#include <cmath>

namespace otklik {

namespace {

constexpr double kZ = 1.959963984540054;  // the 97.5th percentile of the standard normal

}  // namespace

Proportion WilsonInterval(uint64_t successes, uint64_t n) {
  Proportion p;
  p.successes = successes;
  p.n = n;
  if (n == 0) return p;
  const double size = static_cast<double>(n);
  const double share = static_cast<double>(successes) / size;
  const double z2 = kZ * kZ;
  const double denominator = 1 + z2 / size;
  const double center = (share + z2 / (2 * size)) / denominator;
  const double half = kZ * std::sqrt(share * (1 - share) / size + z2 / (4 * size * size)) / denominator;
  p.share = share;
  // Exact at the ends: with no successes the lower bound is 0, with all of them the upper is 1.
  p.low = successes == 0 ? 0 : std::max(0.0, center - half);
  p.high = successes == n ? 1 : std::min(1.0, center + half);
  return p;
}

Change ChangeBetween(const Proportion& before, const Proportion& after) {
  Change c;
  c.difference = after.share - before.share;
  c.low = c.difference - std::sqrt(std::pow(after.share - after.low, 2) + std::pow(before.high - before.share, 2));
  c.high = c.difference + std::sqrt(std::pow(after.high - after.share, 2) + std::pow(before.share - before.low, 2));
  c.significant = c.low > 0 || c.high < 0;
  return c;
}

}  // namespace otklik
