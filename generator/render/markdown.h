#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace otklik {

/// Renders GitHub-flavoured Markdown (tables, autolinks, strikethrough) to
/// HTML with cmark-gfm. Headings are shifted one level down (# → <h2>)
/// because the page title is the only <h1>. Raw HTML is dropped unless
/// allowed. Thread-safe: each call uses its own parser. A text shown in
/// Russian for want of a translation (core/fallback_text.h) comes in a
/// <div lang="ru">.
class MarkdownRenderer {
 public:
  explicit MarkdownRenderer(bool allow_raw_html = false);
  std::string ToHtml(std::string_view markdown) const;
  /// How many times cmark-gfm has asked to change its table of special
  /// characters (twice per document): the proof that it calls this
  /// program's replacement, which keeps the table fixed (markdown.cc).
  static uint64_t SpecialCharacterCalls();

 private:
  bool allow_raw_html_;
};

}  // namespace otklik
