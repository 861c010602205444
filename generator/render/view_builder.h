#pragma once

// The class behind BuildView(), shared by the files that build the views of
// each part of the site (views.cc, survey_pages.cc, result_pages.cc). Not
// part of the render module's interface.

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "render/views.h"
#include "stats/disclosure.h"

namespace otklik {

class ViewBuilder {
 public:
  using json = nlohmann::json;

  ViewBuilder(const ViewContext& context, const PlannedPage& page);

  json Build();

 private:
  // The table of page kinds names each kind's builder below.
  friend const std::vector<PageKindInfo>& PageKinds();

  // The path part of an absolute URL: "https://a.ru/x/" → "/x/".
  static std::string UrlPath(const std::string& url);
  std::string Href(const std::string& url) const { return root_ + OutputFileFor(url); }
  json Common();
  // null when no contact is given, so the footer can skip the whole block.
  static json Contacts(const otklik::Contacts& contacts);
  json Nav() const;
  json Languages() const;
  /// `section_title` is a message key.
  void Crumbs(json& view, const char* section_url, const char* section_title) const;
  /// «3 услуги» in the agency's words.
  std::string ProcessCount(size_t n) const;
  std::string Html(const std::string& markdown) const { return context_.markdown.ToHtml(markdown); }
  json ServiceLink(const Service& service) const;
  json SituationLink(const LifeSituation& situation) const;
  json TouchpointLink(const Touchpoint& touchpoint) const;
  json ServiceLinks(const std::vector<std::string>& ids) const;
  void Home(json& view);
  // Services grouped by kind, in the order of ServiceKind; empty kinds skipped.
  json KindGroups(bool with_services) const;
  void Services(json& view);
  void ServicePage(json& view);
  void Situations(json& view);
  void SituationPage(json& view);
  void Touchpoints(json& view);
  void TouchpointPage(json& view);
  // Active surveys, or completed ones, in the order a reader needs them: the
  // soonest to close first; the most recently completed first.
  json SurveyLinks(SurveyState state, Audience audience = Audience::kExternal) const;
  std::string Period(const Survey& survey) const;
  /// «до 4 декабря 2026 г.», or «постоянно» for a permanent survey.
  std::string Accepts(const Survey& survey) const;
  // Active external surveys that offer `service` in their service question.
  json SurveysAbout(const Service& service) const;
  void Surveys(json& view);
  json SurveyCommon(const Survey& survey) const;
  void SurveyPage(json& view);
  void SurveyThanks(json& view);
  // The form to print: every question as on the web form, with boxes to tick.
  void SurveyPaper(json& view);
  // The periods survey `survey` has results pages for (ReportPlan::survey_results).
  const std::vector<otklik::Period>& ResultPeriods(size_t survey) const;
  // The external surveys with a results page for `period`: title and link.
  json SurveyResultLinks(const otklik::Period& period) const;
  // /surveys/<id>/results/ and /surveys/<id>/results/<period>/.
  void SurveyResultsPage(json& view);
  void FreePage(json& view);
  void InternalHome(json& view);
  void OpenData(json& view);
  void Search(json& view);
  void NotFound(json& view);

  // Results (result_pages.cc).
  // The results block of a group, or null without results.
  json ResultsOf(const GroupKey& group, const std::string& id) const;
  void ResultsIndex(json& view);
  void Methodology(json& view);
  // A survey of the methodology page: its dates, revisions, roles, responses.
  json MethodologySurvey(size_t survey) const;
  void InternalResults(json& view);
  // Services flagged for an extra survey in `quarter`, with the figures behind the flag.
  json FlaggedRows(const otklik::Period& quarter) const;
  // Internal: the quarterly information note (workspace_pages.cc).
  void InformationNote(json& view);

  // The analyst's workspace (workspace_pages.cc).
  const ReportPlan::WorkspaceSurvey* WorkspaceOf(size_t survey) const;
  // Links to the survey's other periods and to the cuts of `period` (`cut` the current one, or -1).
  json WorkspaceNav(const ReportPlan::WorkspaceSurvey& entry, const std::optional<otklik::Period>& period,
                    int cut) const;
  void Workspace(json& view);
  void WorkspaceSurveyPage(json& view);
  json LanguageSplit(size_t survey_index) const;
  void WorkspaceCutPage(json& view);
  // The open answers of a survey's period: per open question, counts by theme and service.
  json OpenAnswerThemes(size_t survey, const std::optional<otklik::Period>& period) const;
  void WorkspaceAnswersPage(json& view);

  // Reports (report_pages.cc).
  // Every quarter a report is due for, newest first, with its status; linked
  // when published (or, for the internal output, when it has records).
  json ReportLinks(bool internal_drafts) const;
  void Reports(json& view);
  // A quarterly appeals report: the public metrics, or every metric inside.
  void QuarterReportPage(json& view);
  void PeriodResultsPage(json& view);
  void FeedbackReport(json& view);
  /// One kind of process (`services`) in `period` by the surveys of
  /// `indicator`: surveys, answers, level and parameters per process; null
  /// for an indicator after the first that no survey of them feeds.
  json FeedbackProcesses(const std::vector<size_t>& services, const otklik::Period& period, int indicator,
                         const std::vector<const Survey*>& external,
                         const std::function<int(const Survey*)>& indicator_of) const;
  /// The additional surveys of `period` among `external`, and the services flagged for one.
  void FeedbackFollowUps(json& view, const otklik::Period& period, const std::vector<const Survey*>& external) const;
  /// The decisions on the pain map during `period`.
  void FeedbackDecisions(json& view, const otklik::Period& period) const;

  // Decisions (decision_pages.cc).
  // The decisions on the map that `concerns` says concern a page, in the
  // pain map's order, for its «Решения по отзывам» block.
  json DecisionsWhere(const std::function<bool(const Decision&)>& concerns) const;
  void DecisionsIndex(json& view);
  void DecisionPage(json& view);
  // The latest changes on the map, for the home page.
  json RecentDecisionEvents(size_t limit) const;
  const std::vector<Decision>& decisions() const;

  const ViewContext& context_;
  const Site& site_;
  const PlannedPage& page_;
  std::string root_;
  bool internal_ = false;  ///< A page of the internal output, never of the public site.
};

}  // namespace otklik
