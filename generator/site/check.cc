#include "site/check.h"

#include "core/fallback_text.h"
#include "model/translation.h"

#include "site/build.h"

#include <algorithm>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "model/cadence.h"
#include "model/decision.h"
#include "render/decision_views.h"
#include "render/page_plan.h"
#include "site/content.h"
#include "site/reports.h"
#include "stats/aggregator.h"

namespace otklik {

namespace {

void CheckDecisions(const std::vector<Decision>& decisions, const Date& as_of, CheckReport* report) {
  for (const Decision* decision : DecisionsOnMap(decisions, as_of)) {
    ++report->decisions;
    const DecisionState state = StateOf(*decision, as_of, kDueSoonDays);
    if (!state.overdue && !state.due_soon) continue;
    const Measure* first = nullptr;
    for (const Measure& measure : decision->measures) {
      const MeasureStatus status = StatusOn(measure, as_of);
      if (status == MeasureStatus::kDone || status == MeasureStatus::kCancelled) continue;
      if (!first || measure.deadline < first->deadline) first = &measure;
    }
    CheckedDecision checked{decision->id, decision->path, decision->title, first->title, first->responsible,
                            first->deadline};
    (state.overdue ? report->overdue_decisions : report->due_soon_decisions).push_back(std::move(checked));
  }
  for (auto* list : {&report->overdue_decisions, &report->due_soon_decisions}) {
    std::stable_sort(list->begin(), list->end(), [](const CheckedDecision& a, const CheckedDecision& b) {
      return std::tie(a.deadline, a.id) < std::tie(b.deadline, b.id);
    });
  }
}

// Markdown images with an empty text alternative: «![](photo.jpg)».
void CheckAltText(const FileSystem& fs, const std::string& content_dir, Diagnostics* problems) {
  static const std::regex kImage(R"(!\[\s*\]\()");
  for (const char* folder : {"services", "situations", "touchpoints", "pages", "decisions"}) {
    const std::string dir = JoinPath(content_dir, folder);
    for (const std::string& file : fs.ListFiles(dir)) {
      if (!file.ends_with(".md")) continue;
      const std::string path = JoinPath(dir, file);
      Result<std::string> text = fs.ReadFile(path);
      if (!text.ok()) continue;
      std::istringstream lines(text.value());
      std::string line;
      for (int number = 1; std::getline(lines, line); ++number) {
        if (std::regex_search(line, kImage)) {
          problems->Add(path, number, "у изображения нет текстового описания: напишите в квадратных скобках, что на "
                                      "нём, — его прочитает экранный диктор");
        }
      }
    }
  }
}

// Resolves `link` written on the page at `page_url` ("services/x/") to a
// site-relative path without "index.html", "#…" or "?…"; nullopt for links
// that leave the site (a scheme, "//", "mailto:") or only jump within the page.
std::optional<std::string> SitePath(const std::string& page_url, std::string link) {
  if (link.empty() || link[0] == '#' || link.find("://") != std::string::npos || link.starts_with("//") ||
      link.starts_with("mailto:") || link.starts_with("tel:")) {
    return std::nullopt;
  }
  link = link.substr(0, link.find_first_of("#?"));
  std::vector<std::string> parts;
  const auto push = [&](const std::string& text) {
    size_t start = 0;
    while (start <= text.size()) {
      const size_t slash = std::min(text.find('/', start), text.size());
      const std::string part = text.substr(start, slash - start);
      if (part == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      start = slash + 1;
    }
  };
  if (link[0] != '/') push(page_url);
  push(link);
  if (!parts.empty() && parts.back() == "index.html") parts.pop_back();
  std::string path;
  for (const std::string& part : parts) path += part + "/";
  return path;
}

// Links in Markdown to pages the site does not have: «[текст](../services/nowhere/)».
void CheckLinks(const FileSystem& fs, const Site& site, const std::vector<PlannedPage>& pages,
                Diagnostics* problems) {
  std::set<std::string> known;
  for (const PlannedPage& page : pages) known.insert(page.url);
  static const std::regex kLink(R"(\]\(([^)\s]+)[^)]*\))");
  const auto scan = [&](const std::string& path, const std::string& page_url) {
    Result<std::string> text = fs.ReadFile(path);
    if (!text.ok()) return;
    std::istringstream lines(text.value());
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
      for (auto it = std::sregex_iterator(line.begin(), line.end(), kLink); it != std::sregex_iterator(); ++it) {
        const std::string link = (*it)[1].str();
        const std::optional<std::string> target = SitePath(page_url, link);
        if (!target || known.count(*target)) continue;
        // Files rather than pages: the theme's assets, open data, feeds, the search index, reports.
        if (target->starts_with("assets/") || target->starts_with("data/") || target->starts_with("pagefind/") ||
            target->starts_with("reports/") || target->ends_with(".xml/")) {
          continue;
        }
        problems->Add(path, number, "ссылка «" + link + "» ведёт на страницу, которой на сайте нет");
      }
    }
  };
  for (const Service& s : site.services()) scan(s.path, "services/" + s.id + "/");
  for (const LifeSituation& s : site.situations()) scan(s.path, "situations/" + s.id + "/");
  for (const Touchpoint& t : site.touchpoints()) scan(t.path, "touchpoints/" + t.id + "/");
  for (const Page& p : site.pages()) scan(p.path, p.id + "/");
}

}  // namespace

bool Check(const FileSystem& fs, const CheckOptions& options, CheckReport* report, Diagnostics* errors) {
  const std::optional<Content> content = LoadContent(fs, {options.content_dir, options.as_of, options.today}, errors);
  if (!content) return false;
  const Site& site = content->site;
  const ReportData& reports = content->reports;
  const std::vector<Decision>& decisions = content->decisions;
  const size_t errors_before = errors->size();
  CheckFrozenReports(site, reports, options.as_of, errors);
  if (errors->size() != errors_before) return false;
  CheckDecisions(decisions, options.as_of, report);
  const std::vector<std::string>& languages = site.config().languages;
  for (size_t i = 1; i < languages.size(); ++i) {
    const std::optional<Translation> translation = LoadTranslation(
        fs, options.content_dir, JoinPath(options.templates_dir, "messages." + languages[i] + ".yaml"), languages[i],
        site, decisions, errors);
    if (!translation) continue;
    const Messages& messages = translation->site.messages();
    CheckedLanguage checked{languages[i], WithoutFallbackMarks(messages["language.name"]), translation->untranslated,
                            {}, messages.Untranslated().size()};
    for (const std::string& key : messages.Untranslated()) {
      const std::string section = key.substr(0, key.find('.'));
      if (checked.messages.empty() || checked.messages.back().first != section) checked.messages.push_back({section, 0});
      ++checked.messages.back().second;
    }
    report->languages.push_back(std::move(checked));
  }
  if (errors->size() != errors_before) return false;
  CheckAltText(fs, options.content_dir, &report->content_problems);
  CheckLinks(fs, site, PlanPages(site, options.as_of, {}, decisions),
             &report->content_problems);
  report->content_problems.Sort();
  for (const Survey& survey : site.surveys()) {
    if (survey.StateOn(options.as_of) != SurveyState::kActive) continue;
    if (survey.closes > options.as_of.AddDays(kClosingSoonDays)) continue;
    report->closing_surveys.push_back(
        {survey.id, survey.title, survey.closes, survey.audience == Audience::kInternal});
  }
  report->cadence = CadenceWarnings(site, options.as_of);
  for (const Period& quarter : ReportQuarters(reports.Context(), options.as_of)) {
    report->reports.push_back(
        {quarter, StatusOf(FindReport(reports.reports, quarter), quarter.year, quarter.index, options.as_of)});
  }
  for (const AppealQuarter& quarter : reports.appeals.quarters) report->appeal_records += quarter.records.size();
  report->services = site.services().size();
  report->situations = site.situations().size();
  report->touchpoints = site.touchpoints().size();
  report->surveys = site.surveys().size();
  const SiteConfig& config = site.config();
  report->target = config.satisfaction_target;
  report->negative_limit = config.negative_share_limit;
  report->quarter = LastCompleteQuarter(options.as_of);
  const Results results = Aggregate(site, JoinPath(options.data_dir, "responses"), options.threads, &report->warnings,
                                    *options.progress);
  report->responses = results.scan.lines;
  // Staff see what the public sees: a group hidden to protect another is
  // flagged without its numbers, as on the internal results page.
  const PublishedTables published = PublishedTablesOf(site, results, decisions, options.as_of);
  const Disclosure disclosure(results, static_cast<uint64_t>(config.min_group_size), published);
  for (FlaggedService& flagged :
       FlaggedServices(results, report->quarter, static_cast<uint64_t>(config.min_group_size),
                       Ratio{static_cast<uint64_t>(config.satisfaction_target), 100},
                       Ratio{static_cast<uint64_t>(config.negative_share_limit), 100})) {
    const Service& service = site.services()[flagged.service];
    const Indicator& indicator = config.indicators[static_cast<size_t>(flagged.indicator)];
    const GroupKey group{GroupKey::Kind::kService, static_cast<int>(flagged.service), flagged.indicator};
    if (disclosure.Hidden(group, report->quarter)) {
      flagged.flag.reason = "ниже цели или много оценок 1–2; числа не показываются, чтобы не раскрыть другую группу";
      flagged.flag.level.n = 0;
    }
    report->flagged.push_back({service.id, service.title, indicator.id,
                               config.indicators.size() > 1 ? indicator.title : "", std::move(flagged.flag)});
  }
  return true;
}

}  // namespace otklik
