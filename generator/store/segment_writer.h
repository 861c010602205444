#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "store/append_file.h"

namespace otklik {

/// Appends response lines to JSON Lines segments durably, with group commit:
/// appends that arrive while a batch is being written wait for the next
/// batch, and one fdatasync per touched file covers the whole batch. Append()
/// returns only after its line is on disk; when the disk refuses, it fails
/// and the file is cut back, so no partial line stays. One writer per
/// instance id: segments are <data>/responses/<survey>/<day>.<instance>.jsonl.
/// Thread-safe.
class SegmentWriter {
 public:
  struct Options {
    std::string data_dir;                       ///< Default: none; REQUIRED.
    std::string instance = "r1";                ///< Default "r1"; one per receiver process.
    AppendFileOpener open = OpenDiskAppendFile;  ///< The disk; tests pass a fake.
    /// Told about torn lines found and cut off. Default: ignore.
    std::function<void(const std::string&)> report = [](const std::string&) {};
  };

  explicit SegmentWriter(Options options);
  /// Finishes every queued append, then stops.
  ~SegmentWriter();
  SegmentWriter(const SegmentWriter&) = delete;
  SegmentWriter& operator=(const SegmentWriter&) = delete;

  /// Cuts off a torn last line (left by a crash in the middle of a write) in
  /// every existing segment of `files` (paths of this instance's segments)
  /// and reports each. Call once at start, before Append.
  Status Recover(const std::vector<std::string>& files);

  /// Appends `line` (one complete line ending in '\n') to the segment of
  /// `survey` for `day` and returns once it is durable.
  Status Append(const std::string& survey, const Date& day, std::string line);

  /// The segment file of `survey` for `day`.
  std::string SegmentPath(const std::string& survey, const Date& day) const;
  /// How many lines were made durable, and with how many syncs.
  uint64_t lines() const;
  uint64_t syncs() const;

 private:
  struct Pending {
    std::string path;
    std::string line;
    Status status;
    bool done = false;
    std::condition_variable finished;  ///< Wakes only this caller (under mutex_).
  };

  void Run();
  void Commit(const std::vector<Pending*>& batch);
  AppendFile* FileFor(const std::string& path, Status* status);
  Status CutTornTail(AppendFile& file, const std::string& path);

  Options options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending*> queue_;
  bool stopping_ = false;
  uint64_t lines_ = 0;
  uint64_t syncs_ = 0;
  std::map<std::string, std::unique_ptr<AppendFile>> files_;  ///< Only the committer thread touches it.
  std::thread committer_;
};

}  // namespace otklik
