#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "core/diagnostic.h"
#include "model/survey.h"

namespace otklik {

/// What `otklik export responses` writes, and from where.
struct ExportRequest {
  const Survey* survey = nullptr;  ///< The survey (its current revision, with the earlier ones).
  std::string responses_dir;       ///< data/responses
  std::optional<Date> from = std::nullopt;  ///< First day included.
  std::optional<Date> to = std::nullopt;    ///< Last day included.
  bool with_text = false;          ///< Open answers too, with personal data masked.
};

/// The export: the table of responses and its codebook, each a CSV file in
/// UTF-8 with a byte order mark and ';' between cells, as Excel opens it.
struct ExportedResponses {
  std::string table;
  std::string codebook;
  size_t rows = 0;    ///< Responses written.
  size_t masked = 0;  ///< Open answers in which personal data was masked.
};

/// Reads every stored response to `request.survey` (any revision) dated in
/// [from, to] and writes one row per response, oldest first: «Дата»
/// (ГГГГ-ММ-ДД), «Период» (the quarter), «Редакция», then a column per
/// question field of every revision (the newest revision's order, then
/// fields only older ones had) holding option codes (several joined by
/// ';'), ratings or, with `with_text`, the masked open answer; a question
/// with worded options also gets a «<field>: текст» column with their texts.
/// Nothing else about storage is written. A cell a spreadsheet would read as
/// a formula starts with an apostrophe (SpreadsheetSafe). The codebook has a
/// row per field and option: number, text, kind, code, wording, jump,
/// condition and the revisions that have it. `import responses` reads the
/// table back. Unreadable lines are reported to `warnings` as by the build.
ExportedResponses ExportResponses(const ExportRequest& request, Diagnostics* warnings);

}  // namespace otklik
