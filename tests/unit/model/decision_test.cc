#include "model/decision.h"

#include <catch2/catch.hpp>

#include "model/site_loader.h"

namespace otklik::decision_test {
namespace {

Measure MakeMeasure(std::string id, Date deadline, std::vector<StatusChange> history) {
  Measure m;
  m.id = std::move(id);
  m.title = "Мероприятие " + m.id;
  m.responsible = "Отдел";
  m.deadline = deadline;
  m.history = std::move(history);
  return m;
}

StatusChange At(Date date, MeasureStatus status, std::string note = "") { return {date, status, std::move(note), 0}; }

Decision WithMeasures(std::vector<Measure> measures) {
  Decision d;
  d.id = "d";
  d.identified = Date(2026, 1, 10);
  d.measures = std::move(measures);
  return d;
}

constexpr auto kPlanned = MeasureStatus::kPlanned;
constexpr auto kInProgress = MeasureStatus::kInProgress;
constexpr auto kDone = MeasureStatus::kDone;
constexpr auto kCancelled = MeasureStatus::kCancelled;

TEST_CASE("StatusOn takes the last history entry dated on or before the day") {
  const Measure m = MakeMeasure("m", Date(2026, 6, 30),
                                {At(Date(2026, 1, 15), kPlanned), At(Date(2026, 3, 1), kInProgress),
                                 At(Date(2026, 6, 10), kDone)});
  CHECK(StatusOn(m, Date(2026, 1, 14)) == kPlanned);  // before any entry: planned
  CHECK(StatusOn(m, Date(2026, 2, 28)) == kPlanned);
  CHECK(StatusOn(m, Date(2026, 3, 1)) == kInProgress);  // on the day itself
  CHECK(StatusOn(m, Date(2026, 6, 9)) == kInProgress);
  CHECK(StatusOn(m, Date(2026, 6, 10)) == kDone);
  CHECK(HistoryOn(m, Date(2026, 3, 1)).size() == 2);
}

TEST_CASE("IsOverdue: past the deadline and neither done nor cancelled") {
  const Measure open = MakeMeasure("m", Date(2026, 6, 30), {At(Date(2026, 1, 15), kInProgress)});
  CHECK_FALSE(IsOverdue(open, Date(2026, 6, 30)));  // the deadline day itself is still in time
  CHECK(IsOverdue(open, Date(2026, 7, 1)));
  const Measure late_done = MakeMeasure("m", Date(2026, 6, 30),
                                        {At(Date(2026, 1, 15), kPlanned), At(Date(2026, 7, 20), kDone)});
  CHECK(IsOverdue(late_done, Date(2026, 7, 19)));  // overdue until it was done
  CHECK_FALSE(IsOverdue(late_done, Date(2026, 7, 20)));
  const Measure cancelled = MakeMeasure("m", Date(2026, 6, 30), {At(Date(2026, 2, 1), kCancelled, "Не нужно")});
  CHECK_FALSE(IsOverdue(cancelled, Date(2026, 12, 1)));
}

TEST_CASE("StateOf derives the decision's state from its measures") {
  const Measure a = MakeMeasure("a", Date(2026, 5, 31),
                                {At(Date(2026, 1, 15), kPlanned), At(Date(2026, 2, 1), kInProgress),
                                 At(Date(2026, 5, 20), kDone)});
  const Measure b = MakeMeasure("b", Date(2026, 9, 30),
                                {At(Date(2026, 1, 15), kPlanned), At(Date(2026, 8, 1), kDone)});
  const Measure c = MakeMeasure("c", Date(2026, 9, 30),
                                {At(Date(2026, 1, 15), kPlanned), At(Date(2026, 3, 1), kCancelled, "Нет денег")});
  const Decision d = WithMeasures({a, b, c});

  SECTION("planned while nothing has started") {
    const DecisionState s = StateOf(d, Date(2026, 1, 20));
    CHECK(s.kind == DecisionState::Kind::kPlanned);
    CHECK_FALSE(s.overdue);
    CHECK(s.next_deadline == Date(2026, 5, 31));
    CHECK_FALSE(s.completed);
  }
  SECTION("in progress once a measure has started") {
    CHECK(StateOf(d, Date(2026, 2, 1)).kind == DecisionState::Kind::kInProgress);
  }
  SECTION("due soon within the window, the deadline day included") {
    CHECK(StateOf(d, Date(2026, 5, 1), 30).due_soon);  // 30 days before 31 May
    CHECK_FALSE(StateOf(d, Date(2026, 4, 30), 30).due_soon);
  }
  SECTION("still in progress when one is done and another open; overdue past the open one's deadline") {
    const DecisionState s = StateOf(WithMeasures({a, MakeMeasure("x", Date(2026, 6, 1), {At(Date(2026, 1, 15), kPlanned)})}),
                                    Date(2026, 6, 2));
    CHECK(s.kind == DecisionState::Kind::kInProgress);
    CHECK(s.overdue);
    CHECK_FALSE(s.due_soon);  // overdue is not also "due soon"
  }
  SECTION("done when every measure is done or cancelled, on the day of the last one") {
    const DecisionState s = StateOf(d, Date(2026, 8, 1));
    CHECK(s.kind == DecisionState::Kind::kDone);
    CHECK(s.completed == Date(2026, 8, 1));
    CHECK_FALSE(s.overdue);
    CHECK_FALSE(s.next_deadline);
  }
  SECTION("cancelled when every measure is cancelled") {
    const DecisionState s = StateOf(WithMeasures({c}), Date(2026, 4, 1));
    CHECK(s.kind == DecisionState::Kind::kCancelled);
    CHECK_FALSE(s.completed);
  }
}

TEST_CASE("SortByPriority orders by priority, then share, then count, then id") {
  const auto make = [](std::string id, Priority priority, long count, long base) {
    Decision d;
    d.id = std::move(id);
    d.priority = priority;
    d.prevalence = {count, base, PrevalenceUnit::kRespondents};
    return d;
  };
  const std::vector<Decision> decisions = {
      make("low-big", Priority::kLow, 90, 100),     make("high-small", Priority::kHigh, 10, 100),
      make("high-big", Priority::kHigh, 50, 100),   make("high-same-more", Priority::kHigh, 100, 200),
      make("high-same-b", Priority::kHigh, 5, 10),  make("medium", Priority::kMedium, 1, 2),
  };
  std::vector<const Decision*> sorted;
  for (const Decision& d : decisions) sorted.push_back(&d);
  SortByPriority(&sorted);
  std::vector<std::string> ids;
  for (const Decision* d : sorted) ids.push_back(d->id);
  // 50 %, 50 % of 200 (more people) first, 50 % of 10, then 10 %; medium; low.
  CHECK(ids == std::vector<std::string>{"high-same-more", "high-big", "high-same-b", "high-small", "medium",
                                        "low-big"});
}

TEST_CASE("Prevalence::Text says how many of how many, with the share") {
  CHECK(Prevalence{132, 580, PrevalenceUnit::kRespondents}.Text() == "132 из 580 респондентов (23\u00A0%)");
  CHECK(Prevalence{1, 21, PrevalenceUnit::kRespondents}.Text() == "1 из 21 респондента (5\u00A0%)");
  CHECK(Prevalence{30, 691, PrevalenceUnit::kAppeals}.Text() == "30 из 691 обращения (4\u00A0%)");
  CHECK(Prevalence{5, 12, PrevalenceUnit::kAppeals}.Text() == "5 из 12 обращений (42\u00A0%)");
}

TEST_CASE("IsPeriodKey accepts quarters, halves and years only") {
  for (const char* key : {"2026-q1", "2026-q4", "2026-h1", "2026-h2", "2026"}) CHECK(IsPeriodKey(key));
  for (const char* key : {"2026-q0", "2026-q5", "2026-h3", "26", "2026-Q1", "2026q1", "0999", ""}) {
    INFO(key);
    CHECK_FALSE(IsPeriodKey(key));
  }
}

// A small site with a survey and an appeals quarter to check references against.
struct Fixture {
  MemoryFileSystem fs;
  Fixture() {
    Put("content/site.yaml", "title: Т\nagency:\n  name: Министерство\n  region: Область\nbase_url: https://a.ru/\n");
    Put("content/services/pension.md", "---\ntitle: Пенсия\nkind: service\ntouchpoints: [mfc]\n---\n");
    Put("content/touchpoints/mfc.md", "---\ntitle: МФЦ\nkind: mfc\n---\n");
    Put("content/surveys/quality.yaml",
        "title: Опрос\nrevision: 1\naudience: external\nopens: 2026-01-01\ncloses: 2026-12-31\nquestions:\n"
        "  - id: overall\n    kind: scale\n    role: overall\n    text: Оценка\n"
        "  - id: happy\n    kind: satisfaction\n    text: Довольны?\n"
        "  - id: better\n    kind: text\n    required: false\n    text: Что изменить?\n    max_length: 500\n");
    Put("content/surveys/two.yaml",
        "title: Опрос\nrevision: 1\naudience: external\nopens: 2026-01-01\ncloses: 2026-12-31\nquestions:\n"
        "  - id: good\n    kind: text\n    text: Что хорошо?\n    max_length: 500\n"
        "  - id: bad\n    kind: text\n    text: Что плохо?\n    max_length: 500\n");
    Put("content/themes.yaml", "themes:\n  - {id: queues, title: Очереди, keywords: [очеред]}\n"
                               "  - {id: pay, title: Зарплата, keywords: [зарплат], surveys: [two]}\n");
  }
  void Put(const std::string& path, const std::string& bytes) { REQUIRE(fs.WriteFile(path, bytes).ok()); }

  std::pair<std::optional<std::vector<Decision>>, std::string> Load(const std::string& decision) {
    Put("content/decisions/d.md", decision);
    Diagnostics diagnostics;
    const std::optional<Site> site = LoadSite(fs, "content", &diagnostics);
    INFO(diagnostics.ToString());
    REQUIRE(site);
    Appeals appeals;
    appeals.classifier = ClassifierSections();
    appeals.quarters.push_back({2026, 1, "content/appeals/2026-q1.csv", {}});
    auto decisions = LoadDecisions(fs, "content", *site, appeals, Date(2026, 11, 23), &diagnostics);
    return {std::move(decisions), diagnostics.ToString()};
  }
};

constexpr const char* kHeader =
    "---\ntitle: Долго\nservice: pension\nidentified: 2026-02-01\npriority: high\n"
    "prevalence: {count: 3, base: 10, unit: respondents}\n";
constexpr const char* kMeasures =
    "measures:\n  - id: m\n    title: Сделать\n    kind: process\n    responsible: Отдел\n    deadline: 2026-06-30\n"
    "    history:\n      - {date: 2026-02-02, status: planned}\n";

TEST_CASE("LoadDecisions reads a decision with survey and appeal evidence") {
  Fixture f;
  const auto [decisions, errors] = f.Load(std::string(kHeader) +
                                          "evidence:\n  - survey: quality\n    question: happy\n    period: 2026-h1\n"
                                          "  - topic: '0002'\n    quarter: 2026-q1\n" +
                                          kMeasures + "---\nТекст.\n");
  CHECK(errors == "");
  REQUIRE(decisions);
  REQUIRE(decisions->size() == 1);
  const Decision& d = decisions->front();
  CHECK(d.id == "d");
  CHECK(d.service == "pension");
  CHECK(d.priority == Priority::kHigh);
  CHECK(d.prevalence.count == 3);
  REQUIRE(d.evidence.size() == 2);
  CHECK(d.evidence[0].kind == Evidence::Kind::kSurvey);
  CHECK(d.evidence[0].question == "happy");
  CHECK(d.evidence[1].kind == Evidence::Kind::kAppeals);
  CHECK(d.evidence[1].topic == "0002");
  CHECK(d.evidence[1].period == "2026-q1");
  REQUIRE(d.measures.size() == 1);
  CHECK(d.measures[0].history.size() == 1);
  CHECK(d.body == "Текст.\n");
}

TEST_CASE("LoadDecisions checks evidence references with the line of each item") {
  Fixture f;
  const auto [decisions, errors] = f.Load(
      std::string(kHeader) +
      "evidence:\n"
      "  - survey: quality\n    question: overal\n    period: 2026-q1\n"   // line 8
      "  - topic: '0002.9999'\n    quarter: 2026-q2\n"                     // line 11
      "  - survey: quality\n    question: overall\n    row: x\n    period: 2026\n" +  // line 13
      kMeasures + "---\n");
  CHECK_FALSE(decisions);
  CHECK(errors ==
        "content/decisions/d.md:8: в опросе «quality» нет вопроса «overal» (возможно, имелось в виду «overall»?)\n"
        "content/decisions/d.md:11: за квартал 2026-q2 нет записей об обращениях (appeals/2026-q2.csv)\n"
        "content/decisions/d.md:11: тема «0002.9999» не найдена в тематическом классификаторе; есть раздел «0002» "
        "(Социальная сфера), более глубокие уровни добавьте в appeals/classifier.yaml\n"
        "content/decisions/d.md:13: у вопроса «overall» нет строк: уберите «row»\n");
}

TEST_CASE("LoadDecisions reads a theme of open answers as evidence, its question named or the only one") {
  Fixture f;
  const auto [decisions, errors] = f.Load(std::string(kHeader) +
                                          "evidence:\n  - theme: queues\n    survey: quality\n    period: 2026-q1\n"
                                          "  - theme: queues\n    survey: two\n    question: bad\n    period: 2026\n" +
                                          kMeasures + "---\n");
  CHECK(errors == "");
  REQUIRE(decisions);
  const std::vector<Evidence>& evidence = decisions->front().evidence;
  REQUIRE(evidence.size() == 2);
  CHECK(evidence[0].kind == Evidence::Kind::kTheme);
  CHECK(evidence[0].theme == "queues");
  CHECK(evidence[0].question == "");
  CHECK(evidence[1].question == "bad");
}

TEST_CASE("LoadDecisions checks a theme evidence: the theme, its surveys and the open question") {
  Fixture f;
  const auto [decisions, errors] = f.Load(
      std::string(kHeader) +
      "evidence:\n"
      "  - theme: queue\n    survey: quality\n    period: 2026-q1\n"                     // line 8
      "  - theme: pay\n    survey: quality\n    period: 2026-q1\n"                       // line 11
      "  - theme: queues\n    survey: two\n    period: 2026-q1\n"                        // line 14
      "  - theme: queues\n    survey: quality\n    question: happy\n    period: 2026\n"  // line 17
      "  - theme: queues\n    survey: quality\n    question: bettr\n    period: 2026\n"  // line 21
      "  - theme: queues\n    survey: quality\n    row: x\n    period: 2026\n" +         // line 25
      kMeasures + "---\n");
  CHECK_FALSE(decisions);
  CHECK(errors ==
        "content/decisions/d.md:8: темы «queue» нет в themes.yaml (возможно, имелось в виду «queues»?)\n"
        "content/decisions/d.md:11: тема «pay» не кодирует ответы опроса «quality»: добавьте опрос в её поле "
        "«surveys» в themes.yaml\n"
        "content/decisions/d.md:14: в опросе «two» несколько открытых вопросов: укажите в поле «question» один из "
        "них (good, bad)\n"
        "content/decisions/d.md:17: вопрос «happy» не открытый: темы бывают только у ответов своими словами\n"
        "content/decisions/d.md:21: в опросе «quality» нет вопроса «bettr» (возможно, имелось в виду «better»?)\n"
        "content/decisions/d.md:27: неизвестное поле «row»\n");
}

}  // namespace
}  // namespace otklik::decision_test
