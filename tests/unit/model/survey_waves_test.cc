#include "model/survey_waves.h"

#include <catch2/catch.hpp>

#include "calendar_samples.h"
#include "survey_samples.h"

namespace otklik::survey_waves_test {
namespace {

using Kind = Period::Kind;

// A recurring survey as the loader leaves it, before its waves are made.
Survey Series(Kind every, int start, int working_days, Period from, std::optional<Period> until = std::nullopt) {
  Survey survey;
  survey.id = "in-depth";
  survey.path = "content/surveys/in-depth.yaml";
  survey.title = "Углублённый опрос";
  survey.revision = 2;
  survey.waves = Waves{every, start, working_days, from, until, 12};
  Survey earlier;
  earlier.id = "in-depth";
  earlier.revision = 1;
  survey.earlier_revisions.push_back(earlier);
  return survey;
}

std::vector<Survey> Expand(const Survey& series) {
  Diagnostics diagnostics;
  std::vector<Survey> waves = ExpandWaves(series, testing::LoadSampleCalendar(), &diagnostics);
  INFO(diagnostics.ToString());
  CHECK(diagnostics.empty());
  return waves;
}

std::string ErrorsOf(const Survey& series, const Calendar& calendar = testing::LoadSampleCalendar()) {
  Diagnostics diagnostics;
  CHECK(ExpandWaves(series, calendar, &diagnostics).empty());
  return diagnostics.ToString();
}

// "id opens closes title" per wave.
std::vector<std::string> Describe(const std::vector<Survey>& waves) {
  std::vector<std::string> out;
  for (const Survey& wave : waves) {
    out.push_back(wave.id + " " + wave.opens.ToString() + " " + wave.closes.ToString() + " " + wave.title);
  }
  return out;
}

TEST_CASE("Quarterly waves open on the start-th working day and run for working_days working days") {
  // 2026: 1–11 January off, so the quarter's first working day is 12 January.
  const std::vector<Survey> waves = Expand(Series(Kind::kQuarter, 10, 10, {Kind::kQuarter, 2026, 1}));
  CHECK(Describe(waves) == std::vector<std::string>{
                               "in-depth-2026-q1 2026-01-23 2026-02-05 Углублённый опрос (I квартал 2026\u00A0г.)",
                               "in-depth-2026-q2 2026-04-14 2026-04-27 Углублённый опрос (II квартал 2026\u00A0г.)",
                               "in-depth-2026-q3 2026-07-14 2026-07-27 Углублённый опрос (III квартал 2026\u00A0г.)",
                               "in-depth-2026-q4 2026-10-14 2026-10-27 Углублённый опрос (IV квартал 2026\u00A0г.)",
                           });
  for (const Survey& wave : waves) {
    CHECK(wave.series == "in-depth");
    CHECK(wave.wave == Period::Of(Kind::kQuarter, wave.opens));
    CHECK(wave.revision == 2);
    REQUIRE(wave.earlier_revisions.size() == 1);
    CHECK(wave.earlier_revisions[0].id == wave.id);  // answers of revision 1 read with the wave's id
    CHECK(wave.Revision(1) == &wave.earlier_revisions[0]);
  }
}

TEST_CASE("A wave's working days skip the May holidays") {
  // II quarter 2026: 1 and 11 May are off, so its 40th working day is 28 May; the wave ends on 10 June.
  const std::vector<Survey> waves =
      Expand(Series(Kind::kQuarter, 40, 10, {Kind::kQuarter, 2026, 2}, Period{Kind::kQuarter, 2026, 2}));
  CHECK(Describe(waves) ==
        std::vector<std::string>{"in-depth-2026-q2 2026-05-28 2026-06-10 Углублённый опрос (II квартал 2026\u00A0г.)"});
}

TEST_CASE("Half-yearly and yearly waves, from and until") {
  CHECK(Describe(Expand(Series(Kind::kHalf, 1, 10, {Kind::kHalf, 2025, 2}, Period{Kind::kHalf, 2026, 1}))) ==
        std::vector<std::string>{
            "in-depth-2025-h2 2025-07-01 2025-07-14 Углублённый опрос (2-е полугодие 2025\u00A0г.)",
            "in-depth-2026-h1 2026-01-12 2026-01-23 Углублённый опрос (1-е полугодие 2026\u00A0г.)",
        });
  // The 203rd working day of 2025 is 28 October; 5 working days end on Saturday 1 November, a working day.
  CHECK(Describe(Expand(Series(Kind::kYear, 203, 5, {Kind::kYear, 2025, 1}))) ==
        std::vector<std::string>{
            "in-depth-2025 2025-10-28 2025-11-01 Углублённый опрос (2025 год)",
            "in-depth-2026 2026-10-28 2026-11-03 Углублённый опрос (2026 год)",
        });
}

TEST_CASE("Without a calendar file there are no waves, and the error says how to make one") {
  Calendar none;
  none.path = "content/calendar.yaml";
  CHECK(ErrorsOf(Series(Kind::kQuarter, 10, 10, {Kind::kQuarter, 2026, 1}), none) ==
        "content/surveys/in-depth.yaml:12: для волн нужен производственный календарь, а файла content/calendar.yaml "
        "нет: создайте его командой «otklik new calendar»\n");
}

TEST_CASE("A wave the calendar does not cover is an error, never a guess") {
  CHECK(ErrorsOf(Series(Kind::kQuarter, 10, 10, {Kind::kQuarter, 2026, 3}, Period{Kind::kQuarter, 2027, 1})) ==
        "content/surveys/in-depth.yaml:12: волна 2027-q1 позже конца производственного календаря "
        "content/calendar.yaml (2026 год): добавьте в него 2027 год или сократите «until»\n");
  CHECK(ErrorsOf(Series(Kind::kQuarter, 10, 10, {Kind::kQuarter, 2027, 1})) ==
        "content/surveys/in-depth.yaml:12: волна 2027-q1 позже конца производственного календаря "
        "content/calendar.yaml (2026 год): добавьте в него 2027 год\n");
  CHECK(ErrorsOf(Series(Kind::kHalf, 10, 10, {Kind::kHalf, 2024, 2})) ==
        "content/surveys/in-depth.yaml:12: волна 2024-h2 раньше начала производственного календаря "
        "content/calendar.yaml (2025 год): добавьте в него 2024 год или начните волны позже («from»)\n");
}

TEST_CASE("A wave that does not fit its period is an error") {
  // I quarter 2026 has 55 working days: 10 from the 47th run out of it, 10 from the 46th end on 31 March.
  CHECK(ErrorsOf(Series(Kind::kQuarter, 47, 10, {Kind::kQuarter, 2026, 1})) ==
        "content/surveys/in-depth.yaml:12: волна 2026-q1 (10 рабочих дней с 47-го рабочего дня) не укладывается в "
        "I квартал 2026\u00A0г.: в нём 55 рабочих дней; уменьшите «start» или «working_days»\n");
  CHECK(Describe(Expand(Series(Kind::kQuarter, 46, 10, {Kind::kQuarter, 2026, 1}, Period{Kind::kQuarter, 2026, 1}))) ==
        std::vector<std::string>{"in-depth-2026-q1 2026-03-18 2026-03-31 Углублённый опрос (I квартал 2026\u00A0г.)"});
}

TEST_CASE("ParseSurvey reads waves and refuses dates beside them") {
  const std::string questions =
      "questions:\n"
      "  - id: overall\n"
      "    kind: scale\n"
      "    text: Оцените\n";
  const Survey survey = testing::ParseSample(
      "title: Углублённый опрос\n"
      "revision: 1\n"
      "waves:\n"
      "  every: half-year\n"
      "  start: 5\n"
      "  working_days: 10\n"
      "  from: 2026-h1\n"
      "  until: 2027-h2\n" +
      questions);
  REQUIRE(survey.waves);
  CHECK(survey.waves->every == Kind::kHalf);
  CHECK(survey.waves->start == 5);
  CHECK(survey.waves->working_days == 10);
  CHECK(survey.waves->from == Period{Kind::kHalf, 2026, 1});
  CHECK(survey.waves->until == Period{Kind::kHalf, 2027, 2});
  CHECK(survey.waves->line == 3);

  Diagnostics diagnostics;
  CHECK_FALSE(ParseSurvey("content/surveys/in-depth.yaml",
                          "title: Углублённый опрос\n"
                          "revision: 1\n"
                          "opens: 2026-01-12\n"
                          "closes: 2026-01-23\n"
                          "waves:\n"
                          "  every: month\n"
                          "  start: 0\n"
                          "  from: 2026-01-01\n"
                          "  unitl: 2026-q4\n" +
                              questions,
                          testing::SampleServices(), &diagnostics));
  CHECK(diagnostics.ToString() ==
        "content/surveys/in-depth.yaml:3: у опроса с волнами (waves) сроки каждой волны считаются по "
        "производственному календарю: уберите поле «opens»\n"
        "content/surveys/in-depth.yaml:4: у опроса с волнами (waves) сроки каждой волны считаются по "
        "производственному календарю: уберите поле «closes»\n"
        "content/surveys/in-depth.yaml:5: не заполнено обязательное поле «working_days» (сколько рабочих дней идёт "
        "волна)\n"
        "content/surveys/in-depth.yaml:6: недопустимое значение «month» в поле «every»; допустимые значения: "
        "quarter, half-year, year\n"
        "content/surveys/in-depth.yaml:7: поле «start» должно быть целым числом от 1 до 366, а не «0»\n"
        "content/surveys/in-depth.yaml:8: в поле «from» нужен квартал в виде ГГГГ-qN, например 2026-q1, а не "
        "«2026-01-01»\n"
        "content/surveys/in-depth.yaml:9: неизвестное поле «unitl» (возможно, имелось в виду «until»?)\n");
}

TEST_CASE("ParseSurvey refuses a period of another kind and an until before from") {
  Diagnostics diagnostics;
  CHECK_FALSE(ParseSurvey("content/surveys/in-depth.yaml",
                          "title: Углублённый опрос\n"
                          "revision: 1\n"
                          "waves: {every: year, start: 1, working_days: 5, from: 2026-q1}\n"
                          "questions:\n"
                          "  - {id: overall, kind: scale, text: Оцените}\n",
                          testing::SampleServices(), &diagnostics));
  CHECK_FALSE(ParseSurvey("content/surveys/in-depth.yaml",
                          "title: Углублённый опрос\n"
                          "revision: 1\n"
                          "waves: {every: quarter, start: 1, working_days: 5, from: 2026-q3, until: 2026-q1}\n"
                          "questions:\n"
                          "  - {id: overall, kind: scale, text: Оцените}\n",
                          testing::SampleServices(), &diagnostics));
  CHECK(diagnostics.ToString() ==
        "content/surveys/in-depth.yaml:3: в поле «from» нужен год, например 2026, а не «2026-q1»\n"
        "content/surveys/in-depth.yaml:3: последняя волна (until: 2026-q1) раньше первой (from: 2026-q3)\n");
}

}  // namespace
}  // namespace otklik::survey_waves_test
