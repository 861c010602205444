#include "store/decision_sheet.h"

#include <catch2/catch.hpp>

#include "store/decision_file.h"
#include "decision_sheet_fixture.h"

namespace otklik::decision_sheet_test {
namespace {

const std::string kHeader =
    "Код решения;Код услуги;Наименование процесса;Выявленные проблемы/потенциальные потребности клиентов;"
    "Распространенность проблемы;Приоритетность решения проблемы/удовлетворения потребности;Код мероприятия;"
    "Необходимые к реализации мероприятия;Вид мероприятия;Ответственный;Срок реализации;Статус;Дата статуса;"
    "Комментарий к статусу;Дата выявления;Жизненные ситуации;Точки взаимодействия;Основание\r\n";
const std::string kSubsidyCells =
    "subsidy-time;subsidy;Жилищная субсидия;Долго ждать решения о субсидии;132 из 580 респондентов (23\u00A0%);"
    "высокий;";
const std::string kSubsidyTail =
    ";20.04.2026;low-income;mfc, gosuslugi;\"опрос:satisfaction/parameters.speed@2026-q1; "
    "обращения:0002.0007@2026-q1\"\r\n";
const std::string kSheet =
    "\xEF\xBB\xBF" + kHeader + kSubsidyCells +
    "online-application;Подача заявления на портале;Доработка сайта и информационных систем;Отдел субсидий;"
    "30.09.2026;выполняется;01.06.2026;" +
    kSubsidyTail + kSubsidyCells +
    "extra-staff;Ещё два специалиста: приём без очереди;Изменение процесса предоставления услуги;Отдел кадров;"
    "31.12.2026;запланировано;01.05.2026;Штатное расписание согласовано" +
    kSubsidyTail +
    "allowance-docs;allowance;Пособие на ребёнка;Непонятно, какие документы нужны;40 из 300 обращений (13\u00A0%);"
    "средний;checklist;Памятка о документах;Изменение ведомственных актов;Отдел пособий;31.05.2026;выполнено;"
    "20.05.2026;\"Памятка \"\"Документы\"\" на сайте; в МФЦ тоже\";15.03.2026;;;"
    "обращения:0002.0007.0075.0000@2026-q1\r\n";

TEST_CASE("ExportDecisionSheet writes the pain map in priority order, one row per measure") {
  MemoryFileSystem fs;
  PutContent(&fs);
  CHECK(Export(fs) == kSheet);
}

TEST_CASE("Importing an export changes nothing, and exporting again gives the same bytes") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const std::map<std::string, std::string> before = fs.Files();
  const Imported imported = Import(&fs, Export(fs));
  INFO(imported.errors);
  REQUIRE(imported.ok);
  CHECK(imported.errors.empty());
  CHECK(fs.Files() == before);  // the hand-formatted file with comments too
  CHECK(imported.outcome.rows == 3);
  CHECK(imported.outcome.Count(DecisionFileChange::Kind::kUnchanged) == 2);
  CHECK(imported.outcome.Count(DecisionFileChange::Kind::kChanged) == 0);
  CHECK(imported.outcome.Count(DecisionFileChange::Kind::kCreated) == 0);
  CHECK(imported.outcome.untouched.empty());
  CHECK(Export(fs) == kSheet);
}

TEST_CASE("Cells that a spreadsheet would run as formulas are exported with an apostrophe and read back as written") {
  MemoryFileSystem fs;
  PutContent(&fs);
  std::string decision = fs.Files().at("content/decisions/allowance-docs.md");
  const auto replace = [&](const std::string& from, const std::string& to) {
    REQUIRE(decision.find(from) != std::string::npos);
    decision.replace(decision.find(from), from.size(), to);
  };
  replace("title: Памятка о документах", "title: \"=HYPERLINK(\\\"https://evil.example\\\")\"");
  replace("responsible: Отдел пособий", "responsible: \"@SUM(1+1)\"");
  REQUIRE(fs.WriteFile("content/decisions/allowance-docs.md", decision).ok());
  const std::string sheet = Export(fs);
  CHECK(sheet.find(";\"'=HYPERLINK(\"\"https://evil.example\"\")\";") != std::string::npos);
  CHECK(sheet.find(";'@SUM(1+1);") != std::string::npos);
  const std::map<std::string, std::string> before = fs.Files();
  const Imported imported = Import(&fs, sheet);
  INFO(imported.errors);
  REQUIRE(imported.ok);
  CHECK(imported.outcome.Count(DecisionFileChange::Kind::kChanged) == 0);
  CHECK(fs.Files() == before);
}

TEST_CASE("A later status appends a history entry and keeps the body") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const Imported imported =
      Import(&fs, Replaced(kSheet, "выполняется;01.06.2026;", "Выполнено;15.09.2026;Работает с 15 сентября"));
  INFO(imported.errors);
  REQUIRE(imported.ok);
  REQUIRE(imported.outcome.files.size() == 2);
  CHECK(imported.outcome.files[0].path == kAllowancePath);
  CHECK(imported.outcome.files[0].kind == DecisionFileChange::Kind::kUnchanged);
  CHECK(imported.outcome.files[1].path == kSubsidyPath);
  CHECK(imported.outcome.files[1].kind == DecisionFileChange::Kind::kChanged);
  CHECK(FileText(fs, kSubsidyPath) ==
        Replaced(kSubsidy, "      - {date: 2026-06-01, status: in-progress}\n",
                 "      - {date: 2026-06-01, status: in-progress}\n"
                 "      - {date: 2026-09-15, status: done, note: \"Работает с 15 сентября\"}\n"));
  CHECK(FileText(fs, kAllowancePath) == kAllowance);
  CHECK(Export(fs) == Replaced(kSheet, "выполняется;01.06.2026;", "выполнено;15.09.2026;Работает с 15 сентября"));
}

TEST_CASE("A status of the same date corrects the last history entry") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const Imported imported = Import(&fs, Replaced(kSheet, "выполняется;01.06.2026;", "выполняется;01.06.2026;Начали"));
  INFO(imported.errors);
  REQUIRE(imported.ok);
  CHECK(FileText(fs, kSubsidyPath) == Replaced(kSubsidy, "{date: 2026-06-01, status: in-progress}",
                                               "{date: 2026-06-01, status: in-progress, note: \"Начали\"}"));
}

TEST_CASE("A status dated before the last history entry is refused") {
  CHECK(Refused(Replaced(kSheet, "выполняется;01.06.2026;", "выполнено;01.05.2026;")) ==
        "sheet.csv:2: дата статуса 01.05.2026 раньше последней записи в истории мероприятия «online-application» "
        "(01.06.2026, «выполняется»): в таблице можно добавить новый статус или исправить последний, более ранние "
        "записи правятся в content/decisions/subsidy-time.md\n");
}

TEST_CASE("A changed hand-formatted file is written in the canonical form") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const Imported imported = Import(&fs, Replaced(kSheet, "Отдел пособий", "Отдел социальных выплат"));
  INFO(imported.errors);
  REQUIRE(imported.ok);
  CHECK(imported.outcome.files[0].kind == DecisionFileChange::Kind::kChanged);
  CHECK(FileText(fs, kAllowancePath) == R"(---
title: Непонятно, какие документы нужны
service: allowance
identified: 2026-03-15
priority: medium
prevalence:
  count: 40
  base: 300
  unit: appeals
evidence:
  - topic: 0002.0007.0075.0000
    quarter: 2026-q1
measures:
  - id: checklist
    title: Памятка о документах
    kind: act
    responsible: Отдел социальных выплат
    deadline: 2026-05-31
    history:
      - {date: 2026-03-20, status: planned}
      - {date: 2026-05-20, status: done, note: "Памятка \"Документы\" на сайте; в МФЦ тоже"}
---
Текст.
)");
}

TEST_CASE("A new decision gets a file with its first status; measures and decisions left out of the table") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const std::string new_row =
      "new-queue;subsidy;Жилищная субсидия;Очереди в МФЦ;10 из 50 респондентов;низкий;queue;Электронная очередь;"
      "Изменение процесса предоставления услуги;МФЦ;2026-12-01;запланировано;2026-11-01;;01.11.2026;;mfc;"
      "опрос:satisfaction/overall@2026\r\n";
  // Without the allowance decision and without the measure extra-staff (row 3).
  const size_t row3 = kSheet.find(kSubsidyCells + "extra-staff");
  std::string sheet = kSheet.substr(0, row3) + new_row;
  const Imported imported = Import(&fs, sheet);
  INFO(imported.errors);
  REQUIRE(imported.ok);
  REQUIRE(imported.outcome.files.size() == 2);
  CHECK(imported.outcome.files[0].path == "content/decisions/new-queue.md");
  CHECK(imported.outcome.files[0].kind == DecisionFileChange::Kind::kCreated);
  CHECK(imported.outcome.files[1].kind == DecisionFileChange::Kind::kChanged);
  CHECK(imported.outcome.files[1].removed_measures == std::vector<std::string>{"extra-staff"});
  CHECK(imported.outcome.untouched == std::vector<std::string>{kAllowancePath});
  CHECK(FileText(fs, kAllowancePath) == kAllowance);
  CHECK(FileText(fs, "content/decisions/new-queue.md") == R"(---
title: Очереди в МФЦ
service: subsidy
touchpoints: [mfc]
identified: 2026-11-01
priority: low
prevalence:
  count: 10
  base: 50
  unit: respondents
evidence:
  - survey: satisfaction
    question: overall
    period: "2026"
measures:
  - id: queue
    title: Электронная очередь
    kind: process
    responsible: МФЦ
    deadline: 2026-12-01
    history:
      - {date: 2026-11-01, status: planned}
---
)");
  CHECK(FileText(fs, kSubsidyPath).find("extra-staff") == std::string::npos);
}

TEST_CASE("Empty cells of the day identified and the evidence keep those of the file") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const std::map<std::string, std::string> before = fs.Files();
  const Imported imported = Import(&fs, Replaced(kSheet, "15.03.2026;;;обращения:0002.0007.0075.0000@2026-q1", ";;;"));
  INFO(imported.errors);
  REQUIRE(imported.ok);
  CHECK(imported.outcome.Count(DecisionFileChange::Kind::kUnchanged) == 2);
  CHECK(fs.Files() == before);
}

TEST_CASE("A new decision needs its evidence and the day it was identified") {
  const std::string row =
      "new-queue;subsidy;Жилищная субсидия;Очереди в МФЦ;10 из 50 респондентов;низкий;queue;Электронная очередь;"
      "Изменение процесса предоставления услуги;МФЦ;01.12.2026;запланировано;01.11.2026;;;;;\r\n";
  CHECK(Refused(kSheet + row) ==
        "sheet.csv:5: не заполнен столбец «Дата выявления»\n"
        "sheet.csv:5: не заполнен столбец «Основание»\n");
}

TEST_CASE("Cells of the table are checked with their row") {
  SECTION("an unknown service") {
    CHECK(Refused(Replaced(kSheet, "allowance;Пособие", "alowance;Пособие")) ==
          "sheet.csv:4: неизвестная услуга «alowance» (возможно, имелось в виду «allowance»?)\n");
  }
  SECTION("a process name that is not the service's title") {
    CHECK(Refused(Replaced(kSheet, "Пособие на ребёнка", "Пособие на детей")) ==
          "sheet.csv:4: «Наименование процесса» «Пособие на детей» не совпадает с названием услуги «allowance» "
          "(«Пособие на ребёнка», content/services/allowance.md): исправьте одно из двух\n");
  }
  SECTION("a prevalence that is not «N из M …»") {
    CHECK(Refused(Replaced(kSheet, "40 из 300 обращений (13\u00A0%)", "40 обращений из 300")) ==
          "sheet.csv:4: распространённость «40 обращений из 300» не распознана: ожидается «N из M респондентов» или "
          "«N из M обращений», например «132 из 580 респондентов (23 %)»\n");
    CHECK(Refused(Replaced(kSheet, "40 из 300 обращений (13\u00A0%)", "400 из 300 обращений")) ==
          "sheet.csv:4: в распространённости «400 из 300 обращений» 400 больше 300: с проблемой не может "
          "столкнуться больше людей, чем всего\n");
  }
  SECTION("a date that is not a day") {
    CHECK(Refused(Replaced(kSheet, "30.09.2026", "31.09.2026")) ==
          "sheet.csv:2: дата «31.09.2026» в столбце «Срок реализации» не распознана: ожидается ДД.ММ.ГГГГ или "
          "ГГГГ-ММ-ДД\n");
  }
  SECTION("decision cells that differ between its rows") {
    CHECK(Refused(Replaced(kSheet, "высокий", "средний", 2)) ==
          "sheet.csv:3: «Приоритетность решения проблемы/удовлетворения потребности» отличается от строки 2 того же "
          "решения\n");
  }
  SECTION("an unknown label") {
    CHECK(Refused(Replaced(kSheet, "выполнено;20.05.2026", "сделано;20.05.2026")) ==
          "sheet.csv:4: недопустимое значение «сделано» в столбце «Статус»; допустимые значения: запланировано, "
          "выполняется, выполнено, отменено\n");
  }
  SECTION("evidence that is not written as such") {
    CHECK(Refused(Replaced(kSheet, "обращения:0002.0007.0075.0000@2026-q1", "обращения 0002.0007.0075.0000")) ==
          "sheet.csv:4: основание «обращения 0002.0007.0075.0000» не распознано: ожидается "
          "опрос:<опрос>/<вопрос>[.<строка>]@<период>, обращения:<тема>@<квартал> или "
          "тема:<тема>/<опрос>[/<вопрос>]@<период>, несколько — через «; »\n");
  }
  SECTION("a cancellation without a reason") {
    CHECK(Refused(Replaced(kSheet, "выполняется;01.06.2026;", "отменено;02.06.2026;")) ==
          "sheet.csv:2: мероприятие отменено без причины: укажите её в столбце «Комментарий к статусу»\n");
  }
  SECTION("a repeated measure") {
    CHECK(Refused(Replaced(kSheet, "extra-staff", "online-application")) ==
          "sheet.csv:3: мероприятие «online-application» уже есть в строке 2 того же решения\n");
  }
  SECTION("a decision id that cannot name a file") {
    CHECK(Refused(Replaced(kSheet, "allowance-docs;", "Allowance docs;")) ==
          "sheet.csv:4: код решения «Allowance docs» не годится для имени файла: используйте строчные латинские "
          "буквы, цифры и дефис\n");
  }
}

TEST_CASE("What LoadDecisions finds in the resulting files is reported by the table's rows") {
  SECTION("an evidence reference, at the decision's first row") {
    std::string sheet = Replaced(kSheet, "parameters.speed", "parameters.sped", 1);
    CHECK(Refused(Replaced(sheet, "parameters.speed", "parameters.sped", 1)) ==
          "sheet.csv:2: в вопросе «parameters» нет строки «sped» (возможно, имелось в виду «speed»?)\n");
  }
  SECTION("a status date in the future, at the measure's row") {
    CHECK(Refused(Replaced(kSheet, "запланировано;01.05.2026", "выполняется;01.05.2099")) ==
          "sheet.csv:3: дата статуса 2099-05-01 ещё не наступила; проверьте год\n");
  }
  SECTION("an unknown touchpoint") {
    std::string sheet = Replaced(kSheet, "mfc, gosuslugi", "mfc, gosuslgi");
    CHECK(Refused(Replaced(sheet, "mfc, gosuslugi", "mfc, gosuslgi")) ==
          "sheet.csv:2: неизвестная точка взаимодействия «gosuslgi» (возможно, имелось в виду «gosuslugi»?)\n");
  }
}

TEST_CASE("The table's columns are checked by their names") {
  CHECK(Refused(Replaced(Replaced(kSheet, "Ответственный", "Исполнитель"), ";Основание", ";Источник")) ==
        "sheet.csv:1: неизвестный столбец «Исполнитель»: удалите его или назовите, как в выгрузке otklik export "
        "decisions\n"
        "sheet.csv:1: неизвестный столбец «Источник»: удалите его или назовите, как в выгрузке otklik export "
        "decisions\n"
        "sheet.csv:1: нет столбца «Ответственный»\n"
        "sheet.csv:1: нет столбца «Основание»\n");
}

TEST_CASE("A table saved with commas, without a byte order mark, with ISO dates and other case reads the same") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const std::map<std::string, std::string> before = fs.Files();
  std::string header = kHeader.substr(0, kHeader.size() - 2);
  std::replace(header.begin(), header.end(), ';', ',');
  const Imported imported =
      Import(&fs, header +
                      "\nallowance-docs,allowance,пособие на ребёнка,\"Непонятно, какие документы нужны\",40 из 300 "
                      "обращений,Средний,checklist,Памятка о документах,ИЗМЕНЕНИЕ ВЕДОМСТВЕННЫХ АКТОВ,Отдел пособий,"
                      "2026-05-31,Выполнено,2026-05-20,\"Памятка \"\"Документы\"\" на сайте; в МФЦ тоже\",15.3.2026,,,"
                      "Обращения:0002.0007.0075.0000@2026-q1\n");
  INFO(imported.errors);
  REQUIRE(imported.ok);
  REQUIRE(imported.outcome.files.size() == 1);
  CHECK(imported.outcome.files[0].kind == DecisionFileChange::Kind::kUnchanged);
  CHECK(imported.outcome.untouched == std::vector<std::string>{kSubsidyPath});
  CHECK(fs.Files() == before);
}

TEST_CASE("A dry run reports the changes and writes nothing") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const std::map<std::string, std::string> before = fs.Files();
  const Imported imported = Import(&fs, Replaced(kSheet, "Отдел кадров", "Отдел персонала"), true);
  INFO(imported.errors);
  REQUIRE(imported.ok);
  CHECK(imported.outcome.Count(DecisionFileChange::Kind::kChanged) == 1);
  CHECK(fs.Files() == before);
}

TEST_CASE("DecisionFileText reads back as the same decision") {
  MemoryFileSystem fs;
  PutContent(&fs);
  Decision decision = Load(fs).decisions.back();
  REQUIRE(decision.id == "subsidy-time");
  decision.title = "- «Долго»: ждать # решения";
  decision.measures[0].title = "null";
  decision.measures[0].responsible = "yes";
  decision.measures[1].title = "[МФЦ] {приём}, \"очередь\" 'да'";
  decision.measures[1].responsible = " Отдел\\кадров ";
  decision.measures[1].history[0].note = "Строка 1\nСтрока 2\tтабуляция, \"кавычки\" и \\";
  decision.body = "\n# Заголовок\n\n---\nТекст.";
  const std::string text = DecisionFileText(decision);
  REQUIRE(fs.WriteFile(kSubsidyPath, text).ok());
  const Loaded loaded = Load(fs);
  const Decision& read = loaded.decisions.back();
  CHECK(read.title == decision.title);
  CHECK(read.measures[0].title == "null");
  CHECK(read.measures[0].responsible == "yes");
  CHECK(read.measures[1].title == decision.measures[1].title);
  CHECK(read.measures[1].responsible == decision.measures[1].responsible);
  CHECK(read.measures[1].history[0].note == decision.measures[1].history[0].note);
  CHECK(read.body == decision.body);
  CHECK(DecisionFileText(read) == text);
  // The canonical text of a file already in that form is the file itself.
  MemoryFileSystem original;
  PutContent(&original);
  CHECK(DecisionFileText(Load(original).decisions.back()) == kSubsidy);
}

}  // namespace
}  // namespace otklik::decision_sheet_test
