#pragma once

#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

#include "stats/results.h"

namespace otklik {

/// A group whose numbers the site publishes for a period.
struct GroupKey {
  /// kServiceAtTouchpoint: the respondents about one service at one
  /// touchpoint in a quarter (a service's channel split); see Disclosure::ServiceAt.
  enum class Kind { kAll, kService, kSituation, kTouchpoint, kServiceAtTouchpoint };
  Kind kind = Kind::kAll;
  int index = -1;  ///< The service, situation or touchpoint (in the site's lists); -1 for kAll.
  auto operator<=>(const GroupKey&) const = default;
};

/// Which published groups show «недостаточно данных» instead of numbers, for
/// every quarter, half-year and year with responses.
///
///   - Primary: a group of 1 to k−1 respondents is hidden.
///   - Complementary: every published sum is checked — everything over the
///     services and over the touchpoints, a half-year over its quarters, a
///     year over its halves. When exactly one part of a shown sum is hidden,
///     the sum minus the shown parts would reveal it, so one more cell is
///     hidden: for everything, the smallest other part (the agency's total
///     stays); for a period, the longer period itself (the quarters stay).
///     Responses without a service or touchpoint count as known (they can
///     be worked out from other pages), never as a second unknown.
///     A hidden sum whose parts are all shown would be worked out as their
///     sum, so its smallest part is hidden too. This repeats until no hidden
///     cell can be worked out.
///   - A service's channel split in a quarter (its respondents at each
///     touchpoint) is checked the same way: a service's total over its
///     touchpoints, and a touchpoint's total over its services.
///   - A situation pools only the quarters of its services that are shown,
///     so it is derived from published numbers and can never reveal a hidden
///     service (nor be smaller than k, except 0).
class Disclosure {
 public:
  Disclosure(const Results& results, uint64_t k);

  bool Hidden(const GroupKey& group, const Period& period) const;
  /// The cell of `service` at `touchpoint` (quarters only).
  GroupKey ServiceAt(int service, int touchpoint) const;
  /// The group's counts as the site publishes them (situations pooled over
  /// their shown services); to be shown only when !Hidden(group, period).
  RoleCounts Counts(const GroupKey& group, const Period& period) const;
  uint64_t k() const { return k_; }
  const Results& results() const { return results_; }

 private:
  using Cell = std::tuple<GroupKey, Period>;
  /// total = Σ parts (+ whatever else can be worked out).
  struct Relation {
    Cell total;
    std::vector<Cell> parts;
    bool hide_total = false;  ///< The complement is the total, not the smallest other part.
  };
  /// Hides cells of one quarter's channel splits (`relations`: services
  /// over touchpoints and touchpoints over services) until none can be
  /// worked out; all of them if that fails.
  void SuppressChannels(const std::vector<const Relation*>& relations);

  const Results& results_;
  uint64_t k_;
  std::map<Cell, uint64_t> n_;
  std::map<Cell, bool> hidden_;
};

}  // namespace otklik
