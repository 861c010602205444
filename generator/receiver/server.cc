#include "receiver/server.h"

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <thread>

#include <httplib.h>

#include "core/file_system.h"
#include "model/site_loader.h"
#include "receiver/handler.h"
#include "store/segment_writer.h"

namespace otklik {

namespace {

// Set on a worker while it serves a connection that came in over the limit.
thread_local bool tl_over_limit = false;

/// A fixed pool of workers for up to `limit` connections served or waiting.
/// Connections beyond it go to a few threads of their own that answer 503 as
/// soon as the request's headers arrive, without reading its body, so a
/// flood never waits behind the workers it is flooding.
class ConnectionQueue : public httplib::TaskQueue {
 public:
  static constexpr size_t kRejecters = 4;

  ConnectionQueue(size_t workers, size_t limit) : limit_(limit) {
    for (size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { Work(jobs_, false); });
    for (size_t i = 0; i < kRejecters; ++i) threads_.emplace_back([this] { Work(rejects_, true); });
  }

  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard lock(mutex_);
      const bool over_limit = in_system_ >= limit_;
      (over_limit ? rejects_ : jobs_).push_back(std::move(fn));
      if (!over_limit) ++in_system_;
    }
    ready_.notify_all();
  }

  // Finishes every connection already taken, then stops the workers.
  void shutdown() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

 private:
  void Work(std::deque<std::function<void()>>& queue, bool rejecter) {
    tl_over_limit = rejecter;
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return stopping_ || !queue.empty(); });
        if (queue.empty()) return;
        job = std::move(queue.front());
        queue.pop_front();
      }
      job();
      if (rejecter) continue;
      std::lock_guard lock(mutex_);
      --in_system_;
    }
  }

  const size_t limit_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::deque<std::function<void()>> rejects_;
  size_t in_system_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

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

// The rate-limiting key: the peer, or the last X-Forwarded-For hop when the
// peer is a trusted proxy. Used in memory only.
std::string ClientOf(const httplib::Request& request, const std::vector<std::string>& trusted) {
  if (std::find(trusted.begin(), trusted.end(), request.remote_addr) == trusted.end()) return request.remote_addr;
  const std::string forwarded = request.get_header_value("X-Forwarded-For");
  if (forwarded.empty()) return request.remote_addr;
  std::string last = forwarded.substr(forwarded.rfind(',') == std::string::npos ? 0 : forwarded.rfind(',') + 1);
  last.erase(0, last.find_first_not_of(' '));
  return last.empty() ? request.remote_addr : last;
}

std::shared_ptr<const Site> LoadContent(const std::string& content_dir, std::ostream& log) {
  RealFileSystem fs;
  Diagnostics diagnostics;
  std::optional<Site> site = LoadSite(fs, content_dir, &diagnostics);
  if (!site) {
    log << diagnostics.ToString();
    return nullptr;
  }
  return std::make_shared<const Site>(std::move(*site));
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

void Answer(const HttpResponse& reply, httplib::Response& res) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  res.set_content(reply.body, reply.content_type);
}

struct Receiver {
  const ReceiverConfig& config;
  std::ostream& log;
  ReceiverCounters counters;
  RateLimiter limiter{config.rate_per_minute, config.burst};
  SegmentWriter writer;
  HandlerSlot slot;
  std::mutex access_mutex;
  std::ofstream access_file;

  Handler::Today today;

  Receiver(const ReceiverConfig& c, std::ostream& l, Handler::Today t)
      : config(c), log(l), writer({c.data_dir, c.instance, OpenDiskAppendFile, [&l](const std::string& m) { l << m << "\n"; }}), today(std::move(t)) {}

  std::shared_ptr<const Handler> MakeHandler(std::shared_ptr<const Site> site) {
    Handler::Options options{site->config().base_url, config.internal_url, config.body_limit,
                             config.internal ? Audience::kInternal : Audience::kExternal};
    return std::make_shared<const Handler>(
        std::move(site), options,
        [this](const StoredResponse& stored) {
          return writer.Append(stored.response.survey, stored.date, EncodeLine(stored));
        },
        today, &limiter, &counters);
  }

  // A refusal sent before the handler is asked, in the site's words.
  std::string PlainText(std::string_view key) const { return slot.Get()->site().messages()[key] + "\n"; }

  void Access(const httplib::Request& req, const httplib::Response& res) {
    std::lock_guard lock(access_mutex);
    std::ostream& out = access_file.is_open() ? static_cast<std::ostream&>(access_file) : std::cerr;
    out << req.method << " " << req.path << " " << res.status << "\n" << std::flush;
  }

  void Serve(const httplib::Request& req, httplib::Response& res, const std::string& body) {
    HttpRequest request{req.method, req.path, req.get_header_value("Content-Type"), body,
                        ClientOf(req, config.trusted_proxies)};
    Answer(slot.Get()->Handle(request), res);
  }

  void Routes(httplib::Server& server) {
    server.set_pre_routing_handler([this](const httplib::Request&, httplib::Response& res) {
      if (!tl_over_limit) return httplib::Server::HandlerResponse::Unhandled;
      ++counters.unavailable;
      res.status = 503;
      res.set_header("Retry-After", "5");
      res.set_header("Connection", "close");
      res.set_content(PlainText("receiver.overloaded"), "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    });
    // The body is read here rather than by httplib, which refuses url-encoded
    // bodies over 8 KB before any handler runs.
    server.Post(".*", [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
      std::string body;
      const bool whole = read([&](const char* data, size_t length) {
        if (body.size() + length > config.body_limit) return false;
        body.append(data, length);
        return true;
      });
      // httplib also stops before reading a body whose length is over the limit.
      if (!whole) body.assign(config.body_limit + 1, ' ');  // the handler answers 413
      Serve(req, res, body);
    });
    const auto other = [this](const httplib::Request& req, httplib::Response& res) { Serve(req, res, ""); };
    server.Get(".*", other);
    server.Put(".*", other);
    server.Delete(".*", other);
    server.Patch(".*", other);
    server.Options(".*", other);
    server.set_error_handler([this](const httplib::Request&, httplib::Response& res) {
      if (res.status == 413) {
        ++counters.too_large;
        res.set_content(PlainText("receiver.request_too_large"), "text/plain; charset=utf-8");
      }
    });
    server.set_logger([this](const httplib::Request& req, const httplib::Response& res) { Access(req, res); });
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

  std::shared_ptr<const Site> site = LoadContent(config.content_dir, log);
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
  receiver.slot.Set(receiver.MakeHandler(site));

  httplib::Server server;
  server.new_task_queue = [&config] {
    return new ConnectionQueue(static_cast<size_t>(config.workers), static_cast<size_t>(config.connections));
  };
  server.set_socket_options(ExclusivePortOptions);
  server.set_payload_max_length(config.body_limit + 1);
  server.set_read_timeout(config.read_timeout, 0);
  server.set_write_timeout(config.write_timeout, 0);
  server.set_keep_alive_timeout(config.keep_alive);
  server.set_keep_alive_max_count(100);
  receiver.Routes(server);
  if (!server.bind_to_port(config.host, config.port)) {
    log << config.host << ":" << config.port << ": не удалось открыть порт (занят или нет прав)\n";
    return 1;
  }

  std::atomic<bool> listen_returned{false};
  std::thread waiter([&] {
    for (;;) {
      int signal = 0;
      sigwait(&signals, &signal);
      if (signal == SIGHUP) {
        if (std::shared_ptr<const Site> fresh = LoadContent(config.content_dir, log)) {
          receiver.slot.Set(receiver.MakeHandler(std::move(fresh)));
          log << "Материалы перечитаны.\n" << std::flush;
        } else {
          log << "Материалы с ошибками не приняты; работаем с прежними.\n" << std::flush;
        }
        continue;
      }
      StopListening(server, listen_returned);
      return;
    }
  });
  log << "Приём ответов: http://" << config.host << ":" << config.port << " (процесс " << config.instance << ")\n"
      << std::flush;
  const bool served = server.listen_after_bind();
  listen_returned = true;
  if (!served) kill(getpid(), SIGTERM);  // wake the waiter
  waiter.join();
  log << "Приём ответов остановлен: сохранено ответов — " << receiver.writer.lines() << ".\n";
  return served ? 0 : 1;
}

}  // namespace otklik
