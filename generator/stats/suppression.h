#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace otklik {

/// Disclosure control for one table of groups whose total is published (the
/// services of a situation, the quarters of a year, the age bands of a
/// question): which groups to show as «недостаточно данных».
///   - primary: every group with 0 < n < k;
///   - complementary: when exactly one group is hidden, the total minus the
///     shown groups would reveal it, so the smallest other non-empty group
///     is hidden as well.
/// Empty groups (n = 0) are never hidden: there is no one in them.
/// REQUIRES: k >= 1.
std::vector<bool> SuppressCells(const std::vector<uint64_t>& counts, uint64_t k);

/// Whether a single group, published on its own, must be hidden: 0 < n < k.
inline bool TooSmall(uint64_t n, uint64_t k) { return n > 0 && n < k; }

}  // namespace otklik
