#include "receiver/receiver_config.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace otklik::receiver_config_test {
namespace {

// The diagnostics `text` produces; the config must be rejected.
std::string ErrorsOf(std::string_view text) {
  Diagnostics diagnostics;
  const std::optional<ReceiverConfig> config = ParseReceiverConfig("receiver.yaml", text, &diagnostics);
  CHECK_FALSE(config);
  return diagnostics.ToString();
}

ReceiverConfig Parse(std::string_view text) {
  Diagnostics diagnostics;
  std::optional<ReceiverConfig> config = ParseReceiverConfig("receiver.yaml", text, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(config);
  CHECK(diagnostics.empty());
  return *config;
}

std::string DeployFile(const std::string& name) {
  std::ifstream in(std::string(OTKLIK_SOURCE_DIR) + "/scripts/deploy/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("The deploy examples parse: a public receiver and an internal one beside it") {
  const ReceiverConfig public_receiver = Parse(DeployFile("receiver.yaml"));
  const ReceiverConfig staff = Parse(DeployFile("receiver-internal.yaml"));
  CHECK_FALSE(public_receiver.internal);
  CHECK(staff.internal);
  CHECK(staff.instance != public_receiver.instance);
  CHECK(staff.data_dir == public_receiver.data_dir);
  CHECK(staff.port != public_receiver.port);
}

TEST_CASE("ParseReceiverConfig gives the defaults for an empty file") {
  const ReceiverConfig config = Parse("");
  CHECK(config.content_dir == "content");
  CHECK(config.data_dir == "data");
  CHECK(config.host == "127.0.0.1");
  CHECK(config.port == 8081);
  CHECK(config.instance == "r1");
  CHECK(config.trusted_proxies == std::vector<std::string>{"127.0.0.1", "::1"});
  CHECK_FALSE(config.internal);
  CHECK(config.internal_url == "");
  CHECK(config.access_log == "");
  CHECK(config.body_limit == 256 * 1024);
  CHECK(config.rate_per_minute == 30);
  CHECK(config.burst == 10);
  CHECK(config.workers == 64);
  CHECK(config.connections == 512);
  CHECK(config.per_client == 16);
  CHECK(config.read_timeout == 10);
  CHECK(config.write_timeout == 10);
  CHECK(config.keep_alive == 5);
}

TEST_CASE("ParseReceiverConfig reads every field") {
  const ReceiverConfig config = Parse(
      "content: /srv/otklik/content\n"
      "data: /var/lib/otklik\n"
      "listen: \"[::1]:9000\"\n"
      "instance: r2\n"
      "trusted_proxies: [10.0.0.1, 10.0.0.2]\n"
      "audience: internal\n"
      "internal_url: https://intra.example.ru/otklik\n"
      "access_log: /var/log/otklik/access.log\n"
      "limits:\n"
      "  body_kb: 64\n"
      "  rate_per_minute: 0\n"
      "  burst: 3\n"
      "  workers: 4\n"
      "  connections: 100\n"
      "  per_client: 0\n"
      "  read_timeout: 5\n"
      "  write_timeout: 6\n"
      "  keep_alive: 0\n");
  CHECK(config.content_dir == "/srv/otklik/content");
  CHECK(config.data_dir == "/var/lib/otklik");
  CHECK(config.host == "::1");
  CHECK(config.port == 9000);
  CHECK(config.instance == "r2");
  CHECK(config.trusted_proxies == std::vector<std::string>{"10.0.0.1", "10.0.0.2"});
  CHECK(config.internal);
  CHECK(config.internal_url == "https://intra.example.ru/otklik/");
  CHECK(config.access_log == "/var/log/otklik/access.log");
  CHECK(config.body_limit == 64 * 1024);
  CHECK(config.rate_per_minute == 0);
  CHECK(config.burst == 3);
  CHECK(config.workers == 4);
  CHECK(config.connections == 100);
  CHECK(config.per_client == 0);
  CHECK(config.read_timeout == 5);
  CHECK(config.write_timeout == 6);
  CHECK(config.keep_alive == 0);
}

TEST_CASE("ParseReceiverConfig reads an IPv4 listen address and keeps a slash ending internal_url") {
  const ReceiverConfig config = Parse(
      "listen: 0.0.0.0:8082\n"
      "internal_url: https://intra.example.ru/\n"
      "trusted_proxies: 192.168.1.1\n");
  CHECK(config.host == "0.0.0.0");
  CHECK(config.port == 8082);
  CHECK(config.internal_url == "https://intra.example.ru/");
  CHECK(config.trusted_proxies == std::vector<std::string>{"192.168.1.1"});
}

TEST_CASE("ParseReceiverConfig refuses a malformed listen address") {
  CHECK(ErrorsOf("listen: localhost\n") ==
        "receiver.yaml:1: поле «listen» должно быть адресом вида 127.0.0.1:8081, а не «localhost»\n");
  CHECK(ErrorsOf("data: d\nlisten: 127.0.0.1:99999\n") ==
        "receiver.yaml:2: поле «listen» должно быть адресом вида 127.0.0.1:8081, а не «127.0.0.1:99999»\n");
  CHECK(ErrorsOf("listen: ''\n") ==
        "receiver.yaml:1: поле «listen» должно быть адресом вида 127.0.0.1:8081, а не «»\n");
}

TEST_CASE("ParseReceiverConfig refuses an instance that is not an id") {
  CHECK(ErrorsOf("content: c\ninstance: R_1\n") ==
        "receiver.yaml:2: поле «instance» должно состоять из строчных латинских букв, цифр и дефисов\n");
  CHECK(ErrorsOf("instance: ../r1\n") ==
        "receiver.yaml:1: поле «instance» должно состоять из строчных латинских букв, цифр и дефисов\n");
}

TEST_CASE("ParseReceiverConfig refuses limits out of range, at their lines") {
  CHECK(ErrorsOf("limits:\n  body_kb: 8\n  burst: 0\n  workers: many\n") ==
        "receiver.yaml:2: поле «body_kb» должно быть целым числом от 16 до 16384, а не «8»\n"
        "receiver.yaml:3: поле «burst» должно быть целым числом от 1 до 100000, а не «0»\n"
        "receiver.yaml:4: поле «workers» должно быть целым числом от 1 до 1024, а не «many»\n");
  CHECK(ErrorsOf("limits:\n  rate_per_minute: -1\n") ==
        "receiver.yaml:2: поле «rate_per_minute» должно быть целым числом от 0 до 100000, а не «-1»\n");
  CHECK(ErrorsOf("limits: 5\n") == "receiver.yaml:1: поле «limits» должно быть набором полей «ключ: значение»\n");
}

TEST_CASE("ParseReceiverConfig refuses unknown fields and suggests the closest known one") {
  CHECK(ErrorsOf("instanse: r2\n") ==
        "receiver.yaml:1: неизвестное поле «instanse» (возможно, имелось в виду «instance»?)\n");
  CHECK(ErrorsOf("limits:\n  brust: 5\n") ==
        "receiver.yaml:2: неизвестное поле «brust» (возможно, имелось в виду «burst»?)\n");
  CHECK(ErrorsOf("colour: red\n") == "receiver.yaml:1: неизвестное поле «colour»\n");
}

TEST_CASE("ParseReceiverConfig suggests listen and trusted_proxies when they are absent") {
  CHECK(ErrorsOf("lisen: 127.0.0.1:8081\n") ==
        "receiver.yaml:1: неизвестное поле «lisen» (возможно, имелось в виду «listen»?)\n");
  CHECK(ErrorsOf("trusted_proxy: 10.0.0.1\n") ==
        "receiver.yaml:1: неизвестное поле «trusted_proxy» (возможно, имелось в виду «trusted_proxies»?)\n");
}

TEST_CASE("ParseReceiverConfig refuses a file that is not a map") {
  CHECK(ErrorsOf("- listen\n") == "receiver.yaml:1: ожидается набор полей «ключ: значение»\n");
}

TEST_CASE("ParseListen reads host and port") {
  std::string host;
  int port = 0;
  CHECK(ParseListen("127.0.0.1:8081", &host, &port));
  CHECK(host == "127.0.0.1");
  CHECK(port == 8081);
  CHECK(ParseListen("[::1]:9000", &host, &port));
  CHECK(host == "::1");
  CHECK(port == 9000);
  CHECK(ParseListen("localhost:1", &host, &port));
  CHECK(host == "localhost");
  CHECK(port == 1);
  CHECK(ParseListen("[2001:db8::5]:65535", &host, &port));
  CHECK(host == "2001:db8::5");
  CHECK(port == 65535);
}

TEST_CASE("ParseListen refuses malformed addresses and leaves host and port alone") {
  for (const char* bad : {"", "localhost", ":8081", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:80x",
                          "127.0.0.1:-80", "127.0.0.1:+80", "127.0.0.1: 80", "[]:80", "127.0.0.1:99999999999"}) {
    INFO(bad);
    std::string host = "unchanged";
    int port = 7;
    CHECK_FALSE(ParseListen(bad, &host, &port));
    CHECK(host == "unchanged");
    CHECK(port == 7);
  }
}

TEST_CASE("ParseListen refuses an unbalanced bracket") {
  std::string host;
  int port = 0;
  CHECK_FALSE(ParseListen("[::1:80", &host, &port));
  CHECK_FALSE(ParseListen("::1]:80", &host, &port));
  CHECK_FALSE(ParseListen("[]:80", &host, &port));
}

TEST_CASE("ParseListen wants an IPv6 address in brackets, so the port is never ambiguous") {
  std::string host = "unchanged";
  int port = 7;
  CHECK_FALSE(ParseListen("::1:9000", &host, &port));
  CHECK(host == "unchanged");
  CHECK(port == 7);
}

}  // namespace
}  // namespace otklik::receiver_config_test
