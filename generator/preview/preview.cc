#include "preview/preview.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/plural.h"
#include "model/site_loader.h"
#include "preview/preview_files.h"
#include "preview/watcher.h"
#include "receiver/handler.h"
#include "receiver/server.h"
#include "site/publisher.h"
#include "site/region.h"
#include "store/segment_writer.h"

namespace otklik {

namespace {

using Clock = std::chrono::steady_clock;

// How long the watcher waits for the rest of one save's events.
constexpr std::chrono::milliseconds kSettle(5);
// How often an idle event stream says it is alive (and learns the page is gone).
constexpr std::chrono::seconds kPing(15);
// The most changed files the open pages are told by name; beyond, "*".
constexpr size_t kListedFiles = 500;

// What the open pages are told: which build is served and its errors.
class BuildState {
 public:
  struct Snapshot {
    uint64_t generation;
    std::string errors;                 ///< "" when the last build succeeded.
    std::vector<std::string> changed;   ///< Its files that changed; {"*"}: too many to list.
  };

  void Publish(std::string errors, std::vector<std::string> changed) {
    {
      std::lock_guard lock(mutex_);
      ++generation_;
      errors_ = std::move(errors);
      changed_files_ = std::move(changed);
    }
    changed_.notify_all();
  }

  /// The state once it differs from generation `seen`, or as it is after
  /// `timeout`; nullopt when the preview stops.
  std::optional<Snapshot> Next(uint64_t seen, std::chrono::seconds timeout) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return stopping_ || generation_ != seen; });
    if (stopping_) return std::nullopt;
    return Snapshot{generation_, errors_, changed_files_};
  }

  void Stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  uint64_t generation_ = 0;
  std::string errors_;
  std::vector<std::string> changed_files_;
  bool stopping_ = false;
};

class Preview {
 public:
  Preview(PreviewOptions options, std::ostream& log)
      : options_(std::move(options)),
        log_(log),
        writer_({HiddenSibling(options_.build.out_dir, "responses"), "preview", OpenDiskAppendFile,
                 [&log](const std::string& message) { log << message << "\n"; }}) {}

  const std::string& url() const { return options_.build.base_url; }

  /// Builds the site, tells the open pages and, on success, has the
  /// receiver take the new content. Returns whether the build succeeded.
  bool Rebuild(const std::vector<std::string>& changed) {
    const Clock::time_point start = Clock::now();
    Diagnostics diagnostics;
    Built built = region_ ? BuildPortal(&diagnostics) : BuildAgency(&diagnostics);
    const long ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    std::string errors = built.ok ? "" : diagnostics.ToString();
    const std::string pages = PageLinks(built.changed_files);
    std::vector<std::string> files = std::move(built.changed_files);
    if (files.size() > kListedFiles) files = {"*"};
    state_.Publish(errors, std::move(files));
    std::lock_guard lock(log_mutex_);
    log_ << Describe(changed);
    if (built.ok) {
      log_ << built.warnings << "Пересобрано за " << ms << " мс: " << built.facts << ".\n" << pages << std::flush;
      std::lock_guard handler_lock(handler_mutex_);
      receiver_stale_ = true;  // reloaded by the next post, not while the pages refresh
    } else {
      log_ << errors << (region_ ? "Портал не пересобран" : "Сайт не пересобран") << ": ошибок — " << diagnostics.size()
           << ". Браузер показывает их поверх последней удачной сборки.\n"
           << std::flush;
    }
    return built.ok;
  }

  /// Builds once more, silently, so that the staging tree (empty after the
  /// first build) holds the site too and the first save rewrites only what
  /// it changed.
  void FillStaging() {
    Diagnostics ignored;
    if (region_) {
      RegionBuildSummary summary;
      BuildRegion(fs_, RegionOptions(), &summary, &ignored);
      return;
    }
    BuildSummary summary;
    BuildOptions build = CachedBuild();
    build.progress = &NoProgress();
    Build(fs_, build, &summary, &ignored);
  }

  void Routes(httplib::Server& server) {
    server.Get("/_otklik/live.js", [](const httplib::Request&, httplib::Response& res) {
      HttpResponse script;
      script.content_type = "text/javascript; charset=utf-8";
      script.body = LiveReloadScript();
      script.headers.emplace_back("Cache-Control", "no-store");
      Answer(script, res);
    });
    server.Get("/_otklik/events", [this](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "no-store");
      auto seen = std::make_shared<uint64_t>(0);
      res.set_chunked_content_provider("text/event-stream", [this, seen](size_t, httplib::DataSink& sink) {
        const std::optional<BuildState::Snapshot> next = state_.Next(*seen, kPing);
        if (!next) {
          sink.done();
          return false;
        }
        std::string message = ": ping\n\n";
        if (next->generation != *seen) {
          *seen = next->generation;
          const nlohmann::json state = {
              {"generation", next->generation}, {"errors", next->errors}, {"changed", next->changed}};
          message = "data: " + state.dump() + "\n\n";
        }
        return sink.write(message.data(), message.size());
      });
    });
    server.Post(".*", [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
      std::string body;
      const size_t limit = Handler::Options{}.body_limit;
      const bool whole = read([&](const char* data, size_t length) {
        body.append(data, length);
        return body.size() <= limit;
      });
      if (!whole) body.assign(limit + 1, ' ');  // the handler answers 413
      Receive(req, res, std::move(body));
    });
    server.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.path == "/healthz") return Receive(req, res, "");
      if (!fs_.IsFile(JoinPath(options_.build.out_dir, Publisher::kMarker))) return Answer(NotBuiltYetPage(), res);
      Answer(ServeSiteFile(fs_, options_.build.out_dir, req.path), res);
    });
  }

  void Stop() { state_.Stop(); }

 private:
  // Sent as it is: httplib would otherwise compress text with Brotli at its
  // slowest setting (over 100 ms for a page), which a local preview does not
  // need. A body of known length from a content provider is never compressed.
  static void Answer(const HttpResponse& reply, httplib::Response& res) {
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name, value);
    if (reply.body.empty()) {
      res.set_content("", reply.content_type);
      return;
    }
    auto body = std::make_shared<const std::string>(reply.body);
    res.set_content_provider(body->size(), reply.content_type,
                             [body](size_t offset, size_t length, httplib::DataSink& sink) {
                               return sink.write(body->data() + offset, length);
                             });
  }

  // What a build tells the log and the open pages.
  struct Built {
    bool ok = false;
    std::vector<std::string> changed_files;
    std::string facts;     ///< «страниц — 178 (заново отрисовано — 3), изменено файлов — 5»
    std::string warnings;  ///< printed before the facts
  };

  Built BuildAgency(Diagnostics* diagnostics) {
    BuildSummary summary;
    Built built;
    built.ok = Build(fs_, CachedBuild(), &summary, diagnostics);
    summary.warnings.Sort();
    built.warnings = summary.warnings.ToString();
    built.facts = "страниц — " + std::to_string(summary.pages) + " (заново отрисовано — " +
                  std::to_string(summary.rendered) + "), изменено файлов — " + std::to_string(summary.changed);
    built.changed_files = std::move(summary.changed_files);
    return built;
  }

  // A region's portal: the agencies whose inputs changed are built again.
  Built BuildPortal(Diagnostics* diagnostics) {
    RegionBuildSummary summary;
    Built built;
    built.ok = BuildRegion(fs_, RegionOptions(), &summary, diagnostics);
    built.facts = "ведомств — " + std::to_string(summary.agencies) + ", страниц — " + std::to_string(summary.pages) +
                  ", изменено файлов — " + std::to_string(summary.changed);
    built.changed_files = std::move(summary.changed_files);
    return built;
  }

  RegionBuildOptions RegionOptions() const {
    RegionBuildOptions region;
    region.region_file = options_.region_file;
    region.out_dir = options_.build.out_dir;
    region.base_url = url();
    region.as_of = options_.build.as_of;
    region.today = options_.build.today;
    region.threads = options_.build.threads;
    return region;
  }

  BuildOptions CachedBuild() {
    BuildOptions build = options_.build;
    build.memo = &memo_;
    return build;
  }

  // The addresses of the first changed pages, one per line, for the editor
  // to open: "  http://127.0.0.1:8080/services/x/".
  std::string PageLinks(const std::vector<std::string>& files) const {
    constexpr size_t kShown = 3;
    std::string links;
    size_t pages = 0;
    for (const std::string& file : files) {
      if (!file.ends_with(".html") || file == "404.html" || file.ends_with("/404.html")) continue;
      if (++pages > kShown) continue;
      const std::string page = file.ends_with("index.html") ? file.substr(0, file.size() - 10) : file;
      links += "  " + url() + page + "\n";
    }
    if (pages > kShown) links += "  и ещё " + CountWithNoun(static_cast<long>(pages - kShown), "страница", "страницы", "страниц") + "\n";
    return links;
  }

  static std::string Describe(const std::vector<std::string>& changed) {
    if (changed.empty()) return "";
    std::string line = "Изменено: " + changed.front();
    if (changed.size() > 1) line += " и ещё " + std::to_string(changed.size() - 1);
    return line + "\n";
  }

  void Receive(const httplib::Request& req, httplib::Response& res, std::string body) {
    std::shared_ptr<const Handler> handler;
    std::string path = req.path;
    {
      std::lock_guard lock(handler_mutex_);
      if (receiver_stale_) ReloadReceiver();
      handler = handler_;
      if (region_) {
        // /<agency>/surveys/<id>: that agency's receiver, at its own address.
        const size_t slash = path.find('/', 1);
        const auto agency = handlers_.find(path.substr(1, slash == std::string::npos ? std::string::npos : slash - 1));
        if (agency == handlers_.end() || slash == std::string::npos) {
          res.status = 404;
          res.set_content("Нет такого ведомства в портале.\n", "text/plain; charset=utf-8");
          return;
        }
        handler = agency->second;
        path = path.substr(slash);
      }
    }
    if (!handler) {
      res.status = 503;
      res.set_content("Материалы с ошибками: исправьте их, и ответы снова будут приниматься.\n",
                      "text/plain; charset=utf-8");
      return;
    }
    const HttpRequest request{req.method, path, req.get_header_value("Content-Type"), std::move(body),
                              req.remote_addr};
    Answer(handler->Handle(request), res);
  }

  // The receiver checks answers against the content of the last good build.
  // REQUIRES: handler_mutex_ held.
  void ReloadReceiver() {
    receiver_stale_ = false;
    if (!region_) {
      if (std::shared_ptr<const Handler> handler = MakeHandler(options_.build.content_dir, url(), writer_)) {
        handler_ = std::move(handler);
      }
      return;
    }
    Diagnostics ignored;
    const std::optional<RegionConfig> region = LoadRegion(fs_, options_.region_file, &ignored);
    if (!region) return;
    for (const RegionAgency& agency : region->agencies) {
      std::unique_ptr<SegmentWriter>& writer = writers_[agency.id];
      if (!writer) {
        writer = std::make_unique<SegmentWriter>(SegmentWriter::Options{
            JoinPath(HiddenSibling(options_.build.out_dir, "responses"), agency.id), "preview", OpenDiskAppendFile,
            [this](const std::string& message) { log_ << message << "\n"; }});
      }
      if (std::shared_ptr<const Handler> handler = MakeHandler(agency.content_dir, url() + agency.id + "/", *writer)) {
        handlers_[agency.id] = std::move(handler);
      }
    }
  }

  // A receiver for the content in `content_dir` at `address`, storing into
  // `writer`; null while that content is broken (the previous one stays).
  std::shared_ptr<const Handler> MakeHandler(const std::string& content_dir, const std::string& address,
                                             SegmentWriter& writer) {
    Diagnostics ignored;
    std::optional<Site> site = LoadSite(fs_, content_dir, &ignored);
    if (!site) return nullptr;
    site->MoveTo(address);
    const Date today = options_.build.as_of;
    return std::make_shared<const Handler>(
        std::make_shared<const Site>(std::move(*site)), Handler::Options{address, "", Handler::Options{}.body_limit},
        [&writer](const StoredResponse& stored) {
          return writer.Append(stored.response.survey, stored.date, EncodeLine(stored));
        },
        [today] { return today; }, &limiter_, &counters_);
  }

  PreviewOptions options_;
  const bool region_ = !options_.region_file.empty();
  BuildMemo memo_;  ///< what the last build left for the next (disclosure decisions, appeals, theme)
  std::ostream& log_;
  std::mutex log_mutex_;
  RealFileSystem fs_;
  BuildState state_;
  SegmentWriter writer_;
  RateLimiter limiter_{600, 100};
  ReceiverCounters counters_;
  std::mutex handler_mutex_;
  std::shared_ptr<const Handler> handler_;
  std::map<std::string, std::shared_ptr<const Handler>> handlers_;  ///< a region's, by agency
  std::map<std::string, std::unique_ptr<SegmentWriter>> writers_;  ///< a region's, by agency
  bool receiver_stale_ = false;  ///< A build succeeded since the handlers were made.
};

}  // namespace

int RunPreview(PreviewOptions options, std::ostream& log) {
  // Signals go to one thread that waits for them, never to a handler.
  sigset_t signals;
  sigemptyset(&signals);
  for (int signal : {SIGTERM, SIGINT}) sigaddset(&signals, signal);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  options.build.internal_dir.clear();  // staff pages are not part of the public preview
  std::vector<std::string> watched = {options.build.content_dir, options.build.templates_dir, options.build.data_dir};
  if (!options.region_file.empty()) {
    RealFileSystem fs;
    Diagnostics diagnostics;
    const std::optional<RegionConfig> region = LoadRegion(fs, options.region_file, &diagnostics);
    if (!region) {
      log << diagnostics.ToString();
      return 1;
    }
    // What the portal is built from; region.yaml itself is read at each build.
    watched = {region->templates_dir, region->pages_dir};
    for (const RegionAgency& agency : region->agencies) {
      for (const std::string& dir : {agency.content_dir, agency.templates_dir, agency.data_dir}) watched.push_back(dir);
    }
    std::sort(watched.begin(), watched.end());
    watched.erase(std::unique(watched.begin(), watched.end()), watched.end());
  }
  Result<std::unique_ptr<Watcher>> watcher = Watcher::Start(watched);
  if (!watcher.ok()) {
    log << watcher.status().message() << "\n";
    return 1;
  }
  options.build.base_url = "http://" + options.host + ":" + std::to_string(options.port) + "/";
  Preview preview(options, log);

  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  server.set_socket_options(ExclusivePortOptions);
  server.set_keep_alive_timeout(5);
  server.set_tcp_nodelay(true);  // no 40 ms Nagle waits between headers and body
  preview.Routes(server);
  if (!server.bind_to_port(options.host, options.port)) {
    log << options.host << ":" << options.port << ": не удалось открыть порт (занят или нет прав); укажите другой в --port\n";
    return 1;
  }
  if (preview.Rebuild({})) preview.FillStaging();
  std::atomic<bool> listen_returned{false};
  std::thread listener([&] {
    server.listen_after_bind();
    listen_returned = true;
  });
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    preview.Stop();
    watcher.value()->Stop();
  });
  log << "Предпросмотр: " << preview.url() << " (Ctrl+C — остановить)\n"
      << (options.region_file.empty()
              ? "Слежу за " + options.build.content_dir + ", " + options.build.templates_dir + " и " + options.build.data_dir
              : "Слежу за папками региона и его ведомств (" + std::to_string(watched.size()) + ")")
      << "; сайт для предпросмотра — в " << options.build.out_dir
      << ", ответы из его форм — в " << HiddenSibling(options.build.out_dir, "responses") << ".\n"
      << std::flush;
  for (;;) {
    const std::vector<std::string> changed = watcher.value()->Wait(kSettle);
    if (changed.empty()) break;
    preview.Rebuild(changed);
  }
  StopListening(server, listen_returned);
  listener.join();
  waiter.join();
  log << "Предпросмотр остановлен.\n";
  return 0;
}

}  // namespace otklik
