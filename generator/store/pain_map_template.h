#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "store/decision_plan.h"
#include "store/decision_sheet.h"

namespace otklik {

// The pain map as agencies keep it: the seven columns of the template in
// seed 004 appendix 1 («Шаблон "Карты болей"»), without the ids, kinds,
// statuses and references of the full table (decision_sheet.h). The import
// fills in what the template does not say and says so (docs/import.md,
// «Таблица по шаблону приложения 1»).

/// The template's columns, in its order: «Наименование процесса»,
/// «Выявленные проблемы/потенциальные потребности клиентов», … «Срок
/// реализации».
const std::vector<std::string>& PainMapTemplateColumns();

/// Whether a table with `header` is in the template's columns: it has none
/// of the columns only the full table has («Код решения», «Статус»…).
/// Names are compared in any case, with «ё» as «е», any spaces (none
/// around «/») and no full stop or colon at the end.
bool IsPainMapTemplate(const std::vector<std::string>& header);

/// Plans the decisions of `input.table`, a table in the template's columns
/// (a numbering column «№ п/п» and a row numbering the columns under the
/// header are skipped). A row is a measure of a problem: rows of one service
/// («Наименование процесса»: a service's title or id) and one problem
/// (compared as the names above) are one decision; an empty process cell is
/// the process of the row above, an empty problem cell the problem of the
/// row above (merged cells). The problem is recognised among `decisions` by
/// its service and text: a recognised decision takes the table's
/// prevalence, priority and measures (recognised by their text: title,
/// responsible and deadline) and keeps everything else; a new one gets an
/// id from its text (IdFromText, unique), is identified on
/// `request.as_of`, has no evidence, and its measures (new ones anywhere
/// too) get ids from their text, the kind «process» and a history starting
/// «planned» that day. Measures of a recognised decision missing from the
/// table are removed. Reports "path:row: message" for cells it cannot read;
/// adds to `outcome` the defaults it used and a warning for each measure
/// past its deadline and not done. Files are planned by id.
bool PlanTemplateSheet(const SheetInput& input, std::vector<PlannedFile>* plan, DecisionImportOutcome* outcome,
                       Diagnostics* errors);

}  // namespace otklik
