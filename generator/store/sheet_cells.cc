#include "store/sheet_cells.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/case_fold.h"
#include "core/period.h"

namespace otklik {

std::string TrimmedCell(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

std::string JoinCells(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (&item != &items.front()) out += separator;
    out += item;
  }
  return out;
}

std::vector<std::string> SplitCell(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find(separator, start), text.size());
    if (std::string part = TrimmedCell(text.substr(start, end - start)); !part.empty())
      parts.push_back(std::move(part));
    start = end + 1;
  }
  return parts;
}

std::optional<int> CellNumber(std::string_view digits) {
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::string SheetDate(const Date& date) {
  const auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  return two(date.day()) + "." + two(date.month()) + "." + std::to_string(date.year());
}

std::optional<Date> ParseSheetDate(const std::string& text) {
  if (std::optional<Date> iso = Date::Parse(text)) return iso;
  const std::vector<std::string> parts = SplitCell(text, '.');
  if (parts.size() != 3 || parts[0].size() > 2 || parts[1].size() > 2 || parts[2].size() != 4 ||
      std::count(text.begin(), text.end(), '.') != 2) {
    return std::nullopt;
  }
  const std::optional<int> day = CellNumber(parts[0]);
  const std::optional<int> month = CellNumber(parts[1]);
  const std::optional<int> year = CellNumber(parts[2]);
  if (!day || !month || !year) return std::nullopt;
  return Date::FromYmd(*year, *month, *day);
}

namespace {

// A year of four digits.
std::optional<int> Year(const std::string& word) {
  return word.size() == 4 ? CellNumber(word) : std::nullopt;
}

// 1–4 in Arabic or Roman figures, perhaps with an ending: "4", "IV" (folded: "iv"), "4-й".
std::optional<int> Ordinal(std::string word) {
  for (const std::string_view ending : {"-й", "-ый", "-ой", "-е"}) {
    if (word.ends_with(ending)) word.erase(word.size() - ending.size());
  }
  static const std::map<std::string, int> kRoman = {{"i", 1}, {"ii", 2}, {"iii", 3}, {"iv", 4}};
  if (const auto roman = kRoman.find(word); roman != kRoman.end()) return roman->second;
  const std::optional<int> number = CellNumber(word);
  if (!number || *number < 1 || *number > 4) return std::nullopt;
  return number;
}

// 1–12 for a month's name in the nominative or genitive: "декабрь", "декабря".
std::optional<int> Month(const std::string& word) {
  static const std::map<std::string, int> kMonths = {
      {"январь", 1},   {"января", 1},   {"февраль", 2}, {"февраля", 2}, {"март", 3},     {"марта", 3},
      {"апрель", 4},   {"апреля", 4},   {"май", 5},     {"мая", 5},     {"июнь", 6},     {"июня", 6},
      {"июль", 7},     {"июля", 7},     {"август", 8},  {"августа", 8}, {"сентябрь", 9}, {"сентября", 9},
      {"октябрь", 10}, {"октября", 10}, {"ноябрь", 11}, {"ноября", 11}, {"декабрь", 12}, {"декабря", 12}};
  const auto month = kMonths.find(word);
  return month == kMonths.end() ? std::nullopt : std::optional<int>(month->second);
}

// "до 31.12.2026 г." → "31.12.2026": the words around a deadline that do not change it.
std::string WithoutDeadlineWords(std::string text) {
  for (const std::string_view prefix : {"до ", "не позднее ", "по "}) {
    if (text.starts_with(prefix)) text.erase(0, prefix.size());
  }
  for (const std::string_view suffix : {" года", " год", " г.", " г", "г.", "г"}) {
    if (text.ends_with(suffix) && text.size() > suffix.size()) {
      text.erase(text.size() - suffix.size());
      break;
    }
  }
  return TrimmedCell(text);
}

std::optional<Prevalence> ParsePrevalence(const std::string& text) {
  static const std::map<std::string, PrevalenceUnit> kUnits = {{"респондентов", PrevalenceUnit::kRespondents},
                                                               {"респондента", PrevalenceUnit::kRespondents},
                                                               {"обращений", PrevalenceUnit::kAppeals},
                                                               {"обращения", PrevalenceUnit::kAppeals}};
  std::string folded = Folded(text);
  if (const size_t bracket = folded.find('('); bracket != std::string::npos) {
    if (folded.back() != ')') return std::nullopt;
    folded = TrimmedCell(folded.substr(0, bracket));
  }
  const std::vector<std::string> words = SplitCell(folded, ' ');
  if (words.size() != 4 || words[1] != "из" || words[0].size() > 9 || words[2].size() > 9) return std::nullopt;
  const std::optional<int> count = CellNumber(words[0]);
  const std::optional<int> base = CellNumber(words[2]);
  const auto unit = kUnits.find(words[3]);
  if (!count || !base || unit == kUnits.end()) return std::nullopt;
  return Prevalence{*count, *base, unit->second};
}

}  // namespace

std::optional<Date> DeadlineCell(const std::string& text) {
  const std::string words_only = WithoutDeadlineWords(Folded(text));
  if (std::optional<Date> date = ParseSheetDate(words_only)) return date;
  if (const std::optional<Period> period = Period::FromKey(words_only)) return period->last();
  std::vector<std::string> words = SplitCell(words_only, ' ');
  if (words.size() != 2 && words.size() != 3) return std::nullopt;
  const std::optional<int> year = Year(words.back());
  if (!year) return std::nullopt;
  if (words.size() == 2) {
    const std::optional<int> month = Month(words[0]);
    if (!month) return std::nullopt;
    return Date(*year, *month, Date::DaysInMonth(*year, *month));
  }
  if (const std::optional<int> month = Month(words[1])) {  // «31 декабря 2026»
    const std::optional<int> day = CellNumber(words[0]);
    return day ? Date::FromYmd(*year, *month, *day) : std::nullopt;
  }
  const std::optional<int> index = Ordinal(words[0]);
  if (!index) return std::nullopt;
  if (words[1] == "квартал" || words[1] == "кв." || words[1] == "кв") {
    return Period{Period::Kind::kQuarter, *year, *index}.last();
  }
  if (words[1] == "полугодие" && *index <= 2) {
    return Period{Period::Kind::kHalf, *year, *index}.last();
  }
  return std::nullopt;
}

std::optional<Prevalence> PrevalenceCell(const std::string& text, const std::string& where, std::string* problem) {
  const std::optional<Prevalence> parsed = ParsePrevalence(text);
  if (!parsed) {
    *problem = "распространённость «" + text + "»" + where +
               " не распознана: ожидается «N из M респондентов» или «N из M обращений», например «132 из 580 "
               "респондентов (23 %)»";
  } else if (parsed->base == 0) {
    *problem = "в распространённости «" + text + "» всего 0: опрошенных или обращений должно быть больше нуля";
  } else if (parsed->count > parsed->base) {
    *problem = "в распространённости «" + text + "» " + std::to_string(parsed->count) + " больше " +
               std::to_string(parsed->base) + ": с проблемой не может столкнуться больше людей, чем всего";
  } else {
    return parsed;
  }
  return std::nullopt;
}

}  // namespace otklik
