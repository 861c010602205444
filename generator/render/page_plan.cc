#include "render/page_plan.h"

namespace otklik {

std::string OutputFileFor(const std::string& url) { return url + "index.html"; }

const std::vector<std::string>& PageTemplateNames() {
  static const std::vector<std::string> kNames = {"layout",      "home",       "services",  "service",
                                                  "situations",  "situation",  "touchpoints", "touchpoint",
                                                  "page",        "not_found"};
  return kNames;
}

std::vector<PlannedPage> PlanPages(const Site& site) {
  std::vector<PlannedPage> pages;
  auto add = [&](PageKind kind, size_t index, std::string url, std::string template_name) {
    std::string output = OutputFileFor(url);
    pages.push_back({kind, index, std::move(url), std::move(output), std::move(template_name)});
  };
  add(PageKind::kHome, 0, "", "home");
  add(PageKind::kServices, 0, "services/", "services");
  add(PageKind::kSituations, 0, "situations/", "situations");
  add(PageKind::kTouchpoints, 0, "touchpoints/", "touchpoints");
  for (size_t i = 0; i < site.services().size(); ++i) {
    add(PageKind::kService, i, "services/" + site.services()[i].id + "/", "service");
  }
  for (size_t i = 0; i < site.situations().size(); ++i) {
    add(PageKind::kSituation, i, "situations/" + site.situations()[i].id + "/", "situation");
  }
  for (size_t i = 0; i < site.touchpoints().size(); ++i) {
    add(PageKind::kTouchpoint, i, "touchpoints/" + site.touchpoints()[i].id + "/", "touchpoint");
  }
  for (size_t i = 0; i < site.pages().size(); ++i) add(PageKind::kPage, i, site.pages()[i].id + "/", "page");
  pages.push_back({PageKind::kNotFound, 0, "404.html", "404.html", "not_found"});
  return pages;
}

}  // namespace otklik
