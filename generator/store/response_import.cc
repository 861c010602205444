#include "store/response_import.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "content/document.h"
#include "core/case_fold.h"
#include "core/plural.h"
#include "content/csv_writer.h"
#include "content/field_reader.h"
#include "model/response_validator.h"
#include "model/skip_logic.h"
#include "store/sheet_cells.h"
#include "store/stored_response.h"

namespace otklik {

namespace {

// Row errors printed before the rest are only counted.
constexpr size_t kMaxRowErrors = 50;

// True when `value` can be stored as an answer to `question`: an option id, a rating for a matrix row, any text.
bool Accepts(const Question& question, const std::string& value) {
  if (question.kind == QuestionKind::kMatrix) return std::ranges::count(RatingValues(), value) > 0;
  return !HasOptions(question.kind) || question.FindOption(value);
}

// "2026-11-23", "23.11.2026", "23.11.2026 14:05" (the time is dropped: only the day is kept).
std::optional<Date> ParseDay(const std::string& text) {
  const std::string day = text.substr(0, text.find(' '));
  if (std::optional<Date> iso = Date::Parse(day)) return iso;
  int d = 0;
  int m = 0;
  int y = 0;
  char tail = 0;
  if (day.size() == 10 && std::sscanf(day.c_str(), "%2d.%2d.%4d%c", &d, &m, &y, &tail) == 3) {
    return Date::FromYmd(y, m, d);
  }
  return std::nullopt;
}

std::string Russian(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d.%02d.%04d", date.day(), date.month(), date.year());
  return text;
}

// FNV-1a, 64 bits: names a segment by its answers, stable across runs.
std::string AnswersHash(const std::vector<std::string>& sorted_lines) {
  uint64_t hash = 1469598103934665603ULL;
  for (const std::string& line : sorted_lines) {
    for (const char c : line) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

std::vector<std::string> SortedLines(std::string_view bytes) {
  std::vector<std::string> lines;
  for (size_t start = 0; start < bytes.size();) {
    const size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) break;  // a torn line is not an answer
    lines.emplace_back(bytes.substr(start, end - start + 1));
    start = end + 1;
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

bool Contains(const std::vector<std::string>& big, const std::vector<std::string>& small) {
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

bool Intersects(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

// The columns of a table, each resolved to a survey field (or the date, or ignored).
struct Columns {
  int date = -1;
  int revision = -1;  ///< «Редакция» of an export: each row's revision.
  std::vector<std::string> fields;  ///< Per column: its field, "" = not imported.
  std::vector<const Question*> questions;
  /// Per column: a field of another revision of the survey (a table from
  /// `export responses`), to be empty in rows of this one.
  std::vector<bool> other_revision;
};

// What `export responses` adds beside the answers: the period (the date
// says it) and the options' wording beside their codes.
bool ExportExtra(const CsvTable& table, size_t column) {
  const std::string& name = table.header[column];
  if (Folded(name) == "период") return true;
  constexpr std::string_view kWording = ": текст";
  if (!name.ends_with(kWording)) return false;
  const std::string field = name.substr(0, name.size() - kWording.size());
  return std::find(table.header.begin(), table.header.end(), field) != table.header.end();
}

std::optional<Columns> ResolveColumns(const std::string& path, const CsvTable& table, const ImportMapping& mapping,
                                      const Survey& survey, const std::set<std::string>& other_fields,
                                      Diagnostics* errors) {
  std::map<std::string, const Question*> by_field;
  std::map<std::string, std::string> by_text;  // folded question text → id
  for (const Question& question : survey.questions) {
    for (const std::string& field : FieldsOf(question)) by_field[field] = &question;
    if (question.kind != QuestionKind::kMatrix) by_text[Folded(question.text)] = question.id;
  }
  Columns columns;
  columns.fields.resize(table.header.size());
  columns.questions.resize(table.header.size(), nullptr);
  columns.other_revision.resize(table.header.size(), false);
  const size_t errors_before = errors->size();
  std::set<std::string> taken;
  // Only a table from `export responses` (it says each row's revision) may
  // hold columns of other revisions.
  const bool exported = std::any_of(table.header.begin(), table.header.end(),
                                    [](const std::string& name) { return Folded(name) == "редакция"; });
  for (size_t c = 0; c < table.header.size(); ++c) {
    const std::string& name = table.header[c];
    if (mapping.ignore.count(name)) continue;
    if (mapping.date_column.empty() ? (Folded(name) == "date" || Folded(name) == "дата") : name == mapping.date_column) {
      columns.date = static_cast<int>(c);
      continue;
    }
    if (Folded(name) == "редакция") {
      columns.revision = static_cast<int>(c);
      continue;
    }
    if (ExportExtra(table, c)) continue;
    std::string field;
    if (const auto mapped = mapping.columns.find(name); mapped != mapping.columns.end()) {
      field = mapped->second;
    } else if (by_field.count(name)) {
      field = name;
    } else if (const auto text = by_text.find(Folded(name)); text != by_text.end()) {
      field = text->second;
    } else if (exported && other_fields.count(name)) {
      columns.other_revision[c] = true;
      continue;
    } else {
      errors->Add(path, table.header_row, "столбец «" + name + "» не сопоставлен ни с одним вопросом опроса «" + survey.id +
                               "»: назовите его как поле вопроса или укажите в файле сопоставления (columns или "
                               "ignore)");
      continue;
    }
    if (!taken.insert(field).second) {
      errors->Add(path, table.header_row, "на вопрос «" + field + "» отвечают два столбца; оставьте один");
      continue;
    }
    columns.fields[c] = field;
    columns.questions[c] = by_field.at(field);
  }
  if (columns.date < 0) {
    errors->Add(path, table.header_row,
                mapping.date_column.empty()
                    ? "нет столбца с датой заполнения: назовите его «Дата» или укажите в файле сопоставления (date)"
                    : "нет столбца «" + mapping.date_column + "», указанного как дата заполнения");
  }
  if (errors->size() != errors_before) return std::nullopt;
  return columns;
}

// One cell's answers as option ids: mapped values first, then option ids, then option texts.
std::vector<std::string> CellValues(const std::string& cell, const std::string& field, const Question& question,
                                    const ImportMapping& mapping) {
  std::vector<std::string> parts;
  if (question.kind == QuestionKind::kMultiple && !mapping.separator.empty()) {
    for (size_t start = 0;;) {
      const size_t end = cell.find(mapping.separator, start);
      parts.push_back(TrimmedCell(std::string_view(cell).substr(start, end - start)));
      if (end == std::string::npos) break;
      start = end + mapping.separator.size();
    }
  } else {
    parts.push_back(question.kind == QuestionKind::kText ? cell : TrimmedCell(cell));
  }
  const auto values = mapping.values.find(field);
  std::vector<std::string> out;
  for (std::string& part : parts) {
    if (part.empty()) continue;
    if (values != mapping.values.end()) {
      if (const auto mapped = values->second.find(part); mapped != values->second.end()) {
        out.push_back(mapped->second);
        continue;
      }
    }
    if (!question.FindOption(part)) {
      const std::string folded = Folded(part);
      for (const Option& option : question.options) {
        if (Folded(option.text) == folded) {
          part = option.id;
          break;
        }
      }
    }
    out.push_back(std::move(part));
  }
  return out;
}

}  // namespace

std::optional<ImportMapping> ParseImportMapping(const std::string& path, std::string_view text, const Survey& survey,
                                                Diagnostics* diagnostics) {
  const size_t errors_before = diagnostics->size();
  std::optional<YamlNode> root_node = ParseYamlMap(path, text, 1, diagnostics);
  if (!root_node) return std::nullopt;
  FieldReader root(*root_node, path, diagnostics);
  std::map<std::string, const Question*> fields;
  for (const Question& question : survey.questions) {
    for (const std::string& field : FieldsOf(question)) fields[field] = &question;
  }
  const auto check_field = [&](const FieldReader& reader, const std::string& key, const std::string& field) {
    if (!field.empty() && !fields.count(field)) {  // an empty one is reported by RequiredString
      reader.Error(reader.LineOf(key), "в опросе «" + survey.id + "» нет поля «" + field + "»");
    }
  };
  ImportMapping mapping;
  mapping.date_column = root.OptionalString("date");
  mapping.separator = root.OptionalString("separator", mapping.separator);
  for (const Ref& column : root.RefList("ignore")) mapping.ignore.insert(column.id);
  FieldReader columns = root.Map("columns");
  for (const std::string& column : columns.keys()) {
    const std::string field = columns.RequiredString(column);
    check_field(columns, column, field);
    mapping.columns[column] = field;
  }
  FieldReader values = root.Map("values");
  for (const std::string& field : values.keys()) {
    check_field(values, field, field);
    FieldReader texts = values.Map(field);
    for (const std::string& cell : texts.keys()) {
      const std::string value = texts.RequiredString(cell);
      // A wrong target would otherwise be reported on every row, in the mapping's words instead of the file's.
      if (fields.count(field) && !value.empty() && !Accepts(*fields.at(field), value)) {
        texts.Error(texts.LineOf(cell),
                    "у поля «" + field + "» нет варианта «" + value + "»: укажите код варианта из анкеты");
      }
      mapping.values[field][cell] = value;
    }
    texts.Finish();
  }
  columns.Finish();
  values.Finish();
  root.Finish({"date", "separator", "ignore", "columns", "values"});
  if (diagnostics->size() != errors_before) return std::nullopt;
  return mapping;
}

bool ImportResponses(FileSystem& fs, const std::string& path, const CsvTable& table, const ImportMapping& mapping,
                     const ImportRequest& request, ImportOutcome* outcome, Diagnostics* errors) {
  const Survey& chosen = *request.survey;
  const Survey& every = request.revisions ? *request.revisions : chosen;
  std::vector<const Survey*> revisions = {&every};
  for (const Survey& earlier : every.earlier_revisions) revisions.push_back(&earlier);
  // A table from `export responses` has a column per field of every revision.
  const auto other_fields = [&](const Survey& revision) {
    std::set<std::string> out;
    for (const Survey* other : revisions) {
      for (const Question& question : other->questions) {
        for (const std::string& field : FieldsOf(question)) {
          if (!revision.FindQuestion(question.id)) out.insert(field);
        }
      }
    }
    return out;
  };
  const std::optional<Columns> chosen_columns =
      ResolveColumns(path, table, mapping, chosen, other_fields(chosen), errors);
  if (!chosen_columns) return false;
  // Rows of other revisions (by «Редакция»), each read with its own.
  std::map<int, std::optional<Columns>> by_revision = {{chosen.revision, chosen_columns}};
  const auto columns_of = [&](const Survey& revision) -> const std::optional<Columns>& {
    auto [it, fresh] = by_revision.try_emplace(revision.revision);
    if (fresh) it->second = ResolveColumns(path, table, mapping, revision, other_fields(revision), errors);
    return it->second;
  };
  std::string segment_bytes;
  std::vector<std::string> lines;
  size_t row_errors = 0;
  // Required questions without a column: (number, field) → (first row, rows), reported once each.
  std::map<std::pair<int, std::string>, std::pair<int, size_t>> missing_columns;
  const auto row_error = [&](const CsvRow& row, const std::string& message) {
    if (++row_errors <= kMaxRowErrors) errors->Add(path, row.row, message);
  };
  outcome->rows = table.rows.size();
  ProgressStep step(*request.progress, "Проверка строк", table.rows.size());
  for (const CsvRow& row : table.rows) {
    step.Advance();
    const size_t errors_before = row_errors;
    bool lacks_column = false;  // reported once per question below, not per row
    const Survey* row_survey = &chosen;
    if (chosen_columns->revision >= 0) {
      const std::string& number = row.cells[static_cast<size_t>(chosen_columns->revision)];
      const Survey* found = nullptr;
      for (const Survey* revision : revisions) {
        if (std::to_string(revision->revision) == TrimmedCell(number)) found = revision;
      }
      if (!found) {
        row_error(row, "редакция «" + number + "»: у опроса «" + every.id + "» нет такой редакции");
        ++outcome->invalid;
        continue;
      }
      row_survey = found;
    }
    const Survey& survey = *row_survey;
    const std::optional<Columns>& columns = columns_of(survey);
    if (!columns) {
      ++outcome->invalid;
      continue;
    }
    const Date last_day = std::min(survey.closes, request.today);
    for (size_t c = 0; c < table.header.size(); ++c) {
      if (columns->other_revision[c] && !TrimmedCell(row.cells[c]).empty()) {
        row_error(row, "столбец «" + table.header[c] + "»: в редакции " + std::to_string(survey.revision) +
                           " анкеты нет этого вопроса");
      }
    }
    const std::string& date_text = row.cells[static_cast<size_t>(columns->date)];
    const std::optional<Date> date = ParseDay(date_text);
    if (!date) {
      row_error(row, date_text.empty() ? "не указана дата заполнения"
                                       : "дата «" + date_text + "» не распознана: ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД");
    } else if (*date < survey.opens || *date > last_day) {
      row_error(row, "дата " + Russian(*date) + " вне сроков опроса: с " + Russian(survey.opens) + " по " +
                         Russian(last_day));
    }
    Submission submission;
    std::set<std::string> unknown;  // fields with a value that is no option: reported here, in the file's words
    for (size_t c = 0; c < table.header.size(); ++c) {
      const Question* question = columns->questions[c];
      if (!question) continue;
      for (std::string& value :
           CellValues(std::string(FromSpreadsheet(row.cells[c])), columns->fields[c], *question, mapping)) {
        if (HasOptions(question->kind) && !question->FindOption(value) && unknown.insert(columns->fields[c]).second) {
          row_error(row, "вопрос " + std::to_string(question->number) + ", столбец «" + table.header[c] + "»: «" +
                             value + "» — нет такого варианта ответа; укажите код или текст варианта из анкеты "
                             "либо добавьте это написание в values файла сопоставления");
        }
        submission.emplace_back(columns->fields[c], std::move(value));
      }
    }
    Validation validation = ValidateResponse(survey, submission);
    for (const AnswerError& error : validation.errors) {
      if (unknown.count(error.field)) continue;
      const std::string question = "вопрос " + std::to_string(error.question);
      const auto column = std::find(columns->fields.begin(), columns->fields.end(), error.field);
      if (column == columns->fields.end()) {
        auto& [first_row, count] = missing_columns[{error.question, error.field}];
        if (count++ == 0) first_row = row.row;
        lacks_column = true;
        continue;
      }
      const std::string& name = table.header[static_cast<size_t>(column - columns->fields.begin())];
      const bool missing = error.message == "Ответьте на этот вопрос." || error.message == "Оцените эту строку.";
      row_error(row, question + ", столбец «" + name + "»: " +
                         (missing ? "нет ответа, а вопрос обязательный" : error.message));
    }
    for (const std::string& field : validation.dropped) {
      outcome->dropped.Add(path, row.row, "ответ на вопрос «" + field + "» не сохранён: по логике анкеты его не задавали");
    }
    if (row_errors != errors_before || lacks_column) {
      ++outcome->invalid;
      continue;
    }
    lines.push_back(EncodeLine({std::move(validation.response), *date, request.source}));
    segment_bytes += lines.back();
  }
  for (const auto& [question, rows] : missing_columns) {
    errors->Add(path, rows.first, "вопрос " + std::to_string(question.first) + " (" + question.second +
                                      "): в файле нет столбца для этого обязательного вопроса, а его задавали в " +
                                      CountWithNoun(static_cast<long>(rows.second), "строке", "строках", "строках") +
                                      ", начиная с этой; добавьте столбец или сделайте вопрос необязательным "
                                      "(required: false)");
  }
  if (row_errors > kMaxRowErrors) {
    errors->Add(path, 0, "и ещё ошибок: " + std::to_string(row_errors - kMaxRowErrors));
  }
  if (outcome->invalid > 0 && !request.skip_invalid) return false;
  outcome->imported = lines.size();
  if (lines.empty()) {
    outcome->kind = ImportOutcome::Kind::kNothingValid;
    return true;
  }
  std::sort(lines.begin(), lines.end());

  // With skip_invalid the row errors above are reported and the rest imported: only a failed write fails now.
  const size_t errors_before_write = errors->size();
  const std::string dir = request.responses_dir + "/" + every.id;
  for (const std::string& name : fs.ListFiles(dir)) {
    if (!name.starts_with("import-") || !name.ends_with(".jsonl") || name.find('/') != std::string::npos) continue;
    const std::string earlier_path = dir + "/" + name;
    Result<std::string> earlier = fs.ReadFile(earlier_path);
    if (!earlier.ok()) {
      errors->Add("", 0, earlier.status().message());  // the message names the file
      return false;
    }
    const std::vector<std::string> earlier_lines = SortedLines(earlier.value());
    if (Contains(earlier_lines, lines)) {
      outcome->kind = ImportOutcome::Kind::kAlreadyImported;
      outcome->segment = earlier_path;
      outcome->imported = 0;
      return true;
    }
    if (Contains(lines, earlier_lines)) {
      outcome->replaced.push_back(earlier_path);
    } else if (Intersects(lines, earlier_lines)) {
      outcome->overlapping.push_back(earlier_path);
    }
  }
  outcome->segment = dir + "/import-" + request.source + "-" + AnswersHash(lines) + ".jsonl";
  if (Status written = fs.ReplaceFile(outcome->segment, segment_bytes); !written.ok()) {
    errors->Add("", 0, written.message());
    return false;
  }
  for (const std::string& earlier : outcome->replaced) {
    if (Status removed = fs.RemoveAll(earlier); !removed.ok()) errors->Add("", 0, removed.message());
  }
  outcome->kind = ImportOutcome::Kind::kWritten;
  return errors->size() == errors_before_write;
}

}  // namespace otklik
