#include <algorithm>
#include <array>
#include <functional>

#include "render/decision_views.h"
#include "render/figure.h"
#include "render/russian.h"
#include "render/view_builder.h"

namespace otklik {

using nlohmann::json;

const std::vector<Decision>& ViewBuilder::decisions() const {
  static const std::vector<Decision> kNone;
  return context_.decisions ? context_.decisions->decisions : kNone;
}

json ViewBuilder::DecisionsWhere(const std::function<bool(const Decision&)>& concerns) const {
  json out = json::array();
  for (const Decision* decision : DecisionsOnMap(decisions(), context_.as_of)) {
    if (concerns(*decision)) out.push_back(DecisionSummary(site_, context_.decisions, *decision, context_.as_of, root_));
  }
  return out;
}

void ViewBuilder::DecisionsIndex(json& view) {
  const std::vector<const Decision*> map = DecisionsOnMap(decisions(), context_.as_of);
  std::function<bool(const Decision&)> concerns = [](const Decision&) { return true; };
  const Messages& messages = site_.messages();
  const std::string& title = messages["decisions.title"];
  std::string filter_title;
  switch (page_.kind) {
    case PageKind::kDecisionsByStatus: {
      const size_t f = page_.index;
      concerns = [&, f](const Decision& d) { return MatchesStatus(f, StateOf(d, context_.as_of, kDueSoonDays)); };
      filter_title =
          messages.Format("decisions.filter_status", {{"title", messages[DecisionStatusFilters()[f].title]}});
      break;
    }
    case PageKind::kDecisionsByService: {
      const Service& service = site_.services()[page_.index];
      concerns = [&](const Decision& d) { return d.service == service.id; };
      filter_title = messages.Format("decisions.filter", {{"title", service.title}});
      break;
    }
    case PageKind::kDecisionsBySituation: {
      const LifeSituation& situation = site_.situations()[page_.index];
      concerns = [&](const Decision& d) { return ConcernsSituation(site_, d, situation.id); };
      filter_title = messages.Format("decisions.filter_situation", {{"title", situation.title}});
      break;
    }
    case PageKind::kDecisionsByTouchpoint: {
      const Touchpoint& touchpoint = site_.touchpoints()[page_.index];
      concerns = [&](const Decision& d) { return ConcernsTouchpoint(d, touchpoint.id); };
      filter_title = messages.Format("decisions.filter_touchpoint", {{"title", touchpoint.title}});
      break;
    }
    default: break;
  }
  const bool filtered = page_.kind != PageKind::kDecisions;
  view["title"] =
      filtered ? messages.Format("decisions.filtered_title", {{"title", title}, {"filter", filter_title}}) : title;
  view["description"] = messages["decisions.description"];
  Crumbs(view, filtered ? "decisions/" : nullptr, "nav.decisions_crumb");
  const json items = DecisionsWhere(concerns);
  view["decisions"] = items;
  view["filtered"] = filtered;
  view["filter_title"] = filter_title;
  view["count"] = messages.Count("decisions.problems", static_cast<long>(items.size()));
  view["all_href"] = Href("decisions/");

  // Totals over the whole map, whatever the filter: the four states add up
  // to the map; «срок прошёл» is a part of the open ones, said apart.
  std::array<uint64_t, 4> states{};  // planned, in progress, done, cancelled
  uint64_t overdue = 0;
  for (const Decision* d : map) {
    const DecisionState state = StateOf(*d, context_.as_of, kDueSoonDays);
    ++states[static_cast<size_t>(state.kind)];
    overdue += state.overdue ? 1 : 0;
  }
  const uint64_t unfinished = states[static_cast<size_t>(DecisionState::Kind::kPlanned)] +
                        states[static_cast<size_t>(DecisionState::Kind::kInProgress)];
  const auto state_count = [&](DecisionState::Kind kind, const char* id) {
    return Count(std::string("decisions/state:") + id + "/count", states[static_cast<size_t>(kind)]);
  };
  Sentence parts;
  parts.Put(messages["decisions.totals_by_state"],
            {{"done", state_count(DecisionState::Kind::kDone, "done")},
             {"in_progress", state_count(DecisionState::Kind::kInProgress, "in-progress")},
             {"planned", state_count(DecisionState::Kind::kPlanned, "planned")},
             {"cancelled", state_count(DecisionState::Kind::kCancelled, "cancelled")}});
  Sentence totals;
  totals.Put(messages["decisions.totals"],
             {{"count", Count("decisions/all/count", map.size())},
              {"problems", Words(messages.Plural("decisions.problems", static_cast<long>(map.size())))},
              {"states", Parts("decisions/all/count", parts.shown())}});
  if (overdue > 0) {
    totals << " ";
    totals.Put(messages["decisions.totals_overdue"], {{"overdue", Count("decisions/overdue/count", overdue)},
                                                      {"open", Count("decisions/open/count", unfinished)}});
  }
  view["totals"] = {{"html", totals.html()}};

  // The filters: links to static pages, so they work without JavaScript.
  const auto link = [&](const std::string& url, const std::string& text, size_t count, const std::string& key) {
    return json{{"href", Href(url)}, {"text", text}, {"count", Count(key, count).html}, {"current", page_.url == url}};
  };
  const auto count_where = [&](auto pred) {
    return static_cast<size_t>(std::count_if(map.begin(), map.end(), [&](const Decision* d) { return pred(*d); }));
  };
  json statuses = json::array();
  for (size_t f = 0; f < DecisionStatusFilters().size(); ++f) {
    const size_t n = count_where([&](const Decision& d) { return MatchesStatus(f, StateOf(d, context_.as_of, kDueSoonDays)); });
    if (n > 0) {
      const std::string id = DecisionStatusFilters()[f].id;
      statuses.push_back(link("decisions/status/" + id + "/", messages[DecisionStatusFilters()[f].title], n,
                              id == "overdue" ? "decisions/overdue/count" : "decisions/state:" + id + "/count"));
    }
  }
  json services = json::array();
  for (const Service& s : site_.services()) {
    const size_t n = count_where([&](const Decision& d) { return d.service == s.id; });
    if (n > 0) services.push_back(link("decisions/services/" + s.id + "/", s.title, n, "decisions/service:" + s.id + "/count"));
  }
  json situations = json::array();
  for (const LifeSituation& s : site_.situations()) {
    const size_t n = count_where([&](const Decision& d) { return ConcernsSituation(site_, d, s.id); });
    if (n > 0) {
      situations.push_back(link("decisions/situations/" + s.id + "/", s.title, n, "decisions/situation:" + s.id + "/count"));
    }
  }
  json touchpoints = json::array();
  for (const Touchpoint& t : site_.touchpoints()) {
    const size_t n = count_where([&](const Decision& d) { return ConcernsTouchpoint(d, t.id); });
    if (n > 0) {
      touchpoints.push_back(link("decisions/touchpoints/" + t.id + "/", t.title, n, "decisions/touchpoint:" + t.id + "/count"));
    }
  }
  // A group is unfolded when it holds the page's own filter.
  const auto open = [](const json& links) {
    return std::any_of(links.begin(), links.end(), [](const json& l) { return l["current"] == true; });
  };
  view["filters"] = {{"statuses", statuses},
                     {"services", services},
                     {"services_open", open(services)},
                     {"situations", situations},
                     {"situations_open", open(situations)},
                     {"touchpoints", touchpoints},
                     {"touchpoints_open", open(touchpoints)}};
  view["priority_rule_href"] = Href("results/methodology/") + "#priority";
  view["feed_href"] = root_ + "feed.xml";
}

void ViewBuilder::DecisionPage(json& view) {
  const Decision& decision = decisions()[page_.index];
  view["title"] = decision.title;
  view["description"] = site_.messages().Format("decisions.page_description", {{"title", decision.title}});
  Crumbs(view, "decisions/", "nav.decisions_crumb");
  json d = DecisionSummary(site_, context_.decisions, decision, context_.as_of, root_);
  d["body_html"] = Html(decision.body);
  json situations = json::array();
  for (const std::string& id : SituationsOf(site_, decision)) situations.push_back(SituationLink(*site_.FindSituation(id)));
  json touchpoints = json::array();
  for (const std::string& id : decision.touchpoints) touchpoints.push_back(TouchpointLink(*site_.FindTouchpoint(id)));
  d["situations"] = situations;
  d["touchpoints"] = touchpoints;
  // A page of the pain map exists only when the build has one: no fallback needed.
  const DecisionsContext& context = *context_.decisions;
  d["evidence"] = EvidenceView(site_, context, decision, context_.as_of, root_);
  d["measures"] = MeasuresView(site_.messages(), decision, context_.as_of);
  d["effect"] = EffectOf(site_, context, decision, context_.as_of);
  d["survey_href"] = "";
  // Where to say more: the survey that keeps collecting feedback on the service.
  const json surveys = SurveysAbout(*site_.FindService(decision.service));
  if (!surveys.empty()) d["survey_href"] = surveys.front()["href"];
  view["decision"] = d;
}

json ViewBuilder::RecentDecisionEvents(size_t limit) const {
  json out = json::array();
  for (const DecisionEvent& event : DecisionEvents(decisions(), context_.as_of)) {
    if (out.size() == limit) break;
    out.push_back({{"date", site_.messages().Date(event.date)},
                   {"date_iso", event.date.ToString()},
                   {"text", event.Text(site_.messages())},
                   {"decision", event.decision->title},
                   {"href", Href("decisions/" + event.decision->id + "/")}});
  }
  return out;
}

}  // namespace otklik
