#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/status.h"

namespace otklik {

/// Watches folders recursively with inotify, folders created later included,
/// and reports the files saved, moved or deleted in them. Hidden files and
/// editors' scratch files (name~, .name.swp, 4913) are ignored.
class Watcher {
 public:
  /// Watches every folder in `dirs` that exists; fails when inotify cannot.
  static Result<std::unique_ptr<Watcher>> Start(const std::vector<std::string>& dirs);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Blocks until something changes, then keeps collecting until nothing
  /// more happens for `settle` (one save is often several events). Returns
  /// the changed paths, sorted and unique; empty once Stop() was called.
  std::vector<std::string> Wait(std::chrono::milliseconds settle);
  /// Wakes Wait() for good. Safe from another thread.
  void Stop();

 private:
  Watcher(int inotify, int wake_read, int wake_write);
  void AddTree(const std::string& dir);
  // Reads the pending events into `changed`, and the files that were
  // written and then moved away or deleted (an editor's or sed's scratch
  // copy) into `scratch`; false when woken by Stop().
  bool Drain(int timeout_ms, std::vector<std::string>* changed, std::set<std::string>* scratch);

  int inotify_;
  int wake_read_;
  int wake_write_;
  std::map<int, std::string> folders_;  ///< watch descriptor → folder
  std::set<std::string> written_;       ///< files written in the batch being collected
};

}  // namespace otklik
