#pragma once

#include <string>
#include <optional>
#include <utility>
#include <vector>

#include "core/date.h"
#include "model/decision.h"
#include "model/site.h"
#include "core/period.h"

namespace otklik {

enum class PageKind {
  kHome,
  kServices,
  kService,
  kSituations,
  kSituation,
  kTouchpoints,
  kTouchpoint,
  kSurveys,
  kSurvey,             ///< A survey's page: its form while active, its dates once completed.
  kSurveyEmbed,        ///< The same, in a minimal page for an iframe on another site.
  kSurveyThanks,       ///< Where the receiver sends a respondent after accepting an answer.
  kSurveyEmbedThanks,  ///< The same for a form answered in an iframe.
  kSurveyPaper,        ///< /surveys/<id>/paper/: the form to print on A4 and fill in by hand, while active.
  kSurveyResults,      ///< /surveys/<id>/results/: its periods, and the last complete quarter question by question.
  kSurveyPeriodResults,  ///< /surveys/<id>/results/2026-q3/: every question in one period.
  kResults,            ///< /results/: every service's satisfaction level, the agency's.
  kMethodology,        ///< /results/methodology/: how the numbers are counted, from the definitions.
  kReports,            ///< /reports/: the quarterly appeals reports and the survey summaries.
  kQuarterReport,      ///< /reports/2026-q3/: a published quarterly appeals report (public metrics).
  kPeriodResults,      ///< /reports/2026-h1/, /reports/2025/: survey results of a half-year or a year.
  kDecisions,          ///< /decisions/: the pain map, every decision on it.
  kDecisionsByStatus,  ///< /decisions/status/<id>/: index into DecisionStatusFilters().
  kDecisionsByService,     ///< /decisions/services/<id>/
  kDecisionsBySituation,   ///< /decisions/situations/<id>/
  kDecisionsByTouchpoint,  ///< /decisions/touchpoints/<id>/
  kDecision,           ///< /decisions/<id>/: index into the decisions.
  kOpenData,           ///< /data/: the open data sets and their fields.
  kSearch,             ///< /search/: Pagefind's search over the pages marked searchable.
  kPage,
  kNotFound,
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

/// One page the build will write.
struct PlannedPage {
  PageKind kind;
  size_t index = 0;      ///< Into the site's list for kService, kSituation, kTouchpoint, kSurvey…, kPage.
  std::string url;       ///< Site-relative "pretty" URL: "", "services/", "services/pension/".
  std::string output;    ///< File below the output folder: "services/pension/index.html".
  std::string template_name;
  bool layout = true;    ///< Rendered inside layout.mustache (embedded pages are not).
  bool listed = true;    ///< Listed in sitemap.xml.
  Period period{};       ///< For reports: the quarter, half-year or year.
  bool whole = false;    ///< For the workspace: all the survey's responses rather than `period`.
  int cut = -1;          ///< For kWorkspaceCut: an index into the survey plan's cut_slots().
};

/// The report pages a build has: which quarterly reports are published,
/// which half-years and years have survey summaries, and every quarter with
/// appeal records or a report file (the internal drafts).
struct ReportPlan {
  std::vector<Period> published;
  std::vector<Period> summaries;
  std::vector<Period> quarters;
  /// Per external survey with results (site order): the periods of its
  /// results pages (Results::ResultPeriods).
  std::vector<std::pair<size_t, std::vector<Period>>> survey_results;
  /// Per survey with responses, external or internal: the periods of its
  /// workspace pages (nullopt: all its responses, once it is completed) and
  /// the names of its cuts (the questions of SurveyPlan::cut_slots()).
  struct WorkspaceSurvey {
    size_t survey = 0;
    std::vector<std::optional<Period>> periods;
    std::vector<std::string> cuts;
    bool open_answers = false;  ///< Whether it has an open question (an answers page per period).
  };
  std::vector<WorkspaceSurvey> workspace;
  /// Quarters that are over with answers to external surveys: an
  /// information note each (seed 002 §4).
  std::vector<Period> notes;
};

/// Every page of the public site on `as_of`, in a fixed order (home,
/// sections, items, surveys, decisions, free pages, 404). Only external
/// surveys that have opened by `as_of` are published; internal ones never
/// are. An active survey gets its thank-you pages and its paper form; a
/// survey with results gets its results pages, one per period. Decisions on the map by `as_of` get their pages, and so do the
/// filters of the pain map that have any.
std::vector<PlannedPage> PlanPages(const Site& site, const Date& as_of, const ReportPlan& reports = {},
                                   const std::vector<Decision>& decisions = {});

/// Every page of the internal output on `as_of`: its index, the internal
/// results report (flagged services, staff surveys) and, for each internal
/// survey that has opened, its form page (kSurveyEmbed, a page of its own
/// without the public site's layout) and, while it is active, its thank-you
/// page and its paper form; then the internal appeals reports and feedback reports. Empty when
/// the agency has no internal surveys, responses or reports.
std::vector<PlannedPage> PlanInternalPages(const Site& site, const Date& as_of, bool has_responses,
                                           const ReportPlan& reports = {});

/// The internal output's templates, needed only by agencies with internal surveys.
inline constexpr const char* kInternalHomeTemplate = "internal_home";
inline constexpr const char* kInternalResultsTemplate = "internal_results";
inline constexpr const char* kInternalReportTemplate = "internal_report";
inline constexpr const char* kFeedbackReportTemplate = "feedback_report";
inline constexpr const char* kWorkspaceTemplate = "workspace";

/// The template names PlanPages can ask for, plus "layout": every theme has
/// them. PlanInternalPages also asks for kInternalHomeTemplate.
const std::vector<std::string>& PageTemplateNames();

/// "services/pension/" → "services/pension/index.html".
std::string OutputFileFor(const std::string& url);

}  // namespace otklik
