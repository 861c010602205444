#include "stats/results.h"

#include <catch2/catch.hpp>

#include "sample_site.h"

namespace otklik::results_test {
namespace {

using testing::H;
using testing::Q;
using testing::Y;

// Indices in testing::TestSite.
enum { a, b, c, d, e };
enum { mfc, web, post };
constexpr int kFamily = 0;

RoleCounts Counts(uint64_t respondents, std::array<uint64_t, 5> overall) {
  RoleCounts counts;
  counts.respondents = respondents;
  counts.overall = overall;
  return counts;
}

using Touchpoints = std::vector<uint64_t>;

TEST_CASE("QuarterNumber counts quarters consecutively across years") {
  CHECK(QuarterNumber(Q(2026, 1)) == 8104);  // 2026 · 4 + 1 − 1
  CHECK(QuarterNumber(Q(2026, 3)) == 8106);  // 2026 · 4 + 3 − 1
  CHECK(QuarterNumber(Q(2025, 4)) == 8103);  // 2025 · 4 + 4 − 1: just before 2026 Q1
  CHECK(QuarterOfNumber(8106) == Q(2026, 3));
  CHECK(QuarterOfNumber(8107) == Q(2026, 4));
  CHECK(QuarterOfNumber(8108) == Q(2027, 1));
}

TEST_CASE("RoleCounts::Add sums everything and grows the parameter and touchpoint lists") {
  RoleCounts total = Counts(3, {1, 0, 0, 1, 1});
  total.parameters = {{1, 0, 0, 0, 0}};
  RoleCounts more = Counts(2, {0, 0, 1, 0, 0});
  more.parameters = {{0, 1, 0, 0, 0}, {0, 0, 0, 0, 2}};
  more.touchpoints = {0, 2};
  total.Add(more);
  CHECK(total.respondents == 5);
  CHECK(total.overall == std::array<uint64_t, 5>{1, 0, 1, 1, 1});
  CHECK(total.OverallAnswers() == 4);  // one of the 5 did not rate
  REQUIRE(total.parameters.size() == 2);
  CHECK(total.parameters[0] == std::array<uint64_t, 5>{1, 1, 0, 0, 0});
  CHECK(total.parameters[1] == std::array<uint64_t, 5>{0, 0, 0, 0, 2});
  CHECK(total.touchpoints == Touchpoints{0, 2});
}

struct Fixture {
  Site site = testing::TestSiteWithOneSurvey();
  std::unique_ptr<Results> results = testing::EmptyResults(site);
  void Add(int service, int touchpoint, const Period& quarter, const RoleCounts& counts) {
    results->AddRole(0, service, touchpoint, QuarterNumber(quarter), counts);
    results->AddSurvey(0, QuarterNumber(quarter), {});
  }
};

TEST_CASE("Results pools a service over its touchpoints and the quarters of a period") {
  Fixture f;
  f.Add(a, mfc, Q(2026, 3), Counts(4, {0, 0, 1, 1, 2}));
  f.Add(a, web, Q(2026, 3), Counts(2, {1, 0, 0, 0, 1}));
  f.Add(a, -1, Q(2026, 4), Counts(5, {0, 0, 0, 5, 0}));
  f.Add(a, mfc, Q(2026, 2), Counts(7, {7, 0, 0, 0, 0}));
  f.Add(b, mfc, Q(2026, 3), Counts(100, {0, 0, 0, 0, 100}));
  // Q3: 4 + 2 = 6; per touchpoint mfc 4, web 2, post 0, none 0.
  const RoleCounts q3 = f.results->Service(0, a, Q(2026, 3));
  CHECK(q3.respondents == 6);
  CHECK(q3.overall == std::array<uint64_t, 5>{1, 0, 1, 1, 3});
  CHECK(q3.touchpoints == Touchpoints{4, 2, 0, 0});
  // H2: Q3 6 + Q4 5 = 11, the 5 of Q4 with no touchpoint known.
  const RoleCounts h2 = f.results->Service(0, a, H(2026, 2));
  CHECK(h2.respondents == 11);
  CHECK(h2.overall == std::array<uint64_t, 5>{1, 0, 1, 6, 3});
  CHECK(h2.touchpoints == Touchpoints{4, 2, 0, 5});
  // The year: 7 + 6 + 5 = 18.
  CHECK(f.results->Service(0, a, Y(2026)).respondents == 18);
  CHECK(f.results->Service(0, a, H(2026, 1)).respondents == 7);
  // No responses: zero counts, one touchpoint slot per touchpoint plus «none».
  const RoleCounts none = f.results->Service(0, c, Y(2026));
  CHECK(none.respondents == 0);
  CHECK(none.touchpoints == Touchpoints{0, 0, 0, 0});
  CHECK(none.parameters.empty());  // the survey has no parameters
}

TEST_CASE("Results pools touchpoints over services, and everything over both") {
  Fixture f;
  f.Add(a, mfc, Q(2026, 3), Counts(4, {}));
  f.Add(b, mfc, Q(2026, 3), Counts(6, {}));
  f.Add(b, post, Q(2026, 3), Counts(3, {}));
  f.Add(-1, mfc, Q(2026, 3), Counts(2, {}));  // no service known
  f.Add(c, -1, Q(2026, 3), Counts(9, {}));    // no touchpoint known
  CHECK(f.results->Touchpoint(0, mfc, Q(2026, 3)).respondents == 12);  // 4 + 6 + 2
  CHECK(f.results->Touchpoint(0, post, Q(2026, 3)).respondents == 3);
  CHECK(f.results->Touchpoint(0, web, Q(2026, 3)).respondents == 0);
  const RoleCounts all = f.results->All(0, Q(2026, 3));
  CHECK(all.respondents == 24);  // 4 + 6 + 3 + 2 + 9
  CHECK(all.touchpoints == Touchpoints{12, 0, 3, 9});
  CHECK(f.results->All(0, Q(2026, 4)).respondents == 0);
}

TEST_CASE("Results pools a situation over all its services") {
  Fixture f;
  // family = a + b; c is in «work».
  f.Add(a, mfc, Q(2026, 3), Counts(4, {}));
  f.Add(a, mfc, Q(2026, 4), Counts(5, {}));
  f.Add(b, web, Q(2026, 3), Counts(6, {}));
  f.Add(c, web, Q(2026, 3), Counts(50, {}));
  const RoleCounts family = f.results->Situation(0, kFamily, H(2026, 2));
  CHECK(family.respondents == 15);  // 4 + 5 + 6
  CHECK(family.touchpoints == Touchpoints{9, 6, 0, 0});
}

TEST_CASE("Results lists the quarters with responses, oldest first") {
  Fixture f;
  CHECK(f.results->Quarters().empty());
  f.Add(a, mfc, Q(2026, 3), Counts(1, {}));
  f.Add(a, mfc, Q(2025, 4), Counts(1, {}));
  f.Add(b, mfc, Q(2026, 3), Counts(1, {}));
  CHECK(f.results->Quarters() == std::vector<Period>{Q(2025, 4), Q(2026, 3)});
}

TEST_CASE("Results sums a survey's slot counts per period and over all periods") {
  Fixture f;
  // The survey has one slot, the overall rating, with options 1–5.
  SlotCounts q3;
  q3.asked = 5;
  q3.answered = 4;
  q3.options = {1, 0, 0, 1, 2};
  SlotCounts q4;
  q4.asked = 3;
  q4.answered = 3;
  q4.options = {0, 0, 3, 0, 0};
  f.results->AddSurvey(0, QuarterNumber(Q(2026, 3)), {q3});
  f.results->AddSurvey(0, QuarterNumber(Q(2026, 3)), {q3});
  f.results->AddSurvey(0, QuarterNumber(Q(2027, 1)), {q4});
  const std::vector<SlotCounts> h2 = f.results->SurveyCounts(0, H(2026, 2));
  REQUIRE(h2.size() == 1);
  CHECK(h2[0].asked == 10);  // 5 + 5
  CHECK(h2[0].answered == 8);
  CHECK(h2[0].options == std::vector<uint64_t>{2, 0, 0, 2, 4});
  const std::vector<SlotCounts> h1 = f.results->SurveyCounts(0, H(2026, 1));
  CHECK(h1[0].asked == 0);
  CHECK(h1[0].options == std::vector<uint64_t>{0, 0, 0, 0, 0});
  const std::vector<SlotCounts> total = f.results->SurveyTotal(0);
  CHECK(total[0].asked == 13);  // 5 + 5 + 3
  CHECK(total[0].options == std::vector<uint64_t>{2, 0, 3, 2, 4});
  CHECK(f.results->SurveyResponses(0) == 13);
}

TEST_CASE("Results names the parameters pooled across surveys by row id") {
  const std::vector<Service> services = testing::TestServices();
  const Site site = testing::TestSite(
      {testing::ParseTestSurvey("one",
                                "title: Один\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 1\nquestions:\n"
                                "  - id: params\n    kind: matrix\n    role: parameters\n    text: Параметры\n"
                                "    rows: [{speed: Скорость}, {polite: Вежливость}]\n",
                                services),
       testing::ParseTestSurvey("two",
                                "title: Два\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 1\nquestions:\n"
                                "  - id: grid\n    kind: matrix\n    role: parameters\n    text: Оцените\n"
                                "    rows: [{polite: Вежливость персонала}, {clean: Чистота}]\n"
                                "  - id: other\n    kind: matrix\n    text: Прочее\n    rows: [{noise: Шум}]\n",
                                services)},
      services);
  std::unique_ptr<Results> results = testing::EmptyResults(site);
  // «one» first (surveys are in id order): speed, polite; then «two» adds clean. «noise» has no role.
  CHECK(results->parameters() == std::vector<std::string>{"speed", "polite", "clean"});
  CHECK(results->ParameterText(0) == "Скорость");
  // «polite» is in both; its text comes from the first survey in site order (results.h says «the newest
  // survey that has it», which the site does not define).
  CHECK(results->ParameterText(1) == "Вежливость");
  CHECK(results->ParameterText(2) == "Чистота");
  CHECK(results->Service(0, a, Q(2026, 3)).parameters.size() == 3);
}

}  // namespace
}  // namespace otklik::results_test
