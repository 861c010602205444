#include "model/messages.h"

#include <algorithm>

#include "content/document.h"
#include "content/yaml_node.h"

namespace otklik {

namespace {

constexpr std::array<std::string_view, 6> kCases = {"", ".gen", ".dat", ".acc", ".ins", ".pre"};

// «служба» → «Служба»: the first letter, Cyrillic or Latin, in capitals.
std::string Capitalised(std::string text) {
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

// Adds every scalar under `node` as "<prefix>.<key>".
void Collect(const YamlNode& node, const std::string& prefix, const std::string& path, const AgencyWords& words,
             std::map<std::string, std::string, std::less<>>* texts, Diagnostics* diagnostics) {
  for (const auto& [key, value] : node.entries()) {
    const std::string name = prefix.empty() ? key.text() : prefix + "." + key.text();
    if (value.IsMap()) {
      Collect(value, name, path, words, texts, diagnostics);
    } else if (value.IsScalar()) {
      std::string unknown;
      (*texts)[name] = PutWords(value.text(), words, &unknown);
      if (!unknown.empty()) {
        diagnostics->Add(path, value.line(), "неизвестная подстановка «{" + unknown + "}»: есть {agency}, {process}, "
                                             "{processes}, {respondents} с падежом (.gen, .dat, .acc, .ins, .pre)");
      }
    } else {
      diagnostics->Add(path, value.line(), "сообщение «" + name + "» должно быть текстом или разделом сообщений");
    }
  }
}

}  // namespace

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

Messages::Messages(const Messages& other) : path_(other.path_), texts_(other.texts_) {}

Messages& Messages::operator=(const Messages& other) {
  path_ = other.path_;
  texts_ = other.texts_;
  return *this;
}

std::optional<Messages> Messages::Load(const FileSystem& fs, const std::string& path, const AgencyWords& words,
                                       Diagnostics* diagnostics) {
  const size_t errors_before = diagnostics->size();
  Messages messages = Defaults(words);
  messages.path_ = path;
  if (fs.IsFile(path)) {
    Result<std::string> text = fs.ReadFile(path);
    if (!text.ok()) {
      diagnostics->Add("", 0, text.status().message());
    } else if (const std::optional<YamlNode> root = ParseYamlMap(path, text.value(), 1, diagnostics)) {
      Collect(*root, "", path, words, &messages.texts_, diagnostics);
    }
  }
  if (diagnostics->size() != errors_before) return std::nullopt;
  return messages;
}

Messages Messages::Defaults(const AgencyWords& words) {
  Diagnostics ignored;  // the built-in catalogue is checked by its tests
  Messages messages;
  messages.path_ = "messages.yaml (встроенный)";
  if (const std::optional<YamlNode> root = ParseYamlMap(messages.path_, DefaultMessagesYaml(), 1, &ignored)) {
    Collect(*root, "", messages.path_, words, &messages.texts_, &ignored);
  }
  return messages;
}

Messages Messages::FromTexts(const std::vector<std::pair<std::string, std::string>>& texts, const AgencyWords& words) {
  Messages messages;
  for (const auto& [key, text] : texts) messages.texts_[key] = PutWords(text, words);
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
  std::string out = (*this)[key];
  for (const auto& [name, value] : args) {
    const std::string tag = "{" + name + "}";
    for (size_t at = out.find(tag); at != std::string::npos; at = out.find(tag, at + value.size())) {
      out.replace(at, tag.size(), value);
    }
  }
  return out;
}

std::vector<std::string> Messages::Missing() const {
  const std::lock_guard lock(missing_mutex_);
  return {missing_.begin(), missing_.end()};
}

}  // namespace otklik
