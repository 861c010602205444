#include "site/page_manifest.h"

#include <charconv>
#include <string_view>

namespace otklik {

namespace {

constexpr std::string_view kHeader = "otklik-pages 1\n";

template <typename Number>
bool ParseNumber(std::string_view text, Number* value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

// "<key> <size> <modified_ns> <path>": the path last, as it may hold anything but a newline.
std::optional<std::pair<std::string, PageManifest::Entry>> ParseLine(std::string_view line) {
  std::string_view fields[3];
  for (std::string_view& field : fields) {
    const size_t space = line.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    field = line.substr(0, space);
    line.remove_prefix(space + 1);
  }
  const std::optional<Fingerprint> key = Fingerprint::FromHex(fields[0]);
  PageManifest::Entry entry;
  if (!key || line.empty() || !ParseNumber(fields[1], &entry.stamp.size) ||
      !ParseNumber(fields[2], &entry.stamp.modified_ns)) {
    return std::nullopt;
  }
  entry.key = *key;
  return std::pair(std::string(line), entry);
}

}  // namespace

PageManifest PageManifest::Load(const FileSystem& fs, const std::string& file) {
  PageManifest manifest;
  Result<std::string> text = fs.ReadFile(file);
  if (!text.ok() || !std::string_view(text.value()).starts_with(kHeader)) return manifest;
  std::string_view rest = std::string_view(text.value()).substr(kHeader.size());
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    if (end == std::string_view::npos) return {};  // cut short: trust none of it
    std::optional<std::pair<std::string, Entry>> line = ParseLine(rest.substr(0, end));
    if (!line) return {};
    manifest.entries_.insert(std::move(*line));
    rest.remove_prefix(end + 1);
  }
  return manifest;
}

Status PageManifest::Save(FileSystem& fs, const std::string& file) const {
  if (entries_.empty()) return fs.RemoveAll(file);
  std::string text(kHeader);
  text.reserve(entries_.size() * 96);
  for (const auto& [path, entry] : entries_) {
    text += entry.key.Hex();
    text += ' ';
    text += std::to_string(entry.stamp.size);
    text += ' ';
    text += std::to_string(entry.stamp.modified_ns);
    text += ' ';
    text += path;
    text += '\n';
  }
  return fs.WriteFile(file, text);
}

const PageManifest::Entry* PageManifest::Find(const FileSystem& fs, const std::string& dir,
                                              const std::string& relative) const {
  const auto it = entries_.find(relative);
  if (it == entries_.end()) return nullptr;
  const std::optional<FileStamp> stamp = fs.Stamp(JoinPath(dir, relative));
  return stamp && *stamp == it->second.stamp ? &it->second : nullptr;
}

}  // namespace otklik
