#include "site/build.h"

#include <optional>

#include "core/parallel.h"
#include "model/site_loader.h"
#include "render/page_plan.h"
#include "render/sitemap.h"
#include "render/template_set.h"
#include "render/views.h"
#include "site/publisher.h"

namespace otklik {

namespace {

struct Loaded {
  std::optional<Site> site;
  std::optional<TemplateSet> templates;
};

Loaded Load(const FileSystem& fs, const BuildOptions& options, Diagnostics* diagnostics) {
  Loaded loaded;
  loaded.site = LoadSite(fs, options.content_dir, diagnostics);
  loaded.templates = TemplateSet::Load(fs, options.templates_dir, PageTemplateNames(), diagnostics);
  return loaded;
}

// Renders every planned page in parallel, each worker with its own templates.
void RenderPages(const Site& site, const TemplateSet& templates, const BuildOptions& options,
                 const std::vector<PlannedPage>& plan, Publisher& publisher, Diagnostics* diagnostics) {
  const MarkdownRenderer markdown(site.config().allow_raw_html);
  const ViewContext context{site, markdown, options.as_of};
  std::vector<TemplateSet> per_worker;
  for (unsigned w = 0; w < WorkerCount(options.threads); ++w) per_worker.push_back(templates.Clone());
  std::vector<std::string> errors(plan.size());
  ParallelFor(
      plan.size(),
      [&](size_t i, unsigned worker) {
        const PlannedPage& page = plan[i];
        Result<std::string> html = per_worker[worker].Render(page.template_name, BuildView(context, page));
        if (!html.ok()) {
          errors[i] = html.status().message();
          return;
        }
        if (Status written = publisher.Write(page.output, html.value()); !written.ok()) {
          errors[i] = written.message();
        }
      },
      options.threads);
  for (std::string& error : errors) {
    if (!error.empty()) diagnostics->Add("", 0, std::move(error));
  }
}

size_t CopyAssets(const FileSystem& fs, const std::string& templates_dir, Publisher& publisher,
                  Diagnostics* diagnostics) {
  const std::string assets = JoinPath(templates_dir, "assets");
  const std::vector<std::string> files = fs.ListFiles(assets);
  for (const std::string& file : files) {
    Result<std::string> bytes = fs.ReadFile(JoinPath(assets, file));
    Status status = bytes.ok() ? publisher.Write(JoinPath("assets", file), bytes.value()) : bytes.status();
    if (!status.ok()) diagnostics->Add("", 0, status.message());
  }
  return files.size();
}

std::string RobotsTxt(const std::string& base_url) {
  return "User-agent: *\nAllow: /\nSitemap: " + base_url + "sitemap.xml\n";
}

}  // namespace

bool Build(FileSystem& fs, const BuildOptions& options, BuildSummary* summary, Diagnostics* diagnostics) {
  const size_t errors_before = diagnostics->size();
  Loaded loaded = Load(fs, options, diagnostics);
  if (!loaded.site || !loaded.templates) return false;
  const Site& site = *loaded.site;

  Publisher publisher(fs, options.out_dir);
  if (Status begun = publisher.Begin(); !begun.ok()) {
    diagnostics->Add("", 0, begun.message());
    return false;
  }
  const std::vector<PlannedPage> plan = PlanPages(site);
  RenderPages(site, *loaded.templates, options, plan, publisher, diagnostics);
  summary->assets = CopyAssets(fs, options.templates_dir, publisher, diagnostics);
  for (const auto& [file, bytes] : {std::pair{"sitemap.xml", RenderSitemap(site.config().base_url, plan)},
                                    std::pair{"robots.txt", RobotsTxt(site.config().base_url)}}) {
    if (Status written = publisher.Write(file, bytes); !written.ok()) diagnostics->Add("", 0, written.message());
  }
  if (diagnostics->size() != errors_before) return false;
  if (Status committed = publisher.Commit(); !committed.ok()) {
    diagnostics->Add("", 0, committed.message());
    return false;
  }
  summary->pages = plan.size();
  summary->changed = publisher.changed();
  return true;
}

}  // namespace otklik
