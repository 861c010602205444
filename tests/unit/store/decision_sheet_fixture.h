#pragma once

// The content both pain-map table tests import into (store/decision_sheet_test.cc and
// store/pain_map_template_test.cc): two services, a survey, appeals of 2026-q1 and two decisions, one written by
// hand; and the steps of loading it and importing a table as the CLI does.

#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <string>

#include "model/site_loader.h"
#include "store/decision_sheet.h"

namespace otklik {

inline const Date kAsOf(2026, 11, 1);
inline const std::string kSubsidyPath = "content/decisions/subsidy-time.md";
inline const std::string kAllowancePath = "content/decisions/allowance-docs.md";

inline const std::string kSubsidy = R"(---
title: Долго ждать решения о субсидии
service: subsidy
situations: [low-income]
touchpoints: [mfc, gosuslugi]
identified: 2026-04-20
priority: high
prevalence:
  count: 132
  base: 580
  unit: respondents
evidence:
  - survey: satisfaction
    question: parameters
    row: speed
    period: 2026-q1
  - topic: "0002.0007"
    quarter: 2026-q1
measures:
  - id: online-application
    title: Подача заявления на портале
    kind: site
    responsible: Отдел субсидий
    deadline: 2026-09-30
    history:
      - {date: 2026-04-25, status: planned}
      - {date: 2026-06-01, status: in-progress}
  - id: extra-staff
    title: "Ещё два специалиста: приём без очереди"
    kind: process
    responsible: Отдел кадров
    deadline: 2026-12-31
    history:
      - {date: 2026-05-01, status: planned, note: "Штатное расписание согласовано"}
---
Подробно о проблеме.
)";

// Written by hand: comments, another order of fields, flow and block maps.
inline const std::string kAllowance = R"(---
# Решение по пособию: документы
title: Непонятно, какие документы нужны   # проблема
service: allowance
priority: medium
identified: 2026-03-15
prevalence: {count: 40, base: 300, unit: appeals}
evidence:
  - {topic: 0002.0007.0075.0000, quarter: 2026-q1}
measures:
  - id: checklist
    title: Памятка о документах
    kind: act
    responsible: Отдел пособий
    deadline: 2026-05-31
    history:
      - {date: 2026-03-20, status: planned}
      - date: 2026-05-20
        status: done
        note: 'Памятка "Документы" на сайте; в МФЦ тоже'
---
Текст.
)";

// A small site with a survey, appeals of 2026-q1 and the two decisions above.
inline void PutContent(MemoryFileSystem* fs) {
  const std::map<std::string, std::string> files = {
      {"content/site.yaml",
       "title: Отзывы\nagency:\n  name: Министерство\n  region: Тестовая область\nbase_url: "
       "https://otklik.example.ru/\n"},
      {"content/services/subsidy.md",
       "---\ntitle: Жилищная субсидия\nkind: support_measure\nsituations: [low-income]\ntouchpoints: [mfc, "
       "gosuslugi]\n---\n"},
      {"content/services/allowance.md",
       "---\ntitle: Пособие на ребёнка\nkind: support_measure\ntouchpoints: [gosuslugi]\n---\n"},
      {"content/situations/low-income.md", "---\ntitle: Низкий доход\n---\n"},
      {"content/touchpoints/mfc.md", "---\ntitle: МФЦ\nkind: mfc\n---\n"},
      {"content/touchpoints/gosuslugi.md", "---\ntitle: Госуслуги\nkind: portal\n---\n"},
      {"content/surveys/satisfaction.yaml",
       "title: Оценка качества услуг\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 1\nquestions:\n"
       "  - {id: service, kind: service, text: Какую услугу вы получили?}\n"
       "  - {id: overall, kind: scale, role: overall, text: Оцените услугу в целом}\n"
       "  - id: parameters\n    kind: matrix\n    role: parameters\n    text: Оцените стороны услуги\n"
       "    rows:\n      - speed: Скорость\n      - documents: Документы\n"},
      {"content/appeals/classifier.yaml", "0002.0007: Социальное обеспечение\n0002.0007.0075.0000: Выплата пособий\n"},
      {"content/appeals/2026-q1.csv",
       "registered;answered;channel;kind;topic;outcome;reason\n"
       "2026-02-10;2026-02-20;mfc;complaint;0002.0007.0075.0000;explained;\n"},
      {kSubsidyPath, kSubsidy},
      {kAllowancePath, kAllowance}};
  for (const auto& [path, text] : files) REQUIRE(fs->WriteFile(path, text).ok());
}

// The content of `fs`, loaded as the CLI loads it.
struct Loaded {
  std::optional<Site> site;
  std::optional<Appeals> appeals;
  std::vector<Decision> decisions;
};

inline Loaded Load(const FileSystem& fs) {
  Loaded loaded;
  Diagnostics diagnostics;
  loaded.site = LoadSite(fs, "content", &diagnostics);
  if (loaded.site) loaded.appeals = LoadAppeals(fs, "content", loaded.site->touchpoints(), kAsOf, &diagnostics);
  std::optional<std::vector<Decision>> decisions;
  if (loaded.appeals) {
    decisions = LoadDecisions(fs, "content", *loaded.site, *loaded.appeals, kAsOf, &diagnostics);
  }
  INFO(diagnostics.ToString());
  REQUIRE(decisions);
  loaded.decisions = std::move(*decisions);
  return loaded;
}

inline std::string Export(const FileSystem& fs) {
  const Loaded loaded = Load(fs);
  return ExportDecisionSheet(*loaded.site, loaded.decisions);
}

struct Imported {
  bool ok = false;
  DecisionImportOutcome outcome;
  std::string errors;
};

inline Imported Import(MemoryFileSystem* fs, const std::string& csv, bool dry_run = false) {
  const Loaded loaded = Load(*fs);
  Diagnostics diagnostics;
  const std::optional<CsvTable> table = ParseCsv("sheet.csv", csv, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(table);
  Imported out;
  out.ok = ImportDecisionSheet(*fs, "sheet.csv", *table, *loaded.site, *loaded.appeals, loaded.decisions,
                               {"content", kAsOf, dry_run}, &out.outcome, &diagnostics);
  out.errors = diagnostics.ToString();
  return out;
}

// The errors of importing `csv`, which must be refused without writing anything.
inline std::string Refused(const std::string& csv) {
  MemoryFileSystem fs;
  PutContent(&fs);
  const std::map<std::string, std::string> before = fs.Files();
  const Imported imported = Import(&fs, csv);
  CHECK_FALSE(imported.ok);
  CHECK(fs.Files() == before);
  return imported.errors;
}

// `text` with the `nth` occurrence (from 1) of `from` replaced by `to`.
inline std::string Replaced(std::string text, const std::string& from, const std::string& to, int nth = 1) {
  size_t at = std::string::npos;
  for (int i = 0; i < nth; ++i) {
    at = text.find(from, at == std::string::npos ? 0 : at + 1);
    REQUIRE(at != std::string::npos);
  }
  return text.replace(at, from.size(), to);
}

inline std::string FileText(const MemoryFileSystem& fs, const std::string& path) {
  Result<std::string> text = fs.ReadFile(path);
  REQUIRE(text.ok());
  return text.value();
}

}  // namespace otklik
