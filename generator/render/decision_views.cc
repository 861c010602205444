#include "render/decision_views.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "render/chart.h"
#include "render/figure.h"
#include "stats/suppression.h"
#include "render/russian.h"

namespace otklik {

using nlohmann::json;

const std::vector<StatusFilter>& DecisionStatusFilters() {
  static const std::vector<StatusFilter> kFilters = {{"overdue", "decisions.status_overdue"},
                                                     {"in-progress", "decisions.status_in_progress"},
                                                     {"planned", "decisions.status_planned"},
                                                     {"done", "decisions.status_done"},
                                                     {"cancelled", "decisions.status_cancelled"}};
  return kFilters;
}

bool MatchesStatus(size_t filter, const DecisionState& state) {
  switch (filter) {
    case 0: return state.overdue;
    case 1: return state.kind == DecisionState::Kind::kInProgress;
    case 2: return state.kind == DecisionState::Kind::kPlanned;
    case 3: return state.kind == DecisionState::Kind::kDone;
    case 4: return state.kind == DecisionState::Kind::kCancelled;
    default: return false;
  }
}

std::vector<const Decision*> DecisionsOnMap(const std::vector<Decision>& decisions, const Date& as_of) {
  std::vector<const Decision*> out;
  for (const Decision& decision : decisions) {
    if (OnMap(decision, as_of)) out.push_back(&decision);
  }
  SortByPriority(&out);
  return out;
}

std::vector<std::string> SituationsOf(const Site& site, const Decision& decision) {
  const Service* service = site.FindService(decision.service);
  std::vector<std::string> out;
  for (const LifeSituation& situation : site.situations()) {
    const auto named = [&](const std::vector<std::string>& ids) {
      return std::find(ids.begin(), ids.end(), situation.id) != ids.end();
    };
    if (named(decision.situations) || (service && named(service->situations))) out.push_back(situation.id);
  }
  return out;
}

bool ConcernsSituation(const Site& site, const Decision& decision, const std::string& situation) {
  const std::vector<std::string> situations = SituationsOf(site, decision);
  return std::find(situations.begin(), situations.end(), situation) != situations.end();
}

bool ConcernsTouchpoint(const Decision& decision, const std::string& touchpoint) {
  return std::find(decision.touchpoints.begin(), decision.touchpoints.end(), touchpoint) != decision.touchpoints.end();
}

std::string StateLabel(const Messages& messages, const DecisionState& state) {
  switch (state.kind) {
    case DecisionState::Kind::kDone:
      return messages.Format("decision.state_done", {{"date", messages.Date(*state.completed)}});
    case DecisionState::Kind::kCancelled: return messages["decision.state_cancelled"];
    case DecisionState::Kind::kInProgress:
      return messages[state.overdue ? "decision.state_in_progress_overdue" : "decision.state_in_progress"];
    case DecisionState::Kind::kPlanned:
      return messages[state.overdue ? "decision.state_planned_overdue" : "decision.state_planned"];
  }
  return "";
}

std::string StateClass(const DecisionState& state) {
  if (state.overdue) return "overdue";
  switch (state.kind) {
    case DecisionState::Kind::kDone: return "done";
    case DecisionState::Kind::kCancelled: return "cancelled";
    case DecisionState::Kind::kInProgress: return "in-progress";
    case DecisionState::Kind::kPlanned: return "planned";
  }
  return "";
}

namespace {

// The message of the model's name `name` in `section`: "in-progress" is "<section>.in_progress".
const std::string& NamedMessage(const Messages& messages, const std::string& section, std::string name) {
  std::replace(name.begin(), name.end(), '-', '_');
  return messages[section + "." + name];
}

const std::string& MeasureStatusLabel(const Messages& messages, MeasureStatus status) {
  return NamedMessage(messages, "decision.measure_status", MeasureStatusNames()[static_cast<size_t>(status)]);
}

}  // namespace

std::string DecisionEvent::Text(const Messages& messages) const {
  if (!measure) return messages.Format("decision.event_identified", {{"title", decision->title}});
  return messages.Format("decision.event_measure",
                         {{"measure", measure->title}, {"status", MeasureStatusLabel(messages, change.status)}});
}

std::string DecisionEvent::Key() const {
  if (!measure) return "decisions/" + decision->id;
  return "decisions/" + decision->id + "/" + measure->id + "/" + change.date.ToString() + "-" +
         MeasureStatusNames()[static_cast<size_t>(change.status)];
}

std::vector<DecisionEvent> DecisionEvents(const std::vector<Decision>& decisions, const Date& as_of) {
  std::vector<DecisionEvent> events;
  for (const Decision& decision : decisions) {
    if (!OnMap(decision, as_of)) continue;
    events.push_back({decision.identified, &decision, nullptr, {}});
    for (const Measure& measure : decision.measures) {
      for (const StatusChange& change : HistoryOn(measure, as_of)) events.push_back({change.date, &decision, &measure, change});
    }
  }
  std::sort(events.begin(), events.end(), [](const DecisionEvent& a, const DecisionEvent& b) {
    if (a.date != b.date) return a.date > b.date;
    return a.Key() < b.Key();
  });
  return events;
}

namespace {

std::string Href(const std::string& root, const std::string& url) { return root + url + "index.html"; }

// The unique responsible units of a decision's open measures (all, when none is open).
std::string Responsible(const Decision& decision, const Date& as_of) {
  std::vector<std::string> open;
  std::vector<std::string> all;
  for (const Measure& measure : decision.measures) {
    if (std::find(all.begin(), all.end(), measure.responsible) == all.end()) all.push_back(measure.responsible);
    const MeasureStatus status = StatusOn(measure, as_of);
    if (status == MeasureStatus::kDone || status == MeasureStatus::kCancelled) continue;
    if (std::find(open.begin(), open.end(), measure.responsible) == open.end()) open.push_back(measure.responsible);
  }
  std::string out;
  for (const std::string& unit : open.empty() ? all : open) out += (out.empty() ? "" : "; ") + unit;
  return out;
}

size_t IndexOfService(const Site& site, const std::string& id) {
  return static_cast<size_t>(site.FindService(id) - site.services().data());
}

std::optional<size_t> SurveyIndex(const Site& site, const std::string& id) {
  for (size_t i = 0; i < site.surveys().size(); ++i) {
    if (site.surveys()[i].id == id) return i;
  }
  return std::nullopt;
}

// «Больше 5 минут» или «Не дождался (-лась), звонок прервался»
std::string AnswersText(const Messages& messages, const Slot& slot, const std::vector<std::string>& answers) {
  std::string out;
  for (size_t o = 0; o < slot.options.size(); ++o) {
    if (std::find(answers.begin(), answers.end(), slot.options[o]) == answers.end()) continue;
    const std::string answer = messages.Format("decision.answer", {{"answer", slot.option_texts[o]}});
    out = out.empty() ? answer : messages.Format("decision.answers_or", {{"answers", out}, {"answer", answer}});
  }
  return out;
}

// "survey/s/q/2026-q2/answer:a+b" → "survey/s/q/2026-q2/answered": the base of a share of answers.
std::string ChoiceBaseKey(const std::string& key) { return key.substr(0, key.rfind("/answer:")) + "/answered"; }

// How a survey evidence item is measured: the decision's service within the
// survey's indicator (the overall rating and the parameters, which the site
// counts per service, when the survey asks which service), the share of
// those who gave the answers that show the problem, or any other rating
// over all respondents of the survey (as its results page counts it).
struct Measurement {
  enum class Kind { kServiceOverall, kServiceParameter, kSlot, kChoice, kNone };
  Kind kind = Kind::kNone;
  size_t index = 0;  ///< The parameter, or the slot.
  size_t survey = 0;
  GroupKey group;
  std::vector<std::string> answers;  ///< kChoice.
  std::string caption;  ///< «Доля довольных: оценка оперативности услуги «…»», «Доля ответов …»
  bool higher_is_better = true;  ///< False for the share of answers that show the problem.
};

Measurement MeasurementOf(const Site& site, const ResultsContext& results, const Decision& decision,
                          const Evidence& evidence) {
  Measurement m;
  const std::optional<size_t> survey = SurveyIndex(site, evidence.survey);
  if (!survey) return m;
  m.survey = *survey;
  const Survey& definition = site.surveys()[*survey];
  const Question* question = definition.FindQuestion(evidence.question);
  if (!question) return m;
  const Service* service = site.FindService(decision.service);
  const int indicator = std::max(results.results.IndicatorOf(*survey), 0);
  m.group = {GroupKey::Kind::kService, static_cast<int>(IndexOfService(site, decision.service)), indicator};
  const bool per_service = service && definition.ServiceQuestion() != nullptr;
  const Messages& messages = site.messages();
  // «… (по итогам года)» where the site has several indicators.
  const auto of_indicator = [&](const std::string& what) {
    if (site.config().indicators.size() < 2) return what;
    return messages.Format(
        "decision.what_of_indicator",
        {{"what", what}, {"indicator", site.config().indicators[static_cast<size_t>(indicator)].title}});
  };
  const auto satisfied = [&](const std::string& what) {
    return messages.Format("decision.satisfied_caption", {{"what", what}});
  };
  if (question->role == QuestionRole::kOverall && per_service) {
    m.kind = Measurement::Kind::kServiceOverall;
    m.caption = satisfied(of_indicator(messages.Format("decision.overall_rating", {{"service", service->title}})));
    return m;
  }
  if (question->role == QuestionRole::kParameters && per_service) {
    const std::vector<std::string>& parameters = results.results.parameters();
    const auto it = std::find(parameters.begin(), parameters.end(), evidence.row);
    if (it != parameters.end()) {
      m.kind = Measurement::Kind::kServiceParameter;
      m.index = static_cast<size_t>(it - parameters.begin());
      m.caption = satisfied(of_indicator(
          messages.Format("decision.parameter_rating",
                          {{"parameter", results.results.ParameterText(m.index)}, {"service", service->title}})));
      return m;
    }
  }
  const std::vector<Slot>& slots = results.results.plan(*survey).slots();
  for (size_t i = 0; i < slots.size(); ++i) {
    if (slots[i].question != evidence.question || slots[i].row != evidence.row) continue;
    m.index = i;
    if (!evidence.answers.empty()) {
      m.kind = Measurement::Kind::kChoice;
      m.answers = evidence.answers;
      m.higher_is_better = false;
      m.caption = messages.Format(
          "decision.choice_share_caption",
          {{"answers", AnswersText(messages, slots[i], evidence.answers)}, {"question", slots[i].text}});
    } else {
      m.kind = Measurement::Kind::kSlot;
      m.caption = satisfied(messages.Format("decision.slot_answers", {{"question", slots[i].text}}));
    }
  }
  return m;
}

// A measured figure in one period: a satisfaction level or a share of answers.
PeriodLevel LevelIn(const ResultsContext& results, const Measurement& m, const Period& period) {
  switch (m.kind) {
    case Measurement::Kind::kServiceOverall: return GroupLevel(results, m.group, period);
    case Measurement::Kind::kServiceParameter: return ParameterLevel(results, m.group, m.index, period);
    case Measurement::Kind::kSlot: return SlotLevel(results, m.survey, m.index, period);
    case Measurement::Kind::kChoice: {
      const ChoiceShare choice = results.model.Choice(m.survey, m.index, m.answers, period);
      PeriodLevel level;
      level.period = period;
      level.level = WilsonInterval(choice.share.num, choice.share.den);
      level.any = choice.share.den > 0;
      level.shown = level.any && choice.shown;
      level.key = choice.key;
      return level;
    }
    case Measurement::Kind::kNone: break;
  }
  PeriodLevel none;
  none.period = period;
  return none;
}

// The measured share as pages show it: a level beside the target, a share of answers plainly.
Shown MeasuredShare(const ResultsContext& results, const Measurement& m, const PeriodLevel& level) {
  if (m.kind == Measurement::Kind::kChoice) return Share(level.key + "/share", level.share());
  return LevelShare(level.key, level.share(), results.target);
}

int MeasuredDigits(const ResultsContext& results, const Measurement& m, const PeriodLevel& level) {
  return m.kind == Measurement::Kind::kChoice ? 0 : CompareWithTarget(level.share(), results.target).digits;
}

// Appeals on `topic` (a code or a prefix of whole levels) among all of `quarter`.
struct TopicShare {
  bool has_quarter = false;
  uint64_t topic = 0;
  uint64_t all = 0;
  std::string key;  ///< "appeals/<quarter>/topic:<code>"
  std::string records_key;  ///< "appeals/<quarter>/records"
  Ratio share() const { return {topic, all}; }
};

bool UnderTopic(const std::string& code, const std::string& topic) {
  return code == topic || (code.size() > topic.size() && code.starts_with(topic) && code[topic.size()] == '.');
}

TopicShare TopicShareIn(const Appeals& appeals, const std::string& topic, const Period& quarter) {
  TopicShare share;
  share.key = "appeals/" + quarter.Key() + "/topic:" + topic;
  share.records_key = "appeals/" + quarter.Key() + "/records";
  for (const AppealQuarter& q : appeals.quarters) {
    if (q.year != quarter.year || q.quarter != quarter.index) continue;
    share.has_quarter = true;
    for (const AppealRecord& record : q.records) {
      ++share.all;
      if (UnderTopic(record.topic, topic)) ++share.topic;
    }
  }
  return share;
}

bool TopicsPublic(const Site& site) {
  const std::vector<std::string>& metrics = site.config().public_appeal_metrics;
  return std::find(metrics.begin(), metrics.end(), "topics") != metrics.end();
}

std::string TopicTitle(const Appeals& appeals, const std::string& topic) {
  const std::string* title = appeals.TitleOf(topic);
  return title ? *title : topic;
}

json TopicShareRow(const Messages& messages, const Period& quarter, const TopicShare& share) {
  const bool shown = share.has_quarter && share.all > 0;
  return {{"period", messages.PeriodLabel(quarter)},
          {"short", messages.PeriodShort(quarter)},
          {"shown", shown},
          {"empty", !shown},
          {"percent", shown ? Share(share.key + "/share", share.share()).html : ""},
          {"count", shown ? Count(share.key + "/count", share.topic).html : ""},
          {"n", shown ? Count(share.records_key, share.all).html : ""}};
}

// «90 из 158 респондентов (57 %)», each number a figure of the decision.
std::string PrevalenceHtml(const Messages& messages, const Decision& decision, bool hidden) {
  const Prevalence& p = decision.prevalence;
  const std::string key = "decision/" + decision.id + "/prevalence";
  if (hidden) return Hidden(key + "/count", messages["decision.not_published"]).html;
  const auto count = static_cast<uint64_t>(p.count);
  const auto base = static_cast<uint64_t>(p.base);
  const std::string unit = messages.Plural(
      p.unit == PrevalenceUnit::kRespondents ? "decision.of_respondents" : "decision.of_appeals", p.base);
  Sentence text;
  text.Put(messages[base > 0 ? "decision.prevalence_share" : "decision.prevalence_count"],
           {{"count", Count(key + "/count", count)},
            {"base", Count(key + "/base", base)},
            {"unit", Words(unit)},
            {"share", base > 0 ? Share(key + "/share", {count, base}) : Shown{}}});
  return text.html();
}

// A measured period's row of an effect table.
json MeasuredRow(const ResultsContext& results, const Measurement& m, const PeriodLevel& level) {
  json row = PeriodLevelRow(results, level);
  if (m.kind == Measurement::Kind::kChoice && level.shown) row["percent"] = MeasuredShare(results, m, level).html;
  if (m.kind == Measurement::Kind::kChoice && level.shown) {
    row["n"] = Count(ChoiceBaseKey(level.key), level.level.n).html;
    row["interval"] = Interval(level.key + "/interval", level.level).html;
  }
  return row;
}

// The complete quarters from the one after `day`'s quarter to the last complete one on `as_of`.
std::vector<Period> QuartersAfter(const Date& day, const Date& as_of) {
  std::vector<Period> out;
  const Period last = LastCompleteQuarter(as_of);
  for (Period q = Period::Of(Period::Kind::kQuarter, day).Next(); q <= last; q = q.Next()) out.push_back(q);
  return out;
}

// «Доля довольных во 2-м полугодии 2025 г. — 43 %, в III квартале 2026 г. — 66 %: выросла на 23 процентных
// пункта, это больше погрешности; стало лучше.» The difference is that of the two figures as shown, so the
// sentence agrees with its table; the verdict comes from the exact shares. Says so when nothing changed or
// things got worse.
std::string Verdict(const Messages& messages, const std::string& subject, const Period& before,
                    const Shown& before_share, const std::string& before_key, const Period& after,
                    const Shown& after_share, const std::string& after_key, long tenths, const Change& change,
                    bool higher_is_better) {
  const Shown difference = Difference(after_key + "/change/" + before.Key(), before_key + "/share",
                                      after_key + "/share", tenths, messages["decision.verdict_unchanged"]);
  Sentence moved;
  if (tenths == 0) {
    moved << difference;
  } else {
    const long whole = std::labs(tenths) / 10;
    const std::string points =
        tenths % 10 != 0 ? messages["decision.points_fraction"] : messages.Plural("decision.points", whole);
    moved.Put(messages[tenths > 0 ? "decision.verdict_rose" : "decision.verdict_fell"],
              {{"difference", difference}, {"points", Words(points)}});
  }
  const bool better = (change.difference > 0) == higher_is_better;
  const char* conclusion = change.significant ? (better ? "decision.verdict_better" : "decision.verdict_worse")
                           : tenths == 0      ? "decision.verdict_no_change"
                                              : "decision.verdict_within_error";
  Sentence text;
  text.Put(messages["decision.verdict"], {{"subject", Words(subject)},
                                          {"before_period", Words(messages.PeriodIn(before))},
                                          {"before", before_share},
                                          {"after_period", Words(messages.PeriodIn(after))},
                                          {"after", after_share},
                                          {"change", moved.shown()},
                                          {"conclusion", Words(messages[conclusion])}});
  return text.html();
}

// The verdict over every measured item, for lists: one item's words when all
// agree, else how many improved or worsened of how many, so that a list
// never says «стало лучше» of a page whose second table says otherwise.
std::string CombinedOutcome(const Messages& messages, const json& items) {
  const std::string& better_text = messages["decision.outcome_better"];
  const std::string& worse_text = messages["decision.outcome_worse"];
  long better = 0, worse = 0, measured = 0;
  for (const json& item : items) {
    const std::string outcome = item["outcome"].get<std::string>();
    if (outcome.empty()) continue;
    ++measured;
    better += outcome == better_text ? 1 : 0;
    worse += outcome == worse_text ? 1 : 0;
  }
  if (measured == 0) return "";
  if (better == measured) return better_text;
  if (worse == measured) return worse_text;
  if (better == 0 && worse == 0) return messages["decision.outcome_none"];
  const auto by = [&](const char* key, long n) {
    return messages.Format(
        key, {{"count", messages.Count("decision.of_indicators", n)}, {"measured", std::to_string(measured)}});
  };
  std::string out;
  if (better > 0) out = by("decision.outcome_better_by", better);
  if (worse > 0) out += by(out.empty() ? "decision.outcome_worse_by" : "decision.outcome_also_worse_by", worse);
  const long rest = measured - better - worse;
  if (rest > 0) out += messages[rest == 1 ? "decision.outcome_other_none" : "decision.outcome_others_none"];
  return out;
}

// «стало лучше», «улучшения пока не видно», «стало хуже»: the verdict in a few words for lists.
std::string Outcome(const Messages& messages, const Change& change, bool higher_is_better) {
  if (!change.significant) return messages["decision.outcome_none"];
  return messages[(change.difference > 0) == higher_is_better ? "decision.outcome_better" : "decision.outcome_worse"];
}

}  // namespace

PrevalenceCheck CheckPrevalence(const Site& site, const DecisionsContext& context, const Decision& decision) {
  PrevalenceCheck check;
  const Prevalence& prevalence = decision.prevalence;
  const std::string where = "распространённость «" + prevalence.Text() + "»";
  const auto warn = [&](const std::string& text) { check.warnings.push_back(text); };
  // Pairs (count, base) the site does not show, to look for in the decision's text.
  std::vector<std::pair<uint64_t, uint64_t>> hidden_pairs;
  if (context.results) {
    const ResultsContext& results = *context.results;
    if (prevalence.unit == PrevalenceUnit::kRespondents && TooSmall(static_cast<uint64_t>(prevalence.base),
                                                                      results.disclosure.k())) {
      check.hide = true;
      warn(where + " — меньше " + std::to_string(results.disclosure.k()) + " человек, на сайте она не показывается");
    }
    for (const Evidence& evidence : decision.evidence) {
      const std::optional<Period> period = Period::FromKey(evidence.period);
      if (evidence.kind != Evidence::Kind::kSurvey || !period) continue;
      const Measurement m = MeasurementOf(site, results, decision, evidence);
      if (m.kind == Measurement::Kind::kNone) continue;
      const PeriodLevel level = LevelIn(results, m, *period);
      if (!level.any) continue;
      // Those with the problem: the chosen answers, or ratings below 4.
      const uint64_t base = level.level.n;
      const uint64_t problem = m.kind == Measurement::Kind::kChoice ? level.level.successes : base - level.level.successes;
      if (!level.shown) hidden_pairs.emplace_back(problem, base);
      if (prevalence.unit != PrevalenceUnit::kRespondents || static_cast<uint64_t>(prevalence.base) != base) continue;
      if (!level.shown) {
        check.hide = true;
        warn(where + " повторяет данные, которые на сайте скрыты (" + PeriodLabel(*period) +
             ", меньше порога или их можно вычислить); на сайте она не показывается");
      } else if (static_cast<uint64_t>(prevalence.count) != problem) {
        warn(where + " не совпадает с основанием за " + PeriodLabel(*period) + ": из " + std::to_string(base) +
             (m.kind == Measurement::Kind::kChoice ? " ответивших так ответили " : " оценок ниже 4 — ") +
             std::to_string(problem));
      }
    }
  }
  if (context.reports && prevalence.unit == PrevalenceUnit::kAppeals) {
    for (const Evidence& evidence : decision.evidence) {
      const std::optional<Period> period = Period::FromKey(evidence.period);
      if (evidence.kind != Evidence::Kind::kAppeals || !period) continue;
      const TopicShare share = TopicShareIn(context.reports->appeals, evidence.topic, *period);
      // The prevalence may count a part of the topic (appeals about one
      // document among all on payments), never more than all of it.
      if (share.all == static_cast<uint64_t>(prevalence.base) && static_cast<uint64_t>(prevalence.count) > share.topic) {
        warn(where + " больше, чем обращений по теме за " + PeriodLabel(*period) + ": по теме " + evidence.topic +
             " — " + std::to_string(share.topic) + " из " + std::to_string(share.all));
      }
    }
  }
  for (const auto& [count, base] : hidden_pairs) {
    const std::string pair = std::to_string(count) + " из " + std::to_string(base);
    if (decision.body.find(pair) != std::string::npos) {
      warn("в тексте решения «" + pair + "» — эти данные на сайте скрыты; уберите число из текста");
    }
  }
  return check;
}

json DecisionSummary(const Site& site, const DecisionsContext* context, const Decision& decision, const Date& as_of,
                     const std::string& root) {
  const DecisionState state = StateOf(decision, as_of, kDueSoonDays);
  std::string outcome;
  if (context && state.kind == DecisionState::Kind::kDone) {
    outcome = EffectOf(site, *context, decision, as_of)["outcome"].get<std::string>();
  }
  const Service* service = site.FindService(decision.service);
  const bool prevalence_hidden = context && PrevalenceHidden(site, *context, decision);
  const Messages& messages = site.messages();
  return {{"id", decision.id},
          {"href", Href(root, "decisions/" + decision.id + "/")},
          {"title", decision.title},
          {"service", {{"title", service->title}, {"href", Href(root, "services/" + service->id + "/")}}},
          {"priority",
           NamedMessage(messages, "decision.priorities", PriorityNames()[static_cast<size_t>(decision.priority)])},
          {"priority_id", PriorityNames()[static_cast<size_t>(decision.priority)]},
          {"prevalence", PrevalenceHtml(messages, decision, prevalence_hidden)},
          {"identified", messages.Date(decision.identified)},
          {"state", StateLabel(messages, state)},
          {"state_class", StateClass(state)},
          {"overdue", state.overdue},
          {"due_soon", state.due_soon},
          {"next_deadline", state.next_deadline ? messages.Date(*state.next_deadline) : ""},
          {"measures_count", messages.Count("decision.measures", static_cast<long>(decision.measures.size()))},
          {"responsible", Responsible(decision, as_of)},
          {"outcome", outcome}};
}

namespace {

// A theme of open answers as evidence: how many answers fell under it, of
// how many, never their texts.
json ThemeEvidenceView(const Site& site, const DecisionsContext& context, const Decision& decision,
                       const Evidence& evidence, const Date& as_of, const std::string& root, json item) {
  const std::optional<size_t> survey = SurveyIndex(site, evidence.survey);
  const Survey& definition = site.surveys()[*survey];
  const Question* question = OpenQuestionOf(definition, evidence.question);
  const size_t theme = *site.themes().Find(evidence.theme);
  const Service* service = site.FindService(decision.service);
  const bool per_service = service && definition.ServiceQuestion();
  const Messages& messages = site.messages();
  item["text"] = messages.Format(per_service ? "decision.evidence_theme_of_service" : "decision.evidence_theme",
                                 {{"question", question->text},
                                  {"survey", definition.title},
                                  {"service", per_service ? service->title : ""},
                                  {"theme", site.themes().themes[theme].title}});
  const std::optional<Period> period = Period::FromKey(evidence.period);
  if (!context.results || !period) return item;
  const ResultsContext& results = *context.results;
  const SurveyPlan& plan = results.results.plan(*survey);
  size_t slot = 0;
  while (slot < plan.slots().size() && plan.slots()[slot].question != question->id) ++slot;
  const int service_index = per_service ? static_cast<int>(service - site.services().data()) : -1;
  const ThemeCount count = results.model.Theme(*survey, slot, theme, service_index, *period);
  if (count.shown) {
    Sentence line;
    line.Put(messages["decision.counted_of"],
             {{"count", Count(count.key + "/count", count.count)},
              {"noun", Words(messages.Plural("decision.answers", static_cast<long>(count.count)))},
              {"all", Count(count.answered_key(), count.answered)},
              {"share", Share(count.key + "/share", Ratio{count.count, count.answered})}});
    item["level"] = {{"html", line.html()}};
  } else if (count.answered > 0) {
    item["level"] = {{"html", Hidden(count.key + "/count", messages["decision.not_published"]).html}};
  } else {
    item["level"] = {{"html", Words(messages["decision.no_open_answers"]).html}};
  }
  const std::vector<Period> periods = results.results.ResultPeriods(*survey, as_of);
  if (std::find(periods.begin(), periods.end(), *period) != periods.end()) {
    item["href"] = Href(root, "surveys/" + definition.id + "/results/" + period->Key() + "/");
    item["link_text"] = messages.Format("decision.survey_results_link", {{"period", messages.PeriodLabel(*period)}});
  }
  return item;
}

}  // namespace

json EvidenceView(const Site& site, const DecisionsContext& context, const Decision& decision, const Date& as_of,
                  const std::string& root) {
  const Messages& messages = site.messages();
  json items = json::array();
  for (const Evidence& evidence : decision.evidence) {
    const std::optional<Period> period = Period::FromKey(evidence.period);
    json item = {{"survey", evidence.kind == Evidence::Kind::kSurvey},
                 {"period", period ? messages.PeriodLabel(*period) : evidence.period},
                 {"text", ""},
                 {"level", nullptr},
                 {"href", ""},
                 {"link_text", ""}};
    if (evidence.kind == Evidence::Kind::kAppeals) {
      const Appeals* appeals = context.reports ? &context.reports->appeals : nullptr;
      item["text"] = messages.Format(
          "decision.evidence_appeals",
          {{"topic", appeals ? TopicTitle(*appeals, evidence.topic) : evidence.topic}, {"code", evidence.topic}});
      if (appeals && period && TopicsPublic(site)) {
        const TopicShare share = TopicShareIn(*appeals, evidence.topic, *period);
        if (share.all > 0) {
          Sentence text;
          text.Put(messages["decision.counted_of"],
                   {{"count", Count(share.key + "/count", share.topic)},
                    {"noun", Words(messages.Plural("decision.appeals", static_cast<long>(share.topic)))},
                    {"all", Count(share.records_key, share.all)},
                    {"share", Share(share.key + "/share", share.share())}});
          item["level"] = {{"html", text.html()}};
        }
      }
      if (context.reports && period && IsPublished(context.reports->reports, *period, as_of)) {
        item["href"] = Href(root, "reports/" + period->Key() + "/");
        item["link_text"] = messages.Format("decision.appeals_report_link", {{"period", messages.PeriodLabel(*period)}});
      }
      items.push_back(std::move(item));
      continue;
    }
    if (evidence.kind == Evidence::Kind::kTheme) {
      items.push_back(ThemeEvidenceView(site, context, decision, evidence, as_of, root, std::move(item)));
      continue;
    }
    const Survey* survey = site.FindSurvey(evidence.survey);
    const Question* question = survey->FindQuestion(evidence.question);
    const auto row = std::find_if(question->rows.begin(), question->rows.end(),
                                  [&](const MatrixRow& r) { return !evidence.row.empty() && r.id == evidence.row; });
    item["text"] = messages.Format(row != question->rows.end() ? "decision.evidence_row" : "decision.evidence_question",
                                   {{"question", question->text},
                                    {"row", row != question->rows.end() ? row->text : ""},
                                    {"survey", survey->title}});
    if (context.results && period) {
      const ResultsContext& results = *context.results;
      const Measurement m = MeasurementOf(site, results, decision, evidence);
      const PeriodLevel level = LevelIn(results, m, *period);
      Sentence line;
      if (level.shown && m.kind == Measurement::Kind::kChoice) {
        line.Put(messages["decision.choice_level"],
                 {{"answers", Words(AnswersText(messages, results.results.plan(m.survey).slots()[m.index], m.answers))},
                  {"count", Count(level.key + "/count", level.level.successes)},
                  {"all", Count(ChoiceBaseKey(level.key), level.level.n)},
                  {"share", MeasuredShare(results, m, level)}});
        item["level"] = {{"html", line.html()}};
      } else if (level.shown) {
        line.Put(
            messages[question->kind == QuestionKind::kSatisfaction ? "decision.satisfied_level"
                                                                   : "decision.rating_level"],
            {{"share", MeasuredShare(results, m, level)}, {"count", Count(level.key + "/ratings", level.level.n)}});
        item["level"] = {{"html", line.html()}};
      } else if (level.any) {
        item["level"] = {{"html", Hidden(level.key + "/share", messages["decision.not_published"]).html}};
      }
      if (m.kind == Measurement::Kind::kServiceOverall || m.kind == Measurement::Kind::kServiceParameter) {
        item["href"] = Href(root, "services/" + decision.service + "/") + "#results-" +
                       site.config().indicators[static_cast<size_t>(m.group.indicator)].id;
        item["link_text"] = messages["decisions.results_link"];
      }
    }
    if (item["href"] == "" && survey->StateOn(as_of) == SurveyState::kCompleted) {
      item["href"] = Href(root, "surveys/" + survey->id + "/");
      item["link_text"] = messages["decision.survey_link"];
    }
    items.push_back(std::move(item));
  }
  return items;
}

json MeasuresView(const Messages& messages, const Decision& decision, const Date& as_of) {
  json measures = json::array();
  for (const Measure& measure : decision.measures) {
    const MeasureStatus status = StatusOn(measure, as_of);
    const bool overdue = IsOverdue(measure, as_of);
    json history = json::array();
    for (const StatusChange& change : HistoryOn(measure, as_of)) {
      history.push_back({{"date", messages.Date(change.date)},
                         {"date_iso", change.date.ToString()},
                         {"status", MeasureStatusLabel(messages, change.status)},
                         {"note", change.note}});
    }
    measures.push_back({{"id", measure.id},
                        {"title", measure.title},
                        {"kind", NamedMessage(messages, "decision.measure_kinds",
                                              MeasureKindNames()[static_cast<size_t>(measure.kind)])},
                        {"responsible", measure.responsible},
                        {"deadline", messages.Date(measure.deadline)},
                        {"deadline_iso", measure.deadline.ToString()},
                        {"status", MeasureStatusLabel(messages, status)},
                        {"status_id", MeasureStatusNames()[static_cast<size_t>(status)]},
                        {"overdue", overdue},
                        {"history", history}});
  }
  return measures;
}

json EffectView(const Site& site, const DecisionsContext& context, const Decision& decision, const Date& as_of) {
  const Messages& messages = site.messages();
  const DecisionState state = StateOf(decision, as_of, kDueSoonDays);
  json effect = {{"done", state.kind == DecisionState::Kind::kDone},
                 {"note", ""},
                 {"outcome", ""},
                 {"items", json::array()}};
  if (state.kind == DecisionState::Kind::kCancelled) {
    effect["note"] = messages["decision.effect_cancelled"];
    return effect;
  }
  if (state.kind != DecisionState::Kind::kDone) {
    effect["note"] = messages["decisions.effect_later"];
    return effect;
  }
  const std::vector<Period> after = QuartersAfter(*state.completed, as_of);
  if (after.empty()) {
    const Period next = Period::Of(Period::Kind::kQuarter, *state.completed).Next();
    effect["note"] = messages.Format("decision.effect_too_early",
                                     {{"done", messages.Date(*state.completed)}, {"after", messages.Date(next.last())}});
    effect["outcome"] = messages.Format("decision.outcome_after", {{"date", messages.Date(next.last())}});
    return effect;
  }
  for (const Evidence& evidence : decision.evidence) {
    const std::optional<Period> before = Period::FromKey(evidence.period);
    if (!before) continue;
    json item = {{"what", ""},
                 {"share_heading", messages["decision.satisfied_share"]},
                 {"rows", json::array()},
                 {"verdict", ""},
                 {"outcome", ""},
                 {"appeals", false}};
    if (evidence.kind == Evidence::Kind::kAppeals) {
      if (!context.reports || !TopicsPublic(site)) continue;
      const Appeals& appeals = context.reports->appeals;
      item["appeals"] = true;
      item["what"] = messages.Format("decision.topic_share_caption", {{"topic", TopicTitle(appeals, evidence.topic)}});
      const TopicShare first = TopicShareIn(appeals, evidence.topic, *before);
      item["rows"].push_back(TopicShareRow(messages, *before, first));
      TopicShare last = first;
      Period last_period = *before;
      for (const Period& quarter : after) {
        const TopicShare share = TopicShareIn(appeals, evidence.topic, quarter);
        item["rows"].push_back(TopicShareRow(messages, quarter, share));
        if (share.has_quarter && share.all > 0) {
          last = share;
          last_period = quarter;
        }
      }
      if (first.all > 0 && last.all > 0 && last_period != *before) {
        const Change change =
            ChangeBetween(WilsonInterval(first.topic, first.all), WilsonInterval(last.topic, last.all));
        const long tenths = ShownTenths(last.share(), 0) - ShownTenths(first.share(), 0);
        item["verdict"] =
            Verdict(messages, messages["decision.topic_share"], *before, Share(first.key + "/share", first.share()),
                    first.key, last_period, Share(last.key + "/share", last.share()), last.key, tenths, change, false);
        item["outcome"] = Outcome(messages, change, false);
      } else {
        item["verdict"] = Words(messages["decision.no_appeals_after"]).html;
      }
      effect["items"].push_back(std::move(item));
      continue;
    }
    // A theme's count before and after says little without a comparable base: not measured.
    if (evidence.kind == Evidence::Kind::kTheme || !context.results) continue;
    const ResultsContext& results = *context.results;
    const Measurement m = MeasurementOf(site, results, decision, evidence);
    if (m.kind == Measurement::Kind::kNone) continue;
    item["what"] = m.caption;
    const std::string& share =
        messages[m.kind == Measurement::Kind::kChoice ? "decision.choice_share" : "decision.satisfied_share"];
    item["share_heading"] = share;
    const PeriodLevel first = LevelIn(results, m, *before);
    item["rows"].push_back(MeasuredRow(results, m, first));
    const PeriodLevel* last = nullptr;
    std::vector<PeriodLevel> levels;
    levels.reserve(after.size());
    for (const Period& quarter : after) {
      levels.push_back(LevelIn(results, m, quarter));
      item["rows"].push_back(MeasuredRow(results, m, levels.back()));
      if (levels.back().shown) last = &levels.back();
    }
    if (!first.shown || !last) {
      item["verdict"] =
          Words(messages.Format("decision.not_enough_to_compare", {{"k", std::to_string(results.disclosure.k())}}))
              .html;
    } else {
      const Change change = ChangeBetween(first.level, last->level);
      const long tenths = ShownTenths(last->share(), MeasuredDigits(results, m, *last)) -
                          ShownTenths(first.share(), MeasuredDigits(results, m, first));
      item["verdict"] = Verdict(messages, share, *before, MeasuredShare(results, m, first), first.key, last->period,
                                MeasuredShare(results, m, *last), last->key, tenths, change, m.higher_is_better);
      item["outcome"] = Outcome(messages, change, m.higher_is_better);
    }
    effect["items"].push_back(std::move(item));
  }
  if (effect["items"].empty()) effect["note"] = messages["decision.no_data_to_compare"];
  effect["outcome"] = CombinedOutcome(messages, effect["items"]);
  return effect;
}

}  // namespace otklik
