// The results model over real stored responses: pooling by indicator,
// protection of a follow-up question's base, recoding of ordered answers,
// and staff answers kept out of public counts. Every expected number is
// worked out by hand in the comments.

#include "stats/results_model.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "../temp_dir.h"
#include "sample_site.h"
#include "stats/aggregator.h"

namespace otklik::results_model_test {
namespace {

using testing::Q;
using testing::TempDir;

enum { a, b, c, d, e };
enum { mfc, web, post };
constexpr uint64_t kK = 10;

void Append(const std::string& path, const std::string& line, int times) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::app);
  for (int i = 0; i < times; ++i) out << line;
  REQUIRE(out.good());
}

std::string Line(const std::string& survey, const std::string& date, const std::string& answers) {
  return "{\"answers\":{" + answers + "},\"date\":\"" + date + "\",\"revision\":1,\"source\":\"web\",\"survey\":\"" +
         survey + "\"}\n";
}

// Two indicators: «services» (survey quality) and «appeals» (survey appeals),
// and a staff survey, all naming a service.
Site TwoIndicatorSite() {
  const std::vector<Service> services = testing::TestServices();
  const auto survey = [&](const std::string& id, const std::string& head) {
    Survey s = testing::ParseTestSurvey(id,
                                        "title: Опрос\nopens: 2026-01-01\ncloses: 2026-09-30\nrevision: 1\n" + head +
                                            "questions:\n"
                                            "  - {id: service, kind: service, text: Услуга}\n"
                                            "  - {id: overall, kind: scale, text: Оценка, role: overall}\n",
                                        services);
    return s;
  };
  Survey quality = survey("quality", "");
  quality.indicator = "services";
  Survey appeals = survey("appeals", "");
  appeals.indicator = "appeals";
  Survey staff = survey("staff", "audience: internal\n");
  SiteConfig config;
  config.indicators = {{"services", "Качество услуг", "", 0}, {"appeals", "Работа с обращениями", "", 0}};
  Site base = testing::TestSite({quality, appeals, staff}, services);
  return Site(config, base.services(), base.situations(), base.touchpoints(), {}, base.surveys());
}

TEST_CASE("Levels pool only the surveys of one indicator; staff answers reach no public count") {
  const Site site = TwoIndicatorSite();
  TempDir dir;
  // Service a in Q3 2026: 20 rate its quality 5, 12 rate the handling of their appeal 1, 15 staff rate 3.
  Append(dir / "quality/q.jsonl", Line("quality", "2026-08-01", "\"service\":[\"a\"],\"overall\":[\"5\"]"), 20);
  Append(dir / "appeals/q.jsonl", Line("appeals", "2026-08-01", "\"service\":[\"a\"],\"overall\":[\"1\"]"), 12);
  Append(dir / "staff/q.jsonl", Line("staff", "2026-08-01", "\"service\":[\"a\"],\"overall\":[\"3\"]"), 15);
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 2, &warnings);
  REQUIRE(warnings.empty());
  const PublishedTables published{Date(2026, 11, 15), {}, {}};
  const Disclosure disclosure(results, kK, published);
  const ResultsModel model(results, disclosure);
  const GroupKey quality{GroupKey::Kind::kService, a, 0};
  const GroupKey appeals{GroupKey::Kind::kService, a, 1};
  // Quality: 20 of 20 rated 4–5 = 100 %; appeals: 0 of 12. Pooled they would be 20 of 32 (63 %).
  const PeriodLevel level = model.Level(quality, Q(2026, 3));
  CHECK(level.share() == Ratio{20, 20});
  CHECK(level.key == "level/services/service:a/2026-q3");
  CHECK(level.shown);
  CHECK(model.Level(appeals, Q(2026, 3)).share() == Ratio{0, 12});
  CHECK(model.Level(appeals, Q(2026, 3)).key == "level/appeals/service:a/2026-q3");
  // The staff's 15 are in neither, nor in the agency's level, nor in the public count.
  CHECK(results.All(0, Q(2026, 3)).respondents == 20);
  CHECK(results.All(1, Q(2026, 3)).respondents == 12);
  CHECK(results.IndicatorOf(2) == -1);
  CHECK(model.PublicResponses() == 32);
  CHECK(results.scan.lines == 47);
}

// A channel question whose «office» skips the portal's question.
Site ChannelSite() {
  return testing::TestSite({testing::ParseTestSurvey("channel",
                                                      "title: Опрос\nopens: 2026-07-01\ncloses: 2026-09-30\n"
                                                      "revision: 1\nquestions:\n"
                                                      "  - id: channel\n"
                                                      "    kind: single\n"
                                                      "    role: channel\n"
                                                      "    text: Как получили?\n"
                                                      "    options:\n"
                                                      "      - portal: Портал\n"
                                                      "        touchpoint: web\n"
                                                      "      - office: Офис\n"
                                                      "        touchpoint: mfc\n"
                                                      "        goto: overall\n"
                                                      "  - {id: online, kind: scale, text: Удобство сайта}\n"
                                                      "  - {id: overall, kind: scale, text: Оценка, role: overall}\n"
                                                      "  - {id: age, kind: age, text: Возраст, required: false}\n",
                                                      testing::TestServices())});
}

struct ChannelFixture {
  Site site = ChannelSite();
  TempDir dir;
  PublishedTables published{Date(2027, 1, 15), {{0, std::nullopt}}, {}};  // the completed survey's page
  std::unique_ptr<Results> results;
  std::unique_ptr<Disclosure> disclosure;
  std::unique_ptr<ResultsModel> model;

  void Add(const std::string& answers, int times) {
    Append(dir / "channel/q.jsonl", Line("channel", "2026-08-01", answers), times);
  }
  void Build() {
    Diagnostics warnings;
    results = std::make_unique<Results>(Aggregate(site, dir.path(), 2, &warnings));
    REQUIRE(warnings.empty());
    disclosure = std::make_unique<Disclosure>(*results, kK, published);
    model = std::make_unique<ResultsModel>(*results, *disclosure);
  }
};

enum { kChannel, kOnline, kOverall, kAge };

TEST_CASE("A follow-up question's base is hidden with the answer that leads to it, and so is a complement") {
  ChannelFixture f;
  // 4 came through the portal and were asked «online»; 30 came to the office and were not.
  f.Add("\"channel\":[\"portal\"],\"online\":[\"5\"],\"overall\":[\"5\"]", 4);
  f.Add("\"channel\":[\"office\"],\"overall\":[\"4\"]", 30);
  f.Build();
  // «portal» (4) is a small group: hidden. «online» was asked of exactly those 4: «Задан: 4» would say
  // it, so its base is hidden too. But responses 34 − asked 4 = «office»: shown, it would give both
  // back, so «office» (30) is hidden as the complement; the channel's base, 34, stays.
  const QuestionTable& channel = f.model->Question(0, kChannel, std::nullopt);
  CHECK(channel.base_shown);
  CHECK(channel.answered == 34);
  REQUIRE(channel.rows.size() == 2);
  CHECK_FALSE(channel.rows[0].shown);
  CHECK_FALSE(channel.rows[1].shown);
  const QuestionTable& online = f.model->Question(0, kOnline, std::nullopt);
  CHECK_FALSE(online.base_shown);
  CHECK_FALSE(online.shown);
  // Everyone was asked for the overall rating: 34, shown with its level (34 of 34 rated 4–5).
  const QuestionTable& overall = f.model->Question(0, kOverall, std::nullopt);
  CHECK(overall.base_shown);
  CHECK(overall.asked == 34);
  REQUIRE(overall.level);
  CHECK(overall.level->shown);
  CHECK(f.disclosure->exposed().empty());
  // Tables no page shows are never shown: the survey by quarter.
  CHECK_FALSE(f.model->Question(0, kOverall, Q(2026, 3)).base_shown);
}

TEST_CASE("A small age band is combined with its smaller neighbour, everywhere the question is shown") {
  ChannelFixture f;
  const auto add = [&](const std::string& age, int times) {
    f.Add("\"channel\":[\"office\"],\"overall\":[\"4\"],\"age\":[\"" + age + "\"]", times);
  };
  // 18–29: 3, 30–44: 20, 45–60: 15, 61+: 2. The 2 joins 45–60 (its only neighbour), then the 3 joins 30–44.
  add("18-29", 3);
  add("30-44", 20);
  add("45-60", 15);
  add("61-plus", 2);
  f.Build();
  const QuestionTable& age = f.model->Question(0, kAge, std::nullopt);
  REQUIRE(age.rows.size() == 2);
  CHECK(age.rows[0].id == "18-29+30-44");
  CHECK(age.rows[0].text == "18–29 лет или 30–44 года");
  CHECK(age.rows[0].share == Ratio{23, 40});
  CHECK(age.rows[0].shown);
  CHECK(age.rows[1].id == "45-60+61-plus");
  CHECK(age.rows[1].share == Ratio{17, 40});
  CHECK(age.rows[1].shown);
  CHECK(f.disclosure->summary().recoded == 2);
  // A share of the combined answers is published; of one of them, not.
  CHECK(f.model->Choice(0, kAge, {"18-29", "30-44"}, std::nullopt).shown);
  CHECK(f.model->Choice(0, kAge, {"30-44", "18-29"}, std::nullopt).key ==
        "survey/channel/age/all/answer:18-29+30-44");
  CHECK_FALSE(f.model->Choice(0, kAge, {"18-29"}, std::nullopt).shown);
  CHECK(f.disclosure->exposed().empty());
}

TEST_CASE("Cuts show each group's shares when the group is shown in its own table and k of it answered") {
  ChannelFixture f;
  f.Add("\"channel\":[\"portal\"],\"online\":[\"5\"],\"overall\":[\"5\"],\"age\":[\"30-44\"]", 14);
  f.Add("\"channel\":[\"office\"],\"overall\":[\"2\"],\"age\":[\"30-44\"]", 10);
  f.Add("\"channel\":[\"office\"],\"overall\":[\"4\"],\"age\":[\"45-60\"]", 16);
  f.Add("\"channel\":[\"office\"],\"overall\":[\"3\"]", 5);
  f.Add("\"channel\":[\"office\"],\"overall\":[\"1\"],\"age\":[\"18-29\"]", 4);
  f.Build();
  REQUIRE(f.results->plan(0).cut_slots() == std::vector<size_t>{kChannel, kAge});
  // By channel: portal 14, all rated 5; office 35: 4 × 1, 10 × 2, 5 × 3, 16 × 4 → 16 of 35 rated 4–5.
  const std::vector<CutColumn>& by_channel = f.model->Cut(0, kOverall, 0, std::nullopt);
  REQUIRE(by_channel.size() == 2);
  CHECK(by_channel[0].key == "survey/channel/overall/all/cut:channel=portal");
  CHECK(by_channel[0].shown);
  CHECK(by_channel[0].level->share() == Ratio{14, 14});
  CHECK(by_channel[1].shown);
  CHECK(by_channel[1].level->share() == Ratio{16, 35});
  CHECK(by_channel[1].rows[0].share == Ratio{4, 35});
  CHECK(by_channel[1].rows[4].share == Ratio{0, 35});
  // «online» was asked of the portal's 14 only: the office column has nobody and is not shown.
  const std::vector<CutColumn>& online = f.model->Cut(0, kOnline, 0, std::nullopt);
  CHECK(online[0].shown);
  CHECK_FALSE(online[1].shown);
  // By age: the 4 of 18–29 joined 30–44 (recoding), 28 people: 14 × 5, 10 × 2, 4 × 1 → 14 of 28;
  // 45–60: 16 of 16; 61+: nobody, not shown. The 5 without an age are in no group.
  const std::vector<CutColumn>& by_age = f.model->Cut(0, kOverall, 1, std::nullopt);
  REQUIRE(by_age.size() == 3);
  CHECK(by_age[0].id == "18-29+30-44");
  CHECK(by_age[0].shown);
  CHECK(by_age[0].level->share() == Ratio{14, 28});
  CHECK(by_age[1].level->share() == Ratio{16, 16});
  CHECK_FALSE(by_age[2].shown);
  // A question that sorts people into groups is no row of a cut.
  CHECK(f.model->Cut(0, kAge, 0, std::nullopt).empty());
  CHECK(f.model->Cut(0, kChannel, 1, std::nullopt).empty());
}

TEST_CASE("A cut hides a group that its own table hides, however many of it answered") {
  ChannelFixture f;
  // portal 4 (a small group: hidden), office 30 (hidden as its complement, see above).
  f.Add("\"channel\":[\"portal\"],\"online\":[\"5\"],\"overall\":[\"5\"]", 4);
  f.Add("\"channel\":[\"office\"],\"overall\":[\"4\"]", 30);
  f.Build();
  const std::vector<CutColumn>& by_channel = f.model->Cut(0, kOverall, 0, std::nullopt);
  REQUIRE(by_channel.size() == 2);
  CHECK_FALSE(by_channel[0].shown);
  CHECK_FALSE(by_channel[1].shown);  // 30 answered, but «office» is hidden in the channel's table
}

TEST_CASE("A question marked cut crosses every other question; a group of fewer than k is not shown") {
  const Site site = testing::TestSite({testing::ParseTestSurvey("cross",
                                                                "title: Опрос\nopens: 2026-07-01\ncloses: 2026-09-30\n"
                                                                "revision: 1\nquestions:\n"
                                                                "  - {id: waited, kind: yes_no, text: Ждали?, cut: true}\n"
                                                                "  - {id: overall, kind: scale, text: Оценка}\n"
                                                                "  - {id: happy, kind: satisfaction, text: Довольны?}\n",
                                                                testing::TestServices())});
  TempDir dir;
  const auto add = [&](const std::string& answers, int times) {
    Append(dir / "cross/q.jsonl", Line("cross", "2026-08-01", answers), times);
  };
  add("\"waited\":[\"yes\"],\"overall\":[\"2\"],\"happy\":[\"dissatisfied\"]", 8);
  add("\"waited\":[\"yes\"],\"overall\":[\"5\"],\"happy\":[\"satisfied\"]", 4);
  add("\"waited\":[\"no\"],\"overall\":[\"5\"],\"happy\":[\"satisfied\"]", 15);
  add("\"waited\":[\"no\"],\"overall\":[\"4\"],\"happy\":[\"unsure\"]", 5);
  add("\"waited\":[\"unsure\"],\"overall\":[\"3\"],\"happy\":[\"unsure\"]", 3);
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 2, &warnings);
  REQUIRE(warnings.empty());
  const Disclosure disclosure(results, kK, PublishedTables{Date(2026, 11, 15), {{0, Q(2026, 3)}}, {}});
  const ResultsModel model(results, disclosure);
  REQUIRE(results.plan(0).cut_slots() == std::vector<size_t>{0});
  // The overall rating by «waited»: yes 12 (8 × 2, 4 × 5) → 4 of 12 rated 4–5; no 20 (15 × 5, 5 × 4) → 20 of
  // 20; «затрудняюсь» 3: fewer than k, not shown.
  const std::vector<CutColumn>& overall = model.Cut(0, 1, 0, Q(2026, 3));
  REQUIRE(overall.size() == 3);
  CHECK(overall[0].key == "survey/cross/overall/2026-q3/cut:waited=yes");
  CHECK(overall[0].shown);
  CHECK(overall[0].rows[1].share == Ratio{8, 12});
  CHECK(overall[0].rows[4].share == Ratio{4, 12});
  CHECK(overall[0].level->share() == Ratio{4, 12});
  CHECK(overall[1].shown);
  CHECK(overall[1].level->share() == Ratio{20, 20});
  CHECK(overall[1].rows[3].share == Ratio{5, 20});
  CHECK_FALSE(overall[2].shown);
  // «Довольны?» by «waited»: yes 4 of 12 satisfied, no 15 of 20 (5 unsure count in the base).
  const std::vector<CutColumn>& happy = model.Cut(0, 2, 0, Q(2026, 3));
  CHECK(happy[0].level->share() == Ratio{4, 12});
  CHECK(happy[1].level->share() == Ratio{15, 20});
  // The cut question is no row of its own cut.
  CHECK(model.Cut(0, 0, 0, Q(2026, 3)).empty());
  // A model for a build without the internal output (the preview) computes no cut; every other figure is the same.
  const ResultsModel without_cuts(results, disclosure, /*with_cuts=*/false);
  CHECK(without_cuts.Cut(0, 1, 0, Q(2026, 3)).empty());
  CHECK(without_cuts.Cut(0, 2, 0, Q(2026, 3)).empty());
  CHECK(without_cuts.Question(0, 1, Q(2026, 3)).key == model.Question(0, 1, Q(2026, 3)).key);
  CHECK(without_cuts.Question(0, 1, Q(2026, 3)).level->share() == Ratio{24, 35});
}

TEST_CASE("A theme of open answers is counted per service, and shown only for a shown group with k answers") {
  Site site = testing::TestSite({testing::ParseTestSurvey("open",
                                                          "title: Опрос\nopens: 2026-07-01\ncloses: 2026-12-31\n"
                                                          "revision: 1\nquestions:\n"
                                                          "  - {id: service, kind: service, text: Услуга}\n"
                                                          "  - {id: proposals, kind: text, text: Что изменить?, "
                                                          "required: false, max_length: 500}\n",
                                                          testing::TestServices())});
  Themes themes;
  themes.themes = {{"queues", "Очереди", {"очеред"}, {}, 1}, {"docs", "Документы", {"справк"}, {}, 2}};
  site.SetThemes(themes);
  TempDir dir;
  const auto add = [&](const std::string& service, const std::string& text, int times) {
    Append(dir / "open/q.jsonl",
           Line("open", "2026-08-01",
                "\"service\":[\"" + service + "\"]" + (text.empty() ? "" : ",\"proposals\":[\"" + text + "\"]")),
           times);
  };
  // a: 15, of them 8 about queues, 7 about nothing coded. b: 12, all answered, 6 about queues and
  // documents at once. c: 3, all about queues.
  add("a", "Очередь", 8);
  add("a", "Всё хорошо", 7);
  add("b", "Очередь и справки", 6);
  add("b", "Нужны справки", 6);
  add("c", "Очереди", 3);
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 2, &warnings);
  REQUIRE(warnings.empty());
  const Disclosure disclosure(results, kK, PublishedTables{Date(2026, 11, 15), {{0, Q(2026, 3)}}, {}});
  const ResultsModel model(results, disclosure);
  // c (3) is a small group; b (12), the smaller of the others, is hidden as its complement; a (15) is shown.
  const ThemeCount of_a = model.Theme(0, 1, 0, a, Q(2026, 3));
  CHECK(of_a.key == "survey/open/proposals/2026-q3/cut:service=a/theme:queues");
  CHECK(of_a.answered_key() == "survey/open/proposals/2026-q3/cut:service=a/answered");
  CHECK(of_a.count == 8);
  CHECK(of_a.answered == 15);
  CHECK(of_a.shown);
  // b: 12 answered, but the group is hidden in the service question's table.
  const ThemeCount of_b = model.Theme(0, 1, 1, b, Q(2026, 3));
  CHECK(of_b.count == 12);
  CHECK(of_b.answered == 12);
  CHECK_FALSE(of_b.shown);
  CHECK_FALSE(model.Theme(0, 1, 0, c, Q(2026, 3)).shown);
  // Everyone: 8 + 6 + 3 = 17 about queues of 30 who answered; an answer in two themes counts in each.
  const ThemeCount all = model.Theme(0, 1, 0, -1, Q(2026, 3));
  CHECK(all.key == "survey/open/proposals/2026-q3/theme:queues");
  CHECK(all.count == 17);
  CHECK(all.answered == 30);
  CHECK(all.shown);
  CHECK(model.Theme(0, 1, 1, -1, Q(2026, 3)).count == 12);
  // Nobody in II 2026: nothing to show.
  CHECK_FALSE(model.Theme(0, 1, 0, -1, Q(2026, 2)).shown);
}

}  // namespace
}  // namespace otklik::results_model_test
