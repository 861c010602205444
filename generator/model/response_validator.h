#pragma once

#include <string>
#include <vector>

#include "model/response.h"
#include "model/survey.h"

namespace otklik {

/// What is wrong with one answer, worded for the respondent.
struct AnswerError {
  std::string field;    ///< The form field, e.g. "overall" or "params.speed".
  int question = 0;     ///< The question's number; 0 for a field no question has.
  std::string message;  ///< Russian, e.g. «Ответьте на этот вопрос.»
  bool operator==(const AnswerError&) const = default;
};

/// The outcome of validating one submission.
struct Validation {
  Response response;                ///< The clean response; meaningful only when ok().
  std::vector<AnswerError> errors;  ///< In question order, then unknown fields.
  std::vector<std::string> dropped; ///< Fields answered although skip logic passed their question by.
  bool ok() const { return errors.empty(); }
};

/// Decides whether `submission` is a valid response to the current revision
/// of `survey`. Checks that every field belongs to a question, every value is
/// well-formed UTF-8 without control characters, choices are known options
/// (one for single-choice kinds, at most `max` distinct ones for multiple
/// choice), ratings are 1–5, texts fit their limit, and every required
/// question the respondent was asked is answered. Answers to questions the
/// skip logic passed by are dropped, not stored or counted. Empty values
/// count as no answer; texts are trimmed and their line ends made "\n".
/// Safe on hostile input: never throws, bounded work per byte.
Validation ValidateResponse(const Survey& survey, const Submission& submission);

/// The most (field, value) pairs a submission may have.
inline constexpr size_t kMaxSubmissionFields = 1000;

}  // namespace otklik
