#include "site/content.h"

#include <catch2/catch.hpp>

namespace otklik::content_test {
namespace {

void Put(MemoryFileSystem* fs, const std::string& path, const std::string& bytes) {
  REQUIRE(fs->WriteFile(path, bytes).ok());
}

constexpr const char* kSurvey =
    "title: Опрос\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 2\nquestions:\n"
    "  - {id: service, kind: service, text: Услуга}\n"
    "  - {id: overall, kind: scale, text: Оценка, role: overall}\n";

constexpr const char* kDecision =
    "---\ntitle: Долго\nservice: pension\ntouchpoints: [mfc]\nidentified: 2026-02-01\npriority: high\n"
    "prevalence: {count: 3, base: 10, unit: respondents}\n"
    "evidence:\n  - survey: quality\n    question: overall\n    period: 2026-q1\n"
    "  - topic: '0002'\n    quarter: 2026-q1\n"
    "measures:\n  - id: m\n    title: Сделать\n    kind: process\n    responsible: Отдел\n    deadline: 2026-06-30\n"
    "    history:\n      - {date: 2026-02-02, status: planned}\n---\n";

// A small agency whose content is right: LoadContent returns it.
void WriteContent(MemoryFileSystem* fs) {
  Put(fs, "content/site.yaml",
      "title: Отзывы\nagency:\n  name: Инспекция\n  region: Край\nbase_url: https://otklik.example.ru/\n");
  Put(fs, "content/touchpoints/mfc.md", "---\ntitle: МФЦ\nkind: mfc\n---\n");
  Put(fs, "content/services/pension.md", "---\ntitle: Пенсия\nkind: service\ntouchpoints: [mfc]\n---\n");
  Put(fs, "content/surveys/quality.yaml", kSurvey);
  Put(fs, "content/surveys/quality@1.yaml", std::string(kSurvey).replace(std::string(kSurvey).find("revision: 2"), 11,
                                                                         "revision: 1"));
  Put(fs, "content/appeals/2026-q1.csv",
      "registered;answered;channel;kind;topic;outcome;reason\n"
      "2026-02-01;2026-02-10;mfc;appeal;0002.0007.0075.0000;explained;\n");
  Put(fs, "content/decisions/queue.md", kDecision);
}

TEST_CASE("LoadContent reads the site, appeals, reports and decisions of a correct content folder") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  Diagnostics errors;
  const std::optional<Content> content = LoadContent(fs, {"content", Date(2026, 7, 1), Date(2026, 7, 1)}, &errors);
  INFO(errors.ToString() << " (" << errors.size() << ")");
  REQUIRE(content);
  CHECK(content->site.services().size() == 1);
  CHECK(content->reports.appeals.quarters.size() == 1);
  REQUIRE(content->decisions.size() == 1);
  CHECK(content->decisions.front().id == "queue");
  CHECK(content->reports.metrics.size() == 1);
}

TEST_CASE("LoadContent reports every mistake of every file in one run, sorted, with no cascade") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  // Five mistakes in five kinds of file. The touchpoint's and the survey's
  // files cannot be parsed at all: what refers to them (the service, the
  // decision, the appeals' channel, the survey's earlier revision) is not
  // reported again.
  Put(&fs, "content/site.yaml",
      "title: Отзывы\nagency:\n  name: Инспекция\n  region: Край\nbase_url: https://otklik.example.ru/\n"
      "publication:\n  min_group_size: десять\n");
  Put(&fs, "content/touchpoints/mfc.md", "---\ntitle: [МФЦ\nkind: mfc\n---\n");
  Put(&fs, "content/surveys/quality.yaml", std::string(kSurvey) + "  - {id: more, kind: text, text: Что ещё?, "
                                                                 "note: не обязательно, пишите кратко}\n");
  Put(&fs, "content/appeals/2026-q1.csv",
      "registered;answered;channel;kind;topic;outcome;reason\n"
      "2026-02-01;2026-02-10;mfc;appeal;0002.0007.0075.0000;explained;\n"
      "2026-02-03;2026-02-11;pigeon;appeal;0002.0007.0075.0000;explained;\n");
  Put(&fs, "content/decisions/queue.md",
      std::string(kDecision).replace(std::string(kDecision).find("priority: high"), 14, "priority: urgent"));
  Diagnostics errors;
  CHECK_FALSE(LoadContent(fs, {"content", Date(2026, 7, 1), Date(2026, 7, 1)}, &errors));
  CHECK(errors.ToString() ==
        "content/appeals/2026-q1.csv:3: неизвестная точка взаимодействия «pigeon»\n"
        "content/decisions/queue.md:6: недопустимое значение «urgent» в поле «priority»; допустимые значения: high, "
        "medium, low\n"
        "content/site.yaml:7: поле «min_group_size» должно быть целым числом от 5 до 1000, а не «десять»\n"
        "content/surveys/quality.yaml:8: «пишите кратко» — не поле, а часть значения: в значении есть двоеточие или "
        "запятая: заключите его в кавычки\n"
        "content/touchpoints/mfc.md:2: ошибка в YAML: список в квадратных скобках не закрыт: не хватает «,» или «]»\n");
}

TEST_CASE("An unquoted colon in a value is explained in plain words") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  Put(&fs, "content/services/pension.md",
      "---\ntitle: Пенсия\nkind: service\nsummary: Внимание: срок 10 дней\ntouchpoints: [mfc]\n---\n");
  Diagnostics errors;
  CHECK_FALSE(LoadContent(fs, {"content", Date(2026, 7, 1), Date(2026, 7, 1)}, &errors));
  CHECK(errors.ToString() ==
        "content/services/pension.md:4: ошибка в YAML: в значении есть двоеточие или запятая: заключите его в "
        "кавычки\n");
}

TEST_CASE("Records may be dated up to the later of the as-of day and today") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  Diagnostics errors;
  // The appeal of 2026-02-10 is after an as-of day in January: allowed, since today is later.
  CHECK(LoadContent(fs, {"content", Date(2026, 1, 15), Date(2026, 7, 1)}, &errors));
  INFO(errors.ToString());
  CHECK(errors.empty());
  CHECK_FALSE(LoadContent(fs, {"content", Date(2026, 1, 15), Date(2026, 1, 15)}, &errors));
}

}  // namespace
}  // namespace otklik::content_test
