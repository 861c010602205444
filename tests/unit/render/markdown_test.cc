#include "render/markdown.h"

#include <catch2/catch.hpp>

#include "core/parallel.h"

namespace otklik::markdown_test {
namespace {

std::string Html(std::string_view markdown) {
  return MarkdownRenderer().ToHtml(markdown);
}

std::string HtmlAllowingRaw(std::string_view markdown) {
  return MarkdownRenderer(true).ToHtml(markdown);
}

TEST_CASE("MarkdownRenderer renders paragraphs, lists and emphasis") {
  CHECK(Html("Первый абзац с *курсивом* и **жирным**.\n\n- один\n- два\n") ==
        "<p>Первый абзац с <em>курсивом</em> и <strong>жирным</strong>.</p>\n"
        "<ul>\n"
        "<li>один</li>\n"
        "<li>два</li>\n"
        "</ul>\n");
}

TEST_CASE("cmark-gfm calls this program's cmark_manage_extensions_special_characters") {
  // render/markdown.cc replaces the library's function, which empties a
  // global table another thread may be using; the library must call it.
  const MarkdownRenderer markdown;
  const uint64_t before = MarkdownRenderer::SpecialCharacterCalls();
  CHECK(markdown.ToHtml("https://example.ru/a ~~b~~") ==
        "<p><a href=\"https://example.ru/a\">https://example.ru/a</a> <del>b</del></p>\n");
  CHECK(MarkdownRenderer::SpecialCharacterCalls() == before + 2);
}

TEST_CASE("MarkdownRenderer links every URL when documents are rendered on several threads at once") {
  // cmark-gfm's special characters are global; without care, one thread's
  // parser removes the autolink characters another one is using.
  const MarkdownRenderer markdown;
  std::vector<std::string> pages(2000);
  ParallelFor(pages.size(), [&](size_t i, unsigned) {
    pages[i] = markdown.ToHtml("Сайт: https://example.ru/" + std::to_string(i) + "\n\n| a |\n| - |\n| b |\n");
  }, 4);
  size_t linked = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string url = "https://example.ru/" + std::to_string(i);
    linked += pages[i].find("<a href=\"" + url + "\">" + url + "</a>") != std::string::npos ? 1 : 0;
  }
  CHECK(linked == pages.size());
}

TEST_CASE("MarkdownRenderer renders empty text as nothing") {
  CHECK(Html("") == "");
}

TEST_CASE("MarkdownRenderer shifts headings one level down") {
  CHECK(Html("# Один\n\n## Два\n\n### Три\n") ==
        "<h2>Один</h2>\n"
        "<h3>Два</h3>\n"
        "<h4>Три</h4>\n");
  CHECK(Html("Заголовок\n=========\n") == "<h2>Заголовок</h2>\n");
}

TEST_CASE("MarkdownRenderer keeps the deepest headings at h6") {
  CHECK(Html("##### Пять\n\n###### Шесть\n") ==
        "<h6>Пять</h6>\n"
        "<h6>Шесть</h6>\n");
}

TEST_CASE("MarkdownRenderer renders a GFM table") {
  CHECK(Html("| Срок | Размер |\n"
             "| :--- | -----: |\n"
             "| 2026 | 1 000 ₽ |\n"
             "| 2027 | 2 000 ₽ |\n") ==
        "<table>\n"
        "<thead>\n"
        "<tr>\n"
        "<th align=\"left\">Срок</th>\n"
        "<th align=\"right\">Размер</th>\n"
        "</tr>\n"
        "</thead>\n"
        "<tbody>\n"
        "<tr>\n"
        "<td align=\"left\">2026</td>\n"
        "<td align=\"right\">1 000 ₽</td>\n"
        "</tr>\n"
        "<tr>\n"
        "<td align=\"left\">2027</td>\n"
        "<td align=\"right\">2 000 ₽</td>\n"
        "</tr>\n"
        "</tbody>\n"
        "</table>\n");
}

TEST_CASE("MarkdownRenderer turns bare web addresses into links") {
  CHECK(Html("Подробнее: https://www.gosuslugi.ru/help и www.example.ru.\n") ==
        "<p>Подробнее: <a href=\"https://www.gosuslugi.ru/help\">https://www.gosuslugi.ru/help</a> и "
        "<a href=\"http://www.example.ru\">www.example.ru</a>.</p>\n");
}

TEST_CASE("MarkdownRenderer turns bare e-mail addresses into mailto links") {
  CHECK(Html("Пишите на obr@example.ru\n") ==
        "<p>Пишите на <a href=\"mailto:obr@example.ru\">obr@example.ru</a></p>\n");
}

TEST_CASE("MarkdownRenderer renders strikethrough") {
  CHECK(Html("Срок ~~30~~ 10 дней\n") == "<p>Срок <del>30</del> 10 дней</p>\n");
}

TEST_CASE("MarkdownRenderer drops raw HTML by default") {
  CHECK(Html("<div class=\"x\">блок</div>\n\nТекст с <b>тегом</b>.\n") ==
        "<!-- raw HTML omitted -->\n"
        "<p>Текст с <!-- raw HTML omitted -->тегом<!-- raw HTML omitted -->.</p>\n");
  CHECK(Html("<script>alert(1)</script>\n") == "<!-- raw HTML omitted -->\n");
}

TEST_CASE("MarkdownRenderer drops javascript: links by default") {
  CHECK(Html("[ссылка](javascript:alert(1))\n") == "<p><a href=\"\">ссылка</a></p>\n");
}

TEST_CASE("MarkdownRenderer keeps raw HTML when allowed") {
  CHECK(HtmlAllowingRaw("<div class=\"x\">блок</div>\n\nТекст с <b>тегом</b>.\n") ==
        "<div class=\"x\">блок</div>\n"
        "<p>Текст с <b>тегом</b>.</p>\n");
}

TEST_CASE("MarkdownRenderer escapes HTML special characters in text") {
  CHECK(Html("a < b & c > d \"кавычки\"\n") == "<p>a &lt; b &amp; c &gt; d &quot;кавычки&quot;</p>\n");
}

TEST_CASE("MarkdownRenderer escapes link addresses and code") {
  CHECK(Html("[тест](https://example.ru/?a=1&b=\"2\")\n") ==
        "<p><a href=\"https://example.ru/?a=1&amp;b=%222%22\">тест</a></p>\n");
  CHECK(Html("`<b>`\n\n```\n<i>\n```\n") == "<p><code>&lt;b&gt;</code></p>\n<pre><code>&lt;i&gt;\n</code></pre>\n");
}

TEST_CASE("MarkdownRenderer gives the same HTML on every call") {
  const MarkdownRenderer renderer;
  const std::string markdown = "# Заголовок\n\n| a |\n| - |\n| 1 |\n";
  const std::string first = renderer.ToHtml(markdown);
  CHECK(renderer.ToHtml(markdown) == first);
  CHECK(MarkdownRenderer().ToHtml(markdown) == first);
}

}  // namespace
}  // namespace otklik::markdown_test
