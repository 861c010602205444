#include "stats/service_flag.h"

#include <cmath>

namespace otklik {

namespace {

// A share beside its threshold, as pages show it: one decimal where the whole
// percent would read as the threshold itself («59,8 % ниже цели 60 %»).
std::string Against(const Ratio& share, const Ratio& threshold) {
  return FormatPercent(share, CompareWithTarget(share, threshold).digits);
}

}  // namespace

Proportion SatisfactionLevel(const std::array<uint64_t, 5>& ratings) {
  const uint64_t n = ratings[0] + ratings[1] + ratings[2] + ratings[3] + ratings[4];
  return WilsonInterval(ratings[3] + ratings[4], n);
}

Flag FlagOf(const RoleCounts& counts, uint64_t k, const Ratio& target, const Ratio& negative_limit) {
  Flag flag;
  flag.level = SatisfactionLevel(counts.overall);
  flag.negative = WilsonInterval(counts.overall[0] + counts.overall[1], flag.level.n);
  if (flag.level.n < k) return flag;
  const Ratio level{flag.level.successes, flag.level.n};
  const Ratio negative{flag.negative.successes, flag.negative.n};
  // Compared as shown, so that the words agree with the number beside them.
  if (CompareWithTarget(level, target).below) {
    flag.reason = "уровень удовлетворённости " + Against(level, target) + " ниже цели " + FormatPercent(target);
  }
  const AgainstTarget against_limit = CompareWithTarget(negative, negative_limit);
  if (!against_limit.below && ShownTenths(negative, against_limit.digits) > ShownTenths(negative_limit, 1)) {
    flag.reason += (flag.reason.empty() ? "" : "; ") + std::string("доля оценок 1–2 ") +
                   Against(negative, negative_limit) + " выше порога " + FormatPercent(negative_limit);
  }
  flag.flagged = !flag.reason.empty();
  return flag;
}

std::vector<FlaggedService> FlaggedServices(const Results& results, const Period& quarter, uint64_t k,
                                            const Ratio& target, const Ratio& negative_limit) {
  std::vector<FlaggedService> out;
  for (size_t s = 0; s < results.site().services().size(); ++s) {
    for (int indicator = 0; indicator < static_cast<int>(results.indicators()); ++indicator) {
      Flag flag = FlagOf(results.Service(indicator, s, quarter), k, target, negative_limit);
      if (flag.flagged) out.push_back({s, indicator, std::move(flag)});
    }
  }
  return out;
}

}  // namespace otklik
