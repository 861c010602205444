#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "content/yaml_node.h"

namespace otklik {

/// A reference to another item by id, with the line it was written on, so
/// that an unknown id can be reported where it stands.
struct Ref {
  std::string id;
  int line = 0;
  bool operator==(const Ref&) const = default;
};

/// Reads typed fields out of one YAML map and reports every problem as a
/// diagnostic at the field's line: missing required fields, wrong types,
/// values out of range and, on Finish(), keys nobody asked for (typos).
/// Each getter returns a usable default after reporting, so loading goes on.
class FieldReader {
 public:
  /// Reads `map` (any other node reads as an empty map). REQUIRES: `map`
  /// outlives this reader and the readers Map() and MapList() return.
  FieldReader(const YamlNode& map, std::string path, Diagnostics* diagnostics);

  bool Has(const std::string& key) const { return fields_.count(key) > 0; }
  /// The map's keys in file order (without repeats).
  const std::vector<std::string>& keys() const { return order_; }
  /// The file line of `key`, or of the map itself when the key is absent.
  int LineOf(const std::string& key) const;
  int line() const { return line_; }
  const std::string& path() const { return path_; }

  std::string RequiredString(const std::string& key);
  std::string OptionalString(const std::string& key, const std::string& fallback = "");
  /// A web address (IsWebAddress), or `fallback` when absent; anything else,
  /// a `javascript:` link among them, is reported at its line.
  std::string OptionalUrl(const std::string& key, const std::string& fallback = "");
  /// An e-mail address (IsEmailAddress), or "" when absent.
  std::string OptionalEmail(const std::string& key);
  /// A non-empty scalar that must be one of `allowed`.
  std::string Choice(const std::string& key, const std::vector<std::string>& allowed,
                     const std::string& fallback = "");
  bool Bool(const std::string& key, bool fallback);
  int Int(const std::string& key, int fallback, int min, int max);
  std::optional<Date> OptionalDate(const std::string& key);
  /// A list of ids (a single scalar counts as a one-item list).
  std::vector<Ref> RefList(const std::string& key);
  /// A nested map; an empty map when absent.
  FieldReader Map(const std::string& key);
  /// A list of maps, each wrapped in its own reader.
  std::vector<FieldReader> MapList(const std::string& key);

  /// Counts `key` as read, so that Finish() does not report it (for a field
  /// the caller has reported in its own words).
  void MarkRead(const std::string& key) { taken_.insert(key); }

  /// Reports the keys that were never read, suggesting the closest known one
  /// from `known` (defaults to the keys that were read).
  void Finish(const std::vector<std::string>& known = {});

  void Error(int line, std::string message) const;

 private:
  struct Field {
    const YamlNode* key;
    const YamlNode* value;
  };
  /// A reader with no fields whose missing fields are reported at `line`.
  FieldReader(std::string path, int line, Diagnostics* diagnostics);
  const Field* Take(const std::string& key);
  std::optional<std::string> Scalar(const std::string& key, const Field& field);

  std::string path_;
  int line_;
  bool flow_ = false;  ///< Written in braces: an unquoted comma in a value makes a key of what follows.
  Diagnostics* diagnostics_;
  std::map<std::string, Field> fields_;
  std::vector<std::string> order_;
  std::set<std::string> taken_;
};

/// "https://host/…" or "http://host/…": a scheme a browser only navigates
/// with, a host, and no spaces or control characters.
bool IsWebAddress(std::string_view text);
/// "name@host.domain" with no spaces, control characters, ':' or '/', so
/// that a "mailto:" link made of it opens a letter and nothing else.
bool IsEmailAddress(std::string_view text);

}  // namespace otklik
