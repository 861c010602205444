#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "model/appeal.h"
#include "model/site.h"

namespace otklik {

// The pain map (seed 004 appendix 1): one decision per problem, with the
// measures taken against it («Вы сказали — мы сделали», 000 §4.7–4.9).

/// Where a measure stands (a row of its dated history).
enum class MeasureStatus { kPlanned, kInProgress, kDone, kCancelled };
/// The kinds of measures of seed 000 §4.8 (004 §3.10).
enum class MeasureKind { kProcess, kSite, kPortal, kRegulation, kAct };
/// How urgent the problem is, from the pain map's «Приоритетность».
enum class Priority { kHigh, kMedium, kLow };
/// What the prevalence counts.
enum class PrevalenceUnit { kRespondents, kAppeals };

/// Ids used in content files, in enum order.
const std::vector<std::string>& MeasureStatusNames();  ///< planned, in-progress, done, cancelled
const std::vector<std::string>& MeasureKindNames();    ///< process, site, portal, regulation, act
const std::vector<std::string>& PriorityNames();       ///< high, medium, low
const std::vector<std::string>& PrevalenceUnitNames();  ///< respondents, appeals

/// Russian labels, in enum order, for pages and the pain-map spreadsheet:
/// «запланировано», «выполняется», «выполнено», «отменено»…
const std::vector<std::string>& MeasureStatusLabels();
const std::vector<std::string>& MeasureKindLabels();
const std::vector<std::string>& PriorityLabels();

/// One dated change of a measure's status.
struct StatusChange {
  Date date;
  MeasureStatus status = MeasureStatus::kPlanned;
  std::string note;  ///< Required for kCancelled: why.
  int line = 0;
};

/// One measure against a problem.
struct Measure {
  std::string id;     ///< Unique within its decision.
  std::string title;  ///< What will be done.
  MeasureKind kind = MeasureKind::kProcess;
  std::string responsible;  ///< The unit responsible, as the pain map names it.
  Date deadline;
  std::vector<StatusChange> history;  ///< Oldest first; never empty.
  int line = 0;
};

/// What respondents or appellants said that the decision answers: a survey
/// question in a period, an appeal topic in a quarter, or a theme of open
/// answers (content/themes.yaml) in a period, published as counts only.
struct Evidence {
  enum class Kind { kSurvey, kAppeals, kTheme };
  Kind kind = Kind::kSurvey;
  // kSurvey and kTheme
  std::string survey;    ///< Survey id.
  /// kSurvey: a rating question (scale, satisfaction) or a matrix…
  /// kTheme: the open question (the survey's only one when not given).
  std::string question;
  std::string row;       ///< …with the row, for a matrix.
  /// For a question with answers to choose from: the answers that show the
  /// problem («больше 5 минут», «не дождался»); its figure is their share.
  std::vector<std::string> answers;
  /// kSurvey: a quarter, half-year or year ("2026-q1", "2026-h1", "2026");
  /// kAppeals: a quarter.
  std::string period;
  // kAppeals
  std::string topic;  ///< A classifier code or prefix: "0002", "0002.0007", "0002.0007.0075.0000".
  // kTheme
  std::string theme;  ///< A theme id of content/themes.yaml.
  int line = 0;
};

/// How widespread the problem is: `count` of `base` respondents or appeals.
struct Prevalence {
  long count = 0;
  long base = 0;
  PrevalenceUnit unit = PrevalenceUnit::kRespondents;
  /// «132 из 580 респондентов (23 %)»
  std::string Text() const;
};

/// One row of the pain map: content/decisions/<id>.md.
struct Decision {
  std::string id;
  std::string path;
  std::string title;  ///< The problem or unmet need, one sentence.
  std::string service;
  std::vector<std::string> situations;
  std::vector<std::string> touchpoints;
  Prevalence prevalence;
  Priority priority = Priority::kMedium;
  Date identified;  ///< When the problem was put on the map.
  std::vector<Evidence> evidence;
  std::vector<Measure> measures;
  std::string body;  ///< Markdown: the problem in detail.
};

/// The open question a theme evidence is about: `question` when it is an
/// open question of `survey`, or its only open question when `question` is
/// empty; nullptr otherwise.
const Question* OpenQuestionOf(const Survey& survey, const std::string& question);

/// A measure's status on `as_of`: that of its last history entry dated on
/// or before it; planned when there is none yet.
MeasureStatus StatusOn(const Measure& measure, const Date& as_of);
/// The history entries dated on or before `as_of`.
std::vector<StatusChange> HistoryOn(const Measure& measure, const Date& as_of);

/// A decision's state on a day, computed from its measures.
struct DecisionState {
  enum class Kind { kPlanned, kInProgress, kDone, kCancelled };
  Kind kind = Kind::kPlanned;
  /// Some measure not done or cancelled is past its deadline.
  bool overdue = false;
  /// Some open measure is due within `due_soon_days` (and none overdue).
  bool due_soon = false;
  /// kDone: the day the last measure was done.
  std::optional<Date> completed;
  /// The earliest deadline among open measures.
  std::optional<Date> next_deadline;
};

/// Done when every measure is done or cancelled and at least one is done;
/// cancelled when all are cancelled; in progress when any measure has
/// started or is done; planned otherwise.
DecisionState StateOf(const Decision& decision, const Date& as_of, int due_soon_days = 30);

/// A measure is overdue when its deadline is before `as_of` and it is
/// neither done nor cancelled on `as_of`.
bool IsOverdue(const Measure& measure, const Date& as_of);

/// The pain map's order (seed 000 §4.8): priority (high first), then the
/// share of respondents or appeals with the problem (larger first), then the
/// count, then the id.
void SortByPriority(std::vector<const Decision*>* decisions);

/// Loads content/decisions/ (absent folder: none) and checks every
/// reference: the service, situations and touchpoints against `site`; each
/// evidence's survey, question (a rating one), matrix row and period, or its
/// appeal topic against the classifier and its quarter against the appeal
/// files in `appeals`; dates may not be later than `latest` (the later of
/// the build's as-of day and today), except deadlines. Reports
/// "path:line: message"; nullopt after any error. Sorted by id.
std::optional<std::vector<Decision>> LoadDecisions(const FileSystem& fs, const std::string& content_dir,
                                                   const Site& site, const Appeals& appeals, const Date& latest,
                                                   Diagnostics* diagnostics);

/// Whether the decision was on the map on `as_of` (identified by then).
inline bool OnMap(const Decision& decision, const Date& as_of) { return decision.identified <= as_of; }

/// True for the period keys evidence names: "2026-q1", "2026-h2", "2026".
bool IsPeriodKey(const std::string& key);

}  // namespace otklik
