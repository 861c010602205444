#include "content/csv_writer.h"

namespace otklik {

namespace {

std::string Cell(const std::string& cell, char delimiter) {
  const bool quote =
      cell.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string::npos ||
      (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t' || cell.back() == ' ' || cell.back() == '\t'));
  if (!quote) return cell;
  std::string out = "\"";
  for (const char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string CsvRecord(const std::vector<std::string>& cells, char delimiter) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += delimiter;
    line += Cell(SpreadsheetSafe(cells[i]), delimiter);
  }
  return line + "\r\n";
}

namespace {

// "-3", "+12", "-0.5", "-0,5": a sign, digits and at most one decimal separator.
bool IsPlainNumber(std::string_view cell) {
  size_t i = cell.front() == '+' || cell.front() == '-' ? 1 : 0;
  bool digits = false;
  bool separator = false;
  for (; i < cell.size(); ++i) {
    if (cell[i] >= '0' && cell[i] <= '9') {
      digits = true;
    } else if ((cell[i] == '.' || cell[i] == ',') && digits && !separator && i + 1 < cell.size()) {
      separator = true;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace

std::string SpreadsheetSafe(std::string_view cell) {
  if (cell.empty()) return "";
  if (IsPlainNumber(cell)) return std::string(cell);
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\'': return "'" + std::string(cell);
    default: return std::string(cell);
  }
}

std::string_view FromSpreadsheet(std::string_view cell) {
  if (cell.size() < 2 || cell[0] != '\'') return cell;
  return SpreadsheetSafe(cell.substr(1)) == cell ? cell.substr(1) : cell;
}

}  // namespace otklik
