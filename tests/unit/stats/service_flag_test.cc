#include "stats/service_flag.h"

#include <catch2/catch.hpp>

#include "sample_site.h"

namespace otklik::service_flag_test {
namespace {

Approx Near(double value) { return Approx(value).epsilon(0).margin(1e-13); }

// Overall ratings 1–5 as the results blocks count them.
RoleCounts Rated(std::array<uint64_t, 5> overall) {
  RoleCounts counts;
  counts.overall = overall;
  for (uint64_t n : overall) counts.respondents += n;
  return counts;
}

constexpr uint64_t kK = 10;
const Ratio kTarget{60, 100};
const Ratio kLimit{25, 100};

TEST_CASE("SatisfactionLevel is the share of ratings 4 and 5 among all 1–5 ratings") {
  // 1×1, 2×2, 3×3, 4×4, 5×5: n = 15, successes = 4 + 5 = 9, share = 9/15 = 0.6
  // Wilson 9/15: d = 1 + 3.841458820694125/15 = 1.25609725471294,
  //   c = (0.6 + 3.841458820694125/30) / d = 0.579611669896415,
  //   h = z·√(0.6·0.4/15 + 3.841458820694125/900) / d = z·√0.020268287578549 / d = 0.222143368690169
  const Proportion level = SatisfactionLevel({1, 2, 3, 4, 5});
  CHECK(level.successes == 9);
  CHECK(level.n == 15);
  CHECK(level.share == Near(0.6));
  CHECK(level.low == Near(0.357468301206246));   // 0.579611669896415 − 0.222143368690169
  CHECK(level.high == Near(0.801755038586584));  // 0.579611669896415 + 0.222143368690169
}

TEST_CASE("SatisfactionLevel: 3 is neither satisfied nor counted out of the base") {
  // 0 + 0 + 6 + 0 + 0: 0 of 6 satisfied, and the base is 6.
  const Proportion level = SatisfactionLevel({0, 0, 6, 0, 0});
  CHECK(level.successes == 0);
  CHECK(level.n == 6);
  CHECK(level.share == 0.0);
  // Only 4s and 5s: 3 + 2 = 5 of 5.
  const Proportion all = SatisfactionLevel({0, 0, 0, 3, 2});
  CHECK(all.successes == 5);
  CHECK(all.n == 5);
  CHECK(all.share == 1.0);
  CHECK(all.high == 1.0);
}

TEST_CASE("SatisfactionLevel of no ratings is all zeros") {
  const Proportion level = SatisfactionLevel({0, 0, 0, 0, 0});
  CHECK(level.n == 0);
  CHECK(level.share == 0.0);
  CHECK(level.low == 0.0);
  CHECK(level.high == 0.0);
}

TEST_CASE("FlagOf flags a level below the target and says so in whole percent") {
  // 1, 1, 3, 3, 2: n = 10, level = (3 + 2)/10 = 0.5 < 0.6; negative = (1 + 1)/10 = 0.2.
  const Flag flag = FlagOf(Rated({1, 1, 3, 3, 2}), kK, kTarget, kLimit);
  CHECK(flag.flagged);
  CHECK(flag.reason == "уровень удовлетворённости 50\u00A0% ниже цели 60\u00A0%");
  CHECK(flag.level.successes == 5);
  CHECK(flag.level.n == 10);
  CHECK(flag.level.low == Near(0.236593090512564));  // Wilson 5/10: 0.5 − 0.263406909487436
  CHECK(flag.negative.successes == 2);
  CHECK(flag.negative.n == 10);
  CHECK(flag.negative.low == Near(0.0566821514543753));  // Wilson 2/10: 0.283259839958867 − 0.226577688504491
  CHECK(flag.negative.high == Near(0.509837528463358));  // 0.283259839958867 + 0.226577688504491
}

TEST_CASE("FlagOf: a level exactly at the target is not below it") {
  // 2, 0, 2, 4, 2: n = 10, level = (4 + 2)/10 = 0.6 = target; negative = 2/10 = 0.2 ≤ 0.25.
  const Flag flag = FlagOf(Rated({2, 0, 2, 4, 2}), kK, kTarget, kLimit);
  CHECK_FALSE(flag.flagged);
  CHECK(flag.reason == "");
  CHECK(flag.level.share == 0.6);
  // One rating of 4 fewer, as a 3: level = 5/10 = 0.5 < 0.6.
  CHECK(FlagOf(Rated({2, 0, 3, 3, 2}), kK, kTarget, kLimit).flagged);
}

TEST_CASE("FlagOf flags a share of ratings 1–2 over the limit when the level is on target") {
  // 3, 0, 0, 2, 5: n = 10, level = 7/10 = 0.7 ≥ 0.6; negative = 3/10 = 0.3 > 0.25.
  const Flag flag = FlagOf(Rated({3, 0, 0, 2, 5}), kK, kTarget, kLimit);
  CHECK(flag.flagged);
  CHECK(flag.reason == "доля оценок 1–2 30\u00A0% выше порога 25\u00A0%");
  CHECK(flag.negative.successes == 3);
  CHECK(flag.negative.low == Near(0.107791267406301));  // Wilson 3/10: 0.355506559972578 − 0.247715292566277
}

TEST_CASE("FlagOf: a share of ratings 1–2 exactly at the limit is not over it") {
  // 4, 1, 0, 5, 10: n = 20, level = 15/20 = 0.75; negative = 5/20 = 0.25 = limit.
  CHECK_FALSE(FlagOf(Rated({4, 1, 0, 5, 10}), kK, kTarget, kLimit).flagged);
  // 5, 1, 0, 4, 10: n = 20, level = 14/20 = 0.7; negative = 6/20 = 0.3 > 0.25.
  const Flag over = FlagOf(Rated({5, 1, 0, 4, 10}), kK, kTarget, kLimit);
  CHECK(over.flagged);
  CHECK(over.reason == "доля оценок 1–2 30\u00A0% выше порога 25\u00A0%");
}

TEST_CASE("FlagOf gives both reasons, the level first, when both thresholds are crossed") {
  // 5, 0, 3, 1, 1: n = 10, level = 2/10 = 0.2 < 0.6 and negative = 5/10 = 0.5 > 0.25.
  CHECK(FlagOf(Rated({5, 0, 3, 1, 1}), kK, kTarget, kLimit).reason ==
        "уровень удовлетворённости 20\u00A0% ниже цели 60\u00A0%; доля оценок 1–2 50\u00A0% выше порога 25\u00A0%");
}

TEST_CASE("FlagOf never flags fewer than k ratings, and flags exactly k") {
  // 9 ratings of 1: level 0, negative 1, but n = 9 < k = 10.
  const Flag few = FlagOf(Rated({9, 0, 0, 0, 0}), kK, kTarget, kLimit);
  CHECK_FALSE(few.flagged);
  CHECK(few.reason == "");
  CHECK(few.level.n == 9);
  CHECK(few.negative.successes == 9);
  // 10 ratings of 1: n = k; level 0/10, negative 10/10.
  CHECK(FlagOf(Rated({10, 0, 0, 0, 0}), kK, kTarget, kLimit).reason ==
        "уровень удовлетворённости 0\u00A0% ниже цели 60\u00A0%; доля оценок 1–2 100\u00A0% выше порога 25\u00A0%");
  // Nobody rated: nothing to flag.
  CHECK_FALSE(FlagOf(Rated({0, 0, 0, 0, 0}), kK, kTarget, kLimit).flagged);
}

TEST_CASE("FlagOf counts ratings, not respondents who skipped the rating") {
  // 8 ratings (all 1) from 30 respondents: n = 8 < 10, so no flag.
  RoleCounts counts = Rated({8, 0, 0, 0, 0});
  counts.respondents = 30;
  CHECK_FALSE(FlagOf(counts, kK, kTarget, kLimit).flagged);
}

TEST_CASE("FlagOf rounds the percentages it writes to whole numbers") {
  // 1, 0, 3, 2, 3 with k = 5: level = 5/9 = 0.5556 → 56 %; target 0.7 → 70 %; negative 1/9 = 0.111 ≤ 0.25.
  CHECK(FlagOf(Rated({1, 0, 3, 2, 3}), 5, Ratio{70, 100}, kLimit).reason ==
        "уровень удовлетворённости 56\u00A0% ниже цели 70\u00A0%");
  // 1, 0, 0, 1, 1: level = 2/3 = 0.667 ≥ 0.6; negative = 1/3 = 0.333 → 33 % > 25 %.
  CHECK(FlagOf(Rated({1, 0, 0, 1, 1}), 3, kTarget, kLimit).reason ==
        "доля оценок 1–2 33\u00A0% выше порога 25\u00A0%");
}

TEST_CASE("FlaggedServices flags every service with k ratings or more, hidden on the site or not") {
  const Site site = testing::TestSiteWithOneSurvey();
  std::unique_ptr<Results> results = testing::EmptyResults(site);
  const Period q3 = testing::Q(2026, 3);
  const auto add = [&](int service, std::array<uint64_t, 5> overall) {
    results->AddRole(0, service, -1, QuarterNumber(q3), Rated(overall));
    results->AddSurvey(0, QuarterNumber(q3), {});
  };
  add(0, {2, 2, 6, 5, 5});    // a: 20, level 10/20 = 50 % < 60 %, negative 4/20 = 20 %: flagged
  add(1, {3, 0, 0, 0, 0});    // b: 3 < k: never flagged
  add(2, {0, 0, 0, 10, 20});  // c: 30, level 100 %: not flagged
  add(3, {12, 0, 0, 0, 0});   // d: 12, level 0 %: flagged, though the site hides it as b's complement
  add(4, {3, 3, 0, 4, 10});   // e: 20, level 14/20 = 70 %, negative 6/20 = 30 % > 25 %: flagged
  const std::vector<FlaggedService> flagged = FlaggedServices(*results, q3, kK, kTarget, kLimit);
  REQUIRE(flagged.size() == 3);
  CHECK(flagged[0].service == 0);
  CHECK(flagged[0].flag.reason == "уровень удовлетворённости 50\u00A0% ниже цели 60\u00A0%");
  CHECK(flagged[1].service == 3);
  CHECK(flagged[1].flag.reason ==
        "уровень удовлетворённости 0\u00A0% ниже цели 60\u00A0%; доля оценок 1–2 100\u00A0% выше порога 25\u00A0%");
  CHECK(flagged[2].service == 4);
  CHECK(flagged[2].flag.reason == "доля оценок 1–2 30\u00A0% выше порога 25\u00A0%");
  // Another quarter, with nobody: nothing flagged.
  CHECK(FlaggedServices(*results, testing::Q(2026, 4), kK, kTarget, kLimit).empty());
}

}  // namespace
}  // namespace otklik::service_flag_test
