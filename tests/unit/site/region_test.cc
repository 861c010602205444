#include "site/region.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <regex>

#include <nlohmann/json.hpp>

#include "build_inputs.h"
#include "site/build.h"
#include "site/publisher.h"

namespace otklik::region_test {
namespace {

using namespace testing;  // NOLINT(build/namespaces): the helpers of build_inputs.h

// One agency's content (build_inputs.h's) under `folder`, its site named `title`, the agency `name`.
void PutAgency(MemoryFileSystem* out, const std::string& folder, const std::string& title, const std::string& name) {
  MemoryFileSystem one;
  WriteContent(&one);
  for (const auto& [path, bytes] : one.Files()) {
    std::string text = bytes;
    if (path == "content/site.yaml") {
      text = std::regex_replace(text, std::regex("title: [^\n]*"), "title: " + title);
      text = std::regex_replace(text, std::regex("  name: [^\n]*"), "  name: " + name);
    }
    Put(out, folder + "/" + path, text);
  }
}

// Two agencies of build_inputs.h's kind, the theme and region.yaml.
void WriteRegion(MemoryFileSystem* out) {
  MemoryFileSystem& fs = *out;
  PutAgency(&fs, "agencies/social", "Отзывы о соцзащите", "Министерство социальной защиты");
  PutAgency(&fs, "agencies/health", "Отзывы о здравоохранении", "Министерство здравоохранения");
  WriteTheme(&fs);
  Put(&fs, "region.yaml",
      "name: Тестовая область\n"
      "base_url: https://portal.example.ru\n"
      "agencies:\n"
      "  - {id: social, content: agencies/social/content}\n"
      "  - {id: health, content: agencies/health/content}\n");
}

RegionBuildOptions RegionOptions() {
  RegionBuildOptions options;
  options.region_file = "region.yaml";
  options.out_dir = "portal";
  options.as_of = Date(2026, 11, 22);
  options.today = Date(2026, 11, 22);
  options.threads = 2;
  return options;
}

TEST_CASE("region.yaml names the portal's address and its agencies, folders relative to it") {
  MemoryFileSystem fs;
  WriteRegion(&fs);
  Put(&fs, "regions/north.yaml",
      "name: Северная область\n"
      "base_url: https://portal.example.ru/\n"
      "templates: theme\n"
      "agencies:\n"
      "  - {id: social, content: ../agencies/social/content, data: /srv/social-data}\n");
  Diagnostics diagnostics;
  const std::optional<RegionConfig> region = LoadRegion(fs, "regions/north.yaml", &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(region);
  CHECK(region->name == "Северная область");
  CHECK(region->base_url == "https://portal.example.ru/");
  CHECK(region->templates_dir == "regions/theme");
  REQUIRE(region->agencies.size() == 1);
  CHECK(region->agencies[0].id == "social");
  CHECK(region->agencies[0].content_dir == "agencies/social/content");
  CHECK(region->agencies[0].templates_dir == "regions/theme");
  CHECK(region->agencies[0].data_dir == "/srv/social-data");
  CHECK(region->agencies[0].line == 5);
}

TEST_CASE("region.yaml errors are reported at their lines, all at once") {
  MemoryFileSystem fs;
  WriteRegion(&fs);
  Put(&fs, "region.yaml",
      "name: Тестовая область\n"
      "agencies:\n"
      "  - {id: Social, content: agencies/social/content}\n"
      "  - {id: data, content: agencies/social/content}\n"
      "  - {id: health, content: agencies/health/content}\n"
      "  - {id: health, content: agencies/nowhere/content}\n"
      "  - {id: spare}\n");
  Diagnostics diagnostics;
  CHECK_FALSE(LoadRegion(fs, "region.yaml", &diagnostics));
  CHECK(diagnostics.ToString() ==
        "region.yaml:1: нет поля base_url: адрес портала региона\n"
        "region.yaml:3: код ведомства «Social» — это имя папки его сайта: латинские строчные буквы, цифры и дефисы\n"
        "region.yaml:4: код ведомства «data» занят разделом портала региона\n"
        "region.yaml:6: ведомство «health» уже названо выше\n"
        "region.yaml:6: нет папки с материалами ведомства: agencies/nowhere/content\n"
        "region.yaml:7: не заполнено обязательное поле «content»\n");
}

TEST_CASE("A region builds every agency's site into its folder, as the agency's own build for that address") {
  MemoryFileSystem fs;
  WriteRegion(&fs);
  RegionBuildSummary summary;
  Diagnostics diagnostics;
  REQUIRE(BuildRegion(fs, RegionOptions(), &summary, &diagnostics));
  INFO(diagnostics.ToString());
  CHECK(diagnostics.empty());
  CHECK(summary.agencies == 2);
  REQUIRE(summary.per_agency.size() == 2);
  CHECK(summary.per_agency[0].id == "social");
  CHECK(summary.pages == summary.per_agency[0].pages + summary.per_agency[1].pages);
  CHECK(fs.Files().at("portal/health/index.html").find("Отзывы о здравоохранении") != std::string::npos);

  for (const std::string id : {"social", "health"}) {
    // The agency alone, its site.yaml saying where the portal publishes it.
    MemoryFileSystem alone;
    for (const auto& [path, bytes] : fs.Files()) {
      if (path.starts_with("agencies/" + id + "/content/")) Put(&alone, path.substr(("agencies/" + id + "/").size()), bytes);
      if (path.starts_with("templates/")) Put(&alone, path, bytes);
    }
    Put(&alone, "content/site.yaml",
        std::regex_replace(alone.Files().at("content/site.yaml"), std::regex("base_url: [^\n]*"),
                           "base_url: https://portal.example.ru/" + id + "/"));
    BuildOptions options = Options();
    options.internal_dir = "";
    options.data_dir = "agencies/" + id + "/data";
    BuildOk(&alone, options);
    Files own = FilesUnder(alone, "site");
    CHECK(own.erase(Publisher::kMarker) == 1);  // the portal's marker is at its root
    CHECK(FilesUnder(fs, "portal/" + id) == own);
  }
}

TEST_CASE("One agency's content error names it and leaves the whole portal as it was") {
  MemoryFileSystem fs;
  WriteRegion(&fs);
  RegionBuildSummary summary;
  Diagnostics diagnostics;
  REQUIRE(BuildRegion(fs, RegionOptions(), &summary, &diagnostics));
  const Files before = FilesUnder(fs, "portal");
  Put(&fs, "agencies/social/content/services/pension.md", fs.Files().at("agencies/social/content/services/pension.md") +
                                                             "\nНовый абзац.\n");
  Put(&fs, "agencies/health/content/services/subsidy.md", "---\ntitle: [\n---\n");
  Diagnostics failed;
  CHECK_FALSE(BuildRegion(fs, RegionOptions(), &summary, &failed));
  INFO(failed.ToString());
  CHECK(failed.ToString() ==
        "region.yaml:5: сайт ведомства «health» не собран, портал не обновлён: ошибок — 1\n"
        "agencies/health/content/services/subsidy.md:3: ошибка в YAML: после «-», «:» или «,» ожидается значение\n");
  CHECK(FilesUnder(fs, "portal") == before);
}

// A file system that counts the reads of one file.
class CountingReads : public MemoryFileSystem {
 public:
  explicit CountingReads(std::string path) : path_(std::move(path)) {}
  Result<std::string> ReadFile(const std::string& path) const override {
    if (path == path_) ++reads_;
    return MemoryFileSystem::ReadFile(path);
  }
  int reads() const { return reads_; }

 private:
  std::string path_;
  mutable std::atomic<int> reads_ = 0;
};

TEST_CASE("An agency whose content, theme and data did not change is kept as published, not built again") {
  CountingReads fs("agencies/health/content/services/pension.md");
  WriteRegion(&fs);
  RegionBuildSummary summary;
  Diagnostics diagnostics;
  REQUIRE(BuildRegion(fs, RegionOptions(), &summary, &diagnostics));
  CHECK(fs.reads() == 2);  // its fingerprint, and its build
  const Files first = FilesUnder(fs, "portal");
  REQUIRE(fs.Files().count(".portal.agencies") == 1);  // beside the portal, not published
  CHECK(std::regex_match(fs.Files().at(".portal.agencies"), std::regex("social [0-9a-f]{32} 17 0\nhealth [0-9a-f]{32} 17 0\n")));

  // The other agency edited: it alone is built again; the health one's fingerprint only is read.
  Put(&fs, "agencies/social/content/services/pension.md",
      fs.Files().at("agencies/social/content/services/pension.md") + "\nНовый абзац.\n");
  REQUIRE(BuildRegion(fs, RegionOptions(), &summary, &diagnostics));
  INFO(diagnostics.ToString());
  CHECK(fs.reads() == 3);
  CHECK(summary.per_agency[1].pages == 17);  // as recorded
  Files second = FilesUnder(fs, "portal");
  CHECK(second.at("social/services/pension/index.html").find("Новый абзац.") != std::string::npos);
  for (const auto& [path, bytes] : first) {
    if (path.starts_with("health/")) CHECK(second.at(path) == bytes);
  }
  // Its content edited: built again.
  Put(&fs, "agencies/health/content/services/pension.md",
      fs.Files().at("agencies/health/content/services/pension.md") + "\nЕщё абзац.\n");
  REQUIRE(BuildRegion(fs, RegionOptions(), &summary, &diagnostics));
  CHECK(fs.reads() == 5);
  CHECK(FilesUnder(fs, "portal").at("health/services/pension/index.html").find("Ещё абзац.") != std::string::npos);
}

TEST_CASE("otklik new --region makes a page of the portal or an agency added to region.yaml") {
  MemoryFileSystem fs;
  WriteRegion(&fs);
  std::string written;
  Diagnostics diagnostics;
  REQUIRE(CreateRegionScaffold(fs, "region.yaml", "page", "about", &written, &diagnostics));
  CHECK(written == "pages/about.md");
  CHECK(fs.Files().at("pages/about.md").starts_with("---\n# Страница портала региона"));
  CHECK_FALSE(CreateRegionScaffold(fs, "region.yaml", "page", "about", &written, &diagnostics));
  CHECK_FALSE(CreateRegionScaffold(fs, "region.yaml", "page", "social", &written, &diagnostics));
  CHECK_FALSE(CreateRegionScaffold(fs, "region.yaml", "agency", "Культура", &written, &diagnostics));
  CHECK(diagnostics.ToString() ==
        "pages/about.md: файл уже есть; выберите другое имя или измените этот файл\n"
        "адрес /social/ занят сайтом ведомства или разделом портала; выберите другой\n"
        "код «Культура» не годится для адреса: строчные латинские буквы, цифры и дефис\n");

  Diagnostics none;
  REQUIRE(CreateRegionScaffold(fs, "region.yaml", "agency", "culture", &written, &none));
  CHECK(written == "agencies/culture/content/site.yaml");
  CHECK(fs.Files().at("region.yaml").ends_with("  - {id: health, content: agencies/health/content}\n"
                                               "  - id: culture\n    content: agencies/culture/content\n"));
  RegionBuildSummary summary;
  REQUIRE(BuildRegion(fs, RegionOptions(), &summary, &none));  // it builds as it is
  INFO(none.ToString());
  CHECK(summary.agencies == 3);
  CHECK(fs.Files().count("portal/culture/index.html") == 1);

  // agencies: not last: region.yaml stays as it was.
  Put(&fs, "region.yaml", fs.Files().at("region.yaml") + "situations:\n  - {id: retirement, title: Пенсия}\n");
  const std::string before = fs.Files().at("region.yaml");
  Diagnostics refused;
  CHECK_FALSE(CreateRegionScaffold(fs, "region.yaml", "agency", "sport", &written, &refused));
  CHECK(refused.ToString().starts_with("region.yaml: не удалось дописать ведомство в конец списка agencies"));
  CHECK(fs.Files().at("region.yaml") == before);
  CHECK(FilesUnder(fs, "agencies/sport").empty());
}

// The rows of an open data set's data.json in `fs`.
nlohmann::json Rows(const MemoryFileSystem& fs, const std::string& path) {
  return nlohmann::json::parse(fs.Files().at(path))["rows"];
}

TEST_CASE("The region's section: its pages, the life situations across agencies, and open data joined") {
  MemoryFileSystem fs;
  WriteRegion(&fs);
  Put(&fs, "pages/about.md", "---\ntitle: О портале\nmenu: true\n---\nПортал региона.\n");
  RegionBuildSummary summary;
  Diagnostics diagnostics;
  REQUIRE(BuildRegion(fs, RegionOptions(), &summary, &diagnostics));
  INFO(diagnostics.ToString());
  const Files portal = FilesUnder(fs, "portal");
  const std::string& home = portal.at("index.html");
  CHECK(home.find("<h1>Обратная связь органов власти: Тестовая область</h1>") != std::string::npos);
  CHECK(home.find("<a href=\"social/index.html\">Министерство социальной защиты</a>") != std::string::npos);
  CHECK(home.find("<a href=\"health/index.html\">Министерство здравоохранения</a>") != std::string::npos);
  CHECK(home.find("feed.xml") == std::string::npos);  // the portal has no feed of its own: each agency has one
  CHECK(portal.at("about/index.html").find("<p>Портал региона.</p>") != std::string::npos);
  // Shown at any address: its links start from the portal's root.
  CHECK(portal.at("404.html").find("<a href=\"/index.html\">На главную</a>") != std::string::npos);

  // One situation, in both agencies' content: both agencies' services on its page.
  const std::string& situation = portal.at("situations/retirement/index.html");
  for (const std::string link : {"../../social/situations/retirement/index.html",
                                  "../../social/services/pension/index.html", "../../social/services/subsidy/index.html",
                                  "../../health/services/pension/index.html"}) {
    CHECK(situation.find("href=\"" + link + "\"") != std::string::npos);
  }
  CHECK(portal.at("situations/index.html").find("Органов власти с услугами: 2") != std::string::npos);

  // Every set of the region is the agencies' sets joined, row for row, with the agency first.
  for (const std::string set : {"satisfaction", "appeals", "decisions", "measures", "processes"}) {
    INFO(set);
    nlohmann::json joined = nlohmann::json::array();
    for (const std::string id : {"social", "health"}) {
      for (nlohmann::json row : Rows(fs, "portal/" + id + "/data/" + set + "/data.json")) {
        nlohmann::json with = {{"agency", id}};
        with.update(row);
        joined.push_back(with);
      }
    }
    CHECK(Rows(fs, "portal/data/" + set + "/data.json") == joined);
  }
  CHECK(Rows(fs, "portal/data/processes/data.json").size() == 4);
  INFO(portal.at("data/processes/data.csv") + portal.at("data/list.csv"));
  CHECK(portal.at("data/processes/data.csv").starts_with("agency,id,kind,situations,title,url\r\n"));
  CHECK(portal.at("data/list.csv").find("summary,Сводка по органам власти региона,https://portal.example.ru/data/summary/data.csv,csv\r\n") !=
        std::string::npos);

  // A page may not take an agency's folder.
  Put(&fs, "pages/social.md", "---\ntitle: Соцзащита\n---\n");
  Diagnostics taken;
  CHECK_FALSE(BuildRegion(fs, RegionOptions(), &summary, &taken));
  CHECK(taken.ToString() == "pages/social.md: адрес страницы /social/ занят сайтом ведомства или разделом портала\n");
  CHECK(FilesUnder(fs, "portal") == portal);
}

}  // namespace
}  // namespace otklik::region_test
