#include "render/atom.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

#include "core/escape.h"
#include "core/utf8.h"

namespace otklik {
namespace {

// XML 1.0 allows only tab, newline, carriage return, U+0020..U+D7FF,
// U+E000..U+FFFD and U+10000..U+10FFFF in a well-formed UTF-8 document. One
// stray byte would make feed readers reject the whole feed, so it is cleaned
// here rather than trusted to every caller.
std::string XmlChars(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += text[i];
      ++i;
      continue;
    }
    const std::string_view sequence = text.substr(i, c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2);
    if (!IsValidUtf8(sequence)) {
      out += "\xEF\xBF\xBD";  // U+FFFD for this byte; the next one starts afresh
      ++i;
      continue;
    }
    if (sequence != "\xEF\xBF\xBE" && sequence != "\xEF\xBF\xBF") out += sequence;  // U+FFFE, U+FFFF
    i += sequence.size();
  }
  return out;
}

std::string XmlText(std::string_view text) {
  return EscapeXml(XmlChars(text));
}

// Otklik knows days only; midnight in Moscow (UTC+3, no daylight saving time) is that day's start.
std::string Rfc3339(const Date& date) {
  return date.ToString() + "T00:00:00+03:00";
}

std::string Element(int indent, std::string_view name, std::string_view text) {
  return std::string(indent, ' ') + "<" + std::string(name) + ">" + XmlText(text) + "</" + std::string(name) + ">\n";
}

std::string Link(int indent, std::string_view rel, std::string_view type, std::string_view href) {
  return std::string(indent, ' ') + "<link rel=\"" + std::string(rel) + "\" type=\"" + std::string(type) +
         "\" href=\"" + XmlText(href) + "\"/>\n";
}

std::string Entry(const AtomEntry& entry) {
  std::string out = "  <entry>\n";
  out += Element(4, "id", entry.id);
  out += Element(4, "title", entry.title);
  out += Element(4, "updated", Rfc3339(entry.updated));
  out += Link(4, "alternate", "text/html", entry.url);
  if (!entry.summary.empty()) out += Element(4, "summary", entry.summary);
  if (!entry.category.empty()) {
    const std::string term = XmlText(entry.category);
    out += "    <category term=\"" + term + "\" label=\"" + term + "\"/>\n";
  }
  out += "  </entry>\n";
  return out;
}

// The first entry with each id, newest first, ties by id: a total order, so
// the output does not depend on the order of the input.
std::vector<AtomEntry> NewestFirst(std::vector<AtomEntry> entries, size_t limit) {
  std::vector<AtomEntry> unique;
  std::set<std::string> seen;
  for (AtomEntry& entry : entries) {
    if (seen.insert(entry.id).second) unique.push_back(std::move(entry));
  }
  std::sort(unique.begin(), unique.end(), [](const AtomEntry& a, const AtomEntry& b) {
    if (a.updated != b.updated) return a.updated > b.updated;
    return a.id < b.id;
  });
  if (limit != 0 && unique.size() > limit) unique.resize(limit);
  return unique;
}

// The host of an absolute URL, without scheme, user, port or path.
std::string Host(std::string_view url) {
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  std::string host(url);
  for (char& c : host) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return host;
}

// RFC 4151: specific = *( pchar / "/" / "?" ), pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
bool IsTagSpecificChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("-._~!$&'()*+,;=:@/?").find(c) != std::string_view::npos;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    if (IsTagSpecificChar(c)) {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += {'%', kHex[byte >> 4], kHex[byte & 0xF]};
    }
  }
  return out;
}

}  // namespace

std::string RenderAtom(AtomFeed feed, size_t limit) {
  const std::vector<AtomEntry> entries = NewestFirst(std::move(feed.entries), limit);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ru\">\n";
  out += Element(2, "id", feed.id);
  out += Element(2, "title", feed.title);
  if (!feed.subtitle.empty()) out += Element(2, "subtitle", feed.subtitle);
  out += Element(2, "updated", Rfc3339(entries.empty() ? feed.updated_if_empty : entries.front().updated));
  out += "  <author>\n" + Element(4, "name", feed.author) + "  </author>\n";
  out += Link(2, "self", "application/atom+xml", feed.self_url);
  out += Link(2, "alternate", "text/html", feed.site_url);
  for (const AtomEntry& entry : entries) out += Entry(entry);
  out += "</feed>\n";
  return out;
}

std::string TagUri(const std::string& base_url, int year, const std::string& specific) {
  std::string year_text = std::to_string(year);
  if (year_text.size() < 4) year_text.insert(0, 4 - year_text.size(), '0');
  return "tag:" + Host(base_url) + "," + year_text + ":" + PercentEncode(specific);
}

}  // namespace otklik
