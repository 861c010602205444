#include "site/render_cache.h"

namespace otklik {

void RenderCache::UseTemplates(const TemplateSet& templates) {
  std::lock_guard lock(mutex_);
  hits_ = 0;
  if (templates_ && templates_->SameTextAs(templates)) return;
  pages_.clear();
  templates_ = templates.Clone();
}

std::optional<std::string> RenderCache::Find(const std::string& output, const nlohmann::json& view) const {
  std::unique_lock lock(mutex_);
  const auto page = pages_.find(output);
  if (page == pages_.end()) return std::nullopt;
  lock.unlock();
  // Compared unlocked: only this page's own render stores into its entry.
  if (page->second.view != view) return std::nullopt;
  lock.lock();
  ++hits_;
  return page->second.html;
}

void RenderCache::Store(const std::string& output, nlohmann::json view, std::string html) {
  std::lock_guard lock(mutex_);
  pages_[output] = Page{std::move(view), std::move(html)};
}

size_t RenderCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

}  // namespace otklik
