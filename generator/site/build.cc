#include "site/build.h"

#include <algorithm>
#include <filesystem>
#include <memory>
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
        Result<std::string> html = per_worker[worker].Render(page.template_name, BuildView(context, page), page.layout);
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

void CopyAssets(const FileSystem& fs, const std::string& templates_dir, Publisher& publisher,
                Diagnostics* diagnostics) {
  const std::string assets = JoinPath(templates_dir, "assets");
  const std::vector<std::string> files = fs.ListFiles(assets);
  for (const std::string& file : files) {
    Result<std::string> bytes = fs.ReadFile(JoinPath(assets, file));
    Status status = bytes.ok() ? publisher.Write(JoinPath("assets", file), bytes.value()) : bytes.status();
    if (!status.ok()) diagnostics->Add("", 0, status.message());
  }
}

std::string RobotsTxt(const std::string& base_url) {
  return "User-agent: *\nAllow: /\nSitemap: " + base_url + "sitemap.xml\n";
}

// Whether `path` is `folder` or lies inside it, as the paths are written
// (relative ones against the working folder).
bool IsInside(const std::string& path, const std::string& folder) {
  namespace fs = std::filesystem;
  const fs::path child = fs::absolute(path).lexically_normal();
  const fs::path parent = fs::absolute(folder).lexically_normal();
  const auto [end, unused] = std::mismatch(parent.begin(), parent.end(), child.begin(), child.end());
  return end == parent.end() || (std::next(end) == parent.end() && end->empty());
}

// One output folder being built: its pages and its publisher.
struct Output {
  Output(FileSystem& fs, const std::string& dir, std::vector<PlannedPage> pages)
      : plan(std::move(pages)), publisher(fs, dir) {}
  std::vector<PlannedPage> plan;
  Publisher publisher;
};

}  // namespace

bool Build(FileSystem& fs, const BuildOptions& options, BuildSummary* summary, Diagnostics* diagnostics) {
  const size_t errors_before = diagnostics->size();
  Loaded loaded = Load(fs, options, diagnostics);
  if (!loaded.site || !loaded.templates) return false;
  const Site& site = *loaded.site;

  std::vector<std::unique_ptr<Output>> outputs;
  outputs.push_back(std::make_unique<Output>(fs, options.out_dir, PlanPages(site, options.as_of)));
  if (std::vector<PlannedPage> internal = PlanInternalPages(site, options.as_of); !internal.empty()) {
    if (IsInside(options.internal_dir, options.out_dir) || IsInside(options.out_dir, options.internal_dir)) {
      diagnostics->Add(options.internal_dir, 0, "папка для внутренних материалов не может совпадать с папкой сайта " +
                                                    options.out_dir + ", лежать в ней или содержать её; укажите другую "
                                                    "папку в --internal");
      return false;
    }
    if (!loaded.templates->Has(kInternalHomeTemplate)) {
      diagnostics->Add(JoinPath(options.templates_dir, std::string(kInternalHomeTemplate) + ".mustache"), 0,
                       "нет шаблона страницы внутренних опросов");
      return false;
    }
    outputs.push_back(std::make_unique<Output>(fs, options.internal_dir, std::move(internal)));
  }
  for (auto& output : outputs) {
    if (Status begun = output->publisher.Begin(); !begun.ok()) {
      diagnostics->Add("", 0, begun.message());
      return false;
    }
    RenderPages(site, *loaded.templates, options, output->plan, output->publisher, diagnostics);
    CopyAssets(fs, options.templates_dir, output->publisher, diagnostics);
  }
  Publisher& public_site = outputs.front()->publisher;
  for (const auto& [file, bytes] :
       {std::pair{"sitemap.xml", RenderSitemap(site.config().base_url, outputs.front()->plan)},
        std::pair{"robots.txt", RobotsTxt(site.config().base_url)}}) {
    if (Status written = public_site.Write(file, bytes); !written.ok()) diagnostics->Add("", 0, written.message());
  }
  if (diagnostics->size() != errors_before) return false;
  for (auto& output : outputs) {
    if (Status committed = output->publisher.Commit(); !committed.ok()) {
      diagnostics->Add("", 0, committed.message());
      return false;
    }
  }
  summary->pages = outputs.front()->plan.size();
  summary->assets = fs.ListFiles(JoinPath(options.templates_dir, "assets")).size();
  summary->changed = public_site.changed();
  summary->internal_pages = outputs.size() > 1 ? outputs.back()->plan.size() : 0;
  return true;
}

}  // namespace otklik
