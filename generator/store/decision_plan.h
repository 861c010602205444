#pragma once

#include <string>
#include <vector>

#include "content/csv_reader.h"
#include "core/diagnostic.h"
#include "model/decision.h"
#include "store/decision_sheet.h"

namespace otklik {

// The steps both forms of the pain-map table share (the full table of
// decision_sheet.cc and the template of pain_map_template.cc): each
// decision planned in memory, checked as the build will read it, and only
// then written.

/// What a pain-map table is read against: the arguments of ImportDecisionSheet.
struct SheetInput {
  const std::string& path;
  const CsvTable& table;
  const Site& site;
  const Appeals& appeals;
  const std::vector<Decision>& decisions;  ///< As LoadDecisions read them from request.content_dir.
  const DecisionImportRequest& request;
};

/// A decision of the table as the import will write it, or find it unchanged.
struct PlannedFile {
  Decision decision;
  std::string text;  ///< DecisionFileText(decision)
  DecisionFileChange change;
  std::vector<int> rows;  ///< The table row of each measure; the first also stands for the decision.
};

/// `decision` (its path set) over its file's `before` (nullptr for a new
/// one): the canonical text, whether the file is created, changed or
/// unchanged, and the measures of `before` it no longer has. `rows`: the
/// table row of each of its measures, in order.
PlannedFile PlanFile(Decision decision, const Decision* before, std::vector<int> rows);

/// Reads the files of `plan` that are created or changed as LoadDecisions
/// will read them (from memory) and reports their problems as
/// "path:row: message" by the table's rows; false after any problem.
bool CheckPlanned(const SheetInput& input, const std::vector<PlannedFile>& plan, Diagnostics* errors);

}  // namespace otklik
