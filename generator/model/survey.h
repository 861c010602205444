#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/period.h"

namespace otklik {

/// What a question asks for. Choice kinds carry their options; the fixed
/// sets (satisfaction, yes_no, sex, age, education) have the same options
/// in every survey, so their results compare across surveys and periods.
enum class QuestionKind {
  kService,       ///< Choose a service from the agency's list (single choice).
  kSingle,        ///< One of the listed options; an option may jump ahead.
  kMultiple,      ///< Any number of the listed options, optionally capped.
  kScale,         ///< 1–5, with labelled ends.
  kMatrix,        ///< Several rows, each rated 1–5.
  kSatisfaction,  ///< Скорее удовлетворён / скорее не удовлетворён / затрудняюсь ответить (+ extra options).
  kYesNo,         ///< Да / нет / затрудняюсь ответить.
  kSex,           ///< Demographics.
  kAge,
  kEducation,
  kText,          ///< Open text with a length limit.
};

/// The names used for QuestionKind in survey files, in enum order.
const std::vector<std::string>& QuestionKindNames();

/// True for kinds answered by picking exactly one option.
bool IsSingleChoice(QuestionKind kind);
/// True for kinds whose answers are option ids (everything but matrix and text).
bool HasOptions(QuestionKind kind);

/// One answer a respondent can pick.
struct Option {
  std::string id;    ///< What the form posts and responses store.
  std::string text;  ///< What the respondent reads.
  std::string next;  ///< Question to jump to when picked ("" = the next one, kEnd = finish).
  int line = 0;
  /// For the channel question: the touchpoint this answer means ("" = none).
  std::string touchpoint;
};

/// A row of a matrix question, rated 1–5.
struct MatrixRow {
  std::string id;
  std::string text;
  int line = 0;
};

/// What a question means for the results shown on service, situation and
/// touchpoint pages, pooled across surveys: the overall satisfaction rating,
/// the parameters of the service (a matrix) and the channel it was received
/// through (options mapped to touchpoints).
/// kRespondent: who answers (a citizen, an organisation, a municipality, or
/// the agency's own list): its answers sort people into groups, a cut of
/// every question under disclosure control.
enum class QuestionRole { kNone, kOverall, kParameters, kChannel, kRespondent };

/// The names used for QuestionRole in survey files ("" for kNone), in enum order.
const std::vector<std::string>& QuestionRoleNames();

/// "Ask this question only if question `question` was answered with one of `answers`."
struct ShowIf {
  std::string question;
  std::vector<std::string> answers;
  int line = 0;
};

struct Question {
  std::string id;
  int number = 0;  ///< 1-based position in the survey.
  QuestionKind kind = QuestionKind::kSingle;
  std::string text;
  std::string hint;  ///< Optional help shown under the question.
  bool required = true;
  std::vector<Option> options;  ///< For HasOptions(kind); for kService, the services offered.
  std::vector<MatrixRow> rows;  ///< For kMatrix.
  std::string low_label;        ///< For kScale and kMatrix: what 1 means.
  std::string high_label;       ///< For kScale and kMatrix: what 5 means.
  int max_choices = 0;          ///< For kMultiple: 0 = no cap.
  int max_length = 0;           ///< For kText, in characters.
  std::optional<ShowIf> show_if;
  QuestionRole role = QuestionRole::kNone;
  /// Printed after the text on the form, as the approved questionnaire has
  /// it: «(один ответ)», «(выберите из списка)».
  std::string note;
  /// A scale or matrix shown from 5 down to 1 on the form (as approved);
  /// the codes and the results keep their order.
  bool descending = false;
  /// The analyst's workspace shows every other question by this one's
  /// answers (a crosstab), as it does by service, channel, sex, age and education.
  bool cut = false;
  int line = 0;

  const Option* FindOption(const std::string& id) const;
};

/// An answer to an open question an editor chose to publish, anonymised by
/// hand: open answers are otherwise never published, only counted.
struct Quote {
  std::string question;  ///< The open (kind: text) question it answers.
  std::string text;
  int line = 0;
};

enum class Audience { kExternal, kInternal };

/// Where a survey stands on a given day.
enum class SurveyState { kUpcoming, kActive, kCompleted };

/// The schedule of a recurring survey (`waves:`): one wave in every period
/// of kind `every` from `from` to `until` (without it, as far as the
/// production calendar goes), opening on the `start`-th working day of its
/// period and taking answers for `working_days` working days.
struct Waves {
  Period::Kind every = Period::Kind::kQuarter;
  int start = 1;
  int working_days = 1;
  Period from;
  std::optional<Period> until;
  int line = 0;  ///< Of `waves:`.
};

/// A questionnaire as the agency runs it: validated, with service options
/// resolved. One Survey drives the form, the receiver's validation, imports
/// and statistics.
struct Survey {
  std::string id;
  std::string path;
  std::string title;
  std::string summary;  ///< One sentence for lists.
  std::string intro;    ///< Markdown shown above the form.
  std::string thanks;   ///< Markdown shown after a response is accepted.
  Audience audience = Audience::kExternal;
  Date opens;
  Date closes;   ///< Last day answers are accepted (inclusive); kNoEnd for a permanent survey.
  int revision = 1;
  /// Its file has errors: only the id is known (a placeholder that keeps
  /// references to it from being reported too), never published.
  bool unreadable = false;
  /// The touchpoint every response is about ("" = none, or per answer to the channel question).
  std::string touchpoint;
  int touchpoint_line = 0;
  /// The indicator (site.yaml `indicators:`) its overall rating and
  /// parameters feed: an external survey without one feeds the site's main
  /// indicator; an internal survey feeds none ("").
  std::string indicator;
  int indicator_line = 0;
  /// The heading of the form as the approved questionnaire has it ("": none).
  std::string form_title;
  /// Why this additional collection runs (seed 004 §3.3): the negative
  /// feedback that prompted it; "" for a regular survey.
  std::string follow_up;

  std::vector<Question> questions;
  std::vector<Quote> quotes;
  /// A recurring survey's schedule. LoadSurveys replaces such a survey by
  /// its waves, which keep it.
  std::optional<Waves> waves;
  /// For a wave: the recurring survey's id (its file's name) and the
  /// wave's period; "" and nullopt for any other survey.
  std::string series;
  std::optional<Period> wave;
  /// Earlier revisions (content/surveys/<id>@<revision>.yaml), oldest first,
  /// kept to read the responses collected with them; never published.
  std::vector<Survey> earlier_revisions;

  const Question* FindQuestion(const std::string& id) const;
  /// Upcoming before `opens`, active from `opens` to `closes`, then completed.
  SurveyState StateOn(const Date& day) const;
  /// A survey without `closes`: it accepts answers from `opens` on, for good.
  bool Permanent() const { return closes == kNoEnd; }
  /// The `closes` of a permanent survey.
  static const Date kNoEnd;
  /// The same in ISO dates, for messages: «с 2026-01-01 по 2026-12-04», «с 2026-01-01».
  std::string DatesIso() const;
  /// The question a service-preselecting link (?service=<id>) fills, if any.
  const Question* ServiceQuestion() const;
  /// The question with `role`, if any.
  const Question* QuestionWithRole(QuestionRole role) const;
  /// This survey if `revision` is its revision, else that earlier revision; nullptr if unknown.
  const Survey* Revision(int revision) const;
};

/// «Выберите не более 3 вариантов.» (the form's note and the validator's error).
std::string MaxChoicesNote(int max_choices);

/// The option id that ends the survey when used as an option's `next`.
inline constexpr const char* kEnd = "end";
/// The values a 1–5 rating accepts: "1" … "5".
const std::vector<std::string>& RatingValues();

}  // namespace otklik
