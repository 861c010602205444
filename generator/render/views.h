#pragma once

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "model/site.h"
#include "render/decision_views.h"
#include "render/markdown.h"
#include "render/open_data.h"
#include "render/page_plan.h"
#include "render/report_views.h"
#include "render/results_views.h"

namespace otklik {

/// What every view needs besides the site: the build's "today", Markdown,
/// the survey results (none: pages without results blocks) and the appeals
/// reports.
/// A language of the site and its own name («Татарча»), for the switcher.
struct LanguageName {
  std::string code;
  std::string name;
};

struct ViewContext {
  const Site& site;
  const MarkdownRenderer& markdown;
  Date as_of;
  const ResultsContext* results = nullptr;
  const ReportsContext* reports = nullptr;   ///< None: no appeals reports.
  const ReportPlan* report_plan = nullptr;  ///< The report pages the build writes.
  const DecisionsContext* decisions = nullptr;  ///< None: no pain map.
  const std::vector<OpenDataSet>* open_data = nullptr;  ///< The /data/ page's sets.
  /// The site's languages, Russian first (site.yaml `languages:`); none or
  /// one: no switcher. The page's own is its catalogue's language.code.
  const std::vector<LanguageName>* languages = nullptr;
};

/// The view model of one page: plain JSON that templates read. Every view has
/// "root" (relative prefix to the site root), "title", "head_title",
/// "description", "canonical", "site", "nav", "breadcrumbs" and "as_of";
/// then one key per page kind ("service", "situation", "groups", …). See
/// docs/templates.md for the full list.
nlohmann::json BuildView(const ViewContext& context, const PlannedPage& page);

/// "../../" for "services/pension/index.html"; "" for "index.html".
std::string RelativeRoot(const std::string& output_file);

}  // namespace otklik
