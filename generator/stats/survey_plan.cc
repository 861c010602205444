#include "stats/survey_plan.h"

#include <algorithm>

namespace otklik {

namespace {

constexpr int kNoJump = -1;
constexpr int kEndJump = -2;

int IndexOf(const std::vector<std::string>& items, const std::string& item) {
  const auto it = std::find(items.begin(), items.end(), item);
  return it == items.end() ? -1 : static_cast<int>(it - items.begin());
}

bool Picked(const std::vector<uint64_t>& bits, size_t first_word, size_t option) {
  return bits[first_word + option / 64] >> (option % 64) & 1;
}

// A rating "1"…"5" as a number; 0 for anything else.
int Rating(std::string_view value) {
  return value.size() == 1 && value[0] >= '1' && value[0] <= '5' ? value[0] - '0' : 0;
}

}  // namespace

void RoleAnswers::Clear() {
  service = -1;
  touchpoint = -1;
  overall = 0;
  parameters.clear();
}

void SlotCounts::Add(const SlotCounts& other) {
  asked += other.asked;
  answered += other.answered;
  if (options.size() < other.options.size()) options.resize(other.options.size());
  for (size_t i = 0; i < other.options.size(); ++i) options[i] += other.options[i];
}

SurveyPlan::SurveyPlan(const Survey& survey, const Site& site, std::vector<std::string>* parameters)
    : survey_(&survey) {
  // Newest first, so that slots take the newest wording and option order.
  AddRevision(survey, site, parameters);
  for (auto it = survey.earlier_revisions.rbegin(); it != survey.earlier_revisions.rend(); ++it) {
    AddRevision(*it, site, parameters);
  }
  cut_of_slot_.assign(slots_.size(), -1);
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Question* question = survey.FindQuestion(slots_[i].question);
    if (!SortsIntoGroups(i) && !(question && question->cut)) continue;
    cut_of_slot_[i] = static_cast<int>(cut_slots_.size());
    cut_slots_.push_back(i);
  }
  flat_size_ = 2 * slots_.size();
  for (const Slot& slot : slots_) {
    option_offset_.push_back(flat_size_);
    flat_size_ += slot.options.size();
  }
}

std::vector<std::unique_ptr<SurveyPlan>> SurveyPlan::AllOf(const Site& site, std::vector<std::string>* parameters) {
  std::vector<std::unique_ptr<SurveyPlan>> plans;
  for (const Survey& survey : site.surveys()) plans.push_back(std::make_unique<SurveyPlan>(survey, site, parameters));
  return plans;
}

bool SurveyPlan::CountsLike(const SurveyPlan& other) const {
  if (slots_.size() != other.slots_.size() || cut_slots_ != other.cut_slots_) return false;
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& a = slots_[i];
    const Slot& b = other.slots_[i];
    if (a.question != b.question || a.row != b.row || a.kind != b.kind || a.options != b.options) return false;
  }
  return true;
}

void SurveyPlan::AddToFlat(const Scratch& scratch, uint64_t* flat) const {
  const size_t answered = slots_.size();
  for (const uint32_t slot : scratch.asked_slots) ++flat[slot];
  for (const uint32_t slot : scratch.answered_slots) ++flat[answered + slot];
  for (const auto& [slot, option] : scratch.picked) ++flat[option_offset_[slot] + option];
}

void SurveyPlan::AddFlat(const uint64_t* flat, std::vector<SlotCounts>* counts) const {
  for (size_t i = 0; i < slots_.size(); ++i) {
    SlotCounts& c = (*counts)[i];
    c.asked += flat[i];
    c.answered += flat[slots_.size() + i];
    for (size_t o = 0; o < slots_[i].options.size(); ++o) c.options[o] += flat[option_offset_[i] + o];
  }
}

bool SurveyPlan::SortsIntoGroups(size_t slot_index) const {
  const Slot& slot = slots_[slot_index];
  switch (slot.kind) {
    case QuestionKind::kService:
    case QuestionKind::kSex:
    case QuestionKind::kAge:
    case QuestionKind::kEducation: return true;
    default: break;
  }
  const Question* question = survey_->FindQuestion(slot.question);
  return question && (question->role == QuestionRole::kChannel || question->role == QuestionRole::kRespondent);
}

void SurveyPlan::AddTo(const Scratch& scratch, std::vector<SlotCounts>* counts) const {
  for (const uint32_t slot : scratch.asked_slots) ++(*counts)[slot].asked;
  for (const uint32_t slot : scratch.answered_slots) ++(*counts)[slot].answered;
  for (const auto& [slot, option] : scratch.picked) ++(*counts)[slot].options[option];
}

std::vector<SlotCounts> SurveyPlan::EmptyCounts() const {
  std::vector<SlotCounts> counts(slots_.size());
  for (size_t i = 0; i < slots_.size(); ++i) counts[i].options.assign(slots_[i].options.size(), 0);
  return counts;
}

int SurveyPlan::SlotFor(const std::string& question, const std::string& row, const Question& q,
                        const std::string& row_text) {
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i].question == question && slots_[i].row == row && slots_[i].kind == q.kind) return static_cast<int>(i);
  }
  Slot slot{question, row, q.kind, row_text.empty() ? q.text : row_text, {}, {}};
  if (q.kind == QuestionKind::kMatrix) {
    slot.options = RatingValues();
    slot.option_texts = RatingValues();
  }
  slots_.push_back(std::move(slot));
  return static_cast<int>(slots_.size() - 1);
}

void SurveyPlan::AddRevision(const Survey& revision, const Site& site, std::vector<std::string>* parameters) {
  Revision plan;
  plan.number = revision.revision;
  if (!revision.touchpoint.empty()) {
    for (size_t t = 0; t < site.touchpoints().size(); ++t) {
      if (site.touchpoints()[t].id == revision.touchpoint) plan.touchpoint = static_cast<int>(t);
    }
  }
  std::vector<std::string> ids;
  for (const Question& q : revision.questions) ids.push_back(q.id);
  for (size_t qi = 0; qi < revision.questions.size(); ++qi) {
    const Question& q = revision.questions[qi];
    PlanQuestion pq;
    pq.kind = q.kind;
    pq.single = IsSingleChoice(q.kind);
    pq.role = q.role;
    if (q.kind == QuestionKind::kMatrix) {
      for (size_t r = 0; r < q.rows.size(); ++r) {
        pq.slots.push_back(SlotFor(q.id, q.rows[r].id, q, q.rows[r].text));
        plan.fields.Set(q.id + "." + q.rows[r].id, {static_cast<int>(qi), static_cast<int>(r)});
        int parameter = -1;
        if (q.role == QuestionRole::kParameters) {
          parameter = IndexOf(*parameters, q.rows[r].id);
          if (parameter < 0) {
            parameters->push_back(q.rows[r].id);
            parameter = static_cast<int>(parameters->size() - 1);
          }
        }
        pq.parameter.push_back(parameter);
      }
    } else {
      pq.slots.push_back(SlotFor(q.id, "", q, ""));
      plan.fields.Set(q.id, {static_cast<int>(qi), -1});
    }
    // Any number of options: a survey may offer a long list (every office of
    // a region), and a fixed-width mask would drop answers past its end.
    pq.first_word = plan.words;
    plan.words += (q.options.size() + 63) / 64;
    Slot& slot = slots_[static_cast<size_t>(pq.slots[0])];
    for (size_t o = 0; o < q.options.size(); ++o) {
      const Option& option = q.options[o];
      int at = IndexOf(slot.options, option.id);
      if (at < 0) {
        slot.options.push_back(option.id);
        slot.option_texts.push_back(option.text);
        at = static_cast<int>(slot.options.size() - 1);
      }
      pq.option_slot.push_back(at);
      pq.option_by_id.Set(option.id, static_cast<int>(o));
      pq.jump.push_back(option.next.empty() ? kNoJump : option.next == kEnd ? kEndJump : IndexOf(ids, option.next));
      int touchpoint = -1;
      for (size_t t = 0; t < site.touchpoints().size() && !option.touchpoint.empty(); ++t) {
        if (site.touchpoints()[t].id == option.touchpoint) touchpoint = static_cast<int>(t);
      }
      pq.touchpoint.push_back(touchpoint);
      int service = -1;
      for (size_t s = 0; s < site.services().size() && q.kind == QuestionKind::kService; ++s) {
        if (site.services()[s].id == option.id) service = static_cast<int>(s);
      }
      pq.service.push_back(service);
    }
    if (q.show_if) {
      pq.show_if = IndexOf(ids, q.show_if->question);
      const Question& source = revision.questions[static_cast<size_t>(pq.show_if)];
      pq.show_if_options.assign(source.options.size(), 0);
      for (size_t o = 0; o < source.options.size(); ++o) {
        const auto& wanted = q.show_if->answers;
        pq.show_if_options[o] = std::find(wanted.begin(), wanted.end(), source.options[o].id) != wanted.end();
      }
    }
    plan.questions.push_back(std::move(pq));
  }
  revisions_.push_back(std::move(plan));
}

// Which questions the respondent was asked: the same rule as AskedQuestions().
void SurveyPlan::Walk(const Revision& plan, Scratch* scratch) const {
  const size_t n = plan.questions.size();
  scratch->asked.assign(n, 0);
  int jump = kNoJump;
  for (size_t qi = 0; qi < n; ++qi) {
    if (jump == kEndJump) break;
    if (jump >= 0 && static_cast<int>(qi) != jump) continue;
    jump = kNoJump;
    const PlanQuestion& q = plan.questions[qi];
    if (q.show_if >= 0) {
      const size_t source = static_cast<size_t>(q.show_if);
      bool shown = false;
      if (scratch->asked[source]) {
        const int picked = scratch->single[source];
        if (picked >= 0) shown = q.show_if_options[static_cast<size_t>(picked)];
        const size_t first = plan.questions[source].first_word;
        for (size_t o = 0; o < q.show_if_options.size(); ++o) {
          shown = shown || (q.show_if_options[o] && Picked(scratch->multiple, first, o));
        }
      }
      if (!shown) continue;
    }
    scratch->asked[qi] = 1;
    const int picked = scratch->single[qi];
    if (picked >= 0 && q.single) jump = q.jump[static_cast<size_t>(picked)];
  }
}

bool SurveyPlan::Read(const ResponseLine& line, std::vector<SlotCounts>* counts, RoleAnswers* roles,
                      Scratch* scratch) const {
  const Revision* plan = nullptr;
  for (const Revision& revision : revisions_) {
    if (revision.number == line.revision) plan = &revision;
  }
  if (!plan) return false;
  const size_t n = plan->questions.size();
  scratch->single.assign(n, -1);
  scratch->multiple.assign(plan->words, 0);
  scratch->answered.assign(n, 0);
  scratch->ratings.assign(slots_.size(), 0);
  scratch->text_values.clear();
  for (const AnswerField& field : line.answers) {
    const std::pair<int, int>* found = plan->fields.Find(field.field);
    if (!found) {
      scratch->ignored += field.values.size();
      continue;
    }
    if (field.values.empty()) continue;
    const auto [qi, row] = *found;
    const PlanQuestion& q = plan->questions[static_cast<size_t>(qi)];
    if (q.kind == QuestionKind::kMatrix) {
      const int value = Rating(field.values.front());
      scratch->ratings[static_cast<size_t>(q.slots[static_cast<size_t>(row)])] = value;
      scratch->answered[static_cast<size_t>(qi)] = 1;
      if (value == 0 || field.values.size() > 1) ++scratch->ignored;
      continue;
    }
    scratch->answered[static_cast<size_t>(qi)] = 1;
    if (q.kind == QuestionKind::kText) {
      scratch->text_values.emplace_back(static_cast<uint32_t>(qi), field.values.front());
      continue;
    }
    for (std::string_view value : field.values) {
      const int* option = q.option_by_id.Find(value);
      if (!option) {
        if (q.kind != QuestionKind::kText) ++scratch->ignored;
        continue;
      }
      // Several answers to a single choice jump nowhere, as in AskedQuestions().
      if (q.single && field.values.size() == 1) scratch->single[static_cast<size_t>(qi)] = *option;
      const size_t bit = static_cast<size_t>(*option);
      scratch->multiple[q.first_word + bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }
  Walk(*plan, scratch);
  roles->touchpoint = plan->touchpoint;
  scratch->asked_slots.clear();
  scratch->answered_slots.clear();
  scratch->picked.clear();
  scratch->texts.clear();
  for (size_t qi = 0; qi < n; ++qi) {
    if (!scratch->asked[qi]) continue;
    const PlanQuestion& q = plan->questions[qi];
    for (size_t r = 0; r < q.slots.size(); ++r) {
      const auto slot = static_cast<uint32_t>(q.slots[r]);
      scratch->asked_slots.push_back(slot);
      if (q.kind == QuestionKind::kMatrix) {
        const int rating = scratch->ratings[slot];
        if (rating == 0) continue;
        scratch->answered_slots.push_back(slot);
        scratch->picked.emplace_back(slot, static_cast<uint32_t>(rating - 1));
        if (q.parameter[r] >= 0) roles->parameters.emplace_back(q.parameter[r], rating);
        continue;
      }
      if (!scratch->answered[qi]) continue;
      scratch->answered_slots.push_back(slot);
      const int picked = scratch->single[qi];
      if (q.single && picked >= 0) {
        scratch->picked.emplace_back(slot, static_cast<uint32_t>(q.option_slot[static_cast<size_t>(picked)]));
        if (q.role == QuestionRole::kOverall) roles->overall = picked + 1;  // the options of a scale are 1…5
        if (q.role == QuestionRole::kChannel && q.touchpoint[static_cast<size_t>(picked)] >= 0) {
          roles->touchpoint = q.touchpoint[static_cast<size_t>(picked)];
        }
        if (q.kind == QuestionKind::kService) roles->service = q.service[static_cast<size_t>(picked)];
      } else if (q.kind == QuestionKind::kMultiple) {
        for (size_t o = 0; o < q.option_slot.size(); ++o) {
          if (Picked(scratch->multiple, q.first_word, o)) {
            scratch->picked.emplace_back(slot, static_cast<uint32_t>(q.option_slot[o]));
          }
        }
      }
    }
  }
  for (const auto& [qi, text] : scratch->text_values) {
    if (scratch->asked[qi]) scratch->texts.emplace_back(static_cast<uint32_t>(plan->questions[qi].slots[0]), text);
  }
  // The respondent's group in each cut: the one option chosen of its slot.
  scratch->cuts.assign(cut_slots_.size(), -1);
  for (const auto& [slot, option] : scratch->picked) {
    const int cut = cut_of_slot_[slot];
    if (cut >= 0) scratch->cuts[static_cast<size_t>(cut)] = static_cast<int>(option);
  }
  AddTo(*scratch, counts);
  return true;
}

}  // namespace otklik
