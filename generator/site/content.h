#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "model/decision.h"
#include "model/site.h"
#include "site/reports.h"

namespace otklik {

/// What a command reads of an agency's content folder.
struct ContentRequest {
  std::string content_dir;
  Date as_of;  ///< The day the build or check pretends it is.
  Date today;  ///< The real day, from the command line's caller; no module reads the clock.
  /// Only site.yaml, the catalogue and the surveys (importing or exporting
  /// responses): appeals, reports and decisions are not read.
  bool site_only = false;
  /// The last load's appeals, reused while their files are the same (serve).
  AppealsMemo* appeals_memo = nullptr;
};

/// The latest date a record may carry: a date after today is impossible;
/// one after `as_of` is only later than the day the build pretends it is
/// (`otklik check --as-of` in the past), which must not make it wrong.
inline Date LatestRecordDate(const ContentRequest& request) { return std::max(request.as_of, request.today); }

/// content/ as build, check, import and export read it.
struct Content {
  Site site;
  ReportData reports;               ///< Empty when site_only.
  std::vector<Decision> decisions;  ///< Empty when site_only.
};

/// Loads content/ for every command that needs it. Every problem of every
/// file goes to `diagnostics` in one report, sorted by file and line, in a
/// single run: a file with errors does not stop the others from being read,
/// and what it defines stays known by its id, so references to it are not
/// reported again. nullopt when there was any problem.
std::optional<Content> LoadContent(const FileSystem& fs, const ContentRequest& request, Diagnostics* diagnostics);

}  // namespace otklik
