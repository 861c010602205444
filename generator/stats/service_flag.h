#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/ratio.h"
#include "stats/proportion.h"
#include "stats/results.h"

namespace otklik {

/// Whether a group's results call for an extra quarterly survey (seeds 000
/// §4.3, 002 §5): its satisfaction level is under `target` or its share of
/// ratings 1 and 2 is over `negative_limit`, and at least `k` people rated.
struct Flag {
  bool flagged = false;
  Proportion level;     ///< Share of ratings 4–5.
  Proportion negative;  ///< Share of ratings 1–2.
  std::string reason;   ///< Russian, e.g. «уровень удовлетворённости 52 % ниже цели 60 %»; both reasons joined by "; ".
};

/// REQUIRES: 0 < target, negative_limit < 1.
Flag FlagOf(const RoleCounts& counts, uint64_t k, const Ratio& target, const Ratio& negative_limit);

/// A flagged service: its index in the site's list, the indicator whose
/// level flagged it, and why.
struct FlaggedService {
  size_t service = 0;
  int indicator = 0;
  Flag flag;
};

/// The services flagged in `quarter`, in site order, each indicator in turn. Flags are for staff
/// (`otklik check`, the internal report), so a service hidden on the public
/// site only to protect another group is still flagged; one with fewer than
/// `k` ratings never is.
std::vector<FlaggedService> FlaggedServices(const Results& results, const Period& quarter, uint64_t k,
                                            const Ratio& target, const Ratio& negative_limit);

/// The satisfaction level of 1–5 rating counts: the share of 4 and 5.
Proportion SatisfactionLevel(const std::array<uint64_t, 5>& ratings);

}  // namespace otklik
