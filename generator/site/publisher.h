#pragma once

#include <string>

#include "core/file_system.h"
#include "core/status.h"

namespace otklik {

/// Writes a new site into a staging folder beside the output folder and then
/// swaps it in atomically. Until Commit() succeeds the previous output is
/// untouched; an abandoned Publisher removes its staging folder.
class Publisher {
 public:
  /// REQUIRES: `out_dir` is not empty.
  Publisher(FileSystem& fs, std::string out_dir);
  ~Publisher();
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  /// Checks that `out_dir` is either absent, empty or an earlier Otklik
  /// output (it has the marker file), and clears a stale staging folder.
  Status Begin();
  /// Writes `bytes` to `relative` (e.g. "services/x/index.html") in staging.
  Status Write(const std::string& relative, std::string_view bytes);
  /// Swaps staging in for the output folder.
  Status Commit();

  const std::string& staging_dir() const { return staging_; }
  /// The hidden file that marks a folder as Otklik's output.
  static constexpr const char* kMarker = ".otklik-site";

 private:
  FileSystem& fs_;
  std::string out_;
  std::string staging_;
  bool committed_ = false;
};

}  // namespace otklik
