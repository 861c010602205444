#include "stats/aggregator.h"

#include <catch2/catch.hpp>

#include "../temp_dir.h"
#include <filesystem>
#include <fstream>

#include "sample_site.h"

namespace otklik::aggregator_test {
namespace {

using testing::H;
using testing::Q;
using testing::TempDir;
using testing::Y;
using Numbers = std::vector<uint64_t>;
using Ratings = std::array<uint64_t, 5>;

// Indices in testing::QualitySite().
enum { a, b, c, d, e };
enum { mfc, web, post };
enum { kHotline, kQuality, kStaff };
// The slots of «quality».
enum { kService, kChannel, kOnline, kOverall, kSpeed, kPolite, kProblems, kDetails };

void Write(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

std::string Line(const std::string& survey, int revision, const std::string& date, const std::string& answers) {
  return "{\"answers\":{" + answers + "},\"date\":\"" + date + "\",\"revision\":" + std::to_string(revision) +
         ",\"source\":\"web\",\"survey\":\"" + survey + "\"}\n";
}

// What the tests below read: «quality» in Q2 and Q3 2026, the hotline in Q3
// and Q4, the internal survey in Q3, and lines to skip.
void WriteResponses(const TempDir& dir) {
  Write(dir / "quality/2026.jsonl",
        // 1. b, portal (web), the whole way.
        Line("quality", 2, "2026-07-15",
             "\"service\":[\"b\"],\"channel\":[\"portal\"],\"online\":[\"4\"],\"overall\":[\"5\"],"
             "\"params.speed\":[\"4\"],\"params.polite\":[\"2\"],\"problems\":[\"queue\"],\"details\":[\"Очередь\"]") +
            // 2. b, office (mfc): jumps over «online».
            Line("quality", 2, "2026-08-01",
                 "\"service\":[\"b\"],\"channel\":[\"office\"],\"overall\":[\"2\"],\"params.speed\":[\"1\"],"
                 "\"problems\":[\"none\"]") +
            // 3. a, other: the survey ends; its «overall» was never asked.
            Line("quality", 2, "2026-09-30", "\"service\":[\"a\"],\"channel\":[\"other\"],\"overall\":[\"5\"]") +
            // 4. no service, portal (web).
            Line("quality", 2, "2026-07-01", "\"channel\":[\"portal\"],\"overall\":[\"3\"]") +
            // 5. neither service nor touchpoint: in the survey's counts, in no group; one unknown field.
            Line("quality", 2, "2026-09-01", "\"overall\":[\"4\"],\"colour\":[\"red\"]") +
            // 6. revision 1, a, Q2.
            Line("quality", 1, "2026-05-10", "\"service\":[\"a\"],\"overall\":[\"3\"],\"problems\":[\"paper\"]") +
            // 7–11: skipped.
            Line("quality", 7, "2026-07-15", "\"overall\":[\"5\"]") +
            Line("quality", 2, "2026-13-01", "\"service\":[\"a\"],\"overall\":[\"5\"]") +
            Line("quality", 2, "2026-07-99", "\"service\":[\"a\"],\"overall\":[\"5\"]") +
            Line("quality", 7, "2027-01-10", "\"overall\":[\"5\"]") +
            Line("nope", 1, "2026-07-15", "\"overall\":[\"5\"]") +
            // 12: torn.
            "{\"answers\":{\"overall\":[\"5\"]},\"da");
  Write(dir / "hotline/2026.jsonl",
        Line("hotline", 1, "2026-07-20", "\"service\":[\"a\"],\"overall\":[\"1\"]") +
            Line("hotline", 1, "2026-10-02", "\"service\":[\"b\"],\"overall\":[\"4\"]"));
  Write(dir / "staff/2026.jsonl", Line("staff", 1, "2026-07-20", "\"service\":[\"a\"],\"overall\":[\"5\"]"));
}

Numbers Asked(const std::vector<SlotCounts>& counts) {
  Numbers out;
  for (const SlotCounts& slot : counts) out.push_back(slot.asked);
  return out;
}

Numbers Answered(const std::vector<SlotCounts>& counts) {
  Numbers out;
  for (const SlotCounts& slot : counts) out.push_back(slot.answered);
  return out;
}

TEST_CASE("Aggregate counts each question over those who were asked it") {
  TempDir dir;
  WriteResponses(dir);
  const Site site = testing::QualitySite();
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 2, &warnings);
  const std::vector<SlotCounts> q3 = results.SurveyCounts(kQuality, Q(2026, 3));
  // Lines 1–5. service, channel: all 5. online: 1 and 4 (portal) and 5 (no channel, no jump) = 3.
  // overall, params, problems: all but 3 (ended) = 4. details: only 1 (queue) = 1.
  CHECK(Asked(q3) == Numbers{5, 5, 3, 4, 4, 4, 4, 1});
  // Answered: service 1, 2, 3; channel 1–4; online 1; overall 1, 2, 4, 5; speed 1, 2; polite 1;
  // problems 1, 2; details 1.
  CHECK(Answered(q3) == Numbers{3, 4, 1, 4, 2, 1, 2, 1});
  CHECK(q3[kService].options == Numbers{1, 2, 0, 0, 0});  // a (line 3), b (1, 2)
  CHECK(q3[kChannel].options == Numbers{2, 1, 1});        // portal (1, 4), office (2), other (3)
  CHECK(q3[kOnline].options == Numbers{0, 0, 0, 1, 0});
  CHECK(q3[kOverall].options == Numbers{0, 1, 1, 1, 1});  // 5, 2, 3, 4: line 3's 5 was not asked
  CHECK(q3[kSpeed].options == Numbers{1, 0, 0, 1, 0});
  CHECK(q3[kPolite].options == Numbers{0, 1, 0, 0, 0});
  CHECK(q3[kProblems].options == Numbers{1, 0, 1, 0});
}

TEST_CASE("Aggregate counts each question again in the respondent's group of every cut") {
  TempDir dir;
  WriteResponses(dir);
  const Site site = testing::QualitySite();
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 2, &warnings);
  // The cuts of «quality»: the service and the channel question.
  REQUIRE(results.plan(kQuality).cut_slots() == std::vector<size_t>{kService, kChannel});
  // Service b in Q3: lines 1 (portal, the whole way) and 2 (office, jumps over «online»).
  const std::vector<SlotCounts> b_q3 = results.SurveyCutCounts(kQuality, Q(2026, 3), 0, 1);
  CHECK(Asked(b_q3) == Numbers{2, 2, 1, 2, 2, 2, 2, 1});
  CHECK(Answered(b_q3) == Numbers{2, 2, 1, 2, 2, 1, 2, 1});
  CHECK(b_q3[kOverall].options == Numbers{0, 1, 0, 0, 1});
  // The portal in Q3: lines 1 and 4 (no service).
  const std::vector<SlotCounts> portal_q3 = results.SurveyCutCounts(kQuality, Q(2026, 3), 1, 0);
  CHECK(Asked(portal_q3) == Numbers{2, 2, 2, 2, 2, 2, 2, 1});
  CHECK(Answered(portal_q3) == Numbers{1, 2, 1, 2, 1, 1, 1, 1});
  CHECK(portal_q3[kOverall].options == Numbers{0, 0, 1, 0, 1});
  // Service a over 2026: line 3 (Q3, the survey ended after the channel) and line 6 (Q2, revision 1).
  const std::vector<SlotCounts> a_year = results.SurveyCutCounts(kQuality, Y(2026), 0, 0);
  CHECK(Asked(a_year) == Numbers{2, 1, 0, 1, 0, 0, 1, 0});
  CHECK(a_year[kOverall].options == Numbers{0, 0, 1, 0, 0});
  CHECK(Asked(results.SurveyCutTotal(kQuality, 0, 0)) == Asked(a_year));
  // Nobody chose service c; line 5 named neither service nor channel and is in no group.
  CHECK(Asked(results.SurveyCutCounts(kQuality, Y(2026), 0, 2)) == Numbers{0, 0, 0, 0, 0, 0, 0, 0});
  uint64_t grouped = 0;
  for (size_t option = 0; option < 5; ++option) grouped += results.SurveyCutTotal(kQuality, 0, option)[kService].asked;
  CHECK(grouped == 4);  // lines 1, 2, 3, 6
}

TEST_CASE("Aggregate counts open answers by service and theme and keeps them, newest first") {
  TempDir dir;
  WriteResponses(dir);
  Write(dir / "quality/more.jsonl",
        Line("quality", 2, "2026-08-20",
             "\"service\":[\"a\"],\"channel\":[\"portal\"],\"online\":[\"4\"],\"overall\":[\"5\"],"
             "\"params.speed\":[\"4\"],\"params.polite\":[\"2\"],\"problems\":[\"docs\"],"
             "\"details\":[\"Справки по три раза, звоните 8 912 345-67-89\"]"));
  Site site = testing::QualitySite();
  Themes themes;
  themes.themes = {{"queues", "Очереди", {"очеред"}, {}, 1}, {"docs", "Документы", {"справк", "документ"}, {}, 2}};
  site.SetThemes(themes);
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 2, &warnings);
  // Line 1 (service b, 15 July): «Очередь»; the new line (service a, 20 August): about documents.
  const OpenAnswers q3 = results.OpenAnswersOf(kQuality, kDetails, Q(2026, 3));
  CHECK(q3.total == 2);
  CHECK(q3.counts == std::map<std::pair<int, int>, uint64_t>{{{b, 0}, 1}, {{a, 1}, 1}});
  REQUIRE(q3.newest.size() == 2);
  CHECK(q3.newest[0].date == "2026-08-20");
  CHECK(q3.newest[0].service == a);
  CHECK(q3.newest[0].text == "Справки по три раза, звоните 8 912 345-67-89");  // masked when shown, not here
  CHECK(q3.newest[0].themes == 2);
  CHECK(q3.newest[1].id == AnswerId("quality", "2026-07-15", "details", "Очередь"));
  CHECK(results.OpenAnswersOf(kQuality, kDetails, std::nullopt).total == 2);
  CHECK(results.OpenAnswersOf(kQuality, kDetails, Q(2026, 2)).total == 0);
  CHECK(q3.ByTheme() == std::map<int, uint64_t>{{0, 1}, {1, 1}});
  CHECK(q3.ByTheme(a) == std::map<int, uint64_t>{{1, 1}});
  CHECK(q3.Services() == std::vector<int>{std::min(a, b), std::max(a, b)});

  // A theme of another survey does not code this survey's answers.
  themes.themes[1].surveys = {"hotline"};
  site.SetThemes(themes);
  const Results other = Aggregate(site, dir.path(), 2, &warnings);
  CHECK(other.OpenAnswersOf(kQuality, kDetails, Q(2026, 3)).counts ==
        std::map<std::pair<int, int>, uint64_t>{{{b, 0}, 1}, {{a, -1}, 1}});
}

TEST_CASE("Aggregate reads each response by its own revision") {
  TempDir dir;
  WriteResponses(dir);
  const Site site = testing::QualitySite();
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 2, &warnings);
  // Line 6: revision 1 asked service, overall and problems only.
  const std::vector<SlotCounts> q2 = results.SurveyCounts(kQuality, Q(2026, 2));
  CHECK(Asked(q2) == Numbers{1, 0, 0, 1, 0, 0, 1, 0});
  CHECK(q2[kOverall].options == Numbers{0, 0, 1, 0, 0});
  CHECK(q2[kProblems].options == Numbers{0, 0, 0, 1});  // paper
  CHECK(Asked(results.SurveyCounts(kQuality, H(2026, 1))) == Asked(q2));
  // The year: 5 + 1 = 6 responses, as many as the survey has.
  CHECK(Asked(results.SurveyCounts(kQuality, Y(2026))) == Numbers{6, 5, 3, 5, 4, 4, 5, 1});
  CHECK(results.SurveyResponses(kQuality) == 6);
  CHECK(results.SurveyResponses(kHotline) == 2);
  CHECK(results.SurveyResponses(kStaff) == 1);
}

TEST_CASE("Aggregate counts roles per service, touchpoint and quarter") {
  TempDir dir;
  WriteResponses(dir);
  const Site site = testing::QualitySite();
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 2, &warnings);
  // b in Q3: lines 1 (web) and 2 (mfc).
  const RoleCounts b_q3 = results.Service(0, b, Q(2026, 3));
  CHECK(b_q3.respondents == 2);
  CHECK(b_q3.overall == Ratings{0, 1, 0, 0, 1});
  REQUIRE(b_q3.parameters.size() == 2);
  CHECK(b_q3.parameters[0] == Ratings{1, 0, 0, 1, 0});  // speed: 4 and 1
  CHECK(b_q3.parameters[1] == Ratings{0, 1, 0, 0, 0});  // polite: 2
  CHECK(b_q3.touchpoints == Numbers{1, 1, 0, 0});       // mfc, web, post, none
  // a in Q3: line 3 (no touchpoint, no rating) and the hotline's 1 at post. The internal survey's
  // response about a is not counted.
  const RoleCounts a_q3 = results.Service(0, a, Q(2026, 3));
  CHECK(a_q3.respondents == 2);
  CHECK(a_q3.overall == Ratings{1, 0, 0, 0, 0});
  CHECK(a_q3.touchpoints == Numbers{0, 0, 1, 1});
  // a in Q2: line 6, revision 1.
  CHECK(results.Service(0, a, Q(2026, 2)).overall == Ratings{0, 0, 1, 0, 0});
  // b in Q4: the hotline.
  CHECK(results.Service(0, b, Q(2026, 4)).respondents == 1);
  CHECK(results.Service(0, b, Q(2026, 4)).touchpoints == Numbers{0, 0, 1, 0});
  // web in Q3: lines 1 (b) and 4 (no service).
  const RoleCounts web_q3 = results.Touchpoint(0, web, Q(2026, 3));
  CHECK(web_q3.respondents == 2);
  CHECK(web_q3.overall == Ratings{0, 0, 1, 0, 1});
  CHECK(results.Touchpoint(0, post, Q(2026, 3)).respondents == 1);
  CHECK(results.Touchpoint(0, post, H(2026, 2)).respondents == 2);
  // Everything in Q3: lines 1–4 and the hotline's a; not line 5 (no service, no touchpoint), not staff.
  const RoleCounts all = results.All(0, Q(2026, 3));
  CHECK(all.respondents == 5);
  CHECK(all.overall == Ratings{1, 1, 1, 0, 1});
  CHECK(all.touchpoints == Numbers{1, 2, 1, 1});
  CHECK(results.All(0, Y(2026)).respondents == 7);  // 5 + line 6 + the hotline's b
}

TEST_CASE("Aggregate lists only the quarters of responses it counted") {
  TempDir dir;
  WriteResponses(dir);
  const Site site = testing::QualitySite();
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 2, &warnings);
  // Not Q1 2027: its only line answered an unknown revision.
  CHECK(results.Quarters() == std::vector<Period>{Q(2026, 2), Q(2026, 3), Q(2026, 4)});
}

TEST_CASE("Aggregate skips and reports unknown surveys, revisions and dates, with the scanner's warnings") {
  TempDir dir;
  WriteResponses(dir);
  const Site site = testing::QualitySite();
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 2, &warnings);
  CHECK(warnings.ToString() ==
        dir / "quality/2026.jsonl:12: последняя строка оборвана (запись не завершена) и пропущена\n" +
            dir.path() +
            ": пропущено 1: ответы на вопросы или варианты, которых нет в редакции опроса, на которую "
            "отвечали\n" +
            dir.path() + ": пропущено 1: ответы на опрос «nope», которого нет в материалах\n" + dir.path() +
            ": пропущено 2: ответы на редакцию 7 опроса «quality»: нет файла quality@7.yaml\n" + dir.path() +
            ": пропущено 1: ответы с неверной датой «2026-07-99»\n" + dir.path() +
            ": пропущено 1: ответы с неверной датой «2026-13-01»\n");
  CHECK(results.scan.files == 3);
  CHECK(results.scan.lines == 14);  // 11 well-formed in quality, 2 in hotline, 1 in staff
}

TEST_CASE("Aggregate reports every line that is not a day, counted once per date") {
  TempDir dir;
  const std::vector<std::string> dates = {"2026-02-30", "2026-00-10", "2026-7-15", "15.07.2026",
                                          "2026-07-1x", "",           "2026-02-30"};
  std::string lines;
  for (const std::string& date : dates) lines += Line("quality", 2, date, "\"overall\":[\"5\"]");
  lines += Line("quality", 2, "2028-02-29", "\"overall\":[\"5\"]");  // a leap day: fine
  Write(dir / "dates.jsonl", lines);
  const Site site = testing::QualitySite();
  Diagnostics warnings;
  const Results results = Aggregate(site, dir.path(), 1, &warnings);
  const std::string prefix = dir.path() + ": пропущено ";
  // In byte order of the reasons: digits sort before «»».
  CHECK(warnings.ToString() == prefix + "1: ответы с неверной датой «15.07.2026»\n" +
                                   prefix + "1: ответы с неверной датой «2026-00-10»\n" +
                                   prefix + "2: ответы с неверной датой «2026-02-30»\n" +
                                   prefix + "1: ответы с неверной датой «2026-07-1x»\n" +
                                   prefix + "1: ответы с неверной датой «2026-7-15»\n" +
                                   prefix + "1: ответы с неверной датой «»\n");
  CHECK(results.Quarters() == std::vector<Period>{Q(2028, 1)});
  CHECK(results.SurveyResponses(kQuality) == 1);
  CHECK(results.scan.lines == 8);
  CHECK(results.scan.skipped == 7);  // each skipped response
}

TEST_CASE("Aggregate gives the same results on one thread and on several") {
  TempDir dir;
  WriteResponses(dir);
  for (int f = 0; f < 6; ++f) {
    std::string lines;
    for (int i = 0; i < 40; ++i) {
      lines += Line("quality", 2, i % 2 ? "2026-07-15" : "2026-11-15",
                    "\"service\":[\"" + std::string(1, static_cast<char>('a' + i % 5)) + "\"],\"channel\":[\"" +
                        (i % 3 ? "portal" : "office") + "\"],\"overall\":[\"" + std::to_string(i % 5 + 1) + "\"]");
    }
    Write(dir / ("more/" + std::to_string(f) + ".jsonl"), lines);
  }
  const Site site = testing::QualitySite();
  Diagnostics one_warnings;
  Diagnostics four_warnings;
  const Results one = Aggregate(site, dir.path(), 1, &one_warnings);
  const Results four = Aggregate(site, dir.path(), 4, &four_warnings);
  CHECK(four_warnings.ToString() == one_warnings.ToString());
  CHECK(four.scan.lines == one.scan.lines);
  CHECK(four.scan.lines == 254);  // 14 + 6 · 40
  CHECK(four.Quarters() == one.Quarters());
  for (const Period& period : {Q(2026, 3), Q(2026, 4), Y(2026)}) {
    INFO(period.Key());
    CHECK(Asked(four.SurveyCounts(kQuality, period)) == Asked(one.SurveyCounts(kQuality, period)));
    CHECK(four.SurveyCounts(kQuality, period)[kOverall].options ==
          one.SurveyCounts(kQuality, period)[kOverall].options);
    for (int s = a; s <= e; ++s) {
      CHECK(four.Service(0, s, period).overall == one.Service(0, s, period).overall);
      CHECK(four.Service(0, s, period).touchpoints == one.Service(0, s, period).touchpoints);
    }
  }
  // Q4: the hotline's b and the 6 · 20 even lines; a, b, c, d, e each 6 · 4 = 24, b one more.
  CHECK(one.Service(0, b, Q(2026, 4)).respondents == 25);
  CHECK(one.All(0, Q(2026, 4)).respondents == 121);
}

}  // namespace
}  // namespace otklik::aggregator_test
