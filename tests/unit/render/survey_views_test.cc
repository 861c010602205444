// The views of the survey pages (surveys index, survey, thanks, embed, the
// internal output) and the survey links on the home and service pages.

#include <catch2/catch.hpp>

#include "model/survey_loader.h"
#include "render/survey_form.h"
#include "render/views.h"

namespace otklik::survey_views_test {
namespace {

using nlohmann::json;
using Keys = std::vector<std::string>;

const Date kAsOf(2026, 11, 22);
const char kSiteDescription[] = "Что граждане думают об услугах.";

SiteConfig MakeConfig() {
  SiteConfig config;
  config.title = "Отзывы и решения";
  config.description = kSiteDescription;
  config.agency = {"Министерство социальной защиты Тестовой области", "Минсоц", "Тестовая область", ""};
  config.base_url = "https://otklik.example.ru/";
  config.receiver_url = "https://priem.example.ru";
  return config;
}

Service MakeService(std::string id, std::string title) {
  Service service;
  service.id = std::move(id);
  service.title = std::move(title);
  return service;
}

std::vector<Service> Services() {
  return {MakeService("pension", "Пенсия по старости"), MakeService("subsidy", "Субсидия на ЖКУ"),
          MakeService("allowance", "Выплата на ребёнка"), MakeService("care", "Уход за пожилыми")};
}

Survey ParseOk(const std::string& id, const std::string& yaml) {
  Diagnostics diagnostics;
  std::optional<Survey> survey = ParseSurvey("content/surveys/" + id + ".yaml", yaml, Services(), &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(survey);
  return *survey;
}

// A survey of one service question offering `services`, plus a scale.
Survey MakeSurvey(const std::string& id, const std::string& header, const std::string& services) {
  return ParseOk(id, header +
                         "revision: 2\n"
                         "questions:\n"
                         "  - id: service\n"
                         "    kind: service\n"
                         "    text: Какую услугу вы получили?\n"
                         "    services: [" +
                         services +
                         "]\n"
                         "  - id: overall\n"
                         "    kind: scale\n"
                         "    text: Оцените качество\n");
}

// On kAsOf (22 November 2026), by state:
//   active external: quality (closes 4 Dec; pension, subsidy), accessibility
//     (closes 20 Dec; allowance; no summary, no thanks text);
//   completed external: spring (closed 31 May 2026), archive-2025 (closed 10 Dec 2025);
//   upcoming external: winter (care);
//   internal: staff (active; pension, care), staff-2025 (completed).
std::vector<Survey> MakeSurveys() {
  return {
      MakeSurvey("quality",
                 "title: Оценка качества услуг\nsummary: Расскажите, как вы получили услугу.\n"
                 "opens: 2026-11-09\ncloses: 2026-12-04\nintro: Опрос **анонимный**.\n"
                 "thanks: Спасибо за участие!\n",
                 "pension, subsidy"),
      MakeSurvey("accessibility", "title: Доступность офисов\nopens: 2026-11-01\ncloses: 2026-12-20\n", "allowance"),
      MakeSurvey("spring", "title: Весенний опрос\nsummary: Итоги весны.\nopens: 2026-04-01\ncloses: 2026-05-31\n",
                 "care"),
      MakeSurvey("archive-2025", "title: Опрос 2025 года\nopens: 2025-11-10\ncloses: 2025-12-10\n", "pension"),
      MakeSurvey("winter", "title: Зимний опрос\nopens: 2026-12-01\ncloses: 2026-12-25\n", "care"),
      MakeSurvey("staff",
                 "title: Условия работы\naudience: internal\nopens: 2026-11-16\ncloses: 2026-11-27\n"
                 "summary: Для сотрудников.\n",
                 "pension, care"),
      MakeSurvey("staff-2025",
                 "title: Условия работы в 2025 году\naudience: internal\nopens: 2025-10-01\n"
                 "closes: 2025-10-31\n",
                 "pension"),
  };
}

Site MakeSite(std::vector<Survey> surveys = MakeSurveys()) {
  return Site(MakeConfig(), Services(), {}, {}, {}, std::move(surveys));
}

json ViewIn(const Site& site, const std::vector<PlannedPage>& plan, const std::string& url, const Date& as_of) {
  const MarkdownRenderer markdown;
  const ViewContext context{site, markdown, as_of};
  for (const PlannedPage& page : plan) {
    if (page.url == url) return BuildView(context, page);
  }
  FAIL("no planned page at " << url);
  return json();
}

// The view of the public page at `url`, built the way the build builds it.
json ViewOf(const Site& site, const std::string& url, const Date& as_of = kAsOf) {
  return ViewIn(site, PlanPages(site, as_of), url, as_of);
}

// The view of the internal page at `url`.
json InternalViewOf(const Site& site, const std::string& url) {
  return ViewIn(site, PlanInternalPages(site, kAsOf, false), url, kAsOf);
}

Keys KeysOf(const json& object) {
  Keys keys;
  for (const auto& [key, unused] : object.items()) keys.push_back(key);
  return keys;
}

json Crumb(const std::string& title, const std::string& href) {
  return {{"title", title}, {"href", href}};
}

// A link of the surveys index, the home page or the internal home.
json SurveyLink(const std::string& root, const std::string& id) {
  struct Expected {
    const char* id;
    const char* title;
    const char* summary;
    const char* period;
    const char* closes;
  };
  static const Expected kLinks[] = {
      {"quality", "Оценка качества услуг", "Расскажите, как вы получили услугу.",
       "с 9\u00A0ноября 2026\u00A0г. по 4\u00A0декабря 2026\u00A0г.", "до 4\u00A0декабря 2026\u00A0г."},
      {"accessibility", "Доступность офисов", "", "с 1\u00A0ноября 2026\u00A0г. по 20\u00A0декабря 2026\u00A0г.",
       "до 20\u00A0декабря 2026\u00A0г."},
      {"spring", "Весенний опрос", "Итоги весны.", "с 1\u00A0апреля 2026\u00A0г. по 31\u00A0мая 2026\u00A0г.",
       "до 31\u00A0мая 2026\u00A0г."},
      {"archive-2025", "Опрос 2025 года", "", "с 10\u00A0ноября 2025\u00A0г. по 10\u00A0декабря 2025\u00A0г.",
       "до 10\u00A0декабря 2025\u00A0г."},
      {"winter", "Зимний опрос", "", "с 1\u00A0декабря 2026\u00A0г. по 25\u00A0декабря 2026\u00A0г.",
       "до 25\u00A0декабря 2026\u00A0г."},
      {"staff", "Условия работы", "Для сотрудников.", "с 16\u00A0ноября 2026\u00A0г. по 27\u00A0ноября 2026\u00A0г.",
       "до 27\u00A0ноября 2026\u00A0г."},
      {"staff-2025", "Условия работы в 2025 году", "", "с 1\u00A0октября 2025\u00A0г. по 31\u00A0октября 2025\u00A0г.",
       "до 31\u00A0октября 2025\u00A0г."},
  };
  for (const Expected& link : kLinks) {
    if (link.id == id) {
      return {{"title", link.title},
              {"href", root + "surveys/" + id + "/index.html"},
              {"summary", link.summary},
              {"period", link.period},
              {"closes", link.closes}};
    }
  }
  FAIL("no expected link for " << id);
  return json();
}

json NavItem(const std::string& title, const std::string& href, const std::string& current) {
  return {{"title", title}, {"href", href}, {"current", current}};
}

// The main navigation with «Опросы» marked `current`.
json Nav(const std::string& root, const std::string& current) {
  return json::array({NavItem("Услуги", root + "services/index.html", ""),
                      NavItem("Жизненные ситуации", root + "situations/index.html", ""),
                      NavItem("Где обратиться", root + "touchpoints/index.html", ""),
                      NavItem("Результаты", root + "results/index.html", ""),
                      NavItem("Решения", root + "decisions/index.html", ""),
                      NavItem("Опросы", root + "surveys/index.html", current),
                      NavItem("Отчёты", root + "reports/index.html", "")});
}

// --- surveys index ---

TEST_CASE("BuildView of the surveys index: common fields") {
  const json view = ViewOf(MakeSite(), "surveys/");
  CHECK(KeysOf(view) == Keys{"active", "alternates", "as_of", "as_of_iso", "breadcrumbs", "canonical", "completed", "description",
                             "head_title", "home_href", "languages", "multilingual", "nav", "root", "search_href", "searchable", "site", "title"});
  CHECK(view["root"] == "../");
  CHECK(view["title"] == "Опросы");
  CHECK(view["head_title"] == "Опросы — Отзывы и решения");
  CHECK(view["description"] == "Анонимные опросы о качестве услуг: пройдите действующие и посмотрите завершённые.");
  CHECK(view["canonical"] == "https://otklik.example.ru/surveys/");
  CHECK(view["home_href"] == "../index.html");
  CHECK(view["nav"] == Nav("../", "page"));
  CHECK(view["breadcrumbs"] == json::array({Crumb("Главная", "../index.html")}));
}

TEST_CASE("BuildView of the surveys index lists active external surveys, the soonest to close first") {
  CHECK(ViewOf(MakeSite(), "surveys/")["active"] ==
        json::array({SurveyLink("../", "quality"), SurveyLink("../", "accessibility")}));
}

TEST_CASE("BuildView of the surveys index lists completed external surveys, the most recently closed first") {
  CHECK(ViewOf(MakeSite(), "surveys/")["completed"] ==
        json::array({SurveyLink("../", "spring"), SurveyLink("../", "archive-2025")}));
}

TEST_CASE("BuildView of the surveys index orders surveys closing on the same day by title") {
  const Site site = MakeSite({MakeSurvey("b", "title: Б\nopens: 2026-11-01\ncloses: 2026-11-30\n", "pension"),
                              MakeSurvey("a", "title: В\nopens: 2026-11-01\ncloses: 2026-11-30\n", "pension"),
                              MakeSurvey("c", "title: А\nopens: 2026-11-01\ncloses: 2026-11-30\n", "pension")});
  const json active = ViewOf(site, "surveys/")["active"];
  REQUIRE(active.size() == 3);
  CHECK(active[0]["title"] == "А");
  CHECK(active[1]["title"] == "Б");
  CHECK(active[2]["title"] == "В");
}

TEST_CASE("BuildView of the surveys index of a site without surveys has empty lists") {
  const json view = ViewOf(MakeSite({}), "surveys/");
  CHECK(view["active"] == json::array());
  CHECK(view["completed"] == json::array());
}

TEST_CASE("BuildView of the surveys index moves a survey to the completed ones the day after it closes") {
  const Site site = MakeSite();
  CHECK(ViewOf(site, "surveys/", Date(2026, 12, 4))["active"][0]["title"] == "Оценка качества услуг");
  const json view = ViewOf(site, "surveys/", Date(2026, 12, 5));
  CHECK(view["active"] == json::array({SurveyLink("../", "accessibility"), SurveyLink("../", "winter")}));
  CHECK(view["completed"][0] == SurveyLink("../", "quality"));
}

// --- survey ---

TEST_CASE("BuildView of an active survey page: common fields and the survey script") {
  const json view = ViewOf(MakeSite(), "surveys/quality/");
  CHECK(KeysOf(view) == Keys{"alternates", "as_of", "as_of_iso", "breadcrumbs", "canonical", "description", "head_title", "home_href",
                             "languages", "multilingual", "nav", "root", "scripts", "search_href", "search_section", "searchable", "site", "survey",
                             "title"});
  CHECK(view["root"] == "../../");
  CHECK(view["title"] == "Оценка качества услуг");
  CHECK(view["head_title"] == "Оценка качества услуг — Отзывы и решения");
  CHECK(view["description"] == "Расскажите, как вы получили услугу.");
  CHECK(view["canonical"] == "https://otklik.example.ru/surveys/quality/");
  CHECK(view["home_href"] == "../../index.html");
  CHECK(view["nav"] == Nav("../../", "true"));
  CHECK(view["breadcrumbs"] ==
        json::array({Crumb("Главная", "../../index.html"), Crumb("Опросы", "../../surveys/index.html")}));
  CHECK(view["scripts"] == json::array({"survey.js"}));
  CHECK(view["search_section"] == "Опросы");
}

TEST_CASE("BuildView of an active survey page describes the survey and its form") {
  const json survey = ViewOf(MakeSite(), "surveys/quality/")["survey"];
  CHECK(KeysOf(survey) == Keys{"accepts", "active", "closes", "completed", "form", "href", "id", "intro_html", "page_url",
                               "paper_href", "period", "results_href", "summary", "title"});
  CHECK(survey["results_href"] == "");  // no results pages planned
  CHECK(survey["paper_href"] == "../../surveys/quality/paper/index.html");
  CHECK(survey["id"] == "quality");
  CHECK(survey["title"] == "Оценка качества услуг");
  CHECK(survey["summary"] == "Расскажите, как вы получили услугу.");
  CHECK(survey["active"] == true);
  CHECK(survey["completed"] == false);
  CHECK(survey["period"] == "с 9\u00A0ноября 2026\u00A0г. по 4\u00A0декабря 2026\u00A0г.");
  CHECK(survey["closes"] == "4\u00A0декабря 2026\u00A0г.");
  CHECK(survey["href"] == "../../surveys/quality/index.html");
  CHECK(survey["page_url"] == "https://otklik.example.ru/surveys/quality/");
  CHECK(survey["intro_html"] == "<p>Опрос <strong>анонимный</strong>.</p>\n");
  const json& form = survey["form"];
  CHECK(form["id"] == "quality");
  CHECK(form["action"] == "https://priem.example.ru/surveys/quality");
  CHECK(form["embed"] == false);
  CHECK(form["revision"] == "2");
  CHECK(form["count"] == "2");
  REQUIRE(form["questions"].size() == 2);
  CHECK(form["questions"][0]["dom_id"] == "q_service");
  CHECK(form["questions"][1]["dom_id"] == "q_overall");
}

TEST_CASE("BuildView of a survey page on its last day still has the form, the day after it has none") {
  const Site site = MakeSite();
  CHECK(ViewOf(site, "surveys/quality/", Date(2026, 12, 4))["survey"].contains("form"));
  const json view = ViewOf(site, "surveys/quality/", Date(2026, 12, 5));
  CHECK_FALSE(view["survey"].contains("form"));
  CHECK_FALSE(view.contains("scripts"));
}

TEST_CASE("BuildView of a completed survey page has its dates, no form and no script") {
  const json view = ViewOf(MakeSite(), "surveys/spring/");
  CHECK(KeysOf(view) == Keys{"alternates", "as_of", "as_of_iso", "breadcrumbs", "canonical", "description", "head_title", "home_href",
                             "languages", "multilingual", "nav", "root", "search_href", "search_section", "searchable", "site", "survey", "title"});
  CHECK(view["canonical"] == "https://otklik.example.ru/surveys/spring/");
  CHECK(view["survey"] == json{{"id", "spring"},
                               {"title", "Весенний опрос"},
                               {"summary", "Итоги весны."},
                               {"active", false},
                               {"completed", true},
                               {"period", "с 1\u00A0апреля 2026\u00A0г. по 31\u00A0мая 2026\u00A0г."},
                               {"closes", "31\u00A0мая 2026\u00A0г."},
                               {"accepts", "до 31\u00A0мая 2026\u00A0г."},
                               {"href", "../../surveys/spring/index.html"},
                               {"page_url", "https://otklik.example.ru/surveys/spring/"},
                               {"intro_html", ""},
                               {"results_href", ""}});
}

TEST_CASE("BuildView of a survey without a summary describes the page with the site description") {
  const json view = ViewOf(MakeSite(), "surveys/accessibility/");
  CHECK(view["description"] == kSiteDescription);
  CHECK(view["survey"]["summary"] == "");
}

// --- thanks ---

TEST_CASE("BuildView of a thank-you page leads back to the survey") {
  const json view = ViewOf(MakeSite(), "surveys/quality/thanks/");
  CHECK(view["root"] == "../../../");
  CHECK(view["title"] == "Спасибо, ваши ответы приняты");
  CHECK(view["head_title"] == "Спасибо, ваши ответы приняты — Отзывы и решения");
  CHECK(view["description"] == kSiteDescription);
  CHECK(view["canonical"] == "https://otklik.example.ru/surveys/quality/thanks/");
  CHECK(view["nav"] == Nav("../../../", "true"));
  CHECK(view["breadcrumbs"] ==
        json::array({Crumb("Главная", "../../../index.html"), Crumb("Опросы", "../../../surveys/index.html"),
                     Crumb("Оценка качества услуг", "../../../surveys/quality/index.html")}));
  CHECK_FALSE(view.contains("scripts"));
  const json& survey = view["survey"];
  CHECK(KeysOf(survey) == Keys{"accepts", "active", "closes", "completed", "href", "id", "page_url", "period", "summary", "thanks",
                               "thanks_html", "title"});
  CHECK(survey["thanks"] == true);
  CHECK(survey["thanks_html"] == "<p>Спасибо за участие!</p>\n");
  CHECK(survey["href"] == "../../../surveys/quality/index.html");
}

TEST_CASE("BuildView of a thank-you page of a survey without a thanks text says what happens next") {
  CHECK(ViewOf(MakeSite(), "surveys/accessibility/thanks/")["survey"]["thanks_html"] ==
        "<p>Мы учтём ваше мнение. Итоги опроса появятся на этом сайте после его окончания.</p>\n");
}

// --- embed ---

TEST_CASE("BuildView of an embedded survey marks the form as embedded and links from three folders down") {
  const json view = ViewOf(MakeSite(), "surveys/quality/embed/");
  CHECK(view["root"] == "../../../");
  CHECK(view["home_href"] == "../../../index.html");
  CHECK(view["title"] == "Оценка качества услуг");
  CHECK(view["canonical"] == "https://otklik.example.ru/surveys/quality/embed/");
  CHECK(view["scripts"] == json::array({"survey.js"}));
  CHECK(view["survey"]["page_url"] == "https://otklik.example.ru/surveys/quality/");
  CHECK(view["survey"]["form"]["embed"] == true);
  CHECK(view["survey"]["form"]["action"] == "https://priem.example.ru/surveys/quality");
  CHECK(view["survey"]["paper_href"] == "");  // the paper form is linked from the survey's own page
}

TEST_CASE("BuildView of an embedded thank-you page") {
  const json view = ViewOf(MakeSite(), "surveys/quality/embed/thanks/");
  CHECK(view["root"] == "../../../../");
  CHECK(view["title"] == "Спасибо, ваши ответы приняты");
  CHECK(view["survey"]["thanks"] == true);
  CHECK(view["survey"]["thanks_html"] == "<p>Спасибо за участие!</p>\n");
  CHECK_FALSE(view["survey"].contains("form"));
}

TEST_CASE("BuildView of a completed survey's embed page has no form and links to the survey's page") {
  const json view = ViewOf(MakeSite(), "surveys/spring/embed/");
  CHECK_FALSE(view["survey"].contains("form"));
  CHECK_FALSE(view.contains("scripts"));
  CHECK(view["survey"]["completed"] == true);
  CHECK(view["survey"]["page_url"] == "https://otklik.example.ru/surveys/spring/");
}

// --- internal output ---

TEST_CASE("BuildView of the internal home lists the internal surveys only, without a public address") {
  const json view = InternalViewOf(MakeSite(), "");
  CHECK(view["root"] == "");
  CHECK(view["title"] == "Внутренние опросы");
  CHECK(view["head_title"] == "Внутренние опросы — Отзывы и решения");
  CHECK(view["canonical"] == "");
  CHECK(view["home_href"] == "index.html");
  CHECK(view["active"] == json::array({SurveyLink("", "staff")}));
  CHECK(view["completed"] == json::array({SurveyLink("", "staff-2025")}));
}

TEST_CASE("BuildView of an internal survey page has its form but no public address") {
  const json view = InternalViewOf(MakeSite(), "surveys/staff/");
  CHECK(view["root"] == "../../");
  CHECK(view["home_href"] == "../../index.html");
  CHECK(view["title"] == "Условия работы");
  CHECK(view["canonical"] == "");
  CHECK(view["scripts"] == json::array({"survey.js"}));
  CHECK(view["survey"]["page_url"] == "");
  CHECK(view["survey"]["href"] == "../../surveys/staff/index.html");
  CHECK(view["survey"]["form"]["action"] == "https://priem.example.ru/surveys/staff");
  CHECK(view["survey"]["paper_href"] == "../../surveys/staff/paper/index.html");
}

TEST_CASE("BuildView of a paper form: the survey, its form as printed, and the way back to the survey") {
  const json view = ViewOf(MakeSite(), "surveys/quality/paper/");
  CHECK(view["root"] == "../../../");
  CHECK(view["title"] == "Бумажная анкета: Оценка качества услуг");
  CHECK(view["head_title"] == "Бумажная анкета: Оценка качества услуг — Отзывы и решения");
  CHECK(view["description"] == "Анкета опроса «Оценка качества услуг» для печати и заполнения от руки.");
  CHECK(view["searchable"] == false);
  CHECK_FALSE(view.contains("scripts"));
  const json& survey = view["survey"];
  CHECK(survey["href"] == "../../../surveys/quality/index.html");
  CHECK(survey["intro_html"] == "<p>Опрос <strong>анонимный</strong>.</p>\n");
  const Site site = MakeSite();
  CHECK(survey["form"] ==
        SurveyFormView(*site.FindSurvey("quality"), site.messages(), MarkdownRenderer(), "", FormMedium::kPaper));
}

TEST_CASE("BuildView of an internal paper form has no public address") {
  const json view = InternalViewOf(MakeSite(), "surveys/staff/paper/");
  CHECK(view["canonical"] == "");
  CHECK(view["survey"]["page_url"] == "");
  CHECK(view["survey"]["href"] == "../../../surveys/staff/index.html");
}

TEST_CASE("BuildView of an internal thank-you page has no public address") {
  const json view = InternalViewOf(MakeSite(), "surveys/staff/thanks/");
  CHECK(view["root"] == "../../../");
  CHECK(view["canonical"] == "");
  CHECK(view["survey"]["page_url"] == "");
  CHECK(view["survey"]["thanks"] == true);
}

TEST_CASE("BuildView of a completed internal survey page has no form and no public address") {
  const json view = InternalViewOf(MakeSite(), "surveys/staff-2025/");
  CHECK(view["canonical"] == "");
  CHECK(view["survey"]["page_url"] == "");
  CHECK(view["survey"]["completed"] == true);
  CHECK_FALSE(view["survey"].contains("form"));
}

TEST_CASE("BuildView of no public page mentions an internal survey") {
  const Site site = MakeSite();
  const MarkdownRenderer markdown;
  for (const PlannedPage& page : PlanPages(site, kAsOf)) {
    INFO(page.output);
    const std::string dumped = BuildView({site, markdown, kAsOf}, page).dump();
    CHECK(dumped.find("staff") == std::string::npos);
    CHECK(dumped.find("Условия работы") == std::string::npos);
  }
}

// --- home ---

TEST_CASE("BuildView of the home page lists the active external surveys, the soonest to close first") {
  CHECK(ViewOf(MakeSite(), "")["surveys"] == json::array({SurveyLink("", "quality"), SurveyLink("", "accessibility")}));
}

TEST_CASE("BuildView of the home page without active surveys has an empty survey list") {
  const Site site = MakeSite();
  CHECK(ViewOf(site, "", Date(2027, 1, 1))["surveys"] == json::array());
}

// --- service ---

TEST_CASE("BuildView of a service page links to the active surveys that offer it, with it preselected") {
  const Site site = MakeSite();
  CHECK(ViewOf(site, "services/pension/")["service"]["surveys"] ==
        json::array({{{"title", "Оценка качества услуг"},
                      {"href", "../../surveys/quality/index.html?service=pension"},
                      {"closes", "до 4\u00A0декабря 2026\u00A0г."}}}));
  CHECK(ViewOf(site, "services/subsidy/")["service"]["surveys"] ==
        json::array({{{"title", "Оценка качества услуг"},
                      {"href", "../../surveys/quality/index.html?service=subsidy"},
                      {"closes", "до 4\u00A0декабря 2026\u00A0г."}}}));
  CHECK(ViewOf(site, "services/allowance/")["service"]["surveys"] ==
        json::array({{{"title", "Доступность офисов"},
                      {"href", "../../surveys/accessibility/index.html?service=allowance"},
                      {"closes", "до 20\u00A0декабря 2026\u00A0г."}}}));
}

TEST_CASE("BuildView of a service page leaves out upcoming, completed and internal surveys") {
  // «care» is offered by winter (upcoming), spring (completed) and staff (internal).
  CHECK(ViewOf(MakeSite(), "services/care/")["service"]["surveys"] == json::array());
}

TEST_CASE("BuildView of a service page links to a survey once it opens and no more after it closes") {
  const Site site = MakeSite();
  CHECK(ViewOf(site, "services/care/", Date(2026, 12, 1))["service"]["surveys"] ==
        json::array({{{"title", "Зимний опрос"},
                      {"href", "../../surveys/winter/index.html?service=care"},
                      {"closes", "до 25\u00A0декабря 2026\u00A0г."}}}));
  CHECK(ViewOf(site, "services/care/", Date(2026, 12, 26))["service"]["surveys"] == json::array());
}

}  // namespace
}  // namespace otklik::survey_views_test
