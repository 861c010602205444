// The commands of `otklik` other than those of responses: what each prints
// and returns. main.cc parses their flags; the work is done in site/ and store/.

#include "cli/commands.h"

#include <chrono>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "content/csv_reader.h"
#include "content/document.h"
#include "core/file_system.h"
#include "core/plural.h"
#include "receiver/server.h"
#include "render/russian.h"
#include "site/build.h"
#include "site/check.h"
#include "site/region_pages.h"
#include "site/content.h"
#include "site/scaffold.h"
#include "store/appeal_import.h"
#include "store/decision_sheet.h"

namespace otklik::cli {

namespace {

// Where a measure's deadline stands on `as_of`: «просрочено на 3 дня», «срок сегодня», «осталось 5 дней».
std::string DeadlineText(const Date& deadline, const Date& as_of) {
  const long days = deadline.DayNumber() - as_of.DayNumber();
  if (days < 0) return "просрочено на " + CountWithNoun(-days, "день", "дня", "дней");
  if (days == 0) return "срок сегодня";
  return "осталось " + CountWithNoun(days, "день", "дня", "дней");
}

nlohmann::json DiagnosticsJson(const Diagnostics& diagnostics) {
  nlohmann::json out = nlohmann::json::array();
  for (const Diagnostic& d : diagnostics.items()) {
    out.push_back({{"path", d.path}, {"line", d.line}, {"message", d.message}});
  }
  return out;
}

// `otklik check --json`: the same findings for scripts.
nlohmann::json CheckJson(const CheckReport& report, const Date& as_of) {
  using nlohmann::json;
  json flagged = json::array();
  for (const CheckedService& s : report.flagged) {
    flagged.push_back({{"id", s.id},
                       {"title", s.title},
                       {"indicator", s.indicator},
                       {"reason", s.flag.reason},
                       {"ratings", s.flag.level.n}});
  }
  json languages = json::array();
  for (const CheckedLanguage& language : report.languages) {
    json messages = json::object();
    for (const auto& [section, count] : language.messages) messages[section] = count;
    languages.push_back({{"code", language.code},
                         {"name", language.name},
                         {"untranslated", language.untranslated},
                         {"untranslated_messages", messages}});
  }
  static const char* const kStatus[] = {"on-time", "late", "due", "overdue"};
  json reports = json::array();
  for (const CheckedReport& r : report.reports) {
    reports.push_back({{"quarter", r.quarter.Key()},
                       {"status", kStatus[static_cast<size_t>(r.status.kind)]},
                       {"deadline", r.status.deadline.ToString()},
                       {"days", r.status.days}});
  }
  const auto decisions = [&](const std::vector<CheckedDecision>& list) {
    json out = json::array();
    for (const CheckedDecision& d : list) {
      out.push_back({{"id", d.id},
                     {"path", d.path},
                     {"title", d.title},
                     {"measure", d.measure},
                     {"responsible", d.responsible},
                     {"deadline", d.deadline.ToString()},
                     {"days_left", d.deadline.DayNumber() - as_of.DayNumber()}});
    }
    return out;
  };
  json closing = json::array();
  for (const ClosingSurvey& s : report.closing_surveys) {
    closing.push_back({{"id", s.id}, {"title", s.title}, {"closes", s.closes.ToString()}, {"internal", s.internal}});
  }
  return {{"as_of", as_of.ToString()},
          {"counts",
           {{"services", report.services},
            {"situations", report.situations},
            {"touchpoints", report.touchpoints},
            {"surveys", report.surveys},
            {"responses", report.responses},
            {"appeal_records", report.appeal_records},
            {"decisions", report.decisions}}},
          {"quarter", report.quarter.Key()},
          {"flagged_services", flagged},
          {"reports", reports},
          {"overdue_decisions", decisions(report.overdue_decisions)},
          {"due_soon_decisions", decisions(report.due_soon_decisions)},
          {"closing_surveys", closing},
          {"cadence", report.cadence},
          {"content_problems", DiagnosticsJson(report.content_problems)},
          {"warnings", DiagnosticsJson(report.warnings)},
          {"languages", languages}};
}

// "content/appeals/2026-q3.csv: было 512 записей, стало 543", and the warning for a published report.
void PrintQuarterFile(const AppealQuarterFile& file, bool quiet) {
  const auto records = [](size_t n) {
    return std::to_string(n) + " " + RussianPlural(static_cast<long>(n), "запись", "записи", "записей");
  };
  if (!quiet) {
    std::cerr << file.path << ": "
              << (!file.changed   ? "не изменился, " + records(file.after)
                  : !file.existed ? "новый файл, " + records(file.after)
                  : file.before   ? "было " + records(*file.before) + ", стало " + std::to_string(file.after)
                                  : "заменён, стало " + records(file.after))
              << "\n";
  }
  if (file.changed && !file.published_report.empty()) {
    std::cerr << "Внимание: отчёт за " << file.key << " уже опубликован (" << file.published_report
              << "). Если его числа изменились, сборка не пройдёт, пока вы не добавите исправление в errata (что "
                 "изменилось и почему) и не выполните otklik report freeze "
              << file.key << ".\n";
  }
}

// "4, 9, 12", the first 50 rows and how many more.
std::string RowList(const std::vector<int>& rows) {
  std::string out;
  for (size_t i = 0; i < rows.size() && i < 50; ++i) out += (i ? ", " : "") + std::to_string(rows[i]);
  if (rows.size() > 50) out += " и ещё " + std::to_string(rows.size() - 50);
  return out;
}

// "создано 1 решение, изменено 0 решений, без изменений 3 решения"
std::string DecisionImportSummary(const DecisionImportOutcome& outcome) {
  using Kind = DecisionFileChange::Kind;
  const auto decisions = [&](Kind kind) {
    const long n = static_cast<long>(outcome.Count(kind));
    return std::to_string(n) + " " + RussianPlural(n, "решение", "решения", "решений");
  };
  return "создано " + decisions(Kind::kCreated) + ", изменено " + decisions(Kind::kChanged) + ", без изменений " +
         decisions(Kind::kUnchanged);
}

}  // namespace

std::optional<Content> LoadContentOrSay(const FileSystem& fs, const ContentRequest& request,
                                        const std::string& failed) {
  Diagnostics diagnostics;
  std::optional<Content> content = LoadContent(fs, request, &diagnostics);
  if (!content) std::cerr << diagnostics.ToString() << failed << ": сначала исправьте материалы.\n";
  return content;
}

int RunBuild(BuildOptions options, bool quiet, Progress& progress) {
  options.progress = &progress;
  RealFileSystem fs;
  Diagnostics diagnostics;
  BuildSummary summary;
  const auto start = std::chrono::steady_clock::now();
  if (!Build(fs, options, &summary, &diagnostics)) {
    std::cerr << diagnostics.ToString();
    std::cerr << "Сборка не выполнена: ошибок — " << diagnostics.size() << ". Папка " << options.out_dir
              << " не изменена.\n";
    return kExitContentError;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!summary.warnings.empty()) {
    summary.warnings.Sort();
    std::cerr << summary.warnings.ToString();
  }
  if (!quiet) {
    std::fprintf(stderr, "Прочитано ответов: %llu за %.2f с.\n", static_cast<unsigned long long>(summary.responses),
                 summary.aggregate_seconds);
    std::fprintf(stderr, "Сайт собран в %s: страниц — %zu, файлов оформления — %zu, изменено файлов — %zu, за %.2f с.\n",
                 options.out_dir.c_str(), summary.pages, summary.assets, summary.changed, seconds);
    if (summary.internal_pages > 0) {
      std::fprintf(stderr, "Страницы для сотрудников записаны в %s: страниц — %zu.\n", options.internal_dir.c_str(),
                   summary.internal_pages);
    }
  }
  return kExitOk;
}

int RunRegionBuild(const RegionBuildOptions& options, bool quiet) {
  RealFileSystem fs;
  Diagnostics diagnostics;
  RegionBuildSummary summary;
  const auto start = std::chrono::steady_clock::now();
  if (!BuildRegion(fs, options, &summary, &diagnostics)) {
    std::cerr << diagnostics.ToString();
    std::cerr << "Портал не собран: ошибок — " << diagnostics.size() << ". Папка " << options.out_dir
              << " не изменена.\n";
    return kExitContentError;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!quiet) {
    for (const RegionBuildSummary::Agency& agency : summary.per_agency) {
      std::fprintf(stderr, "  %s: страниц — %zu, ответов — %llu\n", agency.id.c_str(), agency.pages,
                   static_cast<unsigned long long>(agency.responses));
    }
    std::fprintf(stderr, "Портал собран в %s: ведомств — %zu, страниц — %zu, изменено файлов — %zu, за %.2f с.\n",
                 options.out_dir.c_str(), summary.agencies, summary.pages, summary.changed, seconds);
  }
  return kExitOk;
}

int RunRegionCheck(const std::string& region_file, const CheckOptions& options) {
  RealFileSystem fs;
  Diagnostics diagnostics;
  const std::optional<RegionConfig> region = LoadRegion(fs, region_file, &diagnostics);
  if (region) CheckRegionSection(fs, *region, &diagnostics);
  if (!region || !diagnostics.empty()) {
    std::cerr << diagnostics.ToString() << "Проверка региона не пройдена: ошибок — " << diagnostics.size() << ".\n";
    return kExitContentError;
  }
  std::cout << "Регион «" << region->name << "»: файл региона, страницы и шаблоны в порядке.\n";
  int worst = kExitOk;
  for (const RegionAgency& agency : region->agencies) {
    std::cout << "\n== " << agency.id << " (" << agency.content_dir << ")\n" << std::flush;
    CheckOptions one = options;
    one.content_dir = agency.content_dir;
    one.data_dir = agency.data_dir;
    worst = std::max(worst, RunCheck(one, false));
    std::cerr << std::flush;
  }
  return worst;
}

int RunReceive(const ReceiveFlags& flags, std::function<Date()> today) {
  ReceiverConfig config;
  if (!flags.config.empty()) {
    RealFileSystem fs;
    Result<std::string> text = fs.ReadFile(flags.config);
    if (!text.ok()) {
      std::cerr << text.status().message() << "\n";
      return kExitContentError;
    }
    Diagnostics diagnostics;
    std::optional<ReceiverConfig> parsed = ParseReceiverConfig(flags.config, text.value(), &diagnostics);
    if (!parsed) {
      std::cerr << diagnostics.ToString();
      return kExitContentError;
    }
    config = *parsed;
  }
  if (!flags.content.empty()) config.content_dir = flags.content;
  if (!flags.data.empty()) config.data_dir = flags.data;
  if (!flags.instance.empty()) config.instance = flags.instance;
  if (!flags.internal_url.empty()) config.internal_url = flags.internal_url + (flags.internal_url.ends_with('/') ? "" : "/");
  if (!flags.access_log.empty()) config.access_log = flags.access_log;
  if (!flags.audience.empty()) config.internal = flags.audience == "internal";
  if (!flags.listen.empty() && !ParseListen(flags.listen, &config.host, &config.port)) {
    std::cerr << "--listen: ожидается адрес вида 127.0.0.1:8081\n";
    return kExitUsage;
  }
  return RunReceiver(config, std::cerr, std::move(today));
}

int RunCheck(const CheckOptions& options, bool json) {
  RealFileSystem fs;
  Diagnostics errors;
  CheckReport report;
  if (!Check(fs, options, &report, &errors)) {
    if (json) {
      std::cout << nlohmann::json{{"as_of", options.as_of.ToString()}, {"errors", DiagnosticsJson(errors)}}.dump(1)
                << "\n";
    } else {
      std::cerr << errors.ToString() << "Проверка не пройдена: ошибок — " << errors.size() << ".\n";
    }
    return kExitContentError;
  }
  report.warnings.Sort();
  size_t overdue = 0;
  for (const CheckedReport& checked : report.reports) {
    overdue += checked.status.kind == ReportStatus::Kind::kOverdue ? 1 : 0;
  }
  const int exit_code = overdue > 0 || !report.overdue_decisions.empty() || !report.content_problems.empty()
                            ? kExitContentError
                            : kExitOk;
  if (json) {
    nlohmann::json out = CheckJson(report, options.as_of);
    out["errors"] = nlohmann::json::array();
    std::cout << out.dump(1) << "\n";
    return exit_code;
  }
  std::cerr << report.warnings.ToString();
  std::cout << "Материалы в порядке: услуг — " << report.services << ", жизненных ситуаций — " << report.situations
            << ", точек взаимодействия — " << report.touchpoints << ", опросов — " << report.surveys << ".\n"
            << "Прочитано ответов: " << report.responses << ".\n";
  const std::string quarter = PeriodLabel(report.quarter);
  if (report.flagged.empty()) {
    std::cout << "Дополнительный опрос не нужен ни одной услуге (" << quarter << ").\n";
  } else {
    std::cout << "Рекомендован дополнительный ежеквартальный опрос (" << quarter << "; цель — не ниже "
              << report.target << " %, оценок 1–2 — не больше " << report.negative_limit << " %):\n";
    for (const CheckedService& service : report.flagged) {
      std::cout << "  " << service.title << " (" << service.id
                << (service.indicator_title.empty() ? "" : ", " + service.indicator_title)
                << "): " << service.flag.reason
                << (service.flag.level.n > 0 ? "; оценок — " + std::to_string(service.flag.level.n) : "") << "\n";
    }
  }
  if (!report.reports.empty()) {
    std::cout << "Анализ обращений (записей — " << report.appeal_records
              << "; публикуется не позднее 45-го дня после квартала):\n";
    const Messages messages = Messages::Defaults({});  // editors read the built-in words
    for (const CheckedReport& checked : report.reports) {
      std::cout << "  " << PeriodLabel(checked.quarter) << ": " << ReportStatusText(messages, checked.status)
                << " (срок — " << RussianDate(checked.status.deadline) << ")\n";
    }
    if (overdue > 0) std::cout << "Просрочено отчётов: " << overdue << ".\n";
  }
  if (report.decisions > 0) {
    std::cout << "Карта болей: проблем — " << report.decisions << ", просрочено — "
              << report.overdue_decisions.size() << ", срок в ближайшие 30 дней — "
              << report.due_soon_decisions.size() << ".\n";
    for (const auto& [list, heading] : {std::pair{&report.overdue_decisions, "Просрочены"},
                                        std::pair{&report.due_soon_decisions, "Скоро срок"}}) {
      if (list->empty()) continue;
      std::cout << heading << ":\n";
      for (const CheckedDecision& d : *list) {
        std::cout << "  " << d.path << ": «" << d.measure << "» — срок " << RussianDate(d.deadline) << " ("
                  << DeadlineText(d.deadline, options.as_of) << "), отвечает: " << d.responsible << "\n";
      }
    }
  }
  if (!report.closing_surveys.empty()) {
    std::cout << "Скоро закончится приём ответов:\n";
    for (const ClosingSurvey& s : report.closing_surveys) {
      std::cout << "  " << s.title << " (" << s.id << (s.internal ? ", внутренний" : "") << "): последний день — "
                << RussianDate(s.closes) << "\n";
    }
  }
  for (const CheckedLanguage& language : report.languages) {
    if (language.untranslated.empty() && language.message_count == 0) {
      std::cout << "Перевод на язык «" << language.code << "» (" << language.name << ") полный.\n";
      continue;
    }
    std::cout << "Перевод на язык «" << language.code << "» (" << language.name
              << "): на страницах останется по-русски (с пометкой lang=\"ru\") — в материалах: "
              << language.untranslated.size() << ", сообщений интерфейса: " << language.message_count << ".\n";
    for (const std::string& item : language.untranslated) {
      std::cout << "  " << JoinPath(JoinPath(options.content_dir, language.code), item) << "\n";
    }
    if (language.message_count > 0) {
      std::cout << "  сообщения интерфейса (messages." << language.code << ".yaml) по разделам:";
      for (size_t i = 0; i < language.messages.size(); ++i) {
        std::cout << (i ? ", " : " ") << language.messages[i].first << " — " << language.messages[i].second;
      }
      std::cout << "\n";
    }
  }
  if (!report.cadence.empty()) {
    std::cout << "Периодичность опросов (survey_cadence в site.yaml):\n";
    for (const std::string& warning : report.cadence) std::cout << "  " << warning << "\n";
  }
  if (!report.content_problems.empty()) {
    std::cout << "Что исправить в текстах:\n" << report.content_problems.ToString();
  }
  return exit_code;
}

int RunReportFreeze(const std::string& content_dir, const std::string& key, const Days& days) {
  RealFileSystem fs;
  Diagnostics errors;
  const std::optional<Content> content = LoadContent(fs, {content_dir, days.as_of, days.today}, &errors);
  bool changed = false;
  if (!content ||
      !FreezeReport(fs, content_dir, content->site, content->reports, key, days.as_of, &changed, &errors)) {
    std::cerr << errors.ToString() << "Числа отчёта не закреплены.\n";
    return kExitContentError;
  }
  const std::string path = JoinPath(JoinPath(content_dir, "reports"), key + ".numbers.json");
  std::cout << (changed ? "Числа отчёта закреплены: " : "Числа отчёта уже закреплены и не изменились: ") << path
            << "\n";
  return kExitOk;
}

int RunImportAppeals(const AppealImportFlags& flags, const Days& days, bool quiet, Progress& progress) {
  RealFileSystem fs;
  Diagnostics diagnostics;
  const auto fail = [&](const std::string& what) {
    std::cerr << diagnostics.ToString() << what << "\n";
    return kExitContentError;
  };
  const std::optional<Content> content = LoadContentOrSay(
      fs, {flags.content, days.as_of, days.today, /*site_only=*/true}, "Импорт не выполнен");
  if (!content) return kExitContentError;
  const Site* site = &content->site;
  AppealMapping mapping;
  if (!flags.mapping.empty()) {
    Result<std::string> text = fs.ReadFile(flags.mapping);
    if (!text.ok()) return fail(text.status().message());
    std::optional<AppealMapping> parsed =
        ParseAppealMapping(flags.mapping, text.value(), site->touchpoints(), &diagnostics);
    if (!parsed) return fail("Импорт не выполнен: исправьте файл сопоставления.");
    mapping = std::move(*parsed);
  }
  Result<std::string> bytes = fs.ReadFile(flags.file);
  if (!bytes.ok()) return fail(bytes.status().message());
  const std::optional<CsvTable> table = ParseCsv(flags.file, bytes.value(), &diagnostics);
  if (!table) return fail("Импорт не выполнен: ничего не записано.");
  const AppealImportRequest request{
      flags.content, days.as_of, flags.skip_invalid, &progress};
  AppealImportOutcome outcome;
  if (!ImportAppeals(fs, flags.file, *table, mapping, site->touchpoints(), request, &outcome, &diagnostics)) {
    for (const AppealQuarterFile& file : outcome.quarters) PrintQuarterFile(file, false);
    if (outcome.content_errors) return fail("Импорт не выполнен: сначала исправьте материалы.");
    if (!outcome.invalid.empty() && !flags.skip_invalid) {
      return fail("Импорт не выполнен: строк с ошибками — " + std::to_string(outcome.invalid.size()) + " из " +
                  std::to_string(outcome.rows) +
                  ". Ничего не записано. Исправьте их или добавьте --skip-invalid, чтобы импортировать остальные.");
    }
    return fail(outcome.quarters.empty() ? "Импорт не выполнен: ничего не записано."
                                         : "Импорт прерван: остальные файлы не записаны.");
  }
  std::cerr << diagnostics.ToString();
  if (table->converted_from_cp1251 && !quiet) std::cerr << flags.file << ": файл прочитан в кодировке Windows-1251\n";
  if (outcome.quarters.empty()) {
    std::cerr << (outcome.rows == 0 ? "В файле нет строк с обращениями" : "Ни одна строка не прошла проверку")
              << ": ничего не записано.\n";
    return kExitContentError;
  }
  for (const AppealQuarterFile& file : outcome.quarters) PrintQuarterFile(file, quiet);
  if (!outcome.invalid.empty()) std::cerr << "Пропущены строки с ошибками: " << RowList(outcome.invalid) << ".\n";
  if (!quiet) {
    const std::string skipped = std::to_string(outcome.invalid.size());
    std::cerr << "Импортировано обращений: " << outcome.imported << " из " << outcome.rows << " "
              << RussianPlural(static_cast<long>(outcome.rows), "строки", "строк", "строк")
              << (outcome.invalid.empty() ? "" : " (с ошибками пропущено: " + skipped + ")") << "\n";
  }
  return kExitOk;
}

int RunNew(const std::string& content_dir, const std::string& kind, const std::string& name, const Days& days,
           bool quiet) {
  RealFileSystem fs;
  Diagnostics errors;
  std::string written;
  if (name.empty() && kind != "calendar") {
    std::cerr << "Укажите код: otklik new " << kind << " КОД (строчные латинские буквы, цифры и дефис).\n";
    return kExitUsage;
  }
  if (!CreateScaffold(fs, content_dir, kind, name, days.as_of, &written, &errors)) {
    std::cerr << errors.ToString() << "Файл не создан.\n";
    // A name that cannot be an id (or any name for the calendar) is a usage error; anything the content decides
    // is a content error.
    const bool usage = kind == "calendar" ? !name.empty() : !IsValidId(name);
    return usage ? kExitUsage : kExitContentError;
  }
  if (quiet) return kExitOk;
  if (kind == "calendar") {
    std::cout << "Создан " << written << ": праздники и переносы выходных 2025–2027 годов; каждый год дописывайте "
                                         "следующий.\n";
  } else {
    std::cout << "Создан " << written << ": заполните поля (подсказки — в комментариях) и соберите сайт.\n";
  }
  return kExitOk;
}

int RunRegionNew(const std::string& region_file, const std::string& kind, const std::string& name, bool quiet) {
  RealFileSystem fs;
  Diagnostics errors;
  std::string written;
  if (!CreateRegionScaffold(fs, region_file, kind, name, &written, &errors)) {
    std::cerr << errors.ToString() << "Ничего не создано.\n";
    return kind != "page" && kind != "agency" ? kExitUsage : kExitContentError;
  }
  if (quiet) return kExitOk;
  if (kind == "agency") {
    std::cout << "Создан " << written << ", ведомство «" << name << "» добавлено в " << region_file
              << ": заполните название и добавьте услуги (otklik new service … --content "
              << ParentPath(written) << ").\n";
  } else {
    std::cout << "Создан " << written << ": заполните поля (подсказки — в комментариях) и соберите портал.\n";
  }
  return kExitOk;
}

int RunExportDecisions(const std::string& content_dir, const std::string& out, const Days& days, bool quiet) {
  RealFileSystem fs;
  const std::optional<Content> map =
      LoadContentOrSay(fs, {content_dir, days.as_of, days.today}, "Выгрузка не выполнена");
  if (!map) return kExitContentError;
  const std::string table = ExportDecisionSheet(map->site, map->decisions);
  if (out.empty()) {
    std::cout << table;
    return kExitOk;
  }
  if (Status written = fs.ReplaceFile(out, table); !written.ok()) {
    std::cerr << written.message() << "\n";
    return kExitContentError;
  }
  size_t measures = 0;
  for (const Decision& decision : map->decisions) measures += decision.measures.size();
  if (!quiet) {
    std::cerr << "Карта болей выгружена в " << out << ": решений — " << map->decisions.size() << ", мероприятий — "
              << measures << ".\n";
  }
  return kExitOk;
}

int RunImportDecisions(const DecisionImportFlags& flags, const Days& days, bool quiet) {
  RealFileSystem fs;
  Diagnostics diagnostics;
  const auto fail = [&](const std::string& what) {
    std::cerr << diagnostics.ToString() << what << "\n";
    return kExitContentError;
  };
  const std::optional<Content> map =
      LoadContentOrSay(fs, {flags.content, days.as_of, days.today}, "Импорт не выполнен");
  if (!map) return kExitContentError;
  Result<std::string> bytes = fs.ReadFile(flags.file);
  if (!bytes.ok()) return fail(bytes.status().message());
  const std::optional<CsvTable> table = ParseCsv(flags.file, bytes.value(), &diagnostics);
  if (!table) return fail("Импорт не выполнен: ничего не записано.");
  if (table->rows.empty()) return fail("В таблице нет строк с решениями: ничего не записано.");
  const DecisionImportRequest request{flags.content, days.as_of, flags.dry_run};
  DecisionImportOutcome outcome;
  if (!ImportDecisionSheet(fs, flags.file, *table, map->site, map->reports.appeals, map->decisions, request, &outcome,
                                   &diagnostics)) {
    return fail("Импорт не выполнен: ничего не записано.");
  }
  if (table->converted_from_cp1251 && !quiet) std::cerr << flags.file << ": файл прочитан в кодировке Windows-1251\n";
  if (outcome.template_columns && !quiet) {
    std::cerr << flags.file << ": карта болей по шаблону приложения 1 (без кодов, видов мероприятий и статусов)\n";
  }
  for (const DecisionFileChange& file : outcome.files) {
    for (const std::string& measure : file.removed_measures) {
      std::cerr << file.path << ": мероприятие «" << measure << "» удалено: его нет в таблице\n";
    }
    if (quiet || file.kind == DecisionFileChange::Kind::kUnchanged) continue;
    std::cerr << file.path << ": "
              << (file.kind == DecisionFileChange::Kind::kCreated ? "новое решение" : "изменено") << "\n";
  }
  if (!outcome.defaults.empty() && !quiet) {
    std::cerr << "Чего нет в шаблоне, записано по умолчанию (исправьте в файлах решений, повторный импорт это "
                 "сохранит):\n";
    for (const std::string& line : outcome.defaults) std::cerr << "  - " << line << "\n";
  }
  for (const Diagnostic& warning : outcome.warnings.items()) std::cerr << "Внимание: " << warning.ToString() << "\n";
  for (const std::string& path : outcome.untouched) {
    std::cerr << "Внимание: " << path << ": этого решения нет в таблице, файл оставлен как есть.\n";
  }
  if (!quiet) {
    std::cerr << (flags.dry_run ? "Пробный запуск, ничего не записано: " : "Карта болей загружена: ")
              << DecisionImportSummary(outcome) << ".\n";
  }
  return kExitOk;
}

}  // namespace otklik::cli
