#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/ratio.h"
#include "render/figure.h"
#include "stats/disclosure.h"
#include "stats/results.h"
#include "stats/results_model.h"
#include "stats/service_flag.h"

namespace otklik {

/// Results views already built from one results model, by what they were
/// built for: the same figures make the same view, so a preview's next build
/// that reuses the model copies them (SurveyResults, ResultsBlocks). Lives
/// as long as the model; a view also shows the site's names, so whoever
/// renames the model clears it. Find() is safe from several threads.
class ResultsViewCache {
 public:
  /// The view stored under `key`, or `build()`'s, stored.
  nlohmann::json Find(const std::string& key, const std::function<nlohmann::json()>& build);
  /// Forgets every view.
  void Clear();

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, nlohmann::json> views_;
};

/// What results views need: the results model (every figure, computed
/// once), the counts and disclosure behind it, the build's "today" and the
/// site's thresholds.
struct ResultsContext {
  const Results& results;
  const Disclosure& disclosure;
  const ResultsModel& model;
  Date as_of;
  Ratio target{60, 100};          ///< Satisfaction level a service should reach.
  Ratio negative_limit{25, 100};  ///< Share of ratings 1–2 that flags a service.
  /// Where views of these results are kept between builds (a preview), or nullptr.
  ResultsViewCache* views = nullptr;
};

/// The overall level of `group` in `period` as the site publishes it.
PeriodLevel GroupLevel(const ResultsContext& context, const GroupKey& group, const Period& period);
/// The level of parameter `parameter` (Results::parameters()) of `group`.
PeriodLevel ParameterLevel(const ResultsContext& context, const GroupKey& group, size_t parameter,
                           const Period& period);
/// The level of one question (or matrix row) of survey `survey` over all its
/// respondents in `period`: ratings 4–5 for a scale or a matrix row,
/// «скорее удовлетворён» for a satisfaction question.
PeriodLevel SlotLevel(const ResultsContext& context, size_t survey, size_t slot, const Period& period);

/// A period's row of a results table: "period", "short", "shown", "empty",
/// and the figures "percent", "interval", "mean", "n" (HTML) or "hidden".
nlohmann::json PeriodLevelRow(const ResultsContext& context, const PeriodLevel& level);

/// The change from `before` to `now` as HTML words with the difference of
/// the two shown figures, and whether it is larger than the uncertainty
/// ("html", "up", "down", "significant"); null unless both are shown.
nlohmann::json PeriodLevelChange(const ResultsContext& context, const PeriodLevel& before, const PeriodLevel& now);

/// The results blocks of a group's page, one per indicator with answers
/// about it (group.indicator is ignored): the current quarter with its
/// interval and change, the trend over every quarter (SVG and table),
/// half-years, years, parameters, channels, and the surveys behind the
/// indicator. `root` is the page's way back to the site root; `id`
/// prefixes the charts' element ids.
nlohmann::json ResultsBlocks(const ResultsContext& context, const GroupKey& group, const std::string& root,
                             const std::string& id);

/// A group's level in `period` for a table of groups: "has_data", "current"
/// (as PeriodLevelRow), "change" against the period before, "below_target".
nlohmann::json PeriodRow(const ResultsContext& context, const GroupKey& group, const Period& period);

/// The results of one survey in `period` (nullopt: over all its
/// responses), question by question: bases, answers by published category,
/// satisfaction levels with intervals, and only the count of open answers
/// (with the editors' quotes, over all responses).
nlohmann::json SurveyResults(const ResultsContext& context, size_t survey,
                             const std::optional<Period>& period = std::nullopt);

/// The responses to survey `survey` in `period` (nullopt: all of them), as
/// every page publishes them: shown when the first question's base is shown
/// and at least k answered, else hidden.
bool ResponsesShown(const ResultsContext& context, size_t survey, const std::optional<Period>& period);
Shown ResponsesFigure(const ResultsContext& context, size_t survey, const std::optional<Period>& period);

/// «Результаты опросов» and the indicator's title, for headings.
std::string IndicatorHeading(const Site& site, int indicator);

}  // namespace otklik
