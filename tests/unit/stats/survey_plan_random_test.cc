// The fast path (SurveyPlan::Read, bit sets and slot tables) against the
// reference path (model::AskedQuestions over a plain map of answers), over
// generated surveys: skip logic (jumps and conditions), revisions, multiple
// choice with more than 64 options, matrices and every fixed kind.

#include <random>
#include <sstream>

#include <catch2/catch.hpp>

#include "model/skip_logic.h"
#include "sample_site.h"
#include "stats/survey_plan.h"

namespace otklik::survey_plan_random_test {
namespace {

using Random = std::mt19937;

int Uniform(Random& random, int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); }
bool Chance(Random& random, int percent) { return Uniform(random, 1, 100) <= percent; }

// A survey file with `count` questions; question ids are q1…qN in every
// revision, so revisions share slots, while kinds and options differ.
std::string SurveyYaml(Random& random, int revision, int count) {
  static const char* const kKinds[] = {"single", "multiple", "scale", "matrix", "satisfaction",
                                       "yes_no", "sex",      "age",   "text",   "service"};
  std::ostringstream yaml;
  yaml << "title: Опрос\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: " << revision << "\nquestions:\n";
  std::vector<std::string> kinds;
  for (int q = 1; q <= count; ++q) {
    const std::string kind = kKinds[Uniform(random, 0, 9)];
    kinds.push_back(kind);
    yaml << "  - id: q" << q << "\n    kind: " << kind << "\n    text: Вопрос " << q << "\n    required: false\n";
    if (kind == "single" || kind == "multiple") {
      // Up to 100 options: past one 64-bit word.
      const int options = Chance(random, 30) ? Uniform(random, 60, 100) : Uniform(random, 2, 6);
      yaml << "    options:\n";
      for (int o = 1; o <= options; ++o) {
        yaml << "      - o" << o << ": Вариант " << o << "\n";
        if (kind == "single" && q < count && Chance(random, 15)) {
          yaml << "        goto: " << (Chance(random, 20) ? std::string("end") : "q" + std::to_string(Uniform(random, q + 1, count)))
               << "\n";
        }
      }
    }
    if (kind == "matrix") {
      yaml << "    rows:\n";
      for (int r = 1; r <= Uniform(random, 1, 4); ++r) yaml << "      - r" << r << ": Строка " << r << "\n";
    }
    // A condition on an earlier choice question.
    for (int source = q - 1; source >= 1 && Chance(random, 30); --source) {
      const std::string& from = kinds[static_cast<size_t>(source - 1)];
      if (from != "single" && from != "multiple" && from != "yes_no") continue;
      yaml << "    show_if:\n      question: q" << source << "\n      answers: ["
           << (from == "yes_no" ? "\"no\"" : "o1, o2") << "]\n";
      break;
    }
  }
  return yaml.str();
}

// The option ids a question's field may hold, as the reference sees them.
std::vector<std::string> OptionIds(const Question& q) {
  if (q.kind == QuestionKind::kScale || q.kind == QuestionKind::kMatrix) return RatingValues();
  std::vector<std::string> ids;
  for (const Option& option : q.options) ids.push_back(option.id);
  return ids;
}

// Random answers to every question of `survey` (asked or not: the paths
// decide), now and then with an unknown option or two values for one choice.
Answers RandomAnswers(Random& random, const Survey& survey) {
  Answers answers;
  for (const Question& q : survey.questions) {
    if (Chance(random, 20)) continue;
    if (q.kind == QuestionKind::kText) {
      answers[q.id] = {"текст"};
      continue;
    }
    const std::vector<std::string> ids = OptionIds(q);
    const auto pick = [&] { return ids[static_cast<size_t>(Uniform(random, 0, static_cast<int>(ids.size()) - 1))]; };
    if (q.kind == QuestionKind::kMatrix) {
      for (const std::string& field : FieldsOf(q)) {
        if (Chance(random, 85)) answers[field] = {Chance(random, 5) ? std::string("7") : pick()};
      }
      continue;
    }
    std::vector<std::string> values = {pick()};
    if (q.kind == QuestionKind::kMultiple) {
      for (int extra = Uniform(random, 0, 5); extra > 0; --extra) {
        const std::string id = pick();
        if (std::find(values.begin(), values.end(), id) == values.end()) values.push_back(id);
      }
    } else if (Chance(random, 3)) {
      values.push_back(pick());  // two answers to one choice: counted nowhere, jumps nowhere
    }
    if (Chance(random, 3)) values.push_back("no-such-option");
    answers[q.id] = values;
  }
  return answers;
}

size_t SlotOf(const SurveyPlan& plan, const Question& q, const std::string& row) {
  for (size_t i = 0; i < plan.slots().size(); ++i) {
    const Slot& slot = plan.slots()[i];
    if (slot.question == q.id && slot.row == row && slot.kind == q.kind) return i;
  }
  FAIL("no slot for " << q.id << "." << row);
  return 0;
}

size_t OptionOf(const Slot& slot, const std::string& id) {
  return static_cast<size_t>(std::find(slot.options.begin(), slot.options.end(), id) - slot.options.begin());
}

// The reference: the model's skip logic over a map, counted one answer at a time.
void CountByReference(const SurveyPlan& plan, const Survey& survey, const Answers& answers,
                      std::vector<SlotCounts>* counts) {
  for (const Question* q : AskedQuestions(survey, answers)) {
    if (q->kind == QuestionKind::kMatrix) {
      for (const MatrixRow& row : q->rows) {
        SlotCounts& slot = (*counts)[SlotOf(plan, *q, row.id)];
        ++slot.asked;
        const auto it = answers.find(q->id + "." + row.id);
        if (it == answers.end() || it->second.front().size() != 1 || it->second.front() < "1" ||
            it->second.front() > "5") {
          continue;
        }
        ++slot.answered;
        ++slot.options[static_cast<size_t>(it->second.front()[0] - '1')];
      }
      continue;
    }
    const size_t index = SlotOf(plan, *q, "");
    SlotCounts& slot = (*counts)[index];
    ++slot.asked;
    const auto it = answers.find(q->id);
    if (it == answers.end()) continue;
    ++slot.answered;
    const std::vector<std::string> ids = OptionIds(*q);
    std::vector<std::string> valid;
    for (const std::string& value : it->second) {
      if (std::find(ids.begin(), ids.end(), value) != ids.end()) valid.push_back(value);
    }
    if (q->kind == QuestionKind::kMultiple) {
      for (const std::string& value : valid) ++slot.options[OptionOf(plan.slots()[index], value)];
    } else if (IsSingleChoice(q->kind) && it->second.size() == 1 && valid.size() == 1) {
      ++slot.options[OptionOf(plan.slots()[index], valid.front())];
    }
  }
}

TEST_CASE("SurveyPlan counts what the reference path counts, over generated surveys and answers") {
  Random random(20261206);
  for (int round = 0; round < 150; ++round) {
    const int questions = Uniform(random, 2, 12);
    const int revisions = Uniform(random, 1, 3);
    std::vector<Survey> versions;
    for (int r = 1; r <= revisions; ++r) {
      versions.push_back(testing::ParseTestSurvey("s", SurveyYaml(random, r, questions), testing::TestServices()));
    }
    Survey survey = versions.back();
    survey.earlier_revisions.assign(versions.begin(), versions.end() - 1);
    const Site site = testing::TestSite({survey});
    std::vector<std::string> parameters;
    const SurveyPlan plan(site.surveys()[0], site, &parameters);
    std::vector<SlotCounts> fast = plan.EmptyCounts();
    std::vector<SlotCounts> reference = plan.EmptyCounts();
    SurveyPlan::Scratch scratch;
    for (int response = 0; response < 200; ++response) {
      const Survey& version = versions[static_cast<size_t>(Uniform(random, 0, revisions - 1))];
      const Answers answers = RandomAnswers(random, version);
      const testing::StoredLine line("s", version.revision, {answers.begin(), answers.end()});
      RoleAnswers roles;
      REQUIRE(plan.Read(line.line(), &fast, &roles, &scratch));
      CountByReference(plan, version, answers, &reference);
    }
    for (size_t i = 0; i < fast.size(); ++i) {
      INFO("round " << round << ", slot " << plan.slots()[i].question << "." << plan.slots()[i].row);
      CHECK(fast[i].asked == reference[i].asked);
      CHECK(fast[i].answered == reference[i].answered);
      CHECK(fast[i].options == reference[i].options);
    }
  }
}

}  // namespace
}  // namespace otklik::survey_plan_random_test
