#include "store/segment_writer.h"

#include "core/file_system.h"

namespace otklik {

namespace {

// A line never comes near this: the receiver's body limit is far smaller.
constexpr size_t kLongestLine = 4 << 20;
// Segments of other days are closed once this many files are open.
constexpr size_t kMostOpenFiles = 64;

}  // namespace

SegmentWriter::SegmentWriter(Options options) : options_(std::move(options)), committer_([this] { Run(); }) {}

SegmentWriter::~SegmentWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  committer_.join();
}

std::string SegmentWriter::SegmentPath(const std::string& survey, const Date& day) const {
  return JoinPath(options_.data_dir, "responses/" + survey + "/" + day.ToString() + "." + options_.instance + ".jsonl");
}

uint64_t SegmentWriter::lines() const {
  std::lock_guard lock(mutex_);
  return lines_;
}

uint64_t SegmentWriter::syncs() const {
  std::lock_guard lock(mutex_);
  return syncs_;
}

Status SegmentWriter::CutTornTail(AppendFile& file, const std::string& path) {
  const Result<uint64_t> measured = file.Size();
  if (!measured.ok()) return measured.status();
  const uint64_t size = measured.value();
  if (size == 0) return Status::Ok();
  Result<std::string> tail = file.Tail(kLongestLine);
  if (!tail.ok()) return tail.status();
  if (tail.value().back() == '\n') return Status::Ok();
  const size_t last_end = tail.value().rfind('\n');
  const uint64_t keep = last_end == std::string::npos ? size - tail.value().size() : size - tail.value().size() + last_end + 1;
  if (Status cut = file.Truncate(keep); !cut.ok()) return cut;
  options_.report(path + ": последняя строка оборвана (сбой при записи, ответ не был подтверждён); отрезано " +
                  std::to_string(size - keep) + " байт");
  return Status::Ok();
}

Status SegmentWriter::Recover(const std::vector<std::string>& files) {
  for (const std::string& path : files) {
    Status opened;
    std::unique_ptr<AppendFile> file = options_.open(path, &opened);
    if (!file) return opened;
    if (Status cut = CutTornTail(*file, path); !cut.ok()) return cut;
  }
  return Status::Ok();
}

Status SegmentWriter::Append(const std::string& survey, const Date& day, std::string line) {
  Pending pending{SegmentPath(survey, day), std::move(line), Status::Ok(), false, {}};
  std::unique_lock lock(mutex_);
  queue_.push_back(&pending);
  wake_.notify_one();
  pending.finished.wait(lock, [&] { return pending.done; });
  return pending.status;
}

void SegmentWriter::Run() {
  for (;;) {
    std::vector<Pending*> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to write
      batch.assign(queue_.begin(), queue_.end());
      queue_.clear();
    }
    Commit(batch);  // meanwhile, new appends queue up for the next batch
    // Each caller of the batch is woken alone: one condition for all would
    // also wake, for nothing, every caller already queued for the next batch.
    // Notified under the lock, so no caller returns (and frees its Pending)
    // before its notification is made.
    std::lock_guard lock(mutex_);
    for (Pending* pending : batch) {
      pending->done = true;
      pending->finished.notify_one();
    }
  }
}

AppendFile* SegmentWriter::FileFor(const std::string& path, Status* status) {
  if (const auto it = files_.find(path); it != files_.end()) return it->second.get();
  std::unique_ptr<AppendFile> file = options_.open(path, status);
  if (!file) return nullptr;
  if (*status = CutTornTail(*file, path); !status->ok()) return nullptr;
  return (files_[path] = std::move(file)).get();
}

// Writes each file's lines with one append, then syncs each file once. A
// file whose append or sync fails is cut back to its size before the batch.
void SegmentWriter::Commit(const std::vector<Pending*>& batch) {
  // Close old segments between batches, never while one is being written.
  if (files_.size() >= kMostOpenFiles) files_.clear();
  std::map<std::string, std::vector<Pending*>> by_file;
  for (Pending* pending : batch) by_file[pending->path].push_back(pending);
  struct Written {
    AppendFile* file;
    uint64_t size_before;
    std::vector<Pending*>* pendings;
  };
  std::vector<Written> written;
  const auto fail = [&](std::vector<Pending*>& pendings, const std::string& path, const Status& why) {
    for (Pending* pending : pendings) pending->status = why;
    files_.erase(path);  // reopen next time, in case the file itself is the problem
  };
  for (auto& [path, pendings] : by_file) {
    Status status;
    AppendFile* file = FileFor(path, &status);
    if (!file) {
      fail(pendings, path, status);
      continue;
    }
    std::string bytes;
    for (Pending* pending : pendings) bytes += pending->line;
    const Result<uint64_t> size_before = file->Size();
    if (!size_before.ok()) {  // without it a failure could not be undone: write nothing
      fail(pendings, path, size_before.status());
      continue;
    }
    if (Status appended = file->Append(bytes); !appended.ok()) {
      file->Truncate(size_before.value());
      fail(pendings, path, appended);
      continue;
    }
    written.push_back({file, size_before.value(), &pendings});
  }
  uint64_t lines = 0;
  uint64_t syncs = 0;
  for (const Written& w : written) {
    Status synced = w.file->Sync();
    if (!synced.ok()) {
      w.file->Truncate(w.size_before);
      fail(*w.pendings, w.pendings->front()->path, synced);
      continue;
    }
    lines += w.pendings->size();
    ++syncs;
  }
  std::lock_guard lock(mutex_);
  lines_ += lines;
  syncs_ += syncs;
}

}  // namespace otklik
