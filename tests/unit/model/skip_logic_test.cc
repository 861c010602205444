#include "model/skip_logic.h"

#include <catch2/catch.hpp>

#include "survey_samples.h"

namespace otklik::skip_logic_test {
namespace {

using testing::ParseSample;
using testing::ReferenceSurvey;

std::vector<std::string> Asked(const Survey& survey, const Answers& answers) {
  std::vector<std::string> ids;
  for (const Question* q : AskedQuestions(survey, answers)) ids.push_back(q->id);
  return ids;
}

TEST_CASE("Without answers every question up to the first jump or condition is asked") {
  CHECK(Asked(ReferenceSurvey(), {}) ==
        std::vector<std::string>{"service", "info-source", "overall", "channel", "online-service", "initiative",
                                 "provided", "informing", "parameters", "staff", "timing", "sex", "age",
                                 "education", "proposals"});
}

TEST_CASE("Portal users rate the online service, the other channels jump to question 6") {
  const Survey survey = ReferenceSurvey();
  const std::vector<std::string> portal = Asked(survey, {{"channel", {"portal"}}, {"provided", {"yes"}}});
  CHECK(std::find(portal.begin(), portal.end(), "online-service") != portal.end());
  for (const char* channel : {"office", "mfc"}) {
    INFO(channel);
    CHECK(Asked(survey, {{"channel", {channel}}, {"provided", {"yes"}}}) ==
          std::vector<std::string>{"service", "info-source", "overall", "channel", "initiative", "provided",
                                   "parameters", "staff", "timing", "sex", "age", "education", "proposals"});
  }
}

TEST_CASE("A refusal is asked about informing and what to do next, a provided service is not") {
  const Survey survey = ReferenceSurvey();
  CHECK(Asked(survey, {{"channel", {"portal"}}, {"provided", {"no"}}}) ==
        std::vector<std::string>{"service", "info-source", "overall", "channel", "online-service", "initiative",
                                 "provided", "informing", "parameters", "staff", "timing", "refusal-info", "sex",
                                 "age", "education", "proposals"});
  const std::vector<std::string> provided = Asked(survey, {{"channel", {"portal"}}, {"provided", {"yes"}}});
  CHECK(std::find(provided.begin(), provided.end(), "informing") == provided.end());
  CHECK(std::find(provided.begin(), provided.end(), "refusal-info") == provided.end());
}

TEST_CASE("An unknown or doubled answer to a jump question does not jump") {
  const Survey survey = ReferenceSurvey();
  const std::vector<std::string> unknown = Asked(survey, {{"channel", {"teleport"}}});
  CHECK(std::find(unknown.begin(), unknown.end(), "online-service") != unknown.end());
  const std::vector<std::string> doubled = Asked(survey, {{"channel", {"office", "mfc"}}});
  CHECK(std::find(doubled.begin(), doubled.end(), "online-service") != doubled.end());
}

TEST_CASE("A jump to the end finishes the survey") {
  const Survey survey = ParseSample(R"(title: t
opens: 2026-01-01
closes: 2026-01-31
revision: 1
questions:
  - id: a
    kind: single
    text: A
    options:
      - stay: Дальше
      - leave: Закончить
        goto: end
  - {id: b, kind: scale, text: B}
)");
  CHECK(Asked(survey, {{"a", {"leave"}}}) == std::vector<std::string>{"a"});
  CHECK(Asked(survey, {{"a", {"stay"}}}) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("show_if follows a multiple-choice answer and needs its question to have been asked") {
  const Survey survey = ParseSample(R"(title: t
opens: 2026-01-01
closes: 2026-01-31
revision: 1
questions:
  - id: kind
    kind: single
    text: Вид
    options:
      - short: Короткий путь
        goto: last
      - long: Длинный путь
  - id: where
    kind: multiple
    text: Где?
    options: [{site: Сайт}, {mfc: МФЦ}, {post: Почта}]
  - id: mfc-rating
    kind: scale
    text: МФЦ
    show_if: {question: where, answers: [mfc, post]}
  - {id: last, kind: scale, text: Итог}
  - id: after
    kind: scale
    text: После
    show_if: {question: where, answers: [site]}
)");
  CHECK(Asked(survey, {{"kind", {"long"}}, {"where", {"site", "post"}}}) ==
        std::vector<std::string>{"kind", "where", "mfc-rating", "last", "after"});
  CHECK(Asked(survey, {{"kind", {"long"}}, {"where", {"site"}}}) ==
        std::vector<std::string>{"kind", "where", "last", "after"});
  // "where" was jumped over, so its (stale) answer neither shows "after" nor "mfc-rating".
  CHECK(Asked(survey, {{"kind", {"short"}}, {"where", {"site", "mfc"}}}) ==
        std::vector<std::string>{"kind", "last"});
}

TEST_CASE("FieldsOf names a matrix row by question and row") {
  const Survey survey = ReferenceSurvey();
  CHECK(FieldsOf(*survey.FindQuestion("overall")) == std::vector<std::string>{"overall"});
  CHECK(FieldsOf(*survey.FindQuestion("parameters")) ==
        std::vector<std::string>{"parameters.application", "parameters.status", "parameters.documents",
                                 "parameters.speed", "parameters.online"});
}

TEST_CASE("SkipRules: each base follows from the one answer that decides it, or from nothing") {
  const std::vector<SkipRule> rules = SkipRules(ReferenceSurvey());
  // Every question but the first has a rule: the reference questionnaire skips by one answer at a time.
  REQUIRE(rules.size() == 15);
  const auto rule = [&](const std::string& id) {
    for (const SkipRule& r : rules) {
      if (ReferenceSurvey().questions[r.question].id == id) return r;
    }
    FAIL("no rule for " << id);
    return SkipRule{};
  };
  // «online-service» (5): skipped by «office» and «mfc» of «channel» (4), which jump to question 6.
  CHECK(rule("online-service").from == 3);
  CHECK_FALSE(rule("online-service").condition);
  CHECK(rule("online-service").options == std::vector<std::string>{"office", "mfc"});
  // «initiative» (6) is where those jumps land: nothing skips it.
  CHECK(rule("initiative").from == -1);
  // «informing» (8): skipped by «yes» of «provided», which jumps to the matrix.
  CHECK(rule("informing").from == 6);
  CHECK(rule("informing").options == std::vector<std::string>{"yes"});
  // «refusal-info»: asked on a condition, «provided» = «no».
  CHECK(rule("refusal-info").from == 6);
  CHECK(rule("refusal-info").condition);
  CHECK(rule("refusal-info").options == std::vector<std::string>{"no"});
}

TEST_CASE("SkipRules gives no rule where two answers decide a question") {
  const Survey survey = ParseSample(
      "title: Опрос\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 1\nquestions:\n"
      "  - id: a\n    kind: single\n    text: А\n    options:\n      - x: Икс\n        goto: d\n      - y: Игрек\n"
      "  - id: b\n    kind: single\n    text: Б\n    options:\n      - x: Икс\n        goto: d\n      - y: Игрек\n"
      "  - {id: c, kind: scale, text: В}\n"
      "  - {id: d, kind: scale, text: Г}\n");
  const std::vector<SkipRule> rules = SkipRules(survey);
  // b: skipped by a's «x» only; c: by a's «x» and b's «x» — two questions, no rule; d: nothing skips it.
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].question == 1);
  CHECK(rules[0].from == 0);
  CHECK(rules[1].question == 3);
  CHECK(rules[1].from == -1);
}

}  // namespace
}  // namespace otklik::skip_logic_test
