#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace otklik {

/// One record of a CSV table (RFC 4180): cells separated by `delimiter`,
/// each made SpreadsheetSafe(), quoted only when they hold the delimiter, a
/// quote or a line break, or start or end with a space or tab (ParseCsv
/// trims those otherwise); ends in "\r\n".
std::string CsvRecord(const std::vector<std::string>& cells, char delimiter = ',');

/// `cell` as a spreadsheet shows it and never runs it (OWASP, «CSV
/// Injection»): a cell that starts with '=', '+', '-', '@', a tab or a
/// carriage return (a formula to Excel and LibreOffice) or with an
/// apostrophe gets an apostrophe in front, which the spreadsheet hides and
/// Otklik's importers take off (FromSpreadsheet). A plain number ("-3",
/// "+12", "-0.5", "-0,5") stays as it is: it is not a formula, and open data
/// keeps its numbers.
std::string SpreadsheetSafe(std::string_view cell);

/// The cell SpreadsheetSafe() was given: a leading apostrophe taken off
/// when SpreadsheetSafe() would have put it there; any other cell as it is.
std::string_view FromSpreadsheet(std::string_view cell);

}  // namespace otklik
