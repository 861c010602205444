#pragma once

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "model/decision.h"
#include "model/messages.h"
#include "model/site.h"
#include "render/report_views.h"
#include "render/results_views.h"

namespace otklik {

/// Days before a deadline from which an open measure is «скоро срок».
inline constexpr int kDueSoonDays = 30;

/// The status filters of /decisions/status/<id>/: overdue, in-progress,
/// planned, done, cancelled.
struct StatusFilter {
  const char* id;
  const char* title;  ///< The catalogue's key of its title («Просрочены», …).
};
const std::vector<StatusFilter>& DecisionStatusFilters();
/// Whether a decision in `state` belongs under filter `filter` (an index
/// into DecisionStatusFilters()).
bool MatchesStatus(size_t filter, const DecisionState& state);

/// The decisions on the map on `as_of`, in the pain map's order.
std::vector<const Decision*> DecisionsOnMap(const std::vector<Decision>& decisions, const Date& as_of);

/// The situations a decision concerns: those it names and those its
/// service belongs to, in the site's order. Its page, the filters and open
/// data all list these.
std::vector<std::string> SituationsOf(const Site& site, const Decision& decision);
/// A decision concerns a situation it names, or one its service belongs to.
bool ConcernsSituation(const Site& site, const Decision& decision, const std::string& situation);
/// A decision concerns a touchpoint it names.
bool ConcernsTouchpoint(const Decision& decision, const std::string& touchpoint);

/// The state in words: «выполнено 15 сентября 2026 г.», «выполняется, срок
/// прошёл», «выполняется», «запланировано», «отменено».
std::string StateLabel(const Messages& messages, const DecisionState& state);
/// A CSS-friendly id of the state: done, overdue, in-progress, planned, cancelled.
std::string StateClass(const DecisionState& state);

/// Something that happened on the map: a problem put on it (no measure) or
/// a measure's status change.
struct DecisionEvent {
  Date date;
  const Decision* decision = nullptr;
  const Measure* measure = nullptr;  ///< nullptr: the decision was put on the map.
  StatusChange change;
  /// «Проблема внесена в карту: …», «Мероприятие «…»: выполнено», …
  std::string Text(const Messages& messages) const;
  /// A stable id within the site: "decisions/<id>", "decisions/<id>/<measure>/<date>-<status>".
  std::string Key() const;
};

/// Every event dated on or before `as_of`, newest first (ties: by key).
std::vector<DecisionEvent> DecisionEvents(const std::vector<Decision>& decisions, const Date& as_of);

class DecisionFacts;

/// What a decision page and lists need beyond the site: the results and
/// the appeals (either may be null), and where a build keeps what it
/// worked out about each decision (may be null).
struct DecisionsContext {
  const std::vector<Decision>& decisions;
  const ResultsContext* results = nullptr;
  const ReportsContext* reports = nullptr;
  DecisionFacts* facts = nullptr;
};

/// One decision for a list: "id", "href", "title", "service", "priority",
/// "prevalence", "state", "state_class", "overdue", "due_soon",
/// "next_deadline", "responsible" and, for a done one, "outcome" (whether
/// it helped, in a few words, from EffectView; needs `context`). `root`
/// leads back to the site root.
nlohmann::json DecisionSummary(const Site& site, const DecisionsContext* context, const Decision& decision,
                               const Date& as_of, const std::string& root);

/// What a decision's prevalence, typed by an editor, says against the
/// published figures of its evidence in the same period. Where they count
/// the same people (the same base), the count must be the one the figure
/// shows (those who rated 1–3, or gave the answers that show the problem),
/// or for appeals at most those on the evidence's topic;
/// a prevalence that repeats a figure disclosure control hides, or counts
/// fewer than k people, is hidden too. `warnings` are for the decision's file.
/// Also warns when the decision's text repeats a hidden figure («3 из 12»).
struct PrevalenceCheck {
  bool hide = false;
  std::vector<std::string> warnings;
};
PrevalenceCheck CheckPrevalence(const Site& site, const DecisionsContext& context, const Decision& decision);

/// The evidence of a decision («Вы сказали»): per item its description, the
/// level or count it had in its period and a link to where it is published.
nlohmann::json EvidenceView(const Site& site, const DecisionsContext& context, const Decision& decision,
                            const Date& as_of, const std::string& root);

/// The measures («Мы сделали»): each with its kind, responsible, deadline,
/// status on `as_of` and its dated history.
nlohmann::json MeasuresView(const Messages& messages, const Decision& decision, const Date& as_of);

/// The effect («Что изменилось»): "note", "outcome" (the first measured
/// verdict in a few words: «стало лучше», «улучшения пока не видно», «стало
/// хуже», «эффект оценим после …»), "items". For a done decision, each evidence item's
/// level (or share of appeals) in its period and in every complete quarter
/// after the decision was done, with intervals, and the change in words
/// including none or a worse one; otherwise why there is no effect yet.
nlohmann::json EffectView(const Site& site, const DecisionsContext& context, const Decision& decision,
                          const Date& as_of);

/// What the views of a decision work out from the figures, once per build
/// however many pages and files list it (its effect, whether its
/// prevalence is hidden): one build's site, context and day. Safe from
/// several threads.
class DecisionFacts {
 public:
  /// EffectView(site, context, decision, as_of), worked out once.
  nlohmann::json Effect(const Site& site, const DecisionsContext& context, const Decision& decision, const Date& as_of);
  /// CheckPrevalence(site, context, decision).hide, worked out once.
  bool PrevalenceHidden(const Site& site, const DecisionsContext& context, const Decision& decision);

 private:
  std::mutex mutex_;
  std::unordered_map<const Decision*, nlohmann::json> effects_;
  std::unordered_map<const Decision*, bool> hidden_;
};

/// The same through `context.facts` when the build keeps them.
nlohmann::json EffectOf(const Site& site, const DecisionsContext& context, const Decision& decision, const Date& as_of);
bool PrevalenceHidden(const Site& site, const DecisionsContext& context, const Decision& decision);

}  // namespace otklik
