#include "site/build.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "build_inputs.h"
#include "model/site_loader.h"
#include "render/page_kinds.h"
#include "site/content.h"
#include "site/reports.h"
#include "../temp_dir.h"

namespace otklik::build_test {
namespace {

using namespace testing;  // NOLINT(build/namespaces): the helpers of build_inputs.h

std::string Page(const std::string& head_title, const std::string& root, const std::string& body) {
  return "<!DOCTYPE html>\n<title>" + head_title + "</title>\n<link rel=\"stylesheet\" href=\"" + root +
         "assets/style.css\">\n" + body;
}

TEST_CASE("Build writes every page, the assets, sitemap.xml and robots.txt") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  CHECK(NamesUnder(fs, "site") == Names{".otklik-site", "404.html", "about/index.html", "assets/img/logo.svg",
                                        "assets/style.css", "data/appeals/data-20261123-structure-20261123.csv",
                                        "data/appeals/data.json", "data/appeals/meta.csv",
                                        "data/appeals/structure-20261123.csv",
                                        "data/decisions/data-20261123-structure-20261123.csv",
                                        "data/decisions/data.json", "data/decisions/meta.csv",
                                        "data/decisions/structure-20261123.csv", "data/index.html", "data/list.csv",
                                        "data/measures/data-20261123-structure-20261123.csv",
                                        "data/measures/data.json", "data/measures/meta.csv",
                                        "data/measures/structure-20261123.csv",
                                        "data/processes/data-20261207-structure-20261207.csv",
                                        "data/processes/data.json", "data/processes/meta.csv",
                                        "data/processes/structure-20261207.csv",
                                        "data/satisfaction/data-20261206-structure-20261206.csv",
                                        "data/satisfaction/data.json", "data/satisfaction/meta.csv",
                                        "data/satisfaction/structure-20261206.csv", "decisions/index.html",
                                        "feed.xml", "index.html",
                                        "reports/index.html", "results/index.html",
                                        "results/methodology/index.html", "robots.txt", "search/index.html", "services/index.html",
                                        "services/pension/feed.xml", "services/pension/index.html",
                                        "services/subsidy/feed.xml", "services/subsidy/index.html", "sitemap.xml",
                                        "situations/index.html", "situations/retirement/index.html",
                                        "surveys/index.html", "touchpoints/index.html", "touchpoints/mfc/index.html"});
  CHECK_FALSE(fs.IsDirectory(".site.staging"));
}

TEST_CASE("Build renders each page through its template and the layout") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  const Files site = FilesUnder(fs, "site");
  CHECK(site.at("index.html") ==
        Page("Отзывы и решения — Министерство социальной защиты Тестовой области", "",
             "<h1>Отзывы и решения</h1>\n<a href=\"situations/retirement/index.html\">Выход на пенсию</a>\n"));
  CHECK(site.at("services/pension/index.html") ==
        Page("Пенсия — Отзывы и решения", "../../", "<h1>Пенсия</h1>\n<h2>Как оформить</h2>\n<p>Заявление.</p>\n"));
  CHECK(site.at("situations/retirement/index.html") ==
        Page("Выход на пенсию — Отзывы и решения", "../../",
             "<h1>Выход на пенсию</h1>\n<a href=\"../../services/pension/index.html\">Пенсия</a>\n"
             "<a href=\"../../services/subsidy/index.html\">Субсидия</a>\n"));
  CHECK(site.at("about/index.html") ==
        Page("О проекте — Отзывы и решения", "../", "<h1>О проекте</h1>\n<p>Кто мы.</p>\n"));
  CHECK(site.at("404.html") == Page("Страница не найдена — Отзывы и решения", "/",
                                    "<h1>Страница не найдена</h1>\n<a href=\"/index.html\">На главную</a>\n"));
}

TEST_CASE("Build copies the theme's assets byte for byte") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  const Files site = FilesUnder(fs, "site");
  CHECK(site.at("assets/style.css") == "body { margin: 0 }\n");
  CHECK(site.at("assets/img/logo.svg") == "<svg/>");
}

TEST_CASE("Build writes sitemap.xml and robots.txt under base_url") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  const Files site = FilesUnder(fs, "site");
  CHECK(site.at("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://otklik.example.ru/sitemap.xml\n");
  CHECK(site.at("sitemap.xml") ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "  <url><loc>https://otklik.example.ru/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/services/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/situations/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/touchpoints/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/surveys/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/results/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/results/methodology/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/reports/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/services/pension/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/services/subsidy/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/situations/retirement/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/touchpoints/mfc/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/decisions/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/data/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/about/</loc></url>\n"
        "</urlset>\n");
}

TEST_CASE("Build reports the pages, assets and changed files it wrote") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  const BuildSummary summary = BuildOk(&fs);
  CHECK(summary.pages == 17);
  CHECK(summary.assets == 2);
  CHECK(summary.changed == 45);
  CHECK(summary.internal_pages == 0);
}

TEST_CASE("Build counts as changed only the files that differ from the published site") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  CHECK(BuildOk(&fs).changed == 45);
  CHECK(BuildOk(&fs).changed == 0);
  CHECK(BuildOk(&fs).changed == 0);
  Put(&fs, "content/services/pension.md",
      "---\ntitle: Пенсия по старости\nkind: service\nsituations: [retirement]\ntouchpoints: [mfc]\n---\n");
  const BuildSummary summary = BuildOk(&fs);
  // Its page and feed, the pages that list it by its title, and the register of processes.
  CHECK(summary.changed_files == std::vector<std::string>{"data/processes/data-20261207-structure-20261207.csv",
                                                        "data/processes/data.json", "services/index.html",
                                                        "services/pension/feed.xml",
                                                          "services/pension/index.html",
                                                          "situations/retirement/index.html"});
  CHECK(summary.changed == 6);
  CHECK(summary.pages == 17);
}

TEST_CASE("An incremental build after a change to one service rewrites only the pages that show it") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  const BuildSummary first = BuildOk(&fs);
  CHECK(first.changed == 45);
  CHECK(first.rendered == 17);
  // The description is on the service's page only.
  Put(&fs, "content/services/pension.md",
      "---\ntitle: Пенсия\nkind: service\nsituations: [retirement]\ntouchpoints: [mfc]\n---\n# Как оформить\n\n"
      "Заявление можно подать и по почте.\n");
  const BuildSummary summary = BuildOk(&fs);
  CHECK(summary.changed_files == Names{"services/pension/index.html"});
  CHECK(summary.rendered == 1);  // one page rendered again, the rest known from the manifest
  const Files incremental = FilesUnder(fs, "site");

  // A full build of the same inputs, from nothing, gives the same bytes.
  MemoryFileSystem fresh;
  for (const auto& [path, bytes] : fs.Files()) {
    if (path.starts_with("content/") || path.starts_with("templates/") || path.starts_with("data/")) {
      Put(&fresh, path, bytes);
    }
  }
  BuildOk(&fresh);
  CHECK(FilesUnder(fresh, "site") == incremental);
}

TEST_CASE("An incremental build renders every page again when a template changes") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  BuildOk(&fs);
  CHECK(BuildOk(&fs).rendered == 0);
  const std::string layout = fs.Files().at("templates/layout.mustache");
  Put(&fs, "templates/layout.mustache", layout + "<!-- v2 -->\n");
  const BuildSummary summary = BuildOk(&fs);
  CHECK(summary.rendered == 17);
  CHECK(summary.changed == 17);  // every page, and nothing else
}

TEST_CASE("Builds that share a memo parse the theme again only when a file of it changed") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildMemo memo;
  BuildOptions options = Options();
  options.memo = &memo;
  BuildOk(&fs, options);
  REQUIRE(memo.theme.templates);
  REQUIRE(memo.theme.messages);
  // While no file of the theme changed, the next build uses what the memo
  // holds: put another layout there to see it.
  Put(&fs, "elsewhere/layout.mustache", "<!-- from the memo -->\n{{{content}}}");
  Diagnostics diagnostics;
  memo.theme.templates = TemplateSet::Load(fs, "elsewhere", PageTemplateNames(), &diagnostics,
                                           &*memo.theme.messages, &DefaultTemplates());
  REQUIRE(memo.theme.templates);
  BuildOk(&fs, options);
  INFO(fs.Files().at("site/index.html"));
  CHECK(fs.Files().at("site/index.html").starts_with("<!-- from the memo -->\n"));

  const std::string layout = fs.Files().at("templates/layout.mustache");
  Put(&fs, "templates/layout.mustache", layout + "<!-- v2 -->\n");
  BuildOk(&fs, options);
  CHECK(fs.Files().at("site/index.html").starts_with("<!DOCTYPE html>\n"));
  CHECK(fs.Files().at("site/index.html").ends_with("<!-- v2 -->\n"));
}

TEST_CASE("Builds that share a memo count the responses again only when a stored file or a survey changed") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  TempDir data;
  std::filesystem::create_directories(data / "responses/quality");
  const auto store = [&](int rating, int times) {
    std::ofstream out(data / "responses/quality/web.jsonl", std::ios::app);
    for (int i = 0; i < times; ++i) {
      out << "{\"answers\":{\"overall\":[\"" << rating << "\"],\"service\":[\"pension\"]},\"date\":\"2026-11-10\","
             "\"revision\":1,\"source\":\"web\",\"survey\":\"quality\"}\n";
    }
    REQUIRE(out.good());
  };
  store(5, 3);
  BuildMemo memo;
  BuildOptions options = Options();
  options.data_dir = data.path();
  options.memo = &memo;
  BuildOk(&fs, options);
  const Results* counted = memo.responses.results.get();
  REQUIRE(counted != nullptr);
  CHECK(counted->scan.lines == 3);

  // An edit that changes no survey or stored file: the same counts, for the
  // new site, and the same figures while no name changed either.
  const std::shared_ptr<Figures> figures = memo.figures.figures;  // held: a new one cannot take its address
  REQUIRE(figures != nullptr);
  Put(&fs, "content/services/pension.md", fs.Files().at("content/services/pension.md") + "\nЕщё абзац.\n");
  BuildOk(&fs, options);
  CHECK(memo.responses.results.get() == counted);
  CHECK(memo.figures.figures == figures);
  // A title is the text of an option of the service question: the counts
  // and the figures stay, with the new text.
  Put(&fs, "content/services/pension.md",
      std::regex_replace(fs.Files().at("content/services/pension.md"), std::regex("title: Пенсия"),
                         "title: Пенсия по старости"));
  BuildOk(&fs, options);
  CHECK(memo.responses.results.get() == counted);
  CHECK(memo.responses.results->plan(0).slots()[0].option_texts[0] == "Пенсия по старости");
  CHECK(memo.figures.figures == figures);
  // A response more: counted again.
  store(4, 1);
  BuildOk(&fs, options);
  CHECK(memo.responses.results.get() != counted);
  CHECK(memo.responses.results->scan.lines == 4);
  // A survey changed: counted again.
  counted = memo.responses.results.get();
  Put(&fs, "content/surveys/quality.yaml", fs.Files().at("content/surveys/quality.yaml") + "summary: Кратко.\n");
  BuildOk(&fs, options);
  CHECK(memo.responses.results.get() != counted);

  // What the memo gave is what a build without one writes.
  MemoryFileSystem fresh;
  for (const auto& [path, bytes] : fs.Files()) {
    if (path.starts_with("content/") || path.starts_with("templates/")) Put(&fresh, path, bytes);
  }
  options.memo = nullptr;
  BuildOk(&fresh, options);
  CHECK(FilesUnder(fresh, "site") == FilesUnder(fs, "site"));
}

// A file system on which an editor saves `path` while the build reads the
// theme, that is after the content was read.
class SavedDuringBuild : public MemoryFileSystem {
 public:
  explicit SavedDuringBuild(std::string path) : path_(std::move(path)) {}
  Result<std::string> ReadFile(const std::string& path) const override {
    if (path == "templates/layout.mustache" && !saved_) {
      saved_ = true;
      const Result<std::string> before = MemoryFileSystem::ReadFile(path_);
      REQUIRE(const_cast<SavedDuringBuild*>(this)
                  ->WriteFile(path_, (before.ok() ? before.value() : std::string()) + "\n# saved\n")
                  .ok());
    }
    return MemoryFileSystem::ReadFile(path);
  }

 private:
  std::string path_;
  mutable bool saved_ = false;
};

TEST_CASE("A content file saved during a build is read again by the next, which counts again") {
  const std::string saved = GENERATE("content/site.yaml", "content/themes.yaml", "content/calendar.yaml",
                                     "content/surveys/quality.yaml");
  INFO(saved);
  SavedDuringBuild fs(saved);
  WriteInputs(&fs);
  WriteSurveys(&fs);
  Put(&fs, "content/themes.yaml", "themes: []\n");
  Put(&fs, "content/calendar.yaml", "2026:\n  source: test\n  holidays: [2026-01-01]\n");
  BuildMemo memo;
  BuildOptions options = Options();
  options.memo = &memo;
  BuildOk(&fs, options);
  const Results* counted = memo.responses.results.get();
  REQUIRE(counted != nullptr);
  // The first build counted from the file as it was before the save; its
  // memo must not claim the saved one.
  BuildOk(&fs, options);
  CHECK(memo.responses.results.get() != counted);
  counted = memo.responses.results.get();
  BuildOk(&fs, options);
  CHECK(memo.responses.results.get() == counted);
}

TEST_CASE("A page changed by hand in the output is written again, though its inputs did not change") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  const Files built = FilesUnder(fs, "site");
  BuildOk(&fs);  // both trees now hold every page with its key
  Put(&fs, "site/services/pension/index.html", "<p>changed by hand</p>");
  Put(&fs, ".site.staging/services/pension/index.html", "<p>changed by hand</p>");
  const BuildSummary summary = BuildOk(&fs);
  CHECK(summary.rendered == 1);
  CHECK(summary.changed_files == Names{"services/pension/index.html"});
  CHECK(FilesUnder(fs, "site") == built);
}

TEST_CASE("A damaged page manifest is ignored, and the build gives the same bytes") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  const Files built = FilesUnder(fs, "site");
  for (const std::string text : {"otklik-pages 1\n0123 12 34 services/index.html\n", "otklik-pages 1\ncut short",
                                 "something else\n"}) {
    Put(&fs, ".site.pages", text);
    const BuildSummary summary = BuildOk(&fs);
    CHECK(summary.rendered == 17);
    CHECK(summary.changed == 0);
    CHECK(FilesUnder(fs, "site") == built);
  }
}

TEST_CASE("Build gives the same bytes for the same inputs, whatever the number of threads") {
  MemoryFileSystem one;
  WriteInputs(&one);
  BuildOk(&one, Options(1));
  MemoryFileSystem many;
  WriteInputs(&many);
  BuildOk(&many, Options(4));
  CHECK(FilesUnder(one, "site") == FilesUnder(many, "site"));
}

TEST_CASE("Build gives the same bytes when run again over its own output") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  const Files first = FilesUnder(fs, "site");
  BuildOk(&fs);
  CHECK(FilesUnder(fs, "site") == first);
  BuildOk(&fs);
  CHECK(FilesUnder(fs, "site") == first);
}

TEST_CASE("Build fails on a content error with exact diagnostics and changes nothing") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  BuildOk(&fs);
  Put(&fs, "content/services/pension.md",
      "---\ntitle: Пенсия\nkind: service\nsituations: [retirement]\ntouchpoints: [mfx]\n---\n");
  const Files before = fs.Files();
  CHECK(BuildErrors(&fs) ==
        "content/services/pension.md:5: неизвестная точка взаимодействия «mfx» (возможно, имелось в виду "
        "«mfc»?)\n");
  CHECK(fs.Files() == before);
}

TEST_CASE("Build reports content and template errors in one run") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  Put(&fs, "content/pages/about.md", "---\ntitle: О проекте\nmenus: true\n---\n");
  Put(&fs, "templates/page.mustache", "{{#page}}\n{{> body}}{{/page}}");
  REQUIRE(fs.RemoveAll("templates/not_found.mustache").ok());
  CHECK(BuildErrors(&fs) ==
        "content/pages/about.md:3: неизвестное поле «menus» (возможно, имелось в виду «menu»?)\n"
        "templates/page.mustache:2: неизвестный фрагмент шаблона «body»\n");
}

TEST_CASE("A theme without the template of a page kind builds that page with the built-in template") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  REQUIRE(fs.RemoveAll("templates/not_found.mustache").ok());
  BuildOk(&fs);
  const std::string page = fs.Files().at("site/404.html");
  // The theme's own frame around the default theme's page.
  CHECK(page.starts_with("<!DOCTYPE html>\n<title>"));
  CHECK(page.find("<p class=\"lead\">Такой страницы на сайте нет. Возможно, адрес набран с ошибкой или страница "
                  "была перемещена.</p>") != std::string::npos);
}

TEST_CASE("Build that fails the first time writes nothing at all") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  REQUIRE(fs.RemoveAll("templates/layout.mustache").ok());
  const Files before = fs.Files();
  CHECK(BuildErrors(&fs) == "templates/layout.mustache: нет обязательного шаблона\n");
  CHECK(fs.Files() == before);
}

TEST_CASE("Build refuses to publish over a folder Otklik did not create") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  Put(&fs, "site/index.html", "чужой сайт");
  const Files before = fs.Files();
  CHECK(BuildErrors(&fs) ==
        "site: папка не пуста и создана не Otklik; укажите другую папку в --out, чтобы не потерять её "
        "содержимое\n");
  CHECK(fs.Files() == before);
}

TEST_CASE("Build fails when the staging folder cannot be created, and the output stays untouched") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  const Files published = FilesUnder(fs, "site");
  fs.FailWritesUnder(".site.staging/");
  CHECK(BuildErrors(&fs) == ".site.staging/.otklik-site: не удалось записать файл: No space left on device\n");
  CHECK(FilesUnder(fs, "site") == published);
}

TEST_CASE("Build fails when a page cannot be written, names every failed file, and the output stays untouched") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  BuildOk(&fs);
  const Files published = FilesUnder(fs, "site");
  Put(&fs, "content/services/pension.md",
      "---\ntitle: Пенсия по старости\nkind: service\nsituations: [retirement]\ntouchpoints: [mfc]\n---\n");
  fs.FailWritesUnder(".site.staging/services/");
  fs.FailWritesUnder(".site.staging/situations/");
  CHECK(BuildErrors(&fs) ==
        ".site.staging/services/index.html: не удалось записать файл: No space left on device\n"
        ".site.staging/services/pension/index.html: не удалось записать файл: No space left on device\n"
        ".site.staging/situations/retirement/index.html: не удалось записать файл: No space left on device\n"
        ".site.staging/services/pension/feed.xml: не удалось записать файл: No space left on device\n");
  CHECK(FilesUnder(fs, "site") == published);
}

TEST_CASE("Build after removing a service removes its page and every link to it") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  REQUIRE(fs.RemoveAll("content/services/subsidy.md").ok());
  const BuildSummary summary = BuildOk(&fs);
  CHECK(summary.pages == 16);
  const Files site = FilesUnder(fs, "site");
  CHECK(site.count("services/subsidy/index.html") == 0);
  CHECK(site.count("services/pension/index.html") == 1);
  CHECK(site.at("situations/retirement/index.html").find("subsidy") == std::string::npos);
  CHECK(site.at("services/index.html").find("subsidy") == std::string::npos);
  CHECK(site.at("sitemap.xml").find("subsidy") == std::string::npos);
}

TEST_CASE("Build removes a removed service's page also from the tree it updates in place") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  BuildOk(&fs);
  REQUIRE(fs.RemoveAll("content/services/subsidy.md").ok());
  BuildOk(&fs);
  BuildOk(&fs);
  CHECK(NamesUnder(fs, "site") == NamesUnder(fs, ".site.staging"));
  CHECK_FALSE(fs.IsFile("site/services/subsidy/index.html"));
  CHECK_FALSE(fs.IsFile(".site.staging/services/subsidy/index.html"));
}

// --- surveys ---

TEST_CASE("Build publishes an active survey's page, embed, thank-you and paper pages, and lists only the page") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  CHECK(BuildOk(&fs).pages == 22);
  const Files site = FilesUnder(fs, "site");
  for (const char* file : {"surveys/quality/index.html", "surveys/quality/embed/index.html",
                           "surveys/quality/thanks/index.html", "surveys/quality/embed/thanks/index.html",
                           "surveys/quality/paper/index.html"}) {
    INFO(file);
    CHECK(site.count(file) == 1);
  }
  CHECK(site.at("surveys/quality/index.html") ==
        Page("Оценка качества услуг — Отзывы и решения", "../../",
             "<h1>Оценка качества услуг</h1>\n<form action=\"https://otklik.example.ru/surveys/quality\">\n"
             "1. Какую услугу вы получили?\n2. Оцените качество\n</form>\n"));
  CHECK(site.at("surveys/quality/embed/index.html") ==
        "<!DOCTYPE html>\n<title>Оценка качества услуг</title>\n"
        "<form action=\"https://otklik.example.ru/surveys/quality\"></form>\n");
  CHECK(site.at("surveys/quality/thanks/index.html") ==
        Page("Спасибо, ваши ответы приняты — Отзывы и решения", "../../../",
             "<h1>Спасибо, ваши ответы приняты</h1>\n<p>Спасибо!</p>\n"));
  CHECK(site.at("surveys/quality/embed/thanks/index.html") ==
        "<!DOCTYPE html>\n<title>Спасибо, ваши ответы приняты</title>\n<p>Спасибо!</p>\n");
  CHECK(site.at("surveys/quality/paper/index.html") ==
        "<!DOCTYPE html>\n<title>Бумажная анкета: Оценка качества услуг</title>\n"
        "1. Какую услугу вы получили?\n2. Оцените качество\n");
  CHECK(site.at("surveys/index.html") ==
        Page("Опросы — Отзывы и решения", "../",
             "<h1>Опросы</h1>\n<a href=\"../surveys/quality/index.html\">Оценка качества услуг</a>\n"));
  CHECK(site.at("index.html").find("<a href=\"surveys/quality/index.html\">Оценка качества услуг</a>\n") !=
        std::string::npos);
  CHECK(site.at("services/subsidy/index.html") ==
        Page("Субсидия — Отзывы и решения", "../../",
             "<h1>Субсидия</h1>\n"
             "<a href=\"../../surveys/quality/index.html?service=subsidy\">Оценка качества услуг</a>\n"));
  const std::string& sitemap = site.at("sitemap.xml");
  CHECK(sitemap.find("<loc>https://otklik.example.ru/surveys/quality/</loc>") != std::string::npos);
  CHECK(sitemap.find("embed") == std::string::npos);
  CHECK(sitemap.find("thanks") == std::string::npos);
  CHECK(sitemap.find("paper") == std::string::npos);
}

TEST_CASE("Build keeps a completed survey's page and embed page and drops its thank-you and paper pages") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  BuildOk(&fs);
  BuildOptions options = Options();
  options.as_of = Date(2026, 12, 5);
  CHECK(BuildOk(&fs, options).pages == 19);
  const Files site = FilesUnder(fs, "site");
  CHECK(site.at("surveys/quality/index.html") ==
        Page("Оценка качества услуг — Отзывы и решения", "../../", "<h1>Оценка качества услуг</h1>\n"));
  CHECK(site.count("surveys/quality/embed/index.html") == 1);
  CHECK(site.count("surveys/quality/thanks/index.html") == 0);
  CHECK(site.count("surveys/quality/embed/thanks/index.html") == 0);
  CHECK(site.count("surveys/quality/paper/index.html") == 0);
}

TEST_CASE("Build writes the internal surveys to internal_dir with their own index and the assets") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  const BuildSummary summary = BuildOk(&fs);
  CHECK(summary.internal_pages == 5);
  CHECK(NamesUnder(fs, "internal") == Names{".otklik-site", "assets/img/logo.svg", "assets/style.css", "index.html",
                                            "results/index.html", "surveys/staff-mood/index.html",
                                            "surveys/staff-mood/paper/index.html",
                                            "surveys/staff-mood/thanks/index.html"});
  const Files internal = FilesUnder(fs, "internal");
  CHECK(internal.at("index.html") ==
        "<!DOCTYPE html>\n<title>Внутренние опросы</title>\n"
        "<a href=\"surveys/staff-mood/index.html\">Настроение в коллективе</a>\n");
  CHECK(internal.at("surveys/staff-mood/index.html") ==
        "<!DOCTYPE html>\n<title>Настроение в коллективе</title>\n"
        "<form action=\"https://otklik.example.ru/surveys/staff-mood\"></form>\n");
  CHECK(internal.at("surveys/staff-mood/thanks/index.html") ==
        "<!DOCTYPE html>\n<title>Спасибо, ваши ответы приняты</title>\n<p>Спасибо, коллеги!</p>\n");
  CHECK(internal.at("assets/style.css") == "body { margin: 0 }\n");
  CHECK_FALSE(fs.IsDirectory(".internal.staging"));
}

TEST_CASE("Build leaves nothing of an internal survey anywhere in the public output") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  BuildOk(&fs);
  BuildOk(&fs);
  Files public_files = FilesUnder(fs, "site");
  for (const auto& [name, bytes] : FilesUnder(fs, ".site.staging")) public_files[".site.staging/" + name] = bytes;
  CHECK(public_files.count("services/pension/index.html") == 1);
  for (const auto& [name, bytes] : public_files) {
    INFO(name);
    CHECK(name.find(kInternalId) == std::string::npos);
    CHECK(bytes.find(kInternalId) == std::string::npos);
    CHECK(bytes.find(kInternalTitle) == std::string::npos);
  }
}

TEST_CASE("Build updates the internal output in place and drops a closed survey's thank-you and paper pages") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  BuildOk(&fs);
  const Files first = FilesUnder(fs, "internal");
  BuildOk(&fs);
  CHECK(FilesUnder(fs, "internal") == first);
  BuildOptions options = Options();
  options.as_of = Date(2026, 11, 28);
  CHECK(BuildOk(&fs, options).internal_pages == 3);
  CHECK(NamesUnder(fs, "internal") == Names{".otklik-site", "assets/img/logo.svg", "assets/style.css", "index.html",
                                            "results/index.html", "surveys/staff-mood/index.html"});
}

TEST_CASE("A theme without the internal index template gets the built-in one when there are internal surveys") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  REQUIRE(fs.RemoveAll("templates/internal_home.mustache").ok());
  BuildOk(&fs);
  WriteSurveys(&fs);
  BuildOptions options = Options();
  options.as_of = Date(2026, 11, 28);
  BuildOk(&fs, options);
  CHECK(fs.Files().at("internal/index.html").find("<html lang=\"ru\">") != std::string::npos);
}

TEST_CASE("Build refuses an internal_dir inside out_dir and publishes nothing") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  BuildOptions options = Options();
  options.internal_dir = "site/internal";
  const Files before = fs.Files();
  CHECK(BuildErrors(&fs, options) ==
        "site/internal: папка для внутренних материалов не может совпадать с папкой сайта site, лежать в ней или "
        "содержать её; укажите другую папку в --internal\n");
  CHECK(fs.Files() == before);
}

TEST_CASE("Build refuses an internal_dir inside out_dir however the paths are written, and keeps the old site") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  BuildOk(&fs);
  const Files before = fs.Files();
  for (const auto& [out_dir, internal_dir] : std::vector<std::pair<std::string, std::string>>{
           {"site", "site"}, {"site/", "site/internal/"}, {"site", "./site/a/../internal"}, {"site", "site/./x"}}) {
    BuildOptions options = Options();
    options.out_dir = out_dir;
    options.internal_dir = internal_dir;
    INFO(out_dir << " " << internal_dir);
    CHECK(BuildErrors(&fs, options) == internal_dir +
                                           ": папка для внутренних материалов не может совпадать с папкой сайта " +
                                           out_dir + ", лежать в ней или содержать её; укажите другую папку в "
                                           "--internal\n");
    CHECK(fs.Files() == before);
  }
}

TEST_CASE("Build refuses an out_dir inside internal_dir") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  BuildOptions options = Options();
  options.out_dir = "internal/site";
  const Files before = fs.Files();
  CHECK(BuildErrors(&fs, options) ==
        "internal: папка для внутренних материалов не может совпадать с папкой сайта internal/site, лежать в ней "
        "или содержать её; укажите другую папку в --internal\n");
  CHECK(fs.Files() == before);
}

TEST_CASE("Build accepts folders whose names only start alike") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  BuildOptions options = Options();
  options.internal_dir = "site-internal";
  CHECK(BuildOk(&fs, options).internal_pages == 5);
  CHECK(fs.IsFile("site-internal/index.html"));
}

TEST_CASE("Build writes no internal output when there is no internal survey") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  REQUIRE(fs.RemoveAll("content/surveys/staff-mood.yaml").ok());
  const BuildSummary summary = BuildOk(&fs);
  CHECK(summary.internal_pages == 0);
  CHECK(NamesUnder(fs, "internal").empty());
  CHECK_FALSE(fs.IsDirectory("internal"));
  CHECK_FALSE(fs.IsDirectory(".internal.staging"));
}

TEST_CASE("Build writes no internal output before the internal survey opens") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteSurveys(&fs);
  BuildOptions options = Options();
  options.as_of = Date(2026, 11, 15);
  CHECK(BuildOk(&fs, options).internal_pages == 0);
  CHECK_FALSE(fs.IsDirectory("internal"));
}

// --- Appeals reports

const char kSiteYaml[] =
    "title: Отзывы и решения\n"
    "agency:\n"
    "  name: Министерство социальной защиты Тестовой области\n"
    "  region: Тестовая область\n"
    "base_url: https://otklik.example.ru/\n";

// Appeals of the II and III quarters of 2026; the report of the II quarter
// was published on 20 August (deadline 14 August), the III is a draft.
void WriteAppeals(MemoryFileSystem* fs) {
  const std::string header = "registered;answered;channel;kind;topic;outcome;reason\n";
  Put(fs, "content/appeals/2026-q2.csv",
      header +
          "2026-04-10;2026-04-20;mfc;complaint;0002.0007.0075.0000;supported;\n"
          "2026-05-15;2026-06-01;mfc;appeal;0002.0007.0075.0000;explained;\n");
  Put(fs, "content/appeals/2026-q3.csv",
      header +
          "2026-07-01;2026-07-15;mfc;complaint;0002.0007.0075.0000;refused;\n"
          "2026-09-30;;mfc;appeal;0005.0005.0056.0000;in-progress;\n");
  Put(fs, "content/reports/2026-q2.yaml", "published: 2026-08-20\n");
}

// `otklik report freeze 2026-q2` on the content as it is now.
void FreezeQ2(MemoryFileSystem* fs) {
  Diagnostics diagnostics;
  const std::optional<Content> content = LoadContent(*fs, {"content", Options().as_of, Options().as_of}, &diagnostics);
  REQUIRE(content);
  bool changed = false;
  const bool frozen =
      FreezeReport(*fs, "content", content->site, content->reports, "2026-q2", Options().as_of, &changed, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(frozen);
  REQUIRE(changed);
}

// Inputs with appeals and the frozen report; site.yaml gets `publication`.
void WriteInputsWithAppeals(MemoryFileSystem* fs, const std::string& publication = "") {
  WriteInputs(fs);
  Put(fs, "content/site.yaml", kSiteYaml + publication);
  WriteAppeals(fs);
  FreezeQ2(fs);
}

// The public output and the staging tree beside it (the publication before last).
Files PublicFiles(const MemoryFileSystem& fs) {
  Files files = FilesUnder(fs, "site");
  for (const auto& [name, bytes] : FilesUnder(fs, ".site.staging")) files[".site.staging/" + name] = bytes;
  return files;
}

TEST_CASE("Build publishes a published, frozen appeals report and every quarter's full report internally") {
  MemoryFileSystem fs;
  WriteInputsWithAppeals(&fs);
  const BuildSummary summary = BuildOk(&fs);
  CHECK(summary.pages == 18);
  CHECK(summary.internal_pages == 4);
  const Files site = FilesUnder(fs, "site");
  CHECK(site.count("reports/2026-q2/index.html") == 1);
  CHECK(site.count("reports/2026-q3/index.html") == 0);  // not published
  CHECK(NamesUnder(fs, "internal") == Names{".otklik-site", "assets/img/logo.svg", "assets/style.css", "index.html",
                                            "reports/2026-q2/index.html", "reports/2026-q3/index.html",
                                            "results/index.html"});
  // 22 November: the III quarter's report is 8 days overdue.
  CHECK(site.at("reports/index.html") ==
        Page("Отчёты — Отзывы и решения", "../",
             "<h1>Отчёты</h1>\n"
             "Обращения граждан: III квартал 2026\u00A0г.: просрочен на 8\u00A0дней\n"
             "Обращения граждан: II квартал 2026\u00A0г.: опубликован с опозданием на 6\u00A0дней "
             "<a href=\"../reports/2026-q2/index.html\">отчёт</a>\n"));
  // Every metric is public by default.
  CHECK(StripFigures(site.at("reports/2026-q2/index.html")) ==
        Page("Обращения граждан: II квартал 2026\u00A0г. — Отзывы и решения", "../../",
             "<h1>Обращения граждан: II квартал 2026\u00A0г.</h1>\n"
             "опубликован с опозданием на 6\u00A0дней\n"
             "Сколько обращений поступило: 2; МФЦ 2 (100\u00A0%)\n"
             "Темы обращений: 0002 2\n"
             "Основные причины:\n"
             "Жалобы: 1, в пользу заявителя 100\u00A0%\n"
             "Направлено по принадлежности: 0\n"
             "Сроки ответов: медиана 13,5\n"
             "Обращений всего: 2\n"
             "Жалоб: 1\n"
             "Жалобы, решённые в пользу заявителя: 100\u00A0%\n"
             "Жалобы, в которых отказано: 0\u00A0%\n"
             "Направлено в другие органы: 0\u00A0%\n"
             "Ответы в срок 30 дней: 100\u00A0%\n"));
  const Files internal = FilesUnder(fs, "internal");
  // The draft of the III quarter, with every metric.
  CHECK(StripFigures(internal.at("reports/2026-q3/index.html")) ==
        "<!DOCTYPE html>\n<title>Обращения граждан: III квартал 2026\u00A0г.</title>\n"
        "Черновик\n"
        "просрочен на 8\u00A0дней\n"
        "Сколько обращений поступило: 2; МФЦ 2 (100\u00A0%)\n"
        "Темы обращений: 0002 1 0005 1\n"
        "Основные причины:\n"
        "Жалобы: 1, в пользу заявителя 0\u00A0%\n"
        "Направлено по принадлежности: 0\n"
        "Сроки ответов: медиана 14\n"
        "Обращений всего: 2\n"
        "Жалоб: 1\n"
        "Жалобы, решённые в пользу заявителя: 0\u00A0%\n"
        "Жалобы, в которых отказано: 100\u00A0%\n"
        "Направлено в другие органы: 0\u00A0%\n"
        "Ответы в срок 30 дней: 100\u00A0%\n");
}

TEST_CASE("Build keeps the appeals metrics site.yaml does not publish out of every public file") {
  MemoryFileSystem fs;
  WriteInputsWithAppeals(&fs, "publication:\n  appeals_public: [channels]\n");
  BuildOk(&fs);
  BuildOk(&fs);  // the staging tree now holds a publication too
  const Files internal = FilesUnder(fs, "internal");
  const std::string full = StripFigures(internal.at("reports/2026-q2/index.html"));
  CHECK(full ==
        "<!DOCTYPE html>\n<title>Обращения граждан: II квартал 2026\u00A0г.</title>\n"
        "Внутренний отчёт\n"
        "опубликован с опозданием на 6\u00A0дней\n"
        "Сколько обращений поступило: 2; МФЦ 2 (100\u00A0%)\n"
        "Темы обращений: 0002 2\n"
        "Основные причины:\n"
        "Жалобы: 1, в пользу заявителя 100\u00A0%\n"
        "Направлено по принадлежности: 0\n"
        "Сроки ответов: медиана 13,5\n"
        "Обращений всего: 2\n"
        "Жалоб: 1\n"
        "Жалобы, решённые в пользу заявителя: 100\u00A0%\n"
        "Жалобы, в которых отказано: 0\u00A0%\n"
        "Направлено в другие органы: 0\u00A0%\n"
        "Ответы в срок 30 дней: 100\u00A0%\n");
  const Files public_files = PublicFiles(fs);
  CHECK(StripFigures(public_files.at("reports/2026-q2/index.html")) ==
        Page("Обращения граждан: II квартал 2026\u00A0г. — Отзывы и решения", "../../",
             "<h1>Обращения граждан: II квартал 2026\u00A0г.</h1>\n"
             "опубликован с опозданием на 6\u00A0дней\n"
             "Сколько обращений поступило: 2; МФЦ 2 (100\u00A0%)\n"
             "Обращений всего: 2\n"));
  CHECK(public_files.count(".site.staging/reports/2026-q2/index.html") == 1);
  for (const auto& [name, bytes] : public_files) {
    INFO(name);
    for (const char* internal_only : {"Сроки ответов", "медиана", "Жалобы:", "Жалоб:", "Темы обращений",
                                      "Основные причины", "Направлено", "Ответы в срок", "Внутренний отчёт",
                                      "Черновик"}) {
      INFO(internal_only);
      CHECK(bytes.find(internal_only) == std::string::npos);
    }
  }
}

TEST_CASE("Build refuses a published report whose numbers would change, and the site stays as it was") {
  MemoryFileSystem fs;
  WriteInputsWithAppeals(&fs);
  BuildOk(&fs);
  const Files before = fs.Files();
  Put(&fs, "content/appeals/2026-q2.csv",
      "registered;answered;channel;kind;topic;outcome;reason\n"
      "2026-04-10;2026-04-20;mfc;complaint;0002.0007.0075.0000;supported;\n"
      "2026-05-15;2026-06-01;mfc;appeal;0002.0007.0075.0000;explained;\n"
      "2026-06-30;2026-07-02;mfc;complaint;0002.0007.0075.0000;refused;\n");  // 15 numbers change
  const std::string errors = BuildErrors(&fs);
  CHECK(errors.starts_with("content/reports/2026-q2.yaml:1: опубликованный отчёт изменился бы: "
                           "answer_time.answered: было 2, стало 3; answer_time.median: было 13,5, стало 10; "));
  CHECK(errors.ends_with("; и ещё 5. Если это исправление, добавьте запись в errata (дата, что изменилось, почему) "
                         "и выполните otklik report freeze 2026-q2; иначе верните данные, по которым отчёт был "
                         "опубликован\n"));
  for (const auto& [path, bytes] : before) {
    if (path.starts_with("content/")) continue;
    INFO(path);
    CHECK(fs.Files().at(path) == bytes);
  }
}

TEST_CASE("Build refuses a published report without frozen numbers") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  WriteAppeals(&fs);
  CHECK(BuildErrors(&fs) ==
        "content/reports/2026-q2.yaml:1: отчёт опубликован, но его числа не закреплены: выполните otklik report "
        "freeze 2026-q2 и сохраните созданный файл вместе с отчётом\n");
  CHECK_FALSE(fs.IsDirectory("site"));
}

}  // namespace
}  // namespace otklik::build_test
