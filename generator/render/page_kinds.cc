#include "render/page_kinds.h"

#include <algorithm>
#include <cstdlib>

#include "render/view_builder.h"

namespace otklik {

namespace {

constexpr PageOutput kPublic = PageOutput::kPublic;
constexpr PageOutput kInternal = PageOutput::kInternal;
constexpr PageOutput kSurvey = PageOutput::kSurvey;

}  // namespace

const std::vector<PageKindInfo>& PageKinds() {
  using K = PageKind;
  using V = ViewBuilder;
  // kind, template, output, layout, listed, searchable, navigation (address, message), view builder
  static const std::vector<PageKindInfo> kKinds = [] {
    std::vector<PageKindInfo> kinds = {
        {K::kHome, "home", kPublic, true, true, false, nullptr, nullptr, &V::Home},
        {K::kServices, "services", kPublic, true, true, false, "services/", "nav.services", &V::Services},
        {K::kService, "service", kPublic, true, true, true, nullptr, nullptr, &V::ServicePage},
        {K::kSituations, "situations", kPublic, true, true, false, "situations/", "nav.situations", &V::Situations},
        {K::kSituation, "situation", kPublic, true, true, true, nullptr, nullptr, &V::SituationPage},
        {K::kTouchpoints, "touchpoints", kPublic, true, true, false, "touchpoints/", "nav.touchpoints",
         &V::Touchpoints},
        {K::kTouchpoint, "touchpoint", kPublic, true, true, true, nullptr, nullptr, &V::TouchpointPage},
        {K::kResults, "results", kPublic, true, true, false, "results/", "nav.results", &V::ResultsIndex},
        {K::kMethodology, "methodology", kPublic, true, true, true, nullptr, nullptr, &V::Methodology},
        {K::kDecisions, "decisions", kPublic, true, true, false, "decisions/", "nav.decisions", &V::DecisionsIndex},
        {K::kDecisionsByStatus, "decisions", kPublic, true, true, false, nullptr, nullptr, &V::DecisionsIndex},
        {K::kDecisionsByService, "decisions", kPublic, true, true, false, nullptr, nullptr, &V::DecisionsIndex},
        {K::kDecisionsBySituation, "decisions", kPublic, true, true, false, nullptr, nullptr, &V::DecisionsIndex},
        {K::kDecisionsByTouchpoint, "decisions", kPublic, true, true, false, nullptr, nullptr, &V::DecisionsIndex},
        {K::kDecision, "decision", kPublic, true, true, true, nullptr, nullptr, &V::DecisionPage},
        {K::kSurveys, "surveys", kPublic, true, true, false, "surveys/", "nav.surveys", &V::Surveys},
        {K::kSurvey, "survey", kPublic, true, true, true, nullptr, nullptr, &V::SurveyPage},
        {K::kSurveyEmbed, "survey_embed", kSurvey, false, false, false, nullptr, nullptr, &V::SurveyPage},
        {K::kSurveyThanks, "survey_thanks", kPublic, true, false, false, nullptr, nullptr, &V::SurveyThanks},
        {K::kSurveyEmbedThanks, "survey_embed", kSurvey, false, false, false, nullptr, nullptr, &V::SurveyThanks},
        {K::kSurveyPaper, "survey_paper", kSurvey, false, false, false, nullptr, nullptr, &V::SurveyPaper},
        {K::kSurveyResults, "survey_period", kPublic, true, true, false, nullptr, nullptr, &V::SurveyResultsPage},
        {K::kSurveyPeriodResults, "survey_period", kPublic, true, true, true, nullptr, nullptr,
         &V::SurveyResultsPage},
        {K::kReports, "reports", kPublic, true, true, false, "reports/", "nav.reports", &V::Reports},
        {K::kQuarterReport, "quarter_report", kPublic, true, true, true, nullptr, nullptr, &V::QuarterReportPage},
        {K::kPeriodResults, "period_results", kPublic, true, true, true, nullptr, nullptr, &V::PeriodResultsPage},
        {K::kOpenData, "open_data", kPublic, true, true, false, nullptr, nullptr, &V::OpenData},
        {K::kSearch, "search", kPublic, true, false, false, nullptr, nullptr, &V::Search},
        {K::kPage, "page", kPublic, true, true, true, nullptr, nullptr, &V::FreePage},
        {K::kNotFound, "not_found", kPublic, true, false, false, nullptr, nullptr, &V::NotFound},
        {K::kInternalHome, "internal_home", kInternal, false, false, false, nullptr, nullptr, &V::InternalHome},
        {K::kInternalResults, "internal_results", kInternal, false, false, false, nullptr, nullptr,
         &V::InternalResults},
        {K::kInternalReport, "internal_report", kInternal, false, false, false, nullptr, nullptr,
         &V::QuarterReportPage},
        {K::kFeedbackReport, "feedback_report", kInternal, false, false, false, nullptr, nullptr, &V::FeedbackReport},
        {K::kWorkspace, "workspace", kInternal, false, false, false, nullptr, nullptr, &V::Workspace},
        {K::kWorkspaceSurvey, "workspace", kInternal, false, false, false, nullptr, nullptr,
         &V::WorkspaceSurveyPage},
        {K::kWorkspaceCut, "workspace", kInternal, false, false, false, nullptr, nullptr, &V::WorkspaceCutPage},
        {K::kWorkspaceAnswers, "workspace", kInternal, false, false, false, nullptr, nullptr,
         &V::WorkspaceAnswersPage},
        {K::kInformationNote, "workspace", kInternal, false, false, false, nullptr, nullptr, &V::InformationNote},
    };
    // InfoOf indexes the table by kind.
    for (size_t i = 0; i < kinds.size(); ++i) {
      if (static_cast<size_t>(kinds[i].kind) != i) std::abort();
    }
    return kinds;
  }();
  return kKinds;
}

const PageKindInfo& InfoOf(PageKind kind) { return PageKinds()[static_cast<size_t>(kind)]; }

const std::vector<std::string>& PageTemplateNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names = {"layout"};
    for (const PageKindInfo& info : PageKinds()) {
      if (info.output == PageOutput::kInternal) continue;
      if (std::find(names.begin(), names.end(), info.template_name) == names.end()) {
        names.push_back(info.template_name);
      }
    }
    return names;
  }();
  return kNames;
}

}  // namespace otklik
