#pragma once

#include <optional>
#include <vector>

#include "content/field_reader.h"
#include "core/diagnostic.h"
#include "model/calendar.h"
#include "model/survey.h"

namespace otklik {

/// Reads a survey file's `waves:` (every: quarter | half-year | year; start
/// and working_days in working days; from and optional until as period keys
/// of that kind: 2026-q1, 2026-h1, 2026). Problems go through `root` at
/// their lines. nullopt when there is no `waves:` or it has an error.
std::optional<Waves> ReadWaves(FieldReader& root);

/// The waves of `series`, a survey with `waves`: one Survey per period, in
/// time order, with the id «<id>-<period key>» (in-depth-2026-q3), the title
/// «<title> (<period label>)», `opens` on the `start`-th working day of its
/// period and `closes` on the `working_days`-th working day from it, its
/// earlier revisions alike. A period the calendar does not cover (none
/// without a calendar file) or a wave that does not fit its period is
/// reported at the `waves:` line; then there are no waves.
std::vector<Survey> ExpandWaves(const Survey& series, const Calendar& calendar, Diagnostics* diagnostics);

}  // namespace otklik
