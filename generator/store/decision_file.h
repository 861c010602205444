#pragma once

#include <string>

#include "model/decision.h"

namespace otklik {

/// The canonical text of content/decisions/<id>.md for `decision`: the front
/// matter in the order of docs/content-format.md («Decisions: the pain
/// map»), strings in double quotes only where YAML would read them as
/// something else (syntax, null, flags, numbers such as the year "2025"),
/// notes always; dates as ГГГГ-ММ-ДД, history entries as flow maps, empty
/// lists left out (evidence: written `[]`); then the body as it is. LoadDecisions reads it back into the same decision (line
/// numbers aside). The id and path are not part of the text.
std::string DecisionFileText(const Decision& decision);

}  // namespace otklik
