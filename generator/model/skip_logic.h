#pragma once

#include <string>
#include <vector>

#include "model/response.h"
#include "model/survey.h"

namespace otklik {

/// The questions a respondent with `answers` was asked, in order. The path
/// starts at the first question; after a single-choice answer whose option
/// jumps, it continues at the jump's target (or ends, for "end"); a question
/// with show_if is asked only when the question it names was asked and
/// answered with one of the listed answers. Statistics use this as the base
/// of each question: those who were asked, not everybody.
std::vector<const Question*> AskedQuestions(const Survey& survey, const Answers& answers);

/// The field names a question answers under: its id, or "<id>.<row>" per matrix row.
std::vector<std::string> FieldsOf(const Question& question);


/// How the base of a question follows from one earlier single-choice answer:
/// without a condition, those asked are everyone but those whose answer to
/// `from` jumped past it (asked = responses − Σ count(from = o), o in
/// `options`); with a condition on `from`, those whose answer was one of
/// `options` (asked = Σ count(from = o)). `from` is -1 when nothing can
/// skip the question (asked = responses). Questions asked after answers to
/// several questions get no rule.
struct SkipRule {
  size_t question = 0;  ///< Index in the survey's (newest revision's) questions.
  int from = -1;
  bool condition = false;
  std::vector<std::string> options;
};
std::vector<SkipRule> SkipRules(const Survey& survey);

}  // namespace otklik
