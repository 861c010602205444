#include "core/fallback_text.h"

#include <array>
#include <cstring>

namespace otklik {

namespace {

bool StartsWithAt(std::string_view text, size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

// Whether the tag starting at `at` ('<' there) is `<name` or `</name` followed
// by a space, '>' or '/', case-insensitively.
bool IsTag(std::string_view html, size_t at, std::string_view name, bool closing) {
  size_t i = at + 1 + (closing ? 1 : 0);
  if (closing && (at + 1 >= html.size() || html[at + 1] != '/')) return false;
  if (i + name.size() > html.size()) return false;
  for (size_t k = 0; k < name.size(); ++k) {
    char c = html[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != name[k]) return false;
  }
  if (i + name.size() == html.size()) return true;
  const char next = html[i + name.size()];
  return next == ' ' || next == '>' || next == '/' || next == '\n' || next == '\t';
}

// Elements whose content cannot hold a <span>: marks inside them are dropped.
constexpr std::array<std::string_view, 6> kNoSpanInside = {"title", "option", "textarea", "script", "style", "svg"};

}  // namespace

std::string MarkedFallback(std::string_view text) {
  if (text.empty()) return {};
  std::string out;
  out.reserve(text.size() + kFallbackOpen.size() + kFallbackClose.size());
  out.append(kFallbackOpen).append(text).append(kFallbackClose);
  return out;
}

bool IsMarkedFallback(std::string_view text) {
  return text.size() >= kFallbackOpen.size() + kFallbackClose.size() && text.starts_with(kFallbackOpen) &&
         text.ends_with(kFallbackClose);
}

std::string WithoutFallbackMarks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t start = 0;
  for (size_t at = text.find('\xEE'); at != std::string_view::npos; at = text.find('\xEE', at + 1)) {
    if (StartsWithAt(text, at, kFallbackOpen) || StartsWithAt(text, at, kFallbackClose)) {
      out.append(text, start, at - start);
      start = at + kFallbackOpen.size();
      at = start - 1;
    }
  }
  out.append(text, start);
  return out;
}

std::string FallbackMarksToHtml(std::string_view html) {
  if (html.find(kFallbackOpen) == std::string_view::npos && html.find(kFallbackClose) == std::string_view::npos) {
    return std::string(html);
  }
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  bool in_tag = false;      // between '<' and '>'
  std::string_view inside;  // an element of kNoSpanInside we are in, or ""
  // A page's marks come from single texts, each balanced; for safety a
  // close with none open (its open was dropped) is dropped, and spans
  // still open are closed before any tag but a phrasing one.
  int open = 0;
  for (size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '\xEE' && (StartsWithAt(html, i, kFallbackOpen) || StartsWithAt(html, i, kFallbackClose))) {
      const bool opening = StartsWithAt(html, i, kFallbackOpen);
      if (!in_tag && inside.empty()) {
        if (opening) {
          out += "<span lang=\"ru\">";
          ++open;
        } else if (open > 0) {
          out += "</span>";
          --open;
        }
      }
      i += kFallbackOpen.size();
      continue;
    }
    if (!in_tag && c == '<') {
      if (!inside.empty()) {
        if (IsTag(html, i, inside, /*closing=*/true)) inside = {};
      } else {
        const bool closing = i + 1 < html.size() && html[i + 1] == '/';
        // Phrasing elements may sit inside a span; any other tag ends the
        // spans still open, so none crosses an element's edge.
        static constexpr std::array<std::string_view, 14> kPhrasing = {
            "a", "abbr", "b", "br", "code", "data", "em", "i", "kbd", "mark", "small", "strong", "sub", "sup"};
        bool phrasing = false;
        for (std::string_view name : kPhrasing) phrasing |= IsTag(html, i, name, closing);
        if (!phrasing) {
          for (; open > 0; --open) out += "</span>";
        }
        for (std::string_view name : kNoSpanInside) {
          if (!closing && IsTag(html, i, name, false)) inside = name;
        }
      }
      in_tag = true;
    } else if (in_tag && c == '>') {
      in_tag = false;
    }
    out += c;
    ++i;
  }
  for (; open > 0; --open) out += "</span>";
  return out;
}

}  // namespace otklik
