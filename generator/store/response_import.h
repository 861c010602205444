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
#include "model/survey.h"

namespace otklik {

/// How the columns of a table of answers map to a survey's fields
/// (docs/import.md). Without a mapping file a column is matched by its name:
/// a field ("overall", "parameters.speed") or a question's text; a cell by an
/// option's id or text.
struct ImportMapping {
  std::string date_column;  ///< "" = a column named "date" or «Дата».
  std::map<std::string, std::string> columns;  ///< Column name → field.
  /// Field → cell text → option id (or rating), for answers worded otherwise.
  std::map<std::string, std::map<std::string, std::string>> values;
  std::set<std::string> ignore;  ///< Columns left out (row numbers, platform ids…).
  std::string separator = ";";   ///< Between several answers in one cell (multiple choice).
};

/// Reads a mapping file (YAML); reports "path:line: message" and returns
/// nullopt on any error, including fields `survey` does not have.
std::optional<ImportMapping> ParseImportMapping(const std::string& path, std::string_view text, const Survey& survey,
                                                Diagnostics* diagnostics);

/// What to import and where.
struct ImportRequest {
  const Survey* survey = nullptr;  ///< The revision the answers were given to.
  std::string source;              ///< "paper" or "platform".
  bool skip_invalid = false;       ///< Import the good rows of a file with bad ones.
  std::string responses_dir;       ///< data/responses
  Date today;                      ///< Answers dated later are errors.
  Progress* progress = &NoProgress();  ///< Rows checked, as one step.
  /// The survey with every revision: a table from `export responses` says
  /// each row's revision («Редакция») and is read with it. nullptr: `survey`'s only.
  const Survey* revisions = nullptr;
};

/// What an import did.
struct ImportOutcome {
  enum class Kind {
    kWritten,          ///< A new segment holds the answers.
    kAlreadyImported,  ///< Every answer is in an earlier import: nothing written.
    kNothingValid,     ///< --skip-invalid and no row was valid.
  };
  Kind kind = Kind::kWritten;
  size_t rows = 0;      ///< Rows with anything in them.
  size_t imported = 0;  ///< Responses written.
  size_t invalid = 0;   ///< Rows left out (with --skip-invalid) or refused.
  std::string segment;  ///< The segment written, or the earlier import that holds the answers.
  /// Earlier imports this one contains (the same file imported before with
  /// fewer good rows): removed, their answers are in `segment`.
  std::vector<std::string> replaced;
  /// Earlier imports sharing some answers with this one without containing
  /// it: the same respondents or a coincidence; the operator decides.
  std::vector<std::string> overlapping;
  /// Answers the survey's skip logic passed by: not stored, as for the form.
  Diagnostics dropped;
};

/// Validates every row of `table` (read from `path`) with the receiver's
/// validator and writes the good ones as one segment
/// responses_dir/<survey>/import-<source>-<hash>.jsonl, each line with its
/// source, atomically. Row problems are reported as "path:row: …". Without
/// skip_invalid a single bad row means nothing is written. Column problems
/// (a column matching no question) always stop the import. Importing the
/// same answers again writes nothing; importing a file that contains an
/// earlier import replaces it. Returns false when nothing could be imported
/// because of errors.
bool ImportResponses(FileSystem& fs, const std::string& path, const CsvTable& table, const ImportMapping& mapping,
                     const ImportRequest& request, ImportOutcome* outcome, Diagnostics* errors);

}  // namespace otklik
