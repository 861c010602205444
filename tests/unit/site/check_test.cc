#include "site/check.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../temp_dir.h"

namespace otklik {
namespace {

void Put(MemoryFileSystem* fs, const std::string& path, const std::string& bytes) {
  REQUIRE(fs->WriteFile(path, bytes).ok());
}

std::string ServiceFile(const std::string& title) {
  return "---\ntitle: " + title + "\nkind: service\ntouchpoints: [mfc]\n---\n";
}

// Four services, a touchpoint and a survey with the overall rating; thresholds 60 % and 25 %.
void WriteContent(MemoryFileSystem* fs) {
  Put(fs, "content/site.yaml",
      "title: Отзывы\nagency:\n  name: Министерство\n  region: Область\nbase_url: https://otklik.example.ru/\n");
  Put(fs, "content/touchpoints/mfc.md", "---\ntitle: МФЦ\nkind: mfc\n---\n");
  Put(fs, "content/services/good.md", ServiceFile("Хорошая услуга"));
  Put(fs, "content/services/poor.md", ServiceFile("Плохая услуга"));
  Put(fs, "content/services/split.md", ServiceFile("Спорная услуга"));
  Put(fs, "content/services/rare.md", ServiceFile("Редкая услуга"));
  Put(fs, "content/surveys/q.yaml",
      "title: Опрос\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 1\nquestions:\n"
      "  - {id: service, kind: service, text: Услуга}\n"
      "  - {id: overall, kind: scale, text: Оценка, role: overall}\n");
}

// `ratings` of `service` on 2026-08-01 (III quarter).
std::string Lines(const std::string& service, const std::vector<int>& ratings) {
  std::string out;
  for (const int rating : ratings) {
    out += "{\"answers\":{\"overall\":[\"" + std::to_string(rating) + "\"],\"service\":[\"" + service +
           "\"]},\"date\":\"2026-08-01\",\"revision\":1,\"source\":\"web\",\"survey\":\"q\"}\n";
  }
  return out;
}

TEST_CASE("Check lists the services whose last complete quarter calls for an extra survey") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  testing::TempDir data;
  std::filesystem::create_directories(data / "responses/q");
  std::ofstream(data / "responses/q/2026-08-01.r1.jsonl")
      << Lines("good", std::vector<int>(12, 5))                                   // 100 %
      << Lines("poor", {5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 2, 2})                      // 5 of 12 = 42 % < 60 %
      << Lines("split", {5, 5, 5, 5, 5, 5, 5, 5, 1, 1, 1, 1})                     // 67 %, but 1–2: 4 of 12 = 33 % > 25 %
      << Lines("rare", {1, 1, 1});  // 3 < k: never flagged (it hides «poor» on the site, not from staff)
  CheckOptions options;
  options.data_dir = data.path();
  options.as_of = Date(2026, 11, 23);
  CheckReport report;
  Diagnostics errors;
  REQUIRE(Check(fs, options, &report, &errors));
  CHECK(errors.empty());
  CHECK(report.services == 4);
  CHECK(report.surveys == 1);
  CHECK(report.responses == 39);
  CHECK(report.quarter == Period{Period::Kind::kQuarter, 2026, 3});
  CHECK(report.target == 60);
  CHECK(report.negative_limit == 25);
  REQUIRE(report.flagged.size() == 2);
  CHECK(report.flagged[0].id == "poor");
  CHECK(report.flagged[0].title == "Плохая услуга");
  CHECK(report.flagged[0].flag.reason == "уровень удовлетворённости 42\u00A0% ниже цели 60\u00A0%");
  CHECK(report.flagged[0].flag.level.n == 12);
  CHECK(report.flagged[1].id == "split");
  CHECK(report.flagged[1].flag.reason == "доля оценок 1–2 33\u00A0% выше порога 25\u00A0%");
}

TEST_CASE("Check of a quarter before the responses flags nothing") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  testing::TempDir data;
  std::filesystem::create_directories(data / "responses/q");
  std::ofstream(data / "responses/q/2026-08-01.r1.jsonl") << Lines("poor", std::vector<int>(12, 1));
  CheckOptions options;
  options.data_dir = data.path();
  options.as_of = Date(2026, 9, 30);  // III quarter not over: II is reported
  CheckReport report;
  Diagnostics errors;
  REQUIRE(Check(fs, options, &report, &errors));
  CHECK(report.quarter == Period{Period::Kind::kQuarter, 2026, 2});
  CHECK(report.flagged.empty());
}

TEST_CASE("Check fails on content errors with every error") {
  MemoryFileSystem fs;
  WriteContent(&fs);
  Put(&fs, "content/services/bad.md", "---\ntitle: Плохая\nkind: nonsense\ntouchpoints: [mfc]\n---\n");
  CheckReport report;
  Diagnostics errors;
  CheckOptions options;
  options.data_dir = "/nonexistent";
  CHECK_FALSE(Check(fs, options, &report, &errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors.items()[0].path == "content/services/bad.md");
  CHECK(errors.items()[0].line == 3);
}

}  // namespace
}  // namespace otklik
