#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "model/site.h"

namespace otklik {

/// What `otklik check` says about how often and how long surveys run,
/// against site.yaml `survey_cadence` (seed 004 §6.2), for each calendar
/// year from the first survey's (not before the production calendar's
/// first) to `as_of`'s: an audience with fewer surveys opening in the year
/// than `per_year`, or whose surveys last fewer working days on average than
/// `working_days`. A survey counts in the year it opens, upcoming ones
/// included (they are planned); a permanent survey is a standing channel,
/// not a round of surveying, and does not count; a survey whose days the
/// calendar does not cover has no length. Also says when there is no
/// calendar or it ends in `as_of`'s year. Russian sentences, in that order.
std::vector<std::string> CadenceWarnings(const Site& site, const Date& as_of);

}  // namespace otklik
