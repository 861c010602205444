#include "receiver/http_reply.h"

#include <http_parser.h>

namespace otklik {

std::string ReplyBytes(const HttpResponse& response, bool head, bool close) {
  std::string bytes = "HTTP/1.1 " + std::to_string(response.status) + " " +
                      http_status_str(static_cast<http_status>(response.status)) + "\r\n";
  bytes += "Content-Type: " + response.content_type + "\r\n";
  bytes += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  for (const auto& [name, value] : response.headers) bytes += name + ": " + value + "\r\n";
  if (close) bytes += "Connection: close\r\n";
  bytes += "\r\n";
  if (!head) bytes += response.body;
  return bytes;
}

std::string LoggedPath(std::string_view target) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const std::string_view path = target.substr(0, target.find('?'));
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte < 0x7F) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

}  // namespace otklik
