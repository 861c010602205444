#include "content/yaml_node.h"

#include <yaml.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace otklik {

namespace {

constexpr const char* kQuoteTheValue = "в значении есть двоеточие или запятая: заключите его в кавычки";

// libyaml's messages, and what an editor should do about each.
std::string Explain(const std::string& problem) {
  static const std::map<std::string, std::string> kExplanations = {
      {"mapping values are not allowed in this context", kQuoteTheValue},
      {"did not find expected key", "ожидается строка «поле: значение»; проверьте отступы"},
      {"could not find expected ':'", "после имени поля нет двоеточия"},
      {"found character that cannot start any token",
       "значение начинается с недопустимого символа (например, «@», «`» или табуляции); "
       "заключите значение в кавычки"},
      {"found unexpected end of stream", "файл закончился раньше, чем закрылись кавычки или скобки"},
      {"did not find expected ',' or ']'", "список в квадратных скобках не закрыт: не хватает «,» или «]»"},
      {"did not find expected ',' or '}'", "набор полей в фигурных скобках не закрыт: не хватает «,» или «}»"},
      {"found a tab character that violates indentation", "табуляция в отступе; используйте пробелы"},
      {"found a tab character where an indentation space is expected", "табуляция в отступе; используйте пробелы"},
      {"found unknown escape character", "неизвестная последовательность с «\\» в строке в двойных кавычках"},
      {"did not find expected node content", "после «-», «:» или «,» ожидается значение"},
      {"block sequence entries are not allowed in this context",
       "элемент списка «- » в неожиданном месте; проверьте отступы"},
      {"did not find expected '-' indicator", "ожидается следующий элемент списка «- »; проверьте отступы"},
      {"invalid leading UTF-8 octet", "файл не в кодировке UTF-8; сохраните его в UTF-8"},
      {"invalid trailing UTF-8 octet", "файл не в кодировке UTF-8; сохраните его в UTF-8"},
      {"incomplete UTF-8 octet sequence", "файл не в кодировке UTF-8; сохраните его в UTF-8"},
      {"control characters are not allowed", "в тексте есть управляющие символы; удалите их"},
      {"found undefined tag handle", "неизвестный тег «!»; уберите его или заключите значение в кавычки"},
      {"did not find expected alphabetic or numeric character",
       "после «&» или «*» ожидается имя; если это часть текста, заключите значение в кавычки"},
  };
  const auto it = kExplanations.find(problem);
  return it == kExplanations.end() ? problem : it->second;
}

bool IsNullText(const std::string& text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// Builds the node tree from libyaml's event stream.
class Composer {
 public:
  Composer(const std::string& path, std::string_view text, int first_line, Diagnostics* diagnostics)
      : path_(path), first_line_(first_line), diagnostics_(diagnostics) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~Composer() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  Composer(const Composer&) = delete;
  Composer& operator=(const Composer&) = delete;

  std::optional<YamlNode> Compose() {
    if (!Next() || !Next()) return std::nullopt;  // STREAM-START, then the document or STREAM-END
    if (event_.type == YAML_STREAM_END_EVENT) return YamlNode::Null(first_line_);
    if (!Next()) return std::nullopt;  // past DOCUMENT-START
    std::optional<YamlNode> root = Node();
    if (!root || !Next()) return std::nullopt;  // DOCUMENT-END
    if (!Next()) return std::nullopt;
    if (event_.type != YAML_STREAM_END_EVENT) {
      return Fail(Line(), "в файле несколько документов YAML; строка «---» допустима только в начале");
    }
    return root;
  }

 private:
  int Line() const { return first_line_ + static_cast<int>(event_.start_mark.line); }

  std::nullopt_t Fail(int line, const std::string& message) {
    diagnostics_->Add(path_, line, "ошибка в YAML: " + message);
    return std::nullopt;
  }

  // Moves to the next event; on a syntax error reports it and returns false.
  bool Next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    if (!has_event_) {
      const std::string problem = parser_.problem ? parser_.problem : "unknown error";
      // An unclosed quote or bracket is found where the text ends; point at where it was opened.
      const bool unclosed = problem == "found unexpected end of stream" || problem.starts_with("did not find expected ','");
      const yaml_mark_t& mark = unclosed && parser_.context ? parser_.context_mark : parser_.problem_mark;
      Fail(first_line_ + static_cast<int>(mark.line), Explain(problem));
    }
    return has_event_;
  }

  // The node starting at the current event; leaves the cursor on its last event.
  std::optional<YamlNode> Node() {
    if (event_.type == YAML_ALIAS_EVENT) {
      const std::string name = reinterpret_cast<const char*>(event_.data.alias.anchor);
      const auto it = anchors_.find(name);
      if (it == anchors_.end()) return Fail(Line(), "ссылка «*" + name + "» на неизвестную метку «&" + name + "»");
      return it->second;
    }
    const std::string anchor = AnchorOf(event_);
    std::optional<YamlNode> node;
    switch (event_.type) {
      case YAML_SCALAR_EVENT: node = ScalarNode(); break;
      case YAML_SEQUENCE_START_EVENT: node = SequenceNode(); break;
      case YAML_MAPPING_START_EVENT: node = MapNode(); break;
      default: return Fail(Line(), "неожиданная конструкция");
    }
    if (node && !anchor.empty()) anchors_[anchor] = *node;
    return node;
  }

  static std::string AnchorOf(const yaml_event_t& event) {
    const unsigned char* anchor = nullptr;
    if (event.type == YAML_SCALAR_EVENT) anchor = event.data.scalar.anchor;
    if (event.type == YAML_SEQUENCE_START_EVENT) anchor = event.data.sequence_start.anchor;
    if (event.type == YAML_MAPPING_START_EVENT) anchor = event.data.mapping_start.anchor;
    return anchor ? reinterpret_cast<const char*>(anchor) : "";
  }

  YamlNode ScalarNode() {
    const auto& scalar = event_.data.scalar;
    std::string text(reinterpret_cast<const char*>(scalar.value), scalar.length);
    const bool quoted = scalar.style != YAML_PLAIN_SCALAR_STYLE;
    if (!quoted && IsNullText(text)) return YamlNode::Null(Line());
    return YamlNode::Scalar(std::move(text), Line(), quoted);
  }

  std::optional<YamlNode> SequenceNode() {
    YamlNode node = YamlNode::Sequence(Line());
    for (;;) {
      if (!Next()) return std::nullopt;
      if (event_.type == YAML_SEQUENCE_END_EVENT) return node;
      std::optional<YamlNode> item = Node();
      if (!item) return std::nullopt;
      node.Append(std::move(*item));
    }
  }

  std::optional<YamlNode> MapNode() {
    YamlNode node = YamlNode::Map(Line(), event_.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
    for (;;) {
      if (!Next()) return std::nullopt;
      if (event_.type == YAML_MAPPING_END_EVENT) return node;
      const int key_line = Line();
      std::optional<YamlNode> key = Node();
      if (!key) return std::nullopt;
      if (!key->IsScalar()) return Fail(key_line, "имя поля должно быть простым словом, а не списком или набором полей");
      if (!Next()) return std::nullopt;
      std::optional<YamlNode> value = Node();
      if (!value) return std::nullopt;
      node.Add(std::move(*key), std::move(*value));
    }
  }

  const std::string& path_;
  const int first_line_;
  Diagnostics* diagnostics_;
  yaml_parser_t parser_;
  yaml_event_t event_;
  bool has_event_ = false;
  std::map<std::string, YamlNode> anchors_;
};

}  // namespace

YamlNode YamlNode::Scalar(std::string text, int line, bool quoted) {
  YamlNode node(Kind::kScalar, line);
  node.text_ = std::move(text);
  node.quoted_ = quoted;
  return node;
}

std::optional<bool> YamlNode::AsBool() const {
  if (!IsScalar() || quoted_) return std::nullopt;
  std::string lower = text_;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "true" || lower == "yes" || lower == "on") return true;
  if (lower == "false" || lower == "no" || lower == "off") return false;
  return std::nullopt;
}

std::optional<YamlNode> ParseYaml(const std::string& path, std::string_view text, int first_line,
                                  Diagnostics* diagnostics) {
  return Composer(path, text, first_line, diagnostics).Compose();
}

}  // namespace otklik
