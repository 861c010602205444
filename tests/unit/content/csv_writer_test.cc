#include "content/csv_writer.h"

#include <catch2/catch.hpp>

namespace otklik::csv_writer_test {
namespace {

TEST_CASE("CsvRecord quotes only the cells that need it and ends the record with CRLF") {
  CHECK(CsvRecord({"a", "b c", "d,e", "f\"g", "h\ni", " j", ""}) == "a,b c,\"d,e\",\"f\"\"g\",\"h\ni\",\" j\",\r\n");
  CHECK(CsvRecord({"a;b", "c,d"}, ';') == "\"a;b\";c,d\r\n");
}

TEST_CASE("CsvRecord puts an apostrophe before every cell a spreadsheet would take for a formula") {
  CHECK(CsvRecord({"=1+1", "+9 (+12 %)", "-x", "@SUM(A1)", "'quoted", "\tx"}) ==
        "'=1+1,'+9 (+12 %),'-x,'@SUM(A1),''quoted,'\tx\r\n");
  CHECK(CsvRecord({"-3", "+12", "-0.5", "-0,5", "5", "−23 (−26 %)"}, ';') == "-3;+12;-0.5;-0,5;5;−23 (−26 %)\r\n");
}

TEST_CASE("FromSpreadsheet takes off exactly the apostrophe SpreadsheetSafe put on") {
  for (const std::string cell : {"=1+1", "+9 (+12 %)", "-x", "@a", "'q", "''q", "-3", "'-3", "plain", "'", ""}) {
    INFO(cell);
    CHECK(FromSpreadsheet(SpreadsheetSafe(cell)) == cell);
  }
  CHECK(FromSpreadsheet("'-3") == "'-3");  // a number never gets one, so this one is the cell's own
  CHECK(FromSpreadsheet("'plain") == "'plain");
}

}  // namespace
}  // namespace otklik::csv_writer_test
