#include "stats/appeal_metrics.h"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace otklik {

namespace {

// The classifier's groups are four digits joined by dots: "0002" and "0002.0007".
constexpr size_t kSectionLength = 4;
constexpr size_t kSubsectionLength = 9;

std::optional<Ratio> ShareOf(uint64_t count, uint64_t total) {
  if (total == 0) return std::nullopt;
  return Ratio{count, total};
}

CountShare CountShareOf(uint64_t count, uint64_t total) {
  return {count, ShareOf(count, total)};
}

// The rows of `counts` with their shares of `total`, by count descending, then key.
std::vector<KeyedCount> Ranked(const std::map<std::string, uint64_t>& counts, uint64_t total) {
  std::vector<KeyedCount> rows;
  for (const auto& [key, count] : counts) rows.push_back({key, count, *ShareOf(count, total)});
  // The map is ordered by key, so a stable sort by count keeps ties by key.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const KeyedCount& a, const KeyedCount& b) { return a.count > b.count; });
  return rows;
}

bool ResolvedForCitizen(AppealOutcome outcome) {
  return outcome == AppealOutcome::kSupported || outcome == AppealOutcome::kMeasures;
}

ComplaintMetrics ComplaintsOf(const std::vector<AppealRecord>& records) {
  uint64_t complaints = 0, resolved = 0, refused = 0;
  for (const AppealRecord& record : records) {
    if (record.kind != AppealKind::kComplaint) continue;
    ++complaints;
    if (ResolvedForCitizen(record.outcome)) ++resolved;
    if (record.outcome == AppealOutcome::kRefused) ++refused;
  }
  return {complaints, CountShareOf(resolved, complaints), CountShareOf(refused, complaints),
          CountShareOf(complaints - resolved - refused, complaints)};
}

// REQUIRES: `sorted` is sorted ascending and not empty.
double Median(const std::vector<long>& sorted) {
  const size_t n = sorted.size();
  if (n % 2 == 1) return static_cast<double>(sorted[n / 2]);
  return (static_cast<double>(sorted[n / 2 - 1]) + static_cast<double>(sorted[n / 2])) / 2;
}

// The nearest-rank 90th percentile: the ceil(0.9 · n)-th smallest, in integers
// so that n = 10 gives rank 9 exactly. REQUIRES: `sorted` ascending, not empty.
long Percentile90(const std::vector<long>& sorted) {
  const size_t rank = (9 * sorted.size() + 9) / 10;
  return sorted[rank - 1];
}

AnswerTimes AnswerTimesOf(const std::vector<AppealRecord>& records) {
  AnswerTimes times;
  std::vector<long> days;
  for (const AppealRecord& record : records) {
    if (record.outcome == AppealOutcome::kInProgress) ++times.in_progress;
    if (record.outcome == AppealOutcome::kNoAnswer) ++times.no_answer;
    if (record.answered) days.push_back(record.answered->DayNumber() - record.registered.DayNumber());
  }
  times.answered = days.size();
  const auto on_time = std::count_if(days.begin(), days.end(), [](long d) { return d <= kAnswerDeadlineDays; });
  times.on_time = CountShareOf(static_cast<uint64_t>(on_time), times.answered);
  if (days.empty()) return times;
  std::sort(days.begin(), days.end());
  times.median_days = Median(days);
  times.p90_days = Percentile90(days);
  return times;
}

}  // namespace

AppealMetrics AppealMetricsOf(const AppealQuarter& quarter) {
  AppealMetrics metrics;
  metrics.quarter = {Period::Kind::kQuarter, quarter.year, quarter.quarter};
  metrics.records = quarter.records.size();
  std::map<std::string, uint64_t> channels, sections, subsections, reasons;
  uint64_t redirected = 0;
  for (const AppealRecord& record : quarter.records) {
    ++metrics.kinds[static_cast<size_t>(record.kind)];
    ++channels[record.channel];
    ++sections[record.topic.substr(0, kSectionLength)];
    ++subsections[record.topic.substr(0, kSubsectionLength)];
    if (record.reason.empty()) {
      ++metrics.without_reason;
    } else {
      ++reasons[record.reason];
    }
    if (record.outcome == AppealOutcome::kRedirected) ++redirected;
  }
  metrics.channels = Ranked(channels, metrics.records);
  metrics.sections = Ranked(sections, metrics.records);
  metrics.subsections = Ranked(subsections, metrics.records);
  metrics.reasons = Ranked(reasons, metrics.records - metrics.without_reason);
  metrics.complaints = ComplaintsOf(quarter.records);
  metrics.redirected = CountShareOf(redirected, metrics.records);
  metrics.answer_times = AnswerTimesOf(quarter.records);
  return metrics;
}

std::vector<AppealMetrics> AppealMetricsOf(const Appeals& appeals) {
  std::vector<AppealMetrics> all;
  all.reserve(appeals.quarters.size());
  for (const AppealQuarter& quarter : appeals.quarters) all.push_back(AppealMetricsOf(quarter));
  return all;
}

const AppealMetrics* FindQuarter(const std::vector<AppealMetrics>& all, const Period& quarter) {
  const auto found = std::find_if(all.begin(), all.end(), [&](const AppealMetrics& m) { return m.quarter == quarter; });
  return found == all.end() ? nullptr : &*found;
}

Period YearBefore(const Period& quarter) {
  return {quarter.kind, quarter.year - 1, quarter.index};
}

std::optional<CountChange> CountChangeOf(uint64_t now, std::optional<uint64_t> then) {
  if (!then) return std::nullopt;
  CountChange change;
  change.difference = static_cast<int64_t>(now) - static_cast<int64_t>(*then);
  if (*then > 0) change.relative = Ratio{static_cast<uint64_t>(std::llabs(change.difference)), *then};
  return change;
}

std::optional<ShareChange> ShareChangeOf(const std::optional<Ratio>& now, const std::optional<Ratio>& then) {
  if (!now || !then) return std::nullopt;
  return ShareChange{WholePercent(*now) - WholePercent(*then)};
}

std::optional<AppealChanges> ChangesOf(const AppealMetrics& now, const AppealMetrics* then) {
  if (then == nullptr) return std::nullopt;
  AppealChanges changes;
  changes.then = then->quarter;
  changes.records = *CountChangeOf(now.records, then->records);
  changes.complaints = *CountChangeOf(now.complaints.complaints, then->complaints.complaints);
  changes.resolved = ShareChangeOf(now.complaints.resolved.share, then->complaints.resolved.share);
  changes.refused = ShareChangeOf(now.complaints.refused.share, then->complaints.refused.share);
  changes.redirected = ShareChangeOf(now.redirected.share, then->redirected.share);
  changes.on_time = ShareChangeOf(now.answer_times.on_time.share, then->answer_times.on_time.share);
  return changes;
}

}  // namespace otklik
