#include "render/template_set.h"

#include <catch2/catch.hpp>

namespace otklik::template_set_test {
namespace {

using nlohmann::json;

const std::vector<std::string> kRequired = {"layout", "page"};

void Put(MemoryFileSystem* fs, const std::string& path, const std::string& text) {
  REQUIRE(fs->WriteFile(path, text).ok());
}

// A theme whose page uses a partial that uses another partial.
void WriteTheme(MemoryFileSystem* fs) {
  Put(fs, "theme/layout.mustache", "<html><title>{{title}}</title><body>{{{content}}}</body></html>\n");
  Put(fs, "theme/page.mustache", "<h1>{{title}}</h1>\n{{> card}}");
  Put(fs, "theme/partials/card.mustache", "<div>{{> heading}}</div>");
  Put(fs, "theme/partials/heading.mustache", "<h2>{{summary}}</h2>");
}

std::optional<TemplateSet> Load(const MemoryFileSystem& fs, Diagnostics* diagnostics) {
  return TemplateSet::Load(fs, "theme", kRequired, diagnostics);
}

// The diagnostics of a theme that must be rejected, as printed.
std::string ErrorsOf(const MemoryFileSystem& fs) {
  Diagnostics diagnostics;
  const std::optional<TemplateSet> set = Load(fs, &diagnostics);
  CHECK_FALSE(set);
  return diagnostics.ToString();
}

// Renders `name` with `view`, requiring success.
std::string RenderOk(TemplateSet& set, const std::string& name, const json& view, bool layout = true) {
  const Result<std::string> html = set.Render(name, view, layout);
  INFO((html.ok() ? "" : html.status().message()));
  REQUIRE(html.ok());
  return html.value();
}

const json kView = {{"title", "Пенсия"}, {"summary", "Кратко"}};

// --- Load ---

TEST_CASE("TemplateSet::Load expands nested partials") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Diagnostics diagnostics;
  std::optional<TemplateSet> set = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(set);
  CHECK(diagnostics.empty());
  CHECK(RenderOk(*set, "page", kView, false) == "<h1>Пенсия</h1>\n<div><h2>Кратко</h2></div>");
}

TEST_CASE("TemplateSet::Load accepts partial tags with or without spaces and partials in subfolders") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/page.mustache", "[{{>heading}}][{{> heading }}][{{>  blocks/note}}]");
  Put(&fs, "theme/partials/blocks/note.mustache", "<aside>{{title}}</aside>");
  Diagnostics diagnostics;
  std::optional<TemplateSet> set = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(set);
  CHECK(RenderOk(*set, "page", kView, false) == "[<h2>Кратко</h2>][<h2>Кратко</h2>][<aside>Пенсия</aside>]");
}

TEST_CASE("TemplateSet::Load loads every template, not only the required ones, and skips other files") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/feed.mustache", "<feed>{{title}}</feed>");
  Put(&fs, "theme/assets/style.css", "body { color: red }");
  Put(&fs, "theme/README.md", "{{#broken");
  Diagnostics diagnostics;
  std::optional<TemplateSet> set = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(set);
  CHECK(set->Has("layout"));
  CHECK(set->Has("page"));
  CHECK(set->Has("feed"));
  CHECK_FALSE(set->Has("card"));
  CHECK_FALSE(set->Has("partials/card"));
  CHECK_FALSE(set->Has("assets/style"));
  CHECK_FALSE(set->Has("README"));
}

TEST_CASE("TemplateSet::Load reports an unknown partial at its line with the closest name") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/page.mustache", "<h1>{{title}}</h1>\n\n<p>{{> crad}}</p>\n");
  CHECK(ErrorsOf(fs) ==
        "theme/page.mustache:3: неизвестный фрагмент шаблона «crad» (возможно, имелось в виду «card»?)\n");
}

TEST_CASE("TemplateSet::Load reports an unknown partial without a suggestion when nothing is close") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/page.mustache", "{{> navigation}}");
  CHECK(ErrorsOf(fs) == "theme/page.mustache:1: неизвестный фрагмент шаблона «navigation»\n");
}

TEST_CASE("TemplateSet::Load reports an unknown partial inside a partial in the partial's file") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/partials/card.mustache", "<div>\n{{> headng}}\n</div>");
  CHECK(ErrorsOf(fs) ==
        "theme/partials/card.mustache:2: неизвестный фрагмент шаблона «headng» (возможно, имелось в виду "
        "«heading»?)\n");
}

TEST_CASE("TemplateSet::Load reports a partial that includes itself") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/page.mustache", "{{> loop}}");
  Put(&fs, "theme/partials/loop.mustache", "x\n{{> loop}}");
  CHECK(ErrorsOf(fs) == "theme/partials/loop.mustache:2: фрагмент «loop» включает сам себя\n");
}

TEST_CASE("TemplateSet::Load reports partials that include each other") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/page.mustache", "<h1>{{title}}</h1>\n{{> a}}");
  Put(&fs, "theme/partials/a.mustache", "A{{> b}}");
  Put(&fs, "theme/partials/b.mustache", "B\n\n{{> a}}");
  CHECK(ErrorsOf(fs) == "theme/partials/b.mustache:3: фрагмент «a» включает сам себя\n");
}

TEST_CASE("TemplateSet::Load lets a partial be used twice in a row, which is not recursion") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/page.mustache", "{{> card}}{{> card}}");
  Diagnostics diagnostics;
  std::optional<TemplateSet> set = Load(fs, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(set);
  CHECK(RenderOk(*set, "page", kView, false) == "<div><h2>Кратко</h2></div><div><h2>Кратко</h2></div>");
}

TEST_CASE("TemplateSet::Load reports a Mustache syntax error at its line, in Russian") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/page.mustache", "<ul>\n{{#items}}<li>{{title}}</li>\n</ul>\n");
  CHECK(ErrorsOf(fs) ==
        "theme/page.mustache:2: ошибка в шаблоне: раздел «{{#items}}» не закрыт: добавьте «{{/items}}»\n");
  Put(&fs, "theme/page.mustache", "<p>\n{{title</p>\n");
  CHECK(ErrorsOf(fs) == "theme/page.mustache:2: ошибка в шаблоне: тег не закрыт: не хватает «}}»\n");
  Put(&fs, "theme/page.mustache", "{{=<% %>=}}<%={{ }}=%>{{=x=}}");
  CHECK(ErrorsOf(fs) == "theme/page.mustache:1: ошибка в шаблоне: неверная смена разделителей «{{=… …=}}»\n");
}

TEST_CASE("TemplateSet::Load reports a syntax error inside a partial in the partial's file") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/partials/heading.mustache", "\n\n{{/title}}");
  CHECK(ErrorsOf(fs) ==
        "theme/partials/heading.mustache:3: ошибка в шаблоне: «{{/title}}» закрывает раздел, который не был "
        "открыт\n");
}

TEST_CASE("TemplateSet::Load refuses a section opened in one file and closed in another") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/partials/open.mustache", "{{#items}}");
  Put(&fs, "theme/page.mustache", "{{> open}}<li>{{title}}</li>{{/items}}");
  CHECK(ErrorsOf(fs) ==
        "theme/page.mustache:1: ошибка в шаблоне: «{{/items}}» закрывает раздел, который не был открыт\n"
        "theme/partials/open.mustache:1: ошибка в шаблоне: раздел «{{#items}}» не закрыт: добавьте «{{/items}}»\n");
}

TEST_CASE("TemplateSet::Load reports a missing required template") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  REQUIRE(fs.RemoveAll("theme/page.mustache").ok());
  CHECK(ErrorsOf(fs) == "theme/page.mustache: нет обязательного шаблона\n");
}

TEST_CASE("TemplateSet::Load of a missing folder reports every required template") {
  MemoryFileSystem fs;
  CHECK(ErrorsOf(fs) ==
        "theme/layout.mustache: нет обязательного шаблона\n"
        "theme/page.mustache: нет обязательного шаблона\n");
}

TEST_CASE("TemplateSet::Load reports every problem of a theme in one run") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  REQUIRE(fs.RemoveAll("theme/page.mustache").ok());
  Put(&fs, "theme/layout.mustache", "{{/content}}");
  Put(&fs, "theme/home.mustache", "\n{{> hedaing}}");
  CHECK(ErrorsOf(fs) ==
        "theme/home.mustache:2: неизвестный фрагмент шаблона «hedaing» (возможно, имелось в виду «heading»?)\n"
        "theme/layout.mustache:1: ошибка в шаблоне: «{{/content}}» закрывает раздел, который не был открыт\n"
        "theme/page.mustache: нет обязательного шаблона\n");
}

TEST_CASE("TemplateSet::Load keeps diagnostics reported before it was called") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Diagnostics diagnostics;
  diagnostics.Add("content/site.yaml", 1, "чужая ошибка");
  CHECK(Load(fs, &diagnostics));
  CHECK(diagnostics.size() == 1);
}

// --- Render ---

TEST_CASE("TemplateSet::Render puts the page into the layout, which sees the same view") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Diagnostics diagnostics;
  std::optional<TemplateSet> set = Load(fs, &diagnostics);
  REQUIRE(set);
  CHECK(RenderOk(*set, "page", kView) ==
        "<html><title>Пенсия</title><body><h1>Пенсия</h1>\n<div><h2>Кратко</h2></div></body></html>\n");
}

TEST_CASE("TemplateSet::Render escapes {{x}} but passes the page body to the layout unescaped") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Diagnostics diagnostics;
  std::optional<TemplateSet> set = Load(fs, &diagnostics);
  REQUIRE(set);
  CHECK(RenderOk(*set, "page", {{"title", "A & <B>"}, {"summary", ""}}) ==
        "<html><title>A &amp; &lt;B&gt;</title><body><h1>A &amp; &lt;B&gt;</h1>\n<div><h2></h2></div></body></html>\n");
}

TEST_CASE("TemplateSet::Render without the layout renders the template alone") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/feed.mustache", "<feed>{{title}}</feed>\n");
  Diagnostics diagnostics;
  std::optional<TemplateSet> set = Load(fs, &diagnostics);
  REQUIRE(set);
  CHECK(RenderOk(*set, "feed", kView, false) == "<feed>Пенсия</feed>\n");
}

TEST_CASE("TemplateSet::Render of an unknown template fails with its path") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Diagnostics diagnostics;
  std::optional<TemplateSet> set = Load(fs, &diagnostics);
  REQUIRE(set);
  const Result<std::string> html = set->Render("feed", kView);
  REQUIRE_FALSE(html.ok());
  CHECK(html.status().message() == "theme/feed.mustache: нет такого шаблона");
}

TEST_CASE("TemplateSet::Render renders the same template again with a new view") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Diagnostics diagnostics;
  std::optional<TemplateSet> set = Load(fs, &diagnostics);
  REQUIRE(set);
  CHECK(RenderOk(*set, "page", kView, false) == "<h1>Пенсия</h1>\n<div><h2>Кратко</h2></div>");
  CHECK(RenderOk(*set, "page", {{"title", "Выплата"}}, false) == "<h1>Выплата</h1>\n<div><h2></h2></div>");
}

// --- Clone ---

TEST_CASE("TemplateSet::Clone renders independently of the original") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Diagnostics diagnostics;
  std::optional<TemplateSet> set = Load(fs, &diagnostics);
  REQUIRE(set);
  CHECK(RenderOk(*set, "page", kView, false) == "<h1>Пенсия</h1>\n<div><h2>Кратко</h2></div>");
  TemplateSet clone = set->Clone();
  CHECK(RenderOk(clone, "page", {{"title", "Клон"}}, false) == "<h1>Клон</h1>\n<div><h2></h2></div>");
  CHECK(RenderOk(*set, "page", {{"title", "Оригинал"}}, false) == "<h1>Оригинал</h1>\n<div><h2></h2></div>");
  CHECK(RenderOk(clone, "page", kView) ==
        "<html><title>Пенсия</title><body><h1>Пенсия</h1>\n<div><h2>Кратко</h2></div></body></html>\n");
}

TEST_CASE("TemplateSet::Clone outlives the original") {
  MemoryFileSystem fs;
  WriteTheme(&fs);
  Put(&fs, "theme/feed.mustache", "<feed>{{title}}</feed>");
  Diagnostics diagnostics;
  std::optional<TemplateSet> set = Load(fs, &diagnostics);
  REQUIRE(set);
  TemplateSet clone = set->Clone();
  set.reset();
  CHECK(clone.Has("feed"));
  CHECK(RenderOk(clone, "feed", kView, false) == "<feed>Пенсия</feed>");
}

AgencyWords ServiceWords() {
  AgencyWords words;
  words.agency = {"служба", "службы", "службе", "службу", "службой", "службе"};
  words.processes = {"проверки", "проверок", "проверкам", "проверки", "проверками", "проверках"};
  return words;
}

TEST_CASE("Templates read messages as {{msg.key}}, escaped, or {{{msg.key}}} as they are; an unknown key is an error") {
  MemoryFileSystem fs;
  REQUIRE(fs.WriteFile("theme/page.mustache", "<h1>{{msg.a}}</h1>\n{{{msg.a}}}\n{{ msg.b }}\n").ok());
  const Messages messages = Messages::FromTexts({{"a", "{Processes} & <b>{agency.gen}</b>"}}, ServiceWords());
  Diagnostics diagnostics;
  CHECK_FALSE(TemplateSet::Load(fs, "theme", {"page"}, &diagnostics, &messages));
  CHECK(diagnostics.ToString() == "theme/page.mustache:3: нет сообщения «b» в каталоге \n");
  REQUIRE(fs.WriteFile("theme/page.mustache", "<h1>{{msg.a}}</h1>\n{{{msg.a}}}\n").ok());
  std::optional<TemplateSet> set = TemplateSet::Load(fs, "theme", {"page"}, &diagnostics, &messages);
  REQUIRE(set);
  CHECK(set->Render("page", nlohmann::json::object(), false).value() ==
        "<h1>Проверки &amp; &lt;b&gt;службы&lt;/b&gt;</h1>\nПроверки & <b>службы</b>\n");
}

}  // namespace
}  // namespace otklik::template_set_test
