#include "model/response_validator.h"

#include <algorithm>
#include <set>

#include "core/plural.h"
#include "core/utf8.h"
#include "model/skip_logic.h"

namespace otklik {

namespace {

constexpr const char* kBadCharacters = "Ответ содержит недопустимые символы.";

bool HasControlCharacters(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n' && c != '\r' && c != '\t') || u == 0x7F;
  });
}

std::string Trim(std::string text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.back())) text.pop_back();
  size_t start = 0;
  while (start < text.size() && space(text[start])) ++start;
  return text.substr(start);
}

std::string NormalizeLineEnds(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

class Validator {
 public:
  Validator(const Survey& survey, Validation* out) : survey_(survey), out_(out) {
    for (const Question& q : survey.questions) {
      for (const std::string& field : FieldsOf(q)) field_owner_[field] = &q;
    }
  }

  void Run(const Submission& submission) {
    out_->response.survey = survey_.id;
    out_->response.revision = survey_.revision;
    if (submission.size() > kMaxSubmissionFields) {
      out_->errors.push_back({"", 0, "Слишком много полей в ответе."});
      return;
    }
    Answers answers = Collect(submission);
    const std::vector<const Question*> asked = AskedQuestions(survey_, answers);
    for (const Question& q : survey_.questions) {
      const bool was_asked = std::find(asked.begin(), asked.end(), &q) != asked.end();
      for (const std::string& field : FieldsOf(q)) {
        const auto it = answers.find(field);
        if (!was_asked) {
          if (it != answers.end()) out_->dropped.push_back(field);
          continue;
        }
        Check(q, field, it == answers.end() ? std::vector<std::string>{} : std::move(it->second));
      }
    }
    std::stable_sort(out_->errors.begin(), out_->errors.end(), [](const AnswerError& a, const AnswerError& b) {
      return (a.question == 0 ? 1 << 30 : a.question) < (b.question == 0 ? 1 << 30 : b.question);
    });
  }

 private:
  void Error(const Question* q, const std::string& field, std::string message) {
    out_->errors.push_back({field, q ? q->number : 0, std::move(message)});
  }

  // Groups the pairs by field, refusing unknown fields and malformed text.
  Answers Collect(const Submission& submission) {
    Answers answers;
    std::set<std::string> reported;
    for (const auto& [field, value] : submission) {
      const auto owner = field_owner_.find(field);
      if (owner == field_owner_.end()) {
        const std::string shown = IsValidUtf8(field) && field.size() <= 100 ? field : "?";
        if (reported.insert(shown).second) Error(nullptr, shown, "В анкете нет вопроса «" + shown + "».");
        continue;
      }
      if (!IsValidUtf8(value) || HasControlCharacters(value)) {
        if (reported.insert(field).second) Error(owner->second, field, kBadCharacters);
        continue;
      }
      std::string clean = owner->second->kind == QuestionKind::kText ? Trim(NormalizeLineEnds(value)) : value;
      if (!clean.empty()) answers[field].push_back(std::move(clean));
    }
    for (const std::string& field : reported) answers.erase(field);
    rejected_ = std::move(reported);
    return answers;
  }

  void Check(const Question& q, const std::string& field, std::vector<std::string> values) {
    if (rejected_.count(field)) return;  // already reported as malformed
    if (values.empty()) {
      if (q.required) Error(&q, field, q.kind == QuestionKind::kMatrix ? "Оцените эту строку." : "Ответьте на этот вопрос.");
      return;
    }
    if (!CheckValues(q, field, values)) return;
    out_->response.answers[field] = std::move(values);
  }

  bool CheckValues(const Question& q, const std::string& field, const std::vector<std::string>& values) {
    switch (q.kind) {
      case QuestionKind::kMultiple: return CheckChoices(q, field, values);
      case QuestionKind::kMatrix: return CheckOne(q, field, values) && CheckRating(q, field, values[0]);
      case QuestionKind::kText: return CheckOne(q, field, values) && CheckText(q, field, values[0]);
      default: return CheckOne(q, field, values) && CheckOption(q, field, values[0]);
    }
  }

  bool CheckOne(const Question& q, const std::string& field, const std::vector<std::string>& values) {
    if (values.size() == 1) return true;
    Error(&q, field, IsSingleChoice(q.kind) ? "Выберите один вариант ответа." : "Нужен один ответ.");
    return false;
  }

  bool CheckOption(const Question& q, const std::string& field, const std::string& value) {
    if (q.FindOption(value)) return true;
    Error(&q, field, "Выберите один из предложенных вариантов ответа.");
    return false;
  }

  bool CheckRating(const Question& q, const std::string& field, const std::string& value) {
    const auto& ratings = RatingValues();
    if (std::find(ratings.begin(), ratings.end(), value) != ratings.end()) return true;
    Error(&q, field, "Оценка должна быть числом от 1 до 5.");
    return false;
  }

  bool CheckChoices(const Question& q, const std::string& field, const std::vector<std::string>& values) {
    std::set<std::string> seen;
    for (const std::string& value : values) {
      if (!q.FindOption(value)) {
        Error(&q, field, "Выберите из предложенных вариантов ответа.");
        return false;
      }
      if (!seen.insert(value).second) {
        Error(&q, field, "Каждый вариант можно выбрать только один раз.");
        return false;
      }
    }
    if (q.max_choices > 0 && values.size() > static_cast<size_t>(q.max_choices)) {
      Error(&q, field, MaxChoicesNote(q.max_choices));
      return false;
    }
    return true;
  }

  bool CheckText(const Question& q, const std::string& field, const std::string& text) {
    const size_t length = Utf8Length(text);
    if (length <= static_cast<size_t>(q.max_length)) return true;
    Error(&q, field, "Ответ длиннее " + std::to_string(q.max_length) + " " +
                         RussianPlural(q.max_length, "знака", "знаков", "знаков") + " (сейчас " + std::to_string(length) +
                         "): сократите его.");
    return false;
  }

  const Survey& survey_;
  Validation* out_;
  std::map<std::string, const Question*> field_owner_;
  std::set<std::string> rejected_;
};

}  // namespace

Validation ValidateResponse(const Survey& survey, const Submission& submission) {
  Validation validation;
  Validator(survey, &validation).Run(submission);
  return validation;
}

}  // namespace otklik
