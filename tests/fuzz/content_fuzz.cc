// libFuzzer target: arbitrary bytes as the content files an editor writes:
// a Markdown document with YAML front matter, a survey file and site.yaml.
// Each must be read or refused with diagnostics, never crash; a document
// that is read has a body of valid UTF-8 (it is published as it is).

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "content/document.h"
#include "content/site_config.h"
#include "core/utf8.h"
#include "model/survey_loader.h"

namespace {

std::vector<otklik::Service> Services() {
  std::vector<otklik::Service> services(2);
  services[0].id = "pension";
  services[0].title = "Пенсия";
  services[1].id = "subsidy";
  services[1].title = "Субсидия";
  return services;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<otklik::Service> services = Services();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  {
    otklik::Diagnostics diagnostics;
    const std::optional<otklik::Document> document =
        otklik::ParseDocument("content/services/x.md", text, &diagnostics);
    if (document && !otklik::IsValidUtf8(document->body)) std::abort();
    if (!document && diagnostics.empty()) std::abort();  // refused without saying why
  }
  {
    otklik::Diagnostics diagnostics;
    const std::optional<otklik::Survey> survey = otklik::ParseSurvey("content/surveys/x.yaml", text, services,
                                                                     &diagnostics);
    if (!survey && diagnostics.empty()) std::abort();
  }
  {
    otklik::Diagnostics diagnostics;
    const std::optional<otklik::SiteConfig> config = otklik::ParseSiteConfig("content/site.yaml", text, &diagnostics);
    if (!config && diagnostics.empty()) std::abort();
  }
  return 0;
}
