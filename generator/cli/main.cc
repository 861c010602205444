// otklik: flags only. Each command's flags are parsed here and handed to its
// function in cli/commands.h, which calls the library and prints the outcome.

#include <iostream>

#include <CLI/CLI.hpp>
#ifdef OTKLIK_MIMALLOC
#include <mimalloc.h>
#endif

#include "cli/commands.h"
#include "cli/response_commands.h"
#include "core/date.h"
#include "preview/preview.h"
#include "site/scaffold.h"

namespace {

using otklik::cli::AppealImportFlags;
using otklik::cli::DecisionImportFlags;
using otklik::cli::Days;
using otklik::cli::ExportResponsesFlags;
using otklik::cli::ImportFlags;
using otklik::cli::kExitUsage;
using otklik::cli::ReceiveFlags;

// Accepts YYYY-MM-DD for --as-of.
std::string ValidateDate(const std::string& text) {
  return otklik::Date::Parse(text) ? "" : "ожидается дата в виде ГГГГ-ММ-ДД, например 2026-04-15";
}

void AddAsOf(CLI::App* command, std::string* as_of) {
  command->add_option("--as-of", *as_of, "Дата, на которую собирается сайт (ГГГГ-ММ-ДД); по умолчанию сегодня")
      ->check(CLI::Validator(ValidateDate, "ГГГГ-ММ-ДД", "date"));
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
  std::string region;
  build_command
      ->add_option("--region", region,
                   "Файл региона (region.yaml): собрать портал из сайтов всех его ведомств; --content, --templates, "
                   "--data и --internal тогда берутся из него")
      ->excludes(build_command->get_option("--content"), build_command->get_option("--templates"),
                 build_command->get_option("--data"), build_command->get_option("--internal"));
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
  serve_command->add_option("--region", serve.region_file,
                            "Файл региона (region.yaml): предпросмотр портала со всеми ведомствами региона");

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
  CLI::Option* check_content =
      check_command->add_option("--content", check.content_dir, "Папка с материалами ведомства")->capture_default_str();
  CLI::Option* check_data =
      check_command->add_option("--data", check.data_dir, "Папка с ответами на опросы")->capture_default_str();
  check_command
      ->add_option("--templates", check.templates_dir, "Папка оформления (каталоги сообщений второго языка)")
      ->capture_default_str();
  AddAsOf(check_command, &check_as_of);
  bool check_json = false;
  CLI::Option* check_json_flag = check_command->add_flag("--json", check_json, "Вывести результат в JSON (для скриптов)");
  std::string check_region;
  check_command
      ->add_option("--region", check_region,
                   "Файл региона (region.yaml): проверить его, страницы региона и материалы каждого ведомства")
      ->excludes(check_json_flag)
      ->excludes(check_content)
      ->excludes(check_data);

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
      "decisions",
      "Загрузить карту болей из таблицы (выгрузки otklik export decisions или шаблона приложения 1) в content/decisions/");
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
      ->check(CLI::IsMember([] {
        std::vector<std::string> kinds = otklik::ScaffoldKindNames();
        kinds.push_back("agency");  // with --region
        return kinds;
      }()));
  new_command->add_option("name", new_name,
                          "Код (имя файла и адрес страницы): строчные латинские буквы, цифры, дефис; у calendar его нет");
  new_command->add_option("--content", new_content, "Папка с материалами ведомства")->capture_default_str();
  std::string new_region;
  new_command->add_option("--region", new_region,
                          "Файл региона (region.yaml): создать страницу портала (page) или ведомство (agency)");
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
  // The only place the clock is read: every command gets today from here,
  // and the receiver, which runs for days, a way to read it.
  const otklik::Date today = otklik::Date::Today();
  const auto days = [&](const std::string& as_of) { return Days{as_of.empty() ? today : *otklik::Date::Parse(as_of), today}; };
  if (*build_command) {
#ifdef OTKLIK_MIMALLOC
    // Memory a thread has freed goes back to the system at once rather than
    // after 25 ms: a fresh build of 10,000 pages peaks at 111–123 MB instead
    // of 146 MB in the same CPU time (scripts/bench/build-vs-hugo). Not for
    // `serve`: its rebuilds, a second apart, would fault the memory in again
    // each time (+30 ms). MIMALLOC_DECOMMIT_DELAY still overrides it.
    mi_option_set_default(mi_option_decommit_delay, 0);
#endif
    if (!region.empty()) {
      return otklik::cli::RunRegionBuild({region, build.out_dir, "", days(as_of).as_of, today, build.threads, &progress},
                                         quiet);
    }
    build.as_of = days(as_of).as_of;
    build.today = today;
    return otklik::cli::RunBuild(build, quiet, progress);
  }
  if (*receive_command) return otklik::cli::RunReceive(receive, [] { return otklik::Date::Today(); });
  if (*serve_command) {
    serve.build.as_of = days(serve_as_of).as_of;
    serve.build.today = today;
    serve.build.progress = &progress;
    return otklik::RunPreview(serve, std::cerr);
  }
  if (*check_command) {
    check.as_of = days(check_as_of).as_of;
    check.today = today;
    if (!check_json) check.progress = &progress;
    if (!check_region.empty()) return otklik::cli::RunRegionCheck(check_region, check);
    return otklik::cli::RunCheck(check, check_json);
  }
  if (*import_responses) return otklik::cli::RunImportResponses(import, days(import_as_of), quiet, progress);
  if (*import_appeals) return otklik::cli::RunImportAppeals(import_appeals_flags, days(import_as_of), quiet, progress);
  if (*import_decisions) return otklik::cli::RunImportDecisions(import_decisions_flags, days(import_as_of), quiet);
  if (*export_decisions) return otklik::cli::RunExportDecisions(export_content, export_out, days(export_as_of), quiet);
  if (*export_responses) return otklik::cli::RunExportResponses(export_responses_flags, days(""), quiet);
  if (*new_command && !new_region.empty()) return otklik::cli::RunRegionNew(new_region, new_kind, new_name, quiet);
  if (*new_command) return otklik::cli::RunNew(new_content, new_kind, new_name, days(new_as_of), quiet);
  if (*report_freeze) return otklik::cli::RunReportFreeze(report_content, report_key, days(report_as_of));
  return kExitUsage;
}
