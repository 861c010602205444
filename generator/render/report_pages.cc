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
        {{"title", site_.messages().Format("reports.quarter_title", {{"period", site_.messages().PeriodLabel(*quarter)}})},
         {"href", linked ? Href("reports/" + quarter->Key() + "/") : ""},
         {"status", ReportStatusText(site_.messages(), status)},
         {"published", published ? site_.messages().Date(*report->published) : ""},
         {"deadline", site_.messages().Date(status.deadline)},
         {"late", status.kind == ReportStatus::Kind::kLate || status.kind == ReportStatus::Kind::kOverdue}});
  }
  return quarters;
}

void ViewBuilder::Reports(json& view) {
  const Messages& messages = site_.messages();
  view["title"] = messages["reports.title"];
  view["description"] = messages["reports.description"];
  Crumbs(view, nullptr, nullptr);
  view["quarters"] = ReportLinks(false);
  json summaries = json::array();
  if (context_.report_plan) {
    for (auto period = context_.report_plan->summaries.rbegin(); period != context_.report_plan->summaries.rend();
         ++period) {
      summaries.push_back({{"title", messages.Format("reports.period_title", {{"period", site_.messages().PeriodLabel(*period)}})},
                           {"href", Href("reports/" + period->Key() + "/")},
                           {"date", site_.messages().Date(SummaryDate(*period))}});
    }
  }
  view["summaries"] = summaries;
  view["deadline_rule"] = messages["reports.deadline_rule"];
}

void ViewBuilder::QuarterReportPage(json& view) {
  const otklik::Period quarter = page_.period;
  view["title"] = site_.messages().Format("reports.quarter_title", {{"period", site_.messages().PeriodLabel(quarter)}});
  view["description"] = site_.messages().Format("reports.quarter_description", {{"period", site_.messages().PeriodIn(quarter)}});
  Crumbs(view, "reports/", "nav.reports");
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
  view["title"] = site_.messages().Format("reports.period_title", {{"period", site_.messages().PeriodLabel(period)}});
  view["description"] = site_.messages().Format("reports.period_description", {{"period", site_.messages().PeriodIn(period)}});
  Crumbs(view, "reports/", "nav.reports");
  view["period"] = site_.messages().PeriodLabel(period);
  view["period_in"] = site_.messages().PeriodIn(period);
  view["on"] = site_.messages().Date(SummaryDate(period));
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

}  // namespace otklik
