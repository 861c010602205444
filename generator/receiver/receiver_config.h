#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace otklik {

/// How `otklik receive` runs: a YAML file (--config) whose every field has a
/// default, then flags on top. Validated once, then read-only.
struct ReceiverConfig {
  std::string content_dir = "content";  ///< The agency's content: surveys and site.yaml.
  std::string data_dir = "data";        ///< Segments go to <data>/responses/.
  std::string host = "127.0.0.1";       ///< Default 127.0.0.1 (behind nginx).
  int port = 8081;                      ///< Default 8081.
  std::string instance = "r1";          ///< Names this process's segment files; one per process.
  /// Peers whose X-Forwarded-For is believed (nginx). Default: 127.0.0.1, ::1.
  std::vector<std::string> trusted_proxies = {"127.0.0.1", "::1"};
  /// Whose surveys it takes: "public" (external surveys, the default) or
  /// "internal" (staff surveys, on the agency's own network); the others' answer 404.
  bool internal = false;
  /// Where internal surveys' forms live (their thank-you pages); "" = none.
  std::string internal_url;
  /// Where the per-request log goes; "" = standard error. Lines carry no
  /// address, browser, cookie or time of day.
  std::string access_log;
  size_t body_limit = 256 * 1024;  ///< Bytes; larger bodies get 413. Default 256 KB.
  double rate_per_minute = 30;     ///< Posts a client may send a minute; 0 = unlimited.
  double burst = 10;               ///< Posts a client may send at once.
  /// Threads that run the handler and wait for the disk: at most this many
  /// answers share one fdatasync, so it bounds durable answers a second.
  int workers = 64;
  int connections = 512;           ///< Connections being read or served at once; more get 503 at once.
  /// Connections from one address at once (behind a trusted proxy: requests
  /// from one forwarded client); more get 429 at once. 0 = no bound.
  int per_client = 16;
  int read_timeout = 10;           ///< Seconds to receive a whole request, headers and body; then 408.
  int write_timeout = 10;          ///< Seconds a client may take to read a reply.
  int keep_alive = 5;              ///< Seconds an idle connection stays open.
};

/// Parses a receiver config file. Every problem goes to `diagnostics` as
/// "path:line: message"; then the result is nullopt.
std::optional<ReceiverConfig> ParseReceiverConfig(const std::string& path, std::string_view text,
                                                  Diagnostics* diagnostics);

/// "127.0.0.1:8081" or "[::1]:8081" into host and port; false if malformed.
bool ParseListen(const std::string& listen, std::string* host, int* port);

}  // namespace otklik
