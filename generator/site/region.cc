#include "site/region.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "content/field_reader.h"
#include "content/yaml_node.h"
#include "core/fingerprint.h"
#include "core/parallel.h"
#include "core/plural.h"
#include "site/build.h"
#include "site/publisher.h"
#include "site/region_pages.h"

namespace otklik {

namespace {

// A folder named in region.yaml, relative to its folder.
std::string Resolve(const std::string& region_dir, const std::string& folder) {
  if (folder.empty() || folder.front() == '/' || region_dir.empty()) return folder;
  std::string path = std::filesystem::path(JoinPath(region_dir, folder)).lexically_normal().string();
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Names an agency's site may not take: the region's own sections.
bool Reserved(const std::string& id) {
  static const std::vector<std::string> kReserved = {"assets", "data", "search", "situations", "agencies", "pagefind"};
  return std::find(kReserved.begin(), kReserved.end(), id) != kReserved.end();
}

// What an agency's site is made from: the program, the day, its address,
// its content and theme (their bytes) and its data (each file's size and
// time: a segment is only ever appended to or added).
Fingerprint AgencyInputs(const FileSystem& fs, const RegionAgency& agency, const RegionBuildOptions& options,
                         const std::string& site_url) {
  Fingerprint key = FingerprintOf(options.as_of.ToString() + " " + options.today.ToString() + " " + site_url,
                                  ProgramFingerprint());
  key = FolderFingerprint(fs, agency.content_dir, key);
  key = FolderFingerprint(fs, agency.templates_dir, key);
  for (const std::string& file : fs.ListFiles(agency.data_dir)) {
    const std::optional<FileStamp> stamp = fs.Stamp(JoinPath(agency.data_dir, file));
    key = FingerprintOf(file + " " + (stamp ? std::to_string(stamp->size) + " " + std::to_string(stamp->modified_ns)
                                            : std::string("-")),
                        key);
  }
  return key;
}

// The record of what each agency's published site was made from, beside
// the portal (not published): "<id> <inputs> <pages> <responses>" per line.
std::string RecordPath(const std::string& out_dir) { return HiddenSibling(out_dir, "agencies"); }

struct Published {
  Fingerprint inputs;
  size_t pages = 0;
  uint64_t responses = 0;
};

std::map<std::string, Published> ReadRecord(const FileSystem& fs, const std::string& out_dir) {
  std::map<std::string, Published> record;
  const Result<std::string> text = fs.ReadFile(RecordPath(out_dir));
  if (!text.ok()) return record;
  std::istringstream lines(text.value());
  std::string id, hex;
  Published published;
  while (lines >> id >> hex >> published.pages >> published.responses) {
    if (const std::optional<Fingerprint> inputs = Fingerprint::FromHex(hex)) {
      published.inputs = *inputs;
      record[id] = published;
    }
  }
  return record;
}

}  // namespace

bool RegionFolderTaken(const RegionConfig& region, const std::string& folder) {
  return Reserved(folder) || std::any_of(region.agencies.begin(), region.agencies.end(),
                                         [&](const RegionAgency& agency) { return agency.id == folder; });
}

std::optional<RegionConfig> LoadRegion(const FileSystem& fs, const std::string& path, Diagnostics* diagnostics) {
  const Result<std::string> text = fs.ReadFile(path);
  if (!text.ok()) {
    diagnostics->Add("", 0, text.status().message());
    return std::nullopt;
  }
  const size_t errors_before = diagnostics->size();
  const std::optional<YamlNode> root = ParseYaml(path, text.value(), 1, diagnostics);
  if (!root) return std::nullopt;
  FieldReader fields(*root, path, diagnostics);
  const std::string dir = ParentPath(path);
  RegionConfig region;
  region.path = path;
  region.name = fields.RequiredString("name");
  region.title = fields.OptionalString("title");
  region.description = fields.OptionalString("description");
  region.intro = fields.OptionalString("intro");
  region.base_url = fields.OptionalUrl("base_url");
  if (!fields.Has("base_url")) fields.Error(fields.line(), "нет поля base_url: адрес портала региона");
  if (!region.base_url.empty() && region.base_url.back() != '/') region.base_url += '/';
  region.templates_dir = Resolve(dir, fields.OptionalString("templates", "templates"));
  region.pages_dir = Resolve(dir, fields.OptionalString("pages", "pages"));
  static const std::regex kSituationId("[a-z0-9]+(-[a-z0-9]+)*");
  for (FieldReader& entry : fields.MapList("situations")) {
    RegionConfig::Situation situation{entry.RequiredString("id"), entry.RequiredString("title")};
    if (!situation.id.empty() && !std::regex_match(situation.id, kSituationId)) {
      entry.Error(entry.LineOf("id"), "код жизненной ситуации «" + situation.id +
                                          "»: латинские строчные буквы, цифры и дефисы, как в материалах ведомств");
    }
    entry.Finish();
    region.situations.push_back(std::move(situation));
  }
  static const std::regex kId("[a-z0-9]+(-[a-z0-9]+)*");
  for (FieldReader& entry : fields.MapList("agencies")) {
    RegionAgency agency;
    agency.line = entry.line();
    agency.id = entry.RequiredString("id");
    const std::string content = entry.RequiredString("content");
    agency.content_dir = Resolve(dir, content);
    agency.templates_dir = entry.Has("templates") ? Resolve(dir, entry.OptionalString("templates"))
                                                  : region.templates_dir;
    agency.data_dir = entry.Has("data") ? Resolve(dir, entry.OptionalString("data"))
                                        : JoinPath(ParentPath(agency.content_dir), "data");
    entry.Finish();
    if (agency.id.empty() || content.empty()) continue;
    if (!std::regex_match(agency.id, kId)) {
      entry.Error(entry.LineOf("id"), "код ведомства «" + agency.id +
                                          "» — это имя папки его сайта: латинские строчные буквы, цифры и дефисы");
    } else if (Reserved(agency.id)) {
      entry.Error(entry.LineOf("id"), "код ведомства «" + agency.id + "» занят разделом портала региона");
    } else if (std::any_of(region.agencies.begin(), region.agencies.end(),
                           [&](const RegionAgency& other) { return other.id == agency.id; })) {
      entry.Error(entry.LineOf("id"), "ведомство «" + agency.id + "» уже названо выше");
    }
    if (!fs.IsDirectory(agency.content_dir)) {
      entry.Error(entry.LineOf("content"), "нет папки с материалами ведомства: " + agency.content_dir);
    }
    region.agencies.push_back(std::move(agency));
  }
  if (region.agencies.empty() && !fields.Has("agencies")) {
    fields.Error(fields.line(), "нет списка agencies: ведомства региона");
  }
  fields.Finish();
  if (diagnostics->size() != errors_before) return std::nullopt;
  return region;
}

bool BuildRegion(FileSystem& fs, const RegionBuildOptions& options, RegionBuildSummary* summary,
                 Diagnostics* diagnostics) {
  std::optional<RegionConfig> region = LoadRegion(fs, options.region_file, diagnostics);
  if (!region) return false;
  if (!options.base_url.empty()) region->base_url = options.base_url;
  Publisher portal(fs, options.out_dir);
  if (Status begun = portal.Begin(); !begun.ok()) {
    diagnostics->Add("", 0, begun.message());
    return false;
  }
  const size_t count = region->agencies.size();
  std::vector<Diagnostics> found(count);
  std::vector<BuildSummary> built(count);
  std::vector<char> ok(count, 0);
  // One agency per thread: at a region's scale the agencies, not the pages of
  // one, keep every core busy.
  const unsigned workers = WorkerCount(options.threads);
  const unsigned each = std::max<unsigned>(1, workers / static_cast<unsigned>(count));
  // An agency whose inputs are those of its published site is kept as it is.
  const std::map<std::string, Published> record = ReadRecord(fs, options.out_dir);
  std::vector<Fingerprint> inputs(count);
  {
    ProgressStep step(*options.progress, "Сайты ведомств", count);
    ParallelFor(
        count,
        [&](size_t i, unsigned) {
          const RegionAgency& agency = region->agencies[i];
          BuildOptions build;
          build.content_dir = agency.content_dir;
          build.templates_dir = agency.templates_dir;
          build.data_dir = agency.data_dir;
          build.out_dir = agency.id;
          build.internal_dir = "";  // staff pages are each agency's own build
          build.as_of = options.as_of;
          build.today = options.today;
          build.threads = each;
          // Published at its folder of the portal; in the preview, moved there whole.
          (options.base_url.empty() ? build.site_url : build.base_url) = region->base_url + agency.id + "/";
          build.portal = &portal;
          inputs[i] = AgencyInputs(fs, agency, options, build.site_url + " " + build.base_url);
          const auto published = record.find(agency.id);
          if (published != record.end() && published->second.inputs == inputs[i] &&
              fs.IsDirectory(JoinPath(options.out_dir, agency.id))) {
            const Status kept = portal.KeepFolder(agency.id);
            ok[i] = kept.ok();
            if (!kept.ok()) found[i].Add("", 0, kept.message());
            built[i].pages = published->second.pages;
            built[i].responses = published->second.responses;
          } else {
            ok[i] = Build(fs, build, &built[i], &found[i]);
          }
          step.Advance();
        },
        workers);
    step.set_summary(CountWithNoun(static_cast<long>(count), "ведомство", "ведомства", "ведомств"));
  }
  bool all = true;
  for (size_t i = 0; i < count; ++i) {
    if (ok[i]) continue;
    all = false;
    diagnostics->Add(region->path, region->agencies[i].line,
                     "сайт ведомства «" + region->agencies[i].id + "» не собран, портал не обновлён: ошибок — " +
                         std::to_string(found[i].size()));
    diagnostics->Append(found[i]);
  }
  if (!all) return false;
  // The region's section, from what the agencies' sites now publish.
  RegionSummary figures;
  if (!SummariseRegion(fs, *region, portal.staging_dir(), options.as_of, &figures, diagnostics) ||
      !WriteRegionSection(fs, *region, figures, options.as_of, portal, diagnostics)) {
    return false;
  }
  // No record while the published tree changes: were the record then left
  // behind, an agency's inputs going back to it would keep the newer site.
  if (!record.empty()) {
    if (Status removed = fs.RemoveAll(RecordPath(options.out_dir)); !removed.ok()) {
      diagnostics->Add("", 0, removed.message());
      return false;
    }
  }
  if (Status committed = portal.Commit(); !committed.ok()) {
    diagnostics->Add("", 0, committed.message());
    return false;
  }
  std::string lines;
  for (size_t i = 0; i < count; ++i) {
    lines += region->agencies[i].id + " " + inputs[i].Hex() + " " + std::to_string(built[i].pages) + " " +
             std::to_string(built[i].responses) + "\n";
  }
  // Without it the next build builds every agency again: not an error.
  (void)fs.ReplaceFile(RecordPath(options.out_dir), lines);
  summary->agencies = count;
  summary->changed = portal.changed();
  summary->changed_files = portal.changed_files();
  for (size_t i = 0; i < count; ++i) {
    summary->pages += built[i].pages;
    summary->per_agency.push_back({region->agencies[i].id, built[i].pages, built[i].responses});
  }
  return true;
}

}  // namespace otklik
