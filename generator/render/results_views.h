#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "stats/disclosure.h"
#include "stats/results.h"
#include "stats/service_flag.h"

namespace otklik {

/// What results views need: the counts, what must stay hidden, the build's
/// "today" and the site's thresholds.
struct ResultsContext {
  const Results& results;
  const Disclosure& disclosure;
  Date as_of;
  double target = 0.6;          ///< Satisfaction level a service should reach.
  double negative_limit = 0.25;  ///< Share of ratings 1–2 that flags a service.
};

/// One period of a group: its satisfaction level with the interval, and
/// whether it may be shown.
struct PeriodLevel {
  Period period;
  Proportion level;
  double mean = 0;
  bool shown = false;
  bool any = false;  ///< Anyone answered at all.
};

/// The overall level of `group` in `period` as the site publishes it.
PeriodLevel GroupLevel(const ResultsContext& context, const GroupKey& group, const Period& period);

/// The level of parameter `parameter` (Results::parameters()) of `group`
/// in `period`: ratings 4–5 among its ratings, shown when the group is and
/// at least k rated it.
PeriodLevel ParameterLevel(const ResultsContext& context, const GroupKey& group, size_t parameter,
                           const Period& period);

/// The level of one question (or matrix row) of survey `survey` over all
/// its respondents in `period`: ratings 4–5 for a scale or a matrix row,
/// «скорее удовлетворён» for a satisfaction question; shown when at least k
/// answered. `slot` indexes SurveyPlan::slots().
PeriodLevel SlotLevel(const ResultsContext& context, size_t survey, size_t slot, const Period& period);

/// A period's row of a results table: "period", "short", "shown", "empty",
/// "percent", "interval", "mean", "n".
nlohmann::json PeriodLevelRow(const PeriodLevel& level);

/// The change from `before` to `now` in words, and whether it is larger
/// than the uncertainty ("text", "up", "down", "significant"); null unless
/// both are shown.
nlohmann::json PeriodLevelChange(const PeriodLevel& before, const PeriodLevel& now);

/// The results block of a service, situation, touchpoint or the whole agency
/// (GroupKey::Kind::kAll) for its page: the current quarter with its
/// interval and change, the trend over every quarter with responses (SVG and
/// table), half-years, parameters, channels and the negative-feedback flag.
/// Groups smaller than k show «недостаточно данных». `root` is the page's
/// way back to the site root; `id` prefixes the charts' element ids.
nlohmann::json ResultsBlock(const ResultsContext& context, const GroupKey& group, const std::string& root,
                            const std::string& id);

/// A group's level in `period` (a quarter, half-year or year) for a table
/// of groups: "has_data", "current" (as in ResultsBlock), "change" against
/// the period before, and "below_target".
nlohmann::json PeriodRow(const ResultsContext& context, const GroupKey& group, const Period& period);

/// The results of one survey over all its responses, question by question:
/// bases, distributions, satisfaction levels with intervals, shares of
/// respondents for multiple choice, and only the count of open answers.
nlohmann::json SurveyResults(const ResultsContext& context, size_t survey);

}  // namespace otklik
