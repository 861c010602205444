#pragma once

#include <string>
#include <vector>

#include "content/csv_reader.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "model/appeal.h"
#include "model/decision.h"
#include "model/site.h"

namespace otklik {

// The pain map as a spreadsheet (seed 004 appendix 1), for editors who keep
// it in one: `otklik export decisions` and `otklik import decisions`
// (docs/import.md, «Карта болей в таблице»).

/// The column headers of the spreadsheet, in order: «Код решения», «Код
/// услуги», «Наименование процесса», … «Основание».
const std::vector<std::string>& DecisionSheetColumns();

/// The pain map as a CSV table: UTF-8 with a byte order mark, ';' between
/// cells, CRLF line ends, quotes only around cells that need them. The
/// header, then one row per measure: decisions in pain-map order
/// (SortByPriority), measures in file order, the decision's cells repeated
/// on each of its rows, the status, date and note of each measure's last
/// history entry. REQUIRES: `decisions` as LoadDecisions returned them for
/// `site`.
std::string ExportDecisionSheet(const Site& site, const std::vector<Decision>& decisions);

/// Where the decisions go.
struct DecisionImportRequest {
  std::string content_dir;  ///< Files go to content_dir/decisions/<id>.md.
  Date as_of;               ///< As for LoadDecisions: later dates are errors.
  bool dry_run = false;     ///< Check and compare everything, write nothing.
};

/// What the import did (or, with dry_run, would do) to one decision of the table.
struct DecisionFileChange {
  enum class Kind { kCreated, kChanged, kUnchanged };
  std::string path;  ///< content/decisions/<id>.md
  Kind kind = Kind::kUnchanged;
  std::vector<std::string> removed_measures;  ///< Ids of measures the file had and the table has not.
};

struct DecisionImportOutcome {
  size_t rows = 0;                        ///< Rows of the table with anything in them.
  std::vector<DecisionFileChange> files;  ///< One per decision of the table, by id.
  std::vector<std::string> untouched;     ///< Decision files the table does not mention: left as they are.
  /// The table had the columns of the template (seed 004 appendix 1) alone (see pain_map_template.h).
  bool template_columns = false;
  /// What the template does not say and new decisions or measures got instead, one phrase each («вид
  /// мероприятия — …»); empty when nothing new was planned.
  std::vector<std::string> defaults;
  /// "path:row: message" for rows to look at again that are not errors (a deadline passed with no status).
  Diagnostics warnings;

  size_t Count(DecisionFileChange::Kind kind) const;
};

/// Reads `table` (read from `path`) into content_dir/decisions/. A table
/// with the template's columns alone (IsPainMapTemplate) is read as
/// PlanTemplateSheet says. Otherwise it must have the columns of
/// DecisionSheetColumns(): rows are grouped by «Код решения»; a decision's
/// cells must agree on all its rows. An existing decision takes the table's fields and keeps its Markdown body
/// and its measures' histories: a row whose status, date or comment differ
/// from the measure's last history entry appends an entry (a later date) or
/// replaces the last one (the same date); its measures missing from the table
/// are removed. A new decision needs «Основание» and «Дата выявления».
/// Everything is checked before anything is written, the resulting files
/// with LoadDecisions against `site` and `appeals`; problems are reported as
/// "path:row: message" by the table's rows, in row order. Only decisions that
/// differ from `decisions` (those LoadDecisions read from content_dir) are
/// written, each atomically in the canonical form (DecisionFileText); a file
/// whose decision is unchanged is never rewritten. Returns false after any
/// problem in the table, with nothing written, or when a write fails (the
/// files before it are written).
bool ImportDecisionSheet(FileSystem& fs, const std::string& path, const CsvTable& table, const Site& site,
                         const Appeals& appeals, const std::vector<Decision>& decisions,
                         const DecisionImportRequest& request, DecisionImportOutcome* outcome, Diagnostics* errors);

}  // namespace otklik
