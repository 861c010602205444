#include "site/build.h"

#include <catch2/catch.hpp>

namespace otklik {
namespace {

using Files = std::map<std::string, std::string>;
using Names = std::vector<std::string>;

void Put(MemoryFileSystem* fs, const std::string& path, const std::string& bytes) {
  REQUIRE(fs->WriteFile(path, bytes).ok());
}

// Two services in one life situation, one touchpoint, one free page.
void WriteContent(MemoryFileSystem* fs) {
  Put(fs, "content/site.yaml",
      "title: Отзывы и решения\n"
      "agency:\n"
      "  name: Министерство социальной защиты Тестовой области\n"
      "  region: Тестовая область\n"
      "base_url: https://otklik.example.ru/\n");
  Put(fs, "content/services/pension.md",
      "---\n"
      "title: Пенсия\n"
      "kind: service\n"
      "situations: [retirement]\n"
      "touchpoints: [mfc]\n"
      "---\n"
      "# Как оформить\n"
      "\n"
      "Заявление.\n");
  Put(fs, "content/services/subsidy.md",
      "---\ntitle: Субсидия\nkind: support_measure\nsituations: [retirement]\ntouchpoints: [mfc]\n---\n");
  Put(fs, "content/situations/retirement.md", "---\ntitle: Выход на пенсию\n---\n");
  Put(fs, "content/touchpoints/mfc.md", "---\ntitle: МФЦ\nkind: mfc\n---\n");
  Put(fs, "content/pages/about.md", "---\ntitle: О проекте\n---\nКто мы.\n");
}

// A minimal theme: every page shows its title; lists show the service titles.
void WriteTheme(MemoryFileSystem* fs) {
  Put(fs, "templates/layout.mustache",
      "<!DOCTYPE html>\n<title>{{head_title}}</title>\n<link rel=\"stylesheet\" href=\"{{root}}assets/style.css\">\n"
      "{{{content}}}");
  Put(fs, "templates/home.mustache",
      "<h1>{{title}}</h1>\n{{#situations}}<a href=\"{{href}}\">{{title}}</a>\n{{/situations}}");
  Put(fs, "templates/services.mustache",
      "<h1>{{title}}</h1>\n{{#groups}}{{#services}}<a href=\"{{href}}\">{{title}}</a>\n{{/services}}{{/groups}}");
  Put(fs, "templates/service.mustache", "{{#service}}<h1>{{title}}</h1>\n{{{body_html}}}{{/service}}");
  Put(fs, "templates/situations.mustache", "<h1>{{title}}</h1>\n");
  Put(fs, "templates/situation.mustache",
      "{{#situation}}<h1>{{title}}</h1>\n{{#services}}<a href=\"{{href}}\">{{title}}</a>\n{{/services}}{{/situation}}");
  Put(fs, "templates/touchpoints.mustache", "<h1>{{title}}</h1>\n");
  Put(fs, "templates/touchpoint.mustache", "{{#touchpoint}}<h1>{{title}}</h1>\n{{/touchpoint}}");
  Put(fs, "templates/page.mustache", "{{#page}}<h1>{{title}}</h1>\n{{{body_html}}}{{/page}}");
  Put(fs, "templates/not_found.mustache", "<h1>{{title}}</h1>\n<a href=\"{{home_href}}\">На главную</a>\n");
  Put(fs, "templates/assets/style.css", "body { margin: 0 }\n");
  Put(fs, "templates/assets/img/logo.svg", "<svg/>");
}

void WriteInputs(MemoryFileSystem* fs) {
  WriteContent(fs);
  WriteTheme(fs);
}

BuildOptions Options(unsigned threads = 2) {
  BuildOptions options;
  options.content_dir = "content";
  options.templates_dir = "templates";
  options.out_dir = "site";
  options.as_of = Date(2026, 11, 22);
  options.threads = threads;
  return options;
}

// Builds and requires success.
BuildSummary BuildOk(MemoryFileSystem* fs, const BuildOptions& options = Options()) {
  BuildSummary summary;
  Diagnostics diagnostics;
  const bool built = Build(*fs, options, &summary, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(built);
  CHECK(diagnostics.empty());
  return summary;
}

// Builds, requires failure and returns the diagnostics as printed.
std::string BuildErrors(MemoryFileSystem* fs) {
  BuildSummary summary;
  Diagnostics diagnostics;
  CHECK_FALSE(Build(*fs, Options(), &summary, &diagnostics));
  return diagnostics.ToString();
}

// The files below `dir`, hidden ones included, as paths relative to it.
Files FilesUnder(const MemoryFileSystem& fs, const std::string& dir) {
  Files out;
  for (const auto& [path, bytes] : fs.Files()) {
    if (path.starts_with(dir + "/")) out[path.substr(dir.size() + 1)] = bytes;
  }
  return out;
}

Names NamesUnder(const MemoryFileSystem& fs, const std::string& dir) {
  Names names;
  for (const auto& [name, bytes] : FilesUnder(fs, dir)) names.push_back(name);
  return names;
}

std::string Page(const std::string& head_title, const std::string& root, const std::string& body) {
  return "<!DOCTYPE html>\n<title>" + head_title + "</title>\n<link rel=\"stylesheet\" href=\"" + root +
         "assets/style.css\">\n" + body;
}

TEST_CASE("Build writes every page, the assets, sitemap.xml and robots.txt") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  CHECK(NamesUnder(fs, "site") == Names{".otklik-site", "404.html", "about/index.html", "assets/img/logo.svg",
                                        "assets/style.css", "index.html", "robots.txt", "services/index.html",
                                        "services/pension/index.html", "services/subsidy/index.html", "sitemap.xml",
                                        "situations/index.html", "situations/retirement/index.html",
                                        "touchpoints/index.html", "touchpoints/mfc/index.html"});
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
        "  <url><loc>https://otklik.example.ru/services/pension/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/services/subsidy/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/situations/retirement/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/touchpoints/mfc/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/about/</loc></url>\n"
        "</urlset>\n");
}

TEST_CASE("Build reports the pages, assets and changed files it wrote") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  const BuildSummary summary = BuildOk(&fs);
  CHECK(summary.pages == 10);
  CHECK(summary.assets == 2);
  CHECK(summary.changed == 14);
}

TEST_CASE("Build counts as changed only the files that differ from the staging tree") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  CHECK(BuildOk(&fs).changed == 14);
  // The first rebuild starts with an empty staging folder, the next one with
  // the publication before last.
  CHECK(BuildOk(&fs).changed == 14);
  CHECK(BuildOk(&fs).changed == 0);
  Put(&fs, "content/services/pension.md",
      "---\ntitle: Пенсия по старости\nkind: service\nsituations: [retirement]\ntouchpoints: [mfc]\n---\n");
  const BuildSummary summary = BuildOk(&fs);
  CHECK(summary.changed == 3);
  CHECK(summary.pages == 10);
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
        "templates/not_found.mustache: нет обязательного шаблона\n"
        "templates/page.mustache:2: неизвестный фрагмент шаблона «body»\n");
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
        ".site.staging/situations/retirement/index.html: не удалось записать файл: No space left on device\n");
  CHECK(FilesUnder(fs, "site") == published);
}

TEST_CASE("Build after removing a service removes its page and every link to it") {
  MemoryFileSystem fs;
  WriteInputs(&fs);
  BuildOk(&fs);
  REQUIRE(fs.RemoveAll("content/services/subsidy.md").ok());
  const BuildSummary summary = BuildOk(&fs);
  CHECK(summary.pages == 9);
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

}  // namespace
}  // namespace otklik
