#include "stats/survey_plan.h"

#include <catch2/catch.hpp>

#include "model/skip_logic.h"
#include "sample_site.h"

namespace otklik::survey_plan_test {
namespace {

using Values = std::vector<std::string>;
using Fields = std::vector<std::pair<std::string, Values>>;
using Numbers = std::vector<uint64_t>;

// The slots of «quality» (testing::kQualityRevision2).
enum { kService, kChannel, kOnline, kOverall, kSpeed, kPolite, kProblems, kDetails, kSlots };
// Indices in testing::TestSite.
enum { a, b, c, d, e };
enum { mfc, web, post };
// Surveys of testing::QualitySite().
enum { kHotline, kQuality, kStaff };

// A stored line of «quality».
struct TestLine : testing::StoredLine {
  TestLine(int revision, Fields answers) : StoredLine("quality", revision, std::move(answers)) {}
};

struct Fixture {
  Site site = testing::QualitySite();
  std::vector<std::string> parameters;
  SurveyPlan plan{site.surveys()[kQuality], site, &parameters};
  std::vector<SlotCounts> counts = plan.EmptyCounts();
  SurveyPlan::Scratch scratch;

  // Reads one response into `counts`; its roles.
  RoleAnswers Read(int revision, Fields answers, const SurveyPlan* with = nullptr) {
    const TestLine line(revision, std::move(answers));
    RoleAnswers roles;
    REQUIRE((with ? with : &plan)->Read(line.line(), &counts, &roles, &scratch));
    return roles;
  }
  Numbers Asked() const {
    Numbers out;
    for (const SlotCounts& slot : counts) out.push_back(slot.asked);
    return out;
  }
  Numbers Answered() const {
    Numbers out;
    for (const SlotCounts& slot : counts) out.push_back(slot.answered);
    return out;
  }
};

TEST_CASE("SurveyPlan makes one slot per question and matrix row, worded as in the newest revision") {
  Fixture f;
  const std::vector<Slot>& slots = f.plan.slots();
  REQUIRE(slots.size() == kSlots);
  CHECK(slots[kService].question == "service");
  CHECK(slots[kService].kind == QuestionKind::kService);
  CHECK(slots[kService].options == Values{"a", "b", "c", "d", "e"});
  CHECK(slots[kService].option_texts == Values{"Услуга a", "Услуга b", "Услуга c", "Услуга d", "Услуга e"});
  CHECK(slots[kChannel].options == Values{"portal", "office", "other"});
  CHECK(slots[kOnline].options == Values{"1", "2", "3", "4", "5"});
  // Revision 1 called it «Прежняя оценка»; the slot keeps revision 2's text.
  CHECK(slots[kOverall].text == "Оценка");
  CHECK(slots[kSpeed].question == "params");
  CHECK(slots[kSpeed].row == "speed");
  CHECK(slots[kSpeed].text == "Скорость");
  CHECK(slots[kSpeed].options == Values{"1", "2", "3", "4", "5"});
  CHECK(slots[kPolite].row == "polite");
  // Revision 2's options in order, then «paper», which only revision 1 had.
  CHECK(slots[kProblems].text == "Проблемы");
  CHECK(slots[kProblems].options == Values{"queue", "docs", "none", "paper"});
  CHECK(slots[kProblems].option_texts == Values{"Очередь", "Документы", "Не было", "Бумаги"});
  CHECK(slots[kDetails].kind == QuestionKind::kText);
  CHECK(slots[kDetails].options.empty());
  CHECK(f.parameters == Values{"speed", "polite"});
}

TEST_CASE("SurveyPlan::EmptyCounts has zero counts with room for each slot's options") {
  Fixture f;
  REQUIRE(f.counts.size() == kSlots);
  CHECK(f.counts[kService].options == Numbers{0, 0, 0, 0, 0});
  CHECK(f.counts[kChannel].options == Numbers{0, 0, 0});
  CHECK(f.counts[kProblems].options == Numbers{0, 0, 0, 0});
  CHECK(f.counts[kDetails].options.empty());
  CHECK(f.Asked() == Numbers(kSlots, 0));
}

TEST_CASE("SurveyPlan::Read counts a respondent who went the whole way") {
  Fixture f;
  const RoleAnswers roles = f.Read(2, {{"service", {"b"}},
                                       {"channel", {"portal"}},
                                       {"online", {"4"}},
                                       {"overall", {"5"}},
                                       {"params.speed", {"4"}},
                                       {"params.polite", {"2"}},
                                       {"problems", {"queue", "none"}},
                                       {"details", {"Долго ждал"}}});
  CHECK(f.Asked() == Numbers{1, 1, 1, 1, 1, 1, 1, 1});
  CHECK(f.Answered() == Numbers{1, 1, 1, 1, 1, 1, 1, 1});
  CHECK(f.counts[kService].options == Numbers{0, 1, 0, 0, 0});
  CHECK(f.counts[kChannel].options == Numbers{1, 0, 0});
  CHECK(f.counts[kOnline].options == Numbers{0, 0, 0, 1, 0});
  CHECK(f.counts[kOverall].options == Numbers{0, 0, 0, 0, 1});
  CHECK(f.counts[kSpeed].options == Numbers{0, 0, 0, 1, 0});
  CHECK(f.counts[kPolite].options == Numbers{0, 1, 0, 0, 0});
  CHECK(f.counts[kProblems].options == Numbers{1, 0, 1, 0});
  CHECK(roles.service == b);
  CHECK(roles.touchpoint == web);
  CHECK(roles.overall == 5);
  CHECK(roles.parameters == std::vector<std::pair<int, int>>{{0, 4}, {1, 2}});
  CHECK(f.scratch.ignored == 0);
}

TEST_CASE("SurveyPlan::Read: a jump skips questions, and answers to them are not counted") {
  Fixture f;
  // office jumps to «overall»: «online» is not asked, so its answer does not count, not even in the base.
  const RoleAnswers roles = f.Read(2, {{"service", {"a"}},
                                       {"channel", {"office"}},
                                       {"online", {"1"}},
                                       {"overall", {"4"}},
                                       {"problems", {"none"}}});
  CHECK(f.Asked() == Numbers{1, 1, 0, 1, 1, 1, 1, 0});
  CHECK(f.Answered() == Numbers{1, 1, 0, 1, 0, 0, 1, 0});
  CHECK(f.counts[kOnline].options == Numbers{0, 0, 0, 0, 0});
  CHECK(roles.touchpoint == mfc);
  CHECK(roles.overall == 4);
  CHECK(roles.parameters.empty());
}

TEST_CASE("SurveyPlan::Read: a jump to the end leaves every later question unasked") {
  Fixture f;
  const RoleAnswers roles = f.Read(2, {{"service", {"c"}}, {"channel", {"other"}}, {"overall", {"2"}}});
  CHECK(f.Asked() == Numbers{1, 1, 0, 0, 0, 0, 0, 0});
  CHECK(f.Answered() == Numbers{1, 1, 0, 0, 0, 0, 0, 0});
  // «other» stands for no touchpoint; the overall rating was never asked.
  CHECK(roles.service == c);
  CHECK(roles.touchpoint == -1);
  CHECK(roles.overall == 0);
}

TEST_CASE("SurveyPlan::Read: an unanswered question is in the base but not answered, and jumps nowhere") {
  Fixture f;
  f.Read(2, {{"service", {"a"}}, {"overall", {"3"}}, {"problems", {}}});
  // No channel: the path goes on through «online». «problems» with no values is unanswered, so the
  // condition of «details» is not met.
  CHECK(f.Asked() == Numbers{1, 1, 1, 1, 1, 1, 1, 0});
  CHECK(f.Answered() == Numbers{1, 0, 0, 1, 0, 0, 0, 0});
  CHECK(f.counts[kOverall].options == Numbers{0, 0, 1, 0, 0});
}

TEST_CASE("SurveyPlan::Read: show_if asks a question only after one of its answers") {
  Fixture f;
  f.Read(2, {{"problems", {"none"}}, {"details", {"ignored: not asked"}}});  // not asked
  f.Read(2, {{"problems", {"docs"}}});                                      // asked, not answered
  f.Read(2, {{"problems", {"none", "queue"}}, {"details", {"Очередь"}}});    // asked and answered
  CHECK(f.counts[kDetails].asked == 2);
  CHECK(f.counts[kDetails].answered == 1);
  CHECK(f.counts[kProblems].asked == 3);
  CHECK(f.counts[kProblems].options == Numbers{1, 1, 2, 0});
}

TEST_CASE("SurveyPlan::Read counts a multiple choice once per respondent and option") {
  Fixture f;
  f.Read(2, {{"problems", {"queue", "queue", "docs"}}});
  f.Read(2, {{"problems", {"docs"}}});
  // queue 1 (not 2), docs 2; two respondents answered.
  CHECK(f.counts[kProblems].options == Numbers{1, 2, 0, 0});
  CHECK(f.counts[kProblems].answered == 2);
}

TEST_CASE("SurveyPlan::Read reads a response by the revision it answered") {
  Fixture f;
  // Revision 1 had no channel, online, params or details: only its own three questions are asked.
  const RoleAnswers roles =
      f.Read(1, {{"service", {"a"}}, {"overall", {"3"}}, {"problems", {"paper", "queue"}}, {"channel", {"portal"}}});
  CHECK(f.Asked() == Numbers{1, 0, 0, 1, 0, 0, 1, 0});
  CHECK(f.Answered() == Numbers{1, 0, 0, 1, 0, 0, 1, 0});
  // «paper» is the fourth option of the slot.
  CHECK(f.counts[kProblems].options == Numbers{1, 0, 0, 1});
  CHECK(roles.service == a);
  CHECK(roles.touchpoint == -1);
  CHECK(roles.overall == 3);
  // «channel» is not a question of revision 1: its one value is ignored.
  CHECK(f.scratch.ignored == 1);
  // The same answers as revision 2: «channel» counts, and «paper» is no option of it.
  f.Read(2, {{"problems", {"paper", "queue"}}});
  CHECK(f.counts[kProblems].options == Numbers{2, 0, 0, 1});
  CHECK(f.scratch.ignored == 2);
}

TEST_CASE("SurveyPlan::Read refuses an unknown revision and touches nothing") {
  Fixture f;
  const TestLine line(7, {{"service", {"a"}}, {"overall", {"5"}}});
  RoleAnswers roles;
  CHECK_FALSE(f.plan.Read(line.line(), &f.counts, &roles, &f.scratch));
  CHECK(f.Asked() == Numbers(kSlots, 0));
  CHECK(roles.service == -1);
  CHECK(roles.overall == 0);
  CHECK(f.scratch.ignored == 0);
}

TEST_CASE("SurveyPlan::Read counts the values it cannot place") {
  Fixture f;
  f.Read(2, {{"colour", {"red", "blue"}},            // 2: no such field
             {"overall", {"6"}},                     // 1: no such option
             {"problems", {"bogus", "docs"}},        // 1: no such option; docs counts
             {"params.speed", {"9"}},                // 1: not a rating
             {"params.polite", {"3", "4"}},          // 1: one rating per row; the first counts
             {"details", {"Свободный текст"}}});     // 0: any text is an answer
  CHECK(f.scratch.ignored == 6);  // 2 + 1 + 1 + 1 + 1
  CHECK(f.counts[kProblems].options == Numbers{0, 1, 0, 0});
  CHECK(f.counts[kSpeed].asked == 1);
  CHECK(f.counts[kSpeed].answered == 0);
  CHECK(f.counts[kPolite].options == Numbers{0, 0, 1, 0, 0});
  CHECK(f.counts[kDetails].answered == 1);
}

TEST_CASE("SurveyPlan::Read adds to the counts it is given") {
  Fixture f;
  f.Read(2, {{"overall", {"5"}}});
  f.Read(2, {{"overall", {"5"}}});
  f.Read(1, {{"overall", {"1"}}});
  CHECK(f.counts[kOverall].asked == 3);
  CHECK(f.counts[kOverall].options == Numbers{1, 0, 0, 0, 2});
  CHECK(f.counts[kService].asked == 3);
  CHECK(f.counts[kService].answered == 0);
}

TEST_CASE("SurveyPlan::Read gives every response of a survey with a touchpoint that touchpoint") {
  Fixture f;
  const SurveyPlan hotline(f.site.surveys()[kHotline], f.site, &f.parameters);
  std::vector<SlotCounts> counts = hotline.EmptyCounts();
  const TestLine line(1, {{"service", {"b"}}, {"overall", {"2"}}});
  RoleAnswers roles;
  REQUIRE(hotline.Read(line.line(), &counts, &roles, &f.scratch));
  CHECK(roles.service == b);
  CHECK(roles.touchpoint == post);
  CHECK(roles.overall == 2);
  // The hotline offers two of the five services.
  CHECK(hotline.slots()[0].options == Values{"a", "b"});
  CHECK(counts[0].options == Numbers{0, 1});
}

// The bases must be those of AskedQuestions(), the rule the form and the
// validator follow.
TEST_CASE("SurveyPlan::Read asks the same questions as AskedQuestions") {
  Fixture f;
  const Survey& survey = f.site.surveys()[kQuality];
  const std::vector<Fields> responses = {
      {},
      {{"channel", {"portal"}}, {"problems", {"docs"}}},
      {{"channel", {"office"}}, {"problems", {"queue"}}},
      {{"channel", {"other"}}, {"problems", {"queue"}}},
      {{"channel", {"fax"}}},
      {{"problems", {"none"}}},
      {{"problems", {"none", "docs"}}},
  };
  for (const Fields& fields : responses) {
    Answers answers;
    for (const auto& [field, values] : fields) answers[field] = values;
    std::vector<SlotCounts> counts = f.plan.EmptyCounts();
    const TestLine line(2, fields);
    RoleAnswers roles;
    REQUIRE(f.plan.Read(line.line(), &counts, &roles, &f.scratch));
    std::vector<std::string> by_plan;
    for (size_t i = 0; i < counts.size(); ++i) {
      const std::string& id = f.plan.slots()[i].question;
      if (counts[i].asked > 0 && (by_plan.empty() || by_plan.back() != id)) by_plan.push_back(id);
    }
    std::vector<std::string> by_model;
    for (const Question* q : AskedQuestions(survey, answers)) by_model.push_back(q->id);
    CHECK(by_plan == by_model);
  }
}

}  // namespace
}  // namespace otklik::survey_plan_test
