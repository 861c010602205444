#include "render/page_plan.h"

#include <algorithm>

#include "render/decision_views.h"

namespace otklik {

namespace {

// The pain map, its filters that have any decision, and a page per decision.
template <typename Add>
void PlanDecisionPages(const Site& site, const Date& as_of, const std::vector<Decision>& decisions, Add add) {
  const std::vector<const Decision*> map = DecisionsOnMap(decisions, as_of);
  add(PageKind::kDecisions, 0, "decisions/");
  for (size_t f = 0; f < DecisionStatusFilters().size(); ++f) {
    const bool any = std::any_of(map.begin(), map.end(), [&](const Decision* d) {
      return MatchesStatus(f, StateOf(*d, as_of, kDueSoonDays));
    });
    if (any) add(PageKind::kDecisionsByStatus, f, std::string("decisions/status/") + DecisionStatusFilters()[f].id + "/");
  }
  const auto any_of = [&](auto concerns) { return std::any_of(map.begin(), map.end(), concerns); };
  for (size_t i = 0; i < site.services().size(); ++i) {
    const std::string& id = site.services()[i].id;
    if (any_of([&](const Decision* d) { return d->service == id; })) {
      add(PageKind::kDecisionsByService, i, "decisions/services/" + id + "/");
    }
  }
  for (size_t i = 0; i < site.situations().size(); ++i) {
    const std::string& id = site.situations()[i].id;
    if (any_of([&](const Decision* d) { return ConcernsSituation(site, *d, id); })) {
      add(PageKind::kDecisionsBySituation, i, "decisions/situations/" + id + "/");
    }
  }
  for (size_t i = 0; i < site.touchpoints().size(); ++i) {
    const std::string& id = site.touchpoints()[i].id;
    if (any_of([&](const Decision* d) { return ConcernsTouchpoint(*d, id); })) {
      add(PageKind::kDecisionsByTouchpoint, i, "decisions/touchpoints/" + id + "/");
    }
  }
  for (size_t i = 0; i < decisions.size(); ++i) {
    if (OnMap(decisions[i], as_of)) add(PageKind::kDecision, i, "decisions/" + decisions[i].id + "/");
  }
}

}  // namespace

std::string OutputFileFor(const std::string& url) { return url + "index.html"; }

std::vector<PlannedPage> PlanPages(const Site& site, const Date& as_of, const ReportPlan& reports,
                                   const std::vector<Decision>& decisions) {
  std::vector<PlannedPage> pages;
  auto add = [&](PageKind kind, size_t index, std::string url) {
    std::string output = OutputFileFor(url);
    pages.push_back({kind, index, std::move(url), std::move(output)});
  };
  add(PageKind::kHome, 0, "");
  add(PageKind::kServices, 0, "services/");
  add(PageKind::kSituations, 0, "situations/");
  add(PageKind::kTouchpoints, 0, "touchpoints/");
  add(PageKind::kSurveys, 0, "surveys/");
  add(PageKind::kResults, 0, "results/");
  add(PageKind::kMethodology, 0, "results/methodology/");
  add(PageKind::kReports, 0, "reports/");
  for (const Period& quarter : reports.published) {
    add(PageKind::kQuarterReport, 0, "reports/" + quarter.Key() + "/");
    pages.back().period = quarter;
  }
  for (const Period& period : reports.summaries) {
    add(PageKind::kPeriodResults, 0, "reports/" + period.Key() + "/");
    pages.back().period = period;
  }
  for (size_t i = 0; i < site.services().size(); ++i) {
    add(PageKind::kService, i, "services/" + site.services()[i].id + "/");
  }
  for (size_t i = 0; i < site.situations().size(); ++i) {
    add(PageKind::kSituation, i, "situations/" + site.situations()[i].id + "/");
  }
  for (size_t i = 0; i < site.touchpoints().size(); ++i) {
    add(PageKind::kTouchpoint, i, "touchpoints/" + site.touchpoints()[i].id + "/");
  }
  for (size_t i = 0; i < site.surveys().size(); ++i) {
    const Survey& survey = site.surveys()[i];
    const SurveyState state = survey.StateOn(as_of);
    if (survey.audience == Audience::kInternal || state == SurveyState::kUpcoming) continue;
    const std::string url = "surveys/" + survey.id + "/";
    add(PageKind::kSurvey, i, url);
    add(PageKind::kSurveyEmbed, i, url + "embed/");
    if (state == SurveyState::kActive) {
      add(PageKind::kSurveyThanks, i, url + "thanks/");
      add(PageKind::kSurveyEmbedThanks, i, url + "embed/thanks/");
      // A print version of the survey page: kept out of the sitemap and the search.
      add(PageKind::kSurveyPaper, i, url + "paper/");
    }
    for (const auto& [survey_index, periods] : reports.survey_results) {
      if (survey_index != i || periods.empty()) continue;
      add(PageKind::kSurveyResults, i, url + "results/");
      for (const Period& period : periods) {
        add(PageKind::kSurveyPeriodResults, i, url + "results/" + period.Key() + "/");
        pages.back().period = period;
      }
    }
  }
  PlanDecisionPages(site, as_of, decisions, add);
  add(PageKind::kOpenData, 0, "data/");
  add(PageKind::kSearch, 0, "search/");
  for (size_t i = 0; i < site.pages().size(); ++i) add(PageKind::kPage, i, site.pages()[i].id + "/");
  pages.push_back({PageKind::kNotFound, 0, "404.html", "404.html"});
  return pages;
}

std::vector<PlannedPage> PlanInternalPages(const Site& site, const Date& as_of, bool has_responses,
                                           const ReportPlan& reports) {
  std::vector<PlannedPage> pages;
  auto add = [&](PageKind kind, size_t index, std::string url, Period period = {}) {
    std::string output = OutputFileFor(url);
    pages.push_back({kind, index, std::move(url), std::move(output), period});
  };
  for (size_t i = 0; i < site.surveys().size(); ++i) {
    const Survey& survey = site.surveys()[i];
    const SurveyState state = survey.StateOn(as_of);
    if (survey.audience != Audience::kInternal || state == SurveyState::kUpcoming) continue;
    const std::string url = "surveys/" + survey.id + "/";
    add(PageKind::kSurveyEmbed, i, url);
    if (state == SurveyState::kActive) {
      add(PageKind::kSurveyEmbedThanks, i, url + "thanks/");
      add(PageKind::kSurveyPaper, i, url + "paper/");
    }
  }
  for (const Period& quarter : reports.quarters) {
    add(PageKind::kInternalReport, 0, "reports/" + quarter.Key() + "/", quarter);
  }
  for (const Period& period : reports.summaries) {
    add(PageKind::kFeedbackReport, 0, "reports/feedback-" + period.Key() + "/", period);
  }
  if (!reports.workspace.empty()) {
    add(PageKind::kWorkspace, 0, "workspace/");
  }
  for (const ReportPlan::WorkspaceSurvey& survey : reports.workspace) {
    for (const std::optional<Period>& period : survey.periods) {
      const std::string url = "workspace/" + site.surveys()[survey.survey].id + "/" + (period ? period->Key() : "all") + "/";
      PlannedPage page{PageKind::kWorkspaceSurvey, survey.survey, url, OutputFileFor(url)};
      page.period = period.value_or(Period{});
      page.whole = !period;
      pages.push_back(page);
      if (survey.open_answers) {
        PlannedPage answers = page;
        answers.kind = PageKind::kWorkspaceAnswers;
        answers.url = url + "answers/";
        answers.output = OutputFileFor(answers.url);
        pages.push_back(std::move(answers));
      }
      for (size_t cut = 0; cut < survey.cuts.size(); ++cut) {
        PlannedPage cut_page = page;
        cut_page.kind = PageKind::kWorkspaceCut;
        cut_page.url = url + survey.cuts[cut] + "/";
        cut_page.output = OutputFileFor(cut_page.url);
        cut_page.cut = static_cast<int>(cut);
        pages.push_back(std::move(cut_page));
      }
    }
  }
  for (const Period& quarter : reports.notes) {
    add(PageKind::kInformationNote, 0, "notes/" + quarter.Key() + "/", quarter);
  }
  if (pages.empty() && !has_responses) return pages;
  pages.insert(pages.begin(), {PageKind::kInternalHome, 0, "", "index.html"});
  pages.insert(pages.begin() + 1, {PageKind::kInternalResults, 0, "results/", "results/index.html"});
  return pages;
}

}  // namespace otklik
