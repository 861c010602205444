#pragma once

#include <string>
#include <string_view>

#include "receiver/http_types.h"

namespace otklik {

/// `response` as it goes on the wire, status line, headers and body in one
/// buffer so that it leaves in one write: Content-Type, Content-Length, the
/// response's own headers, "Connection: close" when `close`, and no body
/// for a HEAD request (`head`).
std::string ReplyBytes(const HttpResponse& response, bool head, bool close);

/// The path of a request target as it goes into the request log: as sent
/// (still percent-encoded), without the query, which may carry anything, and
/// with every byte outside printable ASCII written as %XX, so that no target
/// can end a log line or start a forged one.
std::string LoggedPath(std::string_view target);

}  // namespace otklik
