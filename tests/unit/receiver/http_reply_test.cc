#include "receiver/http_reply.h"

#include <catch2/catch.hpp>

namespace otklik::http_reply_test {
namespace {

TEST_CASE("ReplyBytes puts the status line, the headers and the body in one buffer") {
  HttpResponse reply;
  reply.status = 303;
  reply.content_type = "text/html; charset=utf-8";
  reply.headers = {{"Cache-Control", "no-store"}, {"Location", "https://otklik.example.ru/surveys/a/thanks/"}};
  CHECK(ReplyBytes(reply, false, false) ==
        "HTTP/1.1 303 See Other\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        "Content-Length: 0\r\n"
        "Cache-Control: no-store\r\n"
        "Location: https://otklik.example.ru/surveys/a/thanks/\r\n"
        "\r\n");
}

TEST_CASE("ReplyBytes says when the connection closes, and leaves out the body of a HEAD reply") {
  HttpResponse reply;
  reply.status = 200;
  reply.content_type = "application/json; charset=utf-8";
  reply.body = "{\"status\":\"ok\"}\n";
  const std::string head =
      "HTTP/1.1 200 OK\r\n"
      "Content-Type: application/json; charset=utf-8\r\n"
      "Content-Length: 16\r\n";
  CHECK(ReplyBytes(reply, false, true) == head + "Connection: close\r\n\r\n{\"status\":\"ok\"}\n");
  CHECK(ReplyBytes(reply, true, false) == head + "\r\n");
}

TEST_CASE("LoggedPath keeps the path as sent, without the query, and can never break a log line") {
  CHECK(LoggedPath("/surveys/pension") == "/surveys/pension");
  CHECK(LoggedPath("/surveys/pension?email=a@b.ru") == "/surveys/pension");
  CHECK(LoggedPath("/surveys/x%0aGET%20/healthz%20200") == "/surveys/x%0aGET%20/healthz%20200");
  CHECK(LoggedPath("/a\nGET /healthz 200\r") == "/a%0AGET%20/healthz%20200%0D");
  CHECK(LoggedPath("/\xD0\xB0\x7F") == "/%D0%B0%7F");
}

}  // namespace
}  // namespace otklik::http_reply_test
