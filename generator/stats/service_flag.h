#pragma once

#include <cstdint>
#include <string>

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
  std::string reason;   ///< Russian, e.g. «уровень удовлетворённости 52 % ниже цели 60 %».
};

/// REQUIRES: 0 < target, negative_limit < 1.
Flag FlagOf(const RoleCounts& counts, uint64_t k, double target, double negative_limit);

/// The satisfaction level of 1–5 rating counts: the share of 4 and 5.
Proportion SatisfactionLevel(const std::array<uint64_t, 5>& ratings);

}  // namespace otklik
