#include "core/utf8.h"

#include <catch2/catch.hpp>

namespace otklik::utf8_test {
namespace {

TEST_CASE("IsValidUtf8 accepts ASCII, Cyrillic, symbols and emoji") {
  CHECK(IsValidUtf8(""));
  CHECK(IsValidUtf8("plain ascii\n"));
  CHECK(IsValidUtf8("Ёлка и ёж — «кавычки» №5 ₽"));
  CHECK(IsValidUtf8("\xF0\x9F\x99\x82"));  // U+1F642
  CHECK(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST_CASE("IsValidUtf8 rejects malformed sequences") {
  CHECK_FALSE(IsValidUtf8("\x80"));                  // stray continuation byte
  CHECK_FALSE(IsValidUtf8("\xD0"));                  // truncated two-byte sequence
  CHECK_FALSE(IsValidUtf8("\xE2\x82"));              // truncated three-byte sequence
  CHECK_FALSE(IsValidUtf8("\xD0\x41"));              // continuation byte missing
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));              // overlong "/"
  CHECK_FALSE(IsValidUtf8("\xE0\x80\xAF"));          // overlong "/" in three bytes
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));          // surrogate U+D800
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));      // above U+10FFFF
  CHECK_FALSE(IsValidUtf8("\xF8\x88\x80\x80\x80"));  // five-byte form
  CHECK_FALSE(IsValidUtf8("\xFF"));
  CHECK_FALSE(IsValidUtf8(std::string_view("ok\0\xFE", 4)));
}

TEST_CASE("Utf8Length counts code points, not bytes") {
  CHECK(Utf8Length("") == 0);
  CHECK(Utf8Length("abc") == 3);
  CHECK(Utf8Length("ёж") == 2);
  CHECK(Utf8Length("₽ \xF0\x9F\x99\x82") == 3);
}

TEST_CASE("FirstInvalidUtf8 gives the offset of the first byte that is not UTF-8") {
  CHECK(FirstInvalidUtf8("Пенсия") == std::string_view::npos);
  CHECK(FirstInvalidUtf8("ab\xFF" "cd") == 2);
  CHECK(FirstInvalidUtf8("П\xD0") == 2);            // a truncated sequence at the end
  CHECK(FirstInvalidUtf8("x\xC0\xAF") == 1);        // an overlong '/'
  CHECK(FirstInvalidUtf8("\xED\xA0\x80") == 0);     // a surrogate
}

}  // namespace
}  // namespace otklik::utf8_test
