// libFuzzer target: arbitrary bytes as each table Otklik reads: an appeals
// quarter file (content/appeals/<quarter>.csv), a table of responses for
// `otklik import responses` and a pain-map table for `otklik import
// decisions` (a dry run). Each is read or refused with diagnostics, never
// crashes; every response line an import writes is one JSON object.

#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "content/csv_reader.h"
#include "model/appeal.h"
#include "model/decision.h"
#include "model/site_loader.h"
#include "store/decision_sheet.h"
#include "store/response_import.h"

namespace {

const otklik::Date kAsOf(2026, 11, 1);

struct World {
  otklik::MemoryFileSystem fs;
  std::optional<otklik::Site> site;
  std::optional<otklik::Appeals> appeals;
  std::vector<otklik::Decision> decisions;
};

World* MakeWorld() {
  auto* world = new World;
  const std::map<std::string, std::string> files = {
      {"content/site.yaml",
       "title: Отзывы\nagency:\n  name: Служба\n  region: Тестовая область\nbase_url: https://otklik.example.ru/\n"},
      {"content/services/subsidy.md", "---\ntitle: Субсидия\nkind: service\ntouchpoints: [mfc, gosuslugi]\n---\n"},
      {"content/touchpoints/mfc.md", "---\ntitle: МФЦ\nkind: mfc\n---\n"},
      {"content/touchpoints/gosuslugi.md", "---\ntitle: Госуслуги\nkind: portal\n---\n"},
      {"content/surveys/satisfaction.yaml",
       "title: Оценка\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 1\nquestions:\n"
       "  - {id: service, kind: service, text: Какую услугу вы получили?}\n"
       "  - {id: overall, kind: scale, role: overall, text: Оцените услугу в целом}\n"
       "  - {id: info, kind: multiple, text: Откуда узнали?, options: [{site: Сайт}, {mfc: МФЦ}]}\n"
       "  - id: parameters\n    kind: matrix\n    role: parameters\n    text: Оцените\n"
       "    rows:\n      - speed: Скорость\n      - documents: Документы\n"
       "  - {id: comment, kind: text, text: Что улучшить?, required: false}\n"},
      {"content/appeals/classifier.yaml", "0002.0007: Социальное обеспечение\n0002.0007.0075.0000: Выплата пособий\n"},
      {"content/decisions/queue.md",
       "---\ntitle: Долго ждать\nservice: subsidy\npriority: high\nidentified: 2026-03-15\n"
       "prevalence: {count: 40, base: 300, unit: appeals}\nevidence:\n  - {topic: 0002.0007.0075.0000, quarter: 2026-q1}\n"
       "measures:\n  - id: staff\n    title: Ещё специалист\n    kind: process\n    responsible: Отдел\n"
       "    deadline: 2026-05-31\n    history:\n      - {date: 2026-04-01, status: planned}\n---\n"},
      {"content/appeals/2026-q1.csv",
       "registered;answered;channel;kind;topic;outcome;reason\n"
       "2026-02-10;2026-02-20;mfc;complaint;0002.0007.0075.0000;explained;\n"}};
  for (const auto& [path, text] : files) {
    if (!world->fs.WriteFile(path, text).ok()) std::abort();
  }
  otklik::Diagnostics diagnostics;
  world->site = otklik::LoadSite(world->fs, "content", &diagnostics);
  if (world->site) world->appeals = otklik::LoadAppeals(world->fs, "content", world->site->touchpoints(), kAsOf, &diagnostics);
  std::optional<std::vector<otklik::Decision>> decisions;
  if (world->appeals) {
    decisions = otklik::LoadDecisions(world->fs, "content", *world->site, *world->appeals, kAsOf, &diagnostics);
  }
  if (!decisions) {
    fputs(diagnostics.ToString().c_str(), stderr);
    std::abort();
  }
  world->decisions = std::move(*decisions);
  return world;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static World* world = MakeWorld();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  {
    // The appeals of a quarter, as LoadAppeals reads them.
    if (!world->fs.WriteFile("content/appeals/2026-q2.csv", bytes).ok()) std::abort();
    otklik::Diagnostics diagnostics;
    const std::optional<otklik::Appeals> appeals =
        otklik::LoadAppeals(world->fs, "content", world->site->touchpoints(), kAsOf, &diagnostics);
    if (!appeals && diagnostics.empty()) std::abort();
    if (!world->fs.RemoveAll("content/appeals/2026-q2.csv").ok()) std::abort();
  }
  otklik::Diagnostics parse_errors;
  const std::optional<otklik::CsvTable> table = otklik::ParseCsv("table.csv", bytes, &parse_errors);
  if (!table) return 0;
  {
    // Responses typed in from paper forms, the good rows kept.
    otklik::MemoryFileSystem fs;
    otklik::ImportRequest request;
    request.survey = world->site->FindSurvey("satisfaction");
    request.source = "paper";
    request.skip_invalid = true;
    request.responses_dir = "data/responses";
    request.today = kAsOf;
    otklik::ImportOutcome outcome;
    otklik::Diagnostics diagnostics;
    if (otklik::ImportResponses(fs, "table.csv", *table, otklik::ImportMapping{}, request, &outcome, &diagnostics) &&
        !outcome.segment.empty()) {
      for (const std::string& file : fs.ListFiles("data/responses/satisfaction")) {
        const std::string text = fs.ReadFile("data/responses/satisfaction/" + file).value();
        size_t start = 0;
        for (size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
          if (nlohmann::json::parse(text.substr(start, end - start), nullptr, false).is_discarded()) std::abort();
          start = end + 1;
        }
        if (start != text.size()) std::abort();  // a torn last line
      }
    }
  }
  {
    // A pain-map table, checked in full and written nowhere.
    otklik::DecisionImportOutcome outcome;
    otklik::Diagnostics diagnostics;
    otklik::ImportDecisionSheet(world->fs, "table.csv", *table, *world->site, *world->appeals, world->decisions,
                                {"content", kAsOf, /*dry_run=*/true}, &outcome, &diagnostics);
  }
  return 0;
}
