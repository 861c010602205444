#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "stats/cell_table.h"
#include "stats/figure_key.h"
#include "stats/results.h"

namespace otklik {

/// What disclosure control did in one build: for the build's summary, the
/// internal report and the tests.
struct DisclosureSummary {
  size_t cells = 0;          ///< Published cells it decided about.
  size_t primary = 0;        ///< Hidden because 0 < n < k.
  size_t recoded = 0;        ///< Answer options combined with a neighbour.
  size_t complementary = 0;  ///< Hidden so that no hidden cell can be worked out.
  size_t given_away = 0;     ///< Complements the published numbers pin down anyway: shown after all.
  size_t audited = 0;        ///< Hidden cells whose range the last audit computed.
  size_t problems = 0;       ///< Linear programs the audits solved.
  size_t rounds = 0;         ///< Audits run (more than one when an audit found something to hide).
};

/// What a previous run of disclosure control decided, for a process that
/// builds again and again (`otklik serve`): the same tables and counts give
/// the same decisions, so the steps, the audit's linear programs above all,
/// need not run again.
struct DisclosureMemo {
  uint64_t fingerprint = 0;  ///< Of k and every cell and equation before the steps; 0: nothing kept.
  std::vector<uint8_t> hidden;
  DisclosureSummary summary;
  std::vector<std::string> exposed;
};

/// The tables a build publishes: groups for every period that is over on
/// `as_of`; whole surveys (results pages, internal pages); single questions
/// in single periods (a decision's evidence and effect). Every other count
/// is never shown: disclosure control treats it as an unknown that ties the
/// published ones together, and never shows it.
struct PublishedTables {
  Date as_of;
  /// (survey, period): every question of the survey; nullopt: all its responses.
  std::set<std::pair<size_t, std::optional<Period>>> surveys;
  /// (survey, question id, period): one question.
  std::set<std::tuple<size_t, std::string, Period>> questions;
  bool operator==(const PublishedTables&) const = default;
};

/// Which numbers the site may publish, decided once over every table it
/// publishes, in four named steps:
///
///   1. Recoding: the categories of an ordered question that sorts people
///      into groups (age, education) are combined with a neighbour until
///      each has at least k people, everywhere the question is shown
///      (global recoding: a small band is merged, not a large one hidden).
///   2. Primary: a group of 1 to k−1 people is hidden: a group's
///      respondents (an indicator's agency, service, touchpoint, a service
///      at a touchpoint), a category of a question that sorts people into
///      groups (service, channel, sex, age, education), the base of any
///      question (those asked, those who answered).
///   3. Complementary: every relation the published numbers obey — a total
///      and its parts, a half-year and its quarters, the base of a question
///      asked after one answer and that answer's count — is walked until
///      none has a single unknown, and unknowns of one sign in a relation add
///      up to at least k. Complements are taken from the least important
///      cells of the relation (a channel split before a service, a service
///      before the agency), the smallest that brings the hidden ones to k:
///      over time usually another quarter, so that half-years and years (the
///      official summaries of 1 July and 31 December) stay.
///   4. Audit: linear programming over every relation, including those
///      through numbers never published (a survey's respondents about one
///      service at one touchpoint in one quarter, which tie a question's
///      answers to the pages of services), bounds each hidden cell. A small
///      group whose range is narrower than k (the protection interval) gets
///      one more neighbour hidden and the audit runs again; what cannot be
///      settled is reported by exposed(), and the build fails. A complement
///      the published numbers pin down exactly protects nothing: it is shown.
///
/// Answers that do not sort people into groups (ratings, opinions, multiple
/// choice) are shown whole for a question whose base is shown. Situations
/// pool their services' published cells (a service's half-year where it is
/// shown, else its shown quarters), so they are worked out from published
/// numbers, agree with their services and add no relation.
class Disclosure {
 public:
  /// Runs the steps over every table `published` names, tied together by
  /// every count behind them: groups of every indicator in every quarter,
  /// half-year and year with responses; every question of every survey in
  /// those periods and over all its responses.
  /// With `memo`, decisions are taken from it when the tables and counts are
  /// those it was made for, and it is updated otherwise.
  Disclosure(const Results& results, uint64_t k, const PublishedTables& published, DisclosureMemo* memo = nullptr);

  bool Hidden(const GroupKey& group, const Period& period) const;
  /// The cell of `service` at `touchpoint` (quarters only).
  GroupKey ServiceAt(int indicator, int service, int touchpoint) const;
  /// The group's counts as the site publishes them (situations pooled over
  /// their shown services); to be shown only when !Hidden(group, period).
  RoleCounts Counts(const GroupKey& group, const Period& period) const;

  /// Question cells: the base, or a category (an index into Categories()).
  static constexpr int kAsked = -1;
  static constexpr int kAnswered = -2;
  /// The categories slot `slot` of survey `survey` is published in: lists of
  /// the slot's option indexes, one option each unless recoding combined
  /// neighbours. Empty for a slot whose answers are shown whole.
  const std::vector<std::vector<size_t>>& Categories(size_t survey, size_t slot) const;
  /// Whether a question cell is hidden in `period` (nullopt: all responses).
  bool QuestionHidden(size_t survey, size_t slot, int cell, const std::optional<Period>& period) const;

  /// Whether the responses to external survey `survey` over all its
  /// periods (nullopt: to every external survey, the public total) are hidden.
  bool ResponsesHidden(const std::optional<size_t>& survey) const;

  uint64_t k() const { return k_; }
  const Results& results() const { return results_; }
  const DisclosureSummary& summary() const { return summary_; }
  /// Hidden cells the published numbers still pin down, in words; empty
  /// when the audit passed.
  const std::vector<std::string>& exposed() const { return exposed_; }

 private:
  using QuestionCellKey = std::tuple<size_t, size_t, int, std::optional<Period>>;

  /// Per quarter, the atoms of respondents without a service or without a
  /// touchpoint: the rest of the agency's total over services and over
  /// touchpoints, in every period that holds the quarter.
  struct QuarterRests {
    std::map<Period, std::vector<int>> no_service;
    std::map<Period, std::vector<int>> no_touchpoint;
  };
  void AddGroupTables(const std::vector<Period>& periods);
  void AddGroupCells(int indicator, const std::vector<Period>& periods);
  void AddQuarterSums(int indicator, const Period& quarter, QuarterRests* rests);
  void AddLongerSums(int indicator, const Period& period, const QuarterRests& rests);
  void AddQuestionTables(const std::vector<Period>& periods);
  void AddSkipEquations(size_t survey, const std::optional<Period>& period);
  void AddResponseTotals();
  void AddSurveyLinks(size_t survey, const std::optional<Period>& period);
  // The cell of option `option` of a slot in `period`, or -1.
  int OptionCell(size_t survey, size_t slot, size_t option, const std::optional<Period>& period) const;
  void Primary();
  void Complementary();
  bool AuditAndRepair();
  // Hides `cell` and whatever a hidden base takes with it; counts it.
  void Hide(int cell, size_t* counter);
  // The cell a relation that gives something away should hide next, or -1.
  int Complement(const Equation& equation) const;
  // The shown cell to hide so that `cell`, pinned by the audit, is not.
  int Neighbour(int cell) const;
  // How many other relations of `cell` hiding it would leave with one unknown.
  int Cascade(int cell, const Equation& from) const;
  bool GivesAway(const Equation& equation) const;
  int GroupCell(const GroupKey& group, const Period& period) const;
  void AddShown(int indicator, int service, const Period& period, RoleCounts* out) const;

  const Results& results_;
  uint64_t k_;
  const PublishedTables& published_;
  CellTable table_;
  std::map<std::pair<GroupKey, Period>, int> group_cells_;
  std::map<QuestionCellKey, int> question_cells_;
  std::map<std::optional<size_t>, int> response_cells_;
  /// A base cell → the cells of its answers (hidden with it).
  std::map<int, std::vector<int>> answers_of_;
  /// survey → slot → categories.
  std::vector<std::vector<std::vector<std::vector<size_t>>>> categories_;
  std::map<std::pair<GroupKey, Period>, bool> situations_hidden_;
  DisclosureSummary summary_;
  std::vector<std::string> exposed_;
};


/// The categories of an ordered question once small ones are combined: each
/// run of neighbours joined until it holds at least k people (a small
/// category joins its smaller non-empty neighbour; an empty one is nobody
/// and stays alone unless it lies between). Exposed for tests.
/// REQUIRES k >= 1.
std::vector<std::vector<size_t>> RecodeOrdered(const std::vector<uint64_t>& counts, uint64_t k);

}  // namespace otklik
