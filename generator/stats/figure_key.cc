#include "stats/figure_key.h"

namespace otklik {

std::string CutKey(const Site& site, const GroupKey& group) {
  const size_t index = static_cast<size_t>(group.index);
  switch (group.kind) {
    case GroupKey::Kind::kAll: return "all";
    case GroupKey::Kind::kService: return "service:" + site.services()[index].id;
    case GroupKey::Kind::kSituation: return "situation:" + site.situations()[index].id;
    case GroupKey::Kind::kTouchpoint: return "touchpoint:" + site.touchpoints()[index].id;
    case GroupKey::Kind::kServiceAtTouchpoint: {
      const size_t touchpoints = site.touchpoints().size();
      return "service:" + site.services()[index / touchpoints].id + "@touchpoint:" +
             site.touchpoints()[index % touchpoints].id;
    }
  }
  return "";
}

std::string PeriodKey(const std::optional<Period>& period) { return period ? period->Key() : "all"; }

std::string GroupFigureKey(const Site& site, const GroupKey& group, const Period& period) {
  return "level/" + site.config().indicators[static_cast<size_t>(group.indicator)].id + "/" + CutKey(site, group) +
         "/" + period.Key();
}

std::string SlotFigureKey(const SurveyPlan& plan, size_t slot, const std::optional<Period>& period) {
  const Slot& s = plan.slots()[slot];
  return "survey/" + plan.survey().id + "/" + s.question + (s.row.empty() ? "" : "." + s.row) + "/" +
         PeriodKey(period);
}

std::string SurveyFigureKey(const Survey& survey, const std::optional<Period>& period) {
  return "survey/" + survey.id + "/" + PeriodKey(period);
}

}  // namespace otklik
