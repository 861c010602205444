#include "model/site.h"

#include <algorithm>
#include <tuple>

namespace otklik {

namespace {

template <typename T>
std::unordered_map<std::string, size_t> IndexById(const std::vector<T>& items) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
  return index;
}

template <typename T>
const T* Find(const std::vector<T>& items, const std::unordered_map<std::string, size_t>& index,
              const std::string& id) {
  const auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

}  // namespace

Site Site::Translated(SiteConfig config, std::vector<Service> services, std::vector<LifeSituation> situations,
                      std::vector<Touchpoint> touchpoints, std::vector<Page> pages, std::vector<Survey> surveys,
                      Themes themes, Messages messages) const {
  Site site = *this;
  site.config_ = std::move(config);
  site.services_ = std::move(services);
  site.situations_ = std::move(situations);
  site.touchpoints_ = std::move(touchpoints);
  site.pages_ = std::move(pages);
  site.surveys_ = std::move(surveys);
  site.themes_ = std::move(themes);
  site.messages_ = std::move(messages);
  return site;
}

Site::Site(SiteConfig config, std::vector<Service> services, std::vector<LifeSituation> situations,
           std::vector<Touchpoint> touchpoints, std::vector<Page> pages, std::vector<Survey> surveys)
    : config_(std::move(config)),
      services_(std::move(services)),
      situations_(std::move(situations)),
      touchpoints_(std::move(touchpoints)),
      pages_(std::move(pages)),
      surveys_(std::move(surveys)),
      messages_(Messages::Defaults(config_.words)) {
  SortForDisplay(&services_);
  SortForDisplay(&situations_);
  SortForDisplay(&touchpoints_);
  SortForDisplay(&pages_);
  std::sort(surveys_.begin(), surveys_.end(), [](const Survey& a, const Survey& b) { return a.id < b.id; });
  service_index_ = IndexById(services_);
  situation_index_ = IndexById(situations_);
  touchpoint_index_ = IndexById(touchpoints_);
  for (const Service& service : services_) {
    for (const std::string& id : service.situations) {
      if (const auto it = situation_index_.find(id); it != situation_index_.end()) {
        situations_[it->second].services.push_back(service.id);
      }
    }
    for (const std::string& id : service.touchpoints) {
      if (const auto it = touchpoint_index_.find(id); it != touchpoint_index_.end()) {
        touchpoints_[it->second].services.push_back(service.id);
      }
    }
  }
}

const Service* Site::FindService(const std::string& id) const { return Find(services_, service_index_, id); }

const LifeSituation* Site::FindSituation(const std::string& id) const {
  return Find(situations_, situation_index_, id);
}

const Survey* Site::FindSurvey(const std::string& id) const {
  const auto it = std::lower_bound(surveys_.begin(), surveys_.end(), id,
                                   [](const Survey& survey, const std::string& key) { return survey.id < key; });
  return it != surveys_.end() && it->id == id ? &*it : nullptr;
}

const Touchpoint* Site::FindTouchpoint(const std::string& id) const {
  return Find(touchpoints_, touchpoint_index_, id);
}

void Site::PublishAt(const std::string& base_url) {
  config_.base_url = base_url;
  const std::string receiver = base_url.size() > 1 ? base_url.substr(0, base_url.size() - 1) : base_url;
  if (config_.receiver_from_base) config_.receiver_url = receiver;
  if (config_.internal_receiver_from_base) config_.internal_receiver_url = receiver;
}

void Site::MoveTo(const std::string& base_url) {
  config_.base_url = base_url;
  config_.receiver_url = base_url.substr(0, base_url.size() - 1);
  config_.internal_receiver_url = config_.receiver_url;
}

}  // namespace otklik
