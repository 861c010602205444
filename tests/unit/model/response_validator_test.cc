#include "model/response_validator.h"

#include <catch2/catch.hpp>

#include "survey_samples.h"

namespace Catch {
template <>
struct StringMaker<otklik::AnswerError> {
  static std::string convert(const otklik::AnswerError& e) {
    return "{" + e.field + ", " + std::to_string(e.question) + ", " + e.message + "}";
  }
};
}  // namespace Catch

namespace otklik::response_validator_test {
namespace {

using Errors = std::vector<AnswerError>;

// A complete valid answer set for a portal user whose service was provided.
Submission PortalUser() {
  return {{"service", "pension"},
          {"info-source", "portal"},
          {"info-source", "people"},
          {"overall", "4"},
          {"channel", "portal"},
          {"online-service", "5"},
          {"initiative", "requested"},
          {"provided", "yes"},
          {"parameters.application", "5"},
          {"parameters.status", "4"},
          {"parameters.documents", "3"},
          {"parameters.speed", "4"},
          {"parameters.online", "5"},
          {"staff", "no-contact"},
          {"timing", "satisfied"}};
}

Submission With(Submission submission, const std::string& field, const std::string& value) {
  for (auto& [name, old] : submission) {
    if (name == field) {
      old = value;
      return submission;
    }
  }
  submission.emplace_back(field, value);
  return submission;
}

Submission Without(Submission submission, const std::string& field) {
  std::erase_if(submission, [&](const auto& pair) { return pair.first == field; });
  return submission;
}

Errors ErrorsOf(const Submission& submission) {
  return ValidateResponse(testing::ReferenceSurvey(), submission).errors;
}

TEST_CASE("A complete valid response is accepted as given") {
  const Validation v = ValidateResponse(testing::ReferenceSurvey(), PortalUser());
  CHECK(v.errors == Errors{});
  CHECK(v.ok());
  CHECK(v.dropped.empty());
  CHECK(v.response.survey == "sample");
  CHECK(v.response.revision == 1);
  CHECK(v.response.answers == Answers{{"service", {"pension"}},
                                      {"info-source", {"portal", "people"}},
                                      {"overall", {"4"}},
                                      {"channel", {"portal"}},
                                      {"online-service", {"5"}},
                                      {"initiative", {"requested"}},
                                      {"provided", {"yes"}},
                                      {"parameters.application", {"5"}},
                                      {"parameters.status", {"4"}},
                                      {"parameters.documents", {"3"}},
                                      {"parameters.speed", {"4"}},
                                      {"parameters.online", {"5"}},
                                      {"staff", {"no-contact"}},
                                      {"timing", {"satisfied"}}});
}

TEST_CASE("Answers to questions the skip logic passed by are dropped, not stored") {
  Submission office = With(PortalUser(), "channel", "office");  // jumps over "online-service"
  office.emplace_back("informing", "satisfied");                 // "provided: yes" jumps over it
  office.emplace_back("refusal-info", "no");                     // only after a refusal
  const Validation v = ValidateResponse(testing::ReferenceSurvey(), office);
  CHECK(v.ok());
  CHECK(v.dropped == std::vector<std::string>{"online-service", "informing", "refusal-info"});
  CHECK(v.response.answers.count("online-service") == 0);
  CHECK(v.response.answers.count("informing") == 0);
  CHECK(v.response.answers.count("refusal-info") == 0);
  CHECK(v.response.answers.at("channel") == std::vector<std::string>{"office"});
}

TEST_CASE("A refusal must answer the questions its path asks") {
  const Submission refused = With(PortalUser(), "provided", "no");
  CHECK(ErrorsOf(refused) == Errors{{"informing", 8, "Ответьте на этот вопрос."},
                                    {"refusal-info", 12, "Ответьте на этот вопрос."}});
  Submission complete = refused;
  complete.emplace_back("informing", "unsure");
  complete.emplace_back("refusal-info", "yes");
  CHECK(ErrorsOf(complete) == Errors{});
}

TEST_CASE("Required questions and every row of a required matrix must be answered") {
  Submission missing = Without(Without(PortalUser(), "overall"), "parameters.speed");
  missing = With(missing, "timing", "");  // an empty value is no answer
  CHECK(ErrorsOf(missing) == Errors{{"overall", 3, "Ответьте на этот вопрос."},
                                    {"parameters.speed", 9, "Оцените эту строку."},
                                    {"timing", 11, "Ответьте на этот вопрос."}});
}

TEST_CASE("Optional questions may stay unanswered or be answered") {
  Submission demographics = PortalUser();
  demographics.emplace_back("sex", "female");
  demographics.emplace_back("age", "61-plus");
  demographics.emplace_back("education", "");
  const Validation v = ValidateResponse(testing::ReferenceSurvey(), demographics);
  CHECK(v.ok());
  CHECK(v.response.answers.at("age") == std::vector<std::string>{"61-plus"});
  CHECK(v.response.answers.count("education") == 0);
}

TEST_CASE("Single-choice answers must be one known option") {
  CHECK(ErrorsOf(With(PortalUser(), "service", "unknown-service")) ==
        Errors{{"service", 1, "Выберите один из предложенных вариантов ответа."}});
  Submission two = PortalUser();
  two.emplace_back("timing", "dissatisfied");
  CHECK(ErrorsOf(two) == Errors{{"timing", 11, "Выберите один вариант ответа."}});
  CHECK(ErrorsOf(With(PortalUser(), "staff", "Satisfied")) ==
        Errors{{"staff", 10, "Выберите один из предложенных вариантов ответа."}});
}

TEST_CASE("Ratings must be 1 to 5 exactly") {
  for (const char* bad : {"0", "6", "4.5", " 4", "04", "четыре", "-1"}) {
    INFO(bad);
    CHECK(ErrorsOf(With(PortalUser(), "overall", bad)) ==
          Errors{{"overall", 3, "Выберите один из предложенных вариантов ответа."}});
    CHECK(ErrorsOf(With(PortalUser(), "parameters.status", bad)) ==
          Errors{{"parameters.status", 9, "Оценка должна быть числом от 1 до 5."}});
  }
}

TEST_CASE("Multiple choice takes distinct known options up to its cap") {
  CHECK(ErrorsOf(With(PortalUser(), "info-source", "radio")) ==
        Errors{{"info-source", 2, "Выберите из предложенных вариантов ответа."}});
  Submission twice = PortalUser();
  twice.emplace_back("info-source", "portal");
  CHECK(ErrorsOf(twice) == Errors{{"info-source", 2, "Каждый вариант можно выбрать только один раз."}});

  Survey capped = testing::ReferenceSurvey();
  for (Question& q : capped.questions) {
    if (q.id == "info-source") q.max_choices = 2;
  }
  Submission three = PortalUser();
  three.emplace_back("info-source", "mfc");
  CHECK(ValidateResponse(capped, three).errors == Errors{{"info-source", 2, "Выберите не более 2 вариантов."}});
  CHECK(ValidateResponse(capped, PortalUser()).ok());
}

TEST_CASE("Open text is trimmed, gets \\n line ends and must fit its limit") {
  Submission text = With(PortalUser(), "proposals", "  Больше\r\nокон\rприёма \n");
  Validation v = ValidateResponse(testing::ReferenceSurvey(), text);
  CHECK(v.ok());
  CHECK(v.response.answers.at("proposals") == std::vector<std::string>{"Больше\nокон\nприёма"});

  // The limit counts characters, not bytes: 20 Cyrillic letters are 40 bytes and fit.
  CHECK(ErrorsOf(With(PortalUser(), "proposals", "ёёёёёёёёёёёёёёёёёёёё")) == Errors{});
  CHECK(ErrorsOf(With(PortalUser(), "proposals", "ёёёёёёёёёёёёёёёёёёёёё")) ==
        Errors{{"proposals", 16, "Ответ длиннее 20 знаков (сейчас 21): сократите его."}});
  CHECK(ErrorsOf(With(PortalUser(), "proposals", "   \n  ")) == Errors{});
}

TEST_CASE("Hostile input: malformed UTF-8 and control characters are refused") {
  CHECK(ErrorsOf(With(PortalUser(), "proposals", "ok\xC0\xAF")) ==
        Errors{{"proposals", 16, "Ответ содержит недопустимые символы."}});
  CHECK(ErrorsOf(With(PortalUser(), "proposals", std::string("a\0b", 3))) ==
        Errors{{"proposals", 16, "Ответ содержит недопустимые символы."}});
  CHECK(ErrorsOf(With(PortalUser(), "proposals", "bell\x07")) ==
        Errors{{"proposals", 16, "Ответ содержит недопустимые символы."}});
  // A required question with a malformed answer is reported once, not also as unanswered.
  CHECK(ErrorsOf(With(PortalUser(), "overall", "\xFF")) ==
        Errors{{"overall", 3, "Ответ содержит недопустимые символы."}});
}

TEST_CASE("Hostile input: unknown fields are refused and named safely") {
  Submission extra = PortalUser();
  extra.emplace_back("ip", "10.0.0.1");
  extra.emplace_back("parameters.colour", "5");
  extra.emplace_back("ip", "10.0.0.2");
  extra.emplace_back("\xFF\xFE", "x");
  extra.emplace_back(std::string(500, 'a'), "x");
  CHECK(ErrorsOf(extra) == Errors{{"ip", 0, "В анкете нет вопроса «ip»."},
                                  {"parameters.colour", 0, "В анкете нет вопроса «parameters.colour»."},
                                  {"?", 0, "В анкете нет вопроса «?»."}});
}

TEST_CASE("Hostile input: a flood of fields is refused before any work") {
  Submission flood(kMaxSubmissionFields + 1, {"info-source", "portal"});
  CHECK(ErrorsOf(flood) == Errors{{"", 0, "Слишком много полей в ответе."}});
}

TEST_CASE("An empty submission lists every required question of the default path") {
  const Errors errors = ErrorsOf({});
  std::vector<int> numbers;
  for (const AnswerError& e : errors) numbers.push_back(e.question);
  CHECK(numbers == std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9, 9, 10, 11});
}

}  // namespace
}  // namespace otklik::response_validator_test
