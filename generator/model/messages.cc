#include "model/messages.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "content/document.h"
#include "content/yaml_node.h"
#include "core/fallback_text.h"
#include "core/plural.h"

namespace otklik {

namespace {

constexpr std::array<std::string_view, 6> kCases = {"", ".gen", ".dat", ".acc", ".ins", ".pre"};

// The form a placeholder's name stands for ("Processes.gen"), or nullopt
// when it is not a word placeholder; `*word` says whether it names a word.
std::optional<std::string> WordFor(std::string_view name, const AgencyWords& words, bool* word) {
  const bool capital = !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
  std::string lower(name);
  if (capital) lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
  const size_t dot = lower.find('.');
  const std::string noun = lower.substr(0, dot);
  const std::string grammatical_case = dot == std::string::npos ? "" : lower.substr(dot);
  const NounCases* cases = noun == "agency"        ? &words.agency
                           : noun == "process"     ? &words.process
                           : noun == "processes"   ? &words.processes
                           : noun == "respondents" ? &words.respondents
                                                   : nullptr;
  *word = cases != nullptr;
  if (!cases) return std::nullopt;
  const auto it = std::find(kCases.begin(), kCases.end(), grammatical_case);
  if (it == kCases.end()) return std::nullopt;
  const std::string& form = (*cases)[static_cast<size_t>(it - kCases.begin())];
  return capital ? Capitalised(form) : form;
}

// Adds every scalar under `node` as "<prefix>.<key>", as it is written.
void Collect(const YamlNode& node, const std::string& prefix, const std::string& path,
             std::map<std::string, std::pair<std::string, int>, std::less<>>* texts, Diagnostics* diagnostics) {
  for (const auto& [key, value] : node.entries()) {
    const std::string name = prefix.empty() ? key.text() : prefix + "." + key.text();
    if (value.IsMap()) {
      Collect(value, name, path, texts, diagnostics);
    } else if (value.IsScalar()) {
      (*texts)[name] = {value.text(), value.line()};
    } else {
      diagnostics->Add(path, value.line(), "сообщение «" + name + "» должно быть текстом или разделом сообщений");
    }
  }
}

// Puts the agency's words into `raw`, reporting an unknown placeholder at its line.
void PutAllWords(const std::map<std::string, std::pair<std::string, int>, std::less<>>& raw,
                 const std::string& path, const AgencyWords& words,
                 std::map<std::string, std::string, std::less<>>* texts, Diagnostics* diagnostics) {
  for (const auto& [name, text] : raw) {
    std::string unknown;
    (*texts)[name] = PutWords(text.first, words, &unknown);
    if (!unknown.empty()) {
      diagnostics->Add(path, text.second, "неизвестная подстановка «{" + unknown + "}»: есть {agency}, {process}, "
                                          "{processes}, {respondents} с падежом (.gen, .dat, .acc, .ins, .pre)");
    }
  }
}

constexpr const char* kBuiltInPath = "messages.yaml (встроенный)";

// `text` with its {name} parameters filled in, in one pass: a value is
// never searched for placeholders, so a title with "{title}" in it stays.
std::string FormatText(const std::string& text, const std::vector<std::pair<std::string, std::string>>& args) {
  std::string out;
  size_t start = 0;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', start)) {
    const size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    const std::string_view name = std::string_view(text).substr(open + 1, close - open - 1);
    const auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
    out.append(text, start, open - start);
    if (arg != args.end()) {
      out += arg->second;
      start = close + 1;
    } else {
      out += '{';
      start = open + 1;
    }
  }
  out.append(text, start);
  return out;
}

// The built-in catalogue as written, parsed once per process.
const std::map<std::string, std::pair<std::string, int>, std::less<>>& BuiltInTexts() {
  static const auto kTexts = [] {
    Diagnostics ignored;  // the built-in catalogue is checked by its tests
    std::map<std::string, std::pair<std::string, int>, std::less<>> texts;
    if (const std::optional<YamlNode> root = ParseYamlMap(kBuiltInPath, DefaultMessagesYaml(), 1, &ignored)) {
      Collect(*root, "", kBuiltInPath, &texts, &ignored);
    }
    return texts;
  }();
  return kTexts;
}

}  // namespace

std::string Capitalised(std::string text) {
  if (text.starts_with(kFallbackOpen)) {
    return std::string(kFallbackOpen) + Capitalised(text.substr(kFallbackOpen.size()));
  }
  if (text.empty()) return text;
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  if (byte(0) >= 'a' && byte(0) <= 'z') {
    text[0] = static_cast<char>(byte(0) - 'a' + 'A');
  } else if (text.size() > 1 && byte(0) == 0xD0 && byte(1) >= 0xB0 && byte(1) <= 0xBF) {  // а–п
    text[1] = static_cast<char>(byte(1) - 0x20);
  } else if (text.size() > 1 && byte(0) == 0xD1 && byte(1) >= 0x80 && byte(1) <= 0x8F) {  // р–я
    text[0] = static_cast<char>(0xD0);
    text[1] = static_cast<char>(byte(1) + 0x20);
  } else if (text.size() > 1 && byte(0) == 0xD1 && byte(1) == 0x91) {  // ё
    text[0] = static_cast<char>(0xD0);
    text[1] = static_cast<char>(0x81);
  }
  return text;
}

std::string PutWords(std::string_view text, const AgencyWords& words, std::string* unknown) {
  std::string out;
  size_t start = 0;
  for (;;) {
    const size_t open = text.find('{', start);
    const size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(open + 1, close - open - 1);
    bool word = false;
    const std::optional<std::string> form = WordFor(name, words, &word);
    out += text.substr(start, open - start);
    if (form) {
      out += *form;
    } else {
      if (word && unknown) *unknown = name;
      out += text.substr(open, close - open + 1);
    }
    start = close + 1;
  }
  out += text.substr(start);
  return out;
}

Messages::Messages(const Messages& other)
    : path_(other.path_), texts_(other.texts_), rules_(other.rules_), untranslated_(other.untranslated_) {}

Messages& Messages::operator=(const Messages& other) {
  path_ = other.path_;
  texts_ = other.texts_;
  rules_ = other.rules_;
  untranslated_ = other.untranslated_;
  return *this;
}

void Messages::ReadRules() {
  // A catalogue made of a few texts (FromTexts) follows the built-in rules.
  const auto text = [&](std::string_view key) -> std::string {
    if (const auto it = texts_.find(key); it != texts_.end()) return WithoutFallbackMarks(it->second);
    const auto built_in = BuiltInTexts().find(key);
    return built_in == BuiltInTexts().end() ? std::string() : built_in->second.first;
  };
  rules_.code = text("language.code");
  rules_.one_form = text("language.plural") == "one";
  const std::string months = text("language.months");
  size_t start = 0;
  for (std::string& month : rules_.months) {
    const size_t bar = months.find('|', start);
    month = months.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    start = bar == std::string::npos ? months.size() : bar + 1;
  }
  rules_.date = text("language.date");
  rules_.decimal_mark = text("language.decimal_mark");
  for (const char* form : {"q1", "q2", "q3", "q4", "h1", "h2", "year"}) {
    rules_.period_in[form] = text(std::string("language.period_in.") + form);
    rules_.period_label[form] = text(std::string("language.period_label.") + form);
    rules_.period_short[form] = text(std::string("language.period_short.") + form);
  }
}

std::string Messages::Date(const otklik::Date& date) const {
  return FormatText(rules_.date, {{"day", std::to_string(date.day())},
                                  {"month", rules_.months[static_cast<size_t>(date.month() - 1)]},
                                  {"year", std::to_string(date.year())}});
}

std::string Messages::PeriodText(const std::map<std::string, std::string, std::less<>>& forms,
                                 const Period& period) const {
  const std::string key = period.kind == Period::Kind::kQuarter ? "q" + std::to_string(period.index)
                          : period.kind == Period::Kind::kHalf  ? "h" + std::to_string(period.index)
                                                                : std::string("year");
  const auto it = forms.find(key);
  return FormatText(it == forms.end() ? std::string("{year}") : it->second, {{"year", std::to_string(period.year)}});
}

std::string Messages::PeriodIn(const Period& period) const { return PeriodText(rules_.period_in, period); }

std::string Messages::PeriodLabel(const Period& period) const { return PeriodText(rules_.period_label, period); }

std::string Messages::PeriodShort(const Period& period) const { return PeriodText(rules_.period_short, period); }

std::string Messages::Decimal(double value) const {
  const long tenths = std::lround(value * 10);
  return std::to_string(tenths / 10) + rules_.decimal_mark + std::to_string(std::labs(tenths % 10));
}

std::optional<Messages> Messages::Load(const FileSystem& fs, const std::string& path, const AgencyWords& words,
                                       Diagnostics* diagnostics) {
  Diagnostics found;
  Messages messages = Defaults(words);
  messages.path_ = path;
  if (fs.IsFile(path)) {
    Result<std::string> text = fs.ReadFile(path);
    if (!text.ok()) {
      found.Add("", 0, text.status().message());
    } else if (const std::optional<YamlNode> root = ParseYamlMap(path, text.value(), 1, &found)) {
      std::map<std::string, std::pair<std::string, int>, std::less<>> raw;
      Collect(*root, "", path, &raw, &found);
      PutAllWords(raw, path, words, &messages.texts_, &found);
    }
  }
  messages.ReadRules();
  found.Sort();
  diagnostics->Append(found);
  if (!found.empty()) return std::nullopt;
  return messages;
}

Messages Messages::Defaults(const AgencyWords& words) {
  Diagnostics ignored;  // the built-in catalogue is checked by its tests
  Messages messages;
  messages.path_ = kBuiltInPath;
  PutAllWords(BuiltInTexts(), messages.path_, words, &messages.texts_, &ignored);
  messages.ReadRules();
  return messages;
}

std::optional<Messages> Messages::LoadLanguage(const FileSystem& fs, const std::string& path, const std::string& code,
                                               const Messages& russian, const AgencyWords& words,
                                               Diagnostics* diagnostics) {
  Diagnostics found;
  std::map<std::string, std::pair<std::string, int>, std::less<>> raw;
  const std::string built_in_path = "messages." + code + ".yaml (встроенный)";
  if (const char* built_in = DefaultLanguageYaml(code)) {
    Diagnostics ignored;  // the built-in catalogues are checked by their tests
    if (const std::optional<YamlNode> root = ParseYamlMap(built_in_path, built_in, 1, &ignored)) {
      Collect(*root, "", built_in_path, &raw, &ignored);
    }
  }
  const bool own = fs.IsFile(path);
  if (own) {
    Result<std::string> text = fs.ReadFile(path);
    std::map<std::string, std::pair<std::string, int>, std::less<>> theme;
    if (!text.ok()) {
      found.Add("", 0, text.status().message());
    } else if (const std::optional<YamlNode> root = ParseYamlMap(path, text.value(), 1, &found)) {
      Collect(*root, "", path, &theme, &found);
    }
    for (auto& [key, text] : theme) {
      if (!russian.Has(key)) {
        found.Add(path, text.second, "сообщения «" + key + "» нет в русском каталоге: проверьте ключ");
        continue;
      }
      raw[key] = std::move(text);
    }
  } else if (raw.empty()) {
    found.Add(path, 0, "нет каталога сообщений на языке «" + code + "»: создайте этот файл по образцу messages.yaml "
                           "(docs/templates.md, «Второй язык»)");
  }
  Messages messages;
  messages.path_ = own ? path : built_in_path;
  for (const auto& [key, text] : russian.texts_) {
    if (const auto it = raw.find(key); it != raw.end()) {
      std::string unknown;
      messages.texts_[key] = PutWords(it->second.first, words, &unknown);
      if (!unknown.empty()) {
        found.Add(own ? path : built_in_path, it->second.second,
                  "неизвестная подстановка «{" + unknown + "}»: есть {agency}, {process}, {processes}, {respondents} "
                  "с падежом (.gen, .dat, .acc, .ins, .pre)");
      }
    } else if (key.starts_with("language.")) {
      messages.texts_[key] = text;  // a rule, not a text: Russian's applies
    } else {
      messages.texts_[key] = MarkedFallback(text);
      if (!text.empty()) messages.untranslated_.push_back(key);
    }
  }
  messages.texts_["language.code"] = code;
  if (!raw.count("language.name")) messages.texts_["language.name"] = code;
  messages.ReadRules();
  found.Sort();
  diagnostics->Append(found);
  if (!found.empty()) return std::nullopt;
  return messages;
}

Messages Messages::FromTexts(const std::vector<std::pair<std::string, std::string>>& texts, const AgencyWords& words) {
  Messages messages;
  for (const auto& [key, text] : texts) messages.texts_[key] = PutWords(text, words);
  messages.ReadRules();
  return messages;
}

const std::string& Messages::operator[](std::string_view key) const {
  static const std::string kNone;
  const auto it = texts_.find(key);
  if (it != texts_.end()) return it->second;
  const std::lock_guard lock(missing_mutex_);
  missing_.emplace(key);
  return kNone;
}

std::string Messages::Format(std::string_view key, const std::vector<std::pair<std::string, std::string>>& args) const {
  return FormatText((*this)[key], args);
}

namespace {

// The three forms of "one|few|many", or nullopt when `text` has not three.
std::optional<std::array<std::string, 3>> PluralForms(const std::string& text) {
  const size_t first = text.find('|');
  const size_t second = first == std::string::npos ? first : text.find('|', first + 1);
  if (second == std::string::npos || text.find('|', second + 1) != std::string::npos) return std::nullopt;
  return std::array<std::string, 3>{text.substr(0, first), text.substr(first + 1, second - first - 1),
                                    text.substr(second + 1)};
}

}  // namespace

std::string Messages::Plural(std::string_view key, long n) const {
  const std::string& text = (*this)[key];
  // A fallback is Russian and counts by Russian rules, still marked.
  const bool fallback = IsMarkedFallback(text);
  const std::string plain = fallback ? WithoutFallbackMarks(text) : text;
  const std::optional<std::array<std::string, 3>> forms = PluralForms(plain);
  if (!forms) return text;
  const std::string& form = rules_.one_form && !fallback ? (*forms)[0]
                                                         : RussianPlural(n, (*forms)[0], (*forms)[1], (*forms)[2]);
  return fallback ? MarkedFallback(form) : form;
}

std::string Messages::Count(std::string_view key, long n) const {
  const std::string form = Plural(key, n);
  return form.empty() ? form : std::to_string(n) + "\u00A0" + form;
}

std::vector<std::string> Messages::Missing() const {
  const std::lock_guard lock(missing_mutex_);
  return {missing_.begin(), missing_.end()};
}

}  // namespace otklik
