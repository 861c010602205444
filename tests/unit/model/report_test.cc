#include "model/report.h"

#include <catch2/catch.hpp>

namespace otklik::report_test {
namespace {

void Put(MemoryFileSystem* fs, const std::string& path, const std::string& bytes) {
  REQUIRE(fs->WriteFile(path, bytes).ok());
}

std::string ErrorsOf(const MemoryFileSystem& fs) {
  Diagnostics diagnostics;
  CHECK_FALSE(LoadReports(fs, "content", &diagnostics));
  diagnostics.Sort();
  return diagnostics.ToString();
}

TEST_CASE("ReportDeadline is the 45th calendar day after the quarter") {
  // 31 March + 45 = 15 May; 30 June + 45 = 14 August; 30 September + 45 = 14 November.
  CHECK(ReportDeadline(2026, 1) == Date(2026, 5, 15));
  CHECK(ReportDeadline(2026, 2) == Date(2026, 8, 14));
  CHECK(ReportDeadline(2026, 3) == Date(2026, 11, 14));
  // 31 December + 45 crosses into the next year: 31 days of January, then 14 of February,
  // whether or not that year is a leap year (February 29 comes later).
  CHECK(ReportDeadline(2025, 4) == Date(2026, 2, 14));
  CHECK(ReportDeadline(2023, 4) == Date(2024, 2, 14));
  // A leap year's first quarter has a day more, but ends on 31 March all the same.
  CHECK(ReportDeadline(2024, 1) == Date(2024, 5, 15));
}

TEST_CASE("StatusOf tells published on time, late, due and overdue") {
  QuarterReport report;
  report.year = 2026;
  report.quarter = 3;
  const Date deadline(2026, 11, 14);
  SECTION("published on the deadline is on time") {
    report.published = deadline;
    const ReportStatus status = StatusOf(&report, 2026, 3, Date(2026, 11, 23));
    CHECK(status.kind == ReportStatus::Kind::kOnTime);
    CHECK(status.deadline == deadline);
    CHECK(status.days == 0);
  }
  SECTION("published the day after is a day late") {
    report.published = Date(2026, 11, 15);
    const ReportStatus status = StatusOf(&report, 2026, 3, Date(2026, 11, 23));
    CHECK(status.kind == ReportStatus::Kind::kLate);
    CHECK(status.days == 1);
  }
  SECTION("not published: due until the deadline, with the days left") {
    CHECK(StatusOf(&report, 2026, 3, Date(2026, 10, 1)).days == 44);
    const ReportStatus status = StatusOf(nullptr, 2026, 3, deadline);
    CHECK(status.kind == ReportStatus::Kind::kDue);
    CHECK(status.days == 0);
  }
  SECTION("not published after the deadline: overdue") {
    const ReportStatus status = StatusOf(&report, 2026, 3, Date(2026, 11, 23));
    CHECK(status.kind == ReportStatus::Kind::kOverdue);
    CHECK(status.days == 9);
  }
  SECTION("a publication date after the day asked about does not count yet") {
    report.published = Date(2026, 11, 10);
    CHECK(StatusOf(&report, 2026, 3, Date(2026, 11, 9)).kind == ReportStatus::Kind::kDue);
    CHECK(StatusOf(&report, 2026, 3, Date(2026, 11, 10)).kind == ReportStatus::Kind::kOnTime);
  }
}

TEST_CASE("LoadReports reads reports with their errata and frozen numbers, oldest first") {
  MemoryFileSystem fs;
  Put(&fs, "content/reports/2026-q3.yaml", "summary: Обращений стало меньше.\n");
  Put(&fs, "content/reports/2026-q2.yaml",
      "published: 2026-08-10\n"
      "errata:\n"
      "  - date: 2026-09-01\n"
      "    what: Число жалоб по почте — 12, а не 21.\n"
      "    why: Часть записей была выгружена дважды.\n");
  Put(&fs, "content/reports/2026-q2.numbers.json",
      "{\n  \"errata\": 1,\n  \"numbers\": {\n    \"total\": \"512\",\n    \"channels.post.count\": \"12\"\n  }\n}\n");
  Diagnostics diagnostics;
  const std::optional<std::vector<QuarterReport>> reports = LoadReports(fs, "content", &diagnostics);
  CHECK(diagnostics.ToString() == "");
  REQUIRE(reports);
  REQUIRE(reports->size() == 2);
  const QuarterReport& q2 = (*reports)[0];
  CHECK(q2.Key() == "2026-q2");
  CHECK(q2.path == "content/reports/2026-q2.yaml");
  CHECK(q2.published == Date(2026, 8, 10));
  REQUIRE(q2.errata.size() == 1);
  CHECK(q2.errata[0].date == Date(2026, 9, 1));
  CHECK(q2.errata[0].what == "Число жалоб по почте — 12, а не 21.");
  CHECK(q2.errata[0].why == "Часть записей была выгружена дважды.");
  REQUIRE(q2.frozen);
  CHECK(q2.frozen->errata == 1);
  CHECK(q2.frozen->numbers == std::map<std::string, std::string>{{"channels.post.count", "12"}, {"total", "512"}});
  const QuarterReport& q3 = (*reports)[1];
  CHECK(q3.Key() == "2026-q3");
  CHECK_FALSE(q3.published);
  CHECK(q3.summary == "Обращений стало меньше.");
  CHECK_FALSE(q3.frozen);
}

TEST_CASE("LoadReports without a reports folder has no reports") {
  MemoryFileSystem fs;
  Diagnostics diagnostics;
  const std::optional<std::vector<QuarterReport>> reports = LoadReports(fs, "content", &diagnostics);
  REQUIRE(reports);
  CHECK(reports->empty());
}

TEST_CASE("LoadReports rejects files that are not a quarter's report") {
  MemoryFileSystem fs;
  Put(&fs, "content/reports/2026-q5.yaml", "");
  Put(&fs, "content/reports/notes.txt", "");
  const std::string rule =
      ": лишний файл: в папке reports допустимы только <год>-q<квартал>.yaml (например 2026-q3.yaml) и закреплённые "
      "числа <год>-q<квартал>.numbers.json\n";
  CHECK(ErrorsOf(fs) == "content/reports/2026-q5.yaml" + rule + "content/reports/notes.txt" + rule);
}

TEST_CASE("LoadReports checks errata against the publication") {
  MemoryFileSystem fs;
  Put(&fs, "content/reports/2026-q1.yaml",
      "errata:\n"
      "  - {date: 2026-06-01, what: Исправлено, why: Ошибка}\n");
  Put(&fs, "content/reports/2026-q2.yaml",
      "published: 2026-08-10\n"
      "errata:\n"
      "  - {date: 2026-08-01, what: Исправлено, why: Ошибка}\n"
      "  - {what: Исправлено}\n");
  CHECK(ErrorsOf(fs) ==
        "content/reports/2026-q1.yaml:1: исправления есть только у опубликованного отчёта: укажите дату публикации "
        "«published»\n"
        "content/reports/2026-q2.yaml:3: исправление датировано раньше публикации отчёта (2026-08-10)\n"
        "content/reports/2026-q2.yaml:4: не заполнено обязательное поле «why»\n"
        "content/reports/2026-q2.yaml:4: у исправления нет даты (поле «date»)\n");
}

TEST_CASE("LoadReports rejects frozen numbers without their report, or without its publication") {
  MemoryFileSystem fs;
  Put(&fs, "content/reports/2026-q1.numbers.json", "{\"errata\": 0, \"numbers\": {}}\n");
  Put(&fs, "content/reports/2026-q2.yaml", "summary: Черновик.\n");
  Put(&fs, "content/reports/2026-q2.numbers.json", "{\"errata\": 0, \"numbers\": {}}\n");
  CHECK(ErrorsOf(fs) ==
        "content/reports/2026-q1.numbers.json: закреплённые числа без отчёта: нет файла "
        "content/reports/2026-q1.yaml\n"
        "content/reports/2026-q2.yaml:1: числа отчёта закреплены, а дата публикации «published» не указана; верните "
        "её или удалите content/reports/2026-q2.numbers.json\n");
}

TEST_CASE("LoadReports rejects a damaged numbers file") {
  MemoryFileSystem fs;
  Put(&fs, "content/reports/2026-q2.yaml", "published: 2026-08-10\n");
  Put(&fs, "content/reports/2026-q2.numbers.json", "{\"errata\": 0, \"numbers\": {\"total\": 5}}\n");
  CHECK(ErrorsOf(fs) ==
        "content/reports/2026-q2.numbers.json: файл закреплённых чисел повреждён; восстановите его из истории "
        "изменений (его пишет otklik report freeze)\n");
}

TEST_CASE("FrozenNumbersJson writes sorted keys, readable text and a final newline") {
  CHECK(FrozenNumbersJson(2, {{"total", "512"}, {"channels.post.share", "2\u00A0%"}}) ==
        "{\n  \"errata\": 2,\n  \"numbers\": {\n    \"channels.post.share\": \"2\u00A0%\",\n    \"total\": \"512\"\n  "
        "}\n}\n");
}

}  // namespace
}  // namespace otklik::report_test
