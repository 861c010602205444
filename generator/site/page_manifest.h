#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/file_system.h"
#include "core/fingerprint.h"

namespace otklik {

/// What one output tree holds, page by page: the key of the render that made
/// each page's file (the program, the templates and the page's view) and the
/// file's stamp when that render wrote it. A build that finds a page's key
/// and an unchanged stamp there knows the file's bytes without reading it,
/// and a page whose key is the same in both trees need not be rendered.
/// Kept in a hidden file beside the trees (".site.pages" for "site"), not in
/// them: a tree holds only what the build publishes, byte for byte the same
/// for the same inputs, and file times are not.
class PageManifest {
 public:
  struct Entry {
    Fingerprint key;
    FileStamp stamp;
  };
  /// The manifest in `file`; empty when there is none or the file is not
  /// one this program wrote (an older format, a damaged line).
  static PageManifest Load(const FileSystem& fs, const std::string& file);
  /// Writes it to `file`, or removes `file` when the manifest is empty.
  Status Save(FileSystem& fs, const std::string& file) const;

  /// The entry of `relative` if the file at `dir/relative` still has the stamp it was written with.
  const Entry* Find(const FileSystem& fs, const std::string& dir, const std::string& relative) const;
  void Set(const std::string& relative, const Entry& entry) { entries_[relative] = entry; }
  size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, Entry> entries_;
};

}  // namespace otklik
