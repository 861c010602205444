#include <algorithm>
#include <functional>
#include <set>

#include "render/russian.h"
#include "render/survey_form.h"
#include "render/view_builder.h"

namespace otklik {

using nlohmann::json;

// Active surveys, or completed ones, in the order a reader needs them: the
// soonest to close first; the most recently completed first.
json ViewBuilder::SurveyLinks(SurveyState state, Audience audience) const {
  std::vector<const Survey*> surveys;
  for (const Survey& s : site_.surveys()) {
    if (s.audience == audience && s.StateOn(context_.as_of) == state) surveys.push_back(&s);
  }
  std::sort(surveys.begin(), surveys.end(), [&](const Survey* a, const Survey* b) {
    if (a->closes != b->closes) return state == SurveyState::kActive ? a->closes < b->closes : a->closes > b->closes;
    return a->title < b->title;
  });
  json links = json::array();
  for (const Survey* s : surveys) {
    links.push_back({{"title", s->title},
                     {"href", Href("surveys/" + s->id + "/")},
                     {"summary", s->summary},
                     {"period", Period(*s)},
                     {"closes", Accepts(*s)}});
  }
  return links;
}

std::string ViewBuilder::Period(const Survey& survey) const {
  if (survey.Permanent())
    return site_.messages().Format("survey.dates_permanent", {{"opens", site_.messages().Date(survey.opens)}});
  return site_.messages().Format("survey.dates",
                                 {{"opens", site_.messages().Date(survey.opens)}, {"closes", site_.messages().Date(survey.closes)}});
}

std::string ViewBuilder::Accepts(const Survey& survey) const {
  if (survey.Permanent()) return site_.messages()["survey.accepts_permanent"];
  return site_.messages().Format("survey.accepts_until", {{"closes", site_.messages().Date(survey.closes)}});
}

// Active external surveys that offer `service` in their service question,
// the longest-running first: a standing survey before a wave that closes in
// days (a decision links to the first).
json ViewBuilder::SurveysAbout(const Service& service) const {
  std::vector<const Survey*> surveys;
  for (const Survey& s : site_.surveys()) {
    const Question* question = s.ServiceQuestion();
    if (s.audience == Audience::kExternal && s.StateOn(context_.as_of) == SurveyState::kActive && question &&
        question->FindOption(service.id)) {
      surveys.push_back(&s);
    }
  }
  std::stable_sort(surveys.begin(), surveys.end(), [](const Survey* a, const Survey* b) { return a->closes > b->closes; });
  json links = json::array();
  for (const Survey* survey : surveys) {
    const Survey& s = *survey;
    links.push_back({{"title", s.title},
                     {"href", Href("surveys/" + s.id + "/") + "?service=" + service.id},
                     {"closes", Accepts(s)}});
  }
  return links;
}

void ViewBuilder::Surveys(json& view) {
  view["title"] = site_.messages()["surveys.title"];
  view["description"] = site_.messages()["surveys.description"];
  Crumbs(view, nullptr, nullptr);
  view["active"] = SurveyLinks(SurveyState::kActive);
  view["completed"] = SurveyLinks(SurveyState::kCompleted);
}

json ViewBuilder::SurveyCommon(const Survey& survey) const {
  const bool active = survey.StateOn(context_.as_of) == SurveyState::kActive;
  return {{"id", survey.id},
          {"title", survey.title},
          {"summary", survey.summary},
          {"active", active},
          {"completed", !active},
          {"period", Period(survey)},
          {"closes", site_.messages().Date(survey.closes)},
          {"accepts", Accepts(survey)},
          {"href", Href("surveys/" + survey.id + "/")},
          {"page_url", internal_ ? "" : site_.config().base_url + "surveys/" + survey.id + "/"}};
}

void ViewBuilder::SurveyPage(json& view) {
  const Survey& survey = site_.surveys()[page_.index];
  view["title"] = survey.title;
  if (!survey.summary.empty()) view["description"] = survey.summary;
  Crumbs(view, "surveys/", "nav.surveys");
  json s = SurveyCommon(survey);
  if (s["active"].get<bool>()) {
    const SiteConfig& config = site_.config();
    const std::string& receiver = survey.audience == Audience::kInternal && !config.internal_receiver_url.empty()
                                      ? config.internal_receiver_url
                                      : config.receiver_url;
    json form = SurveyFormView(survey, site_.messages(), context_.markdown, receiver + "/surveys/" + survey.id);
    form["embed"] = page_.kind == PageKind::kSurveyEmbed;
    s["form"] = std::move(form);
    // An embedded form lives on another site; the paper form is linked from the survey's own page.
    s["paper_href"] = page_.kind == PageKind::kSurvey || internal_ ? Href("surveys/" + survey.id + "/paper/") : "";
    view["scripts"] = json::array({"survey.js"});
  } else if (context_.results) {
    s["results"] = SurveyResults(*context_.results, page_.index);
  }
  s["intro_html"] = Html(survey.intro);
  s["results_href"] = ResultPeriods(page_.index).empty() || internal_ ? "" : Href("surveys/" + survey.id + "/results/");
  view["survey"] = std::move(s);
}

const std::vector<otklik::Period>& ViewBuilder::ResultPeriods(size_t survey) const {
  static const std::vector<otklik::Period> kNone;
  if (!context_.report_plan) return kNone;
  for (const auto& [index, periods] : context_.report_plan->survey_results) {
    if (index == survey) return periods;
  }
  return kNone;
}

json ViewBuilder::SurveyResultLinks(const otklik::Period& period) const {
  json links = json::array();
  if (!context_.report_plan) return links;
  // The internal output has no survey pages: its links go to the public site.
  const std::string root = internal_ ? site_.config().base_url : root_;
  for (const auto& [index, periods] : context_.report_plan->survey_results) {
    if (std::find(periods.begin(), periods.end(), period) == periods.end()) continue;
    const Survey& survey = site_.surveys()[index];
    const std::string url = "surveys/" + survey.id + "/results/" + period.Key() + "/";
    links.push_back({{"title", survey.title}, {"href", root + (internal_ ? url : OutputFileFor(url))}});
  }
  return links;
}

void ViewBuilder::SurveyResultsPage(json& view) {
  const Survey& survey = site_.surveys()[page_.index];
  const std::vector<otklik::Period>& periods = ResultPeriods(page_.index);
  // The index shows the last quarter with results: the latest complete one
  // while the survey runs.
  otklik::Period shown = page_.period;
  if (page_.kind == PageKind::kSurveyResults) {
    for (const otklik::Period& period : periods) {
      if (period.kind == otklik::Period::Kind::kQuarter) shown = period;
    }
  }
  const std::string base = "surveys/" + survey.id + "/results/";
  const Messages& messages = site_.messages();
  view["title"] =
      page_.kind == PageKind::kSurveyResults
          ? messages.Format("survey.results_title", {{"title", survey.title}})
          : messages.Format("survey.period_results_title", {{"title", survey.title}, {"period", site_.messages().PeriodLabel(shown)}});
  view["description"] =
      messages.Format("survey.results_description", {{"title", survey.title}, {"period_in", site_.messages().PeriodIn(shown)}});
  Crumbs(view, "surveys/", "nav.surveys");
  view["breadcrumbs"].push_back({{"title", survey.title}, {"href", Href("surveys/" + survey.id + "/")}});
  if (page_.kind == PageKind::kSurveyPeriodResults) {
    view["breadcrumbs"].push_back({{"title", messages["survey.results_by_question"]}, {"href", Href(base)}});
  }
  // Every period, grouped by year, newest year first: its quarters, halves and the year itself.
  std::set<int, std::greater<>> year_numbers;
  for (const otklik::Period& period : periods) year_numbers.insert(period.year);
  json years = json::array();
  for (const int year : year_numbers) {
    json links = json::array();
    for (const otklik::Period& period : periods) {
      if (period.year != year) continue;
      links.push_back({{"title", period.kind == otklik::Period::Kind::kYear ? site_.messages().PeriodLabel(period) : site_.messages().PeriodShort(period)},
                       {"href", Href(base + period.Key() + "/")},
                       {"current", period == shown && page_.kind == PageKind::kSurveyPeriodResults}});
    }
    years.push_back({{"year", std::to_string(year)}, {"links", links}});
  }
  json s = SurveyCommon(survey);
  s["index"] = page_.kind == PageKind::kSurveyResults;
  s["period_dates"] = Period(survey);
  s["period"] = site_.messages().PeriodLabel(shown);
  s["period_in"] = site_.messages().PeriodIn(shown);
  s["period_href"] = Href(base + shown.Key() + "/");
  s["years"] = years;
  // A half-year or a year the survey ran only part of says which quarters its answers come from.
  if (shown.kind != otklik::Period::Kind::kQuarter && context_.results) {
    std::vector<std::string> covered;
    size_t quarters = 0;
    for (otklik::Period q = otklik::Period::Of(otklik::Period::Kind::kQuarter, shown.first()); q.first() <= shown.last();
         q = q.Next()) {
      ++quarters;
      const std::vector<otklik::Period> with = context_.results->results.SurveyQuarters(page_.index);
      if (std::find(with.begin(), with.end(), q) != with.end()) covered.push_back(site_.messages().PeriodShort(q));
    }
    std::string list;
    for (const std::string& q : covered) list += (list.empty() ? "" : ", ") + q;
    s["partial"] = covered.size() < quarters ? messages.Format("survey.partial_period", {{"quarters", list}}) : "";
  }
  if (context_.results) s["results"] = SurveyResults(*context_.results, page_.index, shown);
  view["survey"] = std::move(s);
}

void ViewBuilder::SurveyThanks(json& view) {
  const Survey& survey = site_.surveys()[page_.index];
  view["title"] = site_.messages()["survey.thanks_title"];
  Crumbs(view, "surveys/", "nav.surveys");
  view["breadcrumbs"].push_back({{"title", survey.title}, {"href", Href("surveys/" + survey.id + "/")}});
  json s = SurveyCommon(survey);
  s["thanks"] = true;
  s["thanks_html"] = Html(survey.thanks.empty() ? site_.messages()["survey.thanks_default"] : survey.thanks);
  view["survey"] = std::move(s);
}

void ViewBuilder::SurveyPaper(json& view) {
  const Survey& survey = site_.surveys()[page_.index];
  view["title"] = site_.messages().Format("paper.title", {{"title", survey.title}});
  view["description"] = site_.messages().Format("paper.description", {{"title", survey.title}});
  json s = SurveyCommon(survey);
  s["intro_html"] = Html(survey.intro);
  s["form"] = SurveyFormView(survey, site_.messages(), context_.markdown, "", FormMedium::kPaper);
  view["survey"] = std::move(s);
}

void ViewBuilder::InternalHome(json& view) {
  view["title"] = site_.messages()["surveys.internal_title"];
  view["active"] = SurveyLinks(SurveyState::kActive, Audience::kInternal);
  view["completed"] = SurveyLinks(SurveyState::kCompleted, Audience::kInternal);
  view["results_href"] = Href("results/");
  view["workspace_href"] = context_.report_plan && !context_.report_plan->workspace.empty() ? Href("workspace/") : "";
  json notes = json::array();
  if (context_.report_plan) {
    for (auto quarter = context_.report_plan->notes.rbegin(); quarter != context_.report_plan->notes.rend(); ++quarter) {
      notes.push_back({{"title", site_.messages().PeriodLabel(*quarter)}, {"href", Href("notes/" + quarter->Key() + "/")}});
    }
  }
  view["notes"] = notes;
  view["reports"] = ReportLinks(true);
  json feedback = json::array();
  if (context_.report_plan) {
    for (auto period = context_.report_plan->summaries.rbegin(); period != context_.report_plan->summaries.rend();
         ++period) {
      feedback.push_back(
          {{"title", site_.messages().Format("feedback_report.title", {{"period", site_.messages().PeriodLabel(*period)}})},
           {"href", Href("reports/feedback-" + period->Key() + "/")}});
    }
  }
  view["feedback_reports"] = feedback;
}

}  // namespace otklik
