#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "model/appeal.h"
#include "model/report.h"
#include "model/site.h"
#include "render/report_views.h"
#include "stats/appeal_metrics.h"

namespace otklik {

/// content/appeals/ and content/reports/, loaded, with the metrics of every
/// quarter: what the build, `otklik check` and `otklik report` share.
struct ReportData {
  Appeals appeals;
  std::vector<QuarterReport> reports;
  std::vector<AppealMetrics> metrics;  ///< One per appeals quarter.

  /// Views into this object: valid while it lives and is not moved.
  ReportsContext Context() const { return {appeals, reports, metrics}; }
};

/// A published report must keep showing the numbers it was published with:
/// reports "path:1: …" for a published report without frozen numbers and
/// for one whose numbers would change, with every changed number and what to
/// do (an erratum, then `otklik report freeze`).
void CheckFrozenReports(const Site& site, const ReportData& data, const Date& as_of, Diagnostics* diagnostics);

/// `otklik report freeze <YYYY>-q<N>`: records the numbers the public report
/// of that quarter shows in content/reports/<key>.numbers.json. Refuses
/// (false, with the reason in `diagnostics`) when the report has no
/// publication date, or when different numbers are frozen already and no
/// erratum has been added since. Sets `*changed` to whether the file was
/// written (false: the same numbers are frozen already).
bool FreezeReport(FileSystem& fs, const std::string& content_dir, const Site& site, const ReportData& data,
                  const std::string& key, const Date& as_of, bool* changed, Diagnostics* diagnostics);

}  // namespace otklik
