#include "model/site_loader.h"

#include <catch2/catch.hpp>

#include "calendar_samples.h"

namespace otklik::site_loader_test {
namespace {

using Ids = std::vector<std::string>;

const char kSiteYaml[] =
    "title: Отзывы и решения\n"
    "agency:\n"
    "  name: Министерство социальной защиты Тестовой области\n"
    "  short_name: Минсоц\n"
    "  region: Тестовая область\n"
    "base_url: https://otklik.example.ru\n";

void Put(MemoryFileSystem* fs, const std::string& path, const std::string& text) {
  REQUIRE(fs->WriteFile(path, text).ok());
}

// A small content set that loads without errors. Display order differs from
// file order on purpose: by order, then title, then id.
void WriteValidContent(MemoryFileSystem* fs) {
  Put(fs, "content/site.yaml", kSiteYaml);
  Put(fs, "content/situations/birth.md",
      "---\ntitle: Рождение ребёнка\nsummary: Что нужно семье после рождения ребёнка.\norder: 1\n---\n"
      "Текст о рождении.\n");
  Put(fs, "content/situations/low-income.md", "---\ntitle: Невысокий доход\n---\n");
  Put(fs, "content/situations/retirement.md", "---\ntitle: Выход на пенсию\n---\n");
  Put(fs, "content/touchpoints/gosuslugi.md",
      "---\ntitle: Портал госуслуг\nkind: portal\nurl: https://www.gosuslugi.ru/\n---\n");
  Put(fs, "content/touchpoints/mfc.md",
      "---\n"
      "title: МФЦ\n"
      "summary: Многофункциональные центры.\n"
      "kind: mfc\n"
      "address: г. Тестов, ул. Ленина, 1\n"
      "hours: пн–пт 9:00–18:00\n"
      "phone: 8 (800) 000-00-00\n"
      "email: mfc@example.ru\n"
      "order: 2\n"
      "---\n"
      "Приём по записи.\n");
  Put(fs, "content/services/child-allowance.md",
      "---\n"
      "title: Ежемесячная выплата на ребёнка\n"
      "kind: support_measure\n"
      "summary: Выплата семьям с невысоким доходом.\n"
      "order: 1\n"
      "situations: [birth, low-income]\n"
      "touchpoints: [gosuslugi, mfc]\n"
      "---\n"
      "## Кто может получить\n");
  Put(fs, "content/services/supervision.md", "---\ntitle: Региональный надзор\nkind: control\ntouchpoints: mfc\n---\n");
  Put(fs, "content/services/veteran.md",
      "---\n"
      "title: Ежемесячная выплата ветеранам\n"
      "kind: support_measure\n"
      "situations:\n"
      "  - retirement\n"
      "  - low-income\n"
      "touchpoints:\n"
      "  - mfc\n"
      "---\n");
  Put(fs, "content/pages/about.md", "---\ntitle: О проекте\nmenu: true\n---\nКто мы.\n");
  Put(fs, "content/pages/faq.md", "---\ntitle: Вопросы и ответы\nsummary: Частые вопросы.\norder: 1\n---\n");
}

template <typename T>
Ids IdsOf(const std::vector<T>& items) {
  Ids ids;
  for (const T& item : items) ids.push_back(item.id);
  return ids;
}

std::optional<Site> Load(const MemoryFileSystem& fs, Diagnostics* diagnostics) {
  return LoadSite(fs, "content", diagnostics);
}

// The diagnostics of a content folder that must be rejected, as printed.
std::string ErrorsOf(const MemoryFileSystem& fs) {
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  CHECK_FALSE(site);
  return diagnostics.ToString();
}

// --- A valid content set ---

TEST_CASE("LoadSite loads a valid content set without diagnostics") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(site);
  CHECK(diagnostics.empty());
  CHECK(site->config().title == "Отзывы и решения");
  CHECK(site->config().agency.short_name == "Минсоц");
  CHECK(site->config().base_url == "https://otklik.example.ru/");
}

TEST_CASE("LoadSite reads every field of a service") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  REQUIRE(site);
  const Service* service = site->FindService("child-allowance");
  REQUIRE(service);
  CHECK(service->id == "child-allowance");
  CHECK(service->path == "content/services/child-allowance.md");
  CHECK(service->title == "Ежемесячная выплата на ребёнка");
  CHECK(service->summary == "Выплата семьям с невысоким доходом.");
  CHECK(service->kind == ServiceKind::kSupportMeasure);
  CHECK(service->order == 1);
  CHECK(service->situations == Ids{"birth", "low-income"});
  CHECK(service->touchpoints == Ids{"gosuslugi", "mfc"});
  CHECK(service->body == "## Кто может получить\n");
}

TEST_CASE("LoadSite gives optional service fields their defaults and reads a single id as a list") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  REQUIRE(site);
  const Service* service = site->FindService("supervision");
  REQUIRE(service);
  CHECK(service->kind == ServiceKind::kControl);
  CHECK(service->summary == "");
  CHECK(service->order == 1000);
  CHECK(service->situations.empty());
  CHECK(service->touchpoints == Ids{"mfc"});
  CHECK(service->body == "");
}

TEST_CASE("LoadSite reads a block list of references in file order") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  REQUIRE(site);
  const Service* service = site->FindService("veteran");
  REQUIRE(service);
  CHECK(service->situations == Ids{"retirement", "low-income"});
  CHECK(service->touchpoints == Ids{"mfc"});
}

TEST_CASE("LoadSite reads every field of a situation") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  REQUIRE(site);
  const LifeSituation* situation = site->FindSituation("birth");
  REQUIRE(situation);
  CHECK(situation->path == "content/situations/birth.md");
  CHECK(situation->title == "Рождение ребёнка");
  CHECK(situation->summary == "Что нужно семье после рождения ребёнка.");
  CHECK(situation->order == 1);
  CHECK(situation->body == "Текст о рождении.\n");
}

TEST_CASE("LoadSite reads every field of a touchpoint and derives its channel from the kind") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  REQUIRE(site);
  const Touchpoint* mfc = site->FindTouchpoint("mfc");
  REQUIRE(mfc);
  CHECK(mfc->path == "content/touchpoints/mfc.md");
  CHECK(mfc->title == "МФЦ");
  CHECK(mfc->summary == "Многофункциональные центры.");
  CHECK(mfc->kind == "mfc");
  CHECK(mfc->channel == Channel::kOffline);
  CHECK(mfc->address == "г. Тестов, ул. Ленина, 1");
  CHECK(mfc->hours == "пн–пт 9:00–18:00");
  CHECK(mfc->phone == "8 (800) 000-00-00");
  CHECK(mfc->email == "mfc@example.ru");
  CHECK(mfc->url == "");
  CHECK(mfc->order == 2);
  CHECK(mfc->body == "Приём по записи.\n");

  const Touchpoint* portal = site->FindTouchpoint("gosuslugi");
  REQUIRE(portal);
  CHECK(portal->kind == "portal");
  CHECK(portal->channel == Channel::kOnline);
  CHECK(portal->url == "https://www.gosuslugi.ru/");
  CHECK(portal->address == "");
}

TEST_CASE("LoadSite reads every field of a free page") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  REQUIRE(site);
  REQUIRE(site->pages().size() == 2);
  const Page& faq = site->pages()[0];
  CHECK(faq.id == "faq");
  CHECK(faq.path == "content/pages/faq.md");
  CHECK(faq.title == "Вопросы и ответы");
  CHECK(faq.summary == "Частые вопросы.");
  CHECK(faq.order == 1);
  CHECK_FALSE(faq.menu);
  const Page& about = site->pages()[1];
  CHECK(about.id == "about");
  CHECK(about.menu);
  CHECK(about.order == 1000);
  CHECK(about.body == "Кто мы.\n");
}

TEST_CASE("LoadSite puts every list in display order: order, then title, then id") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  REQUIRE(site);
  CHECK(IdsOf(site->services()) == Ids{"child-allowance", "veteran", "supervision"});
  CHECK(IdsOf(site->situations()) == Ids{"birth", "retirement", "low-income"});
  CHECK(IdsOf(site->touchpoints()) == Ids{"mfc", "gosuslugi"});
  CHECK(IdsOf(site->pages()) == Ids{"faq", "about"});
}

TEST_CASE("LoadSite fills each situation's and touchpoint's services in site order") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  REQUIRE(site);
  CHECK(site->FindSituation("birth")->services == Ids{"child-allowance"});
  CHECK(site->FindSituation("low-income")->services == Ids{"child-allowance", "veteran"});
  CHECK(site->FindSituation("retirement")->services == Ids{"veteran"});
  CHECK(site->FindTouchpoint("mfc")->services == Ids{"child-allowance", "veteran", "supervision"});
  CHECK(site->FindTouchpoint("gosuslugi")->services == Ids{"child-allowance"});
}

TEST_CASE("LoadSite loads a site that has only site.yaml") {
  MemoryFileSystem fs;
  Put(&fs, "content/site.yaml", kSiteYaml);
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  REQUIRE(site);
  CHECK(site->services().empty());
  CHECK(site->situations().empty());
  CHECK(site->touchpoints().empty());
  CHECK(site->pages().empty());
}

TEST_CASE("LoadSite skips hidden files") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/services/.draft.md", "not even front matter: [");
  Put(&fs, "content/situations/.DS_Store", "binary");
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(site);
  CHECK(site->services().size() == 3);
  CHECK(site->situations().size() == 3);
}

TEST_CASE("LoadSite accepts a content folder given with a trailing slash") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Diagnostics diagnostics;
  const std::optional<Site> site = LoadSite(fs, "content/", &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(site);
  CHECK(site->FindService("veteran")->path == "content/services/veteran.md");
}

// --- Errors ---

TEST_CASE("LoadSite reports an unknown life situation at its line with the closest id") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/services/pension.md",
      "---\ntitle: Пенсия\nkind: service\nsituations:\n  - retirment\n  - birth\ntouchpoints: [mfc]\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/services/pension.md:5: неизвестная жизненная ситуация «retirment» (возможно, имелось в виду "
        "«retirement»?)\n");
}

TEST_CASE("LoadSite refuses a touchpoint's address that is not a web address, and a bad e-mail") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/touchpoints/site.md",
      "---\ntitle: Сайт\nkind: website\nurl: \"javascript:alert(document.cookie)\"\nemail: \"x@y.ru?cc=z@w.ru\"\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/touchpoints/site.md:4: поле «url» должно быть адресом в интернете, начинающимся с https:// или "
        "http://, например https://example.ru/\n"
        "content/touchpoints/site.md:5: поле «email» должно быть адресом электронной почты, например "
        "obr@example.ru\n");
}

TEST_CASE("LoadSite reports an unknown id without a suggestion when nothing is close") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/services/pension.md",
      "---\ntitle: Пенсия\nkind: service\nsituations: [unemployment]\ntouchpoints: [mfc]\n---\n");
  CHECK(ErrorsOf(fs) == "content/services/pension.md:4: неизвестная жизненная ситуация «unemployment»\n");
}

TEST_CASE("LoadSite reports an unknown touchpoint at its line with the closest id") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/services/pension.md",
      "---\ntitle: Пенсия\nkind: service\ntouchpoints:\n  - mfc\n  - gosuslgi\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/services/pension.md:6: неизвестная точка взаимодействия «gosuslgi» (возможно, имелось в виду "
        "«gosuslugi»?)\n");
}

TEST_CASE("LoadSite reports an id listed twice at its second mention") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/services/pension.md",
      "---\n"
      "title: Пенсия\n"
      "kind: service\n"
      "situations: [retirement, retirement]\n"
      "touchpoints:\n"
      "  - mfc\n"
      "  - gosuslugi\n"
      "  - mfc\n"
      "---\n");
  CHECK(ErrorsOf(fs) ==
        "content/services/pension.md:4: «retirement» указан дважды\n"
        "content/services/pension.md:8: «mfc» указан дважды\n");
}

TEST_CASE("LoadSite requires at least one touchpoint for a service") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/services/pension.md", "---\ntitle: Пенсия\nkind: service\n---\n");
  Put(&fs, "content/services/subsidy.md", "---\ntitle: Субсидия\nkind: service\ntouchpoints: []\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/services/pension.md:2: не указаны точки взаимодействия (поле «touchpoints»): где граждане "
        "получают услугу?\n"
        "content/services/subsidy.md:2: не указаны точки взаимодействия (поле «touchpoints»): где граждане "
        "получают услугу?\n");
}

TEST_CASE("LoadSite reports an unknown service kind with the closest kind and the allowed ones") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/services/pension.md", "---\ntitle: Пенсия\nkind: suport_measure\ntouchpoints: [mfc]\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/services/pension.md:3: недопустимое значение «suport_measure» в поле «kind» (возможно, имелось "
        "в виду «support_measure»?); допустимые значения: service, support_measure, control, appeals, "
        "information\n");
}

TEST_CASE("LoadSite reports an unknown touchpoint kind with the closest kind and the allowed ones") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/touchpoints/vk.md", "---\ntitle: ВКонтакте\nkind: socail\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/touchpoints/vk.md:3: недопустимое значение «socail» в поле «kind» (возможно, имелось в виду "
        "«social»?); допустимые значения: website, portal, social, messenger, hotline, app, email, reception, "
        "mfc, post, outreach\n");
}

TEST_CASE("LoadSite requires a kind and a title") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/touchpoints/vk.md", "---\nsummary: Группа ведомства.\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/touchpoints/vk.md:2: не заполнено обязательное поле «kind» (допустимые значения: website, "
        "portal, social, messenger, hotline, app, email, reception, mfc, post, outreach)\n"
        "content/touchpoints/vk.md:2: не заполнено обязательное поле «title»\n");
}

TEST_CASE("LoadSite reports an unknown field with the closest known one") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/services/pension.md",
      "---\ntitle: Пенсия\nkind: service\nsumary: Назначение пенсии.\ntouchpoints: [mfc]\n---\n");
  Put(&fs, "content/pages/rules.md", "---\ntitle: Правила\nmenus: true\n---\n");
  Put(&fs, "content/situations/move.md", "---\ntitle: Переезд\nkind: service\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/pages/rules.md:3: неизвестное поле «menus» (возможно, имелось в виду «menu»?)\n"
        "content/services/pension.md:4: неизвестное поле «sumary» (возможно, имелось в виду «summary»?)\n"
        "content/situations/move.md:3: неизвестное поле «kind»\n");
}

TEST_CASE("LoadSite reports a file that is not Markdown instead of skipping it") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/services/pension.MD", "---\ntitle: Пенсия\nkind: service\ntouchpoints: [mfc]\n---\n");
  Put(&fs, "content/situations/notes.txt", "заметки");
  CHECK(ErrorsOf(fs) ==
        "content/services/pension.MD: файл не будет опубликован: ожидается текст в формате Markdown с "
        "расширением .md\n"
        "content/situations/notes.txt: файл не будет опубликован: ожидается текст в формате Markdown с "
        "расширением .md\n");
}

TEST_CASE("LoadSite reports a file name that cannot be a page address") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/services/Pension.md", "---\ntitle: Пенсия\nkind: service\ntouchpoints: [mfc]\n---\n");
  Put(&fs, "content/pages/how_to.md", "---\ntitle: Как пользоваться\n---\n");
  Put(&fs, "content/situations/-move.md", "---\ntitle: Переезд\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/pages/how_to.md: имя файла «how_to» не годится для адреса страницы: используйте строчные "
        "латинские буквы, цифры и дефис\n"
        "content/services/Pension.md: имя файла «Pension» не годится для адреса страницы: используйте строчные "
        "латинские буквы, цифры и дефис\n"
        "content/situations/-move.md: имя файла «-move» не годится для адреса страницы: используйте строчные "
        "латинские буквы, цифры и дефис\n");
}

TEST_CASE("LoadSite refuses a page id that a site section uses") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/pages/services.md", "---\ntitle: Наши услуги\n---\n");
  Put(&fs, "content/pages/404.md", "---\ntitle: Не найдено\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/pages/404.md: имя страницы «404» занято разделом сайта; переименуйте файл\n"
        "content/pages/services.md: имя страницы «services» занято разделом сайта; переименуйте файл\n");
}

TEST_CASE("IsReservedPageId knows every section name and nothing else") {
  for (const char* id : {"services", "situations", "touchpoints", "surveys", "reports", "decisions", "data", "assets",
                         "search", "feeds", "index", "404", "api", "pagefind", "sitemap"}) {
    INFO(id);
    CHECK(IsReservedPageId(id));
  }
  CHECK_FALSE(IsReservedPageId("about"));
  CHECK_FALSE(IsReservedPageId("service"));
  CHECK_FALSE(IsReservedPageId("services-faq"));
  CHECK_FALSE(IsReservedPageId(""));
}

TEST_CASE("LoadSite reports two files with the same id, naming the one that came first in path order") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/services/old/veteran.md", "---\ntitle: Старая выплата\nkind: service\ntouchpoints: [mfc]\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/services/veteran.md: идентификатор «veteran» уже занят файлом content/services/old/veteran.md\n");
}

TEST_CASE("LoadSite reports a missing site.yaml with the fix") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  REQUIRE(fs.RemoveAll("content/site.yaml").ok());
  CHECK(ErrorsOf(fs) ==
        "content/site.yaml: файл настроек сайта не найден; проверьте путь --content или создайте site.yaml\n");
}

TEST_CASE("LoadSite reports the errors of site.yaml") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/site.yaml", "agency:\n  name: Минсоц\n  region: Тестовая область\n");
  CHECK(ErrorsOf(fs) == "content/site.yaml:1: не заполнено обязательное поле «base_url»\n");
}

TEST_CASE("LoadSite reports a broken front matter at its line") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/situations/move.md", "---\ntitle: Переезд\n");
  CHECK(ErrorsOf(fs) ==
        "content/situations/move.md:1: блок полей открыт строкой «---», но не закрыт второй строкой «---»\n");
}

TEST_CASE("LoadSite reports every error of every file in one run, sorted by path and line") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/site.yaml", std::string(kSiteYaml) + "theme: dark\n");
  Put(&fs, "content/touchpoints/vk.md", "---\ntitle: ВКонтакте\nkind: socail\n---\n");
  Put(&fs, "content/services/pension.md",
      "---\n"
      "title: Пенсия\n"
      "kind: service\n"
      "situations: [retirment]\n"
      "touchpoints:\n"
      "  - vk\n"
      "  - mfk\n"
      "order: первый\n"
      "---\n");
  Put(&fs, "content/services/benefit.md", "---\nkind: appeals\ntouchpoints: [gosuslugi]\n---\n");
  Put(&fs, "content/pages/api.md", "---\ntitle: API\nsumary: Для разработчиков.\n---\n");
  CHECK(ErrorsOf(fs) ==
        "content/pages/api.md: имя страницы «api» занято разделом сайта; переименуйте файл\n"
        "content/pages/api.md:3: неизвестное поле «sumary» (возможно, имелось в виду «summary»?)\n"
        "content/services/benefit.md:2: не заполнено обязательное поле «title»\n"
        "content/services/pension.md:4: неизвестная жизненная ситуация «retirment» (возможно, имелось в виду "
        "«retirement»?)\n"
        "content/services/pension.md:7: неизвестная точка взаимодействия «mfk» (возможно, имелось в виду "
        "«mfc»?)\n"
        "content/services/pension.md:8: поле «order» должно быть целым числом от -1000000 до 1000000, а не "
        "«первый»\n"
        "content/site.yaml:7: неизвестное поле «theme»\n"
        "content/touchpoints/vk.md:3: недопустимое значение «socail» в поле «kind» (возможно, имелось в виду "
        "«social»?); допустимые значения: website, portal, social, messenger, hotline, app, email, reception, "
        "mfc, post, outreach\n");
}

TEST_CASE("LoadSite keeps diagnostics reported before it was called") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  REQUIRE(fs.RemoveAll("content/site.yaml").ok());
  Diagnostics diagnostics;
  diagnostics.Add("templates/layout.mustache", 3, "чужая ошибка");
  CHECK_FALSE(Load(fs, &diagnostics));
  CHECK(diagnostics.ToString() ==
        "templates/layout.mustache:3: чужая ошибка\n"
        "content/site.yaml: файл настроек сайта не найден; проверьте путь --content или создайте site.yaml\n");
}

// --- surveys ---

const char kSurvey[] =
    "title: Опрос\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 3\nquestions:\n"
    "  - id: how\n    kind: single\n    role: channel\n    text: Как?\n    options:\n"
    "      - portal: Портал\n        touchpoint: gosuslugi\n      - office: Офис\n        touchpoint: mfc\n";

TEST_CASE("LoadSite loads surveys with their earlier revisions, oldest first") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/surveys/quality.yaml", kSurvey);
  std::string second = kSurvey;
  second.replace(second.find("revision: 3"), 11, "revision: 2");
  Put(&fs, "content/surveys/quality@2.yaml", second);
  std::string first = kSurvey;
  first.replace(first.find("revision: 3"), 11, "revision: 1");
  Put(&fs, "content/surveys/quality@1.yaml", first);
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(site);
  REQUIRE(site->surveys().size() == 1);
  const Survey& survey = site->surveys()[0];
  CHECK(survey.id == "quality");
  CHECK(survey.revision == 3);
  REQUIRE(survey.earlier_revisions.size() == 2);
  CHECK(survey.earlier_revisions[0].id == "quality");
  CHECK(survey.earlier_revisions[0].revision == 1);
  CHECK(survey.Revision(2) == &survey.earlier_revisions[1]);
  CHECK(survey.Revision(3) == &survey);
  CHECK(survey.Revision(4) == nullptr);
}

TEST_CASE("LoadSite reports earlier revisions that do not fit, and unknown touchpoints") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  std::string survey = kSurvey;
  survey.replace(survey.find("touchpoint: mfc"), 15, "touchpoint: mcf");
  Put(&fs, "content/surveys/quality.yaml", survey);
  Put(&fs, "content/surveys/quality@4.yaml", std::string(kSurvey).replace(std::string(kSurvey).find("revision: 3"), 11,
                                                                            "revision: 4"));
  Put(&fs, "content/surveys/quality@2.yaml", kSurvey);
  Put(&fs, "content/surveys/orphan@1.yaml",
      std::string(kSurvey).replace(std::string(kSurvey).find("revision: 3"), 11, "revision: 1"));
  Put(&fs, "content/surveys/bad@01.yaml", kSurvey);
  CHECK(ErrorsOf(fs) ==
        "content/surveys/bad@01.yaml: имя файла «bad@01» не годится для адреса опроса: используйте строчные "
        "латинские буквы, цифры и дефис (прежние редакции: «опрос@2.yaml»)\n"
        "content/surveys/orphan@1.yaml: нет текущей редакции опроса: файла orphan.yaml\n"
        "content/surveys/quality.yaml:13: неизвестная точка взаимодействия «mcf» (возможно, имелось в виду «mfc»?)\n"
        "content/surveys/quality@2.yaml: файл прежней редакции 2 описывает редакцию 3; номер в имени и поле "
        "«revision» должны совпадать\n"
        "content/surveys/quality@4.yaml: прежняя редакция 4 должна быть меньше текущей (3)\n");
}

TEST_CASE("LoadSite checks the touchpoint a whole survey is about") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/surveys/hotline.yaml",
      "title: Горячая линия\nopens: 2026-01-01\ncloses: 2026-01-31\nrevision: 1\ntouchpoint: mfc\nquestions:\n"
      "  - {id: overall, kind: scale, text: Оцените}\n");
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  REQUIRE(site);
  CHECK(site->surveys()[0].touchpoint == "mfc");
  Put(&fs, "content/surveys/hotline.yaml",
      "title: Горячая линия\nopens: 2026-01-01\ncloses: 2026-01-31\nrevision: 1\ntouchpoint: mfcc\nquestions:\n"
      "  - {id: overall, kind: scale, text: Оцените}\n");
  CHECK(ErrorsOf(fs) ==
        "content/surveys/hotline.yaml:5: неизвестная точка взаимодействия «mfcc» (возможно, имелось в виду «mfc»?)\n");
}

// --- recurring surveys ---

const char kWaves[] =
    "title: Углублённый опрос\nrevision: 2\naudience: external\nwaves:\n"
    "  every: quarter\n  start: 10\n  working_days: 10\n  from: 2026-q3\nquestions:\n"
    "  - id: how\n    kind: single\n    role: channel\n    text: Как?\n    options:\n"
    "      - portal: Портал\n        touchpoint: gosuslugi\n      - office: Офис\n        touchpoint: mfc\n";

TEST_CASE("LoadSite turns a recurring survey into its waves, with earlier revisions, the calendar and themes") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/calendar.yaml", testing::kCalendar2025And2026);
  Put(&fs, "content/surveys/in-depth.yaml", kWaves);
  std::string first = kWaves;
  first.replace(first.find("revision: 2"), 11, "revision: 1");
  Put(&fs, "content/surveys/in-depth@1.yaml", first);
  Put(&fs, "content/surveys/hotline.yaml", kSurvey);
  Put(&fs, "content/themes.yaml",
      "themes:\n  - {id: queues, title: Очереди, keywords: [очеред], surveys: [in-depth]}\n"
      "  - {id: calls, title: Звонки, keywords: [звон], surveys: [hotline, in-depth-2026-q4]}\n");
  Diagnostics diagnostics;
  const std::optional<Site> site = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(site);
  CHECK(IdsOf(site->surveys()) == Ids{"hotline", "in-depth-2026-q3", "in-depth-2026-q4"});
  CHECK(site->calendar().last_year == 2026);
  const Survey* wave = site->FindSurvey("in-depth-2026-q4");
  REQUIRE(wave);
  CHECK(wave->title == "Углублённый опрос (IV квартал 2026\u00A0г.)");
  CHECK(wave->opens == Date(2026, 10, 14));
  CHECK(wave->closes == Date(2026, 10, 27));
  CHECK(wave->series == "in-depth");
  REQUIRE(wave->Revision(1));
  CHECK(wave->Revision(1)->id == "in-depth-2026-q4");
  CHECK(wave->indicator == "services");
  // A theme naming the recurring survey codes every wave; one naming a wave, that wave.
  CHECK(site->themes().For("in-depth-2026-q3", "in-depth") == 0b01);
  CHECK(site->themes().For("in-depth-2026-q4", "in-depth") == 0b11);
  CHECK(site->themes().For("hotline") == 0b10);
}

TEST_CASE("LoadSite reports a recurring survey without a calendar, and a wave whose address a survey file has") {
  MemoryFileSystem fs;
  WriteValidContent(&fs);
  Put(&fs, "content/surveys/in-depth.yaml", kWaves);
  CHECK(ErrorsOf(fs) ==
        "content/surveys/in-depth.yaml:4: для волн нужен производственный календарь, а файла content/calendar.yaml "
        "нет: создайте его командой «otklik new calendar»\n");
  Put(&fs, "content/calendar.yaml", testing::kCalendar2025And2026);
  Put(&fs, "content/surveys/in-depth-2026-q4.yaml", kSurvey);
  CHECK(ErrorsOf(fs) ==
        "content/surveys/in-depth.yaml:4: волна «in-depth-2026-q4» совпадает по адресу с опросом "
        "content/surveys/in-depth-2026-q4.yaml: переименуйте один из них\n");
  // A broken calendar is reported once, without a second error for every recurring survey.
  Put(&fs, "content/calendar.yaml", "2026:\n  holidays: [2026-13-01]\n");
  CHECK(ErrorsOf(fs) == "content/calendar.yaml:2: «2026-13-01» — не дата: запишите её как ГГГГ-ММ-ДД\n");
}

}  // namespace
}  // namespace otklik::site_loader_test
