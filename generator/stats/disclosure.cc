#include "stats/disclosure.h"

#include <set>

#include "stats/suppression.h"

namespace otklik {

namespace {

using Cell = std::tuple<GroupKey, Period>;

// total = Σ parts (+ whatever else can be worked out).
struct Relation {
  Cell total;
  std::vector<Cell> parts;
  bool hide_total = false;  ///< The complement is the total, not the smallest other part.
};

GroupKey Key(GroupKey::Kind kind, int index = -1) { return {kind, index}; }

}  // namespace

Disclosure::Disclosure(const Results& results, uint64_t k) : results_(results), k_(k) {
  const Site& site = results.site();
  const int services = static_cast<int>(site.services().size());
  const int touchpoints = static_cast<int>(site.touchpoints().size());
  std::set<Period> periods;
  for (const Period& quarter : results.Quarters()) {
    periods.insert(quarter);
    periods.insert(Period::Of(Period::Kind::kHalf, quarter.first()));
    periods.insert(Period::Of(Period::Kind::kYear, quarter.first()));
  }
  std::vector<GroupKey> groups = {Key(GroupKey::Kind::kAll)};
  for (int s = 0; s < services; ++s) groups.push_back(Key(GroupKey::Kind::kService, s));
  for (int t = 0; t < touchpoints; ++t) groups.push_back(Key(GroupKey::Kind::kTouchpoint, t));

  std::vector<Relation> relations;
  for (const Period& period : periods) {
    const RoleCounts all = results.All(period);
    const Cell everything{Key(GroupKey::Kind::kAll), period};
    n_[everything] = all.respondents;
    // Everything over its services, and over its touchpoints. The rest
    // (responses without a service, or without a touchpoint) counts as
    // known: it can often be worked out elsewhere (a hotline survey has no
    // service question, and its touchpoint and its results page show its
    // count), so it never hides anything.
    Relation by_service{everything, {}};
    Relation by_touchpoint{everything, {}};
    for (int t = 0; t < touchpoints; ++t) {
      const Cell touchpoint{Key(GroupKey::Kind::kTouchpoint, t), period};
      n_[touchpoint] = all.touchpoints[static_cast<size_t>(t)];
      by_touchpoint.parts.push_back(touchpoint);
    }
    for (int s = 0; s < services; ++s) {
      const Cell service{Key(GroupKey::Kind::kService, s), period};
      n_[service] = results.Service(static_cast<size_t>(s), period).respondents;
      by_service.parts.push_back(service);
    }
    relations.push_back(std::move(by_service));
    relations.push_back(std::move(by_touchpoint));
  }
  // Every group's half-year is the sum of its quarters, its year the sum of its halves.
  for (const Period& period : periods) {
    if (period.kind == Period::Kind::kQuarter) continue;
    std::vector<Period> parts;
    if (period.kind == Period::Kind::kHalf) {
      const Period first = Period::Of(Period::Kind::kQuarter, period.first());
      parts = {first, first.Next()};
    } else {
      parts = {{Period::Kind::kHalf, period.year, 1}, {Period::Kind::kHalf, period.year, 2}};
    }
    for (const GroupKey& group : groups) {
      Relation over_time{{group, period}, {}, true};
      for (const Period& part : parts) over_time.parts.push_back({group, part});
      relations.push_back(std::move(over_time));
    }
  }
  for (const auto& [cell, n] : n_) hidden_[cell] = TooSmall(n, k_);
  const auto n_of = [&](const Cell& cell) {
    const auto it = n_.find(cell);
    return it == n_.end() ? 0 : it->second;
  };
  // A relation with one hidden part (or a hidden total with every part
  // shown) needs one more cell hidden: the total for a sum over time, the
  // smallest other part for a sum over groups. Sums over time leave no
  // choice, so they are settled before every choice: a complement is only
  // picked where the cells that must be hidden anyway do not already cover it.
  const auto cell_to_hide = [&](const Relation& relation) -> const Cell* {
    int hidden_parts = 0;
    const Cell* smallest = nullptr;
    for (const Cell& part : relation.parts) {
      const uint64_t n = n_of(part);
      if (n == 0) continue;
      if (hidden_[part]) {
        ++hidden_parts;
      } else if (!smallest || n < n_of(*smallest)) {
        smallest = &part;
      }
    }
    // A hidden sum whose parts are all shown is their sum: a complement
    // hidden there (a service's half-year) would hide nothing.
    if (hidden_[relation.total]) return hidden_parts > 0 ? nullptr : smallest;
    // One hidden part: total − shown parts would reveal it.
    if (hidden_parts != 1) return nullptr;
    return relation.hide_total || !smallest ? &relation.total : smallest;
  };
  const auto settle_over_time = [&] {
    for (bool changed = true; changed;) {
      changed = false;
      for (const Relation& relation : relations) {
        if (!relation.hide_total) continue;
        if (const Cell* cell = cell_to_hide(relation)) {
          hidden_[*cell] = true;
          changed = true;
        }
      }
    }
  };
  settle_over_time();
  for (bool changed = true; changed;) {
    changed = false;
    for (const Relation& relation : relations) {
      if (relation.hide_total) continue;
      if (const Cell* cell = cell_to_hide(relation)) {
        hidden_[*cell] = true;
        settle_over_time();
        changed = true;
      }
    }
  }
  // Situations last: they pool only what is shown, so they add no sums to check.
  for (const Period& period : periods) {
    for (size_t i = 0; i < site.situations().size(); ++i) {
      const Cell situation{Key(GroupKey::Kind::kSituation, static_cast<int>(i)), period};
      n_[situation] = Counts(std::get<0>(situation), period).respondents;
      hidden_[situation] = TooSmall(n_[situation], k_);
    }
  }
}

bool Disclosure::Hidden(const GroupKey& group, const Period& period) const {
  const auto it = hidden_.find({group, period});
  return it != hidden_.end() && it->second;
}

RoleCounts Disclosure::Counts(const GroupKey& group, const Period& period) const {
  const size_t index = static_cast<size_t>(group.index);
  switch (group.kind) {
    case GroupKey::Kind::kService: return results_.Service(index, period);
    case GroupKey::Kind::kTouchpoint: return results_.Touchpoint(index, period);
    case GroupKey::Kind::kSituation:
      return results_.Situation(index, period, [this](size_t service, const Period& quarter) {
        return !Hidden({GroupKey::Kind::kService, static_cast<int>(service)}, quarter);
      });
    case GroupKey::Kind::kAll: break;
  }
  return results_.All(period);
}

}  // namespace otklik
