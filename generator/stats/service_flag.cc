#include "stats/service_flag.h"

#include <cmath>

namespace otklik {

namespace {

std::string WholePercent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "\u00A0%"; }

}  // namespace

Proportion SatisfactionLevel(const std::array<uint64_t, 5>& ratings) {
  const uint64_t n = ratings[0] + ratings[1] + ratings[2] + ratings[3] + ratings[4];
  return WilsonInterval(ratings[3] + ratings[4], n);
}

Flag FlagOf(const RoleCounts& counts, uint64_t k, double target, double negative_limit) {
  Flag flag;
  flag.level = SatisfactionLevel(counts.overall);
  flag.negative = WilsonInterval(counts.overall[0] + counts.overall[1], flag.level.n);
  if (flag.level.n < k) return flag;
  if (flag.level.share < target) {
    flag.reason = "уровень удовлетворённости " + WholePercent(flag.level.share) + " ниже цели " + WholePercent(target);
  } else if (flag.negative.share > negative_limit) {
    flag.reason = "доля оценок 1–2 " + WholePercent(flag.negative.share) + " выше порога " + WholePercent(negative_limit);
  }
  flag.flagged = !flag.reason.empty();
  return flag;
}

}  // namespace otklik
