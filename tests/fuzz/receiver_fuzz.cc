// libFuzzer targets: arbitrary bytes as the body of a form post
// (otklik_form_fuzz) or of an API post (otklik_api_fuzz,
// OTKLIK_FUZZ_API=1) to the receiver's handler, with the seed-002
// reference survey. Covers url-decoding, JSON parsing, the response
// validator and the stored line.

#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "model/survey_loader.h"
#include "receiver/handler.h"

namespace {

constexpr const char* kSurvey = R"(title: Оценка
opens: 2026-01-01
closes: 2026-12-31
revision: 1
questions:
  - {id: service, kind: service, text: Услуга}
  - id: info-source
    kind: multiple
    text: Где узнали?
    max: 3
    options: [{portal: Портал}, {website: Сайт}, {office: Учреждение}, {mfc: МФЦ}]
  - {id: overall, kind: scale, text: Оцените}
  - id: channel
    kind: single
    text: Как получили?
    options:
      - portal: Портал
      - office: Учреждение
        goto: provided
      - quit: Не получал
        goto: end
  - {id: online-service, kind: scale, text: Сервис}
  - id: provided
    kind: single
    text: Предоставлена?
    options:
      - "yes": Да
        goto: parameters
      - "no": Нет
  - {id: informing, kind: satisfaction, text: Информирование, extra_options: [{none: Не знаю}]}
  - id: parameters
    kind: matrix
    text: Параметры
    rows: [{application: Заявление}, {speed: Скорость}]
  - {id: refusal-info, kind: yes_no, text: При отказе, show_if: {question: provided, answers: ["no"]}}
  - {id: age, kind: age, text: Возраст, required: false}
  - {id: proposals, kind: text, text: Предложения, required: false, max_length: 50}
)";

otklik::Handler* MakeHandler() {
  std::vector<otklik::Service> services(2);
  services[0].id = "pension";
  services[0].title = "Пенсия";
  services[1].id = "subsidy";
  services[1].title = "Субсидия";
  otklik::Diagnostics diagnostics;
  std::optional<otklik::Survey> survey = otklik::ParseSurvey("fuzz.yaml", kSurvey, services, &diagnostics);
  if (!survey) std::abort();
  auto site = std::make_shared<const otklik::Site>(otklik::SiteConfig{}, services, std::vector<otklik::LifeSituation>{},
                                                   std::vector<otklik::Touchpoint>{}, std::vector<otklik::Page>{},
                                                   std::vector<otklik::Survey>{*survey});
  static otklik::RateLimiter limiter(0, 1);
  static otklik::ReceiverCounters counters;
  const auto store = [](const otklik::StoredResponse& stored) {
    const std::string line = otklik::EncodeLine(stored);
    // Every stored line is one complete, parseable JSON object.
    if (line.empty() || line.back() != '\n' || line.find('\n') != line.size() - 1) std::abort();
    if (nlohmann::json::parse(line, nullptr, false).is_discarded()) std::abort();
    return otklik::Status::Ok();
  };
  return new otklik::Handler(site, {"https://otklik.example.ru/", "", 256 * 1024}, store,
                             [] { return otklik::Date(2026, 11, 23); }, &limiter, &counters);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static otklik::Handler* handler = MakeHandler();
  const bool api = OTKLIK_FUZZ_API;
  otklik::HttpRequest request;
  request.method = "POST";
  request.path = api ? "/api/surveys/fuzz/responses" : "/surveys/fuzz";
  request.content_type = api ? "application/json" : "application/x-www-form-urlencoded";
  request.body.assign(reinterpret_cast<const char*>(data), size);
  request.client = "fuzzer";
  const otklik::HttpResponse response = handler->Handle(request);
  const bool known = response.status == 201 || response.status == 303 || response.status == 400 || response.status == 413;
  if (!known) std::abort();
  return 0;
}
