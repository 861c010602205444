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
    line += Cell(cells[i], delimiter);
  }
  return line + "\r\n";
}

}  // namespace otklik
