#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "site/publisher.h"
#include "site/region.h"
#include "site/region_summary.h"

namespace otklik {

/// What the region's own section says, worked out once from the agencies'
/// published figures: every page and data file of the section formats it.
struct RegionSummary {
  Period quarter;  ///< The last complete quarter on the build's day.
  std::vector<AgencyFigures> agencies;  ///< In region.yaml's order.
  std::vector<RegionLevel> levels;      ///< The region's level per indicator, pooled from shown agencies.
  /// A life situation across the agencies: matched by id, titled by
  /// region.yaml or else by the first agency that has it.
  struct Situation {
    std::string id;
    std::string title;
    std::vector<size_t> agencies;  ///< Indexes into `agencies` of those with a service in it.
  };
  std::vector<Situation> situations;
};

/// Reads every agency's figures from its site in the portal's staging tree.
/// Returns false after reporting a data file that cannot be read.
bool SummariseRegion(const FileSystem& fs, const RegionConfig& region, const std::string& tree, const Date& as_of,
                     RegionSummary* summary, Diagnostics* diagnostics);

/// Checks the region's own files without building: its theme (the region's
/// templates and messages) and its pages. Reports as WriteRegionSection.
bool CheckRegionSection(const FileSystem& fs, const RegionConfig& region, Diagnostics* diagnostics);

/// Writes the region's section into `portal`: the home page with the
/// summary, the life situations across agencies, the region's own pages
/// (Markdown), the search page, the open data (the agencies' data sets
/// joined, and the summary's tables) and the theme's assets. Reports the
/// theme's and the pages' errors as "path:line: message" and then writes
/// nothing.
bool WriteRegionSection(FileSystem& fs, const RegionConfig& region, const RegionSummary& summary, const Date& as_of,
                        Publisher& portal, Diagnostics* diagnostics);

}  // namespace otklik
