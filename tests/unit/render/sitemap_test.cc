#include "render/sitemap.h"

#include <catch2/catch.hpp>

namespace otklik::sitemap_test {
namespace {

template <typename T>
T Item(std::string id, std::string title) {
  T item;
  item.id = std::move(id);
  item.title = std::move(title);
  return item;
}

TEST_CASE("RenderSitemap lists every planned page under base_url") {
  const Site site(SiteConfig{}, {Item<Service>("pension", "Пенсия")}, {Item<LifeSituation>("birth", "Рождение")},
                  {Item<Touchpoint>("mfc", "МФЦ")}, {Item<Page>("about", "О проекте")});
  CHECK(RenderSitemap("https://otklik.example.ru/", PlanPages(site, Date(2026, 11, 23))) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "  <url><loc>https://otklik.example.ru/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/services/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/situations/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/touchpoints/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/surveys/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/results/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/results/methodology/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/reports/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/services/pension/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/situations/birth/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/touchpoints/mfc/</loc></url>\n"
      "  <url><loc>https://otklik.example.ru/decisions/</loc></url>\n"
      "  <url><loc>https://otklik.example.ru/data/</loc></url>\n"
        "  <url><loc>https://otklik.example.ru/about/</loc></url>\n"
        "</urlset>\n");
}

TEST_CASE("RenderSitemap lists the published quarterly reports and the survey summaries after reports/") {
  ReportPlan reports;
  reports.published = {{Period::Kind::kQuarter, 2026, 3}};
  reports.summaries = {{Period::Kind::kHalf, 2026, 1}};
  reports.quarters = {{Period::Kind::kQuarter, 2026, 3}, {Period::Kind::kQuarter, 2026, 4}};  // internal only
  CHECK(RenderSitemap("https://a.ru/", PlanPages(Site(SiteConfig{}, {}, {}, {}, {}), Date(2026, 11, 23), reports)) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "  <url><loc>https://a.ru/</loc></url>\n"
        "  <url><loc>https://a.ru/services/</loc></url>\n"
        "  <url><loc>https://a.ru/situations/</loc></url>\n"
        "  <url><loc>https://a.ru/touchpoints/</loc></url>\n"
        "  <url><loc>https://a.ru/surveys/</loc></url>\n"
        "  <url><loc>https://a.ru/results/</loc></url>\n"
        "  <url><loc>https://a.ru/results/methodology/</loc></url>\n"
        "  <url><loc>https://a.ru/reports/</loc></url>\n"
        "  <url><loc>https://a.ru/reports/2026-q3/</loc></url>\n"
        "  <url><loc>https://a.ru/reports/2026-h1/</loc></url>\n"
      "  <url><loc>https://a.ru/decisions/</loc></url>\n"
      "  <url><loc>https://a.ru/data/</loc></url>\n"
        "</urlset>\n");
}

TEST_CASE("RenderSitemap leaves out pages that are not listed") {
  const std::vector<PlannedPage> pages = {
      {PageKind::kHome, 0, "", "index.html"},
      {PageKind::kSurveyEmbed, 0, "surveys/s/embed/", "surveys/s/embed/index.html"},
      {PageKind::kNotFound, 0, "404.html", "404.html"}};
  CHECK(RenderSitemap("https://a.ru/", pages) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "  <url><loc>https://a.ru/</loc></url>\n"
        "</urlset>\n");
}

TEST_CASE("RenderSitemap of no pages is an empty urlset") {
  CHECK(RenderSitemap("https://a.ru/", {}) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "</urlset>\n");
}

TEST_CASE("RenderSitemap escapes the addresses") {
  const std::vector<PlannedPage> pages = {
      {PageKind::kService, 0, "services/a'b/", "services/a'b/index.html"}};
  CHECK(RenderSitemap("https://a.ru/?x=1&y=<2>/", pages) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "  <url><loc>https://a.ru/?x=1&amp;y=&lt;2&gt;/services/a&#39;b/</loc></url>\n"
        "</urlset>\n");
}

TEST_CASE("EscapeXml escapes the five XML special characters") {
  CHECK(EscapeXml("&") == "&amp;");
  CHECK(EscapeXml("<") == "&lt;");
  CHECK(EscapeXml(">") == "&gt;");
  CHECK(EscapeXml("\"") == "&quot;");
  CHECK(EscapeXml("'") == "&#39;");
  CHECK(EscapeXml("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST_CASE("EscapeXml leaves other text, UTF-8 included, as it is") {
  CHECK(EscapeXml("") == "");
  CHECK(EscapeXml("Обратная связь: 100% / ok") == "Обратная связь: 100% / ok");
  CHECK(EscapeXml("&amp;") == "&amp;amp;");
}

}  // namespace
}  // namespace otklik::sitemap_test
