#pragma once

// Surveys shared by the model tests: the structure of the seed-002 reference
// questionnaire (ids, kinds and skip rules, short texts) and a small one.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "model/survey_loader.h"

namespace otklik::testing {

inline std::vector<Service> SampleServices() {
  std::vector<Service> services(2);
  services[0].id = "pension";
  services[0].title = "Пенсия";
  services[1].id = "subsidy";
  services[1].title = "Субсидия";
  return services;
}

inline Survey ParseSample(const std::string& yaml) {
  Diagnostics diagnostics;
  std::optional<Survey> survey = ParseSurvey("content/surveys/sample.yaml", yaml, SampleServices(), &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(survey);
  return *survey;
}

/// Seed 002: Q4 "office"/"mfc" jump to Q6, Q7 "yes" jumps to Q9, Q12 only after a refusal.
inline Survey ReferenceSurvey() {
  return ParseSample(R"(title: Оценка
opens: 2026-11-09
closes: 2026-12-04
revision: 1
questions:
  - {id: service, kind: service, text: Услуга}
  - id: info-source
    kind: multiple
    text: Где узнали?
    options: [{portal: Портал}, {website: Сайт}, {office: Учреждение}, {mfc: МФЦ}, {media: СМИ}, {people: Знакомые}]
  - {id: overall, kind: scale, text: Оцените}
  - id: channel
    kind: single
    text: Как получили?
    options:
      - portal: Портал
      - office: Учреждение
        goto: initiative
      - mfc: МФЦ
        goto: initiative
  - {id: online-service, kind: scale, text: Сервис}
  - id: initiative
    kind: single
    text: Как предоставлена?
    options: [{offered: Предложена}, {requested: Сам}]
  - id: provided
    kind: single
    text: Предоставлена?
    options:
      - "yes": Да
        goto: parameters
      - "no": Нет
  - {id: informing, kind: satisfaction, text: Информирование}
  - id: parameters
    kind: matrix
    text: Параметры
    rows: [{application: Заявление}, {status: Статус}, {documents: Документы}, {speed: Скорость}, {online: Онлайн}]
  - id: staff
    kind: satisfaction
    text: Сотрудники
    extra_options: [{no-contact: Не общался}]
  - {id: timing, kind: satisfaction, text: Сроки}
  - id: refusal-info
    kind: yes_no
    text: При отказе
    show_if: {question: provided, answers: ["no"]}
  - {id: sex, kind: sex, text: Пол, required: false}
  - {id: age, kind: age, text: Возраст, required: false}
  - {id: education, kind: education, text: Образование, required: false}
  - {id: proposals, kind: text, text: Предложения, required: false, max_length: 20}
)");
}

}  // namespace otklik::testing
