#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "core/progress.h"

namespace otklik {

/// One agency of a region: the folder of its site in the portal and the
/// folders its own build reads.
struct RegionAgency {
  std::string id;             ///< Its folder in the portal: /<id>/.
  std::string content_dir;    ///< Its content, with its own site.yaml.
  std::string templates_dir;  ///< Its theme; the region's by default.
  std::string data_dir;       ///< Its responses; `data` beside its content folder by default.
  int line = 0;               ///< Where region.yaml names it.
};

/// region.yaml: a region's portal, every agency of the region in one build
/// (docs/content-format.md). Folders are relative to the file's folder.
struct RegionConfig {
  std::string path;
  std::string name;           ///< «Северная область».
  std::string title;          ///< The portal's title; by default the theme's region.default_title.
  std::string description;    ///< One sentence for search engines and the home page.
  std::string intro;          ///< Markdown on the home page, before the summary.
  std::string base_url;       ///< The portal's address; an agency's site is at base_url + id + "/".
  std::string templates_dir;  ///< The region's theme (`templates` beside region.yaml by default).
  std::string pages_dir;      ///< The region's own pages in Markdown (`pages` beside region.yaml by default).
  /// The region's life situations, in the order its pages list them; an
  /// agency's service belongs to one by its id. Situations no entry names
  /// follow, titled by the first agency that has them.
  struct Situation {
    std::string id;
    std::string title;
  };
  std::vector<Situation> situations;
  std::vector<RegionAgency> agencies;
};

/// `otklik new page|agency NAME --region region.yaml`: a page of the
/// region's (pages/NAME.md, from a template with Russian comments) or an
/// agency (agencies/NAME/content/site.yaml, and NAME added at the end of
/// region.yaml's agencies). Refuses, with the reason, a name that is not an
/// id, one the portal has, an existing file or folder, or a region.yaml
/// whose agencies: is not its last part (it is then left as it was).
bool CreateRegionScaffold(FileSystem& fs, const std::string& region_file, const std::string& kind,
                          const std::string& name, std::string* written, Diagnostics* diagnostics);

/// Whether /<folder>/ of the portal is an agency's site or a section of the region's.
bool RegionFolderTaken(const RegionConfig& region, const std::string& folder);

/// Reads and checks region.yaml: every error as "path:line: message".
std::optional<RegionConfig> LoadRegion(const FileSystem& fs, const std::string& path, Diagnostics* diagnostics);

struct RegionBuildOptions {
  std::string region_file = "region.yaml";
  std::string out_dir = "site";
  /// Instead of region.yaml's base_url (the preview): each agency's whole
  /// site moves to base_url + id + "/", the receivers of its forms too.
  std::string base_url;
  Date as_of;
  Date today;
  unsigned threads = 0;  ///< 0: one per core.
  Progress* progress = &NoProgress();
};

struct RegionBuildSummary {
  size_t agencies = 0;
  size_t pages = 0;    ///< HTML pages of every agency's site.
  size_t changed = 0;  ///< Files of the portal new or different from the published ones.
  std::vector<std::string> changed_files;  ///< Their paths, sorted.
  /// Per agency, in region.yaml's order: pages, and responses read.
  struct Agency {
    std::string id;
    size_t pages = 0;
    uint64_t responses = 0;
  };
  std::vector<Agency> per_agency;
};

/// Builds every agency's public site, each exactly as its own build for
/// base_url + id + "/" would, into one portal at `out_dir`: the agencies
/// build in parallel, and the portal is published in one atomic step only
/// when every agency built. An agency's errors are reported under its
/// name, and then nothing is published.
bool BuildRegion(FileSystem& fs, const RegionBuildOptions& options, RegionBuildSummary* summary,
                 Diagnostics* diagnostics);

}  // namespace otklik
