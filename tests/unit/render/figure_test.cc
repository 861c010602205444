#include "render/figure.h"

#include <catch2/catch.hpp>

namespace otklik {
namespace {

TEST_CASE("Fill puts figures into a message: its words escaped, the figures' HTML as it is") {
  const Shown level = Figure("level/all/2026-q3/share", "19/57", "33\u00A0%");
  const Shown filled = Fill("Уровень <{period}> — {level}.", {{"level", level}, {"period", Words("в III & IV")}});
  CHECK(
      filled.html ==
      "Уровень &lt;в III &amp; IV&gt; — <data value=\"19/57\" data-key=\"level/all/2026-q3/share\">33\u00A0%</data>.");
  CHECK(filled.text == "Уровень <в III & IV> — 33\u00A0%.");
}

TEST_CASE("Fill leaves a parameter it was not given as written, and fills one that repeats each time") {
  const Shown filled = Fill("{n} из {total}, {n}", {{"n", Words("5")}});
  CHECK(filled.text == "5 из {total}, 5");
  CHECK(filled.html == "5 из {total}, 5");
}

TEST_CASE("Fill does not read a figure's text as parameters") {
  const Shown filled = Fill("{a} и {b}", {{"a", Words("{b}")}, {"b", Words("два")}});
  CHECK(filled.text == "{b} и два");
}

TEST_CASE("Fill of a message without parameters is the message, escaped") {
  CHECK(Fill("Нет данных", {}).html == "Нет данных");
  CHECK(Fill("«A» & {", {}).html == "«A» &amp; {");
}

}  // namespace
}  // namespace otklik
