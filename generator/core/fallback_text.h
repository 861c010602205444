#pragma once

#include <string>
#include <string_view>

namespace otklik {

// A page in a second language shows Russian wherever a text has no
// translation yet, and says so to screen readers and hyphenation with
// lang="ru" (WCAG 3.1.2). The translated content and catalogue mark such a
// text with two characters of Unicode's private use area around it; the
// page's HTML turns each mark into <span lang="ru">…</span> where an
// element may stand and drops it where none may (attributes, <title>,
// <option>, <textarea>, scripts and SVG); every other file drops them.

inline constexpr std::string_view kFallbackOpen = "\xEE\x80\x80";   // U+E000
inline constexpr std::string_view kFallbackClose = "\xEE\x80\x81";  // U+E001

/// `text` marked as Russian shown in place of a translation ("" stays "").
std::string MarkedFallback(std::string_view text);
/// Whether `text` is one marked fallback from its first byte to its last.
bool IsMarkedFallback(std::string_view text);
/// `text` without its marks.
std::string WithoutFallbackMarks(std::string_view text);
/// An HTML page with its marks turned into <span lang="ru"> where phrasing
/// content may stand, and dropped elsewhere. A mark that would close an
/// element it did not open is dropped too, so the page stays well formed.
std::string FallbackMarksToHtml(std::string_view html);

}  // namespace otklik
