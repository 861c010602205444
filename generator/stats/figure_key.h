#pragma once

#include <compare>
#include <optional>
#include <string>

#include "core/period.h"
#include "model/site.h"
#include "stats/survey_plan.h"

namespace otklik {

/// A group whose numbers the site publishes for a period: the respondents
/// to the surveys of one indicator, all of them or those about a service,
/// situation or touchpoint.
struct GroupKey {
  /// kServiceAtTouchpoint: the respondents about one service at one
  /// touchpoint in a quarter (a service's channel split); index is
  /// service · touchpoints + touchpoint (see Disclosure::ServiceAt).
  enum class Kind { kAll, kService, kSituation, kTouchpoint, kServiceAtTouchpoint };
  Kind kind = Kind::kAll;
  int index = -1;     ///< The service, situation or touchpoint (in the site's lists); -1 for kAll.
  int indicator = 0;  ///< Index into the site's indicators.
  auto operator<=>(const GroupKey&) const = default;
};

// Every published figure has one key: what, cut and period. The same key
// shows the same value on every page and in open data, which is what the
// consistency check (tests/consistency/) holds the site to.

/// "all", "service:<id>", "situation:<id>", "touchpoint:<id>",
/// "service:<id>@touchpoint:<id>".
std::string CutKey(const Site& site, const GroupKey& group);
/// "2026-q3", "2026-h1", "2026"; "all" for every response.
std::string PeriodKey(const std::optional<Period>& period);
/// "level/<indicator>/<cut>/<period>": the figures of a group's level.
std::string GroupFigureKey(const Site& site, const GroupKey& group, const Period& period);
/// "survey/<survey>/<question>[.<row>]/<period>": the figures of a question.
std::string SlotFigureKey(const SurveyPlan& plan, size_t slot, const std::optional<Period>& period);
/// "survey/<survey>/<period>": a survey's figures (its responses).
std::string SurveyFigureKey(const Survey& survey, const std::optional<Period>& period);

}  // namespace otklik
