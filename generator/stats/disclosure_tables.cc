// The tables a build publishes, as cells and the equations between them:
// the first half of disclosure control (stats/disclosure.h). The steps that
// decide what to hide are in disclosure.cc.

#include <algorithm>
#include <functional>
#include <set>

#include "model/skip_logic.h"
#include "stats/disclosure.h"
#include "stats/suppression.h"

namespace otklik {

namespace {

using Kind = GroupKey::Kind;

// Tiers (Cell::tier): which cell of a relation gives way first.
constexpr int kDetail = 0;   // a channel split; a row of a question's table
constexpr int kGroup = 1;    // a group's results; a period's question base
constexpr int kWhole = 2;    // the agency
constexpr int kSurvey = 3;   // a question's base over all responses


bool Ordered(const Slot& slot) { return slot.kind == QuestionKind::kAge || slot.kind == QuestionKind::kEducation; }

std::string CategoryKey(const Slot& slot, const std::vector<size_t>& options) {
  std::string key;
  for (const size_t o : options) key += (key.empty() ? "" : "+") + slot.options[o];
  return key;
}

}  // namespace

void Disclosure::AddGroupTables(const std::vector<Period>& periods) {
  for (int indicator = 0; indicator < static_cast<int>(results_.indicators()); ++indicator) {
    AddGroupCells(indicator, periods);
    QuarterRests rests;
    for (const Period& period : periods) {
      if (period.kind == Period::Kind::kQuarter) AddQuarterSums(indicator, period, &rests);
    }
    for (const Period& period : periods) {
      if (period.kind != Period::Kind::kQuarter) AddLongerSums(indicator, period, rests);
    }
  }
}

void Disclosure::AddGroupCells(int indicator, const std::vector<Period>& periods) {
  const Site& site = results_.site();
  // Pages show only periods that are over; the current one is an unknown.
  const auto add = [&](const GroupKey& group, const Period& period, uint64_t n, int tier) {
    const bool over = period.last() < published_.as_of;
    group_cells_[{group, period}] = table_.Add("n/" + GroupFigureKey(site, group, period), n, over, over, tier);
  };
  for (const Period& period : periods) {
    add(GroupKey{Kind::kAll, -1, indicator}, period, results_.All(indicator, period).respondents, kWhole);
    for (size_t s = 0; s < site.services().size(); ++s) {
      const uint64_t n = results_.Service(indicator, s, period).respondents;
      if (n > 0) add(GroupKey{Kind::kService, static_cast<int>(s), indicator}, period, n, kGroup);
    }
    for (size_t t = 0; t < site.touchpoints().size(); ++t) {
      const uint64_t n = results_.Touchpoint(indicator, t, period).respondents;
      if (n > 0) add(GroupKey{Kind::kTouchpoint, static_cast<int>(t), indicator}, period, n, kGroup);
    }
  }
}

// A quarter: every group is a sum of atoms, one survey's respondents about
// one service at one touchpoint (-1 where not named); a service at a
// touchpoint is its channel split cell, published for the last complete
// quarter only.
void Disclosure::AddQuarterSums(int indicator, const Period& quarter, QuarterRests* rests) {
  const Site& site = results_.site();
  std::map<std::pair<int, int>, std::vector<int>> atoms_at;  // (service, touchpoint) → atoms
  for (size_t survey = 0; survey < site.surveys().size(); ++survey) {
    if (results_.IndicatorOf(survey) != indicator) continue;
    for (const auto& [service, touchpoint] : results_.Cells(survey, quarter)) {
      const uint64_t n = results_.Respondents(survey, service, touchpoint, quarter);
      atoms_at[{service, touchpoint}].push_back(
          table_.Add("atom/" + site.surveys()[survey].id + "/" + std::to_string(service) + "/" +
                         std::to_string(touchpoint) + "/" + quarter.Key(),
                     n, false, false, kDetail));
    }
  }
  const int all = GroupCell(GroupKey{Kind::kAll, -1, indicator}, quarter);
  Equation all_by_service{{{all, 1}}, 0};
  Equation all_by_touchpoint{{{all, 1}}, 0};
  std::map<int, Equation> by_service;  // service → its channel cells and atoms without a touchpoint
  std::map<int, Equation> by_touchpoint;
  const auto subtract = [](Equation* equation, const std::vector<int>& cells) {
    for (const int cell : cells) equation->terms.push_back({cell, -1});
  };
  for (const auto& [at, atoms] : atoms_at) {
    const auto [service, touchpoint] = at;
    if (service < 0) {
      subtract(&all_by_service, atoms);
      std::vector<int>& rest = rests->no_service[quarter];
      rest.insert(rest.end(), atoms.begin(), atoms.end());
    }
    if (touchpoint < 0) {
      subtract(&all_by_touchpoint, atoms);
      std::vector<int>& rest = rests->no_touchpoint[quarter];
      rest.insert(rest.end(), atoms.begin(), atoms.end());
    }
    if (service >= 0 && touchpoint >= 0) {
      uint64_t n = 0;
      for (const int atom : atoms) n += table_.cell(atom).n;
      const GroupKey cell = ServiceAt(indicator, service, touchpoint);
      const bool shown = quarter == LastCompleteQuarter(published_.as_of);
      const int split = table_.Add("n/" + GroupFigureKey(site, cell, quarter), n, shown, shown, kDetail);
      group_cells_[{cell, quarter}] = split;
      Equation of_atoms{{{split, 1}}, 0};
      subtract(&of_atoms, atoms);
      table_.AddEquation(std::move(of_atoms));
      by_service[service].terms.push_back({split, -1});
      by_touchpoint[touchpoint].terms.push_back({split, -1});
    } else if (service >= 0) {
      subtract(&by_service[service], atoms);
    } else if (touchpoint >= 0) {
      subtract(&by_touchpoint[touchpoint], atoms);
    }
  }
  const auto add_totals = [&](Kind kind, std::map<int, Equation>& sums, Equation* all_sum) {
    for (auto& [index, equation] : sums) {
      const int total = GroupCell(GroupKey{kind, index, indicator}, quarter);
      all_sum->terms.push_back({total, -1});
      equation.terms.insert(equation.terms.begin(), {total, 1});
      table_.AddEquation(std::move(equation));
    }
    table_.AddEquation(std::move(*all_sum));
  };
  add_totals(Kind::kService, by_service, &all_by_service);
  add_totals(Kind::kTouchpoint, by_touchpoint, &all_by_touchpoint);
}

// A half-year or year: each group the sum of its quarters (or halves), and
// the agency the sum of its services and of its touchpoints with the rest of
// its quarters, so that the walk over sums sees them, not only the audit.
void Disclosure::AddLongerSums(int indicator, const Period& period, const QuarterRests& rests) {
  const int all = GroupCell(GroupKey{Kind::kAll, -1, indicator}, period);
  Equation by_service{{{all, 1}}, 0};
  Equation by_touchpoint{{{all, 1}}, 0};
  for (const auto& [key, cell] : group_cells_) {
    if (key.second != period || key.first.indicator != indicator) continue;
    Equation over_time{{{cell, 1}}, 0};
    for (const Period& part : PartsOf(period)) {
      const int part_cell = GroupCell(key.first, part);
      if (part_cell >= 0) over_time.terms.push_back({part_cell, -1});
    }
    table_.AddEquation(std::move(over_time));
    if (key.first.kind == Kind::kService) by_service.terms.push_back({cell, -1});
    if (key.first.kind == Kind::kTouchpoint) by_touchpoint.terms.push_back({cell, -1});
  }
  const auto add_rest = [&](const std::map<Period, std::vector<int>>& rest, Equation* equation) {
    for (const auto& [quarter, atoms] : rest) {
      if (quarter.first() < period.first() || quarter.last() > period.last()) continue;
      for (const int atom : atoms) equation->terms.push_back({atom, -1});
    }
  };
  add_rest(rests.no_service, &by_service);
  add_rest(rests.no_touchpoint, &by_touchpoint);
  table_.AddEquation(std::move(by_service));
  table_.AddEquation(std::move(by_touchpoint));
}

void Disclosure::AddQuestionTables(const std::vector<Period>& all_periods) {
  const Site& site = results_.site();
  categories_.resize(site.surveys().size());
  for (size_t survey = 0; survey < site.surveys().size(); ++survey) {
    const SurveyPlan& plan = results_.plan(survey);
    const std::vector<Slot>& slots = plan.slots();
    std::vector<std::optional<Period>> periods = {std::nullopt};
    for (const Period& period : WithHalvesAndYears(results_.SurveyQuarters(survey))) periods.push_back(period);
    (void)all_periods;
    const std::vector<SlotCounts> total = results_.SurveyTotal(survey);
    // Categories: global recoding over all responses.
    categories_[survey].resize(slots.size());
    for (size_t i = 0; i < slots.size(); ++i) {
      if (!plan.SortsIntoGroups(i)) continue;
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

}  // namespace otklik
