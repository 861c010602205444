#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/progress.h"

namespace otklik {

/// One answered field of a stored line: views into the scanner's buffer,
/// valid only during the callback that receives them.
struct AnswerField {
  std::string_view field;
  std::vector<std::string_view> values;
};

/// One well-formed stored line, as views valid only during the callback.
struct ResponseLine {
  std::string_view survey;
  int revision = 0;
  std::string_view date;  ///< "YYYY-MM-DD"
  std::string_view source;
  std::string_view language;  ///< "" for the site's first language (Russian), else "tt"…
  std::span<const AnswerField> answers;
};

/// What a scan read.
struct ScanStats {
  uint64_t files = 0;
  uint64_t bytes = 0;
  uint64_t lines = 0;    ///< Well-formed lines passed to the callback.
  uint64_t skipped = 0;  ///< Torn or malformed lines, each reported.
};

/// Reads every segment (*.jsonl) below `responses_dir` with simdjson, files
/// spread over `workers` threads, in chunks so memory stays bounded whatever
/// the files' size and number (each worker keeps one buffer and parser for
/// all its files). Calls each(worker, line) for every well-formed line
/// (worker is in [0, workers), for per-thread tallies). A torn last line
/// (no final newline: a write cut short by a crash) and malformed lines are
/// skipped and reported to `warnings` as "path:line: …". The scan is one
/// step of `progress`, measured in bytes.
ScanStats ScanSegments(const std::string& responses_dir, unsigned workers,
                       const std::function<void(unsigned worker, const ResponseLine& line)>& each,
                       Diagnostics* warnings, Progress& progress = NoProgress());

}  // namespace otklik
