#include "core/case_fold.h"

namespace otklik {

std::string Folded(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
        (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0)) {
      if (c == 0xC2) ++i;
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    } else if (c == 0xD0 && i + 1 < text.size()) {
      // Cyrillic А–Я (D0 90–AF), Ё (D0 81), ё (D1 91).
      const auto next = static_cast<unsigned char>(text[++i]);
      if (next >= 0x90 && next <= 0x9F) {
        out += '\xD0';
        out += static_cast<char>(next + 0x20);
      } else if (next >= 0xA0 && next <= 0xAF) {
        out += '\xD1';
        out += static_cast<char>(next - 0x20);
      } else if (next == 0x81) {
        out += "\xD0\xB5";
      } else {
        out += '\xD0';
        out += static_cast<char>(next);
      }
    } else if (c == 0xD1 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x91) {
      out += "\xD0\xB5";
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace otklik
