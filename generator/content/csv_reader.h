#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace otklik {

/// One record of a table: its cells and where it stands.
struct CsvRow {
  int row = 0;   ///< Its number as a spreadsheet shows it, empty rows included: the first line is row 1.
  int line = 0;  ///< The file line it starts on (differs when a cell holds line breaks).
  std::vector<std::string> cells;
};

struct CsvTable {
  std::vector<std::string> header;  ///< Column names, trimmed.
  int header_row = 1;               ///< The row of the header: the first that is not empty.
  std::vector<CsvRow> rows;         ///< Every non-empty record after the header, as many cells as the header.
  char delimiter = ',';
  bool converted_from_cp1251 = false;
};

/// Reads a table saved by a spreadsheet as CSV (RFC 4180): fields separated
/// by ',', ';' or a tab (whichever the header uses most), optionally quoted
/// with '"' ("" inside quotes is one quote), quoted fields may hold
/// separators and line breaks, lines end in "\n" or "\r\n". A UTF-8 byte
/// order mark is skipped; a file that is not UTF-8 is read as Windows-1251,
/// the encoding Russian spreadsheets save CSV in by default. Reports
/// "path:row: message" for an unclosed quote, a row with a different number
/// of cells than the header, an empty or repeated column name; returns
/// nullopt after any error.
std::optional<CsvTable> ParseCsv(const std::string& path, std::string_view bytes, Diagnostics* diagnostics);

}  // namespace otklik
