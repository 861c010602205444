#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace otklik {

/// What tells a file's later state from the one it had: its size and the
/// time of its last change (to the nanosecond the file system keeps).
struct FileStamp {
  uint64_t size = 0;
  int64_t modified_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

/// The seam between Otklik and the disk. Paths are plain strings joined with
/// '/'. Implementations are safe to call from several threads at once.
class FileSystem {
 public:
  virtual ~FileSystem() = default;

  /// The whole file. Fails with "path: не удалось прочитать файл: reason".
  virtual Result<std::string> ReadFile(const std::string& path) const = 0;
  /// Regular files below `dir`, recursively, as paths relative to `dir`,
  /// sorted bytewise. Hidden entries (starting with '.') are skipped.
  /// Empty when `dir` does not exist.
  virtual std::vector<std::string> ListFiles(const std::string& dir) const = 0;
  virtual bool IsDirectory(const std::string& path) const = 0;
  virtual bool IsFile(const std::string& path) const = 0;
  /// True for a directory with no entries at all, hidden ones included.
  virtual bool IsEmptyDirectory(const std::string& path) const = 0;
  /// The stamp of a regular file; nothing when there is none.
  virtual std::optional<FileStamp> Stamp(const std::string& path) const = 0;

  /// Creates or replaces `path`, creating missing parent directories.
  virtual Status WriteFile(const std::string& path, std::string_view bytes) = 0;
  /// Writes `bytes` to a hidden file beside `path`, flushes it to the disk and
  /// renames it over `path`: readers and a crash leave either the old file or
  /// the whole new one, never a part.
  virtual Status ReplaceFile(const std::string& path, std::string_view bytes) = 0;
  /// Removes a file or a directory tree; succeeds when nothing is there.
  virtual Status RemoveAll(const std::string& path) = 0;
  /// Removes `path` if it is an empty directory; does nothing otherwise.
  virtual void RemoveEmptyDirectory(const std::string& path) = 0;
  /// Swaps the directories `staging` and `target` in one atomic step, so that
  /// `target` holds what `staging` held and `staging` the previous `target`.
  /// When `target` does not exist, `staging` is renamed to it. On failure
  /// both are unchanged.
  virtual Status ExchangeDirectories(const std::string& staging, const std::string& target) = 0;
};

/// The real disk (POSIX). ExchangeDirectories uses renameat2(RENAME_EXCHANGE)
/// so readers of `target` never see a missing or half-written site.
class RealFileSystem : public FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path) const override;
  std::vector<std::string> ListFiles(const std::string& dir) const override;
  bool IsDirectory(const std::string& path) const override;
  bool IsFile(const std::string& path) const override;
  bool IsEmptyDirectory(const std::string& path) const override;
  std::optional<FileStamp> Stamp(const std::string& path) const override;
  Status WriteFile(const std::string& path, std::string_view bytes) override;
  Status ReplaceFile(const std::string& path, std::string_view bytes) override;
  Status RemoveAll(const std::string& path) override;
  void RemoveEmptyDirectory(const std::string& path) override;
  Status ExchangeDirectories(const std::string& staging, const std::string& target) override;
};

/// An in-memory file system for tests, with fault injection. A file's stamp
/// is its size and a hash of its bytes: it changes whenever they do.
class MemoryFileSystem : public FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path) const override;
  std::vector<std::string> ListFiles(const std::string& dir) const override;
  bool IsDirectory(const std::string& path) const override;
  bool IsFile(const std::string& path) const override;
  bool IsEmptyDirectory(const std::string& path) const override;
  std::optional<FileStamp> Stamp(const std::string& path) const override;
  Status WriteFile(const std::string& path, std::string_view bytes) override;
  Status ReplaceFile(const std::string& path, std::string_view bytes) override;
  Status RemoveAll(const std::string& path) override;
  void RemoveEmptyDirectory(const std::string& path) override;
  Status ExchangeDirectories(const std::string& staging, const std::string& target) override;

  /// Every later write to a path starting with `prefix` fails as a full disk would.
  void FailWritesUnder(const std::string& prefix);
  /// A snapshot of all files, path → bytes.
  std::map<std::string, std::string> Files() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> files_;
  std::set<std::string> failing_prefixes_;
};

/// Joins two path parts with exactly one '/'.
std::string JoinPath(std::string_view a, std::string_view b);
/// "a/b/c.md" → "a/b"; "c.md" → "".
std::string ParentPath(std::string_view path);
/// A hidden folder beside `dir` for its tool's own use, named after it:
/// ("out/site", "staging") → "out/.site.staging"; trailing slashes ignored.
std::string HiddenSibling(std::string_view dir, std::string_view what);

}  // namespace otklik
