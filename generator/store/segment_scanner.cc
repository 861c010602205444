#include "store/segment_scanner.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <mutex>

#include <simdjson.h>

#include "core/file_system.h"
#include "core/parallel.h"

namespace otklik {

namespace {

constexpr size_t kChunk = 8 << 20;  // bytes read at a time; a longer line grows the buffer

// Parses and hands out the lines of one file.
class FileScanner {
 public:
  FileScanner(const std::string& path, unsigned worker,
              const std::function<void(unsigned, const ResponseLine&)>& each, Diagnostics* warnings)
      : path_(path), worker_(worker), each_(each), warnings_(warnings) {}

  // Returns the bytes read.
  uint64_t Run(ScanStats* stats) {
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      warnings_->Add(path_, 0, "не удалось прочитать файл ответов: " + ErrnoText(errno));
      return 0;
    }
    std::vector<char> buffer(kChunk + simdjson::SIMDJSON_PADDING);
    size_t filled = 0;
    uint64_t total = 0;
    for (;;) {
      if (buffer.size() - simdjson::SIMDJSON_PADDING - filled < kChunk / 2) {
        buffer.resize(buffer.size() + kChunk);  // a line longer than what is left
      }
      const ssize_t n = ::read(fd, buffer.data() + filled, buffer.size() - simdjson::SIMDJSON_PADDING - filled);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      total += static_cast<uint64_t>(n);
      filled += static_cast<size_t>(n);
      filled = Consume(buffer.data(), filled, stats);
    }
    ::close(fd);
    if (filled > 0) {
      ++stats->skipped;
      warnings_->Add(path_, static_cast<int>(line_number_ + 1),
                     "последняя строка оборвана (запись не завершена) и пропущена");
    }
    return total;
  }

 private:
  // Handles every complete line in data[0, size); moves the rest to the
  // front and returns its length.
  size_t Consume(char* data, size_t size, ScanStats* stats) {
    size_t start = 0;
    for (;;) {
      const void* found = std::memchr(data + start, '\n', size - start);
      if (!found) break;
      const size_t end = static_cast<size_t>(static_cast<const char*>(found) - data);
      ++line_number_;
      if (end > start) Line(data + start, end - start, stats);
      start = end + 1;
    }
    std::memmove(data, data + start, size - start);
    return size - start;
  }

  void Skip(ScanStats* stats, const std::string& why) {
    ++stats->skipped;
    warnings_->Add(path_, static_cast<int>(line_number_), "строка пропущена: " + why);
  }

  void Line(const char* text, size_t length, ScanStats* stats) {
    // The bytes after the line (the next line, or the buffer's padding) are readable.
    simdjson::dom::element root;
    if (parser_.parse(text, length, false).get(root) != simdjson::SUCCESS) return Skip(stats, "это не JSON");
    simdjson::dom::object object;
    simdjson::dom::object answers;
    int64_t revision = 0;
    ResponseLine line;
    if (root.get_object().get(object) || object["survey"].get_string().get(line.survey) ||
        object["revision"].get_int64().get(revision) || object["date"].get_string().get(line.date) ||
        object["source"].get_string().get(line.source) || object["answers"].get_object().get(answers)) {
      return Skip(stats, "нет полей survey, revision, date, source или answers");
    }
    size_t count = 0;
    for (auto [key, value] : answers) {
      if (count == fields_.size()) fields_.emplace_back();
      AnswerField& field = fields_[count++];
      field.field = key;
      field.values.clear();
      simdjson::dom::array values;
      if (value.get_array().get(values)) return Skip(stats, "ответ на «" + std::string(key) + "» не список");
      for (simdjson::dom::element item : values) {
        std::string_view text_value;
        if (item.get_string().get(text_value)) return Skip(stats, "ответ на «" + std::string(key) + "» не строка");
        field.values.push_back(text_value);
      }
    }
    line.revision = static_cast<int>(revision);
    line.answers = std::span<const AnswerField>(fields_.data(), count);
    ++stats->lines;
    each_(worker_, line);
  }

  const std::string& path_;
  const unsigned worker_;
  const std::function<void(unsigned, const ResponseLine&)>& each_;
  Diagnostics* warnings_;
  simdjson::dom::parser parser_;
  std::vector<AnswerField> fields_;
  uint64_t line_number_ = 0;
};

}  // namespace

ScanStats ScanSegments(const std::string& responses_dir, unsigned workers,
                       const std::function<void(unsigned worker, const ResponseLine& line)>& each,
                       Diagnostics* warnings) {
  RealFileSystem fs;
  std::vector<std::string> files;
  for (const std::string& file : fs.ListFiles(responses_dir)) {
    if (file.ends_with(".jsonl")) files.push_back(JoinPath(responses_dir, file));
  }
  std::vector<ScanStats> per_file(files.size());
  std::vector<Diagnostics> found(files.size());
  ParallelFor(
      files.size(),
      [&](size_t i, unsigned worker) {
        per_file[i].files = 1;
        per_file[i].bytes = FileScanner(files[i], worker, each, &found[i]).Run(&per_file[i]);
      },
      workers);
  ScanStats total;
  for (size_t i = 0; i < files.size(); ++i) {
    total.files += per_file[i].files;
    total.bytes += per_file[i].bytes;
    total.lines += per_file[i].lines;
    total.skipped += per_file[i].skipped;
    warnings->Append(found[i]);
  }
  return total;
}

}  // namespace otklik
