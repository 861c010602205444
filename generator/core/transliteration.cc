#include "core/transliteration.h"

#include "core/case_fold.h"

namespace otklik {

namespace {

// а (U+0430) to я (U+044F), in order.
constexpr std::string_view kLatin[32] = {"a",  "b",  "v",  "g",    "d", "e", "zh", "z", "i",  "y", "k",
                                         "l",  "m",  "n",  "o",    "p", "r", "s",  "t", "u",  "f", "kh",
                                         "ts", "ch", "sh", "shch", "",  "y", "",   "e", "yu", "ya"};

// The Latin spelling of the lower-case Russian letter (two bytes) at text[i], or nullptr.
const std::string_view* RussianLetter(std::string_view text, size_t i) {
  if (i + 1 >= text.size()) return nullptr;
  const auto lead = static_cast<unsigned char>(text[i]);
  const auto next = static_cast<unsigned char>(text[i + 1]);
  if (lead == 0xD0 && next >= 0xB0 && next <= 0xBF) return &kLatin[next - 0xB0];
  if (lead == 0xD1 && next >= 0x80 && next <= 0x8F) return &kLatin[next - 0x80 + 16];
  return nullptr;
}

}  // namespace

std::string IdFromText(std::string_view text, size_t max_length) {
  // Folded lowers both alphabets and reads «ё» as «е», so only а–я are left to spell.
  const std::string folded = Folded(text);
  std::string id;
  bool gap = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    std::string_view latin;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      latin = std::string_view(&folded[i], 1);
    } else if (const std::string_view* letter = RussianLetter(folded, i)) {
      latin = *letter;
      ++i;
    } else {
      gap = true;
      continue;
    }
    if (latin.empty()) continue;  // ъ, ь
    if (gap && !id.empty()) id += '-';
    gap = false;
    id += latin;
  }
  if (id.size() > max_length) {
    const size_t cut = id.rfind('-', max_length);
    id.resize(cut == std::string::npos || cut == 0 ? max_length : cut);
    // A one-letter word left at the end is a preposition («в», «с», «к»): it reads as cut off.
    for (size_t last = id.rfind('-'); last != std::string::npos && id.size() - last == 2 && id.back() >= 'a';
         last = id.rfind('-')) {
      id.resize(last);
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
  }
  return id;
}

}  // namespace otklik
