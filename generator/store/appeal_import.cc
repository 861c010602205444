#include "store/appeal_import.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "content/document.h"
#include "content/field_reader.h"
#include "core/spelling.h"
#include "model/appeal.h"
#include "model/report.h"
#include "store/sheet_cells.h"

namespace otklik {

namespace {

// Indices into AppealColumnNames().
constexpr size_t kRegisteredColumn = 0;
constexpr size_t kAnsweredColumn = 1;
constexpr size_t kChannelColumn = 2;
constexpr size_t kKindColumn = 3;
constexpr size_t kOutcomeColumn = 5;

std::optional<size_t> ColumnIndex(std::string_view name) {
  const std::vector<std::string>& names = AppealColumnNames();
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<size_t>(it - names.begin());
}

// --- Dates.

// A piece of a date format: the day, month or year, or a separator.
struct DateToken {
  enum class Kind { kDay, kMonth, kYear, kSeparator };
  Kind kind;
  char separator = 0;
};

// "ДД/ММ/ГГГГ" or "MM/DD/YYYY": the day, month and year once each, between them punctuation only.
std::optional<std::vector<DateToken>> ParseDateFormat(std::string_view format) {
  static const std::pair<std::string_view, DateToken::Kind> kParts[] = {
      {"ДД", DateToken::Kind::kDay},   {"DD", DateToken::Kind::kDay},    {"ММ", DateToken::Kind::kMonth},
      {"MM", DateToken::Kind::kMonth}, {"ГГГГ", DateToken::Kind::kYear}, {"YYYY", DateToken::Kind::kYear}};
  std::vector<DateToken> tokens;
  std::array<int, 3> seen = {0, 0, 0};
  for (size_t i = 0; i < format.size();) {
    const auto part = std::find_if(std::begin(kParts), std::end(kParts),
                                   [&](const auto& known) { return format.substr(i).starts_with(known.first); });
    if (part != std::end(kParts)) {
      tokens.push_back({part->second});
      ++seen[static_cast<size_t>(part->second)];
      i += part->first.size();
    } else if (const auto c = static_cast<unsigned char>(format[i]); c < 0x80 && std::ispunct(c)) {
      tokens.push_back({DateToken::Kind::kSeparator, format[i++]});
    } else {
      return std::nullopt;
    }
  }
  if (seen != std::array<int, 3>{1, 1, 1}) return std::nullopt;
  return tokens;
}

// The day of `text` written in `format`: the day and month of one or two digits, the year of four.
std::optional<Date> ParseDate(const std::vector<DateToken>& format, std::string_view text) {
  std::array<int, 3> values = {0, 0, 0};
  size_t i = 0;
  for (const DateToken& token : format) {
    if (token.kind == DateToken::Kind::kSeparator) {
      if (i >= text.size() || text[i] != token.separator) return std::nullopt;
      ++i;
      continue;
    }
    const size_t most = token.kind == DateToken::Kind::kYear ? 4 : 2;
    const size_t least = token.kind == DateToken::Kind::kYear ? 4 : 1;
    const size_t start = i;
    int& value = values[static_cast<size_t>(token.kind)];
    while (i - start < most && i < text.size() && text[i] >= '0' && text[i] <= '9')
      value = value * 10 + (text[i++] - '0');
    if (i - start < least) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  return Date::FromYmd(values[2], values[1], values[0]);
}

// "14.07.2026 10:15:33" → "14.07.2026": registries export the time of registration, quarter files keep the day.
std::string WithoutTime(const std::string& text) {
  const size_t space = text.find(' ');
  if (space == std::string::npos) return text;
  const std::string_view time = std::string_view(text).substr(space + 1);
  const bool is_time =
      time.find(':') != std::string_view::npos && time.find_first_not_of("0123456789:") == std::string_view::npos;
  return is_time ? text.substr(0, space) : text;
}

// --- Columns and rows.

// The export's column of each of ours (-1: none); nullopt after reporting a problem.
std::optional<std::vector<int>> ResolveColumns(const std::string& path, const CsvTable& table,
                                               const AppealMapping& mapping, Diagnostics* errors) {
  const std::vector<std::string>& names = AppealColumnNames();
  std::map<std::string, size_t> mapped;  // export column → ours
  for (const auto& [ours, theirs] : mapping.columns) mapped[theirs] = *ColumnIndex(ours);
  std::vector<int> columns(names.size(), -1);
  const size_t errors_before = errors->size();
  for (size_t c = 0; c < table.header.size(); ++c) {
    const std::string& name = table.header[c];
    if (mapping.ignore.count(name)) continue;
    std::optional<size_t> ours;
    if (const auto it = mapped.find(name); it != mapped.end()) {
      ours = it->second;
    } else if (std::optional<size_t> same = ColumnIndex(name); same && !mapping.columns.count(name)) {
      ours = same;
    }
    if (ours) {
      columns[*ours] = static_cast<int>(c);
    } else if (NamesPersonalData(name)) {
      errors->Add(path, table.header_row,
                  "столбец «" + name +
                      "» похож на персональные данные: добавьте его в ignore файла сопоставления, чтобы он не "
                      "загружался");
    } else {
      errors->Add(path, table.header_row,
                  "столбец «" + name + "» не сопоставлен ни с одним столбцом обращений" + DidYouMean(name, names) +
                      ": укажите его в columns или ignore файла сопоставления");
    }
  }
  for (size_t ours = 0; ours < names.size(); ++ours) {
    if (columns[ours] >= 0) continue;
    const std::string meaning = " (" + AppealColumnMeaning(ours) + ")";
    const auto it = mapping.columns.find(names[ours]);
    errors->Add(path, table.header_row,
                it != mapping.columns.end()
                    ? "нет столбца «" + it->second + "», указанного в columns для " + names[ours] + meaning
                    : "нет столбца «" + names[ours] + "»" + meaning +
                          ": назовите так столбец выгрузки или укажите его название в columns файла сопоставления");
  }
  if (errors->size() != errors_before) return std::nullopt;
  return columns;
}

// One row of the export in our columns and values. Personal data is left as it is for CheckAppealRows to report
// without quoting it; a date that does not fit the mapping's format is a problem of the row.
AppealRow BuildRow(const CsvRow& row, const std::vector<int>& columns, const AppealMapping& mapping,
                   const std::optional<std::vector<DateToken>>& date_format) {
  const std::vector<std::string>& names = AppealColumnNames();
  AppealRow out;
  out.row = row.row;
  for (size_t c = 0; c < names.size(); ++c) {
    const bool is_date = c == kRegisteredColumn || c == kAnsweredColumn;
    std::string cell = TrimmedCell(row.cells[static_cast<size_t>(columns[c])]);
    if (is_date) cell = WithoutTime(cell);  // "2026-10-01 09:14" would read as a phone number
    if (!PersonalDataIn(cell)) {
      if (const auto values = mapping.values.find(names[c]); values != mapping.values.end()) {
        if (const auto value = values->second.find(cell); value != values->second.end()) cell = value->second;
      }
      if (is_date && date_format && !cell.empty()) {
        if (const std::optional<Date> date = ParseDate(*date_format, cell)) {
          cell = date->ToString();
        } else {
          out.problems[c] = "дата «" + cell + "» в столбце «" + names[c] + "» не распознана: ожидается " +
                            mapping.date + ", как указано в date файла сопоставления";
        }
      }
    }
    out.cells.push_back(std::move(cell));
  }
  return out;
}

// A quarter file's text: the header, then one line per record.
std::string QuarterText(const std::vector<AppealRecord>& records) {
  std::string text = JoinCells(AppealColumnNames(), ";") + "\n";
  for (const AppealRecord& record : records) {
    text += record.registered.ToString() + ";" + (record.answered ? record.answered->ToString() : "") + ";" +
            record.channel + ";" + AppealKindNames()[static_cast<size_t>(record.kind)] + ";" + record.topic + ";" +
            AppealOutcomeNames()[static_cast<size_t>(record.outcome)] + ";" + record.reason + "\n";
  }
  return text;
}

// The records of an existing quarter file, counted as the build would read its rows; nullopt when it is no table.
std::optional<size_t> RecordsIn(const std::string& path, std::string_view bytes) {
  Diagnostics ignored;
  const std::optional<CsvTable> table = ParseCsv(path, bytes, &ignored);
  if (!table) return std::nullopt;
  return table->rows.size();
}

// The quarter files to write, oldest first, with their texts.
std::vector<std::pair<AppealQuarterFile, std::string>> PlanQuarters(std::vector<AppealRecord> records,
                                                                    const std::string& content_dir,
                                                                    const std::vector<QuarterReport>& reports) {
  std::stable_sort(records.begin(), records.end(),
                   [](const AppealRecord& a, const AppealRecord& b) { return a.registered < b.registered; });
  std::map<std::pair<int, int>, std::vector<AppealRecord>> quarters;
  for (AppealRecord& record : records) {
    quarters[{record.registered.year(), record.registered.quarter()}].push_back(std::move(record));
  }
  std::vector<std::pair<AppealQuarterFile, std::string>> plan;
  for (const auto& [quarter, in_quarter] : quarters) {
    AppealQuarterFile file;
    file.key = std::to_string(quarter.first) + "-q" + std::to_string(quarter.second);
    file.path = JoinPath(JoinPath(content_dir, "appeals"), file.key + ".csv");
    file.after = in_quarter.size();
    for (const QuarterReport& report : reports) {
      if (report.year == quarter.first && report.quarter == quarter.second && report.published) {
        file.published_report = report.path;
      }
    }
    plan.emplace_back(std::move(file), QuarterText(in_quarter));
  }
  return plan;
}

}  // namespace

std::optional<AppealMapping> ParseAppealMapping(const std::string& path, std::string_view text,
                                                const std::vector<Touchpoint>& touchpoints, Diagnostics* diagnostics) {
  const size_t errors_before = diagnostics->size();
  std::optional<YamlNode> root_node = ParseYamlMap(path, text, 1, diagnostics);
  if (!root_node) return std::nullopt;
  FieldReader root(*root_node, path, diagnostics);
  const std::vector<std::string>& names = AppealColumnNames();
  const auto check_column = [&](const FieldReader& reader, const std::string& column) {
    if (ColumnIndex(column)) return true;
    reader.Error(reader.LineOf(column), "столбца «" + column + "» в файлах обращений нет" + DidYouMean(column, names) +
                                            "; столбцы: " + JoinCells(names, ", "));
    return false;
  };
  std::vector<std::string> channels;
  for (const Touchpoint& touchpoint : touchpoints) channels.push_back(touchpoint.id);
  // Values whose targets are known here; a wrong one would otherwise be reported on every row.
  const std::map<std::string, const std::vector<std::string>*> known = {
      {names[kChannelColumn], &channels}, {names[kKindColumn], &AppealKindNames()}, {names[kOutcomeColumn], &AppealOutcomeNames()}};

  AppealMapping mapping;
  mapping.date = root.OptionalString("date");
  if (!mapping.date.empty() && !ParseDateFormat(mapping.date)) {
    root.Error(root.LineOf("date"), "формат даты «" + mapping.date +
                                        "» не понятен: нужны ДД, ММ и ГГГГ (или DD, MM и YYYY) по одному разу и "
                                        "знаки между ними, например ДД/ММ/ГГГГ или MM/DD/YYYY");
  }
  for (const Ref& column : root.RefList("ignore")) mapping.ignore.insert(column.id);
  FieldReader columns = root.Map("columns");
  std::map<std::string, std::string> taken;  // export column → ours
  for (const std::string& ours : columns.keys()) {
    const std::string theirs = columns.RequiredString(ours);
    if (!check_column(columns, ours) || theirs.empty()) continue;
    if (const auto [it, fresh] = taken.emplace(theirs, ours); !fresh) {
      columns.Error(columns.LineOf(ours), "столбец «" + theirs + "» уже сопоставлен с " + it->second);
    } else if (mapping.ignore.count(theirs)) {
      columns.Error(columns.LineOf(ours), "столбец «" + theirs + "» указан и в columns, и в ignore: оставьте одно");
    }
    mapping.columns[ours] = theirs;
  }
  FieldReader values = root.Map("values");
  for (const std::string& ours : values.keys()) {
    const bool column_known = check_column(values, ours);
    FieldReader texts = values.Map(ours);
    const auto allowed = known.find(ours);
    for (const std::string& theirs : texts.keys()) {
      const std::string value = texts.OptionalString(theirs);
      if (column_known && allowed != known.end() && !value.empty() &&
          std::find(allowed->second->begin(), allowed->second->end(), value) == allowed->second->end()) {
        texts.Error(texts.LineOf(theirs), "недопустимое значение «" + value + "» для столбца «" + ours + "»" +
                                              DidYouMean(value, *allowed->second) +
                                              "; допустимые значения: " + JoinCells(*allowed->second, ", "));
      }
      mapping.values[ours][theirs] = value;
    }
    texts.Finish();
  }
  columns.Finish();
  values.Finish();
  root.Finish({"date", "ignore", "columns", "values"});
  if (diagnostics->size() != errors_before) return std::nullopt;
  return mapping;
}

bool ImportAppeals(FileSystem& fs, const std::string& path, const CsvTable& table, const AppealMapping& mapping,
                   const std::vector<Touchpoint>& touchpoints, const AppealImportRequest& request,
                   AppealImportOutcome* outcome, Diagnostics* errors) {
  outcome->rows = table.rows.size();
  const std::optional<std::vector<QuarterReport>> reports = LoadReports(fs, request.content_dir, errors);
  if (!reports) {
    outcome->content_errors = true;
    return false;
  }
  const std::optional<std::vector<int>> columns = ResolveColumns(path, table, mapping, errors);
  if (!columns) return false;
  std::optional<std::vector<DateToken>> date_format;
  if (!mapping.date.empty()) date_format = ParseDateFormat(mapping.date);
  std::vector<AppealRow> rows;
  std::optional<std::vector<AppealRecord>> records;
  {
    ProgressStep step(*request.progress, "Проверка строк", table.rows.size());
    for (const CsvRow& row : table.rows) {
      rows.push_back(BuildRow(row, *columns, mapping, date_format));
      step.Advance();
    }
    records = CheckAppealRows(fs, request.content_dir, touchpoints, request.today, path, rows, errors);
  }
  if (!records) {
    outcome->content_errors = true;
    return false;
  }
  for (size_t i = 0, good = 0; i < rows.size(); ++i) {
    if (good < records->size() && (*records)[good].row == rows[i].row) {
      ++good;
    } else {
      outcome->invalid.push_back(rows[i].row);
    }
  }
  if (!outcome->invalid.empty() && !request.skip_invalid) return false;
  outcome->imported = records->size();

  // Everything is read and compared before the first file is replaced.
  std::vector<std::pair<AppealQuarterFile, std::string>> plan =
      PlanQuarters(std::move(*records), request.content_dir, *reports);
  for (auto& [file, text] : plan) {
    file.existed = fs.IsFile(file.path);
    file.changed = true;
    if (!file.existed) continue;
    Result<std::string> before = fs.ReadFile(file.path);
    if (!before.ok()) {
      errors->Add("", 0, before.status().message());
      return false;
    }
    file.before = RecordsIn(file.path, before.value());
    file.changed = before.value() != text;
  }
  for (auto& [file, text] : plan) {
    if (file.changed) {
      if (Status written = fs.ReplaceFile(file.path, text); !written.ok()) {
        errors->Add("", 0, written.message());
        return false;
      }
    }
    outcome->quarters.push_back(std::move(file));
  }
  return true;
}

}  // namespace otklik
