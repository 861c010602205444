#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "core/period.h"

namespace otklik {

/// What a region's portal says about one agency, read only from the open
/// data the agency's site publishes (/<id>/data/): the portal adds no
/// figure the agency did not publish, and hides nothing it showed.
struct AgencyFigures {
  std::string id;
  std::string name;  ///< The publisher the agency's open data names; its id when it names none.

  /// Its satisfaction level by one indicator in a quarter, as its site publishes it.
  struct Level {
    std::string cut = "all";  ///< "all", "service", "situation" or "kind" (of process).
    std::string id;           ///< The service's, situation's or kind's id; "" for "all".
    std::string title;        ///< Its title (the agency's name for "all").
    std::string indicator;    ///< The indicator's id (site.yaml `indicators:`).
    std::string indicator_title;
    bool shown = false;     ///< False: too few answers, or hidden by disclosure control.
    uint64_t satisfied = 0;  ///< Ratings 4 and 5 (shown only).
    uint64_t ratings = 0;
  };
  std::vector<Level> levels;  ///< The agency as a whole ("all"), one per indicator.
  std::vector<Level> parts;   ///< Its services and life situations, as published.
  /// Per indicator and kind of process (ServiceKindNames): its shown
  /// services of that kind pooled, a sum anyone can make from its open data
  /// (a hidden service stays out of it); not shown when none is shown.
  std::vector<Level> kinds;

  /// A service and the life situations it belongs to (open data "processes").
  struct Process {
    std::string id;
    std::string title;
    std::string kind;  ///< ServiceKindNames()
    std::string url;
    std::vector<std::string> situations;
  };
  std::vector<Process> processes;

  /// The pain map on the build's day: decisions by state, and those overdue.
  struct Decisions {
    size_t planned = 0;
    size_t in_progress = 0;
    size_t done = 0;
    size_t overdue = 0;
  } decisions;

  /// Its quarterly appeals reports whose deadline (45 days after the
  /// quarter) has passed, the newest four: on time, late, or not published.
  struct Reports {
    size_t on_time = 0;
    size_t late = 0;
    size_t missing = 0;
  } reports;
};

/// Reads the figures of agency `id` from its published site in `site_dir`
/// for `quarter`, on `as_of`. A file that is missing means nothing to read
/// (an agency without decisions has no decisions/data.json rows); a file
/// that cannot be parsed is reported as "path: message".
std::optional<AgencyFigures> ReadAgencyFigures(const FileSystem& fs, const std::string& site_dir,
                                               const std::string& id, const Period& quarter, const Date& as_of,
                                               Diagnostics* diagnostics);

/// How an agency's level compares with the rest of the region's by the same
/// indicator: the difference of the two shares with its 95 % interval
/// (Newcombe); higher or lower only when the interval excludes 0.
enum class Comparison { kHigher, kLower, kSame, kNotEnough, kAlone };

/// The region's level by one indicator for one kind of process: the
/// published counts of every agency whose level is shown, pooled.
struct RegionLevel {
  std::string kind;  ///< ServiceKindNames()
  std::string indicator;
  std::string indicator_title;
  uint64_t satisfied = 0;
  uint64_t ratings = 0;
  size_t agencies = 0;  ///< Agencies pooled.
};

/// Per kind of process (in ServiceKindNames' order) and indicator (in the
/// order the agencies first name them), from AgencyFigures::kinds: only
/// the same indicator of the same kind of process is compared.
std::vector<RegionLevel> PoolLevels(const std::vector<AgencyFigures>& agencies);

/// `level` (one of AgencyFigures::kinds) against the other agencies pooled
/// in `region` (which includes it): kNotEnough when it is not shown, kAlone
/// when no other agency's is.
Comparison Compare(const AgencyFigures::Level& level, const RegionLevel& region);

}  // namespace otklik
