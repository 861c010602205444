#include "render/sitemap.h"

namespace otklik {

std::string RenderSitemap(const std::string& base_url, const std::vector<PlannedPage>& pages) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const PlannedPage& page : pages) {
    if (!page.info().listed) continue;
    out += "  <url><loc>" + EscapeXml(base_url + page.url) + "</loc></url>\n";
  }
  out += "</urlset>\n";
  return out;
}

}  // namespace otklik
