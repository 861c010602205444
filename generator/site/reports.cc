#include "site/reports.h"

#include <algorithm>

namespace otklik {

namespace {

std::string FreezeCommand(const QuarterReport& report) {
  return "otklik report freeze " + report.Key();
}

}  // namespace

void CheckFrozenReports(const Site& site, const ReportData& data, const Date& as_of, Diagnostics* diagnostics) {
  for (const QuarterReport& report : data.reports) {
    if (!report.published || *report.published > as_of) continue;  // not online yet
    if (!report.frozen) {
      diagnostics->Add(report.path, 1,
                       "отчёт опубликован, но его числа не закреплены: выполните " + FreezeCommand(report) +
                           " и сохраните созданный файл вместе с отчётом");
      continue;
    }
    const Period quarter{Period::Kind::kQuarter, report.year, report.quarter};
    const std::vector<std::string> changed =
        FrozenDifferences(report.frozen->numbers, PublicReportNumbers(site, data.Context(), quarter, as_of));
    if (changed.empty()) continue;
    std::string list;
    for (size_t i = 0; i < changed.size() && i < 10; ++i) list += (i ? "; " : "") + changed[i];
    if (changed.size() > 10) list += "; и ещё " + std::to_string(changed.size() - 10);
    diagnostics->Add(report.path, 1,
                     "опубликованный отчёт изменился бы: " + list + (list.ends_with(".") ? "" : ".") +
                         " Если это исправление, добавьте запись в errata (дата, что изменилось, почему) и "
                         "выполните " +
                         FreezeCommand(report) + "; иначе верните данные, по которым отчёт был опубликован");
  }
}

bool FreezeReport(FileSystem& fs, const std::string& content_dir, const Site& site, const ReportData& data,
                  const std::string& key, const Date& as_of, bool* changed, Diagnostics* diagnostics) {
  *changed = false;
  const std::optional<std::pair<int, int>> parsed = ParseQuarterKey(key);
  if (!parsed) {
    diagnostics->Add("", 0, "«" + key + "»: укажите квартал отчёта в виде ГГГГ-qN, например 2026-q3");
    return false;
  }
  const Period quarter{Period::Kind::kQuarter, parsed->first, parsed->second};
  const QuarterReport* report = FindReport(data.reports, quarter);
  const std::string yaml = JoinPath(JoinPath(content_dir, "reports"), key + ".yaml");
  if (!report || !report->published) {
    diagnostics->Add(report ? report->path : yaml, report ? 1 : 0,
                     "закрепить можно только опубликованный отчёт: укажите дату публикации в поле «published»");
    return false;
  }
  const std::map<std::string, std::string> numbers = PublicReportNumbers(site, data.Context(), quarter, as_of);
  if (report->frozen) {
    const std::vector<std::string> differences = FrozenDifferences(report->frozen->numbers, numbers);
    if (differences.empty() && report->frozen->errata == report->errata.size()) return true;
    if (!differences.empty() && report->errata.size() <= report->frozen->errata) {
      diagnostics->Add(report->path, 1,
                       "числа опубликованного отчёта изменились (" + differences.front() +
                           (differences.size() > 1 ? " и ещё " + std::to_string(differences.size() - 1) : "") +
                           "), а нового исправления в errata нет: опишите, что изменилось и почему, и повторите");
      return false;
    }
  }
  const std::string path = JoinPath(JoinPath(content_dir, "reports"), key + ".numbers.json");
  if (Status written = fs.ReplaceFile(path, FrozenNumbersJson(report->errata.size(), numbers)); !written.ok()) {
    diagnostics->Add("", 0, written.message());
    return false;
  }
  *changed = true;
  return true;
}

}  // namespace otklik
