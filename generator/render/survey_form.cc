#include "render/survey_form.h"

#include <algorithm>

#include <map>

namespace otklik {

using nlohmann::json;

namespace {

// Element ids join question, option and row ids with '_', which no id may
// contain, so two different elements never get the same id.
std::string DomId(const Question& q) { return "q_" + q.id; }

std::string JoinSpace(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

// The number of the question an option jumps to; 0 for the end of the survey.
int JumpTarget(const Survey& survey, const Option& option) {
  return option.next == kEnd ? 0 : survey.FindQuestion(option.next)->number;
}

// "Если вы выбрали «A» или «B», перейдите к вопросу 6." for each jump target;
// on paper «отметили», and a survey that ends says no more questions follow.
json JumpNotes(const Survey& survey, const Messages& messages, const Question& q, FormMedium medium) {
  std::map<int, std::vector<std::string>> by_target;  // question number (0 = end) → option texts
  for (const Option& option : q.options) {
    if (!option.next.empty()) by_target[JumpTarget(survey, option)].push_back(option.text);
  }
  const std::string section = medium == FormMedium::kPaper ? "paper." : "form.";
  json notes = json::array();
  for (const auto& [target, texts] : by_target) {
    notes.push_back(messages.Format(section + (target != 0 ? "jump_note" : "end_note"),
                                    {{"answers", QuotedAlternatives(messages, texts)},
                                     {"number", std::to_string(target)},
                                     {"submit", messages["form.submit"]}}));
  }
  return notes;
}

std::string ShowIfNote(const Survey& survey, const Messages& messages, const ShowIf& show_if) {
  const Question& source = *survey.FindQuestion(show_if.question);
  std::vector<std::string> texts;
  for (const std::string& answer : show_if.answers) texts.push_back(source.FindOption(answer)->text);
  return messages.Format("form.show_if_note",
                         {{"number", std::to_string(source.number)}, {"answers", QuotedAlternatives(messages, texts)}});
}

json Options(const Survey& survey, const Messages& messages, const Question& q, FormMedium medium) {
  json options = json::array();
  for (size_t i = 0; i < q.options.size(); ++i) {
    const Option& option = q.options[i];
    json item = {{"value", option.id},
                 {"text", option.text},
                 {"input_id", DomId(q) + "_" + std::to_string(i + 1)},
                 {"goto", option.next}};
    if (q.kind == QuestionKind::kScale) {
      if (i == 0) item["end_label"] = q.low_label;
      if (i + 1 == q.options.size()) item["end_label"] = q.high_label;
    }
    if (medium == FormMedium::kPaper) {
      // The code the person typing the sheet in enters for this box; none where the text is the code (a rating).
      item["code"] = option.id == option.text ? "" : option.id;
      const int target = option.next.empty() ? -1 : JumpTarget(survey, option);
      item["jump"] = target < 0    ? ""
                     : target == 0 ? messages["paper.jump_to_end"]
                                   : messages.Format("paper.jump_to_question", {{"number", std::to_string(target)}});
    }
    options.push_back(std::move(item));
  }
  // An approved form that lists the scale from 5 down to 1.
  if (q.descending) std::reverse(options.begin(), options.end());
  return options;
}

json MatrixRows(const Messages& messages, const Question& q) {
  json rows = json::array();
  for (size_t r = 0; r < q.rows.size(); ++r) {
    const MatrixRow& row = q.rows[r];
    const std::string field = q.id + "." + row.id;
    json cells = json::array();
    for (const std::string& value : RatingValues()) {
      cells.push_back({{"value", value},
                       {"input_id", DomId(q) + "_" + row.id + "_" + value},
                       {"label", messages.Format("form.matrix_cell", {{"row", row.text}, {"rating", value}})}});
    }
    if (q.descending) std::reverse(cells.begin(), cells.end());
    rows.push_back({{"field", field},
                    {"text", row.text},
                    {"header_id", DomId(q) + "_" + row.id},
                    {"error_id", DomId(q) + "_" + row.id + "_error"},
                    {"cells", cells}});
  }
  return rows;
}

// A printed sheet lists every option (the service list included, in columns
// when long) and gives an open answer ruled lines for its limit.
void AddPaperFields(const Question& q, json& view) {
  view["in_columns"] = q.options.size() > kMostRadioButtons;
  json lines = json::array();
  if (q.kind == QuestionKind::kText) {
    const int count =
        std::clamp((q.max_length + kCharactersPerPaperLine - 1) / kCharactersPerPaperLine, 1, kMostPaperLines);
    for (int i = 1; i <= count; ++i) lines.push_back(std::to_string(i));
  }
  view["lines"] = lines;
}

json QuestionView(const Survey& survey, const Messages& messages, const Question& q, FormMedium medium) {
  json view = {{"id", q.id},
               {"dom_id", DomId(q)},
               {"number", std::to_string(q.number)},
               {"text", q.text},
               {"question_note", q.note},
               {"hint", q.hint},
               {"hint_id", q.hint.empty() ? "" : DomId(q) + "_hint"},
               {"error_id", DomId(q) + "_error"},
               {"required", q.required},
               {"kind", QuestionKindNames()[static_cast<size_t>(q.kind)]},
               {"notes", JumpNotes(survey, messages, q, medium)},
               {"show_if_note", q.show_if ? ShowIfNote(survey, messages, *q.show_if) : ""},
               {"show_if_question", q.show_if ? q.show_if->question : ""},
               {"show_if_answers", q.show_if ? JoinSpace(q.show_if->answers) : ""}};
  const bool many = q.options.size() > kMostRadioButtons;
  view["is_radio"] = IsSingleChoice(q.kind) && q.kind != QuestionKind::kScale && !many;
  view["is_select"] = IsSingleChoice(q.kind) && q.kind != QuestionKind::kScale && many;
  view["is_scale"] = q.kind == QuestionKind::kScale;
  view["is_checkbox"] = q.kind == QuestionKind::kMultiple;
  view["is_matrix"] = q.kind == QuestionKind::kMatrix;
  view["is_text"] = q.kind == QuestionKind::kText;
  view["options"] = Options(survey, messages, q, medium);
  if (q.kind == QuestionKind::kMultiple && q.max_choices > 0) {
    view["max_choices"] = std::to_string(q.max_choices);
    view["max_note"] =
        q.max_choices == 1
            ? messages["form.max_one"]
            : messages.Format("form.max_choices", {{"max", std::to_string(q.max_choices)},
                                                   {"options", messages.Plural("form.options", q.max_choices)}});
  }
  if (q.kind == QuestionKind::kMatrix) {
    view["rows"] = MatrixRows(messages, q);
    json columns = json::array({"1", "2", "3", "4", "5"});
    if (q.descending) std::reverse(columns.begin(), columns.end());
    view["columns"] = columns;
  }
  if (q.kind == QuestionKind::kMatrix || q.kind == QuestionKind::kScale) {
    view["low_label"] = q.low_label;
    view["high_label"] = q.high_label;
    // The ends in the order the form lists them.
    view["scale_note"] = messages.Format(q.descending ? "form.scale_note_descending" : "form.scale_note",
                                         {{"low", q.low_label}, {"high", q.high_label}});
  }
  // What a screen reader reads after the question: its hint, the scale's
  // ends, the cap or the length limit.
  std::string described_by = q.hint.empty() ? "" : DomId(q) + "_hint";
  const auto describe = [&](const std::string& suffix) {
    described_by += (described_by.empty() ? "" : " ") + DomId(q) + suffix;
  };
  if (q.kind == QuestionKind::kScale || q.kind == QuestionKind::kMatrix) describe("_scale");
  if (view.contains("max_note")) describe("_max");
  if (q.kind == QuestionKind::kText) describe("_length");
  view["described_by"] = described_by;
  if (q.kind == QuestionKind::kText) {
    view["max_length"] = std::to_string(q.max_length);
    view["length_note"] = messages.Format(
        "form.length_note",
        {{"max", std::to_string(q.max_length)}, {"characters", messages.Plural("form.characters", q.max_length)}});
  }
  if (medium == FormMedium::kPaper) AddPaperFields(q, view);
  return view;
}

}  // namespace

std::string QuotedAlternatives(const Messages& messages, const std::vector<std::string>& texts) {
  std::string out;
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string quoted = messages.Format("form.quoted", {{"text", texts[i]}});
    out = i == 0 ? quoted
                 : messages.Format(i + 1 == texts.size() ? "form.or" : "form.comma", {{"list", out}, {"item", quoted}});
  }
  return out;
}

json SurveyFormView(const Survey& survey, const Messages& messages, const MarkdownRenderer& markdown,
                    const std::string& action, FormMedium medium) {
  json questions = json::array();
  bool any_optional = false;
  bool any_jumps = false;
  for (const Question& q : survey.questions) {
    questions.push_back(QuestionView(survey, messages, q, medium));
    any_optional = any_optional || !q.required;
    any_jumps = any_jumps || q.show_if || !questions.back()["notes"].empty();
  }
  json form = {{"id", survey.id},
          {"title", survey.title},
          {"form_title", survey.form_title},
          {"action", action},
          {"revision", std::to_string(survey.revision)},
          {"revision_field", kRevisionField},
          {"embed_field", kEmbedField},
          // A second language's form says which (model/response.h); the Russian one says nothing.
          {"language_field", kLanguageField},
          {"language", messages.language() == "ru" ? "" : messages.language()},
          {"honeypot_field", kHoneypotField},
          {"intro_html", markdown.ToHtml(survey.intro)},
          {"any_optional", any_optional},
          {"questions", questions},
          {"count", std::to_string(survey.questions.size())}};
  // A sheet tells to follow the jumps only when it has any.
  if (medium == FormMedium::kPaper) form["any_jumps"] = any_jumps;
  return form;
}

}  // namespace otklik
