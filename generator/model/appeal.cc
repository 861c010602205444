#include "model/appeal.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>

#include "content/csv_reader.h"
#include "content/document.h"
#include "content/field_reader.h"
#include "core/spelling.h"
#include "model/personal_data.h"

namespace otklik {

namespace {

// Row errors of one file printed before the rest are only counted, as in imports.
constexpr size_t kMaxRowErrors = 50;

enum Column : size_t { kRegistered, kAnswered, kChannel, kKind, kTopic, kOutcome, kReason, kColumnCount };

// What a column holds, for messages about a missing column or an empty cell.
std::string ColumnMeaning(Column column) {
  switch (column) {
    case kRegistered: return "дата регистрации";
    case kAnswered: return "дата окончательного ответа";
    case kChannel: return "точка взаимодействия, через которую поступило обращение";
    case kKind: return "вид обращения: " + JoinWithCommas(AppealKindNames());
    case kTopic: return "код тематического классификатора, например 0002.0007.0075.0000";
    case kOutcome: return "результат рассмотрения: " + JoinWithCommas(AppealOutcomeNames());
    case kReason: return "основная причина из reasons.yaml; может быть пустой";
    case kColumnCount: break;
  }
  return "";
}

// --- Values.

// "2026-07-14" or "14.07.2026".
std::optional<Date> ParseDay(std::string_view text) {
  if (std::optional<Date> iso = Date::Parse(text)) return iso;
  if (text.size() != 10 || text[2] != '.' || text[5] != '.') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::pair<size_t, size_t> spans[3] = {{0, 2}, {3, 2}, {6, 4}};
  for (size_t p = 0; p < 3; ++p) {
    for (size_t i = spans[p].first; i < spans[p].first + spans[p].second; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  return Date::FromYmd(parts[2], parts[1], parts[0]);
}

std::string Russian(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d.%02d.%04d", date.day(), date.month(), date.year());
  return text;
}

// True for `groups` groups of four digits joined by dots: "0002.0007" has two.
bool IsCode(std::string_view code, size_t groups) {
  if (code.size() != groups * 5 - 1) return false;
  for (size_t i = 0; i < code.size(); ++i) {
    if (i % 5 == 4 ? code[i] != '.' : (code[i] < '0' || code[i] > '9')) return false;
  }
  return true;
}

// Empty when the section of `code` ships with Otklik, otherwise what is wrong.
std::string SectionProblem(std::string_view code) {
  const std::string section(code.substr(0, 4));
  const std::vector<ClassifierEntry>& sections = ClassifierSections();
  for (const ClassifierEntry& entry : sections) {
    if (entry.code == section) return "";
  }
  return "раздела «" + section + "» нет в тематическом классификаторе (разделы " + sections.front().code + "–" +
         sections.back().code + ")";
}

// "2026-q3.csv" → {2026, 3}.

// --- reasons.yaml and classifier.yaml. Each returns nullopt when the file has any error.

std::optional<std::string> ReadIfPresent(const FileSystem& fs, const std::string& path, Diagnostics* found) {
  if (!fs.IsFile(path)) return std::string();
  Result<std::string> text = fs.ReadFile(path);
  if (!text.ok()) {
    found->Add("", 0, text.status().message());
    return std::nullopt;
  }
  return text.value();
}

std::optional<std::vector<AppealReason>> LoadReasons(const FileSystem& fs, const std::string& path,
                                                     Diagnostics* found) {
  const std::optional<std::string> text = ReadIfPresent(fs, path, found);
  if (!text) return std::nullopt;
  const size_t errors_before = found->size();
  const std::optional<YamlNode> root = ParseYaml(path, *text, 1, found);
  if (!root) return std::nullopt;
  if (root->IsNull()) return std::vector<AppealReason>();
  const std::string example = "например «- {id: late-payment, title: Задержка выплаты}»";
  if (!root->IsSequence()) {
    found->Add(path, root->line(), "ожидается список причин, " + example);
    return std::nullopt;
  }
  std::vector<AppealReason> reasons;
  std::map<std::string, int> lines;
  for (const YamlNode& item : root->items()) {
    if (!item.IsMap()) {
      found->Add(path, item.line(), "причина должна быть набором полей «id» и «title», " + example);
      continue;
    }
    FieldReader fields(item, path, found);
    for (const auto& [key, value] : item.entries()) {
      // In "{id: x, title: Непонятно, какие документы нужны}" a comma ends the title.
      if (!value.IsNull() || key.text() == "id" || key.text() == "title") continue;
      fields.Error(key.line(), "«" + key.text() +
                                   "» прочитано как отдельное поле: если это продолжение названия "
                                   "после запятой, заключите название в кавычки");
      fields.MarkRead(key.text());
    }
    AppealReason reason{fields.RequiredString("id"), fields.RequiredString("title")};
    fields.Finish();
    if (reason.id.empty()) {  // reported by RequiredString
    } else if (!IsValidId(reason.id)) {
      fields.Error(fields.LineOf("id"),
                   "идентификатор «" + reason.id + "» не годится: используйте строчные латинские буквы, цифры и дефис");
    } else if (const auto [it, fresh] = lines.emplace(reason.id, fields.LineOf("id")); !fresh) {
      fields.Error(fields.LineOf("id"),
                   "причина «" + reason.id + "» уже указана в строке " + std::to_string(it->second));
    }
    reasons.push_back(std::move(reason));
  }
  if (found->size() != errors_before) return std::nullopt;
  return reasons;
}

std::optional<std::vector<ClassifierEntry>> LoadClassifier(const FileSystem& fs, const std::string& path,
                                                           Diagnostics* found) {
  const std::optional<std::string> text = ReadIfPresent(fs, path, found);
  if (!text) return std::nullopt;
  const size_t errors_before = found->size();
  const std::optional<YamlNode> root = ParseYamlMap(path, *text, 1, found);
  if (!root) return std::nullopt;
  std::vector<ClassifierEntry> entries;
  std::map<std::string, int> lines;
  for (const auto& [key, value] : root->entries()) {
    const std::string& code = key.text();
    const int line = key.line();  // clang does not let a lambda capture a structured binding
    const auto error = [&](const std::string& message) { found->Add(path, line, message); };
    if (IsCode(code, 1)) {
      error("разделы классификатора встроены в Отклик: «" + code +
            "» указывать не нужно; здесь перечисляются подразделы (0002.0007) и полные коды (0002.0007.0075.0000)");
    } else if (!IsCode(code, 2) && !IsCode(code, 4)) {
      error("«" + code +
            "» не похоже на код тематического классификатора: ожидается подраздел вида 0002.0007 "
            "или полный код вида 0002.0007.0075.0000");
    } else if (const std::string problem = SectionProblem(code); !problem.empty()) {
      error("код «" + code + "»: " + problem);
    } else if (value.IsNull() || (value.IsScalar() && value.text().empty())) {
      error("у кода «" + code + "» нет названия");
    } else if (!value.IsScalar()) {
      error("название кода «" + code + "» должно быть строкой, а не списком или набором полей");
    } else if (const auto [it, fresh] = lines.emplace(code, key.line()); !fresh) {
      error("код «" + code + "» уже указан в строке " + std::to_string(it->second));
    } else {
      entries.push_back({code, value.text()});
    }
  }
  if (found->size() != errors_before) return std::nullopt;
  return entries;
}

// --- Quarter files.

// What rows are checked against, besides their file's quarter.
struct References {
  std::string reasons_path;
  std::string classifier_path;
  std::vector<std::string> channels;
  std::optional<std::vector<std::string>> reasons;  ///< nullopt: reasons.yaml is broken and reasons go unchecked.
  bool reasons_file = false;
  std::map<std::string, std::vector<std::string>> listed;  ///< Subsection → full codes in classifier.yaml.
  Date as_of;
};

// Reads one quarter file's table into `quarter`, reporting every problem.
class QuarterReader {
 public:
  QuarterReader(const References& refs, AppealQuarter* quarter, Diagnostics* found)
      : refs_(refs), quarter_(*quarter), found_(found) {
    columns_.fill(-1);
  }

  // True when the table held no errors.
  bool Read(const CsvTable& table) {
    const size_t errors_before = found_->size();
    ReadHeader(table);
    for (const CsvRow& row : table.rows) {
      if (std::optional<AppealRecord> record = ReadRow(row, {})) quarter_.records.push_back(std::move(*record));
    }
    ReportUntold();
    return found_->size() == errors_before;
  }

  // Rows an importer built (see AppealRow), under the standard header.
  void Read(const std::vector<AppealRow>& rows) {
    CsvTable table;
    table.header = AppealColumnNames();
    ReadHeader(table);
    for (const AppealRow& row : rows) {
      if (std::optional<AppealRecord> record = ReadRow(CsvRow{row.row, row.row, row.cells}, row.problems)) {
        quarter_.records.push_back(std::move(*record));
      }
    }
    ReportUntold();
  }

 private:
  void ReadHeader(const CsvTable& table) {
    for (size_t c = 0; c < table.header.size(); ++c) {
      const std::string& name = table.header[c];
      const auto known = std::find(AppealColumnNames().begin(), AppealColumnNames().end(), name);
      if (known != AppealColumnNames().end()) {
        columns_[static_cast<size_t>(known - AppealColumnNames().begin())] = static_cast<int>(c);
      } else if (NamesPersonalData(name)) {
        personal_columns_.insert(c);  // its cells are not checked one by one: the column must go
        Error(table.header_row, "столбец «" + name +
                                    "» похож на персональные данные: удалите его перед публикацией; в файлах "
                                    "обращений их быть не должно");
      } else {
        Error(table.header_row, "столбец «" + name + "» не предусмотрен" + DidYouMean(name, AppealColumnNames()) +
                                    "; допустимые столбцы: " + JoinWithCommas(AppealColumnNames()));
      }
    }
    for (size_t c = 0; c < kColumnCount; ++c) {
      if (columns_[c] >= 0) continue;
      Error(table.header_row,
            "нет столбца «" + AppealColumnNames()[c] + "» (" + ColumnMeaning(static_cast<Column>(c)) + ")");
    }
  }

  void Error(int row, std::string message) { found_->Add(quarter_.path, row, std::move(message)); }

  void ReportUntold() {
    if (row_errors_ <= kMaxRowErrors) return;
    found_->Add(quarter_.path, first_untold_row_,
                "и ещё ошибок в этой и следующих строках: " + std::to_string(row_errors_ - kMaxRowErrors));
  }

  void RowError(const CsvRow& row, std::string message) {
    if (++row_errors_ <= kMaxRowErrors) return Error(row.row, std::move(message));
    if (row_errors_ == kMaxRowErrors + 1) first_untold_row_ = row.row;
  }

  // `problems`: what an importer found in the row's cells itself (AppealRow::problems).
  std::optional<AppealRecord> ReadRow(const CsvRow& row, const std::map<size_t, std::string>& problems) {
    const size_t errors_before = row_errors_;
    unchecked_cells_.assign(row.cells.size(), false);
    for (const auto& [column, message] : problems) {
      unchecked_cells_[column] = true;
      RowError(row, message);
    }
    FindPersonalData(row);
    AppealRecord record;
    record.row = row.row;
    const std::optional<Date> registered = ReadRegistered(row);
    const std::optional<size_t> kind = ReadChoice(row, kKind, AppealKindNames());
    const std::optional<size_t> outcome = ReadChoice(row, kOutcome, AppealOutcomeNames());
    record.answered = ReadAnswered(row, registered, outcome);
    record.channel = ReadChannel(row);
    record.topic = ReadTopic(row);
    record.reason = ReadReason(row);
    if (row_errors_ != errors_before || !registered || !kind || !outcome) return std::nullopt;
    record.registered = *registered;
    record.kind = static_cast<AppealKind>(*kind);
    record.outcome = static_cast<AppealOutcome>(*outcome);
    return record;
  }

  // Reports the personal data in the row once and marks those cells, which are then not quoted back in
  // other messages.
  void FindPersonalData(const CsvRow& row) {
    std::vector<std::string> kinds;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (personal_columns_.count(c) || unchecked_cells_[c]) continue;
      const std::optional<std::string> kind = PersonalDataIn(row.cells[c]);
      if (!kind) continue;
      unchecked_cells_[c] = true;
      if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) kinds.push_back(*kind);
    }
    if (kinds.empty()) return;
    RowError(row, "в строке есть персональные данные (" + JoinWithCommas(kinds) + "); в файлах обращений их быть не должно");
  }

  // The cell of `column`, or nullopt when it is not to be checked (no such column, personal data, or a problem
  // an importer reported).
  std::optional<std::string_view> Cell(const CsvRow& row, Column column) const {
    const int c = columns_[column];
    if (c < 0 || unchecked_cells_[static_cast<size_t>(c)]) return std::nullopt;
    return row.cells[static_cast<size_t>(c)];
  }

  void Missing(const CsvRow& row, Column column) {
    RowError(row, "не заполнен столбец «" + AppealColumnNames()[column] + "» (" + ColumnMeaning(column) + ")");
  }

  // Nothing for an empty cell: whether it may be empty depends on the column.
  std::optional<Date> ReadDate(const CsvRow& row, Column column) {
    const std::optional<std::string_view> text = Cell(row, column);
    if (!text || text->empty()) return std::nullopt;
    std::optional<Date> date = ParseDay(*text);
    if (!date) {
      RowError(row, "дата «" + std::string(*text) + "» в столбце «" + AppealColumnNames()[column] +
                        "» не распознана: ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ");
    }
    return date;
  }

  std::optional<Date> ReadRegistered(const CsvRow& row) {
    if (const std::optional<std::string_view> text = Cell(row, kRegistered); text && text->empty()) {
      Missing(row, kRegistered);
    }
    const std::optional<Date> date = ReadDate(row, kRegistered);
    if (!date) return std::nullopt;
    // Year 0: rows an importer checks before sorting them into quarters.
    if (quarter_.year != 0 && (date->year() != quarter_.year || date->quarter() != quarter_.quarter)) {
      const Date first(quarter_.year, quarter_.quarter * 3 - 2, 1);
      const Date last = Date(quarter_.year + quarter_.quarter / 4, quarter_.quarter % 4 * 3 + 1, 1).AddDays(-1);
      RowError(row, "дата регистрации " + Russian(*date) + " не входит в квартал файла (с " + Russian(first) + " по " +
                        Russian(last) + "); перенесите строку в файл " + std::to_string(date->year()) + "-q" +
                        std::to_string(date->quarter()) + ".csv");
      return std::nullopt;
    }
    if (*date > refs_.as_of) {
      RowError(row,
               "дата регистрации " + Russian(*date) + " ещё не наступила (дата сборки " + Russian(refs_.as_of) + ")");
      return std::nullopt;
    }
    return date;
  }

  std::optional<Date> ReadAnswered(const CsvRow& row, const std::optional<Date>& registered,
                                   const std::optional<size_t>& outcome) {
    const std::optional<std::string_view> text = Cell(row, kAnswered);
    const auto is = [&](AppealOutcome value) { return outcome == static_cast<size_t>(value); };
    if (text && text->empty() && outcome && !is(AppealOutcome::kInProgress) && !is(AppealOutcome::kNoAnswer)) {
      RowError(row, "не заполнен столбец «answered» (" + ColumnMeaning(kAnswered) +
                        "): пустым он может быть только при результате in-progress или no-answer");
    }
    const std::optional<Date> date = ReadDate(row, kAnswered);
    if (!date) return std::nullopt;
    if (is(AppealOutcome::kInProgress)) {
      RowError(row,
               "у обращения на рассмотрении (in-progress) ещё нет окончательного ответа: уберите дату ответа "
               "или укажите результат");
    }
    if (registered && *date < *registered) {
      RowError(row, "дата ответа " + Russian(*date) + " раньше даты регистрации " + Russian(*registered));
    }
    if (*date > refs_.as_of) {
      RowError(row, "дата ответа " + Russian(*date) + " ещё не наступила (дата сборки " + Russian(refs_.as_of) + ")");
    }
    return date;
  }

  // The index of the cell's value in `names`.
  std::optional<size_t> ReadChoice(const CsvRow& row, Column column, const std::vector<std::string>& names) {
    const std::optional<std::string_view> text = Cell(row, column);
    if (!text) return std::nullopt;
    if (text->empty()) {
      Missing(row, column);
      return std::nullopt;
    }
    const auto it = std::find(names.begin(), names.end(), *text);
    if (it == names.end()) {
      RowError(row, "недопустимое значение «" + std::string(*text) + "» в столбце «" + AppealColumnNames()[column] +
                        "»" + DidYouMean(*text, names) + "; допустимые значения: " + JoinWithCommas(names));
      return std::nullopt;
    }
    return static_cast<size_t>(it - names.begin());
  }

  std::string ReadChannel(const CsvRow& row) {
    const std::optional<std::string_view> text = Cell(row, kChannel);
    if (!text) return "";
    const std::string id(*text);
    if (id.empty()) {
      Missing(row, kChannel);
    } else if (std::find(refs_.channels.begin(), refs_.channels.end(), id) == refs_.channels.end()) {
      RowError(row, "неизвестная точка взаимодействия «" + id + "»" + DidYouMean(id, refs_.channels));
    }
    return id;
  }

  std::string ReadTopic(const CsvRow& row) {
    const std::optional<std::string_view> text = Cell(row, kTopic);
    if (!text) return "";
    const std::string code(*text);
    if (code.empty()) {
      Missing(row, kTopic);
    } else if (!IsCode(code, 4)) {
      RowError(row, "тема «" + code +
                        "» не похожа на код тематического классификатора: ожидаются четыре группы "
                        "по четыре цифры через точку, например 0002.0007.0075.0000");
    } else if (const std::string problem = SectionProblem(code); !problem.empty()) {
      RowError(row, "тема «" + code + "»: " + problem);
    } else if (const auto listed = refs_.listed.find(code.substr(0, 9));
               listed != refs_.listed.end() &&
               std::find(listed->second.begin(), listed->second.end(), code) == listed->second.end()) {
      RowError(row, "темы «" + code + "» нет в " + refs_.classifier_path + ", где перечислены коды подраздела " +
                        listed->first + DidYouMean(code, listed->second));
    }
    return code;
  }

  std::string ReadReason(const CsvRow& row) {
    const std::optional<std::string_view> text = Cell(row, kReason);
    if (!text) return "";
    const std::string id(*text);
    if (id.empty() || !refs_.reasons) return id;  // a reason is optional; a broken reasons.yaml is reported there
    if (!refs_.reasons_file) {
      RowError(row, "неизвестная причина «" + id + "»: причины перечисляются в " + refs_.reasons_path +
                        ", а этого файла нет");
    } else if (std::find(refs_.reasons->begin(), refs_.reasons->end(), id) == refs_.reasons->end()) {
      RowError(row, "неизвестная причина «" + id + "»" + DidYouMean(id, *refs_.reasons));
    }
    return id;
  }

  const References& refs_;
  AppealQuarter& quarter_;
  Diagnostics* found_;
  std::array<int, kColumnCount> columns_;  ///< Column → its index in the table, -1 when absent.
  std::set<size_t> personal_columns_;
  std::vector<bool> unchecked_cells_;  ///< Of the current row: personal data, or reported by an importer.
  size_t row_errors_ = 0;
  int first_untold_row_ = 0;
};

std::optional<AppealQuarter> LoadQuarter(const FileSystem& fs, const std::string& path, std::pair<int, int> quarter,
                                         const References& refs, Diagnostics* found) {
  Result<std::string> bytes = fs.ReadFile(path);
  if (!bytes.ok()) {
    found->Add("", 0, bytes.status().message());
    return std::nullopt;
  }
  AppealQuarter out;
  out.year = quarter.first;
  out.quarter = quarter.second;
  out.path = path;
  // A file with errors still names its quarter, so what refers to it is not reported too.
  if (const std::optional<CsvTable> table = ParseCsv(path, bytes.value(), found)) {
    QuarterReader(refs, &out, found).Read(*table);
  }
  return out;
}

// Reads reasons.yaml and classifier.yaml of `dir` into `appeals` and what rows are checked against.
References LoadReferences(const FileSystem& fs, const std::string& dir, const std::vector<Touchpoint>& touchpoints,
                          const Date& as_of, Appeals* appeals, Diagnostics* found) {
  References refs;
  refs.reasons_path = JoinPath(dir, "reasons.yaml");
  refs.classifier_path = JoinPath(dir, "classifier.yaml");
  refs.as_of = as_of;
  for (const Touchpoint& touchpoint : touchpoints) refs.channels.push_back(touchpoint.id);
  refs.reasons_file = fs.IsFile(refs.reasons_path);
  if (std::optional<std::vector<AppealReason>> reasons = LoadReasons(fs, refs.reasons_path, found)) {
    refs.reasons.emplace();
    for (const AppealReason& reason : *reasons) refs.reasons->push_back(reason.id);
    appeals->reasons = std::move(*reasons);
  }
  if (std::optional<std::vector<ClassifierEntry>> entries = LoadClassifier(fs, refs.classifier_path, found)) {
    for (ClassifierEntry& entry : *entries) {
      if (IsCode(entry.code, 4)) refs.listed[entry.code.substr(0, 9)].push_back(entry.code);
      appeals->classifier.push_back(std::move(entry));
    }
  }
  std::sort(appeals->classifier.begin(), appeals->classifier.end(),
            [](const ClassifierEntry& a, const ClassifierEntry& b) { return a.code < b.code; });
  return refs;
}

}  // namespace

const std::vector<std::string>& AppealColumnNames() {
  static const std::vector<std::string> kNames = {"registered", "answered", "channel", "kind",
                                                  "topic",      "outcome",  "reason"};
  return kNames;
}

std::string AppealColumnMeaning(size_t index) {
  return ColumnMeaning(static_cast<Column>(index));
}

const std::vector<std::string>& AppealKindNames() {
  static const std::vector<std::string> kNames = {"appeal", "complaint", "request", "proposal"};
  return kNames;
}

const std::vector<std::string>& AppealOutcomeNames() {
  static const std::vector<std::string> kNames = {"supported",  "measures",  "explained",  "refused",
                                                  "redirected", "no-answer", "in-progress"};
  return kNames;
}

const std::vector<ClassifierEntry>& ClassifierSections() {
  static const std::vector<ClassifierEntry> kSections = {
      {"0001", "Государство, общество, политика"},   {"0002", "Социальная сфера"},           {"0003", "Экономика"},
      {"0004", "Оборона, безопасность, законность"}, {"0005", "Жилищно-коммунальная сфера"},
  };
  return kSections;
}

std::optional<std::pair<int, int>> ParseQuarterKey(std::string_view key) {
  if (key.size() != 7 || key.substr(4, 2) != "-q" || key[0] == '0') return std::nullopt;
  int year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (key[i] < '0' || key[i] > '9') return std::nullopt;
    year = year * 10 + (key[i] - '0');
  }
  if (key[6] < '1' || key[6] > '4') return std::nullopt;
  return std::pair{year, key[6] - '0'};
}

const std::string* Appeals::TitleOf(const std::string& code) const {
  const auto it = std::lower_bound(classifier.begin(), classifier.end(), code,
                                   [](const ClassifierEntry& entry, const std::string& c) { return entry.code < c; });
  return it != classifier.end() && it->code == code ? &it->title : nullptr;
}

Appeals LoadAppealsLeniently(const FileSystem& fs, const std::string& content_dir,
                             const std::vector<Touchpoint>& touchpoints, const Date& as_of, Diagnostics* diagnostics,
                             AppealsMemo* memo) {
  const std::string dir = JoinPath(content_dir, "appeals");
  if (memo) {
    Fingerprint key = FingerprintOf(as_of.ToString());
    for (const Touchpoint& touchpoint : touchpoints) key = FingerprintOf(touchpoint.id, key);
    key = FolderFingerprint(fs, dir, key);
    if (memo->appeals && memo->key == key) {
      diagnostics->Append(memo->found);
      return *memo->appeals;
    }
    Diagnostics found;
    Appeals appeals = LoadAppealsLeniently(fs, content_dir, touchpoints, as_of, &found);
    *memo = {key, appeals, found};
    diagnostics->Append(found);
    return appeals;
  }
  Appeals appeals;
  appeals.classifier = ClassifierSections();
  if (!fs.IsDirectory(dir)) return appeals;

  Diagnostics found;
  const References refs = LoadReferences(fs, dir, touchpoints, as_of, &appeals, &found);

  for (const std::string& name : fs.ListFiles(dir)) {
    if (name == "reasons.yaml" || name == "classifier.yaml") continue;
    const std::string path = JoinPath(dir, name);
    const std::optional<std::pair<int, int>> quarter =
        name.ends_with(".csv") ? ParseQuarterKey(std::string_view(name).substr(0, name.size() - 4)) : std::nullopt;
    if (!quarter) {
      found.Add(path, 0,
                "файл не будет прочитан: файлы обращений называются <ГГГГ>-q<N>.csv (например, "
                "2026-q3.csv); кроме них в папке могут быть только reasons.yaml и classifier.yaml");
      continue;
    }
    if (std::optional<AppealQuarter> loaded = LoadQuarter(fs, path, *quarter, refs, &found)) {
      appeals.quarters.push_back(std::move(*loaded));
    }
  }
  std::sort(appeals.quarters.begin(), appeals.quarters.end(), [](const AppealQuarter& a, const AppealQuarter& b) {
    return std::pair(a.year, a.quarter) < std::pair(b.year, b.quarter);
  });
  diagnostics->Append(found);
  return appeals;
}

std::optional<Appeals> LoadAppeals(const FileSystem& fs, const std::string& content_dir,
                                   const std::vector<Touchpoint>& touchpoints, const Date& as_of,
                                   Diagnostics* diagnostics) {
  Diagnostics found;
  Appeals appeals = LoadAppealsLeniently(fs, content_dir, touchpoints, as_of, &found);
  found.Sort();
  diagnostics->Append(found);
  if (!found.empty()) return std::nullopt;
  return appeals;
}

std::optional<std::vector<AppealRecord>> CheckAppealRows(const FileSystem& fs, const std::string& content_dir,
                                                         const std::vector<Touchpoint>& touchpoints, const Date& as_of,
                                                         const std::string& path, const std::vector<AppealRow>& rows,
                                                         Diagnostics* diagnostics) {
  Diagnostics found;
  Appeals lists;
  const References refs = LoadReferences(fs, JoinPath(content_dir, "appeals"), touchpoints, as_of, &lists, &found);
  if (!found.empty()) {
    found.Sort();
    diagnostics->Append(found);
    return std::nullopt;
  }
  AppealQuarter any;  // year 0: any quarter
  any.path = path;
  QuarterReader(refs, &any, &found).Read(rows);
  found.Sort();
  diagnostics->Append(found);
  return std::move(any.records);
}

}  // namespace otklik
