#include "receiver/rate_limiter.h"

#include <catch2/catch.hpp>

namespace otklik::rate_limiter_test {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST_CASE("RateLimiter allows a burst, then refuses with the whole seconds to wait") {
  RateLimiter limiter(30, 3);  // a token every 2 s
  const RateLimiter::Clock::time_point t = RateLimiter::Clock::now();
  CHECK(limiter.Take("10.0.0.1", t) == 0);
  CHECK(limiter.Take("10.0.0.1", t) == 0);
  CHECK(limiter.Take("10.0.0.1", t) == 0);
  CHECK(limiter.Take("10.0.0.1", t) == 2);
  CHECK(limiter.Take("10.0.0.1", t) == 2);  // a refusal takes no token
  CHECK(limiter.Take("10.0.0.1", t + milliseconds(500)) == 2);
  CHECK(limiter.Take("10.0.0.1", t + milliseconds(1500)) == 1);
}

TEST_CASE("RateLimiter rounds the wait up and never answers less than a second") {
  const RateLimiter::Clock::time_point t = RateLimiter::Clock::now();
  RateLimiter slow(7, 1);  // a token every 8.57 s
  CHECK(slow.Take("a", t) == 0);
  CHECK(slow.Take("a", t) == 9);
  CHECK(slow.Take("a", t + seconds(8)) == 1);
  RateLimiter fast(6000, 1);  // a token every 10 ms
  CHECK(fast.Take("a", t) == 0);
  CHECK(fast.Take("a", t) == 1);
}

TEST_CASE("RateLimiter refills a bucket over time, up to the burst") {
  RateLimiter limiter(60, 2);  // a token a second
  const RateLimiter::Clock::time_point t = RateLimiter::Clock::now();
  CHECK(limiter.Take("a", t) == 0);
  CHECK(limiter.Take("a", t) == 0);
  CHECK(limiter.Take("a", t) == 1);
  CHECK(limiter.Take("a", t + seconds(1)) == 0);
  CHECK(limiter.Take("a", t + seconds(1)) == 1);
  // A long pause refills the bucket to the burst, not beyond.
  const RateLimiter::Clock::time_point later = t + seconds(20);
  CHECK(limiter.Take("a", later) == 0);
  CHECK(limiter.Take("a", later) == 0);
  CHECK(limiter.Take("a", later) == 1);
}

TEST_CASE("RateLimiter keeps a bucket per client") {
  RateLimiter limiter(30, 1);
  const RateLimiter::Clock::time_point t = RateLimiter::Clock::now();
  CHECK(limiter.Take("10.0.0.1", t) == 0);
  CHECK(limiter.Take("10.0.0.1", t) == 2);
  CHECK(limiter.Take("10.0.0.2", t) == 0);
  CHECK(limiter.Take("2001:db8::1", t) == 0);
  CHECK(limiter.Take("10.0.0.2", t) == 2);
  CHECK(limiter.clients() == 3);
}

TEST_CASE("RateLimiter with 0 a minute allows everything and remembers no one") {
  RateLimiter limiter(0, 1);
  const RateLimiter::Clock::time_point t = RateLimiter::Clock::now();
  for (int i = 0; i < 1000; ++i) REQUIRE(limiter.Take("10.0.0.1", t) == 0);
  CHECK(limiter.clients() == 0);
}

TEST_CASE("RateLimiter treats a burst below 1 as 1") {
  RateLimiter limiter(60, 0);
  const RateLimiter::Clock::time_point t = RateLimiter::Clock::now();
  CHECK(limiter.Take("a", t) == 0);
  CHECK(limiter.Take("a", t) == 1);
}

TEST_CASE("RateLimiter forgets clients whose buckets are full again, at its next sweep") {
  RateLimiter limiter(60, 10);  // full again 10 s after the last request
  const RateLimiter::Clock::time_point t = RateLimiter::Clock::now();
  CHECK(limiter.Take("idle", t) == 0);
  for (int i = 0; i < 10; ++i) CHECK(limiter.Take("busy", t + seconds(25)) == 0);
  CHECK(limiter.clients() == 2);
  // Sweeps happen every 30 s: at 31 s "idle" is full again, "busy" is not.
  CHECK(limiter.Take("new", t + seconds(31)) == 0);
  CHECK(limiter.clients() == 2);
  CHECK(limiter.Take("busy", t + seconds(31)) == 0);  // 6 tokens back of 10
  // The next sweep, 30 s later, finds every bucket full.
  CHECK(limiter.Take("other", t + seconds(62)) == 0);
  CHECK(limiter.clients() == 1);
}

TEST_CASE("RateLimiter does not sweep more often than every 30 seconds") {
  RateLimiter limiter(60, 1);
  const RateLimiter::Clock::time_point t = RateLimiter::Clock::now();
  CHECK(limiter.Take("a", t) == 0);
  CHECK(limiter.Take("b", t + seconds(20)) == 0);
  CHECK(limiter.clients() == 2);  // "a" is full again, but no sweep is due
}

}  // namespace
}  // namespace otklik::rate_limiter_test
