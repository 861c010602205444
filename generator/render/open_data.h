#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "model/site.h"
#include "render/decision_views.h"
#include "render/feeds.h"
#include "render/report_views.h"
#include "render/results_views.h"

namespace otklik {

/// One field of an open data set: its column name, English and Russian
/// descriptions and format (the structure file of the Russian open-data
/// recommendations, version 3).
struct OpenDataField {
  std::string name;
  std::string english;
  std::string russian;
  std::string format;  ///< string, integer, number, date, boolean
};

/// A published data set: what /data/ lists and writes.
struct OpenDataSet {
  std::string id;  ///< Its folder under data/: "satisfaction".
  std::string title;
  std::string description;
  std::string subject;  ///< Keywords, comma-separated.
  std::vector<OpenDataField> fields;
  std::vector<std::vector<std::string>> rows;  ///< Cells in field order.
  Date structure_date;  ///< The version of `fields`.
  Date data_date;       ///< The version of `rows`: from content (the newest date the data reflects).
};

/// Every data set the public site publishes on `as_of`, with the same
/// suppression as its pages: satisfaction levels by cut (the agency,
/// services, situations, touchpoints) and period; the published appeals
/// reports' numbers; the pain map's decisions and their measures, with what
/// the build worked out about each (`decisions.facts`), as its pages show
/// it. The results and reports of `decisions` may be null (then those sets
/// have no rows).
std::vector<OpenDataSet> OpenDataSets(const Site& site, const DecisionsContext& decisions, const Date& as_of);

/// The files of `sets` under data/: list.csv (the register of sets), and
/// per set <id>/meta.csv (its passport), <id>/structure-<date>.csv,
/// <id>/data-<date>-structure-<date>.csv (UTF-8, comma-separated) and
/// <id>/data.json (the same rows as objects).
std::vector<FeedFile> OpenDataFiles(const Site& site, const std::vector<OpenDataSet>& sets);

/// The /data/ page's view of `sets`: each set's title, description, links
/// to its files (from `root`), row count and fields.
nlohmann::json OpenDataView(const Messages& messages, const std::vector<OpenDataSet>& sets, const std::string& root);

}  // namespace otklik
