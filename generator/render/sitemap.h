#pragma once

#include <string>
#include <vector>

#include "core/escape.h"
#include "render/page_plan.h"

namespace otklik {

/// sitemap.xml (sitemaps.org 0.9) listing every `listed` page, with
/// absolute URLs under `base_url`. No <lastmod>: the output must not depend on
/// the time of the build.
std::string RenderSitemap(const std::string& base_url, const std::vector<PlannedPage>& pages);

}  // namespace otklik
