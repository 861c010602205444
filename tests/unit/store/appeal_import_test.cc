#include "store/appeal_import.h"

#include <catch2/catch.hpp>

#include "model/appeal.h"

namespace otklik::appeal_import_test {
namespace {

const Date kToday(2026, 11, 23);
const std::string kQ3 = "content/appeals/2026-q3.csv";
const std::string kQ4 = "content/appeals/2026-q4.csv";
const std::string kHeader = "registered;answered;channel;kind;topic;outcome;reason\n";

std::vector<Touchpoint> Touchpoints() {
  std::vector<Touchpoint> touchpoints(3);
  touchpoints[0].id = "gosuslugi";
  touchpoints[1].id = "hotline";
  touchpoints[2].id = "mfc";
  return touchpoints;
}

// Reasons, classifier and a published report for 2026-q3.
void PutContent(MemoryFileSystem* fs) {
  REQUIRE(fs->WriteFile("content/appeals/reasons.yaml",
                        "- {id: late-payment, title: Задержка выплаты}\n"
                        "- {id: documents, title: \"Непонятно, какие документы нужны\"}\n")
              .ok());
  REQUIRE(fs->WriteFile("content/appeals/classifier.yaml",
                        "0002.0007.0075.0000: Выплата пособий, компенсаций\n"
                        "0002.0007.0076.0000: Социальное обслуживание\n")
              .ok());
  REQUIRE(
      fs->WriteFile("content/reports/2026-q3.yaml", "published: 2026-11-12\nsummary: Обращений стало меньше.\n").ok());
}

// A registry export as Excel saves it in Russian: ';', the registry's own names and words, a registration time,
// the registry number and the applicant's name (both to be ignored).
const std::string kExport =
    "Рег. номер;Дата регистрации;Дата ответа;Способ поступления;Вид обращения;Тематика;Результат;Причина;"
    "ФИО заявителя\n"
    "01-1234;05.10.2026 09:12;20.10.2026;Портал ЕПГУ;Жалоба;0002.0007.0075.0000;Поддержано;Задержка выплаты;"
    "Иванов Иван Иванович\n"
    "01-1235;01.10.2026;;Горячая линия;Обращение;0002.0007.0076.0000;На рассмотрении;;Петрова А. С.\n"
    "\n"
    "01-1236;2026-10-01;2026-10-02;МФЦ;Запрос;0002.0007.0075.0000;Разъяснено;Документы;Сидоров Пётр Петрович\n";

const std::string kMapping = R"(ignore: [Рег. номер, ФИО заявителя]
columns:
  registered: Дата регистрации
  answered: Дата ответа
  channel: Способ поступления
  kind: Вид обращения
  topic: Тематика
  outcome: Результат
  reason: Причина
values:
  channel: {Портал ЕПГУ: gosuslugi, Горячая линия: hotline, МФЦ: mfc}
  kind: {Обращение: appeal, Жалоба: complaint, Запрос: request}
  outcome: {Поддержано: supported, Разъяснено: explained, На рассмотрении: in-progress, Отказано: refused}
  reason: {Задержка выплаты: late-payment, Документы: documents}
)";

// kExport's three rows, sorted by registration day and then by row (rows 3 and 5 are both of 1 October).
const std::string kExportQ4 = kHeader +
                              "2026-10-01;;hotline;appeal;0002.0007.0076.0000;in-progress;\n"
                              "2026-10-01;2026-10-02;mfc;request;0002.0007.0075.0000;explained;documents\n"
                              "2026-10-05;2026-10-20;gosuslugi;complaint;0002.0007.0075.0000;supported;late-payment\n";

struct Imported {
  bool ok = false;
  AppealImportOutcome outcome;
  std::string errors;
};

AppealMapping Mapping(const std::string& yaml) {
  Diagnostics diagnostics;
  std::optional<AppealMapping> mapping = ParseAppealMapping("mapping.yaml", yaml, Touchpoints(), &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(mapping);
  return *mapping;
}

Imported Import(MemoryFileSystem* fs, const std::string& csv, const AppealMapping& mapping, bool skip_invalid = false) {
  Diagnostics diagnostics;
  const std::optional<CsvTable> table = ParseCsv("export.csv", csv, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(table);
  Imported out;
  out.ok = ImportAppeals(*fs, "export.csv", *table, mapping, Touchpoints(), {"content", kToday, skip_invalid},
                         &out.outcome, &diagnostics);
  out.errors = diagnostics.ToString();
  return out;
}

std::string FileText(const MemoryFileSystem& fs, const std::string& path) {
  Result<std::string> text = fs.ReadFile(path);
  REQUIRE(text.ok());
  return text.value();
}

// The errors ParseAppealMapping reports for `yaml`, which must be refused.
std::string MappingErrors(const std::string& yaml) {
  Diagnostics diagnostics;
  CHECK_FALSE(ParseAppealMapping("mapping.yaml", yaml, Touchpoints(), &diagnostics));
  return diagnostics.ToString();
}

// Everything the import wrote under content/appeals/ besides the two lists.
std::map<std::string, std::string> QuarterFiles(const MemoryFileSystem& fs) {
  std::map<std::string, std::string> files = fs.Files();
  std::erase_if(files, [](const auto& file) { return !file.first.ends_with(".csv"); });
  return files;
}

TEST_CASE("ImportAppeals writes a mapped export as a canonical quarter file") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const Imported imported = Import(&fs, kExport, Mapping(kMapping));
  INFO(imported.errors);
  REQUIRE(imported.ok);
  CHECK(imported.errors.empty());
  CHECK(imported.outcome.rows == 3);
  CHECK(imported.outcome.imported == 3);
  CHECK(imported.outcome.invalid.empty());
  REQUIRE(imported.outcome.quarters.size() == 1);
  const AppealQuarterFile& file = imported.outcome.quarters[0];
  CHECK(file.path == kQ4);
  CHECK(file.key == "2026-q4");
  CHECK_FALSE(file.existed);
  CHECK_FALSE(file.before);
  CHECK(file.after == 3);
  CHECK(file.changed);
  CHECK(file.published_report.empty());
  CHECK(FileText(fs, kQ4) == kExportQ4);
  CHECK(QuarterFiles(fs).size() == 1);

  SECTION("and the build reads it back") {
    Diagnostics diagnostics;
    const std::optional<Appeals> appeals = LoadAppeals(fs, "content", Touchpoints(), kToday, &diagnostics);
    INFO(diagnostics.ToString());
    REQUIRE(appeals);
    REQUIRE(appeals->quarters.size() == 1);
    CHECK(appeals->quarters[0].records.size() == 3);
  }
}

TEST_CASE("ImportAppeals reads an export named with our ids without a mapping and drops times of day") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const std::string csv =
      "reason,outcome,topic,kind,channel,answered,registered\n"
      ",explained,0002.0007.0075.0000,appeal,mfc,2026-11-03 17:05:00,2026-11-02 09:14\n";
  const Imported imported = Import(&fs, csv, AppealMapping());
  INFO(imported.errors);
  REQUIRE(imported.ok);
  CHECK(FileText(fs, kQ4) == kHeader + "2026-11-02;2026-11-03;mfc;appeal;0002.0007.0075.0000;explained;\n");
}

TEST_CASE("ImportAppeals refuses columns that are neither mapped nor ignored, and missing ones") {
  MemoryFileSystem fs;
  PutContent(&fs);
  AppealMapping mapping = Mapping(kMapping);
  mapping.ignore = {"ФИО заявителя"};
  mapping.columns.erase("reason");
  const Imported imported = Import(&fs, kExport, mapping);
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors ==
        "export.csv:1: столбец «Рег. номер» не сопоставлен ни с одним столбцом обращений: укажите его в columns или "
        "ignore файла сопоставления\n"
        "export.csv:1: столбец «Причина» не сопоставлен ни с одним столбцом обращений: укажите его в columns или "
        "ignore файла сопоставления\n"
        "export.csv:1: нет столбца «reason» (основная причина из reasons.yaml; может быть пустой): назовите так "
        "столбец выгрузки или укажите его название в columns файла сопоставления\n");
  CHECK(QuarterFiles(fs).empty());

  SECTION("a mapped column the export does not have") {
    mapping = Mapping(kMapping);
    mapping.columns["answered"] = "Дата ответа заявителю";
    mapping.ignore.insert("Дата ответа");
    CHECK(Import(&fs, kExport, mapping).errors ==
          "export.csv:1: нет столбца «Дата ответа заявителю», указанного в columns для answered (дата "
          "окончательного ответа)\n");
  }
  SECTION("a typo of our id without a mapping") {
    const Imported typo = Import(&fs, "registered;answered;chanel;kind;topic;outcome;reason\n", AppealMapping());
    CHECK(typo.errors ==
          "export.csv:1: столбец «chanel» не сопоставлен ни с одним столбцом обращений (возможно, имелось в виду "
          "«channel»?): укажите его в columns или ignore файла сопоставления\n"
          "export.csv:1: нет столбца «channel» (точка взаимодействия, через которую поступило обращение): назовите "
          "так столбец выгрузки или укажите его название в columns файла сопоставления\n");
  }
}

TEST_CASE("ImportAppeals drops an ignored personal-data column and refuses one that is not ignored") {
  MemoryFileSystem fs;
  PutContent(&fs);
  AppealMapping mapping = Mapping(kMapping);
  mapping.ignore.erase("ФИО заявителя");
  const Imported refused = Import(&fs, kExport, mapping);
  CHECK_FALSE(refused.ok);
  CHECK(refused.errors ==
        "export.csv:1: столбец «ФИО заявителя» похож на персональные данные: добавьте его в ignore файла "
        "сопоставления, чтобы он не загружался\n");
  CHECK(QuarterFiles(fs).empty());

  const Imported ignored = Import(&fs, kExport, Mapping(kMapping));
  REQUIRE(ignored.ok);
  const std::string written = FileText(fs, kQ4);
  CHECK(written.find("Иванов") == std::string::npos);
  CHECK(written.find("01-1234") == std::string::npos);
}

TEST_CASE("ImportAppeals refuses a row with personal data in a cell and never quotes it") {
  MemoryFileSystem fs;
  PutContent(&fs);
  std::string csv = kExport;
  csv.replace(csv.find(";Документы;"), std::string(";Документы;").size(), ";звонила с 8 912 345-67-89;");
  csv.replace(csv.find("0002.0007.0076.0000"), std::string("0002.0007.0076.0000").size(), "petrova@mail.ru");
  csv.replace(csv.find(";20.10.2026;"), std::string(";20.10.2026;").size(), ";+7 921 555-44-33;");
  const Imported imported = Import(&fs, csv, Mapping(kMapping));
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors ==
        "export.csv:2: в строке есть персональные данные (телефон); в файлах обращений их быть не должно\n"
        "export.csv:3: в строке есть персональные данные (адрес электронной почты); в файлах обращений их быть не "
        "должно\n"
        "export.csv:5: в строке есть персональные данные (телефон); в файлах обращений их быть не должно\n");
  CHECK(imported.outcome.invalid == std::vector<int>{2, 3, 5});
  CHECK(QuarterFiles(fs).empty());
}

TEST_CASE("ImportAppeals reports bad rows by the export's row numbers and writes nothing") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const std::string csv = kExport +
                          "01-1237;03.10.2026;01.10.2026;Почта России;Жалоба;0002.0007.0075.0000;Отказано;;Орлов\n"
                          "01-1238;01.12.2026;;МФЦ;Претензия;0002.0007.0075.0000;Поддержано;;\n";
  const Imported imported = Import(&fs, csv, Mapping(kMapping));
  CHECK_FALSE(imported.ok);
  CHECK(imported.errors ==
        "export.csv:6: дата ответа 01.10.2026 раньше даты регистрации 03.10.2026\n"
        "export.csv:6: неизвестная точка взаимодействия «Почта России»\n"
        "export.csv:7: дата регистрации 01.12.2026 ещё не наступила (дата сборки 23.11.2026)\n"
        "export.csv:7: не заполнен столбец «answered» (дата окончательного ответа): пустым он может быть только при "
        "результате in-progress или no-answer\n"
        "export.csv:7: недопустимое значение «Претензия» в столбце «kind»; допустимые значения: appeal, complaint, "
        "request, proposal\n");
  CHECK(imported.outcome.rows == 5);
  CHECK(imported.outcome.invalid == std::vector<int>{6, 7});
  CHECK(imported.outcome.quarters.empty());
  CHECK(QuarterFiles(fs).empty());

  SECTION("--skip-invalid imports the good rows and lists the bad ones") {
    const Imported skipped = Import(&fs, csv, Mapping(kMapping), true);
    REQUIRE(skipped.ok);
    CHECK(skipped.errors == imported.errors);
    CHECK(skipped.outcome.invalid == std::vector<int>{6, 7});
    CHECK(skipped.outcome.imported == 3);
    REQUIRE(skipped.outcome.quarters.size() == 1);
    CHECK(FileText(fs, kQ4) == kExportQ4);
  }
  SECTION("--skip-invalid with no good row writes nothing") {
    const Imported none =
        Import(&fs, kHeader + "2026-11-01;;mfc;appeal;0002.0007.0075.0000;nope;\n", AppealMapping(), true);
    CHECK(none.ok);
    CHECK(none.outcome.invalid == std::vector<int>{2});
    CHECK(none.outcome.quarters.empty());
    CHECK(QuarterFiles(fs).empty());
  }
}

TEST_CASE("ImportAppeals splits an export by quarter and warns about a published report") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const std::string csv = kExport +
                          "01-1100;30.09.2026;15.10.2026;МФЦ;Обращение;0002.0007.0075.0000;Разъяснено;;\n"
                          "01-1101;01.07.2026;02.07.2026;Горячая линия;Жалоба;0002.0007.0076.0000;Отказано;;\n";
  const Imported imported = Import(&fs, csv, Mapping(kMapping));
  INFO(imported.errors);
  REQUIRE(imported.ok);
  REQUIRE(imported.outcome.quarters.size() == 2);
  const AppealQuarterFile& q3 = imported.outcome.quarters[0];
  CHECK(q3.path == kQ3);
  CHECK(q3.after == 2);
  CHECK(q3.published_report == "content/reports/2026-q3.yaml");
  CHECK(imported.outcome.quarters[1].path == kQ4);
  CHECK(imported.outcome.quarters[1].published_report.empty());
  CHECK(FileText(fs, kQ3) == kHeader +
                                 "2026-07-01;2026-07-02;hotline;complaint;0002.0007.0076.0000;refused;\n"
                                 "2026-09-30;2026-10-15;mfc;appeal;0002.0007.0075.0000;explained;\n");
  CHECK(FileText(fs, kQ4) == kExportQ4);
}

TEST_CASE("ImportAppeals replaces an existing quarter file and leaves an identical one alone") {
  MemoryFileSystem fs;
  PutContent(&fs);
  REQUIRE(fs.WriteFile(kQ4,
                       "registered,answered,channel,kind,topic,outcome,reason\n"
                       "01.10.2026,,hotline,appeal,0002.0007.0076.0000,in-progress,\n"
                       "\n"
                       "02.10.2026,,mfc,appeal,0002.0007.0076.0000,in-progress,\n")
              .ok());
  const Imported replaced = Import(&fs, kExport, Mapping(kMapping));
  REQUIRE(replaced.ok);
  REQUIRE(replaced.outcome.quarters.size() == 1);
  const AppealQuarterFile& file = replaced.outcome.quarters[0];
  CHECK(file.existed);
  CHECK(file.before == 2u);
  CHECK(file.after == 3);
  CHECK(file.changed);
  CHECK(FileText(fs, kQ4) == kExportQ4);

  fs.FailWritesUnder("content/");  // an unchanged file must not be written at all
  const Imported again = Import(&fs, kExport, Mapping(kMapping));
  INFO(again.errors);
  REQUIRE(again.ok);
  REQUIRE(again.outcome.quarters.size() == 1);
  CHECK(again.outcome.quarters[0].before == 3u);
  CHECK_FALSE(again.outcome.quarters[0].changed);
  CHECK(FileText(fs, kQ4) == kExportQ4);
}

TEST_CASE("ImportAppeals reads dates in the mapping's format") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const std::string csv =
      "registered;answered;channel;kind;topic;outcome;reason\n"
      "10/5/2026 14:02:11;10/20/2026;mfc;appeal;0002.0007.0075.0000;explained;\n"
      "13/10/2026;10/20/2026;mfc;appeal;0002.0007.0075.0000;explained;\n"
      "10/06/2026;20.10.2026;mfc;appeal;0002.0007.0075.0000;nope;\n";
  const Imported imported = Import(&fs, csv, Mapping("date: MM/DD/YYYY\n"), true);
  INFO(imported.errors);
  REQUIRE(imported.ok);
  CHECK(imported.errors ==
        "export.csv:3: дата «13/10/2026» в столбце «registered» не распознана: ожидается MM/DD/YYYY, как указано в "
        "date файла сопоставления\n"
        "export.csv:4: дата «20.10.2026» в столбце «answered» не распознана: ожидается MM/DD/YYYY, как указано в "
        "date файла сопоставления\n"
        "export.csv:4: недопустимое значение «nope» в столбце «outcome»; допустимые значения: supported, measures, "
        "explained, refused, redirected, no-answer, in-progress\n");
  CHECK(FileText(fs, kQ4) == kHeader + "2026-10-05;2026-10-20;mfc;appeal;0002.0007.0075.0000;explained;\n");

  SECTION("without a format the dates of quarter files are expected") {
    const Imported plain = Import(&fs, csv, AppealMapping(), true);
    INFO(plain.errors);
    CHECK(plain.errors.find("export.csv:2: дата «10/5/2026» в столбце «registered» не распознана: ожидается "
                            "ГГГГ-ММ-ДД или ДД.ММ.ГГГГ\n") != std::string::npos);
  }
}

TEST_CASE("ImportAppeals refuses to import while the content's lists are broken") {
  MemoryFileSystem fs;
  PutContent(&fs);
  REQUIRE(fs.WriteFile("content/appeals/reasons.yaml", "- {id: Late, title: Задержка}\n").ok());
  const Imported imported = Import(&fs, kExport, Mapping(kMapping));
  CHECK_FALSE(imported.ok);
  CHECK(imported.outcome.content_errors);
  CHECK(imported.errors ==
        "content/appeals/reasons.yaml:1: идентификатор «Late» не годится: используйте строчные латинские буквы, "
        "цифры и дефис\n");
  CHECK(QuarterFiles(fs).empty());
}

TEST_CASE("ParseAppealMapping reports every problem with its line") {
  CHECK(MappingErrors("date: ДД.ММ.ГГ\n"
                      "ignore: [ID, Канал]\n"
                      "columns:\n"
                      "  chanel: Канал\n"
                      "  registered: Дата\n"
                      "  answered: Дата\n"
                      "  channel: Канал\n"
                      "values:\n"
                      "  kind: {Жалоба: complain, Обращение: appeal}\n"
                      "  channel: {ЕПГУ: portal}\n"
                      "  reason: {Документы: documents, Нет: \"\"}\n"
                      "separator: \",\"\n") ==
        "mapping.yaml:1: формат даты «ДД.ММ.ГГ» не понятен: нужны ДД, ММ и ГГГГ (или DD, MM и YYYY) по одному разу и "
        "знаки между ними, например ДД/ММ/ГГГГ или MM/DD/YYYY\n"
        "mapping.yaml:4: столбца «chanel» в файлах обращений нет (возможно, имелось в виду «channel»?); столбцы: "
        "registered, answered, channel, kind, topic, outcome, reason\n"
        "mapping.yaml:6: столбец «Дата» уже сопоставлен с registered\n"
        "mapping.yaml:7: столбец «Канал» указан и в columns, и в ignore: оставьте одно\n"
        "mapping.yaml:9: недопустимое значение «complain» для столбца «kind» (возможно, имелось в виду "
        "«complaint»?); допустимые значения: appeal, complaint, request, proposal\n"
        "mapping.yaml:10: недопустимое значение «portal» для столбца «channel»; допустимые значения: gosuslugi, "
        "hotline, mfc\n"
        "mapping.yaml:12: неизвестное поле «separator»\n");
}

TEST_CASE("ParseAppealMapping reads values that empty a cell and Cyrillic or Latin date formats") {
  const AppealMapping mapping = Mapping("date: ДД/ММ/ГГГГ\nvalues:\n  answered: {\"—\": \"\"}\n");
  CHECK(mapping.date == "ДД/ММ/ГГГГ");
  CHECK(mapping.values.at("answered").at("—").empty());
  CHECK(Mapping("date: YYYY.MM.DD\n").date == "YYYY.MM.DD");
}

}  // namespace
}  // namespace otklik::appeal_import_test
