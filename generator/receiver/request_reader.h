#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "receiver/http_types.h"

struct http_parser;

namespace otklik {

/// Reads the HTTP/1.x requests of one connection from its bytes, as they
/// come, one request at a time (http_parser does the parsing): the request
/// line, the few headers the receiver needs and the body, within limits. It
/// knows no socket, so tests feed it bytes.
class RequestReader {
 public:
  struct Limits {
    size_t header_bytes = 16 * 1024;  ///< Request line and headers; more is kHeadersTooLarge.
    size_t body_bytes = 256 * 1024;   ///< A longer body is not read: the request ends body_too_large.
  };

  enum class State {
    kNeedMore,         ///< The request is not whole yet.
    kComplete,         ///< request() is whole (or ends at an over-long body).
    kBad,              ///< Not HTTP: answer 400 and close.
    kHeadersTooLarge,  ///< Answer 431 and close.
  };

  explicit RequestReader(Limits limits);
  ~RequestReader();
  RequestReader(const RequestReader&) = delete;
  RequestReader& operator=(const RequestReader&) = delete;

  /// Takes the next bytes of the connection. After kComplete, bytes past the
  /// request (a pipelined next one) wait until Next().
  State Feed(std::string_view bytes);
  /// Starts on the next request, with the bytes that came after this one.
  State Next();

  /// True once any byte of the current request has arrived.
  bool started() const { return started_; }
  /// True when bytes past the current request (a pipelined one) have come.
  bool has_pending() const { return !pending_.empty(); }
  /// True once the request line and headers are in.
  bool headers_done() const { return headers_done_; }
  /// True once when the headers are in, asked for "100-continue", and the
  /// body is still to come; the caller sends the interim reply.
  bool TakeContinue();

  /// The request read; `client` is left empty (the server knows the peer).
  HttpRequest& request() { return request_; }
  const std::string& method() const { return request_.method; }
  /// The request target as sent (percent-encoded, with its query).
  const std::string& target() const { return target_; }
  /// X-Forwarded-For as sent, "" when absent.
  const std::string& forwarded_for() const { return forwarded_for_; }
  /// Whether the connection may carry another request after this one: HTTP
  /// keep-alive, and the whole body was read.
  bool keep_alive() const { return keep_alive_ && !request_.body_too_large; }

 private:
  struct Callbacks;
  State Parse();
  /// Where the value of header `name` goes, or nullptr for a header not needed.
  std::string* Wanted(const std::string& name);

  Limits limits_;
  std::unique_ptr<http_parser> parser_;
  std::string pending_;  // bytes received and not parsed yet
  HttpRequest request_;
  std::string target_;
  std::string forwarded_for_;
  std::string expect_;
  std::string header_name_;
  std::string* header_value_ = nullptr;  // the header being read, if wanted
  bool in_value_ = false;
  bool started_ = false;
  bool headers_done_ = false;
  bool expect_continue_ = false;
  bool complete_ = false;
  bool keep_alive_ = false;
  size_t header_bytes_ = 0;
};

}  // namespace otklik
