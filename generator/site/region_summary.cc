#include "site/region_summary.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "content/csv_reader.h"
#include "model/report.h"
#include "model/service.h"
#include "stats/proportion.h"

namespace otklik {

namespace {

using nlohmann::json;

// The rows of an open data set's data.json; an empty list when the set is
// not published. nullopt after reporting a file that is not the set's JSON.
std::optional<json> SetRows(const FileSystem& fs, const std::string& path, Diagnostics* diagnostics) {
  if (!fs.IsFile(path)) return json::array();
  const Result<std::string> text = fs.ReadFile(path);
  if (!text.ok()) {
    diagnostics->Add("", 0, text.status().message());
    return std::nullopt;
  }
  json set = json::parse(text.value(), nullptr, /*allow_exceptions=*/false);
  if (!set.is_object() || !set.contains("rows") || !set["rows"].is_array()) {
    diagnostics->Add(path, 0, "это не набор открытых данных Отклика: нет списка rows");
    return std::nullopt;
  }
  return std::move(set["rows"]);
}

std::string TextOf(const json& row, const char* key) {
  const auto it = row.find(key);
  return it != row.end() && it->is_string() ? it->get<std::string>() : "";
}

uint64_t CountOf(const json& row, const char* key) {
  const auto it = row.find(key);
  return it != row.end() && it->is_number_unsigned() ? it->get<uint64_t>() : 0;
}

// The publisher a set's passport names (meta.csv), or "".
std::string PublisherName(const FileSystem& fs, const std::string& path) {
  const Result<std::string> text = fs.ReadFile(path);
  if (!text.ok()) return "";
  Diagnostics ignored;
  const std::optional<CsvTable> table = ParseCsv(path, text.value(), &ignored);
  if (!table) return "";
  for (const CsvRow& row : table->rows) {
    if (row.cells.size() == 2 && row.cells[0] == "publishername") return row.cells[1];
  }
  return "";
}

// AgencyFigures::kinds from its services' published levels and kinds.
void PoolKinds(AgencyFigures* agency) {
  for (const std::string& kind : ServiceKindNames()) {
    for (const AgencyFigures::Level& all : agency->levels) {
      AgencyFigures::Level pooled;
      pooled.cut = "kind";
      pooled.id = kind;
      pooled.indicator = all.indicator;
      pooled.indicator_title = all.indicator_title;
      bool any = false;
      for (const AgencyFigures::Level& part : agency->parts) {
        if (part.cut != "service" || part.indicator != all.indicator) continue;
        const auto process = std::find_if(agency->processes.begin(), agency->processes.end(),
                                          [&](const AgencyFigures::Process& p) { return p.id == part.id; });
        if (process == agency->processes.end() || process->kind != kind) continue;
        any = true;
        if (!part.shown) continue;
        pooled.shown = true;
        pooled.satisfied += part.satisfied;
        pooled.ratings += part.ratings;
      }
      if (any) agency->kinds.push_back(std::move(pooled));
    }
  }
}

}  // namespace

std::optional<AgencyFigures> ReadAgencyFigures(const FileSystem& fs, const std::string& site_dir,
                                               const std::string& id, const Period& quarter, const Date& as_of,
                                               Diagnostics* diagnostics) {
  const std::string data = JoinPath(site_dir, "data");
  AgencyFigures agency;
  agency.id = id;
  agency.name = PublisherName(fs, JoinPath(data, "satisfaction/meta.csv"));
  if (agency.name.empty()) agency.name = id;

  const std::optional<json> levels = SetRows(fs, JoinPath(data, "satisfaction/data.json"), diagnostics);
  const std::optional<json> decisions = SetRows(fs, JoinPath(data, "decisions/data.json"), diagnostics);
  const std::optional<json> appeals = SetRows(fs, JoinPath(data, "appeals/data.json"), diagnostics);
  const std::optional<json> processes = SetRows(fs, JoinPath(data, "processes/data.json"), diagnostics);
  if (!levels || !decisions || !appeals || !processes) return std::nullopt;

  for (const json& row : *levels) {
    const std::string cut = TextOf(row, "cut");
    if (TextOf(row, "period") != quarter.Key() || (cut != "all" && cut != "service" && cut != "situation")) continue;
    AgencyFigures::Level level;
    level.cut = cut;
    level.id = TextOf(row, "id");
    level.title = TextOf(row, "title");
    level.indicator = TextOf(row, "indicator");
    level.indicator_title = TextOf(row, "indicator_title");
    level.shown = TextOf(row, "status") == "shown";
    if (level.shown) {
      level.satisfied = CountOf(row, "satisfied");
      level.ratings = CountOf(row, "ratings");
      level.shown = level.ratings > 0 && level.satisfied <= level.ratings;
    }
    (cut == "all" ? agency.levels : agency.parts).push_back(std::move(level));
  }

  for (const json& row : *processes) {
    AgencyFigures::Process process{TextOf(row, "id"), TextOf(row, "title"), TextOf(row, "kind"), TextOf(row, "url"),
                                   {}};
    const std::string situations = TextOf(row, "situations");
    for (size_t at = 0; at < situations.size();) {
      const size_t end = std::min(situations.find(';', at), situations.size());
      if (end > at) process.situations.push_back(situations.substr(at, end - at));
      at = end + 1;
    }
    agency.processes.push_back(std::move(process));
  }
  PoolKinds(&agency);

  for (const json& row : *decisions) {
    const std::string state = TextOf(row, "state");
    if (state == "done") ++agency.decisions.done;
    else if (state == "in-progress") ++agency.decisions.in_progress;
    else if (state == "planned") ++agency.decisions.planned;
    const auto overdue = row.find("overdue");
    if (overdue != row.end() && overdue->is_boolean() && overdue->get<bool>()) ++agency.decisions.overdue;
  }

  // The newest four quarters whose report is due by now: published when any
  // of its numbers was, on the date it was.
  Period report = quarter;
  for (size_t counted = 0; counted < 4;) {
    const Date deadline = ReportDeadline(report.year, report.index);
    if (deadline < as_of) {
      std::optional<Date> published;
      for (const json& row : *appeals) {
        if (TextOf(row, "quarter") != report.Key()) continue;
        if (const std::optional<Date> day = Date::Parse(TextOf(row, "published")); day && *day <= as_of) {
          published = published ? std::min(*published, *day) : *day;
        }
      }
      if (!published) ++agency.reports.missing;
      else if (*published <= deadline) ++agency.reports.on_time;
      else ++agency.reports.late;
      ++counted;
    }
    report = report.Previous();
  }
  return agency;
}

std::vector<RegionLevel> PoolLevels(const std::vector<AgencyFigures>& agencies) {
  std::vector<RegionLevel> pooled;
  for (const std::string& kind : ServiceKindNames()) {
  for (const AgencyFigures& agency : agencies) {
    for (const AgencyFigures::Level& level : agency.kinds) {
      if (level.id != kind) continue;
      auto it = std::find_if(pooled.begin(), pooled.end(), [&](const RegionLevel& region) {
        return region.kind == kind && region.indicator == level.indicator;
      });
      if (it == pooled.end()) {
        pooled.push_back({kind, level.indicator, level.indicator_title, 0, 0, 0});
        it = std::prev(pooled.end());
      } else if (("/ " + it->indicator_title + " /").find("/ " + level.indicator_title + " /") == std::string::npos) {
        it->indicator_title += " / " + level.indicator_title;  // the same indicator, in each agency's words
      }
      if (!level.shown) continue;
      it->satisfied += level.satisfied;
      it->ratings += level.ratings;
      ++it->agencies;
    }
  }
  }
  return pooled;
}

Comparison Compare(const AgencyFigures::Level& level, const RegionLevel& region) {
  if (!level.shown) return Comparison::kNotEnough;
  if (region.agencies < 2 || region.ratings <= level.ratings) return Comparison::kAlone;
  const Proportion agency = WilsonInterval(level.satisfied, level.ratings);
  const Proportion others = WilsonInterval(region.satisfied - level.satisfied, region.ratings - level.ratings);
  const Change change = ChangeBetween(others, agency);
  if (!change.significant) return Comparison::kSame;
  return change.difference > 0 ? Comparison::kHigher : Comparison::kLower;
}

}  // namespace otklik
