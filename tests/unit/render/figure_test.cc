#include "render/figure.h"

#include <catch2/catch.hpp>

namespace otklik::figure_test {
namespace {

TEST_CASE("Sentence::Put puts figures into a message's placeholders and adds the rest as words") {
  Sentence sentence;
  sentence.Put("Из {all} ответили «да» {count} & ещё {other}.",
               {{"count", Count("q/yes", 3)}, {"all", Count("q/answered", 12)}});
  CHECK(sentence.text() == "Из 12 ответили «да» 3 & ещё {other}.");
  CHECK(sentence.html() ==
        "Из <data value=\"12\" data-key=\"q/answered\">12</data> ответили «да» "
        "<data value=\"3\" data-key=\"q/yes\">3</data> &amp; ещё {other}.");
}

TEST_CASE("Sentence::Put appends to the sentence: a placeholder twice, words as figures, an unclosed brace") {
  Sentence sentence;
  sentence << "Итог: ";
  sentence.Put("{a}<{a}", {{"a", Words("x&y")}});
  sentence.Put(" {", {{"a", Words("z")}});
  CHECK(sentence.text() == "Итог: x&y<x&y {");
  CHECK(sentence.html() == "Итог: x&amp;y&lt;x&amp;y {");
}

TEST_CASE("Sentence::Put never reads a figure's words as placeholders") {
  Sentence sentence;
  sentence.Put("{a} и {b}", {{"a", Words("{b}")}, {"b", Words("два")}});
  CHECK(sentence.text() == "{b} и два");
}

}  // namespace
}  // namespace otklik::figure_test
