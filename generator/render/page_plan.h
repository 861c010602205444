#pragma once

#include <string>
#include <optional>
#include <utility>
#include <vector>

#include "core/date.h"
#include "model/decision.h"
#include "model/site.h"
#include "core/period.h"
#include "render/page_kinds.h"

namespace otklik {

/// One page the build will write.
struct PlannedPage {
  PageKind kind;
  size_t index = 0;      ///< Into the site's list for kService, kSituation, kTouchpoint, kSurvey…, kPage.
  std::string url;       ///< Site-relative "pretty" URL: "", "services/", "services/pension/".
  std::string output;    ///< File below the output folder: "services/pension/index.html".
  Period period{};       ///< For reports: the quarter, half-year or year.
  bool whole = false;    ///< For the workspace: all the survey's responses rather than `period`.
  int cut = -1;          ///< For kWorkspaceCut: an index into the survey plan's cut_slots().

  /// Its template, layout, listing in the sitemap… (page_kinds.h).
  const PageKindInfo& info() const { return InfoOf(kind); }
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

/// "services/pension/" → "services/pension/index.html".
std::string OutputFileFor(const std::string& url);

}  // namespace otklik
