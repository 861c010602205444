#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/ratio.h"
#include "stats/disclosure.h"
#include "stats/proportion.h"

namespace otklik {

/// A satisfaction level as the site publishes it: the share of ratings 4
/// and 5 with its interval, the mean rating, and whether it may be shown.
struct PeriodLevel {
  Period period;
  Proportion level;  ///< successes = ratings 4–5, n = ratings.
  Ratio mean;        ///< Σ ratings / ratings.
  bool shown = false;
  bool any = false;  ///< Anyone rated at all.
  std::string key;   ///< The figure key its numbers are published under ("level/…").
  Ratio share() const { return {level.successes, level.n}; }
};

/// One row of a group's channel split: respondents at a touchpoint.
struct ChannelRow {
  size_t touchpoint = 0;
  Ratio share;  ///< Respondents at it / respondents with a known touchpoint.
  bool shown = false;
};

/// One published row of a question's table: a category (an option, or
/// options combined by recoding) and how many chose it.
struct AnswerRow {
  std::string id;    ///< Option ids joined by "+": what its figure keys carry.
  std::string text;  ///< Option texts joined by « или ».
  Ratio share;       ///< count / answered (respondents, for multiple choice).
  bool shown = false;
};

/// A question (or matrix row) of a survey in a period, as published.
struct QuestionTable {
  std::string key;  ///< "survey/<survey>/<question>[.<row>]/<period>".
  uint64_t asked = 0;
  uint64_t answered = 0;
  bool base_shown = false;  ///< Whether asked and answered may be shown.
  bool shown = false;       ///< Whether the answers may be shown.
  std::vector<AnswerRow> rows;
  std::optional<PeriodLevel> level;  ///< Ratings 4–5, or «скорее удовлетворён».
};

/// One group of a cut (a category of a question that sorts people into
/// groups: a service, a channel, an age band…) and its answers to one other
/// question, as the internal workspace shows them: shares, never counts.
/// Shown when the group is shown in the question's own table (not hidden,
/// at least k people) and at least k of it answered; what the shown shares
/// of the other groups leave is then the answers of hidden groups that
/// disclosure control already made add up to k or more.
struct CutColumn {
  std::string key;   ///< The question's key + "/cut:<question>=<category>".
  std::string id;    ///< The category: option ids joined by "+".
  std::string text;  ///< Option texts joined by « или ».
  bool shown = false;
  std::vector<AnswerRow> rows;       ///< Per option of the question (AnswerRow::id its option).
  std::optional<PeriodLevel> level;  ///< As QuestionTable::level.
};

/// A share of respondents who gave one of several answers (a decision's
/// evidence: «больше 5 минут» or «не дождался»).
struct ChoiceShare {
  std::string key;
  Ratio share;
  bool shown = false;
};

/// How many open answers to a question fall under a theme of
/// content/themes.yaml (a decision's evidence: counts, never texts).
struct ThemeCount {
  std::string key;  ///< The question's key [+ "/cut:<service question>=<service>"] + "/theme:<theme>".
  uint64_t count = 0;     ///< Answers under the theme.
  uint64_t answered = 0;  ///< Answers to the question (of the group).
  bool shown = false;
  std::string answered_key() const { return key.substr(0, key.rfind("/theme:")) + "/answered"; }
};

/// Every survey figure the build publishes, computed once from the counts
/// and what disclosure control hides, before any page is rendered: pages,
/// charts, open data, decisions and `otklik check` read it and only format.
/// Immutable after construction; safe to read from the render threads.
class ResultsModel {
 public:
  /// Without `with_cuts` the crosstabs (Cut) are not computed: only the
  /// workspace of the internal output shows them (the preview builds none).
  ResultsModel(const Results& results, const Disclosure& disclosure, bool with_cuts = true);

  const Results& results() const { return results_; }
  const Disclosure& disclosure() const { return disclosure_; }

  /// The overall level of `group` in `period` (empty, not any, when nothing was counted).
  PeriodLevel Level(const GroupKey& group, const Period& period) const;
  /// The level of parameter `parameter` (Results::parameters()) of `group`.
  PeriodLevel Parameter(const GroupKey& group, size_t parameter, const Period& period) const;
  /// The channel split of a group (the agency, a service or a situation) in
  /// `period`: each touchpoint with respondents; empty for a touchpoint.
  std::vector<ChannelRow> Channels(const GroupKey& group, const Period& period) const;
  /// A question of survey `survey` in `period` (nullopt: all responses).
  const QuestionTable& Question(size_t survey, size_t slot, const std::optional<Period>& period) const;
  /// The share of those who answered slot `slot` with one of `options`.
  ChoiceShare Choice(size_t survey, size_t slot, const std::vector<std::string>& options,
                     const std::optional<Period>& period) const;
  /// Question `slot` of survey `survey` in `period` by the groups of cut
  /// `cut` (an index into the plan's cut_slots()); empty for a question
  /// that sorts people into groups itself, or an open one; empty for every
  /// question of a model made without cuts.
  const std::vector<CutColumn>& Cut(size_t survey, size_t slot, size_t cut, const std::optional<Period>& period) const;
  /// The open answers to slot `slot` of survey `survey` in `period` under
  /// theme `theme`: of those who named service `service` when the survey
  /// asks for one and `service` >= 0, else of everyone. Shown when the group
  /// is shown (its row of the service question, or the question's base) and
  /// at least k answered.
  ThemeCount Theme(size_t survey, size_t slot, size_t theme, int service, const Period& period) const;
  /// Responses to external surveys: what the public pages count.
  uint64_t PublicResponses() const { return public_responses_; }
  /// Takes the answers' texts again from the survey plans, after
  /// Results::Rebind gave them new ones (a service renamed): every figure
  /// stays, as no text decides one.
  void Rename();

 private:
  /// The text of answer row `id` of `slot`: its option's text, or those of
  /// the options a recoded category joins ("a+b": «a или b»).
  std::string RowText(const Slot& slot, const std::string& id) const;
  PeriodLevel Compute(const GroupKey& group, const Period& period) const;
  QuestionTable ComputeQuestion(size_t survey, size_t slot, const std::optional<Period>& period) const;
  void ComputeCuts(size_t survey, const std::optional<Period>& period);

  const Results& results_;
  const Disclosure& disclosure_;
  std::map<std::pair<GroupKey, Period>, PeriodLevel> levels_;
  std::map<std::tuple<GroupKey, size_t, Period>, PeriodLevel> parameters_;
  std::map<std::tuple<size_t, size_t, std::optional<Period>>, QuestionTable> questions_;
  /// (survey, slot, cut, period) → the groups.
  std::map<std::tuple<size_t, size_t, size_t, std::optional<Period>>, std::vector<CutColumn>> cuts_;
  uint64_t public_responses_ = 0;
};

/// The satisfaction level of 1–5 rating counts: the share of 4 and 5, and the mean.
PeriodLevel LevelOfRatings(const std::array<uint64_t, 5>& ratings, const Period& period);

}  // namespace otklik
