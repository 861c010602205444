#include "render/page_plan.h"

#include <catch2/catch.hpp>

namespace otklik {
namespace {

std::string KindName(PageKind kind) {
  switch (kind) {
    case PageKind::kHome: return "home";
    case PageKind::kServices: return "services";
    case PageKind::kService: return "service";
    case PageKind::kSituations: return "situations";
    case PageKind::kSituation: return "situation";
    case PageKind::kTouchpoints: return "touchpoints";
    case PageKind::kTouchpoint: return "touchpoint";
    case PageKind::kPage: return "page";
    case PageKind::kNotFound: return "not-found";
  }
  return "?";
}

// One planned page as "kind index url | output | template", for readable comparisons.
std::string Describe(const PlannedPage& page) {
  return KindName(page.kind) + " " + std::to_string(page.index) + " " + page.url + " | " + page.output + " | " +
         page.template_name;
}

std::vector<std::string> Describe(const std::vector<PlannedPage>& pages) {
  std::vector<std::string> out;
  for (const PlannedPage& page : pages) out.push_back(Describe(page));
  return out;
}

template <typename T>
T Item(std::string id, std::string title, int order = 1000) {
  T item;
  item.id = std::move(id);
  item.title = std::move(title);
  item.order = order;
  return item;
}

// Two services, two situations, one touchpoint and two pages, given out of display order.
Site MakeSite() {
  return Site(SiteConfig{}, {Item<Service>("pension", "Пенсия"), Item<Service>("allowance", "Выплата", 1)},
              {Item<LifeSituation>("retirement", "Выход на пенсию"), Item<LifeSituation>("birth", "Рождение")},
              {Item<Touchpoint>("mfc", "МФЦ")}, {Item<Page>("faq", "Вопросы"), Item<Page>("about", "О проекте", 1)});
}

TEST_CASE("PlanPages lists home, the sections, every item in display order, and the 404 page") {
  const std::vector<std::string> expected = {
      "home 0  | index.html | home",
      "services 0 services/ | services/index.html | services",
      "situations 0 situations/ | situations/index.html | situations",
      "touchpoints 0 touchpoints/ | touchpoints/index.html | touchpoints",
      "service 0 services/allowance/ | services/allowance/index.html | service",
      "service 1 services/pension/ | services/pension/index.html | service",
      "situation 0 situations/retirement/ | situations/retirement/index.html | situation",
      "situation 1 situations/birth/ | situations/birth/index.html | situation",
      "touchpoint 0 touchpoints/mfc/ | touchpoints/mfc/index.html | touchpoint",
      "page 0 about/ | about/index.html | page",
      "page 1 faq/ | faq/index.html | page",
      "not-found 0 404.html | 404.html | not_found",
  };
  CHECK(Describe(PlanPages(MakeSite())) == expected);
}

TEST_CASE("PlanPages indexes point at the items in the site's lists") {
  const Site site = MakeSite();
  for (const PlannedPage& page : PlanPages(site)) {
    INFO(Describe(page));
    switch (page.kind) {
      case PageKind::kService: CHECK(page.url == "services/" + site.services()[page.index].id + "/"); break;
      case PageKind::kSituation: CHECK(page.url == "situations/" + site.situations()[page.index].id + "/"); break;
      case PageKind::kTouchpoint: CHECK(page.url == "touchpoints/" + site.touchpoints()[page.index].id + "/"); break;
      case PageKind::kPage: CHECK(page.url == site.pages()[page.index].id + "/"); break;
      default: CHECK(page.index == 0);
    }
  }
}

TEST_CASE("PlanPages of an empty site still has home, the three sections and the 404 page") {
  const std::vector<std::string> expected = {
      "home 0  | index.html | home",
      "services 0 services/ | services/index.html | services",
      "situations 0 situations/ | situations/index.html | situations",
      "touchpoints 0 touchpoints/ | touchpoints/index.html | touchpoints",
      "not-found 0 404.html | 404.html | not_found",
  };
  CHECK(Describe(PlanPages(Site(SiteConfig{}, {}, {}, {}, {}))) == expected);
}

TEST_CASE("PlanPages asks only for templates PageTemplateNames lists") {
  const std::vector<std::string>& names = PageTemplateNames();
  for (const PlannedPage& page : PlanPages(MakeSite())) {
    INFO(page.template_name);
    CHECK(std::find(names.begin(), names.end(), page.template_name) != names.end());
  }
}

TEST_CASE("OutputFileFor appends index.html to a directory-style URL") {
  CHECK(OutputFileFor("") == "index.html");
  CHECK(OutputFileFor("services/") == "services/index.html");
  CHECK(OutputFileFor("services/pension/") == "services/pension/index.html");
}

TEST_CASE("PageTemplateNames lists the layout and every page template") {
  CHECK(PageTemplateNames() == std::vector<std::string>{"layout", "home", "services", "service", "situations",
                                                        "situation", "touchpoints", "touchpoint", "page", "not_found"});
}

}  // namespace
}  // namespace otklik
