#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "receiver/http_types.h"
#include "receiver/request_reader.h"

namespace otklik {

/// Limits of the receiver's HTTP server. Every field has the receiver's default.
struct HttpServerOptions {
  size_t workers = 64;       ///< Threads that run the handler (and wait for the disk); never wait for a client.
  size_t connections = 512;  ///< Connections being read or served at once; more are answered 503 at once.
  /// Connections from one client address (behind a trusted proxy: requests
  /// from one forwarded client) at once; more are answered 429. 0 = no bound.
  size_t per_client = 16;
  std::chrono::milliseconds request_timeout{10000};  ///< To receive a whole request, headers and body.
  std::chrono::milliseconds write_timeout{10000};    ///< To send a reply the client does not take at once.
  std::chrono::milliseconds keep_alive{5000};        ///< An idle kept-alive connection is closed after this.
  RequestReader::Limits limits;
  /// Peers whose X-Forwarded-For names the client (nginx).
  std::vector<std::string> trusted_proxies = {"127.0.0.1", "::1"};
};

/// Why the server answers by itself, without the handler.
enum class Refusal {
  kOverloaded,          ///< 503: over `connections`.
  kTooManyConnections,  ///< 429: over `per_client`.
  kTimeout,             ///< 408: the request did not arrive whole within `request_timeout`.
  kBadRequest,          ///< 400: not HTTP.
  kHeadersTooLarge,     ///< 431: request line and headers over their limit.
  kInternalError,       ///< 500: the handler failed.
};

/// The receiver's HTTP/1.1 server: one thread accepts connections and reads
/// requests for all of them (epoll, non-blocking), so a slow client holds a
/// connection and never a worker; a request read whole goes to a fixed pool
/// of workers that run the handler and answer in one write. Every request has
/// a deadline for its headers and body together; connections are bounded in
/// all and per client, and refused with a reply at once over either bound.
class HttpServer {
 public:
  struct Callbacks {
    /// The handler: called on a worker, with the whole request.
    std::function<HttpResponse(const HttpRequest&)> serve;
    /// The reply to a refusal, in the site's words; called on any thread.
    std::function<HttpResponse(Refusal)> refuse;
    /// One line of the request log: method ("-" if unknown), path as sent
    /// (see LoggedPath), status. Called on any thread.
    std::function<void(std::string_view method, std::string_view path, int status)> log;
  };

  HttpServer(HttpServerOptions options, Callbacks callbacks);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Opens the listening socket (SO_REUSEADDR only, so a port in use is an
  /// error). False with `error` set when it cannot.
  bool Bind(const std::string& host, int port, std::string* error);
  /// The port bound (useful after binding port 0).
  int port() const;
  /// Serves until Stop(): returns once the requests in flight are answered.
  void Run();
  /// Stops accepting and closes idle connections; callable from any thread
  /// (not from a signal handler).
  void Stop();

 private:
  class Loop;
  std::unique_ptr<Loop> loop_;
};

}  // namespace otklik
