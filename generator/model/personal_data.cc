#include "model/personal_data.h"

#include <algorithm>
#include <string>
#include <vector>

namespace otklik {

namespace {

// --- Characters. Cells are UTF-8 (ParseCsv converts Windows-1251); a stray byte reads as U+FFFD.

std::u32string Decode(std::string_view text) {
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t extra = lead < 0x80           ? 0
                         : (lead >> 5) == 0x6  ? 1
                         : (lead >> 4) == 0xE  ? 2
                         : (lead >> 3) == 0x1E ? 3
                                               : 4;
    if (extra == 4 || i + extra >= text.size()) {
      out += U'\uFFFD';
      ++i;
      continue;
    }
    char32_t code = extra == 0 ? lead : lead & (0x3F >> extra);
    for (size_t k = 1; k <= extra; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out += code;
    i += extra + 1;
  }
  return out;
}

bool IsUpperCyrillic(char32_t c) {
  return (c >= U'А' && c <= U'Я') || c == U'Ё';
}
bool IsLowerCyrillic(char32_t c) {
  return (c >= U'а' && c <= U'я') || c == U'ё';
}
bool IsCyrillic(char32_t c) {
  return IsUpperCyrillic(c) || IsLowerCyrillic(c);
}
bool IsLatin(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
bool IsDigit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\u00A0';
}

char32_t Lower(char32_t c) {
  if ((c >= U'A' && c <= U'Z') || (c >= U'А' && c <= U'Я')) return c + 32;
  return c == U'Ё' ? U'ё' : c;
}

std::u32string Lowered(std::u32string_view text) {
  std::u32string out;
  for (const char32_t c : text) out += Lower(c);
  return out;
}

// --- Personal data in cells.

// A stretch of a text that holds personal data: [begin, end) in characters.
struct Span {
  size_t begin = 0;
  size_t end = 0;
};
using Spans = std::vector<Span>;

void FindEmails(std::u32string_view text, Spans* spans) {
  const auto domain_char = [](char32_t c) {
    return IsLatin(c) || IsDigit(c) || IsCyrillic(c) || c == U'-' || c == U'.';
  };
  for (size_t at = text.find(U'@'); at != std::u32string_view::npos; at = text.find(U'@', at + 1)) {
    const auto local_char = [&](char32_t c) { return domain_char(c) || c == U'_' || c == U'+'; };
    if (at == 0 || !local_char(text[at - 1])) continue;
    size_t end = at + 1;
    while (end < text.size() && domain_char(text[end])) ++end;
    std::u32string_view domain = text.substr(at + 1, end - at - 1);
    while (!domain.empty() && domain.back() == U'.') domain.remove_suffix(1);
    const size_t dot = domain.rfind(U'.');
    if (dot == std::u32string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) continue;
    size_t begin = at;
    while (begin > 0 && local_char(text[begin - 1])) --begin;
    spans->push_back({begin, at + 1 + domain.size()});
  }
}

// "123-456-789 01" (the last separator may also be a hyphen), not inside a longer number.
void FindSnils(std::u32string_view text, Spans* spans) {
  constexpr std::u32string_view kPattern = U"ddd-ddd-ddd dd";
  for (size_t i = 0; i + kPattern.size() <= text.size(); ++i) {
    if (i > 0 && IsDigit(text[i - 1])) continue;
    bool match = true;
    for (size_t k = 0; k < kPattern.size() && match; ++k) {
      const char32_t c = text[i + k];
      match = kPattern[k] == U'd' ? IsDigit(c) : kPattern[k] == U'-' ? c == U'-' : (IsSpace(c) || c == U'-');
    }
    const size_t end = i + kPattern.size();
    if (match && (end == text.size() || !IsDigit(text[end]))) spans->push_back({i, end});
  }
}

// 7–15 digits written the way phones are: with "+", brackets or separated groups. A bare run of
// digits counts only as a whole Russian number (8…, 7… of 11 digits, 9… of 10); groups of
// 4-2-2 or 2-2-4 digits are a date.
bool LooksLikePhone(std::u32string_view run) {
  std::vector<size_t> groups;
  bool marked = false;
  bool in_group = false;
  size_t digits = 0;
  for (const char32_t c : run) {
    if (IsDigit(c)) {
      if (!in_group) groups.push_back(0);
      ++groups.back();
      ++digits;
    }
    in_group = IsDigit(c);
    marked = marked || c == U'+' || c == U'(' || c == U')';
  }
  if (digits < 7 || digits > 15) return false;
  if (marked) return true;
  if (groups.size() == 1) {
    const char32_t first = *std::find_if(run.begin(), run.end(), IsDigit);
    return (digits == 11 && (first == U'7' || first == U'8')) || (digits == 10 && first == U'9');
  }
  const bool date = groups.size() == 3 && groups[1] == 2 &&
                    ((groups[0] == 4 && groups[2] == 2) || (groups[0] == 2 && groups[2] == 4));
  return !date;
}

void FindPhones(std::u32string_view text, Spans* spans) {
  const auto phone_char = [](char32_t c) {
    return IsDigit(c) || IsSpace(c) || c == U'+' || c == U'(' || c == U')' || c == U'-';
  };
  for (size_t i = 0; i < text.size();) {
    if (!phone_char(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && phone_char(text[end])) ++end;
    if (LooksLikePhone(text.substr(i, end - i))) {
      // Without the spaces around it.
      size_t begin = i;
      size_t last = end;
      while (begin < last && IsSpace(text[begin])) ++begin;
      while (last > begin && IsSpace(text[last - 1])) --last;
      spans->push_back({begin, last});
    }
    i = end;
  }
}

// A Cyrillic word (inner hyphens kept), an initial ("А."), or anything else between them.
struct NameToken {
  enum class Kind { kWord, kInitial, kOther };
  Kind kind;
  std::u32string text;
  size_t begin = 0;  ///< Where it starts and ends in the text.
  size_t end = 0;
};

std::vector<NameToken> NameTokens(std::u32string_view text) {
  std::vector<NameToken> tokens;
  for (size_t i = 0; i < text.size();) {
    if (IsSpace(text[i])) {
      ++i;
    } else if (!IsCyrillic(text[i])) {
      if (tokens.empty() || tokens.back().kind != NameToken::Kind::kOther)
        tokens.push_back({NameToken::Kind::kOther, {}, i, i + 1});
      tokens.back().end = i + 1;
      ++i;
    } else {
      size_t end = i + 1;
      while (end < text.size() &&
             (IsCyrillic(text[end]) || (text[end] == U'-' && end + 1 < text.size() && IsCyrillic(text[end + 1])))) {
        ++end;
      }
      std::u32string word(text.substr(i, end - i));
      if (word.size() == 1 && IsUpperCyrillic(word[0]) && end < text.size() && text[end] == U'.') {
        ++end;
        tokens.push_back({NameToken::Kind::kInitial, std::move(word), i, end});
      } else {
        tokens.push_back({NameToken::Kind::kWord, std::move(word), i, end});
      }
      i = end;
    }
  }
  return tokens;
}

// "Иванов", "Петрова-Водкина", "ИВАНОВ": a capital, then all small or all capital letters.
bool IsCapitalised(const NameToken& token) {
  const std::u32string& word = token.text;
  if (token.kind != NameToken::Kind::kWord || word.size() < 2 || !IsUpperCyrillic(word[0])) return false;
  bool lower = true;
  bool upper = true;
  for (size_t i = 1; i < word.size(); ++i) {
    if (word[i] == U'-' || word[i - 1] == U'-') continue;
    lower = lower && IsLowerCyrillic(word[i]);
    upper = upper && IsUpperCyrillic(word[i]);
  }
  return lower || upper;
}

bool IsPatronymic(const NameToken& token) {
  const std::u32string word = Lowered(token.text);
  for (const std::u32string_view ending : {U"ич", U"вна", U"ична", U"оглы", U"кызы"}) {
    if (word.size() > ending.size() + 1 && word.ends_with(ending)) return true;
  }
  return false;
}

// Three capitalised words with a patronymic second or third («Иванов Иван Иванович», «Иван
// Иванович Иванов»), two followed by «оглы»/«кызы», or a surname with two initials either side.
void FindFullNames(std::u32string_view text, Spans* spans) {
  const std::vector<NameToken> tokens = NameTokens(text);
  const auto word = [&](size_t i) { return i < tokens.size() && IsCapitalised(tokens[i]); };
  const auto initial = [&](size_t i) { return i < tokens.size() && tokens[i].kind == NameToken::Kind::kInitial; };
  const auto turkic = [&](size_t i) {
    return i < tokens.size() && (tokens[i].text == U"оглы" || tokens[i].text == U"кызы");
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const bool full = word(i) && word(i + 1) && word(i + 2) && (IsPatronymic(tokens[i + 1]) || IsPatronymic(tokens[i + 2]));
    if (full || (word(i) && word(i + 1) && turkic(i + 2)) || (word(i) && initial(i + 1) && initial(i + 2)) ||
        (initial(i) && initial(i + 1) && word(i + 2))) {
      spans->push_back({tokens[i].begin, tokens[i + 2].end});
      i += 2;
    }
  }
}

std::string Encode(std::u32string_view text) {
  std::string out;
  for (const char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Every kind of personal data, in the order PersonalDataIn() names them, with what masks it.
struct Detector {
  void (*find)(std::u32string_view, Spans*);
  const char* kind;
  const char32_t* mask;
};
constexpr Detector kDetectors[] = {{FindEmails, "адрес электронной почты", U"[e-mail]"},
                                   {FindSnils, "СНИЛС", U"[СНИЛС]"},
                                   {FindPhones, "телефон", U"[телефон]"},
                                   {FindFullNames, "ФИО", U"[ФИО]"}};

}  // namespace

std::optional<std::string> PersonalDataIn(std::string_view cell) {
  const std::u32string text = Decode(cell);
  for (const Detector& detector : kDetectors) {
    Spans spans;
    detector.find(text, &spans);
    if (!spans.empty()) return detector.kind;
  }
  return std::nullopt;
}

MaskedText MaskPersonalData(std::string_view text) {
  std::u32string chars = Decode(text);
  MaskedText out;
  // Each kind in turn, on the text the kinds before it left: a masked
  // e-mail's digits are no longer a phone.
  for (const Detector& detector : kDetectors) {
    Spans spans;
    detector.find(chars, &spans);
    if (spans.empty()) continue;
    out.kinds.push_back(detector.kind);
    std::u32string masked;
    size_t at = 0;
    for (const Span& span : spans) {
      if (span.begin < at) continue;  // overlapping matches: the first one wins
      masked.append(chars, at, span.begin - at);
      masked += detector.mask;
      at = span.end;
    }
    masked.append(chars, at);
    chars = std::move(masked);
  }
  out.text = out.kinds.empty() ? std::string(text) : Encode(chars);
  return out;
}

bool NamesPersonalData(std::string_view column) {
  static const std::u32string_view kWords[] = {U"фио", U"имя", U"инн", U"тел", U"fio", U"inn", U"tel"};
  static const std::u32string_view kStems[] = {U"фамил", U"отчеств", U"заявител", U"адрес", U"телефон",
                                               U"почт",  U"паспорт", U"снилс",    U"рожд"};
  static const std::u32string_view kLatin[] = {U"name",     U"phone", U"mail",      U"addr",
                                               U"passport", U"snils", U"applicant", U"birth"};
  const std::u32string text = Lowered(Decode(column));
  for (size_t i = 0; i < text.size();) {
    if (!IsLatin(text[i]) && !IsCyrillic(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && (IsLatin(text[end]) || IsCyrillic(text[end]))) ++end;
    const std::u32string_view word = std::u32string_view(text).substr(i, end - i);
    i = end;
    for (const std::u32string_view known : kWords) {
      if (word == known) return true;
    }
    for (const std::u32string_view stem : kStems) {
      if (word.starts_with(stem)) return true;
    }
    for (const std::u32string_view part : kLatin) {
      if (word.find(part) != std::u32string_view::npos) return true;
    }
  }
  return false;
}

}  // namespace otklik
