#include "model/survey.h"

#include "core/plural.h"

namespace otklik {

const std::vector<std::string>& QuestionKindNames() {
  static const std::vector<std::string> kNames = {"service",      "single", "multiple", "scale",
                                                  "matrix",       "satisfaction", "yes_no", "sex",
                                                  "age",          "education",    "text"};
  return kNames;
}

bool IsSingleChoice(QuestionKind kind) {
  return kind != QuestionKind::kMultiple && kind != QuestionKind::kMatrix && kind != QuestionKind::kText;
}

bool HasOptions(QuestionKind kind) { return kind != QuestionKind::kMatrix && kind != QuestionKind::kText; }

const std::vector<std::string>& RatingValues() {
  static const std::vector<std::string> kValues = {"1", "2", "3", "4", "5"};
  return kValues;
}

std::string MaxChoicesNote(int max_choices) {
  if (max_choices == 1) return "Выберите не более одного варианта.";
  return "Выберите не более " + std::to_string(max_choices) + " " +
         RussianPlural(max_choices, "варианта", "вариантов", "вариантов") + ".";
}

const Option* Question::FindOption(const std::string& option_id) const {
  for (const Option& option : options) {
    if (option.id == option_id) return &option;
  }
  return nullptr;
}

const Question* Survey::FindQuestion(const std::string& question_id) const {
  for (const Question& question : questions) {
    if (question.id == question_id) return &question;
  }
  return nullptr;
}

const Date Survey::kNoEnd(9999, 12, 31);

std::string Survey::DatesIso() const {
  return "с " + opens.ToString() + (Permanent() ? "" : " по " + closes.ToString());
}

SurveyState Survey::StateOn(const Date& day) const {
  if (day < opens) return SurveyState::kUpcoming;
  if (day > closes) return SurveyState::kCompleted;
  return SurveyState::kActive;
}

const std::vector<std::string>& QuestionRoleNames() {
  static const std::vector<std::string> kNames = {"", "overall", "parameters", "channel", "respondent"};
  return kNames;
}

const Question* Survey::QuestionWithRole(QuestionRole role) const {
  for (const Question& question : questions) {
    if (question.role == role) return &question;
  }
  return nullptr;
}

const Survey* Survey::Revision(int wanted) const {
  if (wanted == revision) return this;
  for (const Survey& earlier : earlier_revisions) {
    if (earlier.revision == wanted) return &earlier;
  }
  return nullptr;
}

const Question* Survey::ServiceQuestion() const {
  for (const Question& question : questions) {
    if (question.kind == QuestionKind::kService) return &question;
  }
  return nullptr;
}

}  // namespace otklik
