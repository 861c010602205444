#include "render/page_kinds.h"

#include <catch2/catch.hpp>

#include "render/template_set.h"

namespace otklik::page_kinds_test {
namespace {

TEST_CASE("The table of page kinds has a row per kind, in the order of PageKind") {
  const std::vector<PageKindInfo>& kinds = PageKinds();
  REQUIRE(kinds.size() == static_cast<size_t>(PageKind::kInformationNote) + 1);
  for (size_t i = 0; i < kinds.size(); ++i) {
    CHECK(static_cast<size_t>(kinds[i].kind) == i);
    CHECK(&InfoOf(kinds[i].kind) == &kinds[i]);
    CHECK(kinds[i].build != nullptr);
  }
}

TEST_CASE("Every page kind's template is in the built-in theme, so any theme can fall back to it") {
  for (const PageKindInfo& kind : PageKinds()) {
    INFO(kind.template_name);
    CHECK(DefaultTemplates().count(kind.template_name) == 1);
  }
  CHECK(DefaultTemplates().count("layout") == 1);
}

TEST_CASE("PageTemplateNames lists the layout and the templates of the public site's kinds, once each") {
  CHECK(PageTemplateNames() ==
        std::vector<std::string>{"layout", "home", "services", "service", "situations", "situation", "touchpoints",
                                 "touchpoint", "results", "methodology", "decisions", "decision", "surveys", "survey",
                                 "survey_embed", "survey_thanks", "survey_paper", "survey_period", "reports",
                                 "quarter_report", "period_results", "open_data", "search", "page", "not_found"});
}

TEST_CASE("The navigation's entries are the section indexes, in the order of the table") {
  std::vector<std::string> entries;
  for (const PageKindInfo& kind : PageKinds()) {
    if (kind.nav_url) entries.push_back(std::string(kind.nav_url) + " " + kind.nav_title);
  }
  CHECK(entries == std::vector<std::string>{"services/ nav.services", "situations/ nav.situations",
                                            "touchpoints/ nav.touchpoints", "results/ nav.results",
                                            "decisions/ nav.decisions", "surveys/ nav.surveys",
                                            "reports/ nav.reports"});
}

TEST_CASE("Only pages inside the layout are in the search, and internal pages never are in the sitemap") {
  for (const PageKindInfo& kind : PageKinds()) {
    INFO(kind.template_name);
    if (kind.searchable) CHECK(kind.layout);
    if (kind.output != PageOutput::kPublic) CHECK_FALSE(kind.listed);
  }
  CHECK(InfoOf(PageKind::kService).searchable);
  CHECK_FALSE(InfoOf(PageKind::kSurveyPaper).layout);
  CHECK(InfoOf(PageKind::kSurveyPaper).output == PageOutput::kSurvey);
  CHECK(InfoOf(PageKind::kWorkspaceCut).output == PageOutput::kInternal);
}

}  // namespace
}  // namespace otklik::page_kinds_test
