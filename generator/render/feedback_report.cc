// «Отчёт о проведении сбора обратной связи» (seed 004 §6.5, appendix 2): for
// a half-year or a year, every process with its surveys, answers,
// satisfaction and parameters; the extra surveys run after negative
// feedback; the decisions; the staff survey question by question. Internal.

#include <algorithm>
#include <functional>

#include "model/decision.h"
#include "render/decision_views.h"
#include "render/figure.h"
#include "render/report_views.h"
#include "render/results_views.h"
#include "render/russian.h"
#include "render/view_builder.h"

namespace otklik {

using nlohmann::json;

namespace {

bool RunsIn(const Survey& survey, const Period& period) {
  return survey.opens <= period.last() && survey.closes >= period.first();
}

// The quarters of a quarter, a half-year or a year, oldest first.
std::vector<Period> QuartersIn(const Period& period) {
  if (period.kind == Period::Kind::kQuarter) return {period};
  std::vector<Period> out;
  for (const Period& part : PartsOf(period)) {
    for (const Period& quarter : QuartersIn(part)) out.push_back(quarter);
  }
  return out;
}

// «Опрос A», «Опрос B»: the titles of `surveys`, in quotes.
std::string Titles(const std::vector<const Survey*>& surveys) {
  std::string out;
  for (const Survey* survey : surveys) out += (out.empty() ? "«" : ", «") + survey->title + "»";
  return out;
}

}  // namespace

void ViewBuilder::FeedbackReport(json& view) {
  const otklik::Period period = page_.period;
  const SiteConfig& config = site_.config();
  view["title"] = site_.messages().Format("feedback_report.title", {{"period", site_.messages().PeriodLabel(period)}});
  view["period"] = site_.messages().PeriodLabel(period);
  view["range"] = DateRange(site_.messages(), period);
  view["agency"] = config.agency.name;
  // The external surveys of the period.
  std::vector<const Survey*> external;
  for (const Survey& survey : site_.surveys()) {
    if (survey.audience == Audience::kExternal && RunsIn(survey, period)) external.push_back(&survey);
  }
  // The indicator a survey feeds (site.yaml `indicators:`): tables never pool two of them.
  const auto indicator_of = [&](const Survey* survey) {
    return context_.results ? context_.results->results.IndicatorOf(static_cast<size_t>(survey - site_.surveys().data()))
                            : 0;
  };
  json kinds = json::array();
  std::vector<std::string> headings;
  for (size_t k = 0; k < ServiceKindNames().size(); ++k) {
    const auto kind = static_cast<ServiceKind>(k);
    std::vector<size_t> services;
    for (size_t i = 0; i < site_.services().size(); ++i) {
      if (site_.services()[i].kind == kind) services.push_back(i);
    }
    if (services.empty()) continue;
    headings.push_back(ServiceKindHeading(site_.messages(), kind));
    json tables = json::array();
    for (int indicator = 0; indicator < static_cast<int>(std::max<size_t>(1, config.indicators.size())); ++indicator) {
      json table = FeedbackProcesses(services, period, indicator, external, indicator_of);
      if (!table.is_null()) tables.push_back(std::move(table));
    }
    kinds.push_back({{"heading", ServiceKindHeading(site_.messages(), kind)}, {"tables", tables}});
  }
  std::string processes;
  for (const std::string& heading : headings) processes += (processes.empty() ? "" : ", ") + heading;
  view["processes"] = processes;
  view["kinds"] = kinds;
  FeedbackFollowUps(view, period, external);
  FeedbackDecisions(view, period);
  json internal_surveys = json::array();
  for (size_t i = 0; i < site_.surveys().size(); ++i) {
    const Survey& survey = site_.surveys()[i];
    if (survey.audience != Audience::kInternal || !RunsIn(survey, period)) continue;
    // The responses of the report's period, not of all time.
    std::string responses = Count(SurveyFigureKey(survey, period) + "/responses", 0).html;
    json results = nullptr;
    if (context_.results && context_.results->model.Question(i, 0, period).asked > 0) {
      responses = ResponsesFigure(*context_.results, i, period).html;
      results = SurveyResults(*context_.results, i, period);
    }
    internal_surveys.push_back({{"title", survey.title}, {"responses", responses}, {"results", results}});
  }
  view["internal_surveys"] = internal_surveys;
  json appeals = json::array();
  if (context_.reports) {
    for (const AppealMetrics& m : context_.reports->metrics) {
      if (m.quarter.first() < period.first() || m.quarter.last() > period.last()) continue;
      const std::string key = "appeals/" + m.quarter.Key() + "/";
      const auto share = [&](const std::string& name, const std::optional<Ratio>& value) {
        return value ? Share(key + name, *value).html : std::string("—");
      };
      appeals.push_back({{"period", site_.messages().PeriodLabel(m.quarter)},
                         {"records", Count(key + "records", m.records).html},
                         {"complaints", Count(key + "complaints.count", m.complaints.complaints).html},
                         {"resolved", share("complaints.resolved.share", m.complaints.resolved.share)},
                         {"on_time", share("answer_time.on_time.share", m.answer_times.on_time.share)}});
    }
  }
  view["appeals"] = appeals;
}

json ViewBuilder::FeedbackProcesses(const std::vector<size_t>& services, const otklik::Period& period, int indicator,
                                    const std::vector<const Survey*>& external,
                                    const std::function<int(const Survey*)>& indicator_of) const {
  const SiteConfig& config = site_.config();
  // The surveys of the indicator that ask about a service: those that say something of it.
  const auto surveys_of = [&](const Service& service) {
    std::vector<const Survey*> out;
    for (const Survey* survey : external) {
      const Question* question = survey->ServiceQuestion();
      if (indicator_of(survey) == indicator && question &&
          std::any_of(question->options.begin(), question->options.end(),
                      [&](const Option& option) { return option.id == service.id; })) {
        out.push_back(survey);
      }
    }
    return out;
  };
  json rows = json::array();
  json parameter_rows = json::array();
  std::vector<bool> parameter_used(context_.results ? context_.results->results.parameters().size() : 0);
  // Respondents of the shown services only: staff see what the public
  // sees, so that no hidden group can be worked out from this report.
  uint64_t respondents = 0;
  bool all_shown = true;
  std::vector<const Survey*> table_surveys;
  for (const size_t i : services) {
    const Service& service = site_.services()[i];
    const std::vector<const Survey*> surveys = surveys_of(service);
    for (const Survey* survey : surveys) {
      if (std::find(table_surveys.begin(), table_surveys.end(), survey) == table_surveys.end()) {
        table_surveys.push_back(survey);
      }
    }
    json r = {{"title", service.title},
              {"href", config.base_url + "services/" + service.id + "/"},
              {"surveys", surveys.empty() ? site_.messages()["feedback_report.no_surveys"] : Titles(surveys)}};
    if (context_.results) {
      const ResultsContext& results = *context_.results;
      const GroupKey group{GroupKey::Kind::kService, static_cast<int>(i), indicator};
      const uint64_t n = results.disclosure.Counts(group, period).respondents;
      if (indicator > 0 && n == 0) continue;  // a second indicator's table lists whom its surveys asked
      const bool shown = !results.disclosure.Hidden(group, period);
      const std::string key = GroupFigureKey(site_, group, period) + "/respondents";
      respondents += shown ? n : 0;
      all_shown = all_shown && (shown || n == 0);
      json period_row = PeriodRow(results, group, period);
      r["respondents"] = shown ? Count(key, n).html : Hidden(key, site_.messages()["results.not_enough_data"]).html;
      r["current"] = period_row["current"];
      r["below_target"] = period_row["below_target"];
      r["share_key"] = period_row["share_key"];
      json cells = json::array();
      for (size_t p = 0; p < parameter_used.size(); ++p) {
        const PeriodLevel level = ParameterLevel(results, group, p, period);
        parameter_used[p] = parameter_used[p] || level.any;
        cells.push_back(PeriodLevelRow(results, level));
      }
      parameter_rows.push_back({{"title", service.title}, {"cells", cells}});
    }
    rows.push_back(std::move(r));
  }
  // A second indicator without a survey of this kind of process has no table; the first always has one.
  if (indicator > 0 && (table_surveys.empty() || rows.empty())) return nullptr;
  // Only the parameters someone rated in this kind of process.
  json parameters = json::array();
  for (size_t p = 0; p < parameter_used.size(); ++p) {
    if (parameter_used[p]) parameters.push_back({{"text", context_.results->results.ParameterText(p)}});
  }
  for (json& row : parameter_rows) {
    json cells = json::array();
    for (size_t p = 0; p < parameter_used.size(); ++p) {
      if (parameter_used[p]) cells.push_back(row["cells"][p]);
    }
    row["cells"] = cells;
  }
  return {{"indicator", config.indicators.size() > 1 ? config.indicators[static_cast<size_t>(indicator)].title : ""},
          {"services", rows},
          {"surveys", table_surveys.empty() ? site_.messages()["feedback_report.no_surveys"] : Titles(table_surveys)},
          {"respondents", all_shown ? std::to_string(respondents)
                                    : site_.messages().Format("feedback_report.respondents_without_hidden",
                                                              {{"count", std::to_string(respondents)}})},
          {"parameters", parameters},
          {"parameter_rows", parameters.empty() ? json::array() : parameter_rows}};
}

void ViewBuilder::FeedbackFollowUps(json& view, const otklik::Period& period,
                                    const std::vector<const Survey*>& external) const {
  // The additional collections of the period (seed 004 §3.3)…
  json follow_ups = json::array();
  for (const Survey* survey : external) {
    if (survey->follow_up.empty()) continue;
    json item = {{"title", survey->title},
                 {"dates", Period(*survey)},
                 {"reason", survey->follow_up},
                 {"responses", ""}};
    if (context_.results) {
      const size_t index = static_cast<size_t>(survey - site_.surveys().data());
      item["responses"] = ResponsesFigure(*context_.results, index, period).html;
    }
    follow_ups.push_back(std::move(item));
  }
  view["follow_ups"] = follow_ups;
  // …and the services each quarter flagged for one: below the target or with many ratings 1–2.
  json flagged = json::array();
  if (context_.results) {
    for (const otklik::Period& quarter : QuartersIn(period)) {
      if (quarter.last() >= context_.as_of) continue;
      for (json& row : FlaggedRows(quarter)) {
        row["quarter"] = site_.messages().PeriodLabel(quarter);
        flagged.push_back(std::move(row));
      }
    }
  }
  view["flagged"] = flagged;
}

void ViewBuilder::FeedbackDecisions(json& view, const otklik::Period& period) const {
  json decisions = json::array();
  if (!context_.decisions) {
    view["decisions"] = decisions;
    return;
  }
  // Decisions on the map during the period: identified by its end and not finished before it began.
  const Date end = std::min(period.last(), context_.as_of);
  std::vector<const Decision*> sorted;
  for (const Decision& decision : context_.decisions->decisions) sorted.push_back(&decision);
  SortByPriority(&sorted);
  for (const Decision* decision : sorted) {
    if (decision->identified > end) continue;
    const DecisionState before = StateOf(*decision, period.first().AddDays(-1));
    const bool over = before.kind == DecisionState::Kind::kCancelled ||
                      (before.kind == DecisionState::Kind::kDone && decision->identified < period.first());
    if (over) continue;
    size_t done = 0;
    for (const Measure& measure : decision->measures) {
      for (const StatusChange& change : HistoryOn(measure, end)) {
        if (change.status == MeasureStatus::kDone && change.date >= period.first()) ++done;
      }
    }
    const Service* service = site_.FindService(decision->service);
    decisions.push_back({{"title", decision->title},
                         {"href", site_.config().base_url + "decisions/" + decision->id + "/"},
                         {"service", service ? service->title : ""},
                         {"identified", site_.messages().Date(decision->identified)},
                         {"state", StateLabel(site_.messages(), StateOf(*decision, end))},
                         {"done", std::to_string(done)}});
  }
  view["decisions"] = decisions;
}

}  // namespace otklik
