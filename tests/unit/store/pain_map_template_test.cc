#include "store/pain_map_template.h"

#include <catch2/catch.hpp>

#include "decision_sheet_fixture.h"

namespace otklik::pain_map_template_test {
namespace {

// The template's header as an editor saves it from Excel: «№ п/п» first, ';' between cells, CRLF.
const std::string kTemplateHeader =
    "№ п/п;Наименование процесса;Выявленные проблемы/потенциальные потребности клиентов;Распространенность проблемы;"
    "Приоритетность решения проблемы/удовлетворения потребности;Необходимые к реализации мероприятия;Ответственный;"
    "Срок реализации\r\n";

// Two new problems: the first with two measures in merged cells, under a row numbering the columns.
const std::string kNewProblems =
    kTemplateHeader +
    "1;2;3;4;5;6;7;8\r\n"
    "1;Жилищная субсидия;Очереди в МФЦ при подаче заявления;45 из 580 респондентов (8 %);Высокая;"
    "Электронная очередь с записью через сайт;Отдел жилищных субсидий;IV квартал 2026\r\n"
    ";;;;;Окно приёма по субботам;Отдел кадров;31.12.2026\r\n"
    "2;Пособие на ребёнка;Непонятно, когда придут деньги;12 из 300 обращений;низкий;Уведомление о дате выплаты;"
    "Отдел пособий;1 полугодие 2027\r\n";

const std::string kQueuesPath = "content/decisions/ocheredi-v-mfts-pri-podache-zayavleniya.md";
const std::string kMoneyPath = "content/decisions/neponyatno-kogda-pridut-dengi.md";

const std::string kQueues = R"(---
title: Очереди в МФЦ при подаче заявления
service: subsidy
identified: 2026-11-01
priority: high
prevalence:
  count: 45
  base: 580
  unit: respondents
evidence: []
measures:
  - id: elektronnaya-ochered-s-zapisyu-cherez
    title: Электронная очередь с записью через сайт
    kind: process
    responsible: Отдел жилищных субсидий
    deadline: 2026-12-31
    history:
      - {date: 2026-11-01, status: planned}
  - id: okno-priema-po-subbotam
    title: Окно приёма по субботам
    kind: process
    responsible: Отдел кадров
    deadline: 2026-12-31
    history:
      - {date: 2026-11-01, status: planned}
---
)";

const std::string kMoney = R"(---
title: Непонятно, когда придут деньги
service: allowance
identified: 2026-11-01
priority: low
prevalence:
  count: 12
  base: 300
  unit: appeals
evidence: []
measures:
  - id: uvedomlenie-o-date-vyplaty
    title: Уведомление о дате выплаты
    kind: process
    responsible: Отдел пособий
    deadline: 2027-06-30
    history:
      - {date: 2026-11-01, status: planned}
---
)";

const std::vector<std::string> kDefaults = {
    "дата выявления проблемы — 01.11.2026 (день импорта)",
    "основание (вопрос опроса или тема обращений) не указано: на странице решения не будет ссылки на результаты, "
    "эффект не оценивается",
    "жизненные ситуации — те, к которым относится услуга; точки взаимодействия не указаны",
    "вид мероприятия — «Изменение процесса предоставления услуги»",
    "статус мероприятия — «запланировано» с 01.11.2026"};

// The subsidy decision of the fixture as the template has it: one measure kept, one new, one left out.
const std::string kKnownProblem =
    kTemplateHeader +
    "1;Жилищная субсидия;долго ждать решения о субсидии;150 из 600 респондентов;средний;Подача заявления на портале;"
    "Отдел цифровых сервисов;30.09.2026\r\n"
    ";;;;;Выездной приём в сёлах;Отдел субсидий;II квартал 2027\r\n";

TEST_CASE("The template's header is told from the full table's by the columns only the full table has") {
  CHECK(IsPainMapTemplate({"Наименование процесса", "Ответственный"}));
  CHECK(IsPainMapTemplate(
      {"№ п/п", "наименование  процесса", "Выявленные проблемы / потенциальные потребности клиентов"}));
  CHECK_FALSE(IsPainMapTemplate(DecisionSheetColumns()));
  CHECK_FALSE(IsPainMapTemplate({"Наименование процесса", "Ответственный", "статус"}));
  CHECK(PainMapTemplateColumns().size() == 7);
  CHECK(PainMapTemplateColumns().front() == "Наименование процесса");
  CHECK(PainMapTemplateColumns().back() == "Срок реализации");
}

TEST_CASE("A table in the template's seven columns creates decisions with ids from their text and stated defaults") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const Imported imported = Import(&fs, kNewProblems);
  INFO(imported.errors);
  REQUIRE(imported.ok);
  CHECK(imported.outcome.template_columns);
  REQUIRE(imported.outcome.files.size() == 2);
  CHECK(imported.outcome.files[0].path == kMoneyPath);
  CHECK(imported.outcome.files[0].kind == DecisionFileChange::Kind::kCreated);
  CHECK(imported.outcome.files[1].path == kQueuesPath);
  CHECK(imported.outcome.files[1].kind == DecisionFileChange::Kind::kCreated);
  CHECK(imported.outcome.untouched == std::vector<std::string>{kAllowancePath, kSubsidyPath});
  CHECK(imported.outcome.defaults == kDefaults);
  CHECK(imported.outcome.warnings.empty());
  CHECK(FileText(fs, kQueuesPath) == kQueues);
  CHECK(FileText(fs, kMoneyPath) == kMoney);
  CHECK(FileText(fs, kSubsidyPath) == kSubsidy);
  CHECK(FileText(fs, kAllowancePath) == kAllowance);
}

TEST_CASE("Importing the same template again recognises every row and writes nothing") {
  MemoryFileSystem fs;
  PutContent(&fs);
  REQUIRE(Import(&fs, kNewProblems).ok);
  const std::map<std::string, std::string> before = fs.Files();
  const Imported again = Import(&fs, kNewProblems);
  INFO(again.errors);
  REQUIRE(again.ok);
  CHECK(again.outcome.Count(DecisionFileChange::Kind::kUnchanged) == 2);
  CHECK(again.outcome.Count(DecisionFileChange::Kind::kCreated) == 0);
  CHECK(again.outcome.defaults.empty());
  CHECK(fs.Files() == before);
}

TEST_CASE("What an editor adds to an imported file survives the next import of the template") {
  MemoryFileSystem fs;
  PutContent(&fs);
  REQUIRE(Import(&fs, kNewProblems).ok);
  std::string edited = Replaced(kMoney, "evidence: []\n", "touchpoints: [gosuslugi]\nidentified: 2026-10-01\n");
  edited = Replaced(edited, "identified: 2026-11-01\n", "");
  edited = Replaced(edited, "kind: process", "kind: site");
  edited = Replaced(edited, "      - {date: 2026-11-01, status: planned}\n",
                    "      - {date: 2026-10-01, status: planned}\n"
                    "      - {date: 2026-10-20, status: done}\n"
                    "evidence:\n  - topic: 0002.0007.0075.0000\n    quarter: 2026-q1\n");
  edited = Replaced(edited, "---\n", "---\nПодробно.\n", 2);
  REQUIRE(fs.WriteFile(kMoneyPath, edited).ok());
  const Imported again = Import(&fs, Replaced(kNewProblems, "Отдел пособий", "Отдел выплат"));
  INFO(again.errors);
  REQUIRE(again.ok);
  CHECK(again.outcome.Count(DecisionFileChange::Kind::kChanged) == 1);
  CHECK(again.outcome.defaults.empty());
  CHECK(FileText(fs, kMoneyPath) == R"(---
title: Непонятно, когда придут деньги
service: allowance
touchpoints: [gosuslugi]
identified: 2026-10-01
priority: low
prevalence:
  count: 12
  base: 300
  unit: appeals
evidence:
  - topic: 0002.0007.0075.0000
    quarter: 2026-q1
measures:
  - id: uvedomlenie-o-date-vyplaty
    title: Уведомление о дате выплаты
    kind: site
    responsible: Отдел выплат
    deadline: 2027-06-30
    history:
      - {date: 2026-10-01, status: planned}
      - {date: 2026-10-20, status: done}
---
Подробно.
)");
}

TEST_CASE("A problem already on the map is recognised by its service and text") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const Imported imported = Import(&fs, kKnownProblem);
  INFO(imported.errors);
  REQUIRE(imported.ok);
  REQUIRE(imported.outcome.files.size() == 1);
  CHECK(imported.outcome.files[0].path == kSubsidyPath);
  CHECK(imported.outcome.files[0].kind == DecisionFileChange::Kind::kChanged);
  CHECK(imported.outcome.files[0].removed_measures == std::vector<std::string>{"extra-staff"});
  CHECK(imported.outcome.untouched == std::vector<std::string>{kAllowancePath});
  CHECK(imported.outcome.defaults == std::vector<std::string>{kDefaults[3], kDefaults[4]});
  CHECK(FileText(fs, kSubsidyPath) == R"(---
title: долго ждать решения о субсидии
service: subsidy
situations: [low-income]
touchpoints: [mfc, gosuslugi]
identified: 2026-04-20
priority: medium
prevalence:
  count: 150
  base: 600
  unit: respondents
evidence:
  - survey: satisfaction
    question: parameters
    row: speed
    period: 2026-q1
  - topic: "0002.0007"
    quarter: 2026-q1
measures:
  - id: online-application
    title: Подача заявления на портале
    kind: site
    responsible: Отдел цифровых сервисов
    deadline: 2026-09-30
    history:
      - {date: 2026-04-25, status: planned}
      - {date: 2026-06-01, status: in-progress}
  - id: vyezdnoy-priem-v-selakh
    title: Выездной приём в сёлах
    kind: process
    responsible: Отдел субсидий
    deadline: 2027-06-30
    history:
      - {date: 2026-11-01, status: planned}
---
Подробно о проблеме.
)");
  // Started, but past its deadline and not done: the template cannot say more, so the import asks to look.
  CHECK(imported.outcome.warnings.ToString() ==
        "sheet.csv:2: срок мероприятия «Подача заявления на портале» (30.09.2026) прошёл, а выполненным оно не "
        "отмечено: на сайте оно будет просроченным. Если оно выполнено или отменено, добавьте запись в его историю "
        "(history) в content/decisions/subsidy-time.md — повторный импорт её сохранит\n");
}

TEST_CASE("Generated ids do not take an existing file's or each other's") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const Imported imported =
      Import(&fs, kTemplateHeader +
                      "1;Жилищная субсидия;Subsidy time;1 из 10 респондентов;низкий;Проверка;Отдел;2026\r\n"
                      "2;Пособие на ребёнка;Subsidy time;1 из 10 респондентов;низкий;Проверка;Отдел;2026\r\n"
                      "3;Пособие на ребёнка;«!»;1 из 10 респондентов;низкий;—;Отдел;2026\r\n");
  INFO(imported.errors);
  REQUIRE(imported.ok);
  REQUIRE(imported.outcome.files.size() == 3);
  CHECK(imported.outcome.files[0].path == "content/decisions/allowance-4.md");
  CHECK(imported.outcome.files[1].path == "content/decisions/subsidy-time-2.md");
  CHECK(imported.outcome.files[2].path == "content/decisions/subsidy-time-3.md");
  CHECK(FileText(fs, "content/decisions/allowance-4.md").find("  - id: measure\n") != std::string::npos);
  CHECK(FileText(fs, kSubsidyPath) == kSubsidy);
}

TEST_CASE("Headers are read in any case, with «ё», other spaces and the seed's own spelling of the first") {
  MemoryFileSystem fs;
  PutContent(&fs);
  const Imported imported = Import(
      &fs,
      "Именование процесса,ВЫЯВЛЕННЫЕ ПРОБЛЕМЫ / ПОТЕНЦИАЛЬНЫЕ ПОТРЕБНОСТИ КЛИЕНТОВ,Распространённость проблемы:,"
      "\"Приоритетность решения проблемы/\nудовлетворения потребности\",Необходимые к реализации мероприятия,"
      "Ответственный ,Срок реализации.\n"
      "жилищная субсидия,Очереди в МФЦ при подаче заявления,45 из 580 респондентов,высокий,"
      "Электронная очередь с записью через сайт,Отдел жилищных субсидий,2026-12-31\n"
      "subsidy,Очереди в МФЦ при подаче заявления.,,,Окно приёма по субботам,Отдел кадров,до 31.12.2026 г.\n");
  INFO(imported.errors);
  REQUIRE(imported.ok);
  REQUIRE(imported.outcome.files.size() == 1);
  CHECK(FileText(fs, kQueuesPath) == kQueues);
}

TEST_CASE("Cells the template must give are asked for by row and column") {
  SECTION("empty cells") {
    CHECK(Refused(kTemplateHeader + "1;;Очереди;;;Электронная очередь;;\r\n"
                                    "2;Жилищная субсидия;Очереди;;;;;\r\n"
                                    "3;;;;;Окно;Отдел;2026\r\n") ==
          "sheet.csv:2: не заполнен столбец «Наименование процесса»: напишите название услуги\n"
          "sheet.csv:3: не заполнен столбец «Распространенность проблемы»: напишите, сколько респондентов или "
          "обращений указали на проблему, например «132 из 580 респондентов» или «40 из 300 обращений»\n"
          "sheet.csv:3: не заполнен столбец «Приоритетность решения проблемы/удовлетворения потребности»: напишите "
          "высокий, средний или низкий\n"
          "sheet.csv:3: не заполнен столбец «Необходимые к реализации мероприятия»: напишите, что будет сделано\n"
          "sheet.csv:3: не заполнен столбец «Ответственный»: напишите подразделение, которое отвечает за мероприятие\n"
          "sheet.csv:3: не заполнен столбец «Срок реализации»: напишите дату (31.12.2026), месяц (декабрь 2026), "
          "квартал (IV квартал 2026), полугодие (2 полугодие 2026) или год (2026)\n");
  }
  SECTION("cells that cannot be read") {
    CHECK(Refused(kTemplateHeader + "1;Жилищная субсидя;Очереди;1 из 2 респондентов;высокий;Окно;Отдел;2026\r\n"
                                    ";;Другое;;;Окно;Отдел;2026\r\n"
                                    "2;Пособие на ребёнка;Очереди;часто;важный;Окно;Отдел;постоянно\r\n"
                                    "3;Пособие на ребёнка;Очереди;1 из 2 обращений;низкий;Окно;Отдел;2026\r\n") ==
          "sheet.csv:2: неизвестный процесс «Жилищная субсидя» (возможно, имелось в виду «Жилищная субсидия»?): в "
          "столбце «Наименование процесса» напишите название услуги, как в content/services/, или её код\n"
          "sheet.csv:4: распространённость «часто» в столбце «Распространенность проблемы» не распознана: ожидается "
          "«N из M респондентов» или «N из M обращений», например «132 из 580 респондентов (23 %)»\n"
          "sheet.csv:4: недопустимое значение «важный» в столбце «Приоритетность решения проблемы/удовлетворения "
          "потребности»; допустимые значения: высокий, средний, низкий\n"
          "sheet.csv:4: срок «постоянно» в столбце «Срок реализации» не распознан: напишите дату (31.12.2026), месяц "
          "(декабрь 2026), квартал (IV квартал 2026), полугодие (2 полугодие 2026) или год (2026)\n"
          "sheet.csv:5: «Распространенность проблемы» отличается от строки 4 той же проблемы\n"
          "sheet.csv:5: «Приоритетность решения проблемы/удовлетворения потребности» отличается от строки 4 той же "
          "проблемы\n"
          "sheet.csv:5: мероприятие «Окно» уже есть в строке 4 той же проблемы\n");
  }
  SECTION("a problem cell left empty under another service") {
    CHECK(Refused(kTemplateHeader + "1;Жилищная субсидия;Очереди;1 из 2 респондентов;высокий;Окно;Отдел;2026\r\n"
                                    "2;Пособие на ребёнка;;;;Окно;Отдел;2026\r\n") ==
          "sheet.csv:3: не заполнен столбец «Выявленные проблемы/потенциальные потребности клиентов»: напишите "
          "проблему или потребность одной фразой\n");
  }
  SECTION("a day that does not exist") {
    CHECK(Refused(kTemplateHeader +
                  "1;Жилищная субсидия;Очереди;1 из 2 респондентов;высокий;Окно;Отдел;2026\r\n"
                  "2;Пособие на ребёнка;Очереди;1 из 2 респондентов;высокий;Окно;Отдел;30.02.2026\r\n") ==
          "sheet.csv:3: срок «30.02.2026» в столбце «Срок реализации» не распознан: напишите дату (31.12.2026), месяц "
          "(декабрь 2026), квартал (IV квартал 2026), полугодие (2 полугодие 2026) или год (2026)\n");
  }
}

TEST_CASE("The template's columns are checked by their names") {
  CHECK(Refused("Наименование процесса;Проблемы;Распространенность проблемы;"
                "Приоритетность решения проблемы/удовлетворения потребности;Необходимые к реализации мероприятия;"
                "Ответственный;ответственный;Срок\r\n"
                "Жилищная субсидия;Очереди;1 из 2 респондентов;высокий;Окно;Отдел;Отдел;2026\r\n") ==
        "sheet.csv:1: неизвестный столбец «Проблемы»: в карте болей по шаблону приложения 1 — только столбцы "
        "шаблона; удалите его или назовите, как в шаблоне\n"
        "sheet.csv:1: столбец «ответственный» повторяет столбец «Ответственный»\n"
        "sheet.csv:1: неизвестный столбец «Срок»: в карте болей по шаблону приложения 1 — только столбцы шаблона; "
        "удалите его или назовите, как в шаблоне\n"
        "sheet.csv:1: нет столбца «Выявленные проблемы/потенциальные потребности клиентов»\n"
        "sheet.csv:1: нет столбца «Срок реализации»\n");
}

}  // namespace
}  // namespace otklik::pain_map_template_test
