#include "receiver/receiver_counters.h"

namespace otklik {

std::string ReceiverCounters::ToJson() const {
  const auto field = [](const char* name, const std::atomic<uint64_t>& value) {
    return "\"" + std::string(name) + "\":" + std::to_string(value.load());
  };
  return "{" + field("accepted", accepted) + ",\"rejected\":{" + field("honeypot", honeypot) + "," +
         field("invalid", invalid) + "," + field("not_found", not_found) + "," + field("wrong_method", wrong_method) +
         "," + field("closed", closed) + "," + field("too_large", too_large) + "," + field("wrong_type", wrong_type) +
         "," + field("rate_limited", rate_limited) + "," + field("unavailable", unavailable) + "," +
         field("timed_out", timed_out) + "," + field("malformed", malformed) + "}}";
}

}  // namespace otklik
