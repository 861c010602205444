#include "site/check.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../temp_dir.h"
#include "model/site_loader.h"
#include "site/content.h"
#include "site/reports.h"
#include "site/scaffold.h"

namespace otklik::check_test {
namespace {

void Put(MemoryFileSystem* fs, const std::string& path, const std::string& bytes) {
  REQUIRE(fs->WriteFile(path, bytes).ok());
}

std::string ServiceFile(const std::string& title) {
  return "---\ntitle: " + title + "\nkind: service\ntouchpoints: [mfc]\n---\n";
}

// Four services, a touchpoint and a survey with the overall rating; thresholds 60 % and 25 %.
void WriteContent(MemoryFileSystem* fs) {
  Put(fs, "content/site.yaml",
      "title: Отзывы\nagency:\n  name: Министерство\n  region: Область\nbase_url: https://otklik.example.ru/\n");
  Put(fs, "content/touchpoints/mfc.md", "---\ntitle: МФЦ\nkind: mfc\n---\n");
  Put(fs, "content/services/good.md", ServiceFile("Хорошая услуга"));
  Put(fs, "content/services/poor.md", ServiceFile("Плохая услуга"));
  Put(fs, "content/services/split.md", ServiceFile("Спорная услуга"));
  Put(fs, "content/services/rare.md", ServiceFile("Редкая услуга"));
  Put(fs, "content/surveys/q.yaml",
      "title: Опрос\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 1\nquestions:\n"
      "  - {id: service, kind: service, text: Услуга}\n"
      "  - {id: overall, kind: scale, text: Оценка, role: overall}\n");
}

// `ratings` of `service` on 2026-08-01 (III quarter).
std::string Lines(const std::string& service, const std::vector<int>& ratings) {
  std::string out;
  for (const int rating : ratings) {
    out += "{\"answers\":{\"overall\":[\"" + std::to_string(rating) + "\"],\"service\":[\"" + service +
           "\"]},\"date\":\"2026-08-01\",\"revision\":1,\"source\":\"web\",\"survey\":\"q\"}\n";
  }
  return out;
}

TEST_CASE("Check lists the services whose last complete quarter calls for an extra survey") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  testing::TempDir data;
  std::filesystem::create_directories(data / "responses/q");
  std::ofstream(data / "responses/q/2026-08-01.r1.jsonl")
      << Lines("good", std::vector<int>(12, 5))                                   // 100 %
      << Lines("poor", {5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 2, 2})                      // 5 of 12 = 42 % < 60 %
      << Lines("split", {5, 5, 5, 5, 5, 5, 5, 5, 1, 1, 1, 1})                     // 67 %, but 1–2: 4 of 12 = 33 % > 25 %
      << Lines("rare", {1, 1, 1});  // 3 < k: never flagged; it hides «poor» on the site, and from staff too
  CheckOptions options;
  options.data_dir = data.path();
  options.as_of = Date(2026, 11, 23);
  CheckReport report;
  Diagnostics errors;
  REQUIRE(Check(fs, options, &report, &errors));
  CHECK(errors.empty());
  CHECK(report.services == 4);
  CHECK(report.surveys == 1);
  CHECK(report.responses == 39);
  CHECK(report.quarter == Period{Period::Kind::kQuarter, 2026, 3});
  CHECK(report.target == 60);
  CHECK(report.negative_limit == 25);
  REQUIRE(report.flagged.size() == 2);
  CHECK(report.flagged[0].id == "poor");
  CHECK(report.flagged[0].title == "Плохая услуга");
  // «poor» is flagged, but its numbers are hidden on the site (the complement of «rare»), so here too.
  CHECK(report.flagged[0].flag.reason ==
        "ниже цели или много оценок 1–2; числа не показываются, чтобы не раскрыть другую группу");
  CHECK(report.flagged[0].flag.level.n == 0);
  CHECK(report.flagged[1].id == "split");
  CHECK(report.flagged[1].flag.reason == "доля оценок 1–2 33\u00A0% выше порога 25\u00A0%");
}

TEST_CASE("Check counts each wave of a recurring survey against the survey cadence") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  std::string written;
  Diagnostics errors;
  REQUIRE(CreateScaffold(fs, "content", "calendar", "", Date(2026, 11, 23), &written, &errors));
  Put(&fs, "content/surveys/staff.yaml",
      "title: Опрос сотрудников\naudience: internal\nrevision: 1\n"
      "waves: {every: year, start: 1, working_days: 3, from: 2026}\nquestions:\n"
      "  - {id: overall, kind: scale, text: Оценка}\n");
  CheckOptions options;
  options.data_dir = "/nonexistent";
  options.as_of = Date(2026, 11, 23);
  CheckReport report;
  REQUIRE(Check(fs, options, &report, &errors));
  CHECK(errors.empty());
  CHECK(report.surveys == 3);  // q, staff-2026 and staff-2027
  CHECK(report.cadence ==
        std::vector<std::string>{"2026 год: внешних опросов — 1 (q), нужно не меньше 2",
                                 "2026 год: внутренние опросы длятся в среднем 3 рабочих дня (staff-2026 — 3), нужно "
                                 "не меньше 5"});
  options.as_of = Date(2027, 2, 1);
  report = CheckReport{};
  REQUIRE(Check(fs, options, &report, &errors));
  CHECK(report.cadence ==
        std::vector<std::string>{
            "производственный календарь content/calendar.yaml заканчивается 2027 годом: добавьте 2028 год, когда "
            "выйдет постановление Правительства о переносе выходных дней; до тех пор у повторяющихся опросов не будет "
            "волн после 2027 года",
            "2026 год: внешних опросов — 1 (q), нужно не меньше 2",
            "2026 год: внутренние опросы длятся в среднем 3 рабочих дня (staff-2026 — 3), нужно не меньше 5",
            "2027 год: внешних опросов — 0, нужно не меньше 2",
            "2027 год: внутренние опросы длятся в среднем 3 рабочих дня (staff-2027 — 3), нужно не меньше 5"});
}

TEST_CASE("Check of a quarter before the responses flags nothing") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  testing::TempDir data;
  std::filesystem::create_directories(data / "responses/q");
  std::ofstream(data / "responses/q/2026-08-01.r1.jsonl") << Lines("poor", std::vector<int>(12, 1));
  CheckOptions options;
  options.data_dir = data.path();
  options.as_of = Date(2026, 9, 30);  // III quarter not over: II is reported
  CheckReport report;
  Diagnostics errors;
  REQUIRE(Check(fs, options, &report, &errors));
  CHECK(report.quarter == Period{Period::Kind::kQuarter, 2026, 2});
  CHECK(report.flagged.empty());
}

TEST_CASE("Check fails on content errors with every error") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  Put(&fs, "content/services/bad.md", "---\ntitle: Плохая\nkind: nonsense\ntouchpoints: [mfc]\n---\n");
  CheckReport report;
  Diagnostics errors;
  CheckOptions options;
  options.data_dir = "/nonexistent";
  CHECK_FALSE(Check(fs, options, &report, &errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors.items()[0].path == "content/services/bad.md");
  CHECK(errors.items()[0].line == 3);
}

// --- Appeals reports

const char kAppealsHeader[] = "registered;answered;channel;kind;topic;outcome;reason\n";
const char kQ2Complaint[] = "2026-04-10;2026-04-20;mfc;complaint;0002.0007.0075.0000;supported;\n";

// Appeals of the II and III quarters of 2026 and the report of the II quarter,
// published on 20 August (the deadline was 14 August).
void WriteAppeals(MemoryFileSystem* fs) {
  Put(fs, "content/appeals/2026-q2.csv",
      std::string(kAppealsHeader) + kQ2Complaint + "2026-05-15;2026-06-01;mfc;appeal;0002.0007.0075.0000;explained;\n");
  Put(fs, "content/appeals/2026-q3.csv",
      std::string(kAppealsHeader) +
          "2026-07-01;2026-07-15;mfc;complaint;0002.0007.0075.0000;refused;\n"
          "2026-09-30;;mfc;appeal;0005.0005.0056.0000;in-progress;\n");
  Put(fs, "content/reports/2026-q2.yaml", "published: 2026-08-20\n");
}

// `otklik report freeze <key>` on the content as it is now.
bool Freeze(MemoryFileSystem* fs, const std::string& key, const Date& as_of, bool* changed, Diagnostics* errors) {
  const std::optional<Content> content = LoadContent(*fs, {"content", as_of, as_of}, errors);
  REQUIRE(content);
  return FreezeReport(*fs, "content", content->site, content->reports, key, as_of, changed, errors);
}

void FreezeOk(MemoryFileSystem* fs, const std::string& key, const Date& as_of) {
  bool changed = false;
  Diagnostics errors;
  const bool frozen = Freeze(fs, key, as_of, &changed, &errors);
  INFO(errors.ToString());
  REQUIRE(frozen);
  CHECK(changed);
  CHECK(errors.empty());
}

CheckOptions ReportOptions(const Date& as_of) {
  CheckOptions options;
  options.data_dir = "/nonexistent";
  options.as_of = as_of;
  return options;
}

// Checks and requires failure; every error as printed.
std::string CheckErrors(const MemoryFileSystem& fs, const Date& as_of) {
  CheckReport report;
  Diagnostics errors;
  CHECK_FALSE(Check(fs, ReportOptions(as_of), &report, &errors));
  return errors.ToString();
}

const Period kQ2{Period::Kind::kQuarter, 2026, 2};
const Period kQ3{Period::Kind::kQuarter, 2026, 3};

TEST_CASE("Check lists every quarter's appeals report against its 45-day deadline") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  WriteAppeals(&fs);
  FreezeOk(&fs, "2026-q2", Date(2026, 11, 23));
  CheckReport report;
  Diagnostics errors;
  REQUIRE(Check(fs, ReportOptions(Date(2026, 11, 23)), &report, &errors));
  CHECK(errors.empty());
  CHECK(report.appeal_records == 4);
  REQUIRE(report.reports.size() == 2);
  CHECK(report.reports[0].quarter == kQ2);
  CHECK(report.reports[0].status.kind == ReportStatus::Kind::kLate);
  CHECK(report.reports[0].status.deadline == Date(2026, 8, 14));
  CHECK(report.reports[0].status.days == 6);
  CHECK(ReportStatusText(Messages::Defaults({}), report.reports[0].status) ==
        "опубликован с опозданием на 6\u00A0дней");
  CHECK(report.reports[1].quarter == kQ3);
  CHECK(report.reports[1].status.kind == ReportStatus::Kind::kOverdue);
  CHECK(report.reports[1].status.deadline == Date(2026, 11, 14));
  CHECK(report.reports[1].status.days == 9);
  CHECK(ReportStatusText(Messages::Defaults({}), report.reports[1].status) == "просрочен на 9\u00A0дней");
}

TEST_CASE("Check before the deadline counts the days left") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  WriteAppeals(&fs);
  FreezeOk(&fs, "2026-q2", Date(2026, 11, 10));
  CheckReport report;
  Diagnostics errors;
  REQUIRE(Check(fs, ReportOptions(Date(2026, 11, 10)), &report, &errors));
  REQUIRE(report.reports.size() == 2);
  CHECK(report.reports[0].status.kind == ReportStatus::Kind::kLate);
  CHECK(report.reports[0].status.days == 6);
  CHECK(report.reports[1].quarter == kQ3);
  CHECK(report.reports[1].status.kind == ReportStatus::Kind::kDue);
  CHECK(report.reports[1].status.days == 4);
  CHECK(ReportStatusText(Messages::Defaults({}), report.reports[1].status) == "готовится, осталось 4\u00A0дня");
}

TEST_CASE("Check without appeals lists no reports") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  CheckReport report;
  Diagnostics errors;
  REQUIRE(Check(fs, ReportOptions(Date(2026, 11, 23)), &report, &errors));
  CHECK(report.reports.empty());
  CHECK(report.appeal_records == 0);
}

TEST_CASE("FreezeReport records the public numbers with the number of errata") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  WriteAppeals(&fs);
  FreezeOk(&fs, "2026-q2", Date(2026, 11, 23));
  Result<std::string> json = fs.ReadFile("content/reports/2026-q2.numbers.json");
  REQUIRE(json.ok());
  CHECK(json.value().starts_with("{\n  \"errata\": 0,\n  \"numbers\": {\n    \"answer_time.answered\": \"2\",\n"));
  CHECK(json.value().ends_with("    \"trend.2026-q2.records\": \"2\"\n  }\n}\n"));
  Diagnostics errors;
  const std::optional<std::vector<QuarterReport>> reports = LoadReports(fs, "content", &errors);
  REQUIRE(reports);
  REQUIRE(reports->size() == 1);
  REQUIRE((*reports)[0].frozen);
  const std::map<std::string, std::string>& numbers = (*reports)[0].frozen->numbers;
  // 7 answer-time numbers, 6 rows of changes × 4, 2 for the МФЦ, 7 of complaints (with their other
  // outcomes), 4 kinds, reasons.none, records, 2 redirected, 2 per section and subsection, 2 of the trend.
  CHECK(numbers.size() == 54);
  CHECK(numbers.at("records") == "2");
  CHECK(numbers.at("complaints.resolved.share") == "100\u00A0%");
  CHECK(numbers.at("answer_time.median") == "13,5");  // 10 and 17 days
  CHECK(numbers.at("changes.previous.records") == "—");
  // Freezing again changes nothing.
  bool changed = true;
  CHECK(Freeze(&fs, "2026-q2", Date(2026, 11, 23), &changed, &errors));
  CHECK_FALSE(changed);
  CHECK(errors.empty());
}

TEST_CASE("FreezeReport freezes only a published report") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  WriteAppeals(&fs);
  bool changed = true;
  Diagnostics errors;
  CHECK_FALSE(Freeze(&fs, "2026-q3", Date(2026, 11, 23), &changed, &errors));
  CHECK_FALSE(changed);
  CHECK(errors.ToString() ==
        "content/reports/2026-q3.yaml: закрепить можно только опубликованный отчёт: укажите дату публикации в поле "
        "«published»\n");
  CHECK_FALSE(fs.IsFile("content/reports/2026-q3.numbers.json"));
}

TEST_CASE("Check fails on a published report whose numbers are not frozen") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  WriteAppeals(&fs);
  CHECK(CheckErrors(fs, Date(2026, 11, 23)) ==
        "content/reports/2026-q2.yaml:1: отчёт опубликован, но его числа не закреплены: выполните otklik report "
        "freeze 2026-q2 и сохраните созданный файл вместе с отчётом\n");
}

TEST_CASE("Check fails when the records of a published report changed; an erratum and a new freeze settle it") {
  const Date as_of(2026, 11, 23);
  MemoryFileSystem fs;
  WriteContent(&fs);
  WriteAppeals(&fs);
  FreezeOk(&fs, "2026-q2", as_of);
  const std::string frozen = fs.ReadFile("content/reports/2026-q2.numbers.json").value();
  // The complaint of the II quarter turns out to have been refused, not supported.
  Put(&fs, "content/appeals/2026-q2.csv",
      std::string(kAppealsHeader) + "2026-04-10;2026-04-20;mfc;complaint;0002.0007.0075.0000;refused;\n" +
          "2026-05-15;2026-06-01;mfc;appeal;0002.0007.0075.0000;explained;\n");
  const std::string changed_error =
      "content/reports/2026-q2.yaml:1: опубликованный отчёт изменился бы: "
      "complaints.refused.count: было 0, стало 1; "
      "complaints.refused.share: было 0\u00A0%, стало 100\u00A0%; "
      "complaints.resolved.count: было 1, стало 0; "
      "complaints.resolved.share: было 100\u00A0%, стало 0\u00A0%. "
      "Если это исправление, добавьте запись в errata (дата, что изменилось, почему) и выполните otklik report "
      "freeze 2026-q2; иначе верните данные, по которым отчёт был опубликован\n";
  CHECK(CheckErrors(fs, as_of) == changed_error);

  // Freezing again without an erratum is refused, and the frozen numbers stay.
  bool changed = true;
  Diagnostics errors;
  CHECK_FALSE(Freeze(&fs, "2026-q2", as_of, &changed, &errors));
  CHECK_FALSE(changed);
  CHECK(errors.ToString() ==
        "content/reports/2026-q2.yaml:1: числа опубликованного отчёта изменились (complaints.refused.count: было 0, "
        "стало 1 и ещё 3), а нового исправления в errata нет: опишите, что изменилось и почему, и повторите\n");
  CHECK(fs.ReadFile("content/reports/2026-q2.numbers.json").value() == frozen);

  // An erratum alone does not change the frozen numbers: the check still fails.
  Put(&fs, "content/reports/2026-q2.yaml",
      "published: 2026-08-20\n"
      "errata:\n"
      "  - {date: 2026-11-20, what: Одна жалоба учтена как отклонённая, why: Ошибка в выгрузке из реестра}\n");
  CHECK(CheckErrors(fs, as_of) == changed_error);

  // Freezing with the erratum records the new numbers, and the check passes.
  FreezeOk(&fs, "2026-q2", as_of);
  const std::string refrozen = fs.ReadFile("content/reports/2026-q2.numbers.json").value();
  CHECK(refrozen.starts_with("{\n  \"errata\": 1,\n"));
  CHECK(refrozen.find("\"complaints.refused.count\": \"1\"") != std::string::npos);
  CheckReport report;
  Diagnostics none;
  CHECK(Check(fs, ReportOptions(as_of), &report, &none));
  CHECK(none.empty());

  // A second change needs a second erratum.
  Put(&fs, "content/appeals/2026-q2.csv", std::string(kAppealsHeader) + kQ2Complaint +
                                              "2026-05-15;2026-06-01;mfc;appeal;0002.0007.0075.0000;explained;\n");
  CHECK_FALSE(Freeze(&fs, "2026-q2", as_of, &changed, &errors));
  CHECK_FALSE(CheckErrors(fs, as_of).empty());
}

}  // namespace
}  // namespace otklik::check_test
