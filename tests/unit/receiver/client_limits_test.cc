#include "receiver/client_limits.h"

#include <catch2/catch.hpp>

namespace otklik::client_limits_test {
namespace {

TEST_CASE("ClientLimits bounds each client on its own and forgets a client with nothing open") {
  ClientLimits limits(2);
  CHECK(limits.Open("203.0.113.7"));
  CHECK(limits.Open("203.0.113.7"));
  CHECK_FALSE(limits.Open("203.0.113.7"));
  CHECK(limits.OpenBy("203.0.113.7") == 2);
  CHECK(limits.Open("198.51.100.2"));
  limits.Close("203.0.113.7");
  CHECK(limits.Open("203.0.113.7"));
  limits.Close("198.51.100.2");
  CHECK(limits.OpenBy("198.51.100.2") == 0);
}

TEST_CASE("ClientLimits with no bound counts and never refuses") {
  ClientLimits limits(0);
  for (int i = 0; i < 1000; ++i) REQUIRE(limits.Open("203.0.113.7"));
  CHECK(limits.OpenBy("203.0.113.7") == 1000);
}

}  // namespace
}  // namespace otklik::client_limits_test
