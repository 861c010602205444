#include "render/chart.h"
#include "render/figure.h"
#include "render/russian.h"
#include "render/view_builder.h"

namespace otklik {

using nlohmann::json;

json ViewBuilder::ResultsOf(const GroupKey& group, const std::string& id) const {
  if (!context_.results) return nullptr;
  return ResultsBlocks(*context_.results, group, root_, id);
}

namespace {

// One row of a table of groups in `period`.
json GroupRow(const ResultsContext& context, const GroupKey& group, const Period& period, const std::string& title,
              const std::string& href) {
  json row = PeriodRow(context, group, period);
  row["title"] = title;
  row["href"] = href;
  return row;
}

}  // namespace

void ViewBuilder::ResultsIndex(json& view) {
  view["title"] = site_.messages()["results.title"];
  view["description"] = site_.messages()["results.description"];
  Crumbs(view, nullptr, nullptr);
  view["methodology_href"] = Href("results/methodology/");
  view["indicators"] = json::array();
  if (!context_.results) return;
  const ResultsContext& results = *context_.results;
  const otklik::Period period = LastCompleteQuarter(context_.as_of);
  view["period"] = site_.messages().PeriodLabel(period);
  // One section per indicator: the agency's level, then every group with
  // answers to it (the main indicator lists every group).
  for (int indicator = 0; indicator < static_cast<int>(results.results.indicators()); ++indicator) {
    const GroupKey all{GroupKey::Kind::kAll, -1, indicator};
    const json blocks = ResultsBlocks(results, all, root_, "all");
    json block;
    for (const json& b : blocks) {
      if (b["anchor"] == "results-" + site_.config().indicators[static_cast<size_t>(indicator)].id) block = b;
    }
    if (block.is_null()) continue;
    const auto rows = [&](GroupKey::Kind kind, size_t count, const auto& title_of, const auto& href_of) {
      json out = json::array();
      for (size_t i = 0; i < count; ++i) {
        const GroupKey group{kind, static_cast<int>(i), indicator};
        json row = GroupRow(results, group, period, title_of(i), href_of(i));
        if (indicator == 0 || row["has_data"] == true) out.push_back(std::move(row));
      }
      return out;
    };
    json section = block;
    section["block"] = block;
    section["services"] = rows(
        GroupKey::Kind::kService, site_.services().size(), [&](size_t i) { return site_.services()[i].title; },
        [&](size_t i) { return Href("services/" + site_.services()[i].id + "/"); });
    section["situations"] = rows(
        GroupKey::Kind::kSituation, site_.situations().size(), [&](size_t i) { return site_.situations()[i].title; },
        [&](size_t i) { return Href("situations/" + site_.situations()[i].id + "/"); });
    section["touchpoints"] = rows(
        GroupKey::Kind::kTouchpoint, site_.touchpoints().size(), [&](size_t i) { return site_.touchpoints()[i].title; },
        [&](size_t i) { return Href("touchpoints/" + site_.touchpoints()[i].id + "/"); });
    section["period"] = site_.messages().PeriodLabel(period);
    view["indicators"].push_back(std::move(section));
  }
}

void ViewBuilder::Methodology(json& view) {
  const Messages& messages = site_.messages();
  view["title"] = messages["methodology.title"];
  view["description"] = messages["methodology.description"];
  Crumbs(view, "results/", "nav.results_crumb");
  const SiteConfig& config = site_.config();
  view["k"] = std::to_string(config.min_group_size);
  view["target"] = Share("settings/target", {static_cast<uint64_t>(config.satisfaction_target), 100}).html;
  view["negative_limit"] =
      Share("settings/negative-limit", {static_cast<uint64_t>(config.negative_share_limit), 100}).html;
  // Per indicator, the external surveys that feed it, with their responses:
  // together they are the public total (staff surveys are not in it).
  json indicators = json::array();
  for (size_t i = 0; i < config.indicators.size(); ++i) {
    const Indicator& indicator = config.indicators[i];
    json surveys = json::array();
    for (size_t s = 0; s < site_.surveys().size(); ++s) {
      const Survey& survey = site_.surveys()[s];
      const int feeds = context_.results ? context_.results->results.IndicatorOf(s)
                                         : (survey.audience == Audience::kExternal ? config.IndicatorIndex(survey.indicator) : -1);
      // A survey that has not opened has no page yet, nor answers.
      if (feeds != static_cast<int>(i) || survey.StateOn(context_.as_of) == SurveyState::kUpcoming) continue;
      surveys.push_back(MethodologySurvey(s));
    }
    indicators.push_back({{"id", indicator.id}, {"title", indicator.title}, {"about", indicator.about}, {"surveys", surveys}});
  }
  view["indicators"] = indicators;
  view["several_indicators"] = config.indicators.size() > 1;
  if (!context_.results) return;
  const ResultsContext& results = *context_.results;
  const bool hidden = results.disclosure.ResponsesHidden(std::nullopt);
  view["responses"] = hidden ? Hidden("responses/public", messages["results.not_enough_data"]).html
                             : Count("responses/public", results.model.PublicResponses()).html;
  view["responses_key"] = "responses/public";
  const std::vector<otklik::Period> quarters = results.results.Quarters();
  if (!quarters.empty()) {
    view["covered"] = messages.Format(
        "methodology.covered", {{"first", site_.messages().PeriodShort(quarters.front())}, {"last", site_.messages().PeriodShort(quarters.back())}});
  }
  const DisclosureSummary& summary = results.disclosure.summary();
  view["disclosure"] = {{"recoded", std::to_string(summary.recoded)},
                        {"primary", std::to_string(summary.primary)},
                        {"complementary", std::to_string(summary.complementary)},
                        {"audited", std::to_string(summary.audited)}};
}

json ViewBuilder::MethodologySurvey(size_t index) const {
  const Messages& messages = site_.messages();
  const Survey& survey = site_.surveys()[index];
  json roles = json::array();
  for (const Question& q : survey.questions) {
    if (q.role == QuestionRole::kNone) continue;
    const auto meaning = [&](QuestionRole role) -> std::string {
      switch (role) {
        case QuestionRole::kOverall: return messages["methodology.role_overall"];
        case QuestionRole::kParameters: return messages["methodology.role_parameters"];
        case QuestionRole::kChannel: return messages["results.channel_role"];
        case QuestionRole::kRespondent: return messages["methodology.role_respondent"];
        case QuestionRole::kNone: break;
      }
      return "";
    };
    json mapped = json::array();
    for (const Option& option : q.options) {
      const Touchpoint* touchpoint = site_.FindTouchpoint(option.touchpoint);
      if (touchpoint) mapped.push_back({{"answer", option.text}, {"touchpoint", touchpoint->title}});
    }
    roles.push_back({{"number", std::to_string(q.number)},
                     {"text", q.text},
                     {"meaning", meaning(q.role)},
                     {"touchpoints", mapped}});
  }
  std::string revisions = std::to_string(survey.revision);
  for (const Survey& earlier : survey.earlier_revisions) revisions += ", " + std::to_string(earlier.revision);
  const Touchpoint* touchpoint = site_.FindTouchpoint(survey.touchpoint);
  json out = {{"title", survey.title},
              {"href", Href("surveys/" + survey.id + "/")},
              {"period", Period(survey)},
              {"questions", messages.Count("methodology.questions", static_cast<long>(survey.questions.size()))},
              {"revisions", revisions},
              {"touchpoint", touchpoint ? touchpoint->title : ""},
              {"roles", roles},
              {"responses", ""}};
  if (context_.results) {
    const ResultsContext& results = *context_.results;
    const std::string key = SurveyFigureKey(survey, std::nullopt) + "/responses";
    const uint64_t n = results.results.SurveyResponses(index);
    out["responses"] = results.disclosure.ResponsesHidden(index) ? Hidden(key, messages["results.not_enough_data"]).html
                                                                 : Count(key, n).html;
  }
  return out;
}

json ViewBuilder::FlaggedRows(const otklik::Period& current) const {
  const Messages& messages = site_.messages();
  const ResultsContext& results = *context_.results;
  json flagged = json::array();
  for (const FlaggedService& flagged_service :
       FlaggedServices(results.results, current, results.disclosure.k(), results.target, results.negative_limit)) {
    const Service& service = site_.services()[flagged_service.service];
    const PeriodLevel level =
        GroupLevel(results, {GroupKey::Kind::kService, static_cast<int>(flagged_service.service), flagged_service.indicator},
                   current);
    // The reason with its figures: the level as pages show it, the share of 1–2 beside its limit.
    const Flag& flag = flagged_service.flag;
    Sentence below_target;
    if (CompareWithTarget({flag.level.successes, flag.level.n}, results.target).below) {
      below_target.Put(messages["results.flag_below_target"],
                       {{"level", LevelShare(level.key, {flag.level.successes, flag.level.n}, results.target)},
                        {"target", Share("settings/target", results.target)}});
    }
    Sentence too_many;
    const Ratio negative{flag.negative.successes, flag.negative.n};
    const AgainstTarget against_limit = CompareWithTarget(negative, results.negative_limit);
    if (!against_limit.below && ShownTenths(negative, against_limit.digits) > ShownTenths(results.negative_limit, 1)) {
      too_many.Put(messages["results.flag_negative"],
                   {{"share", Share(level.key + "/negative/share", negative, against_limit.digits)},
                    {"limit", Share("settings/negative-limit", results.negative_limit)}});
    }
    Sentence reason;
    if (below_target.text().empty() || too_many.text().empty()) {
      reason << below_target.shown() << too_many.shown();
    } else {
      reason.Put(messages["results.flag_both"],
                 {{"below_target", below_target.shown()}, {"negative", too_many.shown()}});
    }
    // Staff see what the public sees: a level hidden to protect another
    // group is flagged without its numbers.
    const std::string why =
        level.shown ? reason.html() : Hidden(level.key + "/share", messages["results.flag_hidden"]).html;
    flagged.push_back({{"title", service.title},
                       {"indicator", site_.config().indicators[static_cast<size_t>(flagged_service.indicator)].title},
                       {"reason", why},
                       // Staff see what the public sees: a hidden group's ratings stay hidden here too.
                       {"n", level.shown ? Count(level.key + "/ratings", level.level.n).html
                                         : Hidden(level.key + "/ratings", messages["results.not_enough_data"]).html},
                       {"href", site_.config().base_url + "services/" + service.id + "/"}});
  }
  return flagged;
}

void ViewBuilder::InternalResults(json& view) {
  view["title"] = site_.messages()["results.internal_title"];
  if (!context_.results) return;
  const ResultsContext& results = *context_.results;
  const otklik::Period current = LastCompleteQuarter(context_.as_of);
  view["period"] = site_.messages().PeriodLabel(current);
  view["flagged"] = FlaggedRows(current);
  view["target"] = Share("settings/target", results.target).html;
  view["negative_limit"] = Share("settings/negative-limit", results.negative_limit).html;
  json surveys = json::array();
  for (size_t i = 0; i < site_.surveys().size(); ++i) {
    const Survey& survey = site_.surveys()[i];
    if (survey.audience != Audience::kInternal || survey.StateOn(context_.as_of) == SurveyState::kUpcoming) continue;
    surveys.push_back({{"title", survey.title}, {"period", Period(survey)}, {"results", SurveyResults(results, i)}});
  }
  view["surveys"] = surveys;
}

}  // namespace otklik
