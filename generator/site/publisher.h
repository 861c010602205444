#pragma once

#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "core/status.h"

namespace otklik {

/// Publishes a site atomically with two trees: the output folder, which web
/// servers read, and a hidden staging folder beside it (".site.staging" for
/// "site"). A build writes into staging, which holds the previous
/// publication, updating it in place: unchanged files are not rewritten and
/// files the build did not produce are removed. Commit() then swaps the two
/// folders in one atomic step, and the old publication becomes the staging
/// folder of the next build. Until Commit() succeeds the output folder is
/// untouched. Write() may be called from several threads at once.
class Publisher {
 public:
  /// REQUIRES: `out_dir` is not empty.
  Publisher(FileSystem& fs, std::string out_dir);
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  /// Checks that `out_dir` is either absent, empty or an earlier Otklik
  /// output (it has the marker file) and prepares the staging folder.
  Status Begin();
  /// Writes `bytes` to `relative` (e.g. "services/x/index.html") in staging,
  /// unless the file there already holds exactly these bytes, and notes
  /// whether it differs from the published file.
  Status Write(const std::string& relative, std::string_view bytes);
  /// Removes what this build did not write, then swaps staging in.
  Status Commit();

  const std::string& staging_dir() const { return staging_; }
  /// Files written (or found already up to date) so far.
  size_t files() const;
  /// Of those, the files that are new or differ from the published ones.
  size_t changed() const;
  /// Their paths, sorted.
  std::vector<std::string> changed_files() const;
  /// The hidden file that marks a folder as Otklik's output.
  static constexpr const char* kMarker = ".otklik-site";

 private:
  Status RemoveStaleFiles();

  FileSystem& fs_;
  std::string out_;
  std::string staging_;
  mutable std::mutex mutex_;
  std::set<std::string> written_;
  std::set<std::string> changed_;
};

}  // namespace otklik
