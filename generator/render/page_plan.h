#pragma once

#include <string>
#include <vector>

#include "model/site.h"

namespace otklik {

enum class PageKind {
  kHome,
  kServices,
  kService,
  kSituations,
  kSituation,
  kTouchpoints,
  kTouchpoint,
  kPage,
  kNotFound,
};

/// One page the build will write.
struct PlannedPage {
  PageKind kind;
  size_t index = 0;      ///< Into the site's list for kService, kSituation, kTouchpoint, kPage.
  std::string url;       ///< Site-relative "pretty" URL: "", "services/", "services/pension/".
  std::string output;    ///< File below the output folder: "services/pension/index.html".
  std::string template_name;
};

/// Every page of the site, in a fixed order (home, sections, items, 404).
std::vector<PlannedPage> PlanPages(const Site& site);

/// The template names PlanPages can ask for, plus "layout".
const std::vector<std::string>& PageTemplateNames();

/// "services/pension/" → "services/pension/index.html".
std::string OutputFileFor(const std::string& url);

}  // namespace otklik
