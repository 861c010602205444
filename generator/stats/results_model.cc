#include "stats/results_model.h"

#include <algorithm>

#include "stats/suppression.h"

namespace otklik {

namespace {

using Kind = GroupKey::Kind;


std::vector<GroupKey> Groups(const Site& site, int indicator) {
  std::vector<GroupKey> groups = {{Kind::kAll, -1, indicator}};
  for (size_t i = 0; i < site.services().size(); ++i) groups.push_back({Kind::kService, static_cast<int>(i), indicator});
  for (size_t i = 0; i < site.situations().size(); ++i) {
    groups.push_back({Kind::kSituation, static_cast<int>(i), indicator});
  }
  for (size_t i = 0; i < site.touchpoints().size(); ++i) {
    groups.push_back({Kind::kTouchpoint, static_cast<int>(i), indicator});
  }
  return groups;
}

std::array<uint64_t, 5> Ratings(const std::vector<uint64_t>& options) {
  std::array<uint64_t, 5> ratings{};
  for (size_t r = 0; r < 5 && r < options.size(); ++r) ratings[r] = options[r];
  return ratings;
}

}  // namespace

namespace {

// The level a question's answers give, if its kind has one: ratings 4–5 of
// a scale or a matrix row, «скорее удовлетворён» of a satisfaction question.
std::optional<PeriodLevel> LevelOfSlot(const Slot& slot, const SlotCounts& c, const Period& label) {
  if (slot.kind == QuestionKind::kScale || slot.kind == QuestionKind::kMatrix) {
    return LevelOfRatings(Ratings(c.options), label);
  }
  if (slot.kind != QuestionKind::kSatisfaction) return std::nullopt;
  // Of those with an opinion on it: an extra answer («не взаимодействовал») says there is none.
  uint64_t yes = 0;
  uint64_t opinions = 0;
  for (size_t o = 0; o < slot.options.size(); ++o) {
    const std::string& id = slot.options[o];
    if (id == "satisfied") yes = c.options[o];
    if (id == "satisfied" || id == "dissatisfied" || id == "unsure") opinions += c.options[o];
  }
  PeriodLevel level;
  level.period = label;
  level.level = WilsonInterval(yes, opinions);
  level.any = opinions > 0;
  return level;
}

}  // namespace

PeriodLevel LevelOfRatings(const std::array<uint64_t, 5>& ratings, const Period& period) {
  uint64_t n = 0;
  uint64_t sum = 0;
  for (size_t i = 0; i < 5; ++i) {
    n += ratings[i];
    sum += ratings[i] * (i + 1);
  }
  PeriodLevel level;
  level.period = period;
  level.level = WilsonInterval(ratings[3] + ratings[4], n);
  level.mean = {sum, n};
  level.any = n > 0;
  return level;
}

ResultsModel::ResultsModel(const Results& results, const Disclosure& disclosure, bool with_cuts)
    : results_(results), disclosure_(disclosure) {
  const Site& site = results.site();
  const std::vector<Period> periods = WithHalvesAndYears(results.Quarters());
  for (int indicator = 0; indicator < static_cast<int>(results.indicators()); ++indicator) {
    for (const GroupKey& group : Groups(site, indicator)) {
      for (const Period& period : periods) {
        levels_[{group, period}] = Compute(group, period);
        const RoleCounts counts = disclosure.Counts(group, period);
        const bool group_shown = !disclosure.Hidden(group, period);
        for (size_t p = 0; p < counts.parameters.size(); ++p) {
          PeriodLevel level = LevelOfRatings(counts.parameters[p], period);
          level.key = "parameter/" + site.config().indicators[static_cast<size_t>(indicator)].id + "/" +
                      results.parameters()[p] + "/" + CutKey(site, group) + "/" + period.Key();
          level.shown = level.any && group_shown && level.level.n >= disclosure.k();
          parameters_[{group, p, period}] = level;
        }
      }
    }
  }
  for (size_t survey = 0; survey < site.surveys().size(); ++survey) {
    std::vector<std::optional<Period>> survey_periods = {std::nullopt};
    for (const Period& period : WithHalvesAndYears(results.SurveyQuarters(survey))) survey_periods.push_back(period);
    for (const std::optional<Period>& period : survey_periods) {
      for (size_t slot = 0; slot < results.plan(survey).slots().size(); ++slot) {
        questions_[{survey, slot, period}] = ComputeQuestion(survey, slot, period);
      }
    }
    if (with_cuts) {
      for (const std::optional<Period>& period : survey_periods) ComputeCuts(survey, period);
    }
    if (results.IndicatorOf(survey) >= 0) public_responses_ += results.SurveyResponses(survey);
  }
}

PeriodLevel ResultsModel::Compute(const GroupKey& group, const Period& period) const {
  const RoleCounts counts = disclosure_.Counts(group, period);
  PeriodLevel level = LevelOfRatings(counts.overall, period);
  level.key = GroupFigureKey(results_.site(), group, period);
  if (!level.any && group.kind == Kind::kSituation) {
    // Its services were rated but none can be shown: «недостаточно данных», not «ответов нет».
    level.any = results_.Situation(group.indicator, static_cast<size_t>(group.index), period).OverallAnswers() > 0;
  }
  level.shown = level.any && !disclosure_.Hidden(group, period) && level.level.n >= disclosure_.k();
  return level;
}

PeriodLevel ResultsModel::Level(const GroupKey& group, const Period& period) const {
  const auto it = levels_.find({group, period});
  if (it != levels_.end()) return it->second;
  PeriodLevel empty;
  empty.period = period;
  empty.key = GroupFigureKey(results_.site(), group, period);
  return empty;
}

PeriodLevel ResultsModel::Parameter(const GroupKey& group, size_t parameter, const Period& period) const {
  const auto it = parameters_.find({group, parameter, period});
  if (it != parameters_.end()) return it->second;
  PeriodLevel empty;
  empty.period = period;
  return empty;
}

std::vector<ChannelRow> ResultsModel::Channels(const GroupKey& group, const Period& period) const {
  const Site& site = results_.site();
  const size_t touchpoints = site.touchpoints().size();
  std::vector<uint64_t> n(touchpoints, 0);
  std::vector<bool> shown(touchpoints, true);
  if (group.kind == Kind::kSituation) {
    // Its shown services pooled; a touchpoint shown only where every service's cell there is.
    for (const std::string& id : site.situations()[static_cast<size_t>(group.index)].services) {
      const Service* service = site.FindService(id);
      if (!service) continue;
      const int s = static_cast<int>(service - site.services().data());
      if (disclosure_.Hidden({Kind::kService, s, group.indicator}, period)) continue;
      const RoleCounts counts = results_.Service(group.indicator, static_cast<size_t>(s), period);
      for (size_t t = 0; t < touchpoints; ++t) {
        n[t] += counts.touchpoints[t];
        const GroupKey cell = disclosure_.ServiceAt(group.indicator, s, static_cast<int>(t));
        if (counts.touchpoints[t] > 0 && disclosure_.Hidden(cell, period)) shown[t] = false;
      }
    }
  } else if (group.kind == Kind::kAll || group.kind == Kind::kService) {
    if (disclosure_.Hidden(group, period)) return {};
    const RoleCounts counts = disclosure_.Counts(group, period);
    for (size_t t = 0; t < touchpoints; ++t) {
      n[t] = counts.touchpoints[t];
      const int index = static_cast<int>(t);
      const GroupKey cell = group.kind == Kind::kAll ? GroupKey{Kind::kTouchpoint, index, group.indicator}
                                                     : disclosure_.ServiceAt(group.indicator, group.index, index);
      shown[t] = !disclosure_.Hidden(cell, period);
    }
  } else {
    return {};  // A touchpoint is a channel itself.
  }
  uint64_t known = 0;
  for (const uint64_t count : n) known += count;
  std::vector<ChannelRow> rows;
  for (size_t t = 0; t < touchpoints && known > 0; ++t) {
    if (n[t] > 0) rows.push_back({t, {n[t], known}, shown[t]});
  }
  return rows;
}

std::string ResultsModel::RowText(const Slot& slot, const std::string& id) const {
  std::string text;
  for (size_t at = 0; at <= id.size();) {
    const size_t plus = std::min(id.find('+', at), id.size());
    const std::string piece = id.substr(at, plus - at);
    const auto option = std::find(slot.options.begin(), slot.options.end(), piece);
    const std::string& answer = option == slot.options.end() ? piece : slot.option_texts[option - slot.options.begin()];
    text = text.empty() ? answer
                        : results_.site().messages().Format("results.recoded_or", {{"answers", text}, {"answer", answer}});
    at = plus + 1;
  }
  return text;
}

void ResultsModel::Rename() {
  const auto rename = [&](const Slot& slot, std::vector<AnswerRow>* rows) {
    for (AnswerRow& row : *rows) row.text = RowText(slot, row.id);
  };
  for (auto& [key, table] : questions_) {
    const auto& [survey, slot, period] = key;
    rename(results_.plan(survey).slots()[slot], &table.rows);
  }
  for (auto& [key, columns] : cuts_) {
    const auto& [survey, slot, cut, period] = key;
    const SurveyPlan& plan = results_.plan(survey);
    for (CutColumn& column : columns) {
      if (!column.id.empty()) column.text = RowText(plan.slots()[plan.cut_slots()[cut]], column.id);
      rename(plan.slots()[slot], &column.rows);
    }
  }
}

QuestionTable ResultsModel::ComputeQuestion(size_t survey, size_t slot_index, const std::optional<Period>& period) const {
  const SurveyPlan& plan = results_.plan(survey);
  const Slot& slot = plan.slots()[slot_index];
  const std::vector<SlotCounts> all = period ? results_.SurveyCounts(survey, *period) : results_.SurveyTotal(survey);
  const SlotCounts& c = all[slot_index];
  QuestionTable table;
  table.key = SlotFigureKey(plan, slot_index, period);
  table.asked = c.asked;
  table.answered = c.answered;
  const auto hidden = [&](int cell) { return disclosure_.QuestionHidden(survey, slot_index, cell, period); };
  table.base_shown = !hidden(Disclosure::kAsked) && !hidden(Disclosure::kAnswered);
  table.shown = table.base_shown && c.answered >= disclosure_.k();
  if (slot.kind == QuestionKind::kText) return table;
  const std::vector<std::vector<size_t>>& categories = disclosure_.Categories(survey, slot_index);
  if (categories.empty()) {
    for (size_t o = 0; o < slot.options.size(); ++o) {
      table.rows.push_back({slot.options[o], slot.option_texts[o], {c.options[o], c.answered}, table.shown});
    }
  } else {
    for (size_t i = 0; i < categories.size(); ++i) {
      AnswerRow row;
      for (const size_t o : categories[i]) {
        row.id += (row.id.empty() ? "" : "+") + slot.options[o];
        row.share.num += c.options[o];
      }
      row.text = RowText(slot, row.id);
      row.share.den = c.answered;
      row.shown = table.shown && !hidden(static_cast<int>(i));
      table.rows.push_back(std::move(row));
    }
  }
  table.level = LevelOfSlot(slot, c, period ? *period : Period{});
  if (table.level) {
    table.level->key = table.key + "/level";
    table.level->shown = table.shown;
  }
  return table;
}

void ResultsModel::ComputeCuts(size_t survey, const std::optional<Period>& period) {
  const SurveyPlan& plan = results_.plan(survey);
  const std::vector<Slot>& slots = plan.slots();
  const uint64_t k = disclosure_.k();
  const Period label = period ? *period : Period{};
  for (size_t cut = 0; cut < plan.cut_slots().size(); ++cut) {
    const size_t by = plan.cut_slots()[cut];
    const QuestionTable& own = Question(survey, by, period);
    // A question that sorts people into groups has its categories from disclosure control (recoded);
    // one marked `cut` has its options, each shown only when k or more chose it.
    std::vector<std::vector<size_t>> categories = disclosure_.Categories(survey, by);
    if (!plan.SortsIntoGroups(by)) {
      for (size_t o = 0; o < slots[by].options.size(); ++o) categories.push_back({o});
    }
    // Each group's counts: its options' counts added up.
    std::vector<std::vector<SlotCounts>> groups;
    for (const std::vector<size_t>& category : categories) {
      std::vector<SlotCounts> group = plan.EmptyCounts();
      for (const size_t option : category) {
        const std::vector<SlotCounts> counts = period ? results_.SurveyCutCounts(survey, *period, cut, option)
                                                      : results_.SurveyCutTotal(survey, cut, option);
        for (size_t i = 0; i < group.size(); ++i) group[i].Add(counts[i]);
      }
      groups.push_back(std::move(group));
    }
    for (size_t i = 0; i < slots.size(); ++i) {
      if (i == by || plan.SortsIntoGroups(i) || slots[i].kind == QuestionKind::kText) continue;
      const std::string key = SlotFigureKey(plan, i, period) + "/cut:" + slots[by].question + "=";
      std::vector<CutColumn>& columns = cuts_[{survey, i, cut, period}];
      for (size_t g = 0; g < categories.size(); ++g) {
        const SlotCounts& c = groups[g][i];
        const bool group_shown = own.shown && g < own.rows.size() && own.rows[g].shown && own.rows[g].share.num >= k;
        CutColumn column;
        column.id = own.rows.size() > g ? own.rows[g].id : "";
        column.text = own.rows.size() > g ? own.rows[g].text : "";
        column.key = key + column.id;
        column.shown = group_shown && c.answered >= k;
        for (size_t o = 0; o < slots[i].options.size(); ++o) {
          column.rows.push_back({slots[i].options[o], slots[i].option_texts[o], {c.options[o], c.answered}, column.shown});
        }
        column.level = LevelOfSlot(slots[i], c, label);
        if (column.level) {
          column.level->key = column.key + "/level";
          column.level->shown = column.shown;
        }
        columns.push_back(std::move(column));
      }
    }
  }
}

const std::vector<CutColumn>& ResultsModel::Cut(size_t survey, size_t slot, size_t cut,
                                               const std::optional<Period>& period) const {
  static const std::vector<CutColumn> kNone;
  const auto it = cuts_.find({survey, slot, cut, period});
  return it == cuts_.end() ? kNone : it->second;
}

ThemeCount ResultsModel::Theme(size_t survey, size_t slot, size_t theme, int service, const Period& period) const {
  const SurveyPlan& plan = results_.plan(survey);
  const QuestionTable& table = Question(survey, slot, period);
  const OpenAnswers answers = results_.OpenAnswersOf(survey, slot, period);
  const std::string theme_id = results_.site().themes().themes[theme].id;
  ThemeCount out;
  const auto under = [&](const std::map<int, uint64_t>& counts) {
    const auto it = counts.find(static_cast<int>(theme));
    return it == counts.end() ? uint64_t{0} : it->second;
  };
  for (size_t cut = 0; cut < plan.cut_slots().size() && service >= 0; ++cut) {
    const size_t by = plan.cut_slots()[cut];
    const Slot& question = plan.slots()[by];
    if (question.kind != QuestionKind::kService) continue;
    const std::string& id = results_.site().services()[static_cast<size_t>(service)].id;
    const auto option = std::find(question.options.begin(), question.options.end(), id);
    const QuestionTable& own = Question(survey, by, period);
    out.key = table.key + "/cut:" + question.question + "=" + id + "/theme:" + theme_id;
    if (option == question.options.end()) return out;
    const size_t o = static_cast<size_t>(option - question.options.begin());
    out.answered = results_.SurveyCutCounts(survey, period, cut, o)[slot].answered;
    out.count = under(answers.ByTheme(service));
    // The service's row of the service question: its own category (a service question is never recoded).
    const bool group_shown = own.shown && o < own.rows.size() && own.rows[o].id == id && own.rows[o].shown &&
                             own.rows[o].share.num >= disclosure_.k();
    out.shown = group_shown && out.answered >= disclosure_.k();
    return out;
  }
  out.key = table.key + "/theme:" + theme_id;
  out.answered = table.answered;
  out.count = under(answers.ByTheme());
  out.shown = table.base_shown && out.answered >= disclosure_.k();
  return out;
}

const QuestionTable& ResultsModel::Question(size_t survey, size_t slot, const std::optional<Period>& period) const {
  static const QuestionTable kNone;
  const auto it = questions_.find({survey, slot, period});
  return it == questions_.end() ? kNone : it->second;
}

ChoiceShare ResultsModel::Choice(size_t survey, size_t slot, const std::vector<std::string>& options,
                                 const std::optional<Period>& period) const {
  const QuestionTable& table = Question(survey, slot, period);
  const Slot& definition = results_.plan(survey).slots()[slot];
  const std::vector<SlotCounts> all = period ? results_.SurveyCounts(survey, *period) : results_.SurveyTotal(survey);
  ChoiceShare choice;
  std::string id;
  // In the slot's order, so that the same answers have one key.
  for (size_t o = 0; o < definition.options.size(); ++o) {
    if (std::find(options.begin(), options.end(), definition.options[o]) == options.end()) continue;
    id += (id.empty() ? "" : "+") + definition.options[o];
    choice.share.num += all[slot].options[o];
  }
  choice.share.den = table.answered;
  choice.key = table.key + "/answer:" + id;
  // Shown when every published row it touches is shown and lies wholly inside it.
  choice.shown = table.shown;
  for (const AnswerRow& row : table.rows) {
    size_t inside = 0;
    size_t parts = 0;
    for (size_t start = 0; start <= row.id.size();) {
      const size_t end = std::min(row.id.find('+', start), row.id.size());
      ++parts;
      if (std::find(options.begin(), options.end(), row.id.substr(start, end - start)) != options.end()) ++inside;
      start = end + 1;
    }
    if (inside > 0 && (inside < parts || !row.shown)) choice.shown = false;
  }
  return choice;
}

}  // namespace otklik
