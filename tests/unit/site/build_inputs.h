#pragma once

// The inputs and helpers of the build tests: a small agency's content and
// theme in a MemoryFileSystem, and builds of it.

#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/file_system.h"
#include "site/build.h"

namespace otklik::testing {

using Files = std::map<std::string, std::string>;
using Names = std::vector<std::string>;

inline void Put(MemoryFileSystem* fs, const std::string& path, const std::string& bytes) {
  REQUIRE(fs->WriteFile(path, bytes).ok());
}

// Two services in one life situation, one touchpoint, one free page.
inline void WriteContent(MemoryFileSystem* fs) {
  Put(fs, "content/site.yaml",
      "title: Отзывы и решения\n"
      "agency:\n"
      "  name: Министерство социальной защиты Тестовой области\n"
      "  region: Тестовая область\n"
      "base_url: https://otklik.example.ru/\n");
  Put(fs, "content/services/pension.md",
      "---\n"
      "title: Пенсия\n"
      "kind: service\n"
      "situations: [retirement]\n"
      "touchpoints: [mfc]\n"
      "---\n"
      "# Как оформить\n"
      "\n"
      "Заявление.\n");
  Put(fs, "content/services/subsidy.md",
      "---\ntitle: Субсидия\nkind: support_measure\nsituations: [retirement]\ntouchpoints: [mfc]\n---\n");
  Put(fs, "content/situations/retirement.md", "---\ntitle: Выход на пенсию\n---\n");
  Put(fs, "content/touchpoints/mfc.md", "---\ntitle: МФЦ\nkind: mfc\n---\n");
  Put(fs, "content/pages/about.md", "---\ntitle: О проекте\n---\nКто мы.\n");
}

// A minimal theme: every page shows its title; lists show the service titles
// and the surveys; a survey page shows its form's action and questions.
inline void WriteTheme(MemoryFileSystem* fs) {
  Put(fs, "templates/layout.mustache",
      "<!DOCTYPE html>\n<title>{{head_title}}</title>\n<link rel=\"stylesheet\" href=\"{{root}}assets/style.css\">\n"
      "{{{content}}}");
  Put(fs, "templates/home.mustache",
      "<h1>{{title}}</h1>\n{{#situations}}<a href=\"{{href}}\">{{title}}</a>\n{{/situations}}"
      "{{#surveys}}<a href=\"{{href}}\">{{title}}</a>\n{{/surveys}}");
  Put(fs, "templates/services.mustache",
      "<h1>{{title}}</h1>\n{{#groups}}{{#services}}<a href=\"{{href}}\">{{title}}</a>\n{{/services}}{{/groups}}");
  Put(fs, "templates/service.mustache",
      "{{#service}}<h1>{{title}}</h1>\n{{{body_html}}}{{#surveys}}<a href=\"{{href}}\">{{title}}</a>\n{{/surveys}}"
      "{{/service}}");
  Put(fs, "templates/situations.mustache", "<h1>{{title}}</h1>\n");
  Put(fs, "templates/situation.mustache",
      "{{#situation}}<h1>{{title}}</h1>\n{{#services}}<a href=\"{{href}}\">{{title}}</a>\n{{/services}}{{/situation}}");
  Put(fs, "templates/touchpoints.mustache", "<h1>{{title}}</h1>\n");
  Put(fs, "templates/touchpoint.mustache", "{{#touchpoint}}<h1>{{title}}</h1>\n{{/touchpoint}}");
  Put(fs, "templates/page.mustache", "{{#page}}<h1>{{title}}</h1>\n{{{body_html}}}{{/page}}");
  Put(fs, "templates/not_found.mustache", "<h1>{{title}}</h1>\n<a href=\"{{home_href}}\">На главную</a>\n");
  Put(fs, "templates/surveys.mustache",
      "<h1>{{title}}</h1>\n{{#active}}<a href=\"{{href}}\">{{title}}</a>\n{{/active}}"
      "{{#completed}}<a href=\"{{href}}\">{{title}}</a>\n{{/completed}}");
  Put(fs, "templates/survey.mustache",
      "{{#survey}}<h1>{{title}}</h1>\n{{#form}}<form action=\"{{action}}\">\n{{#questions}}{{number}}. {{text}}\n"
      "{{/questions}}</form>\n{{/form}}{{/survey}}");
  Put(fs, "templates/survey_thanks.mustache", "<h1>{{title}}</h1>\n{{#survey}}{{{thanks_html}}}{{/survey}}");
  Put(fs, "templates/survey_period.mustache", "<h1>{{title}}</h1>\n");
  Put(fs, "templates/survey_paper.mustache",
      "<!DOCTYPE html>\n<title>{{title}}</title>\n{{#survey}}{{#form}}{{#questions}}{{number}}. {{text}}\n"
      "{{/questions}}{{/form}}{{/survey}}");
  Put(fs, "templates/survey_embed.mustache",
      "<!DOCTYPE html>\n<title>{{title}}</title>\n{{#survey}}{{#thanks}}{{{thanks_html}}}{{/thanks}}"
      "{{#form}}<form action=\"{{action}}\"></form>\n{{/form}}{{/survey}}");
  Put(fs, "templates/results.mustache", "<h1>{{title}}</h1>\n");
  Put(fs, "templates/methodology.mustache", "<h1>{{title}}</h1>\n");
  Put(fs, "templates/reports.mustache",
      "<h1>{{title}}</h1>\n{{#quarters}}{{title}}: {{status}}{{#href}} <a href=\"{{href}}\">отчёт</a>{{/href}}\n"
      "{{/quarters}}{{#summaries}}<a href=\"{{href}}\">{{title}}</a>\n{{/summaries}}");
  Put(fs, "templates/quarter_report.mustache", "<h1>{{title}}</h1>\n{{#report}}{{> report}}{{/report}}");
  Put(fs, "templates/period_results.mustache", "<h1>{{title}}</h1>\n");
  Put(fs, "templates/decisions.mustache", "<h1>{{title}}</h1>\n{{#decisions}}<p>{{title}}: {{state}}</p>\n{{/decisions}}");
  Put(fs, "templates/search.mustache", "<h1>{{title}}</h1>\n");
  Put(fs, "templates/open_data.mustache", "<h1>{{title}}</h1>\n{{#sets}}<p>{{title}}: {{rows}}</p>\n{{/sets}}");
  Put(fs, "templates/decision.mustache", "{{#decision}}<h1>{{title}}</h1>\n<p>{{state}}</p>\n{{/decision}}");
  Put(fs, "templates/internal_report.mustache",
      "<!DOCTYPE html>\n<title>{{title}}</title>\n{{#report}}{{#draft}}Черновик\n{{/draft}}"
      "{{#internal_metrics}}Внутренний отчёт\n{{/internal_metrics}}{{> report}}{{/report}}");
  Put(fs, "templates/feedback_report.mustache", "<!DOCTYPE html>\n<title>{{title}}</title>\n");
  // One line per metric section of an appeals report, headed as in the real theme.
  Put(fs, "templates/partials/report.mustache",
      "{{status}}\n"
      "{{#channels}}Сколько обращений поступило: {{{records}}}{{#rows}}; {{title}} {{{count}}} ({{{share}}}){{/rows}}\n"
      "{{/channels}}"
      "{{#topics}}Темы обращений:{{#sections}} {{code}} {{{count}}}{{/sections}}\n{{/topics}}"
      "{{#reasons}}Основные причины:{{#rows}} {{title}} {{{count}}}{{/rows}}\n{{/reasons}}"
      "{{#complaints}}Жалобы: {{{complaints}}}, в пользу заявителя {{{resolved_share}}}\n{{/complaints}}"
      "{{#redirected}}Направлено по принадлежности: {{{count}}}\n{{/redirected}}"
      "{{#answer_time}}Сроки ответов: медиана {{{median}}}\n{{/answer_time}}"
      "{{#changes}}{{#rows}}{{label}}: {{{now}}}\n{{/rows}}{{/changes}}");
  Put(fs, "templates/internal_results.mustache", "<!DOCTYPE html>\n<title>{{title}}</title>\n");
  Put(fs, "templates/internal_home.mustache",
      "<!DOCTYPE html>\n<title>{{title}}</title>\n{{#active}}<a href=\"{{href}}\">{{title}}</a>\n{{/active}}");
  Put(fs, "templates/assets/style.css", "body { margin: 0 }\n");
  Put(fs, "templates/assets/img/logo.svg", "<svg/>");
}

// A page as read: every figure's <data> markup (see render/figure.h) taken out.
inline std::string StripFigures(std::string html) {
  for (size_t at = html.find("<data "); at != std::string::npos; at = html.find("<data ", at)) {
    html.erase(at, html.find('>', at) - at + 1);
  }
  for (size_t at = html.find("</data>"); at != std::string::npos; at = html.find("</data>", at)) html.erase(at, 7);
  return html;
}

inline void WriteInputs(MemoryFileSystem* fs) {
  WriteContent(fs);
  WriteTheme(fs);
}

inline constexpr char kInternalId[] = "staff-mood";
inline constexpr char kInternalTitle[] = "Настроение в коллективе";

// On 22 November 2026: «quality» (external) and «staff-mood» (internal) are
// active; both ask about the services, so a leak would show on service pages.
inline void WriteSurveys(MemoryFileSystem* fs) {
  Put(fs, "content/surveys/quality.yaml",
      "title: Оценка качества услуг\n"
      "opens: 2026-11-09\n"
      "closes: 2026-12-04\n"
      "revision: 1\n"
      "thanks: Спасибо!\n"
      "questions:\n"
      "  - {id: service, kind: service, text: Какую услугу вы получили?}\n"
      "  - {id: overall, kind: scale, text: Оцените качество}\n");
  Put(fs, "content/surveys/staff-mood.yaml",
      "title: Настроение в коллективе\n"
      "summary: Опрос сотрудников.\n"
      "audience: internal\n"
      "opens: 2026-11-16\n"
      "closes: 2026-11-27\n"
      "revision: 1\n"
      "thanks: Спасибо, коллеги!\n"
      "questions:\n"
      "  - {id: service, kind: service, text: С какой услугой вы работаете?}\n"
      "  - {id: mood, kind: satisfaction, text: Условия работы}\n");
}

inline BuildOptions Options(unsigned threads = 2) {
  BuildOptions options;
  options.content_dir = "content";
  options.templates_dir = "templates";
  options.out_dir = "site";
  options.internal_dir = "internal";
  options.data_dir = "/nonexistent/otklik-test-data";  // no responses, wherever the tests run
  options.as_of = Date(2026, 11, 22);
  options.threads = threads;
  return options;
}

// Builds and requires success.
inline BuildSummary BuildOk(MemoryFileSystem* fs, const BuildOptions& options = Options()) {
  BuildSummary summary;
  Diagnostics diagnostics;
  const bool built = Build(*fs, options, &summary, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(built);
  CHECK(diagnostics.empty());
  return summary;
}

// Builds, requires failure and returns the diagnostics as printed.
inline std::string BuildErrors(MemoryFileSystem* fs, const BuildOptions& options = Options()) {
  BuildSummary summary;
  Diagnostics diagnostics;
  CHECK_FALSE(Build(*fs, options, &summary, &diagnostics));
  return diagnostics.ToString();
}

// The files below `dir`, hidden ones included, as paths relative to it.
inline Files FilesUnder(const MemoryFileSystem& fs, const std::string& dir) {
  Files out;
  for (const auto& [path, bytes] : fs.Files()) {
    if (path.starts_with(dir + "/")) out[path.substr(dir.size() + 1)] = bytes;
  }
  return out;
}

inline Names NamesUnder(const MemoryFileSystem& fs, const std::string& dir) {
  Names names;
  for (const auto& [name, bytes] : FilesUnder(fs, dir)) names.push_back(name);
  return names;
}

}  // namespace otklik::testing
