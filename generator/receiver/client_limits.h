#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace otklik {

/// How many connections (or, behind a proxy, requests) each client has open
/// at once, bounded by `per_client`. Clients are kept in memory only, and
/// only while they have something open. Thread-safe.
class ClientLimits {
 public:
  /// `per_client` = 0: no bound.
  explicit ClientLimits(size_t per_client) : per_client_(per_client) {}

  /// Counts one more for `client`; false (and nothing counted) when it
  /// already has `per_client` open.
  bool Open(const std::string& client);
  /// Ends one that Open counted.
  void Close(const std::string& client);
  /// What `client` has open now.
  size_t OpenBy(const std::string& client) const;

 private:
  const size_t per_client_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, size_t> open_;
};

}  // namespace otklik
