#include "render/views.h"

#include <catch2/catch.hpp>

namespace otklik::views_test {
namespace {

using nlohmann::json;
using Keys = std::vector<std::string>;

const Date kAsOf(2026, 11, 22);
const char kSiteDescription[] = "Что граждане думают об услугах.";

SiteConfig MakeConfig() {
  SiteConfig config;
  config.title = "Отзывы и решения";
  config.description = kSiteDescription;
  config.agency = {"Министерство социальной защиты Тестовой области", "Минсоц", "Тестовая область",
                   "https://minsoc.example.ru/"};
  config.base_url = "https://otklik.example.ru/";
  config.receiver_url = "https://otklik.example.ru";
  config.contacts.phone = "8 (800) 000-00-00";
  config.contacts.email = "obr@example.ru";
  return config;
}

Service MakeService(std::string id, std::string title, ServiceKind kind, std::string summary, int order,
                    std::vector<std::string> situations, std::vector<std::string> touchpoints, std::string body = "") {
  Service service;
  service.id = std::move(id);
  service.title = std::move(title);
  service.kind = kind;
  service.summary = std::move(summary);
  service.order = order;
  service.situations = std::move(situations);
  service.touchpoints = std::move(touchpoints);
  service.body = std::move(body);
  return service;
}

LifeSituation MakeSituation(std::string id, std::string title, std::string summary, int order, std::string body) {
  LifeSituation situation;
  situation.id = std::move(id);
  situation.title = std::move(title);
  situation.summary = std::move(summary);
  situation.order = order;
  situation.body = std::move(body);
  return situation;
}

Touchpoint MakeMfc() {
  Touchpoint t;
  t.id = "mfc";
  t.title = "МФЦ";
  t.summary = "Многофункциональные центры.";
  t.kind = "mfc";
  t.channel = Channel::kOffline;
  t.address = "г. Тестов, ул. Ленина, 1";
  t.hours = "пн–пт 9:00–18:00";
  t.phone = "8 (800) 100-00-00";
  t.email = "mfc@example.ru";
  t.order = 1;
  t.body = "Приём по записи.";
  return t;
}

Touchpoint MakePortal() {
  Touchpoint t;
  t.id = "portal";
  t.title = "Портал госуслуг";
  t.kind = "portal";
  t.channel = Channel::kOnline;
  return t;
}

Page MakePage(std::string id, std::string title, std::string summary, bool menu, std::string body) {
  Page page;
  page.id = std::move(id);
  page.title = std::move(title);
  page.summary = std::move(summary);
  page.menu = menu;
  page.body = std::move(body);
  return page;
}

// Display order: services allowance, pension, subsidy; situations birth,
// retirement; touchpoints mfc, portal; pages about, rules.
Site MakeSite(SiteConfig config = MakeConfig()) {
  return Site(
      std::move(config),
      {MakeService("pension", "Пенсия по старости", ServiceKind::kService, "Назначение страховой пенсии.", 1000,
                   {"retirement"}, {"mfc", "portal"}, "# Как оформить\n\nЗаявление & документы.\n"),
       MakeService("subsidy", "Субсидия на ЖКУ", ServiceKind::kSupportMeasure, "Помощь с оплатой.", 1000,
                   {"retirement"}, {"mfc"}),
       MakeService("allowance", "Выплата на ребёнка", ServiceKind::kSupportMeasure, "", 1, {"birth"}, {"portal"})},
      {MakeSituation("retirement", "Выход на пенсию", "", 1000, ""),
       MakeSituation("birth", "Рождение ребёнка", "Что нужно семье.", 1, "Текст.")},
      {MakePortal(), MakeMfc()},
      {MakePage("rules", "Правила", "", false, ""),
       MakePage("about", "О проекте", "Кто мы.", true, "Мы — *ведомство*.")});
}

// The view of the page at `url`, built the way the build builds it.
json ViewOf(const Site& site, const std::string& url, const MarkdownRenderer& markdown = MarkdownRenderer()) {
  const ViewContext context{site, markdown, kAsOf};
  for (const PlannedPage& page : PlanPages(site, kAsOf)) {
    if (page.url == url) return BuildView(context, page);
  }
  FAIL("no planned page at " << url);
  return json();
}

Keys KeysOf(const json& object) {
  Keys keys;
  for (const auto& [key, unused] : object.items()) keys.push_back(key);
  return keys;
}

json NavItem(const std::string& title, const std::string& href, const std::string& current) {
  return {{"title", title}, {"href", href}, {"current", current}};
}

// The main navigation as seen from a page with `root`; `current` names the
// aria-current value of each item in order: services, situations, touchpoints,
// results, surveys, reports, about.
json Nav(const std::string& root, const std::vector<std::string>& current) {
  return json::array({NavItem("Услуги", root + "services/index.html", current[0]),
                      NavItem("Жизненные ситуации", root + "situations/index.html", current[1]),
                      NavItem("Где обратиться", root + "touchpoints/index.html", current[2]),
                      NavItem("Результаты", root + "results/index.html", current[3]),
                      NavItem("Решения", root + "decisions/index.html", ""),
                      NavItem("Опросы", root + "surveys/index.html", current[4]),
                      NavItem("Отчёты", root + "reports/index.html", current[5]),
                      NavItem("О проекте", root + "about/index.html", current[6])});
}

json Crumb(const std::string& title, const std::string& href) {
  return {{"title", title}, {"href", href}};
}

json ServiceLink(const std::string& root, const std::string& id) {
  if (id == "pension") {
    return {{"title", "Пенсия по старости"},
            {"href", root + "services/pension/index.html"},
            {"summary", "Назначение страховой пенсии."},
            {"kind_label", "Государственная услуга"}};
  }
  if (id == "subsidy") {
    return {{"title", "Субсидия на ЖКУ"},
            {"href", root + "services/subsidy/index.html"},
            {"summary", "Помощь с оплатой."},
            {"kind_label", "Мера поддержки"}};
  }
  return {{"title", "Выплата на ребёнка"},
          {"href", root + "services/allowance/index.html"},
          {"summary", ""},
          {"kind_label", "Мера поддержки"}};
}

json SituationLinks(const std::string& root) {
  return json::array({{{"title", "Рождение ребёнка"},
                       {"href", root + "situations/birth/index.html"},
                       {"summary", "Что нужно семье."},
                       {"services_count", "1\u00A0услуга"}},
                      {{"title", "Выход на пенсию"},
                       {"href", root + "situations/retirement/index.html"},
                       {"summary", ""},
                       {"services_count", "2\u00A0услуги"}}});
}

json MfcLink(const std::string& root) {
  return {
      {"title", "МФЦ"},      {"href", root + "touchpoints/mfc/index.html"}, {"summary", "Многофункциональные центры."},
      {"kind_label", "МФЦ"}, {"channel_label", "Лично и по почте"},         {"online", false}};
}

json PortalLink(const std::string& root) {
  return {{"title", "Портал госуслуг"},      {"href", root + "touchpoints/portal/index.html"},  {"summary", ""},
          {"kind_label", "Портал госуслуг"}, {"channel_label", "Через интернет и по телефону"}, {"online", true}};
}

// --- Fields of every page ---

TEST_CASE("BuildView gives every page the site's settings") {
  const Site site = MakeSite();
  const json expected = {
      {"title", "Отзывы и решения"},
      {"description", kSiteDescription},
      {"base_url", "https://otklik.example.ru/"},
      {"agency",
       {{"name", "Министерство социальной защиты Тестовой области"},
        {"short_name", "Минсоц"},
        {"region", "Тестовая область"},
        {"website", "https://minsoc.example.ru/"}}},
      {"contacts", {{"address", ""}, {"phone", "8 (800) 000-00-00"}, {"email", "obr@example.ru"}, {"hours", ""}}}};
  for (const PlannedPage& page : PlanPages(site, kAsOf)) {
    INFO(page.output);
    const MarkdownRenderer markdown;
    CHECK(BuildView({site, markdown, kAsOf}, page)["site"] == expected);
  }
}

TEST_CASE("BuildView gives every page the build date in Russian and ISO form") {
  const Site site = MakeSite();
  const json view = ViewOf(site, "services/pension/");
  CHECK(view["as_of"] == "22\u00A0ноября 2026\u00A0г.");
  CHECK(view["as_of_iso"] == "2026-11-22");
}

TEST_CASE("BuildView makes contacts null when site.yaml gives none") {
  SiteConfig config = MakeConfig();
  config.contacts = {};
  const Site site = MakeSite(config);
  CHECK(ViewOf(site, "")["site"]["contacts"].is_null());
  config.contacts.hours = "круглосуточно";
  CHECK(ViewOf(MakeSite(config), "")["site"]["contacts"] ==
        json{{"address", ""}, {"phone", ""}, {"email", ""}, {"hours", "круглосуточно"}});
}

// --- home ---

TEST_CASE("BuildView of the home page has exactly the documented fields") {
  CHECK(KeysOf(ViewOf(MakeSite(), "")) == Keys{"alternates", "as_of", "as_of_iso", "breadcrumbs", "canonical", "decision_events",
                                               "decisions_href", "description", "head_title", "home_href", "kinds", "languages", "latest_report", "multilingual", "nav", "pages",
                                               "results", "root", "search_href", "searchable", "site", "situations", "surveys", "title",
                                               "touchpoints"});
}

TEST_CASE("BuildView of the home page has no latest appeals report without appeals") {
  CHECK(ViewOf(MakeSite(), "")["latest_report"].is_null());
}

TEST_CASE("BuildView of the home page: common fields") {
  const json view = ViewOf(MakeSite(), "");
  CHECK(view["root"] == "");
  CHECK(view["title"] == "Отзывы и решения");
  CHECK(view["head_title"] == "Отзывы и решения — Минсоц");
  CHECK(view["description"] == kSiteDescription);
  CHECK(view["canonical"] == "https://otklik.example.ru/");
  CHECK(view["home_href"] == "index.html");
  CHECK(view["nav"] == Nav("", {"", "", "", "", "", "", ""}));
  CHECK(view["breadcrumbs"] == json::array());
}

TEST_CASE("BuildView of the home page lists situations, service kinds, touchpoints and pages") {
  const json view = ViewOf(MakeSite(), "");
  CHECK(view["situations"] == SituationLinks(""));
  CHECK(view["kinds"] == json::array({{{"heading", "Государственные услуги"},
                                       {"id", "service"},
                                       {"href", "services/index.html#service"},
                                       {"count", "1\u00A0позиция"}},
                                      {{"heading", "Меры поддержки"},
                                       {"id", "support_measure"},
                                       {"href", "services/index.html#support_measure"},
                                       {"count", "2\u00A0позиции"}}}));
  CHECK(view["touchpoints"] == json::array({MfcLink(""), PortalLink("")}));
  CHECK(view["pages"] == json::array({{{"title", "О проекте"}, {"href", "about/index.html"}, {"summary", "Кто мы."}},
                                      {{"title", "Правила"}, {"href", "rules/index.html"}, {"summary", ""}}}));
  CHECK(view["surveys"] == json::array());
}

// --- services ---

TEST_CASE("BuildView of the services index: common fields") {
  const json view = ViewOf(MakeSite(), "services/");
  CHECK(view["root"] == "../");
  CHECK(view["title"] == "Услуги");
  CHECK(view["head_title"] == "Услуги — Отзывы и решения");
  CHECK(view["description"] == "Услуги и функции ведомства: как их оценивают граждане.");
  CHECK(view["canonical"] == "https://otklik.example.ru/services/");
  CHECK(view["home_href"] == "../index.html");
  CHECK(view["nav"] == Nav("../", {"page", "", "", "", "", "", ""}));
  CHECK(view["breadcrumbs"] == json::array({Crumb("Главная", "../index.html")}));
}

TEST_CASE("BuildView of the services index groups services by kind in kind order") {
  const json view = ViewOf(MakeSite(), "services/");
  CHECK(view["groups"] ==
        json::array({{{"heading", "Государственные услуги"},
                      {"id", "service"},
                      {"href", "../services/index.html#service"},
                      {"count", "1\u00A0позиция"},
                      {"services", {ServiceLink("../", "pension")}}},
                     {{"heading", "Меры поддержки"},
                      {"id", "support_measure"},
                      {"href", "../services/index.html#support_measure"},
                      {"count", "2\u00A0позиции"},
                      {"services", {ServiceLink("../", "allowance"), ServiceLink("../", "subsidy")}}}}));
  CHECK(view["count"] == "3\u00A0позиции");
}

// --- service ---

TEST_CASE("BuildView of a service page: common fields") {
  const json view = ViewOf(MakeSite(), "services/pension/");
  CHECK(view["root"] == "../../");
  CHECK(view["title"] == "Пенсия по старости");
  CHECK(view["head_title"] == "Пенсия по старости — Отзывы и решения");
  CHECK(view["description"] == "Назначение страховой пенсии.");
  CHECK(view["canonical"] == "https://otklik.example.ru/services/pension/");
  CHECK(view["home_href"] == "../../index.html");
  CHECK(view["nav"] == Nav("../../", {"true", "", "", "", "", "", ""}));
  CHECK(view["breadcrumbs"] ==
        json::array({Crumb("Главная", "../../index.html"), Crumb("Услуги", "../../services/index.html")}));
}

TEST_CASE("BuildView of a service page describes the service") {
  const json view = ViewOf(MakeSite(), "services/pension/");
  const json situation = {{"title", "Выход на пенсию"},
                          {"href", "../../situations/retirement/index.html"},
                          {"summary", ""},
                          {"services_count", "2\u00A0услуги"}};
  CHECK(view["service"] == json{{"id", "pension"},
                                {"title", "Пенсия по старости"},
                                {"summary", "Назначение страховой пенсии."},
                                {"kind_label", "Государственная услуга"},
                                {"body_html", "<h2>Как оформить</h2>\n<p>Заявление &amp; документы.</p>\n"},
                                {"situations", {situation}},
                                {"touchpoints", {MfcLink("../../"), PortalLink("../../")}},
                                {"surveys", json::array()},
                                {"decisions", json::array()},
                                {"decisions_href", "../../decisions/services/pension/index.html"},
                                {"feed_href", "../../services/pension/feed.xml"},
                                {"results", nullptr}});
}

TEST_CASE("BuildView of a service without a summary describes the page with the site description") {
  const json view = ViewOf(MakeSite(), "services/allowance/");
  CHECK(view["description"] == kSiteDescription);
  CHECK(view["service"]["summary"] == "");
  CHECK(view["service"]["body_html"] == "");
  CHECK(view["service"]["kind_label"] == "Мера поддержки");
}

TEST_CASE("BuildView renders bodies with the renderer of the context") {
  Site site(MakeConfig(),
            {MakeService("a", "А", ServiceKind::kService, "", 1000, {}, {"portal"}, "Текст <b>жирный</b>.\n")}, {},
            {MakePortal()}, {});
  CHECK(ViewOf(site, "services/a/")["service"]["body_html"] ==
        "<p>Текст <!-- raw HTML omitted -->жирный<!-- raw HTML omitted -->.</p>\n");
  const MarkdownRenderer allowing_raw(true);
  CHECK(ViewOf(site, "services/a/", allowing_raw)["service"]["body_html"] == "<p>Текст <b>жирный</b>.</p>\n");
}

// --- situations ---

TEST_CASE("BuildView of the situations index lists the situations") {
  const json view = ViewOf(MakeSite(), "situations/");
  CHECK(view["root"] == "../");
  CHECK(view["title"] == "Жизненные ситуации");
  CHECK(view["head_title"] == "Жизненные ситуации — Отзывы и решения");
  CHECK(view["description"] == "Услуги, которые нужны вместе, собраны по жизненным ситуациям.");
  CHECK(view["canonical"] == "https://otklik.example.ru/situations/");
  CHECK(view["nav"] == Nav("../", {"", "page", "", "", "", "", ""}));
  CHECK(view["breadcrumbs"] == json::array({Crumb("Главная", "../index.html")}));
  CHECK(view["situations"] == SituationLinks("../"));
}

// --- situation ---

TEST_CASE("BuildView of a situation page describes the situation and its services in site order") {
  const json view = ViewOf(MakeSite(), "situations/retirement/");
  CHECK(view["root"] == "../../");
  CHECK(view["title"] == "Выход на пенсию");
  CHECK(view["head_title"] == "Выход на пенсию — Отзывы и решения");
  CHECK(view["description"] == kSiteDescription);
  CHECK(view["canonical"] == "https://otklik.example.ru/situations/retirement/");
  CHECK(view["nav"] == Nav("../../", {"", "true", "", "", "", "", ""}));
  CHECK(view["breadcrumbs"] == json::array({Crumb("Главная", "../../index.html"),
                                            Crumb("Жизненные ситуации", "../../situations/index.html")}));
  CHECK(view["situation"] == json{{"id", "retirement"},
                                  {"title", "Выход на пенсию"},
                                  {"summary", ""},
                                  {"body_html", ""},
                                  {"services", {ServiceLink("../../", "pension"), ServiceLink("../../", "subsidy")}},
                                  {"services_count", "2\u00A0услуги"},
                                  {"decisions", json::array()},
                                  {"decisions_href", "../../decisions/situations/retirement/index.html"},
                                  {"results", nullptr}});
}

TEST_CASE("BuildView of a situation with a summary uses it as the description") {
  const json view = ViewOf(MakeSite(), "situations/birth/");
  CHECK(view["description"] == "Что нужно семье.");
  CHECK(view["situation"]["body_html"] == "<p>Текст.</p>\n");
  CHECK(view["situation"]["services_count"] == "1\u00A0услуга");
}

// --- touchpoints ---

TEST_CASE("BuildView of the touchpoints index groups touchpoints by channel, online first") {
  const json view = ViewOf(MakeSite(), "touchpoints/");
  CHECK(view["root"] == "../");
  CHECK(view["title"] == "Где обратиться");
  CHECK(view["head_title"] == "Где обратиться — Отзывы и решения");
  CHECK(view["description"] == "Сайты, порталы, офисы и телефоны, через которые граждане получают услуги.");
  CHECK(view["canonical"] == "https://otklik.example.ru/touchpoints/");
  CHECK(view["nav"] == Nav("../", {"", "", "page", "", "", "", ""}));
  CHECK(view["breadcrumbs"] == json::array({Crumb("Главная", "../index.html")}));
  CHECK(view["channels"] ==
        json::array({{{"heading", "Через интернет и по телефону"}, {"touchpoints", {PortalLink("../")}}},
                     {{"heading", "Лично и по почте"}, {"touchpoints", {MfcLink("../")}}}}));
}

TEST_CASE("BuildView of the touchpoints index leaves out a channel without touchpoints") {
  const Site site(MakeConfig(), {}, {}, {MakeMfc()}, {});
  CHECK(ViewOf(site, "touchpoints/")["channels"] ==
        json::array({{{"heading", "Лично и по почте"}, {"touchpoints", {MfcLink("../")}}}}));
}

// --- touchpoint ---

TEST_CASE("BuildView of a touchpoint page describes the touchpoint with its details and services") {
  const json view = ViewOf(MakeSite(), "touchpoints/mfc/");
  CHECK(view["root"] == "../../");
  CHECK(view["title"] == "МФЦ");
  CHECK(view["head_title"] == "МФЦ — Отзывы и решения");
  CHECK(view["description"] == "Многофункциональные центры.");
  CHECK(view["canonical"] == "https://otklik.example.ru/touchpoints/mfc/");
  CHECK(view["nav"] == Nav("../../", {"", "", "true", "", "", "", ""}));
  CHECK(view["breadcrumbs"] == json::array({Crumb("Главная", "../../index.html"),
                                            Crumb("Где обратиться", "../../touchpoints/index.html")}));
  json expected = MfcLink("../../");
  expected["id"] = "mfc";
  expected["address"] = "г. Тестов, ул. Ленина, 1";
  expected["hours"] = "пн–пт 9:00–18:00";
  expected["phone"] = "8 (800) 100-00-00";
  expected["email"] = "mfc@example.ru";
  expected["url"] = "";
  expected["has_details"] = true;
  expected["body_html"] = "<p>Приём по записи.</p>\n";
  expected["services"] = {ServiceLink("../../", "pension"), ServiceLink("../../", "subsidy")};
  expected["services_count"] = "2\u00A0услуги";
  expected["decisions"] = json::array();
  expected["decisions_href"] = "../../decisions/touchpoints/mfc/index.html";
  expected["results"] = nullptr;
  CHECK(view["touchpoint"] == expected);
}

TEST_CASE("BuildView of a touchpoint without address, hours, phone, e-mail or URL has no details") {
  const json view = ViewOf(MakeSite(), "touchpoints/portal/");
  CHECK(view["description"] == kSiteDescription);
  CHECK(view["touchpoint"]["has_details"] == false);
  CHECK(view["touchpoint"]["online"] == true);
  CHECK(view["touchpoint"]["services"] ==
        json::array({ServiceLink("../../", "allowance"), ServiceLink("../../", "pension")}));
}

TEST_CASE("BuildView counts any single detail of a touchpoint as details") {
  for (std::string Touchpoint::*field :
       {&Touchpoint::address, &Touchpoint::hours, &Touchpoint::phone, &Touchpoint::email, &Touchpoint::url}) {
    Touchpoint portal = MakePortal();
    portal.*field = "x";
    const Site site(MakeConfig(), {}, {}, {portal}, {});
    CHECK(ViewOf(site, "touchpoints/portal/")["touchpoint"]["has_details"] == true);
  }
}

// --- page ---

TEST_CASE("BuildView of a free page in the menu marks its menu item as the current page") {
  const json view = ViewOf(MakeSite(), "about/");
  CHECK(view["root"] == "../");
  CHECK(view["title"] == "О проекте");
  CHECK(view["head_title"] == "О проекте — Отзывы и решения");
  CHECK(view["description"] == "Кто мы.");
  CHECK(view["canonical"] == "https://otklik.example.ru/about/");
  CHECK(view["nav"] == Nav("../", {"", "", "", "", "", "", "page"}));
  CHECK(view["breadcrumbs"] == json::array({Crumb("Главная", "../index.html")}));
  CHECK(view["page"] == json{{"id", "about"},
                             {"title", "О проекте"},
                             {"summary", "Кто мы."},
                             {"body_html", "<p>Мы — <em>ведомство</em>.</p>\n"}});
}

TEST_CASE("BuildView of a free page outside the menu") {
  const json view = ViewOf(MakeSite(), "rules/");
  CHECK(view["description"] == kSiteDescription);
  CHECK(view["nav"] == Nav("../", {"", "", "", "", "", "", ""}));
  CHECK(view["page"] == json{{"id", "rules"}, {"title", "Правила"}, {"summary", ""}, {"body_html", ""}});
}

// --- reports ---

TEST_CASE("BuildView of the reports index marks «Отчёты» as the current section, with nothing to list yet") {
  const json view = ViewOf(MakeSite(), "reports/");
  CHECK(view["root"] == "../");
  CHECK(view["title"] == "Отчёты");
  CHECK(view["head_title"] == "Отчёты — Отзывы и решения");
  CHECK(view["canonical"] == "https://otklik.example.ru/reports/");
  CHECK(view["nav"] == Nav("../", {"", "", "", "", "", "page", ""}));
  CHECK(view["breadcrumbs"] == json::array({Crumb("Главная", "../index.html")}));
  CHECK(view["quarters"] == json::array());
  CHECK(view["summaries"] == json::array());
  CHECK(view["deadline_rule"] ==
        "Анализ обращений публикуется не позднее 45-го календарного дня после окончания квартала.");
}

// --- 404 ---

TEST_CASE("BuildView of the 404 page links from the absolute path of base_url") {
  const json view = ViewOf(MakeSite(), "404.html");
  CHECK(view["root"] == "/");
  CHECK(view["title"] == "Страница не найдена");
  CHECK(view["head_title"] == "Страница не найдена — Отзывы и решения");
  CHECK(view["description"] == kSiteDescription);
  CHECK(view["canonical"] == "");
  CHECK(view["home_href"] == "/index.html");
  CHECK(view["nav"] == Nav("/", {"", "", "", "", "", "", ""}));
  CHECK(view["breadcrumbs"] == json::array({Crumb("Главная", "/index.html")}));
}

TEST_CASE("BuildView of the 404 page keeps the folder of a base_url below the domain") {
  SiteConfig config = MakeConfig();
  config.base_url = "https://minsoc.example.ru/otklik/";
  const json view = ViewOf(MakeSite(config), "404.html");
  CHECK(view["root"] == "/otklik/");
  CHECK(view["home_href"] == "/otklik/index.html");
  CHECK(view["nav"][0]["href"] == "/otklik/services/index.html");
}

TEST_CASE("BuildView of the 404 page on a server with a port") {
  SiteConfig config = MakeConfig();
  config.base_url = "http://localhost:8080/";
  CHECK(ViewOf(MakeSite(config), "404.html")["root"] == "/");
}

// --- RelativeRoot ---

TEST_CASE("RelativeRoot climbs one folder per slash of the output file") {
  CHECK(RelativeRoot("index.html") == "");
  CHECK(RelativeRoot("404.html") == "");
  CHECK(RelativeRoot("services/index.html") == "../");
  CHECK(RelativeRoot("services/pension/index.html") == "../../");
  CHECK(RelativeRoot("a/b/c/index.html") == "../../../");
}

}  // namespace
}  // namespace otklik::views_test
