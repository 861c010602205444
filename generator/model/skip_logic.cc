#include "model/skip_logic.h"

#include <algorithm>
#include <set>

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

std::vector<SkipRule> SkipRules(const Survey& survey) {
  std::vector<SkipRule> rules;
  const auto index_of = [&](const std::string& id) {
    for (size_t i = 0; i < survey.questions.size(); ++i) {
      if (survey.questions[i].id == id) return static_cast<int>(i);
    }
    return -1;
  };
  for (size_t q = 1; q < survey.questions.size(); ++q) {
    // The questions with an answer that jumps past q.
    std::set<int> jumpers;
    std::vector<std::string> past;
    for (size_t p = 0; p < q; ++p) {
      for (const Option& option : survey.questions[p].options) {
        if (option.next.empty() || (option.next != kEnd && index_of(option.next) <= static_cast<int>(q))) continue;
        jumpers.insert(static_cast<int>(p));
        past.push_back(option.id);
      }
    }
    const Question& question = survey.questions[q];
    if (question.show_if) {
      const int from = index_of(question.show_if->question);
      if (!jumpers.empty() || from < 0 || !IsSingleChoice(survey.questions[static_cast<size_t>(from)].kind)) continue;
      rules.push_back({q, from, true, question.show_if->answers});
    } else if (jumpers.empty()) {
      rules.push_back({q, -1, false, {}});
    } else if (jumpers.size() == 1 && IsSingleChoice(survey.questions[static_cast<size_t>(*jumpers.begin())].kind)) {
      rules.push_back({q, *jumpers.begin(), false, past});
    }
  }
  return rules;
}

}  // namespace otklik
