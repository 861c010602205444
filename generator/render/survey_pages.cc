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
                     {"closes", "до " + RussianDate(s->closes)}});
  }
  return links;
}

std::string ViewBuilder::Period(const Survey& survey) {
  return "с " + RussianDate(survey.opens) + " по " + RussianDate(survey.closes);
}

// Active external surveys that offer `service` in their service question.
json ViewBuilder::SurveysAbout(const Service& service) const {
  json links = json::array();
  for (const Survey& s : site_.surveys()) {
    const Question* question = s.ServiceQuestion();
    if (s.audience != Audience::kExternal || s.StateOn(context_.as_of) != SurveyState::kActive || !question ||
        !question->FindOption(service.id)) {
      continue;
    }
    links.push_back({{"title", s.title},
                     {"href", Href("surveys/" + s.id + "/") + "?service=" + service.id},
                     {"closes", "до " + RussianDate(s.closes)}});
  }
  return links;
}

void ViewBuilder::Surveys(json& view) {
  view["title"] = "Опросы";
  view["description"] = "Анонимные опросы о качестве услуг: пройдите действующие и посмотрите завершённые.";
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
          {"closes", RussianDate(survey.closes)},
          {"href", Href("surveys/" + survey.id + "/")},
          {"page_url", internal_ ? "" : site_.config().base_url + "surveys/" + survey.id + "/"}};
}

void ViewBuilder::SurveyPage(json& view, const Survey& survey) {
  view["title"] = survey.title;
  if (!survey.summary.empty()) view["description"] = survey.summary;
  Crumbs(view, "surveys/", "Опросы");
  json s = SurveyCommon(survey);
  if (s["active"].get<bool>()) {
    json form = SurveyFormView(survey, context_.markdown, site_.config().receiver_url + "/surveys/" + survey.id);
    form["embed"] = page_.kind == PageKind::kSurveyEmbed;
    s["form"] = std::move(form);
    view["scripts"] = json::array({"survey.js"});
  } else if (context_.results) {
    s["results"] = SurveyResults(*context_.results, page_.index);
  }
  s["intro_html"] = Html(survey.intro);
  view["survey"] = std::move(s);
}

void ViewBuilder::SurveyThanks(json& view, const Survey& survey) {
  view["title"] = "Спасибо, ваши ответы приняты";
  Crumbs(view, "surveys/", "Опросы");
  view["breadcrumbs"].push_back({{"title", survey.title}, {"href", Href("surveys/" + survey.id + "/")}});
  json s = SurveyCommon(survey);
  s["thanks"] = true;
  s["thanks_html"] = Html(survey.thanks.empty() ? "Мы учтём ваше мнение. Итоги опроса появятся на этом сайте "
                                                  "после его окончания."
                                                : survey.thanks);
  view["survey"] = std::move(s);
}

void ViewBuilder::InternalHome(json& view) {
  view["title"] = "Внутренние опросы";
  view["active"] = SurveyLinks(SurveyState::kActive, Audience::kInternal);
  view["completed"] = SurveyLinks(SurveyState::kCompleted, Audience::kInternal);
  view["results_href"] = Href("results/");
  view["reports"] = ReportLinks(true);
  json feedback = json::array();
  if (context_.report_plan) {
    for (auto period = context_.report_plan->summaries.rbegin(); period != context_.report_plan->summaries.rend();
         ++period) {
      feedback.push_back({{"title", "Отчёт о проведении сбора обратной связи: " + PeriodLabel(*period)},
                          {"href", Href("reports/feedback-" + period->Key() + "/")}});
    }
  }
  view["feedback_reports"] = feedback;
}

}  // namespace otklik
