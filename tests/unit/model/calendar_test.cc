#include "model/calendar.h"

#include <catch2/catch.hpp>

#include "calendar_samples.h"

namespace Catch {
template <>
struct StringMaker<otklik::Date> {
  static std::string convert(const otklik::Date& date) { return date.ToString(); }
};
}  // namespace Catch

namespace otklik::calendar_test {
namespace {

using testing::kCalendar2025And2026;

Calendar Load(const std::string& text) {
  return testing::LoadSampleCalendar(text);
}

std::string ErrorsOf(const std::string& text) {
  MemoryFileSystem fs;
  REQUIRE(fs.WriteFile("content/calendar.yaml", text).ok());
  Diagnostics diagnostics;
  CHECK_FALSE(LoadCalendar(fs, "content", &diagnostics));
  return diagnostics.ToString();
}

TEST_CASE("LoadCalendar reads the years, their holidays and working weekends") {
  const Calendar calendar = Load(kCalendar2025And2026);
  CHECK(calendar.path == "content/calendar.yaml");
  CHECK(calendar.first_year == 2025);
  CHECK(calendar.last_year == 2026);
  CHECK(calendar.holidays.size() == 19 + 18);
  CHECK(calendar.working_weekends == std::set<Date>{Date(2025, 11, 1)});
}

TEST_CASE("A calendar year has the official number of working days") {
  const Calendar calendar = Load(kCalendar2025And2026);
  CHECK(calendar.WorkingDays(Date(2025, 1, 1), Date(2025, 12, 31)) == 247);
  CHECK(calendar.WorkingDays(Date(2026, 1, 1), Date(2026, 12, 31)) == 247);
  CHECK(calendar.WorkingDays(Date(2026, 1, 1), Date(2026, 3, 31)) == 55);
}

TEST_CASE("Working days skip weekends and holidays and count a transferred working Saturday") {
  const Calendar calendar = Load(kCalendar2025And2026);
  CHECK(calendar.IsWorkingDay(Date(2025, 11, 1)));        // Saturday, worked for Monday 3 November
  CHECK_FALSE(calendar.IsWorkingDay(Date(2025, 11, 3)));  // Monday, the day off moved from it
  CHECK_FALSE(calendar.IsWorkingDay(Date(2025, 11, 8)));  // an ordinary Saturday
  CHECK_FALSE(calendar.IsWorkingDay(Date(2026, 3, 9)));   // Monday after 8 March on a Sunday
  CHECK(calendar.IsWorkingDay(Date(2026, 3, 10)));
  // The week of 27 October 2025 has six working days.
  CHECK(calendar.WorkingDays(Date(2025, 10, 27), Date(2025, 11, 2)) == 6);
  CHECK(calendar.NthWorkingDay(Date(2025, 10, 31), 2) == Date(2025, 11, 1));
  CHECK(calendar.NthWorkingDay(Date(2025, 10, 31), 3) == Date(2025, 11, 5));
}

TEST_CASE("NthWorkingDay crosses the May holidays and the New Year") {
  const Calendar calendar = Load(kCalendar2025And2026);
  // 1 May (Friday) is off, 4–8 May are worked, 9–11 May are off.
  CHECK(calendar.NthWorkingDay(Date(2026, 5, 1), 1) == Date(2026, 5, 4));
  CHECK(calendar.NthWorkingDay(Date(2026, 5, 4), 5) == Date(2026, 5, 8));
  CHECK(calendar.NthWorkingDay(Date(2026, 5, 4), 6) == Date(2026, 5, 12));
  CHECK(calendar.NthWorkingDay(Date(2026, 5, 4), 10) == Date(2026, 5, 18));
  // 2025: 1–3 May off, 5–7 May worked, 8–11 May off.
  CHECK(calendar.NthWorkingDay(Date(2025, 4, 30), 2) == Date(2025, 5, 5));
  CHECK(calendar.NthWorkingDay(Date(2025, 5, 7), 2) == Date(2025, 5, 12));
  // 31 December 2025 to 11 January 2026 are off.
  CHECK(calendar.NthWorkingDay(Date(2025, 12, 29), 2) == Date(2025, 12, 30));
  CHECK(calendar.NthWorkingDay(Date(2025, 12, 29), 3) == Date(2026, 1, 12));
  CHECK(calendar.NthWorkingDay(Date(2026, 1, 1), 1) == Date(2026, 1, 12));
}

TEST_CASE("Nothing is guessed beyond the calendar") {
  const Calendar calendar = Load(kCalendar2025And2026);
  CHECK_FALSE(calendar.Covers(Date(2027, 1, 1)));
  CHECK_FALSE(calendar.Covers(Date(2024, 12, 31)));
  CHECK(calendar.NthWorkingDay(Date(2026, 12, 29), 2) == Date(2026, 12, 30));
  CHECK_FALSE(calendar.NthWorkingDay(Date(2026, 12, 29), 3));
  CHECK_FALSE(calendar.WorkingDays(Date(2026, 12, 1), Date(2027, 1, 15)));
}

TEST_CASE("Without a calendar file the calendar is empty and keeps its path") {
  MemoryFileSystem fs;
  Diagnostics diagnostics;
  const std::optional<Calendar> calendar = LoadCalendar(fs, "content", &diagnostics);
  REQUIRE(calendar);
  CHECK(diagnostics.empty());
  CHECK(calendar->empty());
  CHECK(calendar->path == "content/calendar.yaml");
  CHECK_FALSE(calendar->Covers(Date(2026, 6, 1)));
}

TEST_CASE("LoadCalendar reports every mistake with its line") {
  CHECK(ErrorsOf("2025:\n"
                 "  holidays: [2025-01-04, 2026-01-02, 2025-02-30, 2025-01-04]\n"
                 "  working_weekends: [2025-11-03, 2025-01-04, 2025-11-01, 2025-11-01]\n"
                 "  sorce: постановление\n"
                 "holidays: []\n"
                 "2027:\n"
                 "  working_weekends: []\n") ==
        "content/calendar.yaml:2: день 2026-01-02 не из 2025 года\n"
        "content/calendar.yaml:2: «2025-02-30» — не дата: запишите её как ГГГГ-ММ-ДД\n"
        "content/calendar.yaml:2: день 2025-01-04 указан дважды\n"
        "content/calendar.yaml:3: 2025-11-03 — будний день, он и так рабочий: в working_weekends перечисляются "
        "субботы и воскресенья, ставшие рабочими\n"
        "content/calendar.yaml:3: день 2025-01-04 указан и в holidays, и в working_weekends\n"
        "content/calendar.yaml:3: день 2025-11-01 указан дважды\n"
        "content/calendar.yaml:4: неизвестное поле «sorce» (возможно, имелось в виду «source»?)\n"
        "content/calendar.yaml:5: «holidays» — не год: календарь состоит из годов, например «2026:» со списками "
        "holidays и working_weekends\n"
        "content/calendar.yaml:6: не заполнено обязательное поле «holidays» (нерабочие праздничные дни и "
        "перенесённые выходные 2027 года)\n"
        "content/calendar.yaml:6: в календаре нет 2026 года: годы должны идти подряд, без пропусков\n");
}

TEST_CASE("An empty calendar file is an error, not a calendar without holidays") {
  CHECK(ErrorsOf("# пока пусто\n") ==
        "content/calendar.yaml:1: в календаре нет ни одного года: добавьте, например, «2026:» со списком holidays\n");
}

}  // namespace
}  // namespace otklik::calendar_test
