#pragma once

// The kinds of page a build writes, and everything that differs by kind in
// one table: the template, where the page is published, whether it sits in
// the layout, the sitemap and the search, its entry in the navigation, and
// the view builder that fills its template.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace otklik {

class ViewBuilder;

enum class PageKind {
  kHome,
  kServices,
  kService,
  kSituations,
  kSituation,
  kTouchpoints,
  kTouchpoint,
  kResults,            ///< /results/: every service's satisfaction level, the agency's.
  kMethodology,        ///< /results/methodology/: how the numbers are counted, from the definitions.
  kDecisions,          ///< /decisions/: the pain map, every decision on it.
  kDecisionsByStatus,  ///< /decisions/status/<id>/: index into DecisionStatusFilters().
  kDecisionsByService,     ///< /decisions/services/<id>/
  kDecisionsBySituation,   ///< /decisions/situations/<id>/
  kDecisionsByTouchpoint,  ///< /decisions/touchpoints/<id>/
  kDecision,           ///< /decisions/<id>/: index into the decisions.
  kSurveys,
  kSurvey,             ///< A survey's page: its form while active, its dates once completed.
  kSurveyEmbed,        ///< The same, in a minimal page for an iframe on another site.
  kSurveyThanks,       ///< Where the receiver sends a respondent after accepting an answer.
  kSurveyEmbedThanks,  ///< The same for a form answered in an iframe.
  kSurveyPaper,        ///< /surveys/<id>/paper/: the form to print on A4 and fill in by hand, while active.
  kSurveyResults,      ///< /surveys/<id>/results/: its periods, and the last complete quarter question by question.
  kSurveyPeriodResults,  ///< /surveys/<id>/results/2026-q3/: every question in one period.
  kReports,            ///< /reports/: the quarterly appeals reports and the survey summaries.
  kQuarterReport,      ///< /reports/2026-q3/: a published quarterly appeals report (public metrics).
  kPeriodResults,      ///< /reports/2026-h1/, /reports/2025/: survey results of a half-year or a year.
  kOpenData,           ///< /data/: the open data sets and their fields.
  kSearch,             ///< /search/: Pagefind's search over the pages marked searchable.
  kPage,               ///< A free page of content/pages/.
  kNotFound,           ///< 404.html, shown at any address.
  kInternalHome,       ///< The index of the internal output: the staff surveys.
  kInternalResults,    ///< Internal: flagged services and the staff surveys' results.
  kInternalReport,     ///< Internal: a quarter's appeals report with every metric, drafts included.
  kFeedbackReport,     ///< Internal: «Отчёт о проведении сбора обратной связи» for a half-year or a year.
  kWorkspace,          ///< Internal: the analyst's workspace, every survey and period.
  kWorkspaceSurvey,    ///< Internal: workspace/<survey>/<period>/: every question, comparisons, cuts.
  kWorkspaceCut,       ///< Internal: workspace/<survey>/<period>/<cut>/: every question by the groups of one cut.
  kWorkspaceAnswers,   ///< Internal: workspace/<survey>/<period>/answers/: the open answers, masked, by service.
  kInformationNote,    ///< Internal: notes/<quarter>/: the quarterly information note to the head of the agency.
};

/// Where pages of a kind are published.
enum class PageOutput {
  kPublic,    ///< The public site.
  kInternal,  ///< The internal output, for the agency's staff.
  kSurvey,    ///< Where its survey is: internal surveys' forms go to the internal output.
};

struct PageKindInfo {
  PageKind kind;
  const char* template_name;
  PageOutput output;
  bool layout;      ///< Rendered inside layout.mustache (pages for an iframe or for print are not).
  bool listed;      ///< Listed in sitemap.xml.
  bool searchable;  ///< Indexed by the search (Pagefind reads the <main> of these pages only).
  /// The address of a section index in the site's navigation ("services/"),
  /// and the message key of its entry there; nullptr for the other kinds.
  const char* nav_url;
  const char* nav_title;
  /// Fills the page's view (view_builder.h).
  void (ViewBuilder::*build)(nlohmann::json& view);
};

/// Every page kind, in the order of PageKind; the public navigation's
/// entries in this order.
const std::vector<PageKindInfo>& PageKinds();
const PageKindInfo& InfoOf(PageKind kind);

/// The templates the kinds of the public site ask for, and "layout".
const std::vector<std::string>& PageTemplateNames();

}  // namespace otklik
