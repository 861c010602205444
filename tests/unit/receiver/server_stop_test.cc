#include "receiver/server.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>
#include <httplib.h>

namespace otklik::server_stop_test {
namespace {

// A signal may arrive before the listening thread has even started. A plain
// httplib stop() at that moment does nothing and accept() then blocks for
// ever; StopListening must end the loop every time.
TEST_CASE("StopListening ends a listen that has not started yet") {
  for (int attempt = 0; attempt < 20; ++attempt) {
    httplib::Server server;
    server.set_socket_options(ExclusivePortOptions);
    REQUIRE(server.bind_to_any_port("127.0.0.1") > 0);
    std::atomic<bool> listen_returned{false};
    std::thread listener([&] {
      server.listen_after_bind();
      listen_returned = true;
    });
    StopListening(server, listen_returned);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!listen_returned && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(listen_returned);
    server.stop();  // lets a failed attempt end too, so that join returns
    listener.join();
  }
}

}  // namespace
}  // namespace otklik::server_stop_test
