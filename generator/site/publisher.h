#pragma once

#include <future>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "core/fingerprint.h"
#include "core/status.h"
#include "site/page_manifest.h"

namespace otklik {

/// Publishes a site atomically with two trees: the output folder, which web
/// servers read, and a hidden staging folder beside it (".site.staging" for
/// "site"). A build writes into staging, which holds the previous
/// publication, updating it in place: unchanged files are not rewritten and
/// files the build did not produce are removed. Commit() then swaps the two
/// folders in one atomic step, and the old publication becomes the staging
/// folder of the next build. Until Commit() succeeds the output folder is
/// untouched. Write() and Reuse() may be called from several threads at once.
///
/// Each tree has a PageManifest beside it (".site.pages",
/// ".site.staging-pages"): pages written with a key (a fingerprint
/// of everything their render depends on) are remembered with it, so that a
/// later build with the same key neither renders nor reads them.
class Publisher {
 public:
  /// REQUIRES: `out_dir` is not empty.
  Publisher(FileSystem& fs, std::string out_dir);
  /// A part of `portal`'s tree, the folder `folder` of it (a region's
  /// agency): writes go to `portal` under that folder, Begin() and Commit()
  /// do nothing, and `portal` commits the whole tree at once.
  Publisher(Publisher& portal, std::string folder);
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  /// Checks that `out_dir` is either absent, empty or an earlier Otklik
  /// output (it has the marker file) and prepares the staging folder.
  Status Begin();
  /// Writes `bytes` to `relative` (e.g. "services/x/index.html") in staging,
  /// unless the file there already holds exactly these bytes, and notes
  /// whether it differs from the published file. The file is remembered with
  /// `key`, the render that made `bytes` (by default a fingerprint of the
  /// bytes themselves), and a tree whose manifest has this key for it is
  /// known to hold these bytes without a read.
  Status Write(const std::string& relative, std::string_view bytes, const Fingerprint* key = nullptr);
  /// Whether the page rendered with `key` is published already (unchanged)
  /// and is now in staging too, copied from the published tree if need be:
  /// then it need not be rendered. False when it must be; on an error too
  /// (the render then writes it and reports what still fails).
  bool Reuse(const std::string& relative, const Fingerprint& key);
  /// Keeps every published file below `folder` as it is (a region's agency
  /// whose inputs did not change): each is in staging afterwards, copied
  /// from the published tree if need be, and counted as written.
  Status KeepFolder(const std::string& folder);
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
  /// Those of `files` (written_ or changed_) under `prefix`, without it.
  std::vector<std::string> FilesUnder(const std::string& prefix, const std::set<std::string>& files) const;
  /// Notes the file's key with its stamp in staging, read from disk or known.
  void Remember(const std::string& relative, const Fingerprint& key);
  void Remember(const std::string& relative, const Fingerprint& key, const FileStamp& stamp);

  FileSystem& fs_;
  Publisher* portal_ = nullptr;  ///< for a part of a portal's tree
  std::string prefix_;           ///< its folder, with a slash
  std::string out_;
  std::string staging_;
  mutable std::mutex mutex_;
  std::set<std::string> written_;
  std::set<std::string> changed_;
  PageManifest published_pages_;  ///< the output folder's, as Begin() found it
  PageManifest staged_pages_;     ///< the staging folder's, as Begin() found it
  PageManifest pages_;            ///< this build's: the output folder's after Commit()
  std::future<std::vector<std::string>> staged_files_;  ///< staging's files at Begin()
  bool published_ = false;        ///< whether the output folder existed at Begin()
  bool staged_ = false;           ///< whether staging held an earlier publication at Begin()
};

}  // namespace otklik
