#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "model/decision.h"

namespace otklik {

// Cells of the pain-map tables, read the same way in the full table
// (decision_sheet.cc) and in the template of seed 004 appendix 1
// (pain_map_template.cc).

/// `text` without spaces and tabs at its ends.
std::string TrimmedCell(std::string_view text);

/// `items` with `separator` between them.
std::string JoinCells(const std::vector<std::string>& items, std::string_view separator);

/// "a, b; c" split at `separator`, each part trimmed, empty parts dropped.
std::vector<std::string> SplitCell(std::string_view text, char separator);

/// A whole cell of digits as a number; nullopt for anything else.
std::optional<int> CellNumber(std::string_view digits);

/// "30.09.2026"
std::string SheetDate(const Date& date);

/// "30.09.2026" (day and month of one or two digits) or "2026-09-30".
std::optional<Date> ParseSheetDate(const std::string& text);

/// The day a «Срок реализации» cell of the template means: a date
/// (31.12.2026, 2026-12-31, «31 декабря 2026»), or the last day of the
/// month («декабрь 2026»), quarter («IV квартал 2026», «4 кв. 2026»,
/// 2026-q4), half-year («2 полугодие 2026», 2026-h2) or year («2026 год»)
/// it names; «до», «не позднее» before it and «г.», «года» after it are
/// allowed. nullopt for anything else.
std::optional<Date> DeadlineCell(const std::string& text);

/// How widespread a problem is, as a cell states it: «132 из 580
/// респондентов (23 %)» or «40 из 300 обращений» (the part in brackets is
/// optional and not read). nullopt with what is wrong, in Russian, in
/// *problem; `where` follows the cell's text there (" в столбце «…»").
std::optional<Prevalence> PrevalenceCell(const std::string& text, const std::string& where, std::string* problem);

}  // namespace otklik
