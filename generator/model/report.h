#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"

namespace otklik {

/// A correction of a published report: when, what changed and why.
struct Erratum {
  Date date;
  std::string what;
  std::string why;
};

/// The numbers a report published, as the page shows them ("123", "45 %"),
/// by a stable key ("channels.portal.count"), recorded by `otklik report
/// freeze` in content/reports/<YYYY>-q<N>.numbers.json.
struct FrozenNumbers {
  std::string path;
  size_t errata = 0;  ///< How many errata the report had when frozen.
  std::map<std::string, std::string> numbers;
};

/// An analyst's quarterly report of appeals: content/reports/<YYYY>-q<N>.yaml.
struct QuarterReport {
  int year = 0;
  int quarter = 1;  ///< 1–4
  std::string path;
  std::optional<Date> published;  ///< The day it went online; none while in preparation.
  std::string summary;            ///< Markdown: the analyst's conclusions.
  std::vector<Erratum> errata;    ///< Oldest first.
  std::optional<FrozenNumbers> frozen;

  /// "2026-q3"
  std::string Key() const;
};

/// The legal deadline of a quarter's report: the 45th calendar day after
/// the quarter (seed 002 §21).
Date ReportDeadline(int year, int quarter);

/// Where a quarter's report stands on a day.
struct ReportStatus {
  enum class Kind { kOnTime, kLate, kDue, kOverdue };
  Kind kind = Kind::kDue;
  Date deadline;
  /// kLate: days after the deadline it was published; kDue: days left
  /// (0 on the deadline itself); kOverdue: days since the deadline.
  long days = 0;
};

/// `report` may be null (nothing written yet). A publication date after
/// `as_of` does not count yet.
ReportStatus StatusOf(const QuarterReport* report, int year, int quarter, const Date& as_of);

/// Loads content/reports/ (absent folder: none). Files: <YYYY>-q<N>.yaml and
/// <YYYY>-q<N>.numbers.json; anything else is an error. Sorted oldest first.
std::optional<std::vector<QuarterReport>> LoadReports(const FileSystem& fs, const std::string& content_dir,
                                                      Diagnostics* diagnostics);

/// Writes `numbers` as the frozen numbers of `report` (pretty JSON, sorted
/// keys, ending in a newline): what `otklik report freeze` does.
std::string FrozenNumbersJson(size_t errata, const std::map<std::string, std::string>& numbers);

}  // namespace otklik
