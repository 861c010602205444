#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "model/site.h"

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
  kResults,            ///< /results/: every service's satisfaction level, the agency's.
  kMethodology,        ///< /results/methodology/: how the numbers are counted, from the definitions.
  kPage,
  kNotFound,
  kInternalHome,       ///< The index of the internal output: the staff surveys.
  kInternalResults,    ///< Internal: flagged services and the staff surveys' results.
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
};

/// Every page of the public site on `as_of`, in a fixed order (home,
/// sections, items, surveys, free pages, 404). Only external surveys that
/// have opened by `as_of` are published; internal ones never are.
std::vector<PlannedPage> PlanPages(const Site& site, const Date& as_of);

/// Every page of the internal output on `as_of`: its index, the internal
/// results report (flagged services, staff surveys) and, for each internal
/// survey that has opened, its form page (kSurveyEmbed, a page of its own
/// without the public site's layout) and, while it is active, its thank-you
/// page. Empty when the agency has neither internal surveys nor responses.
std::vector<PlannedPage> PlanInternalPages(const Site& site, const Date& as_of, bool has_responses);

/// The internal output's templates, needed only by agencies with internal surveys.
inline constexpr const char* kInternalHomeTemplate = "internal_home";
inline constexpr const char* kInternalResultsTemplate = "internal_results";

/// The template names PlanPages can ask for, plus "layout": every theme has
/// them. PlanInternalPages also asks for kInternalHomeTemplate.
const std::vector<std::string>& PageTemplateNames();

/// "services/pension/" → "services/pension/index.html".
std::string OutputFileFor(const std::string& url);

}  // namespace otklik
