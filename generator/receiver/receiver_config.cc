#include "receiver/receiver_config.h"

#include <charconv>

#include "content/document.h"
#include "content/field_reader.h"

namespace otklik {

bool ParseListen(const std::string& listen, std::string* host, int* port) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  std::string name = listen.substr(0, colon);
  const bool bracketed = name.front() == '[' || name.back() == ']';
  if (bracketed) {  // an IPv6 address must be written in brackets, whole
    if (name.size() < 3 || name.front() != '[' || name.back() != ']') return false;
    name = name.substr(1, name.size() - 2);
  } else if (name.find(':') != std::string::npos) {
    return false;
  }
  int number = 0;
  const char* begin = listen.data() + colon + 1;
  const char* end = listen.data() + listen.size();
  const auto [stop, ec] = std::from_chars(begin, end, number);
  if (ec != std::errc() || stop != end || number < 1 || number > 65535 || name.empty()) return false;
  *host = name;
  *port = number;
  return true;
}

namespace {

std::string WithSlash(std::string url) {
  if (!url.empty() && url.back() != '/') url += '/';
  return url;
}

}  // namespace

std::optional<ReceiverConfig> ParseReceiverConfig(const std::string& path, std::string_view text,
                                                  Diagnostics* diagnostics) {
  const size_t errors_before = diagnostics->size();
  std::optional<YamlNode> root_node = ParseYamlMap(path, text, 1, diagnostics);
  if (!root_node) return std::nullopt;
  FieldReader root(*root_node, path, diagnostics);
  ReceiverConfig config;
  config.content_dir = root.OptionalString("content", config.content_dir);
  config.data_dir = root.OptionalString("data", config.data_dir);
  if (root.Has("listen")) {
    const std::string listen = root.OptionalString("listen");
    if (!ParseListen(listen, &config.host, &config.port)) {
      root.Error(root.LineOf("listen"), "поле «listen» должно быть адресом вида 127.0.0.1:8081, а не «" + listen + "»");
    }
  }
  config.instance = root.OptionalString("instance", config.instance);
  if (!IsValidId(config.instance)) {
    root.Error(root.LineOf("instance"), "поле «instance» должно состоять из строчных латинских букв, цифр и дефисов");
  }
  if (root.Has("trusted_proxies")) {
    config.trusted_proxies.clear();
    for (const Ref& proxy : root.RefList("trusted_proxies")) config.trusted_proxies.push_back(proxy.id);
  }
  config.internal = root.Choice("audience", {"public", "internal"}, "public") == "internal";
  config.internal_url = WithSlash(root.OptionalUrl("internal_url"));
  config.access_log = root.OptionalString("access_log");
  FieldReader limits = root.Map("limits");
  config.body_limit = static_cast<size_t>(limits.Int("body_kb", 256, 16, 16384)) * 1024;
  config.rate_per_minute = limits.Int("rate_per_minute", 30, 0, 100000);
  config.burst = limits.Int("burst", 10, 1, 100000);
  config.workers = limits.Int("workers", 16, 1, 1024);
  config.connections = limits.Int("connections", 512, 1, 100000);
  config.read_timeout = limits.Int("read_timeout", 10, 1, 3600);
  config.write_timeout = limits.Int("write_timeout", 10, 1, 3600);
  config.keep_alive = limits.Int("keep_alive", 5, 0, 3600);
  limits.Finish();
  root.Finish(
      {"content", "data", "listen", "instance", "trusted_proxies", "audience", "internal_url", "access_log", "limits"});
  if (diagnostics->size() != errors_before) return std::nullopt;
  return config;
}

}  // namespace otklik
