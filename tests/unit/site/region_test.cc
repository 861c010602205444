#include "site/region.h"

#include <catch2/catch.hpp>

#include <regex>

#include "build_inputs.h"
#include "site/build.h"
#include "site/publisher.h"

namespace otklik::region_test {
namespace {

using namespace testing;  // NOLINT(build/namespaces): the helpers of build_inputs.h

// One agency's content (build_inputs.h's) under `folder`, named `title`.
void PutAgency(MemoryFileSystem* out, const std::string& folder, const std::string& title) {
  MemoryFileSystem one;
  WriteContent(&one);
  for (const auto& [path, bytes] : one.Files()) {
    std::string text = bytes;
    if (path == "content/site.yaml") text = std::regex_replace(text, std::regex("title: [^\n]*"), "title: " + title);
    Put(out, folder + "/" + path, text);
  }
}

// Two agencies of build_inputs.h's kind, the theme and region.yaml.
void WriteRegion(MemoryFileSystem* out) {
  MemoryFileSystem& fs = *out;
  PutAgency(&fs, "agencies/social", "Отзывы о соцзащите");
  PutAgency(&fs, "agencies/health", "Отзывы о здравоохранении");
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

}  // namespace
}  // namespace otklik::region_test
