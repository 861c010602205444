#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace otklik {

/// A file opened for appending durably: the seam between the segment writer
/// and the disk, so tests can make the disk fill up or fail.
class AppendFile {
 public:
  virtual ~AppendFile() = default;
  /// The file's size in bytes.
  virtual Result<uint64_t> Size() const = 0;
  /// The last `count` bytes (fewer if the file is shorter).
  virtual Result<std::string> Tail(size_t count) const = 0;
  /// Appends all of `bytes` or fails; a failed append may leave part of them.
  virtual Status Append(std::string_view bytes) = 0;
  /// Makes everything appended so far durable (fdatasync).
  virtual Status Sync() = 0;
  /// Cuts the file back to `size` bytes and makes that durable.
  virtual Status Truncate(uint64_t size) = 0;
};

/// Opens (creating when absent, with its folders) a file for appending.
/// Fails if another process holds it: one writer per segment.
using AppendFileOpener = std::function<std::unique_ptr<AppendFile>(const std::string& path, Status* status)>;

/// The real disk: O_APPEND, fdatasync, an exclusive flock, and a synced
/// parent folder when the file or a folder is created.
std::unique_ptr<AppendFile> OpenDiskAppendFile(const std::string& path, Status* status);

}  // namespace otklik
