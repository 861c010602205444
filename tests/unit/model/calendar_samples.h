#pragma once

// The production calendar shared by the model tests: the official calendars
// of 2025 (decree № 1335 of 04.10.2024) and 2026 (decree № 1466 of
// 24.09.2025), as `otklik new calendar` writes them.

#include <catch2/catch.hpp>
#include <string>

#include "model/calendar.h"

namespace otklik::testing {

inline const char kCalendar2025And2026[] =
    "2025:\n"
    "  source: постановление Правительства РФ от 04.10.2024 № 1335\n"
    "  holidays: [\n"
    "    2025-01-01, 2025-01-02, 2025-01-03, 2025-01-04, 2025-01-05, 2025-01-06, 2025-01-07, 2025-01-08,\n"
    "    2025-02-23, 2025-03-08, 2025-05-01, 2025-05-09, 2025-06-12, 2025-11-04,  # праздники\n"
    "    2025-05-02, 2025-05-08, 2025-06-13, 2025-11-03, 2025-12-31               # переносы\n"
    "  ]\n"
    "  working_weekends: [2025-11-01]\n"
    "2026:\n"
    "  holidays: [2026-01-01, 2026-01-02, 2026-01-03, 2026-01-04, 2026-01-05, 2026-01-06, 2026-01-07,\n"
    "             2026-01-08, 2026-02-23, 2026-03-08, 2026-05-01, 2026-05-09, 2026-06-12, 2026-11-04,\n"
    "             2026-01-09, 2026-12-31, 2026-03-09, 2026-05-11]\n";

/// content/calendar.yaml with `text`, loaded; it must load.
inline Calendar LoadSampleCalendar(const std::string& text = kCalendar2025And2026) {
  MemoryFileSystem fs;
  REQUIRE(fs.WriteFile("content/calendar.yaml", text).ok());
  Diagnostics diagnostics;
  std::optional<Calendar> calendar = LoadCalendar(fs, "content", &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(calendar);
  return *calendar;
}

}  // namespace otklik::testing
