#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "render/template_set.h"
#include "stats/disclosure.h"

namespace otklik {

/// The pages earlier builds in this process rendered (`otklik serve`): a page
/// whose view model and templates are what they were is not rendered again.
/// Output is the same bytes either way; only the time differs. Find and
/// Store may be called from several threads at once.
class RenderCache {
 public:
  /// Called once per build, before any Find: forgets every page when the
  /// templates are not those of the last build.
  void UseTemplates(const TemplateSet& templates);
  /// The page rendered earlier at `output` from exactly `view`, if any.
  std::optional<std::string> Find(const std::string& output, const nlohmann::json& view) const;
  void Store(const std::string& output, nlohmann::json view, std::string html);
  /// Pages found by Find since UseTemplates.
  size_t hits() const;
  /// Disclosure control's last decisions: used by one build at a time,
  /// before any page is rendered.
  DisclosureMemo disclosure;

 private:
  struct Page {
    nlohmann::json view;
    std::string html;
  };
  mutable std::mutex mutex_;
  std::optional<TemplateSet> templates_;
  std::map<std::string, Page> pages_;
  mutable size_t hits_ = 0;
};

}  // namespace otklik
