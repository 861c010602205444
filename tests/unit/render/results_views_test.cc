#include "render/results_views.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "../stats/sample_site.h"
#include "../temp_dir.h"
#include "render/figure.h"
#include "stats/aggregator.h"

namespace otklik::results_views_test {
namespace {

using nlohmann::json;
using testing::Q;

// A figure the page does not show, in the built-in catalogue's words.
Shown NotEnough(const std::string& key) {
  return Hidden(key, "недостаточно данных");
}

const Date kAsOf(2026, 11, 23);  // the last complete quarter is III 2026

// Respondents of survey 0 about `service` in `quarter` with these counts of ratings 1–5.
void AddRatings(Results* results, int service, const Period& quarter, std::array<uint64_t, 5> ratings) {
  RoleCounts counts;
  for (size_t i = 0; i < 5; ++i) counts.respondents += ratings[i];
  counts.overall = ratings;
  results->AddRole(0, service, -1, QuarterNumber(quarter), counts);
  SlotCounts slot;
  slot.asked = counts.respondents;
  slot.answered = counts.respondents;
  slot.options.assign(ratings.begin(), ratings.end());
  results->AddSurvey(0, QuarterNumber(quarter), {slot});
}

struct Fixture {
  Site site = testing::TestSiteWithOneSurvey();
  std::unique_ptr<Results> results = testing::EmptyResults(site);
  PublishedTables published{kAsOf, {}, {}};
  std::unique_ptr<Disclosure> disclosure;
  std::unique_ptr<ResultsModel> model;
  std::unique_ptr<ResultsContext> context;

  const ResultsContext& Context() {
    disclosure = std::make_unique<Disclosure>(*results, 10, published);
    model = std::make_unique<ResultsModel>(*results, *disclosure);
    context = std::make_unique<ResultsContext>(
        ResultsContext{*results, *disclosure, *model, kAsOf, Ratio{60, 100}, Ratio{25, 100}});
    return *context;
  }
};

const GroupKey kServiceA{GroupKey::Kind::kService, 0, 0};

// The one block of a site with one indicator, or «no data».
json ResultsBlock(const ResultsContext& context, const GroupKey& group, const std::string& root,
                  const std::string& id) {
  const json blocks = ResultsBlocks(context, group, root, id);
  return blocks.empty() ? json{{"has_data", false}} : blocks[0];
}

// <data value="…" data-key="…">text</data>
std::string Fig(const std::string& key, const std::string& value, const std::string& text) {
  return Figure(key, value, text).html;
}

TEST_CASE("ResultsBlock shows the last complete quarter with its Wilson interval, mean and count") {
  Fixture f;
  AddRatings(f.results.get(), 0, Q(2026, 2), {2, 1, 2, 5, 10});  // 15 of 20 rate 4–5
  AddRatings(f.results.get(), 0, Q(2026, 3), {0, 0, 0, 4, 6});   // 10 of 10
  const json block = ResultsBlock(f.Context(), kServiceA, "../../", "a");
  CHECK(block["has_data"] == true);
  CHECK(block["period"] == "III квартал 2026\u00A0г.");
  // Wilson 95 % for 10/10: centre (1 + 1.92/10) / 1.384 = 0.861, half-width 1.96·√(3.84/400)/1.384 = 0.139 → 72–100 %.
  // Mean (4·4 + 6·5) / 10 = 4.6.
  const std::string q3 = "level/services/service:a/2026-q3";
  CHECK(block["current"] == json{{"period", "III квартал 2026\u00A0г."},
                                 {"short", "III кв. 2026"},
                                 {"shown", true},
                                 {"empty", false},
                                 {"percent", Fig(q3 + "/share", "10/10", "100\u00A0%")},
                                 {"interval", Fig(q3 + "/interval", "10/10", "72–100\u00A0%")},
                                 {"mean", Fig(q3 + "/mean", "46/10", "4,6")},
                                 {"n", Fig(q3 + "/ratings", "10", "10")},
                                 {"hidden", ""}});
  CHECK(block["summary"] == "Уровень удовлетворённости в III квартале 2026\u00A0г. — " +
                                Fig(q3 + "/share", "10/10", "100\u00A0%") + " (95 % интервал — " +
                                Fig(q3 + "/interval", "10/10", "72–100\u00A0%") + ", оценок — " +
                                Fig(q3 + "/ratings", "10", "10") + ").");
  // 75 % → 100 %: +25 points, the difference of the two shown figures; Newcombe's lower bound
  // 0.25 − √((1 − 0.72)² + (0.89 − 0.75)²) < 0.
  CHECK(block["change"]["html"] ==
        "на <data value=\"25.0\" data-key=\"" + q3 + "/change/2026-q2\" data-from=\"level/services/service:a/2026-q2/share\" "
        "data-to=\"" + q3 + "/share\">25</data>\u00A0процентных пунктов выше, чем во II квартале 2026\u00A0г.; разница в "
        "пределах погрешности");
  CHECK(block["change"]["significant"] == false);
  CHECK(block["below_target"] == false);
  // Wilson 95 % for 15/20: 0.710 ± 0.178 → 53–89 %; mean (2 + 2 + 6 + 20 + 50) / 20 = 4.0.
  const std::string q2 = "level/services/service:a/2026-q2";
  CHECK(block["trend"]["rows"] == json::array({{{"period", "II квартал 2026\u00A0г."},
                                                {"short", "II кв. 2026"},
                                                {"shown", true},
                                                {"empty", false},
                                                {"percent", Fig(q2 + "/share", "15/20", "75\u00A0%")},
                                                {"interval", Fig(q2 + "/interval", "15/20", "53–89\u00A0%")},
                                                {"mean", Fig(q2 + "/mean", "80/20", "4,0")},
                                                {"n", Fig(q2 + "/ratings", "20", "20")},
                                                {"hidden", ""}},
                                               block["current"]}));
  CHECK(block["trend"]["summary"] == "За 2\u00A0квартала уровень удовлетворённости был от " +
                                         Fig(q2 + "/share", "15/20", "75\u00A0%") + " (II кв. 2026) до " +
                                         Fig(q3 + "/share", "10/10", "100\u00A0%") + " (III кв. 2026); цель — " +
                                         Fig("settings/target", "60/100", "60\u00A0%") + ".");
  CHECK(block["trend"]["svg"].get<std::string>().starts_with("<svg class=\"chart\""));
  // Halves and years only when over: the first half of 2026 is; no year is.
  REQUIRE(block["halves"].size() == 1);
  CHECK(block["halves"][0]["period"] == "1-е полугодие 2026\u00A0г.");
  CHECK(block["halves"][0]["percent"] == Fig("level/services/service:a/2026-h1/share", "15/20", "75\u00A0%"));
  CHECK(block["years"] == json::array());
  CHECK(block["k"] == "10");
  CHECK(block["channels"] == nullptr);  // nobody said where they received it
}

TEST_CASE("ResultsBlock of a group without any rating has no data") {
  Fixture f;
  AddRatings(f.results.get(), 0, Q(2026, 3), {0, 0, 0, 4, 6});
  CHECK(ResultsBlock(f.Context(), {GroupKey::Kind::kService, 1, 0}, "", "b") == json{{"has_data", false}});
}

TEST_CASE("ResultsBlock ignores the quarter in progress") {
  Fixture f;
  AddRatings(f.results.get(), 0, Q(2026, 4), {0, 0, 0, 4, 6});
  CHECK(ResultsBlock(f.Context(), kServiceA, "", "a") == json{{"has_data", false}});
}

TEST_CASE("ResultsBlock says «недостаточно данных» for a small group and «ответов нет» for an empty quarter") {
  Fixture f;
  AddRatings(f.results.get(), 0, Q(2026, 1), {0, 0, 0, 4, 6});
  AddRatings(f.results.get(), 0, Q(2026, 2), {0, 1, 0, 2, 3});  // 6 < k
  AddRatings(f.results.get(), 1, Q(2026, 3), {0, 0, 0, 10, 10});  // another service, so III 2026 exists
  const json block = ResultsBlock(f.Context(), kServiceA, "", "a");
  const json& rows = block["trend"]["rows"];
  REQUIRE(rows.size() == 3);
  // II 2026 (6) is small; the half-year (16) less I 2026 would give it back, so I 2026 (10), the
  // smaller of the two, is hidden with it, and the half-year, the official summary, stays.
  CHECK(rows[0]["shown"] == false);
  CHECK(rows[1] == json{{"period", "II квартал 2026\u00A0г."},
                        {"short", "II кв. 2026"},
                        {"shown", false},
                        {"empty", false},
                        {"percent", ""},
                        {"interval", ""},
                        {"mean", ""},
                        {"n", ""},
                        {"hidden", NotEnough("level/services/service:a/2026-q2/share").html}});
  CHECK(rows[2]["shown"] == false);
  CHECK(rows[2]["empty"] == true);
  CHECK(block["summary"] == "В III квартале 2026\u00A0г. оценок не было.");
  CHECK(block["change"] == nullptr);
  CHECK(block["halves"][0]["shown"] == true);
  CHECK(block["halves"][0]["n"] == Fig("level/services/service:a/2026-h1/ratings", "16", "16"));
}

TEST_CASE("ResultsBlock flags a level below the target") {
  Fixture f;
  AddRatings(f.results.get(), 0, Q(2026, 3), {5, 5, 2, 4, 4});  // 8 of 20: 40 %
  const json block = ResultsBlock(f.Context(), kServiceA, "", "a");
  CHECK(block["current"]["percent"] == Fig("level/services/service:a/2026-q3/share", "8/20", "40\u00A0%"));
  CHECK(block["below_target"] == true);
  CHECK(block["target"] == Fig("settings/target", "60/100", "60\u00A0%"));
}

TEST_CASE("ResultsBlock shows a level next to the target with a decimal, and compares it as shown") {
  Fixture f;
  // 299 of 500 rate 4–5: 59.8 %, «60 %» in whole percent, which would read as the target: «59,8 %», below.
  AddRatings(f.results.get(), 0, Q(2026, 3), {100, 50, 51, 149, 150});
  const json below = ResultsBlock(f.Context(), kServiceA, "", "a");
  CHECK(below["current"]["percent"] == Fig("level/services/service:a/2026-q3/share", "299/500", "59,8\u00A0%"));
  CHECK(below["below_target"] == true);
  // 300 of 500: exactly 60 %, the target itself: whole percent, not below.
  Fixture g;
  AddRatings(g.results.get(), 0, Q(2026, 3), {100, 50, 50, 150, 150});
  const json at = ResultsBlock(g.Context(), kServiceA, "", "a");
  CHECK(at["current"]["percent"] == Fig("level/services/service:a/2026-q3/share", "300/500", "60\u00A0%"));
  CHECK(at["below_target"] == false);
}

TEST_CASE("ResultsBlock of everything lists the channels, hidden ones without numbers") {
  Fixture f;
  for (const auto& [touchpoint, n] : std::vector<std::pair<int, uint64_t>>{{0, 30}, {1, 12}, {2, 3}}) {
    RoleCounts counts;
    counts.respondents = n;
    counts.overall[4] = n;
    f.results->AddRole(0, 0, touchpoint, QuarterNumber(Q(2026, 3)), counts);
  }
  SlotCounts slot;
  slot.asked = slot.answered = 45;
  slot.options = {0, 0, 0, 0, 45};
  f.results->AddSurvey(0, QuarterNumber(Q(2026, 3)), {slot});
  const json block = ResultsBlock(f.Context(), {GroupKey::Kind::kAll, -1, 0}, "../", "all");
  // post (3) is hidden, and web (12), the smallest other that makes k with it; mfc 30 of 45 known = 67 %.
  const std::string key = "channel/services/all/2026-q3/touchpoint:";
  CHECK(block["channels"] == json::array({{{"title", ""},
                                           {"href", "../touchpoints/mfc/index.html"},
                                           {"shown", true},
                                           {"share", Fig(key + "mfc/share", "30/45", "67\u00A0%")},
                                           {"n", Fig(key + "mfc/count", "30", "30")},
                                           {"hidden", ""}},
                                          {{"title", ""},
                                           {"href", "../touchpoints/web/index.html"},
                                           {"shown", false},
                                           {"share", ""},
                                           {"n", ""},
                                           {"hidden", NotEnough(key + "web/count").html}},
                                          {{"title", ""},
                                           {"href", "../touchpoints/post/index.html"},
                                           {"shown", false},
                                           {"share", ""},
                                           {"n", ""},
                                           {"hidden", NotEnough(key + "post/count").html}}}));
}

TEST_CASE("ResultsBlock of a service and of its situation lists the channels the disclosure rules leave") {
  Fixture f;
  // a: mfc 30, web 12, post 3; b: mfc 20, post 15; c: web 25 (see the Disclosure test of this split).
  const std::vector<std::tuple<int, int, uint64_t>> cells = {{0, 0, 30}, {0, 1, 12}, {0, 2, 3},
                                                             {1, 0, 20}, {1, 2, 15}, {2, 1, 25}};
  for (const auto& [service, touchpoint, n] : cells) {
    RoleCounts counts;
    counts.respondents = n;
    counts.overall[4] = n;
    f.results->AddRole(0, service, touchpoint, QuarterNumber(Q(2026, 3)), counts);
  }
  SlotCounts slot;  // Quarters() are those with survey responses
  slot.asked = slot.answered = 105;
  slot.options = {0, 0, 0, 0, 105};
  f.results->AddSurvey(0, QuarterNumber(Q(2026, 3)), {slot});
  const auto row = [](const std::string& cut, const std::string& id, const std::string& share,
                      const std::string& n) {
    const std::string key = "channel/services/" + cut + "/2026-q3/touchpoint:" + id;
    return json{{"title", ""},
                {"href", "../../touchpoints/" + id + "/index.html"},
                {"shown", !share.empty()},
                {"share", share.empty() ? "" : Fig(key + "/share", share, Figure("x", share, "").text)},
                {"n", share.empty() ? "" : Fig(key + "/count", n, n)},
                {"hidden", share.empty() ? NotEnough(key + "/count").html : ""}};
  };
  // a@mfc and a@post are hidden; a@web is 12 of a's 45: 27 %.
  const json a = ResultsBlock(f.Context(), kServiceA, "../../", "a");
  json web = row("service:a", "web", "12/45", "12");
  web["share"] = Fig("channel/services/service:a/2026-q3/touchpoint:web/share", "12/45", "27\u00A0%");
  CHECK(a["channels"] == json::array({row("service:a", "mfc", "", ""), web, row("service:a", "post", "", "")}));
  CHECK(a["channels_caption"] == "Как получали услугу в III квартале 2026\u00A0г.: доля ответивших, указавших способ");
  // family = a + b: web is a@web alone (12 of 80); mfc and post hold hidden cells.
  const json family = ResultsBlock(f.Context(), {GroupKey::Kind::kSituation, 0, 0}, "../../", "family");
  json family_web = row("situation:family", "web", "12/80", "12");
  family_web["share"] = Fig("channel/services/situation:family/2026-q3/touchpoint:web/share", "12/80", "15\u00A0%");
  CHECK(family["channels"] ==
        json::array({row("situation:family", "mfc", "", ""), family_web, row("situation:family", "post", "", "")}));
  // A touchpoint is a channel: no split.
  CHECK(ResultsBlock(f.Context(), {GroupKey::Kind::kTouchpoint, 0, 0}, "../../", "mfc")["channels"] == nullptr);
}

// A survey with a demographic question, counted from a real segment file.
TEST_CASE("SurveyResults hides small options of a grouping question, combines ordered ones, never shows open texts") {
  const std::vector<Service> services = testing::TestServices();
  const Site site = testing::TestSite(
      {testing::ParseTestSurvey("s",
                                "title: Опрос\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 1\nquestions:\n"
                                "  - {id: overall, kind: scale, text: Оценка, role: overall}\n"
                                "  - {id: sex, kind: sex, text: Пол, required: false}\n"
                                "  - {id: age, kind: age, text: Возраст, required: false}\n"
                                "  - {id: note, kind: text, text: Пожелания, required: false}\n"
                                "quotes:\n"
                                "  - {question: note, text: Спасибо за работу}\n",
                                services)});
  testing::TempDir dir;
  std::string lines;
  for (int i = 0; i < 24; ++i) {
    // 20 women, 4 men; ages: 12 «30-44», 9 «45-60», 3 «18-29»; every 6th leaves a note.
    const std::string sex = i < 20 ? "female" : "male";
    const std::string age = i < 12 ? "30-44" : i < 21 ? "45-60" : "18-29";
    lines += "{\"answers\":{\"overall\":[\"" + std::to_string(i % 5 + 1) + "\"],\"sex\":[\"" + sex + "\"],\"age\":[\"" +
             age + "\"]" + (i % 6 == 0 ? ",\"note\":[\"Мой телефон 8-900-000\"]" : "") +
             "},\"date\":\"2026-07-01\",\"revision\":1,\"source\":\"web\",\"survey\":\"s\"}\n";
  }
  std::filesystem::create_directories(dir / "s");
  std::ofstream(dir / "s/a.jsonl") << lines;
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 1, &warnings);
  CHECK(warnings.empty());
  const PublishedTables published{kAsOf, {{0, std::nullopt}}, {}};
  const Disclosure disclosure(results, 10, published);
  const ResultsModel model(results, disclosure);
  const ResultsContext context{results, disclosure, model, kAsOf, Ratio{60, 100}, Ratio{25, 100}};
  const json view = SurveyResults(context, 0);
  CHECK(view["responses"] == Fig("survey/s/all/responses", "24", "24"));
  const json& questions = view["questions"];
  REQUIRE(questions.size() == 4);
  // Ratings 1–5 of a shown group are shown whole, even cells under k.
  CHECK(questions[0]["rows"][0] == json{{"text", "1"},
                                        {"shown", true},
                                        {"count", Fig("survey/s/overall/all/answer:1/count", "5", "5")},
                                        {"percent", Fig("survey/s/overall/all/answer:1/share", "5/24", "21\u00A0%")},
                                        {"hidden", ""}});
  CHECK(questions[0]["level"]["percent"] == Fig("survey/s/overall/all/level/share", "9/24", "38\u00A0%"));
  CHECK(questions[0]["parts_key"] == "survey/s/overall/all/answered");
  // Sex: men (4) hidden, and women then too, or 24 − 4 would give them away.
  CHECK(questions[1]["rows"] == json::array({{{"text", "Мужской"},
                                              {"shown", false},
                                              {"count", ""},
                                              {"percent", ""},
                                              {"hidden", NotEnough("survey/s/sex/all/answer:male/count").html}},
                                             {{"text", "Женский"},
                                              {"shown", false},
                                              {"count", ""},
                                              {"percent", ""},
                                              {"hidden", NotEnough("survey/s/sex/all/answer:female/count").html}}}));
  // No chart; the empty names keep Mustache from showing the survey's own summary instead.
  CHECK(questions[1]["svg"] == "");
  CHECK(questions[1]["summary"] == "");
  // Age 3 | 12 | 9 | 0: the 3 joins 12, the 9 joins those 15 (not the empty band): 24 and 0.
  const json& ages = questions[2]["rows"];
  REQUIRE(ages.size() == 2);
  CHECK(ages[0]["text"] == "18–29 лет или 30–44 года или 45–60 лет");
  CHECK(ages[0]["count"] == Fig("survey/s/age/all/answer:18-29+30-44+45-60/count", "24", "24"));
  CHECK(ages[1]["count"] == Fig("survey/s/age/all/answer:61-plus/count", "0", "0"));
  // Open answers: only their count and the editor's quote, never the texts.
  CHECK(questions[3]["text_note"] == "Получено " + Fig("survey/s/note/all/answered", "4", "4") +
                                         "\u00A0ответа; тексты не публикуются, их читают сотрудники ведомства.");
  CHECK(questions[3]["quotes"] == json::array({"Спасибо за работу"}));
  CHECK(view.dump().find("8-900") == std::string::npos);
}

}  // namespace
// A follow-up question's base is the sum of the figures it follows from, so
// that the consistency check can see what a hidden option would give away.
TEST_CASE("SurveyResults marks how a skipped question's base follows from an earlier answer") {
  const std::vector<Service> services = testing::TestServices();
  const Site site = testing::TestSite(
      {testing::ParseTestSurvey("s",
                                "title: Опрос\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 1\nquestions:\n"
                                "  - id: reached\n"
                                "    kind: single\n"
                                "    text: Дозвонились с первого раза?\n"
                                "    options: [{yes: Да}, {no: Нет}]\n"
                                "  - id: why\n"
                                "    kind: text\n"
                                "    text: Что мешало?\n"
                                "    required: false\n"
                                "    show_if: {question: reached, answers: [no]}\n"
                                "  - id: waited\n"
                                "    kind: single\n"
                                "    text: Сколько ждали?\n"
                                "    options:\n"
                                "      - short: Недолго\n"
                                "      - long: Долго\n"
                                "      - dropped: Не дождался\n"
                                "        goto: end\n"
                                "  - {id: overall, kind: scale, text: Оценка, role: overall}\n",
                                services)});
  testing::TempDir dir;
  std::string lines;
  for (int i = 0; i < 30; ++i) {
    // reached: every third «no» (10); waited: 14 short, 11 long, 5 dropped (asked nothing more).
    const std::string reached = i % 3 == 0 ? "no" : "yes";
    const std::string waited = i < 14 ? "short" : i < 25 ? "long" : "dropped";
    lines += "{\"answers\":{\"reached\":[\"" + reached + "\"],\"waited\":[\"" + waited + "\"]" +
             (i < 25 ? ",\"overall\":[\"" + std::to_string(i % 5 + 1) + "\"]" : "") +
             "},\"date\":\"2026-07-01\",\"revision\":1,\"source\":\"web\",\"survey\":\"s\"}\n";
  }
  std::filesystem::create_directories(dir / "s");
  std::ofstream(dir / "s/a.jsonl") << lines;
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 1, &warnings);
  CHECK(warnings.empty());
  const PublishedTables published{kAsOf, {{0, std::nullopt}}, {}};
  const Disclosure disclosure(results, 10, published);
  const ResultsModel model(results, disclosure);
  const ResultsContext context{results, disclosure, model, kAsOf, Ratio{60, 100}, Ratio{25, 100}};
  const json view = SurveyResults(context, 0);
  const json& questions = view["questions"];
  REQUIRE(questions.size() == 4);
  CHECK(questions[0]["asked"] == Fig("survey/s/reached/all/asked", "30", "30"));
  // Only after «no»: asked = count(no).
  CHECK(questions[1]["asked"] == "<data value=\"10\" data-key=\"survey/s/why/all/asked\" "
                                 "data-sum=\"survey/s/reached/all/answer:no/count\">10</data>");
  CHECK(questions[2]["asked"] == Fig("survey/s/waited/all/asked", "30", "30"));
  // Everyone but «dropped»: asked = responses − count(dropped).
  CHECK(questions[3]["asked"] == "<data value=\"25\" data-key=\"survey/s/overall/all/asked\" "
                                 "data-sum=\"survey/s/all/responses -survey/s/waited/all/answer:dropped/count\">25</data>");
}

}  // namespace otklik::results_views_test
