#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "model/decision.h"
#include "core/file_system.h"
#include "core/fingerprint.h"
#include "core/progress.h"
#include "model/appeal.h"
#include "model/messages.h"
#include "render/template_set.h"
#include "stats/disclosure.h"
#include "stats/results.h"

namespace otklik {

class Publisher;

/// What `otklik build` reads and writes. Defaults match the CLI.
/// The theme (templates/: its templates parsed, its messages in the
/// agency's words) as the last build in this process loaded it, with the
/// fingerprint of every file of the folder and of site.yaml, which holds the
/// words.
struct ThemeMemo {
  Fingerprint key;
  std::optional<Messages> messages;
  std::optional<TemplateSet> templates;
  Diagnostics found;
};

/// The responses as counted by the last build in this process, with the
/// fingerprint of what the counts depend on: the surveys, the services' and
/// touchpoints' ids in site order, site.yaml, themes.yaml, calendar.yaml,
/// and the name and stamp (size, time of change) of every stored file. A
/// title is not in it: Results::Rebind takes the new texts.
struct ResponsesMemo {
  Fingerprint key;
  std::shared_ptr<Results> results;
  Diagnostics warnings;
};

/// Disclosure control, the results model and the views of results of the
/// last build (defined in build.cc), with the fingerprint of what they were
/// made from besides the counts (see FiguresKey there); reused while the
/// counts are the very same object and the published tables are equal.
struct Figures;
struct FiguresMemo {
  Fingerprint key;
  std::shared_ptr<Figures> figures;
};

/// What one build in a process (serve) leaves for the next: each part is
/// reused only while everything it was made from is the same. One build at
/// a time.
struct BuildMemo {
  DisclosureMemo disclosure;  ///< disclosure control's last decisions, to start from
  AppealsMemo appeals;
  ThemeMemo theme;
  ResponsesMemo responses;
  FiguresMemo figures;
};

struct BuildOptions {
  std::string content_dir = "content";
  std::string templates_dir = "templates";
  std::string data_dir = "data";
  std::string out_dir = "site";
  /// Pages for staff only (internal surveys); never inside `out_dir`.
  /// Empty: they are not built (the preview, which does not serve them).
  std::string internal_dir = "internal";
  Date as_of;  ///< The day the build pretends it is (--as-of; by default today).
  Date today;  ///< The real day, passed in: no module reads the clock.
  unsigned threads = 0;        ///< 0 = one per core.
  /// When set, the site is built for this address (ending in '/') instead of
  /// site.yaml's base_url and receiver_url: the editor's local preview.
  std::string base_url;
  /// When set, the site is published at this address (ending in '/')
  /// instead of site.yaml's base_url; its forms still post to site.yaml's
  /// receivers: a region's portal (site/region.h).
  std::string site_url;
  /// What the last build in this process left (serve); one build at a time.
  BuildMemo* memo = nullptr;
  /// A region's portal (site/region.h): the public site goes into this
  /// publisher's tree, in the folder `out_dir`, and is published with the
  /// whole portal when the portal commits.
  Publisher* portal = nullptr;
  /// Where the build reports its steps (reading, counting, pages, publishing).
  Progress* progress = &NoProgress();
};

/// What a successful build produced.
struct BuildSummary {
  size_t pages = 0;    ///< HTML pages written.
  /// Of those, the pages rendered; the others were published and staged
  /// already exactly as their render would make them (PageManifest).
  size_t rendered = 0;
  size_t assets = 0;   ///< Files copied from templates/assets.
  size_t changed = 0;  ///< Files new or different from the site published before.
  std::vector<std::string> changed_files;  ///< Their paths in the output, sorted.
  size_t internal_pages = 0;  ///< Pages written to the internal output (0: none published).
  uint64_t responses = 0;     ///< Stored responses read and counted.
  double aggregate_seconds = 0;
  /// Responses that could not be read or counted (torn lines, unknown
  /// revisions, …): reported, never fatal.
  Diagnostics warnings;
  /// What disclosure control recoded, hid and audited.
  DisclosureSummary disclosure;
};

/// The tables a build on `as_of` publishes, for disclosure control: results
/// pages of completed surveys, every external survey's results per period
/// (Results::ResultPeriods), internal pages, and the questions decisions
/// cite, in their periods and every complete quarter after (their effect).
PublishedTables PublishedTablesOf(const Site& site, const Results& results, const std::vector<Decision>& decisions,
                                  const Date& as_of);

/// Load → Render → Publish. On success the output folder holds the new site
/// and nothing else. On any error every problem found is in `diagnostics`,
/// the function returns false and the previous output is untouched. With the
/// same inputs and `as_of` the output is byte-identical.
bool Build(FileSystem& fs, const BuildOptions& options, BuildSummary* summary, Diagnostics* diagnostics);

}  // namespace otklik
