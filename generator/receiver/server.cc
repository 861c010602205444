#include "receiver/server.h"

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include <httplib.h>

#include "core/file_system.h"
#include "model/site_loader.h"
#include "model/translation.h"
#include "receiver/handler.h"
#include "receiver/http_server.h"
#include "store/segment_writer.h"

namespace otklik {

namespace {

// The handler in use; SIGHUP swaps in a new one while requests keep the old.
class HandlerSlot {
 public:
  std::shared_ptr<const Handler> Get() const {
    std::lock_guard lock(mutex_);
    return handler_;
  }
  void Set(std::shared_ptr<const Handler> handler) {
    std::lock_guard lock(mutex_);
    handler_ = std::move(handler);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Handler> handler_;
};

// The site and its other languages (content/<code>/, the built-in
// catalogues): a translation with errors is reported and its forms are
// answered in Russian, so that no answer is refused for a text.
struct LoadedContent {
  std::shared_ptr<const Site> site;
  std::vector<std::shared_ptr<const Site>> translations;
};

std::optional<LoadedContent> LoadContent(const std::string& content_dir, std::ostream& log) {
  RealFileSystem fs;
  Diagnostics diagnostics;
  std::optional<Site> site = LoadSite(fs, content_dir, &diagnostics);
  if (!site) {
    log << diagnostics.ToString();
    return std::nullopt;
  }
  LoadedContent loaded{std::make_shared<const Site>(std::move(*site)), {}};
  const std::vector<std::string>& languages = loaded.site->config().languages;
  for (size_t i = 1; i < languages.size(); ++i) {
    Diagnostics problems;
    if (std::optional<Translation> translation =
            LoadTranslation(fs, content_dir, "", languages[i], *loaded.site, {}, &problems)) {
      loaded.translations.push_back(std::make_shared<const Site>(std::move(translation->site)));
    } else {
      log << problems.ToString() << "Формы на языке «" << languages[i] << "» получат ответы на русском.\n";
    }
  }
  return loaded;
}

// This instance's existing segments, to check for torn lines at start.
std::vector<std::string> OwnSegments(const std::string& data_dir, const std::string& instance) {
  RealFileSystem fs;
  const std::string dir = JoinPath(data_dir, "responses");
  std::vector<std::string> own;
  for (const std::string& file : fs.ListFiles(dir)) {
    if (file.ends_with("." + instance + ".jsonl")) own.push_back(JoinPath(dir, file));
  }
  return own;
}

HttpServerOptions ServerOptions(const ReceiverConfig& config) {
  HttpServerOptions options;
  options.workers = static_cast<size_t>(config.workers);
  options.connections = static_cast<size_t>(config.connections);
  options.per_client = static_cast<size_t>(config.per_client);
  options.request_timeout = std::chrono::seconds(config.read_timeout);
  options.write_timeout = std::chrono::seconds(config.write_timeout);
  options.keep_alive = std::chrono::seconds(config.keep_alive);
  options.limits.body_bytes = config.body_limit;
  options.trusted_proxies = config.trusted_proxies;
  return options;
}

struct Receiver {
  const ReceiverConfig& config;
  std::ostream& log;
  std::mutex log_mutex;
  ReceiverCounters counters;
  RateLimiter limiter{config.rate_per_minute, config.burst};
  SegmentWriter writer;
  HandlerSlot slot;
  std::mutex access_mutex;
  std::ofstream access_file;
  Handler::Today today;
  // Storage failures are logged at once, then at most every kFailureReport
  // with how many there were, and once more when storing works again.
  static constexpr std::chrono::seconds kFailureReport{10};
  std::mutex failure_mutex;
  bool failing = false;
  uint64_t failures_unreported = 0;
  std::chrono::steady_clock::time_point failure_reported;

  Receiver(const ReceiverConfig& c, std::ostream& l, Handler::Today t)
      : config(c),
        log(l),
        writer({c.data_dir, c.instance, OpenDiskAppendFile, [this](const std::string& m) { Log(m); }}),
        today(std::move(t)) {}

  void Log(const std::string& line) {
    std::lock_guard lock(log_mutex);
    log << line << "\n" << std::flush;
  }

  Status Store(const StoredResponse& stored) {
    Status status = writer.Append(stored.response.survey, stored.date, EncodeLine(stored));
    std::string report;
    {
      std::lock_guard lock(failure_mutex);
      const auto now = std::chrono::steady_clock::now();
      if (!status.ok()) {
        ++failures_unreported;
        if (!failing || now - failure_reported >= kFailureReport) {
          report = "Ответы не сохраняются (ответ 503, отказов: " + std::to_string(failures_unreported) +
                   "): " + status.message();
          failures_unreported = 0;
          failure_reported = now;
        }
        failing = true;
      } else if (failing) {
        report = "Ответы снова сохраняются" +
                 (failures_unreported > 0 ? " (ещё отказов: " + std::to_string(failures_unreported) + ")" : "") + ".";
        failing = false;
        failures_unreported = 0;
      }
    }
    if (!report.empty()) Log(report);
    return status;
  }

  std::shared_ptr<const Handler> MakeHandler(LoadedContent content) {
    Handler::Options options{content.site->config().base_url, config.internal_url, config.body_limit,
                             config.internal ? Audience::kInternal : Audience::kExternal};
    return std::make_shared<const Handler>(
        std::move(content.site), options, [this](const StoredResponse& stored) { return Store(stored); }, today,
        &limiter, &counters, std::move(content.translations));
  }

  // A refusal made before the handler is asked: plain text in the site's words.
  HttpResponse Refuse(Refusal refusal) {
    struct Kind {
      int status;
      const char* message;
      std::atomic<uint64_t> ReceiverCounters::*counter;
      bool retry;
    };
    static const std::map<Refusal, Kind> kKinds = {
        {Refusal::kOverloaded, {503, "receiver.overloaded", &ReceiverCounters::unavailable, true}},
        {Refusal::kTooManyConnections,
         {429, "receiver.too_many_connections", &ReceiverCounters::rate_limited, true}},
        {Refusal::kTimeout, {408, "receiver.request_timeout", &ReceiverCounters::timed_out, false}},
        {Refusal::kBadRequest, {400, "receiver.bad_request", &ReceiverCounters::malformed, false}},
        {Refusal::kHeadersTooLarge, {431, "receiver.request_too_large", &ReceiverCounters::malformed, false}},
        {Refusal::kInternalError, {500, "receiver.internal_error", &ReceiverCounters::unavailable, false}},
    };
    const Kind& kind = kKinds.at(refusal);
    ++(counters.*kind.counter);
    HttpResponse reply;
    reply.status = kind.status;
    reply.body = slot.Get()->site().messages()[kind.message] + "\n";
    reply.headers.emplace_back("Cache-Control", "no-store");
    if (kind.retry) reply.headers.emplace_back("Retry-After", "5");
    return reply;
  }

  void Access(std::string_view method, std::string_view path, int status) {
    std::lock_guard lock(access_mutex);
    std::ostream& out = access_file.is_open() ? static_cast<std::ostream&>(access_file) : std::cerr;
    out << method << " " << path << " " << status << "\n" << std::flush;
  }

  HttpServer::Callbacks Callbacks() {
    return {[this](const HttpRequest& request) { return slot.Get()->Handle(request); },
            [this](Refusal refusal) { return Refuse(refusal); },
            [this](std::string_view method, std::string_view path, int status) { Access(method, path, status); }};
  }
};

}  // namespace

void ExclusivePortOptions(int socket) {
  const int yes = 1;
  setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

void StopListening(httplib::Server& server, const std::atomic<bool>& listen_returned) {
  while (!server.is_running() && !listen_returned) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  server.stop();
}

int RunReceiver(const ReceiverConfig& config, std::ostream& log, Handler::Today today) {
  // Signals go to one thread that waits for them, never to a handler.
  sigset_t signals;
  sigemptyset(&signals);
  for (int signal : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, signal);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::optional<LoadedContent> site = LoadContent(config.content_dir, log);
  if (!site) {
    log << "Приём ответов не запущен: исправьте материалы в " << config.content_dir << ".\n";
    return 1;
  }
  Receiver receiver(config, log, std::move(today));
  if (!config.access_log.empty()) {
    receiver.access_file.open(config.access_log, std::ios::app);
    if (!receiver.access_file) {
      log << config.access_log << ": не удалось открыть журнал запросов\n";
      return 1;
    }
  }
  if (Status recovered = receiver.writer.Recover(OwnSegments(config.data_dir, config.instance)); !recovered.ok()) {
    log << recovered.message() << "\n";
    return 1;
  }
  receiver.slot.Set(receiver.MakeHandler(std::move(*site)));

  HttpServer server(ServerOptions(config), receiver.Callbacks());
  if (std::string error; !server.Bind(config.host, config.port, &error)) {
    log << config.host << ":" << config.port << ": не удалось открыть порт (занят или нет прав)\n";
    return 1;
  }

  std::thread waiter([&] {
    for (;;) {
      int signal = 0;
      sigwait(&signals, &signal);
      if (signal == SIGHUP) {
        if (std::optional<LoadedContent> fresh = LoadContent(config.content_dir, log)) {
          receiver.slot.Set(receiver.MakeHandler(std::move(*fresh)));
          receiver.Log("Материалы перечитаны.");
        } else {
          receiver.Log("Материалы с ошибками не приняты; работаем с прежними.");
        }
        continue;
      }
      server.Stop();
      return;
    }
  });
  receiver.Log("Приём ответов: http://" + config.host + ":" + std::to_string(config.port) + " (процесс " +
               config.instance + ")");
  server.Run();
  waiter.join();
  log << "Приём ответов остановлен: сохранено ответов — " << receiver.writer.lines() << ".\n";
  return 0;
}

}  // namespace otklik
