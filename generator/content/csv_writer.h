#pragma once

#include <string>
#include <vector>

namespace otklik {

/// One record of a CSV table (RFC 4180): cells separated by `delimiter`,
/// quoted only when they hold the delimiter, a quote or a line break, or
/// start or end with a space or tab (ParseCsv trims those otherwise);
/// ends in "\r\n".
std::string CsvRecord(const std::vector<std::string>& cells, char delimiter = ',');

}  // namespace otklik
