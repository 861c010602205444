#include "model/site.h"

#include <catch2/catch.hpp>

namespace otklik::site_test {
namespace {

using Ids = std::vector<std::string>;

Service MakeService(std::string id, std::string title, int order, Ids situations = {}, Ids touchpoints = {}) {
  Service service;
  service.id = std::move(id);
  service.title = std::move(title);
  service.order = order;
  service.situations = std::move(situations);
  service.touchpoints = std::move(touchpoints);
  return service;
}

LifeSituation MakeSituation(std::string id, std::string title, int order = 1000) {
  LifeSituation situation;
  situation.id = std::move(id);
  situation.title = std::move(title);
  situation.order = order;
  return situation;
}

Touchpoint MakeTouchpoint(std::string id, std::string title, int order = 1000) {
  Touchpoint touchpoint;
  touchpoint.id = std::move(id);
  touchpoint.title = std::move(title);
  touchpoint.order = order;
  return touchpoint;
}

Page MakePage(std::string id, std::string title, int order = 1000) {
  Page page;
  page.id = std::move(id);
  page.title = std::move(title);
  page.order = order;
  return page;
}

template <typename T>
Ids IdsOf(const std::vector<T>& items) {
  Ids ids;
  for (const T& item : items) ids.push_back(item.id);
  return ids;
}

// Services given in an order unlike the display order; situations and
// touchpoints that the services refer to.
Site MakeSite() {
  SiteConfig config;
  config.title = "Отзывы";
  return Site(config,
              {MakeService("pension", "Пенсия", 1000, {"retirement"}, {"mfc", "portal"}),
               MakeService("allowance", "Выплата на ребёнка", 1000, {"birth", "low-income"}, {"portal"}),
               MakeService("subsidy", "Субсидия", 5, {"low-income", "retirement"}, {"mfc"}),
               MakeService("control", "Надзор", 1000, {}, {"mfc"})},
              {MakeSituation("retirement", "Выход на пенсию"), MakeSituation("low-income", "Невысокий доход"),
               MakeSituation("birth", "Рождение ребёнка", 1)},
              {MakeTouchpoint("portal", "Портал госуслуг"), MakeTouchpoint("mfc", "МФЦ", 1)},
              {MakePage("about", "О проекте"), MakePage("faq", "Вопросы", -1)});
}

TEST_CASE("Site sorts services by order, then title") {
  const Site site = MakeSite();
  CHECK(IdsOf(site.services()) == Ids{"subsidy", "allowance", "control", "pension"});
}

TEST_CASE("Site sorts items with the same order and title by id") {
  SiteConfig config;
  const Site site(
      config, {MakeService("b", "Услуга", 1000), MakeService("c", "Услуга", 1000), MakeService("a", "Услуга", 1000)},
      {MakeSituation("y", "Ситуация"), MakeSituation("x", "Ситуация")},
      {MakeTouchpoint("q", "Точка"), MakeTouchpoint("p", "Точка")},
      {MakePage("n", "Страница"), MakePage("m", "Страница")});
  CHECK(IdsOf(site.services()) == Ids{"a", "b", "c"});
  CHECK(IdsOf(site.situations()) == Ids{"x", "y"});
  CHECK(IdsOf(site.touchpoints()) == Ids{"p", "q"});
  CHECK(IdsOf(site.pages()) == Ids{"m", "n"});
}

TEST_CASE("Site puts a lower order first, negative orders included, whatever the titles") {
  SiteConfig config;
  const Site site(
      config,
      {MakeService("a", "А", 10), MakeService("b", "Б", -5), MakeService("c", "В", 0), MakeService("d", "Г", 1000000)},
      {}, {}, {});
  CHECK(IdsOf(site.services()) == Ids{"b", "c", "a", "d"});
}

TEST_CASE("Site sorts situations, touchpoints and pages for display") {
  const Site site = MakeSite();
  CHECK(IdsOf(site.situations()) == Ids{"birth", "retirement", "low-income"});
  CHECK(IdsOf(site.touchpoints()) == Ids{"mfc", "portal"});
  CHECK(IdsOf(site.pages()) == Ids{"faq", "about"});
}

TEST_CASE("Site keeps the config it was given") {
  const Site site = MakeSite();
  CHECK(site.config().title == "Отзывы");
}

TEST_CASE("Site::FindService finds a service by id in the sorted list") {
  const Site site = MakeSite();
  const Service* service = site.FindService("control");
  REQUIRE(service);
  CHECK(service == &site.services()[2]);
  CHECK(service->title == "Надзор");
  CHECK(site.FindService("pension") == &site.services()[3]);
}

TEST_CASE("Site::FindSituation and FindTouchpoint find items by id in the sorted lists") {
  const Site site = MakeSite();
  CHECK(site.FindSituation("birth") == &site.situations()[0]);
  CHECK(site.FindSituation("low-income") == &site.situations()[2]);
  CHECK(site.FindTouchpoint("mfc") == &site.touchpoints()[0]);
  CHECK(site.FindTouchpoint("portal") == &site.touchpoints()[1]);
}

TEST_CASE("Site::Find returns nullptr for an unknown id and does not mix up the kinds") {
  const Site site = MakeSite();
  CHECK(site.FindService("missing") == nullptr);
  CHECK(site.FindService("") == nullptr);
  CHECK(site.FindService("birth") == nullptr);
  CHECK(site.FindSituation("pension") == nullptr);
  CHECK(site.FindTouchpoint("retirement") == nullptr);
}

TEST_CASE("Site fills each situation's services in site order") {
  const Site site = MakeSite();
  CHECK(site.FindSituation("birth")->services == Ids{"allowance"});
  CHECK(site.FindSituation("low-income")->services == Ids{"subsidy", "allowance"});
  CHECK(site.FindSituation("retirement")->services == Ids{"subsidy", "pension"});
}

TEST_CASE("Site fills each touchpoint's services in site order") {
  const Site site = MakeSite();
  CHECK(site.FindTouchpoint("mfc")->services == Ids{"subsidy", "control", "pension"});
  CHECK(site.FindTouchpoint("portal")->services == Ids{"allowance", "pension"});
}

TEST_CASE("Site leaves the reverse list empty for an item no service names") {
  SiteConfig config;
  const Site site(config, {MakeService("a", "А", 1000, {}, {"mfc"})}, {MakeSituation("lonely", "Одна")},
                  {MakeTouchpoint("mfc", "МФЦ"), MakeTouchpoint("post", "Почта")}, {});
  CHECK(site.FindSituation("lonely")->services.empty());
  CHECK(site.FindTouchpoint("post")->services.empty());
  CHECK(site.FindTouchpoint("mfc")->services == Ids{"a"});
}

TEST_CASE("A copied Site finds items in its own lists") {
  const Site original = MakeSite();
  const Site copy = original;
  CHECK(copy.FindService("control") == &copy.services()[2]);
  CHECK(copy.FindSituation("birth") == &copy.situations()[0]);
  CHECK(copy.FindTouchpoint("portal") == &copy.touchpoints()[1]);
}

}  // namespace
}  // namespace otklik::site_test
