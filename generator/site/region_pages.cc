#include "site/region_pages.h"

#include <algorithm>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "content/csv_writer.h"
#include "content/document.h"
#include "content/field_reader.h"
#include "model/messages.h"
#include "render/figure.h"
#include "render/markdown.h"
#include "render/russian.h"
#include "render/template_set.h"
#include "render/views.h"
#include "stats/proportion.h"

namespace otklik {

namespace {

using nlohmann::json;

// The templates of the region's section, besides the layout.
const std::vector<std::string>& RegionTemplateNames() {
  static const std::vector<std::string> kNames = {"layout",      "region_home", "region_situations", "region_situation",
                                                  "region_page", "region_data", "region_search",     "not_found"};
  return kNames;
}

// A page of the region's own, from pages/<id>.md.
struct RegionPage {
  std::string id;
  std::string path;
  std::string title;
  std::string summary;
  int order = 1000;
  bool menu = false;
  std::string body;
};

std::optional<std::vector<RegionPage>> LoadPages(const FileSystem& fs, const RegionConfig& region,
                                                 Diagnostics* diagnostics) {
  const size_t errors_before = diagnostics->size();
  std::vector<RegionPage> pages;
  for (const std::string& file : fs.ListFiles(region.pages_dir)) {
    const std::string path = JoinPath(region.pages_dir, file);
    if (!file.ends_with(".md") || file.find('/') != std::string::npos) {
      diagnostics->Add(path, 0, "файл не будет опубликован: ожидается страница в формате Markdown с расширением .md");
      continue;
    }
    const Result<std::string> text = fs.ReadFile(path);
    if (!text.ok()) {
      diagnostics->Add("", 0, text.status().message());
      continue;
    }
    std::optional<Document> doc = ParseDocument(path, text.value(), diagnostics);
    if (!doc) continue;
    FieldReader fields(doc->front_matter, path, diagnostics);
    RegionPage page{doc->id, path, fields.RequiredString("title"), fields.OptionalString("summary"),
                    fields.Int("order", 1000, -1000000, 1000000), fields.Bool("menu", false), std::move(doc->body)};
    fields.Finish();
    if (!IsValidId(page.id)) {
      diagnostics->Add(path, 0, "имя файла «" + page.id +
                                    "» не годится для адреса страницы: используйте строчные латинские буквы, цифры и дефис");
    } else if (RegionFolderTaken(region, page.id)) {
      diagnostics->Add(path, 0, "адрес страницы /" + page.id + "/ занят сайтом ведомства или разделом портала");
    }
    pages.push_back(std::move(page));
  }
  if (diagnostics->size() != errors_before) return std::nullopt;
  std::stable_sort(pages.begin(), pages.end(), [](const RegionPage& a, const RegionPage& b) {
    return std::tie(a.order, a.title) < std::tie(b.order, b.title);
  });
  return pages;
}

// The words of a comparison, as the home page and the summary table say them.
const char* ComparisonKey(Comparison comparison) {
  switch (comparison) {
    case Comparison::kHigher: return "higher";
    case Comparison::kLower: return "lower";
    case Comparison::kSame: return "same";
    case Comparison::kAlone: return "alone";
    case Comparison::kNotEnough: break;
  }
  return "not_enough";
}

class SectionWriter {
 public:
  SectionWriter(FileSystem& fs, const RegionConfig& region, const RegionSummary& summary, const Date& as_of,
                const Messages& messages, TemplateSet& templates, std::vector<RegionPage> pages, Publisher& portal)
      : fs_(fs), region_(region), summary_(summary), as_of_(as_of), messages_(messages), templates_(templates),
        pages_(std::move(pages)), portal_(portal) {}

  bool Write(Diagnostics* diagnostics) {
    diagnostics_ = diagnostics;
    const size_t errors_before = diagnostics->size();
    Home();
    Situations();
    for (const RegionPage& page : pages_) Page(page);
    Search();
    NotFound();
    Data();
    Assets();
    return diagnostics->size() == errors_before;
  }

 private:
  // The view every page of the section starts from (the layout's fields).
  json Common(const std::string& url, const std::string& title) const {
    const std::string root = RelativeRoot(url + "index.html");
    json view;
    view["root"] = root;
    view["portal"] = true;
    view["title"] = title;
    view["head_title"] = url.empty() ? region_.title : title + " — " + region_.title;
    view["canonical"] = region_.base_url + url;
    view["home_href"] = root + "index.html";
    view["search_href"] = root + "search/index.html";
    view["as_of"] = RussianDate(as_of_);
    view["as_of_iso"] = as_of_.ToString();
    view["description"] = region_.description;
    view["site"] = {{"title", region_.title},
                    {"description", region_.description},
                    {"base_url", region_.base_url},
                    {"agency", {{"name", region_.name}, {"short_name", region_.name}, {"region", region_.name},
                                {"website", ""}}},
                    {"contacts", nullptr}};
    json nav = json::array();
    auto add = [&](const std::string& section, const std::string& name) {
      std::string current;
      if (url == section) current = "page";
      else if (!section.empty() && url.starts_with(section)) current = "true";
      nav.push_back({{"title", name}, {"href", root + section + "index.html"}, {"current", current}});
    };
    add("", messages_["region.nav_agencies"]);
    add("situations/", messages_["region.nav_situations"]);
    for (const RegionPage& page : pages_) {
      if (page.menu) add(page.id + "/", page.title);
    }
    add("data/", messages_["region.nav_data"]);
    view["nav"] = std::move(nav);
    view["breadcrumbs"] = json::array();
    if (!url.empty()) view["breadcrumbs"].push_back({{"title", messages_["crumbs.home"]}, {"href", root + "index.html"}});
    view["searchable"] = true;
    return view;
  }

  void Render(const std::string& url, const std::string& name, const json& view) {
    const Result<std::string> html = templates_.Render(name, view);
    const std::string file = url + "index.html";
    if (!html.ok()) return diagnostics_->Add(JoinPath(region_.templates_dir, name + ".mustache"), 0, html.status().message());
    Publish(file, html.value());
  }

  void Publish(const std::string& file, std::string_view bytes) {
    if (Status written = portal_.Write(file, bytes); !written.ok()) diagnostics_->Add("", 0, written.message());
  }

  std::string AgencyHref(const std::string& root, size_t agency, const std::string& url = "") const {
    return root + summary_.agencies[agency].id + "/" + url + "index.html";
  }

  // An agency's level as published, under its site's key with the agency's folder before it.
  json LevelView(const AgencyFigures& agency, const AgencyFigures::Level& level) const {
    const std::string cut = level.cut == "all" ? "all" : level.cut + ":" + level.id;  // "kind:" is the portal's own
    const std::string key = agency.id + "/level/" + level.indicator + "/" + cut + "/" + summary_.quarter.Key();
    if (!level.shown) return {{"shown", false}, {"hidden", Hidden(key + "/share", messages_["results.not_enough_data"]).html}};
    return {{"shown", true},
            {"share", Share(key + "/share", Ratio{level.satisfied, level.ratings}).html},
            {"interval", Interval(key + "/interval", WilsonInterval(level.satisfied, level.ratings)).html},
            {"ratings", Count(key + "/ratings", level.ratings).html}};
  }

  json RegionLevelView(const RegionLevel& level, size_t of) const {
    const std::string key = "region/level/" + level.indicator + "/kind:" + level.kind + "/" + summary_.quarter.Key();
    if (level.agencies == 0) return {{"shown", false}, {"hidden", Hidden(key + "/share", messages_["results.not_enough_data"]).html}};
    return {{"shown", true},
            {"share", Share(key + "/share", Ratio{level.satisfied, level.ratings}).html},
            {"interval", Interval(key + "/interval", WilsonInterval(level.satisfied, level.ratings)).html},
            {"ratings", Count(key + "/ratings", level.ratings).html},
            {"agencies", messages_.Format("region.pooled", {{"count", std::to_string(level.agencies)},
                                                            {"of", std::to_string(of)}})}};
  }

  void Home() {
    const std::string title = region_.title;
    json view = Common("", title);
    view["title"] = title;
    view["lead"] = messages_.Format("region.lead", {{"region", region_.name},
                                                   {"quarter", PeriodIn(summary_.quarter)},
                                                   {"agencies", std::to_string(summary_.agencies.size())}});
    view["quarter"] = PeriodLabel(summary_.quarter);
    // Each agency as a whole, per indicator: its mix of processes is its
    // own, so these levels are shown side by side and not compared.
    json overall = json::array();
    for (size_t i = 0; i < summary_.agencies.size(); ++i) {
      const AgencyFigures& agency = summary_.agencies[i];
      for (const AgencyFigures::Level& level : agency.levels) {
        json row = LevelView(agency, level);
        row["name"] = agency.name;
        row["href"] = AgencyHref("", i);
        row["indicator"] = level.indicator_title;
        overall.push_back(std::move(row));
      }
    }
    view["overall"] = std::move(overall);
    // Per kind of process and indicator: like with like, each agency against the others.
    json kinds = json::array();
    for (const RegionLevel& region : summary_.levels) {
      json rows = json::array();
      for (size_t i = 0; i < summary_.agencies.size(); ++i) {
        const AgencyFigures& agency = summary_.agencies[i];
        for (const AgencyFigures::Level& level : agency.kinds) {
          if (level.id != region.kind || level.indicator != region.indicator) continue;
          const Comparison comparison = Compare(level, region);
          json row = LevelView(agency, level);
          row["name"] = agency.name;
          row["href"] = AgencyHref("", i);
          row["comparison"] = messages_[std::string("region.comparison_") + ComparisonKey(comparison)];
          row["comparison_class"] = ComparisonKey(comparison);
          rows.push_back(std::move(row));
        }
      }
      kinds.push_back({{"id", region.kind + "-" + region.indicator},
                       {"title", messages_["labels.service_kind_heading." + region.kind] + ": " + region.indicator_title},
                       {"region", RegionLevelView(region, rows.size())},
                       {"rows", rows}});
    }
    view["kinds"] = std::move(kinds);
    json agencies = json::array();
    for (size_t i = 0; i < summary_.agencies.size(); ++i) {
      const AgencyFigures& agency = summary_.agencies[i];
      const std::string key = agency.id + "/region";
      agencies.push_back({{"name", agency.name},
                          {"href", AgencyHref("", i)},
                          {"reports_on_time", Count(key + "/reports/on_time", agency.reports.on_time).html},
                          {"reports_late", Count(key + "/reports/late", agency.reports.late).html},
                          {"reports_missing", Count(key + "/reports/missing", agency.reports.missing).html},
                          {"decisions_done", Count(key + "/decisions/done", agency.decisions.done).html},
                          {"decisions_in_progress", Count(key + "/decisions/in_progress", agency.decisions.in_progress).html},
                          {"decisions_planned", Count(key + "/decisions/planned", agency.decisions.planned).html},
                          {"decisions_overdue", Count(key + "/decisions/overdue", agency.decisions.overdue).html}});
    }
    view["agencies"] = std::move(agencies);
    view["body_html"] = MarkdownRenderer().ToHtml(region_.intro);
    Render("", "region_home", view);
  }

  void Situations() {
    const std::string title = messages_["region.situations_title"];
    json view = Common("situations/", title);
    json list = json::array();
    for (const RegionSummary::Situation& situation : summary_.situations) {
      list.push_back({{"title", situation.title},
                      {"href", "" + situation.id + "/index.html"},
                      {"agencies", messages_.Format("region.situation_agencies",
                                                    {{"count", std::to_string(situation.agencies.size())}})}});
      Situation(situation);
    }
    view["situations"] = std::move(list);
    Render("situations/", "region_situations", view);
  }

  void Situation(const RegionSummary::Situation& situation) {
    const std::string url = "situations/" + situation.id + "/";
    json view = Common(url, situation.title);
    const std::string root = view["root"];
    view["breadcrumbs"].push_back({{"title", messages_["region.situations_title"]}, {"href", "../index.html"}});
    json agencies = json::array();
    for (size_t i : situation.agencies) {
      const AgencyFigures& agency = summary_.agencies[i];
      json levels = json::array();
      for (const AgencyFigures::Level& level : agency.parts) {
        if (level.cut != "situation" || level.id != situation.id) continue;
        json row = LevelView(agency, level);
        row["indicator"] = level.indicator_title;
        levels.push_back(std::move(row));
      }
      json services = json::array();
      for (const AgencyFigures::Process& process : agency.processes) {
        if (std::find(process.situations.begin(), process.situations.end(), situation.id) ==
            process.situations.end()) {
          continue;
        }
        json results = json::array();
        for (const AgencyFigures::Level& level : agency.parts) {
          if (level.cut != "service" || level.id != process.id) continue;
          json row = LevelView(agency, level);
          row["indicator"] = level.indicator_title;
          results.push_back(std::move(row));
        }
        services.push_back({{"title", process.title},
                            {"href", AgencyHref(root, i, "services/" + process.id + "/")},
                            {"results", std::move(results)}});
      }
      agencies.push_back({{"name", agency.name},
                          {"href", AgencyHref(root, i, url)},
                          {"levels", std::move(levels)},
                          {"services", std::move(services)}});
    }
    view["agencies"] = std::move(agencies);
    view["quarter"] = PeriodLabel(summary_.quarter);
    Render(url, "region_situation", view);
  }

  void Page(const RegionPage& page) {
    const std::string url = page.id + "/";
    json view = Common(url, page.title);
    view["page"] = {{"title", page.title}, {"summary", page.summary}, {"body_html", MarkdownRenderer().ToHtml(page.body)}};
    Render(url, "region_page", view);
  }

  // Shown at any address the portal does not have: its links start from the portal's root path.
  void NotFound() {
    json view = Common("", messages_["not_found.title"]);
    const std::string& base = region_.base_url;
    const size_t scheme = base.find("://");
    const size_t slash = base.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    const std::string root = slash == std::string::npos ? "/" : base.substr(slash);
    view["root"] = root;
    view["home_href"] = root + "index.html";
    view["search_href"] = root + "search/index.html";
    view["canonical"] = "";
    view["head_title"] = messages_["not_found.title"] + " — " + region_.title;
    for (json& item : view["nav"]) item["href"] = root + item["href"].get<std::string>();
    const Result<std::string> html = templates_.Render("not_found", view);
    if (!html.ok()) return diagnostics_->Add(JoinPath(region_.templates_dir, "not_found.mustache"), 0, html.status().message());
    Publish("404.html", html.value());
  }

  void Search() {
    json view = Common("search/", messages_["region.search_title"]);
    view["searchable"] = false;
    view["scripts"] = json::array({"search.js"});
    Render("search/", "region_search", view);
  }

  // The data sets every agency publishes, joined: each row as its agency
  // published it, with the agency's folder first; then the summary.
  void Data() {
    std::vector<std::string> set_ids;
    std::map<std::string, json> joined;  // set id → {title, fields, rows}
    for (const AgencyFigures& agency : summary_.agencies) {
      const std::string data = JoinPath(JoinPath(portal_.staging_dir(), agency.id), "data");
      for (const std::string& file : fs_.ListFiles(data)) {
        if (!file.ends_with("/data.json") || std::count(file.begin(), file.end(), '/') != 1) continue;
        const std::string id = file.substr(0, file.find('/'));
        const Result<std::string> text = fs_.ReadFile(JoinPath(data, file));
        if (!text.ok()) return diagnostics_->Add("", 0, text.status().message());
        json set = json::parse(text.value(), nullptr, /*allow_exceptions=*/false);
        if (!set.is_object() || !set.contains("rows") || !set["rows"].is_array()) {
          return diagnostics_->Add(JoinPath(data, file), 0, "это не набор открытых данных Отклика: нет списка rows");
        }
        json& into = joined[id];
        if (into.is_null()) {
          set_ids.push_back(id);
          into = {{"id", id}, {"title", set.value("title", id)}, {"fields", json::array({"agency"})},
                  {"rows", json::array()}, {"modified", ""}};
        }
        if (!set["rows"].empty()) {  // an empty set's date is its structure's, not its data's
          into["modified"] = std::max(into["modified"].get<std::string>(), set.value("modified", std::string()));
        }
        for (json& row : set["rows"]) {
          if (!row.is_object()) continue;
          json out = {{"agency", agency.id}};
          for (auto& [field, value] : row.items()) {
            json& fields = into["fields"];
            if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
            out[field] = std::move(value);
          }
          into["rows"].push_back(std::move(out));
        }
      }
    }
    std::sort(set_ids.begin(), set_ids.end());
    set_ids.push_back("summary");
    joined["summary"] = SummaryTable();
    json sets = json::array();
    std::string list = CsvRecord({"property", "title", "value", "format"});
    for (const std::string& id : set_ids) {
      json& set = joined[id];
      std::vector<std::string> fields = set["fields"].get<std::vector<std::string>>();
      std::string csv = CsvRecord(fields);
      for (const json& row : set["rows"]) {
        std::vector<std::string> cells;
        for (const std::string& field : fields) {
          const auto it = row.find(field);
          if (it == row.end() || it->is_null()) cells.emplace_back();
          else if (it->is_string()) cells.push_back(it->get<std::string>());
          else cells.push_back(it->dump());
        }
        csv += CsvRecord(cells);
      }
      const std::string folder = "data/" + id + "/";
      Publish(folder + "data.csv", csv);
      json file = {{"id", id}, {"title", set["title"]}, {"modified", set["modified"]}, {"rows", set["rows"]}};
      Publish(folder + "data.json", file.dump(1, ' ', false, json::error_handler_t::replace) + "\n");
      list += CsvRecord({id, set["title"].get<std::string>(), region_.base_url + folder + "data.csv", "csv"});
      sets.push_back({{"id", id},
                      {"title", set["title"]},
                      {"rows", set["rows"].size()},
                      {"csv_href", id + "/data.csv"},
                      {"json_href", id + "/data.json"}});
    }
    Publish("data/list.csv", list);
    json view = Common("data/", messages_["region.data_title"]);
    view["sets"] = std::move(sets);
    Render("data/", "region_data", view);
  }

  // Per agency: a row per indicator for it as a whole (kind "all", not
  // compared), and one per kind of process and indicator it has (its level
  // in the quarter, the region's, how they compare); each with its reports
  // and pain map.
  json SummaryTable() const {
    json rows = json::array();
    for (const AgencyFigures& agency : summary_.agencies) {
      // The agency's reports and pain map, on each of its rows.
      const auto row_of = [&](const std::string& kind, const std::string& indicator, const std::string& title,
                              const AgencyFigures::Level* level) {
        json row = {{"agency", agency.id}, {"agency_title", agency.name}, {"kind", kind},
                    {"indicator", indicator}, {"indicator_title", title}, {"period", summary_.quarter.Key()}};
        row["status"] = !level ? "none" : level->shown ? "shown" : "suppressed";
        row["satisfied"] = level && level->shown ? json(level->satisfied) : json(nullptr);
        row["ratings"] = level && level->shown ? json(level->ratings) : json(nullptr);
        row["region_satisfied"] = row["region_ratings"] = row["region_agencies"] = nullptr;
        row["comparison"] = "not_compared";
        row["reports_on_time"] = agency.reports.on_time;
        row["reports_late"] = agency.reports.late;
        row["reports_missing"] = agency.reports.missing;
        row["decisions_planned"] = agency.decisions.planned;
        row["decisions_in_progress"] = agency.decisions.in_progress;
        row["decisions_done"] = agency.decisions.done;
        row["decisions_overdue"] = agency.decisions.overdue;
        return row;
      };
      // As a whole (kind "all"), not compared; one row of "none" for an agency with no level yet.
      for (const AgencyFigures::Level& level : agency.levels) {
        rows.push_back(row_of("all", level.indicator, level.indicator_title, &level));
      }
      if (agency.levels.empty()) rows.push_back(row_of("all", "", "", nullptr));
      for (const RegionLevel& region : summary_.levels) {
        const auto level = std::find_if(agency.kinds.begin(), agency.kinds.end(), [&](const auto& level) {
          return level.id == region.kind && level.indicator == region.indicator;
        });
        if (level == agency.kinds.end()) continue;
        json row = row_of(region.kind, region.indicator, region.indicator_title, &*level);
        row["region_satisfied"] = region.satisfied;
        row["region_ratings"] = region.ratings;
        row["region_agencies"] = region.agencies;
        row["comparison"] = ComparisonKey(Compare(*level, region));
        rows.push_back(std::move(row));
      }
    }
    json fields = json::array();
    for (const char* field : {"agency", "agency_title", "kind", "indicator", "indicator_title", "period", "status",
                              "satisfied", "ratings", "region_satisfied", "region_ratings", "region_agencies",
                              "comparison", "reports_on_time",
                              "reports_late", "reports_missing", "decisions_planned", "decisions_in_progress",
                              "decisions_done", "decisions_overdue"}) {
      fields.push_back(field);
    }
    return {{"id", "summary"}, {"title", messages_["region.summary_set"]}, {"fields", std::move(fields)},
            {"rows", std::move(rows)}, {"modified", summary_.quarter.last().ToString()}};
  }

  void Assets() {
    const std::string assets = JoinPath(region_.templates_dir, "assets");
    for (const std::string& file : fs_.ListFiles(assets)) {
      const Result<std::string> bytes = fs_.ReadFile(JoinPath(assets, file));
      if (!bytes.ok()) {
        diagnostics_->Add("", 0, bytes.status().message());
        continue;
      }
      Publish(JoinPath("assets", file), bytes.value());
    }
  }

  FileSystem& fs_;
  const RegionConfig& region_;
  const RegionSummary& summary_;
  const Date as_of_;
  const Messages& messages_;
  TemplateSet& templates_;
  const std::vector<RegionPage> pages_;
  Publisher& portal_;
  Diagnostics* diagnostics_ = nullptr;
};

}  // namespace

bool SummariseRegion(const FileSystem& fs, const RegionConfig& region, const std::string& tree, const Date& as_of,
                     RegionSummary* summary, Diagnostics* diagnostics) {
  summary->quarter = LastCompleteQuarter(as_of);
  for (const RegionAgency& agency : region.agencies) {
    std::optional<AgencyFigures> figures =
        ReadAgencyFigures(fs, JoinPath(tree, agency.id), agency.id, summary->quarter, as_of, diagnostics);
    if (!figures) return false;
    summary->agencies.push_back(std::move(*figures));
  }
  summary->levels = PoolLevels(summary->agencies);
  // Life situations: region.yaml's first, in its order, then the agencies' own.
  for (const RegionConfig::Situation& named : region.situations) summary->situations.push_back({named.id, named.title, {}});
  for (size_t i = 0; i < summary->agencies.size(); ++i) {
    const AgencyFigures& agency = summary->agencies[i];
    for (const AgencyFigures::Process& process : agency.processes) {
      for (const std::string& id : process.situations) {
        auto it = std::find_if(summary->situations.begin(), summary->situations.end(),
                               [&](const RegionSummary::Situation& s) { return s.id == id; });
        if (it == summary->situations.end()) {
          std::string title = id;
          for (const AgencyFigures::Level& level : agency.parts) {
            if (level.cut == "situation" && level.id == id && !level.title.empty()) title = level.title;
          }
          summary->situations.push_back({id, title, {}});
          it = std::prev(summary->situations.end());
        }
        if (it->agencies.empty() || it->agencies.back() != i) it->agencies.push_back(i);
      }
    }
  }
  std::erase_if(summary->situations, [](const RegionSummary::Situation& s) { return s.agencies.empty(); });
  return true;
}

namespace {

// The region's theme and pages, read and checked.
struct RegionSources {
  Messages messages;
  std::optional<TemplateSet> templates;
  std::vector<RegionPage> pages;
};

std::optional<RegionSources> LoadSources(const FileSystem& fs, const RegionConfig& region, Diagnostics* diagnostics) {
  const size_t errors_before = diagnostics->size();
  std::optional<Messages> messages =
      Messages::Load(fs, JoinPath(region.templates_dir, "messages.yaml"), AgencyWords{}, diagnostics);
  if (!messages) return std::nullopt;
  std::optional<TemplateSet> templates =
      TemplateSet::Load(fs, region.templates_dir, RegionTemplateNames(), diagnostics, &*messages, &DefaultTemplates());
  std::optional<std::vector<RegionPage>> pages = LoadPages(fs, region, diagnostics);
  if (!templates || !pages || diagnostics->size() != errors_before) return std::nullopt;
  return RegionSources{std::move(*messages), std::move(templates), std::move(*pages)};
}

}  // namespace

bool CheckRegionSection(const FileSystem& fs, const RegionConfig& region, Diagnostics* diagnostics) {
  return LoadSources(fs, region, diagnostics).has_value();
}

bool WriteRegionSection(FileSystem& fs, const RegionConfig& region, const RegionSummary& summary, const Date& as_of,
                        Publisher& portal, Diagnostics* diagnostics) {
  std::optional<RegionSources> sources = LoadSources(fs, region, diagnostics);
  if (!sources) return false;
  const Messages* messages = &sources->messages;
  std::optional<TemplateSet>& templates = sources->templates;
  std::optional<std::vector<RegionPage>> pages = std::move(sources->pages);
  RegionConfig titled = region;
  if (titled.title.empty()) titled.title = messages->Format("region.default_title", {{"region", region.name}});
  SectionWriter writer(fs, titled, summary, as_of, *messages, *templates, std::move(*pages), portal);
  return writer.Write(diagnostics);
}

}  // namespace otklik
