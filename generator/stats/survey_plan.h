#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/site.h"
#include "stats/name_index.h"
#include "store/segment_scanner.h"

namespace otklik {

/// One counted item of a survey, the same across its revisions: a question,
/// or one row of a matrix.
struct Slot {
  std::string question;  ///< Question id.
  std::string row;       ///< Matrix row id, or "".
  QuestionKind kind = QuestionKind::kSingle;
  std::string text;      ///< The question's text (and the row's) in the newest revision that has it.
  /// Option ids in order (the newest revision's, then those only older ones
  /// had); "1" … "5" for ratings; empty for open text.
  std::vector<std::string> options;
  std::vector<std::string> option_texts;
};

/// Respondents of one slot in one group and period.
struct SlotCounts {
  uint64_t asked = 0;     ///< Whose path through the survey reached the question (the base).
  uint64_t answered = 0;  ///< Of them, those who answered.
  std::vector<uint64_t> options;  ///< Per option of the slot: how many chose it.

  void Add(const SlotCounts& other);
};

/// What one response says for the pooled results of services, situations
/// and touchpoints (question roles); -1 / 0 where it says nothing.
struct RoleAnswers {
  int service = -1;     ///< Index into the site's services.
  int touchpoint = -1;  ///< Index into the site's touchpoints.
  int overall = 0;      ///< The overall rating 1–5, or 0.
  std::vector<std::pair<int, int>> parameters;  ///< (parameter index, rating 1–5).

  /// Back to saying nothing, keeping the memory for the next response.
  void Clear();
};

/// Reads a survey's stored responses, whatever their revision, into counts:
/// it knows each revision's questions, options, skip rules and roles, and
/// maps them onto one set of slots so that periods compare. Immutable after
/// construction; Read() is safe from several threads with their own scratch.
class SurveyPlan {
 public:
  /// The plan of every survey of `site`, in site order, and in `parameters`
  /// the registry of parameter rows they share.
  static std::vector<std::unique_ptr<SurveyPlan>> AllOf(const Site& site, std::vector<std::string>* parameters);

  /// `parameters` is the registry of matrix rows with the parameters role,
  /// shared by all surveys so that the same row id pools across them.
  SurveyPlan(const Survey& survey, const Site& site, std::vector<std::string>* parameters);

  const std::vector<Slot>& slots() const { return slots_; }
  /// Zero counts, one per slot, with room for each slot's options.
  std::vector<SlotCounts> EmptyCounts() const;
  const Survey& survey() const { return *survey_; }
  /// Whether `other` counts into the very same slots and cuts (the same
  /// questions, rows, kinds and option ids, in the same order), whatever
  /// their texts: counts made with one hold for the other.
  bool CountsLike(const SurveyPlan& other) const;

  /// Per-thread working memory for Read().
  struct Scratch {
    std::vector<int> single;           ///< Per question: the option picked (revision index), or -1.
    /// The options picked, as bits: question q's options from word
    /// PlanQuestion::first_word on, as many words as its options need.
    std::vector<uint64_t> multiple;
    std::vector<uint8_t> answered;     ///< Per question.
    std::vector<int> ratings;          ///< Per slot of a matrix or scale: 1–5, or 0.
    std::vector<uint8_t> asked;        ///< Per question.
    uint64_t ignored = 0;              ///< Values of unknown fields or options, over all reads.
    // What the last Read() counted, to count it again into a cut (AddTo).
    std::vector<uint32_t> asked_slots;     ///< Slots the respondent was asked.
    std::vector<uint32_t> answered_slots;  ///< Slots the respondent answered.
    std::vector<std::pair<uint32_t, uint32_t>> picked;  ///< (slot, option of the slot) chosen.
    /// Per cut (cut_slots()): the option of that slot the respondent chose, or -1.
    std::vector<int> cuts;
    /// (question, its open answer as read: a view into the line).
    std::vector<std::pair<uint32_t, std::string_view>> text_values;
    /// (slot, text) of every open question the respondent was asked and answered.
    std::vector<std::pair<uint32_t, std::string_view>> texts;
  };

  /// Interprets `line`: adds its answers to `counts` (one per slot) and
  /// fills `roles`; `scratch` keeps what it counted and the respondent's
  /// answer to each cut slot. Returns false, touching nothing, when the
  /// line's revision is unknown.
  bool Read(const ResponseLine& line, std::vector<SlotCounts>* counts, RoleAnswers* roles, Scratch* scratch) const;
  /// Adds what the last Read() with `scratch` counted to `counts` too.
  void AddTo(const Scratch& scratch, std::vector<SlotCounts>* counts) const;
  /// The same counts in one flat array (FlatSize() numbers: every slot's
  /// asked, then every slot's answered, then every slot's options), which
  /// is what a cut counts into: one block of memory per group.
  size_t FlatSize() const { return flat_size_; }
  void AddToFlat(const Scratch& scratch, uint64_t* flat) const;
  /// Flat counts (AddToFlat) added to per-slot counts.
  void AddFlat(const uint64_t* flat, std::vector<SlotCounts>* counts) const;

  /// Whether slot `slot` sorts people into groups pages can be cut by (and
  /// that could point to a person): the service, the channel, sex, age,
  /// education. Its answers are protected as groups.
  bool SortsIntoGroups(size_t slot) const;
  /// The slots that sort people into groups, and those the survey marks
  /// `cut: true`, in slot order: the cuts of every other question.
  const std::vector<size_t>& cut_slots() const { return cut_slots_; }

 private:
  struct PlanQuestion {
    QuestionKind kind = QuestionKind::kSingle;
    bool single = false;               ///< IsSingleChoice(kind), looked up once.
    std::vector<int> slots;            ///< One, or one per matrix row.
    std::vector<int> option_slot;      ///< Per revision option: its index among the slot's options.
    size_t first_word = 0;             ///< Where its option bits start in Scratch::multiple.
    std::vector<int> jump;             ///< Per revision option: question to go to, -1 none, -2 the end.
    NameIndex<int> option_by_id;
    int show_if = -1;                  ///< The question a condition looks at.
    std::vector<uint8_t> show_if_options;  ///< Per option of that question: whether it shows this one.
    std::vector<int> touchpoint;       ///< Per option: touchpoint index (channel role), or -1.
    std::vector<int> service;          ///< Per option: service index (service question), or -1.
    std::vector<int> parameter;        ///< Per matrix row: parameter index (parameters role), or -1.
    QuestionRole role = QuestionRole::kNone;
  };
  struct Revision {
    int number = 0;
    int touchpoint = -1;  ///< The whole survey's touchpoint, or -1.
    std::vector<PlanQuestion> questions;
    NameIndex<std::pair<int, int>> fields;  ///< field → (question, row or -1)
    size_t words = 0;  ///< 64-bit words of option bits for all its questions.
  };

  void AddRevision(const Survey& revision, const Site& site, std::vector<std::string>* parameters);
  int SlotFor(const std::string& question, const std::string& row, const Question& q, const std::string& row_text);
  void Walk(const Revision& plan, Scratch* scratch) const;

  const Survey* survey_;
  std::vector<Slot> slots_;
  std::vector<size_t> cut_slots_;
  std::vector<size_t> option_offset_;  ///< Per slot: where its options start in flat counts.
  std::vector<int> cut_of_slot_;       ///< Per slot: its index in cut_slots_, or -1.
  size_t flat_size_ = 0;
  std::vector<Revision> revisions_;
};

}  // namespace otklik
