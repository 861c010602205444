#include "preview/watcher.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../temp_dir.h"

namespace otklik::watcher_test {
namespace {

using namespace std::chrono_literals;
using Paths = std::vector<std::string>;
using testing::TempDir;

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

std::unique_ptr<Watcher> Watch(const Paths& dirs) {
  Result<std::unique_ptr<Watcher>> watcher = Watcher::Start(dirs);
  REQUIRE(watcher.ok());
  return std::move(watcher).value();
}

TEST_CASE("Watcher reports a saved file, in a subfolder too") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/content/services");
  const auto watcher = Watch({dir.path() + "/content"});
  Write(dir.path() + "/content/services/a.md", "a");
  CHECK(watcher->Wait(10ms) == Paths{dir.path() + "/content/services/a.md"});
}

TEST_CASE("Watcher reports a save by rename once, as the file it became, without the scratch copy") {
  TempDir dir;
  const auto watcher = Watch({dir.path()});
  Write(dir.path() + "/a.md", "old");
  CHECK(watcher->Wait(10ms) == Paths{dir.path() + "/a.md"});
  // What sed -i and many editors do.
  Write(dir.path() + "/sedX1b2c3", "new");
  std::filesystem::rename(dir.path() + "/sedX1b2c3", dir.path() + "/a.md");
  CHECK(watcher->Wait(10ms) == Paths{dir.path() + "/a.md"});
}

TEST_CASE("Watcher ignores hidden and editor scratch files") {
  TempDir dir;
  const auto watcher = Watch({dir.path()});
  Write(dir.path() + "/.a.md.swp", "x");
  Write(dir.path() + "/a.md~", "x");
  Write(dir.path() + "/4913", "x");
  Write(dir.path() + "/b.md", "x");
  CHECK(watcher->Wait(10ms) == Paths{dir.path() + "/b.md"});
}

TEST_CASE("Watcher follows folders created after it started") {
  TempDir dir;
  const auto watcher = Watch({dir.path()});
  std::filesystem::create_directory(dir.path() + "/responses");
  CHECK(watcher->Wait(10ms) == Paths{dir.path() + "/responses"});
  std::filesystem::create_directory(dir.path() + "/responses/survey");
  CHECK(watcher->Wait(10ms) == Paths{dir.path() + "/responses/survey"});
  Write(dir.path() + "/responses/survey/day.jsonl", "{}\n");
  CHECK(watcher->Wait(10ms) == Paths{dir.path() + "/responses/survey/day.jsonl"});
}

TEST_CASE("Watcher reports a deleted file") {
  TempDir dir;
  Write(dir.path() + "/a.md", "a");
  const auto watcher = Watch({dir.path()});
  std::filesystem::remove(dir.path() + "/a.md");
  CHECK(watcher->Wait(10ms) == Paths{dir.path() + "/a.md"});
}

TEST_CASE("Watcher::Stop wakes a waiting Wait, which returns nothing") {
  TempDir dir;
  const auto watcher = Watch({dir.path()});
  std::thread stopper([&] {
    std::this_thread::sleep_for(50ms);
    watcher->Stop();
  });
  CHECK(watcher->Wait(10ms).empty());
  stopper.join();
}

}  // namespace
}  // namespace otklik::watcher_test
