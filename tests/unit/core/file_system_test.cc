#include "core/file_system.h"

#include <stdlib.h>

#include <catch2/catch.hpp>

#include "../temp_dir.h"
#include <filesystem>
#include <fstream>

namespace otklik::file_system_test {
namespace {

namespace fs = std::filesystem;

using Files = std::map<std::string, std::string>;
using Names = std::vector<std::string>;

using testing::TempDir;

// Writes directly with the standard library, independent of the code under test.
void Put(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string Get(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// --- JoinPath / ParentPath ---

TEST_CASE("JoinPath puts exactly one slash between the parts") {
  CHECK(JoinPath("a", "b") == "a/b");
  CHECK(JoinPath("a/", "b") == "a/b");
  CHECK(JoinPath("a", "/b") == "a/b");
  CHECK(JoinPath("a/", "/b") == "a/b");
  CHECK(JoinPath("content/services", "pension.md") == "content/services/pension.md");
  CHECK(JoinPath("/", "site") == "/site");
}

TEST_CASE("JoinPath returns the other part when one is empty") {
  CHECK(JoinPath("", "b/c") == "b/c");
  CHECK(JoinPath("a/b", "") == "a/b");
  CHECK(JoinPath("", "") == "");
}

TEST_CASE("HiddenSibling names a hidden folder beside another, after it") {
  CHECK(HiddenSibling("site", "staging") == ".site.staging");
  CHECK(HiddenSibling("out/preview/", "responses") == "out/.preview.responses");
  CHECK(HiddenSibling("/srv/www/site", "staging") == "/srv/www/.site.staging");
}

TEST_CASE("ParentPath drops the last path part") {
  CHECK(ParentPath("a/b/c.md") == "a/b");
  CHECK(ParentPath("a/b") == "a");
  CHECK(ParentPath("/tmp/site") == "/tmp");
  CHECK(ParentPath("c.md") == "");
  CHECK(ParentPath("") == "");
}

// --- MemoryFileSystem ---

TEST_CASE("MemoryFileSystem reads back what was written, byte for byte") {
  MemoryFileSystem memory;
  const std::string bytes("строка\r\n\0\xff", 12);
  REQUIRE(memory.WriteFile("a/b.bin", bytes).ok());
  const Result<std::string> read = memory.ReadFile("a/b.bin");
  REQUIRE(read.ok());
  CHECK(read.value() == bytes);
}

TEST_CASE("MemoryFileSystem::WriteFile replaces an existing file") {
  MemoryFileSystem memory;
  REQUIRE(memory.WriteFile("a.txt", "long old content").ok());
  REQUIRE(memory.WriteFile("a.txt", "new").ok());
  CHECK(memory.Files() == Files{{"a.txt", "new"}});
}

TEST_CASE("MemoryFileSystem::ReadFile of a missing file fails like the real disk") {
  MemoryFileSystem memory;
  REQUIRE(memory.WriteFile("content/site.yaml", "x").ok());
  const Result<std::string> read = memory.ReadFile("content/missing.md");
  REQUIRE_FALSE(read.ok());
  CHECK(read.status().message() == "content/missing.md: не удалось прочитать файл: No such file or directory");
}

void WriteContentTree(MemoryFileSystem* memory) {
  for (const char* path :
       {"content/site.yaml", "content/services/b.md", "content/services/a.md", "content/services/B.md",
        "content/services/.draft.md", "content/.git/config", "content/pages/.drafts/old.md",
        "content-old/services/x.md", "contents.txt", "other/file.md"}) {
    REQUIRE(memory->WriteFile(path, path).ok());
  }
}

TEST_CASE("MemoryFileSystem::ListFiles lists files below a folder, sorted, hidden ones skipped") {
  MemoryFileSystem memory;
  WriteContentTree(&memory);
  const Names expected = {"services/B.md", "services/a.md", "services/b.md", "site.yaml"};
  CHECK(memory.ListFiles("content") == expected);
  CHECK(memory.ListFiles("content/") == expected);
  CHECK(memory.ListFiles("content/services") == Names{"B.md", "a.md", "b.md"});
}

TEST_CASE("MemoryFileSystem::ListFiles does not mix in folders that merely share a prefix") {
  MemoryFileSystem memory;
  WriteContentTree(&memory);
  CHECK(memory.ListFiles("content-old") == Names{"services/x.md"});
  CHECK(memory.ListFiles("cont").empty());
}

TEST_CASE("MemoryFileSystem::ListFiles of a missing folder or a file is empty") {
  MemoryFileSystem memory;
  WriteContentTree(&memory);
  CHECK(memory.ListFiles("missing").empty());
  CHECK(memory.ListFiles("content/site.yaml").empty());
}

TEST_CASE("MemoryFileSystem::ListFiles of the root lists everything that is not hidden") {
  MemoryFileSystem memory;
  WriteContentTree(&memory);
  CHECK(memory.ListFiles("") == Names{"content-old/services/x.md", "content/services/B.md", "content/services/a.md",
                                      "content/services/b.md", "content/site.yaml", "contents.txt", "other/file.md"});
}

TEST_CASE("MemoryFileSystem tells folders from files") {
  MemoryFileSystem memory;
  WriteContentTree(&memory);
  CHECK(memory.IsDirectory("content"));
  CHECK(memory.IsDirectory("content/"));
  CHECK(memory.IsDirectory("content/services"));
  CHECK(memory.IsDirectory("content-old"));
  CHECK_FALSE(memory.IsDirectory("cont"));
  CHECK_FALSE(memory.IsDirectory("content/site.yaml"));
  CHECK_FALSE(memory.IsDirectory("missing"));

  CHECK(memory.IsFile("content/site.yaml"));
  CHECK(memory.IsFile("content/.git/config"));
  CHECK_FALSE(memory.IsFile("content"));
  CHECK_FALSE(memory.IsFile("content/services/c.md"));
}

TEST_CASE("MemoryFileSystem::RemoveAll removes a folder tree and nothing beside it") {
  MemoryFileSystem memory;
  for (const char* path : {"out/index.html", "out/a/b.html", "out.txt", "output/keep.html", "outer"}) {
    REQUIRE(memory.WriteFile(path, "x").ok());
  }
  REQUIRE(memory.RemoveAll("out").ok());
  CHECK(memory.Files() == Files{{"out.txt", "x"}, {"output/keep.html", "x"}, {"outer", "x"}});
}

TEST_CASE("MemoryFileSystem::RemoveAll removes a single file and succeeds when nothing is there") {
  MemoryFileSystem memory;
  REQUIRE(memory.WriteFile("a.txt", "x").ok());
  REQUIRE(memory.WriteFile("a.txt.bak", "y").ok());
  REQUIRE(memory.RemoveAll("a.txt").ok());
  CHECK(memory.Files() == Files{{"a.txt.bak", "y"}});
  CHECK(memory.RemoveAll("missing").ok());
  CHECK(memory.Files() == Files{{"a.txt.bak", "y"}});
}

TEST_CASE("MemoryFileSystem::ExchangeDirectories swaps staging and the old target") {
  MemoryFileSystem memory;
  REQUIRE(memory.WriteFile("site/index.html", "old").ok());
  REQUIRE(memory.WriteFile("site/gone.html", "old").ok());
  REQUIRE(memory.WriteFile(".site.staging/index.html", "new").ok());
  REQUIRE(memory.WriteFile(".site.staging/a/b.html", "new b").ok());
  REQUIRE(memory.WriteFile("site-notes.txt", "keep").ok());
  REQUIRE(memory.WriteFile("sites/other.html", "keep").ok());

  REQUIRE(memory.ExchangeDirectories(".site.staging", "site").ok());
  CHECK(memory.Files() == Files{{".site.staging/gone.html", "old"},
                                {".site.staging/index.html", "old"},
                                {"site-notes.txt", "keep"},
                                {"site/a/b.html", "new b"},
                                {"site/index.html", "new"},
                                {"sites/other.html", "keep"}});
}

TEST_CASE("MemoryFileSystem::ExchangeDirectories renames staging to a target that did not exist") {
  MemoryFileSystem memory;
  REQUIRE(memory.WriteFile("public/.site.staging/index.html", "new").ok());
  REQUIRE(memory.ExchangeDirectories("public/.site.staging", "public/site").ok());
  CHECK(memory.Files() == Files{{"public/site/index.html", "new"}});
}

TEST_CASE("MemoryFileSystem::ExchangeDirectories without a staging folder fails and changes nothing") {
  MemoryFileSystem memory;
  REQUIRE(memory.WriteFile("site/index.html", "old").ok());
  const Status swapped = memory.ExchangeDirectories(".site.staging", "site");
  REQUIRE_FALSE(swapped.ok());
  CHECK(swapped.message() == "site: не удалось опубликовать сайт: No such file or directory");
  CHECK(memory.Files() == Files{{"site/index.html", "old"}});
}

TEST_CASE("MemoryFileSystem::FailWritesUnder fails later writes below the prefix as a full disk") {
  MemoryFileSystem memory;
  REQUIRE(memory.WriteFile("out/before.html", "kept").ok());
  memory.FailWritesUnder("out/");

  const Status failed = memory.WriteFile("out/a/index.html", "x");
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.message() == "out/a/index.html: не удалось записать файл: No space left on device");
  CHECK_FALSE(memory.WriteFile("out/before.html", "changed").ok());

  CHECK(memory.WriteFile("outside.html", "y").ok());
  CHECK(memory.Files() == Files{{"out/before.html", "kept"}, {"outside.html", "y"}});
}

// --- RealFileSystem ---

TEST_CASE("RealFileSystem::WriteFile creates missing parent folders") {
  TempDir tmp;
  RealFileSystem disk;
  REQUIRE(disk.WriteFile(tmp / "a/b/c.txt", "текст").ok());
  CHECK(fs::is_directory(tmp / "a/b"));
  CHECK(Get(tmp / "a/b/c.txt") == "текст");
}

TEST_CASE("RealFileSystem reads back exactly the bytes written, including large files") {
  TempDir tmp;
  RealFileSystem disk;
  std::string bytes;
  for (int i = 0; i < 200000; ++i) bytes += static_cast<char>(i * 7 % 256);
  REQUIRE(disk.WriteFile(tmp / "data.bin", bytes).ok());
  const Result<std::string> read = disk.ReadFile(tmp / "data.bin");
  REQUIRE(read.ok());
  CHECK(read.value().size() == bytes.size());
  CHECK(read.value() == bytes);
  CHECK(Get(tmp / "data.bin") == bytes);
}

TEST_CASE("RealFileSystem::WriteFile truncates an existing file") {
  TempDir tmp;
  RealFileSystem disk;
  Put(tmp / "a.txt", "a much longer old text");
  REQUIRE(disk.WriteFile(tmp / "a.txt", "new").ok());
  CHECK(Get(tmp / "a.txt") == "new");
}

TEST_CASE("RealFileSystem reads an empty file as an empty string") {
  TempDir tmp;
  RealFileSystem disk;
  Put(tmp / "empty.md", "");
  const Result<std::string> read = disk.ReadFile(tmp / "empty.md");
  REQUIRE(read.ok());
  CHECK(read.value() == "");
}

TEST_CASE("RealFileSystem::ReadFile of a missing file names the path and the reason") {
  TempDir tmp;
  RealFileSystem disk;
  const Result<std::string> read = disk.ReadFile(tmp / "missing.md");
  REQUIRE_FALSE(read.ok());
  CHECK(read.status().message() == tmp / "missing.md" + ": не удалось прочитать файл: No such file or directory");
}

TEST_CASE("RealFileSystem::ReadFile of a folder fails") {
  TempDir tmp;
  RealFileSystem disk;
  const Result<std::string> read = disk.ReadFile(tmp.path());
  REQUIRE_FALSE(read.ok());
  CHECK(read.status().message() == tmp.path() + ": не удалось прочитать файл: Is a directory");
}

TEST_CASE("RealFileSystem::WriteFile below a regular file fails with the path and the reason") {
  TempDir tmp;
  RealFileSystem disk;
  Put(tmp / "file.txt", "x");
  const Status written = disk.WriteFile(tmp / "file.txt/child.txt", "y");
  REQUIRE_FALSE(written.ok());
  CHECK(written.message() == tmp / "file.txt/child.txt" + ": не удалось записать файл: Not a directory");
  CHECK(Get(tmp / "file.txt") == "x");
}

TEST_CASE("RealFileSystem::ListFiles lists regular files recursively, sorted bytewise, hidden ones skipped") {
  TempDir tmp;
  RealFileSystem disk;
  for (const char* path :
       {"b.md", "B.md", "a-b.md", "a/z.md", "a/c/d.md", "a/.hidden.md", ".git/config", "a/.drafts/old.md", ".env"}) {
    Put(tmp / path, "x");
  }
  fs::create_directories(tmp / "empty/folder");
  CHECK(disk.ListFiles(tmp.path()) == Names{"B.md", "a-b.md", "a/c/d.md", "a/z.md", "b.md"});
  CHECK(disk.ListFiles(tmp / "a") == Names{"c/d.md", "z.md"});
  CHECK(disk.ListFiles(tmp.path() + "/") == disk.ListFiles(tmp.path()));
}

TEST_CASE("RealFileSystem::ListFiles of a missing folder or a file is empty") {
  TempDir tmp;
  RealFileSystem disk;
  Put(tmp / "file.txt", "x");
  CHECK(disk.ListFiles(tmp / "missing").empty());
  CHECK(disk.ListFiles(tmp / "file.txt").empty());
}

TEST_CASE("RealFileSystem tells folders from files") {
  TempDir tmp;
  RealFileSystem disk;
  Put(tmp / "a/file.txt", "x");
  CHECK(disk.IsDirectory(tmp / "a"));
  CHECK_FALSE(disk.IsDirectory(tmp / "a/file.txt"));
  CHECK_FALSE(disk.IsDirectory(tmp / "missing"));
  CHECK(disk.IsFile(tmp / "a/file.txt"));
  CHECK_FALSE(disk.IsFile(tmp / "a"));
  CHECK_FALSE(disk.IsFile(tmp / "missing"));
}

TEST_CASE("RealFileSystem::RemoveAll removes a tree or a file and succeeds when nothing is there") {
  TempDir tmp;
  RealFileSystem disk;
  Put(tmp / "out/a/b.html", "x");
  Put(tmp / "out/index.html", "x");
  Put(tmp / "out.txt", "x");
  REQUIRE(disk.RemoveAll(tmp / "out").ok());
  CHECK_FALSE(fs::exists(tmp / "out"));
  CHECK(fs::exists(tmp / "out.txt"));
  REQUIRE(disk.RemoveAll(tmp / "out.txt").ok());
  CHECK_FALSE(fs::exists(tmp / "out.txt"));
  CHECK(disk.RemoveAll(tmp / "missing").ok());
}

TEST_CASE("RealFileSystem::ExchangeDirectories moves staging into place when there is no target") {
  TempDir tmp;
  RealFileSystem disk;
  Put(tmp / ".site.staging/index.html", "new");
  Put(tmp / ".site.staging/a/b.html", "new b");
  REQUIRE(disk.ExchangeDirectories(tmp / ".site.staging", tmp / "site").ok());
  CHECK_FALSE(fs::exists(tmp / ".site.staging"));
  CHECK(disk.ListFiles(tmp / "site") == Names{"a/b.html", "index.html"});
  CHECK(Get(tmp / "site/index.html") == "new");
  CHECK(Get(tmp / "site/a/b.html") == "new b");
}

TEST_CASE("RealFileSystem::ExchangeDirectories swaps an existing target into staging") {
  TempDir tmp;
  RealFileSystem disk;
  Put(tmp / "site/index.html", "old");
  Put(tmp / "site/old/page.html", "old");
  Put(tmp / "site/.otklik-site", "");
  Put(tmp / ".site.staging/index.html", "new");
  REQUIRE(disk.ExchangeDirectories(tmp / ".site.staging", tmp / "site").ok());
  CHECK(disk.ListFiles(tmp / "site") == Names{"index.html"});
  CHECK(Get(tmp / "site/index.html") == "new");
  CHECK(disk.ListFiles(tmp / ".site.staging") == Names{"index.html", "old/page.html"});
  CHECK(Get(tmp / ".site.staging/index.html") == "old");
  CHECK(fs::exists(tmp / ".site.staging/.otklik-site"));
}

TEST_CASE("RealFileSystem::ExchangeDirectories without a staging folder fails and leaves the target alone") {
  TempDir tmp;
  RealFileSystem disk;
  Put(tmp / "site/index.html", "old");
  const Status replaced = disk.ExchangeDirectories(tmp / ".site.staging", tmp / "site");
  REQUIRE_FALSE(replaced.ok());
  CHECK(replaced.message() == tmp / "site" + ": не удалось опубликовать сайт: No such file or directory");
  CHECK(Get(tmp / "site/index.html") == "old");
}

TEST_CASE("RealFileSystem::RemoveEmptyDirectory removes only an empty folder") {
  TempDir tmp;
  RealFileSystem disk;
  Put(tmp / "full/page.html", "x");
  fs::create_directories(tmp / "empty/");
  disk.RemoveEmptyDirectory(tmp / "full");
  disk.RemoveEmptyDirectory(tmp / "empty");
  disk.RemoveEmptyDirectory(tmp / "missing");
  CHECK(fs::exists(tmp / "full/page.html"));
  CHECK_FALSE(fs::exists(tmp / "empty"));
}

TEST_CASE("RealFileSystem::IsEmptyDirectory counts hidden entries") {
  TempDir tmp;
  RealFileSystem disk;
  fs::create_directories(tmp / "empty/");
  Put(tmp / "hidden/.git/HEAD", "x");
  Put(tmp / "file.txt", "x");
  CHECK(disk.IsEmptyDirectory(tmp / "empty"));
  CHECK_FALSE(disk.IsEmptyDirectory(tmp / "hidden"));
  CHECK_FALSE(disk.IsEmptyDirectory(tmp / "file.txt"));
  CHECK_FALSE(disk.IsEmptyDirectory(tmp / "missing"));
}

}  // namespace
}  // namespace otklik::file_system_test
