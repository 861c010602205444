#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace otklik {

/// Where long work (builds, imports, aggregations) reports how far it is.
/// Work is a sequence of steps; each step has a name and a size in units
/// (pages, bytes, rows), 0 when the size is not known in advance.
class Progress {
 public:
  virtual ~Progress() = default;
  /// A new step begins; the previous one, if any, must have been finished.
  virtual void Start(std::string_view step, uint64_t total) = 0;
  /// `units` more of the current step are done. Safe from several threads.
  virtual void Advance(uint64_t units) = 0;
  /// The current step is over; `summary` (e.g. "132 страницы") may be empty.
  virtual void Finish(std::string_view summary) = 0;
};

/// Reports nothing.
Progress& NoProgress();

/// A step that finishes when it goes out of scope (with no summary unless
/// one is set), so early returns cannot leave a bar drawn.
class ProgressStep {
 public:
  ProgressStep(Progress& progress, std::string_view step, uint64_t total = 0) : progress_(progress) {
    progress_.Start(step, total);
  }
  ~ProgressStep() { progress_.Finish(summary_); }
  ProgressStep(const ProgressStep&) = delete;
  ProgressStep& operator=(const ProgressStep&) = delete;

  void Advance(uint64_t units = 1) { progress_.Advance(units); }
  void set_summary(std::string summary) { summary_ = std::move(summary); }

 private:
  Progress& progress_;
  std::string summary_;
};

/// Draws progress on a stream for people: on a terminal, one bar redrawn in
/// place and erased when its step is over; elsewhere (logs, CI), plain
/// lines. Quick steps stay silent unless `verbose`: a bar appears only after
/// 0.3 s, and a plain line is printed for a step that took over a second
/// (with a line every 5 s while it runs). With `verbose` every step prints a
/// line with its time.
class StreamProgress : public Progress {
 public:
  StreamProgress(std::FILE* out, bool terminal, bool verbose);
  /// For the CLI: draws on stderr, a bar when stderr is a terminal.
  static StreamProgress ForStderr(bool verbose);

  void Start(std::string_view step, uint64_t total) override;
  void Advance(uint64_t units) override;
  void Finish(std::string_view summary) override;

 private:
  using Clock = std::chrono::steady_clock;
  void Draw(Clock::time_point now);  // REQUIRES: mutex_ held

  std::FILE* out_;
  bool terminal_;
  bool verbose_;
  std::mutex mutex_;
  std::string step_;
  uint64_t total_ = 0;
  std::atomic<uint64_t> done_{0};
  Clock::time_point started_;
  Clock::time_point drawn_;
  bool bar_shown_ = false;
};

}  // namespace otklik
