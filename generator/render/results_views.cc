#include "render/results_views.h"

#include <algorithm>
#include <array>

#include "model/skip_logic.h"
#include "render/chart.h"
#include "render/figure.h"
#include "render/russian.h"

namespace otklik {

using nlohmann::json;

namespace {

const Messages& MessagesOf(const ResultsContext& context) {
  return context.results.site().messages();
}

Shown TargetFigure(const ResultsContext& context) { return Share("settings/target", context.target); }

ChartTarget TargetLine(const ResultsContext& context) {
  return {context.target.value(),
          MessagesOf(context).Format("chart.target", {{"percent", FormatPercent(context.target)}})};
}

// The figures of a level: share (as against the target), interval, mean, ratings.
struct LevelFigures {
  Shown percent;
  Shown interval;
  Shown mean;
  Shown n;
};

LevelFigures FiguresOf(const ResultsContext& context, const PeriodLevel& level) {
  if (level.level.n == 0) return {};
  return {LevelShare(level.key, level.share(), context.target), Interval(level.key + "/interval", level.level),
          level.mean.den > 0 ? Mean(level.key + "/mean", level.mean) : Shown{}, Count(level.key + "/ratings", level.level.n)};
}

json Trend(const ResultsContext& context, const std::vector<PeriodLevel>& levels, const std::string& id) {
  const Messages& messages = MessagesOf(context);
  std::vector<ChartPoint> points;
  json rows = json::array();
  const PeriodLevel* lowest = nullptr;
  const PeriodLevel* highest = nullptr;
  size_t shown = 0;
  for (const PeriodLevel& level : levels) {
    const std::string value = level.shown ? FiguresOf(context, level).percent.text : messages["chart.gap"];
    points.push_back({messages.PeriodShort(level.period), level.level.share, level.level.low, level.level.high, level.shown, value});
    rows.push_back(PeriodLevelRow(context, level));
    if (!level.shown) continue;
    ++shown;
    if (!lowest || level.level.share < lowest->level.share) lowest = &level;
    if (!highest || level.level.share > highest->level.share) highest = &level;
  }
  Sentence summary;
  if (shown == 0) {
    summary << messages["results.trend_none"];
  } else if (shown == 1) {
    summary.Put(messages["results.trend_one"], {{"quarter", Words(messages.PeriodShort(lowest->period))},
                                                {"level", FiguresOf(context, *lowest).percent},
                                                {"target", TargetFigure(context)}});
  } else {
    // The range of the quarters shown, and how many those are when not all.
    summary.Put(messages[shown == levels.size() ? "results.trend_range" : "results.trend_range_some"],
                {{"quarters", Words(messages.Count("results.quarters", static_cast<long>(levels.size())))},
                 {"shown", Words(std::to_string(shown))},
                 {"total", Words(std::to_string(levels.size()))},
                 {"lowest", FiguresOf(context, *lowest).percent},
                 {"lowest_quarter", Words(messages.PeriodShort(lowest->period))},
                 {"highest", FiguresOf(context, *highest).percent},
                 {"highest_quarter", Words(messages.PeriodShort(highest->period))},
                 {"target", TargetFigure(context)}});
  }
  return {
      {"svg", TrendChart(id + "-trend", messages["results.trend_title"], points, TargetLine(context))},
      {"summary", summary.html()},
      {"rows", rows}};
}

json Parameters(const ResultsContext& context, const GroupKey& group, const Period& period, const std::string& id) {
  const Messages& messages = MessagesOf(context);
  std::vector<ChartPoint> bars;
  json rows = json::array();
  for (size_t p = 0; p < context.results.parameters().size(); ++p) {
    const PeriodLevel level = ParameterLevel(context, group, p, period);
    if (!level.any) continue;
    const std::string& text = context.results.ParameterText(p);
    const LevelFigures figures = FiguresOf(context, level);
    const Shown hidden = Hidden(level.key + "/share", messages["results.not_enough_data"]);
    bars.push_back({text, level.level.share, level.level.low, level.level.high, level.shown,
                    level.shown ? figures.percent.text : hidden.text});
    rows.push_back({{"text", text},
                    {"shown", level.shown},
                    {"percent", level.shown ? figures.percent.html : ""},
                    {"interval", level.shown ? figures.interval.html : ""},
                    {"n", level.shown ? figures.n.html : ""},
                    {"hidden", level.shown ? "" : hidden.html}});
  }
  if (bars.empty()) return nullptr;
  const std::string summary = messages.Format("results.parameters_summary", {{"period_in", messages.PeriodIn(period)}});
  return {{"svg", BarChart(id + "-parameters", messages["results.parameters_chart"], bars, true, TargetLine(context))},
          {"summary", summary},
          {"rows", rows}};
}

// How respondents received services: shares by touchpoint, from the model.
json Channels(const ResultsContext& context, const GroupKey& group, const Period& period, const std::string& root) {
  const Site& site = context.results.site();
  const std::vector<ChannelRow> channels = context.model.Channels(group, period);
  if (channels.empty()) return nullptr;
  const std::string base = "channel/" + site.config().indicators[static_cast<size_t>(group.indicator)].id + "/" +
                           CutKey(site, group) + "/" + period.Key() + "/";
  json rows = json::array();
  for (const ChannelRow& channel : channels) {
    const Touchpoint& touchpoint = site.touchpoints()[channel.touchpoint];
    const std::string key = base + "touchpoint:" + touchpoint.id;
    rows.push_back(
        {{"title", touchpoint.title},
         {"href", root + "touchpoints/" + touchpoint.id + "/index.html"},
         {"shown", channel.shown},
         {"share", channel.shown ? Share(key + "/share", channel.share).html : ""},
         {"n", channel.shown ? Count(key + "/count", channel.share.num).html : ""},
         {"hidden", channel.shown ? "" : Hidden(key + "/count", site.messages()["results.not_enough_data"]).html}});
  }
  return rows;
}

// The external surveys whose answers feed `indicator`, with their pages.
json SurveysOf(const ResultsContext& context, int indicator, const std::string& root) {
  json out = json::array();
  const Site& site = context.results.site();
  for (size_t s = 0; s < site.surveys().size(); ++s) {
    const Survey& survey = site.surveys()[s];
    // A survey that has not opened on the build date has no page to link to.
    if (context.results.IndicatorOf(s) != indicator || context.results.SurveyResponses(s) == 0 ||
        survey.StateOn(context.as_of) == SurveyState::kUpcoming) {
      continue;
    }
    const bool has_results = !context.results.ResultPeriods(s, context.as_of).empty();
    out.push_back({{"title", survey.title},
                   {"key", SurveyFigureKey(survey, std::nullopt)},
                   {"href", root + "surveys/" + survey.id + "/index.html"},
                   {"results_href", has_results ? root + "surveys/" + survey.id + "/results/index.html" : ""},
                   {"sep", out.empty() ? "" : ", "}});
  }
  return out;
}

json ResultsBlock(const ResultsContext& context, const GroupKey& group, const std::string& root, const std::string& id) {
  const Site& site = context.results.site();
  const Messages& messages = site.messages();
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
      rows.push_back(PeriodLevelRow(context, GroupLevel(context, group, period)));
    }
    return rows;
  };
  const Indicator& indicator = site.config().indicators[static_cast<size_t>(group.indicator)];
  json block = {{"has_data", true},
                {"heading", IndicatorHeading(site, group.indicator)},
                {"indicator", indicator.title},
                {"anchor", "results-" + indicator.id},
                {"surveys", SurveysOf(context, group.indicator, root)},
                {"sources_key", "level/" + indicator.id + "/" + CutKey(site, group)},
                {"period", messages.PeriodLabel(current)},
                {"period_in", messages.PeriodIn(current)},
                {"current", PeriodLevelRow(context, now)},
                {"change", PeriodLevelChange(context, GroupLevel(context, group, current.Previous()), now)},
                {"below_target", now.shown && CompareWithTarget(now.share(), context.target).below},
                {"share_key", now.key + "/share"},
                {"target", TargetFigure(context).html},
                {"trend", Trend(context, levels, id)},
                {"halves", completed(Period::Kind::kHalf)},
                {"years", completed(Period::Kind::kYear)},
                {"parameters", Parameters(context, group, current, id)},
                {"k", std::to_string(context.disclosure.k())}};
  const std::string channels_title = messages.Format(
      group.kind == GroupKey::Kind::kService ? "results.channels_of_service" : "results.channels_of_group",
      {{"period_in", messages.PeriodIn(current)}});
  json channels = Channels(context, group, current, root);
  const bool any_channel_shown =
      channels.is_array() && std::any_of(channels.begin(), channels.end(), [](const json& row) { return row["shown"] == true; });
  // A split with every row hidden is one sentence, not a table of «недостаточно данных».
  block["channels"] = any_channel_shown ? channels : json(nullptr);
  block["channels_caption"] = messages.Format("results.channels_caption", {{"channels", channels_title}});
  block["channels_note"] = channels.is_array() && !any_channel_shown
                               ? messages.Format("results.channels_hidden", {{"channels", channels_title}})
                               : "";
  Sentence summary;
  if (now.shown) {
    const LevelFigures figures = FiguresOf(context, now);
    summary.Put(messages["results.level_summary"], {{"period_in", Words(messages.PeriodIn(current))},
                                                    {"level", figures.percent},
                                                    {"interval", figures.interval},
                                                    {"ratings", figures.n}});
  } else if (!now.any) {
    summary << messages.Format("results.level_none", {{"Period_in", Capitalised(messages.PeriodIn(current))}});
  } else {
    summary.Put(messages["results.level_hidden"],
                {{"period_in", Words(messages.PeriodIn(current))},
                 {"hidden", Hidden(now.key + "/share", messages["results.not_enough_data"])},
                 {"answers", Words(messages.Count("results.answers_gen", static_cast<long>(context.disclosure.k())))}});
  }
  block["summary"] = summary.html();
  return block;
}

json MakeResultsBlocks(const ResultsContext& context, const GroupKey& group, const std::string& root,
                       const std::string& id) {
  json blocks = json::array();
  const Site& site = context.results.site();
  for (int indicator = 0; indicator < static_cast<int>(context.results.indicators()); ++indicator) {
    GroupKey of_indicator = group;
    of_indicator.indicator = indicator;
    const std::string block_id = site.config().indicators.size() == 1
                                     ? id
                                     : id + "-" + site.config().indicators[static_cast<size_t>(indicator)].id;
    json block = ResultsBlock(context, of_indicator, root, block_id);
    if (block["has_data"] == true) blocks.push_back(std::move(block));
  }
  return blocks;
}

}  // namespace

bool ResponsesShown(const ResultsContext& context, size_t survey, const std::optional<Period>& period) {
  const QuestionTable& first = context.model.Question(survey, 0, period);
  return !context.results.plan(survey).slots().empty() && first.base_shown && first.asked >= context.disclosure.k();
}

Shown ResponsesFigure(const ResultsContext& context, size_t survey, const std::optional<Period>& period) {
  const std::string key = SurveyFigureKey(context.results.plan(survey).survey(), period) + "/responses";
  return ResponsesShown(context, survey, period) ? Count(key, context.model.Question(survey, 0, period).asked)
                                                 : Hidden(key, MessagesOf(context)["results.not_enough_data"]);
}

std::string IndicatorHeading(const Site& site, int indicator) {
  if (site.config().indicators.size() == 1) return site.messages()["results.title"];
  return site.messages().Format("results.heading_of",
                                {{"indicator", site.config().indicators[static_cast<size_t>(indicator)].title}});
}

PeriodLevel GroupLevel(const ResultsContext& context, const GroupKey& group, const Period& period) {
  return context.model.Level(group, period);
}

PeriodLevel ParameterLevel(const ResultsContext& context, const GroupKey& group, size_t parameter,
                           const Period& period) {
  return context.model.Parameter(group, parameter, period);
}

PeriodLevel SlotLevel(const ResultsContext& context, size_t survey, size_t slot, const Period& period) {
  const QuestionTable& table = context.model.Question(survey, slot, period);
  if (!table.level) return {period, {}, {}, false, false, table.key + "/level"};
  PeriodLevel level = *table.level;
  level.period = period;
  return level;
}

json PeriodLevelRow(const ResultsContext& context, const PeriodLevel& level) {
  const LevelFigures figures = FiguresOf(context, level);
  const bool shown = level.shown;
  return {
      {"period", MessagesOf(context).PeriodLabel(level.period)},
      {"short", MessagesOf(context).PeriodShort(level.period)},
      {"shown", shown},
      {"empty", !level.any},
      {"percent", shown ? figures.percent.html : ""},
      {"interval", shown ? figures.interval.html : ""},
      {"mean", shown ? figures.mean.html : ""},
      {"n", shown ? figures.n.html : ""},
      {"hidden",
       !shown && level.any ? Hidden(level.key + "/share", MessagesOf(context)["results.not_enough_data"]).html : ""}};
}

// «на 5 процентных пунктов выше, чем во II квартале 2026 г.; это больше погрешности»:
// the difference of the two figures as shown, the significance from the exact shares.
json PeriodLevelChange(const ResultsContext& context, const PeriodLevel& before, const PeriodLevel& now) {
  if (!before.shown || !now.shown) return nullptr;
  const Messages& messages = MessagesOf(context);
  const Change change = ChangeBetween(before.level, now.level);
  const long tenths = ShownTenths(now.share(), CompareWithTarget(now.share(), context.target).digits) -
                      ShownTenths(before.share(), CompareWithTarget(before.share(), context.target).digits);
  const Shown difference = Difference(now.key + "/change/" + before.period.Key(), before.key + "/share",
                                      now.key + "/share", tenths, messages["results.change_none_figure"]);
  Sentence amount;
  if (tenths == 0) {
    amount.Put(messages["results.change_same"],
               {{"difference", difference}, {"period_in", Words(messages.PeriodIn(before.period))}});
  } else {
    const std::string points = tenths % 10 != 0 ? messages["results.points_fraction"]
                                                : messages.Plural("results.points", std::labs(tenths) / 10);
    amount.Put(messages[tenths > 0 ? "results.change_up" : "results.change_down"],
               {{"difference", difference}, {"points", Words(points)}, {"period_in", Words(messages.PeriodIn(before.period))}});
  }
  Sentence text;
  text.Put(messages[change.significant ? "results.change_significant" : "results.change_within_error"],
           {{"change", amount.shown()}});
  return {{"html", text.html()},
          {"up", change.significant && change.difference > 0},
          {"down", change.significant && change.difference < 0},
          {"significant", change.significant}};
}

void ResultsViewCache::Clear() {
  std::lock_guard lock(mutex_);
  views_.clear();
}

json ResultsViewCache::Find(const std::string& key, const std::function<json()>& build) {
  {
    std::lock_guard lock(mutex_);
    if (const auto it = views_.find(key); it != views_.end()) return it->second;
  }
  json view = build();  // outside the lock: other pages go on meanwhile
  std::lock_guard lock(mutex_);
  views_.emplace(key, view);
  return view;
}

json ResultsBlocks(const ResultsContext& context, const GroupKey& group, const std::string& root,
                   const std::string& id) {
  if (!context.views) return MakeResultsBlocks(context, group, root, id);
  const std::string key = "blocks " + std::to_string(static_cast<int>(group.kind)) + " " + std::to_string(group.index) +
                          " " + root + " " + id;
  return context.views->Find(key, [&] { return MakeResultsBlocks(context, group, root, id); });
}

json PeriodRow(const ResultsContext& context, const GroupKey& group, const Period& period) {
  const PeriodLevel now = GroupLevel(context, group, period);
  return {{"has_data", now.any},
          {"current", PeriodLevelRow(context, now)},
          {"change", PeriodLevelChange(context, GroupLevel(context, group, period.Previous()), now)},
          {"below_target", now.shown && CompareWithTarget(now.share(), context.target).below},
          {"share_key", now.key + "/share"}};
}

// How the base of slot `i` follows from the answers to an earlier question
// (see SkipRule), as Sum() terms over the published figures; empty when
// nothing skips it, when it follows from several questions, or when the
// rule does not hold for these answers (a revision asked it of everybody).
std::vector<std::string> BaseTerms(const ResultsContext& context, size_t survey_index, size_t i,
                                   const std::optional<Period>& period) {
  const SurveyPlan& plan = context.results.plan(survey_index);
  const Survey& survey = plan.survey();
  for (const SkipRule& rule : SkipRules(survey)) {
    if (rule.from < 0 || survey.questions[rule.question].id != plan.slots()[i].question) continue;
    const std::string& from = survey.questions[static_cast<size_t>(rule.from)].id;
    const auto slot = std::find_if(plan.slots().begin(), plan.slots().end(),
                                   [&](const Slot& candidate) { return candidate.question == from; });
    if (slot == plan.slots().end()) return {};
    const QuestionTable& table =
        context.model.Question(survey_index, static_cast<size_t>(slot - plan.slots().begin()), period);
    const uint64_t responses = context.model.Question(survey_index, 0, period).asked;
    std::vector<std::string> terms;
    if (!rule.condition) terms.push_back(SurveyFigureKey(survey, period) + "/responses");
    uint64_t sum = 0;
    size_t covered = 0;
    for (const AnswerRow& row : table.rows) {
      std::vector<std::string> ids;
      for (size_t at = 0; at <= row.id.size();) {
        const size_t plus = std::min(row.id.find('+', at), row.id.size());
        ids.push_back(row.id.substr(at, plus - at));
        at = plus + 1;
      }
      const size_t in = static_cast<size_t>(std::count_if(ids.begin(), ids.end(), [&](const std::string& id) {
        return std::find(rule.options.begin(), rule.options.end(), id) != rule.options.end();
      }));
      if (in == 0) continue;
      if (in != ids.size()) return {};  // recoding joined a skipping option with one that does not skip
      covered += in;
      sum += row.share.num;
      terms.push_back((rule.condition ? "" : "-") + table.key + "/answer:" + row.id + "/count");
    }
    const uint64_t asked = context.model.Question(survey_index, i, std::nullopt).asked;
    const bool holds = rule.condition ? asked == sum : asked + sum == responses;
    return covered == rule.options.size() && holds ? terms : std::vector<std::string>{};
  }
  return {};
}

namespace {

json MakeSurveyResults(const ResultsContext& context, size_t survey_index, const std::optional<Period>& period) {
  const SurveyPlan& plan = context.results.plan(survey_index);
  const uint64_t k = context.disclosure.k();
  json questions = json::array();
  for (size_t i = 0; i < plan.slots().size(); ++i) {
    const Slot& slot = plan.slots()[i];
    const QuestionTable& table = context.model.Question(survey_index, i, period);
    // A period before a question was added to the survey: nobody was asked it.
    if (period && table.base_shown && table.asked == 0) continue;
    const bool base = table.base_shown;
    json q = {{"text", slot.text},
              {"id", "r-" + std::to_string(i + 1)},
              {"asked", base ? Sum(table.key + "/asked", table.asked, BaseTerms(context, survey_index, i, period)).html : ""},
              {"answered", base ? Count(table.key + "/answered", table.answered).html : ""},
              {"base_shown", base},
              {"shown", table.shown},
              {"is_text", slot.kind == QuestionKind::kText},
              {"is_multiple", slot.kind == QuestionKind::kMultiple},
              // Present even when empty: Mustache would look up a missing
              // name in the survey's view and show the survey's summary.
              {"summary", ""},
              {"svg", ""},
              {"level", false},
              {"text_note", ""},
              // One answer each: the answers add up to those who answered.
              {"parts_key", base && IsSingleChoice(slot.kind) ? table.key + "/answered" : ""},
              {"quotes", json::array()}};
    if (slot.kind == QuestionKind::kText) {
      if (base) {
        const Messages& messages = MessagesOf(context);
        Sentence note;
        note.Put(messages["results.texts_received"],
                 {{"count", Count(table.key + "/answered", table.answered)},
                  {"answers", Words(messages.Plural("results.answers", static_cast<long>(table.answered)))}})
            << messages["results.texts_note"];
        q["text_note"] = note.html();
      }
      json quotes = json::array();
      for (const Quote& quote : plan.survey().quotes) {
        if (!period && quote.question == slot.question) quotes.push_back(quote.text);
      }
      q["quotes"] = quotes;
      questions.push_back(std::move(q));
      continue;
    }
    std::vector<ChartPoint> bars;
    json rows = json::array();
    bool any_row_shown = false;
    for (const AnswerRow& row : table.rows) {
      const std::string key = table.key + "/answer:" + row.id;
      const Proportion share = WilsonInterval(row.share.num, row.share.den);
      const Shown percent = row.shown ? Share(key + "/share", row.share) : Shown{};
      bars.push_back({row.text, share.share, share.low, share.high, row.shown,
                      row.shown ? percent.text : MessagesOf(context)["results.not_enough_data"]});
      rows.push_back(
          {{"text", row.text},
           {"shown", row.shown},
           {"count", row.shown ? Count(key + "/count", row.share.num).html : ""},
           {"percent", row.shown ? percent.html : ""},
           {"hidden", row.shown ? "" : Hidden(key + "/count", MessagesOf(context)["results.not_enough_data"]).html}});
      any_row_shown = any_row_shown || row.shown;
    }
    q["rows"] = rows;
    if (table.shown && any_row_shown) {
      const std::string& summary = MessagesOf(
          context)[slot.kind == QuestionKind::kMultiple ? "results.multiple_summary" : "results.single_summary"];
      q["svg"] = BarChart(q["id"].get<std::string>() + "-chart", slot.text, bars, false, {});
      q["summary"] = summary;
    }
    if (table.level && table.shown && table.level->level.n > 0) {
      const LevelFigures figures = FiguresOf(context, *table.level);
      const bool ratings = table.level->mean.den > 0;
      // A «скорее удовлетворены» question: the share of «скорее удовлетворён» among those with an opinion.
      const Messages& messages = MessagesOf(context);
      std::string what = messages[ratings ? "results.level_of_ratings" : "results.level_of_satisfied"];
      if (!ratings && slot.options.size() > 3) {
        std::string others = messages.Format("form.quoted", {{"text", slot.option_texts[3]}});
        for (size_t o = 4; o < slot.options.size(); ++o) {
          others = messages.Format(
              "form.or",
              {{"list", others}, {"item", messages.Format("form.quoted", {{"text", slot.option_texts[o]}})}});
        }
        what = messages.Format("results.level_of_satisfied_except", {{"answers", others}});
      }
      q["level"] = {{"what", what},
                    {"percent", figures.percent.html},
                    {"interval", figures.interval.html},
                    {"mean", ratings ? figures.mean.html : ""}};
    }
    questions.push_back(std::move(q));
  }
  const bool shown = ResponsesShown(context, survey_index, period);
  return {{"responses", shown ? ResponsesFigure(context, survey_index, period).html : ""},
          {"shown", shown},
          {"k", std::to_string(k)},
          {"questions", questions}};
}

}  // namespace

json SurveyResults(const ResultsContext& context, size_t survey_index, const std::optional<Period>& period) {
  if (!context.views) return MakeSurveyResults(context, survey_index, period);
  const std::string key = "survey " + std::to_string(survey_index) + " " + (period ? period->Key() : "");
  return context.views->Find(key, [&] { return MakeSurveyResults(context, survey_index, period); });
}

}  // namespace otklik
