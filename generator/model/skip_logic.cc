#include "model/skip_logic.h"

#include <algorithm>

namespace otklik {

namespace {

bool Matches(const ShowIf& show_if, const Answers& answers, const std::vector<const Question*>& asked) {
  const bool was_asked = std::any_of(asked.begin(), asked.end(),
                                     [&](const Question* q) { return q->id == show_if.question; });
  if (!was_asked) return false;
  const auto it = answers.find(show_if.question);
  if (it == answers.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const std::string& value) {
    return std::find(show_if.answers.begin(), show_if.answers.end(), value) != show_if.answers.end();
  });
}

// Where an answered single-choice question sends the respondent: "" for on.
std::string JumpOf(const Question& question, const Answers& answers) {
  if (!IsSingleChoice(question.kind)) return "";
  const auto it = answers.find(question.id);
  if (it == answers.end() || it->second.size() != 1) return "";
  const Option* option = question.FindOption(it->second.front());
  return option ? option->next : "";
}

}  // namespace

std::vector<const Question*> AskedQuestions(const Survey& survey, const Answers& answers) {
  std::vector<const Question*> asked;
  std::string jump;  // the question the path continues at, when jumping
  for (const Question& question : survey.questions) {
    if (jump == kEnd) break;
    if (!jump.empty() && question.id != jump) continue;
    jump.clear();
    if (question.show_if && !Matches(*question.show_if, answers, asked)) continue;
    asked.push_back(&question);
    jump = JumpOf(question, answers);
  }
  return asked;
}

std::vector<std::string> FieldsOf(const Question& question) {
  if (question.kind != QuestionKind::kMatrix) return {question.id};
  std::vector<std::string> fields;
  for (const MatrixRow& row : question.rows) fields.push_back(question.id + "." + row.id);
  return fields;
}

}  // namespace otklik
