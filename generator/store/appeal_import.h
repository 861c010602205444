#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/progress.h"
#include "content/csv_reader.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "model/touchpoint.h"

namespace otklik {

/// How an export of an agency's registry of appeals maps to the columns of
/// quarter files (docs/import.md, «Импорт обращений»). Without a mapping
/// file the export's columns are named like ours.
struct AppealMapping {
  std::map<std::string, std::string> columns;  ///< Our column ("registered") → the export's column name.
  /// Our column → the export's value → ours ("Портал ЕПГУ" → "gosuslugi"); "" for an empty cell.
  std::map<std::string, std::map<std::string, std::string>> values;
  std::set<std::string> ignore;  ///< Export columns dropped unread (names, contacts, registry numbers).
  /// The export's dates, as "ДД/ММ/ГГГГ" or "MM/DD/YYYY". Default: "",
  /// ГГГГ-ММ-ДД or ДД.ММ.ГГГГ as in quarter files. A time after the day
  /// ("14.07.2026 10:15") is dropped either way.
  std::string date;
};

/// Reads a mapping file (YAML): columns and values name our columns, values
/// of kind, outcome and channel name known ids (`touchpoints`), an export
/// column is mapped once and not also ignored. Reports "path:line: message"
/// and returns nullopt on any error.
std::optional<AppealMapping> ParseAppealMapping(const std::string& path, std::string_view text,
                                                const std::vector<Touchpoint>& touchpoints, Diagnostics* diagnostics);

/// Where the appeals go and how strictly.
struct AppealImportRequest {
  std::string content_dir;    ///< Quarter files go to content_dir/appeals/.
  Date today;                 ///< Dates after it are errors.
  bool skip_invalid = false;  ///< Import the good rows of an export with bad ones.
  Progress* progress = &NoProgress();  ///< Rows read, as one step.
};

/// One quarter file the import wrote or found unchanged.
struct AppealQuarterFile {
  std::string path;  ///< content/appeals/2026-q3.csv
  std::string key;   ///< 2026-q3
  bool existed = false;
  std::optional<size_t> before;  ///< Records the file had; nullopt when it was not there or not a readable table.
  size_t after = 0;
  bool changed = false;
  std::string published_report;  ///< The quarter's published report (content/reports/2026-q3.yaml), or "".
};

/// What an import did.
struct AppealImportOutcome {
  size_t rows = 0;                          ///< Rows of the export with anything in them.
  size_t imported = 0;                      ///< Records in the quarter files written or found unchanged.
  std::vector<int> invalid;                 ///< Rows with errors, by the export's numbers: left out with skip_invalid.
  bool content_errors = false;              ///< reasons.yaml, classifier.yaml or reports/ are broken: fix them first.
  std::vector<AppealQuarterFile> quarters;  ///< Oldest first.
};

/// Checks every row of `table` (the export read from `path`) with the rules
/// of quarter files (CheckAppealRows) and writes the good ones into
/// content_dir/appeals/<YYYY>-q<N>.csv by the quarter of `registered`, each
/// file replaced whole and atomically in the canonical form (the columns of
/// AppealColumnNames(), ';', ISO dates, sorted by registration day, then
/// export order); an unchanged file is not rewritten. Problems are reported
/// as "path:row: message" by the export's rows. Nothing is written after a
/// column problem, a content problem, or, without skip_invalid, a bad row.
/// Returns false when nothing could be imported because of errors; true
/// with no quarters when no row was good.
bool ImportAppeals(FileSystem& fs, const std::string& path, const CsvTable& table, const AppealMapping& mapping,
                   const std::vector<Touchpoint>& touchpoints, const AppealImportRequest& request,
                   AppealImportOutcome* outcome, Diagnostics* errors);

}  // namespace otklik
