#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/appeal.h"
#include "core/period.h"
#include "core/ratio.h"

namespace otklik {

/// The days an answer may take: 30 calendar days from registration
/// (Federal law 59-FZ, art. 12).
inline constexpr long kAnswerDeadlineDays = 30;

/// A count and its share of a stated total. Appeals are a full count, not a
/// sample, so shares carry no confidence interval.
struct CountShare {
  uint64_t count = 0;
  std::optional<Ratio> share;  ///< count / total; nullopt when the total is 0.
};

/// One row of a breakdown: a channel, a classifier code or a reason id.
struct KeyedCount {
  std::string key;
  uint64_t count = 0;
  Ratio share;  ///< Of the breakdown's total (never 0 when a row exists).
};

/// Complaints of a quarter and how they ended (004 §3.5). Every share is of
/// all complaints registered in the quarter, whatever their state, and the
/// three parts add up to them.
struct ComplaintMetrics {
  uint64_t complaints = 0;
  CountShare resolved;  ///< Outcome supported or measures: in the citizen's favour.
  CountShare refused;
  CountShare other;     ///< Explained, redirected, left without an answer or still in progress.
};

/// Time to answer, in calendar days from registration to the answer date,
/// over the records that have an answer date.
struct AnswerTimes {
  uint64_t answered = 0;
  std::optional<double> median_days;  ///< The mean of the two middle values for an even count.
  std::optional<long> p90_days;       ///< Nearest rank: the ceil(0.9 · answered)-th smallest.
  CountShare on_time;                 ///< At most kAnswerDeadlineDays; share of `answered`.
  uint64_t in_progress = 0;           ///< Outcome in-progress.
  uint64_t no_answer = 0;             ///< Outcome no-answer: left without an answer by law.
};

/// The quarterly appeals metrics of seed 002 §22 / 004 §3.5 for one quarter.
/// Keys are ids and codes; titles are the views' business (Appeals::TitleOf).
struct AppealMetrics {
  Period quarter;
  uint64_t records = 0;
  std::array<uint64_t, 4> kinds{};  ///< Records per AppealKind, in enum order.
  /// Per touchpoint id, share of all records; by count descending, then id.
  std::vector<KeyedCount> channels;
  /// Topics rolled up to the section ("0002") and the subsection
  /// ("0002.0007"), share of all records; by count descending, then code.
  std::vector<KeyedCount> sections;
  std::vector<KeyedCount> subsections;
  /// Per reason id, share of the records that name a reason; by count
  /// descending, then id.
  std::vector<KeyedCount> reasons;
  uint64_t without_reason = 0;
  ComplaintMetrics complaints;
  CountShare redirected;  ///< Outcome redirected; share of all records.
  AnswerTimes answer_times;

  uint64_t Count(AppealKind kind) const { return kinds[static_cast<size_t>(kind)]; }
};

/// The metrics of `quarter`'s records. REQUIRES: records as LoadAppeals
/// returns them (answer dates not before registration, well-formed topics).
AppealMetrics AppealMetricsOf(const AppealQuarter& quarter);

/// The metrics of every quarter, in the same order (oldest first).
std::vector<AppealMetrics> AppealMetricsOf(const Appeals& appeals);

/// The metrics of `quarter` in `all`, or nullptr when it has no file.
const AppealMetrics* FindQuarter(const std::vector<AppealMetrics>& all, const Period& quarter);

/// The same quarter a year before `quarter`.
Period YearBefore(const Period& quarter);

/// How a count moved against an earlier quarter.
struct CountChange {
  int64_t difference = 0;         ///< now − then.
  std::optional<Ratio> relative;  ///< |difference| / then; nullopt when then is 0.
};

/// How a share moved against an earlier quarter: the difference of the two
/// shares as reports show them (whole percent), so that it agrees with them.
struct ShareChange {
  long points = 0;  ///< 42 % → 40 % is −2.
};

/// nullopt when there is nothing to compare with.
std::optional<CountChange> CountChangeOf(uint64_t now, std::optional<uint64_t> then);
/// nullopt when either share is undefined.
std::optional<ShareChange> ShareChangeOf(const std::optional<Ratio>& now, const std::optional<Ratio>& then);

/// The headline metrics of a quarter against an earlier one (the previous
/// quarter, or the same quarter a year before).
struct AppealChanges {
  Period then;
  CountChange records;
  CountChange complaints;
  std::optional<ShareChange> resolved;    ///< Share of complaints resolved in the citizen's favour.
  std::optional<ShareChange> refused;     ///< Share of complaints refused.
  std::optional<ShareChange> redirected;  ///< Share of records redirected.
  std::optional<ShareChange> on_time;     ///< Share of answers within kAnswerDeadlineDays.
};

/// `now` against `then`; nullopt when `then` is nullptr (no file for that quarter).
std::optional<AppealChanges> ChangesOf(const AppealMetrics& now, const AppealMetrics* then);

}  // namespace otklik
