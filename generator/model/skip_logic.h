#pragma once

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

}  // namespace otklik
