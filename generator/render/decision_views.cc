#include "render/decision_views.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/plural.h"
#include "render/chart.h"
#include "render/russian.h"

namespace otklik {

using nlohmann::json;

const std::vector<StatusFilter>& DecisionStatusFilters() {
  static const std::vector<StatusFilter> kFilters = {{"overdue", "Просрочены"},
                                                     {"in-progress", "Выполняются"},
                                                     {"planned", "Запланированы"},
                                                     {"done", "Выполнены"},
                                                     {"cancelled", "Отменены"}};
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

bool ConcernsSituation(const Site& site, const Decision& decision, const std::string& situation) {
  if (std::find(decision.situations.begin(), decision.situations.end(), situation) != decision.situations.end()) {
    return true;
  }
  const Service* service = site.FindService(decision.service);
  return service && std::find(service->situations.begin(), service->situations.end(), situation) !=
                        service->situations.end();
}

bool ConcernsTouchpoint(const Decision& decision, const std::string& touchpoint) {
  return std::find(decision.touchpoints.begin(), decision.touchpoints.end(), touchpoint) != decision.touchpoints.end();
}

std::string StateLabel(const DecisionState& state) {
  switch (state.kind) {
    case DecisionState::Kind::kDone: return "выполнено " + RussianDate(*state.completed);
    case DecisionState::Kind::kCancelled: return "отменено";
    case DecisionState::Kind::kInProgress: return state.overdue ? "выполняется, срок прошёл" : "выполняется";
    case DecisionState::Kind::kPlanned: return state.overdue ? "запланировано, срок прошёл" : "запланировано";
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

std::string DecisionEvent::Text() const {
  if (!measure) return "Проблема внесена в карту: " + decision->title;
  const std::string& status = MeasureStatusLabels()[static_cast<size_t>(change.status)];
  return "Мероприятие «" + measure->title + "»: " + status;
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

// How a survey evidence item is measured: over the decision's service (the
// overall rating and the parameters, which the site counts per service) or
// over all respondents of the survey (any other rating question).
struct Measurement {
  enum class Kind { kServiceOverall, kServiceParameter, kSlot, kNone };
  Kind kind = Kind::kNone;
  size_t index = 0;  ///< The parameter, or the slot.
  size_t survey = 0;
  GroupKey group;
  std::string what;  ///< «оценка оперативности услуги «…»»
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
  m.group = {GroupKey::Kind::kService, static_cast<int>(IndexOfService(site, decision.service))};
  if (question->role == QuestionRole::kOverall && service) {
    m.kind = Measurement::Kind::kServiceOverall;
    m.what = "общая оценка услуги «" + service->title + "»";
    return m;
  }
  if (question->role == QuestionRole::kParameters && service) {
    const std::vector<std::string>& parameters = results.results.parameters();
    const auto it = std::find(parameters.begin(), parameters.end(), evidence.row);
    if (it != parameters.end()) {
      m.kind = Measurement::Kind::kServiceParameter;
      m.index = static_cast<size_t>(it - parameters.begin());
      m.what = "оценка «" + results.results.ParameterText(m.index) + "» по услуге «" + service->title + "»";
      return m;
    }
  }
  const std::vector<Slot>& slots = results.results.plan(*survey).slots();
  for (size_t i = 0; i < slots.size(); ++i) {
    if (slots[i].question == evidence.question && slots[i].row == evidence.row) {
      m.kind = Measurement::Kind::kSlot;
      m.index = i;
      m.what = "ответы на вопрос «" + slots[i].text + "» (все участники опроса)";
    }
  }
  return m;
}

PeriodLevel LevelIn(const ResultsContext& results, const Measurement& m, const Period& period) {
  switch (m.kind) {
    case Measurement::Kind::kServiceOverall: return GroupLevel(results, m.group, period);
    case Measurement::Kind::kServiceParameter: return ParameterLevel(results, m.group, m.index, period);
    case Measurement::Kind::kSlot: return SlotLevel(results, m.survey, m.index, period);
    case Measurement::Kind::kNone: break;
  }
  return {period, {}, 0, false, false};
}

// Appeals on `topic` (a code or a prefix of whole levels) among all of `quarter`.
struct TopicShare {
  bool has_quarter = false;
  uint64_t topic = 0;
  uint64_t all = 0;
};

bool UnderTopic(const std::string& code, const std::string& topic) {
  return code == topic || (code.size() > topic.size() && code.starts_with(topic) && code[topic.size()] == '.');
}

TopicShare TopicShareIn(const Appeals& appeals, const std::string& topic, const Period& quarter) {
  TopicShare share;
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

json TopicShareRow(const Period& quarter, const TopicShare& share) {
  const Proportion p = WilsonInterval(share.topic, share.all);
  const bool shown = share.has_quarter && share.all > 0;
  return {{"period", PeriodLabel(quarter)},
          {"short", PeriodShort(quarter)},
          {"shown", shown},
          {"empty", !shown},
          {"percent", shown ? Percent(p.share) : ""},
          {"count", shown ? std::to_string(share.topic) : ""},
          {"n", shown ? std::to_string(share.all) : ""}};
}

// The complete quarters from the one after `day`'s quarter to the last complete one on `as_of`.
std::vector<Period> QuartersAfter(const Date& day, const Date& as_of) {
  std::vector<Period> out;
  const Period last = LastCompleteQuarter(as_of);
  for (Period q = Period::Of(Period::Kind::kQuarter, day).Next(); q <= last; q = q.Next()) out.push_back(q);
  return out;
}

// «Доля довольных во 2-м полугодии 2025 г. — 43 %, в III квартале 2026 г. — 66 %: выросла на 23 процентных
// пункта, это больше погрешности; стало лучше.» Says so when nothing changed or things got worse.
std::string Verdict(const std::string& subject, const Period& before, double before_share, const Period& after,
                    double after_share, const Change& change, bool higher_is_better) {
  const long points = std::lround(std::fabs(change.difference) * 100);
  std::string text = subject + " " + PeriodIn(before) + " — " + Percent(before_share) + ", " + PeriodIn(after) +
                     " — " + Percent(after_share) + ": ";
  if (points == 0) return text + "не изменилась; улучшения пока не видно.";
  text += std::string(change.difference > 0 ? "выросла" : "снизилась") + " на " + std::to_string(points) + "\u00A0" +
          RussianPlural(points, "процентный пункт", "процентных пункта", "процентных пунктов");
  if (!change.significant) return text + ", это в пределах погрешности; улучшения пока не видно.";
  const bool better = (change.difference > 0) == higher_is_better;
  return text + ", это больше погрешности; " + (better ? "стало лучше." : "стало хуже.");
}

// «стало лучше», «улучшения пока не видно», «стало хуже»: the verdict in a few words for lists.
std::string Outcome(const Change& change, bool higher_is_better) {
  if (!change.significant) return "улучшения пока не видно";
  return (change.difference > 0) == higher_is_better ? "стало лучше" : "стало хуже";
}

}  // namespace

json DecisionSummary(const Site& site, const DecisionsContext* context, const Decision& decision, const Date& as_of,
                     const std::string& root) {
  const DecisionState state = StateOf(decision, as_of, kDueSoonDays);
  std::string outcome;
  if (context && state.kind == DecisionState::Kind::kDone) {
    outcome = EffectView(site, *context, decision, as_of)["outcome"].get<std::string>();
  }
  const Service* service = site.FindService(decision.service);
  return {{"id", decision.id},
          {"href", Href(root, "decisions/" + decision.id + "/")},
          {"title", decision.title},
          {"service", {{"title", service->title}, {"href", Href(root, "services/" + service->id + "/")}}},
          {"priority", PriorityLabels()[static_cast<size_t>(decision.priority)]},
          {"priority_id", PriorityNames()[static_cast<size_t>(decision.priority)]},
          {"prevalence", decision.prevalence.Text()},
          {"identified", RussianDate(decision.identified)},
          {"state", StateLabel(state)},
          {"state_class", StateClass(state)},
          {"overdue", state.overdue},
          {"due_soon", state.due_soon},
          {"next_deadline", state.next_deadline ? RussianDate(*state.next_deadline) : ""},
          {"measures_count",
           CountWithNoun(static_cast<long>(decision.measures.size()), "мероприятие", "мероприятия", "мероприятий")},
          {"responsible", Responsible(decision, as_of)},
          {"outcome", outcome}};
}

json EvidenceView(const Site& site, const DecisionsContext& context, const Decision& decision, const Date& as_of,
                  const std::string& root) {
  json items = json::array();
  for (const Evidence& evidence : decision.evidence) {
    const std::optional<Period> period = Period::FromKey(evidence.period);
    json item = {{"survey", evidence.kind == Evidence::Kind::kSurvey},
                 {"period", period ? PeriodLabel(*period) : evidence.period},
                 {"text", ""},
                 {"level", nullptr},
                 {"href", ""},
                 {"link_text", ""}};
    if (evidence.kind == Evidence::Kind::kAppeals) {
      const Appeals* appeals = context.reports ? &context.reports->appeals : nullptr;
      item["text"] = "Обращения по теме «" + (appeals ? TopicTitle(*appeals, evidence.topic) : evidence.topic) +
                     "» (" + evidence.topic + ")";
      if (appeals && period && TopicsPublic(site)) {
        const TopicShare share = TopicShareIn(*appeals, evidence.topic, *period);
        if (share.all > 0) {
          item["level"] = {{"text", CountWithNoun(static_cast<long>(share.topic), "обращение", "обращения", "обращений") +
                                        " из " + std::to_string(share.all) + " (" +
                                        Percent(static_cast<double>(share.topic) / static_cast<double>(share.all)) + ")"}};
        }
      }
      if (context.reports && period && IsPublished(context.reports->reports, *period, as_of)) {
        item["href"] = Href(root, "reports/" + period->Key() + "/");
        item["link_text"] = "Отчёт об обращениях за " + PeriodLabel(*period);
      }
      items.push_back(std::move(item));
      continue;
    }
    const Survey* survey = site.FindSurvey(evidence.survey);
    const Question* question = survey->FindQuestion(evidence.question);
    std::string text = "Вопрос «" + question->text + "»";
    if (!evidence.row.empty()) {
      for (const MatrixRow& row : question->rows) {
        if (row.id == evidence.row) text += ", строка «" + row.text + "»";
      }
    }
    item["text"] = text + " опроса «" + survey->title + "»";
    if (context.results && period) {
      const Measurement m = MeasurementOf(site, *context.results, decision, evidence);
      const PeriodLevel level = LevelIn(*context.results, m, *period);
      if (level.shown) {
        const std::string share = question->kind == QuestionKind::kSatisfaction ? "доля ответов «скорее удовлетворён»"
                                                                                 : "доля оценок 4 и 5";
        item["level"] = {{"text", share + " — " + Percent(level.level.share) + ", ответов — " +
                                      std::to_string(level.level.n)}};
      } else if (level.any) {
        item["level"] = {{"text", "недостаточно данных для публикации"}};
      }
      if (m.kind == Measurement::Kind::kServiceOverall || m.kind == Measurement::Kind::kServiceParameter) {
        item["href"] = Href(root, "services/" + decision.service + "/") + "#results-heading";
        item["link_text"] = "Результаты опросов по услуге";
      }
    }
    if (item["href"] == "" && survey->StateOn(as_of) == SurveyState::kCompleted) {
      item["href"] = Href(root, "surveys/" + survey->id + "/");
      item["link_text"] = "Итоги опроса";
    }
    items.push_back(std::move(item));
  }
  return items;
}

json MeasuresView(const Decision& decision, const Date& as_of) {
  json measures = json::array();
  for (const Measure& measure : decision.measures) {
    const MeasureStatus status = StatusOn(measure, as_of);
    const bool overdue = IsOverdue(measure, as_of);
    json history = json::array();
    for (const StatusChange& change : HistoryOn(measure, as_of)) {
      history.push_back({{"date", RussianDate(change.date)},
                         {"date_iso", change.date.ToString()},
                         {"status", MeasureStatusLabels()[static_cast<size_t>(change.status)]},
                         {"note", change.note}});
    }
    measures.push_back({{"id", measure.id},
                        {"title", measure.title},
                        {"kind", MeasureKindLabels()[static_cast<size_t>(measure.kind)]},
                        {"responsible", measure.responsible},
                        {"deadline", RussianDate(measure.deadline)},
                        {"deadline_iso", measure.deadline.ToString()},
                        {"status", MeasureStatusLabels()[static_cast<size_t>(status)]},
                        {"status_id", MeasureStatusNames()[static_cast<size_t>(status)]},
                        {"overdue", overdue},
                        {"history", history}});
  }
  return measures;
}

json EffectView(const Site& site, const DecisionsContext& context, const Decision& decision, const Date& as_of) {
  const DecisionState state = StateOf(decision, as_of, kDueSoonDays);
  json effect = {{"done", state.kind == DecisionState::Kind::kDone},
                 {"note", ""},
                 {"outcome", ""},
                 {"items", json::array()}};
  if (state.kind == DecisionState::Kind::kCancelled) {
    effect["note"] = "Мероприятия отменены, поэтому эффект не оценивается.";
    return effect;
  }
  if (state.kind != DecisionState::Kind::kDone) {
    effect["note"] = "Эффект оценим, когда все мероприятия будут выполнены: сравним ответы граждан до и после.";
    return effect;
  }
  const std::vector<Period> after = QuartersAfter(*state.completed, as_of);
  if (after.empty()) {
    const Period next = Period::Of(Period::Kind::kQuarter, *state.completed).Next();
    effect["note"] = "Мероприятия выполнены " + RussianDate(*state.completed) +
                     "; эффект можно будет оценить после " + RussianDate(next.last()) +
                     ", когда закончится первый полный квартал после выполнения.";
    effect["outcome"] = "эффект оценим после " + RussianDate(next.last());
    return effect;
  }
  for (const Evidence& evidence : decision.evidence) {
    const std::optional<Period> before = Period::FromKey(evidence.period);
    if (!before) continue;
    json item = {{"what", ""}, {"rows", json::array()}, {"verdict", ""}, {"outcome", ""}, {"appeals", false}};
    if (evidence.kind == Evidence::Kind::kAppeals) {
      if (!context.reports || !TopicsPublic(site)) continue;
      const Appeals& appeals = context.reports->appeals;
      item["appeals"] = true;
      item["what"] = "Доля обращений по теме «" + TopicTitle(appeals, evidence.topic) + "» среди всех обращений";
      const TopicShare first = TopicShareIn(appeals, evidence.topic, *before);
      item["rows"].push_back(TopicShareRow(*before, first));
      TopicShare last = first;
      Period last_period = *before;
      for (const Period& quarter : after) {
        const TopicShare share = TopicShareIn(appeals, evidence.topic, quarter);
        item["rows"].push_back(TopicShareRow(quarter, share));
        if (share.has_quarter && share.all > 0) {
          last = share;
          last_period = quarter;
        }
      }
      if (first.all > 0 && last.all > 0 && last_period != *before) {
        const Proportion was = WilsonInterval(first.topic, first.all);
        const Proportion now = WilsonInterval(last.topic, last.all);
        const Change change = ChangeBetween(was, now);
        item["verdict"] = Verdict("Доля обращений по теме", *before, was.share, last_period, now.share, change, false);
        item["outcome"] = Outcome(change, false);
      } else {
        item["verdict"] = "Записей об обращениях после выполнения пока нет.";
      }
      effect["items"].push_back(std::move(item));
      continue;
    }
    if (!context.results) continue;
    const Measurement m = MeasurementOf(site, *context.results, decision, evidence);
    if (m.kind == Measurement::Kind::kNone) continue;
    item["what"] = "Доля довольных: " + m.what;
    const PeriodLevel first = LevelIn(*context.results, m, *before);
    item["rows"].push_back(PeriodLevelRow(first));
    const PeriodLevel* last = nullptr;
    std::vector<PeriodLevel> levels;
    levels.reserve(after.size());
    for (const Period& quarter : after) {
      levels.push_back(LevelIn(*context.results, m, quarter));
      item["rows"].push_back(PeriodLevelRow(levels.back()));
      if (levels.back().shown) last = &levels.back();
    }
    if (!first.shown || !last) {
      item["verdict"] = "Недостаточно данных, чтобы сравнить периоды до и после: ответов меньше " +
                        std::to_string(context.results->disclosure.k()) + " или их нельзя показать.";
    } else {
      const Change change = ChangeBetween(first.level, last->level);
      item["verdict"] = Verdict("Доля довольных", *before, first.level.share, last->period, last->level.share,
                                change, true);
      item["outcome"] = Outcome(change, true);
    }
    effect["items"].push_back(std::move(item));
  }
  if (effect["items"].empty()) effect["note"] = "Опубликованных данных для сравнения до и после нет.";
  // The first measured outcome, for lists: survey evidence before appeals, as listed.
  for (const json& item : effect["items"]) {
    if (effect["outcome"] == "" && item["outcome"] != "") effect["outcome"] = item["outcome"];
  }
  return effect;
}

}  // namespace otklik
