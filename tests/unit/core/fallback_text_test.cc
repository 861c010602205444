#include "core/fallback_text.h"

#include <catch2/catch.hpp>

namespace otklik::fallback_text_test {
namespace {

const std::string kRussian = MarkedFallback("Контакты");

TEST_CASE("A marked fallback is the text between two marks, and nothing for nothing") {
  CHECK(kRussian == "\xEE\x80\x80Контакты\xEE\x80\x81");
  CHECK(IsMarkedFallback(kRussian));
  CHECK_FALSE(IsMarkedFallback("Контакты"));
  CHECK_FALSE(IsMarkedFallback(kRussian + "!"));
  CHECK(MarkedFallback("").empty());
  CHECK(WithoutFallbackMarks("Бәйле " + kRussian + " битләр") == "Бәйле Контакты битләр");
}

TEST_CASE("In a page a mark is a span with lang=ru where an element may stand, and nothing elsewhere") {
  CHECK(FallbackMarksToHtml("<li><a href=\"x\">" + kRussian + "</a></li>") ==
        "<li><a href=\"x\"><span lang=\"ru\">Контакты</span></a></li>");
  // In an attribute, the title, an option or an SVG drawing no element may stand.
  CHECK(FallbackMarksToHtml("<input placeholder=\"" + kRussian + "\">") == "<input placeholder=\"Контакты\">");
  CHECK(FallbackMarksToHtml("<title>" + kRussian + " — Кире элемтә</title>") ==
        "<title>Контакты — Кире элемтә</title>");
  CHECK(FallbackMarksToHtml("<select><option>" + kRussian + "</option></select><p>" + kRussian + "</p>") ==
        "<select><option>Контакты</option></select><p><span lang=\"ru\">Контакты</span></p>");
  CHECK(FallbackMarksToHtml("<svg><text>" + kRussian + "</text></svg>") == "<svg><text>Контакты</text></svg>");
  // A span inside phrasing elements stays open; any other tag closes it, so none crosses an element's edge.
  CHECK(FallbackMarksToHtml("<p>\xEE\x80\x80Вопрос <strong>3</strong></p><p>далее\xEE\x80\x81</p>") ==
        "<p><span lang=\"ru\">Вопрос <strong>3</strong></span></p><p>далее</p>");
  CHECK(FallbackMarksToHtml("<p>без пометок</p>") == "<p>без пометок</p>");
}

}  // namespace
}  // namespace otklik::fallback_text_test
