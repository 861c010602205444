#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace otklik {

/// One value of a parsed YAML document: null, a scalar (always kept as its
/// text), a sequence or a map whose entries keep their order. Every node
/// knows the file line it starts on, so content errors point at it.
class YamlNode {
 public:
  enum class Kind { kNull, kScalar, kSequence, kMap };
  using Entry = std::pair<YamlNode, YamlNode>;

  YamlNode() = default;
  static YamlNode Null(int line) { return YamlNode(Kind::kNull, line); }
  static YamlNode Scalar(std::string text, int line, bool quoted = false);
  static YamlNode Sequence(int line) { return YamlNode(Kind::kSequence, line); }
  static YamlNode Map(int line, bool flow = false) {
    YamlNode node(Kind::kMap, line);
    node.flow_ = flow;
    return node;
  }

  Kind kind() const { return kind_; }
  bool IsNull() const { return kind_ == Kind::kNull; }
  bool IsScalar() const { return kind_ == Kind::kScalar; }
  bool IsSequence() const { return kind_ == Kind::kSequence; }
  bool IsMap() const { return kind_ == Kind::kMap; }
  /// 1-based file line; 0 for a node made without one.
  int line() const { return line_; }

  /// REQUIRES: IsScalar(). The text as written, quotes removed.
  const std::string& text() const { return text_; }
  /// True when the scalar was written in quotes ("yes" is then a string, not a flag).
  bool quoted() const { return quoted_; }
  /// For a plain scalar true/false (also yes/no, on/off, any case); nullopt otherwise.
  std::optional<bool> AsBool() const;

  /// REQUIRES: IsSequence().
  const std::vector<YamlNode>& items() const { return items_; }
  /// REQUIRES: IsMap(). Keys are scalars, in file order; repeats are kept.
  const std::vector<Entry>& entries() const { return entries_; }
  /// True for a map written in braces, {a: 1, b: 2}, where an unquoted
  /// comma in a value starts a new key.
  bool flow() const { return flow_; }

  void Append(YamlNode item) { items_.push_back(std::move(item)); }
  void Add(YamlNode key, YamlNode value) { entries_.emplace_back(std::move(key), std::move(value)); }

 private:
  YamlNode(Kind kind, int line) : kind_(kind), line_(line) {}

  Kind kind_ = Kind::kNull;
  int line_ = 0;
  bool quoted_ = false;
  bool flow_ = false;
  std::string text_;
  std::vector<YamlNode> items_;
  std::vector<Entry> entries_;
};

/// Parses `text`, one YAML document (libyaml), whose first line is file line
/// `first_line` of `path`. An empty document is a null node. A syntax error
/// is reported as "path:line: ошибка в YAML: …" with a Russian explanation of
/// the usual causes, and then the result is nullopt. Aliases (*name) are
/// resolved to copies of their anchors; a map key must be a scalar.
std::optional<YamlNode> ParseYaml(const std::string& path, std::string_view text, int first_line,
                                  Diagnostics* diagnostics);

}  // namespace otklik
