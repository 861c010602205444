#include "core/utf8.h"

namespace otklik {

bool IsValidUtf8(std::string_view text) { return FirstInvalidUtf8(text) == std::string_view::npos; }

size_t FirstInvalidUtf8(std::string_view text) {
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* p = begin;
  const auto* end = p + text.size();
  const auto at = [&] { return static_cast<size_t>(p - begin); };
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    size_t length;
    unsigned long code;
    unsigned long smallest;
    if ((c & 0xE0) == 0xC0) {
      length = 2, code = c & 0x1F, smallest = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, code = c & 0x0F, smallest = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, code = c & 0x07, smallest = 0x10000;
    } else {
      return at();
    }
    if (static_cast<size_t>(end - p) < length) return at();
    for (size_t i = 1; i < length; ++i) {
      if ((p[i] & 0xC0) != 0x80) return at();
      code = (code << 6) | (p[i] & 0x3F);
    }
    if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return at();
    p += length;
  }
  return std::string_view::npos;
}

size_t Utf8Length(std::string_view text) {
  size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace otklik
