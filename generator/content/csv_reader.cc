#include "content/csv_reader.h"

#include <iconv.h>

#include <set>

#include "core/plural.h"
#include "core/utf8.h"

namespace otklik {

namespace {

// Windows-1251 → UTF-8 with iconv; nullopt if iconv cannot (never for this pair).
std::optional<std::string> FromCp1251(std::string_view bytes) {
  iconv_t converter = iconv_open("UTF-8", "CP1251");
  if (converter == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() * 3 + 4, '\0');
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* to = out.data();
  size_t out_left = out.size();
  const size_t done = iconv(converter, &in, &in_left, &to, &out_left);
  iconv_close(converter);
  if (done == static_cast<size_t>(-1)) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

std::string Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const size_t last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// The separator the first line that is not blank (the header) uses most, outside quotes.
char DetectDelimiter(std::string_view text) {
  size_t counts[3] = {0, 0, 0};
  const char candidates[3] = {',', ';', '\t'};
  bool quoted = false;
  bool blank = true;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    blank = blank && (c == '\n' || c == '\r' || c == ' ');
    if (quoted) continue;
    if (c == '\n' && !blank) break;
    for (size_t i = 0; i < 3; ++i) counts[i] += c == candidates[i] ? 1 : 0;
  }
  size_t best = 0;
  for (size_t i = 1; i < 3; ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return candidates[best];
}

}  // namespace

std::optional<CsvTable> ParseCsv(const std::string& path, std::string_view bytes, Diagnostics* diagnostics) {
  CsvTable table;
  std::string converted;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!IsValidUtf8(bytes)) {
    std::optional<std::string> utf8 = FromCp1251(bytes);
    if (!utf8) {
      diagnostics->Add(path, 0, "файл не в кодировке UTF-8: сохраните его как «CSV UTF-8»");
      return std::nullopt;
    }
    converted = std::move(*utf8);
    bytes = converted;
    table.converted_from_cp1251 = true;
  }
  table.delimiter = DetectDelimiter(bytes);

  std::vector<CsvRow> records;
  CsvRow record{1, 1, {}};
  std::string cell;
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // the current field was quoted (keep its spaces)
  int line = 1;
  int record_number = 1;  // empty rows count, as in a spreadsheet
  int quote_line = 0;
  bool record_has_text = false;
  const auto end_cell = [&] {
    record.cells.push_back(was_quoted ? cell : Trim(cell));
    record_has_text = record_has_text || !record.cells.back().empty();
    cell.clear();
    was_quoted = false;
  };
  const auto end_record = [&] {
    end_cell();
    if (record_has_text) records.push_back(std::move(record));
    record = CsvRow{++record_number, line + 1, {}};
    record_has_text = false;
  };
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (quoted) {
      if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        if (c != '\r' || i + 1 >= bytes.size() || bytes[i + 1] != '\n') cell += c;
      }
    } else if (c == '"' && Trim(cell).empty()) {
      quoted = true;
      was_quoted = true;
      quote_line = line;
      cell.clear();
    } else if (c == table.delimiter) {
      end_cell();
    } else if (c == '\n') {
      end_record();
      ++line;
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (quoted) {
    diagnostics->Add(path, quote_line, "кавычка, открытая в этой строке, не закрыта до конца файла");
    return std::nullopt;
  }
  if (!cell.empty() || !record.cells.empty()) end_record();
  if (records.empty()) {
    diagnostics->Add(path, 0, "в файле нет строки заголовка с названиями столбцов");
    return std::nullopt;
  }

  const size_t errors_before = diagnostics->size();
  table.header_row = records.front().row;
  table.header = std::move(records.front().cells);
  std::set<std::string> seen;
  for (size_t c = 0; c < table.header.size(); ++c) {
    const std::string& name = table.header[c];
    if (name.empty()) {
      diagnostics->Add(path, table.header_row, "у столбца " + std::to_string(c + 1) + " нет названия");
    } else if (!seen.insert(name).second) {
      diagnostics->Add(path, table.header_row, "столбец «" + name + "» встречается дважды");
    }
  }
  for (size_t r = 1; r < records.size(); ++r) {
    CsvRow& row = records[r];
    // Spreadsheets drop trailing empty cells or add them; only text beyond the header is an error.
    while (row.cells.size() > table.header.size() && row.cells.back().empty()) row.cells.pop_back();
    if (row.cells.size() > table.header.size()) {
      diagnostics->Add(path, row.row, "в строке " +
                                          CountWithNoun(static_cast<long>(row.cells.size()), "ячейка", "ячейки",
                                                        "ячеек") +
                                          ", а в заголовке " + std::to_string(table.header.size()) +
                                          "; проверьте разделитель и кавычки вокруг текста " +
                                          (table.delimiter == '\t' ? std::string("с табуляцией")
                                                                    : "с «" + std::string(1, table.delimiter) + "»"));
      continue;
    }
    row.cells.resize(table.header.size());
    table.rows.push_back(std::move(row));
  }
  if (diagnostics->size() != errors_before) return std::nullopt;
  return table;
}

}  // namespace otklik
