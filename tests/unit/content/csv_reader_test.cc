#include "content/csv_reader.h"

#include <catch2/catch.hpp>

namespace otklik::csv_reader_test {
namespace {

using Cells = std::vector<std::string>;

CsvTable Parse(std::string_view bytes) {
  Diagnostics diagnostics;
  std::optional<CsvTable> table = ParseCsv("answers.csv", bytes, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(table);
  CHECK(diagnostics.empty());
  return *table;
}

// The errors of a file that must not parse.
std::string Errors(std::string_view bytes) {
  Diagnostics diagnostics;
  CHECK_FALSE(ParseCsv("answers.csv", bytes, &diagnostics));
  return diagnostics.ToString();
}

TEST_CASE("ParseCsv reads a comma-separated table with its header") {
  const CsvTable table = Parse("Дата,overall,channel\n23.11.2026,4,portal\n24.11.2026,5,mfc\n");
  CHECK(table.delimiter == ',');
  CHECK_FALSE(table.converted_from_cp1251);
  CHECK(table.header == Cells{"Дата", "overall", "channel"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].cells == Cells{"23.11.2026", "4", "portal"});
  CHECK(table.header_row == 1);
  CHECK(table.rows[0].row == 2);
  CHECK(table.rows[0].line == 2);
  CHECK(table.rows[1].cells == Cells{"24.11.2026", "5", "mfc"});
  CHECK(table.rows[1].row == 3);
  CHECK(table.rows[1].line == 3);
}

TEST_CASE("ParseCsv detects the semicolon Russian spreadsheets save with") {
  const CsvTable table = Parse("Дата;Комментарий\n23.11.2026;Быстро, вежливо\n");
  CHECK(table.delimiter == ';');
  CHECK(table.header == Cells{"Дата", "Комментарий"});
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells == Cells{"23.11.2026", "Быстро, вежливо"});
}

TEST_CASE("ParseCsv detects tab-separated text") {
  const CsvTable table = Parse("Дата\toverall\tproposals\n23.11.2026\t4\tБольше окон; меньше очередей, быстрее\n");
  CHECK(table.delimiter == '\t');
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells == Cells{"23.11.2026", "4", "Больше окон; меньше очередей, быстрее"});
}

TEST_CASE("ParseCsv takes the separator the header line uses most") {
  CHECK(Parse("a;b;c,d\n1;2;3,4\n").delimiter == ';');
  CHECK(Parse("a,b,c;d\n1,2,3;4\n").delimiter == ',');
  // The data rows do not vote: only the header line counts.
  CHECK(Parse("a,b\n1;2;3;4;5,6\n").delimiter == ',');
}

TEST_CASE("ParseCsv takes the separator from the header even after blank lines") {
  const CsvTable table = Parse("\n  \r\nДата;overall\n23.11.2026;4\n");
  CHECK(table.delimiter == ';');
  CHECK(table.header == Cells{"Дата", "overall"});
  CHECK(table.header_row == 3);
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].row == 4);
}

TEST_CASE("ParseCsv does not count separators inside a quoted column name") {
  const CsvTable table = Parse("\"Где узнали; откуда\";\"Оценка, 1–5\";Дата\n\"портал\";4;23.11.2026\n");
  CHECK(table.delimiter == ';');
  CHECK(table.header == Cells{"Где узнали; откуда", "Оценка, 1–5", "Дата"});
}

TEST_CASE("ParseCsv reads a single column with a comma as the delimiter") {
  const CsvTable table = Parse("overall\n4\n5\n");
  CHECK(table.delimiter == ',');
  CHECK(table.header == Cells{"overall"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1].cells == Cells{"5"});
}

TEST_CASE("ParseCsv keeps separators inside quotes and reads a doubled quote as one") {
  const CsvTable table = Parse("a,b,c\n\"Быстро, вежливо\",\"Он сказал \"\"нет\"\"\",\"\"\"\"\n");
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells == Cells{"Быстро, вежливо", "Он сказал \"нет\"", "\""});
}

TEST_CASE("ParseCsv reads an empty quoted cell as empty") {
  const CsvTable table = Parse("a,b,c\n\"\",x,\"\"\n");
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells == Cells{"", "x", ""});
}

TEST_CASE("ParseCsv trims spaces around unquoted cells and keeps them inside quotes") {
  const CsvTable table = Parse("  a  , b \n  4\t, \"  с пробелами  \"\n");
  CHECK(table.header == Cells{"a", "b"});
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells == Cells{"4", "  с пробелами  "});
}

TEST_CASE("ParseCsv reads a quote inside an unquoted cell as a character") {
  const CsvTable table = Parse("a,b\nМФЦ \"Мои документы\",5\n");
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells == Cells{"МФЦ \"Мои документы\"", "5"});
}

TEST_CASE("ParseCsv keeps line breaks inside quotes and numbers rows as a spreadsheet does") {
  const CsvTable table = Parse("a,b\n1,\"первая строка\nвторая\nтретья\"\n2,x\n3,y\n");
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0].cells == Cells{"1", "первая строка\nвторая\nтретья"});
  CHECK(table.rows[0].row == 2);
  CHECK(table.rows[0].line == 2);
  // The next record is spreadsheet row 3 but starts on file line 5.
  CHECK(table.rows[1].cells == Cells{"2", "x"});
  CHECK(table.rows[1].row == 3);
  CHECK(table.rows[1].line == 5);
  CHECK(table.rows[2].row == 4);
  CHECK(table.rows[2].line == 6);
}

TEST_CASE("ParseCsv reads a header whose quoted name holds a line break") {
  const CsvTable table = Parse("\"Оценка\n(1–5)\",b\n4,x\n");
  CHECK(table.header == Cells{"Оценка\n(1–5)", "b"});
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].row == 2);
  CHECK(table.rows[0].line == 3);
}

TEST_CASE("ParseCsv reads CRLF line ends, also inside quotes") {
  const CsvTable table = Parse("a;b\r\n1;\"строка\r\nещё\"\r\n2;x\r\n");
  CHECK(table.delimiter == ';');
  CHECK(table.header == Cells{"a", "b"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].cells == Cells{"1", "строка\nещё"});
  CHECK(table.rows[1].cells == Cells{"2", "x"});
  CHECK(table.rows[1].row == 3);
  CHECK(table.rows[1].line == 4);
}

TEST_CASE("ParseCsv reads the last row without a line end") {
  const CsvTable table = Parse("a,b\n1,2\n3,4");
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1].cells == Cells{"3", "4"});
  CHECK(table.rows[1].row == 3);
}

TEST_CASE("ParseCsv reads a last row that ends in a quoted cell or a delimiter") {
  CHECK(Parse("a,b\n1,\"x\"").rows.at(0).cells == Cells{"1", "x"});
  CHECK(Parse("a,b\n1,").rows.at(0).cells == Cells{"1", ""});
}

TEST_CASE("ParseCsv skips a UTF-8 byte order mark") {
  const CsvTable table = Parse("\xEF\xBB\xBF" "Дата;overall\n23.11.2026;4\n");
  CHECK(table.header == Cells{"Дата", "overall"});
  CHECK(table.delimiter == ';');
  CHECK_FALSE(table.converted_from_cp1251);
}

TEST_CASE("ParseCsv reads a Windows-1251 file as UTF-8 and says so") {
  // «Дата;Оценка\n23.11.2026;Хорошо\n» as Excel saves it in Russian Windows.
  const CsvTable table = Parse("\xC4\xE0\xF2\xE0;\xCE\xF6\xE5\xED\xEA\xE0\n23.11.2026;\xD5\xEE\xF0\xEE\xF8\xEE\n");
  CHECK(table.converted_from_cp1251);
  CHECK(table.delimiter == ';');
  CHECK(table.header == Cells{"Дата", "Оценка"});
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells == Cells{"23.11.2026", "Хорошо"});
}

TEST_CASE("ParseCsv converts Windows-1251 letters outside the basic alphabet") {
  // «Ёлка №1» (Ё = A8, № = B9).
  const CsvTable table = Parse("a\n\xA8\xEB\xEA\xE0 \xB9" "1\n");
  CHECK(table.converted_from_cp1251);
  CHECK(table.rows.at(0).cells == Cells{"Ёлка №1"});
}

TEST_CASE("ParseCsv refuses a file that is neither UTF-8 nor Windows-1251") {
  // 0x98 is unassigned in Windows-1251.
  CHECK(Errors("a,b\n\x98,1\n") == "answers.csv: файл не в кодировке UTF-8: сохраните его как «CSV UTF-8»\n");
}

TEST_CASE("ParseCsv skips empty rows but counts them in row numbers") {
  const CsvTable table = Parse("a,b\n\n1,2\n,\n  ,  \n\"\",\"\"\n3,4\n\n");
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].cells == Cells{"1", "2"});
  CHECK(table.rows[0].row == 3);
  CHECK(table.rows[1].cells == Cells{"3", "4"});
  CHECK(table.rows[1].row == 7);
  CHECK(table.rows[1].line == 7);
}

TEST_CASE("ParseCsv drops empty cells beyond the header and fills short rows") {
  const CsvTable table = Parse("a,b,c\n1,2,3,,,\n1\n1,2,,\n");
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0].cells == Cells{"1", "2", "3"});
  CHECK(table.rows[1].cells == Cells{"1", "", ""});
  CHECK(table.rows[2].cells == Cells{"1", "2", ""});
}

TEST_CASE("ParseCsv reports every row with more cells than the header") {
  CHECK(Errors("a,b\n1,2,3\n1,2\n1,2,3,4,\n") ==
        "answers.csv:2: в строке 3\u00A0ячейки, а в заголовке 2; проверьте разделитель и кавычки вокруг текста с «,»\n"
        "answers.csv:4: в строке 4\u00A0ячейки, а в заголовке 2; проверьте разделитель и кавычки вокруг текста с «,»\n");
}

TEST_CASE("ParseCsv names a tab separator in words") {
  CHECK(Errors("a\tb\n1\t2\t3\t4\t5\n") ==
        "answers.csv:2: в строке 5\u00A0ячеек, а в заголовке 2; проверьте разделитель и кавычки вокруг текста с "
        "табуляцией\n");
}

TEST_CASE("ParseCsv reports a row with too many cells by its spreadsheet row") {
  CHECK(Errors("a;b\n1;\"x\ny\"\n\n1;2;3\n") ==
        "answers.csv:4: в строке 3\u00A0ячейки, а в заголовке 2; проверьте разделитель и кавычки вокруг текста с «;»\n");
}

TEST_CASE("ParseCsv reports a quote left open where it was opened") {
  CHECK(Errors("a,b\n1,2\n3,\"не закрыта\n4,5\n") ==
        "answers.csv:3: кавычка, открытая в этой строке, не закрыта до конца файла\n");
}

TEST_CASE("ParseCsv reports an unclosed quote in the header") {
  CHECK(Errors("\"a,b\n1,2\n") == "answers.csv:1: кавычка, открытая в этой строке, не закрыта до конца файла\n");
}

TEST_CASE("ParseCsv reports columns without a name") {
  CHECK(Errors("a,,c, \n1,2,3,4\n") ==
        "answers.csv:1: у столбца 2 нет названия\n"
        "answers.csv:1: у столбца 4 нет названия\n");
}

TEST_CASE("ParseCsv reports header problems at the header's row") {
  CHECK(Errors(";;\n;;\na;;a\n1;2;3\n") ==
        "answers.csv:3: у столбца 2 нет названия\n"
        "answers.csv:3: столбец «a» встречается дважды\n");
}

TEST_CASE("ParseCsv reports a repeated column name") {
  CHECK(Errors("overall;channel; overall\n4;portal;5\n") ==
        "answers.csv:1: столбец «overall» встречается дважды\n");
}

TEST_CASE("ParseCsv reports header and row problems together") {
  CHECK(Errors("a,a\n1,2,3\n") ==
        "answers.csv:1: столбец «a» встречается дважды\n"
        "answers.csv:2: в строке 3\u00A0ячейки, а в заголовке 2; проверьте разделитель и кавычки вокруг текста с «,»\n");
}

TEST_CASE("ParseCsv reports a file without a header") {
  const std::string message = "answers.csv: в файле нет строки заголовка с названиями столбцов\n";
  CHECK(Errors("") == message);
  CHECK(Errors("\n\n") == message);
  CHECK(Errors("\xEF\xBB\xBF") == message);
  CHECK(Errors(",,,\r\n , ,\r\n") == message);
}

TEST_CASE("ParseCsv reads a header without rows as an empty table") {
  const CsvTable table = Parse("Дата;overall\n");
  CHECK(table.header == Cells{"Дата", "overall"});
  CHECK(table.rows.empty());
}

TEST_CASE("ParseCsv adds to the diagnostics it is given") {
  Diagnostics diagnostics;
  diagnostics.Add("other.yaml", 3, "прежняя ошибка");
  CHECK(ParseCsv("answers.csv", "a\n1\n", &diagnostics));
  CHECK(diagnostics.size() == 1);
  CHECK_FALSE(ParseCsv("answers.csv", "a,a\n", &diagnostics));
  CHECK(diagnostics.ToString() ==
        "other.yaml:3: прежняя ошибка\n"
        "answers.csv:1: столбец «a» встречается дважды\n");
}

}  // namespace
}  // namespace otklik::csv_reader_test
