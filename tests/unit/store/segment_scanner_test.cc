#include "store/segment_scanner.h"

#include <catch2/catch.hpp>

#include "../temp_dir.h"
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

namespace otklik::segment_scanner_test {
namespace {

using testing::TempDir;

// The scanner reads 1 MiB at a time (kChunk in segment_scanner.cc): its reads
// of a file end at multiples of it.
constexpr size_t kChunk = 1 << 20;
// Files for the chunk tests are longer than this, so that they span several
// chunks even if kChunk grows back to 8 MiB.
constexpr size_t kSeveralChunks = 24 << 20;

void Write(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

std::string Line(const std::string& survey, const std::string& answers, const std::string& date = "2026-07-15",
                 int revision = 1) {
  return "{\"answers\":{" + answers + "},\"date\":\"" + date + "\",\"revision\":" + std::to_string(revision) +
         ",\"source\":\"web\",\"survey\":\"" + survey + "\"}\n";
}

// A line as the callback saw it, copied out of the scanner's buffer.
struct Seen {
  std::string survey;
  int revision = 0;
  std::string date;
  std::string source;
  std::vector<std::pair<std::string, std::vector<std::string>>> answers;
};

struct Scan {
  ScanStats stats;
  std::vector<Seen> lines;
  Diagnostics warnings;
  std::vector<unsigned> workers;  // per line
};

Scan Run(const std::string& dir, unsigned workers = 1) {
  Scan scan;
  std::mutex mutex;
  scan.stats = ScanSegments(
      dir, workers,
      [&](unsigned worker, const ResponseLine& line) {
        Seen seen{std::string(line.survey), line.revision, std::string(line.date), std::string(line.source), {}};
        for (const AnswerField& field : line.answers) {
          seen.answers.emplace_back(std::string(field.field),
                                    std::vector<std::string>(field.values.begin(), field.values.end()));
        }
        std::lock_guard lock(mutex);
        scan.lines.push_back(std::move(seen));
        scan.workers.push_back(worker);
      },
      &scan.warnings);
  return scan;
}

TEST_CASE("ScanSegments hands over every field of a well-formed line") {
  TempDir tmp;
  Write(tmp / "a.jsonl",
        "{\"answers\":{\"info\":[\"portal\",\"people\"],\"overall\":[\"4\"],\"note\":[]},\"date\":\"2026-11-23\","
        "\"revision\":3,\"source\":\"paper\",\"survey\":\"quality\"}\n");
  const Scan scan = Run(tmp.path());
  CHECK(scan.warnings.ToString() == "");
  REQUIRE(scan.lines.size() == 1);
  const Seen& line = scan.lines[0];
  CHECK(line.survey == "quality");
  CHECK(line.revision == 3);
  CHECK(line.date == "2026-11-23");
  CHECK(line.source == "paper");
  // The fields in the order of the line, each with its values in order.
  using Answers = std::vector<std::pair<std::string, std::vector<std::string>>>;
  CHECK(line.answers == Answers{{"info", {"portal", "people"}}, {"overall", {"4"}}, {"note", {}}});
  CHECK(scan.workers == std::vector<unsigned>{0});
}

TEST_CASE("ScanSegments reads an empty answers object and escaped text") {
  TempDir tmp;
  Write(tmp / "a.jsonl", Line("s", "") + Line("s", "\"text\":[\"\\\"да\\\"\\nи \\u0434\"]"));
  const Scan scan = Run(tmp.path());
  REQUIRE(scan.lines.size() == 2);
  CHECK(scan.lines[0].answers.empty());
  REQUIRE(scan.lines[1].answers.size() == 1);
  CHECK(scan.lines[1].answers[0].second == std::vector<std::string>{"\"да\"\nи д"});
}

TEST_CASE("ScanSegments counts files, bytes and lines") {
  TempDir tmp;
  const std::string a = Line("s", "\"overall\":[\"4\"]") + Line("s", "\"overall\":[\"5\"]");
  const std::string b = Line("t", "");
  Write(tmp / "a.jsonl", a);
  Write(tmp / "b.jsonl", b);
  const Scan scan = Run(tmp.path());
  CHECK(scan.stats.files == 2);
  CHECK(scan.stats.bytes == a.size() + b.size());
  CHECK(scan.stats.lines == 3);
  CHECK(scan.stats.skipped == 0);
  CHECK(scan.warnings.empty());
}

TEST_CASE("ScanSegments skips a torn last line and reports its line number") {
  TempDir tmp;
  const std::string path = tmp / "2026-07-15.r1.jsonl";
  // Line 3 was cut short by a crash: no closing brace, no newline.
  Write(path, Line("s", "\"overall\":[\"4\"]") + Line("s", "\"overall\":[\"5\"]") + "{\"answers\":{\"overall\":[\"3");
  const Scan scan = Run(tmp.path());
  CHECK(scan.stats.lines == 2);
  CHECK(scan.stats.skipped == 1);
  CHECK(scan.warnings.ToString() == path + ":3: последняя строка оборвана (запись не завершена) и пропущена\n");
}

TEST_CASE("ScanSegments treats a complete-looking last line without a newline as torn") {
  TempDir tmp;
  const std::string path = tmp / "a.jsonl";
  std::string last = Line("s", "");
  last.pop_back();
  Write(path, Line("s", "") + last);
  const Scan scan = Run(tmp.path());
  CHECK(scan.stats.lines == 1);
  CHECK(scan.stats.skipped == 1);
  CHECK(scan.warnings.ToString() == path + ":2: последняя строка оборвана (запись не завершена) и пропущена\n");
}

TEST_CASE("ScanSegments reports a malformed line in the middle and reads on") {
  TempDir tmp;
  const std::string path = tmp / "a.jsonl";
  Write(path, Line("s", "\"overall\":[\"1\"]") + "{\"answers\":{\"overall\":[\"2\"]\n" +
                  Line("s", "\"overall\":[\"3\"]") + "не JSON вовсе\n" + Line("s", "\"overall\":[\"5\"]"));
  const Scan scan = Run(tmp.path());
  REQUIRE(scan.lines.size() == 3);
  CHECK(scan.lines[0].answers[0].second[0] == "1");
  CHECK(scan.lines[1].answers[0].second[0] == "3");
  CHECK(scan.lines[2].answers[0].second[0] == "5");
  CHECK(scan.stats.lines == 3);
  CHECK(scan.stats.skipped == 2);
  CHECK(scan.warnings.ToString() ==
        path + ":2: строка пропущена: это не JSON\n" + path + ":4: строка пропущена: это не JSON\n");
}

TEST_CASE("ScanSegments reports lines that are JSON but not responses") {
  TempDir tmp;
  const std::string path = tmp / "a.jsonl";
  Write(path,
        "[1, 2]\n"                                                                                 // 1: not an object
        "{\"answers\":{},\"date\":\"2026-07-15\",\"revision\":1,\"source\":\"web\"}\n"             // 2: no survey
        "{\"answers\":{},\"date\":\"2026-07-15\",\"revision\":\"1\",\"source\":\"web\",\"survey\":\"s\"}\n"  // 3
        "{\"answers\":[],\"date\":\"2026-07-15\",\"revision\":1,\"source\":\"web\",\"survey\":\"s\"}\n"      // 4
        + Line("s", "\"overall\":\"4\"")                                                           // 5: not a list
        + Line("s", "\"info\":[\"portal\"],\"overall\":[4]")                                       // 6: not a string
        + Line("s", "\"overall\":[\"4\"]"));                                                       // 7: fine
  const Scan scan = Run(tmp.path());
  CHECK(scan.stats.lines == 1);
  CHECK(scan.stats.skipped == 6);
  CHECK(scan.warnings.ToString() ==
        path + ":1: строка пропущена: нет полей survey, revision, date, source или answers\n" +
        path + ":2: строка пропущена: нет полей survey, revision, date, source или answers\n" +
        path + ":3: строка пропущена: нет полей survey, revision, date, source или answers\n" +
        path + ":4: строка пропущена: нет полей survey, revision, date, source или answers\n" +
        path + ":5: строка пропущена: ответ на «overall» не список\n" +
        path + ":6: строка пропущена: ответ на «overall» не строка\n");
}

TEST_CASE("ScanSegments passes over empty lines silently but counts them for line numbers") {
  TempDir tmp;
  const std::string path = tmp / "a.jsonl";
  Write(path, "\n" + Line("s", "") + "\n\n" + "oops\n");
  const Scan scan = Run(tmp.path());
  CHECK(scan.stats.lines == 1);
  CHECK(scan.stats.skipped == 1);
  CHECK(scan.warnings.ToString() == path + ":5: строка пропущена: это не JSON\n");
}

TEST_CASE("ScanSegments reads empty files and a missing folder as nothing") {
  TempDir tmp;
  Write(tmp / "empty.jsonl", "");
  Write(tmp / "pension/empty.jsonl", "");
  const Scan scan = Run(tmp.path());
  CHECK(scan.stats.files == 2);
  CHECK(scan.stats.bytes == 0);
  CHECK(scan.stats.lines == 0);
  CHECK(scan.stats.skipped == 0);
  CHECK(scan.warnings.empty());

  const Scan none = Run(tmp / "no-such-folder");
  CHECK(none.stats.files == 0);
  CHECK(none.lines.empty());
  CHECK(none.warnings.empty());
}

TEST_CASE("ScanSegments reads *.jsonl in subfolders and ignores every other file") {
  TempDir tmp;
  Write(tmp / "pension/2026-07-15.r1.jsonl", Line("pension", ""));
  Write(tmp / "imports/paper.jsonl", Line("paper", ""));
  Write(tmp / "notes.txt", Line("txt", ""));
  Write(tmp / "pension/2026-07-15.r1.json", Line("json", ""));
  Write(tmp / "pension/2026-07-15.r1.jsonl.bak", Line("bak", ""));
  Write(tmp / "README", "не ответы\n");
  const Scan scan = Run(tmp.path());
  CHECK(scan.stats.files == 2);
  CHECK(scan.stats.lines == 2);
  CHECK(scan.warnings.empty());
  std::vector<std::string> surveys;
  for (const Seen& line : scan.lines) surveys.push_back(line.survey);
  std::sort(surveys.begin(), surveys.end());
  CHECK(surveys == std::vector<std::string>{"paper", "pension"});
}

TEST_CASE("ScanSegments starts every file afresh on the same worker") {
  TempDir tmp;
  // One worker reads a.jsonl, then b.jsonl: a's torn end must not run into b's first line, b's
  // line numbers start at 1, and a line with fewer answers than the one before has only its own.
  Write(tmp / "a.jsonl", Line("a", "\"x\":[\"1\",\"2\"],\"y\":[\"3\"],\"z\":[]") + "{\"answers\":{\"x\"");
  Write(tmp / "b.jsonl", Line("b", "\"x\":[\"4\"]") + "{}\n" + Line("b", "\"y\":[\"5\"]"));
  const Scan scan = Run(tmp.path(), 1);
  using Answers = std::vector<std::pair<std::string, std::vector<std::string>>>;
  REQUIRE(scan.lines.size() == 3);
  CHECK(scan.lines[0].answers == Answers{{"x", {"1", "2"}}, {"y", {"3"}}, {"z", {}}});
  CHECK(scan.lines[1].survey == "b");
  CHECK(scan.lines[1].answers == Answers{{"x", {"4"}}});
  CHECK(scan.lines[2].answers == Answers{{"y", {"5"}}});
  CHECK(scan.warnings.ToString() ==
        tmp / "a.jsonl:2: последняя строка оборвана (запись не завершена) и пропущена\n" + tmp / "b.jsonl" +
            ":2: строка пропущена: нет полей survey, revision, date, source или answers\n");
}

// A file many chunks long whose lines have uneven lengths, so that lines
// straddle the chunk boundaries; the line across the boundary at 16 MiB is
// malformed and must be reported with its number.
TEST_CASE("ScanSegments reads lines across chunk boundaries in a file several chunks long") {
  TempDir tmp;
  const std::string path = tmp / "big.jsonl";
  std::vector<std::string> lines;
  size_t size = 0;
  for (int i = 0; size < kSeveralChunks + 100000; ++i) {
    const std::string pad(i * 37 % 301, 'x');
    lines.push_back(Line("s", "\"n\":[\"" + std::to_string(i) + "\"],\"pad\":[\"" + pad + "\"]"));
    size += lines.back().size();
  }
  // Where each chunk boundary falls: inside line `straddling[b]`, not at its start.
  std::vector<size_t> straddling;
  size_t offset = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const size_t boundary = (straddling.size() + 1) * kChunk;
    if (offset < boundary && boundary < offset + lines[i].size()) straddling.push_back(i);
    offset += lines[i].size();
  }
  // Every one of the 24 boundaries falls inside a line.
  REQUIRE(straddling.size() == kSeveralChunks / kChunk);
  const size_t broken = straddling[(16 << 20) / kChunk - 1];
  lines[broken][0] = 'x';  // same length, no longer JSON
  std::string bytes;
  uint64_t expected_sum = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    bytes += lines[i];
    if (i != broken) expected_sum += i;
  }
  Write(path, bytes);

  uint64_t sum = 0;
  uint64_t count = 0;
  uint64_t pad_bytes = 0;
  Diagnostics warnings;
  const ScanStats stats = ScanSegments(
      tmp.path(), 1,
      [&](unsigned, const ResponseLine& line) {
        ++count;
        sum += std::stoull(std::string(line.answers[0].values[0]));
        pad_bytes += line.answers[1].values[0].size();
      },
      &warnings);
  CHECK(stats.bytes == bytes.size());
  CHECK(stats.lines == lines.size() - 1);
  CHECK(count == lines.size() - 1);
  CHECK(sum == expected_sum);
  uint64_t expected_pad = 0;
  for (size_t i = 0; i < lines.size(); ++i) expected_pad += i == broken ? 0 : i * 37 % 301;
  CHECK(pad_bytes == expected_pad);
  CHECK(stats.skipped == 1);
  CHECK(warnings.ToString() == path + ":" + std::to_string(broken + 1) + ": строка пропущена: это не JSON\n");
}

TEST_CASE("ScanSegments reads a line longer than a chunk") {
  TempDir tmp;
  const std::string text(12 << 20, 'a');  // 12 MiB: longer than a chunk of 1 MiB, and of 8 MiB
  Write(tmp / "long.jsonl", Line("s", "\"short\":[\"1\"]") + Line("s", "\"text\":[\"" + text + "\"]") +
                                Line("s", "\"short\":[\"3\"]"));
  size_t longest = 0;
  std::vector<std::string> fields;
  Diagnostics warnings;
  const ScanStats stats = ScanSegments(
      tmp.path(), 1,
      [&](unsigned, const ResponseLine& line) {
        fields.emplace_back(line.answers[0].field);
        longest = std::max(longest, line.answers[0].values[0].size());
      },
      &warnings);
  CHECK(warnings.ToString() == "");
  CHECK(stats.lines == 3);
  CHECK(fields == std::vector<std::string>{"short", "text", "short"});
  CHECK(longest == text.size());
}

TEST_CASE("ScanSegments gives the same totals and warnings on one worker and on several") {
  TempDir tmp;
  for (int f = 0; f < 12; ++f) {
    std::string bytes;
    for (int i = 0; i < 50 + f * 13; ++i) {
      bytes += Line(f % 2 ? "odd" : "even", "\"overall\":[\"" + std::to_string(i % 5 + 1) + "\"]");
      if (i == f) bytes += "broken\n";
    }
    if (f % 3 == 0) bytes += "{\"torn";
    Write(tmp / ("f" + std::to_string(f / 10) + std::to_string(f % 10) + ".jsonl"), bytes);
  }
  const auto totals = [](const Scan& scan) {
    std::map<std::string, uint64_t> out;
    for (const Seen& line : scan.lines) ++out[line.survey + " " + line.answers[0].second[0]];
    return out;
  };
  const Scan one = Run(tmp.path(), 1);
  const Scan four = Run(tmp.path(), 4);
  // 12 files of 50 + 13·f lines: 12·50 + 13·(0 + … + 11) = 600 + 858 = 1458 lines,
  // one broken line each (12) and a torn end in files 0, 3, 6, 9 (4).
  CHECK(one.stats.files == 12);
  CHECK(one.stats.lines == 1458);
  CHECK(one.stats.skipped == 16);
  CHECK(one.warnings.size() == 16);
  CHECK(four.stats.files == one.stats.files);
  CHECK(four.stats.bytes == one.stats.bytes);
  CHECK(four.stats.lines == one.stats.lines);
  CHECK(four.stats.skipped == one.stats.skipped);
  // Warnings come in file order whatever thread read which file.
  CHECK(four.warnings.ToString() == one.warnings.ToString());
  // File 0: line 1, then the broken line 2, 49 more lines (3–51), the torn line 52.
  CHECK(one.warnings.items()[0].ToString() == tmp / "f00.jsonl:2: строка пропущена: это не JSON");
  CHECK(one.warnings.items()[1].ToString() ==
        tmp / "f00.jsonl:52: последняя строка оборвана (запись не завершена) и пропущена");
  CHECK(totals(four) == totals(one));
  // Rating 1 is every fifth line from the first: ⌈n/5⌉ in the odd files of n = 63, 89, 115, 141, 167, 193 lines,
  // 13 + 18 + 23 + 29 + 34 + 39 = 156.
  CHECK(totals(one).at("odd 1") == 156);
  CHECK(*std::max_element(one.workers.begin(), one.workers.end()) == 0);
  CHECK(*std::max_element(four.workers.begin(), four.workers.end()) < 4);
}

}  // namespace
}  // namespace otklik::segment_scanner_test
