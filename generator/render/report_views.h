#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/date.h"
#include "model/appeal.h"
#include "model/messages.h"
#include "model/report.h"
#include "model/site.h"
#include "stats/appeal_metrics.h"
#include "core/period.h"

namespace otklik {

/// Appeals, the analysts' reports and the metrics of every quarter with
/// records: what the report pages and `otklik check` need.
struct ReportsContext {
  const Appeals& appeals;
  const std::vector<QuarterReport>& reports;
  const std::vector<AppealMetrics>& metrics;  ///< One per appeals quarter, same order.
};

/// Every quarter a report is due for on `as_of`, oldest first: from the
/// first quarter with records or a report file to the last complete
/// quarter. Empty for an agency without appeals.
std::vector<Period> ReportQuarters(const ReportsContext& context, const Date& as_of);

/// The report file of `quarter`, or nullptr.
const QuarterReport* FindReport(const std::vector<QuarterReport>& reports, const Period& quarter);

/// True when `quarter`'s report is online on `as_of`.
bool IsPublished(const std::vector<QuarterReport>& reports, const Period& quarter, const Date& as_of);

/// «опубликован в срок», «опубликован с опозданием на 3 дня», «готовится,
/// осталось 12 дней», «просрочен на 5 дней».
std::string ReportStatusText(const Messages& messages, const ReportStatus& status);

/// «с 1 июля 2026 г. по 30 сентября 2026 г.»: the days of `period`.
std::string DateRange(const Messages& messages, const Period& period);

/// The view of `quarter`'s appeals report: the period, publication and
/// deadline, then one section per metric named in `metrics` (site.yaml
/// names; the public report gets the public ones, the internal report all),
/// each with its table, chart and one-sentence summary, and the changes
/// against the previous quarter and the same quarter a year before. Every
/// number shown goes into `numbers` under a stable key ("records",
/// "channels.portal.share", …): what `otklik report freeze` records and the
/// build compares. `root` leads back to the site root.
nlohmann::json QuarterReportView(const Site& site, const ReportsContext& context, const Period& quarter,
                                 const std::vector<std::string>& metrics, const Date& as_of, const std::string& root,
                                 std::map<std::string, std::string>* numbers);

/// The numbers `quarter`'s public report shows (see QuarterReportView).
std::map<std::string, std::string> PublicReportNumbers(const Site& site, const ReportsContext& context,
                                                       const Period& quarter, const Date& as_of);

/// Every difference between the frozen numbers of a published report and
/// what it would show now: «complaints.count: было 21, стало 12» (keys as in
/// the numbers file). Numbers it did not show when frozen (a breakdown added
/// by a later version, such as the complaints' other outcomes) are not
/// differences: they change nothing published. Empty when the same.
std::vector<std::string> FrozenDifferences(const std::map<std::string, std::string>& frozen,
                                           const std::map<std::string, std::string>& now);

}  // namespace otklik
