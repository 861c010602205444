#include "store/segment_writer.h"

#include <stdlib.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "../temp_dir.h"
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <thread>

namespace otklik::segment_writer_test {
namespace {

const Date kDay(2026, 11, 23);
const char kPension[] = "data/responses/pension/2026-11-23.r1.jsonl";

// An in-memory disk shared by the files it opens, with faults to inject: a
// disk that accepts only so many more bytes (and then fails like a full disk,
// keeping what fitted), syncs that fail, opens that fail, and a gate that
// holds the next sync until the test releases it. Thread-safe.
class FakeDisk {
 public:
  std::string Read(const std::string& path) const {
    std::lock_guard lock(mutex_);
    const auto it = files_.find(path);
    return it == files_.end() ? "<absent>" : it->second;
  }
  void Put(const std::string& path, const std::string& bytes) {
    std::lock_guard lock(mutex_);
    files_[path] = bytes;
  }
  void SetSpace(size_t bytes) {
    std::lock_guard lock(mutex_);
    space_ = bytes;
  }
  void FailSyncs(bool fail) {
    std::lock_guard lock(mutex_);
    fail_syncs_ = fail;
  }
  void FailOpens(bool fail) {
    std::lock_guard lock(mutex_);
    fail_opens_ = fail;
  }
  int opens() const {
    std::lock_guard lock(mutex_);
    return opens_;
  }

  /// The next Sync waits, once it has begun, until Release().
  void HoldNextSync() {
    std::lock_guard lock(mutex_);
    hold_next_ = true;
  }
  /// Returns once a sync is being held.
  void WaitUntilHeld() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return holding_; });
  }
  void Release() {
    {
      std::lock_guard lock(mutex_);
      holding_ = false;
    }
    changed_.notify_all();
  }

  AppendFileOpener Opener();

 private:
  friend class FakeFile;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, std::string> files_;
  size_t space_ = std::numeric_limits<size_t>::max();
  bool fail_syncs_ = false;
  bool fail_opens_ = false;
  bool hold_next_ = false;
  bool holding_ = false;
  int opens_ = 0;
};

// One open file of a FakeDisk. The writer owns its files; one it has closed
// keeps its memory and becomes a closed file that fails every call, so that a
// writer using a file after closing it fails a check instead of crashing.
class FakeFile : public AppendFile {
 public:
  FakeFile() = default;  // closed
  FakeFile(FakeDisk* disk, std::string path) : disk_(disk), path_(std::move(path)) {}

  static void* operator new(size_t size) {
    static std::mutex mutex;
    static std::vector<std::unique_ptr<std::byte[]>> kept;
    std::lock_guard lock(mutex);
    return kept.emplace_back(std::make_unique<std::byte[]>(size)).get();
  }
  static void operator delete(void* memory) { ::new (memory) FakeFile(); }

  Result<uint64_t> Size() const override {
    if (!disk_) return Closed();
    std::lock_guard lock(disk_->mutex_);
    return disk_->files_[path_].size();
  }

  Result<std::string> Tail(size_t count) const override {
    if (!disk_) return Closed();
    std::lock_guard lock(disk_->mutex_);
    const std::string& bytes = disk_->files_[path_];
    return bytes.substr(bytes.size() > count ? bytes.size() - count : 0);
  }

  Status Append(std::string_view bytes) override {
    if (!disk_) return Closed();
    std::lock_guard lock(disk_->mutex_);
    const size_t fits = std::min(bytes.size(), disk_->space_);
    disk_->files_[path_].append(bytes.substr(0, fits));
    disk_->space_ -= fits;
    if (fits < bytes.size()) return Status::Error(path_ + ": не удалось записать: No space left on device");
    return Status::Ok();
  }

  Status Sync() override {
    if (!disk_) return Closed();
    std::unique_lock lock(disk_->mutex_);
    if (disk_->hold_next_) {
      disk_->hold_next_ = false;
      disk_->holding_ = true;
      disk_->changed_.notify_all();
      disk_->changed_.wait(lock, [&] { return !disk_->holding_; });
    }
    if (disk_->fail_syncs_) return Status::Error(path_ + ": не удалось сохранить на диск: Input/output error");
    return Status::Ok();
  }

  Status Truncate(uint64_t size) override {
    if (!disk_) return Closed();
    std::lock_guard lock(disk_->mutex_);
    std::string& bytes = disk_->files_[path_];
    if (size < bytes.size()) {
      if (disk_->space_ != std::numeric_limits<size_t>::max()) disk_->space_ += bytes.size() - size;
      bytes.resize(size);
    }
    return Status::Ok();
  }

 private:
  static Status Closed() { return Status::Error("a closed file was used"); }

  FakeDisk* disk_ = nullptr;
  std::string path_;
};

AppendFileOpener FakeDisk::Opener() {
  return [this](const std::string& path, Status* status) -> std::unique_ptr<AppendFile> {
    std::lock_guard lock(mutex_);
    if (fail_opens_) {
      *status = Status::Error(path + ": не удалось открыть: Permission denied");
      return nullptr;
    }
    ++opens_;
    files_[path];
    *status = Status::Ok();
    return std::make_unique<FakeFile>(this, path);
  };
}

// Writer options for `disk`; torn lines cut off are reported to `reports`.
SegmentWriter::Options FakeOptions(FakeDisk* disk, std::vector<std::string>* reports = nullptr) {
  SegmentWriter::Options options;
  options.data_dir = "data";
  options.open = disk->Opener();
  if (reports) options.report = [reports](const std::string& message) { reports->push_back(message); };
  return options;
}

// The lines of `text` (each ending in '\n'), sorted.
std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST_CASE("SegmentWriter::SegmentPath is <data>/responses/<survey>/<day>.<instance>.jsonl") {
  FakeDisk disk;
  SegmentWriter writer(FakeOptions(&disk));
  CHECK(writer.SegmentPath("pension", kDay) == "data/responses/pension/2026-11-23.r1.jsonl");
  CHECK(writer.SegmentPath("pension", Date(2027, 1, 5)) == "data/responses/pension/2027-01-05.r1.jsonl");

  SegmentWriter::Options options = FakeOptions(&disk);
  options.data_dir = "/srv/otklik/data/";
  options.instance = "r2";
  SegmentWriter second(std::move(options));
  CHECK(second.SegmentPath("subsidy-2026", kDay) == "/srv/otklik/data/responses/subsidy-2026/2026-11-23.r2.jsonl");
}

TEST_CASE("SegmentWriter::Append puts each line in the segment of its survey and day") {
  FakeDisk disk;
  SegmentWriter writer(FakeOptions(&disk));
  REQUIRE(writer.Append("pension", kDay, "{\"n\":1}\n").ok());
  REQUIRE(writer.Append("subsidy", kDay, "{\"n\":2}\n").ok());
  REQUIRE(writer.Append("pension", kDay.AddDays(1), "{\"n\":3}\n").ok());
  REQUIRE(writer.Append("pension", kDay, "{\"n\":4}\n").ok());
  CHECK(disk.Read(kPension) == "{\"n\":1}\n{\"n\":4}\n");
  CHECK(disk.Read("data/responses/subsidy/2026-11-23.r1.jsonl") == "{\"n\":2}\n");
  CHECK(disk.Read("data/responses/pension/2026-11-24.r1.jsonl") == "{\"n\":3}\n");
  CHECK(writer.lines() == 4);
  CHECK(writer.syncs() == 4);  // one at a time: nothing to group
  CHECK(disk.opens() == 3);    // a segment stays open between appends
}

TEST_CASE("SegmentWriter group-commits concurrent appends: every line once, fewer syncs than lines") {
  constexpr int kThreads = 8;
  constexpr int kLinesEach = 25;
  FakeDisk disk;
  SegmentWriter writer(FakeOptions(&disk));
  std::vector<int> failures(kThreads, 0);
  const auto append_all = [&](int thread) {
    for (int i = 0; i < kLinesEach; ++i) {
      const std::string line = "t" + std::to_string(thread) + "-" + std::to_string(100 + i) + "\n";
      if (!writer.Append("pension", kDay, line).ok()) ++failures[thread];
    }
  };
  // The first sync waits until everyone has started, so that their lines queue up behind it.
  disk.HoldNextSync();
  std::vector<std::thread> threads;
  threads.emplace_back(append_all, 0);
  disk.WaitUntilHeld();
  for (int thread = 1; thread < kThreads; ++thread) threads.emplace_back(append_all, thread);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  disk.Release();
  for (std::thread& thread : threads) thread.join();

  CHECK(failures == std::vector<int>(kThreads, 0));
  std::vector<std::string> expected;
  for (int thread = 0; thread < kThreads; ++thread) {
    for (int i = 0; i < kLinesEach; ++i)
      expected.push_back("t" + std::to_string(thread) + "-" + std::to_string(100 + i));
  }
  std::sort(expected.begin(), expected.end());
  const std::string stored = disk.Read(kPension);
  CHECK(SortedLines(stored) == expected);
  CHECK(stored.back() == '\n');
  CHECK(writer.lines() == kThreads * kLinesEach);
  CHECK(writer.syncs() < writer.lines());
  CHECK(writer.syncs() >= 2);
}

TEST_CASE("SegmentWriter keeps each thread's lines in the order it appended them") {
  FakeDisk disk;
  SegmentWriter writer(FakeOptions(&disk));
  std::vector<int> failures(2, 0);
  const auto append_all = [&](int thread) {
    for (int i = 10; i < 40; ++i) {
      const std::string line = std::string(1, "ab"[thread]) + std::to_string(i) + "\n";
      if (!writer.Append("pension", kDay, line).ok()) ++failures[thread];
    }
  };
  std::thread a(append_all, 0);
  std::thread b(append_all, 1);
  a.join();
  b.join();
  CHECK(failures == std::vector<int>{0, 0});
  std::vector<std::string> a_lines;
  std::istringstream in(disk.Read(kPension));
  for (std::string line; std::getline(in, line);) {
    if (line[0] == 'a') a_lines.push_back(line);
  }
  CHECK(a_lines.size() == 30);
  CHECK(std::is_sorted(a_lines.begin(), a_lines.end()));  // "a10" … "a39", as appended
}

TEST_CASE("SegmentWriter returns a failed append's error and leaves no partial line, and recovers with the disk") {
  FakeDisk disk;
  std::vector<std::string> reports;
  SegmentWriter writer(FakeOptions(&disk, &reports));
  REQUIRE(writer.Append("pension", kDay, "first\n").ok());

  disk.SetSpace(4);  // "seco" fits, then the disk is full
  const Status full = writer.Append("pension", kDay, "second-line\n");
  CHECK(full.message() == std::string(kPension) + ": не удалось записать: No space left on device");
  CHECK(disk.Read(kPension) == "first\n");
  CHECK_FALSE(writer.Append("pension", kDay, "third-line\n").ok());
  CHECK(disk.Read(kPension) == "first\n");

  disk.SetSpace(1000);
  REQUIRE(writer.Append("pension", kDay, "fourth\n").ok());
  CHECK(disk.Read(kPension) == "first\nfourth\n");
  CHECK(writer.lines() == 2);
  CHECK(reports.empty());  // cut back at once, not left for recovery to find
}

TEST_CASE("SegmentWriter returns a failed sync's error and cuts the file back, and recovers with the disk") {
  FakeDisk disk;
  std::vector<std::string> reports;
  SegmentWriter writer(FakeOptions(&disk, &reports));
  REQUIRE(writer.Append("pension", kDay, "first\n").ok());

  disk.FailSyncs(true);
  const Status failed = writer.Append("pension", kDay, "second\n");
  CHECK(failed.message() == std::string(kPension) + ": не удалось сохранить на диск: Input/output error");
  CHECK(disk.Read(kPension) == "first\n");

  disk.FailSyncs(false);
  REQUIRE(writer.Append("pension", kDay, "third\n").ok());
  CHECK(disk.Read(kPension) == "first\nthird\n");
  CHECK(writer.lines() == 2);
  CHECK(reports.empty());
}

TEST_CASE("SegmentWriter fails every line of a failed batch and cuts the file back to before the batch") {
  FakeDisk disk;
  SegmentWriter writer(FakeOptions(&disk));
  disk.HoldNextSync();
  Status first = Status::Error("not run");
  std::thread held([&] { first = writer.Append("pension", kDay, "first\n"); });
  disk.WaitUntilHeld();
  std::vector<Status> statuses(3, Status::Error("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&, i] { statuses[i] = writer.Append("pension", kDay, "line-" + std::to_string(i) + "\n"); });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  disk.SetSpace(3);  // less than any one line: whatever the batches, each write is cut short
  disk.Release();
  held.join();
  for (std::thread& thread : threads) thread.join();

  CHECK(first.ok());
  for (const Status& status : statuses) {
    CHECK(status.message() == std::string(kPension) + ": не удалось записать: No space left on device");
  }
  CHECK(disk.Read(kPension) == "first\n");
  CHECK(writer.lines() == 1);
}

TEST_CASE("SegmentWriter returns the error of a segment it cannot open, and opens it once it can") {
  FakeDisk disk;
  SegmentWriter writer(FakeOptions(&disk));
  disk.FailOpens(true);
  CHECK(writer.Append("pension", kDay, "first\n").message() ==
        std::string(kPension) + ": не удалось открыть: Permission denied");
  CHECK(disk.Read(kPension) == "<absent>");
  disk.FailOpens(false);
  REQUIRE(writer.Append("pension", kDay, "second\n").ok());
  CHECK(disk.Read(kPension) == "second\n");
  CHECK(writer.lines() == 1);
}

TEST_CASE("SegmentWriter::Recover cuts a torn last line and reports it, and leaves complete files alone") {
  FakeDisk disk;
  const std::string torn = "data/responses/pension/2026-11-22.r1.jsonl";
  const std::string complete = "data/responses/subsidy/2026-11-22.r1.jsonl";
  const std::string empty = "data/responses/subsidy/2026-11-21.r1.jsonl";
  disk.Put(torn, "{\"n\":1}\n{\"n\":2}\n{\"n\":");
  disk.Put(complete, "{\"n\":1}\n");
  disk.Put(empty, "");
  std::vector<std::string> reports;
  SegmentWriter writer(FakeOptions(&disk, &reports));
  REQUIRE(writer.Recover({torn, complete, empty}).ok());
  CHECK(disk.Read(torn) == "{\"n\":1}\n{\"n\":2}\n");
  CHECK(disk.Read(complete) == "{\"n\":1}\n");
  CHECK(disk.Read(empty) == "");
  CHECK(reports ==
        std::vector<std::string>{
            torn + ": последняя строка оборвана (сбой при записи, ответ не был подтверждён); отрезано 5 байт"});
}

TEST_CASE("SegmentWriter::Recover empties a file that holds only a torn line") {
  FakeDisk disk;
  disk.Put(kPension, "{\"answers\":{\"ov");
  std::vector<std::string> reports;
  SegmentWriter writer(FakeOptions(&disk, &reports));
  REQUIRE(writer.Recover({kPension}).ok());
  CHECK(disk.Read(kPension) == "");
  CHECK(reports ==
        std::vector<std::string>{std::string(kPension) + ": последняя строка оборвана (сбой при записи, ответ не был "
                                                         "подтверждён); отрезано 15 байт"});
}

TEST_CASE("SegmentWriter::Recover returns the error of a segment it cannot open") {
  FakeDisk disk;
  disk.FailOpens(true);
  SegmentWriter writer(FakeOptions(&disk));
  CHECK(writer.Recover({kPension}).message() == std::string(kPension) + ": не удалось открыть: Permission denied");
}

TEST_CASE("A torn tail found when a segment is first opened for append is cut before appending") {
  FakeDisk disk;
  disk.Put(kPension, "{\"n\":1}\n{\"n\"");
  std::vector<std::string> reports;
  SegmentWriter writer(FakeOptions(&disk, &reports));
  REQUIRE(writer.Append("pension", kDay, "{\"n\":2}\n").ok());
  CHECK(disk.Read(kPension) == "{\"n\":1}\n{\"n\":2}\n");
  CHECK(reports ==
        std::vector<std::string>{std::string(kPension) + ": последняя строка оборвана (сбой при записи, ответ не был "
                                                         "подтверждён); отрезано 4 байт"});
}

TEST_CASE("SegmentWriter never uses a segment it closed to make room for a new one") {
  // 64 segments open; then one batch appends to an open segment and to a new
  // one whose path sorts after it. Opening the new one closes the others.
  FakeDisk disk;
  SegmentWriter writer(FakeOptions(&disk));
  for (int i = 10; i < 74; ++i) REQUIRE(writer.Append("s" + std::to_string(i), kDay, "line\n").ok());
  disk.HoldNextSync();
  Status held_one = Status::Error("not run");
  std::thread held([&] { held_one = writer.Append("s11", kDay, "held\n"); });
  disk.WaitUntilHeld();
  Status open_one = Status::Error("not run");
  Status new_one = Status::Error("not run");
  std::thread a([&] { open_one = writer.Append("s10", kDay, "a\n"); });
  std::thread b([&] { new_one = writer.Append("s99", kDay, "b\n"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  disk.Release();
  held.join();
  a.join();
  b.join();
  CHECK(held_one.ok());
  INFO(open_one.message());
  CHECK(open_one.ok());
  CHECK(new_one.ok());
  CHECK(disk.Read("data/responses/s10/2026-11-23.r1.jsonl") == "line\na\n");
  CHECK(disk.Read("data/responses/s99/2026-11-23.r1.jsonl") == "b\n");
}

using testing::TempDir;

std::string ReadDisk(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST_CASE("SegmentWriter appends to real segment files on disk") {
  TempDir tmp;
  std::vector<std::string> reports;
  SegmentWriter::Options options;
  options.data_dir = tmp.path();
  options.report = [&](const std::string& message) { reports.push_back(message); };
  SegmentWriter writer(std::move(options));
  const std::string path = writer.SegmentPath("pension", kDay);
  CHECK(path == tmp.path() + "/responses/pension/2026-11-23.r1.jsonl");
  REQUIRE(writer.Append("pension", kDay, "{\"n\":1}\n").ok());
  REQUIRE(writer.Append("pension", kDay, "{\"n\":2}\n").ok());
  CHECK(ReadDisk(path) == "{\"n\":1}\n{\"n\":2}\n");
  CHECK(writer.lines() == 2);
  CHECK(reports.empty());
}

TEST_CASE("SegmentWriter::Recover cuts a torn line off a real segment file") {
  TempDir tmp;
  const std::string path = tmp.path() + "/responses/pension/2026-11-23.r1.jsonl";
  std::filesystem::create_directories(tmp.path() + "/responses/pension");
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"n\":1}\n{\"n";
  }
  std::vector<std::string> reports;
  SegmentWriter::Options options;
  options.data_dir = tmp.path();
  options.report = [&](const std::string& message) { reports.push_back(message); };
  SegmentWriter writer(std::move(options));
  REQUIRE(writer.Recover({path}).ok());
  CHECK(ReadDisk(path) == "{\"n\":1}\n");
  CHECK(reports.size() == 1);
  REQUIRE(writer.Append("pension", kDay, "{\"n\":2}\n").ok());
  CHECK(ReadDisk(path) == "{\"n\":1}\n{\"n\":2}\n");
}

}  // namespace
}  // namespace otklik::segment_writer_test
