#include "render/page_plan.h"

#include <catch2/catch.hpp>

namespace otklik::page_plan_test {
namespace {

std::string KindName(PageKind kind) {
  switch (kind) {
    case PageKind::kHome: return "home";
    case PageKind::kServices: return "services";
    case PageKind::kService: return "service";
    case PageKind::kSituations: return "situations";
    case PageKind::kSituation: return "situation";
    case PageKind::kTouchpoints: return "touchpoints";
    case PageKind::kTouchpoint: return "touchpoint";
    case PageKind::kSurveys: return "surveys";
    case PageKind::kSurvey: return "survey";
    case PageKind::kSurveyEmbed: return "survey-embed";
    case PageKind::kSurveyThanks: return "survey-thanks";
    case PageKind::kSurveyEmbedThanks: return "survey-embed-thanks";
    case PageKind::kSurveyPaper: return "survey-paper";
    case PageKind::kSurveyResults: return "survey-results";
    case PageKind::kSurveyPeriodResults: return "survey-period-results";
    case PageKind::kResults: return "results";
    case PageKind::kMethodology: return "methodology";
    case PageKind::kPage: return "page";
    case PageKind::kNotFound: return "not-found";
    case PageKind::kInternalHome: return "internal-home";
    case PageKind::kInternalResults: return "internal-results";
    case PageKind::kReports: return "reports";
    case PageKind::kQuarterReport: return "quarter-report";
    case PageKind::kPeriodResults: return "period-results";
    case PageKind::kInternalReport: return "internal-report";
    case PageKind::kFeedbackReport: return "feedback-report";
    case PageKind::kWorkspace: return "workspace";
    case PageKind::kWorkspaceSurvey: return "workspace-survey";
    case PageKind::kWorkspaceCut: return "workspace-cut";
    case PageKind::kWorkspaceAnswers: return "workspace-answers";
    case PageKind::kInformationNote: return "information-note";
    case PageKind::kDecisions: return "decisions";
    case PageKind::kDecisionsByStatus: return "decisions-by-status";
    case PageKind::kDecisionsByService: return "decisions-by-service";
    case PageKind::kDecisionsBySituation: return "decisions-by-situation";
    case PageKind::kDecisionsByTouchpoint: return "decisions-by-touchpoint";
    case PageKind::kDecision: return "decision";
    case PageKind::kOpenData: return "open-data";
    case PageKind::kSearch: return "search";
  }
  return "?";
}

// One planned page as "kind index url | output | template [flags]", for readable comparisons.
std::string Describe(const PlannedPage& page) {
  return KindName(page.kind) + " " + std::to_string(page.index) + " " + page.url + " | " + page.output + " | " +
         page.info().template_name + (page.info().layout ? "" : " (no layout)") +
         (page.info().listed ? "" : " (not listed)");
}

std::vector<std::string> Describe(const std::vector<PlannedPage>& pages) {
  std::vector<std::string> out;
  for (const PlannedPage& page : pages) out.push_back(Describe(page));
  return out;
}

template <typename T>
T Item(std::string id, std::string title, int order = 1000) {
  T item;
  item.id = std::move(id);
  item.title = std::move(title);
  item.order = order;
  return item;
}

const Date kAsOf(2026, 11, 23);

Survey MakeSurvey(std::string id, Date opens, Date closes, Audience audience = Audience::kExternal) {
  Survey survey;
  survey.id = std::move(id);
  survey.opens = opens;
  survey.closes = closes;
  survey.audience = audience;
  return survey;
}

// Two services, two situations, one touchpoint, two pages and four surveys
// (active, completed, upcoming, internal), given out of display order.
Site MakeSite() {
  return Site(SiteConfig{}, {Item<Service>("pension", "Пенсия"), Item<Service>("allowance", "Выплата", 1)},
              {Item<LifeSituation>("retirement", "Выход на пенсию"), Item<LifeSituation>("birth", "Рождение")},
              {Item<Touchpoint>("mfc", "МФЦ")}, {Item<Page>("faq", "Вопросы"), Item<Page>("about", "О проекте", 1)},
              {MakeSurvey("upcoming", Date(2026, 12, 1), Date(2026, 12, 14)),
               MakeSurvey("now", Date(2026, 11, 16), Date(2026, 11, 23)),
               MakeSurvey("staff", Date(2026, 11, 16), Date(2026, 11, 27), Audience::kInternal),
               MakeSurvey("done", Date(2026, 6, 1), Date(2026, 6, 12))});
}

TEST_CASE("PlanPages lists home, the sections, every item in display order, published surveys and the 404 page") {
  const std::vector<std::string> expected = {
      "home 0  | index.html | home",
      "services 0 services/ | services/index.html | services",
      "situations 0 situations/ | situations/index.html | situations",
      "touchpoints 0 touchpoints/ | touchpoints/index.html | touchpoints",
      "surveys 0 surveys/ | surveys/index.html | surveys",
      "results 0 results/ | results/index.html | results",
      "methodology 0 results/methodology/ | results/methodology/index.html | methodology",
      "reports 0 reports/ | reports/index.html | reports",
      "service 0 services/allowance/ | services/allowance/index.html | service",
      "service 1 services/pension/ | services/pension/index.html | service",
      "situation 0 situations/retirement/ | situations/retirement/index.html | situation",
      "situation 1 situations/birth/ | situations/birth/index.html | situation",
      "touchpoint 0 touchpoints/mfc/ | touchpoints/mfc/index.html | touchpoint",
      "survey 0 surveys/done/ | surveys/done/index.html | survey",
      "survey-embed 0 surveys/done/embed/ | surveys/done/embed/index.html | survey_embed (no layout) (not listed)",
      "survey 1 surveys/now/ | surveys/now/index.html | survey",
      "survey-embed 1 surveys/now/embed/ | surveys/now/embed/index.html | survey_embed (no layout) (not listed)",
      "survey-thanks 1 surveys/now/thanks/ | surveys/now/thanks/index.html | survey_thanks (not listed)",
      "survey-embed-thanks 1 surveys/now/embed/thanks/ | surveys/now/embed/thanks/index.html | survey_embed (no "
      "layout) (not listed)",
      "survey-paper 1 surveys/now/paper/ | surveys/now/paper/index.html | survey_paper (no layout) (not listed)",
      "decisions 0 decisions/ | decisions/index.html | decisions",
      "open-data 0 data/ | data/index.html | open_data",
      "search 0 search/ | search/index.html | search (not listed)",
      "page 0 about/ | about/index.html | page",
      "page 1 faq/ | faq/index.html | page",
      "not-found 0 404.html | 404.html | not_found (not listed)",
  };
  CHECK(Describe(PlanPages(MakeSite(), kAsOf)) == expected);
}

TEST_CASE("PlanPages indexes point at the items in the site's lists") {
  const Site site = MakeSite();
  for (const PlannedPage& page : PlanPages(site, kAsOf)) {
    INFO(Describe(page));
    switch (page.kind) {
      case PageKind::kService: CHECK(page.url == "services/" + site.services()[page.index].id + "/"); break;
      case PageKind::kSituation: CHECK(page.url == "situations/" + site.situations()[page.index].id + "/"); break;
      case PageKind::kTouchpoint: CHECK(page.url == "touchpoints/" + site.touchpoints()[page.index].id + "/"); break;
      case PageKind::kPage: CHECK(page.url == site.pages()[page.index].id + "/"); break;
      case PageKind::kSurvey: CHECK(page.url == "surveys/" + site.surveys()[page.index].id + "/"); break;
      case PageKind::kSurveyEmbed:
      case PageKind::kSurveyThanks:
      case PageKind::kSurveyEmbedThanks:
      case PageKind::kSurveyPaper:
        CHECK(page.url.starts_with("surveys/" + site.surveys()[page.index].id + "/"));
        break;
      default: CHECK(page.index == 0);
    }
  }
}

TEST_CASE("PlanPages of an empty site still has home, the sections, the methodology, the pain map and the 404 page") {
  const std::vector<std::string> expected = {
      "home 0  | index.html | home",
      "services 0 services/ | services/index.html | services",
      "situations 0 situations/ | situations/index.html | situations",
      "touchpoints 0 touchpoints/ | touchpoints/index.html | touchpoints",
      "surveys 0 surveys/ | surveys/index.html | surveys",
      "results 0 results/ | results/index.html | results",
      "methodology 0 results/methodology/ | results/methodology/index.html | methodology",
      "reports 0 reports/ | reports/index.html | reports",
      "decisions 0 decisions/ | decisions/index.html | decisions",
      "open-data 0 data/ | data/index.html | open_data",
      "search 0 search/ | search/index.html | search (not listed)",
      "not-found 0 404.html | 404.html | not_found (not listed)",
  };
  CHECK(Describe(PlanPages(Site(SiteConfig{}, {}, {}, {}, {}), kAsOf)) == expected);
}

TEST_CASE("PlanPages follows a survey through its life: unpublished, active, completed") {
  const Site site(SiteConfig{}, {}, {}, {}, {}, {MakeSurvey("s", Date(2026, 11, 9), Date(2026, 11, 20))});
  const auto survey_pages = [&](Date day) {
    std::vector<std::string> urls;
    for (const PlannedPage& page : PlanPages(site, day)) {
      if (page.url.starts_with("surveys/s/")) urls.push_back(page.url);
    }
    return urls;
  };
  CHECK(survey_pages(Date(2026, 11, 8)).empty());
  const std::vector<std::string> active = {"surveys/s/", "surveys/s/embed/", "surveys/s/thanks/",
                                           "surveys/s/embed/thanks/", "surveys/s/paper/"};
  CHECK(survey_pages(Date(2026, 11, 9)) == active);
  CHECK(survey_pages(Date(2026, 11, 20)) == active);
  CHECK(survey_pages(Date(2026, 11, 21)) == std::vector<std::string>{"surveys/s/", "surveys/s/embed/"});
}

TEST_CASE("PlanPages gives a survey with results its results index and a page per period, in the plan's order") {
  const Site site(SiteConfig{}, {}, {}, {}, {}, {MakeSurvey("s", Date(2026, 1, 9), Date(2026, 12, 20))});
  ReportPlan reports;
  reports.survey_results = {{0, {Period{Period::Kind::kQuarter, 2026, 1}, Period{Period::Kind::kQuarter, 2026, 2},
                                 Period{Period::Kind::kHalf, 2026, 1}}}};
  std::vector<std::string> pages;
  for (const PlannedPage& page : PlanPages(site, Date(2026, 11, 9), reports)) {
    if (!page.url.starts_with("surveys/s/")) continue;
    pages.push_back(Describe(page) + (page.kind == PageKind::kSurveyPeriodResults ? " " + page.period.Key() : ""));
  }
  CHECK(pages == std::vector<std::string>{
                     "survey 0 surveys/s/ | surveys/s/index.html | survey",
                     "survey-embed 0 surveys/s/embed/ | surveys/s/embed/index.html | survey_embed (no layout) (not "
                     "listed)",
                     "survey-thanks 0 surveys/s/thanks/ | surveys/s/thanks/index.html | survey_thanks (not listed)",
                     "survey-embed-thanks 0 surveys/s/embed/thanks/ | surveys/s/embed/thanks/index.html | survey_embed "
                     "(no layout) (not listed)",
                     "survey-paper 0 surveys/s/paper/ | surveys/s/paper/index.html | survey_paper (no layout) (not "
                     "listed)",
                     "survey-results 0 surveys/s/results/ | surveys/s/results/index.html | survey_period",
                     "survey-period-results 0 surveys/s/results/2026-q1/ | surveys/s/results/2026-q1/index.html | "
                     "survey_period 2026-q1",
                     "survey-period-results 0 surveys/s/results/2026-q2/ | surveys/s/results/2026-q2/index.html | "
                     "survey_period 2026-q2",
                     "survey-period-results 0 surveys/s/results/2026-h1/ | surveys/s/results/2026-h1/index.html | "
                     "survey_period 2026-h1"});
}

TEST_CASE("PlanInternalPages lists the internal index and the pages of the internal surveys only") {
  const std::vector<std::string> expected = {
      "internal-home 0  | index.html | internal_home (no layout) (not listed)",
      "internal-results 0 results/ | results/index.html | internal_results (no layout) (not listed)",
      "survey-embed 2 surveys/staff/ | surveys/staff/index.html | survey_embed (no layout) (not listed)",
      "survey-embed-thanks 2 surveys/staff/thanks/ | surveys/staff/thanks/index.html | survey_embed (no layout) (not "
      "listed)",
      "survey-paper 2 surveys/staff/paper/ | surveys/staff/paper/index.html | survey_paper (no layout) (not listed)",
  };
  CHECK(Describe(PlanInternalPages(MakeSite(), kAsOf, false)) == expected);
}

TEST_CASE("PlanInternalPages follows an internal survey through its life: unpublished, active, completed") {
  const Site site(SiteConfig{}, {}, {}, {}, {},
                  {MakeSurvey("staff", Date(2026, 11, 9), Date(2026, 11, 20), Audience::kInternal)});
  CHECK(PlanInternalPages(site, Date(2026, 11, 8), false).empty());
  CHECK(Describe(PlanInternalPages(site, Date(2026, 11, 20), false)) ==
        std::vector<std::string>{
            "internal-home 0  | index.html | internal_home (no layout) (not listed)",
            "internal-results 0 results/ | results/index.html | internal_results (no layout) (not listed)",
            "survey-embed 0 surveys/staff/ | surveys/staff/index.html | survey_embed (no layout) (not listed)",
            "survey-embed-thanks 0 surveys/staff/thanks/ | surveys/staff/thanks/index.html | survey_embed (no "
            "layout) (not listed)",
            "survey-paper 0 surveys/staff/paper/ | surveys/staff/paper/index.html | survey_paper (no layout) (not "
            "listed)"});
  CHECK(Describe(PlanInternalPages(site, Date(2026, 11, 21), false)) ==
        std::vector<std::string>{
            "internal-home 0  | index.html | internal_home (no layout) (not listed)",
            "internal-results 0 results/ | results/index.html | internal_results (no layout) (not listed)",
            "survey-embed 0 surveys/staff/ | surveys/staff/index.html | survey_embed (no layout) (not listed)"});
}

TEST_CASE("PlanInternalPages is empty without internal surveys and responses") {
  const Site site(SiteConfig{}, {}, {}, {}, {},
                  {MakeSurvey("now", Date(2026, 11, 16), Date(2026, 11, 23)),
                   MakeSurvey("done", Date(2026, 6, 1), Date(2026, 6, 12))});
  CHECK(PlanInternalPages(site, kAsOf, false).empty());
  CHECK(PlanInternalPages(Site(SiteConfig{}, {}, {}, {}, {}), kAsOf, false).empty());
}

TEST_CASE("PlanInternalPages plans the index and the internal report once there are responses") {
  CHECK(Describe(PlanInternalPages(Site(SiteConfig{}, {}, {}, {}, {}), kAsOf, true)) ==
        std::vector<std::string>{
            "internal-home 0  | index.html | internal_home (no layout) (not listed)",
            "internal-results 0 results/ | results/index.html | internal_results (no layout) (not listed)"});
}

TEST_CASE("PlanPages never plans a page of an internal survey, whatever its state") {
  const Site site = MakeSite();
  for (const Date day : {Date(2026, 11, 15), kAsOf, Date(2026, 12, 31)}) {
    for (const PlannedPage& page : PlanPages(site, day)) {
      INFO(Describe(page));
      CHECK(page.url.find("staff") == std::string::npos);
    }
  }
}

const Period kQ2{Period::Kind::kQuarter, 2026, 2};
const Period kQ3{Period::Kind::kQuarter, 2026, 3};
const Period kH1{Period::Kind::kHalf, 2026, 1};
const Period kYear2025{Period::Kind::kYear, 2025, 1};

// The periods of the pages that have one, as "url period-key".
std::vector<std::string> PeriodsOf(const std::vector<PlannedPage>& pages) {
  std::vector<std::string> out;
  for (const PlannedPage& page : pages) {
    if (page.period != Period{}) out.push_back(page.url + " " + page.period.Key());
  }
  return out;
}

TEST_CASE("PlanPages lists the published quarterly reports, then the survey summaries, after reports/") {
  ReportPlan reports;
  reports.published = {kQ2, kQ3};
  reports.summaries = {kH1, kYear2025};
  reports.quarters = {kQ2, kQ3, {Period::Kind::kQuarter, 2026, 4}};  // drafts: internal only
  const std::vector<std::string> expected = {
      "home 0  | index.html | home",
      "services 0 services/ | services/index.html | services",
      "situations 0 situations/ | situations/index.html | situations",
      "touchpoints 0 touchpoints/ | touchpoints/index.html | touchpoints",
      "surveys 0 surveys/ | surveys/index.html | surveys",
      "results 0 results/ | results/index.html | results",
      "methodology 0 results/methodology/ | results/methodology/index.html | methodology",
      "reports 0 reports/ | reports/index.html | reports",
      "quarter-report 0 reports/2026-q2/ | reports/2026-q2/index.html | quarter_report",
      "quarter-report 0 reports/2026-q3/ | reports/2026-q3/index.html | quarter_report",
      "period-results 0 reports/2026-h1/ | reports/2026-h1/index.html | period_results",
      "period-results 0 reports/2025/ | reports/2025/index.html | period_results",
      "decisions 0 decisions/ | decisions/index.html | decisions",
      "open-data 0 data/ | data/index.html | open_data",
      "search 0 search/ | search/index.html | search (not listed)",
      "not-found 0 404.html | 404.html | not_found (not listed)",
  };
  const std::vector<PlannedPage> pages = PlanPages(Site(SiteConfig{}, {}, {}, {}, {}), kAsOf, reports);
  CHECK(Describe(pages) == expected);
  CHECK(PeriodsOf(pages) == std::vector<std::string>{"reports/2026-q2/ 2026-q2", "reports/2026-q3/ 2026-q3",
                                                     "reports/2026-h1/ 2026-h1", "reports/2025/ 2025"});
  CHECK(pages[9].period == kQ3);
  CHECK(pages[10].period.kind == Period::Kind::kHalf);
  CHECK(pages[11].period.kind == Period::Kind::kYear);
}

TEST_CASE("PlanPages puts the report pages between the methodology and the items") {
  ReportPlan reports;
  reports.published = {kQ3};
  std::vector<std::string> urls;
  for (const PlannedPage& page : PlanPages(MakeSite(), kAsOf, reports)) urls.push_back(page.url);
  REQUIRE(urls.size() == 27);
  CHECK(std::vector<std::string>(urls.begin() + 6, urls.begin() + 10) ==
        std::vector<std::string>{"results/methodology/", "reports/", "reports/2026-q3/", "services/allowance/"});
}

TEST_CASE("PlanInternalPages adds a full report for every quarter with records and a feedback report per summary") {
  ReportPlan reports;
  reports.published = {kQ2};  // the public pages; the internal reports follow the quarters with records
  reports.quarters = {kQ2, kQ3};
  reports.summaries = {kH1};
  const std::vector<PlannedPage> pages = PlanInternalPages(MakeSite(), kAsOf, false, reports);
  CHECK(Describe(pages) ==
        std::vector<std::string>{
            "internal-home 0  | index.html | internal_home (no layout) (not listed)",
            "internal-results 0 results/ | results/index.html | internal_results (no layout) (not listed)",
            "survey-embed 2 surveys/staff/ | surveys/staff/index.html | survey_embed (no layout) (not listed)",
            "survey-embed-thanks 2 surveys/staff/thanks/ | surveys/staff/thanks/index.html | survey_embed (no "
            "layout) (not listed)",
            "survey-paper 2 surveys/staff/paper/ | surveys/staff/paper/index.html | survey_paper (no layout) (not "
            "listed)",
            "internal-report 0 reports/2026-q2/ | reports/2026-q2/index.html | internal_report (no layout) (not "
            "listed)",
            "internal-report 0 reports/2026-q3/ | reports/2026-q3/index.html | internal_report (no layout) (not "
            "listed)",
            "feedback-report 0 reports/feedback-2026-h1/ | reports/feedback-2026-h1/index.html | feedback_report (no "
            "layout) (not listed)"});
  CHECK(PeriodsOf(pages) == std::vector<std::string>{"reports/2026-q2/ 2026-q2", "reports/2026-q3/ 2026-q3",
                                                     "reports/feedback-2026-h1/ 2026-h1"});
}

TEST_CASE("PlanInternalPages plans the workspace: a page per survey and period, and one per cut of each") {
  ReportPlan reports;
  reports.workspace = {{1, {kQ3, std::nullopt}, {"service", "sex"}}, {2, {std::nullopt}, {}}};
  std::vector<std::string> pages;
  for (const PlannedPage& page : PlanInternalPages(MakeSite(), kAsOf, true, reports)) {
    if (!page.url.starts_with("workspace/")) continue;
    pages.push_back(Describe(page) + " " + (page.whole ? "all" : page.period.Key()) + " cut " + std::to_string(page.cut));
  }
  const std::string tail = " | workspace (no layout) (not listed) ";
  CHECK(pages == std::vector<std::string>{
                     "workspace 0 workspace/ | workspace/index.html" + tail + "0-q1 cut -1",
                     "workspace-survey 1 workspace/now/2026-q3/ | workspace/now/2026-q3/index.html" + tail + "2026-q3 cut -1",
                     "workspace-cut 1 workspace/now/2026-q3/service/ | workspace/now/2026-q3/service/index.html" + tail +
                         "2026-q3 cut 0",
                     "workspace-cut 1 workspace/now/2026-q3/sex/ | workspace/now/2026-q3/sex/index.html" + tail +
                         "2026-q3 cut 1",
                     "workspace-survey 1 workspace/now/all/ | workspace/now/all/index.html" + tail + "all cut -1",
                     "workspace-cut 1 workspace/now/all/service/ | workspace/now/all/service/index.html" + tail +
                         "all cut 0",
                     "workspace-cut 1 workspace/now/all/sex/ | workspace/now/all/sex/index.html" + tail + "all cut 1",
                     "workspace-survey 2 workspace/staff/all/ | workspace/staff/all/index.html" + tail + "all cut -1"});
}

TEST_CASE("PlanInternalPages plans an information note per quarter of the plan") {
  ReportPlan reports;
  reports.notes = {kQ2, kQ3};
  std::vector<std::string> pages;
  for (const PlannedPage& page : PlanInternalPages(MakeSite(), kAsOf, true, reports)) {
    if (page.kind == PageKind::kInformationNote) pages.push_back(Describe(page) + " " + page.period.Key());
  }
  CHECK(pages == std::vector<std::string>{
                     "information-note 0 notes/2026-q2/ | notes/2026-q2/index.html | workspace (no layout) (not listed) 2026-q2",
                     "information-note 0 notes/2026-q3/ | notes/2026-q3/index.html | workspace (no layout) (not listed) 2026-q3"});
}

TEST_CASE("PlanInternalPages gives an agency with only appeals reports the internal index and results pages") {
  const Site site(SiteConfig{}, {}, {}, {}, {});
  ReportPlan quarters;
  quarters.quarters = {kQ3};
  CHECK(Describe(PlanInternalPages(site, kAsOf, false, quarters)) ==
        std::vector<std::string>{
            "internal-home 0  | index.html | internal_home (no layout) (not listed)",
            "internal-results 0 results/ | results/index.html | internal_results (no layout) (not listed)",
            "internal-report 0 reports/2026-q3/ | reports/2026-q3/index.html | internal_report (no layout) (not "
            "listed)"});
  ReportPlan summaries;
  summaries.summaries = {kYear2025};
  CHECK(Describe(PlanInternalPages(site, kAsOf, false, summaries)) ==
        std::vector<std::string>{
            "internal-home 0  | index.html | internal_home (no layout) (not listed)",
            "internal-results 0 results/ | results/index.html | internal_results (no layout) (not listed)",
            "feedback-report 0 reports/feedback-2025/ | reports/feedback-2025/index.html | feedback_report (no "
            "layout) (not listed)"});
  // A published report without records has no internal page: nothing internal at all.
  ReportPlan published;
  published.published = {kQ2};
  CHECK(PlanInternalPages(site, kAsOf, false, published).empty());
}

TEST_CASE("OutputFileFor appends index.html to a directory-style URL") {
  CHECK(OutputFileFor("") == "index.html");
  CHECK(OutputFileFor("services/") == "services/index.html");
  CHECK(OutputFileFor("services/pension/") == "services/pension/index.html");
}

}  // namespace
}  // namespace otklik::page_plan_test
