#include "core/plural.h"
#include "render/chart.h"
#include "render/figure.h"
#include "render/report_views.h"
#include "render/russian.h"
#include "render/view_builder.h"

namespace otklik {

using nlohmann::json;

namespace {

// Survey results are summed up on 1 July and on 31 December (seed 004 §3.2, §6.4).
Date SummaryDate(const otklik::Period& period) {
  const bool first_half = period.kind == otklik::Period::Kind::kHalf && period.index == 1;
  return first_half ? period.last().AddDays(1) : period.last();
}

}  // namespace

json ViewBuilder::ReportLinks(bool internal_drafts) const {
  json quarters = json::array();
  if (!context_.reports) return quarters;
  const ReportsContext& reports = *context_.reports;
  const std::vector<otklik::Period> due = ReportQuarters(reports, context_.as_of);
  for (auto quarter = due.rbegin(); quarter != due.rend(); ++quarter) {
    const QuarterReport* report = FindReport(reports.reports, *quarter);
    const ReportStatus status = StatusOf(report, quarter->year, quarter->index, context_.as_of);
    const bool published = IsPublished(reports.reports, *quarter, context_.as_of);
    const bool linked = internal_drafts ? FindQuarter(reports.metrics, *quarter) != nullptr : published;
    quarters.push_back(
        {{"title", "Обращения граждан: " + PeriodLabel(*quarter)},
         {"href", linked ? Href("reports/" + quarter->Key() + "/") : ""},
         {"status", ReportStatusText(status)},
         {"published", published ? RussianDate(*report->published) : ""},
         {"deadline", RussianDate(status.deadline)},
         {"late", status.kind == ReportStatus::Kind::kLate || status.kind == ReportStatus::Kind::kOverdue}});
  }
  return quarters;
}

void ViewBuilder::Reports(json& view) {
  view["title"] = "Отчёты";
  view["description"] = "Ежеквартальный анализ обращений граждан и итоги опросов за полугодие и год.";
  Crumbs(view, nullptr, nullptr);
  view["quarters"] = ReportLinks(false);
  json summaries = json::array();
  if (context_.report_plan) {
    for (auto period = context_.report_plan->summaries.rbegin(); period != context_.report_plan->summaries.rend();
         ++period) {
      summaries.push_back({{"title", "Итоги опросов: " + PeriodLabel(*period)},
                           {"href", Href("reports/" + period->Key() + "/")},
                           {"date", RussianDate(SummaryDate(*period))}});
    }
  }
  view["summaries"] = summaries;
  view["deadline_rule"] = "Анализ обращений публикуется не позднее 45-го календарного дня после окончания квартала.";
}

void ViewBuilder::QuarterReportPage(json& view) {
  const otklik::Period quarter = page_.period;
  view["title"] = "Обращения граждан: " + PeriodLabel(quarter);
  view["description"] = "Анализ обращений и жалоб " + PeriodIn(quarter) +
                        ": каналы, темы, причины, результаты рассмотрения и сроки ответов.";
  Crumbs(view, "reports/", "Отчёты");
  if (!context_.reports) return;
  std::map<std::string, std::string> numbers;
  const std::vector<std::string>& metrics = internal_ ? AppealMetricNames() : site_.config().public_appeal_metrics;
  // The internal output has no touchpoint pages: its links go to the public site.
  const std::string links = internal_ ? site_.config().base_url : root_;
  json report = QuarterReportView(site_, *context_.reports, quarter, metrics, context_.as_of, links, &numbers);
  const QuarterReport* file = FindReport(context_.reports->reports, quarter);
  report["summary_html"] = file && !file->summary.empty() ? Html(file->summary) : "";
  report["survey_results"] = SurveyResultLinks(quarter);
  if (internal_) {
    std::vector<std::string> hidden;
    for (const std::string& metric : AppealMetricNames()) {
      const std::vector<std::string>& published = site_.config().public_appeal_metrics;
      if (std::find(published.begin(), published.end(), metric) == published.end()) hidden.push_back(metric);
    }
    report["internal_metrics"] = !hidden.empty();
    report["draft"] = !IsPublished(context_.reports->reports, quarter, context_.as_of);
  }
  view["report"] = report;
}

void ViewBuilder::PeriodResultsPage(json& view) {
  const otklik::Period period = page_.period;
  view["title"] = "Итоги опросов: " + PeriodLabel(period);
  view["description"] = "Уровень удовлетворённости услугами " + PeriodIn(period) +
                        " по услугам, жизненным ситуациям и точкам взаимодействия.";
  Crumbs(view, "reports/", "Отчёты");
  view["period"] = PeriodLabel(period);
  view["period_in"] = PeriodIn(period);
  view["on"] = RussianDate(SummaryDate(period));
  view["methodology_href"] = Href("results/methodology/");
  view["anchor"] = "results-" + site_.config().indicators.front().id;
  view["survey_results"] = SurveyResultLinks(period);
  if (!context_.results) return;
  const ResultsContext& results = *context_.results;
  const auto row = [&](const GroupKey& group, const std::string& title, const std::string& href) {
    json r = PeriodRow(results, group, period);
    r["title"] = title;
    r["href"] = href;
    return r;
  };
  json all = PeriodRow(results, {GroupKey::Kind::kAll, -1, 0}, period);
  view["all"] = all;
  json services = json::array();
  for (size_t i = 0; i < site_.services().size(); ++i) {
    const Service& s = site_.services()[i];
    services.push_back(row({GroupKey::Kind::kService, static_cast<int>(i)}, s.title, Href("services/" + s.id + "/")));
  }
  json situations = json::array();
  for (size_t i = 0; i < site_.situations().size(); ++i) {
    const LifeSituation& s = site_.situations()[i];
    situations.push_back(
        row({GroupKey::Kind::kSituation, static_cast<int>(i)}, s.title, Href("situations/" + s.id + "/")));
  }
  json touchpoints = json::array();
  for (size_t i = 0; i < site_.touchpoints().size(); ++i) {
    const Touchpoint& t = site_.touchpoints()[i];
    touchpoints.push_back(
        row({GroupKey::Kind::kTouchpoint, static_cast<int>(i)}, t.title, Href("touchpoints/" + t.id + "/")));
  }
  view["services"] = services;
  view["situations"] = situations;
  view["touchpoints"] = touchpoints;
}

void ViewBuilder::FeedbackReport(json& view) {
  const otklik::Period period = page_.period;
  const SiteConfig& config = site_.config();
  view["title"] = "Отчёт о проведении сбора обратной связи: " + PeriodLabel(period);
  view["period"] = PeriodLabel(period);
  view["range"] = "с " + RussianDate(period.first()) + " по " + RussianDate(period.last());
  view["agency"] = config.agency.name;
  json kinds = json::array();
  std::vector<std::string> headings;
  for (size_t k = 0; k < ServiceKindNames().size(); ++k) {
    const auto kind = static_cast<ServiceKind>(k);
    std::vector<size_t> services;
    for (size_t i = 0; i < site_.services().size(); ++i) {
      if (site_.services()[i].kind == kind) services.push_back(i);
    }
    if (services.empty()) continue;
    headings.push_back(ServiceKindHeading(kind));
    json rows = json::array();
    // Respondents of the shown services only: staff see what the public
    // sees, so that no hidden group can be worked out from this report.
    uint64_t respondents = 0;
    bool all_shown = true;
    for (const size_t i : services) {
      const Service& service = site_.services()[i];
      json r = {{"title", service.title}, {"href", config.base_url + "services/" + service.id + "/"}};
      if (context_.results) {
        const ResultsContext& results = *context_.results;
        const GroupKey group{GroupKey::Kind::kService, static_cast<int>(i), 0};
        const uint64_t n = results.disclosure.Counts(group, period).respondents;
        const bool shown = !results.disclosure.Hidden(group, period);
        const std::string key = GroupFigureKey(site_, group, period) + "/respondents";
        respondents += shown ? n : 0;
        all_shown = all_shown && (shown || n == 0);
        json period_row = PeriodRow(results, group, period);
        r["respondents"] = shown ? Count(key, n).html : Hidden(key).html;
        r["current"] = period_row["current"];
        r["below_target"] = period_row["below_target"];
        r["share_key"] = period_row["share_key"];
      }
      rows.push_back(std::move(r));
    }
    std::string surveys;
    for (const Survey& survey : site_.surveys()) {
      if (survey.audience != Audience::kExternal || survey.closes < period.first() || survey.opens > period.last()) {
        continue;
      }
      // A survey covers the kinds of the services its service question offers.
      bool covers = false;
      if (const Question* question = survey.ServiceQuestion()) {
        for (const Option& option : question->options) {
          const Service* service = site_.FindService(option.id);
          covers = covers || (service && service->kind == kind);
        }
      }
      if (covers) surveys += (surveys.empty() ? "«" : ", «") + survey.title + "»";
    }
    kinds.push_back({{"heading", ServiceKindHeading(kind)},
                     {"services", rows},
                     {"surveys", surveys.empty() ? "не проводились" : surveys},
                     {"respondents", std::to_string(respondents) + (all_shown ? "" : " (без скрытых групп)")}});
  }
  std::string processes;
  for (const std::string& heading : headings) processes += (processes.empty() ? "" : ", ") + heading;
  view["processes"] = processes;
  view["kinds"] = kinds;
  json internal_surveys = json::array();
  for (size_t i = 0; i < site_.surveys().size(); ++i) {
    const Survey& survey = site_.surveys()[i];
    if (survey.audience != Audience::kInternal || survey.closes < period.first() || survey.opens > period.last()) {
      continue;
    }
    // The responses of the report's period, not of all time.
    uint64_t responses = 0;
    if (context_.results) {
      const std::vector<SlotCounts> counts = context_.results->results.SurveyCounts(i, period);
      responses = counts.empty() ? 0 : counts.front().asked;
    }
    internal_surveys.push_back(
        {{"title", survey.title}, {"responses", Count(SurveyFigureKey(survey, period) + "/responses", responses).html}});
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
      appeals.push_back({{"period", PeriodLabel(m.quarter)},
                         {"records", Count(key + "records", m.records).html},
                         {"complaints", Count(key + "complaints.count", m.complaints.complaints).html},
                         {"resolved", share("complaints.resolved.share", m.complaints.resolved.share)},
                         {"on_time", share("answer_time.on_time.share", m.answer_times.on_time.share)}});
    }
  }
  view["appeals"] = appeals;
}

}  // namespace otklik
