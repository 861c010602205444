#include "render/atom.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

namespace otklik::atom_test {
namespace {

AtomEntry Entry(std::string id, Date updated, std::string title = "Запись") {
  AtomEntry entry;
  entry.id = std::move(id);
  entry.title = std::move(title);
  entry.updated = updated;
  entry.url = "https://a.ru/decisions/" + entry.id + "/";
  return entry;
}

AtomFeed Feed(std::vector<AtomEntry> entries = {}) {
  AtomFeed feed;
  feed.id = "tag:a.ru,2026:decisions";
  feed.title = "Решения";
  feed.self_url = "https://a.ru/decisions/feed.xml";
  feed.site_url = "https://a.ru/decisions/";
  feed.author = "Министерство";
  feed.updated_if_empty = Date(2026, 1, 1);
  feed.entries = std::move(entries);
  return feed;
}

// The entry ids of a rendered feed, in order.
std::vector<std::string> EntryIds(const std::string& xml) {
  std::vector<std::string> ids;
  for (size_t at = xml.find("<entry>"); at != std::string::npos; at = xml.find("<entry>", at + 1)) {
    const size_t begin = xml.find("<id>", at) + 4;
    ids.push_back(xml.substr(begin, xml.find("</id>", begin) - begin));
  }
  return ids;
}

std::string Between(const std::string& text, const std::string& open, const std::string& close) {
  const size_t begin = text.find(open);
  if (begin == std::string::npos) return "(no " + open + ")";
  const size_t end = text.find(close, begin + open.size());
  return text.substr(begin + open.size(), end - begin - open.size());
}

size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST_CASE("RenderAtom writes the whole feed") {
  AtomEntry done = Entry("tag:a.ru,2026:decisions/x/m1/2026-09-15-done", Date(2026, 9, 15), "Мера выполнена");
  done.url = "https://a.ru/decisions/x/#m1";
  done.summary = "Запись на приём открыта на две недели раньше.";
  done.category = "Выполнено";
  AtomEntry planned = Entry("tag:a.ru,2026:decisions/x/m2/2026-03-02-planned", Date(2026, 3, 2), "Мера запланирована");
  planned.url = "https://a.ru/decisions/x/#m2";
  AtomFeed feed = Feed({planned, done});
  feed.subtitle = "Что изменилось по отзывам";
  CHECK(RenderAtom(feed) ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ru\">\n"
        "  <id>tag:a.ru,2026:decisions</id>\n"
        "  <title>Решения</title>\n"
        "  <subtitle>Что изменилось по отзывам</subtitle>\n"
        "  <updated>2026-09-15T00:00:00+03:00</updated>\n"
        "  <author>\n"
        "    <name>Министерство</name>\n"
        "  </author>\n"
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"https://a.ru/decisions/feed.xml\"/>\n"
        "  <link rel=\"alternate\" type=\"text/html\" href=\"https://a.ru/decisions/\"/>\n"
        "  <entry>\n"
        "    <id>tag:a.ru,2026:decisions/x/m1/2026-09-15-done</id>\n"
        "    <title>Мера выполнена</title>\n"
        "    <updated>2026-09-15T00:00:00+03:00</updated>\n"
        "    <link rel=\"alternate\" type=\"text/html\" href=\"https://a.ru/decisions/x/#m1\"/>\n"
        "    <summary>Запись на приём открыта на две недели раньше.</summary>\n"
        "    <category term=\"Выполнено\" label=\"Выполнено\"/>\n"
        "  </entry>\n"
        "  <entry>\n"
        "    <id>tag:a.ru,2026:decisions/x/m2/2026-03-02-planned</id>\n"
        "    <title>Мера запланирована</title>\n"
        "    <updated>2026-03-02T00:00:00+03:00</updated>\n"
        "    <link rel=\"alternate\" type=\"text/html\" href=\"https://a.ru/decisions/x/#m2\"/>\n"
        "  </entry>\n"
        "</feed>\n");
}

TEST_CASE("RenderAtom of no entries is dated updated_if_empty and has no subtitle when there is none") {
  CHECK(RenderAtom(Feed()) ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ru\">\n"
        "  <id>tag:a.ru,2026:decisions</id>\n"
        "  <title>Решения</title>\n"
        "  <updated>2026-01-01T00:00:00+03:00</updated>\n"
        "  <author>\n"
        "    <name>Министерство</name>\n"
        "  </author>\n"
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"https://a.ru/decisions/feed.xml\"/>\n"
        "  <link rel=\"alternate\" type=\"text/html\" href=\"https://a.ru/decisions/\"/>\n"
        "</feed>\n");
}

TEST_CASE("RenderAtom puts the newest entries first, ties by id, whatever the input order") {
  const std::vector<AtomEntry> entries = {Entry("b", Date(2026, 5, 1)), Entry("old", Date(2025, 12, 31)),
                                          Entry("new", Date(2026, 9, 15)), Entry("a", Date(2026, 5, 1))};
  const std::vector<std::string> expected = {"new", "a", "b", "old"};
  CHECK(EntryIds(RenderAtom(Feed(entries))) == expected);
  CHECK(EntryIds(RenderAtom(Feed({entries[3], entries[2], entries[1], entries[0]}))) == expected);
  CHECK(Between(RenderAtom(Feed(entries)), "<updated>", "</updated>") == "2026-09-15T00:00:00+03:00");
}

TEST_CASE("RenderAtom keeps at most `limit` entries, the newest; 0 keeps them all") {
  const std::vector<AtomEntry> entries = {Entry("b", Date(2026, 5, 1)), Entry("old", Date(2025, 12, 31)),
                                          Entry("new", Date(2026, 9, 15)), Entry("a", Date(2026, 5, 1))};
  CHECK(EntryIds(RenderAtom(Feed(entries), 2)) == std::vector<std::string>{"new", "a"});
  CHECK(EntryIds(RenderAtom(Feed(entries), 1)) == std::vector<std::string>{"new"});
  CHECK(EntryIds(RenderAtom(Feed(entries), 4)).size() == 4);
  CHECK(EntryIds(RenderAtom(Feed(entries), 0)).size() == 4);

  std::vector<AtomEntry> many;
  for (int day = 1; day <= 60; ++day) many.push_back(Entry("e" + std::to_string(day), Date(2026, 1, 1).AddDays(day)));
  const std::vector<std::string> ids = EntryIds(RenderAtom(Feed(many)));
  REQUIRE(ids.size() == 50);
  CHECK(ids.front() == "e60");
  CHECK(ids.back() == "e11");
  CHECK(EntryIds(RenderAtom(Feed(many), 0)).size() == 60);
}

TEST_CASE("RenderAtom keeps the first of entries with the same id and drops the later ones") {
  const std::string xml = RenderAtom(Feed(
      {Entry("x", Date(2026, 3, 1), "Первая"), Entry("y", Date(2026, 4, 1)), Entry("x", Date(2026, 9, 1), "Вторая")}));
  CHECK(EntryIds(xml) == std::vector<std::string>{"y", "x"});
  CHECK(Count(xml, "Первая") == 1);
  CHECK(Count(xml, "Вторая") == 0);
  CHECK(Between(xml, "<updated>", "</updated>") == "2026-04-01T00:00:00+03:00");
}

TEST_CASE("RenderAtom escapes & < > \" in text and addresses") {
  AtomEntry entry = Entry("tag:a.ru,2026:a&b", Date(2026, 9, 15), "Тарифы <ЖКХ> & \"капремонт\"");
  entry.url = "https://a.ru/search/?q=<a>&page=\"2\"";
  entry.summary = "1 < 2 & 3 > 2, \"да\"";
  entry.category = "Вода & <тепло>";
  AtomFeed feed = Feed({entry});
  feed.title = "Р&Д <отчёты>";
  feed.author = "ООО \"Ромашка\" & Ко";
  feed.self_url = "https://a.ru/feed.xml?a=1&b=2";
  const std::string xml = RenderAtom(feed);
  CHECK(Count(xml, "<title>Р&amp;Д &lt;отчёты&gt;</title>") == 1);
  CHECK(Count(xml, "<name>ООО &quot;Ромашка&quot; &amp; Ко</name>") == 1);
  CHECK(Count(xml, "href=\"https://a.ru/feed.xml?a=1&amp;b=2\"") == 1);
  CHECK(Count(xml, "<id>tag:a.ru,2026:a&amp;b</id>") == 1);
  CHECK(Count(xml, "<title>Тарифы &lt;ЖКХ&gt; &amp; &quot;капремонт&quot;</title>") == 1);
  CHECK(Count(xml, "href=\"https://a.ru/search/?q=&lt;a&gt;&amp;page=&quot;2&quot;\"") == 1);
  CHECK(Count(xml, "<summary>1 &lt; 2 &amp; 3 &gt; 2, &quot;да&quot;</summary>") == 1);
  CHECK(Count(xml, "<category term=\"Вода &amp; &lt;тепло&gt;\" label=\"Вода &amp; &lt;тепло&gt;\"/>") == 1);
}

TEST_CASE("RenderAtom drops characters XML 1.0 forbids and replaces invalid UTF-8") {
  AtomEntry entry = Entry("x", Date(2026, 9, 15), std::string("a\0b\x01\x08\x0B\x0C\x0E\x1F\177c", 11));
  entry.summary = "строка 1\nстрока 2\tи\r\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD";
  entry.category = "\x1B[31mкрасный";
  entry.url = "https://a.ru/\x02x/";
  const std::string xml = RenderAtom(Feed({entry}));
  CHECK(Between(xml, "<entry>", "</entry>") ==
        "\n"
        "    <id>x</id>\n"
        "    <title>ab\177c</title>\n"
        "    <updated>2026-09-15T00:00:00+03:00</updated>\n"
        "    <link rel=\"alternate\" type=\"text/html\" href=\"https://a.ru/x/\"/>\n"
        "    <summary>строка 1\nстрока 2\tи\r\xEF\xBF\xBD</summary>\n"
        "    <category term=\"[31mкрасный\" label=\"[31mкрасный\"/>\n"
        "  ");

  AtomFeed broken = Feed();
  // "П", a cut "р", stray bytes, an overlong "/", a cut "€", an emoji.
  broken.title = "\xD0\x9F\xD0 \xFF\x80 \xC0\xAF \xE2\x82 \xF0\x9F\x98\x80";
  CHECK(Between(RenderAtom(broken), "<title>", "</title>") ==
        "\xD0\x9F\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD "
        "\xF0\x9F\x98\x80");
}

// A small checker for the writer's known layout: one element per line, indented
// two spaces per level, tags balanced, text escaped. Returns the problems found.
std::vector<std::string> LayoutProblems(const std::string& xml) {
  std::vector<std::string> problems;
  std::istringstream lines(xml);
  std::string line;
  std::getline(lines, line);
  if (line != "<?xml version=\"1.0\" encoding=\"utf-8\"?>") problems.push_back("declaration: " + line);
  std::vector<std::string> open;
  while (std::getline(lines, line)) {
    const size_t indent = line.find_first_not_of(' ');
    const std::string tag = line.substr(indent);
    const bool closing = tag.starts_with("</");
    if (indent != 2 * (open.size() - (closing ? 1 : 0))) problems.push_back("indentation: " + line);
    const size_t start = closing ? 2 : 1;
    const std::string name = tag.substr(start, tag.find_first_of(" />", start) - start);
    if (closing) {
      if (open.empty() || open.back() != name) problems.push_back("unbalanced: " + line);
      if (!open.empty()) open.pop_back();
    } else if (tag.ends_with("/>") || tag.ends_with("</" + name + ">")) {
      const bool empty = tag.ends_with("/>");
      // The text, or for an empty element its attributes; entities become "_" so that a raw "&" stands out.
      std::string text =
          empty ? tag.substr(1, tag.size() - 3) : tag.substr(name.size() + 2, tag.size() - 2 * name.size() - 5);
      for (const std::string entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}) {
        for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
          text.replace(at, entity.size(), "_");
        }
      }
      if (text.find_first_of(empty ? "<>&" : "<>&\"") != std::string::npos) {
        problems.push_back((empty ? "attribute: " : "text: ") + line);
      }
      if (empty && std::count(text.begin(), text.end(), '"') % 2 != 0) problems.push_back("quotes: " + line);
    } else {
      open.push_back(name);
    }
  }
  if (!open.empty()) problems.push_back("unclosed: " + open.back());
  return problems;
}

TEST_CASE("RenderAtom output follows the Atom rules for feeds and entries") {
  AtomEntry full = Entry("tag:a.ru,2026:x&y", Date(2026, 9, 15), "<b>Жирный</b> & \"кавычки\"");
  full.summary = "Итог: 5 > 4 & 3 < 4";
  full.category = "Выполнено";
  AtomEntry bare = Entry("tag:a.ru,2026:z", Date(2026, 9, 14), "");
  bare.url = "https://a.ru/?a=<1>&b=2";
  AtomFeed feed = Feed({bare, full, Entry("tag:a.ru,2026:w", Date(2026, 1, 2), "Ещё\x01")});
  feed.subtitle = "Подзаголовок & <прочее>";
  const std::string xml = RenderAtom(feed);

  INFO(xml);
  CHECK(LayoutProblems(xml) == std::vector<std::string>{});
  CHECK(xml.ends_with("</feed>\n"));
  const std::string head = xml.substr(0, xml.find("<entry>"));
  CHECK(Count(head, "<feed xmlns=\"http://www.w3.org/2005/Atom\"") == 1);
  for (const char* element :
       {"<id>", "<title>", "<updated>", "<author>", "<name>", "<link rel=\"self\"", "<link rel=\"alternate\""}) {
    CHECK(Count(head, element) == 1);
  }
  CHECK(Count(xml, "<entry>") == 3);
  CHECK(Count(xml, "</entry>") == 3);
  for (size_t at = xml.find("<entry>"); at != std::string::npos; at = xml.find("<entry>", at + 1)) {
    const std::string entry = xml.substr(at, xml.find("</entry>", at) - at);
    for (const char* element : {"<id>", "<title>", "<updated>", "<link rel=\"alternate\""}) {
      CHECK(Count(entry, element) == 1);
    }
    CHECK(Count(entry, "<summary>") <= 1);
    CHECK(Count(entry, "<published>") == 0);
  }
}

TEST_CASE("The layout checker catches broken XML") {
  CHECK(LayoutProblems("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed>\n  <id>a & b</id>\n</feed>\n") ==
        std::vector<std::string>{"text:   <id>a & b</id>"});
  CHECK(LayoutProblems("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed>\n  <entry>\n</feed>\n") ==
        std::vector<std::string>{"indentation: </feed>", "unbalanced: </feed>", "unclosed: feed"});
  CHECK(LayoutProblems("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed>\n  <link href=\"a&b\"/>\n</feed>\n") ==
        std::vector<std::string>{"attribute:   <link href=\"a&b\"/>"});
  CHECK(LayoutProblems("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed>\n <id>a</id>\n</feed>\n") ==
        std::vector<std::string>{"indentation:  <id>a</id>"});
}

TEST_CASE("TagUri uses the host of base_url, without port, path or user") {
  CHECK(TagUri("https://a.example.ru/", 2026, "decisions/x") == "tag:a.example.ru,2026:decisions/x");
  CHECK(TagUri("https://a.ru:8443/x/", 2026, "decisions/x/m1") == "tag:a.ru,2026:decisions/x/m1");
  CHECK(TagUri("https://a.ru", 2026, "decisions") == "tag:a.ru,2026:decisions");
  CHECK(TagUri("http://user:pw@A.Example.RU:80/otklik/?q=1#top", 2025, "x") == "tag:a.example.ru,2025:x");
  CHECK(TagUri("a.ru/otklik/", 2026, "x") == "tag:a.ru,2026:x");
  CHECK(TagUri("https://a.ru/", 987, "x") == "tag:a.ru,0987:x");
}

TEST_CASE("TagUri percent-encodes what RFC 4151 does not allow in the specific part") {
  CHECK(TagUri("https://a.ru/", 2026, "a-z_0.9~!$&'()*+,;=:@/?") == "tag:a.ru,2026:a-z_0.9~!$&'()*+,;=:@/?");
  CHECK(TagUri("https://a.ru/", 2026, "меры/a b#c%d") == "tag:a.ru,2026:%D0%BC%D0%B5%D1%80%D1%8B/a%20b%23c%25d");
  CHECK(TagUri("https://a.ru/", 2026, "") == "tag:a.ru,2026:");
}

}  // namespace
}  // namespace otklik::atom_test
