// The survey pages as the default theme (templates/) renders them: structural
// facts of the HTML that accessibility and the no-JavaScript form rely on.

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>

#include "../model/survey_samples.h"
#include "render/page_plan.h"
#include "render/template_set.h"
#include "render/views.h"

namespace otklik::survey_page_html_test {
namespace {

using Tags = std::vector<std::string>;

const Date kAsOf(2026, 11, 22);

SiteConfig MakeConfig() {
  SiteConfig config;
  config.title = "Отзывы и решения";
  config.agency = {"Министерство социальной защиты Тестовой области", "Минсоц", "Тестовая область", ""};
  config.base_url = "https://otklik.example.ru/";
  config.receiver_url = "https://priem.example.ru";
  return config;
}

// The seed-002 reference questionnaire («sample», active on kAsOf).
Site MakeSite(std::vector<Service> services = testing::SampleServices(),
              std::vector<Survey> surveys = {testing::ReferenceSurvey()}) {
  return Site(MakeConfig(), std::move(services), {}, {}, {}, std::move(surveys));
}

// The page at `url` of `plan` rendered with the default theme.
std::string RenderIn(const Site& site, const std::vector<PlannedPage>& plan, const std::string& url,
                     const Date& as_of) {
  RealFileSystem fs;
  Diagnostics diagnostics;
  std::optional<TemplateSet> templates = TemplateSet::Load(fs, std::string(OTKLIK_SOURCE_DIR) + "/templates",
                                                           PageTemplateNames(), &diagnostics, &site.messages());
  INFO(diagnostics.ToString());
  REQUIRE(templates);
  const MarkdownRenderer markdown;
  for (const PlannedPage& page : plan) {
    if (page.url != url) continue;
    const Result<std::string> html =
        templates->Render(page.info().template_name, BuildView({site, markdown, as_of}, page), page.info().layout);
    INFO((html.ok() ? "" : html.status().message()));
    REQUIRE(html.ok());
    return html.value();
  }
  FAIL("no planned page at " << url);
  return "";
}

// The public page at `url`.
std::string RenderPage(const Site& site, const std::string& url, const Date& as_of = kAsOf) {
  return RenderIn(site, PlanPages(site, as_of), url, as_of);
}

// The page at `url` of the internal output.
std::string RenderInternalPage(const Site& site, const std::string& url, const Date& as_of = kAsOf) {
  return RenderIn(site, PlanInternalPages(site, as_of, false), url, as_of);
}

// The reference questionnaire as an internal survey («staff»).
Survey InternalSurvey() {
  Survey survey = testing::ReferenceSurvey();
  survey.id = "staff";
  survey.audience = Audience::kInternal;
  return survey;
}

// `count` services («Услуга 1», …) and a survey («many») that asks which one.
Site ManyServicesSite(int count) {
  std::vector<Service> services;
  for (int i = 1; i <= count; ++i) {
    Service service;
    service.id = "s" + std::to_string(i);
    service.title = "Услуга " + std::to_string(i);
    services.push_back(service);
  }
  Diagnostics diagnostics;
  std::optional<Survey> survey =
      ParseSurvey("content/surveys/many.yaml",
                  "title: Много услуг\nopens: 2026-11-01\ncloses: 2026-11-30\n"
                  "revision: 1\nquestions:\n  - {id: service, kind: service, text: Услуга}\n",
                  services, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(survey);
  return MakeSite(services, {*survey});
}

// Every match of `pattern` in `html`: the whole match, or group 1 if it has one.
Tags FindAll(const std::string& html, const std::string& pattern) {
  const std::regex re(pattern);
  Tags out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it) {
    out.push_back(it->size() > 1 ? (*it)[1].str() : it->str());
  }
  return out;
}

// The opening tags named `name`: "<input …>".
Tags TagsNamed(const std::string& html, const std::string& name) {
  return FindAll(html, "<" + name + "(?:\\s[^>]*)?>");
}

// The value of attribute `name` in `tag`; "" when absent.
std::string Attr(const std::string& tag, const std::string& name) {
  const Tags values = FindAll(tag, "\\s" + name + "=\"([^\"]*)\"");
  return values.empty() ? "" : values[0];
}

// The page's <main>: the survey, without the header's search form.
std::string MainOf(const std::string& html) {
  const size_t begin = html.find("<main");
  const size_t end = html.find("</main>");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  return html.substr(begin, end - begin);
}

bool HasAttr(const std::string& tag, const std::string& name) {
  return std::regex_search(tag, std::regex("\\s" + name + "(=|\\s|>)"));
}

std::vector<std::string> NonTextQuestionIds(const Survey& survey) {
  std::vector<std::string> ids;
  for (const Question& q : survey.questions) {
    if (q.kind != QuestionKind::kText) ids.push_back(q.id);
  }
  return ids;
}

TEST_CASE("The survey page has one form, posting to the receiver with the survey's revision") {
  const std::string html = MainOf(RenderPage(MakeSite(), "surveys/sample/"));
  const Tags forms = TagsNamed(html, "form");
  REQUIRE(forms.size() == 1);
  CHECK(Attr(forms[0], "method") == "post");
  CHECK(Attr(forms[0], "action") == "https://priem.example.ru/surveys/sample");
  CHECK(Attr(forms[0], "accept-charset") == "UTF-8");
  CHECK(html.find("<input type=\"hidden\" name=\"_revision\" value=\"1\">") != std::string::npos);
  CHECK(html.find("name=\"_embed\"") == std::string::npos);
  CHECK(FindAll(html, "<button type=\"submit\"[^>]*>([^<]*)</button>") == Tags{"Отправить ответы"});
}

TEST_CASE("The survey page puts every question with choices in a fieldset with a legend first") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/");
  CHECK(FindAll(html, "<fieldset [^>]*data-question=\"([^\"]*)\"[^>]*>\\s*<legend") ==
        NonTextQuestionIds(testing::ReferenceSurvey()));
  CHECK(TagsNamed(html, "fieldset").size() == 15);
  CHECK(TagsNamed(html, "legend").size() == 15);
}

TEST_CASE("The survey page gives the text question a label and its length limit") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/");
  const Tags areas = TagsNamed(html, "textarea");
  REQUIRE(areas.size() == 1);
  CHECK(Attr(areas[0], "id") == "q_proposals_input");
  CHECK(Attr(areas[0], "name") == "proposals");
  CHECK(Attr(areas[0], "maxlength") == "20");
  CHECK(Attr(areas[0], "aria-describedby") == "q_proposals_length");
  CHECK(FindAll(html, "<p class=\"question__hint\" id=\"q_proposals_length\">([^<]*)</p>") ==
        Tags{"Не более 20 знаков."});
}

TEST_CASE("The survey page labels every input: with a <label for>, or in the matrix with an aria-label") {
  const std::string html = MainOf(RenderPage(MakeSite(), "surveys/sample/"));
  std::multiset<std::string> labelled;
  for (const std::string& label : TagsNamed(html, "label")) labelled.insert(Attr(label, "for"));
  Tags controls = TagsNamed(html, "input");
  for (const char* name : {"select", "textarea"}) {
    for (const std::string& tag : TagsNamed(html, name)) controls.push_back(tag);
  }
  size_t checked = 0;
  for (const std::string& tag : controls) {
    if (Attr(tag, "type") == "hidden") continue;
    INFO(tag);
    const std::string id = Attr(tag, "id");
    REQUIRE_FALSE(id.empty());
    if (Attr(tag, "name").starts_with("parameters.")) {
      CHECK(labelled.count(id) == 0);
      CHECK(std::regex_match(Attr(tag, "aria-label"), std::regex("[^:]+: [1-5] из 5")));
    } else {
      CHECK(labelled.count(id) == 1);
    }
    ++checked;
  }
  // 2+6+5+3+5+2+2+3+5×5+4+3+3+2+4+5 answers, the text box and the honeypot.
  CHECK(checked == 76);
}

TEST_CASE("The survey page has no duplicate ids and no label for a missing element") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/");
  const Tags ids = FindAll(html, "\\sid=\"([^\"]*)\"");
  const std::set<std::string> unique(ids.begin(), ids.end());
  CHECK(unique.size() == ids.size());
  for (const std::string& label : TagsNamed(html, "label")) {
    INFO(label);
    CHECK(unique.count(Attr(label, "for")) == 1);
  }
}

TEST_CASE("The survey page lays the matrix out in a table whose rows are radio groups named by their text") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/");
  // A row of a data table cannot be a group: the table is for the eye, and each cell's label says its rating.
  CHECK(TagsNamed(html, "table") == Tags{"<table class=\"matrix\" role=\"presentation\">"});
  CHECK(TagsNamed(html, "thead") == Tags{"<thead aria-hidden=\"true\">"});
  CHECK(FindAll(html, "<th>([^<]*)</th>") == Tags{"Параметр", "1", "2", "3", "4", "5"});
  CHECK(FindAll(html, "<tr id=\"([^\"]*)\" role=\"radiogroup\" aria-labelledby=\"\\1_label\" aria-required=\"true\"") ==
        Tags{"q_parameters_application", "q_parameters_status", "q_parameters_documents", "q_parameters_speed",
             "q_parameters_online"});
  CHECK(FindAll(html, "<th><span id=\"q_parameters_[a-z]+_label\">([^<]*)</span>") ==
        Tags{"Заявление", "Статус", "Документы", "Скорость", "Онлайн"});
  const Tags cells = FindAll(html, "<td><input type=\"radio\" id=\"q_parameters_speed_[1-5]\" name=\"([^\"]*)\"");
  CHECK(cells == Tags(5, "parameters.speed"));
}

TEST_CASE("The survey page marks a required question aria-required once, on its radio group or its only control") {
  const std::string html = MainOf(RenderPage(MakeSite(), "surveys/sample/"));
  Tags required;
  for (const std::string& tag : FindAll(html, "<[a-z]+\\s[^>]*aria-required=\"true\"[^>]*>")) {
    required.push_back(Attr(tag, "id"));
  }
  // Not the multiple choice (ARIA gives a group no required state) nor the optional questions.
  CHECK(required == Tags{"q_service", "q_overall", "q_channel", "q_online-service", "q_initiative", "q_provided",
                         "q_informing", "q_parameters_application", "q_parameters_status", "q_parameters_documents",
                         "q_parameters_speed", "q_parameters_online", "q_staff", "q_timing", "q_refusal-info"});
  // Every question with radio buttons is a radio group.
  CHECK(FindAll(html, "<fieldset class=\"question\" role=\"radiogroup\"").size() == 13);
  // No native «required»: the browser would stop the post with its own message, before the script's
  // summary and, without JavaScript, before the receiver's page that lists every error.
  CHECK(FindAll(html, "\\srequired[\\s=>]").empty());
}

TEST_CASE("The survey page hides the honeypot from people inside an aria-hidden container") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/");
  const Tags honeypots = FindAll(html, "<div class=\"honeypot\" aria-hidden=\"true\">((?:(?!</div>)[\\s\\S])*)</div>");
  REQUIRE(honeypots.size() == 1);
  const Tags inputs = TagsNamed(honeypots[0], "input");
  REQUIRE(inputs.size() == 1);
  CHECK(Attr(inputs[0], "name") == "_contact_email");
  CHECK(Attr(inputs[0], "tabindex") == "-1");
  CHECK(Attr(inputs[0], "autocomplete") == "off");
  CHECK(FindAll(html, "name=\"_contact_email\"").size() == 1);
}

TEST_CASE("The survey page explains the skip rules in plain notes for reading without JavaScript") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/");
  CHECK(FindAll(html, "<p class=\"question__note\" data-skip-note>([^<]*)</p>") ==
        Tags{"Если вы выбрали «Учреждение» или «МФЦ», перейдите к вопросу 6.",
             "Если вы выбрали «Да», перейдите к вопросу 9.",
             "Ответьте на этот вопрос, если на вопрос 7 вы ответили «Нет»."});
}

TEST_CASE("The survey page loads the accessibility panel's and the deferred survey script from the assets, no inline script") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/");
  CHECK(FindAll(html, "<script[\\s\\S]*?</script>") == Tags{"<script src=\"../../assets/access.js\"></script>",
                                                           "<script src=\"../../assets/survey.js\" defer></script>"});
  CHECK(TagsNamed(html, "script").size() == 2);
  CHECK(FindAll(html, "\\son[a-z]+=").empty());
  CHECK(html.find("javascript:") == std::string::npos);
}

TEST_CASE("The embedded survey page posts the embed flag and loads the script three folders up") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/embed/");
  CHECK(TagsNamed(html, "body") == Tags{"<body class=\"embedded\">"});
  CHECK(TagsNamed(html, "form").size() == 1);
  CHECK(html.find("<input type=\"hidden\" name=\"_embed\" value=\"1\">") != std::string::npos);
  CHECK(FindAll(html, "<script[\\s\\S]*?</script>") ==
        Tags{"<script src=\"../../../assets/survey.js\" defer></script>"});
  CHECK(FindAll(html, "<fieldset [^>]*data-question=\"([^\"]*)\"[^>]*>\\s*<legend") ==
        NonTextQuestionIds(testing::ReferenceSurvey()));
}

TEST_CASE("The page of a completed survey has no form and only the accessibility panel's script") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/", Date(2026, 12, 5));
  CHECK(TagsNamed(MainOf(html), "form").empty());
  CHECK(FindAll(html, "<script[\\s\\S]*?</script>") == Tags{"<script src=\"../../assets/access.js\"></script>"});
  CHECK(FindAll(html, "<p class=\"eyebrow\">([^<]*)</p>") == Tags{"Опрос завершён"});
}

TEST_CASE("The page of a completed survey gives its dates in one sentence") {
  // The period ends in «г.»; the sentence must not get a second full stop («г.. Ответы»).
  const std::string expected =
      "<p class=\"notice\">Опрос проводился с 9\u00A0ноября 2026\u00A0г. по 4\u00A0декабря 2026\u00A0г.; ответы "
      "больше не принимаются.</p>";
  CHECK(RenderPage(MakeSite(), "surveys/sample/", Date(2026, 12, 5)).find(expected) != std::string::npos);
  CHECK(RenderPage(MakeSite(), "surveys/sample/embed/", Date(2026, 12, 5)).find("г.. ") == std::string::npos);
}

TEST_CASE("The internal survey page has the form, the script and no link to the public site") {
  const std::string html =
      RenderInternalPage(MakeSite(testing::SampleServices(), {InternalSurvey()}), "surveys/staff/");
  const Tags forms = TagsNamed(html, "form");
  REQUIRE(forms.size() == 1);
  CHECK(Attr(forms[0], "action") == "https://priem.example.ru/surveys/staff");
  CHECK(FindAll(html, "<script[\\s\\S]*?</script>") == Tags{"<script src=\"../../assets/survey.js\" defer></script>"});
  CHECK(html.find("otklik.example.ru") == std::string::npos);
  CHECK(html.find("rel=\"canonical\"") == std::string::npos);
}

TEST_CASE("The page of a completed internal survey has no empty link") {
  // page_url is empty for internal pages, so there is no link to the public page.
  const std::string html =
      RenderInternalPage(MakeSite(testing::SampleServices(), {InternalSurvey()}), "surveys/staff/", Date(2026, 12, 5));
  CHECK(TagsNamed(html, "form").empty());
  CHECK(html.find("href=\"\"") == std::string::npos);
}

TEST_CASE("The survey page shows a service question of more than eight services as a labelled drop-down list") {
  const std::string html = RenderPage(ManyServicesSite(9), "surveys/many/");
  const Tags selects = TagsNamed(html, "select");
  REQUIRE(selects.size() == 1);
  CHECK(Attr(selects[0], "id") == "q_service_input");
  CHECK(Attr(selects[0], "name") == "service");
  CHECK(FindAll(html, "<label class=\"question__title\" for=\"([^\"]*)\">") == Tags{"q_service_input"});
  CHECK(FindAll(html, "<option value=\"([^\"]*)\"") == Tags{"", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"});
  CHECK(TagsNamed(html, "fieldset").empty());
  CHECK_FALSE(HasAttr(selects[0], "multiple"));
}

// --- the paper form ---

// The questions of a paper form: question id → the HTML of its section.
std::vector<std::pair<std::string, std::string>> PaperQuestions(const std::string& html) {
  const std::regex re("<section class=\"paper-q\" aria-labelledby=\"q_([^\"]+)\">([\\s\\S]*?)</section>");
  std::vector<std::pair<std::string, std::string>> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it) {
    out.emplace_back((*it)[1].str(), (*it)[2].str());
  }
  return out;
}

size_t BoxesIn(const std::string& html) { return FindAll(html, "<span class=\"paper-box\" aria-hidden=\"true\"></span>").size(); }

TEST_CASE("The paper form is a page of its own with no form, no control and no script, kept out of search engines") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/paper/");
  CHECK(TagsNamed(html, "body") == Tags{"<body class=\"paper-page\">"});
  for (const char* name : {"form", "input", "select", "textarea", "button", "script"}) {
    INFO(name);
    CHECK(TagsNamed(html, name).empty());
  }
  CHECK(html.find("<meta name=\"robots\" content=\"noindex\">") != std::string::npos);
  CHECK(html.find("rel=\"canonical\"") == std::string::npos);
  CHECK(FindAll(html, "<link rel=\"stylesheet\" href=\"([^\"]*)\">") == Tags{"../../../assets/style.css"});
  CHECK(FindAll(html, "<a href=\"([^\"]*)\">Вернуться к опросу</a>") == Tags{"../../../surveys/sample/index.html"});
  CHECK(FindAll(html, "<h1 class=\"paper__title\">([^<]*)</h1>") == Tags{"Оценка"});
  CHECK(FindAll(html, "<div class=\"paper__how\">\\s*<p>[^<]*</p>\\s*<p>([^<]*)</p>") ==
        Tags{"Вопросов: 16. Ответьте на все вопросы, кроме отмеченных словом «необязательный». Следуйте указаниям "
             "«перейдите к вопросу»: вопросы, которые они пропускают, оставьте без ответа."});
}

TEST_CASE("The paper form gives every option a box to tick, and the matrix a box per row and rating") {
  const auto questions = PaperQuestions(RenderPage(MakeSite(), "surveys/sample/paper/"));
  // The web form's inputs, question by question: 2+6+5+3+5+2+2+3+5×5+4+3+3+2+4+5, the text box none.
  const std::vector<std::pair<std::string, size_t>> expected = {
      {"service", 2},    {"info-source", 6}, {"overall", 5},  {"channel", 3},      {"online-service", 5},
      {"initiative", 2}, {"provided", 2},    {"informing", 3}, {"parameters", 25}, {"staff", 4},
      {"timing", 3},     {"refusal-info", 3}, {"sex", 2},      {"age", 4},         {"education", 5},
      {"proposals", 0}};
  std::vector<std::pair<std::string, size_t>> boxes;
  for (const auto& [id, section] : questions) boxes.emplace_back(id, BoxesIn(section));
  CHECK(boxes == expected);
}

TEST_CASE("The paper form prints each option's text with the code an import reads, and the matrix rows' fields") {
  const auto questions = PaperQuestions(RenderPage(MakeSite(), "surveys/sample/paper/"));
  CHECK(FindAll(questions[1].second, "<li><span class=\"paper-box\" aria-hidden=\"true\"></span> <span>([^<]*[^<\\s])") ==
        Tags{"Портал", "Сайт", "Учреждение", "МФЦ", "СМИ", "Знакомые"});
  CHECK(FindAll(questions[1].second, "<span class=\"paper-code\" aria-hidden=\"true\">([^<]*)</span>") ==
        Tags{"info-source", "portal", "website", "office", "mfc", "media", "people"});
  CHECK(FindAll(questions[8].second, "<span class=\"paper-code\" aria-hidden=\"true\">([^<]*)</span>") ==
        Tags{"parameters.application", "parameters.status", "parameters.documents", "parameters.speed",
             "parameters.online"});
  CHECK(FindAll(questions[8].second, "<th scope=\"col\">([^<]*)</th>") == Tags{"Параметр", "1", "2", "3", "4", "5"});
}

TEST_CASE("The paper form writes the jumps as instructions, beside the options and after them") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/paper/");
  CHECK(FindAll(html, "<p class=\"paper-q__note\">([^<]*)</p>") ==
        Tags{"Если вы отметили «Учреждение» или «МФЦ», перейдите к вопросу 6.",
             "Если вы отметили «Да», перейдите к вопросу 9.",
             "Ответьте на этот вопрос, если на вопрос 7 вы ответили «Нет»."});
  CHECK(FindAll(html, "<strong class=\"paper-boxes__jump\">([^<]*)</strong>") ==
        Tags{"→ к вопросу 6", "→ к вопросу 6", "→ к вопросу 9"});
}

TEST_CASE("The paper form has a field for the date of filling in and ruled lines for the open answer") {
  const std::string html = RenderPage(MakeSite(), "surveys/sample/paper/");
  const Tags dates = FindAll(html, "<div class=\"paper__date\">([\\s\\S]*?)</div>");
  REQUIRE(dates.size() == 1);
  CHECK(dates[0].find("<span>Дата заполнения:</span>") != std::string::npos);
  CHECK(FindAll(dates[0], "<span class=\"paper-digit\"></span>").size() == 8);  // ДД.ММ.ГГГГ
  CHECK(FindAll(dates[0], "<span class=\"paper-digit-sep\">([^<]*)</span>") == Tags{".", "."});
  CHECK(FindAll(html, "<p class=\"paper__accepts\">([^<]*)</p>") ==
        Tags{"Анкеты принимаются до 4\u00A0декабря 2026\u00A0г."});  // «г.», no second full stop
  const auto questions = PaperQuestions(html);
  CHECK(FindAll(questions.back().second, "<div class=\"paper-lines__line\"></div>").size() == 1);  // 20 characters
}

TEST_CASE("The paper form lists every service of a long service question with a box, in columns") {
  const std::string html = RenderPage(ManyServicesSite(12), "surveys/many/paper/");
  CHECK(TagsNamed(html, "ul") == Tags{"<ul class=\"paper-boxes paper-boxes--columns\">"});
  Tags expected;
  for (int i = 1; i <= 12; ++i) expected.push_back("Услуга " + std::to_string(i));
  CHECK(FindAll(html, "<li><span class=\"paper-box\" aria-hidden=\"true\"></span> <span>([^<]*[^<\\s])") == expected);
}

TEST_CASE("The page of an active survey links to its paper form; an embedded or a completed one does not") {
  const Site site = MakeSite();
  CHECK(FindAll(RenderPage(site, "surveys/sample/"), "<a href=\"([^\"]*)\">Распечатать бумажную анкету</a>") ==
        Tags{"../../surveys/sample/paper/index.html"});
  CHECK(RenderPage(site, "surveys/sample/embed/").find("paper/") == std::string::npos);
  CHECK(RenderPage(site, "surveys/sample/", Date(2026, 12, 5)).find("paper/") == std::string::npos);
  for (const PlannedPage& page : PlanPages(site, Date(2026, 12, 5))) CHECK(page.kind != PageKind::kSurveyPaper);
}

TEST_CASE("A staff survey's paper form is in the internal output only, linked from its form") {
  const Site site = MakeSite(testing::SampleServices(), {InternalSurvey()});
  for (const PlannedPage& page : PlanPages(site, kAsOf)) CHECK(page.kind != PageKind::kSurveyPaper);
  CHECK(FindAll(RenderInternalPage(site, "surveys/staff/"), "<a href=\"([^\"]*)\">Распечатать бумажную анкету</a>") ==
        Tags{"../../surveys/staff/paper/index.html"});
  const std::string html = RenderInternalPage(site, "surveys/staff/paper/");
  CHECK(PaperQuestions(html).size() == 16);
  CHECK(html.find("otklik.example.ru") == std::string::npos);
}

}  // namespace
}  // namespace otklik::survey_page_html_test
