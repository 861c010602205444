#include "store/response_import.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>

#include "model/survey_loader.h"

namespace otklik::response_import_test {
namespace {

using Lines = std::vector<std::string>;

// Questions: 1 service, 2 channel (portal jumps to 4), 3 queue, 4 overall,
// 5 info-source (optional, at most 2), 6 parameters (matrix), 7 explained,
// 8 proposals (optional text, at most 20 characters).
const Survey& Feedback() {
  static const Survey survey = [] {
    std::vector<Service> services(2);
    services[0].id = "pension";
    services[0].title = "Пенсия по старости";
    services[1].id = "subsidy";
    services[1].title = "Субсидия на ЖКУ";
    Diagnostics diagnostics;
    std::optional<Survey> parsed = ParseSurvey("content/surveys/feedback.yaml", R"(title: Отзыв о получении услуги
opens: 2026-03-01
closes: 2026-12-31
revision: 3
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
  - {id: overall, kind: scale, text: Оцените услугу в целом}
  - id: info-source
    kind: multiple
    text: Где вы узнали об услуге?
    required: false
    max: 2
    options: [{portal: Портал}, {website: Сайт ведомства}, {people: От знакомых}]
  - id: parameters
    kind: matrix
    text: Оцените параметры
    rows: [{speed: Скорость}, {staff: Вежливость}]
  - {id: explained, kind: satisfaction, text: Ёмко ли вам всё объяснили?}
  - {id: proposals, kind: text, text: Что изменить?, required: false, max_length: 20}
)",
                                               services, &diagnostics);
    INFO(diagnostics.ToString());
    REQUIRE(parsed);
    return *parsed;
  }();
  return survey;
}

constexpr const char* kHeader =
    "Дата,service,channel,queue,overall,info-source,parameters.speed,parameters.staff,explained,proposals\n";
constexpr const char* kPortalRow = "20.11.2026,pension,portal,,4,portal;website,5,4,satisfied,\n";
constexpr const char* kOfficeRow = "2026-11-21,subsidy,office,no,3,,2,3,dissatisfied,Больше окон\n";
constexpr const char* kPortalLine =
    "{\"answers\":{\"channel\":[\"portal\"],\"explained\":[\"satisfied\"],\"info-source\":[\"portal\",\"website\"],"
    "\"overall\":[\"4\"],\"parameters.speed\":[\"5\"],\"parameters.staff\":[\"4\"],\"service\":[\"pension\"]},"
    "\"date\":\"2026-11-20\",\"revision\":3,\"source\":\"paper\",\"survey\":\"feedback\"}\n";
constexpr const char* kOfficeLine =
    "{\"answers\":{\"channel\":[\"office\"],\"explained\":[\"dissatisfied\"],\"overall\":[\"3\"],"
    "\"parameters.speed\":[\"2\"],\"parameters.staff\":[\"3\"],\"proposals\":[\"Больше окон\"],\"queue\":[\"no\"],"
    "\"service\":[\"subsidy\"]},\"date\":\"2026-11-21\",\"revision\":3,\"source\":\"paper\",\"survey\":\"feedback\"}\n";
// The segment names of both rows, of the portal row alone and of the office row alone.
const std::string kBoth = "data/responses/feedback/import-paper-66257fb21859f67e.jsonl";
const std::string kPortalOnly = "data/responses/feedback/import-paper-a8e9950f37c9e2ea.jsonl";
const std::string kOfficeOnly = "data/responses/feedback/import-paper-30a5c5e08716f7ff.jsonl";

constexpr const char* kUnknownOption =
    " — нет такого варианта ответа; укажите код или текст варианта из анкеты либо добавьте это написание в values "
    "файла сопоставления";

struct Options {
  ImportMapping mapping{};
  bool skip_invalid = false;
  std::string source = "paper";
  Date today = Date(2026, 11, 23);
  const Survey* survey = &Feedback();
};

struct Imported {
  bool ok = false;
  ImportOutcome outcome;
  std::string errors;
};

Imported Import(MemoryFileSystem& fs, const std::string& csv, const Options& options = {}) {
  Diagnostics csv_errors;
  const std::optional<CsvTable> table = ParseCsv("answers.csv", csv, &csv_errors);
  INFO(csv_errors.ToString());
  REQUIRE(table);
  Imported imported;
  Diagnostics errors;
  const ImportRequest request{options.survey, options.source, options.skip_invalid, "data/responses", options.today};
  imported.ok = ImportResponses(fs, "answers.csv", *table, options.mapping, request, &imported.outcome, &errors);
  imported.errors = errors.ToString();
  return imported;
}

ImportMapping Mapping(const std::string& yaml) {
  Diagnostics diagnostics;
  std::optional<ImportMapping> mapping = ParseImportMapping("mapping.yaml", yaml, Feedback(), &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(mapping);
  CHECK(diagnostics.empty());
  return *mapping;
}

std::string MappingErrors(const std::string& yaml) {
  Diagnostics diagnostics;
  CHECK_FALSE(ParseImportMapping("mapping.yaml", yaml, Feedback(), &diagnostics));
  return diagnostics.ToString();
}

// The one segment an import wrote (fails the test if there is not exactly one).
std::string OnlySegment(const MemoryFileSystem& fs) {
  const std::map<std::string, std::string> files = fs.Files();
  REQUIRE(files.size() == 1);
  return files.begin()->second;
}

// --- ParseImportMapping ---

TEST_CASE("ParseImportMapping reads date, separator, ignore, columns and values") {
  const ImportMapping mapping = Mapping(R"(date: Дата ответа
separator: ","
ignore: [ID, Регион]
columns:
  Оценка: overall
  Скорость: parameters.speed
values:
  overall:
    Отлично: "5"
    Плохо: "2"
  channel:
    Госуслуги: portal
)");
  CHECK(mapping.date_column == "Дата ответа");
  CHECK(mapping.separator == ",");
  CHECK(mapping.ignore == std::set<std::string>{"ID", "Регион"});
  CHECK(mapping.columns == std::map<std::string, std::string>{{"Оценка", "overall"}, {"Скорость", "parameters.speed"}});
  CHECK(mapping.values == std::map<std::string, std::map<std::string, std::string>>{
                              {"overall", {{"Отлично", "5"}, {"Плохо", "2"}}}, {"channel", {{"Госуслуги", "portal"}}}});
}

TEST_CASE("ParseImportMapping gives the defaults for an empty file") {
  const ImportMapping mapping = Mapping("");
  CHECK(mapping.date_column.empty());
  CHECK(mapping.separator == ";");
  CHECK(mapping.ignore.empty());
  CHECK(mapping.columns.empty());
  CHECK(mapping.values.empty());
}

TEST_CASE("ParseImportMapping takes a single column to ignore as a one-item list") {
  CHECK(Mapping("ignore: ID\n").ignore == std::set<std::string>{"ID"});
}

TEST_CASE("ParseImportMapping reports an unknown field at its line with a suggestion") {
  CHECK(MappingErrors("date: Дата\ncolums:\n  Оценка: overall\n") ==
        "mapping.yaml:2: неизвестное поле «colums» (возможно, имелось в виду «columns»?)\n");
}

TEST_CASE("ParseImportMapping reports a column mapped to a field the survey does not have") {
  CHECK(MappingErrors("columns:\n  Оценка: overall\n  Скорость: parameters.sped\n  Параметры: parameters\n") ==
        "mapping.yaml:3: в опросе «feedback» нет поля «parameters.sped»\n"
        "mapping.yaml:4: в опросе «feedback» нет поля «parameters»\n");
}

TEST_CASE("ParseImportMapping reports values for a field the survey does not have") {
  CHECK(MappingErrors("values:\n  overall:\n    Отлично: \"5\"\n  chanel:\n    Госуслуги: portal\n") ==
        "mapping.yaml:4: в опросе «feedback» нет поля «chanel»\n");
}

TEST_CASE("ParseImportMapping reports a value mapped to no option of its question") {
  CHECK(MappingErrors("values:\n"
                      "  channel:\n"
                      "    Госуслуги: gosuslugi\n"
                      "    Лично: office\n"
                      "  overall:\n"
                      "    Отлично: \"6\"\n"
                      "  parameters.speed:\n"
                      "    Быстро: \"5\"\n"
                      "    Медленно: slow\n"
                      "  proposals:\n"
                      "    \"-\": нет\n") ==
        "mapping.yaml:3: у поля «channel» нет варианта «gosuslugi»: укажите код варианта из анкеты\n"
        "mapping.yaml:6: у поля «overall» нет варианта «6»: укажите код варианта из анкеты\n"
        "mapping.yaml:9: у поля «parameters.speed» нет варианта «slow»: укажите код варианта из анкеты\n");
}

TEST_CASE("ParseImportMapping reports empty targets and values that are not maps") {
  CHECK(MappingErrors("columns:\n  Оценка: \"\"\nvalues:\n  overall: \"5\"\n") ==
        "mapping.yaml:2: поле «Оценка» не может быть пустым\n"
        "mapping.yaml:4: поле «overall» должно быть набором полей «ключ: значение»\n");
}

TEST_CASE("ParseImportMapping reports a file that is not a map") {
  CHECK(MappingErrors("- date\n- columns\n") == "mapping.yaml:1: ожидается набор полей «ключ: значение»\n");
}

TEST_CASE("ParseImportMapping reports a YAML syntax error with the file and line") {
  const std::string errors = MappingErrors("columns:\n  Оценка: overall\n Скорость: [\n");
  CHECK(errors.starts_with("mapping.yaml:"));
  CHECK(errors.find("ошибка в YAML") != std::string::npos);
}

// --- ImportResponses: what is written ---

TEST_CASE("ImportResponses writes the rows as one segment named by its answers") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs, std::string(kHeader) + kPortalRow + kOfficeRow);
  INFO(imported.errors);
  CHECK(imported.ok);
  CHECK(imported.errors.empty());
  CHECK(imported.outcome.kind == ImportOutcome::Kind::kWritten);
  CHECK(imported.outcome.rows == 2);
  CHECK(imported.outcome.imported == 2);
  CHECK(imported.outcome.invalid == 0);
  CHECK(imported.outcome.segment == kBoth);
  CHECK(imported.outcome.replaced.empty());
  CHECK(imported.outcome.overlapping.empty());
  CHECK(imported.outcome.dropped.empty());
  // One JSON line per response in the file's order, keys sorted.
  CHECK(fs.Files() == std::map<std::string, std::string>{{kBoth, std::string(kPortalLine) + kOfficeLine}});
}

TEST_CASE("ImportResponses names the segment the same whatever the order of the rows") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs, std::string(kHeader) + kOfficeRow + kPortalRow);
  CHECK(imported.ok);
  CHECK(imported.outcome.segment == kBoth);
  CHECK(OnlySegment(fs) == std::string(kOfficeLine) + kPortalLine);
}

TEST_CASE("ImportResponses marks platform answers and names their segment so") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs, std::string(kHeader) + kPortalRow + kOfficeRow, {.source = "platform"});
  CHECK(imported.ok);
  CHECK(imported.outcome.segment == "data/responses/feedback/import-platform-40e95328ab9e6846.jsonl");
  const std::string bytes = OnlySegment(fs);
  CHECK(bytes.find("\"source\":\"paper\"") == std::string::npos);
  CHECK(bytes.find("\"source\":\"platform\",\"survey\":\"feedback\"}\n") != std::string::npos);
}

TEST_CASE("ImportResponses stores the revision of the survey it is given") {
  Survey earlier = Feedback();
  earlier.revision = 1;
  MemoryFileSystem fs;
  const Imported imported = Import(fs, std::string(kHeader) + kPortalRow, {.survey = &earlier});
  CHECK(imported.ok);
  const std::string bytes = OnlySegment(fs);
  CHECK(bytes.find("\"revision\":1,") != std::string::npos);
  CHECK(std::regex_match(imported.outcome.segment,
                         std::regex("data/responses/feedback/import-paper-[0-9a-f]{16}\\.jsonl")));
  CHECK(imported.outcome.segment != kPortalOnly);
}

TEST_CASE("ImportResponses keeps the day of every date format and drops the time") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs, std::string("Дата,service,channel,overall,parameters.speed,parameters.staff,"
                                                   "explained\n") +
                                           "2026-03-01,pension,portal,5,5,5,satisfied\n"
                                           "02.03.2026,pension,portal,5,5,5,satisfied\n"
                                           "\"03.03.2026 14:05\",pension,portal,5,5,5,satisfied\n"
                                           "2026-11-23 09:00,pension,portal,5,5,5,satisfied\n");
  INFO(imported.errors);
  CHECK(imported.ok);
  const std::string bytes = OnlySegment(fs);
  for (const char* day : {"2026-03-01", "2026-03-02", "2026-03-03", "2026-11-23"}) {
    CHECK(bytes.find(std::string("\"date\":\"") + day + "\"") != std::string::npos);
  }
  CHECK(bytes.find("14:05") == std::string::npos);
}

TEST_CASE("ImportResponses matches columns by question text, in any case and with ё as е") {
  MemoryFileSystem fs;
  const Imported imported =
      Import(fs,
             "дата;КАКУЮ УСЛУГУ ВЫ ПОЛУЧИЛИ?;как  вы получили услугу?;ждали ли вы в очереди?;Оцените услугу в целом;"
             "parameters.speed;parameters.staff;Емко ли вам все объяснили?\n"
             "20.11.2026;пенсия по старости;ЧЕРЕЗ ПОРТАЛ ГОСУСЛУГ;;4;5;4;скорее удовлетворен(-а)\n"
             "21.11.2026;Субсидия на ЖКУ;в учреждении;нет;3;2;3;Скорее не удовлетворён(-а)\n");
  INFO(imported.errors);
  CHECK(imported.ok);
  CHECK(imported.errors.empty());
  const std::string bytes = OnlySegment(fs);
  CHECK(bytes.find("\"explained\":[\"satisfied\"],\"overall\":[\"4\"]") != std::string::npos);
  CHECK(bytes.find("\"queue\":[\"no\"],\"service\":[\"subsidy\"]") != std::string::npos);
  CHECK(bytes.find("\"explained\":[\"dissatisfied\"]") != std::string::npos);
}

TEST_CASE("ImportResponses reads answers given as option texts and ids alike") {
  MemoryFileSystem fs;
  const Imported imported =
      Import(fs,
             "Date,service,channel,overall,info-source,parameters.speed,parameters.staff,explained\n"
             "20.11.2026,Пенсия по старости,Через портал Госуслуг,4,сайт ведомства; portal,5,4,Затрудняюсь ответить\n");
  INFO(imported.errors);
  CHECK(imported.ok);
  CHECK(OnlySegment(fs) ==
        "{\"answers\":{\"channel\":[\"portal\"],\"explained\":[\"unsure\"],\"info-source\":[\"website\",\"portal\"],"
        "\"overall\":[\"4\"],\"parameters.speed\":[\"5\"],\"parameters.staff\":[\"4\"],\"service\":[\"pension\"]},"
        "\"date\":\"2026-11-20\",\"revision\":3,\"source\":\"paper\",\"survey\":\"feedback\"}\n");
}

TEST_CASE("ImportResponses splits multiple choice by the separator and skips empty parts") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs, std::string(kHeader) +
                                           "20.11.2026,pension,portal,,4,\" portal ;; От знакомых ;\",5,4,satisfied,\n");
  INFO(imported.errors);
  CHECK(imported.ok);
  CHECK(OnlySegment(fs).find("\"info-source\":[\"portal\",\"people\"]") != std::string::npos);
}

TEST_CASE("ImportResponses splits multiple choice by the mapping's separator") {
  MemoryFileSystem fs;
  const Imported imported =
      Import(fs,
             "Дата;service;channel;overall;info-source;parameters.speed;parameters.staff;explained\n"
             "20.11.2026;pension;portal;4;Портал, От знакомых;5;4;satisfied\n",
             {.mapping = Mapping("separator: \",\"\n")});
  INFO(imported.errors);
  CHECK(imported.ok);
  CHECK(OnlySegment(fs).find("\"info-source\":[\"portal\",\"people\"]") != std::string::npos);
}

TEST_CASE("ImportResponses keeps a text answer's line breaks and trims it") {
  MemoryFileSystem fs;
  const Imported imported =
      Import(fs, std::string(kHeader) + "21.11.2026,subsidy,office,no,3,,2,3,dissatisfied,\"  Окна\r\nи очереди  \"\n");
  INFO(imported.errors);
  CHECK(imported.ok);
  CHECK(OnlySegment(fs).find("\"proposals\":[\"Окна\\nи очереди\"]") != std::string::npos);
}

TEST_CASE("ImportResponses reads columns, values and ignored columns from a mapping") {
  MemoryFileSystem fs;
  const ImportMapping mapping = Mapping(R"(date: Дата ответа
ignore: [ID, Регион]
columns:
  Услуга: service
  Способ: channel
  Очередь: queue
  Оценка: overall
  Скорость: parameters.speed
  Вежливость: parameters.staff
  Объяснили: explained
  Предложения: proposals
values:
  overall:
    Отлично: "5"
    "4": "3"
  channel:
    Госуслуги: portal
  parameters.speed:
    Быстро: "5"
)");
  const Imported imported =
      Import(fs,
             "ID;Дата ответа;Регион;Услуга;Способ;Очередь;Оценка;Скорость;Вежливость;Объяснили;Предложения\n"
             "7781;20.11.2026;Вологодская область;pension;Госуслуги;;Отлично;Быстро;4;satisfied;\n"
             "7782;21.11.2026;Вологодская область;subsidy;office;no;4;2;3;dissatisfied;Больше окон\n",
             {.mapping = mapping, .source = "platform"});
  INFO(imported.errors);
  CHECK(imported.ok);
  CHECK(OnlySegment(fs) ==
        "{\"answers\":{\"channel\":[\"portal\"],\"explained\":[\"satisfied\"],\"overall\":[\"5\"],"
        "\"parameters.speed\":[\"5\"],\"parameters.staff\":[\"4\"],\"service\":[\"pension\"]},"
        "\"date\":\"2026-11-20\",\"revision\":3,\"source\":\"platform\",\"survey\":\"feedback\"}\n"
        // A mapped value comes before the option id it looks like: «4» means 3 here.
        "{\"answers\":{\"channel\":[\"office\"],\"explained\":[\"dissatisfied\"],\"overall\":[\"3\"],"
        "\"parameters.speed\":[\"2\"],\"parameters.staff\":[\"3\"],\"proposals\":[\"Больше окон\"],\"queue\":[\"no\"],"
        "\"service\":[\"subsidy\"]},\"date\":\"2026-11-21\",\"revision\":3,\"source\":\"platform\",\"survey\":"
        "\"feedback\"}\n");
}

TEST_CASE("ImportResponses takes the date from the mapping's column only") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs,
                                   "Когда,Дата,service,channel,overall,parameters.speed,parameters.staff,explained\n"
                                   "20.11.2026,01.01.2000,pension,portal,4,5,4,satisfied\n",
                                   {.mapping = Mapping("date: Когда\nignore: Дата\n")});
  INFO(imported.errors);
  CHECK(imported.ok);
  CHECK(OnlySegment(fs).find("\"date\":\"2026-11-20\"") != std::string::npos);
}

TEST_CASE("ImportResponses leaves out answers the skip logic passed by and says so") {
  MemoryFileSystem fs;
  // A portal user jumps from question 2 to 4, yet the «queue» cell says «yes».
  const Imported imported = Import(fs, std::string(kHeader) + "20.11.2026,pension,portal,yes,4,,5,4,satisfied,\n");
  INFO(imported.errors);
  CHECK(imported.ok);
  CHECK(imported.outcome.imported == 1);
  CHECK(imported.outcome.dropped.ToString() ==
        "answers.csv:2: ответ на вопрос «queue» не сохранён: по логике анкеты его не задавали\n");
  CHECK(OnlySegment(fs).find("queue") == std::string::npos);
}

// --- ImportResponses: row errors ---

TEST_CASE("ImportResponses refuses missing, unreadable and impossible dates") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs, std::string(kHeader) + ",pension,portal,,4,,5,4,satisfied,\n" +
                                           "2026/11/20,pension,portal,,4,,5,4,satisfied,\n" +
                                           "31.02.2026,pension,portal,,4,,5,4,satisfied,\n" +
                                           "1.3.2026,pension,portal,,4,,5,4,satisfied,\n" + kPortalRow);
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors ==
        "answers.csv:2: не указана дата заполнения\n"
        "answers.csv:3: дата «2026/11/20» не распознана: ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД\n"
        "answers.csv:4: дата «31.02.2026» не распознана: ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД\n"
        "answers.csv:5: дата «1.3.2026» не распознана: ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД\n");
  CHECK(imported.outcome.invalid == 4);
  CHECK(imported.outcome.rows == 5);
  CHECK(fs.Files().empty());
}

TEST_CASE("ImportResponses refuses dates before the survey opened or after today") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs, std::string(kHeader) + "28.02.2026,pension,portal,,4,,5,4,satisfied,\n" +
                                           "01.03.2026,pension,portal,,4,,5,4,satisfied,\n" +
                                           "23.11.2026,pension,portal,,4,,5,4,satisfied,\n" +
                                           "24.11.2026,pension,portal,,4,,5,4,satisfied,\n");
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors ==
        "answers.csv:2: дата 28.02.2026 вне сроков опроса: с 01.03.2026 по 23.11.2026\n"
        "answers.csv:5: дата 24.11.2026 вне сроков опроса: с 01.03.2026 по 23.11.2026\n");
}

TEST_CASE("ImportResponses refuses dates after the survey closed") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs, std::string(kHeader) + "31.12.2026,pension,portal,,4,,5,4,satisfied,\n" +
                                           "01.01.2027,pension,portal,,4,,5,4,satisfied,\n",
                                   {.today = Date(2027, 2, 1)});
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors == "answers.csv:3: дата 01.01.2027 вне сроков опроса: с 01.03.2026 по 31.12.2026\n");
}

TEST_CASE("ImportResponses reports an unknown answer in the file's words, once per column") {
  MemoryFileSystem fs;
  const Imported imported =
      Import(fs, std::string(kHeader) + "20.11.2026,pension,почта,нет,4,\"портал; газета; радио\",5,4,satisfied,\n" +
                     "20.11.2026,pension,portal,,отлично,,5,4,скорее да,\n");
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors == std::string("answers.csv:2: вопрос 2, столбец «channel»: «почта»") + kUnknownOption +
                               "\n"
                               "answers.csv:2: вопрос 5, столбец «info-source»: «газета»" +
                               kUnknownOption +
                               "\n"
                               "answers.csv:3: вопрос 4, столбец «overall»: «отлично»" +
                               kUnknownOption +
                               "\n"
                               "answers.csv:3: вопрос 7, столбец «explained»: «скорее да»" +
                               kUnknownOption + "\n");
}

TEST_CASE("ImportResponses reports the validator's errors by column") {
  MemoryFileSystem fs;
  const Imported imported =
      Import(fs, std::string(kHeader) +
                     "20.11.2026,pension,portal,,4,\"portal;website;people\",5,4,satisfied,\n"
                     "20.11.2026,pension,portal,,4,\"portal;Портал\",5,4,satisfied,\n"
                     "20.11.2026,pension,portal,,4,,7,4,satisfied,\n"
                     "20.11.2026,pension,portal,,4,,5,4,satisfied,Очень длинное предложение\n"
                     "20.11.2026,,portal,,,,5,,satisfied,\n"
                     "20.11.2026,pension,portal,,4,,5,4,satisfied,\"a\x01" "b\"\n");
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors ==
        "answers.csv:2: вопрос 5, столбец «info-source»: Выберите не более 2 вариантов.\n"
        "answers.csv:3: вопрос 5, столбец «info-source»: Каждый вариант можно выбрать только один раз.\n"
        "answers.csv:4: вопрос 6, столбец «parameters.speed»: Оценка должна быть числом от 1 до 5.\n"
        "answers.csv:5: вопрос 8, столбец «proposals»: Ответ длиннее 20 знаков (сейчас 25): сократите его.\n"
        "answers.csv:6: вопрос 1, столбец «service»: нет ответа, а вопрос обязательный\n"
        "answers.csv:6: вопрос 4, столбец «overall»: нет ответа, а вопрос обязательный\n"
        "answers.csv:6: вопрос 6, столбец «parameters.staff»: нет ответа, а вопрос обязательный\n"
        "answers.csv:7: вопрос 8, столбец «proposals»: Ответ содержит недопустимые символы.\n");
  CHECK(imported.outcome.invalid == 6);
  CHECK(fs.Files().empty());
}

TEST_CASE("ImportResponses requires an answer only where the skip logic asked the question") {
  MemoryFileSystem fs;
  // «queue» is asked after «office», not after «portal».
  const Imported imported = Import(fs, std::string(kHeader) + kPortalRow + "21.11.2026,subsidy,office,,3,,2,3,dissatisfied,\n");
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors == "answers.csv:3: вопрос 3, столбец «queue»: нет ответа, а вопрос обязательный\n");
  CHECK(imported.outcome.invalid == 1);
}

TEST_CASE("ImportResponses reports a required question without a column once, with the rows that needed it") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs,
                                   "Дата,service,channel,overall,parameters.speed,parameters.staff,explained\n"
                                   "20.11.2026,pension,portal,4,5,4,satisfied\n"
                                   "21.11.2026,subsidy,office,3,2,3,dissatisfied\n"
                                   "\n"
                                   "22.11.2026,subsidy,office,3,2,3,dissatisfied\n");
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors ==
        "answers.csv:3: вопрос 3 (queue): в файле нет столбца для этого обязательного вопроса, а его задавали в "
        "2\u00A0строках, начиная с этой; добавьте столбец или сделайте вопрос необязательным (required: false)\n");
  CHECK(imported.outcome.rows == 3);
  CHECK(imported.outcome.invalid == 2);
  CHECK(fs.Files().empty());
}

TEST_CASE("ImportResponses names each matrix row without a column") {
  MemoryFileSystem fs;
  const Imported imported =
      Import(fs, "Дата,service,channel,overall,explained\n20.11.2026,pension,portal,4,satisfied\n");
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors ==
        "answers.csv:2: вопрос 6 (parameters.speed): в файле нет столбца для этого обязательного вопроса, а его "
        "задавали в 1\u00A0строке, начиная с этой; добавьте столбец или сделайте вопрос необязательным "
        "(required: false)\n"
        "answers.csv:2: вопрос 6 (parameters.staff): в файле нет столбца для этого обязательного вопроса, а его "
        "задавали в 1\u00A0строке, начиная с этой; добавьте столбец или сделайте вопрос необязательным "
        "(required: false)\n");
}

TEST_CASE("ImportResponses prints the first 50 row errors and counts the rest") {
  std::string csv = kHeader;
  for (int i = 0; i < 60; ++i) csv += "20.11.2026,pension,portal,,9,,5,4,satisfied,\n";
  MemoryFileSystem fs;
  const Imported imported = Import(fs, csv);
  CHECK_FALSE(imported.ok);
  CHECK(imported.outcome.invalid == 60);
  const std::string first = std::string("answers.csv:2: вопрос 4, столбец «overall»: «9»") + kUnknownOption + "\n";
  const std::string fiftieth = std::string("answers.csv:51: вопрос 4, столбец «overall»: «9»") + kUnknownOption + "\n";
  CHECK(imported.errors.starts_with(first));
  CHECK(imported.errors.ends_with(fiftieth + "answers.csv: и ещё ошибок: 10\n"));
  CHECK(std::count(imported.errors.begin(), imported.errors.end(), '\n') == 51);
}

TEST_CASE("ImportResponses does not count a missing column's rows among the hidden errors") {
  std::string csv = "Дата,service,channel,overall,parameters.speed,parameters.staff\n";
  for (int i = 0; i < 60; ++i) csv += "20.11.2026,pension,portal,4,5,4\n";
  csv += "20.11.2026,pension,portal,9,5,4\n";
  MemoryFileSystem fs;
  const Imported imported = Import(fs, csv);
  CHECK_FALSE(imported.ok);
  CHECK(imported.outcome.invalid == 61);
  CHECK(imported.errors ==
        std::string("answers.csv:62: вопрос 4, столбец «overall»: «9»") + kUnknownOption +
            "\n"
            "answers.csv:2: вопрос 7 (explained): в файле нет столбца для этого обязательного вопроса, а его задавали "
            "в 61\u00A0строке, начиная с этой; добавьте столбец или сделайте вопрос необязательным (required: "
            "false)\n");
}

TEST_CASE("ImportResponses writes nothing when a row is bad") {
  MemoryFileSystem fs;
  const Imported imported =
      Import(fs, std::string(kHeader) + kPortalRow + "20.11.2026,pension,portal,,9,,5,4,satisfied,\n" + kOfficeRow);
  CHECK_FALSE(imported.ok);
  CHECK(imported.outcome.rows == 3);
  CHECK(imported.outcome.invalid == 1);
  CHECK(imported.outcome.imported == 0);
  CHECK(imported.outcome.segment.empty());
  CHECK(fs.Files().empty());
}

TEST_CASE("ImportResponses with skip_invalid writes the good rows and reports the bad") {
  MemoryFileSystem fs;
  const Imported imported = Import(
      fs, std::string(kHeader) + kPortalRow + "20.11.2026,pension,portal,,9,,5,4,satisfied,\n" + kOfficeRow,
      {.skip_invalid = true});
  CHECK(imported.ok);
  CHECK(imported.errors == std::string("answers.csv:3: вопрос 4, столбец «overall»: «9»") + kUnknownOption + "\n");
  CHECK(imported.outcome.kind == ImportOutcome::Kind::kWritten);
  CHECK(imported.outcome.rows == 3);
  CHECK(imported.outcome.invalid == 1);
  CHECK(imported.outcome.imported == 2);
  CHECK(imported.outcome.segment == kBoth);
  CHECK(fs.Files() == std::map<std::string, std::string>{{kBoth, std::string(kPortalLine) + kOfficeLine}});
}

TEST_CASE("ImportResponses with skip_invalid and no good row writes nothing") {
  MemoryFileSystem fs;
  const Imported imported =
      Import(fs, std::string(kHeader) + "20.11.2026,pension,portal,,9,,5,4,satisfied,\n", {.skip_invalid = true});
  CHECK(imported.ok);
  CHECK(imported.outcome.kind == ImportOutcome::Kind::kNothingValid);
  CHECK(imported.outcome.invalid == 1);
  CHECK(imported.outcome.imported == 0);
  CHECK_FALSE(imported.errors.empty());
  CHECK(fs.Files().empty());
}

TEST_CASE("ImportResponses writes nothing for a table without rows") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs, kHeader);
  CHECK(imported.ok);
  CHECK(imported.outcome.kind == ImportOutcome::Kind::kNothingValid);
  CHECK(imported.outcome.rows == 0);
  CHECK(fs.Files().empty());
}

// --- ImportResponses: column errors ---

TEST_CASE("ImportResponses refuses a column that matches no question, even with skip_invalid") {
  MemoryFileSystem fs;
  const Imported imported = Import(fs, "Дата,service,Регион,overal\n20.11.2026,pension,Вологда,4\n",
                                   {.skip_invalid = true});
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors ==
        "answers.csv:1: столбец «Регион» не сопоставлен ни с одним вопросом опроса «feedback»: назовите его как поле "
        "вопроса или укажите в файле сопоставления (columns или ignore)\n"
        "answers.csv:1: столбец «overal» не сопоставлен ни с одним вопросом опроса «feedback»: назовите его как поле "
        "вопроса или укажите в файле сопоставления (columns или ignore)\n");
  CHECK(imported.outcome.invalid == 0);
  CHECK(fs.Files().empty());
}

TEST_CASE("ImportResponses reports column problems at the header's row") {
  MemoryFileSystem fs;
  CHECK(Import(fs, ",,\n,,\nДата,service,Регион\n20.11.2026,pension,Вологда\n").errors ==
        "answers.csv:3: столбец «Регион» не сопоставлен ни с одним вопросом опроса «feedback»: назовите его как поле "
        "вопроса или укажите в файле сопоставления (columns или ignore)\n");
}

TEST_CASE("ImportResponses refuses two columns for one question") {
  MemoryFileSystem fs;
  const Imported imported =
      Import(fs, "Дата,overall,Оцените услугу в целом,Оценка\n20.11.2026,4,4,4\n",
             {.mapping = Mapping("columns:\n  Оценка: overall\n")});
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors ==
        "answers.csv:1: на вопрос «overall» отвечают два столбца; оставьте один\n"
        "answers.csv:1: на вопрос «overall» отвечают два столбца; оставьте один\n");
}

TEST_CASE("ImportResponses refuses a table without a date column") {
  MemoryFileSystem fs;
  CHECK(Import(fs, "Дата заполнения,overall\n20.11.2026,4\n",
               {.mapping = Mapping("ignore: Дата заполнения\n")})
            .errors ==
        "answers.csv:1: нет столбца с датой заполнения: назовите его «Дата» или укажите в файле сопоставления (date)\n");
  CHECK(Import(fs, "Дата,overall\n20.11.2026,4\n", {.mapping = Mapping("date: Когда\nignore: Дата\n")}).errors ==
        "answers.csv:1: нет столбца «Когда», указанного как дата заполнения\n");
  CHECK(fs.Files().empty());
}

// --- ImportResponses: earlier imports ---

TEST_CASE("ImportResponses writes nothing when the answers were imported before") {
  MemoryFileSystem fs;
  REQUIRE(Import(fs, std::string(kHeader) + kPortalRow + kOfficeRow).ok);
  const std::map<std::string, std::string> before = fs.Files();
  const Imported again = Import(fs, std::string(kHeader) + kOfficeRow + kPortalRow);
  CHECK(again.ok);
  CHECK(again.errors.empty());
  CHECK(again.outcome.kind == ImportOutcome::Kind::kAlreadyImported);
  CHECK(again.outcome.segment == kBoth);
  CHECK(again.outcome.imported == 0);
  CHECK(fs.Files() == before);
}

TEST_CASE("ImportResponses writes nothing for a part of an earlier import") {
  MemoryFileSystem fs;
  REQUIRE(Import(fs, std::string(kHeader) + kPortalRow + kOfficeRow).ok);
  const Imported part = Import(fs, std::string(kHeader) + kOfficeRow);
  CHECK(part.ok);
  CHECK(part.outcome.kind == ImportOutcome::Kind::kAlreadyImported);
  CHECK(part.outcome.segment == kBoth);
  CHECK(fs.Files().size() == 1);
}

TEST_CASE("ImportResponses replaces an earlier import the new file contains") {
  MemoryFileSystem fs;
  // First with a bad row skipped, then the whole file once it is fixed.
  const Imported first = Import(
      fs, std::string(kHeader) + kPortalRow + "21.11.2026,subsidy,office,может быть,3,,2,3,dissatisfied,Больше окон\n",
      {.skip_invalid = true});
  REQUIRE(first.ok);
  CHECK(first.outcome.segment == kPortalOnly);
  const Imported fixed = Import(fs, std::string(kHeader) + kPortalRow + kOfficeRow);
  CHECK(fixed.ok);
  CHECK(fixed.errors.empty());
  CHECK(fixed.outcome.kind == ImportOutcome::Kind::kWritten);
  CHECK(fixed.outcome.segment == kBoth);
  CHECK(fixed.outcome.replaced == Lines{kPortalOnly});
  CHECK(fixed.outcome.overlapping.empty());
  CHECK(fs.Files() == std::map<std::string, std::string>{{kBoth, std::string(kPortalLine) + kOfficeLine}});
}

TEST_CASE("ImportResponses keeps an earlier import sharing some answers and reports it") {
  MemoryFileSystem fs;
  REQUIRE(Import(fs, std::string(kHeader) + kPortalRow + kOfficeRow).ok);
  const Imported overlapping =
      Import(fs, std::string(kHeader) + kPortalRow + "22.11.2026,pension,portal,,1,,1,1,dissatisfied,\n");
  CHECK(overlapping.ok);
  CHECK(overlapping.outcome.kind == ImportOutcome::Kind::kWritten);
  CHECK(overlapping.outcome.replaced.empty());
  CHECK(overlapping.outcome.overlapping == Lines{kBoth});
  CHECK(fs.Files().size() == 2);
  CHECK(fs.Files().at(kBoth) == std::string(kPortalLine) + kOfficeLine);
}

TEST_CASE("ImportResponses counts two equal answers in one file as two") {
  MemoryFileSystem fs;
  REQUIRE(Import(fs, std::string(kHeader) + kPortalRow).ok);
  // Two respondents may answer alike on the same day: the earlier import holds only one of them.
  const Imported twice = Import(fs, std::string(kHeader) + kPortalRow + kPortalRow);
  CHECK(twice.ok);
  CHECK(twice.outcome.kind == ImportOutcome::Kind::kWritten);
  CHECK(twice.outcome.imported == 2);
  CHECK(twice.outcome.replaced == Lines{kPortalOnly});
  REQUIRE(fs.Files().size() == 1);
  CHECK(fs.Files().at(twice.outcome.segment) == std::string(kPortalLine) + kPortalLine);
  // And importing the pair again writes nothing.
  CHECK(Import(fs, std::string(kHeader) + kPortalRow + kPortalRow).outcome.kind ==
        ImportOutcome::Kind::kAlreadyImported);
}

TEST_CASE("ImportResponses compares with earlier imports only, not with the receiver's segments") {
  MemoryFileSystem fs;
  REQUIRE(fs.WriteFile("data/responses/feedback/r1-2026-11-20.jsonl", kPortalLine).ok());
  REQUIRE(fs.WriteFile("data/responses/feedback/archive/import-paper-0000000000000000.jsonl", kPortalLine).ok());
  REQUIRE(fs.WriteFile("data/responses/other/import-paper-0000000000000000.jsonl", kPortalLine).ok());
  const Imported imported = Import(fs, std::string(kHeader) + kPortalRow);
  CHECK(imported.ok);
  CHECK(imported.outcome.kind == ImportOutcome::Kind::kWritten);
  CHECK(imported.outcome.overlapping.empty());
  CHECK(imported.outcome.replaced.empty());
  CHECK(fs.Files().size() == 4);
}

TEST_CASE("ImportResponses reports a failed write and writes nothing") {
  MemoryFileSystem fs;
  fs.FailWritesUnder("data/responses");
  const Imported imported = Import(fs, std::string(kHeader) + kPortalRow + kOfficeRow);
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors.starts_with(kBoth + ": не удалось записать файл: "));
  CHECK(fs.Files().empty());
}

}  // namespace
}  // namespace otklik::response_import_test
