#include "site/build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>

#include "core/parallel.h"
#include "core/plural.h"
#include "model/decision.h"
#include "render/decision_views.h"
#include "render/feeds.h"
#include "render/open_data.h"
#include "render/page_plan.h"
#include "render/sitemap.h"
#include "render/template_set.h"
#include "render/view_fingerprint.h"
#include "render/views.h"
#include "core/fallback_text.h"
#include "model/translation.h"
#include "stats/aggregator.h"
#include "stats/disclosure.h"
#include "site/content.h"
#include "site/publisher.h"
#include "site/reports.h"

namespace otklik {

// The responses, counted, with what must stay hidden and the thresholds.
// The results model: every figure computed once, before any page.
struct Figures {
  Figures(std::shared_ptr<Results> counted, const SiteConfig& config, const Date& as_of, PublishedTables tables,
          DisclosureMemo* memo, bool with_cuts, bool keep_views)
      : counted_(std::move(counted)),
        results(*counted_),
        published(std::move(tables)),
        disclosure(results, static_cast<uint64_t>(config.min_group_size), published, memo),
        model(results, disclosure, with_cuts),
        context{results,
                disclosure,
                model,
                as_of,
                {static_cast<uint64_t>(config.satisfaction_target), 100},
                {static_cast<uint64_t>(config.negative_share_limit), 100},
                keep_views ? &views : nullptr} {}
  std::shared_ptr<Results> counted_;  // shared with the memo of a preview
  const Results& results;
  PublishedTables published;
  Disclosure disclosure;
  ResultsModel model;
  ResultsViewCache views;
  ResultsContext context;
  Fingerprint names;  // of the site the model's texts and the views come from (a preview's)
};

namespace {

// A second language of the site: its content and the theme in its words.
struct Language {
  Translation translation;
  TemplateSet templates;
  ReportData reports;  // the appeals reports' texts, Russian and marked
};

struct Loaded {
  std::optional<Content> content;
  std::optional<TemplateSet> templates;
  std::deque<Language> languages;  ///< The site's languages after the first, in site.yaml's order.
  Diagnostics warnings;             ///< Never fatal (a translation of a removed file).
};

// What the memos' keys hold of the content files, taken before anything
// is read: a save during the build then leaves a key older than what was
// read, and the next build reads again, never the other way round.
struct ContentKeys {
  Fingerprint site_yaml;  ///< site.yaml, which holds the words of the theme's messages
  Fingerprint counts;     ///< surveys/, site.yaml, themes.yaml, calendar.yaml: what counting reads
};

ContentKeys TakeContentKeys(const FileSystem& fs, const std::string& content_dir) {
  ContentKeys keys;
  keys.counts = FolderFingerprint(fs, JoinPath(content_dir, "surveys"));
  for (const char* name : {"site.yaml", "themes.yaml", "calendar.yaml"}) {
    const Result<std::string> bytes = fs.ReadFile(JoinPath(content_dir, name));
    const Fingerprint file = FingerprintOf(bytes.ok() ? bytes.value() : std::string());
    if (std::string_view(name) == "site.yaml") keys.site_yaml = file;
    keys.counts = FingerprintOf(file.Hex(), FingerprintOf(name, keys.counts));
  }
  return keys;
}

// The theme's templates and its interface text in the agency's words; with
// `memo`, what the last build loaded when no file of the theme and not
// site.yaml, where the words are, changed.
ThemeMemo LoadTheme(const FileSystem& fs, const std::string& dir, const Fingerprint& site_yaml,
                    const AgencyWords& words, ThemeMemo* memo) {
  Fingerprint key;
  if (memo) {
    key = FolderFingerprint(fs, dir, site_yaml);
    if (memo->key == key && memo->templates) {
      return {key, memo->messages, memo->templates->Clone(), memo->found};
    }
  }
  ThemeMemo theme;
  theme.key = key;
  theme.messages = Messages::Load(fs, JoinPath(dir, "messages.yaml"), words, &theme.found);
  theme.templates = TemplateSet::Load(fs, dir, PageTemplateNames(), &theme.found,
                                      theme.messages ? &*theme.messages : nullptr, &DefaultTemplates());
  if (memo) *memo = {key, theme.messages, theme.templates ? std::optional(theme.templates->Clone()) : std::nullopt,
                     theme.found};
  return theme;
}

// The appeals reports as a page in another language shows them: their texts Russian, marked.
ReportData MarkedReports(const ReportData& russian) {
  ReportData reports = russian;
  for (QuarterReport& report : reports.reports) {
    report.summary = MarkedFallback(report.summary);
    for (Erratum& erratum : report.errata) {
      erratum.what = MarkedFallback(erratum.what);
      erratum.why = MarkedFallback(erratum.why);
    }
  }
  for (AppealReason& reason : reports.appeals.reasons) reason.title = MarkedFallback(reason.title);
  for (ClassifierEntry& entry : reports.appeals.classifier) entry.title = MarkedFallback(entry.title);
  return reports;
}

// Every language after the first: its content (content/<code>/) and the
// theme's templates with its catalogue.
void LoadLanguages(const FileSystem& fs, const BuildOptions& options, Loaded* loaded, Diagnostics* found,
                   Diagnostics* warnings) {
  const Content& content = *loaded->content;
  const std::vector<std::string>& languages = content.site.config().languages;
  for (size_t i = 1; i < languages.size(); ++i) {
    std::optional<Translation> translation =
        LoadTranslation(fs, options.content_dir, JoinPath(options.templates_dir, "messages." + languages[i] + ".yaml"),
                        languages[i], content.site, content.decisions, found);
    if (!translation) continue;
    warnings->Append(translation->warnings);
    std::optional<TemplateSet> templates = TemplateSet::Load(fs, options.templates_dir, PageTemplateNames(), found,
                                                             &translation->site.messages(), &DefaultTemplates());
    if (!templates) continue;
    loaded->languages.push_back({std::move(*translation), std::move(*templates), MarkedReports(content.reports)});
  }
}

Loaded Load(const FileSystem& fs, const BuildOptions& options, const ContentKeys& keys, Diagnostics* diagnostics) {
  ProgressStep step(*options.progress, "Чтение материалов");
  Diagnostics found;  // content and theme in one report
  Loaded loaded;
  loaded.content = LoadContent(
      fs, {options.content_dir, options.as_of, options.today, false, options.memo ? &options.memo->appeals : nullptr},
      &found);
  if (loaded.content && !options.base_url.empty()) loaded.content->site.MoveTo(options.base_url);
  if (loaded.content && !options.site_url.empty()) loaded.content->site.PublishAt(options.site_url);
  const AgencyWords words = loaded.content ? loaded.content->site.config().words : AgencyWords{};
  ThemeMemo theme =
      LoadTheme(fs, options.templates_dir, keys.site_yaml, words, options.memo ? &options.memo->theme : nullptr);
  found.Append(theme.found);
  loaded.templates = std::move(theme.templates);
  if (loaded.content && theme.messages) loaded.content->site.SetMessages(std::move(*theme.messages));
  if (loaded.content && theme.messages && loaded.templates) LoadLanguages(fs, options, &loaded, &found, &loaded.warnings);
  found.Sort();
  diagnostics->Append(found);
  return loaded;
}

// Each language of the site with its own name, for the switcher.
std::vector<LanguageName> LanguageNames(const Loaded& loaded) {
  const Messages& russian = loaded.content->site.messages();
  std::vector<LanguageName> names = {{russian.language(), russian["language.name"]}};
  for (const Language& language : loaded.languages) {
    const Messages& messages = language.translation.site.messages();
    names.push_back({language.translation.language, WithoutFallbackMarks(messages["language.name"])});
  }
  return names;
}

// Which report pages the build writes.
ReportPlan PlanReports(const ReportData& reports, const Results& results, const Date& as_of) {
  ReportPlan plan;
  for (const Period& quarter : ReportQuarters(reports.Context(), as_of)) {
    if (IsPublished(reports.reports, quarter, as_of)) plan.published.push_back(quarter);
    if (FindQuarter(reports.metrics, quarter)) plan.quarters.push_back(quarter);
  }
  // Half-years and years that are over and have survey responses: the
  // summaries on 1 July and 31 December (seed 004 §3.2).
  std::set<Period> summaries;
  for (const Period& quarter : results.Quarters()) {
    for (const Period::Kind kind : {Period::Kind::kHalf, Period::Kind::kYear}) {
      const Period period = Period::Of(kind, quarter.first());
      if (period.last() < as_of) summaries.insert(period);
    }
  }
  // In the order they were due: a year after its second half.
  plan.summaries.assign(summaries.begin(), summaries.end());
  std::sort(plan.summaries.begin(), plan.summaries.end(), [](const Period& a, const Period& b) {
    return std::pair(a.last(), a.kind) < std::pair(b.last(), b.kind);
  });
  const Site& site = results.site();
  for (size_t i = 0; i < site.surveys().size(); ++i) {
    if (site.surveys()[i].audience != Audience::kExternal) continue;
    std::vector<Period> periods = results.ResultPeriods(i, as_of);
    if (!periods.empty()) plan.survey_results.emplace_back(i, std::move(periods));
  }
  // The workspace: every survey with responses, external or internal, in
  // every period that is over, and over all its responses once completed.
  for (size_t i = 0; i < site.surveys().size(); ++i) {
    if (results.SurveyResponses(i) == 0) continue;
    ReportPlan::WorkspaceSurvey survey{i, {}, {}};
    for (const Period& period : results.ResultPeriods(i, as_of)) survey.periods.emplace_back(period);
    if (site.surveys()[i].StateOn(as_of) == SurveyState::kCompleted) survey.periods.emplace_back(std::nullopt);
    for (const size_t slot : results.plan(i).cut_slots()) survey.cuts.push_back(results.plan(i).slots()[slot].question);
    for (const Slot& slot : results.plan(i).slots()) survey.open_answers |= slot.kind == QuestionKind::kText;
    if (!survey.periods.empty()) plan.workspace.push_back(std::move(survey));
  }
  for (const Period& quarter : results.Quarters()) {
    if (quarter.last() < as_of) plan.notes.push_back(quarter);
  }
  return plan;
}

// The errors of work done in parallel, one slot per item (empty: none), in item order.
void AddErrors(std::vector<std::string> errors, Diagnostics* diagnostics) {
  for (std::string& error : errors) {
    if (!error.empty()) diagnostics->Add("", 0, std::move(error));
  }
}

// Renders every planned page in parallel, each worker with its own templates,
// but for those the publisher has already: returns how many it rendered.
// Pages of a language after the first go into its folder (`prefix`, "tt/"),
// their fallback marks made spans (core/fallback_text.h).
size_t RenderPages(const Site& site, const TemplateSet& templates, const BuildOptions& options,
                 const ResultsContext* results, const ReportsContext* reports, const ReportPlan& report_plan,
                 const DecisionsContext* decisions, const std::vector<OpenDataSet>* open_data,
                 const std::vector<LanguageName>& languages, const std::vector<PlannedPage>& plan,
                 const std::string& prefix, std::string_view step_name, Publisher& publisher,
                 Diagnostics* diagnostics) {
  const MarkdownRenderer markdown(site.config().allow_raw_html);
  const ViewContext context{site,        markdown,  options.as_of, results, reports, &report_plan,
                            decisions,   open_data, &languages};
  std::vector<TemplateSet> per_worker;
  for (unsigned w = 0; w < WorkerCount(options.threads); ++w) per_worker.push_back(templates.Clone());
  std::vector<std::string> errors(plan.size());
  ProgressStep step(*options.progress, step_name, plan.size());
  step.set_summary(CountWithNoun(static_cast<long>(plan.size()), "страница", "страницы", "страниц"));
  std::atomic<size_t> rendered = 0;
  // What every page's render depends on besides its view: this program and the templates.
  const Fingerprint renderer = templates.TextFingerprint(ProgramFingerprint());
  ParallelFor(
      plan.size(),
      [&](size_t i, unsigned worker) {
        const PlannedPage& page = plan[i];
        nlohmann::json view = BuildView(context, page);
        const PageKindInfo& kind = page.info();
        const Fingerprint key = ViewFingerprint(
            view, FingerprintOf(std::string(kind.template_name) + (kind.layout ? "" : "\nno layout"), renderer));
        // Published and staged as this very render would make it: nothing to do.
        const std::string output = prefix + page.output;
        if (publisher.Reuse(output, key)) {
          step.Advance();
          return;
        }
        rendered.fetch_add(1, std::memory_order_relaxed);
        Result<std::string> html = per_worker[worker].Render(kind.template_name, view, kind.layout);
        if (!html.ok()) {
          errors[i] = html.status().message();
          return;
        }
        if (!prefix.empty()) html.value() = FallbackMarksToHtml(html.value());
        if (Status written = publisher.Write(output, html.value(), &key); !written.ok()) {
          errors[i] = written.message();
        }
        step.Advance();
      },
      options.threads);
  AddErrors(std::move(errors), diagnostics);
  return rendered;
}

void CopyAssets(const FileSystem& fs, const std::string& templates_dir, Publisher& publisher,
                Diagnostics* diagnostics, const std::string& prefix = "") {
  const std::string assets = JoinPath(templates_dir, "assets");
  const std::vector<std::string> files = fs.ListFiles(assets);
  for (const std::string& file : files) {
    Result<std::string> bytes = fs.ReadFile(JoinPath(assets, file));
    Status status = bytes.ok() ? publisher.Write(prefix + JoinPath("assets", file), bytes.value()) : bytes.status();
    if (!status.ok()) diagnostics->Add("", 0, status.message());
  }
}

// Each language's sitemap.
std::string RobotsTxt(const SiteConfig& config) {
  std::string robots = "User-agent: *\nAllow: /\n";
  for (const std::string& language : config.languages) {
    robots += "Sitemap: " + config.base_url + (language == config.languages.front() ? "" : language + "/") +
              "sitemap.xml\n";
  }
  return robots;
}

// Writes `files` to `publisher` on every thread.
void WriteFiles(const std::vector<FeedFile>& files, Publisher& publisher, unsigned threads, Diagnostics* diagnostics) {
  // Ten thousand services have ten thousand feeds: each is checked against both trees, on every thread.
  std::vector<std::string> errors(files.size());
  ParallelFor(
      files.size(),
      [&](size_t i, unsigned) {
        if (Status written = publisher.Write(files[i].path, files[i].bytes); !written.ok()) {
          errors[i] = written.message();
        }
      },
      threads);
  AddErrors(std::move(errors), diagnostics);
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
  Output(Publisher& portal, const std::string& folder, std::vector<PlannedPage> pages)
      : plan(std::move(pages)), publisher(portal, folder) {}
  std::vector<PlannedPage> plan;
  Publisher publisher;
};

// What the counts of the responses depend on besides the stored files: see ResponsesMemo.
Fingerprint CountsKey(const Site& site, const ContentKeys& keys, const std::string& responses) {
  Fingerprint key = keys.counts;
  // Counts are kept by a service's and a touchpoint's place in the site's order.
  for (const Service& service : site.services()) key = FingerprintOf(service.id, key);
  key = FingerprintOf("touchpoints", key);
  for (const Touchpoint& point : site.touchpoints()) key = FingerprintOf(point.id, key);
  // A stored file by its stamp (the receiver only appends to a segment), on
  // the disk Aggregate reads them from.
  const RealFileSystem disk;
  for (const std::string& file : disk.ListFiles(responses)) {
    key = FingerprintOf(file, key);
    if (const std::optional<FileStamp> stamp = disk.Stamp(JoinPath(responses, file))) {
      key = FingerprintOf(std::to_string(stamp->size) + " " + std::to_string(stamp->modified_ns), key);
    }
  }
  return key;
}

// The responses counted; with a memo, the last build's counts pointed at
// this build's site when nothing they depend on changed.
std::shared_ptr<Results> CountResponses(const Site& site, const BuildOptions& options, const ContentKeys& keys,
                                        BuildSummary* summary) {
  const std::string responses = JoinPath(options.data_dir, "responses");
  if (!options.memo) {
    return std::make_shared<Results>(
        Aggregate(site, responses, options.threads, &summary->warnings, *options.progress));
  }
  ResponsesMemo& memo = options.memo->responses;
  const Fingerprint key = CountsKey(site, keys, responses);
  if (!memo.results || memo.key != key || !memo.results->Rebind(site)) {
    Diagnostics warnings;
    memo.results = std::make_shared<Results>(Aggregate(site, responses, options.threads, &warnings, *options.progress));
    memo = {key, memo.results, std::move(warnings)};
  }
  summary->warnings.Append(memo.warnings);
  return memo.results;
}

// What disclosure control and the results model read besides the counts
// (whose key covers the surveys, site.yaml with its thresholds and
// indicators, themes and the order of services and touchpoints): how
// services group into situations and touchpoints, the interface text (the
// theme's key), the day and whether cuts are computed. Not the names: see
// NamesKey.
Fingerprint FiguresKey(const Site& site, const BuildOptions& options) {
  Fingerprint key = FingerprintOf(options.memo->responses.key.Hex(), options.memo->theme.key);
  key = FingerprintOf(options.as_of.ToString() + (options.internal_dir.empty() ? " public" : " internal"), key);
  for (const Service& service : site.services()) {
    key = FingerprintOf(service.id + " " + std::to_string(static_cast<int>(service.kind)), key);
  }
  for (const LifeSituation& situation : site.situations()) {
    key = FingerprintOf("situation " + situation.id, key);
    for (const std::string& service : situation.services) key = FingerprintOf(service, key);
  }
  for (const Touchpoint& point : site.touchpoints()) {
    key = FingerprintOf("touchpoint " + point.id + " " + point.kind + " " + std::to_string(static_cast<int>(point.channel)),
                        key);
    for (const std::string& service : point.services) key = FingerprintOf(service, key);
  }
  return key;
}

// What the model's answer rows and the views of results show besides the
// figures and the interface text: the names of services (a service's title
// is an option of the service question), situations and touchpoints.
Fingerprint NamesKey(const Site& site) {
  Fingerprint key;
  for (const Service& service : site.services()) key = FingerprintOf(service.title, key);
  for (const LifeSituation& situation : site.situations()) key = FingerprintOf(situation.title, key);
  for (const Touchpoint& point : site.touchpoints()) key = FingerprintOf(point.title, key);
  return key;
}

// The figures of this build; with a memo, the last build's while the counts
// are the same object and nothing else they were made from changed.
std::shared_ptr<Figures> ComputeFigures(std::shared_ptr<Results> results, const Site& site,
                                        PublishedTables published, const BuildOptions& options) {
  const bool with_cuts = !options.internal_dir.empty();
  if (!options.memo) {
    return std::make_shared<Figures>(std::move(results), site.config(), options.as_of, std::move(published), nullptr,
                                     with_cuts, /*keep_views=*/false);
  }
  FiguresMemo& memo = options.memo->figures;
  const Fingerprint key = FiguresKey(site, options);
  if (!memo.figures || memo.key != key || memo.figures->counted_ != results || memo.figures->published != published) {
    memo.figures.reset();  // the old model and its views go first
    memo.figures = std::make_shared<Figures>(std::move(results), site.config(), options.as_of, std::move(published),
                                             &options.memo->disclosure, with_cuts, /*keep_views=*/true);
    memo.key = key;
    memo.figures->names = NamesKey(site);
  } else if (const Fingerprint names = NamesKey(site); names != memo.figures->names) {
    memo.figures->model.Rename();  // Results::Rebind took the new texts
    memo.figures->views.Clear();
    memo.figures->names = names;
  }
  return memo.figures;
}

std::shared_ptr<Figures> AggregateResponses(const Site& site, const std::vector<Decision>& decisions,
                                                  const BuildOptions& options, const ContentKeys& keys,
                                                  BuildSummary* summary) {
  const auto start = std::chrono::steady_clock::now();
  std::shared_ptr<Results> results = CountResponses(site, options, keys, summary);
  summary->aggregate_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ProgressStep step(*options.progress, "Защита малых групп");
  PublishedTables published = PublishedTablesOf(site, *results, decisions, options.as_of);
  std::shared_ptr<Figures> aggregated = ComputeFigures(std::move(results), site, std::move(published), options);
  summary->responses = aggregated->results.scan.lines;
  const DisclosureSummary& disclosure = aggregated->disclosure.summary();
  summary->disclosure = disclosure;
  step.set_summary("объединено вариантов — " + std::to_string(disclosure.recoded) + ", скрыто: по порогу — " +
                   std::to_string(disclosure.primary) + ", дополнительно — " + std::to_string(disclosure.complementary) +
                   "; проверено скрытых чисел — " + std::to_string(disclosure.audited) + " (задач — " +
                   std::to_string(disclosure.problems) + ", проверок — " + std::to_string(disclosure.rounds) + ")");
  return aggregated;
}

// The public site and, when there is anything internal, the internal output.
bool PlanOutputs(FileSystem& fs, const Loaded& loaded, const BuildOptions& options, bool has_responses,
                 const ReportPlan& reports, std::vector<std::unique_ptr<Output>>* outputs, Diagnostics* diagnostics) {
  const Site& site = loaded.content->site;
  std::vector<PlannedPage> pages = PlanPages(site, options.as_of, reports, loaded.content->decisions);
  outputs->push_back(options.portal ? std::make_unique<Output>(*options.portal, options.out_dir, std::move(pages))
                                    : std::make_unique<Output>(fs, options.out_dir, std::move(pages)));
  if (options.internal_dir.empty()) return true;
  std::vector<PlannedPage> internal = PlanInternalPages(site, options.as_of, has_responses, reports);
  if (internal.empty()) return true;
  if (IsInside(options.internal_dir, options.out_dir) || IsInside(options.out_dir, options.internal_dir)) {
    diagnostics->Add(options.internal_dir, 0, "папка для внутренних материалов не может совпадать с папкой сайта " +
                                                  options.out_dir + ", лежать в ней или содержать её; укажите другую "
                                                  "папку в --internal");
    return false;
  }
  // The internal templates a theme needs are those of the pages planned.
  for (const PlannedPage& page : internal) {
    const std::string name = page.info().template_name;
    if (loaded.templates->Has(name)) continue;
    diagnostics->Add(JoinPath(options.templates_dir, name + ".mustache"), 0,
                     "нет шаблона внутренних страниц");
    return false;
  }
  outputs->push_back(std::make_unique<Output>(fs, options.internal_dir, std::move(internal)));
  return true;
}

// Returns how many public pages it rendered.
size_t RenderOutputs(const FileSystem& fs, const Loaded& loaded, const Figures& aggregated,
                   const ReportsContext& reports, const ReportPlan& report_plan, const BuildOptions& options,
                   std::vector<std::unique_ptr<Output>>& outputs, Diagnostics* warnings, Diagnostics* diagnostics) {
  const Site& site = loaded.content->site;
  DecisionFacts facts;  // this build's, for every page and file that lists a decision
  const DecisionsContext decisions{loaded.content->decisions, &aggregated.context, &reports, &facts};
  // What editors typed against what the site shows: warnings, never fatal.
  for (const Decision* decision : DecisionsOnMap(loaded.content->decisions, options.as_of)) {
    for (const std::string& warning : CheckPrevalence(site, decisions, *decision).warnings) {
      warnings->Add(decision->path, 0, warning);
    }
  }
  const std::vector<OpenDataSet> open_data = OpenDataSets(site, decisions, options.as_of);
  const std::vector<LanguageName> languages = LanguageNames(loaded);
  size_t rendered = 0;
  for (auto& output : outputs) {
    if (Status begun = output->publisher.Begin(); !begun.ok()) {
      diagnostics->Add("", 0, begun.message());
      return rendered;
    }
    const bool public_site = output == outputs.front();
    const size_t count = RenderPages(site, *loaded.templates, options, &aggregated.context, &reports, report_plan,
                                     &decisions, &open_data, languages, output->plan, "",
                                     public_site ? "Страницы" : "Страницы для сотрудников", output->publisher,
                                     diagnostics);
    if (public_site) rendered = count;
    CopyAssets(fs, options.templates_dir, output->publisher, diagnostics);
  }
  Publisher& published = outputs.front()->publisher;
  std::vector<FeedFile> files = RenderFeeds(site, decisions, options.as_of, options.threads);
  for (FeedFile& file : OpenDataFiles(site, open_data)) files.push_back(std::move(file));
  files.push_back({"sitemap.xml", RenderSitemap(site.config().base_url, outputs.front()->plan)});
  files.push_back({"robots.txt", RobotsTxt(site.config())});
  WriteFiles(files, published, options.threads, diagnostics);
  return rendered;
}

// The public pages of a language after the first, in its folder: the same
// figures (the counts read through the language's site, Results::Rebind),
// its texts; its feeds and sitemap. Open data is published once, at the
// root. Returns how many pages it rendered.
size_t RenderLanguage(const FileSystem& fs, const Loaded& loaded, const Language& language, Figures& figures,
                      const ReportPlan& report_plan, const BuildOptions& options, Publisher& publisher,
                      Diagnostics* diagnostics) {
  const Site& site = language.translation.site;
  const std::string prefix = language.translation.language + "/";
  if (!figures.counted_->Rebind(site)) {
    diagnostics->Add(JoinPath(options.content_dir, language.translation.language), 0,
                     "перевод изменил устройство опросов: коды вопросов и ответов должны быть те же, что в русских");
    return 0;
  }
  figures.model.Rename();
  figures.views.Clear();
  const ReportsContext reports = language.reports.Context();
  DecisionFacts facts;
  const DecisionsContext decisions{language.translation.decisions, &figures.context, &reports, &facts};
  const std::vector<OpenDataSet> open_data = OpenDataSets(site, decisions, options.as_of);
  const std::vector<PlannedPage> plan = PlanPages(site, options.as_of, report_plan, language.translation.decisions);
  const size_t rendered =
      RenderPages(site, language.templates, options, &figures.context, &reports, report_plan, &decisions, &open_data,
                  LanguageNames(loaded), plan, prefix, "Страницы (" + language.translation.language + ")", publisher,
                  diagnostics);
  CopyAssets(fs, options.templates_dir, publisher, diagnostics, prefix);
  std::vector<FeedFile> files = RenderFeeds(site, decisions, options.as_of, options.threads);
  files.push_back({"sitemap.xml", RenderSitemap(site.config().base_url, plan)});
  for (FeedFile& file : files) {
    file.path = prefix + file.path;
    file.bytes = WithoutFallbackMarks(file.bytes);
  }
  WriteFiles(files, publisher, options.threads, diagnostics);
  return rendered;
}

bool Publish(std::vector<std::unique_ptr<Output>>& outputs, Diagnostics* diagnostics) {
  for (auto& output : outputs) {
    if (Status committed = output->publisher.Commit(); !committed.ok()) {
      diagnostics->Add("", 0, committed.message());
      return false;
    }
  }
  return true;
}

}  // namespace

PublishedTables PublishedTablesOf(const Site& site, const Results& results, const std::vector<Decision>& decisions,
                                  const Date& as_of) {
  PublishedTables published;
  published.as_of = as_of;
  for (size_t i = 0; i < site.surveys().size(); ++i) {
    const Survey& survey = site.surveys()[i];
    const SurveyState state = survey.StateOn(as_of);
    if ((survey.audience == Audience::kExternal && state == SurveyState::kCompleted) ||
        (survey.audience == Audience::kInternal && state != SurveyState::kUpcoming)) {
      published.surveys.insert({i, std::nullopt});
    }
    // Every survey's results per period: public pages of external surveys,
    // the workspace of the internal output for all of them.
    for (const Period& period : results.ResultPeriods(i, as_of)) published.surveys.insert({i, period});
  }
  const Period last = LastCompleteQuarter(as_of);
  for (const Decision& decision : decisions) {
    for (const Evidence& evidence : decision.evidence) {
      const std::optional<Period> period = Period::FromKey(evidence.period);
      if (evidence.kind == Evidence::Kind::kAppeals || !period) continue;
      for (size_t i = 0; i < site.surveys().size(); ++i) {
        if (site.surveys()[i].id != evidence.survey) continue;
        if (evidence.kind == Evidence::Kind::kTheme) {
          // A theme's count stands on the open question's base and, per service, the service question's row.
          const Survey& survey = site.surveys()[i];
          if (const Question* open = OpenQuestionOf(survey, evidence.question)) {
            published.questions.insert({i, open->id, *period});
          }
          if (const Question* service = survey.ServiceQuestion()) published.questions.insert({i, service->id, *period});
          continue;
        }
        published.questions.insert({i, evidence.question, *period});
        for (Period q = Period::Of(Period::Kind::kQuarter, period->last()).Next(); q <= last; q = q.Next()) {
          published.questions.insert({i, evidence.question, q});
        }
      }
    }
  }
  return published;
}

bool Build(FileSystem& fs, const BuildOptions& options, BuildSummary* summary, Diagnostics* diagnostics) {
  const size_t errors_before = diagnostics->size();
  const ContentKeys keys = options.memo ? TakeContentKeys(fs, options.content_dir) : ContentKeys{};
  Loaded loaded = Load(fs, options, keys, diagnostics);
  if (!loaded.content || !loaded.templates) return false;
  summary->warnings.Append(loaded.warnings);
  CheckFrozenReports(loaded.content->site, loaded.content->reports, options.as_of, diagnostics);
  if (diagnostics->size() != errors_before) return false;
  const std::shared_ptr<Figures> aggregated =
      AggregateResponses(loaded.content->site, loaded.content->decisions, options, keys, summary);
  // Nothing is published while a hidden number can still be worked out.
  for (const std::string& exposed : aggregated->disclosure.exposed()) {
    diagnostics->Add(JoinPath(options.data_dir, "responses"), 0, "защита малых групп: " + exposed);
  }
  if (diagnostics->size() != errors_before) return false;
  const ReportPlan report_plan = PlanReports(loaded.content->reports, aggregated->results, options.as_of);
  const ReportsContext reports = loaded.content->reports.Context();
  std::vector<std::unique_ptr<Output>> outputs;
  if (!PlanOutputs(fs, loaded, options, summary->responses > 0, report_plan, &outputs, diagnostics)) return false;
  summary->rendered =
      RenderOutputs(fs, loaded, *aggregated, reports, report_plan, options, outputs, &summary->warnings, diagnostics);
  if (!loaded.languages.empty() && diagnostics->size() == errors_before) {
    for (const Language& language : loaded.languages) {
      summary->rendered += RenderLanguage(fs, loaded, language, *aggregated, report_plan, options,
                                          outputs.front()->publisher, diagnostics);
      const Messages& messages = language.translation.site.messages();
      for (const std::string& key : messages.Missing()) {
        diagnostics->Add(messages.path(), 0, "нет сообщения «" + key + "»: его показывают страницы сайта");
      }
    }
    // The counts and the model read through the Russian site again, as the next build (serve) expects.
    aggregated->counted_->Rebind(loaded.content->site);
    aggregated->model.Rename();
    aggregated->views.Clear();
  }
  // A theme's catalogue that lacks a message the pages ask for: nothing is published with a hole in it.
  const Messages& messages = loaded.content->site.messages();
  for (const std::string& key : messages.Missing()) {
    diagnostics->Add(messages.path(), 0, "нет сообщения «" + key + "»: его показывают страницы сайта");
  }
  if (diagnostics->size() != errors_before) return false;
  {
    ProgressStep step(*options.progress, "Публикация");
    if (!Publish(outputs, diagnostics)) return false;
    step.set_summary("изменено файлов: " + std::to_string(outputs.front()->publisher.changed()));
  }
  summary->pages = outputs.front()->plan.size() * (1 + loaded.languages.size());
  summary->assets = fs.ListFiles(JoinPath(options.templates_dir, "assets")).size();
  summary->changed = outputs.front()->publisher.changed();
  summary->changed_files = outputs.front()->publisher.changed_files();
  summary->internal_pages = outputs.size() > 1 ? outputs.back()->plan.size() : 0;
  return true;
}

}  // namespace otklik
