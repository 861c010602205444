#include "render/decision_views.h"

namespace otklik {

nlohmann::json DecisionFacts::Effect(const Site& site, const DecisionsContext& context, const Decision& decision,
                                     const Date& as_of) {
  {
    std::lock_guard lock(mutex_);
    if (const auto it = effects_.find(&decision); it != effects_.end()) return it->second;
  }
  nlohmann::json effect = EffectView(site, context, decision, as_of);  // outside the lock
  std::lock_guard lock(mutex_);
  effects_.emplace(&decision, effect);
  return effect;
}

bool DecisionFacts::PrevalenceHidden(const Site& site, const DecisionsContext& context, const Decision& decision) {
  {
    std::lock_guard lock(mutex_);
    if (const auto it = hidden_.find(&decision); it != hidden_.end()) return it->second;
  }
  const bool hidden = CheckPrevalence(site, context, decision).hide;
  std::lock_guard lock(mutex_);
  hidden_.emplace(&decision, hidden);
  return hidden;
}

nlohmann::json EffectOf(const Site& site, const DecisionsContext& context, const Decision& decision,
                        const Date& as_of) {
  return context.facts ? context.facts->Effect(site, context, decision, as_of)
                       : EffectView(site, context, decision, as_of);
}

bool PrevalenceHidden(const Site& site, const DecisionsContext& context, const Decision& decision) {
  return context.facts ? context.facts->PrevalenceHidden(site, context, decision)
                       : CheckPrevalence(site, context, decision).hide;
}

}  // namespace otklik
