#include "site/region_summary.h"

#include <catch2/catch.hpp>

namespace otklik::region_summary_test {
namespace {

// An agency's published satisfaction rows ("all" cut), decisions and appeals reports.
void PutAgency(MemoryFileSystem* fs, const std::string& dir, const std::string& satisfaction,
               const std::string& decisions, const std::string& appeals) {
  REQUIRE(fs->WriteFile(dir + "/data/satisfaction/data.json", R"({"id": "satisfaction", "rows": [)" + satisfaction + "]}")
              .ok());
  REQUIRE(fs->WriteFile(dir + "/data/decisions/data.json", R"({"id": "decisions", "rows": [)" + decisions + "]}").ok());
  REQUIRE(fs->WriteFile(dir + "/data/appeals/data.json", R"({"id": "appeals", "rows": [)" + appeals + "]}").ok());
}

std::string Level(const std::string& period, const std::string& status, int satisfied, int ratings,
                  const std::string& cut = "all", const std::string& id = "") {
  return R"({"cut": ")" + cut + R"(", "id": ")" + id + R"(", "indicator": "services", "indicator_title": "Качество услуг", "period": ")" +
         period + R"(", "status": ")" + status + R"(", "satisfied": )" + std::to_string(satisfied) +
         R"(, "ratings": )" + std::to_string(ratings) + "}";
}

const Period kQ3{Period::Kind::kQuarter, 2026, 3};
const Date kAsOf(2026, 11, 23);

TEST_CASE("An agency's figures come from its published open data only") {
  MemoryFileSystem fs;
  PutAgency(&fs, "portal/a",
            Level("2026-q2", "shown", 10, 20) + "," + Level("2026-q3", "shown", 300, 400) + "," +
                Level("2026-q3", "shown", 7, 9, "service"),
            R"({"state": "done", "overdue": false}, {"state": "in-progress", "overdue": true},
               {"state": "in-progress", "overdue": false}, {"state": "planned", "overdue": false})",
            // Q3 2026 is due on 14 November: published the 10th; Q2 (due 14 August) late; Q1 and Q4 2025 missing.
            R"({"quarter": "2026-q3", "published": "2026-11-10", "key": "a"},
               {"quarter": "2026-q3", "published": "2026-11-10", "key": "b"},
               {"quarter": "2026-q2", "published": "2026-08-20", "key": "a"})");
  REQUIRE(fs.WriteFile("portal/a/data/satisfaction/meta.csv",
                       "property,value\nidentifier,satisfaction\npublishername,\"Министерство, область\"\n")
              .ok());
  Diagnostics diagnostics;
  const std::optional<AgencyFigures> agency = ReadAgencyFigures(fs, "portal/a", "a", kQ3, kAsOf, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(agency);
  CHECK(agency->name == "Министерство, область");
  REQUIRE(agency->levels.size() == 1);
  CHECK(agency->levels[0].indicator == "services");
  CHECK(agency->levels[0].shown);
  CHECK(agency->levels[0].satisfied == 300);
  CHECK(agency->levels[0].ratings == 400);
  CHECK(agency->decisions.done == 1);
  CHECK(agency->decisions.in_progress == 2);
  CHECK(agency->decisions.planned == 1);
  CHECK(agency->decisions.overdue == 1);
  CHECK(agency->reports.on_time == 1);
  CHECK(agency->reports.late == 1);
  CHECK(agency->reports.missing == 2);
}

TEST_CASE("An agency's level per kind of process pools its shown services of that kind") {
  MemoryFileSystem fs;
  PutAgency(&fs, "portal/a",
            Level("2026-q3", "shown", 300, 400) + "," + Level("2026-q3", "shown", 70, 90, "service", "grant") + "," +
                Level("2026-q3", "shown", 20, 30, "service", "loan") + "," +
                Level("2026-q3", "suppressed", 0, 0, "service", "advice") + "," +
                Level("2026-q3", "suppressed", 0, 0, "service", "check") + "," +
                Level("2026-q2", "shown", 50, 60, "service", "grant") + "," +
                Level("2026-q3", "shown", 9, 10, "situation", "business"),
            "", "");
  REQUIRE(fs.WriteFile("portal/a/data/processes/data.json", R"({"id": "processes", "rows": [
      {"id": "grant", "title": "Грант", "kind": "support_measure", "situations": "business;family", "url": "u1"},
      {"id": "loan", "title": "Заём", "kind": "support_measure", "situations": "business", "url": "u2"},
      {"id": "advice", "title": "Консультация", "kind": "information", "situations": "", "url": "u3"},
      {"id": "check", "title": "Проверка", "kind": "control", "situations": "", "url": "u4"}]})")
              .ok());
  Diagnostics diagnostics;
  const std::optional<AgencyFigures> agency = ReadAgencyFigures(fs, "portal/a", "a", kQ3, kAsOf, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(agency);
  REQUIRE(agency->processes.size() == 4);
  CHECK(agency->processes[0].situations == std::vector<std::string>{"business", "family"});
  CHECK(agency->processes[2].situations.empty());
  CHECK(agency->parts.size() == 5);  // the quarter's services and situation
  // Kinds in ServiceKindNames' order; a kind whose every service is hidden is not shown.
  REQUIRE(agency->kinds.size() == 3);
  CHECK(agency->kinds[0].id == "support_measure");
  CHECK(agency->kinds[0].shown);
  CHECK(agency->kinds[0].satisfied == 90);
  CHECK(agency->kinds[0].ratings == 120);
  CHECK(agency->kinds[1].id == "control");
  CHECK_FALSE(agency->kinds[1].shown);
  CHECK(agency->kinds[2].id == "information");
  CHECK_FALSE(agency->kinds[2].shown);
}

TEST_CASE("A hidden level stays hidden, and a set that is not open data is reported") {
  MemoryFileSystem fs;
  PutAgency(&fs, "portal/c", Level("2026-q3", "hidden", 3, 5), "", "");
  Diagnostics diagnostics;
  const std::optional<AgencyFigures> agency = ReadAgencyFigures(fs, "portal/c", "c", kQ3, kAsOf, &diagnostics);
  REQUIRE(agency);
  CHECK(agency->name == "c");
  REQUIRE(agency->levels.size() == 1);
  CHECK_FALSE(agency->levels[0].shown);
  CHECK(agency->levels[0].satisfied == 0);
  CHECK(agency->reports.missing == 4);

  REQUIRE(fs.WriteFile("portal/c/data/decisions/data.json", "[1, 2]").ok());
  CHECK_FALSE(ReadAgencyFigures(fs, "portal/c", "c", kQ3, kAsOf, &diagnostics));
  CHECK(diagnostics.ToString() == "portal/c/data/decisions/data.json: это не набор открытых данных Отклика: нет списка rows\n");
}

TEST_CASE("The region's level pools the shown agencies of a kind; each is compared with the others") {
  const auto agency = [](const std::string& id, bool shown, uint64_t satisfied, uint64_t ratings,
                         const std::string& kind = "service") {
    AgencyFigures figures;
    figures.id = id;
    figures.kinds.push_back({"kind", kind, "", "services", "Качество услуг", shown, satisfied, ratings});
    return figures;
  };
  // The inspection's checks are another kind of process: never pooled with services.
  const std::vector<AgencyFigures> agencies = {agency("high", true, 300, 400), agency("low", true, 150, 400),
                                               agency("middle", true, 226, 400), agency("few", false, 0, 0),
                                               agency("inspection", true, 10, 400, "control")};
  const std::vector<RegionLevel> region = PoolLevels(agencies);
  REQUIRE(region.size() == 2);
  CHECK(region[1].kind == "control");
  CHECK(region[1].agencies == 1);
  CHECK(Compare(agencies[4].kinds[0], region[1]) == Comparison::kAlone);
  CHECK(region[0].kind == "service");
  CHECK(region[0].satisfied == 676);
  CHECK(region[0].ratings == 1200);
  CHECK(region[0].agencies == 3);
  // high: 75 % against 376/800 = 47 %; low: 37.5 % against 526/800 = 65.8 %;
  // middle: 56.5 % against 450/800 = 56.25 %, within the uncertainty.
  CHECK(Compare(agencies[0].kinds[0], region[0]) == Comparison::kHigher);
  CHECK(Compare(agencies[1].kinds[0], region[0]) == Comparison::kLower);
  CHECK(Compare(agencies[2].kinds[0], region[0]) == Comparison::kSame);
  CHECK(Compare(agencies[3].kinds[0], region[0]) == Comparison::kNotEnough);
  // Alone in the region: nothing to compare with.
  const std::vector<RegionLevel> alone = PoolLevels({agencies[0]});
  CHECK(Compare(agencies[0].kinds[0], alone[0]) == Comparison::kAlone);
}

}  // namespace
}  // namespace otklik::region_summary_test
