#include "site/content.h"

#include "model/site_loader.h"

namespace otklik {

std::optional<Content> LoadContent(const FileSystem& fs, const ContentRequest& request, Diagnostics* diagnostics) {
  Diagnostics found;
  Content content{LoadSiteLeniently(fs, request.content_dir, &found), {}, {}};
  if (!request.site_only) {
    const Date latest = LatestRecordDate(request);
    content.reports.appeals =
        LoadAppealsLeniently(fs, request.content_dir, content.site.touchpoints(), latest, &found, request.appeals_memo);
    if (std::optional<std::vector<QuarterReport>> reports = LoadReports(fs, request.content_dir, &found)) {
      content.reports.reports = std::move(*reports);
    }
    content.reports.metrics = AppealMetricsOf(content.reports.appeals);
    if (std::optional<std::vector<Decision>> decisions = LoadDecisions(
            fs, request.content_dir, content.site, content.reports.appeals, latest, &found)) {
      content.decisions = std::move(*decisions);
    }
  }
  found.Sort();
  diagnostics->Append(found);
  if (!found.empty()) return std::nullopt;
  return content;
}

}  // namespace otklik
