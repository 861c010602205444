#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/yaml_node.h"
#include "core/diagnostic.h"

namespace otklik {

/// A Markdown file with YAML front matter between two "---" lines.
struct Document {
  std::string path;         ///< As the user named it, e.g. "content/services/pension.md".
  std::string id;           ///< The file name without ".md".
  YamlNode front_matter;    ///< Always a map (empty when there is no front matter).
  std::string body;         ///< The Markdown after the closing "---".
};

/// Splits and parses `text`. Reports a missing closing "---", YAML syntax
/// errors and a front matter that is not a map to `diagnostics` with their
/// file line, and then returns nullopt.
std::optional<Document> ParseDocument(std::string path, std::string_view text, Diagnostics* diagnostics);

/// Parses a whole YAML file that must hold a map (site.yaml, surveys).
std::optional<YamlNode> ParseYamlMap(const std::string& path, std::string_view text, int first_line,
                                       Diagnostics* diagnostics);

/// "dir/sub/name.md" → "name".
std::string FileStem(std::string_view path);

/// True for ids made of lowercase Latin letters, digits and inner hyphens.
bool IsValidId(std::string_view id);

}  // namespace otklik
