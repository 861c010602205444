#include "core/progress.h"

#include <unistd.h>

#include <algorithm>

namespace otklik {

namespace {

class Silent : public Progress {
 public:
  void Start(std::string_view, uint64_t) override {}
  void Advance(uint64_t) override {}
  void Finish(std::string_view) override {}
};

constexpr auto kBarDelay = std::chrono::milliseconds(300);
constexpr auto kRedraw = std::chrono::milliseconds(100);
constexpr auto kPlainEvery = std::chrono::seconds(5);
constexpr auto kPlainLongStep = std::chrono::seconds(1);
constexpr int kBarWidth = 30;

double Seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

Progress& NoProgress() {
  static Silent silent;
  return silent;
}

StreamProgress::StreamProgress(std::FILE* out, bool terminal, bool verbose)
    : out_(out), terminal_(terminal), verbose_(verbose) {}

StreamProgress StreamProgress::ForStderr(bool verbose) {
  return StreamProgress(stderr, isatty(STDERR_FILENO) == 1, verbose);
}

void StreamProgress::Start(std::string_view step, uint64_t total) {
  std::lock_guard lock(mutex_);
  step_ = step;
  total_ = total;
  done_ = 0;
  started_ = drawn_ = Clock::now();
  bar_shown_ = false;
}

void StreamProgress::Advance(uint64_t units) {
  done_ += units;
  const Clock::time_point now = Clock::now();
  // Drawing is best effort: a thread that finds another one drawing skips it.
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (lock.owns_lock()) Draw(now);
}

void StreamProgress::Draw(Clock::time_point now) {
  if (terminal_) {
    if (now - started_ < kBarDelay || now - drawn_ < kRedraw) return;
    const uint64_t done = done_;
    std::string line = "\r" + step_ + "  ";
    if (total_ > 0) {
      const uint64_t shown = std::min(done, total_);
      const int filled = static_cast<int>(shown * kBarWidth / total_);
      line += "[" + std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(kBarWidth - filled), '.') +
              "] " + std::to_string(shown * 100 / total_) + " %";
    } else {
      line += std::to_string(done) + "…";
    }
    std::fputs((line + "\033[K").c_str(), out_);
    std::fflush(out_);
    bar_shown_ = true;
  } else {
    if (now - drawn_ < kPlainEvery) return;
    const uint64_t done = done_;
    if (total_ > 0) {
      std::fprintf(out_, "%s: %llu %% (%.0f с)\n", step_.c_str(),
                   static_cast<unsigned long long>(std::min(done, total_) * 100 / total_), Seconds(now - started_));
    } else {
      std::fprintf(out_, "%s: %llu… (%.0f с)\n", step_.c_str(), static_cast<unsigned long long>(done),
                   Seconds(now - started_));
    }
  }
  drawn_ = now;
}

void StreamProgress::Finish(std::string_view summary) {
  std::lock_guard lock(mutex_);
  const Clock::duration took = Clock::now() - started_;
  if (bar_shown_) std::fputs("\r\033[K", out_);
  if (verbose_ || (!terminal_ && took >= kPlainLongStep)) {
    std::string line = step_;
    if (!summary.empty()) line += ": " + std::string(summary);
    std::fprintf(out_, "%s (%.3f с)\n", line.c_str(), Seconds(took));
  }
  std::fflush(out_);
  bar_shown_ = false;
  step_.clear();
}

}  // namespace otklik
