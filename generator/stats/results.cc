#include "stats/results.h"

#include <algorithm>
#include <limits>

namespace otklik {

int QuarterNumber(const Period& quarter) { return quarter.year * 4 + quarter.index - 1; }

Period QuarterOfNumber(int number) { return {Period::Kind::kQuarter, number / 4, number % 4 + 1}; }

namespace {

// The quarter numbers a period covers: [first, last].
std::pair<int, int> QuarterRange(const Period& period) {
  return {QuarterNumber(Period::Of(Period::Kind::kQuarter, period.first())),
          QuarterNumber(Period::Of(Period::Kind::kQuarter, period.last()))};
}

}  // namespace

void RoleCounts::Add(const RoleCounts& other) {
  respondents += other.respondents;
  for (size_t i = 0; i < 5; ++i) overall[i] += other.overall[i];
  if (parameters.size() < other.parameters.size()) parameters.resize(other.parameters.size());
  for (size_t p = 0; p < other.parameters.size(); ++p) {
    for (size_t i = 0; i < 5; ++i) parameters[p][i] += other.parameters[p][i];
  }
  if (touchpoints.size() < other.touchpoints.size()) touchpoints.resize(other.touchpoints.size());
  for (size_t t = 0; t < other.touchpoints.size(); ++t) touchpoints[t] += other.touchpoints[t];
}

uint64_t RoleCounts::OverallAnswers() const {
  uint64_t total = 0;
  for (uint64_t count : overall) total += count;
  return total;
}

void Results::AddLanguage(size_t survey, const std::string& language, const LanguageCounts& counts) {
  LanguageCounts& total = languages_[survey][language];
  total.responses += counts.responses;
  for (size_t r = 0; r < 5; ++r) total.overall[r] += counts.overall[r];
}

bool Results::Rebind(const Site& site) {
  std::vector<std::string> parameters;
  std::vector<std::unique_ptr<SurveyPlan>> plans = SurveyPlan::AllOf(site, &parameters);
  if (parameters != parameters_ || plans.size() != plans_.size()) return false;
  for (size_t i = 0; i < plans.size(); ++i) {
    if (!plans[i]->CountsLike(*plans_[i])) return false;
  }
  site_ = &site;
  plans_ = std::move(plans);
  NameParameters();
  return true;
}

void Results::NameParameters() {
  parameter_texts_ = parameters_;
  for (const auto& plan : plans_) {
    for (const Slot& slot : plan->slots()) {
      for (size_t p = 0; p < parameters_.size(); ++p) {
        if (slot.kind == QuestionKind::kMatrix && slot.row == parameters_[p] && parameter_texts_[p] == parameters_[p]) {
          parameter_texts_[p] = slot.text;
        }
      }
    }
  }
}

Results::Results(const Site& site, std::vector<std::unique_ptr<SurveyPlan>> plans, std::vector<std::string> parameters)
    : site_(&site),
      plans_(std::move(plans)),
      parameters_(std::move(parameters)),
      surveys_(plans_.size()),
      languages_(plans_.size()),
      cuts_(plans_.size()),
      roles_(plans_.size()) {
  for (const Survey& survey : site.surveys()) {
    const int index = site.config().IndicatorIndex(survey.indicator);
    // A survey of a site built without the loader names none: the main one.
    indicator_of_.push_back(survey.audience == Audience::kInternal ? -1 : std::max(index, 0));
  }
  NameParameters();
}

void Results::AddSurvey(size_t survey, int quarter, const std::vector<SlotCounts>& counts) {
  std::vector<SlotCounts>& cell = surveys_[survey][quarter];
  if (cell.empty()) cell = plans_[survey]->EmptyCounts();
  for (size_t i = 0; i < counts.size(); ++i) cell[i].Add(counts[i]);
}

void Results::AddSurveyCuts(size_t survey, int quarter, const CutCounts& counts) {
  CutCounts& cell = cuts_[survey][quarter];
  if (cell.size() < counts.size()) cell.resize(counts.size());
  for (size_t cut = 0; cut < counts.size(); ++cut) {
    if (cell[cut].size() < counts[cut].size()) cell[cut].resize(counts[cut].size());
    for (size_t option = 0; option < counts[cut].size(); ++option) {
      const std::vector<uint64_t>& from = counts[cut][option];
      if (from.empty()) continue;
      std::vector<uint64_t>& to = cell[cut][option];
      if (to.empty()) to.assign(from.size(), 0);
      for (size_t i = 0; i < from.size(); ++i) to[i] += from[i];
    }
  }
}

std::vector<SlotCounts> Results::SurveyCutCounts(size_t survey, const Period& period, size_t cut, size_t option) const {
  const auto [first, last] = QuarterRange(period);
  std::vector<SlotCounts> total = plans_[survey]->EmptyCounts();
  for (auto it = cuts_[survey].lower_bound(first); it != cuts_[survey].end() && it->first <= last; ++it) {
    if (cut >= it->second.size() || option >= it->second[cut].size() || it->second[cut][option].empty()) continue;
    plans_[survey]->AddFlat(it->second[cut][option].data(), &total);
  }
  return total;
}

std::vector<SlotCounts> Results::SurveyCutTotal(size_t survey, size_t cut, size_t option) const {
  std::vector<SlotCounts> total = plans_[survey]->EmptyCounts();
  for (const auto& [quarter, cuts] : cuts_[survey]) {
    if (cut >= cuts.size() || option >= cuts[cut].size() || cuts[cut][option].empty()) continue;
    plans_[survey]->AddFlat(cuts[cut][option].data(), &total);
  }
  return total;
}

void OpenAnswers::Add(const OpenAnswers& other) {
  total += other.total;
  for (const auto& [key, n] : other.counts) counts[key] += n;
  newest.insert(newest.end(), other.newest.begin(), other.newest.end());
  Trim();
}

void OpenAnswers::Trim() {
  const auto newer = [](const OpenAnswer& a, const OpenAnswer& b) {
    return a.date != b.date ? a.date > b.date : a.id < b.id;
  };
  if (newest.size() > kKept) {
    std::nth_element(newest.begin(), newest.begin() + kKept, newest.end(), newer);
    newest.resize(kKept);
  }
  std::sort(newest.begin(), newest.end(), newer);
  if (newest.size() == kKept) floor = newest.back().date;
}

std::map<int, uint64_t> OpenAnswers::ByTheme() const {
  std::map<int, uint64_t> out;
  for (const auto& [key, n] : counts) out[key.second] += n;
  return out;
}

std::map<int, uint64_t> OpenAnswers::ByTheme(int service) const {
  std::map<int, uint64_t> out;
  for (const auto& [key, n] : counts) {
    if (key.first == service) out[key.second] += n;
  }
  return out;
}

std::vector<int> OpenAnswers::Services() const {
  std::vector<int> out;
  for (const auto& [key, n] : counts) {
    if (out.empty() || out.back() != key.first) out.push_back(key.first);
  }
  return out;
}

void Results::AddOpenAnswers(size_t survey, size_t slot, int quarter, const OpenAnswers& answers) {
  open_[{survey, slot, quarter}].Add(answers);
}

OpenAnswers Results::OpenAnswersOf(size_t survey, size_t slot, const std::optional<Period>& period) const {
  OpenAnswers out;
  const auto [first, last] = period ? QuarterRange(*period) : std::pair(0, std::numeric_limits<int>::max());
  for (auto it = open_.lower_bound({survey, slot, first}); it != open_.end(); ++it) {
    const auto& [s, i, quarter] = it->first;
    if (s != survey || i != slot || quarter > last) break;
    out.Add(it->second);
  }
  return out;
}

void Results::AddRole(size_t survey, int service, int touchpoint, int quarter, const RoleCounts& counts) {
  roles_[survey][service][touchpoint][quarter].Add(counts);
}

std::vector<SlotCounts> Results::SurveyCounts(size_t survey, const Period& period) const {
  const auto [first, last] = QuarterRange(period);
  std::vector<SlotCounts> total = plans_[survey]->EmptyCounts();
  for (auto it = surveys_[survey].lower_bound(first); it != surveys_[survey].end() && it->first <= last; ++it) {
    for (size_t i = 0; i < total.size(); ++i) total[i].Add(it->second[i]);
  }
  return total;
}

std::vector<SlotCounts> Results::SurveyTotal(size_t survey) const {
  std::vector<SlotCounts> total = plans_[survey]->EmptyCounts();
  for (const auto& [quarter, counts] : surveys_[survey]) {
    for (size_t i = 0; i < total.size(); ++i) total[i].Add(counts[i]);
  }
  return total;
}

uint64_t Results::SurveyResponses(size_t survey) const {
  // Every response is asked the first question (nothing can skip it).
  const std::vector<SlotCounts> total = SurveyTotal(survey);
  return total.empty() ? 0 : total.front().asked;
}

RoleCounts Results::Empty() const {
  RoleCounts counts;
  counts.parameters.resize(parameters_.size());
  counts.touchpoints.assign(site_->touchpoints().size() + 1, 0);
  return counts;
}

void Results::SumInto(int indicator, int service, int touchpoint, const Period& period, RoleCounts* out) const {
  const auto [first, last] = QuarterRange(period);
  for (size_t survey = 0; survey < roles_.size(); ++survey) {
    if (indicator_of_[survey] != indicator) continue;
    const auto by_service = roles_[survey].find(service);
    if (by_service == roles_[survey].end()) continue;
    for (const auto& [point, quarters] : by_service->second) {
      if (touchpoint != kAnyTouchpoint && point != touchpoint) continue;
      for (auto it = quarters.lower_bound(first); it != quarters.end() && it->first <= last; ++it) {
        out->Add(it->second);
        const size_t slot = point < 0 ? site_->touchpoints().size() : static_cast<size_t>(point);
        out->touchpoints[slot] += it->second.respondents;
      }
    }
  }
}

RoleCounts Results::Service(int indicator, size_t service, const Period& period) const {
  RoleCounts counts = Empty();
  SumInto(indicator, static_cast<int>(service), kAnyTouchpoint, period, &counts);
  return counts;
}

RoleCounts Results::Situation(int indicator, size_t situation, const Period& period) const {
  RoleCounts counts = Empty();
  for (const std::string& id : site_->situations()[situation].services) {
    const otklik::Service* service = site_->FindService(id);
    if (service) SumInto(indicator, static_cast<int>(service - site_->services().data()), kAnyTouchpoint, period, &counts);
  }
  return counts;
}

RoleCounts Results::Touchpoint(int indicator, size_t touchpoint, const Period& period) const {
  RoleCounts counts = Empty();
  for (int service = -1; service < static_cast<int>(site_->services().size()); ++service) {
    SumInto(indicator, service, static_cast<int>(touchpoint), period, &counts);
  }
  return counts;
}

RoleCounts Results::All(int indicator, const Period& period) const {
  RoleCounts counts = Empty();
  for (int service = -1; service < static_cast<int>(site_->services().size()); ++service) {
    SumInto(indicator, service, kAnyTouchpoint, period, &counts);
  }
  return counts;
}

uint64_t Results::Respondents(size_t survey, int service, int touchpoint, const Period& quarter) const {
  const auto by_service = roles_[survey].find(service);
  if (by_service == roles_[survey].end()) return 0;
  const auto by_touchpoint = by_service->second.find(touchpoint);
  if (by_touchpoint == by_service->second.end()) return 0;
  const auto it = by_touchpoint->second.find(QuarterNumber(quarter));
  return it == by_touchpoint->second.end() ? 0 : it->second.respondents;
}

std::vector<std::pair<int, int>> Results::Cells(size_t survey, const Period& quarter) const {
  std::vector<std::pair<int, int>> out;
  const int number = QuarterNumber(quarter);
  for (const auto& [service, touchpoints] : roles_[survey]) {
    for (const auto& [touchpoint, quarters] : touchpoints) {
      if (quarters.contains(number)) out.emplace_back(service, touchpoint);
    }
  }
  return out;
}

std::vector<Period> Results::SurveyQuarters(size_t survey) const {
  std::vector<Period> out;
  for (const auto& [quarter, unused] : surveys_[survey]) out.push_back(QuarterOfNumber(quarter));
  return out;
}

std::vector<Period> Results::ResultPeriods(size_t survey, const Date& as_of) const {
  std::vector<Period> out;
  for (const Period& period : WithHalvesAndYears(SurveyQuarters(survey))) {
    if (period.last() < as_of) out.push_back(period);
  }
  return out;
}

std::vector<Period> Results::Quarters() const {
  std::map<int, bool> seen;
  for (size_t survey = 0; survey < surveys_.size(); ++survey) {
    if (indicator_of_[survey] < 0) continue;  // staff surveys: internal pages only
    for (const auto& [quarter, unused] : surveys_[survey]) seen[quarter] = true;
  }
  std::vector<Period> out;
  for (const auto& [quarter, unused] : seen) out.push_back(QuarterOfNumber(quarter));
  return out;
}

}  // namespace otklik
