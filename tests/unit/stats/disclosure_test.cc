#include "stats/disclosure.h"

#include <catch2/catch.hpp>
#include <set>

#include "sample_site.h"

namespace otklik {
namespace {

using testing::AddRespondents;
using testing::H;
using testing::Q;
using testing::Y;

constexpr uint64_t kK = 10;
// Indices in testing::TestSite.
enum { a, b, c, d, e };
enum { mfc, web, post };
constexpr int kNoService = -1;
constexpr int kNoTouchpoint = -1;
constexpr int kFamily = 0;
constexpr int kWork = 1;

GroupKey Service(int index) { return {GroupKey::Kind::kService, index}; }
GroupKey Touchpoint(int index) { return {GroupKey::Kind::kTouchpoint, index}; }
GroupKey Situation(int index) { return {GroupKey::Kind::kSituation, index}; }
const GroupKey kAll{GroupKey::Kind::kAll, -1};

// Every hidden cell, as "service a 2026-q3", for every period with responses
// (quarters, then halves, then years) and every group.
std::vector<std::string> HiddenCells(const Disclosure& disclosure) {
  const Site& site = disclosure.results().site();
  std::set<Period> periods;
  for (const Period& quarter : disclosure.results().Quarters()) {
    periods.insert(quarter);
    periods.insert(Period::Of(Period::Kind::kHalf, quarter.first()));
    periods.insert(Period::Of(Period::Kind::kYear, quarter.first()));
  }
  std::vector<std::pair<std::string, GroupKey>> groups = {{"all", kAll}};
  for (size_t s = 0; s < site.services().size(); ++s) {
    groups.emplace_back("service " + site.services()[s].id, Service(static_cast<int>(s)));
  }
  for (size_t t = 0; t < site.touchpoints().size(); ++t) {
    groups.emplace_back("touchpoint " + site.touchpoints()[t].id, Touchpoint(static_cast<int>(t)));
  }
  for (size_t i = 0; i < site.situations().size(); ++i) {
    groups.emplace_back("situation " + site.situations()[i].id, Situation(static_cast<int>(i)));
  }
  std::vector<std::string> hidden;
  for (const Period& period : periods) {
    for (const auto& [name, group] : groups) {
      if (disclosure.Hidden(group, period)) hidden.push_back(name + " " + period.Key());
    }
  }
  return hidden;
}

using Cells = std::vector<std::string>;

struct Fixture {
  Site site = testing::TestSiteWithOneSurvey();
  std::unique_ptr<Results> results = testing::EmptyResults(site);
  void Add(int service, int touchpoint, const Period& quarter, uint64_t n) {
    AddRespondents(results.get(), service, touchpoint, quarter, n);
  }
};

TEST_CASE("Disclosure hides nothing when every group has k respondents or more") {
  Fixture f;
  // Exactly k in the smallest cells: a at web, b at post, c's Q4.
  f.Add(a, mfc, Q(2026, 3), 30);
  f.Add(a, web, Q(2026, 3), 10);
  f.Add(b, post, Q(2026, 3), 10);
  f.Add(c, mfc, Q(2026, 3), 25);
  f.Add(c, mfc, Q(2026, 4), 10);
  const Disclosure disclosure(*f.results, kK);
  CHECK(disclosure.k() == kK);
  CHECK(HiddenCells(disclosure) == Cells{});
  CHECK(disclosure.Counts(kAll, Y(2026)).respondents == 85);  // 30 + 10 + 10 + 25 + 10
  CHECK(disclosure.Counts(Situation(kFamily), Q(2026, 3)).respondents == 50);  // a 40 + b 10
}

TEST_CASE("Disclosure: primary suppression hides 1 to k − 1 respondents, not k") {
  Fixture f;
  // One quarter; the responses without a service (15 at mfc) keep the complement out of it.
  f.Add(a, kNoTouchpoint, Q(2026, 3), 9);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 10);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 1);
  f.Add(kNoService, mfc, Q(2026, 3), 15);
  const Disclosure disclosure(*f.results, kK);
  // a (9) and c (1) are hidden; b (10) is shown; d and e (0) have nobody to hide. The half and the
  // year of a and c hold only that quarter: the same small numbers, hidden too.
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service c 2026-q3", "service a 2026-h2",
                                         "service c 2026-h2", "service a 2026", "service c 2026"});
  CHECK(disclosure.Counts(Service(b), Q(2026, 3)).respondents == 10);
  // Everything: 9 + 10 + 1 + 15 = 35.
  CHECK(disclosure.Counts(kAll, Q(2026, 3)).respondents == 35);
}

TEST_CASE("Disclosure: one small service in a quarter hides the smallest other service, the total stays") {
  Fixture f;
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 12);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 25);
  f.Add(d, kNoTouchpoint, Q(2026, 3), 40);
  const Disclosure disclosure(*f.results, kK);
  // a (3) is hidden; 80 − 12 − 25 − 40 would give it back, so b (12, the smallest other) is hidden too.
  // b's half-year and year would give b back (they hold only Q3), so they are hidden as well.
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service b 2026-q3", "service a 2026-h2",
                                         "service b 2026-h2", "service a 2026", "service b 2026"});
  CHECK_FALSE(disclosure.Hidden(kAll, Q(2026, 3)));
  CHECK(disclosure.Counts(kAll, Q(2026, 3)).respondents == 80);  // 3 + 12 + 25 + 40
}

TEST_CASE("Disclosure: a tie for the smallest other service hides the first in site order") {
  Fixture f;
  f.Add(a, kNoTouchpoint, Q(2026, 3), 50);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 20);
  f.Add(d, kNoTouchpoint, Q(2026, 3), 20);
  f.Add(e, kNoTouchpoint, Q(2026, 3), 2);
  const Disclosure disclosure(*f.results, kK);
  CHECK(HiddenCells(disclosure) == Cells{"service c 2026-q3", "service e 2026-q3", "service c 2026-h2",
                                         "service e 2026-h2", "service c 2026", "service e 2026"});
}

TEST_CASE("Disclosure: two small services need no complement") {
  Fixture f;
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 4);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 25);
  f.Add(d, kNoTouchpoint, Q(2026, 3), 40);
  const Disclosure disclosure(*f.results, kK);
  // 72 − 25 − 40 = 7 = a + b: neither can be told apart.
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service b 2026-q3", "service a 2026-h2",
                                         "service b 2026-h2", "service a 2026", "service b 2026"});
}

TEST_CASE("Disclosure: responses without a service count as known and do not spare the complement") {
  Fixture f;
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 12);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 25);
  f.Add(d, kNoTouchpoint, Q(2026, 3), 40);
  f.Add(kNoService, mfc, Q(2026, 3), 15);
  const Disclosure disclosure(*f.results, kK);
  // The 15 without a service are the MFC's 15, published on its page: 95 − 12 − 25 − 40 − 15 would give a back,
  // so b is hidden as for a site without them.
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service b 2026-q3", "service a 2026-h2",
                                         "service b 2026-h2", "service a 2026", "service b 2026"});
  CHECK(disclosure.Counts(kAll, Q(2026, 3)).respondents == 95);
  CHECK(disclosure.Counts(Touchpoint(mfc), Q(2026, 3)).respondents == 15);
}

TEST_CASE("Disclosure: one small touchpoint hides the smallest other touchpoint") {
  Fixture f;
  f.Add(a, mfc, Q(2026, 3), 27);
  f.Add(a, web, Q(2026, 3), 3);
  f.Add(b, post, Q(2026, 3), 12);
  const Disclosure disclosure(*f.results, kK);
  // Touchpoints mfc 27, web 3, post 12, everything 42 = 27 + 3 + 12: web is hidden, and post (12 < 27)
  // with it. Services a (30) and b (12) are large enough and all responses have one: nothing to hide.
  CHECK(HiddenCells(disclosure) == Cells{"touchpoint web 2026-q3", "touchpoint post 2026-q3",
                                         "touchpoint web 2026-h2", "touchpoint post 2026-h2", "touchpoint web 2026",
                                         "touchpoint post 2026"});
  CHECK(disclosure.Counts(Touchpoint(mfc), Q(2026, 3)).respondents == 27);
  CHECK(disclosure.Counts(Service(a), Q(2026, 3)).respondents == 30);
}

TEST_CASE("Disclosure: a half-year with exactly one hidden quarter is hidden, the quarters stay") {
  Fixture f;
  // a: Q3 3, Q4 20. In Q3 d (4) is small too, so neither needs a complement.
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(a, kNoTouchpoint, Q(2026, 4), 20);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 20);
  f.Add(b, kNoTouchpoint, Q(2026, 4), 20);
  f.Add(d, kNoTouchpoint, Q(2026, 3), 4);
  const Disclosure disclosure(*f.results, kK);
  // a's H2 = 3 + 20 = 23 would give Q3 back as 23 − 20; d's H2 and year are its Q3.
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service d 2026-q3", "service a 2026-h2",
                                         "service d 2026-h2", "service a 2026", "service d 2026"});
  CHECK_FALSE(disclosure.Hidden(Service(a), Q(2026, 4)));
  CHECK(disclosure.Counts(Service(a), Q(2026, 4)).respondents == 20);
  CHECK_FALSE(disclosure.Hidden(Service(b), H(2026, 2)));
  CHECK(disclosure.Counts(Service(b), H(2026, 2)).respondents == 40);  // 20 + 20
}

TEST_CASE("Disclosure: a year with one hidden half is hidden, the halves stay") {
  Fixture f;
  f.Add(a, kNoTouchpoint, Q(2026, 1), 15);
  f.Add(a, kNoTouchpoint, Q(2026, 2), 15);
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(a, kNoTouchpoint, Q(2026, 4), 20);
  f.Add(b, kNoTouchpoint, Q(2026, 1), 20);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 20);
  f.Add(d, kNoTouchpoint, Q(2026, 3), 4);
  const Disclosure disclosure(*f.results, kK);
  // a: H1 = 15 + 15 = 30 shown, H2 = 3 + 20 = 23 hidden (one hidden quarter), so the year
  // 30 + 23 = 53 would give H2 back as 53 − 30: hidden.
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service d 2026-q3", "service a 2026-h2",
                                         "service d 2026-h2", "service a 2026", "service d 2026"});
  CHECK_FALSE(disclosure.Hidden(Service(a), H(2026, 1)));
  CHECK(disclosure.Counts(Service(a), H(2026, 1)).respondents == 30);
  CHECK(disclosure.Counts(Service(b), Y(2026)).respondents == 40);  // 20 + 20
}

TEST_CASE("Disclosure: two hidden quarters in a half leave the half shown") {
  Fixture f;
  // a and d: 6 each in Q3 and in Q4, all hidden; H2 = 12 gives neither quarter back. b keeps the total large.
  for (const Period& quarter : {Q(2026, 3), Q(2026, 4)}) {
    f.Add(a, kNoTouchpoint, quarter, 6);
    f.Add(d, kNoTouchpoint, quarter, 6);
    f.Add(b, kNoTouchpoint, quarter, 30);
  }
  const Disclosure disclosure(*f.results, kK);
  CHECK(HiddenCells(disclosure) ==
        Cells{"service a 2026-q3", "service d 2026-q3", "service a 2026-q4", "service d 2026-q4"});
  CHECK(disclosure.Counts(Service(a), H(2026, 2)).respondents == 12);
}

TEST_CASE("Disclosure: responses without a service alone in a quarter hide everything of it") {
  Fixture f;
  // 6 about a and 15 without a service: the total 21 less the 15 (published on the MFC's page) is a.
  f.Add(a, kNoTouchpoint, Q(2026, 3), 6);
  f.Add(kNoService, mfc, Q(2026, 3), 15);
  const Disclosure disclosure(*f.results, kK);
  // The total hides with a; the total over touchpoints is then the MFC's 15 plus the 6 without one,
  // so the MFC hides too.
  CHECK(HiddenCells(disclosure) ==
        Cells{"all 2026-q3", "service a 2026-q3", "touchpoint mfc 2026-q3", "all 2026-h2", "service a 2026-h2",
              "touchpoint mfc 2026-h2", "all 2026", "service a 2026", "touchpoint mfc 2026"});
}

TEST_CASE("Disclosure: a half-year across the year boundary is its own") {
  Fixture f;
  // Q4 2025 and Q1 2026 are in different halves and years: a small Q4 2025 hides H2 2025 and 2025 only.
  f.Add(a, kNoTouchpoint, Q(2025, 4), 4);
  f.Add(a, kNoTouchpoint, Q(2026, 1), 30);
  f.Add(d, kNoTouchpoint, Q(2025, 4), 5);
  f.Add(b, kNoTouchpoint, Q(2025, 4), 30);
  const Disclosure disclosure(*f.results, kK);
  CHECK(HiddenCells(disclosure) == Cells{"service a 2025-q4", "service d 2025-q4", "service a 2025-h2",
                                         "service d 2025-h2", "service a 2025", "service d 2025"});
}

TEST_CASE("Disclosure: a situation pools only the shown quarters of its services") {
  Fixture f;
  // family = a + b, work = c. Q3: a 3 (hidden) and c 12 (the complement); Q4: everything shown.
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 40);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 12);
  f.Add(a, kNoTouchpoint, Q(2026, 4), 20);
  f.Add(b, kNoTouchpoint, Q(2026, 4), 20);
  f.Add(c, kNoTouchpoint, Q(2026, 4), 20);
  const Disclosure disclosure(*f.results, kK);
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service c 2026-q3", "service a 2026-h2",
                                         "service c 2026-h2", "service a 2026", "service c 2026"});
  // family Q3: b only, 40 (a's 3 left out); everyone rated 5.
  const RoleCounts family_q3 = disclosure.Counts(Situation(kFamily), Q(2026, 3));
  CHECK(family_q3.respondents == 40);
  CHECK(family_q3.overall == std::array<uint64_t, 5>{0, 0, 0, 0, 40});
  // family H2: b's Q3 40 + a's Q4 20 + b's Q4 20 = 80 (not 83: a's Q3 stays out though a's Q4 is in).
  CHECK(disclosure.Counts(Situation(kFamily), H(2026, 2)).respondents == 80);
  CHECK(disclosure.Counts(Situation(kFamily), Y(2026)).respondents == 80);
  // work Q3: c is hidden, so nothing is pooled: 0 respondents, which is nothing to hide.
  CHECK(disclosure.Counts(Situation(kWork), Q(2026, 3)).respondents == 0);
  CHECK_FALSE(disclosure.Hidden(Situation(kWork), Q(2026, 3)));
  // work H2: c's Q4 only, 20.
  CHECK(disclosure.Counts(Situation(kWork), H(2026, 2)).respondents == 20);
  // Pooled shown cells are each 0 or at least k, so a situation never needs hiding itself.
  CHECK_FALSE(disclosure.Hidden(Situation(kFamily), Q(2026, 3)));
  // Services and everything are not pooled: they are what Results counts.
  CHECK(disclosure.Counts(Service(a), H(2026, 2)).respondents == 23);  // 3 + 20
  CHECK(disclosure.Counts(kAll, H(2026, 2)).respondents == 115);      // 55 + 60
}

// The complement a sum over services picks must not be a cell that its own
// shown quarters add up to: «This repeats until no hidden cell can be worked out».
TEST_CASE("Disclosure: a complement hidden in a half-year is not left equal to the sum of its shown quarters") {
  Fixture f;
  // Q3: a 6, b 6, c 3 (three hidden: no complement), d 10, e 100.
  // Q4: a 6, b 6 (two hidden: no complement), e 100.
  f.Add(a, kNoTouchpoint, Q(2026, 3), 6);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 6);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(d, kNoTouchpoint, Q(2026, 3), 10);
  f.Add(e, kNoTouchpoint, Q(2026, 3), 100);
  f.Add(a, kNoTouchpoint, Q(2026, 4), 6);
  f.Add(b, kNoTouchpoint, Q(2026, 4), 6);
  f.Add(e, kNoTouchpoint, Q(2026, 4), 100);
  const Disclosure disclosure(*f.results, kK);
  // H2: a 12 and b 12 (two hidden quarters each: shown), c 3 (hidden), d 10, e 200; everything 237.
  // c is the one hidden service of H2, so the smallest other, d (10), is hidden. But d's H2 is its Q3
  // (10, shown) plus its Q4 (0): 237 − 12 − 12 − 10 − 200 = 3 would give c back. So d's Q3 is hidden too.
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service b 2026-q3", "service c 2026-q3",
                                         "service d 2026-q3", "service a 2026-q4", "service b 2026-q4",
                                         "service c 2026-h2", "service d 2026-h2", "service c 2026",
                                         "service d 2026"});
}

// The hidden cells of services' channel splits in `quarter`, as "a@post".
Cells HiddenChannels(const Disclosure& disclosure, const Period& quarter) {
  const Site& site = disclosure.results().site();
  Cells hidden;
  for (size_t s = 0; s < site.services().size(); ++s) {
    for (size_t t = 0; t < site.touchpoints().size(); ++t) {
      if (disclosure.Hidden(disclosure.ServiceAt(static_cast<int>(s), static_cast<int>(t)), quarter)) {
        hidden.push_back(site.services()[s].id + "@" + site.touchpoints()[t].id);
      }
    }
  }
  return hidden;
}

TEST_CASE("Disclosure: a small cell of a channel split hides a rectangle that leaves the totals alone") {
  Fixture f;
  f.Add(a, mfc, Q(2026, 3), 30);
  f.Add(a, web, Q(2026, 3), 12);
  f.Add(a, post, Q(2026, 3), 3);
  f.Add(b, mfc, Q(2026, 3), 20);
  f.Add(b, post, Q(2026, 3), 15);
  f.Add(c, web, Q(2026, 3), 25);
  const Disclosure disclosure(*f.results, kK);
  // Services and touchpoints are all large enough.
  CHECK(HiddenCells(disclosure) == Cells{});
  // a@post (3) is small. a@web would not do as its complement: web's other service is c, whose only channel
  // is web (c's own count), so 37 − 25 would give a@web back. So a@mfc, then b@mfc and b@post with it:
  // every service and touchpoint has two unknown cells.
  CHECK(HiddenChannels(disclosure, Q(2026, 3)) == Cells{"a@mfc", "a@post", "b@mfc", "b@post"});
  CHECK(disclosure.Counts(disclosure.ServiceAt(a, web), Q(2026, 3)).respondents == 12);
}

TEST_CASE("Disclosure: a hidden service hides its channel split, and a cell that would give it away") {
  Fixture f;
  f.Add(a, mfc, Q(2026, 3), 4);  // a and d small: both hidden, no complement needed
  f.Add(d, web, Q(2026, 3), 5);
  f.Add(b, mfc, Q(2026, 3), 20);
  f.Add(b, web, Q(2026, 3), 20);
  f.Add(c, mfc, Q(2026, 3), 30);
  f.Add(c, web, Q(2026, 3), 30);
  const Disclosure disclosure(*f.results, kK);
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service d 2026-q3", "service a 2026-h2",
                                         "service d 2026-h2", "service a 2026", "service d 2026"});
  // mfc 54 − b@mfc − c@mfc would give a@mfc (4): b@mfc, the smaller, is hidden; b then needs b@web, and web
  // then has d@web and b@web unknown.
  CHECK(HiddenChannels(disclosure, Q(2026, 3)) == Cells{"a@mfc", "b@mfc", "b@web", "d@web"});
}

TEST_CASE("Disclosure: a channel split that cannot be protected is not published at all") {
  Fixture f;
  // a: mfc 30, web 3. web's only other service is c (its only channel), mfc's is d (its only channel):
  // every complement would be a number published elsewhere.
  f.Add(a, mfc, Q(2026, 3), 30);
  f.Add(a, web, Q(2026, 3), 3);
  f.Add(c, web, Q(2026, 3), 20);
  f.Add(d, mfc, Q(2026, 3), 20);
  const Disclosure disclosure(*f.results, kK);
  CHECK(HiddenChannels(disclosure, Q(2026, 3)) == Cells{"a@mfc", "a@web", "c@web", "d@mfc"});
  CHECK(HiddenCells(disclosure) == Cells{});
}

}  // namespace
}  // namespace otklik
