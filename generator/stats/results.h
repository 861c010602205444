#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <string>
#include <utility>
#include <vector>

#include "model/site.h"
#include "core/period.h"
#include "stats/survey_plan.h"
#include "store/segment_scanner.h"

namespace otklik {

/// The pooled answers of one group (a service, a situation, a touchpoint or
/// everything) in one period: what the results blocks of pages show.
struct RoleCounts {
  uint64_t respondents = 0;
  std::array<uint64_t, 5> overall{};  ///< Overall ratings 1–5.
  std::vector<std::array<uint64_t, 5>> parameters;  ///< Ratings 1–5 per parameter (Results::parameters()).
  std::vector<uint64_t> touchpoints;  ///< Respondents per touchpoint of the site; the last entry: none known.

  void Add(const RoleCounts& other);
  uint64_t OverallAnswers() const;
};

/// An open answer as stored, kept for the internal output.
struct OpenAnswer {
  std::string id;    ///< AnswerId(): what content/themes.yaml assigns by.
  std::string date;  ///< "YYYY-MM-DD".
  int service = -1;  ///< The service the response named, or -1.
  std::string text;  ///< As stored: mask it before showing it.
  uint64_t themes = 0;  ///< Bit t: theme t of the site's themes.
};

/// The open answers to one question in one period: all of them counted by
/// service and theme, the newest kept to be read.
struct OpenAnswers {
  /// The newest answers kept per quarter (and per longer period).
  static constexpr size_t kKept = 500;
  uint64_t total = 0;
  /// (service or -1, theme or -1 for none) → answers.
  std::map<std::pair<int, int>, uint64_t> counts;
  std::vector<OpenAnswer> newest;  ///< At most kKept, newest first (ties by id).
  /// Once kKept are kept: the day of the oldest, before which no answer is kept.
  std::string floor;

  void Add(const OpenAnswers& other);
  /// Keeps the kKept newest.
  void Trim();
  /// Theme (or -1: none) → answers; an answer may be in several themes.
  std::map<int, uint64_t> ByTheme() const;
  /// Theme (or -1: none) → answers of one service (or -1: none named).
  std::map<int, uint64_t> ByTheme(int service) const;
  /// The services (or -1) that have answers, in index order.
  std::vector<int> Services() const;
};

/// A survey's counts in one quarter per cut (SurveyPlan::cut_slots()) and
/// option of the cut's slot: those who chose it, as flat counts
/// (SurveyPlan::AddToFlat). Empty where nobody did.
using CutCounts = std::vector<std::vector<std::vector<uint64_t>>>;

/// Every stored response, read and counted once per build: per survey and
/// quarter (slot by slot), and per survey × service × touchpoint × quarter
/// (roles). Groups pool the surveys of one indicator only (site.yaml
/// `indicators:`): a level never mixes the quality of services with the
/// handling of appeals. Internal surveys feed no indicator, so staff answers
/// never reach a group. Halves and years are sums of their quarters,
/// computed on request.
class Results {
 public:
  Results(const Site& site, std::vector<std::unique_ptr<SurveyPlan>> plans, std::vector<std::string> parameters);

  const Site& site() const { return *site_; }
  /// Points the counts at `site`, a later load of content whose surveys,
  /// service and touchpoint ids (in order), themes and indicators are the
  /// very same (the preview's rebuild after an edit elsewhere), with its
  /// texts (a service's title is an option of the service question). False,
  /// changing nothing, when the new site's surveys would count differently.
  bool Rebind(const Site& site);
  /// The plan of survey `index` (site order).
  const SurveyPlan& plan(size_t survey) const { return *plans_[survey]; }
  /// Matrix rows with the parameters role, pooled by row id across surveys.
  const std::vector<std::string>& parameters() const { return parameters_; }
  /// The text of parameter `index` (from the first survey, in site order, that has it).
  const std::string& ParameterText(size_t index) const { return parameter_texts_[index]; }

  /// Counts of survey `survey` in `period`; nullopt-like empty vector when none.
  std::vector<SlotCounts> SurveyCounts(size_t survey, const Period& period) const;
  /// Counts of survey `survey` in `period` of those who chose option
  /// `option` of cut `cut` (an index into plan(survey).cut_slots()): the
  /// survey's results in one group (a service, a channel, women, an age…).
  std::vector<SlotCounts> SurveyCutCounts(size_t survey, const Period& period, size_t cut, size_t option) const;
  /// The same over all the survey's responses.
  std::vector<SlotCounts> SurveyCutTotal(size_t survey, size_t cut, size_t option) const;
  /// The open answers to slot `slot` of survey `survey` in `period`
  /// (nullopt: all its responses).
  OpenAnswers OpenAnswersOf(size_t survey, size_t slot, const std::optional<Period>& period) const;
  /// Counts of survey `survey` over all its responses.
  std::vector<SlotCounts> SurveyTotal(size_t survey) const;
  /// Responses to survey `survey` over all its periods.
  uint64_t SurveyResponses(size_t survey) const;

  /// Survey `survey`'s responses over all its periods by the language they
  /// were answered in (site.yaml `languages:`; a response without one is
  /// the first's): how many, and their overall ratings 1–5 when the survey
  /// has an overall question. Sorted by code.
  struct LanguageCounts {
    uint64_t responses = 0;
    std::array<uint64_t, 5> overall{};
  };
  const std::map<std::string, LanguageCounts>& SurveyLanguages(size_t survey) const { return languages_[survey]; }

  /// The indicator survey `survey` feeds (an index into the site's
  /// indicators), or -1 for an internal survey.
  int IndicatorOf(size_t survey) const { return indicator_of_[survey]; }
  size_t indicators() const { return site_->config().indicators.size(); }

  /// Zero counts with room for every parameter and touchpoint.
  RoleCounts Empty() const;
  RoleCounts Service(int indicator, size_t service, const Period& period) const;
  /// Every service of situation `situation` in `period`, hidden or not
  /// (Disclosure::Counts gives what pages publish).
  RoleCounts Situation(int indicator, size_t situation, const Period& period) const;
  RoleCounts Touchpoint(int indicator, size_t touchpoint, const Period& period) const;
  RoleCounts All(int indicator, const Period& period) const;
  /// Respondents of survey `survey` about `service` at `touchpoint` in
  /// `quarter`; -1 for a service or touchpoint the response did not name.
  uint64_t Respondents(size_t survey, int service, int touchpoint, const Period& quarter) const;
  /// The (service, touchpoint) pairs survey `survey` has respondents for in
  /// `quarter`, -1 where not named.
  std::vector<std::pair<int, int>> Cells(size_t survey, const Period& quarter) const;

  /// Quarters with responses to survey `survey`, oldest first.
  std::vector<Period> SurveyQuarters(size_t survey) const;
  /// The periods survey `survey` has results for on `as_of`: each quarter
  /// with responses that is over, and the half-years and years over that
  /// hold one; quarters, then halves, then years, each oldest first.
  std::vector<Period> ResultPeriods(size_t survey, const Date& as_of) const;
  /// Quarters with any response to an external survey, oldest first.
  std::vector<Period> Quarters() const;

  // Used by the aggregator while reading.
  void AddSurvey(size_t survey, int quarter, const std::vector<SlotCounts>& counts);
  void AddSurveyCuts(size_t survey, int quarter, const CutCounts& counts);
  void AddOpenAnswers(size_t survey, size_t slot, int quarter, const OpenAnswers& answers);
  void AddRole(size_t survey, int service, int touchpoint, int quarter, const RoleCounts& counts);
  void AddLanguage(size_t survey, const std::string& language, const LanguageCounts& counts);
  ScanStats scan;

 private:
  // Adds the counts of `service` in `period` from the surveys of `indicator`
  // (only touchpoint `touchpoint` unless it is kAnyTouchpoint).
  void SumInto(int indicator, int service, int touchpoint, const Period& period, RoleCounts* out) const;
  static constexpr int kAnyTouchpoint = -2;
  // Each parameter's text from the plans (ParameterText).
  void NameParameters();

  const Site* site_;
  std::vector<std::unique_ptr<SurveyPlan>> plans_;
  std::vector<std::string> parameters_;
  std::vector<std::string> parameter_texts_;
  /// survey → quarter number (year · 4 + quarter − 1) → counts
  std::vector<std::map<int, std::vector<SlotCounts>>> surveys_;
  std::vector<std::map<std::string, LanguageCounts>> languages_;  ///< per survey
  /// survey → quarter number → counts per cut and option
  std::vector<std::map<int, CutCounts>> cuts_;
  /// (survey, slot, quarter number) → open answers
  std::map<std::tuple<size_t, size_t, int>, OpenAnswers> open_;
  std::vector<int> indicator_of_;
  /// survey → service → touchpoint → quarter number → counts; -1 where not known.
  std::vector<std::map<int, std::map<int, std::map<int, RoleCounts>>>> roles_;
};

/// year · 4 + quarter − 1: quarters as consecutive numbers.
int QuarterNumber(const Period& quarter);
Period QuarterOfNumber(int number);

}  // namespace otklik
