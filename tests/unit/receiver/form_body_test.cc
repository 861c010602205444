#include "receiver/form_body.h"

#include <catch2/catch.hpp>

namespace otklik::form_body_test {
namespace {

TEST_CASE("PercentDecode turns %XX into bytes and '+' into a space only when asked") {
  CHECK(PercentDecode("a+b%20c", true) == "a b c");
  CHECK(PercentDecode("a+b%20c", false) == "a+b c");
  CHECK(PercentDecode("%2B%26%3D%25", true) == "+&=%");
  CHECK(PercentDecode("%D0%b0%d0%B1", true) == "аб");  // either case of hex digit
  CHECK(PercentDecode("", true) == "");
  CHECK(PercentDecode("plain-text_1.2~", true) == "plain-text_1.2~");
}

TEST_CASE("PercentDecode refuses malformed escapes") {
  for (const char* bad : {"%", "%4", "a%", "a%4", "%G1", "%1G", "%%41", "%-1", "% 1", "%\xD0\xB0"}) {
    INFO(bad);
    CHECK(PercentDecode(bad, true) == std::nullopt);
  }
  CHECK(PercentDecode("%41", true) == "A");  // an escape that ends the text is whole
}

TEST_CASE("ParseFormBody reads the pairs in order, repeats included") {
  CHECK(ParseFormBody("overall=4&info-source=portal&info-source=people&_revision=1") ==
        Submission{{"overall", "4"}, {"info-source", "portal"}, {"info-source", "people"}, {"_revision", "1"}});
}

TEST_CASE("ParseFormBody decodes names and values: '+', %20 and Cyrillic") {
  CHECK(ParseFormBody("proposals=%D0%91%D0%BE%D0%BB%D1%8C%D1%88%D0%B5+%D0%BE%D0%BA%D0%BE%D0%BD%0D%0A%D0%B2%D1%81%D0%"
                      "B5%D0%BC%20") == Submission{{"proposals", "Больше окон\r\nвсем "}});
  CHECK(ParseFormBody("a+b%2Ec=x%3Dy%26z") == Submission{{"a b.c", "x=y&z"}});
}

TEST_CASE("ParseFormBody keeps empty values and reads a pair without '=' as an empty value") {
  CHECK(ParseFormBody("timing=&proposals") == Submission{{"timing", ""}, {"proposals", ""}});
  CHECK(ParseFormBody("=orphan&a==b") == Submission{{"", "orphan"}, {"a", "=b"}});
}

TEST_CASE("ParseFormBody skips empty pairs") {
  CHECK(ParseFormBody("") == Submission{});
  CHECK(ParseFormBody("&&a=1&&&b=2&") == Submission{{"a", "1"}, {"b", "2"}});
  CHECK(ParseFormBody("&") == Submission{});
}

TEST_CASE("ParseFormBody refuses the whole body for one malformed escape") {
  for (const char* bad : {"a=%G1", "a=1&b=%", "a=1&b=%4", "%zz=1", "a=1&%=2", "ok=1&x=%E"}) {
    INFO(bad);
    CHECK(ParseFormBody(bad) == std::nullopt);
  }
}

TEST_CASE("Hostile input: NUL bytes decode as bytes, left to the validator") {
  CHECK(ParseFormBody("a%00b=c%00") == Submission{{std::string("a\0b", 3), std::string("c\0", 2)}});
  CHECK(ParseFormBody(std::string("a=b\0c", 5)) == Submission{{"a", std::string("b\0c", 3)}});
}

TEST_CASE("Hostile input: very long bodies are read in full") {
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "info-source=portal&";
  const std::optional<Submission> pairs = ParseFormBody(many);
  REQUIRE(pairs);
  CHECK(pairs->size() == 100000);
  CHECK(pairs->back() == std::pair<std::string, std::string>("info-source", "portal"));

  std::string escaped = "proposals=";
  for (int i = 0; i < 100000; ++i) escaped += "%D1%8F";
  const std::optional<Submission> long_value = ParseFormBody(escaped);
  REQUIRE(long_value);
  CHECK(long_value->at(0).second.size() == 200000);

  CHECK(ParseFormBody(escaped + "%") == std::nullopt);
}

}  // namespace
}  // namespace otklik::form_body_test
