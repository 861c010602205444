#include "store/response_export.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "../temp_dir.h"
#include "content/csv_reader.h"
#include "model/survey_loader.h"
#include "store/response_import.h"

namespace otklik::response_export_test {
namespace {

using testing::TempDir;

// Revision 2: 1 service, 2 channel (portal jumps to 4), 3 queue, 4 overall,
// 5 info-source, 6 parameters, 7 proposals. Revision 1 had «explained» and
// no info-source.
Survey Feedback() {
  std::vector<Service> services(2);
  services[0].id = "pension";
  services[0].title = "Пенсия по старости";
  services[1].id = "subsidy";
  services[1].title = "Субсидия на ЖКУ";
  Diagnostics diagnostics;
  std::optional<Survey> current = ParseSurvey("content/surveys/feedback.yaml", R"(title: Отзыв о получении услуги
opens: 2026-03-01
closes: 2026-12-31
revision: 2
questions:
  - {id: service, kind: service, text: Какую услугу вы получили?}
  - id: channel
    kind: single
    text: Как вы получили услугу?
    options:
      - portal: Через портал Госуслуг
        goto: overall
      - office: В учреждении
  - {id: queue, kind: yes_no, text: Ждали ли вы в очереди?}
  - {id: overall, kind: scale, text: Оцените услугу в целом, low: Плохо, high: Отлично}
  - id: info-source
    kind: multiple
    text: Где вы узнали об услуге?
    required: false
    options: [{portal: Портал}, {website: Сайт ведомства}, {people: От знакомых}]
  - id: parameters
    kind: matrix
    text: Оцените параметры
    rows: [{speed: Скорость}, {staff: Вежливость}]
  - {id: proposals, kind: text, text: Что изменить?, required: false, max_length: 200}
)",
                                              services, &diagnostics);
  std::optional<Survey> earlier = ParseSurvey("content/surveys/feedback@1.yaml", R"(title: Отзыв о получении услуги
opens: 2026-03-01
closes: 2026-12-31
revision: 1
questions:
  - {id: service, kind: service, text: Какую услугу вы получили?}
  - {id: overall, kind: scale, text: Оцените услугу в целом}
  - {id: explained, kind: satisfaction, text: Понятно ли вам всё объяснили?}
)",
                                              services, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(current);
  REQUIRE(earlier);
  earlier->id = current->id;  // as LoadSite attaches it
  current->earlier_revisions.push_back(*earlier);
  return *current;
}

void Write(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

constexpr const char* kOffice =
    "{\"answers\":{\"channel\":[\"office\"],\"overall\":[\"3\"],\"parameters.speed\":[\"2\"],\"parameters.staff\":[\"3\"],"
    "\"proposals\":[\"=HYPERLINK(\\\"x\\\") звоните 8 912 345-67-89\"],\"queue\":[\"no\"],\"service\":[\"subsidy\"]},"
    "\"date\":\"2026-11-21\",\"revision\":2,\"source\":\"web\",\"survey\":\"feedback\"}\n";
constexpr const char* kPortal =
    "{\"answers\":{\"channel\":[\"portal\"],\"info-source\":[\"portal\",\"people\"],\"overall\":[\"5\"],"
    "\"parameters.speed\":[\"5\"],\"parameters.staff\":[\"4\"],\"service\":[\"pension\"]},"
    "\"date\":\"2026-10-02\",\"revision\":2,\"source\":\"paper\",\"survey\":\"feedback\"}\n";
constexpr const char* kOld =
    "{\"answers\":{\"explained\":[\"satisfied\"],\"overall\":[\"4\"],\"service\":[\"pension\"]},"
    "\"date\":\"2026-04-10\",\"revision\":1,\"source\":\"web\",\"survey\":\"feedback\"}\n";

// Two segments, the newest first in file order: the export sorts by date.
void WriteResponses(const TempDir& dir) {
  Write(dir / "responses/feedback/2026-11-21.a.jsonl", kOffice);
  Write(dir / "responses/feedback/import-paper-1.jsonl", std::string(kPortal) + kOld);
  Write(dir / "responses/other/2026-11-21.a.jsonl", "{\"answers\":{},\"date\":\"2026-11-21\",\"revision\":1,"
                                                    "\"source\":\"web\",\"survey\":\"other\"}\n");
}

constexpr const char* kHeader =
    "\xEF\xBB\xBF"
    "Дата;Период;Редакция;service;service: текст;channel;channel: текст;queue;queue: текст;overall;info-source;"
    "info-source: текст;parameters.speed;parameters.staff;explained;explained: текст\r\n";

TEST_CASE("ExportResponses writes a row per response, oldest first, codes beside their wording") {
  TempDir dir;
  WriteResponses(dir);
  const Survey survey = Feedback();
  Diagnostics warnings;
  const ExportedResponses out = ExportResponses({&survey, dir / "responses", {}, {}, false}, &warnings);
  CHECK(warnings.empty());
  CHECK(out.rows == 3);
  CHECK(out.table == std::string(kHeader) +
                         "2026-04-10;2026-q2;1;pension;Пенсия по старости;;;;;4;;;;;satisfied;Скорее удовлетворён(-а)\r\n"
                         "2026-10-02;2026-q4;2;pension;Пенсия по старости;portal;Через портал Госуслуг;;;5;"
                         "\"portal;people\";\"Портал; От знакомых\";5;4;;\r\n"
                         "2026-11-21;2026-q4;2;subsidy;Субсидия на ЖКУ;office;В учреждении;no;Нет;3;;;2;3;;\r\n");
}

TEST_CASE("ExportResponses keeps the days asked for") {
  TempDir dir;
  WriteResponses(dir);
  const Survey survey = Feedback();
  Diagnostics warnings;
  const ExportedResponses out =
      ExportResponses({&survey, dir / "responses", Date(2026, 10, 2), Date(2026, 11, 20), false}, &warnings);
  CHECK(out.rows == 1);
  CHECK(out.table.find("2026-10-02;") != std::string::npos);
  CHECK(out.table.find("2026-11-21;") == std::string::npos);
  CHECK(out.table.find("2026-04-10;") == std::string::npos);
}

TEST_CASE("ExportResponses adds open answers only when asked, masked and safe from spreadsheets") {
  TempDir dir;
  WriteResponses(dir);
  const Survey survey = Feedback();
  Diagnostics warnings;
  const ExportedResponses out = ExportResponses({&survey, dir / "responses", {}, {}, true}, &warnings);
  CHECK(out.masked == 1);
  // The open answer's column comes in the newest revision's order; the
  // formula is text, the phone masked, the quotes doubled.
  CHECK(out.table.find(";parameters.staff;proposals;explained;") != std::string::npos);
  CHECK(out.table.find(";2;3;\"'=HYPERLINK(\"\"x\"\") звоните [телефон]\";;\r\n") != std::string::npos);
}

TEST_CASE("ExportResponses describes every field, option, jump, condition and revision in the codebook") {
  TempDir dir;
  const Survey survey = Feedback();
  Diagnostics warnings;
  const ExportedResponses out = ExportResponses({&survey, dir / "responses", {}, {}, false}, &warnings);
  CHECK(out.rows == 0);
  CHECK(out.codebook.starts_with("\xEF\xBB\xBFПоле;Номер вопроса;Вопрос;Вид;Код;Ответ;Переход;Условие показа;"
                                 "Редакции\r\n"
                                 "service;1;Какую услугу вы получили?;service;pension;Пенсия по старости;;;1, 2\r\n"
                                 "service;1;Какую услугу вы получили?;service;subsidy;Субсидия на ЖКУ;;;1, 2\r\n"
                                 "channel;2;Как вы получили услугу?;single;portal;Через портал Госуслуг;overall;;2\r\n"
                                 "channel;2;Как вы получили услугу?;single;office;В учреждении;;;2\r\n"));
  CHECK(out.codebook.find("overall;4;Оцените услугу в целом;scale;1;Плохо;;;1, 2\r\n") != std::string::npos);
  CHECK(out.codebook.find("overall;4;Оцените услугу в целом;scale;5;Отлично;;;1, 2\r\n") != std::string::npos);
  INFO(out.codebook);
  CHECK(out.codebook.find("parameters.staff;6;Оцените параметры — Вежливость;matrix;1;полностью не удовлетворён(-а);;;2\r\n") != std::string::npos);
  CHECK(out.codebook.find("explained;3;Понятно ли вам всё объяснили?;satisfaction;satisfied;Скорее удовлетворён(-а);;;1\r\n") !=
        std::string::npos);
}

TEST_CASE("What ExportResponses writes, import responses reads back: the same answers, each in its revision") {
  TempDir dir;
  WriteResponses(dir);
  const Survey survey = Feedback();
  Diagnostics warnings;
  const ExportedResponses out = ExportResponses({&survey, dir / "responses", {}, {}, true}, &warnings);
  Diagnostics errors;
  const std::optional<CsvTable> table = ParseCsv("export.csv", out.table, &errors);
  REQUIRE(table);
  MemoryFileSystem fs;
  ImportRequest request{&survey, "paper", false, "data/responses", Date(2026, 12, 1)};
  request.revisions = &survey;
  ImportOutcome outcome;
  const bool imported = ImportResponses(fs, "export.csv", *table, {}, request, &outcome, &errors);
  INFO(errors.ToString());
  REQUIRE(imported);
  CHECK(outcome.imported == 3);
  REQUIRE(fs.Files().size() == 1);
  // The stored lines, sorted, with the source the import gives; the open
  // answer as the export masked it, without the apostrophe that kept it text.
  CHECK(fs.Files().begin()->second ==
        "{\"answers\":{\"explained\":[\"satisfied\"],\"overall\":[\"4\"],\"service\":[\"pension\"]},"
        "\"date\":\"2026-04-10\",\"revision\":1,\"source\":\"paper\",\"survey\":\"feedback\"}\n"
        "{\"answers\":{\"channel\":[\"portal\"],\"info-source\":[\"portal\",\"people\"],\"overall\":[\"5\"],"
        "\"parameters.speed\":[\"5\"],\"parameters.staff\":[\"4\"],\"service\":[\"pension\"]},"
        "\"date\":\"2026-10-02\",\"revision\":2,\"source\":\"paper\",\"survey\":\"feedback\"}\n"
        "{\"answers\":{\"channel\":[\"office\"],\"overall\":[\"3\"],\"parameters.speed\":[\"2\"],"
        "\"parameters.staff\":[\"3\"],\"proposals\":[\"=HYPERLINK(\\\"x\\\") звоните [телефон]\"],\"queue\":[\"no\"],\"service\":[\"subsidy\"]},"
        "\"date\":\"2026-11-21\",\"revision\":2,\"source\":\"paper\",\"survey\":\"feedback\"}\n");
}

TEST_CASE("Import refuses an answer in a column its row's revision does not have, and an unknown revision") {
  const Survey survey = Feedback();
  Diagnostics errors;
  const std::optional<CsvTable> table =
      ParseCsv("export.csv",
               "Дата;Редакция;service;overall;explained;queue\r\n"
               "2026-04-10;1;pension;4;satisfied;no\r\n"
               "2026-04-11;7;pension;4;;\r\n",
               &errors);
  REQUIRE(table);
  MemoryFileSystem fs;
  ImportRequest request{&survey, "paper", false, "data/responses", Date(2026, 12, 1)};
  request.revisions = &survey;
  ImportOutcome outcome;
  CHECK_FALSE(ImportResponses(fs, "export.csv", *table, {}, request, &outcome, &errors));
  CHECK(errors.ToString() ==
        "export.csv:2: столбец «queue»: в редакции 1 анкеты нет этого вопроса\n"
        "export.csv:3: редакция «7»: у опроса «feedback» нет такой редакции\n");
  CHECK(fs.Files().empty());
}

}  // namespace
}  // namespace otklik::response_export_test
