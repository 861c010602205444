#include "model/report.h"

#include <nlohmann/json.hpp>

#include "content/document.h"
#include "content/field_reader.h"
#include "model/appeal.h"

namespace otklik {

namespace {

void ParseReport(const std::string& path, const std::string& text, QuarterReport* report, Diagnostics* diagnostics) {
  const std::optional<YamlNode> map = ParseYamlMap(path, text, 1, diagnostics);
  if (!map) return;
  FieldReader root(*map, path, diagnostics);
  report->published = root.OptionalDate("published");
  report->summary = root.OptionalString("summary");
  for (FieldReader& entry : root.MapList("errata")) {
    Erratum erratum;
    const std::optional<Date> date = entry.OptionalDate("date");
    if (!date && !entry.Has("date")) entry.Error(entry.line(), "у исправления нет даты (поле «date»)");
    if (date) erratum.date = *date;
    erratum.what = entry.RequiredString("what");
    erratum.why = entry.RequiredString("why");
    entry.Finish();
    if (report->published && date && *date < *report->published) {
      entry.Error(entry.LineOf("date"),
                  "исправление датировано раньше публикации отчёта (" + report->published->ToString() + ")");
    }
    if (!report->errata.empty() && date && *date < report->errata.back().date) {
      entry.Error(entry.LineOf("date"), "исправления должны идти по порядку дат: это раньше предыдущего");
    }
    report->errata.push_back(std::move(erratum));
  }
  if (!report->errata.empty() && !report->published) {
    root.Error(root.LineOf("errata"),
               "исправления есть только у опубликованного отчёта: укажите дату публикации «published»");
  }
  root.Finish();
}

void ParseFrozen(const std::string& path, const std::string& text, FrozenNumbers* frozen, Diagnostics* diagnostics) {
  frozen->path = path;
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  const auto bad = [&] {
    diagnostics->Add(path, 0,
                     "файл закреплённых чисел повреждён; восстановите его из истории изменений (его пишет otklik "
                     "report freeze)");
  };
  if (!json.is_object() || !json.contains("numbers") || !json["numbers"].is_object() || !json.contains("errata") ||
      !json["errata"].is_number_unsigned()) {
    return bad();
  }
  frozen->errata = json["errata"].get<size_t>();
  for (const auto& [key, value] : json["numbers"].items()) {
    if (!value.is_string()) return bad();
    frozen->numbers[key] = value.get<std::string>();
  }
}

}  // namespace

std::string QuarterReport::Key() const {
  return std::to_string(year) + "-q" + std::to_string(quarter);
}

Date ReportDeadline(int year, int quarter) {
  const int last_month = quarter * 3;
  return Date(year, last_month, Date::DaysInMonth(year, last_month)).AddDays(45);
}

ReportStatus StatusOf(const QuarterReport* report, int year, int quarter, const Date& as_of) {
  ReportStatus status;
  status.deadline = ReportDeadline(year, quarter);
  if (report && report->published && *report->published <= as_of) {
    const long late = report->published->DayNumber() - status.deadline.DayNumber();
    status.kind = late > 0 ? ReportStatus::Kind::kLate : ReportStatus::Kind::kOnTime;
    status.days = late > 0 ? late : 0;
  } else if (as_of <= status.deadline) {
    status.kind = ReportStatus::Kind::kDue;
    status.days = status.deadline.DayNumber() - as_of.DayNumber();
  } else {
    status.kind = ReportStatus::Kind::kOverdue;
    status.days = as_of.DayNumber() - status.deadline.DayNumber();
  }
  return status;
}

std::optional<std::vector<QuarterReport>> LoadReports(const FileSystem& fs, const std::string& content_dir,
                                                      Diagnostics* diagnostics) {
  const std::string dir = JoinPath(content_dir, "reports");
  const size_t errors_before = diagnostics->size();
  std::map<std::pair<int, int>, QuarterReport> reports;
  std::map<std::pair<int, int>, std::string> numbers_files;
  for (const std::string& file : fs.ListFiles(dir)) {
    const std::string path = JoinPath(dir, file);
    std::string stem = file;
    bool numbers = false;
    if (stem.ends_with(".numbers.json")) {
      stem.resize(stem.size() - std::string(".numbers.json").size());
      numbers = true;
    } else if (stem.ends_with(".yaml")) {
      stem.resize(stem.size() - std::string(".yaml").size());
    } else {
      stem.clear();
    }
    const std::optional<std::pair<int, int>> quarter = ParseQuarterKey(stem);
    if (!quarter) {
      diagnostics->Add(path, 0,
                       "лишний файл: в папке reports допустимы только <год>-q<квартал>.yaml (например 2026-q3.yaml) "
                       "и закреплённые числа <год>-q<квартал>.numbers.json");
      continue;
    }
    Result<std::string> text = fs.ReadFile(path);
    if (!text.ok()) {
      diagnostics->Add("", 0, text.status().message());
      continue;
    }
    if (numbers) {
      numbers_files[*quarter] = path;
      FrozenNumbers frozen;
      ParseFrozen(path, text.value(), &frozen, diagnostics);
      reports[*quarter].frozen = std::move(frozen);
    } else {
      QuarterReport& report = reports[*quarter];
      report.path = path;
      ParseReport(path, text.value(), &report, diagnostics);
    }
  }
  std::vector<QuarterReport> out;
  for (auto& [quarter, report] : reports) {
    report.year = quarter.first;
    report.quarter = quarter.second;
    if (report.path.empty()) {
      diagnostics->Add(numbers_files[quarter], 0,
                       "закреплённые числа без отчёта: нет файла " + JoinPath(dir, report.Key() + ".yaml"));
      continue;
    }
    if (report.frozen && !report.published) {
      diagnostics->Add(report.path, 1,
                       "числа отчёта закреплены, а дата публикации «published» не указана; верните её или удалите " +
                           report.frozen->path);
    }
    out.push_back(std::move(report));
  }
  if (diagnostics->size() != errors_before) return std::nullopt;
  return out;
}

std::string FrozenNumbersJson(size_t errata, const std::map<std::string, std::string>& numbers) {
  nlohmann::ordered_json json;
  json["errata"] = errata;
  json["numbers"] = nlohmann::ordered_json::object();
  for (const auto& [key, value] : numbers) json["numbers"][key] = value;
  return json.dump(2) + "\n";
}

}  // namespace otklik
