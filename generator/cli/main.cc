// otklik: flags and commands only. Each command parses its flags and calls
// one function of the library; errors are printed here, once.

#include <chrono>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "core/file_system.h"
#include "receiver/server.h"
#include "site/build.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitContentError = 1;
constexpr int kExitUsage = 2;

// Accepts YYYY-MM-DD for --as-of.
std::string ValidateDate(const std::string& text) {
  return otklik::Date::Parse(text) ? "" : "ожидается дата в виде ГГГГ-ММ-ДД, например 2026-04-15";
}

void AddAsOf(CLI::App* command, std::string* as_of) {
  command->add_option("--as-of", *as_of, "Дата, на которую собирается сайт (ГГГГ-ММ-ДД); по умолчанию сегодня")
      ->check(CLI::Validator(ValidateDate, "ГГГГ-ММ-ДД", "date"));
}

int RunBuild(otklik::BuildOptions options, const std::string& as_of, bool quiet) {
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
  if (!flags.listen.empty() && !otklik::ParseListen(flags.listen, &config.host, &config.port)) {
    std::cerr << "--listen: ожидается адрес вида 127.0.0.1:8081\n";
    return kExitUsage;
  }
  return otklik::RunReceiver(config, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Otklik: сайт о том, как ведомство слышит граждан и что меняет по их отзывам"};
  app.require_subcommand(1);
  app.fallthrough();  // global flags such as --quiet may follow the command
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "Не выводить ничего, кроме ошибок");

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

  ReceiveFlags receive;
  CLI::App* receive_command = app.add_subcommand("receive", "Принимать ответы на опросы (за nginx)");
  receive_command->add_option("--config", receive.config, "Файл настроек приёма ответов (YAML)");
  receive_command->add_option("--content", receive.content, "Папка с материалами ведомства (по умолчанию content)");
  receive_command->add_option("--data", receive.data, "Папка для ответов (по умолчанию data)");
  receive_command->add_option("--listen", receive.listen, "Адрес и порт (по умолчанию 127.0.0.1:8081)");
  receive_command->add_option("--instance", receive.instance, "Имя процесса в именах файлов ответов (по умолчанию r1)");
  receive_command->add_option("--internal-url", receive.internal_url, "Адрес страниц для сотрудников");
  receive_command->add_option("--access-log", receive.access_log, "Файл журнала запросов (по умолчанию stderr)");

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
  if (*build_command) return RunBuild(build, as_of, quiet);
  if (*receive_command) return RunReceive(receive);
  return kExitUsage;
}
