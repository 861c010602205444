#include "stats/appeal_metrics.h"

#include <catch2/catch.hpp>

namespace otklik::appeal_metrics_test {
namespace {

using Kind = AppealKind;
using Outcome = AppealOutcome;

// An appeal registered on 1 July 2026 and answered `days` later, explained.
AppealRecord Answered(long days) {
  AppealRecord record;
  record.registered = Date(2026, 7, 1);
  record.answered = record.registered.AddDays(days);
  record.channel = "epgu";
  record.topic = "0002.0007.0075.0000";
  return record;
}

AppealRecord Unanswered(Outcome outcome) {
  AppealRecord record = Answered(0);
  record.answered.reset();
  record.outcome = outcome;
  return record;
}

AppealRecord Complaint(Outcome outcome) {
  AppealRecord record = Answered(10);
  record.kind = Kind::kComplaint;
  record.outcome = outcome;
  return record;
}

AppealRecord WithChannel(const std::string& channel) {
  AppealRecord record = Answered(10);
  record.channel = channel;
  return record;
}

AppealRecord WithTopic(const std::string& topic) {
  AppealRecord record = Answered(10);
  record.topic = topic;
  return record;
}

AppealRecord WithReason(const std::string& reason) {
  AppealRecord record = Answered(10);
  record.reason = reason;
  return record;
}

AppealQuarter Quarter(std::vector<AppealRecord> records, int year = 2026, int index = 3) {
  return {year, index, "content/appeals/" + std::to_string(year) + "-q" + std::to_string(index) + ".csv",
          std::move(records)};
}

TEST_CASE("AppealMetricsOf an empty quarter: zero counts, no shares, no answer times") {
  const AppealMetrics m = AppealMetricsOf(Quarter({}, 2026, 2));
  CHECK(m.quarter == Period{Period::Kind::kQuarter, 2026, 2});
  CHECK(m.records == 0);
  CHECK(m.kinds == std::array<uint64_t, 4>{0, 0, 0, 0});
  CHECK(m.channels.empty());
  CHECK(m.sections.empty());
  CHECK(m.subsections.empty());
  CHECK(m.reasons.empty());
  CHECK(m.without_reason == 0);
  CHECK(m.complaints.complaints == 0);
  CHECK_FALSE(m.complaints.resolved.share);
  CHECK_FALSE(m.complaints.refused.share);
  CHECK(m.redirected.count == 0);
  CHECK_FALSE(m.redirected.share);
  CHECK(m.answer_times.answered == 0);
  CHECK_FALSE(m.answer_times.median_days);
  CHECK_FALSE(m.answer_times.p90_days);
  CHECK(m.answer_times.on_time.count == 0);
  CHECK_FALSE(m.answer_times.on_time.share);
}

TEST_CASE("AppealMetricsOf counts records by kind") {
  AppealRecord request = Answered(5), proposal = Answered(5), complaint = Complaint(Outcome::kExplained);
  request.kind = Kind::kRequest;
  proposal.kind = Kind::kProposal;
  const AppealMetrics m =
      AppealMetricsOf(Quarter({Answered(5), Answered(5), Answered(5), complaint, request, proposal}));
  CHECK(m.records == 6);
  CHECK(m.kinds == std::array<uint64_t, 4>{3, 1, 1, 1});
  CHECK(m.Count(Kind::kAppeal) == 3);
  CHECK(m.Count(Kind::kComplaint) == 1);
  CHECK(m.Count(Kind::kRequest) == 1);
  CHECK(m.Count(Kind::kProposal) == 1);
}

TEST_CASE("AppealMetricsOf splits records by channel, by count and then by id") {
  // 8 records: epgu 3, email 2, post 2, reception 1. Shares of 8: 3/8 = 0.375,
  // 2/8 = 0.25, 1/8 = 0.125. email and post tie at 2: email first by id, though
  // post came first in the file.
  const AppealMetrics m =
      AppealMetricsOf(Quarter({WithChannel("post"), WithChannel("epgu"), WithChannel("reception"), WithChannel("post"),
                               WithChannel("email"), WithChannel("epgu"), WithChannel("email"), WithChannel("epgu")}));
  REQUIRE(m.channels.size() == 4);
  CHECK(m.channels[0].key == "epgu");
  CHECK(m.channels[0].count == 3);
  CHECK(m.channels[0].share == Ratio{3, 8});
  CHECK(m.channels[1].key == "email");
  CHECK(m.channels[1].count == 2);
  CHECK(m.channels[1].share == Ratio{2, 8});
  CHECK(m.channels[2].key == "post");
  CHECK(m.channels[2].count == 2);
  CHECK(m.channels[2].share == Ratio{2, 8});
  CHECK(m.channels[3].key == "reception");
  CHECK(m.channels[3].count == 1);
  CHECK(m.channels[3].share == Ratio{1, 8});
}

TEST_CASE("AppealMetricsOf rolls topics up to sections and subsections") {
  // 7 records. Sections: 0002 → 2 + 1 + 1 = 4 (4/7), 0005 → 2 (2/7), 0001 → 1 (1/7).
  // Subsections: 0002.0007 → 2 + 1 = 3 (3/7), 0005.0005 → 2 (2/7), then
  // 0001.0001 and 0002.0014 tie at 1 (1/7), in code order.
  const AppealMetrics m = AppealMetricsOf(Quarter({
      WithTopic("0002.0014.0150.0000"),
      WithTopic("0002.0007.0075.0000"),
      WithTopic("0005.0005.0056.0000"),
      WithTopic("0002.0007.0076.0000"),
      WithTopic("0001.0001.0001.0001"),
      WithTopic("0005.0005.0056.0000"),
      WithTopic("0002.0007.0075.0000"),
  }));
  REQUIRE(m.sections.size() == 3);
  CHECK(m.sections[0].key == "0002");
  CHECK(m.sections[0].count == 4);
  CHECK(m.sections[0].share == Ratio{4, 7});
  CHECK(m.sections[1].key == "0005");
  CHECK(m.sections[1].count == 2);
  CHECK(m.sections[1].share == Ratio{2, 7});
  CHECK(m.sections[2].key == "0001");
  CHECK(m.sections[2].count == 1);
  CHECK(m.sections[2].share == Ratio{1, 7});
  REQUIRE(m.subsections.size() == 4);
  CHECK(m.subsections[0].key == "0002.0007");
  CHECK(m.subsections[0].count == 3);
  CHECK(m.subsections[0].share == Ratio{3, 7});
  CHECK(m.subsections[1].key == "0005.0005");
  CHECK(m.subsections[1].count == 2);
  CHECK(m.subsections[2].key == "0001.0001");
  CHECK(m.subsections[2].count == 1);
  CHECK(m.subsections[3].key == "0002.0014");
  CHECK(m.subsections[3].count == 1);
  CHECK(m.subsections[3].share == Ratio{1, 7});
}

TEST_CASE("AppealMetricsOf ranks main reasons as shares of the records that name one") {
  // 10 records: late-payment 3, documents 3, queue 1, no reason 3. Shares are
  // of the 7 with a reason: 3/7 ≈ 0.4286, 1/7 ≈ 0.1429. The tie at 3 goes by id.
  const AppealMetrics m = AppealMetricsOf(Quarter({
      WithReason("late-payment"),
      WithReason(""),
      WithReason("documents"),
      WithReason("queue"),
      WithReason("late-payment"),
      WithReason("documents"),
      WithReason(""),
      WithReason("late-payment"),
      WithReason("documents"),
      WithReason(""),
  }));
  CHECK(m.records == 10);
  CHECK(m.without_reason == 3);
  REQUIRE(m.reasons.size() == 3);
  CHECK(m.reasons[0].key == "documents");
  CHECK(m.reasons[0].count == 3);
  CHECK(m.reasons[0].share == Ratio{3, 7});
  CHECK(m.reasons[1].key == "late-payment");
  CHECK(m.reasons[1].count == 3);
  CHECK(m.reasons[2].key == "queue");
  CHECK(m.reasons[2].count == 1);
  CHECK(m.reasons[2].share == Ratio{1, 7});
}

TEST_CASE("AppealMetricsOf with no reason given anywhere has no reason rows") {
  const AppealMetrics m = AppealMetricsOf(Quarter({WithReason(""), WithReason("")}));
  CHECK(m.reasons.empty());
  CHECK(m.without_reason == 2);
}

TEST_CASE("Complaint shares are of all complaints registered in the quarter, in progress included") {
  // 8 complaints: supported 2 + measures 1 = 3 resolved (3/8 = 0.375);
  // refused 2 (2/8 = 0.25); explained, redirected and in-progress count only in
  // the total. The supported appeal is not a complaint and counts nowhere.
  AppealRecord supported_appeal = Answered(5);
  supported_appeal.outcome = Outcome::kSupported;
  const AppealMetrics m = AppealMetricsOf(Quarter({
      Complaint(Outcome::kSupported),
      Complaint(Outcome::kRefused),
      Complaint(Outcome::kMeasures),
      Complaint(Outcome::kExplained),
      Complaint(Outcome::kSupported),
      Complaint(Outcome::kInProgress),
      Complaint(Outcome::kRefused),
      Complaint(Outcome::kRedirected),
      supported_appeal,
  }));
  CHECK(m.complaints.complaints == 8);
  CHECK(m.complaints.resolved.count == 3);
  REQUIRE(m.complaints.resolved.share);
  CHECK(*m.complaints.resolved.share == Ratio{3, 8});
  CHECK(m.complaints.refused.count == 2);
  REQUIRE(m.complaints.refused.share);
  CHECK(*m.complaints.refused.share == Ratio{2, 8});
  // The rest (explained, in progress, redirected): 3 of 8, so the three parts make all 8.
  CHECK(m.complaints.other.count == 3);
  CHECK(*m.complaints.other.share == Ratio{3, 8});
}

TEST_CASE("A quarter without complaints has zero counts and no complaint shares") {
  AppealRecord supported = Answered(5), refused = Answered(5);
  supported.outcome = Outcome::kSupported;
  refused.outcome = Outcome::kRefused;
  const AppealMetrics m = AppealMetricsOf(Quarter({supported, refused}));
  CHECK(m.complaints.complaints == 0);
  CHECK(m.complaints.resolved.count == 0);
  CHECK_FALSE(m.complaints.resolved.share);
  CHECK(m.complaints.refused.count == 0);
  CHECK_FALSE(m.complaints.refused.share);
}

TEST_CASE("Redirected records are a share of all records, whatever their kind") {
  // 2 of 8 redirected (an appeal and a complaint): 2/8 = 0.25.
  std::vector<AppealRecord> records(6, Answered(5));
  AppealRecord redirected = Answered(3);
  redirected.outcome = Outcome::kRedirected;
  records.push_back(redirected);
  records.push_back(Complaint(Outcome::kRedirected));
  const AppealMetrics m = AppealMetricsOf(Quarter(records));
  CHECK(m.redirected.count == 2);
  REQUIRE(m.redirected.share);
  CHECK(*m.redirected.share == Ratio{2, 8});
}

TEST_CASE("Answer times of 7 answered records: median, 90th percentile, on time") {
  // Days 12, 3, 31, 5, 45, 30, 8 → sorted 3 5 8 12 30 31 45.
  // Median: the 4th of 7 = 12. P90: rank ceil(0.9 · 7) = ceil(6.3) = 7 → 45.
  // On time (≤ 30 days): 3 5 8 12 30 = 5 of 7 ≈ 0.7143; 31 is one day late.
  // The in-progress and no-answer records have no answer date and are only counted.
  const AppealMetrics m =
      AppealMetricsOf(Quarter({Answered(12), Answered(3), Unanswered(Outcome::kInProgress), Answered(31), Answered(5),
                               Answered(45), Answered(30), Unanswered(Outcome::kNoAnswer), Answered(8)}));
  const AnswerTimes& t = m.answer_times;
  CHECK(m.records == 9);
  CHECK(t.answered == 7);
  REQUIRE(t.median_days);
  CHECK(*t.median_days == 12);
  REQUIRE(t.p90_days);
  CHECK(*t.p90_days == 45);
  CHECK(t.on_time.count == 5);
  REQUIRE(t.on_time.share);
  CHECK(*t.on_time.share == Ratio{5, 7});
  CHECK(t.in_progress == 1);
  CHECK(t.no_answer == 1);
}

TEST_CASE("Answer times of an even count: the median is the mean of the two middle values") {
  // Days 21 4 10 9 → sorted 4 9 10 21. Median (9 + 10) / 2 = 9.5.
  // P90: rank ceil(0.9 · 4) = ceil(3.6) = 4 → 21. All 4 on time.
  const AppealMetrics m = AppealMetricsOf(Quarter({Answered(21), Answered(4), Answered(10), Answered(9)}));
  REQUIRE(m.answer_times.median_days);
  CHECK(*m.answer_times.median_days == 9.5);
  REQUIRE(m.answer_times.p90_days);
  CHECK(*m.answer_times.p90_days == 21);
  CHECK(m.answer_times.on_time.count == 4);
  CHECK(m.answer_times.on_time.share->value() == 1.0);
}

TEST_CASE("Answer time percentile ranks at exact tenths and at the smallest counts") {
  // 10 values 1..10: rank ceil(0.9 · 10) = 9 exactly (not 10 by a floating-point
  // 9.000…01) → 9; median (5 + 6) / 2 = 5.5.
  std::vector<AppealRecord> ten;
  for (long days = 10; days >= 1; --days) ten.push_back(Answered(days));
  const AnswerTimes t10 = AppealMetricsOf(Quarter(ten)).answer_times;
  CHECK(*t10.p90_days == 9);
  CHECK(*t10.median_days == 5.5);
  // One value: it is both. Two values 6, 7: median 6.5, rank ceil(1.8) = 2 → 7.
  const AnswerTimes t1 = AppealMetricsOf(Quarter({Answered(17)})).answer_times;
  CHECK(*t1.median_days == 17);
  CHECK(*t1.p90_days == 17);
  const AnswerTimes t2 = AppealMetricsOf(Quarter({Answered(7), Answered(6)})).answer_times;
  CHECK(*t2.median_days == 6.5);
  CHECK(*t2.p90_days == 7);
}

TEST_CASE("Answer times are calendar days across month ends, same-day answers are 0") {
  // 20 July → 19 August: 11 days left in July (21–31) + 19 = 30, on time;
  // 20 July → 20 August is 31, late. 30 September → 30 September is 0.
  AppealRecord in_time = Answered(0), late = Answered(0), same_day = Answered(0);
  in_time.registered = Date(2026, 7, 20);
  in_time.answered = Date(2026, 8, 19);
  late.registered = Date(2026, 7, 20);
  late.answered = Date(2026, 8, 20);
  same_day.registered = Date(2026, 9, 30);
  same_day.answered = Date(2026, 9, 30);
  // Sorted 0 30 31: median 30, p90 rank ceil(2.7) = 3 → 31; on time 2 of 3.
  const AnswerTimes t = AppealMetricsOf(Quarter({in_time, late, same_day})).answer_times;
  CHECK(*t.median_days == 30);
  CHECK(*t.p90_days == 31);
  CHECK(t.on_time.count == 2);
  CHECK(*t.on_time.share == Ratio{2, 3});
}

TEST_CASE("A quarter where nothing is answered yet has no answer times") {
  const AnswerTimes t =
      AppealMetricsOf(Quarter({Unanswered(Outcome::kInProgress), Unanswered(Outcome::kInProgress)})).answer_times;
  CHECK(t.answered == 0);
  CHECK(t.in_progress == 2);
  CHECK_FALSE(t.median_days);
  CHECK_FALSE(t.p90_days);
  CHECK_FALSE(t.on_time.share);
}

TEST_CASE("CountChangeOf: the difference and, against a non-zero count, the relative change") {
  // 120 against 100: +20, +20 %. 80 against 100: −20, −20 % (the size; the sign is the difference's).
  const auto up = CountChangeOf(120, 100);
  REQUIRE(up);
  CHECK(up->difference == 20);
  REQUIRE(up->relative);
  CHECK(*up->relative == Ratio{20, 100});
  const auto down = CountChangeOf(80, 100);
  REQUIRE(down);
  CHECK(down->difference == -20);
  CHECK(*down->relative == Ratio{20, 100});
  // From 0 the difference is defined, the relative change is not.
  const auto from_zero = CountChangeOf(5, 0);
  REQUIRE(from_zero);
  CHECK(from_zero->difference == 5);
  CHECK_FALSE(from_zero->relative);
  CHECK_FALSE(CountChangeOf(80, std::nullopt));
}

TEST_CASE("ShareChangeOf compares shares as shown, in percentage points") {
  // 40 % against 42 %: −2 points (not −4.8 %).
  const auto change = ShareChangeOf(Ratio{40, 100}, Ratio{42, 100});
  REQUIRE(change);
  CHECK(change->points == -2);
  // 33 % against 38.4 % (shown 38 %): −5, the difference of what the table shows; 33.5 % (shown 34 %, half
  // up) against it: −4, though the exact difference −4.9 would round to −5.
  CHECK(ShareChangeOf(Ratio{33, 100}, Ratio{384, 1000})->points == -5);
  CHECK(ShareChangeOf(Ratio{335, 1000}, Ratio{384, 1000})->points == -4);
  CHECK_FALSE(ShareChangeOf(std::nullopt, Ratio{42, 100}));
  CHECK_FALSE(ShareChangeOf(Ratio{40, 100}, std::nullopt));
}

TEST_CASE("ChangesOf against the previous quarter; no change where that quarter has no file") {
  // 2026-q2: 4 records, 2 complaints (1 supported, 1 refused: 50 % and 50 %),
  // 1 redirected appeal (1/4 = 25 %), answers 10 10 10 40 → 3/4 = 75 % on time.
  AppealRecord redirected = Answered(40);
  redirected.outcome = Outcome::kRedirected;
  const AppealQuarter q2 =
      Quarter({Complaint(Outcome::kSupported), Complaint(Outcome::kRefused), Answered(10), redirected}, 2026, 2);
  // 2026-q3: 5 records, 4 complaints (supported, measures, refused, explained:
  // 50 % and 25 %), none redirected (0 %), all answered in 10 days (100 %).
  const AppealQuarter q3 = Quarter({Complaint(Outcome::kSupported), Complaint(Outcome::kMeasures),
                                    Complaint(Outcome::kRefused), Complaint(Outcome::kExplained), Answered(10)},
                                   2026, 3);
  Appeals appeals;
  appeals.quarters = {q2, q3};
  const std::vector<AppealMetrics> all = AppealMetricsOf(appeals);
  REQUIRE(all.size() == 2);
  const AppealMetrics& now = all[1];
  CHECK(now.quarter == Period{Period::Kind::kQuarter, 2026, 3});

  const auto previous = ChangesOf(now, FindQuarter(all, now.quarter.Previous()));
  REQUIRE(previous);
  CHECK(previous->then == Period{Period::Kind::kQuarter, 2026, 2});
  // Records 5 − 4 = +1 (+25 %); complaints 4 − 2 = +2 (+100 %).
  CHECK(previous->records.difference == 1);
  CHECK(*previous->records.relative == Ratio{1, 4});
  CHECK(previous->complaints.difference == 2);
  CHECK(*previous->complaints.relative == Ratio{2, 2});
  // Resolved 50 % → 50 %: 0 points; refused 50 % → 25 %: −25; redirected 25 % → 0 %: −25; on time 75 % → 100 %: +25.
  CHECK(previous->resolved->points == 0);
  CHECK(previous->refused->points == -25);
  CHECK(previous->redirected->points == -25);
  CHECK(previous->on_time->points == 25);

  // No 2025-q3 file: no year-on-year change.
  CHECK(YearBefore(now.quarter) == Period{Period::Kind::kQuarter, 2025, 3});
  CHECK(FindQuarter(all, YearBefore(now.quarter)) == nullptr);
  CHECK_FALSE(ChangesOf(now, FindQuarter(all, YearBefore(now.quarter))));
}

TEST_CASE("ChangesOf leaves a share change out when either quarter has no complaints") {
  const AppealMetrics before = AppealMetricsOf(Quarter({Answered(5)}, 2025, 3));
  const AppealMetrics now = AppealMetricsOf(Quarter({Complaint(Outcome::kSupported), Answered(5)}, 2026, 3));
  const auto changes = ChangesOf(now, &before);
  REQUIRE(changes);
  CHECK(changes->then == Period{Period::Kind::kQuarter, 2025, 3});
  // Complaints 1 − 0 = +1, relative undefined from 0; shares undefined before.
  CHECK(changes->complaints.difference == 1);
  CHECK_FALSE(changes->complaints.relative);
  CHECK_FALSE(changes->resolved);
  CHECK_FALSE(changes->refused);
  // Redirected 0/1 → 0/2: 0 points, both defined.
  REQUIRE(changes->redirected);
  CHECK(changes->redirected->points == Approx(0).margin(1e-9));
}

}  // namespace
}  // namespace otklik::appeal_metrics_test
