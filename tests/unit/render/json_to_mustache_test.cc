#include "render/json_to_mustache.h"

#include <catch2/catch.hpp>

namespace otklik::json_to_mustache_test {
namespace {

using nlohmann::json;

// Renders a Mustache template with the converted view.
std::string Render(const std::string& text, const json& view) {
  kainjow::mustache::mustache tmpl(text);
  REQUIRE(tmpl.is_valid());
  const std::string out = tmpl.render(ToMustache(view));
  REQUIRE(tmpl.is_valid());
  return out;
}

TEST_CASE("ToMustache maps object fields, nested objects included") {
  const json view = {{"title", "Пенсия"}, {"site", {{"agency", {{"name", "Минсоц"}}}}}};
  CHECK(Render("{{title}} / {{site.agency.name}}", view) == "Пенсия / Минсоц");
  CHECK(Render("{{#site}}{{#agency}}[{{name}}]{{/agency}}{{/site}}", view) == "[Минсоц]");
}

TEST_CASE("ToMustache maps an array of objects to a list in order") {
  const json view = {{"items", {{{"name", "a"}}, {{"name", "b"}}, {{"name", "c"}}}}};
  CHECK(Render("{{#items}}<{{name}}>{{/items}}", view) == "<a><b><c>");
}

TEST_CASE("ToMustache maps an array of strings to a list readable with {{.}}") {
  const json view = {{"ids", {"x", "y"}}};
  CHECK(Render("{{#ids}}{{.}};{{/ids}}", view) == "x;y;");
}

TEST_CASE("ToMustache maps a top-level array to a list") {
  kainjow::mustache::data data = ToMustache(json::array({1, 2}));
  REQUIRE(data.is_list());
  CHECK(data.list_value().size() == 2);
  CHECK(data.list_value()[0].string_value() == "1");
}

TEST_CASE("ToMustache adds has_x = true for a non-empty array x") {
  const json view = {{"services", {{{"title", "a"}}}}};
  CHECK(Render("{{#has_services}}<h2>Услуги</h2>{{/has_services}}{{^has_services}}нет{{/has_services}}", view) ==
        "<h2>Услуги</h2>");
}

TEST_CASE("ToMustache adds has_x = false for an empty array x") {
  const json view = {{"services", json::array()}};
  CHECK(Render("{{#has_services}}<h2>Услуги</h2>{{/has_services}}{{^has_services}}нет{{/has_services}}", view) ==
        "нет");
  CHECK(Render("[{{#services}}x{{/services}}]", view) == "[]");
}

TEST_CASE("ToMustache adds has_x inside nested objects and list items") {
  const json view = {{"service", {{"situations", json::array()}, {"touchpoints", {"mfc"}}}},
                     {"groups", {{{"services", {"a"}}}, {{"services", json::array()}}}}};
  CHECK(Render("{{#service}}{{#has_situations}}S{{/has_situations}}{{#has_touchpoints}}T{{/has_touchpoints}}"
               "{{/service}}",
               view) == "T");
  CHECK(Render("{{#groups}}[{{#has_services}}yes{{/has_services}}{{^has_services}}no{{/has_services}}]{{/groups}}",
               view) == "[yes][no]");
}

TEST_CASE("ToMustache keeps a has_x the view already has") {
  CHECK(Render("{{#has_items}}yes{{/has_items}}{{^has_items}}no{{/has_items}}",
               {{"items", json::array()}, {"has_items", true}}) == "yes");
  CHECK(Render("{{#has_items}}yes{{/has_items}}{{^has_items}}no{{/has_items}}",
               {{"items", {1}}, {"has_items", false}}) == "no");
}

TEST_CASE("ToMustache adds has_x only for arrays") {
  const json view = {{"title", "x"}, {"site", json::object()}, {"count", 3}, {"online", true}};
  const kainjow::mustache::data data = ToMustache(view);
  CHECK(data.get("has_title") == nullptr);
  CHECK(data.get("has_site") == nullptr);
  CHECK(data.get("has_count") == nullptr);
  CHECK(data.get("has_online") == nullptr);
}

TEST_CASE("ToMustache turns an empty string into false") {
  const std::string text = "{{#summary}}<p>{{summary}}</p>{{/summary}}{{^summary}}нет описания{{/summary}}";
  CHECK(Render(text, {{"summary", ""}}) == "нет описания");
  CHECK(Render(text, {{"summary", "Кратко."}}) == "<p>Кратко.</p>");
}

TEST_CASE("ToMustache turns null into false") {
  const std::string text = "{{#contacts}}[{{phone}}]{{/contacts}}{{^contacts}}нет контактов{{/contacts}}";
  CHECK(Render(text, {{"contacts", nullptr}}) == "нет контактов");
  CHECK(Render(text, {{"contacts", {{"phone", "8 800"}}}}) == "[8 800]");
  CHECK(Render("[{{contacts}}]", {{"contacts", nullptr}}) == "[]");
}

TEST_CASE("ToMustache prints numbers as their text") {
  CHECK(Render("{{n}} {{neg}} {{big}} {{half}}", {{"n", 42}, {"neg", -7}, {"big", 12345678901234LL}, {"half", 2.5}}) ==
        "42 -7 12345678901234 2.5");
  CHECK(Render("{{u}}", {{"u", 3u}}) == "3");
}

TEST_CASE("ToMustache keeps zero as text, so a section over it is shown") {
  CHECK(Render("{{#n}}[{{n}}]{{/n}}", {{"n", 0}}) == "[0]");
}

TEST_CASE("ToMustache maps booleans to sections") {
  const std::string text = "{{#online}}онлайн{{/online}}{{^online}}лично{{/online}}";
  CHECK(Render(text, {{"online", true}}) == "онлайн");
  CHECK(Render(text, {{"online", false}}) == "лично");
  CHECK(Render("[{{online}}]", {{"online", true}}) == "[]");
}

TEST_CASE("ToMustache keeps strings as they are, so {{x}} escapes and {{{x}}} does not") {
  const json view = {{"title", "A & B <i>\"q\"</i>"}, {"body_html", "<p>a &amp; b</p>"}};
  CHECK(Render("{{title}}", view) == "A &amp; B &lt;i&gt;&quot;q&quot;&lt;/i&gt;");
  CHECK(Render("{{{body_html}}}", view) == "<p>a &amp; b</p>");
  CHECK(Render("{{x}}", {{"x", "строка в UTF-8"}}) == "строка в UTF-8");
}

TEST_CASE("ToMustache gives a list item access to the fields around it") {
  const json view = {{"root", "../"}, {"items", {{{"href", "a/index.html"}}}}};
  CHECK(Render("{{#items}}{{root}}{{href}}{{/items}}", view) == "../a/index.html");
}

}  // namespace
}  // namespace otklik::json_to_mustache_test
