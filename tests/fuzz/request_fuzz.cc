// libFuzzer target: arbitrary bytes as what one connection sends to the
// receiver, cut into pieces of varying length as the network would, read
// by RequestReader (http_parser) request after request. Checks the limits
// hold: no body over its bound, no request line and headers over theirs.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "receiver/request_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte sets the size of the pieces (1..256 bytes).
  const size_t piece = size_t{data[0]} + 1;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const otklik::RequestReader::Limits limits{512, 1024};
  otklik::RequestReader reader(limits);
  using State = otklik::RequestReader::State;
  State state = State::kNeedMore;
  while (!bytes.empty() || state == State::kComplete) {
    if (state == State::kNeedMore) {
      const std::string_view next = bytes.substr(0, piece);
      bytes.remove_prefix(next.size());
      state = reader.Feed(next);
      reader.TakeContinue();
      continue;
    }
    if (state != State::kComplete) break;
    if (reader.request().body.size() > limits.body_bytes) abort();
    if (reader.target().size() > limits.header_bytes) abort();
    if (!reader.keep_alive()) break;
    state = reader.Next();
    if (state == State::kNeedMore && bytes.empty()) break;
  }
  return 0;
}
