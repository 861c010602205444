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

// Tiers (Cell::tier): which cell of a relation gives way first.
constexpr int kDetail = 0;   // a channel split; a row of a question's table
constexpr int kGroup = 1;    // a group's results; a period's question base
constexpr int kWhole = 2;    // the agency
constexpr int kSurvey = 3;   // a question's base over all responses

// Rounds of audit and repair before the build gives up.
constexpr size_t kMaxRounds = 40;

GroupKey Group(Kind kind, int index, int indicator) { return {kind, index, indicator}; }

// The parts a half-year or year is the sum of.
std::vector<Period> PartsOf(const Period& period) {
  if (period.kind == Period::Kind::kHalf) {
    const Period first = Period::Of(Period::Kind::kQuarter, period.first());
    return {first, first.Next()};
  }
  if (period.kind == Period::Kind::kYear) return {{Period::Kind::kHalf, period.year, 1}, {Period::Kind::kHalf, period.year, 2}};
  return {};
}

// Whether a slot's categories sort people into groups that pages are cut by
// (and that the agency could link to a person): the service, the channel,
// sex, age and education.
bool SortsIntoGroups(const SurveyPlan& plan, const Slot& slot) {
  switch (slot.kind) {
    case QuestionKind::kService:
    case QuestionKind::kSex:
    case QuestionKind::kAge:
    case QuestionKind::kEducation: return true;
    default: break;
  }
  const Question* question = plan.survey().FindQuestion(slot.question);
  return question && question->role == QuestionRole::kChannel;
}

bool Ordered(const Slot& slot) { return slot.kind == QuestionKind::kAge || slot.kind == QuestionKind::kEducation; }

std::string CategoryKey(const Slot& slot, const std::vector<size_t>& options) {
  std::string key;
  for (const size_t o : options) key += (key.empty() ? "" : "+") + slot.options[o];
  return key;
}

// The periods with a survey's responses: its quarters, their halves and years.
std::vector<Period> WithLongerPeriods(const std::vector<Period>& quarters) {
  std::set<Period> periods;
  for (const Period& quarter : quarters) {
    periods.insert(quarter);
    periods.insert(Period::Of(Period::Kind::kHalf, quarter.first()));
    periods.insert(Period::Of(Period::Kind::kYear, quarter.first()));
  }
  return {periods.begin(), periods.end()};
}

}  // namespace

namespace {

// FNV-1a over k and every cell and equation: what the steps decide from.
uint64_t Fingerprint(const CellTable& table, uint64_t k) {
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
  const std::vector<Period> periods = WithLongerPeriods(results.Quarters());
  AddGroupTables(periods);
  AddQuestionTables(periods);
  AddResponseTotals();
  for (const Cell& cell : table_.cells()) summary_.cells += cell.published ? 1 : 0;
  const uint64_t fingerprint = Fingerprint(table_, k_);
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
  if (getenv("OTKLIK_DEBUG_DISCLOSURE")) {
    for (const Cell& cell : table_.cells()) {
      if (cell.hidden) fprintf(stderr, "hidden %s %lu tier %d\n", cell.key.c_str(), (unsigned long)cell.n, cell.tier);
    }
  }
  // Situations last: they pool only what is shown, so they add no relation.
  const Site& site = results.site();
  for (int indicator = 0; indicator < static_cast<int>(results.indicators()); ++indicator) {
    for (const Period& period : periods) {
      for (size_t i = 0; i < site.situations().size(); ++i) {
        const GroupKey situation = Group(Kind::kSituation, static_cast<int>(i), indicator);
        situations_hidden_[{situation, period}] = TooSmall(Counts(situation, period).respondents, k_);
      }
    }
  }
}

// ---- Tables ---------------------------------------------------------------

void Disclosure::AddGroupTables(const std::vector<Period>& periods) {
  const Site& site = results_.site();
  const int services = static_cast<int>(site.services().size());
  const int touchpoints = static_cast<int>(site.touchpoints().size());
  for (int indicator = 0; indicator < static_cast<int>(results_.indicators()); ++indicator) {
    // Pages show only periods that are over; the current one is an unknown.
    const auto add_group = [&](const GroupKey& group, const Period& period, uint64_t n, int tier) {
      const bool over = period.last() < published_.as_of;
      const int cell = table_.Add("n/" + GroupFigureKey(site, group, period), n, over, over, tier);
      group_cells_[{group, period}] = cell;
      return cell;
    };
    std::vector<size_t> surveys;
    for (size_t s = 0; s < site.surveys().size(); ++s) {
      if (results_.IndicatorOf(s) == indicator) surveys.push_back(s);
    }
    for (const Period& period : periods) {
      add_group(Group(Kind::kAll, -1, indicator), period, results_.All(indicator, period).respondents, kWhole);
      for (int s = 0; s < services; ++s) {
        const uint64_t n = results_.Service(indicator, static_cast<size_t>(s), period).respondents;
        if (n > 0) add_group(Group(Kind::kService, s, indicator), period, n, kGroup);
      }
      for (int t = 0; t < touchpoints; ++t) {
        const uint64_t n = results_.Touchpoint(indicator, static_cast<size_t>(t), period).respondents;
        if (n > 0) add_group(Group(Kind::kTouchpoint, t, indicator), period, n, kGroup);
      }
    }
    // Per quarter, the atoms of respondents without a service or without a
    // touchpoint: the rest of the agency's total over services and over
    // touchpoints, in every period that holds the quarter.
    std::map<Period, std::vector<int>> no_service;
    std::map<Period, std::vector<int>> no_touchpoint;
    for (const Period& period : periods) {
      if (period.kind != Period::Kind::kQuarter) {
        // A group's half-year is the sum of its quarters, its year of its halves.
        for (const auto& [key, cell] : group_cells_) {
          if (key.second != period || key.first.indicator != indicator) continue;
          Equation sum{{{cell, 1}}, 0};
          for (const Period& part : PartsOf(period)) {
            const int part_cell = GroupCell(key.first, part);
            if (part_cell >= 0) sum.terms.push_back({part_cell, -1});
          }
          table_.AddEquation(std::move(sum));
        }
        continue;
      }
      // A quarter: every group is a sum of atoms (one survey's respondents
      // about one service at one touchpoint, -1 where not named).
      const int all = GroupCell(Group(Kind::kAll, -1, indicator), period);
      Equation all_by_service{{{all, 1}}, 0};
      Equation all_by_touchpoint{{{all, 1}}, 0};
      std::map<int, Equation> by_service;  // service → Σ its channel cells and atoms without a touchpoint
      std::map<int, Equation> by_touchpoint;
      std::map<std::pair<int, int>, std::vector<int>> atoms_at;  // (service, touchpoint) → atoms
      for (const size_t survey : surveys) {
        for (const auto& [service, touchpoint] : results_.Cells(survey, period)) {
          const uint64_t n = results_.Respondents(survey, service, touchpoint, period);
          const int atom = table_.Add("atom/" + site.surveys()[survey].id + "/" + std::to_string(service) + "/" +
                                          std::to_string(touchpoint) + "/" + period.Key(),
                                      n, false, false, kDetail);
          atoms_at[{service, touchpoint}].push_back(atom);
        }
      }
      for (const auto& [cell, atoms] : atoms_at) {
        const auto [service, touchpoint] = cell;
        if (service < 0) {
          for (const int atom : atoms) all_by_service.terms.push_back({atom, -1});
          no_service[period].insert(no_service[period].end(), atoms.begin(), atoms.end());
        }
        if (touchpoint < 0) {
          for (const int atom : atoms) all_by_touchpoint.terms.push_back({atom, -1});
          no_touchpoint[period].insert(no_touchpoint[period].end(), atoms.begin(), atoms.end());
        }
        if (service >= 0 && touchpoint >= 0) {
          uint64_t n = 0;
          for (const int atom : atoms) n += table_.cell(atom).n;
          // A service's channel split is shown for the last complete quarter only.
          const GroupKey at = ServiceAt(indicator, service, touchpoint);
          const bool shown = period == LastCompleteQuarter(published_.as_of);
          const int split = table_.Add("n/" + GroupFigureKey(site, at, period), n, shown, shown, kDetail);
          group_cells_[{at, period}] = split;
          Equation of_atoms{{{split, 1}}, 0};
          for (const int atom : atoms) of_atoms.terms.push_back({atom, -1});
          table_.AddEquation(std::move(of_atoms));
          by_service[service].terms.push_back({split, -1});
          by_touchpoint[touchpoint].terms.push_back({split, -1});
        } else if (service >= 0) {
          for (const int atom : atoms) by_service[service].terms.push_back({atom, -1});
        } else if (touchpoint >= 0) {
          for (const int atom : atoms) by_touchpoint[touchpoint].terms.push_back({atom, -1});
        }
      }
      for (auto& [service, equation] : by_service) {
        const int total = GroupCell(Group(Kind::kService, service, indicator), period);
        all_by_service.terms.push_back({total, -1});
        equation.terms.insert(equation.terms.begin(), {total, 1});
        table_.AddEquation(std::move(equation));
      }
      for (auto& [touchpoint, equation] : by_touchpoint) {
        const int total = GroupCell(Group(Kind::kTouchpoint, touchpoint, indicator), period);
        all_by_touchpoint.terms.push_back({total, -1});
        equation.terms.insert(equation.terms.begin(), {total, 1});
        table_.AddEquation(std::move(equation));
      }
      table_.AddEquation(std::move(all_by_service));
      table_.AddEquation(std::move(all_by_touchpoint));
    }
    // Half-years and years are sums over services and over touchpoints too:
    // the walk over sums needs to see them, not only the audit.
    for (const Period& period : periods) {
      if (period.kind == Period::Kind::kQuarter) continue;
      const int all = GroupCell(Group(Kind::kAll, -1, indicator), period);
      Equation by_service{{{all, 1}}, 0};
      Equation by_touchpoint{{{all, 1}}, 0};
      for (const auto& [key, cell] : group_cells_) {
        if (key.second != period || key.first.indicator != indicator) continue;
        if (key.first.kind == Kind::kService) by_service.terms.push_back({cell, -1});
        if (key.first.kind == Kind::kTouchpoint) by_touchpoint.terms.push_back({cell, -1});
      }
      for (const auto& [quarter, atoms] : no_service) {
        if (quarter.first() < period.first() || quarter.last() > period.last()) continue;
        for (const int atom : atoms) by_service.terms.push_back({atom, -1});
      }
      for (const auto& [quarter, atoms] : no_touchpoint) {
        if (quarter.first() < period.first() || quarter.last() > period.last()) continue;
        for (const int atom : atoms) by_touchpoint.terms.push_back({atom, -1});
      }
      table_.AddEquation(std::move(by_service));
      table_.AddEquation(std::move(by_touchpoint));
    }
  }
}

void Disclosure::AddQuestionTables(const std::vector<Period>& all_periods) {
  const Site& site = results_.site();
  categories_.resize(site.surveys().size());
  for (size_t survey = 0; survey < site.surveys().size(); ++survey) {
    const SurveyPlan& plan = results_.plan(survey);
    const std::vector<Slot>& slots = plan.slots();
    std::vector<std::optional<Period>> periods = {std::nullopt};
    for (const Period& period : WithLongerPeriods(results_.SurveyQuarters(survey))) periods.push_back(period);
    (void)all_periods;
    const std::vector<SlotCounts> total = results_.SurveyTotal(survey);
    // Categories: global recoding over all responses.
    categories_[survey].resize(slots.size());
    for (size_t i = 0; i < slots.size(); ++i) {
      if (!SortsIntoGroups(plan, slots[i])) continue;
      std::vector<std::vector<size_t>>& categories = categories_[survey][i];
      if (Ordered(slots[i])) {
        categories = RecodeOrdered(total[i].options, k_);
        for (const auto& category : categories) summary_.recoded += category.size() - 1;
      } else {
        for (size_t o = 0; o < slots[i].options.size(); ++o) categories.push_back({o});
      }
    }
    std::vector<size_t> deciding;
    for (const SkipRule& rule : SkipRules(plan.survey())) {
      if (rule.from < 0) continue;
      const std::string& id = plan.survey().questions[static_cast<size_t>(rule.from)].id;
      for (size_t i = 0; i < slots.size(); ++i) {
        if (slots[i].question == id) deciding.push_back(i);
      }
    }
    for (const std::optional<Period>& period : periods) {
      const std::vector<SlotCounts> counts = period ? results_.SurveyCounts(survey, *period) : total;
      const bool whole = !period;
      const bool survey_shown = published_.surveys.contains({survey, period});
      for (size_t i = 0; i < slots.size(); ++i) {
        const std::string key = SlotFigureKey(plan, i, period);
        // A table no page shows is made of unknowns: it ties the shown ones together.
        const bool shown = survey_shown || (period && published_.questions.contains({survey, slots[i].question, *period}));
        const auto add = [&](int cell_index, const std::string& what, uint64_t n, bool published, bool protect,
                             int tier) {
          const int cell = table_.Add("n/" + key + "/" + what, n, published && shown, protect, tier);
          question_cells_[{survey, i, cell_index, period}] = cell;
          return cell;
        };
        const int asked = add(kAsked, "asked", counts[i].asked, true, true, whole ? kSurvey : kGroup);
        // Those who wrote an open answer are no group: their texts are never published, only counted.
        const bool results_published = slots[i].kind != QuestionKind::kText;
        const int answered =
            add(kAnswered, "answered", counts[i].answered, true, results_published, whole ? kSurvey : kGroup);
        (void)asked;
        // The answers of a grouping question, by category; each raw option
        // an atom of its category when recoding combined some.
        const bool decides = std::find(deciding.begin(), deciding.end(), i) != deciding.end();
        const auto& categories = categories_[survey][i];
        if (categories.empty() && !decides) continue;
        Equation sum{{{answered, 1}}, 0};
        std::vector<int>& answers = answers_of_[answered];
        if (categories.empty()) {
          // A question others depend on, shown whole: its options are published, not protected.
          for (size_t o = 0; o < slots[i].options.size(); ++o) {
            const int cell = add(static_cast<int>(o), "option:" + slots[i].options[o], counts[i].options[o], true,
                                 false, kDetail);
            answers.push_back(cell);
            sum.terms.push_back({cell, -1});
          }
        } else {
          for (size_t c = 0; c < categories.size(); ++c) {
            uint64_t n = 0;
            for (const size_t o : categories[c]) n += counts[i].options[o];
            // A row of a question's table gives way before a group's level.
            const int cell = add(static_cast<int>(c), "category:" + CategoryKey(slots[i], categories[c]), n, true,
                                 true, kDetail);
            answers.push_back(cell);
            sum.terms.push_back({cell, -1});
            if (categories[c].size() == 1) continue;
            Equation of_options{{{cell, 1}}, 0};
            for (const size_t o : categories[c]) {
              const int option = table_.Add("n/" + key + "/option:" + slots[i].options[o], counts[i].options[o], false,
                                            false, kDetail);
              of_options.terms.push_back({option, -1});
            }
            table_.AddEquation(std::move(of_options));
          }
        }
        // Single choice: answered = Σ answers (when every answer picked one option).
        if (IsSingleChoice(slots[i].kind)) table_.AddEquation(std::move(sum));
      }
      AddSkipEquations(survey, period);
      AddSurveyLinks(survey, period);
    }
    // Over time: a half-year is the sum of its quarters, a year of its
    // halves, all responses of the quarters.
    std::vector<Period> quarters = results_.SurveyQuarters(survey);
    for (const auto& [key, cell] : question_cells_) {
      const auto& [s, slot, which, period] = key;
      if (s != survey) continue;
      std::vector<Period> parts = period ? PartsOf(*period) : quarters;
      if (parts.empty()) continue;
      Equation sum{{{cell, 1}}, 0};
      for (const Period& part : parts) {
        const auto it = question_cells_.find({survey, slot, which, part});
        if (it != question_cells_.end()) sum.terms.push_back({it->second, -1});
      }
      table_.AddEquation(std::move(sum));
    }
  }
}

// The methodology page counts every external survey's responses and their
// total: a survey with fewer than k respondents is a small group too.
void Disclosure::AddResponseTotals() {
  const Site& site = results_.site();
  uint64_t total = 0;
  for (size_t s = 0; s < site.surveys().size(); ++s) {
    if (results_.IndicatorOf(s) >= 0) total += results_.SurveyResponses(s);
  }
  const int whole = table_.Add("n/responses/public", total, true, true, kWhole);
  response_cells_[std::nullopt] = whole;
  Equation sum{{{whole, 1}}, 0};
  for (size_t s = 0; s < site.surveys().size(); ++s) {
    const uint64_t n = results_.SurveyResponses(s);
    if (results_.IndicatorOf(s) < 0 || n == 0) continue;
    const int cell = table_.Add("n/" + SurveyFigureKey(site.surveys()[s], std::nullopt) + "/responses", n, true, true, kGroup);
    response_cells_[s] = cell;
    sum.terms.push_back({cell, -1});
    // The same number as those asked the first question over all responses.
    const auto first = question_cells_.find({s, 0, kAsked, std::nullopt});
    if (first != question_cells_.end()) table_.AddEquation({{{cell, 1}, {first->second, -1}}, 0});
  }
  table_.AddEquation(std::move(sum));
}

int Disclosure::OptionCell(size_t survey, size_t slot, size_t option, const std::optional<Period>& period) const {
  const auto& categories = categories_[survey][slot];
  if (categories.empty()) {
    const auto it = question_cells_.find({survey, slot, static_cast<int>(option), period});
    return it == question_cells_.end() ? -1 : it->second;
  }
  for (size_t c = 0; c < categories.size(); ++c) {
    if (std::find(categories[c].begin(), categories[c].end(), option) == categories[c].end()) continue;
    if (categories[c].size() == 1) {
      const auto it = question_cells_.find({survey, slot, static_cast<int>(c), period});
      return it == question_cells_.end() ? -1 : it->second;
    }
    const SurveyPlan& plan = results_.plan(survey);
    return table_.Find("n/" + SlotFigureKey(plan, slot, period) + "/option:" + plan.slots()[slot].options[option]);
  }
  return -1;
}

void Disclosure::AddSkipEquations(size_t survey, const std::optional<Period>& period) {
  const SurveyPlan& plan = results_.plan(survey);
  const Survey& definition = plan.survey();
  const std::vector<Slot>& slots = plan.slots();
  const auto slots_of = [&](const std::string& question) {
    std::vector<size_t> out;
    for (size_t i = 0; i < slots.size(); ++i) {
      if (slots[i].question == question) out.push_back(i);
    }
    return out;
  };
  const auto cell_of = [&](size_t slot, int which) {
    const auto it = question_cells_.find({survey, slot, which, period});
    return it == question_cells_.end() ? -1 : it->second;
  };
  if (definition.questions.empty()) return;
  const std::vector<size_t> first = slots_of(definition.questions.front().id);
  if (first.empty()) return;
  const int responses = cell_of(first.front(), kAsked);
  for (const SkipRule& rule : SkipRules(definition)) {
    for (const size_t slot : slots_of(definition.questions[rule.question].id)) {
      const int asked = cell_of(slot, kAsked);
      if (asked < 0 || asked == responses) continue;
      // condition:  asked − Σ count(from = o) = 0
      // otherwise:  responses − asked − Σ count(from = o) = 0
      Equation equation{{{asked, rule.condition ? 1 : -1}}, 0};
      if (!rule.condition) equation.terms.push_back({responses, 1});
      bool complete = true;
      if (rule.from >= 0) {
        const std::vector<size_t> from = slots_of(definition.questions[static_cast<size_t>(rule.from)].id);
        if (from.empty()) continue;
        for (const std::string& id : rule.options) {
          const auto& options = slots[from.front()].options;
          const auto at = std::find(options.begin(), options.end(), id);
          const int cell = at == options.end() ? -1
                                               : OptionCell(survey, from.front(), static_cast<size_t>(at - options.begin()),
                                                            period);
          if (cell < 0) {
            complete = false;
            break;
          }
          equation.terms.push_back({cell, -1});
        }
      }
      if (complete) table_.AddEquation(std::move(equation));
    }
  }
}

void Disclosure::AddSurveyLinks(size_t survey, const std::optional<Period>& period) {
  const SurveyPlan& plan = results_.plan(survey);
  const Survey& definition = plan.survey();
  if (results_.IndicatorOf(survey) < 0 || definition.questions.empty()) return;
  // The survey's atoms in the period: (service, touchpoint) → cells, over its quarters.
  std::map<std::pair<int, int>, std::vector<int>> atoms;
  for (const Period& quarter : results_.SurveyQuarters(survey)) {
    if (period && (quarter.first() < period->first() || quarter.last() > period->last())) continue;
    for (const auto& [service, touchpoint] : results_.Cells(survey, quarter)) {
      const int atom = table_.Find("atom/" + definition.id + "/" + std::to_string(service) + "/" +
                                   std::to_string(touchpoint) + "/" + quarter.Key());
      if (atom >= 0) atoms[{service, touchpoint}].push_back(atom);
    }
  }
  const auto subtract = [&](Equation* equation, const std::function<bool(int, int)>& wanted) {
    for (const auto& [cell, list] : atoms) {
      if (!wanted(cell.first, cell.second)) continue;
      for (const int atom : list) equation->terms.push_back({atom, -1});
    }
  };
  // Every response names a service or a touchpoint: the survey's responses are the sum of its atoms.
  for (size_t slot = 0; slot < plan.slots().size(); ++slot) {
    if (plan.slots()[slot].question != definition.questions.front().id) continue;
    const auto it = question_cells_.find({survey, slot, kAsked, period});
    if (it == question_cells_.end()) break;
    Equation responses{{{it->second, 1}}, 0};
    subtract(&responses, [](int, int) { return true; });
    table_.AddEquation(std::move(responses));
    break;
  }
  const Site& site = results_.site();
  for (size_t slot = 0; slot < plan.slots().size(); ++slot) {
    const Slot& s = plan.slots()[slot];
    const Question* question = definition.FindQuestion(s.question);
    if (s.kind == QuestionKind::kService) {
      // The answers naming a service are that survey's atoms of the service.
      for (size_t o = 0; o < s.options.size(); ++o) {
        const Service* service = site.FindService(s.options[o]);
        const int cell = OptionCell(survey, slot, o, period);
        if (!service || cell < 0) continue;
        const int index = static_cast<int>(service - site.services().data());
        Equation equation{{{cell, 1}}, 0};
        subtract(&equation, [&](int sv, int) { return sv == index; });
        table_.AddEquation(std::move(equation));
      }
    } else if (question && question->role == QuestionRole::kChannel) {
      // The answers naming a touchpoint are that survey's atoms at it.
      for (size_t t = 0; t < site.touchpoints().size(); ++t) {
        Equation equation{{}, 0};
        for (const Option& option : question->options) {
          if (option.touchpoint != site.touchpoints()[t].id) continue;
          const auto at = std::find(s.options.begin(), s.options.end(), option.id);
          const int cell = at == s.options.end() ? -1 : OptionCell(survey, slot, static_cast<size_t>(at - s.options.begin()), period);
          if (cell >= 0) equation.terms.push_back({cell, 1});
        }
        if (equation.terms.empty()) continue;
        subtract(&equation, [&](int, int tp) { return tp == static_cast<int>(t); });
        table_.AddEquation(std::move(equation));
      }
    }
  }
}

std::vector<SkipRule> SkipRules(const Survey& survey) {
  std::vector<SkipRule> rules;
  const auto index_of = [&](const std::string& id) {
    for (size_t i = 0; i < survey.questions.size(); ++i) {
      if (survey.questions[i].id == id) return static_cast<int>(i);
    }
    return -1;
  };
  for (size_t q = 1; q < survey.questions.size(); ++q) {
    // The questions with an answer that jumps past q.
    std::set<int> jumpers;
    std::vector<std::string> past;
    for (size_t p = 0; p < q; ++p) {
      for (const Option& option : survey.questions[p].options) {
        if (option.next.empty() || (option.next != kEnd && index_of(option.next) <= static_cast<int>(q))) continue;
        jumpers.insert(static_cast<int>(p));
        past.push_back(option.id);
      }
    }
    const Question& question = survey.questions[q];
    if (question.show_if) {
      const int from = index_of(question.show_if->question);
      if (!jumpers.empty() || from < 0 || !IsSingleChoice(survey.questions[static_cast<size_t>(from)].kind)) continue;
      rules.push_back({q, from, true, question.show_if->answers});
    } else if (jumpers.empty()) {
      rules.push_back({q, -1, false, {}});
    } else if (jumpers.size() == 1 && IsSingleChoice(survey.questions[static_cast<size_t>(*jumpers.begin())].kind)) {
      rules.push_back({q, *jumpers.begin(), false, past});
    }
  }
  return rules;
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
    case Kind::kSituation:
      return results_.Situation(group.indicator, index, period, [&](size_t service, const Period& quarter) {
        return !Hidden(Group(Kind::kService, static_cast<int>(service), group.indicator), quarter);
      });
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
