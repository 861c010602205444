#include "core/progress.h"

#include <catch2/catch.hpp>

#include <regex>
#include <thread>

namespace otklik::progress_test {
namespace {

// What a StreamProgress wrote, read back from a temporary file.
struct Capture {
  Capture() : file(std::tmpfile()) { REQUIRE(file != nullptr); }
  ~Capture() { std::fclose(file); }
  std::string Text() {
    std::fflush(file);
    std::rewind(file);
    std::string text;
    for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) text += static_cast<char>(c);
    return text;
  }
  std::FILE* file;
};

TEST_CASE("StreamProgress keeps quick steps silent unless verbose") {
  for (const bool terminal : {false, true}) {
    Capture out;
    StreamProgress progress(out.file, terminal, false);
    {
      ProgressStep step(progress, "Страницы", 3);
      step.Advance(3);
      step.set_summary("3 страницы");
    }
    CHECK(out.Text().empty());
  }
}

TEST_CASE("StreamProgress with verbose prints every step with its summary and time") {
  Capture out;
  StreamProgress progress(out.file, false, true);
  {
    ProgressStep step(progress, "Чтение материалов");
  }
  {
    ProgressStep step(progress, "Страницы", 2);
    step.Advance(2);
    step.set_summary("2 страницы");
  }
  CHECK(std::regex_match(out.Text(), std::regex("Чтение материалов \\(\\d+\\.\\d{3} с\\)\n"
                                                "Страницы: 2 страницы \\(\\d+\\.\\d{3} с\\)\n")));
}

TEST_CASE("StreamProgress draws a bar on a terminal once a step takes long, and erases it") {
  Capture out;
  StreamProgress progress(out.file, true, false);
  {
    ProgressStep step(progress, "Чтение ответов", 4);
    std::this_thread::sleep_for(std::chrono::milliseconds(350));
    step.Advance(2);
  }
  CHECK(out.Text() == "\rЧтение ответов  [###############...............] 50 %\033[K\r\033[K");
}

TEST_CASE("StreamProgress off a terminal prints a line for a step that took over a second") {
  Capture out;
  StreamProgress progress(out.file, false, false);
  {
    ProgressStep step(progress, "Проверка строк", 10);
    step.Advance(10);
    std::this_thread::sleep_for(std::chrono::milliseconds(1050));
    step.set_summary("10 строк");
  }
  CHECK(std::regex_match(out.Text(), std::regex("Проверка строк: 10 строк \\([12]\\.\\d{3} с\\)\n")));
}

}  // namespace
}  // namespace otklik::progress_test
