#include "model/messages.h"

#include <catch2/catch.hpp>

namespace otklik::messages_test {
namespace {

AgencyWords Supervision() {
  AgencyWords words;
  words.agency = {"служба", "службы", "службе", "службу", "службой", "службе"};
  words.process = {"проверка", "проверки", "проверке", "проверку", "проверкой", "проверке"};
  words.processes = {"проверки", "проверок", "проверкам", "проверки", "проверками", "проверках"};
  words.respondents = {"организации", "организаций", "организациям", "организации", "организациями",
                       "организациях"};
  return words;
}

TEST_CASE("PutWords puts the agency's words in their cases, capitalised where the placeholder is") {
  const AgencyWords words = Supervision();
  CHECK(PutWords("{Processes} {agency.gen}: как их оценивают {respondents}.", words) ==
        "Проверки службы: как их оценивают организации.");
  CHECK(PutWords("Что беспокоит {respondents.acc}, что {agency} меняет", words) ==
        "Что беспокоит организации, что служба меняет");
  CHECK(PutWords("По {processes.dat}, о {process.pre}, {agency.ins}", AgencyWords{}) ==
        "По услугам, о услуге, ведомством");
  CHECK(PutWords("«{title}» и {n}", words) == "«{title}» и {n}");  // the view's own parameters stay
  std::string unknown;
  CHECK(PutWords("{agency.xyz}", words, &unknown) == "{agency.xyz}");
  CHECK(unknown == "agency.xyz");
}

TEST_CASE("A theme's catalogue overrides the built-in one key by key, and reports what is wrong at its line") {
  MemoryFileSystem fs;
  REQUIRE(fs.WriteFile("theme/messages.yaml", "nav:\n  results: Итоги\n").ok());
  Diagnostics diagnostics;
  const std::optional<Messages> messages = Messages::Load(fs, "theme/messages.yaml", Supervision(), &diagnostics);
  REQUIRE(messages);
  CHECK((*messages)["nav.results"] == "Итоги");
  CHECK((*messages)["nav.services"] == "Проверки");  // the built-in default, in the agency's words
  CHECK(messages->Format("reports.quarter_title", {{"period", "III квартал 2026 г."}}) ==
        "Обращения организаций: III квартал 2026 г.");
  CHECK((*messages)["no.such.key"] == "");
  CHECK(messages->Missing() == std::vector<std::string>{"no.such.key"});

  REQUIRE(fs.WriteFile("theme/messages.yaml", "nav:\n  results: Итоги {agency.nom}\n  list: [a, b]\n").ok());
  CHECK_FALSE(Messages::Load(fs, "theme/messages.yaml", Supervision(), &diagnostics));
  CHECK(diagnostics.ToString() ==
        "theme/messages.yaml:2: неизвестная подстановка «{agency.nom}»: есть {agency}, {process}, {processes}, "
        "{respondents} с падежом (.gen, .dat, .acc, .ins, .pre)\n"
        "theme/messages.yaml:3: сообщение «nav.list» должно быть текстом или разделом сообщений\n");
}

TEST_CASE("A message of three forms is put in the form for a number, with the number or alone") {
  const Messages messages = Messages::FromTexts(
      {{"answers", "ответ|ответа|ответов"}, {"plain", "ответы"}, {"two", "а|б"}}, AgencyWords{});
  CHECK(messages.Count("answers", 1) == "1\u00a0ответ");
  CHECK(messages.Count("answers", 22) == "22\u00a0ответа");
  CHECK(messages.Count("answers", 11) == "11\u00a0ответов");
  CHECK(messages.Count("answers", 0) == "0\u00a0ответов");
  CHECK(messages.Plural("answers", 3) == "ответа");
  CHECK(messages.Plural("plain", 3) == "ответы");  // not three forms: the one form, after any number
  CHECK(messages.Count("plain", 3) == "3\u00a0ответы");
  CHECK(messages.Count("two", 5) == "5\u00a0а|б");
  CHECK(messages.Missing().empty());
}

TEST_CASE("Format fills every placeholder once, and never inside a value it put in") {
  const Messages messages = Messages::FromTexts(
      {{"feed", "{title} — {short_name}"}, {"twice", "{n} и {n}, {unknown} {{mustache}} {"}}, AgencyWords{});
  CHECK(messages.Format("feed", {{"title", "Отзывы {short_name}"}, {"short_name", "Служба {title}"}}) ==
        "Отзывы {short_name} — Служба {title}");
  CHECK(messages.Format("twice", {{"n", "1"}}) == "1 и 1, {unknown} {{mustache}} {");
}

}  // namespace
}  // namespace otklik::messages_test
