#include "model/cadence.h"

#include <catch2/catch.hpp>

#include "calendar_samples.h"

namespace otklik::cadence_test {
namespace {

using Lines = std::vector<std::string>;

Survey MakeSurvey(std::string id, Audience audience, Date opens, Date closes = Survey::kNoEnd) {
  Survey survey;
  survey.id = std::move(id);
  survey.audience = audience;
  survey.opens = opens;
  survey.closes = closes;
  return survey;
}

Site SiteWith(std::vector<Survey> surveys, SiteConfig config = {}) {
  Site site(std::move(config), {}, {}, {}, {}, std::move(surveys));
  site.SetCalendar(testing::LoadSampleCalendar());
  return site;
}

std::vector<Survey> Surveys() {
  return {
      MakeSurvey("standing", Audience::kExternal, Date(2025, 1, 13)),  // permanent: not a round of surveying
      MakeSurvey("spring-2025", Audience::kExternal, Date(2025, 3, 3), Date(2025, 3, 14)),
      MakeSurvey("hotline-2026", Audience::kExternal, Date(2026, 6, 1), Date(2026, 6, 12)),
      MakeSurvey("autumn-2026", Audience::kExternal, Date(2026, 9, 1), Date(2026, 9, 7)),
      MakeSurvey("staff-2026", Audience::kInternal, Date(2026, 11, 23), Date(2026, 11, 27)),
  };
}

TEST_CASE("CadenceWarnings names each year with too few or too short surveys, by audience") {
  CHECK(CadenceWarnings(SiteWith(Surveys()), Date(2026, 12, 6)) ==
        Lines{"производственный календарь content/calendar.yaml заканчивается 2026 годом: добавьте 2027 год, когда "
              "выйдет постановление Правительства о переносе выходных дней",
              "2025 год: внешних опросов — 1 (spring-2025), нужно не меньше 2",
              "2025 год: внутренних опросов — 0, нужно не меньше 1",
              "2026 год: внешние опросы длятся в среднем 7 рабочих дней (hotline-2026 — 9, autumn-2026 — 5), нужно "
              "не меньше 10"});
}

TEST_CASE("CadenceWarnings counts the surveys planned for the current year and averages exactly") {
  std::vector<Survey> surveys = Surveys();
  surveys.push_back(MakeSurvey("winter-2026", Audience::kExternal, Date(2026, 12, 14), Date(2026, 12, 25)));
  surveys.push_back(MakeSurvey("staff-2025", Audience::kInternal, Date(2025, 12, 1), Date(2025, 12, 3)));
  // 2026: 9 + 5 + 10 working days = 8 on average.
  const Lines warnings = CadenceWarnings(SiteWith(surveys), Date(2026, 6, 1));
  CHECK(warnings == Lines{"производственный календарь content/calendar.yaml заканчивается 2026 годом: добавьте 2027 "
                          "год, когда выйдет постановление Правительства о переносе выходных дней",
                          "2025 год: внешних опросов — 1 (spring-2025), нужно не меньше 2",
                          "2025 год: внутренние опросы длятся в среднем 3 рабочих дня (staff-2025 — 3), нужно не "
                          "меньше 5",
                          "2026 год: внешние опросы длятся в среднем 8 рабочих дней (hotline-2026 — 9, autumn-2026 — "
                          "5, winter-2026 — 10), нужно не меньше 10"});
  surveys.push_back(MakeSurvey("extra-2026", Audience::kExternal, Date(2026, 10, 1), Date(2026, 10, 15)));
  CHECK(CadenceWarnings(SiteWith(surveys), Date(2026, 6, 1)).back() ==
        "2026 год: внешние опросы длятся в среднем 8,8 рабочего дня (hotline-2026 — 9, autumn-2026 — 5, extra-2026 — "
        "11, winter-2026 — 10), нужно не меньше 10");
}

TEST_CASE("CadenceWarnings follows the agency's survey_cadence; zero leaves a rule unchecked") {
  SiteConfig config;
  config.external_cadence = {1, 5};
  config.internal_cadence = {0, 0};
  CHECK(CadenceWarnings(SiteWith(Surveys(), config), Date(2026, 12, 6)) ==
        Lines{"производственный календарь content/calendar.yaml заканчивается 2026 годом: добавьте 2027 год, когда "
              "выйдет постановление Правительства о переносе выходных дней"});
}

TEST_CASE(
    "CadenceWarnings starts at the first survey's year, not before the calendar, and says when the calendar "
    "is missing") {
  std::vector<Survey> surveys = Surveys();
  surveys.push_back(MakeSurvey("pilot-2024", Audience::kExternal, Date(2024, 10, 1), Date(2024, 10, 14)));
  // The calendar starts in 2025: 2024 is not checked.
  CHECK(CadenceWarnings(SiteWith(surveys), Date(2025, 12, 1)) ==
        Lines{"2025 год: внешних опросов — 1 (spring-2025), нужно не меньше 2",
              "2025 год: внутренних опросов — 0, нужно не меньше 1"});
  Site without(SiteConfig{}, {}, {}, {}, {}, surveys);
  Calendar none;
  none.path = "content/calendar.yaml";
  without.SetCalendar(none);
  CHECK(CadenceWarnings(without, Date(2025, 12, 1)) ==
        Lines{"нет производственного календаря content/calendar.yaml: длительность опросов в рабочих днях не "
              "проверена; создайте его командой «otklik new calendar»",
              "2024 год: внешних опросов — 1 (pilot-2024), нужно не меньше 2",
              "2024 год: внутренних опросов — 0, нужно не меньше 1",
              "2025 год: внешних опросов — 1 (spring-2025), нужно не меньше 2",
              "2025 год: внутренних опросов — 0, нужно не меньше 1"});
}

TEST_CASE("CadenceWarnings says that recurring surveys stop where the calendar ends") {
  std::vector<Survey> surveys = Surveys();
  surveys[1].waves = Waves{Period::Kind::kQuarter, 1, 10, {Period::Kind::kQuarter, 2025, 1}, std::nullopt, 3};
  CHECK(CadenceWarnings(SiteWith(surveys), Date(2026, 1, 15)).front() ==
        "производственный календарь content/calendar.yaml заканчивается 2026 годом: добавьте 2027 год, когда выйдет "
        "постановление Правительства о переносе выходных дней; до тех пор у повторяющихся опросов не будет волн после "
        "2026 года");
}

}  // namespace
}  // namespace otklik::cadence_test
