#include "stats/service_flag.h"

#include <cmath>

namespace otklik {

namespace {

std::string WholePercent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "\u00A0%"; }

// `share` as a whole percent, or with one decimal when it would round to the
// threshold it is compared with («59,9 % ниже цели 60 %», not «60 % … 60 %»),
// rounded away from the threshold so the words stay true.
std::string PercentAgainst(double share, double threshold) {
  if (WholePercent(share) != WholePercent(threshold)) return WholePercent(share);
  const double scaled = share * 1000;
  const long tenths = static_cast<long>(share < threshold ? std::floor(scaled + 1e-9) : std::ceil(scaled - 1e-9));
  return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + "\u00A0%";
}

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
    flag.reason =
        "уровень удовлетворённости " + PercentAgainst(flag.level.share, target) + " ниже цели " + WholePercent(target);
  }
  if (flag.negative.share > negative_limit) {
    flag.reason += (flag.reason.empty() ? "" : "; ") + std::string("доля оценок 1–2 ") +
                   PercentAgainst(flag.negative.share, negative_limit) + " выше порога " + WholePercent(negative_limit);
  }
  flag.flagged = !flag.reason.empty();
  return flag;
}

std::vector<FlaggedService> FlaggedServices(const Results& results, const Period& quarter, uint64_t k, double target,
                                            double negative_limit) {
  std::vector<FlaggedService> out;
  for (size_t s = 0; s < results.site().services().size(); ++s) {
    Flag flag = FlagOf(results.Service(s, quarter), k, target, negative_limit);
    if (flag.flagged) out.push_back({s, std::move(flag)});
  }
  return out;
}

}  // namespace otklik
