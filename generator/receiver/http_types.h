#pragma once

#include <string>
#include <utility>
#include <vector>

namespace otklik {

/// What the receiver's handler needs of an HTTP request. `client` is only a
/// rate-limiting key (the peer address, or X-Forwarded-For from a trusted
/// proxy); it is never stored or logged.
struct HttpRequest {
  std::string method;
  std::string path;          ///< Without the query string.
  std::string content_type;  ///< As sent, e.g. "application/x-www-form-urlencoded; charset=UTF-8".
  std::string body;
  std::string client;
  /// The body was longer than the limit and was not read (`body` is empty).
  bool body_too_large = false;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< Location, Retry-After, Allow, …

  /// The value of header `name`, or "".
  std::string Header(const std::string& name) const;
};

}  // namespace otklik
