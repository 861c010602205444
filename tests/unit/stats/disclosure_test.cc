#include "stats/disclosure.h"

#include <catch2/catch.hpp>
#include <set>

#include "sample_site.h"
#include "stats/disclosure_audit.h"

namespace otklik::disclosure_test {
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

GroupKey Service(int index) { return {GroupKey::Kind::kService, index, 0}; }
GroupKey Touchpoint(int index) { return {GroupKey::Kind::kTouchpoint, index, 0}; }
GroupKey Situation(int index) { return {GroupKey::Kind::kSituation, index, 0}; }
const GroupKey kAll{GroupKey::Kind::kAll, -1, 0};

// Built in January 2027: every period of 2026 is over and published; the
// last complete quarter, whose channel splits are published, is IV 2026.
PublishedTables Published2026() { return {Date(2027, 1, 15), {}, {}}; }

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
  PublishedTables published = Published2026();
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
  const Disclosure disclosure(*f.results, kK, f.published);
  CHECK(disclosure.k() == kK);
  CHECK(HiddenCells(disclosure) == Cells{});
  CHECK(disclosure.exposed().empty());
  CHECK(disclosure.summary().primary == 0);
  CHECK(disclosure.Counts(kAll, Y(2026)).respondents == 85);  // 30 + 10 + 10 + 25 + 10
  CHECK(disclosure.Counts(Situation(kFamily), Q(2026, 3)).respondents == 50);  // a 40 + b 10
}

TEST_CASE("Disclosure: primary suppression hides 1 to k − 1 respondents; hidden together they reach k") {
  Fixture f;
  f.Add(a, kNoTouchpoint, Q(2026, 3), 9);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 10);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 1);
  f.Add(kNoService, mfc, Q(2026, 3), 15);
  const Disclosure disclosure(*f.results, kK, f.published);
  // a (9) and c (1) are hidden, b (10) is shown. The 15 without a service are the MFC's 15, shown
  // on its page, so 35 − 10 − 15 = 10 = a + c: each of them anywhere from 0 to 10, a range of k.
  // Their half and year hold only that quarter: the same numbers, hidden too.
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service c 2026-q3", "service a 2026-h2",
                                         "service c 2026-h2", "service a 2026", "service c 2026"});
  CHECK(disclosure.exposed().empty());
  // a and c are small in the quarter, the half and the year alike: six groups of 1 to 9.
  CHECK(disclosure.summary().primary == 6);
  CHECK(disclosure.summary().complementary == 0);
  CHECK(disclosure.Counts(Service(b), Q(2026, 3)).respondents == 10);
  CHECK(disclosure.Counts(kAll, Q(2026, 3)).respondents == 35);
}

TEST_CASE("Disclosure: one small service hides the smallest other that brings the hidden to k") {
  Fixture f;
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 12);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 25);
  f.Add(d, kNoTouchpoint, Q(2026, 3), 40);
  const Disclosure disclosure(*f.results, kK, f.published);
  // a (3) is hidden; 80 − 12 − 25 − 40 would give it back, so b (12: 3 + 12 ≥ 10) is hidden too.
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service b 2026-q3", "service a 2026-h2",
                                         "service b 2026-h2", "service a 2026", "service b 2026"});
  CHECK_FALSE(disclosure.Hidden(kAll, Q(2026, 3)));
  CHECK(disclosure.exposed().empty());
}

TEST_CASE("Disclosure: two small services that add up to less than k need a third") {
  Fixture f;
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 4);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 25);
  f.Add(d, kNoTouchpoint, Q(2026, 3), 40);
  const Disclosure disclosure(*f.results, kK, f.published);
  // 72 − 25 − 40 = 7 = a + b would pin both between 0 and 7: c (25) is hidden as well, and a, b
  // and c are each anywhere from 0 to 32.
  CHECK(HiddenCells(disclosure) ==
        Cells{"service a 2026-q3", "service b 2026-q3", "service c 2026-q3", "service a 2026-h2", "service b 2026-h2",
              "service c 2026-h2", "service a 2026", "service b 2026", "service c 2026"});
  CHECK(disclosure.exposed().empty());
}

TEST_CASE("Disclosure: a small quarter hides another quarter, so that the half-year and year stay") {
  Fixture f;
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(a, kNoTouchpoint, Q(2026, 4), 20);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 20);
  f.Add(b, kNoTouchpoint, Q(2026, 4), 20);
  const Disclosure disclosure(*f.results, kK, f.published);
  // a's Q3 (3): its Q4 (20) rather than its H2 (23); then b in Q3 and in Q4, the other service of
  // each quarter. a's H2 = 23 and b's = 40 stay, with the year (the official summaries):
  // a Q3 = t, a Q4 = 23 − t, b Q3 = 23 − t, b Q4 = 17 + t for any t from 0 to 23.
  CHECK(HiddenCells(disclosure) ==
        Cells{"service a 2026-q3", "service b 2026-q3", "service a 2026-q4", "service b 2026-q4"});
  CHECK(disclosure.Counts(Service(a), H(2026, 2)).respondents == 23);
  CHECK(disclosure.exposed().empty());
}

TEST_CASE("Disclosure: the audit hides what the walk over sums missed") {
  Fixture f;
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 12);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 25);
  f.Add(d, kNoTouchpoint, Q(2026, 3), 40);
  f.Add(kNoService, mfc, Q(2026, 3), 15);
  const Disclosure disclosure(*f.results, kK, f.published);
  // Among all 95, a (3) and the 15 without a service are unknown: the walk sees 18 ≥ k and stops.
  // But the 15 are the MFC's, shown on its page: the audit pins a at 3 and hides b (12) as well.
  CHECK(HiddenCells(disclosure) == Cells{"service a 2026-q3", "service b 2026-q3", "service a 2026-h2",
                                         "service b 2026-h2", "service a 2026", "service b 2026"});
  CHECK(disclosure.summary().rounds == 2);
  CHECK(disclosure.exposed().empty());
}

TEST_CASE("Disclosure: a complement the published numbers give away anyway is shown") {
  Fixture f;
  f.Add(a, mfc, Q(2026, 3), 27);
  f.Add(a, web, Q(2026, 3), 3);
  f.Add(b, post, Q(2026, 3), 12);
  const Disclosure disclosure(*f.results, kK, f.published);
  // web (3) is small. Among the touchpoints post (12) would do as a complement, but post is b's only
  // channel: b's 12 gives it back. And web is a's 30 less the MFC's 27 (a's only other channel): so
  // the MFC hides, web is anywhere from 0 to 30, and post, pinned by b, is shown after all.
  CHECK(HiddenCells(disclosure) == Cells{"touchpoint mfc 2026-q3", "touchpoint web 2026-q3",
                                         "touchpoint mfc 2026-h2", "touchpoint web 2026-h2", "touchpoint mfc 2026",
                                         "touchpoint web 2026"});
  CHECK(disclosure.Counts(Touchpoint(post), Q(2026, 3)).respondents == 12);
  CHECK(disclosure.summary().given_away > 0);
  CHECK(disclosure.exposed().empty());
}

TEST_CASE("Disclosure: a situation pools its services' published cells: a shown half-year, else shown quarters") {
  Fixture f;
  // family = a + b, work = c. Q3: a 3 (hidden) and c 12 (the complement); Q4: everything shown.
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 40);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 12);
  f.Add(a, kNoTouchpoint, Q(2026, 4), 20);
  f.Add(b, kNoTouchpoint, Q(2026, 4), 20);
  f.Add(c, kNoTouchpoint, Q(2026, 4), 20);
  const Disclosure disclosure(*f.results, kK, f.published);
  const RoleCounts family_q3 = disclosure.Counts(Situation(kFamily), Q(2026, 3));
  REQUIRE(disclosure.Hidden(Service(a), Q(2026, 3)));
  CHECK(family_q3.respondents == 40);  // b only: a's 3 left out
  CHECK(family_q3.overall == std::array<uint64_t, 5>{0, 0, 0, 0, 40});
  CHECK_FALSE(disclosure.Hidden(Situation(kFamily), Q(2026, 3)));
  CHECK(disclosure.Counts(Service(a), H(2026, 2)).respondents == 23);  // services are not pooled: 3 + 20
  CHECK(disclosure.Counts(kAll, H(2026, 2)).respondents == 115);      // 55 + 60
  // Over H2 the situation takes each service's H2 where it is shown: family = a 23 + b 60 = 83, the same
  // as its services' pages say (a's hidden Q3 is inside a's shown H2, published anyway).
  REQUIRE_FALSE(disclosure.Hidden(Service(a), H(2026, 2)));
  CHECK(disclosure.Counts(Situation(kFamily), H(2026, 2)).respondents == 83);
  // work = c: c's Q3 (12) is hidden as a's complement, its H2 (32) is shown: 32.
  CHECK(disclosure.Counts(Situation(kWork), H(2026, 2)).respondents ==
        disclosure.Counts(Service(c), H(2026, 2)).respondents);
}

// The hidden cells of services' channel splits in `quarter`, as "a@post".
Cells HiddenChannels(const Disclosure& disclosure, const Period& quarter) {
  const Site& site = disclosure.results().site();
  Cells hidden;
  for (size_t s = 0; s < site.services().size(); ++s) {
    for (size_t t = 0; t < site.touchpoints().size(); ++t) {
      if (disclosure.Counts(disclosure.ServiceAt(0, static_cast<int>(s), static_cast<int>(t)), quarter).respondents > 0 &&
          disclosure.Hidden(disclosure.ServiceAt(0, static_cast<int>(s), static_cast<int>(t)), quarter)) {
        hidden.push_back(site.services()[s].id + "@" + site.touchpoints()[t].id);
      }
    }
  }
  return hidden;
}

TEST_CASE("Disclosure: a small cell of a channel split hides a rectangle that leaves the totals alone") {
  Fixture f;
  const Period q4 = Q(2026, 4);  // the last complete quarter: its splits are published
  f.Add(a, mfc, q4, 30);
  f.Add(a, web, q4, 12);
  f.Add(a, post, q4, 3);
  f.Add(b, mfc, q4, 20);
  f.Add(b, post, q4, 15);
  f.Add(c, web, q4, 25);
  const Disclosure disclosure(*f.results, kK, f.published);
  CHECK(HiddenCells(disclosure) == Cells{});
  // a@post (3): every service and touchpoint gets two unknown cells. a@web and c@web, hidden on
  // the way, are given away (c's only channel is web; web less c is a@web) and shown after all:
  // a@post = t, a@mfc = 33 − t, b@mfc = 17 + t, b@post = 18 − t, for t from 0 to 18.
  CHECK(HiddenChannels(disclosure, q4) == Cells{"a@mfc", "a@post", "b@mfc", "b@post"});
  CHECK(disclosure.exposed().empty());
}

TEST_CASE("Disclosure: channel splits of earlier quarters are not published, so nothing in them is hidden") {
  Fixture f;
  f.Add(a, mfc, Q(2026, 3), 30);
  f.Add(a, post, Q(2026, 3), 3);
  f.Add(b, post, Q(2026, 3), 30);
  const Disclosure disclosure(*f.results, kK, f.published);
  CHECK(HiddenChannels(disclosure, Q(2026, 3)) ==
        Cells{"a@mfc", "a@post", "b@post"});  // unpublished: Hidden() says so for every cell
  CHECK(disclosure.summary().primary == 0);
}

TEST_CASE("Disclosure: groups of a period that is not over are never shown, and never need protecting") {
  Fixture f;
  f.published.as_of = Date(2026, 11, 15);  // IV 2026 runs: H2 and 2026 are not over
  f.Add(a, kNoTouchpoint, Q(2026, 3), 30);
  f.Add(a, kNoTouchpoint, Q(2026, 4), 2);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 30);
  const Disclosure disclosure(*f.results, kK, f.published);
  CHECK(disclosure.Hidden(Service(a), Q(2026, 4)));
  CHECK(disclosure.Hidden(Service(a), H(2026, 2)));
  CHECK_FALSE(disclosure.Hidden(Service(a), Q(2026, 3)));
  CHECK(disclosure.summary().primary == 0);  // nothing published was small
}

TEST_CASE("Disclosure takes a memo's decisions for the same tables and counts, and remakes it for others") {
  Fixture f;
  f.Add(a, kNoTouchpoint, Q(2026, 3), 3);
  f.Add(b, kNoTouchpoint, Q(2026, 3), 12);
  f.Add(c, kNoTouchpoint, Q(2026, 3), 25);
  DisclosureMemo memo;
  const Disclosure first(*f.results, kK, f.published, &memo);
  REQUIRE(memo.fingerprint != 0);
  const Cells hidden = HiddenCells(first);
  CHECK(hidden.size() == 6);  // a and b in Q3, H2 and 2026
  // The same tables: the memo's decisions are used as they are (here, tampered with: nothing hidden).
  std::fill(memo.hidden.begin(), memo.hidden.end(), 0);
  const Disclosure again(*f.results, kK, f.published, &memo);
  CHECK(HiddenCells(again).empty());
  // Another count: the memo does not fit, the steps run and the memo is remade.
  const uint64_t before = memo.fingerprint;
  f.Add(d, kNoTouchpoint, Q(2026, 3), 40);
  const Disclosure changed(*f.results, kK, f.published, &memo);
  CHECK(HiddenCells(changed) == hidden);
  CHECK(memo.fingerprint != before);
}

TEST_CASE("AuditDisclosure pins a cell that every sum leaves with another unknown") {
  // Three hidden cells in three published sums: x + y = 15, y + z = 32, x + z = 23. Each sum has
  // two unknowns adding up to at least k, so a walk over sums is content; but together they give
  // x = (15 − 32 + 23) / 2 = 3, y = 12, z = 20.
  CellTable table;
  const int x = table.Add("x", 3, true, true, 1);
  const int y = table.Add("y", 12, true, true, 1);
  const int z = table.Add("z", 20, true, true, 1);
  const int xy = table.Add("x+y", 15, true, true, 1);
  const int yz = table.Add("y+z", 32, true, true, 1);
  const int xz = table.Add("x+z", 23, true, true, 1);
  for (const int cell : {x, y, z}) table.cell(cell).hidden = true;
  REQUIRE(table.AddEquation({{{xy, 1}, {x, -1}, {y, -1}}, 0}));
  REQUIRE(table.AddEquation({{{yz, 1}, {y, -1}, {z, -1}}, 0}));
  REQUIRE(table.AddEquation({{{xz, 1}, {x, -1}, {z, -1}}, 0}));
  // An equation the data does not satisfy is no relation: refused.
  CHECK_FALSE(table.AddEquation({{{xz, 1}, {x, -1}}, 0}));
  const AuditReport report = AuditDisclosure(table);
  REQUIRE(report.ranges.size() == 3);
  for (const Exposure& range : report.ranges) {
    INFO(table.cell(range.cell).key);
    CHECK(range.low == Approx(static_cast<double>(table.cell(range.cell).n)));
    CHECK(range.high == Approx(static_cast<double>(table.cell(range.cell).n)));
  }
  CHECK(report.audited == 3);
  CHECK(report.problems == 6);
  // Without the third sum, x could be anything from 0 to 15: y = 15 − x, z = 17 + x.
  CellTable open;
  const int ox = open.Add("x", 3, true, true, 1);
  const int oy = open.Add("y", 12, true, true, 1);
  const int oz = open.Add("z", 20, true, true, 1);
  const int oxy = open.Add("x+y", 15, true, true, 1);
  const int oyz = open.Add("y+z", 32, true, true, 1);
  for (const int cell : {ox, oy, oz}) open.cell(cell).hidden = true;
  open.AddEquation({{{oxy, 1}, {ox, -1}, {oy, -1}}, 0});
  open.AddEquation({{{oyz, 1}, {oy, -1}, {oz, -1}}, 0});
  const AuditReport wide = AuditDisclosure(open);
  for (const Exposure& range : wide.ranges) {
    if (range.cell != ox) continue;
    CHECK(range.low == Approx(0));
    CHECK(range.high == Approx(15));
  }
}

TEST_CASE("RecodeOrdered joins a small category with its smaller neighbour until each has k") {
  // 3 | 20 | 15 | 2: the 2 joins 15 (its only neighbour), then the 3 joins 20.
  CHECK(RecodeOrdered({3, 20, 15, 2}, kK) == std::vector<std::vector<size_t>>{{0, 1}, {2, 3}});
  // 12 | 4 | 30 | 6: the 4 joins 12 (smaller than 30), then the 6 joins 30.
  CHECK(RecodeOrdered({12, 4, 30, 6}, kK) == std::vector<std::vector<size_t>>{{0, 1}, {2, 3}});
  // Nothing small: every category alone; an empty one is nobody and stays.
  CHECK(RecodeOrdered({10, 0, 25}, kK) == std::vector<std::vector<size_t>>{{0}, {1}, {2}});
  // 0 | 5 | 20: an empty neighbour would add nobody, so the 5 joins 20 and the empty band stays alone.
  CHECK(RecodeOrdered({0, 5, 20}, kK) == std::vector<std::vector<size_t>>{{0}, {1, 2}});
  // 3 | 12 | 9 | 0: the 3 joins 12; the 9 joins those 15, not the empty band.
  CHECK(RecodeOrdered({3, 12, 9, 0}, kK) == std::vector<std::vector<size_t>>{{0, 1, 2}, {3}});
  // Too few for any split: one category.
  CHECK(RecodeOrdered({2, 3}, kK) == std::vector<std::vector<size_t>>{{0, 1}});
}

}  // namespace
}  // namespace otklik::disclosure_test
