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
