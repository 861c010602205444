#include "model/themes.h"

#include <catch2/catch.hpp>

#include "core/case_fold.h"

namespace otklik::themes_test {
namespace {

std::optional<Themes> Load(const std::string& yaml, Diagnostics* diagnostics) {
  MemoryFileSystem fs;
  REQUIRE(fs.WriteFile("content/themes.yaml", yaml).ok());
  return LoadThemes(fs, "content", {"quality", "staff"}, diagnostics);
}

TEST_CASE("LoadThemes reads themes with folded stems and manual assignments") {
  Diagnostics diagnostics;
  const std::optional<Themes> themes = Load(R"(themes:
  - id: queues
    title: Очереди
    keywords: [Очеред, ОЖИДАН]
  - id: docs
    title: Документы
    keywords: справк
assign:
  0123456789ab: [docs, queues]
  ffffffffffff: []
)",
                                           &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(themes);
  REQUIRE(themes->themes.size() == 2);
  CHECK(themes->themes[0].stems == std::vector<std::string>{"очеред", "ожидан"});
  CHECK(themes->themes[1].stems == std::vector<std::string>{"справк"});
  CHECK(themes->Match(Folded("Долгая ОЧЕРЕДЬ и справки")) == 3);
  CHECK(themes->Match(Folded("Всё хорошо")) == 0);
  // A manual assignment wins over the stems, an empty one leaves the answer uncoded.
  CHECK(themes->Of("0123456789ab", Folded("Всё хорошо")) == 3);
  CHECK(themes->Of("ffffffffffff", Folded("очередь")) == 0);
  CHECK(themes->Of("aaaaaaaaaaaa", Folded("очередь")) == 1);
  CHECK(themes->For("quality") == 3);
  CHECK(themes->Find("docs") == 1u);
  CHECK_FALSE(themes->Find("nope"));
}

TEST_CASE("A theme with surveys codes only their answers") {
  Diagnostics diagnostics;
  const std::optional<Themes> themes = Load(R"(themes:
  - id: queues
    title: Очереди
    keywords: [очеред]
    surveys: [quality]
  - id: workload
    title: Нагрузка
    keywords: [нагрузк]
    surveys: [staff]
  - id: thanks
    title: Благодарности
    keywords: [спасибо]
)",
                                           &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(themes);
  CHECK(themes->For("quality") == 0b101);
  CHECK(themes->For("staff") == 0b110);
  CHECK(themes->For("other") == 0b100);
}

TEST_CASE("LoadThemes without a file codes nothing") {
  MemoryFileSystem fs;
  Diagnostics diagnostics;
  const std::optional<Themes> themes = LoadThemes(fs, "content", {}, &diagnostics);
  REQUIRE(themes);
  CHECK(themes->themes.empty());
  CHECK(diagnostics.empty());
}

TEST_CASE("LoadThemes reports every problem with its line") {
  Diagnostics diagnostics;
  CHECK_FALSE(Load(R"(themes:
  - id: queues
    title: Очереди
    keywords: []
  - id: queues
    title: Ещё очереди
    keywords: [очеред]
    colour: red
  - id: Bad Id
    title: Плохой код
    keywords: [x]
    surveys: [qualty]
assign:
  0123456789ab: [nope]
)",
                   &diagnostics));
  CHECK(diagnostics.ToString() ==
        "content/themes.yaml:4: у темы «queues» нет ключевых слов (keywords): по ним ответы относятся к теме, например "
        "[очеред, ожидан]\n"
        "content/themes.yaml:5: тема «queues» уже описана выше\n"
        "content/themes.yaml:8: неизвестное поле «colour»\n"
        "content/themes.yaml:9: код темы «Bad Id»: только строчные латинские буквы, цифры и дефис\n"
        "content/themes.yaml:12: у темы «Bad Id» указан опрос «qualty», которого нет среди опросов (возможно, "
        "имелось в виду «quality»?)\n"
        "content/themes.yaml:14: ответ 0123456789ab: нет темы «nope» в списке themes\n");
}

TEST_CASE("AnswerId is 12 hex digits, the same for the same answer and different for another") {
  const std::string id = AnswerId("quality", "2026-07-15", "proposals", "Больше окон");
  CHECK(id.size() == 12);
  CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(AnswerId("quality", "2026-07-15", "proposals", "Больше окон") == id);
  CHECK(AnswerId("quality", "2026-07-16", "proposals", "Больше окон") != id);
  CHECK(AnswerId("quality", "2026-07-15", "proposal", "sБольше окон") != id);
}

}  // namespace
}  // namespace otklik::themes_test
