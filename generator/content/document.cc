#include "content/document.h"

#include <algorithm>

#include "core/utf8.h"

namespace otklik {

namespace {

// Returns the line (without its end) starting at `pos`, and moves `pos` past it.
std::string_view NextLine(std::string_view text, size_t* pos) {
  const size_t end = text.find('\n', *pos);
  std::string_view line = text.substr(*pos, end == std::string_view::npos ? text.npos : end - *pos);
  *pos = end == std::string_view::npos ? text.size() : end + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

std::optional<YamlNode> ParseYamlMap(const std::string& path, std::string_view text, int first_line,
                                     Diagnostics* diagnostics) {
  std::optional<YamlNode> node = ParseYaml(path, text, first_line, diagnostics);
  if (!node) return std::nullopt;
  if (node->IsNull()) return YamlNode::Map(first_line);
  if (!node->IsMap()) {
    diagnostics->Add(path, node->line(), "ожидается набор полей «ключ: значение»");
    return std::nullopt;
  }
  return node;
}

std::optional<Document> ParseDocument(std::string path, std::string_view text, Diagnostics* diagnostics) {
  Document doc;
  doc.id = FileStem(path);
  doc.path = std::move(path);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
  size_t pos = 0;
  // The body is published as it is: a byte that is not UTF-8 is refused at its line.
  const auto valid_body = [&](size_t body_start) {
    const size_t bad = FirstInvalidUtf8(text.substr(body_start));
    if (bad == std::string_view::npos) return true;
    const size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + body_start + bad, '\n'));
    diagnostics->Add(doc.path, static_cast<int>(line), "в тексте есть байты не в кодировке UTF-8; сохраните файл в UTF-8");
    return false;
  };
  if (NextLine(text, &pos) != "---") {
    if (!valid_body(0)) return std::nullopt;
    doc.front_matter = YamlNode::Map(1);
    doc.body = std::string(text);
    return doc;
  }
  const size_t yaml_start = pos;
  for (;;) {
    if (pos >= text.size()) {
      diagnostics->Add(doc.path, 1, "блок полей открыт строкой «---», но не закрыт второй строкой «---»");
      return std::nullopt;
    }
    const size_t line_start = pos;
    if (NextLine(text, &pos) == "---") {
      auto front = ParseYamlMap(doc.path, text.substr(yaml_start, line_start - yaml_start), 2, diagnostics);
      if (!front || !valid_body(pos)) return std::nullopt;
      doc.front_matter = std::move(*front);
      doc.body = std::string(text.substr(pos));
      return doc;
    }
  }
}

std::string FileStem(std::string_view path) {
  const size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

bool IsValidId(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace otklik
