#include "content/document.h"

#include <catch2/catch.hpp>

namespace otklik::document_test {
namespace {

const char kPath[] = "content/services/pension.md";

std::optional<Document> Parse(std::string_view text, Diagnostics* diagnostics) {
  return ParseDocument(kPath, text, diagnostics);
}

// The text of `key` in `map`, "<missing>" or "<not a scalar>".
std::string Text(const YamlNode& map, const std::string& key) {
  for (const auto& [name, value] : map.entries()) {
    if (name.text() == key) return value.IsScalar() ? value.text() : "<not a scalar>";
  }
  return "<missing>";
}

// The single error `text` produces, as printed.
std::string ErrorOf(std::string_view text) {
  Diagnostics diagnostics;
  const std::optional<Document> doc = Parse(text, &diagnostics);
  CHECK_FALSE(doc);
  REQUIRE(diagnostics.size() == 1);
  return diagnostics.items()[0].ToString();
}

TEST_CASE("ParseDocument splits front matter from the Markdown body") {
  Diagnostics diagnostics;
  const std::optional<Document> doc = Parse(
      "---\n"
      "title: Пенсия по старости\n"
      "order: 2\n"
      "---\n"
      "# Как оформить\n"
      "\n"
      "Текст.\n",
      &diagnostics);
  REQUIRE(doc);
  CHECK(diagnostics.empty());
  CHECK(doc->path == kPath);
  CHECK(doc->id == "pension");
  REQUIRE(doc->front_matter.IsMap());
  CHECK(doc->front_matter.entries().size() == 2);
  CHECK(Text(doc->front_matter, "title") == "Пенсия по старости");
  CHECK(Text(doc->front_matter, "order") == "2");
  CHECK(doc->body == "# Как оформить\n\nТекст.\n");
}

TEST_CASE("ParseDocument without front matter keeps the whole text as the body") {
  Diagnostics diagnostics;
  const std::string text = "# Заголовок\n---\ntitle: not front matter\n---\n";
  const std::optional<Document> doc = Parse(text, &diagnostics);
  REQUIRE(doc);
  CHECK(diagnostics.empty());
  CHECK(doc->id == "pension");
  CHECK(doc->front_matter.IsMap());
  CHECK(doc->front_matter.entries().size() == 0);
  CHECK(doc->body == text);
}

TEST_CASE("ParseDocument of an empty file is an empty document") {
  Diagnostics diagnostics;
  const std::optional<Document> doc = Parse("", &diagnostics);
  REQUIRE(doc);
  CHECK(diagnostics.empty());
  CHECK(doc->front_matter.IsMap());
  CHECK(doc->front_matter.entries().size() == 0);
  CHECK(doc->body == "");
}

TEST_CASE("ParseDocument accepts empty front matter") {
  Diagnostics diagnostics;
  const std::optional<Document> doc = Parse("---\n---\nТекст\n", &diagnostics);
  REQUIRE(doc);
  CHECK(diagnostics.empty());
  CHECK(doc->front_matter.IsMap());
  CHECK(doc->front_matter.entries().size() == 0);
  CHECK(doc->body == "Текст\n");
}

TEST_CASE("ParseDocument ends the front matter at the first closing line only") {
  Diagnostics diagnostics;
  const std::optional<Document> doc = Parse("---\ntitle: x\n---\nабзац\n---\nещё\n", &diagnostics);
  REQUIRE(doc);
  CHECK(doc->front_matter.entries().size() == 1);
  CHECK(doc->body == "абзац\n---\nещё\n");
}

TEST_CASE("ParseDocument allows a closing line at the very end of the file") {
  Diagnostics diagnostics;
  const std::optional<Document> doc = Parse("---\ntitle: x\n---", &diagnostics);
  REQUIRE(doc);
  CHECK(diagnostics.empty());
  CHECK(Text(doc->front_matter, "title") == "x");
  CHECK(doc->body == "");
}

TEST_CASE("ParseDocument skips a UTF-8 byte order mark") {
  Diagnostics diagnostics;
  SECTION("before front matter") {
    const std::optional<Document> doc = Parse("\xEF\xBB\xBF---\ntitle: x\n---\nТекст\n", &diagnostics);
    REQUIRE(doc);
    CHECK(Text(doc->front_matter, "title") == "x");
    CHECK(doc->body == "Текст\n");
  }
  SECTION("before a plain body") {
    const std::optional<Document> doc = Parse("\xEF\xBB\xBFТекст\n", &diagnostics);
    REQUIRE(doc);
    CHECK(doc->front_matter.entries().size() == 0);
    CHECK(doc->body == "Текст\n");
  }
  CHECK(diagnostics.empty());
}

TEST_CASE("ParseDocument reads front matter written with CRLF line ends") {
  Diagnostics diagnostics;
  const std::optional<Document> doc = Parse("---\r\ntitle: x\r\norder: 2\r\n---\r\nТекст\r\n", &diagnostics);
  REQUIRE(doc);
  CHECK(diagnostics.empty());
  CHECK(Text(doc->front_matter, "title") == "x");
  CHECK(Text(doc->front_matter, "order") == "2");
  CHECK(doc->body == "Текст\r\n");
}

TEST_CASE("ParseDocument reports front matter that is never closed at line 1") {
  const std::string expected =
      "content/services/pension.md:1: блок полей открыт строкой «---», но не закрыт второй строкой «---»";
  CHECK(ErrorOf("---\ntitle: x\n\nТекст\n") == expected);
  CHECK(ErrorOf("---\n") == expected);
  CHECK(ErrorOf("---") == expected);
  CHECK(ErrorOf("---\ntitle: x\n--- \nТекст\n") == expected);
}

TEST_CASE("ParseDocument reports YAML syntax errors at their line in the file") {
  CHECK(ErrorOf("---\ntitle: x\n\tsummary: y\n---\n") ==
        "content/services/pension.md:3: ошибка в YAML: табуляция в отступе; используйте пробелы");
  CHECK(ErrorOf("---\ntitle: x\nsummary: y\norder: *missing\n---\n") ==
        "content/services/pension.md:4: ошибка в YAML: ссылка «*missing» на неизвестную метку «&missing»");
  CHECK(ErrorOf("---\ntitle: x\n  summary: y\n---\n") ==
        "content/services/pension.md:3: ошибка в YAML: в значении есть двоеточие или запятая: заключите его в кавычки");
}

TEST_CASE("ParseDocument counts lines after a byte order mark and CRLF line ends the same way") {
  CHECK(ErrorOf("\xEF\xBB\xBF---\r\ntitle: x\r\nsummary: y\r\norder: *missing\r\n---\r\n") ==
        "content/services/pension.md:4: ошибка в YAML: ссылка «*missing» на неизвестную метку «&missing»");
}

TEST_CASE("ParseDocument requires the front matter to be a map") {
  const std::string expected = "content/services/pension.md:2: ожидается набор полей «ключ: значение»";
  CHECK(ErrorOf("---\n- a\n- b\n---\nТекст\n") == expected);
  CHECK(ErrorOf("---\nпросто текст\n---\n") == expected);
}

TEST_CASE("ParseYamlMap parses a map and treats an empty text as an empty map") {
  Diagnostics diagnostics;
  const std::optional<YamlNode> map = ParseYamlMap("site.yaml", "title: x\nagency:\n  name: y\n", 1, &diagnostics);
  REQUIRE(map);
  CHECK(map->IsMap());
  CHECK(Text(map->entries()[1].second, "name") == "y");

  const std::optional<YamlNode> empty = ParseYamlMap("site.yaml", "# только комментарий\n", 1, &diagnostics);
  REQUIRE(empty);
  CHECK(empty->IsMap());
  CHECK(empty->entries().size() == 0);
  CHECK(diagnostics.empty());
}

TEST_CASE("ParseYamlMap reports errors relative to the given first line") {
  Diagnostics diagnostics;
  CHECK_FALSE(ParseYamlMap("site.yaml", "title: x\nbase_url: *a\n", 1, &diagnostics));
  CHECK_FALSE(ParseYamlMap("survey.yaml", "title: x\nbase_url: *a\n", 10, &diagnostics));
  CHECK_FALSE(ParseYamlMap("list.yaml", "- a\n", 5, &diagnostics));
  CHECK(diagnostics.ToString() ==
        "site.yaml:2: ошибка в YAML: ссылка «*a» на неизвестную метку «&a»\n"
        "survey.yaml:11: ошибка в YAML: ссылка «*a» на неизвестную метку «&a»\n"
        "list.yaml:5: ожидается набор полей «ключ: значение»\n");
}

TEST_CASE("FileStem is the file name without its last extension") {
  CHECK(FileStem("content/services/pension.md") == "pension");
  CHECK(FileStem("pension.md") == "pension");
  CHECK(FileStem("pension") == "pension");
  CHECK(FileStem("dir.d/pension") == "pension");
  CHECK(FileStem("a/archive.tar.gz") == "archive.tar");
  CHECK(FileStem("a/.hidden") == ".hidden");
  CHECK(FileStem("") == "");
}

TEST_CASE("IsValidId accepts lowercase Latin letters, digits and inner hyphens") {
  CHECK(IsValidId("pension"));
  CHECK(IsValidId("child-allowance"));
  CHECK(IsValidId("mfc2"));
  CHECK(IsValidId("2026"));
  CHECK(IsValidId("a"));
}

TEST_CASE("IsValidId rejects everything else") {
  CHECK_FALSE(IsValidId(""));
  CHECK_FALSE(IsValidId("-pension"));
  CHECK_FALSE(IsValidId("pension-"));
  CHECK_FALSE(IsValidId("Pension"));
  CHECK_FALSE(IsValidId("child_allowance"));
  CHECK_FALSE(IsValidId("child allowance"));
  CHECK_FALSE(IsValidId("pension.md"));
  CHECK_FALSE(IsValidId("пенсия"));
}

TEST_CASE("ParseDocument refuses a body with bytes that are not UTF-8, at their line") {
  CHECK(ErrorOf("---\ntitle: Пенсия\n---\nПервая строка.\nВторая \xCF\xE5\xED\xF1\xE8\xFF.\n") ==
        "content/services/pension.md:5: в тексте есть байты не в кодировке UTF-8; сохраните файл в UTF-8");
  CHECK(ErrorOf("Без полей\n\xC0\xAF\n") ==  // an overlong '/'
        "content/services/pension.md:2: в тексте есть байты не в кодировке UTF-8; сохраните файл в UTF-8");
  CHECK(ErrorOf("\xEF\xBB\xBF---\ntitle: x\n---\ntext \xED\xA0\x80\n") ==  // a surrogate, after a byte order mark
        "content/services/pension.md:4: в тексте есть байты не в кодировке UTF-8; сохраните файл в UTF-8");
}

}  // namespace
}  // namespace otklik::document_test
