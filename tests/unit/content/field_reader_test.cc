#include "content/field_reader.h"

#include <catch2/catch.hpp>

#include "content/document.h"

namespace Catch {
template <>
struct StringMaker<otklik::Ref> {
  static std::string convert(const otklik::Ref& ref) { return ref.id + "@" + std::to_string(ref.line); }
};
}  // namespace Catch

namespace otklik::field_reader_test {
namespace {

using Refs = std::vector<Ref>;
const std::vector<std::string> kKinds = {"support_measure", "service"};

// A reader over `yaml` as a whole file, so line n of `yaml` is file line n.
class Reader {
 public:
  explicit Reader(const std::string& yaml)
      : root_(ParseYaml("page.md", yaml, 1, &diagnostics_).value()), reader_(root_, "page.md", &diagnostics_) {}

  FieldReader* operator->() { return &reader_; }
  /// Everything reported so far, one "path:line: message" per line.
  std::string Errors() const { return diagnostics_.ToString(); }

 private:
  Diagnostics diagnostics_;
  YamlNode root_;
  FieldReader reader_;
};

// --- RequiredString / OptionalString ---

TEST_CASE("RequiredString returns the value") {
  Reader r("title: Пенсия\n");
  CHECK(r->RequiredString("title") == "Пенсия");
  CHECK(r.Errors() == "");
}

TEST_CASE("RequiredString reports a missing field at the first line of the map") {
  Reader r("title: x\nsummary: y\n");
  CHECK(r->RequiredString("kind") == "");
  CHECK(r.Errors() == "page.md:1: не заполнено обязательное поле «kind»\n");
}

TEST_CASE("RequiredString reports a missing field where the map starts, after comments") {
  Reader r("# Услуга\n\ntitle: x\n");
  CHECK(r->RequiredString("kind") == "");
  CHECK(r.Errors() == "page.md:3: не заполнено обязательное поле «kind»\n");
}

TEST_CASE("RequiredString reports a key without a value at the key's line") {
  Reader r("title: x\nsummary:\norder: 1\n");
  CHECK(r->RequiredString("summary") == "");
  CHECK(r.Errors() == "page.md:2: не заполнено обязательное поле «summary»\n");
}

TEST_CASE("RequiredString reports an empty string") {
  Reader r("title: x\nsummary: ''\n");
  CHECK(r->RequiredString("summary") == "");
  CHECK(r.Errors() == "page.md:2: поле «summary» не может быть пустым\n");
}

TEST_CASE("RequiredString reports a list or a map once, as the wrong type") {
  Reader r("title:\n  - a\n  - b\nsummary: {a: 1}\n");
  CHECK(r->RequiredString("title") == "");
  CHECK(r->RequiredString("summary") == "");
  CHECK(r.Errors() ==
        "page.md:1: поле «title» должно быть строкой, а не списком или набором полей\n"
        "page.md:4: поле «summary» должно быть строкой, а не списком или набором полей\n");
}

TEST_CASE("OptionalString returns the value, or the fallback when absent or empty-valued") {
  Reader r("title: x\nsummary:\n");
  CHECK(r->OptionalString("title", "запасное") == "x");
  CHECK(r->OptionalString("summary", "запасное") == "запасное");
  CHECK(r->OptionalString("missing", "запасное") == "запасное");
  CHECK(r->OptionalString("missing") == "");
  CHECK(r.Errors() == "");
}

TEST_CASE("OptionalString reports a list and returns the fallback") {
  Reader r("title: x\nsummary: [a, b]\n");
  CHECK(r->OptionalString("summary", "запасное") == "запасное");
  CHECK(r.Errors() == "page.md:2: поле «summary» должно быть строкой, а не списком или набором полей\n");
}

// --- Choice ---

TEST_CASE("Choice returns an allowed value") {
  Reader r("kind: service\n");
  CHECK(r->Choice("kind", kKinds) == "service");
  CHECK(r.Errors() == "");
}

TEST_CASE("Choice without a fallback requires the field and lists the allowed values") {
  Reader r("title: x\n");
  CHECK(r->Choice("kind", kKinds) == "");
  CHECK(r.Errors() ==
        "page.md:1: не заполнено обязательное поле «kind» (допустимые значения: support_measure, service)\n");
}

TEST_CASE("Choice with a fallback uses it silently when the field is absent") {
  Reader r("title: x\n");
  CHECK(r->Choice("kind", kKinds, "service") == "service");
  CHECK(r.Errors() == "");
}

TEST_CASE("Choice reports a typo with the closest allowed value") {
  Reader r("title: x\nkind: suport_measure\n");
  CHECK(r->Choice("kind", kKinds) == "support_measure");
  CHECK(r.Errors() ==
        "page.md:2: недопустимое значение «suport_measure» в поле «kind» (возможно, имелось в виду "
        "«support_measure»?); допустимые значения: support_measure, service\n");
}

TEST_CASE("Choice reports an unknown value without a suggestion when nothing is close") {
  Reader r("kind: пособие\n");
  CHECK(r->Choice("kind", kKinds, "service") == "service");
  CHECK(r.Errors() ==
        "page.md:1: недопустимое значение «пособие» в поле «kind»; допустимые значения: support_measure, service\n");
}

TEST_CASE("Choice reports a list once, as the wrong type") {
  Reader r("kind: [service]\n");
  CHECK(r->Choice("kind", kKinds) == "support_measure");
  CHECK(r.Errors() == "page.md:1: поле «kind» должно быть строкой, а не списком или набором полей\n");
}

// --- Bool ---

TEST_CASE("Bool reads YAML booleans") {
  Reader r("a: true\nb: false\nc: yes\nd: no\n");
  CHECK(r->Bool("a", false));
  CHECK_FALSE(r->Bool("b", true));
  CHECK(r->Bool("c", false));
  CHECK_FALSE(r->Bool("d", true));
  CHECK(r.Errors() == "");
}

TEST_CASE("Bool returns the fallback when the field is absent") {
  Reader r("title: x\n");
  CHECK(r->Bool("draft", true));
  CHECK_FALSE(r->Bool("draft", false));
  CHECK(r.Errors() == "");
}

TEST_CASE("Bool reports anything but true or false and returns the fallback") {
  Reader r("title: x\ndraft: да\nhidden: 1\nlisted: [true]\n");
  CHECK(r->Bool("draft", true));
  CHECK_FALSE(r->Bool("hidden", false));
  CHECK(r->Bool("listed", true));
  CHECK(r.Errors() ==
        "page.md:2: поле «draft» должно быть true или false\n"
        "page.md:3: поле «hidden» должно быть true или false\n"
        "page.md:4: поле «listed» должно быть true или false\n");
}

// --- Int ---

TEST_CASE("Int reads whole numbers within the range, bounds included") {
  Reader r("low: 0\nhigh: 100\nmid: -3\n");
  CHECK(r->Int("low", 7, 0, 100) == 0);
  CHECK(r->Int("high", 7, 0, 100) == 100);
  CHECK(r->Int("mid", 7, -10, 10) == -3);
  CHECK(r->Int("missing", 7, 0, 100) == 7);
  CHECK(r.Errors() == "");
}

TEST_CASE("Int reports values out of range and returns the fallback") {
  Reader r("order: -1\nsize: 1001\n");
  CHECK(r->Int("order", 7, 0, 100) == 7);
  CHECK(r->Int("size", 10, 5, 1000) == 10);
  CHECK(r.Errors() ==
        "page.md:1: поле «order» должно быть целым числом от 0 до 100, а не «-1»\n"
        "page.md:2: поле «size» должно быть целым числом от 5 до 1000, а не «1001»\n");
}

TEST_CASE("Int reports text that is not a whole number") {
  Reader r("a: первый\nb: 5x\nc: 1.5\nd: ''\ne: 99999999999\n");
  for (const char* key : {"a", "b", "c", "d", "e"}) CHECK(r->Int(key, 7, 0, 100) == 7);
  CHECK(r.Errors() ==
        "page.md:1: поле «a» должно быть целым числом от 0 до 100, а не «первый»\n"
        "page.md:2: поле «b» должно быть целым числом от 0 до 100, а не «5x»\n"
        "page.md:3: поле «c» должно быть целым числом от 0 до 100, а не «1.5»\n"
        "page.md:4: поле «d» должно быть целым числом от 0 до 100, а не «»\n"
        "page.md:5: поле «e» должно быть целым числом от 0 до 100, а не «99999999999»\n");
}

TEST_CASE("Int reports a list once, as the wrong type") {
  Reader r("order: [1]\n");
  CHECK(r->Int("order", 7, 0, 100) == 7);
  CHECK(r.Errors() == "page.md:1: поле «order» должно быть строкой, а не списком или набором полей\n");
}

// --- OptionalDate ---

TEST_CASE("OptionalDate reads a date and is empty when the field is absent") {
  Reader r("updated: 2028-02-29\n");
  CHECK(r->OptionalDate("updated") == Date(2028, 2, 29));
  CHECK_FALSE(r->OptionalDate("created"));
  CHECK(r.Errors() == "");
}

TEST_CASE("OptionalDate reports an impossible or misshapen date") {
  Reader r("title: x\nupdated: 2026-02-29\ncreated: 01.03.2026\n");
  CHECK_FALSE(r->OptionalDate("updated"));
  CHECK_FALSE(r->OptionalDate("created"));
  CHECK(r.Errors() ==
        "page.md:2: поле «updated» должно быть датой в виде ГГГГ-ММ-ДД, а не «2026-02-29»\n"
        "page.md:3: поле «created» должно быть датой в виде ГГГГ-ММ-ДД, а не «01.03.2026»\n");
}

TEST_CASE("OptionalDate reports a list once, as the wrong type") {
  Reader r("updated: [2026-01-01]\n");
  CHECK_FALSE(r->OptionalDate("updated"));
  CHECK(r.Errors() == "page.md:1: поле «updated» должно быть строкой, а не списком или набором полей\n");
}

// --- RefList ---

TEST_CASE("RefList treats a single id as a one-item list") {
  Reader r("title: x\ntouchpoints: mfc\n");
  CHECK(r->RefList("touchpoints") == Refs{{"mfc", 2}});
  CHECK(r.Errors() == "");
}

TEST_CASE("RefList gives every id of a flow list the line of the list") {
  Reader r("title: x\ntouchpoints: [mfc, gosuslugi]\n");
  CHECK(r->RefList("touchpoints") == Refs{{"mfc", 2}, {"gosuslugi", 2}});
}

TEST_CASE("RefList gives every id of a block list its own line") {
  Reader r("title: x\nsituations:\n  - birth\n\n  - low-income\n");
  CHECK(r->RefList("situations") == Refs{{"birth", 3}, {"low-income", 5}});
  CHECK(r.Errors() == "");
}

TEST_CASE("RefList is empty when the field is absent or has no value") {
  Reader r("title: x\nsituations:\n");
  CHECK(r->RefList("situations").empty());
  CHECK(r->RefList("touchpoints").empty());
  CHECK(r.Errors() == "");
}

TEST_CASE("RefList reports items that are not ids at their own line and keeps the rest") {
  Reader r("situations:\n  - birth\n  - [a, b]\n  - {id: x}\n  - retirement\n");
  CHECK(r->RefList("situations") == Refs{{"birth", 2}, {"retirement", 5}});
  CHECK(r.Errors() ==
        "page.md:3: в списке «situations» ожидается идентификатор\n"
        "page.md:4: в списке «situations» ожидается идентификатор\n");
}

TEST_CASE("RefList reports a map in place of a list") {
  Reader r("title: x\nsituations:\n  birth: yes\n");
  CHECK(r->RefList("situations").empty());
  CHECK(r.Errors() == "page.md:2: поле «situations» должно быть списком идентификаторов\n");
}

// --- Map ---

TEST_CASE("Map reads nested fields with their own file lines") {
  Reader r("title: x\ncontacts:\n  phone: 8 800\n  email: a@b.ru\n");
  FieldReader contacts = r->Map("contacts");
  CHECK(contacts.line() == 3);
  CHECK(contacts.OptionalString("phone") == "8 800");
  CHECK(contacts.RequiredString("hours") == "");
  CHECK(contacts.RequiredString("email") == "a@b.ru");
  CHECK(contacts.LineOf("email") == 4);
  CHECK(r.Errors() == "page.md:3: не заполнено обязательное поле «hours»\n");
}

TEST_CASE("Map of an absent field is empty and reports missing fields at the parent map") {
  Reader r("# comment\ntitle: x\n");
  FieldReader agency = r->Map("agency");
  CHECK_FALSE(agency.Has("name"));
  CHECK(agency.RequiredString("name") == "");
  CHECK(r.Errors() == "page.md:2: не заполнено обязательное поле «name»\n");
}

TEST_CASE("Map of a key without a value reports missing fields at that key") {
  Reader r("title: x\nagency:\nbase_url: y\n");
  FieldReader agency = r->Map("agency");
  CHECK(agency.RequiredString("name") == "");
  CHECK(r.Errors() == "page.md:2: не заполнено обязательное поле «name»\n");
}

TEST_CASE("Map reports a value that is not a map") {
  Reader r("title: x\nagency: Минсоц\n");
  FieldReader agency = r->Map("agency");
  CHECK(agency.OptionalString("name", "нет") == "нет");
  CHECK(r.Errors() == "page.md:2: поле «agency» должно быть набором полей «ключ: значение»\n");
}

// --- MapList ---

TEST_CASE("MapList wraps each map of a list in its own reader") {
  Reader r("title: x\nsteps:\n  - title: Заявление\n    days: 3\n  - title: Решение\n");
  std::vector<FieldReader> steps = r->MapList("steps");
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].RequiredString("title") == "Заявление");
  CHECK(steps[0].Int("days", 0, 0, 30) == 3);
  CHECK(steps[0].LineOf("days") == 4);
  CHECK(steps[1].RequiredString("title") == "Решение");
  CHECK(steps[1].RequiredString("result") == "");
  CHECK(r.Errors() == "page.md:5: не заполнено обязательное поле «result»\n");
}

TEST_CASE("MapList is empty when the field is absent") {
  Reader r("title: x\n");
  CHECK(r->MapList("steps").empty());
  CHECK(r.Errors() == "");
}

TEST_CASE("MapList reports items that are not maps and keeps the rest") {
  Reader r("steps:\n  - title: a\n  - просто текст\n  - title: b\n");
  std::vector<FieldReader> steps = r->MapList("steps");
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].OptionalString("title") == "a");
  CHECK(steps[1].OptionalString("title") == "b");
  CHECK(r.Errors() == "page.md:3: каждый элемент списка «steps» должен быть набором полей «ключ: значение»\n");
}

TEST_CASE("MapList reports a value that is not a list") {
  Reader r("title: x\nsteps: один\n");
  CHECK(r->MapList("steps").empty());
  CHECK(r.Errors() == "page.md:2: поле «steps» должно быть списком\n");
}

// --- Duplicate keys, Has, LineOf ---

TEST_CASE("A key written twice is reported at its second line and the first value is kept") {
  Reader r("title: первый\norder: 1\ntitle: второй\n");
  CHECK(r.Errors() == "page.md:3: поле «title» указано дважды\n");
  CHECK(r->RequiredString("title") == "первый");
  r->Finish();
  CHECK(r.Errors() == "page.md:3: поле «title» указано дважды\npage.md:2: неизвестное поле «order»\n");
}

TEST_CASE("Has and LineOf locate keys, falling back to the map's line") {
  Reader r("# Услуга\ntitle: x\nsummary:\n");
  CHECK(r->Has("title"));
  CHECK(r->Has("summary"));
  CHECK_FALSE(r->Has("kind"));
  CHECK(r->line() == 2);
  CHECK(r->LineOf("summary") == 3);
  CHECK(r->LineOf("kind") == 2);
  CHECK(r->path() == "page.md");
}

TEST_CASE("FieldReader reports file lines, as for front matter starting at line 2") {
  Diagnostics diagnostics;
  const std::optional<Document> doc =
      ParseDocument("content/services/pension.md", "---\ntitle: x\nkind: servise\n---\n", &diagnostics);
  REQUIRE(doc);
  FieldReader reader(doc->front_matter, doc->path, &diagnostics);
  reader.Choice("kind", kKinds);
  reader.RequiredString("summary");
  CHECK(diagnostics.ToString() ==
        "content/services/pension.md:3: недопустимое значение «servise» в поле «kind» (возможно, имелось в виду "
        "«service»?); допустимые значения: support_measure, service\n"
        "content/services/pension.md:2: не заполнено обязательное поле «summary»\n");
}

// --- Finish ---

TEST_CASE("Finish reports unread keys in file order, suggesting the closest key that was read") {
  Reader r("title: x\nsumary: y\nkind: service\nthemes: dark\n");
  r->RequiredString("title");
  r->OptionalString("summary");
  r->Choice("kind", kKinds);
  r->Finish();
  CHECK(r.Errors() ==
        "page.md:2: неизвестное поле «sumary» (возможно, имелось в виду «summary»?)\n"
        "page.md:4: неизвестное поле «themes»\n");
}

TEST_CASE("Finish suggests from the known keys when they are given") {
  Reader r("title: x\nordr: 2\n");
  r->RequiredString("title");
  r->Finish({"title", "order"});
  CHECK(r.Errors() == "page.md:2: неизвестное поле «ordr» (возможно, имелось в виду «order»?)\n");
}

TEST_CASE("Finish accepts keys that were read, even without a value") {
  Reader r("title: x\nsummary:\n");
  r->RequiredString("title");
  r->OptionalString("summary");
  r->Finish();
  CHECK(r.Errors() == "");
}

TEST_CASE("Error adds a diagnostic with the reader's path") {
  Reader r("title: x\n");
  r->Error(5, "своя ошибка");
  CHECK(r.Errors() == "page.md:5: своя ошибка\n");
}

TEST_CASE("IsWebAddress takes http and https addresses with a host and nothing a browser would run") {
  CHECK(IsWebAddress("https://example.ru/"));
  CHECK(IsWebAddress("http://example.ru"));
  CHECK(IsWebAddress("https://example.ru/a?b=c#d"));
  CHECK(IsWebAddress("https://госуслуги.рф/"));
  CHECK_FALSE(IsWebAddress("javascript:alert(1)"));
  CHECK_FALSE(IsWebAddress("JavaScript://example.ru/%0Aalert(1)"));
  CHECK_FALSE(IsWebAddress("data:text/html,<script>"));
  CHECK_FALSE(IsWebAddress("//example.ru/"));
  CHECK_FALSE(IsWebAddress("https://"));
  CHECK_FALSE(IsWebAddress("https:///path"));
  CHECK_FALSE(IsWebAddress("https://user@evil.example/"));
  CHECK_FALSE(IsWebAddress("https://example.ru/a b"));
  CHECK_FALSE(IsWebAddress("https://example.ru/\"onmouseover=\"x"));
  CHECK_FALSE(IsWebAddress(std::string_view("https://example.ru/\n", 20)));
}

TEST_CASE("IsEmailAddress takes name@host.domain and nothing that adds to a mailto link") {
  CHECK(IsEmailAddress("obr@example.ru"));
  CHECK(IsEmailAddress("obratnaya.svyaz+otklik@minsoc.example.ru"));
  CHECK(IsEmailAddress("почта@пример.рф"));
  CHECK_FALSE(IsEmailAddress("obr@example"));
  CHECK_FALSE(IsEmailAddress("@example.ru"));
  CHECK_FALSE(IsEmailAddress("obr@.ru"));
  CHECK_FALSE(IsEmailAddress("obr@example."));
  CHECK_FALSE(IsEmailAddress("a@b@example.ru"));
  CHECK_FALSE(IsEmailAddress("obr@example.ru?subject=x"));
  CHECK_FALSE(IsEmailAddress("javascript:alert(1)//@example.ru"));
  CHECK_FALSE(IsEmailAddress("obr @example.ru"));
}

}  // namespace
}  // namespace otklik::field_reader_test
