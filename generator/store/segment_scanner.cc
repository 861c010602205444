#include "store/segment_scanner.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include <simdjson.h>

#include "core/file_system.h"
#include "core/parallel.h"
#include "core/plural.h"

namespace otklik {

namespace {

// Bytes read at a time; a longer line grows the buffer. Small enough to stay
// in cache between the read and the parse.
constexpr size_t kChunk = 1 << 20;

using Callback = std::function<void(unsigned, const ResponseLine&)>;

// Fills the survey, revision, date and source of `line` and finds its answers
// object; false when `root` is no object or one of them is missing or of the
// wrong type. One pass over the fields, keeping the first of each name as
// object["…"] would, instead of a search per name.
bool ReadEnvelope(simdjson::dom::element root, ResponseLine* line, simdjson::dom::object* answers) {
  simdjson::dom::object object;
  if (root.get_object().get(object)) return false;
  using Field = simdjson::simdjson_result<simdjson::dom::element>;
  Field survey(simdjson::NO_SUCH_FIELD), revision(simdjson::NO_SUCH_FIELD), date(simdjson::NO_SUCH_FIELD),
      source(simdjson::NO_SUCH_FIELD), answer_object(simdjson::NO_SUCH_FIELD), language(simdjson::NO_SUCH_FIELD);
  for (auto [key, value] : object) {
    Field* field = key == "answers"    ? &answer_object
                   : key == "date"     ? &date
                   : key == "revision" ? &revision
                   : key == "source"   ? &source
                   : key == "survey"   ? &survey
                   : key == "lang"     ? &language
                                       : nullptr;
    if (field && field->error() == simdjson::NO_SUCH_FIELD) *field = Field(std::move(value));
  }
  int64_t revision_number = 0;
  if (survey.get_string().get(line->survey) || revision.get_int64().get(revision_number) ||
      date.get_string().get(line->date) || source.get_string().get(line->source) ||
      answer_object.get_object().get(*answers)) {
    return false;
  }
  line->revision = static_cast<int>(revision_number);
  line->language = {};
  if (language.error() != simdjson::NO_SUCH_FIELD && language.get_string().get(line->language)) return false;
  return true;
}

// One worker's reader: its buffer, parser and answer list serve file after
// file, so a small segment costs no more than its bytes.
class SegmentReader {
 public:
  SegmentReader(unsigned worker, const Callback& each) : worker_(worker), each_(each) {}

  // Hands out the lines of `path`; fills `stats` and reports to `warnings`.
  void Run(const std::string& path, ScanStats* stats, Diagnostics* warnings) {
    path_ = &path;
    stats_ = stats;
    warnings_ = warnings;
    line_number_ = 0;
    stats->files = 1;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      warnings->Add(path, 0, "не удалось прочитать файл ответов: " + ErrnoText(errno));
      return;
    }
    if (buffer_.empty()) buffer_.resize(kChunk + simdjson::SIMDJSON_PADDING);
    size_t filled = 0;
    for (;;) {
      if (buffer_.size() - simdjson::SIMDJSON_PADDING - filled < kChunk / 2) {
        buffer_.resize(buffer_.size() + kChunk);  // a line longer than what is left
      }
      const ssize_t n = ::read(fd, buffer_.data() + filled, buffer_.size() - simdjson::SIMDJSON_PADDING - filled);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      stats->bytes += static_cast<uint64_t>(n);
      filled += static_cast<size_t>(n);
      filled = Consume(buffer_.data(), filled);
    }
    ::close(fd);
    if (filled > 0) {
      ++stats->skipped;
      warnings->Add(path, static_cast<int>(line_number_ + 1),
                    "последняя строка оборвана (запись не завершена) и пропущена");
    }
  }

 private:
  // Handles every complete line in data[0, size); moves the rest to the
  // front and returns its length.
  size_t Consume(char* data, size_t size) {
    size_t start = 0;
    for (;;) {
      const void* found = std::memchr(data + start, '\n', size - start);
      if (!found) break;
      const size_t end = static_cast<size_t>(static_cast<const char*>(found) - data);
      ++line_number_;
      if (end > start) Line(data + start, end - start);
      start = end + 1;
    }
    std::memmove(data, data + start, size - start);
    return size - start;
  }

  void Skip(const std::string& why) {
    ++stats_->skipped;
    warnings_->Add(*path_, static_cast<int>(line_number_), "строка пропущена: " + why);
  }

  void Line(const char* text, size_t length) {
    // The bytes after the line (the next line, or the buffer's padding) are readable.
    simdjson::dom::element root;
    if (parser_.parse(text, length, false).get(root) != simdjson::SUCCESS) return Skip("это не JSON");
    ResponseLine line;
    simdjson::dom::object answers;
    if (!ReadEnvelope(root, &line, &answers)) return Skip("нет полей survey, revision, date, source или answers");
    size_t count = 0;
    for (auto [key, value] : answers) {
      if (count == fields_.size()) fields_.emplace_back();
      AnswerField& field = fields_[count++];
      field.field = key;
      field.values.clear();
      simdjson::dom::array values;
      if (value.get_array().get(values)) return Skip("ответ на «" + std::string(key) + "» не список");
      for (simdjson::dom::element item : values) {
        std::string_view text_value;
        if (item.get_string().get(text_value)) return Skip("ответ на «" + std::string(key) + "» не строка");
        field.values.push_back(text_value);
      }
    }
    line.answers = std::span<const AnswerField>(fields_.data(), count);
    ++stats_->lines;
    each_(worker_, line);
  }

  const unsigned worker_;
  const Callback& each_;
  std::vector<char> buffer_;
  simdjson::dom::parser parser_;
  std::vector<AnswerField> fields_;
  // The file being read.
  const std::string* path_ = nullptr;
  ScanStats* stats_ = nullptr;
  Diagnostics* warnings_ = nullptr;
  uint64_t line_number_ = 0;
};

}  // namespace

ScanStats ScanSegments(const std::string& responses_dir, unsigned workers,
                       const std::function<void(unsigned worker, const ResponseLine& line)>& each,
                       Diagnostics* warnings, Progress& progress) {
  RealFileSystem fs;
  std::vector<std::string> files;
  std::vector<uint64_t> sizes;
  uint64_t total_size = 0;
  for (const std::string& file : fs.ListFiles(responses_dir)) {
    if (!file.ends_with(".jsonl")) continue;
    files.push_back(JoinPath(responses_dir, file));
    std::error_code error;
    const uintmax_t size = std::filesystem::file_size(files.back(), error);
    sizes.push_back(error ? 0 : static_cast<uint64_t>(size));
    total_size += sizes.back();
  }
  ProgressStep step(progress, "Чтение ответов", total_size);
  std::vector<ScanStats> per_file(files.size());
  std::vector<Diagnostics> found(files.size());
  std::vector<SegmentReader> readers;
  readers.reserve(WorkerCount(workers));
  for (unsigned worker = 0; worker < WorkerCount(workers); ++worker) readers.emplace_back(worker, each);
  ParallelFor(
      files.size(),
      [&](size_t i, unsigned worker) {
        readers[worker].Run(files[i], &per_file[i], &found[i]);
        step.Advance(sizes[i]);
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
  step.set_summary(CountWithNoun(static_cast<long>(total.lines), "ответ", "ответа", "ответов") + ", " +
                   CountWithNoun(static_cast<long>(total.files), "файл", "файла", "файлов"));
  return total;
}

}  // namespace otklik
