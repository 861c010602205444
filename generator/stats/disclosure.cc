#include "stats/disclosure.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "stats/disclosure_audit.h"
#include "stats/suppression.h"

namespace otklik {

namespace {

using Kind = GroupKey::Kind;

// Rounds of audit and repair before the build gives up.
constexpr size_t kMaxRounds = 40;

}  // namespace

namespace {

// FNV-1a over k and every cell and equation: what the steps decide from.
uint64_t TableHash(const CellTable& table, uint64_t k) {
  uint64_t hash = 1469598103934665603ULL;
  const auto mix = [&](const void* data, size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i) hash = (hash ^ bytes[i]) * 1099511628211ULL;
  };
  mix(&k, sizeof k);
  for (const Cell& cell : table.cells()) {
    mix(cell.key.data(), cell.key.size());
    const uint64_t fields[] = {cell.n, cell.published ? 1u : 0u, cell.protect ? 1u : 0u,
                               static_cast<uint64_t>(cell.tier)};
    mix(fields, sizeof fields);
  }
  for (const Equation& equation : table.equations()) {
    for (const Equation::Term& term : equation.terms) {
      const int64_t fields[] = {term.cell, term.coefficient};
      mix(fields, sizeof fields);
    }
    mix(&equation.constant, sizeof equation.constant);
  }
  return hash == 0 ? 1 : hash;
}

}  // namespace

std::vector<std::vector<size_t>> RecodeOrdered(const std::vector<uint64_t>& counts, uint64_t k) {
  std::vector<std::vector<size_t>> groups;
  std::vector<uint64_t> sizes;
  for (size_t o = 0; o < counts.size(); ++o) {
    groups.push_back({o});
    sizes.push_back(counts[o]);
  }
  while (groups.size() > 1) {
    // The smallest group that is too small, joined with its smaller neighbour.
    size_t small = groups.size();
    for (size_t g = 0; g < groups.size(); ++g) {
      if (TooSmall(sizes[g], k) && (small == groups.size() || sizes[g] < sizes[small])) small = g;
    }
    if (small == groups.size()) break;
    // An empty neighbour adds nobody: the smaller of the others, if any.
    size_t other = small == 0 ? 1 : small - 1;
    if (small > 0 && small + 1 < groups.size()) {
      const uint64_t left = sizes[small - 1];
      const uint64_t right = sizes[small + 1];
      if ((left == 0 && right > 0) || (right > 0 && right < left)) other = small + 1;
    }
    const size_t left = std::min(small, other);
    groups[left].insert(groups[left].end(), groups[left + 1].begin(), groups[left + 1].end());
    sizes[left] += sizes[left + 1];
    groups.erase(groups.begin() + static_cast<long>(left) + 1);
    sizes.erase(sizes.begin() + static_cast<long>(left) + 1);
  }
  return groups;
}

Disclosure::Disclosure(const Results& results, uint64_t k, const PublishedTables& published, DisclosureMemo* memo)
    : results_(results), k_(k), published_(published) {
  const std::vector<Period> periods = WithHalvesAndYears(results.Quarters());
  AddGroupTables(periods);
  AddQuestionTables(periods);
  AddResponseTotals();
  for (const Cell& cell : table_.cells()) summary_.cells += cell.published ? 1 : 0;
  const uint64_t fingerprint = TableHash(table_, k_);
  if (memo && memo->fingerprint == fingerprint && memo->hidden.size() == table_.cells().size()) {
    for (size_t c = 0; c < memo->hidden.size(); ++c) table_.cell(static_cast<int>(c)).hidden = memo->hidden[c] != 0;
    summary_ = memo->summary;
    exposed_ = memo->exposed;
  } else {
    Primary();
    Complementary();
    AuditAndRepair();
    if (memo) {
      memo->fingerprint = fingerprint;
      memo->hidden.clear();
      for (const Cell& cell : table_.cells()) memo->hidden.push_back(cell.hidden ? 1 : 0);
      memo->summary = summary_;
      memo->exposed = exposed_;
    }
  }
  // Situations last: they pool only what is shown, so they add no relation.
  const Site& site = results.site();
  for (int indicator = 0; indicator < static_cast<int>(results.indicators()); ++indicator) {
    for (const Period& period : periods) {
      for (size_t i = 0; i < site.situations().size(); ++i) {
        const GroupKey situation{Kind::kSituation, static_cast<int>(i), indicator};
        situations_hidden_[{situation, period}] = TooSmall(Counts(situation, period).respondents, k_);
      }
    }
  }
}

// ---- Steps ----------------------------------------------------------------

void Disclosure::Primary() {
  for (size_t c = 0; c < table_.cells().size(); ++c) {
    const Cell& cell = table_.cell(static_cast<int>(c));
    // Published cells only: an unknown nobody sees needs no protection.
    if (cell.published && cell.protect && !cell.hidden && TooSmall(cell.n, k_)) {
      Hide(static_cast<int>(c), &summary_.primary);
      table_.cell(static_cast<int>(c)).primary = true;
    }
  }
}

bool Disclosure::GivesAway(const Equation& equation) const {
  int hidden = 0;
  int unknowns = 0;
  int sign = 0;
  bool mixed = false;
  uint64_t sum = 0;
  for (const Equation::Term& term : equation.terms) {
    const Cell& cell = table_.cell(term.cell);
    const bool unknown = (cell.published && cell.hidden) || (!cell.published && cell.n > 0);
    if (!unknown) continue;
    hidden += cell.published ? 1 : 0;
    ++unknowns;
    sum += cell.n;
    const int s = term.coefficient > 0 ? 1 : -1;
    mixed = mixed || (sign != 0 && s != sign);
    sign = s;
  }
  // One unknown is worked out; unknowns of one sign are bounded by their sum.
  return hidden > 0 && (unknowns == 1 || (!mixed && sum < k_));
}

int Disclosure::Complement(const Equation& equation) const {
  int ceiling = 0;  // never hide a more important cell for a detail's sake
  uint64_t hidden_sum = 0;
  for (const Equation::Term& term : equation.terms) {
    const Cell& cell = table_.cell(term.cell);
    if (cell.published && cell.hidden) {
      ceiling = std::max(ceiling, cell.tier);
      hidden_sum += cell.n;
    }
  }
  int tier = -1;
  for (const Equation::Term& term : equation.terms) {
    const Cell& cell = table_.cell(term.cell);
    if (cell.published && !cell.hidden && cell.n > 0 && cell.tier <= ceiling && (tier < 0 || cell.tier < tier)) {
      tier = cell.tier;
    }
  }
  if (tier < 0) return -1;
  // Fewest new relations left with one unknown (hiding a cell that already
  // shares its other sums with a hidden one costs nothing further); then the
  // smallest cell that brings the hidden sum to k, else the largest.
  int best = -1;
  int best_cascade = 0;
  const uint64_t need = hidden_sum >= k_ ? 0 : k_ - hidden_sum;
  for (const Equation::Term& term : equation.terms) {
    const Cell& cell = table_.cell(term.cell);
    if (!cell.published || cell.hidden || cell.n == 0 || cell.tier != tier) continue;
    const int cascade = Cascade(term.cell, equation);
    if (best < 0 || cascade < best_cascade) {
      best = term.cell;
      best_cascade = cascade;
      continue;
    }
    if (cascade > best_cascade) continue;
    const uint64_t b = table_.cell(best).n;
    const bool enough = cell.n >= need;
    const bool best_enough = b >= need;
    if ((enough && (!best_enough || cell.n < b)) || (!enough && !best_enough && cell.n > b)) best = term.cell;
  }
  return best;
}

int Disclosure::Cascade(int cell, const Equation& from) const {
  int cascade = 0;
  for (const int e : table_.EquationsOf(cell)) {
    const Equation& other = table_.equations()[static_cast<size_t>(e)];
    if (&other == &from) continue;
    bool any_unknown = false;
    for (const Equation::Term& term : other.terms) {
      const Cell& c = table_.cell(term.cell);
      any_unknown = any_unknown || (c.published && c.hidden) || (!c.published && c.n > 0);
    }
    cascade += any_unknown ? 0 : 1;
  }
  return cascade;
}

void Disclosure::Complementary() {
  for (bool changed = true; changed;) {
    changed = false;
    for (const Equation& equation : table_.equations()) {
      if (!GivesAway(equation)) continue;
      const int cell = Complement(equation);
      if (cell < 0) continue;  // nothing left to hide here: the audit decides
      Hide(cell, &summary_.complementary);
      changed = true;
    }
  }
}

bool Disclosure::AuditAndRepair() {
  for (size_t round = 0; round < kMaxRounds; ++round) {
    const AuditReport report = AuditDisclosure(table_);
    ++summary_.rounds;
    summary_.audited = report.audited;
    summary_.problems += report.problems;
    // A small group must stay uncertain over at least k values.
    std::vector<Exposure> exposed;
    for (const Exposure& range : report.ranges) {
      if (table_.cell(range.cell).primary && range.high - range.low < static_cast<double>(k_) - 1e-6) {
        exposed.push_back(range);
      }
    }
    if (exposed.empty()) {
      // A complement the published numbers give away protects nothing and
      // tells readers less than they can work out: show it.
      for (const Exposure& range : report.ranges) {
        Cell& cell = table_.cell(range.cell);
        if (!cell.primary && range.high - range.low < 0.5) {
          cell.hidden = false;
          --summary_.complementary;
          ++summary_.given_away;
        }
      }
      return true;
    }
    bool repaired = false;
    for (const Exposure& exposure : exposed) {
      const int best = Neighbour(exposure.cell);
      if (best >= 0 && !table_.cell(best).hidden) {
        Hide(best, &summary_.complementary);
        repaired = true;
      }
    }
    if (!repaired) {
      for (const Exposure& exposure : exposed) {
        const Cell& cell = table_.cell(exposure.cell);
        exposed_.push_back(cell.key.substr(2) + ": скрытое число можно вычислить в пределах от " +
                           std::to_string(std::llround(exposure.low)) + " до " +
                           (std::isinf(exposure.high) ? std::string("∞") : std::to_string(std::llround(exposure.high))));
      }
      return false;
    }
    Complementary();
  }
  exposed_.push_back("проверка скрытых чисел не сошлась за " + std::to_string(kMaxRounds) + " кругов");
  return false;
}

int Disclosure::Neighbour(int start) const {
  // Breadth first through the unknowns (hidden cells and atoms) that tie
  // the exposed cell to shown ones; the least important shown cell wins,
  // then the nearest, then the smallest.
  constexpr int kDepth = 8;
  std::map<int, int> distance = {{start, 0}};
  std::vector<int> frontier = {start};
  int best = -1;
  int best_distance = 0;
  for (int depth = 1; depth <= kDepth && !frontier.empty(); ++depth) {
    std::vector<int> next;
    for (const int cell : frontier) {
      for (const int e : table_.EquationsOf(cell)) {
        for (const Equation::Term& term : table_.equations()[static_cast<size_t>(e)].terms) {
          if (distance.contains(term.cell)) continue;
          distance[term.cell] = depth;
          const Cell& c = table_.cell(term.cell);
          if (c.hidden || !c.published) {
            next.push_back(term.cell);
            continue;
          }
          if (c.n == 0) continue;
          const Cell* b = best < 0 ? nullptr : &table_.cell(best);
          if (!b || c.tier < b->tier || (c.tier == b->tier && depth < best_distance) ||
              (c.tier == b->tier && depth == best_distance && c.n < b->n)) {
            best = term.cell;
            best_distance = depth;
          }
        }
      }
    }
    frontier = std::move(next);
  }
  return best;
}

void Disclosure::Hide(int cell, size_t* counter) {
  Cell& c = table_.cell(cell);
  if (c.hidden) return;
  c.hidden = true;
  ++*counter;
  // The answers of a question whose base is hidden are not shown either.
  const auto answers = answers_of_.find(cell);
  if (answers == answers_of_.end()) return;
  for (const int answer : answers->second) table_.cell(answer).hidden = true;
}

// ---- Lookups --------------------------------------------------------------

int Disclosure::GroupCell(const GroupKey& group, const Period& period) const {
  const auto it = group_cells_.find({group, period});
  return it == group_cells_.end() ? -1 : it->second;
}

GroupKey Disclosure::ServiceAt(int indicator, int service, int touchpoint) const {
  return {Kind::kServiceAtTouchpoint, service * static_cast<int>(results_.site().touchpoints().size()) + touchpoint,
          indicator};
}

bool Disclosure::Hidden(const GroupKey& group, const Period& period) const {
  if (group.kind == Kind::kSituation) {
    const auto it = situations_hidden_.find({group, period});
    return it != situations_hidden_.end() && it->second;
  }
  const int cell = GroupCell(group, period);
  return cell >= 0 && (table_.cell(cell).hidden || !table_.cell(cell).published);
}

RoleCounts Disclosure::Counts(const GroupKey& group, const Period& period) const {
  const size_t index = static_cast<size_t>(group.index);
  switch (group.kind) {
    case Kind::kService: return results_.Service(group.indicator, index, period);
    case Kind::kTouchpoint: return results_.Touchpoint(group.indicator, index, period);
    case Kind::kSituation: {
      RoleCounts counts = results_.Empty();
      const Site& site = results_.site();
      for (const std::string& id : site.situations()[index].services) {
        const Service* service = site.FindService(id);
        if (service) AddShown(group.indicator, static_cast<int>(service - site.services().data()), period, &counts);
      }
      return counts;
    }
    case Kind::kServiceAtTouchpoint: {
      // Only the respondents: the channel split counts people, not ratings.
      RoleCounts counts;
      const int cell = GroupCell(group, period);
      counts.respondents = cell < 0 ? 0 : table_.cell(cell).n;
      return counts;
    }
    case Kind::kAll: break;
  }
  return results_.All(group.indicator, period);
}

bool Disclosure::ResponsesHidden(const std::optional<size_t>& survey) const {
  const auto it = response_cells_.find(survey);
  return it != response_cells_.end() && table_.cell(it->second).hidden;
}

// A service's counts in `period` as pages publish them: the period's own
// when shown, else those of its shown halves or quarters. A situation pooled
// this way agrees with its services wherever they are shown, and reveals
// nothing hidden: it is a sum of published cells.
void Disclosure::AddShown(int indicator, int service, const Period& period, RoleCounts* out) const {
  const GroupKey group{Kind::kService, service, indicator};
  if (GroupCell(group, period) < 0) return;  // nobody there
  if (!Hidden(group, period)) {
    out->Add(results_.Service(indicator, static_cast<size_t>(service), period));
    return;
  }
  for (const Period& part : PartsOf(period)) AddShown(indicator, service, part, out);
}

const std::vector<std::vector<size_t>>& Disclosure::Categories(size_t survey, size_t slot) const {
  return categories_[survey][slot];
}

bool Disclosure::QuestionHidden(size_t survey, size_t slot, int cell, const std::optional<Period>& period) const {
  // A table the build did not plan to publish was never protected: hidden.
  const auto it = question_cells_.find({survey, slot, cell, period});
  if (it == question_cells_.end()) return true;
  const Cell& c = table_.cell(it->second);
  return c.hidden || !c.published;
}

}  // namespace otklik
