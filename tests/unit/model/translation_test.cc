#include "model/translation.h"

#include <catch2/catch.hpp>

#include "core/fallback_text.h"
#include "model/site_loader.h"

namespace otklik::translation_test {
namespace {

void Put(MemoryFileSystem& fs, const std::string& path, const std::string& text) {
  REQUIRE(fs.WriteFile(path, text).ok());
}

// A site in Russian and Tatar with a service, a page and a survey.
void Content(MemoryFileSystem& fs) {
  Put(fs, "content/site.yaml",
      "title: Обратная связь\nagency: {name: Инспекция, region: Республика}\nbase_url: https://x.ru/\n"
      "languages: [ru, tt]\n");
  Put(fs, "content/touchpoints/office.md", "---\ntitle: Офис\nkind: reception\n---\n");
  Put(fs, "content/services/permit.md",
      "---\ntitle: Разрешение\nsummary: Выдача разрешений.\nkind: service\ntouchpoints: [office]\n---\nТекст.\n");
  Put(fs, "content/pages/about.md", "---\ntitle: О сайте\n---\nО сайте.\n");
  Put(fs, "content/surveys/quality.yaml",
      "title: Оценка\nopens: 2026-01-01\nrevision: 1\nquestions:\n"
      "  - {id: service, kind: service, text: Какая услуга}\n"
      "  - {id: overall, kind: scale, role: overall, text: Оцените}\n"
      "  - id: found\n    kind: yes_no\n    text: Нашли?\n"
      "  - id: way\n    kind: single\n    text: Как?\n    options:\n      - web: Через сайт\n      - mail: По почте\n");
}

std::optional<Translation> Load(const MemoryFileSystem& fs, Diagnostics* diagnostics) {
  Diagnostics loading;
  const std::optional<Site> site = LoadSite(fs, "content", &loading);
  REQUIRE(loading.ToString() == "");
  return LoadTranslation(fs, "content", "templates/messages.tt.yaml", "tt", *site, {}, diagnostics);
}

TEST_CASE("A translation gives the texts it has and marks the Russian it lacks, every id and order kept") {
  MemoryFileSystem fs;
  Content(fs);
  Put(fs, "content/tt/services/permit.md", "---\ntitle: Рөхсәт\n---\nТекст татарча.\n");
  Put(fs, "content/tt/surveys/quality.yaml",
      "title: Бәяләү\nquestions:\n  overall: {text: Бәяләгез}\n  way:\n    options: {web: Сайт аша}\n");
  Diagnostics diagnostics;
  const std::optional<Translation> tt = Load(fs, &diagnostics);
  REQUIRE(diagnostics.ToString() == "");
  const Site& site = tt->site;
  CHECK(site.config().base_url == "https://x.ru/tt/");
  CHECK(site.messages().language() == "tt");
  CHECK(site.messages()["nav.situations"] == "Тормыш хәлләре");
  CHECK(site.messages()["decisions.title"] == MarkedFallback(Messages::Defaults({})["decisions.title"]));
  const Service& permit = site.services().front();
  CHECK(permit.title == "Рөхсәт");
  CHECK(permit.summary == MarkedFallback("Выдача разрешений."));
  CHECK(permit.body == "Текст татарча.\n");
  const Survey& survey = site.surveys().front();
  CHECK(survey.title == "Бәяләү");
  CHECK(survey.questions[0].options.front().text == "Рөхсәт");  // the service question offers the translated title
  CHECK(survey.questions[1].text == "Бәяләгез");
  CHECK(survey.questions[2].text == MarkedFallback("Нашли?"));
  CHECK(survey.questions[2].options[0].text == "Әйе");  // a fixed answer in the catalogue's words
  CHECK(survey.questions[3].options[0].text == "Сайт аша");
  CHECK(survey.questions[3].options[1].text == MarkedFallback("По почте"));
  CHECK(tt->untranslated == std::vector<std::string>{
                                "site.yaml: title, agency.name, agency.short_name, agency.region, "
                                "indicators.services.title, words",
                                "services/permit.md: summary",
                                "touchpoints/office.md: title",
                                "pages/about.md: title, текст",
                                "surveys/quality.yaml: service, found, way",
                            });
}

TEST_CASE("A translation cannot name what the Russian content does not have or change what is not a text") {
  MemoryFileSystem fs;
  Content(fs);
  Put(fs, "content/tt/services/permits.md", "---\ntitle: Рөхсәт\n---\n");
  Put(fs, "content/tt/pages/about.md", "---\ntitle: Сайт турында\norder: 2\n---\n");
  Put(fs, "content/tt/surveys/quality.yaml",
      "questions:\n  overal: {text: Бәяләгез}\n  way:\n    options: {post: Почта аша}\n");
  Diagnostics diagnostics;
  CHECK_FALSE(Load(fs, &diagnostics));
  CHECK(diagnostics.ToString() ==
        "content/tt/pages/about.md:3: неизвестное поле «order»\n"
        "content/tt/surveys/quality.yaml:2: в опросе нет вопроса «overal» (возможно, имелось в виду «overall»?)\n"
        "content/tt/surveys/quality.yaml:4: у вопроса «way» нет варианта с кодом «post»; коды ответов те же, что в "
        "русском опросе\n");
}

TEST_CASE("A translation of a file the Russian content no longer has is a warning: it is not published") {
  MemoryFileSystem fs;
  Content(fs);
  Put(fs, "content/tt/services/permits.md", "---\ntitle: Рөхсәт\n---\n");
  Diagnostics diagnostics;
  const std::optional<Translation> tt = Load(fs, &diagnostics);
  REQUIRE(tt);
  CHECK(diagnostics.ToString() == "");
  CHECK(tt->warnings.ToString() == "content/tt/services/permits.md: перевод файла, которого нет: services/permits.md "
                                   "(возможно, имелось в виду «permit»?) — он не публикуется\n");
}

TEST_CASE("Tatar dates, periods and counts follow its catalogue's rules") {
  MemoryFileSystem fs;
  Content(fs);
  Diagnostics diagnostics;
  const std::optional<Translation> tt = Load(fs, &diagnostics);
  REQUIRE(tt);
  const Messages& messages = tt->site.messages();
  CHECK(messages.Date(Date(2026, 12, 7)) == "2026\u00A0ел, 7\u00A0декабрь");
  CHECK(messages.PeriodIn({Period::Kind::kQuarter, 2026, 3}) == "2026\u00A0елның III кварталында");
  CHECK(messages.PeriodShort({Period::Kind::kHalf, 2026, 2}) == "2\u00A0ярт. 2026");
  CHECK(messages.Decimal(4.25) == "4,3");
  CHECK(messages.Count("services.count", 5) == "5\u00A0позиция");  // one form after any number
  // A Russian fallback counts by Russian rules and stays marked.
  CHECK(messages.Count("form.options", 5) == "5\u00A0" + MarkedFallback("вариантов"));
}

}  // namespace
}  // namespace otklik::translation_test
