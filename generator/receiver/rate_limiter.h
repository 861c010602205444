#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace otklik {

/// A token bucket per client, in memory only: each client may send `burst`
/// requests at once and then `per_minute` a minute. Clients are forgotten
/// once their bucket is full again, so the table stays small and nothing
/// about them outlives a few minutes. Thread-safe.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  /// `per_minute` 0 turns limiting off.
  RateLimiter(double per_minute, double burst);

  /// Takes a token for `client`. Returns 0 when allowed, or the whole
  /// seconds to wait (at least 1) when the bucket is empty.
  int Take(const std::string& client, Clock::time_point now = Clock::now());

  /// How many clients are remembered right now.
  size_t clients() const;

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  void Forget(Clock::time_point now);

  double per_second_;
  double burst_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  Clock::time_point last_sweep_;
};

}  // namespace otklik
