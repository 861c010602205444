// otklik: flags and commands only. Each command parses its flags and calls
// one function of the library; errors are printed here, once.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/response_commands.h"
#include "content/csv_reader.h"
#include "core/file_system.h"
#include "content/document.h"
#include "core/plural.h"
#include "model/appeal.h"
#include "model/decision.h"
#include "model/site_loader.h"
#include "preview/preview.h"
#include "receiver/server.h"
#include "render/russian.h"
#include "render/report_views.h"
#include "site/build.h"
#include "site/check.h"
#include "site/reports.h"
#include "site/scaffold.h"
#include "store/appeal_import.h"
#include "store/decision_sheet.h"

namespace {

using otklik::cli::kExitContentError;
using otklik::cli::kExitOk;
using otklik::cli::kExitUsage;
using otklik::cli::ExportResponsesFlags;
using otklik::cli::ImportFlags;
using otklik::cli::RunExportResponses;
using otklik::cli::RunImportResponses;

// Accepts YYYY-MM-DD for --as-of.
std::string ValidateDate(const std::string& text) {
  return otklik::Date::Parse(text) ? "" : "ожидается дата в виде ГГГГ-ММ-ДД, например 2026-04-15";
}

void AddAsOf(CLI::App* command, std::string* as_of) {
  command->add_option("--as-of", *as_of, "Дата, на которую собирается сайт (ГГГГ-ММ-ДД); по умолчанию сегодня")
      ->check(CLI::Validator(ValidateDate, "ГГГГ-ММ-ДД", "date"));
}

int RunBuild(otklik::BuildOptions options, const std::string& as_of, bool quiet, otklik::Progress& progress) {
  options.progress = &progress;
  if (!as_of.empty()) options.as_of = *otklik::Date::Parse(as_of);
  otklik::RealFileSystem fs;
  otklik::Diagnostics diagnostics;
  otklik::BuildSummary summary;
  const auto start = std::chrono::steady_clock::now();
  if (!otklik::Build(fs, options, &summary, &diagnostics)) {
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

// Flags of `otklik receive`; each overrides the config file when given.
struct ReceiveFlags {
  std::string config;
  std::string content;
  std::string data;
  std::string listen;
  std::string instance;
  std::string internal_url;
  std::string audience;
  std::string access_log;
};

int RunReceive(const ReceiveFlags& flags) {
  otklik::ReceiverConfig config;
  if (!flags.config.empty()) {
    otklik::RealFileSystem fs;
    otklik::Result<std::string> text = fs.ReadFile(flags.config);
    if (!text.ok()) {
      std::cerr << text.status().message() << "\n";
      return kExitContentError;
    }
    otklik::Diagnostics diagnostics;
    std::optional<otklik::ReceiverConfig> parsed = otklik::ParseReceiverConfig(flags.config, text.value(), &diagnostics);
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
  if (!flags.listen.empty() && !otklik::ParseListen(flags.listen, &config.host, &config.port)) {
    std::cerr << "--listen: ожидается адрес вида 127.0.0.1:8081\n";
    return kExitUsage;
  }
  return otklik::RunReceiver(config, std::cerr);
}

// Where a measure's deadline stands on `as_of`: «просрочено на 3 дня», «срок сегодня», «осталось 5 дней».
std::string DeadlineText(const otklik::Date& deadline, const otklik::Date& as_of) {
  const long days = deadline.DayNumber() - as_of.DayNumber();
  if (days < 0) return "просрочено на " + otklik::CountWithNoun(-days, "день", "дня", "дней");
  if (days == 0) return "срок сегодня";
  return "осталось " + otklik::CountWithNoun(days, "день", "дня", "дней");
}

nlohmann::json DiagnosticsJson(const otklik::Diagnostics& diagnostics) {
  nlohmann::json out = nlohmann::json::array();
  for (const otklik::Diagnostic& d : diagnostics.items()) {
    out.push_back({{"path", d.path}, {"line", d.line}, {"message", d.message}});
  }
  return out;
}

// `otklik check --json`: the same findings for scripts.
nlohmann::json CheckJson(const otklik::CheckReport& report, const otklik::Date& as_of) {
  using nlohmann::json;
  json flagged = json::array();
  for (const otklik::CheckedService& s : report.flagged) {
    flagged.push_back({{"id", s.id},
                       {"title", s.title},
                       {"indicator", s.indicator},
                       {"reason", s.flag.reason},
                       {"ratings", s.flag.level.n}});
  }
  static const char* const kStatus[] = {"on-time", "late", "due", "overdue"};
  json reports = json::array();
  for (const otklik::CheckedReport& r : report.reports) {
    reports.push_back({{"quarter", r.quarter.Key()},
                       {"status", kStatus[static_cast<size_t>(r.status.kind)]},
                       {"deadline", r.status.deadline.ToString()},
                       {"days", r.status.days}});
  }
  const auto decisions = [&](const std::vector<otklik::CheckedDecision>& list) {
    json out = json::array();
    for (const otklik::CheckedDecision& d : list) {
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
  for (const otklik::ClosingSurvey& s : report.closing_surveys) {
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
          {"warnings", DiagnosticsJson(report.warnings)}};
}

int RunCheck(const otklik::CheckOptions& options, bool json) {
  otklik::RealFileSystem fs;
  otklik::Diagnostics errors;
  otklik::CheckReport report;
  if (!otklik::Check(fs, options, &report, &errors)) {
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
  for (const otklik::CheckedReport& checked : report.reports) {
    overdue += checked.status.kind == otklik::ReportStatus::Kind::kOverdue ? 1 : 0;
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
  const std::string quarter = otklik::PeriodLabel(report.quarter);
  if (report.flagged.empty()) {
    std::cout << "Дополнительный опрос не нужен ни одной услуге (" << quarter << ").\n";
  } else {
    std::cout << "Рекомендован дополнительный ежеквартальный опрос (" << quarter << "; цель — не ниже "
              << report.target << " %, оценок 1–2 — не больше " << report.negative_limit << " %):\n";
    for (const otklik::CheckedService& service : report.flagged) {
      std::cout << "  " << service.title << " (" << service.id
                << (service.indicator_title.empty() ? "" : ", " + service.indicator_title)
                << "): " << service.flag.reason
                << (service.flag.level.n > 0 ? "; оценок — " + std::to_string(service.flag.level.n) : "") << "\n";
    }
  }
  if (!report.reports.empty()) {
    std::cout << "Анализ обращений (записей — " << report.appeal_records
              << "; публикуется не позднее 45-го дня после квартала):\n";
    for (const otklik::CheckedReport& checked : report.reports) {
      std::cout << "  " << otklik::PeriodLabel(checked.quarter) << ": " << otklik::ReportStatusText(checked.status)
                << " (срок — " << otklik::RussianDate(checked.status.deadline) << ")\n";
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
      for (const otklik::CheckedDecision& d : *list) {
        std::cout << "  " << d.path << ": «" << d.measure << "» — срок " << otklik::RussianDate(d.deadline) << " ("
                  << DeadlineText(d.deadline, options.as_of) << "), отвечает: " << d.responsible << "\n";
      }
    }
  }
  if (!report.closing_surveys.empty()) {
    std::cout << "Скоро закончится приём ответов:\n";
    for (const otklik::ClosingSurvey& s : report.closing_surveys) {
      std::cout << "  " << s.title << " (" << s.id << (s.internal ? ", внутренний" : "") << "): последний день — "
                << otklik::RussianDate(s.closes) << "\n";
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

int RunReportFreeze(const std::string& content_dir, const std::string& key, const std::string& as_of_text) {
  otklik::RealFileSystem fs;
  otklik::Diagnostics errors;
  const otklik::Date as_of = as_of_text.empty() ? otklik::Date::Today() : *otklik::Date::Parse(as_of_text);
  const std::optional<otklik::Site> site = otklik::LoadSite(fs, content_dir, &errors);
  std::optional<otklik::ReportData> data;
  if (site) data = otklik::LoadReportData(fs, content_dir, *site, as_of, &errors);
  bool changed = false;
  if (!data || !otklik::FreezeReport(fs, content_dir, *site, *data, key, as_of, &changed, &errors)) {
    std::cerr << errors.ToString() << "Числа отчёта не закреплены.\n";
    return kExitContentError;
  }
  const std::string path = otklik::JoinPath(otklik::JoinPath(content_dir, "reports"), key + ".numbers.json");
  std::cout << (changed ? "Числа отчёта закреплены: " : "Числа отчёта уже закреплены и не изменились: ") << path
            << "\n";
  return kExitOk;
}


// Flags of `otklik import appeals`.
struct AppealImportFlags {
  std::string content = "content";
  std::string mapping;
  std::string file;
  bool skip_invalid = false;
};

// "content/appeals/2026-q3.csv: было 512 записей, стало 543", and the warning for a published report.
void PrintQuarterFile(const otklik::AppealQuarterFile& file, bool quiet) {
  const auto records = [](size_t n) {
    return std::to_string(n) + " " + otklik::RussianPlural(static_cast<long>(n), "запись", "записи", "записей");
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

int RunImportAppeals(const AppealImportFlags& flags, const std::string& as_of, bool quiet, otklik::Progress& progress) {
  otklik::RealFileSystem fs;
  otklik::Diagnostics diagnostics;
  const auto fail = [&](const std::string& what) {
    std::cerr << diagnostics.ToString() << what << "\n";
    return kExitContentError;
  };
  const std::optional<otklik::Site> site = otklik::LoadSite(fs, flags.content, &diagnostics);
  if (!site) return fail("Импорт не выполнен: сначала исправьте материалы.");
  otklik::AppealMapping mapping;
  if (!flags.mapping.empty()) {
    otklik::Result<std::string> text = fs.ReadFile(flags.mapping);
    if (!text.ok()) return fail(text.status().message());
    std::optional<otklik::AppealMapping> parsed =
        otklik::ParseAppealMapping(flags.mapping, text.value(), site->touchpoints(), &diagnostics);
    if (!parsed) return fail("Импорт не выполнен: исправьте файл сопоставления.");
    mapping = std::move(*parsed);
  }
  otklik::Result<std::string> bytes = fs.ReadFile(flags.file);
  if (!bytes.ok()) return fail(bytes.status().message());
  const std::optional<otklik::CsvTable> table = otklik::ParseCsv(flags.file, bytes.value(), &diagnostics);
  if (!table) return fail("Импорт не выполнен: ничего не записано.");
  const otklik::AppealImportRequest request{
      flags.content, as_of.empty() ? otklik::Date::Today() : *otklik::Date::Parse(as_of), flags.skip_invalid, &progress};
  otklik::AppealImportOutcome outcome;
  if (!otklik::ImportAppeals(fs, flags.file, *table, mapping, site->touchpoints(), request, &outcome, &diagnostics)) {
    for (const otklik::AppealQuarterFile& file : outcome.quarters) PrintQuarterFile(file, false);
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
  for (const otklik::AppealQuarterFile& file : outcome.quarters) PrintQuarterFile(file, quiet);
  if (!outcome.invalid.empty()) std::cerr << "Пропущены строки с ошибками: " << RowList(outcome.invalid) << ".\n";
  if (!quiet) {
    const std::string skipped = std::to_string(outcome.invalid.size());
    std::cerr << "Импортировано обращений: " << outcome.imported << " из " << outcome.rows << " "
              << otklik::RussianPlural(static_cast<long>(outcome.rows), "строки", "строк", "строк")
              << (outcome.invalid.empty() ? "" : " (с ошибками пропущено: " + skipped + ")") << "\n";
  }
  return kExitOk;
}

// The site, its appeals and its pain map, as the build reads them.
struct PainMap {
  otklik::Site site;
  otklik::Appeals appeals;
  std::vector<otklik::Decision> decisions;
};

std::optional<PainMap> LoadPainMap(const otklik::FileSystem& fs, const std::string& content_dir,
                                   const otklik::Date& as_of, otklik::Diagnostics* diagnostics) {
  std::optional<otklik::Site> site = otklik::LoadSite(fs, content_dir, diagnostics);
  if (!site) return std::nullopt;
  std::optional<otklik::Appeals> appeals = otklik::LoadAppeals(fs, content_dir, site->touchpoints(),
                                                               std::max(as_of, otklik::Date::Today()), diagnostics);
  if (!appeals) return std::nullopt;
  std::optional<std::vector<otklik::Decision>> decisions =
      otklik::LoadDecisions(fs, content_dir, *site, *appeals, as_of, diagnostics);
  if (!decisions) return std::nullopt;
  return PainMap{std::move(*site), std::move(*appeals), std::move(*decisions)};
}

otklik::Date AsOf(const std::string& text) { return text.empty() ? otklik::Date::Today() : *otklik::Date::Parse(text); }

int RunNew(const std::string& content_dir, const std::string& kind, const std::string& name, const std::string& as_of,
           bool quiet) {
  otklik::RealFileSystem fs;
  otklik::Diagnostics errors;
  std::string written;
  if (name.empty() && kind != "calendar") {
    std::cerr << "Укажите код: otklik new " << kind << " КОД (строчные латинские буквы, цифры и дефис).\n";
    return kExitUsage;
  }
  if (!otklik::CreateScaffold(fs, content_dir, kind, name, AsOf(as_of), &written, &errors)) {
    std::cerr << errors.ToString() << "Файл не создан.\n";
    // A name that cannot be an id (or any name for the calendar) is a usage error; anything the content decides is a content error.
    const bool usage = kind == "calendar" ? !name.empty() : !otklik::IsValidId(name);
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

int RunExportDecisions(const std::string& content_dir, const std::string& out, const std::string& as_of, bool quiet) {
  otklik::RealFileSystem fs;
  otklik::Diagnostics diagnostics;
  const std::optional<PainMap> map = LoadPainMap(fs, content_dir, AsOf(as_of), &diagnostics);
  if (!map) {
    std::cerr << diagnostics.ToString() << "Выгрузка не выполнена: сначала исправьте материалы.\n";
    return kExitContentError;
  }
  const std::string table = otklik::ExportDecisionSheet(map->site, map->decisions);
  if (out.empty()) {
    std::cout << table;
    return kExitOk;
  }
  if (otklik::Status written = fs.ReplaceFile(out, table); !written.ok()) {
    std::cerr << written.message() << "\n";
    return kExitContentError;
  }
  size_t measures = 0;
  for (const otklik::Decision& decision : map->decisions) measures += decision.measures.size();
  if (!quiet) {
    std::cerr << "Карта болей выгружена в " << out << ": решений — " << map->decisions.size() << ", мероприятий — "
              << measures << ".\n";
  }
  return kExitOk;
}


// Flags of `otklik import decisions`.
struct DecisionImportFlags {
  std::string content = "content";
  std::string file;
  bool dry_run = false;
};

// "создано 1 решение, изменено 0 решений, без изменений 3 решения"
std::string DecisionImportSummary(const otklik::DecisionImportOutcome& outcome) {
  using Kind = otklik::DecisionFileChange::Kind;
  const auto decisions = [&](Kind kind) {
    const long n = static_cast<long>(outcome.Count(kind));
    return std::to_string(n) + " " + otklik::RussianPlural(n, "решение", "решения", "решений");
  };
  return "создано " + decisions(Kind::kCreated) + ", изменено " + decisions(Kind::kChanged) + ", без изменений " +
         decisions(Kind::kUnchanged);
}

int RunImportDecisions(const DecisionImportFlags& flags, const std::string& as_of, bool quiet) {
  otklik::RealFileSystem fs;
  otklik::Diagnostics diagnostics;
  const auto fail = [&](const std::string& what) {
    std::cerr << diagnostics.ToString() << what << "\n";
    return kExitContentError;
  };
  const std::optional<PainMap> map = LoadPainMap(fs, flags.content, AsOf(as_of), &diagnostics);
  if (!map) return fail("Импорт не выполнен: сначала исправьте материалы.");
  otklik::Result<std::string> bytes = fs.ReadFile(flags.file);
  if (!bytes.ok()) return fail(bytes.status().message());
  const std::optional<otklik::CsvTable> table = otklik::ParseCsv(flags.file, bytes.value(), &diagnostics);
  if (!table) return fail("Импорт не выполнен: ничего не записано.");
  if (table->rows.empty()) return fail("В таблице нет строк с решениями: ничего не записано.");
  const otklik::DecisionImportRequest request{flags.content, AsOf(as_of), flags.dry_run};
  otklik::DecisionImportOutcome outcome;
  if (!otklik::ImportDecisionSheet(fs, flags.file, *table, map->site, map->appeals, map->decisions, request, &outcome,
                                   &diagnostics)) {
    return fail("Импорт не выполнен: ничего не записано.");
  }
  if (table->converted_from_cp1251 && !quiet) std::cerr << flags.file << ": файл прочитан в кодировке Windows-1251\n";
  for (const otklik::DecisionFileChange& file : outcome.files) {
    for (const std::string& measure : file.removed_measures) {
      std::cerr << file.path << ": мероприятие «" << measure << "» удалено: его нет в таблице\n";
    }
    if (quiet || file.kind == otklik::DecisionFileChange::Kind::kUnchanged) continue;
    std::cerr << file.path << ": "
              << (file.kind == otklik::DecisionFileChange::Kind::kCreated ? "новое решение" : "изменено") << "\n";
  }
  for (const std::string& path : outcome.untouched) {
    std::cerr << "Внимание: " << path << ": этого решения нет в таблице, файл оставлен как есть.\n";
  }
  if (!quiet) {
    std::cerr << (flags.dry_run ? "Пробный запуск, ничего не записано: " : "Карта болей загружена: ")
              << DecisionImportSummary(outcome) << ".\n";
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Otklik: сайт о том, как ведомство слышит граждан и что меняет по их отзывам"};
  app.require_subcommand(1);
  app.fallthrough();  // global flags such as --quiet may follow the command
  bool quiet = false;
  CLI::Option* quiet_flag = app.add_flag("-q,--quiet", quiet, "Не выводить ничего, кроме ошибок");
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Подробно: каждый шаг и его время")->excludes(quiet_flag);

  otklik::BuildOptions build;
  std::string as_of;
  CLI::App* build_command = app.add_subcommand("build", "Собрать статический сайт");
  build_command->add_option("--content", build.content_dir, "Папка с материалами ведомства")->capture_default_str();
  build_command->add_option("--templates", build.templates_dir, "Папка с шаблонами")->capture_default_str();
  build_command->add_option("--data", build.data_dir, "Папка с ответами на опросы")->capture_default_str();
  build_command->add_option("--out", build.out_dir, "Куда записать сайт")->capture_default_str();
  build_command->add_option("--internal", build.internal_dir, "Куда записать страницы для сотрудников (внутренние опросы)")
      ->capture_default_str();
  build_command->add_option("--threads", build.threads, "Число потоков (0 — по числу ядер)")->capture_default_str();
  AddAsOf(build_command, &as_of);

  otklik::PreviewOptions serve;
  serve.build.out_dir = "preview";
  std::string serve_as_of;
  CLI::App* serve_command =
      app.add_subcommand("serve", "Предпросмотр: собрать сайт, показать его в браузере и пересобирать при каждом изменении");
  serve_command->add_option("--content", serve.build.content_dir, "Папка с материалами ведомства")->capture_default_str();
  serve_command->add_option("--templates", serve.build.templates_dir, "Папка с шаблонами")->capture_default_str();
  serve_command->add_option("--data", serve.build.data_dir, "Папка с ответами на опросы")->capture_default_str();
  serve_command->add_option("--out", serve.build.out_dir, "Куда записать сайт для предпросмотра (не site: в нём локальный адрес)")
      ->capture_default_str();
  serve_command->add_option("--host", serve.host, "Адрес (по умолчанию только этот компьютер)")->capture_default_str();
  serve_command->add_option("--port", serve.port, "Порт")->capture_default_str()->check(CLI::Range(1, 65535));
  AddAsOf(serve_command, &serve_as_of);

  ReceiveFlags receive;
  CLI::App* receive_command = app.add_subcommand("receive", "Принимать ответы на опросы (за nginx)");
  receive_command->add_option("--config", receive.config, "Файл настроек приёма ответов (YAML)");
  receive_command->add_option("--content", receive.content, "Папка с материалами ведомства (по умолчанию content)");
  receive_command->add_option("--data", receive.data, "Папка для ответов (по умолчанию data)");
  receive_command->add_option("--listen", receive.listen, "Адрес и порт (по умолчанию 127.0.0.1:8081)");
  receive_command->add_option("--instance", receive.instance, "Имя процесса в именах файлов ответов (по умолчанию r1)");
  receive_command->add_option("--internal-url", receive.internal_url, "Адрес страниц для сотрудников");
  receive_command
      ->add_option("--audience", receive.audience,
                   "Чьи опросы принимать: public — внешние (по умолчанию), internal — опросы сотрудников")
      ->check(CLI::IsMember({"public", "internal"}));
  receive_command->add_option("--access-log", receive.access_log, "Файл журнала запросов (по умолчанию stderr)");

  otklik::CheckOptions check;
  std::string check_as_of;
  CLI::App* check_command = app.add_subcommand("check", "Проверить материалы и найти услуги, которым нужен дополнительный опрос");
  check_command->add_option("--content", check.content_dir, "Папка с материалами ведомства")->capture_default_str();
  check_command->add_option("--data", check.data_dir, "Папка с ответами на опросы")->capture_default_str();
  AddAsOf(check_command, &check_as_of);
  bool check_json = false;
  check_command->add_flag("--json", check_json, "Вывести результат в JSON (для скриптов)");

  ImportFlags import;
  std::string import_as_of;
  CLI::App* import_command = app.add_subcommand("import", "Загрузить данные из таблиц (CSV)");
  import_command->require_subcommand(1);
  CLI::App* import_responses =
      import_command->add_subcommand("responses", "Загрузить ответы: бумажные анкеты или выгрузку платформы обратной связи");
  import_responses->add_option("--survey", import.survey, "Опрос, на который даны ответы")->required();
  import_responses->add_option("--source", import.source, "Откуда ответы: paper (бумажные анкеты) или platform (ПОС)")
      ->required()
      ->check(CLI::IsMember({"paper", "platform"}));
  import_responses->add_option("--mapping", import.mapping, "Файл сопоставления столбцов и вопросов (YAML)");
  import_responses->add_option("--revision", import.revision, "Редакция анкеты, по которой собраны ответы (по умолчанию текущая)");
  import_responses->add_flag("--skip-invalid", import.skip_invalid, "Загрузить верные строки, даже если в других есть ошибки");
  import_responses->add_option("--content", import.content, "Папка с материалами ведомства")->capture_default_str();
  import_responses->add_option("--data", import.data, "Папка с ответами")->capture_default_str();
  AddAsOf(import_responses, &import_as_of);
  import_responses->add_option("file", import.file, "Таблица с ответами (CSV)")->required();
  AppealImportFlags import_appeals_flags;
  CLI::App* import_appeals =
      import_command->add_subcommand("appeals", "Загрузить обращения из выгрузки реестра в content/appeals/");
  import_appeals->add_option("--mapping", import_appeals_flags.mapping, "Файл сопоставления столбцов и значений (YAML)");
  import_appeals->add_flag("--skip-invalid", import_appeals_flags.skip_invalid,
                           "Загрузить верные строки, даже если в других есть ошибки");
  import_appeals->add_option("--content", import_appeals_flags.content, "Папка с материалами ведомства")
      ->capture_default_str();
  AddAsOf(import_appeals, &import_as_of);
  import_appeals->add_option("file", import_appeals_flags.file, "Выгрузка реестра обращений (CSV)")->required();
  DecisionImportFlags import_decisions_flags;
  CLI::App* import_decisions = import_command->add_subcommand(
      "decisions", "Загрузить карту болей из таблицы (выгрузки otklik export decisions) в content/decisions/");
  import_decisions->add_flag("--dry-run", import_decisions_flags.dry_run,
                             "Проверить таблицу и показать, что изменится, ничего не записывая");
  import_decisions->add_option("--content", import_decisions_flags.content, "Папка с материалами ведомства")
      ->capture_default_str();
  AddAsOf(import_decisions, &import_as_of);
  import_decisions->add_option("file", import_decisions_flags.file, "Таблица карты болей (CSV)")->required();

  std::string export_content = "content";
  std::string export_out;
  std::string export_as_of;
  CLI::App* export_command = app.add_subcommand("export", "Выгрузить данные в таблицы (CSV)");
  export_command->require_subcommand(1);
  CLI::App* export_decisions =
      export_command->add_subcommand("decisions", "Выгрузить карту болей в таблицу: строка на мероприятие");
  export_decisions->add_option("--content", export_content, "Папка с материалами ведомства")->capture_default_str();
  export_decisions->add_option("--out", export_out, "Куда записать таблицу (по умолчанию — в стандартный вывод)");
  AddAsOf(export_decisions, &export_as_of);
  ExportResponsesFlags export_responses_flags;
  CLI::App* export_responses = export_command->add_subcommand(
      "responses", "Выгрузить ответы на опрос в таблицу для анализа: строка на ответ, плюс описание кодов");
  export_responses->add_option("--survey", export_responses_flags.survey, "Опрос из content/surveys/")->required();
  export_responses->add_option("--from", export_responses_flags.from, "Первый день (ГГГГ-ММ-ДД)")
      ->check(CLI::Validator(ValidateDate, "ГГГГ-ММ-ДД", "date"));
  export_responses->add_option("--to", export_responses_flags.to, "Последний день (ГГГГ-ММ-ДД)")->check(CLI::Validator(ValidateDate, "ГГГГ-ММ-ДД", "date"));
  export_responses->add_option("--out", export_responses_flags.out,
                               "Куда записать таблицу (по умолчанию — в стандартный вывод)");
  export_responses->add_option("--codebook", export_responses_flags.codebook,
                               "Куда записать описание столбцов и кодов (по умолчанию — рядом с --out: "
                               "<имя>.codebook.csv)");
  export_responses->add_flag("--with-text", export_responses_flags.with_text,
                             "Добавить открытые ответы (телефоны, почта, СНИЛС и ФИО в них скрываются)");
  export_responses->add_option("--content", export_responses_flags.content, "Папка с материалами ведомства")
      ->capture_default_str();
  export_responses->add_option("--data", export_responses_flags.data, "Папка с ответами")->capture_default_str();

  std::string new_content = "content";
  std::string new_kind;
  std::string new_name;
  std::string new_as_of;
  CLI::App* new_command =
      app.add_subcommand(
          "new", "Создать файл услуги, ситуации, точки, опроса, решения, страницы или производственный календарь");
  new_command
      ->add_option("kind", new_kind,
                   "Что создать: service, situation, touchpoint, survey, decision, page или calendar "
                   "(производственный календарь)")
      ->required()
      ->check(CLI::IsMember(otklik::ScaffoldKindNames()));
  new_command->add_option("name", new_name,
                          "Код (имя файла и адрес страницы): строчные латинские буквы, цифры, дефис; у calendar его нет");
  new_command->add_option("--content", new_content, "Папка с материалами ведомства")->capture_default_str();
  AddAsOf(new_command, &new_as_of);

  std::string report_content = "content";
  std::string report_key;
  std::string report_as_of;
  CLI::App* report_command = app.add_subcommand("report", "Работа с отчётами об обращениях");
  report_command->require_subcommand(1);
  CLI::App* report_freeze = report_command->add_subcommand(
      "freeze", "Закрепить числа опубликованного отчёта: после этого сборка не даст им измениться без исправления");
  report_freeze->add_option("quarter", report_key, "Квартал отчёта, например 2026-q3")->required();
  report_freeze->add_option("--content", report_content, "Папка с материалами ведомства")->capture_default_str();
  AddAsOf(report_freeze, &report_as_of);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (build.out_dir.empty()) {
    std::cerr << "--out: укажите папку для сайта\n";
    return kExitUsage;
  }
  otklik::StreamProgress stream = otklik::StreamProgress::ForStderr(verbose);
  otklik::Progress& progress = quiet ? otklik::NoProgress() : stream;
  if (*build_command) return RunBuild(build, as_of, quiet, progress);
  if (*receive_command) return RunReceive(receive);
  if (*serve_command) {
    if (!serve_as_of.empty()) serve.build.as_of = *otklik::Date::Parse(serve_as_of);
    serve.build.progress = &progress;
    return otklik::RunPreview(serve, std::cerr);
  }
  if (*check_command) {
    if (!check_as_of.empty()) check.as_of = *otklik::Date::Parse(check_as_of);
    if (!check_json) check.progress = &progress;
    return RunCheck(check, check_json);
  }
  if (*import_responses) return RunImportResponses(import, import_as_of, quiet, progress);
  if (*import_appeals) return RunImportAppeals(import_appeals_flags, import_as_of, quiet, progress);
  if (*import_decisions) return RunImportDecisions(import_decisions_flags, import_as_of, quiet);
  if (*export_decisions) return RunExportDecisions(export_content, export_out, export_as_of, quiet);
  if (*export_responses) return RunExportResponses(export_responses_flags, quiet);
  if (*new_command) return RunNew(new_content, new_kind, new_name, new_as_of, quiet);
  if (*report_freeze) return RunReportFreeze(report_content, report_key, report_as_of);
  return kExitUsage;
}
