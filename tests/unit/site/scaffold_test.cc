#include "site/scaffold.h"

#include <catch2/catch.hpp>

#include "model/calendar.h"

namespace otklik::scaffold_test {
namespace {

const Date kToday(2026, 11, 23);

TEST_CASE("otklik new calendar writes the production calendar of 2025–2027, the demo's own") {
  MemoryFileSystem fs;  // no site.yaml: the calendar comes first, recurring surveys need it to load
  std::string written;
  Diagnostics diagnostics;
  REQUIRE(CreateScaffold(fs, "content", "calendar", "", kToday, &written, &diagnostics));
  CHECK(diagnostics.empty());
  CHECK(written == "content/calendar.yaml");
  RealFileSystem disk;
  CHECK(fs.ReadFile(written).value() ==
        disk.ReadFile(std::string(OTKLIK_SOURCE_DIR) + "/content/calendar.yaml").value());

  const std::optional<Calendar> calendar = LoadCalendar(fs, "content", &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(calendar);
  CHECK(calendar->first_year == 2025);
  CHECK(calendar->last_year == 2027);
  // 2025 and 2026 as officially published: 247 working days each.
  CHECK(calendar->WorkingDays(Date(2025, 1, 1), Date(2025, 12, 31)) == 247);
  CHECK(calendar->WorkingDays(Date(2026, 1, 1), Date(2026, 12, 31)) == 247);
  CHECK(calendar->IsWorkingDay(Date(2025, 11, 1)));
  CHECK_FALSE(calendar->IsWorkingDay(Date(2026, 1, 9)));
  // 2027 without the decree's two days moved from 2 and 3 January: 249 until the agency adds them.
  CHECK(calendar->WorkingDays(Date(2027, 1, 1), Date(2027, 12, 31)) == 249);
  CHECK_FALSE(calendar->IsWorkingDay(Date(2027, 5, 10)));
  CHECK_FALSE(calendar->IsWorkingDay(Date(2027, 6, 14)));
}

TEST_CASE("otklik new calendar refuses a name and an existing calendar") {
  MemoryFileSystem fs;
  std::string written;
  Diagnostics diagnostics;
  CHECK_FALSE(CreateScaffold(fs, "content", "calendar", "holidays", kToday, &written, &diagnostics));
  REQUIRE(CreateScaffold(fs, "content", "calendar", "", kToday, &written, &diagnostics));
  REQUIRE(fs.WriteFile("content/calendar.yaml", "2026:\n  holidays: [2026-01-01]\n").ok());
  CHECK_FALSE(CreateScaffold(fs, "content", "calendar", "", kToday, &written, &diagnostics));
  CHECK(diagnostics.ToString() ==
        "у календаря нет кода: он всегда в файле calendar.yaml; запустите «otklik new calendar»\n"
        "content/calendar.yaml: файл уже есть: допишите в него новый год или измените его\n");
  CHECK(fs.ReadFile("content/calendar.yaml").value() == "2026:\n  holidays: [2026-01-01]\n");
}

}  // namespace
}  // namespace otklik::scaffold_test
