#include "core/diagnostic.h"

#include <catch2/catch.hpp>

namespace otklik::diagnostic_test {
namespace {

TEST_CASE("Diagnostic::ToString puts path and line before the message") {
  const Diagnostic diagnostic{"content/services/pension.md", 7, "неизвестное поле «sumary»"};
  CHECK(diagnostic.ToString() == "content/services/pension.md:7: неизвестное поле «sumary»");
}

TEST_CASE("Diagnostic::ToString leaves out line 0, which means the whole file") {
  const Diagnostic diagnostic{"templates/home.mustache", 0, "нет обязательного шаблона"};
  CHECK(diagnostic.ToString() == "templates/home.mustache: нет обязательного шаблона");
}

TEST_CASE("Diagnostic::ToString is the bare message when there is no path") {
  const Diagnostic diagnostic{"", 0, "не найдена папка content"};
  CHECK(diagnostic.ToString() == "не найдена папка content");
}

TEST_CASE("Diagnostics starts empty and keeps what is added in order") {
  Diagnostics diagnostics;
  CHECK(diagnostics.empty());
  CHECK(diagnostics.size() == 0);
  diagnostics.Add("b.md", 2, "второе");
  diagnostics.Add(Diagnostic{"a.md", 1, "первое"});
  CHECK_FALSE(diagnostics.empty());
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics.items()[0] == Diagnostic{"b.md", 2, "второе"});
  CHECK(diagnostics.items()[1] == Diagnostic{"a.md", 1, "первое"});
}

TEST_CASE("Diagnostics::Sort orders by path, then line, then message") {
  Diagnostics diagnostics;
  diagnostics.Add("b.md", 1, "x");
  diagnostics.Add("a.md", 10, "x");
  diagnostics.Add("a.md", 2, "b");
  diagnostics.Add("a.md", 2, "a");
  diagnostics.Add("", 0, "общая ошибка");
  diagnostics.Add("a.md", 0, "весь файл");
  diagnostics.Sort();
  CHECK(diagnostics.ToString() ==
        "общая ошибка\n"
        "a.md: весь файл\n"
        "a.md:2: a\n"
        "a.md:2: b\n"
        "a.md:10: x\n"
        "b.md:1: x\n");
}

TEST_CASE("Diagnostics::Sort drops exact repeats but keeps near ones") {
  Diagnostics diagnostics;
  diagnostics.Add("a.md", 3, "ошибка");
  diagnostics.Add("a.md", 4, "ошибка");
  diagnostics.Add("a.md", 3, "ошибка");
  diagnostics.Add("b.md", 3, "ошибка");
  diagnostics.Add("a.md", 3, "ошибка");
  diagnostics.Sort();
  REQUIRE(diagnostics.size() == 3);
  CHECK(diagnostics.items()[0] == Diagnostic{"a.md", 3, "ошибка"});
  CHECK(diagnostics.items()[1] == Diagnostic{"a.md", 4, "ошибка"});
  CHECK(diagnostics.items()[2] == Diagnostic{"b.md", 3, "ошибка"});
}

TEST_CASE("Diagnostics::Append adds the other collection after the existing items") {
  Diagnostics first;
  first.Add("z.md", 1, "сначала");
  Diagnostics second;
  second.Add("a.md", 1, "потом");
  second.Add("b.md", 2, "в конце");
  first.Append(second);
  CHECK(first.ToString() == "z.md:1: сначала\na.md:1: потом\nb.md:2: в конце\n");
  CHECK(second.size() == 2);
}

TEST_CASE("Diagnostics::Append of an empty collection changes nothing") {
  Diagnostics diagnostics;
  diagnostics.Add("a.md", 1, "ошибка");
  diagnostics.Append(Diagnostics());
  CHECK(diagnostics.ToString() == "a.md:1: ошибка\n");
}

TEST_CASE("Diagnostics::ToString writes one line per diagnostic") {
  Diagnostics diagnostics;
  CHECK(diagnostics.ToString() == "");
  diagnostics.Add("site.yaml", 3, "поле «base_url» не может быть пустым");
  diagnostics.Add("templates/page.mustache", 0, "нет обязательного шаблона");
  CHECK(diagnostics.ToString() ==
        "site.yaml:3: поле «base_url» не может быть пустым\n"
        "templates/page.mustache: нет обязательного шаблона\n");
}

}  // namespace
}  // namespace otklik::diagnostic_test
