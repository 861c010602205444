#include "model/survey.h"

#include <catch2/catch.hpp>

#include "survey_samples.h"

namespace otklik::survey_test {
namespace {

TEST_CASE("StateOn is upcoming before opens, active through closes, then completed") {
  Survey survey;
  survey.opens = Date(2026, 11, 9);
  survey.closes = Date(2026, 12, 4);
  CHECK(survey.StateOn(Date(2026, 11, 8)) == SurveyState::kUpcoming);
  CHECK(survey.StateOn(Date(2026, 11, 9)) == SurveyState::kActive);
  CHECK(survey.StateOn(Date(2026, 12, 4)) == SurveyState::kActive);
  CHECK(survey.StateOn(Date(2026, 12, 5)) == SurveyState::kCompleted);
}

TEST_CASE("FindQuestion, FindOption and ServiceQuestion look up by id") {
  const Survey survey = testing::ReferenceSurvey();
  REQUIRE(survey.FindQuestion("provided"));
  CHECK(survey.FindQuestion("provided")->number == 7);
  CHECK(survey.FindQuestion("missing") == nullptr);
  const Question& provided = *survey.FindQuestion("provided");
  REQUIRE(provided.FindOption("yes"));
  CHECK(provided.FindOption("yes")->next == "parameters");
  CHECK(provided.FindOption("maybe") == nullptr);
  REQUIRE(survey.ServiceQuestion());
  CHECK(survey.ServiceQuestion()->id == "service");
  Survey without;
  CHECK(without.ServiceQuestion() == nullptr);
}

TEST_CASE("Kinds: names in enum order, single choice and options") {
  CHECK(QuestionKindNames() == std::vector<std::string>{"service", "single", "multiple", "scale", "matrix",
                                                        "satisfaction", "yes_no", "sex", "age", "education",
                                                        "text"});
  for (QuestionKind kind : {QuestionKind::kService, QuestionKind::kSingle, QuestionKind::kScale,
                            QuestionKind::kSatisfaction, QuestionKind::kYesNo, QuestionKind::kSex,
                            QuestionKind::kAge, QuestionKind::kEducation}) {
    CHECK(IsSingleChoice(kind));
    CHECK(HasOptions(kind));
  }
  CHECK_FALSE(IsSingleChoice(QuestionKind::kMultiple));
  CHECK(HasOptions(QuestionKind::kMultiple));
  CHECK_FALSE(IsSingleChoice(QuestionKind::kMatrix));
  CHECK_FALSE(HasOptions(QuestionKind::kMatrix));
  CHECK_FALSE(IsSingleChoice(QuestionKind::kText));
  CHECK_FALSE(HasOptions(QuestionKind::kText));
  CHECK(RatingValues() == std::vector<std::string>{"1", "2", "3", "4", "5"});
}

}  // namespace
}  // namespace otklik::survey_test
