#include "render/results_views.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/plural.h"
#include "render/chart.h"
#include "render/russian.h"
#include "stats/suppression.h"

namespace otklik {

using nlohmann::json;

namespace {

RoleCounts CountsOf(const ResultsContext& context, const GroupKey& group, const Period& period) {
  return context.disclosure.Counts(group, period);
}

std::string Interval(const Proportion& p) {
  return std::to_string(static_cast<int>(std::lround(p.low * 100))) + "–" +
         std::to_string(static_cast<int>(std::lround(p.high * 100))) + "\u00A0%";
}

double Mean(const std::array<uint64_t, 5>& ratings) {
  uint64_t n = 0;
  uint64_t sum = 0;
  for (size_t i = 0; i < 5; ++i) {
    n += ratings[i];
    sum += ratings[i] * (i + 1);
  }
  return n == 0 ? 0 : static_cast<double>(sum) / static_cast<double>(n);
}

json Trend(const ResultsContext& context, const std::vector<PeriodLevel>& levels, const std::string& id) {
  std::vector<ChartPoint> points;
  json rows = json::array();
  const PeriodLevel* lowest = nullptr;
  const PeriodLevel* highest = nullptr;
  size_t shown = 0;
  for (const PeriodLevel& level : levels) {
    points.push_back({PeriodShort(level.period), level.level.share, level.level.low, level.level.high, level.shown});
    rows.push_back(PeriodLevelRow(level));
    if (!level.shown) continue;
    ++shown;
    if (!lowest || level.level.share < lowest->level.share) lowest = &level;
    if (!highest || level.level.share > highest->level.share) highest = &level;
  }
  std::string summary = "Недостаточно данных, чтобы показать динамику.";
  if (shown == 1) {
    summary = "Показать можно только один квартал: " + PeriodShort(lowest->period) + ", уровень удовлетворённости " +
              Percent(lowest->level.share) + "; цель — " + Percent(context.target) + ".";
  } else if (lowest && highest) {
    summary = "За " + CountWithNoun(static_cast<long>(levels.size()), "квартал", "квартала", "кварталов") +
              " уровень удовлетворённости был от " + Percent(lowest->level.share) + " (" + PeriodShort(lowest->period) +
              ") до " + Percent(highest->level.share) + " (" + PeriodShort(highest->period) + "); цель — " +
              Percent(context.target) + ".";
  }
  return {{"svg", TrendChart(id + "-trend", "Уровень удовлетворённости по кварталам", summary, points, context.target)},
          {"summary", summary},
          {"rows", rows}};
}

json Parameters(const ResultsContext& context, const GroupKey& group, const Period& period, const std::string& id) {
  const RoleCounts counts = CountsOf(context, group, period);
  const bool group_shown = !context.disclosure.Hidden(group, period);
  std::vector<ChartPoint> bars;
  json rows = json::array();
  for (size_t p = 0; p < counts.parameters.size(); ++p) {
    const Proportion level = SatisfactionLevel(counts.parameters[p]);
    if (level.n == 0) continue;
    const bool shown = group_shown && level.n >= context.disclosure.k();
    const std::string& text = context.results.ParameterText(p);
    bars.push_back({text, level.share, level.low, level.high, shown});
    rows.push_back({{"text", text},
                    {"shown", shown},
                    {"percent", shown ? Percent(level.share) : ""},
                    {"interval", shown ? Interval(level) : ""},
                    {"n", shown ? std::to_string(level.n) : ""}});
  }
  if (bars.empty()) return nullptr;
  const std::string summary = "Доля оценок 4 и 5 по каждому параметру " + PeriodIn(period) + "; черта — 95 % интервал.";
  return {{"svg", BarChart(id + "-parameters", "Удовлетворённость параметрами услуги", summary, bars, true, context.target)},
          {"summary", summary},
          {"rows", rows}};
}

// How respondents received services: shares by touchpoint, for the whole
// agency, a service (its cells at each touchpoint checked by Disclosure) or a
// situation (its shown services pooled; a touchpoint shown only where every
// service's cell there is). Null when there is nothing to show.
json Channels(const ResultsContext& context, const GroupKey& group, const Period& period, const std::string& root) {
  const Site& site = context.results.site();
  const Disclosure& disclosure = context.disclosure;
  const size_t touchpoints = site.touchpoints().size();
  std::vector<uint64_t> n(touchpoints, 0);
  std::vector<bool> shown(touchpoints, true);
  if (group.kind == GroupKey::Kind::kSituation) {
    for (const std::string& id : site.situations()[static_cast<size_t>(group.index)].services) {
      const Service* service = site.FindService(id);
      if (!service) continue;
      const int s = static_cast<int>(service - site.services().data());
      if (disclosure.Hidden({GroupKey::Kind::kService, s}, period)) continue;
      const RoleCounts counts = context.results.Service(static_cast<size_t>(s), period);
      for (size_t t = 0; t < touchpoints; ++t) {
        n[t] += counts.touchpoints[t];
        if (counts.touchpoints[t] > 0 && disclosure.Hidden(disclosure.ServiceAt(s, static_cast<int>(t)), period)) {
          shown[t] = false;
        }
      }
    }
  } else if (group.kind == GroupKey::Kind::kAll || group.kind == GroupKey::Kind::kService) {
    if (disclosure.Hidden(group, period)) return nullptr;
    const RoleCounts counts = CountsOf(context, group, period);
    for (size_t t = 0; t < touchpoints; ++t) {
      n[t] = counts.touchpoints[t];
      const int index = static_cast<int>(t);
      shown[t] = !disclosure.Hidden(group.kind == GroupKey::Kind::kAll ? GroupKey{GroupKey::Kind::kTouchpoint, index}
                                                                       : disclosure.ServiceAt(group.index, index),
                                    period);
    }
  } else {
    return nullptr;  // A touchpoint is a channel itself.
  }
  uint64_t known = 0;
  for (const uint64_t count : n) known += count;
  if (known == 0) return nullptr;
  json rows = json::array();
  for (size_t t = 0; t < touchpoints; ++t) {
    if (n[t] == 0) continue;
    rows.push_back({{"title", site.touchpoints()[t].title},
                    {"href", root + "touchpoints/" + site.touchpoints()[t].id + "/index.html"},
                    {"shown", shown[t]},
                    {"share", shown[t] ? Percent(static_cast<double>(n[t]) / static_cast<double>(known)) : ""},
                    {"n", shown[t] ? std::to_string(n[t]) : ""}});
  }
  return rows;
}

bool SortsIntoGroups(QuestionKind kind) {
  switch (kind) {
    case QuestionKind::kService:
    case QuestionKind::kSingle:
    case QuestionKind::kSex:
    case QuestionKind::kAge:
    case QuestionKind::kEducation: return true;
    default: return false;
  }
}

}  // namespace

PeriodLevel GroupLevel(const ResultsContext& context, const GroupKey& group, const Period& period) {
  const RoleCounts counts = CountsOf(context, group, period);
  PeriodLevel level{period, SatisfactionLevel(counts.overall), Mean(counts.overall), false, counts.OverallAnswers() > 0};
  if (!level.any && group.kind == GroupKey::Kind::kSituation) {
    // Its services were rated but none can be shown: «недостаточно данных», not «ответов нет».
    const auto every_quarter = [](size_t, const Period&) { return true; };
    level.any = context.results.Situation(static_cast<size_t>(group.index), period, every_quarter).OverallAnswers() > 0;
  }
  level.shown = level.any && !context.disclosure.Hidden(group, period) && level.level.n >= context.disclosure.k();
  return level;
}

PeriodLevel ParameterLevel(const ResultsContext& context, const GroupKey& group, size_t parameter,
                           const Period& period) {
  const RoleCounts counts = CountsOf(context, group, period);
  PeriodLevel level{period, {}, 0, false, false};
  if (parameter >= counts.parameters.size()) return level;
  level.level = SatisfactionLevel(counts.parameters[parameter]);
  level.mean = Mean(counts.parameters[parameter]);
  level.any = level.level.n > 0;
  level.shown = level.any && !context.disclosure.Hidden(group, period) && level.level.n >= context.disclosure.k();
  return level;
}

PeriodLevel SlotLevel(const ResultsContext& context, size_t survey, size_t slot, const Period& period) {
  PeriodLevel level{period, {}, 0, false, false};
  const std::vector<SlotCounts> counts = context.results.SurveyCounts(survey, period);
  if (slot >= counts.size()) return level;
  const SlotCounts& c = counts[slot];
  const Slot& definition = context.results.plan(survey).slots()[slot];
  if (definition.kind == QuestionKind::kSatisfaction) {
    const auto satisfied = std::find(definition.options.begin(), definition.options.end(), "satisfied");
    const uint64_t yes = satisfied == definition.options.end() ? 0 : c.options[satisfied - definition.options.begin()];
    level.level = WilsonInterval(yes, c.answered);
  } else {
    std::array<uint64_t, 5> ratings{};
    for (size_t r = 0; r < 5 && r < c.options.size(); ++r) ratings[r] = c.options[r];
    level.level = SatisfactionLevel(ratings);
    level.mean = Mean(ratings);
  }
  level.any = c.answered > 0;
  level.shown = level.any && level.level.n >= context.disclosure.k();
  return level;
}

json PeriodLevelRow(const PeriodLevel& level) {
  return {{"period", PeriodLabel(level.period)},
          {"short", PeriodShort(level.period)},
          {"shown", level.shown},
          {"empty", !level.any},
          {"percent", level.shown ? Percent(level.level.share) : ""},
          {"interval", level.shown ? Interval(level.level) : ""},
          {"mean", level.shown ? Decimal(level.mean) : ""},
          {"n", level.shown ? std::to_string(level.level.n) : ""}};
}

// «на 5 п. п. выше, чем во II квартале 2026 г.; это больше погрешности»
json PeriodLevelChange(const PeriodLevel& before, const PeriodLevel& now) {
  if (!before.shown || !now.shown) return nullptr;
  const Change change = ChangeBetween(before.level, now.level);
  const long points = std::lround(std::fabs(change.difference) * 100);
  std::string text = points == 0 ? "столько же, сколько " + PeriodIn(before.period)
                                 : "на " + std::to_string(points) + "\u00A0" +
                                       RussianPlural(points, "процентный пункт", "процентных пункта", "процентных пунктов") +
                                       (change.difference > 0 ? " выше" : " ниже") + ", чем " + PeriodIn(before.period);
  text += change.significant ? "; это больше погрешности" : "; разница в пределах погрешности";
  return {{"text", text},
          {"up", change.significant && change.difference > 0},
          {"down", change.significant && change.difference < 0},
          {"significant", change.significant}};
}


json ResultsBlock(const ResultsContext& context, const GroupKey& group, const std::string& root,
                  const std::string& id) {
  const Period current = LastCompleteQuarter(context.as_of);
  std::vector<PeriodLevel> levels;
  for (const Period& quarter : context.results.Quarters()) {
    if (quarter > current) continue;
    PeriodLevel level = GroupLevel(context, group, quarter);
    if (level.any || !levels.empty()) levels.push_back(level);
  }
  if (levels.empty()) return {{"has_data", false}};
  const PeriodLevel now = GroupLevel(context, group, current);
  // Only half-years and years that are over: their results are the
  // summaries on 1 July and 31 December.
  const auto completed = [&](Period::Kind kind) {
    json rows = json::array();
    const Period last = Period::Of(kind, context.as_of).Previous();
    for (Period period = Period::Of(kind, levels.front().period.first()); period <= last; period = period.Next()) {
      rows.push_back(PeriodLevelRow(GroupLevel(context, group, period)));
    }
    return rows;
  };
  const json halves = completed(Period::Kind::kHalf);
  const json years = completed(Period::Kind::kYear);
  json block = {{"has_data", true},
                {"period", PeriodLabel(current)},
                {"period_in", PeriodIn(current)},
                {"current", PeriodLevelRow(now)},
                {"change", PeriodLevelChange(GroupLevel(context, group, current.Previous()), now)},
                {"below_target", now.shown && now.level.share < context.target},
                {"target", Percent(context.target)},
                {"trend", Trend(context, levels, id)},
                {"halves", halves},
                {"years", years},
                {"parameters", Parameters(context, group, current, id)},
                {"k", std::to_string(context.disclosure.k())}};
  const std::string channels_title =
      std::string(group.kind == GroupKey::Kind::kService ? "Как получали услугу " : "Как получали услуги ") +
      PeriodIn(current);
  json channels = Channels(context, group, current, root);
  const bool any_channel_shown =
      channels.is_array() && std::any_of(channels.begin(), channels.end(), [](const json& row) { return row["shown"] == true; });
  // A split with every row hidden is one sentence, not a table of «недостаточно данных».
  block["channels"] = any_channel_shown ? channels : json(nullptr);
  block["channels_caption"] = channels_title + ": доля ответивших, указавших способ";
  block["channels_note"] = channels.is_array() && !any_channel_shown ? channels_title + ": недостаточно данных." : "";
  if (now.shown) {
    block["summary"] = "Уровень удовлетворённости " + PeriodIn(current) + " — " + Percent(now.level.share) +
                       " (95 % интервал — " + Interval(now.level) + ", оценок — " + std::to_string(now.level.n) + ").";
  } else if (!now.any) {
    block["summary"] = "В" + PeriodIn(current).substr(std::string("в").size()) + " оценок не было.";
  } else {
    block["summary"] = "Уровень удовлетворённости " + PeriodIn(current) + ": недостаточно данных (меньше " +
                       CountWithNoun(static_cast<long>(context.disclosure.k()), "ответа", "ответов", "ответов") +
                       " или группу нельзя показать, не раскрыв другую).";
  }
  return block;
}

json PeriodRow(const ResultsContext& context, const GroupKey& group, const Period& period) {
  const PeriodLevel now = GroupLevel(context, group, period);
  return {{"has_data", now.any},
          {"current", PeriodLevelRow(now)},
          {"change", PeriodLevelChange(GroupLevel(context, group, period.Previous()), now)},
          {"below_target", now.shown && now.level.share < context.target}};
}

json SurveyResults(const ResultsContext& context, size_t survey_index) {
  const SurveyPlan& plan = context.results.plan(survey_index);
  const std::vector<SlotCounts> counts = context.results.SurveyTotal(survey_index);
  const uint64_t k = context.disclosure.k();
  json questions = json::array();
  for (size_t i = 0; i < plan.slots().size(); ++i) {
    const Slot& slot = plan.slots()[i];
    const SlotCounts& c = counts[i];
    const bool shown = c.answered >= k;
    json q = {{"text", slot.text},
              {"id", "r-" + std::to_string(i + 1)},
              {"asked", std::to_string(c.asked)},
              {"answered", std::to_string(c.answered)},
              {"shown", shown},
              {"is_text", slot.kind == QuestionKind::kText},
              {"is_multiple", slot.kind == QuestionKind::kMultiple},
              // Present even when empty: Mustache would look up a missing
              // name in the survey's view and show the survey's summary.
              {"summary", ""},
              {"svg", ""},
              {"level", false},
              {"quotes", json::array()}};
    if (slot.kind == QuestionKind::kText) {
      q["text_note"] = "Получено " + CountWithNoun(static_cast<long>(c.answered), "ответ", "ответа", "ответов") +
                       "; тексты не публикуются, их читают сотрудники министерства.";
      json quotes = json::array();
      for (const Quote& quote : plan.survey().quotes) {
        if (quote.question == slot.question) quotes.push_back(quote.text);
      }
      q["quotes"] = quotes;
      questions.push_back(std::move(q));
      continue;
    }
    const bool rating = slot.kind == QuestionKind::kScale || slot.kind == QuestionKind::kMatrix;
    // Options that sort respondents into groups (a service, a channel, an age
    // band) follow the rule for groups; ratings and multiple choice are the
    // answers of a group already large enough.
    const std::vector<bool> hidden = SortsIntoGroups(slot.kind) ? SuppressCells(c.options, k)
                                                                 : std::vector<bool>(c.options.size(), false);
    std::vector<ChartPoint> bars;
    json rows = json::array();
    for (size_t o = 0; o < slot.options.size(); ++o) {
      const Proportion share = WilsonInterval(c.options[o], c.answered);
      const bool option_shown = shown && !hidden[o];
      bars.push_back({slot.option_texts[o], share.share, share.low, share.high, option_shown});
      rows.push_back({{"text", slot.option_texts[o]},
                      {"shown", option_shown},
                      {"count", option_shown ? std::to_string(c.options[o]) : ""},
                      {"percent", option_shown ? Percent(share.share) : ""}});
    }
    q["rows"] = rows;
    const bool any_option_shown = std::find(hidden.begin(), hidden.end(), false) != hidden.end();
    if (shown && any_option_shown) {
      const std::string summary =
          slot.kind == QuestionKind::kMultiple ? "Доля ответивших, выбравших каждый вариант; можно было выбрать несколько."
                                               : "Распределение ответов.";
      q["svg"] = BarChart(q["id"].get<std::string>() + "-chart", slot.text, summary, bars, false, 0);
      q["summary"] = summary;
    }
    if (rating && shown) {
      std::array<uint64_t, 5> ratings{};
      for (size_t r = 0; r < 5 && r < c.options.size(); ++r) ratings[r] = c.options[r];
      const Proportion level = SatisfactionLevel(ratings);
      q["level"] = {{"percent", Percent(level.share)}, {"interval", Interval(level)}, {"mean", Decimal(Mean(ratings))}};
    }
    questions.push_back(std::move(q));
  }
  const uint64_t responses = context.results.SurveyResponses(survey_index);
  return {{"responses", std::to_string(responses)},
          {"shown", responses >= k},
          {"k", std::to_string(k)},
          {"questions", questions}};
}

}  // namespace otklik
