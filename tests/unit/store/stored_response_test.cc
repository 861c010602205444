#include "store/stored_response.h"

#include <catch2/catch.hpp>
#include <regex>

namespace otklik::stored_response_test {
namespace {

StoredResponse Stored(Answers answers, std::string source = "web") {
  return {{"pension-feedback", 2, std::move(answers), ""}, Date(2026, 11, 23), std::move(source)};
}

TEST_CASE("EncodeLine writes one line with the keys in a fixed order") {
  CHECK(EncodeLine(Stored({{"overall", {"4"}}, {"channel", {"portal"}}})) ==
        "{\"answers\":{\"channel\":[\"portal\"],\"overall\":[\"4\"]},\"date\":\"2026-11-23\",\"revision\":2,"
        "\"source\":\"web\",\"survey\":\"pension-feedback\"}\n");
}

TEST_CASE("EncodeLine keeps the values of a field in the order given") {
  CHECK(EncodeLine(Stored({{"info-source", {"portal", "people", "media"}}}, "api")) ==
        "{\"answers\":{\"info-source\":[\"portal\",\"people\",\"media\"]},\"date\":\"2026-11-23\",\"revision\":2,"
        "\"source\":\"api\",\"survey\":\"pension-feedback\"}\n");
}

TEST_CASE("EncodeLine writes an empty answer set as an empty object") {
  CHECK(
      EncodeLine(Stored({}, "paper")) ==
      "{\"answers\":{},\"date\":\"2026-11-23\",\"revision\":2,\"source\":\"paper\",\"survey\":\"pension-feedback\"}\n");
}

TEST_CASE("EncodeLine escapes quotes, backslashes and line ends and keeps Cyrillic as UTF-8") {
  const std::string line = EncodeLine(Stored({{"proposals", {"Он сказал \"нет\"\nи ушёл\\\tвсё"}}}));
  CHECK(line ==
        "{\"answers\":{\"proposals\":[\"Он сказал \\\"нет\\\"\\nи ушёл\\\\\\tвсё\"]},\"date\":\"2026-11-23\","
        "\"revision\":2,\"source\":\"web\",\"survey\":\"pension-feedback\"}\n");
  // The only line end is the final one: a response is exactly one line.
  CHECK(line.find('\n') == line.size() - 1);
}

TEST_CASE("EncodeLine escapes control characters and replaces malformed UTF-8") {
  CHECK(EncodeLine(Stored({{"proposals", {std::string("a\x01\0b\xFF", 5)}}})) ==
        "{\"answers\":{\"proposals\":[\"a\\u0001\\u0000b\xEF\xBF\xBD\"]},\"date\":\"2026-11-23\",\"revision\":2,"
        "\"source\":\"web\",\"survey\":\"pension-feedback\"}\n");
}

TEST_CASE("EncodeLine holds the day only, never a time of day") {
  const std::string line = EncodeLine(Stored({{"overall", {"5"}}}));
  CHECK(line.find("\"date\":\"2026-11-23\"") != std::string::npos);
  CHECK_FALSE(std::regex_search(line, std::regex("[0-9]{1,2}:[0-9]{2}")));
  CHECK_FALSE(std::regex_search(line, std::regex("2026-11-23T")));
}

TEST_CASE("EncodeLine gives equal bytes for equal responses whatever the insertion order") {
  Answers forward;
  forward["a"] = {"1"};
  forward["b"] = {"2"};
  Answers backward;
  backward["b"] = {"2"};
  backward["a"] = {"1"};
  CHECK(EncodeLine(Stored(forward)) == EncodeLine(Stored(backward)));
}

}  // namespace
}  // namespace otklik::stored_response_test
