#include "content/yaml_node.h"

#include <catch2/catch.hpp>

namespace otklik::yaml_node_test {
namespace {

// Parses `text` as file "f.yaml" starting at `first_line`; REQUIRES success.
YamlNode Parse(const std::string& text, int first_line = 1) {
  Diagnostics diagnostics;
  std::optional<YamlNode> node = ParseYaml("f.yaml", text, first_line, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(node);
  return *node;
}

// The diagnostics `text` produces; REQUIRES failure.
std::string ErrorOf(const std::string& text, int first_line = 1) {
  Diagnostics diagnostics;
  CHECK_FALSE(ParseYaml("f.yaml", text, first_line, &diagnostics));
  return diagnostics.ToString();
}

TEST_CASE("ParseYaml keeps map entries in file order with their lines") {
  const YamlNode root = Parse("title: Пенсия\n# комментарий\norder: 2\nkind: service\n");
  REQUIRE(root.IsMap());
  CHECK(root.line() == 1);
  REQUIRE(root.entries().size() == 3);
  CHECK(root.entries()[0].first.text() == "title");
  CHECK(root.entries()[0].second.text() == "Пенсия");
  CHECK(root.entries()[1].first.text() == "order");
  CHECK(root.entries()[1].first.line() == 3);
  CHECK(root.entries()[1].second.text() == "2");
  CHECK(root.entries()[2].first.line() == 4);
}

TEST_CASE("ParseYaml offsets every line by first_line") {
  const YamlNode root = Parse("title: x\nsituations:\n  - birth\n  - retirement\n", 2);
  CHECK(root.line() == 2);
  const YamlNode& list = root.entries()[1].second;
  REQUIRE(list.IsSequence());
  REQUIRE(list.items().size() == 2);
  CHECK(list.items()[0].line() == 4);
  CHECK(list.items()[1].text() == "retirement");
  CHECK(list.items()[1].line() == 5);
}

TEST_CASE("ParseYaml reads flow sequences and maps") {
  const YamlNode root = Parse("touchpoints: [mfc, gosuslugi]\nagency: {name: Минсоц, region: Область}\n");
  const YamlNode& list = root.entries()[0].second;
  REQUIRE(list.IsSequence());
  CHECK(list.items().size() == 2);
  CHECK(list.items()[1].text() == "gosuslugi");
  const YamlNode& map = root.entries()[1].second;
  REQUIRE(map.IsMap());
  CHECK(map.entries()[1].first.text() == "region");
  CHECK(map.entries()[1].second.text() == "Область");
  CHECK(map.entries()[1].second.line() == 2);
}

TEST_CASE("ParseYaml tells null from an empty quoted string") {
  const YamlNode root = Parse("a:\nb: ~\nc: null\nd: \"\"\ne: ''\n");
  CHECK(root.entries()[0].second.IsNull());
  CHECK(root.entries()[1].second.IsNull());
  CHECK(root.entries()[2].second.IsNull());
  CHECK(root.entries()[3].second.IsScalar());
  CHECK(root.entries()[3].second.text() == "");
  CHECK(root.entries()[4].second.quoted());
  CHECK(root.entries()[0].second.line() == 1);
}

TEST_CASE("ParseYaml unquotes scalars and keeps block scalars' text") {
  const YamlNode root = Parse("a: 'it''s'\nb: \"line\\nnext\"\nc: |\n  one\n  two\nd: >\n  folded\n  text\n");
  CHECK(root.entries()[0].second.text() == "it's");
  CHECK(root.entries()[1].second.text() == "line\nnext");
  CHECK(root.entries()[2].second.text() == "one\ntwo\n");
  CHECK(root.entries()[3].second.text() == "folded text\n");
  CHECK(root.entries()[3].first.line() == 6);
}

TEST_CASE("ParseYaml keeps repeated keys so that readers can report them") {
  const YamlNode root = Parse("title: x\ntitle: y\n");
  REQUIRE(root.entries().size() == 2);
  CHECK(root.entries()[1].second.text() == "y");
  CHECK(root.entries()[1].first.line() == 2);
}

TEST_CASE("ParseYaml resolves aliases to copies of their anchors") {
  const YamlNode root = Parse("scale: &five [1, 2, 3, 4, 5]\nother: *five\nname: &n Иван\ncopy: *n\n");
  const YamlNode& copy = root.entries()[1].second;
  REQUIRE(copy.IsSequence());
  CHECK(copy.items().size() == 5);
  CHECK(copy.items()[4].text() == "5");
  CHECK(root.entries()[3].second.text() == "Иван");
}

TEST_CASE("ParseYaml of an empty or comment-only text is null") {
  CHECK(Parse("").IsNull());
  CHECK(Parse("# только комментарий\n", 4).IsNull());
  CHECK(Parse("# только комментарий\n", 4).line() == 4);
}

TEST_CASE("ParseYaml accepts an explicit document start") {
  const YamlNode root = Parse("---\ntitle: x\n");
  CHECK(root.entries()[0].first.line() == 2);
}

TEST_CASE("AsBool reads plain true/false, yes/no, on/off in any case") {
  const YamlNode root = Parse("a: true\nb: False\nc: yes\nd: NO\ne: on\nf: off\ng: 'true'\nh: 1\ni: [true]\n");
  const auto value = [&](size_t i) { return root.entries()[i].second.AsBool(); };
  CHECK(value(0) == std::optional<bool>(true));
  CHECK(value(1) == std::optional<bool>(false));
  CHECK(value(2) == std::optional<bool>(true));
  CHECK(value(3) == std::optional<bool>(false));
  CHECK(value(4) == std::optional<bool>(true));
  CHECK(value(5) == std::optional<bool>(false));
  CHECK_FALSE(value(6));
  CHECK_FALSE(value(7));
  CHECK_FALSE(value(8));
}

TEST_CASE("ParseYaml explains syntax errors in Russian at the line to fix") {
  CHECK(ErrorOf("title: x\n\tsummary: y\n") == "f.yaml:2: ошибка в YAML: табуляция в отступе; используйте пробелы\n");
  CHECK(ErrorOf("title: Срок: 10 дней\n") ==
        "f.yaml:1: ошибка в YAML: в значении есть двоеточие или запятая: заключите его в кавычки\n");
  CHECK(ErrorOf("title: @home\n") ==
        "f.yaml:1: ошибка в YAML: значение начинается с недопустимого символа (например, «@», «`» или табуляции); "
        "заключите значение в кавычки\n");
  CHECK(ErrorOf("title: \"\\q\"\n") ==
        "f.yaml:1: ошибка в YAML: неизвестная последовательность с «\\» в строке в двойных кавычках\n");
  CHECK(ErrorOf("title: \xff\xfe\n") == "f.yaml:1: ошибка в YAML: файл не в кодировке UTF-8; сохраните его в UTF-8\n");
}

TEST_CASE("ParseYaml points an unclosed quote or bracket at where it opens") {
  CHECK(ErrorOf("title: x\nsummary: \"открыто\norder: 1\n") ==
        "f.yaml:2: ошибка в YAML: файл закончился раньше, чем закрылись кавычки или скобки\n");
  CHECK(ErrorOf("touchpoints: [mfc, gosuslugi\norder: 1\n", 3) ==
        "f.yaml:3: ошибка в YAML: список в квадратных скобках не закрыт: не хватает «,» или «]»\n");
  CHECK(ErrorOf("agency: {name: x\norder: 1\n") ==
        "f.yaml:1: ошибка в YAML: набор полей в фигурных скобках не закрыт: не хватает «,» или «}»\n");
}

TEST_CASE("ParseYaml refuses unknown aliases, complex keys and a second document") {
  CHECK(ErrorOf("a: 1\nb: *nowhere\n") == "f.yaml:2: ошибка в YAML: ссылка «*nowhere» на неизвестную метку «&nowhere»\n");
  CHECK(ErrorOf("? [a, b]\n: 1\n") ==
        "f.yaml:1: ошибка в YAML: имя поля должно быть простым словом, а не списком или набором полей\n");
  CHECK(ErrorOf("a: 1\n---\nb: 2\n") ==
        "f.yaml:2: ошибка в YAML: в файле несколько документов YAML; строка «---» допустима только в начале\n");
}

}  // namespace
}  // namespace otklik::yaml_node_test
