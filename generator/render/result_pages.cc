#include "core/plural.h"
#include "render/chart.h"
#include "render/russian.h"
#include "render/view_builder.h"

namespace otklik {

using nlohmann::json;

json ViewBuilder::ResultsOf(const GroupKey& group, const std::string& id) const {
  if (!context_.results) return nullptr;
  return ResultsBlock(*context_.results, group, root_, id);
}

namespace {

// One row of a table of groups in the current quarter.
json GroupRow(const ResultsContext& context, const GroupKey& group, const std::string& title, const std::string& href) {
  const json block = ResultsBlock(context, group, "", "row");
  json row = {{"title", title}, {"href", href}, {"has_data", block["has_data"]}};
  if (block["has_data"].get<bool>()) {
    row["current"] = block["current"];
    row["change"] = block["change"];
    row["below_target"] = block["below_target"];
  }
  return row;
}

}  // namespace

void ViewBuilder::ResultsIndex(json& view) {
  view["title"] = "Результаты опросов";
  view["description"] = "Насколько граждане удовлетворены услугами министерства: по услугам, жизненным ситуациям и "
                        "точкам взаимодействия, по кварталам.";
  Crumbs(view, nullptr, nullptr);
  view["methodology_href"] = Href("results/methodology/");
  if (!context_.results) return;
  const ResultsContext& results = *context_.results;
  view["results"] = ResultsOf({GroupKey::Kind::kAll, -1}, "all");
  json services = json::array();
  for (size_t i = 0; i < site_.services().size(); ++i) {
    const Service& s = site_.services()[i];
    services.push_back(GroupRow(results, {GroupKey::Kind::kService, static_cast<int>(i)}, s.title,
                                Href("services/" + s.id + "/")));
  }
  json situations = json::array();
  for (size_t i = 0; i < site_.situations().size(); ++i) {
    const LifeSituation& s = site_.situations()[i];
    situations.push_back(GroupRow(results, {GroupKey::Kind::kSituation, static_cast<int>(i)}, s.title,
                                  Href("situations/" + s.id + "/")));
  }
  json touchpoints = json::array();
  for (size_t i = 0; i < site_.touchpoints().size(); ++i) {
    const Touchpoint& t = site_.touchpoints()[i];
    touchpoints.push_back(GroupRow(results, {GroupKey::Kind::kTouchpoint, static_cast<int>(i)}, t.title,
                                   Href("touchpoints/" + t.id + "/")));
  }
  view["period"] = PeriodLabel(LastCompleteQuarter(context_.as_of));
  view["services"] = services;
  view["situations"] = situations;
  view["touchpoints"] = touchpoints;
}

void ViewBuilder::Methodology(json& view) {
  view["title"] = "Как мы считаем результаты";
  view["description"] = "Методика: уровень удовлетворённости, интервалы, периоды, защита малых групп и опросы, из "
                        "которых берутся данные.";
  Crumbs(view, "results/", "Результаты опросов");
  const SiteConfig& config = site_.config();
  view["k"] = std::to_string(config.min_group_size);
  view["target"] = std::to_string(config.satisfaction_target) + "\u00A0%";
  view["negative_limit"] = std::to_string(config.negative_share_limit) + "\u00A0%";
  json surveys = json::array();
  for (const Survey& survey : site_.surveys()) {
    if (survey.audience != Audience::kExternal) continue;
    json roles = json::array();
    for (const Question& q : survey.questions) {
      if (q.role == QuestionRole::kNone) continue;
      static const char* const kMeaning[] = {"", "общая оценка услуги (уровень удовлетворённости)",
                                             "оценка параметров услуги", "канал, через который получена услуга"};
      json mapped = json::array();
      for (const Option& option : q.options) {
        const Touchpoint* touchpoint = site_.FindTouchpoint(option.touchpoint);
        if (touchpoint) mapped.push_back({{"answer", option.text}, {"touchpoint", touchpoint->title}});
      }
      roles.push_back({{"number", std::to_string(q.number)},
                       {"text", q.text},
                       {"meaning", kMeaning[static_cast<size_t>(q.role)]},
                       {"touchpoints", mapped}});
    }
    std::string revisions = std::to_string(survey.revision);
    for (const Survey& earlier : survey.earlier_revisions) revisions += ", " + std::to_string(earlier.revision);
    const Touchpoint* touchpoint = site_.FindTouchpoint(survey.touchpoint);
    surveys.push_back({{"title", survey.title},
                       {"href", Href("surveys/" + survey.id + "/")},
                       {"period", Period(survey)},
                       {"questions", CountWithNoun(static_cast<long>(survey.questions.size()), "вопрос", "вопроса",
                                                   "вопросов")},
                       {"revisions", revisions},
                       {"touchpoint", touchpoint ? touchpoint->title : ""},
                       {"roles", roles}});
  }
  view["surveys"] = surveys;
  if (context_.results) {
    const ScanStats& scan = context_.results->results.scan;
    view["responses"] = std::to_string(scan.lines);
    const std::vector<otklik::Period> quarters = context_.results->results.Quarters();
    if (!quarters.empty()) {
      view["covered"] = "с " + PeriodShort(quarters.front()) + " по " + PeriodShort(quarters.back());
    }
  }
}

void ViewBuilder::InternalResults(json& view) {
  view["title"] = "Внутренний отчёт о результатах";
  if (!context_.results) return;
  const ResultsContext& results = *context_.results;
  const otklik::Period current = LastCompleteQuarter(context_.as_of);
  view["period"] = PeriodLabel(current);
  json flagged = json::array();
  for (const FlaggedService& flagged_service :
       FlaggedServices(results.results, current, results.disclosure.k(), results.target, results.negative_limit)) {
    const Service& service = site_.services()[flagged_service.service];
    flagged.push_back({{"title", service.title},
                       {"reason", flagged_service.flag.reason},
                       {"n", std::to_string(flagged_service.flag.level.n)},
                       {"href", site_.config().base_url + "services/" + service.id + "/"}});
  }
  view["flagged"] = flagged;
  view["target"] = std::to_string(site_.config().satisfaction_target) + "\u00A0%";
  view["negative_limit"] = std::to_string(site_.config().negative_share_limit) + "\u00A0%";
  json surveys = json::array();
  for (size_t i = 0; i < site_.surveys().size(); ++i) {
    const Survey& survey = site_.surveys()[i];
    if (survey.audience != Audience::kInternal || survey.StateOn(context_.as_of) == SurveyState::kUpcoming) continue;
    surveys.push_back({{"title", survey.title}, {"period", Period(survey)}, {"results", SurveyResults(results, i)}});
  }
  view["surveys"] = surveys;
}

}  // namespace otklik
