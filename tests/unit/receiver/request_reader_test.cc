#include "receiver/request_reader.h"

#include <catch2/catch.hpp>

namespace otklik::request_reader_test {
namespace {

using State = RequestReader::State;

const char kPost[] =
    "POST /surveys/pension?from=mail HTTP/1.1\r\n"
    "Host: otklik.example.ru\r\n"
    "Content-Type: application/x-www-form-urlencoded\r\n"
    "X-Forwarded-For: 203.0.113.7, 198.51.100.2\r\n"
    "Content-Length: 9\r\n"
    "\r\n"
    "overall=4";

TEST_CASE("RequestReader reads a request whole, however its bytes are cut") {
  const std::string bytes = kPost;
  for (size_t cut = 1; cut < bytes.size(); ++cut) {
    INFO(cut);
    RequestReader reader({});
    CHECK(reader.Feed(bytes.substr(0, cut)) == State::kNeedMore);
    CHECK(reader.started());
    REQUIRE(reader.Feed(bytes.substr(cut)) == State::kComplete);
    const HttpRequest& request = reader.request();
    CHECK(request.method == "POST");
    CHECK(request.path == "/surveys/pension");
    CHECK(request.content_type == "application/x-www-form-urlencoded");
    CHECK(request.body == "overall=4");
    CHECK(request.client.empty());
    CHECK_FALSE(request.body_too_large);
    CHECK(reader.target() == "/surveys/pension?from=mail");
    CHECK(reader.forwarded_for() == "203.0.113.7, 198.51.100.2");
    CHECK(reader.keep_alive());
  }
}

TEST_CASE("RequestReader decodes the path and keeps the target as sent") {
  RequestReader reader({});
  REQUIRE(reader.Feed("POST /surveys/x%0aGET%20/healthz%20200 HTTP/1.1\r\nContent-Length: 0\r\n\r\n") ==
          State::kComplete);
  CHECK(reader.request().path == "/surveys/x\nGET /healthz 200");
  CHECK(reader.target() == "/surveys/x%0aGET%20/healthz%20200");
}

TEST_CASE("RequestReader takes an absolute-form target's path") {
  RequestReader reader({});
  REQUIRE(reader.Feed("GET http://otklik.example.ru/healthz?x=1 HTTP/1.1\r\n\r\n") == State::kComplete);
  CHECK(reader.request().path == "/healthz");
}

TEST_CASE("RequestReader reads pipelined requests one at a time") {
  RequestReader reader({});
  REQUIRE(reader.Feed("GET /healthz HTTP/1.1\r\n\r\nPOST /surveys/a HTTP/1.1\r\nContent-Length: 2\r\n\r\nx") ==
          State::kComplete);
  CHECK(reader.request().method == "GET");
  CHECK(reader.request().path == "/healthz");
  CHECK(reader.Next() == State::kNeedMore);
  CHECK(reader.started());
  REQUIRE(reader.Feed("y") == State::kComplete);
  CHECK(reader.request().method == "POST");
  CHECK(reader.request().body == "xy");
  CHECK(reader.Next() == State::kNeedMore);
  CHECK_FALSE(reader.started());
}

TEST_CASE("RequestReader joins a chunked body") {
  RequestReader reader({});
  CHECK(reader.Feed("POST /api/surveys/a/responses HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"an\r\n") ==
        State::kNeedMore);
  REQUIRE(reader.Feed("3\r\nsw\"\r\n0\r\n\r\n") == State::kComplete);
  CHECK(reader.request().body == "{\"answ\"");
}

TEST_CASE("RequestReader stops at a body over the limit, unread, and the connection is not kept") {
  RequestReader by_length({.header_bytes = 1024, .body_bytes = 8});
  REQUIRE(by_length.Feed("POST /surveys/a HTTP/1.1\r\nContent-Length: 9\r\n\r\n") == State::kComplete);
  CHECK(by_length.request().body_too_large);
  CHECK(by_length.request().body.empty());
  CHECK_FALSE(by_length.keep_alive());
  RequestReader chunked({.header_bytes = 1024, .body_bytes = 8});
  REQUIRE(chunked.Feed("POST /surveys/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n12345\r\n5\r\n67890\r\n") ==
          State::kComplete);
  CHECK(chunked.request().body_too_large);
  RequestReader at_limit({.header_bytes = 1024, .body_bytes = 8});
  REQUIRE(at_limit.Feed("POST /surveys/a HTTP/1.1\r\nContent-Length: 8\r\n\r\n12345678") == State::kComplete);
  CHECK_FALSE(at_limit.request().body_too_large);
  CHECK(at_limit.request().body == "12345678");
}

TEST_CASE("RequestReader refuses headers over the limit and what is not HTTP") {
  RequestReader long_headers({.header_bytes = 64, .body_bytes = 8});
  CHECK(long_headers.Feed("GET /healthz HTTP/1.1\r\nCookie: " + std::string(64, 'a')) == State::kHeadersTooLarge);
  RequestReader long_target({.header_bytes = 64, .body_bytes = 8});
  CHECK(long_target.Feed("GET /" + std::string(100, 'a')) == State::kHeadersTooLarge);
  RequestReader garbage({});
  CHECK(garbage.Feed("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03") == State::kBad);
  RequestReader newline({});
  CHECK(newline.Feed("GET /a\nb HTTP/1.1\r\n\r\n") == State::kBad);
}

TEST_CASE("RequestReader knows when the connection ends after the request") {
  RequestReader close({});
  REQUIRE(close.Feed("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n") == State::kComplete);
  CHECK_FALSE(close.keep_alive());
  RequestReader old({});
  REQUIRE(old.Feed("GET /healthz HTTP/1.0\r\n\r\n") == State::kComplete);
  CHECK_FALSE(old.keep_alive());
  RequestReader old_kept({});
  REQUIRE(old_kept.Feed("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") == State::kComplete);
  CHECK(old_kept.keep_alive());
}

TEST_CASE("RequestReader asks for 100 Continue once, and only while the body is to come") {
  RequestReader reader({});
  CHECK(reader.Feed("POST /surveys/a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n") ==
        State::kNeedMore);
  CHECK(reader.TakeContinue());
  CHECK_FALSE(reader.TakeContinue());
  CHECK(reader.Feed("ok") == State::kComplete);
  RequestReader too_large({.header_bytes = 1024, .body_bytes = 1});
  CHECK(too_large.Feed("POST /surveys/a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n") ==
        State::kComplete);
  CHECK_FALSE(too_large.TakeContinue());
}

}  // namespace
}  // namespace otklik::request_reader_test
