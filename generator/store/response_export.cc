#include "store/response_export.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "content/csv_writer.h"
#include "core/period.h"
#include "model/personal_data.h"
#include "model/skip_logic.h"
#include "store/segment_scanner.h"
#include "store/sheet_cells.h"

namespace otklik {

namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";
constexpr char kDelimiter = ';';

// One field of the table: a question, or a row of a matrix.
struct Field {
  std::string field;   ///< "overall", "parameters.speed".
  std::string question;
  bool labelled = false;  ///< Whether a «: текст» column carries the options' wording.
  bool text = false;      ///< An open answer.
  size_t column = 0;      ///< Its first column in the table.
};

// Every revision, newest first.
std::vector<const Survey*> RevisionsNewestFirst(const Survey& survey) {
  std::vector<const Survey*> out = {&survey};
  for (auto it = survey.earlier_revisions.rbegin(); it != survey.earlier_revisions.rend(); ++it) out.push_back(&*it);
  return out;
}

bool Labelled(QuestionKind kind) { return HasOptions(kind) && kind != QuestionKind::kScale; }

// The fields of every revision: the newest revision's order, then those only older ones had.
std::vector<Field> FieldsOfSurvey(const Survey& survey, bool with_text) {
  std::vector<Field> fields;
  for (const Survey* revision : RevisionsNewestFirst(survey)) {
    for (const Question& question : revision->questions) {
      if (question.kind == QuestionKind::kText && !with_text) continue;
      for (const std::string& name : FieldsOf(question)) {
        if (std::any_of(fields.begin(), fields.end(), [&](const Field& f) { return f.field == name; })) continue;
        fields.push_back({name, question.id, Labelled(question.kind), question.kind == QuestionKind::kText, 0});
      }
    }
  }
  return fields;
}

std::string KindName(QuestionKind kind) { return QuestionKindNames()[static_cast<size_t>(kind)]; }

// The codebook: a row per field and option, with the revisions that have each.
std::string Codebook(const Survey& survey, const std::vector<Field>& fields) {
  std::string out = kBom + CsvRecord({"Поле", "Номер вопроса", "Вопрос", "Вид", "Код", "Ответ", "Переход",
                                      "Условие показа", "Редакции"},
                                     kDelimiter);
  const std::vector<const Survey*> revisions = RevisionsNewestFirst(survey);
  for (const Field& field : fields) {
    // The newest wording, and the revisions asking it (oldest first).
    const Question* newest = nullptr;
    std::vector<std::string> in;
    for (auto it = revisions.rbegin(); it != revisions.rend(); ++it) {
      const Question* q = (*it)->FindQuestion(field.question);
      if (!q) continue;
      const auto names = FieldsOf(*q);
      if (std::find(names.begin(), names.end(), field.field) == names.end()) continue;
      in.push_back(std::to_string((*it)->revision));
    }
    for (const Survey* revision : revisions) {
      if ((newest = revision->FindQuestion(field.question))) break;
    }
    const Question& q = *newest;
    std::string text = q.text;
    if (q.kind == QuestionKind::kMatrix) {
      for (const MatrixRow& row : q.rows) {
        if (q.id + "." + row.id == field.field) text += " — " + row.text;
      }
    }
    std::string condition;
    if (q.show_if) condition = "если на вопрос «" + q.show_if->question + "» ответили: " + JoinCells(q.show_if->answers, ", ");
    const std::string revisions_text = JoinCells(in, ", ");
    const auto row = [&](const std::string& code, const std::string& answer, const std::string& jump) {
      out += CsvRecord({field.field, std::to_string(q.number), text, KindName(q.kind), code,
                        answer, jump, condition, revisions_text},
                       kDelimiter);
    };
    if (q.kind == QuestionKind::kScale || q.kind == QuestionKind::kMatrix) {
      for (const std::string& rating : RatingValues()) {
        row(rating, rating == "1" ? q.low_label : rating == "5" ? q.high_label : "", "");
      }
    } else if (HasOptions(q.kind)) {
      for (const Option& option : q.options) {
        row(option.id, option.text, option.next == kEnd ? "конец анкеты" : option.next);
      }
    } else {
      row("", "открытый ответ", "");
    }
  }
  return out;
}

}  // namespace

ExportedResponses ExportResponses(const ExportRequest& request, Diagnostics* warnings) {
  const Survey& survey = *request.survey;
  std::vector<Field> fields = FieldsOfSurvey(survey, request.with_text);
  std::vector<std::string> header = {"Дата", "Период", "Редакция"};
  std::map<std::string, size_t, std::less<>> by_field;
  for (size_t i = 0; i < fields.size(); ++i) {
    fields[i].column = header.size();
    by_field[fields[i].field] = i;
    header.push_back(fields[i].field);
    if (fields[i].labelled) header.push_back(fields[i].field + ": текст");
  }
  ExportedResponses out;
  // (date, row): sorted at the end, so the order does not depend on the files.
  std::vector<std::pair<std::string, std::string>> rows;
  const auto each = [&](unsigned, const ResponseLine& line) {
    const std::optional<Date> date = Date::Parse(line.date);
    const Survey* revision = survey.Revision(line.revision);
    if (!date || !revision || (request.from && *date < *request.from) || (request.to && *date > *request.to)) return;
    std::vector<std::string> cells(header.size());
    cells[0] = std::string(line.date);
    cells[1] = Period::Of(Period::Kind::kQuarter, *date).Key();
    cells[2] = std::to_string(line.revision);
    for (const AnswerField& answer : line.answers) {
      const auto found = by_field.find(answer.field);
      if (found == by_field.end()) continue;
      const Field& field = fields[found->second];
      const Question* question = revision->FindQuestion(field.question);
      std::vector<std::string> codes;
      std::vector<std::string> labels;
      for (const std::string_view value : answer.values) {
        if (field.text) {
          MaskedText masked = MaskPersonalData(value);
          if (!masked.kinds.empty()) ++out.masked;
          codes.push_back(masked.text);
          continue;
        }
        codes.emplace_back(value);
        const Option* option = question ? question->FindOption(std::string(value)) : nullptr;
        labels.push_back(option ? option->text : "");
      }
      cells[field.column] = JoinCells(codes, ";");
      if (field.labelled) cells[field.column + 1] = JoinCells(labels, "; ");
    }
    rows.emplace_back(cells[0], CsvRecord(cells, kDelimiter));
  };
  ScanSegments(request.responses_dir + "/" + survey.id, 1, each, warnings);
  std::sort(rows.begin(), rows.end());
  out.table = kBom + CsvRecord(header, kDelimiter);
  for (const auto& [date, row] : rows) out.table += row;
  out.rows = rows.size();
  out.codebook = Codebook(survey, fields);
  return out;
}

}  // namespace otklik
