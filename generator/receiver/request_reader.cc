#include "receiver/request_reader.h"

#include <http_parser.h>
#include <strings.h>

#include "receiver/form_body.h"

namespace otklik {

// http_parser calls back with the parser; `data` points at the reader.
struct RequestReader::Callbacks {
  static RequestReader& Of(http_parser* parser) { return *static_cast<RequestReader*>(parser->data); }

  // Counts request-line and header bytes; false once over the limit.
  static bool Count(RequestReader& reader, size_t length) {
    reader.header_bytes_ += length;
    return reader.header_bytes_ <= reader.limits_.header_bytes;
  }

  static int Url(http_parser* parser, const char* at, size_t length) {
    RequestReader& reader = Of(parser);
    if (!Count(reader, length)) return 1;
    reader.target_.append(at, length);
    return 0;
  }

  static int HeaderField(http_parser* parser, const char* at, size_t length) {
    RequestReader& reader = Of(parser);
    if (!Count(reader, length)) return 1;
    if (reader.in_value_) {
      reader.header_name_.clear();
      reader.in_value_ = false;
    }
    reader.header_name_.append(at, length);
    return 0;
  }

  static int HeaderValue(http_parser* parser, const char* at, size_t length) {
    RequestReader& reader = Of(parser);
    if (!Count(reader, length)) return 1;
    if (!reader.in_value_) {
      reader.in_value_ = true;
      reader.header_value_ = reader.Wanted(reader.header_name_);
      // A header sent twice is one list (RFC 9110, 5.3).
      if (reader.header_value_ && !reader.header_value_->empty()) reader.header_value_->append(", ");
    }
    if (reader.header_value_) reader.header_value_->append(at, length);
    return 0;
  }

  static int HeadersComplete(http_parser* parser) {
    RequestReader& reader = Of(parser);
    reader.headers_done_ = true;
    reader.request_.method = http_method_str(static_cast<http_method>(parser->method));
    reader.keep_alive_ = http_should_keep_alive(parser) != 0;
    reader.request_.path = PathOf(reader.target_);
    reader.expect_continue_ = strcasecmp(reader.expect_.c_str(), "100-continue") == 0;
    if ((parser->flags & F_CONTENTLENGTH) && parser->content_length > reader.limits_.body_bytes) {
      reader.request_.body_too_large = true;
      return 3;  // stop here: the body is not read
    }
    return 0;
  }

  static int Body(http_parser* parser, const char* at, size_t length) {
    RequestReader& reader = Of(parser);
    if (reader.request_.body.size() + length > reader.limits_.body_bytes) {
      reader.request_.body_too_large = true;  // a chunked body that grew too long
      return 1;
    }
    reader.request_.body.append(at, length);
    return 0;
  }

  static int MessageComplete(http_parser* parser) {
    Of(parser).complete_ = true;
    http_parser_pause(parser, 1);  // a pipelined request waits for Next()
    return 0;
  }

  // The path of an origin-form or absolute-form target, percent-decoded; the
  // raw path when it does not decode (the handler then knows no such address).
  static std::string PathOf(const std::string& target) {
    http_parser_url url;
    http_parser_url_init(&url);
    if (http_parser_parse_url(target.data(), target.size(), 0, &url) != 0 || !(url.field_set & (1 << UF_PATH))) {
      return target;
    }
    const std::string_view path(target.data() + url.field_data[UF_PATH].off, url.field_data[UF_PATH].len);
    return PercentDecode(path, false).value_or(std::string(path));
  }

  static const http_parser_settings& Settings() {
    static const http_parser_settings settings = [] {
      http_parser_settings s;
      http_parser_settings_init(&s);
      s.on_url = Url;
      s.on_header_field = HeaderField;
      s.on_header_value = HeaderValue;
      s.on_headers_complete = HeadersComplete;
      s.on_body = Body;
      s.on_message_complete = MessageComplete;
      return s;
    }();
    return settings;
  }
};

RequestReader::RequestReader(Limits limits) : limits_(limits), parser_(std::make_unique<http_parser>()) {
  http_parser_init(parser_.get(), HTTP_REQUEST);
  parser_->data = this;
}

RequestReader::~RequestReader() = default;

std::string* RequestReader::Wanted(const std::string& name) {
  if (strcasecmp(name.c_str(), "Content-Type") == 0) return &request_.content_type;
  if (strcasecmp(name.c_str(), "X-Forwarded-For") == 0) return &forwarded_for_;
  if (strcasecmp(name.c_str(), "Expect") == 0) return &expect_;
  return nullptr;
}

RequestReader::State RequestReader::Feed(std::string_view bytes) {
  pending_.append(bytes);
  return Parse();
}

RequestReader::State RequestReader::Next() {
  request_ = HttpRequest{};
  target_.clear();
  forwarded_for_.clear();
  expect_.clear();
  header_name_.clear();
  header_value_ = nullptr;
  in_value_ = started_ = headers_done_ = expect_continue_ = complete_ = keep_alive_ = false;
  header_bytes_ = 0;
  http_parser_pause(parser_.get(), 0);
  return Parse();
}

bool RequestReader::TakeContinue() {
  if (!expect_continue_ || !headers_done_ || complete_ || request_.body_too_large) return false;
  expect_continue_ = false;
  return true;
}

RequestReader::State RequestReader::Parse() {
  if (complete_) return State::kComplete;
  if (pending_.empty()) return State::kNeedMore;
  started_ = true;
  const size_t used = http_parser_execute(parser_.get(), &Callbacks::Settings(), pending_.data(), pending_.size());
  pending_.erase(0, used);
  if (complete_) return State::kComplete;
  if (header_bytes_ > limits_.header_bytes) return State::kHeadersTooLarge;
  if (request_.body_too_large) {
    complete_ = true;
    return State::kComplete;
  }
  if (HTTP_PARSER_ERRNO(parser_.get()) != HPE_OK) return State::kBad;
  if (parser_->upgrade) {  // no protocol switch here: answer and close
    complete_ = true;
    keep_alive_ = false;
    return State::kComplete;
  }
  return State::kNeedMore;
}

}  // namespace otklik
