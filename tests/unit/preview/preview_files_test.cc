#include "preview/preview_files.h"

#include <catch2/catch.hpp>

namespace otklik::preview_files_test {
namespace {

void WriteSite(MemoryFileSystem& fs) {
  REQUIRE(fs.WriteFile("preview/.otklik-site", "marker").ok());
  REQUIRE(fs.WriteFile("preview/index.html", "<html><body><h1>Главная</h1></body></html>\n").ok());
  REQUIRE(fs.WriteFile("preview/services/index.html", "<html><body>Услуги</body></html>\n").ok());
  REQUIRE(fs.WriteFile("preview/404.html", "<html><body>Страница не найдена</body></html>\n").ok());
  REQUIRE(fs.WriteFile("preview/assets/style.css", "body{}").ok());
  REQUIRE(fs.WriteFile("preview/data/services.csv", "id;title\n").ok());
  REQUIRE(fs.WriteFile("content/site.yaml", "secret").ok());
}

constexpr const char* kTag = "<script src=\"/_otklik/live.js\"></script>\n";

TEST_CASE("ServeSiteFile serves a folder's index.html with the live-reload script before </body>") {
  MemoryFileSystem fs;
  WriteSite(fs);
  const HttpResponse home = ServeSiteFile(fs, "preview", "/");
  CHECK(home.status == 200);
  CHECK(home.content_type == "text/html; charset=utf-8");
  CHECK(home.body == std::string("<html><body><h1>Главная</h1>") + kTag + "</body></html>\n");
  CHECK(home.Header("Cache-Control") == "no-store");
  CHECK(ServeSiteFile(fs, "preview", "/services/").body ==
        std::string("<html><body>Услуги") + kTag + "</body></html>\n");
  CHECK(ServeSiteFile(fs, "preview", "/index.html").status == 200);
}

TEST_CASE("ServeSiteFile redirects a folder without its slash") {
  MemoryFileSystem fs;
  WriteSite(fs);
  const HttpResponse reply = ServeSiteFile(fs, "preview", "/services");
  CHECK(reply.status == 301);
  CHECK(reply.Header("Location") == "/services/");
}

TEST_CASE("ServeSiteFile gives other files as they are, with their type") {
  MemoryFileSystem fs;
  WriteSite(fs);
  const HttpResponse css = ServeSiteFile(fs, "preview", "/assets/style.css");
  CHECK(css.status == 200);
  CHECK(css.content_type == "text/css; charset=utf-8");
  CHECK(css.body == "body{}");
  CHECK(ServeSiteFile(fs, "preview", "/data/services.csv").content_type == "text/csv; charset=utf-8");
}

TEST_CASE("ServeSiteFile answers unknown, hidden and escaping paths with the site's 404 page") {
  MemoryFileSystem fs;
  WriteSite(fs);
  const std::string not_found = std::string("<html><body>Страница не найдена") + kTag + "</body></html>\n";
  for (const char* path : {"/no/such/page/", "/.otklik-site", "/../content/site.yaml", "/assets/../../content/site.yaml",
                           "/./index.html", "relative"}) {
    INFO(path);
    const HttpResponse reply = ServeSiteFile(fs, "preview", path);
    CHECK(reply.status == 404);
    CHECK(reply.body == not_found);
  }
}

TEST_CASE("ServeSiteFile answers 404 in plain text when the site has no 404 page yet") {
  MemoryFileSystem empty;
  const HttpResponse reply = ServeSiteFile(empty, "preview", "/");
  CHECK(reply.status == 404);
  CHECK(reply.body == "Страница не найдена.\n");
}

TEST_CASE("NotBuiltYetPage is a page in Russian with the live-reload script, status 503") {
  const HttpResponse page = NotBuiltYetPage();
  CHECK(page.status == 503);
  CHECK(page.content_type == "text/html; charset=utf-8");
  CHECK(page.body.find("<h1>Сайт ещё не собран</h1>") != std::string::npos);
  CHECK(page.body.ends_with(std::string(kTag) + "</body>\n</html>\n"));
}

TEST_CASE("The live-reload script listens to the preview's events and shows errors as an alert") {
  const std::string_view script = LiveReloadScript();
  CHECK(script.find("new EventSource(\"/_otklik/events\")") != std::string_view::npos);
  CHECK(script.find("setAttribute(\"role\", \"alert\")") != std::string_view::npos);
  CHECK(script.find("location.reload()") != std::string_view::npos);
}

}  // namespace
}  // namespace otklik::preview_files_test
