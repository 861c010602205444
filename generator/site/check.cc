#include "site/check.h"

#include "model/site_loader.h"
#include "site/reports.h"
#include "stats/aggregator.h"

namespace otklik {

bool Check(const FileSystem& fs, const CheckOptions& options, CheckReport* report, Diagnostics* errors) {
  const std::optional<Site> site = LoadSite(fs, options.content_dir, errors);
  if (!site) return false;
  const std::optional<ReportData> reports = LoadReportData(fs, options.content_dir, *site, options.as_of, errors);
  if (!reports) return false;
  const size_t errors_before = errors->size();
  CheckFrozenReports(*site, *reports, options.as_of, errors);
  if (errors->size() != errors_before) return false;
  for (const Period& quarter : ReportQuarters(reports->Context(), options.as_of)) {
    report->reports.push_back(
        {quarter, StatusOf(FindReport(reports->reports, quarter), quarter.year, quarter.index, options.as_of)});
  }
  for (const AppealQuarter& quarter : reports->appeals.quarters) report->appeal_records += quarter.records.size();
  report->services = site->services().size();
  report->situations = site->situations().size();
  report->touchpoints = site->touchpoints().size();
  report->surveys = site->surveys().size();
  const SiteConfig& config = site->config();
  report->target = config.satisfaction_target;
  report->negative_limit = config.negative_share_limit;
  report->quarter = LastCompleteQuarter(options.as_of);
  const Results results = Aggregate(*site, JoinPath(options.data_dir, "responses"), options.threads, &report->warnings);
  report->responses = results.scan.lines;
  for (FlaggedService& flagged :
       FlaggedServices(results, report->quarter, static_cast<uint64_t>(config.min_group_size),
                       config.satisfaction_target / 100.0, config.negative_share_limit / 100.0)) {
    const Service& service = site->services()[flagged.service];
    report->flagged.push_back({service.id, service.title, std::move(flagged.flag)});
  }
  return true;
}

}  // namespace otklik
