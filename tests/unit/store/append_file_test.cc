#include "store/append_file.h"

#include <stdlib.h>

#include <catch2/catch.hpp>

#include "../temp_dir.h"
#include <filesystem>
#include <fstream>
#include <sstream>

namespace otklik::append_file_test {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

// Reads directly with the standard library, independent of the code under test.
std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::unique_ptr<AppendFile> Open(const std::string& path) {
  Status status = Status::Error("not set");
  std::unique_ptr<AppendFile> file = OpenDiskAppendFile(path, &status);
  INFO(status.message());
  REQUIRE(status.ok());
  REQUIRE(file);
  return file;
}

TEST_CASE("OpenDiskAppendFile creates the missing folders and an empty file") {
  TempDir tmp;
  const std::string path = tmp / "data/responses/pension/2026-11-23.r1.jsonl";
  std::unique_ptr<AppendFile> file = Open(path);
  CHECK(fs::is_regular_file(path));
  CHECK(file->Size().value() == 0);
  CHECK(Read(path) == "");
}

TEST_CASE("AppendFile::Append adds bytes at the end and Size counts them") {
  TempDir tmp;
  const std::string path = tmp / "segment.jsonl";
  std::unique_ptr<AppendFile> file = Open(path);
  REQUIRE(file->Append("{\"a\":1}\n").ok());
  REQUIRE(file->Append("{\"b\":2}\n").ok());
  CHECK(file->Sync().ok());
  CHECK(file->Size().value() == 16);
  CHECK(Read(path) == "{\"a\":1}\n{\"b\":2}\n");
}

TEST_CASE("OpenDiskAppendFile keeps what a file holds and appends after it") {
  TempDir tmp;
  const std::string path = tmp / "segment.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << "old\n";
  }
  std::unique_ptr<AppendFile> file = Open(path);
  CHECK(file->Size().value() == 4);
  REQUIRE(file->Append("new\n").ok());
  CHECK(Read(path) == "old\nnew\n");
}

TEST_CASE("AppendFile::Tail gives the last bytes, or the whole file when it is shorter") {
  TempDir tmp;
  std::unique_ptr<AppendFile> file = Open(tmp / "segment.jsonl");
  CHECK(file->Tail(10).value() == "");
  REQUIRE(file->Append("one\ntwo\n").ok());
  CHECK(file->Tail(4).value() == "two\n");
  CHECK(file->Tail(1).value() == "\n");
  CHECK(file->Tail(0).value() == "");
  CHECK(file->Tail(8).value() == "one\ntwo\n");
  CHECK(file->Tail(1000).value() == "one\ntwo\n");
}

TEST_CASE("AppendFile::Truncate cuts the file back and later appends follow the cut") {
  TempDir tmp;
  const std::string path = tmp / "segment.jsonl";
  std::unique_ptr<AppendFile> file = Open(path);
  REQUIRE(file->Append("one\ntwo\ntor").ok());
  REQUIRE(file->Truncate(8).ok());
  CHECK(file->Size().value() == 8);
  CHECK(Read(path) == "one\ntwo\n");
  REQUIRE(file->Append("three\n").ok());
  CHECK(file->Sync().ok());
  CHECK(Read(path) == "one\ntwo\nthree\n");
  REQUIRE(file->Truncate(0).ok());
  CHECK(file->Size().value() == 0);
  CHECK(Read(path) == "");
}

TEST_CASE("OpenDiskAppendFile refuses a file another writer holds, until it is closed") {
  TempDir tmp;
  const std::string path = tmp / "data/responses/pension/2026-11-23.r1.jsonl";
  std::unique_ptr<AppendFile> first = Open(path);
  REQUIRE(first->Append("kept\n").ok());

  Status status;
  CHECK(OpenDiskAppendFile(path, &status) == nullptr);
  CHECK(status.message() == path +
                                ": файл уже открыт другим процессом приёма ответов; у каждого процесса должен быть "
                                "свой идентификатор (instance)");
  CHECK(Read(path) == "kept\n");

  first.reset();
  std::unique_ptr<AppendFile> second = Open(path);
  CHECK(second->Size().value() == 5);
}

TEST_CASE("OpenDiskAppendFile names the path it cannot create or open") {
  TempDir tmp;
  { std::ofstream out(tmp / "plain-file"); }
  Status status;
  CHECK(OpenDiskAppendFile(tmp / "plain-file/responses/pension/day.jsonl", &status) == nullptr);
  CHECK(status.message() == (tmp / "plain-file/responses") + ": не удалось создать папку: Not a directory");

  fs::create_directories(tmp / "folder");
  CHECK(OpenDiskAppendFile(tmp / "folder", &status) == nullptr);
  CHECK(status.message() == (tmp / "folder") + ": не удалось открыть: Is a directory");
}

}  // namespace
}  // namespace otklik::append_file_test
