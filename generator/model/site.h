#pragma once

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "content/site_config.h"
#include "model/calendar.h"
#include "model/messages.h"
#include "model/life_situation.h"
#include "model/page.h"
#include "model/service.h"
#include "model/survey.h"
#include "model/themes.h"
#include "model/touchpoint.h"

namespace otklik {

/// Sorts services, situations, touchpoints or pages for display: by `order`,
/// then title, then id.
template <typename T>
void SortForDisplay(std::vector<T>* items) {
  std::sort(items->begin(), items->end(), [](const T& a, const T& b) {
    return std::tie(a.order, a.title, a.id) < std::tie(b.order, b.title, b.id);
  });
}

/// Everything an agency publishes, validated and cross-referenced: every id a
/// service lists exists, and the reverse lists (a situation's services, a
/// touchpoint's services) are filled in. Items are in display order (order,
/// then title, then id). Immutable after loading, but for its address.
class Site {
 public:
  Site(SiteConfig config, std::vector<Service> services, std::vector<LifeSituation> situations,
       std::vector<Touchpoint> touchpoints, std::vector<Page> pages, std::vector<Survey> surveys = {});

  const SiteConfig& config() const { return config_; }
  const std::vector<Service>& services() const { return services_; }
  const std::vector<LifeSituation>& situations() const { return situations_; }
  const std::vector<Touchpoint>& touchpoints() const { return touchpoints_; }
  const std::vector<Page>& pages() const { return pages_; }
  /// Every survey, external and internal, by id.
  const std::vector<Survey>& surveys() const { return surveys_; }

  /// nullptr when there is no such id.
  const Service* FindService(const std::string& id) const;
  const LifeSituation* FindSituation(const std::string& id) const;
  const Touchpoint* FindTouchpoint(const std::string& id) const;
  const Survey* FindSurvey(const std::string& id) const;

  /// The themes editors code open answers into (content/themes.yaml).
  const Themes& themes() const { return themes_; }
  void SetThemes(Themes themes) { themes_ = std::move(themes); }

  /// The interface text of its pages: the theme's catalogue with the
  /// agency's words put in (Messages); the built-in one until the build
  /// sets the theme's.
  const Messages& messages() const { return messages_; }
  void SetMessages(Messages messages) { messages_ = std::move(messages); }

  /// The production calendar (content/calendar.yaml; empty without one).
  const Calendar& calendar() const { return calendar_; }
  void SetCalendar(Calendar calendar) { calendar_ = std::move(calendar); }

  /// The site in another language (model/translation.h): `config`, the
  /// items, themes and `messages` replaced by the same items with other
  /// texts, every id, link and order kept as they are here.
  Site Translated(SiteConfig config, std::vector<Service> services, std::vector<LifeSituation> situations,
                  std::vector<Touchpoint> touchpoints, std::vector<Page> pages, std::vector<Survey> surveys,
                  Themes themes, Messages messages) const;

  /// Places the site at `base_url` (ending in '/') instead of the configured
  /// address, forms posting there too: the editor's local preview.
  void MoveTo(const std::string& base_url);
  /// Publishes the site at `base_url` (ending in '/'), exactly as if
  /// site.yaml said so: receivers it names stay, those that follow the
  /// address move with it. An agency's site in a region's portal.
  void PublishAt(const std::string& base_url);

 private:
  SiteConfig config_;
  std::vector<Service> services_;
  std::vector<LifeSituation> situations_;
  std::vector<Touchpoint> touchpoints_;
  std::vector<Page> pages_;
  std::vector<Survey> surveys_;
  Themes themes_;
  Messages messages_;
  Calendar calendar_;
  std::unordered_map<std::string, size_t> service_index_;
  std::unordered_map<std::string, size_t> situation_index_;
  std::unordered_map<std::string, size_t> touchpoint_index_;
};

}  // namespace otklik
