#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "content/site_config.h"
#include "model/life_situation.h"
#include "model/page.h"
#include "model/service.h"
#include "model/touchpoint.h"

namespace otklik {

/// Everything an agency publishes, validated and cross-referenced: every id a
/// service lists exists, and the reverse lists (a situation's services, a
/// touchpoint's services) are filled in. Items are in display order (order,
/// then title, then id). Immutable after loading.
class Site {
 public:
  Site(SiteConfig config, std::vector<Service> services, std::vector<LifeSituation> situations,
       std::vector<Touchpoint> touchpoints, std::vector<Page> pages);

  const SiteConfig& config() const { return config_; }
  const std::vector<Service>& services() const { return services_; }
  const std::vector<LifeSituation>& situations() const { return situations_; }
  const std::vector<Touchpoint>& touchpoints() const { return touchpoints_; }
  const std::vector<Page>& pages() const { return pages_; }

  /// nullptr when there is no such id.
  const Service* FindService(const std::string& id) const;
  const LifeSituation* FindSituation(const std::string& id) const;
  const Touchpoint* FindTouchpoint(const std::string& id) const;

 private:
  SiteConfig config_;
  std::vector<Service> services_;
  std::vector<LifeSituation> situations_;
  std::vector<Touchpoint> touchpoints_;
  std::vector<Page> pages_;
  std::unordered_map<std::string, size_t> service_index_;
  std::unordered_map<std::string, size_t> situation_index_;
  std::unordered_map<std::string, size_t> touchpoint_index_;
};

}  // namespace otklik
