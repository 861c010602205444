#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "model/response.h"

namespace otklik {

/// One response as stored, one line of a segment. It holds the answers and
/// the day they were accepted, and nothing else: no address, no browser, no
/// cookie, no time of day.
struct StoredResponse {
  Response response;
  Date date;            ///< The day the answer was accepted (Moscow time).
  std::string source;   ///< "web" (the HTML form), "api", "paper" or "platform".
  bool operator==(const StoredResponse&) const = default;
};

/// The JSON line, keys in a fixed order, ending in '\n':
/// {"answers":{"overall":["4"]},"date":"2026-11-23","revision":1,"source":"web","survey":"x"};
/// an answer in a second language has "lang":"tt" after "date".
std::string EncodeLine(const StoredResponse& stored);

}  // namespace otklik
