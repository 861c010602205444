#include "stats/disclosure.h"

#include <algorithm>
#include <set>

#include "stats/suppression.h"

namespace otklik {

namespace {

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
  std::vector<Relation> channel_relations;  // Quarters only.
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
    if (period.kind != Period::Kind::kQuarter) continue;
    // The quarter's channel split of each service: a service over its
    // touchpoints, a touchpoint over its services. Only cells with
    // respondents: most services are delivered at a few touchpoints.
    std::vector<Relation> by_touchpoint_of(static_cast<size_t>(touchpoints));
    for (int t = 0; t < touchpoints; ++t) {
      by_touchpoint_of[static_cast<size_t>(t)].total = {Key(GroupKey::Kind::kTouchpoint, t), period};
    }
    for (int s = 0; s < services; ++s) {
      const RoleCounts counts = results.Service(static_cast<size_t>(s), period);
      Relation channels{{Key(GroupKey::Kind::kService, s), period}, {}};
      for (int t = 0; t < touchpoints; ++t) {
        const uint64_t n = counts.touchpoints[static_cast<size_t>(t)];
        if (n == 0) continue;
        const Cell cell{ServiceAt(s, t), period};
        n_[cell] = n;
        channels.parts.push_back(cell);
        by_touchpoint_of[static_cast<size_t>(t)].parts.push_back(cell);
      }
      if (!channels.parts.empty()) channel_relations.push_back(std::move(channels));
    }
    for (Relation& relation : by_touchpoint_of) {
      if (!relation.parts.empty()) channel_relations.push_back(std::move(relation));
    }
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
  // Channel splits, quarter by quarter, with every total above fixed: they
  // are details of a service's page and must not hide a touchpoint's or a
  // service's results.
  std::map<Period, std::vector<const Relation*>> channels_of;
  for (const Relation& relation : channel_relations) channels_of[std::get<1>(relation.total)].push_back(&relation);
  for (const auto& [quarter, quarter_relations] : channels_of) SuppressChannels(quarter_relations);
  // Situations last: they pool only what is shown, so they add no sums to check.
  for (const Period& period : periods) {
    for (size_t i = 0; i < site.situations().size(); ++i) {
      const Cell situation{Key(GroupKey::Kind::kSituation, static_cast<int>(i)), period};
      n_[situation] = Counts(std::get<0>(situation), period).respondents;
      hidden_[situation] = TooSmall(n_[situation], k_);
    }
  }
}

void Disclosure::SuppressChannels(const std::vector<const Relation*>& relations) {
  const auto n_of = [&](const Cell& cell) {
    const auto it = n_.find(cell);
    return it == n_.end() ? 0 : it->second;
  };
  std::map<Cell, std::vector<const Relation*>> relations_of;
  for (const Relation* relation : relations) {
    for (const Cell& part : relation->parts) relations_of[part].push_back(relation);
  }
  const auto hidden_parts = [&](const Relation& relation) {
    int hidden = 0;
    for (const Cell& part : relation.parts) hidden += hidden_[part] ? 1 : 0;
    return hidden;
  };
  // A cell that is the only one of a shown total (a touchpoint with one
  // service) is published there anyway: hiding it protects nothing.
  std::set<Cell> determined;
  for (const Relation* relation : relations) {
    const bool row = std::get<0>(relation->total).kind == GroupKey::Kind::kService;
    if (row && hidden_[relation->total]) {
      for (const Cell& part : relation->parts) hidden_[part] = true;
    }
    if (relation->parts.size() == 1 && !hidden_[relation->total]) determined.insert(relation->parts.front());
  }
  // Every sum needs no hidden part or at least two (a hidden total: at least
  // one). A complement is picked where it needs no further one (its other
  // sum has a hidden part already), else the smallest.
  bool failed = false;
  for (bool changed = true; changed && !failed;) {
    changed = false;
    for (const Relation* relation : relations) {
      const int hidden = hidden_parts(*relation);
      if (hidden_[relation->total] ? hidden != 0 : hidden != 1) continue;
      const Cell* best = nullptr;
      bool best_settled = false;
      for (const Cell& part : relation->parts) {
        if (hidden_[part] || determined.contains(part)) continue;
        // Its other sum, if it has no hidden part yet, will need one more:
        // there must be one to pick.
        bool settled = true;
        bool viable = true;
        for (const Relation* other : relations_of[part]) {
          if (other == relation || hidden_parts(*other) != 0 || hidden_[other->total]) continue;
          settled = false;
          viable = viable && std::any_of(other->parts.begin(), other->parts.end(), [&](const Cell& cell) {
                     return cell != part && !hidden_[cell] && !determined.contains(cell);
                   });
        }
        if (!viable) continue;
        if (!best || (settled && !best_settled) || (settled == best_settled && n_of(part) < n_of(*best))) {
          best = &part;
          best_settled = settled;
        }
      }
      if (!best) {
        failed = true;
        break;
      }
      hidden_[*best] = true;
      changed = true;
    }
  }
  // Check what the published numbers give away: a sum with its total and
  // all but one part known gives that part; a hidden total of known parts
  // is their sum. If a hidden cell can be worked out, no channel split of
  // the quarter is published.
  if (!failed) {
    std::set<Cell> known;
    for (const Relation* relation : relations) {
      if (!hidden_[relation->total]) known.insert(relation->total);
      for (const Cell& part : relation->parts) {
        if (!hidden_[part]) known.insert(part);
      }
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (const Relation* relation : relations) {
        const Cell* unknown = nullptr;
        int unknowns = 0;
        for (const Cell& part : relation->parts) {
          if (!known.contains(part)) {
            unknown = &part;
            ++unknowns;
          }
        }
        if (known.contains(relation->total) && unknowns == 1) {
          known.insert(*unknown);
          changed = true;
        } else if (!known.contains(relation->total) && unknowns == 0) {
          known.insert(relation->total);
          changed = true;
        }
      }
    }
    for (const auto& [cell, is_hidden] : hidden_) {
      if (is_hidden && known.contains(cell)) failed = true;
    }
  }
  if (failed) {
    for (const Relation* relation : relations) {
      for (const Cell& part : relation->parts) hidden_[part] = true;
    }
  }
}

GroupKey Disclosure::ServiceAt(int service, int touchpoint) const {
  return {GroupKey::Kind::kServiceAtTouchpoint,
          service * static_cast<int>(results_.site().touchpoints().size()) + touchpoint};
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
    case GroupKey::Kind::kServiceAtTouchpoint: {
      // Only the respondents: the channel split counts people, not ratings.
      RoleCounts counts;
      const auto it = n_.find({group, period});
      counts.respondents = it == n_.end() ? 0 : it->second;
      return counts;
    }
    case GroupKey::Kind::kAll: break;
  }
  return results_.All(period);
}

}  // namespace otklik
