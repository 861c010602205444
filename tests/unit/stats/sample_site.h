#pragma once

// A small site for the stats tests, and Results filled by hand.

#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "model/survey_loader.h"
#include "stats/results.h"

namespace otklik::testing {

inline Survey ParseTestSurvey(const std::string& id, const std::string& yaml, const std::vector<Service>& services) {
  Diagnostics diagnostics;
  std::optional<Survey> survey = ParseSurvey("content/surveys/" + id + ".yaml", yaml, services, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(survey);
  return *survey;
}

/// Services a, b, c, d, e (indices 0–4); situations «family» (a, b) and
/// «work» (c) (indices 0, 1); touchpoints mfc, web, post (indices 0–2).
inline std::vector<Service> TestServices() {
  std::vector<Service> services;
  const std::vector<std::vector<std::string>> situations = {{"family"}, {"family"}, {"work"}, {}, {}};
  for (int i = 0; i < 5; ++i) {
    Service service;
    service.id = std::string(1, static_cast<char>('a' + i));
    service.title = "Услуга " + service.id;
    service.order = i + 1;
    service.situations = situations[static_cast<size_t>(i)];
    services.push_back(std::move(service));
  }
  return services;
}

inline Site TestSite(std::vector<Survey> surveys, std::vector<Service> services = TestServices()) {
  std::vector<LifeSituation> situations(2);
  situations[0].id = "family";
  situations[0].order = 1;
  situations[1].id = "work";
  situations[1].order = 2;
  std::vector<Touchpoint> touchpoints(3);
  const char* const ids[] = {"mfc", "web", "post"};
  for (size_t t = 0; t < 3; ++t) {
    touchpoints[t].id = ids[t];
    touchpoints[t].order = static_cast<int>(t + 1);
  }
  return Site(SiteConfig{}, std::move(services), std::move(situations), std::move(touchpoints), {},
              std::move(surveys));
}

/// One survey «s» with an overall rating.
inline Site TestSiteWithOneSurvey() {
  return TestSite({ParseTestSurvey("s",
                                   "title: Опрос\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 1\nquestions:\n"
                                   "  - {id: overall, kind: scale, text: Оценка, role: overall}\n",
                                   TestServices())});
}

inline std::unique_ptr<Results> EmptyResults(const Site& site) {
  std::vector<std::string> parameters;
  std::vector<std::unique_ptr<SurveyPlan>> plans;
  for (const Survey& survey : site.surveys()) plans.push_back(std::make_unique<SurveyPlan>(survey, site, &parameters));
  return std::make_unique<Results>(site, std::move(plans), std::move(parameters));
}

/// A stored response line (of 15 July 2026) that owns what its views point at.
class StoredLine {
 public:
  using Fields = std::vector<std::pair<std::string, std::vector<std::string>>>;
  StoredLine(const char* survey, int revision, Fields answers) : answers_(std::move(answers)) {
    for (const auto& [field, values] : answers_) {
      AnswerField answer;
      answer.field = field;
      for (const std::string& value : values) answer.values.push_back(value);
      fields_.push_back(std::move(answer));
    }
    line_.survey = survey;
    line_.revision = revision;
    line_.date = "2026-07-15";
    line_.source = "web";
    line_.answers = fields_;
  }
  StoredLine(const StoredLine&) = delete;
  StoredLine& operator=(const StoredLine&) = delete;
  const ResponseLine& line() const { return line_; }

 private:
  Fields answers_;
  std::vector<AnswerField> fields_;
  ResponseLine line_;
};

inline Period Q(int year, int index) { return {Period::Kind::kQuarter, year, index}; }
inline Period H(int year, int index) { return {Period::Kind::kHalf, year, index}; }
inline Period Y(int year) { return {Period::Kind::kYear, year, 1}; }

/// `n` respondents to survey 0 about `service` at `touchpoint` (-1: not known) in `quarter`, all rating 5.
inline void AddRespondents(Results* results, int service, int touchpoint, const Period& quarter, uint64_t n) {
  RoleCounts counts;
  counts.respondents = n;
  counts.overall[4] = n;
  results->AddRole(0, service, touchpoint, QuarterNumber(quarter), counts);
  SlotCounts slot;
  slot.asked = n;
  slot.answered = n;
  slot.options = {0, 0, 0, 0, n};
  results->AddSurvey(0, QuarterNumber(quarter), {slot});
}

/// «quality», revision 2: question by question, with what the skip rules do.
///   0 service   which service (a–e)
///   1 channel   portal → on (touchpoint web); office → jump to «overall» (touchpoint mfc); other → end
///   2 online    scale; only on the portal path
///   3 overall   scale, the overall rating
///   4 params    matrix speed, polite (parameters)
///   5 problems  multiple: queue, docs, none
///   6 details   text, only if «problems» has queue or docs
inline const char kQualityRevision2[] =
    "title: Качество\n"
    "opens: 2026-07-01\n"
    "closes: 2026-12-31\n"
    "revision: 2\n"
    "questions:\n"
    "  - {id: service, kind: service, text: Услуга}\n"
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
    "      - other: Иначе\n"
    "        goto: end\n"
    "  - {id: online, kind: scale, text: Удобство сайта}\n"
    "  - {id: overall, kind: scale, text: Оценка, role: overall}\n"
    "  - id: params\n"
    "    kind: matrix\n"
    "    role: parameters\n"
    "    text: Параметры\n"
    "    rows: [{speed: Скорость}, {polite: Вежливость}]\n"
    "  - id: problems\n"
    "    kind: multiple\n"
    "    text: Проблемы\n"
    "    options: [{queue: Очередь}, {docs: Документы}, {none: Не было}]\n"
    "  - id: details\n"
    "    kind: text\n"
    "    text: Подробности\n"
    "    required: false\n"
    "    show_if: {question: problems, answers: [queue, docs]}\n";

/// «quality», revision 1 (kept as quality@1.yaml): service, overall, and
/// problems with an option revision 2 dropped («paper»).
inline const char kQualityRevision1[] =
    "title: Качество\n"
    "opens: 2026-01-01\n"
    "closes: 2026-06-30\n"
    "revision: 1\n"
    "questions:\n"
    "  - {id: service, kind: service, text: Услуга}\n"
    "  - {id: overall, kind: scale, text: Прежняя оценка, role: overall}\n"
    "  - id: problems\n"
    "    kind: multiple\n"
    "    text: Прежние проблемы\n"
    "    options: [{queue: Очередь}, {paper: Бумаги}]\n";

/// TestSite with three surveys, in site order (by id):
///   0 hotline  every response about touchpoint «post»; service a or b, overall
///   1 quality  kQualityRevision2, with kQualityRevision1 as its earlier revision
///   2 staff    internal: service, overall
inline Site QualitySite() {
  const std::vector<Service> services = TestServices();
  Survey quality = ParseTestSurvey("quality", kQualityRevision2, services);
  quality.earlier_revisions.push_back(ParseTestSurvey("quality@1", kQualityRevision1, services));
  quality.earlier_revisions.back().id = "quality";
  Survey hotline = ParseTestSurvey("hotline",
                                   "title: Горячая линия\nopens: 2026-01-01\ncloses: 2026-12-31\nrevision: 1\n"
                                   "touchpoint: post\nquestions:\n"
                                   "  - {id: service, kind: service, text: Услуга, services: [a, b]}\n"
                                   "  - {id: overall, kind: scale, text: Оценка, role: overall}\n",
                                   services);
  Survey staff = ParseTestSurvey("staff",
                                 "title: Сотрудники\naudience: internal\nopens: 2026-01-01\ncloses: 2026-12-31\n"
                                 "revision: 1\nquestions:\n"
                                 "  - {id: service, kind: service, text: Услуга}\n"
                                 "  - {id: overall, kind: scale, text: Оценка, role: overall}\n",
                                 services);
  return TestSite({std::move(quality), std::move(hotline), std::move(staff)}, services);
}

}  // namespace otklik::testing
