#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace otklik {

/// Why requests were answered as they were; shown on /healthz. Counts only:
/// nothing about who sent what.
struct ReceiverCounters {
  std::atomic<uint64_t> accepted{0};
  std::atomic<uint64_t> honeypot{0};       ///< Looked accepted, stored nothing.
  std::atomic<uint64_t> invalid{0};        ///< 400
  std::atomic<uint64_t> not_found{0};      ///< 404
  std::atomic<uint64_t> wrong_method{0};   ///< 405
  std::atomic<uint64_t> closed{0};         ///< 410
  std::atomic<uint64_t> too_large{0};      ///< 413
  std::atomic<uint64_t> wrong_type{0};     ///< 415
  std::atomic<uint64_t> rate_limited{0};   ///< 429
  std::atomic<uint64_t> unavailable{0};    ///< 503
  std::atomic<uint64_t> timed_out{0};      ///< 408: the request did not arrive whole in time.
  std::atomic<uint64_t> malformed{0};      ///< 400 or 431 before the handler: not HTTP, or headers too long.

  /// {"accepted":…,"rejected":{"honeypot":…,"invalid":…,…}}
  std::string ToJson() const;
};

}  // namespace otklik
