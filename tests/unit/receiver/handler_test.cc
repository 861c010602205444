#include "receiver/handler.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <functional>
#include <map>
#include <tuple>

#include "core/file_system.h"
#include "model/survey_loader.h"
#include "receiver/reply_pages.h"

namespace otklik::handler_test {
namespace {

using Catch::Matchers::Contains;

const char kSite[] = "https://otklik.example.ru/";
const char kClient[] = "198.51.100.23";
const Date kToday(2026, 11, 23);

// Channel "office" jumps over "online" to "proposals".
const char kQuestions[] =
    "questions:\n"
    "  - {id: overall, kind: scale, text: Оцените услугу}\n"
    "  - id: channel\n"
    "    kind: single\n"
    "    text: Как вы получили услугу?\n"
    "    options:\n"
    "      - portal: Портал\n"
    "      - office: Учреждение\n"
    "        goto: proposals\n"
    "  - {id: online, kind: scale, text: Оцените портал}\n"
    "  - {id: proposals, kind: text, text: Предложения, required: false, max_length: 200}\n";

Survey MakeSurvey(const std::string& id, const std::string& header) {
  Diagnostics diagnostics;
  std::optional<Survey> survey = ParseSurvey("content/surveys/" + id + ".yaml", header + kQuestions, {}, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(survey);
  return *survey;
}

// "feedback" is open today, "closed" ended yesterday, "upcoming" opens
// tomorrow, "staff" is an internal survey open today.
std::shared_ptr<const Site> MakeSite() {
  std::vector<Survey> surveys = {
      MakeSurvey("feedback", "title: Оценка услуги\nopens: 2026-11-01\ncloses: 2026-11-30\nrevision: 3\n"),
      MakeSurvey("closed", "title: Прошлый опрос\nopens: 2026-11-01\ncloses: 2026-11-22\nrevision: 1\n"),
      MakeSurvey("upcoming", "title: Будущий опрос\nopens: 2026-11-24\ncloses: 2026-12-31\nrevision: 1\n"),
      MakeSurvey("staff",
                 "title: Опрос сотрудников\naudience: internal\nopens: 2026-11-01\ncloses: 2026-11-30\nrevision: 1\n"),
  };
  SiteConfig config;
  config.base_url = kSite;
  return std::make_shared<const Site>(config, std::vector<Service>{}, std::vector<LifeSituation>{},
                                      std::vector<Touchpoint>{}, std::vector<Page>{}, std::move(surveys));
}

Handler::Options SiteOptions() {
  Handler::Options options;
  options.site_url = kSite;
  return options;
}

// A handler with a fake store that records what it stores (or fails with
// `store_status`), a fixed day, and rate limiting off unless asked for.
struct Receiver {
  explicit Receiver(Handler::Options options = SiteOptions(), double per_minute = 0, double burst = 1)
      : limiter(per_minute, burst),
        handler(
            MakeSite(), std::move(options),
            [this](const StoredResponse& response) {
              if (!store_status.ok()) return store_status;
              stored.push_back(response);
              return Status::Ok();
            },
            [] { return kToday; }, &limiter, &counters) {}

  HttpResponse Handle(const HttpRequest& request) { return handler.Handle(request); }

  std::vector<StoredResponse> stored;
  Status store_status;
  RateLimiter limiter;
  ReceiverCounters counters;
  Handler handler;
};

HttpRequest Form(const std::string& survey, const std::string& body) {
  return {"POST", "/surveys/" + survey, "application/x-www-form-urlencoded", body, kClient};
}

HttpRequest Api(const std::string& survey, const std::string& body) {
  return {"POST", "/api/surveys/" + survey + "/responses", "application/json", body, kClient};
}

// A complete valid answer to "feedback" as its HTML form posts it.
const char kValidForm[] =
    "_revision=3&overall=4&channel=portal&online=5&proposals=%D0%91%D0%BE%D0%BB%D1%8C%D1%88%D0%B5+%D0%BE%D0%BA%D0%BE%"
    "D0%BD&_embed=0&_contact_email=";
const char kValidApi[] =
    "{\"revision\":3,\"answers\":{\"overall\":4,\"channel\":\"portal\",\"online\":[\"5\"],\"proposals\":\"Больше "
    "окон\"}}";

const Answers kValidAnswers = {
    {"overall", {"4"}}, {"channel", {"portal"}}, {"online", {"5"}}, {"proposals", {"Больше окон"}}};

// What ReceiverCounters::ToJson() shows when only `counts` are not zero.
std::string Counters(const std::map<std::string, int>& counts) {
  const std::vector<std::string> rejected = {"honeypot",   "invalid",      "not_found",   "wrong_method",
                                             "closed",     "too_large",    "wrong_type",  "rate_limited",
                                             "unavailable", "timed_out",   "malformed"};
  for (const auto& [name, count] : counts) {
    REQUIRE((name == "accepted" || std::find(rejected.begin(), rejected.end(), name) != rejected.end()));
  }
  const auto field = [&](const std::string& name) {
    const auto it = counts.find(name);
    return "\"" + name + "\":" + std::to_string(it == counts.end() ? 0 : it->second);
  };
  std::string json = "{" + field("accepted") + ",\"rejected\":{";
  for (const std::string& name : rejected) json += field(name) + (name == rejected.back() ? "" : ",");
  return json + "}}";
}

std::string JsonError(const std::string& message) {
  return "{\"errors\":[{\"field\":\"\",\"message\":\"" + message + "\",\"question\":0}]}";
}

const char kNotAnObject[] = "Тело запроса должно быть объектом JSON {\\\"revision\\\": …, \\\"answers\\\": {…}}.";

// Runs `check` in a child process and tells whether it returned true there,
// so that a crash fails one test instead of ending the whole run.
bool PassesInChild(const std::function<bool()>& check) {
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::signal(SIGSEGV, SIG_DFL);  // die quietly, without the test framework's report
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    _exit(check() ? 0 : 1);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST_CASE("A valid form post is stored and answered 303 to the survey's thank-you page") {
  Receiver r;
  const HttpResponse reply = r.Handle(Form("feedback", kValidForm));
  CHECK(reply.status == 303);
  CHECK(reply.Header("Location") == "https://otklik.example.ru/surveys/feedback/thanks/");
  CHECK(reply.Header("Cache-Control") == "no-store");
  CHECK(reply.body == "");
  CHECK(r.stored == std::vector<StoredResponse>{{{"feedback", 3, kValidAnswers, ""}, kToday, "web"}});
  CHECK(r.counters.ToJson() == Counters({{"accepted", 1}}));
}

TEST_CASE("An embedded form post goes to the embedded thank-you page") {
  Receiver r;
  const HttpResponse reply = r.Handle(Form("feedback", std::string(kValidForm) + "&_embed=1"));
  CHECK(reply.status == 303);
  CHECK(reply.Header("Location") == "https://otklik.example.ru/surveys/feedback/embed/thanks/");
  CHECK(r.stored.size() == 1);
}

TEST_CASE("The thank-you address comes from the options, never from the request") {
  Handler::Options options = SiteOptions();
  options.site_url = "https://minsoc.example.ru/otklik/";
  Receiver r(options);
  HttpRequest request = Form("feedback", std::string(kValidForm) + "&_embed=1");
  request.client = "evil.example";
  request.content_type = "application/x-www-form-urlencoded; charset=UTF-8; host=evil.example";
  CHECK(r.Handle(request).Header("Location") == "https://minsoc.example.ru/otklik/surveys/feedback/embed/thanks/");
}

TEST_CASE("A valid API post is stored and answered 201") {
  Receiver r;
  const HttpResponse reply = r.Handle(Api("feedback", kValidApi));
  CHECK(reply.status == 201);
  CHECK(reply.content_type == "application/json; charset=utf-8");
  CHECK(reply.body == "{\"status\":\"accepted\"}");
  CHECK(reply.Header("Location") == "");
  CHECK(r.stored == std::vector<StoredResponse>{{{"feedback", 3, kValidAnswers, ""}, kToday, "api"}});
  CHECK(r.counters.ToJson() == Counters({{"accepted", 1}}));
}

TEST_CASE("An API post without a revision answers the current one") {
  Receiver r;
  CHECK(r.Handle(Api("feedback", "{\"answers\":{\"overall\":\"2\",\"channel\":\"office\"}}")).status == 201);
  CHECK(r.stored ==
        std::vector<StoredResponse>{{{"feedback", 3, {{"overall", {"2"}}, {"channel", {"office"}}}, ""}, kToday, "api"}});
}

TEST_CASE("Invalid form answers get 400 and a page that lists what to fix") {
  Receiver r;
  const HttpResponse reply = r.Handle(Form("feedback", "_revision=3&overall=9&channel=portal"));
  CHECK(reply.status == 400);
  CHECK(reply.content_type == "text/html; charset=utf-8");
  CHECK_THAT(reply.body, Contains("<li>Вопрос 1. Выберите один из предложенных вариантов ответа.</li>\n"
                                  "<li>Вопрос 3. Ответьте на этот вопрос.</li>\n"));
  const Survey& survey = *r.handler.site().FindSurvey("feedback");
  CHECK(reply.body == AnswersErrorPage(r.handler.site().messages(), survey,
                                       {{"overall", 1, "Выберите один из предложенных вариантов ответа."},
                                        {"online", 3, "Ответьте на этот вопрос."}},
                                       "https://otklik.example.ru/surveys/feedback/", kSite));
  CHECK(r.stored.empty());
  CHECK(r.counters.ToJson() == Counters({{"invalid", 1}}));
}

TEST_CASE("An invalid embedded form links back to the embedded form") {
  Receiver r;
  const HttpResponse reply = r.Handle(Form("feedback", "overall=4&_embed=1"));
  CHECK(reply.status == 400);
  CHECK_THAT(reply.body, Contains("<a href=\"https://otklik.example.ru/surveys/feedback/embed/\">"));
}

TEST_CASE("Invalid API answers get 400 and the field errors in JSON") {
  Receiver r;
  const HttpResponse reply =
      r.Handle(Api("feedback", "{\"answers\":{\"overall\":9,\"channel\":\"portal\",\"ip\":\"1\"}}"));
  CHECK(reply.status == 400);
  CHECK(reply.content_type == "application/json; charset=utf-8");
  CHECK(reply.body ==
        "{\"errors\":["
        "{\"field\":\"overall\",\"message\":\"Выберите один из предложенных вариантов ответа.\",\"question\":1},"
        "{\"field\":\"online\",\"message\":\"Ответьте на этот вопрос.\",\"question\":3},"
        "{\"field\":\"ip\",\"message\":\"В анкете нет вопроса «ip».\",\"question\":0}]}");
  CHECK(r.stored.empty());
  CHECK(r.counters.ToJson() == Counters({{"invalid", 1}}));
}

TEST_CASE("A form with malformed percent-encoding gets 400") {
  Receiver r;
  const HttpResponse reply = r.Handle(Form("feedback", "_revision=3&overall=%G4&channel=portal"));
  CHECK(reply.status == 400);
  CHECK(reply.body == MessagePage("Ответы не прочитаны", "Форма пришла повреждённой. Откройте анкету заново.",
                                  "https://otklik.example.ru/surveys/feedback/", "Открыть анкету", kSite));
  CHECK(r.stored.empty());
  CHECK(r.counters.ToJson() == Counters({{"invalid", 1}}));
}

TEST_CASE("A form built from another revision gets 400 and is not stored") {
  Receiver r;
  std::string stale = kValidForm;
  stale.replace(stale.find("_revision=3"), 11, "_revision=2");
  const HttpResponse reply = r.Handle(Form("feedback", stale));
  CHECK(reply.status == 400);
  CHECK(reply.body == MessagePage("Анкета обновилась",
                                  "Пока вы заполняли анкету, вопросы опроса изменились. Откройте анкету заново, "
                                  "пожалуйста.",
                                  "https://otklik.example.ru/surveys/feedback/", "Открыть анкету", kSite));
  CHECK(r.stored.empty());
  CHECK(r.counters.ToJson() == Counters({{"invalid", 1}}));
}

TEST_CASE("An API post for another revision gets 400") {
  Receiver r;
  const HttpResponse reply = r.Handle(Api("feedback", "{\"revision\":2,\"answers\":{\"overall\":4}}"));
  CHECK(reply.status == 400);
  CHECK(reply.body == JsonError("Редакция опроса 2 устарела; действует редакция 3."));
  CHECK(r.stored.empty());
  CHECK(r.counters.ToJson() == Counters({{"invalid", 1}}));
}

TEST_CASE("A malformed API body gets 400 and says what is expected") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"not json", kNotAnObject},
      {"", kNotAnObject},
      {"[1, 2]", kNotAnObject},
      {"{\"answers\":{\"overall\":\"4\"}", kNotAnObject},
      {"{\"answers\":{\"overall\":true}}", "Ответ на «overall» должен быть строкой, числом или списком строк."},
      {"{\"answers\":{\"overall\":[[\"4\"]]}}", "Ответ на «overall» должен быть строкой, числом или списком строк."},
      {"{\"answers\":{\"overall\":null}}", "Ответ на «overall» должен быть строкой, числом или списком строк."},
      {"{\"revision\":\"3\"}",
       "Неизвестное или неверное поле «revision»: ожидаются «revision» (число) и «answers» (объект)."},
      {"{\"answers\":[]}",
       "Неизвестное или неверное поле «answers»: ожидаются «revision» (число) и «answers» (объект)."},
      {"{\"ip\":\"10.0.0.1\"}",
       "Неизвестное или неверное поле «ip»: ожидаются «revision» (число) и «answers» (объект)."},
  };
  for (const auto& [body, message] : cases) {
    INFO(body);
    Receiver r;
    const HttpResponse reply = r.Handle(Api("feedback", body));
    CHECK(reply.status == 400);
    CHECK(reply.body == JsonError(message));
    CHECK(r.stored.empty());
    CHECK(r.counters.ToJson() == Counters({{"invalid", 1}}));
  }
}

TEST_CASE("An API body that is not UTF-8 gets 400 that says so, with where") {
  Receiver r;
  const HttpResponse reply = r.Handle(Api("feedback", "{\"answers\":{\"proposals\":\"\xD0\x91\xFF\"}}"));
  CHECK(reply.status == 400);
  CHECK(reply.body == JsonError("Тело запроса не в кодировке UTF-8: неверный байт на позиции 27 (считая с 0)."));
  CHECK(r.stored.empty());
}

TEST_CASE("Hostile input: a deeply nested JSON body gets 400") {
  Receiver r;
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK(r.Handle(Api("feedback", deep)).body ==
        JsonError("Ответы вложены слишком глубоко: ответ на вопрос — строка, число или список строк."));
  CHECK(r.Handle(Api("feedback", "{\"answers\":" + deep + "}")).status == 400);
  CHECK(r.stored.empty());
}

TEST_CASE("Hostile input: a deeply nested JSON answer gets 400 and does not crash the receiver") {
  // 240 KB, under the default body limit of 256 KB.
  const std::string deep = std::string(120000, '[') + std::string(120000, ']');
  const std::string body = "{\"answers\":{\"overall\":" + deep + "}}";
  CHECK(PassesInChild([&] {
    Receiver r;
    return r.Handle(Api("feedback", body)).body ==
           JsonError("Ответы вложены слишком глубоко: ответ на вопрос — строка, число или список строк.");
  }));
}

TEST_CASE("An API revision beyond the range of int is refused, not wrapped around") {
  Receiver r;
  // 2^32 + 3 wraps around to 3, the current revision.
  const HttpResponse reply = r.Handle(Api("feedback",
                                          "{\"revision\":4294967299,\"answers\":{\"overall\":4,"
                                          "\"channel\":\"office\"}}"));
  CHECK(reply.status == 400);
  CHECK(r.stored.empty());
}

TEST_CASE("A post to an unknown survey gets 404") {
  Receiver r;
  const HttpResponse form = r.Handle(Form("nope", kValidForm));
  CHECK(form.status == 404);
  CHECK(form.content_type == "text/html; charset=utf-8");
  CHECK(form.body == MessagePage("Опрос не найден", "Такого опроса нет. Возможно, ссылка устарела.", kSite,
                                 "Перейти на сайт", kSite));
  const HttpResponse api = r.Handle(Api("nope", kValidApi));
  CHECK(api.status == 404);
  CHECK(api.body == JsonError("Опроса «nope» нет."));
  CHECK(r.stored.empty());
  CHECK(r.counters.ToJson() == Counters({{"not_found", 2}}));
}

TEST_CASE("The receiver answers in the words of the site's catalogue") {
  MemoryFileSystem fs;
  REQUIRE(fs.WriteFile("theme/messages.yaml",
                       "receiver:\n"
                       "  survey_not_found: {title: Нет такой анкеты}\n"
                       "  unknown_address: Нет такой страницы.\n"
                       "  api: {survey_not_found: \"У {agency.gen} нет опроса «{id}».\"}\n")
              .ok());
  Diagnostics diagnostics;
  std::optional<Messages> messages = Messages::Load(fs, "theme/messages.yaml", AgencyWords{}, &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(messages);
  auto site = std::make_shared<Site>(*MakeSite());
  site->SetMessages(std::move(*messages));
  RateLimiter limiter(0, 1);
  ReceiverCounters counters;
  const Handler handler(
      site, SiteOptions(), [](const StoredResponse&) { return Status::Ok(); }, [] { return kToday; }, &limiter,
      &counters);
  // The theme's messages where it has them, the built-in ones elsewhere.
  CHECK(handler.Handle(Form("nope", kValidForm)).body == MessagePage("Нет такой анкеты",
                                                                     "Такого опроса нет. Возможно, ссылка устарела.",
                                                                     kSite, "Перейти на сайт", kSite));
  CHECK(handler.Handle({"GET", "/robots.txt", "", "", kClient}).body == "Нет такой страницы.\n");
  CHECK(handler.Handle(Api("nope", kValidApi)).body == JsonError("У ведомства нет опроса «nope»."));
  CHECK(site->messages().Missing().empty());
}

TEST_CASE("An unknown path gets 404") {
  for (const char* path : {"/", "/surveys/", "/surveys/Feedback", "/surveys/feedback/", "/surveys/feedback/thanks",
                           "/surveys/../feedback", "/api/surveys/feedback", "/api/surveys//responses",
                           "/api/surveys/feedback/responses/", "/healthz/", "/favicon.ico"}) {
    INFO(path);
    Receiver r;
    const HttpResponse reply = r.Handle({"POST", path, "application/x-www-form-urlencoded", kValidForm, kClient});
    CHECK(reply.status == 404);
    CHECK(reply.content_type == "text/plain; charset=utf-8");
    CHECK(reply.body == "Такого адреса нет.\n");
    CHECK(r.stored.empty());
    CHECK(r.counters.ToJson() == Counters({{"not_found", 1}}));
  }
}

TEST_CASE("A wrong method gets 405 with the allowed ones") {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"GET", "/surveys/feedback", "POST"},
      {"HEAD", "/surveys/nope", "POST"},
      {"PUT", "/api/surveys/feedback/responses", "POST"},
      {"GET", "/api/surveys/feedback/responses", "POST"},
      {"POST", "/healthz", "GET, HEAD"},
      {"DELETE", "/healthz", "GET, HEAD"},
  };
  for (const auto& [method, path, allow] : cases) {
    INFO(method << " " << path);
    Receiver r;
    const HttpResponse reply = r.Handle({method, path, "application/x-www-form-urlencoded", kValidForm, kClient});
    CHECK(reply.status == 405);
    CHECK(reply.Header("Allow") == allow);
    CHECK(reply.body == "Метод не поддерживается.\n");
    CHECK(r.stored.empty());
    CHECK(r.counters.ToJson() == Counters({{"wrong_method", 1}}));
  }
}

TEST_CASE("A post to a survey that has closed or not yet opened gets 410") {
  Receiver r;
  const HttpResponse closed = r.Handle(Form("closed", "_revision=1&overall=4&channel=office"));
  CHECK(closed.status == 410);
  CHECK(closed.body == MessagePage("Опрос не принимает ответы",
                                   "Опрос «Прошлый опрос» сейчас не проводится: ответы принимаются с 2026-11-01 по "
                                   "2026-11-22.",
                                   "https://otklik.example.ru/surveys/closed/", "Страница опроса", kSite));
  const HttpResponse upcoming = r.Handle(Form("upcoming", "_revision=1&overall=4&channel=office"));
  CHECK(upcoming.status == 410);
  CHECK_THAT(upcoming.body, Contains("ответы принимаются с 2026-11-24 по 2026-12-31."));
  const HttpResponse api = r.Handle(Api("closed", "{\"answers\":{\"overall\":4,\"channel\":\"office\"}}"));
  CHECK(api.status == 410);
  CHECK(api.body == JsonError("Опрос принимает ответы с 2026-11-01 по 2026-11-22."));
  CHECK(r.Handle(Api("upcoming", "{}")).body == JsonError("Опрос принимает ответы с 2026-11-24 по 2026-12-31."));
  CHECK(r.stored.empty());
  CHECK(r.counters.ToJson() == Counters({{"closed", 4}}));
}

TEST_CASE("A body over the limit gets 413, and one at the limit is read") {
  Handler::Options options = SiteOptions();
  options.body_limit = 120;
  Receiver r(options);
  const std::string base = "_revision=3&overall=4&channel=office&proposals=";
  const std::string at_limit = base + std::string(120 - base.size(), 'a');
  CHECK(r.Handle(Form("feedback", at_limit)).status == 303);
  const HttpResponse over = r.Handle(Form("feedback", at_limit + "a"));
  CHECK(over.status == 413);
  CHECK(over.body == MessagePage("Слишком длинные ответы",
                                 "Ответы не поместились в допустимый размер. Сократите текст в открытых вопросах и "
                                 "отправьте снова.",
                                 "", "", kSite));
  const HttpResponse api = r.Handle(Api("feedback", "{\"answers\":{\"proposals\":\"" + std::string(120, 'a') + "\"}}"));
  CHECK(api.status == 413);
  CHECK(api.body == JsonError("Тело запроса больше 120 байт."));
  CHECK(r.stored.size() == 1);
  CHECK(r.counters.ToJson() == Counters({{"accepted", 1}, {"too_large", 2}}));
}

TEST_CASE("A body the server did not read for its length gets 413 in the form's or the API's own terms") {
  Receiver r;
  HttpRequest form = Form("feedback", "");
  form.body_too_large = true;
  const HttpResponse page = r.Handle(form);
  CHECK(page.status == 413);
  CHECK(page.content_type == "text/html; charset=utf-8");
  HttpRequest api = Api("feedback", "");
  api.body_too_large = true;
  const HttpResponse json = r.Handle(api);
  CHECK(json.status == 413);
  CHECK(json.content_type == "application/json; charset=utf-8");
  CHECK(json.body == JsonError("Тело запроса больше 262144 байт."));
  CHECK(r.counters.ToJson() == Counters({{"too_large", 2}}));
}

TEST_CASE("A post of the wrong content type gets 415") {
  Receiver r;
  for (const char* type : {"application/json", "multipart/form-data; boundary=x", "text/plain", ""}) {
    INFO(type);
    HttpRequest request = Form("feedback", kValidForm);
    request.content_type = type;
    const HttpResponse reply = r.Handle(request);
    CHECK(reply.status == 415);
    CHECK(reply.body == MessagePage("Неверный формат отправки", "Анкету нужно отправлять из формы на сайте.",
                                    "https://otklik.example.ru/surveys/feedback/", "Открыть анкету", kSite));
  }
  HttpRequest api = Api("feedback", kValidApi);
  api.content_type = "application/x-www-form-urlencoded";
  const HttpResponse reply = r.Handle(api);
  CHECK(reply.status == 415);
  CHECK(reply.body == JsonError("Ожидается Content-Type: application/json."));
  CHECK(r.stored.empty());
  CHECK(r.counters.ToJson() == Counters({{"wrong_type", 5}}));
}

TEST_CASE("The media type is read without parameters and whatever its case") {
  Receiver r;
  HttpRequest form = Form("feedback", kValidForm);
  form.content_type = "Application/X-WWW-Form-Urlencoded; charset=UTF-8";
  CHECK(r.Handle(form).status == 303);
  HttpRequest api = Api("feedback", kValidApi);
  api.content_type = "application/json ; charset=utf-8";
  CHECK(r.Handle(api).status == 201);
  CHECK(r.stored.size() == 2);
}

TEST_CASE("A client over its burst gets 429 with Retry-After, and other clients go on") {
  Receiver r(SiteOptions(), 30, 2);  // a token every 2 s
  CHECK(r.Handle(Form("feedback", kValidForm)).status == 303);
  CHECK(r.Handle(Api("feedback", kValidApi)).status == 201);
  const HttpResponse form = r.Handle(Form("feedback", kValidForm));
  CHECK(form.status == 429);
  CHECK(form.Header("Retry-After") == "2");
  CHECK(form.body == MessagePage("Слишком много ответов",
                                 "С вашего адреса пришло слишком много ответов подряд. Подождите немного и отправьте "
                                 "анкету снова.",
                                 "", "", kSite));
  const HttpResponse api = r.Handle(Api("feedback", kValidApi));
  CHECK(api.status == 429);
  CHECK(api.Header("Retry-After") == "2");
  CHECK(api.body == JsonError("Слишком много запросов; повторите позже."));

  HttpRequest other = Form("feedback", kValidForm);
  other.client = "203.0.113.9";
  CHECK(r.Handle(other).status == 303);
  CHECK(r.stored.size() == 3);
  CHECK(r.counters.ToJson() == Counters({{"accepted", 3}, {"rate_limited", 2}}));
}

TEST_CASE("A store that fails gets 503 with Retry-After") {
  Receiver r;
  r.store_status = Status::Error("data/responses/feedback/2026-11-23.r1.jsonl: не удалось записать: No space left");
  const HttpResponse form = r.Handle(Form("feedback", kValidForm));
  CHECK(form.status == 503);
  CHECK(form.Header("Retry-After") == "60");
  CHECK(form.Header("Location") == "");
  CHECK(form.body ==
        MessagePage("Ответы не сохранены",
                    "Сейчас мы не можем сохранить ответы. Вернитесь назад и отправьте анкету ещё раз через "
                    "несколько минут.",
                    "", "", kSite));
  CHECK_THAT(form.body, !Contains("No space"));  // the cause goes to the operator, not the respondent
  const HttpResponse api = r.Handle(Api("feedback", kValidApi));
  CHECK(api.status == 503);
  CHECK(api.Header("Retry-After") == "60");
  CHECK(api.body == JsonError("Хранилище ответов недоступно; повторите позже."));
  CHECK(r.counters.ToJson() == Counters({{"unavailable", 2}}));
}

TEST_CASE("GET /healthz answers 200 with the counters") {
  Receiver r;
  const HttpResponse empty = r.Handle({"GET", "/healthz", "", "", kClient});
  CHECK(empty.status == 200);
  CHECK(empty.content_type == "application/json; charset=utf-8");
  CHECK(empty.body ==
        "{\"status\":\"ok\",\"counters\":{\"accepted\":0,\"rejected\":{\"honeypot\":0,\"invalid\":0,\"not_found\":0,"
        "\"wrong_method\":0,\"closed\":0,\"too_large\":0,\"wrong_type\":0,\"rate_limited\":0,\"unavailable\":0,"
        "\"timed_out\":0,\"malformed\":0}}}\n");
  r.Handle(Form("feedback", kValidForm));
  r.Handle(Form("nope", kValidForm));
  const HttpResponse head = r.Handle({"HEAD", "/healthz", "", "", kClient});
  CHECK(head.status == 200);
  CHECK(head.body ==
        "{\"status\":\"ok\",\"counters\":{\"accepted\":1,\"rejected\":{\"honeypot\":0,\"invalid\":0,\"not_found\":1,"
        "\"wrong_method\":0,\"closed\":0,\"too_large\":0,\"wrong_type\":0,\"rate_limited\":0,\"unavailable\":0,"
        "\"timed_out\":0,\"malformed\":0}}}\n");
}

TEST_CASE("A filled-in honeypot looks accepted but stores nothing") {
  Receiver r;
  const HttpResponse reply = r.Handle(Form("feedback", std::string(kValidForm) + "&_contact_email=bot%40example.ru"));
  CHECK(reply.status == 303);
  CHECK(reply.Header("Location") == "https://otklik.example.ru/surveys/feedback/thanks/");
  // Even invalid answers look accepted: a bot learns nothing.
  const HttpResponse invalid = r.Handle(Form("feedback", "overall=99&_contact_email=x&_embed=1"));
  CHECK(invalid.status == 303);
  CHECK(invalid.Header("Location") == "https://otklik.example.ru/surveys/feedback/embed/thanks/");
  // A second, empty honeypot field does not clear the first.
  CHECK(r.Handle(Form("feedback", std::string(kValidForm) + "&_contact_email=x&_contact_email=")).status == 303);
  CHECK(r.stored.empty());
  CHECK(r.counters.ToJson() == Counters({{"honeypot", 3}}));
}

// A receiver of the staff's surveys, on the agency's own network.
Handler::Options InternalOptions() {
  Handler::Options options = SiteOptions();
  options.audience = Audience::kInternal;
  return options;
}

TEST_CASE("A receiver takes only its audience's surveys: the others' answer 404 and store nothing") {
  Receiver open;
  const HttpResponse form = open.Handle(Form("staff", "_revision=1&overall=4&channel=office"));
  CHECK(form.status == 404);
  CHECK(form.body == MessagePage("Опрос не найден", "Такого опроса нет. Возможно, ссылка устарела.", kSite,
                                 "Перейти на сайт", kSite));
  const HttpResponse api = open.Handle(Api("staff", "{\"answers\":{\"overall\":4,\"channel\":\"office\"}}"));
  CHECK(api.status == 404);
  CHECK(api.body == JsonError("Опроса «staff» нет."));
  CHECK(open.stored.empty());
  CHECK(open.counters.ToJson() == Counters({{"not_found", 2}}));

  Receiver staff(InternalOptions());
  CHECK(staff.Handle(Form("feedback", kValidForm)).status == 404);
  CHECK(staff.Handle(Api("feedback", kValidApi)).status == 404);
  CHECK(staff.Handle(Form("staff", "_revision=1&overall=4&channel=office")).status == 200);
  CHECK(staff.stored.size() == 1);
}

TEST_CASE("An internal survey's form goes back to the internal site, never the embedded page") {
  Handler::Options options = InternalOptions();
  options.internal_url = "https://intra.example.ru/otklik/";
  Receiver r(options);
  const HttpResponse reply = r.Handle(Form("staff", "_revision=1&overall=4&channel=office&_embed=1"));
  CHECK(reply.status == 303);
  CHECK(reply.Header("Location") == "https://intra.example.ru/otklik/surveys/staff/thanks/");
  const HttpResponse invalid = r.Handle(Form("staff", "_revision=1&overall=4"));
  CHECK(invalid.status == 400);
  CHECK_THAT(invalid.body, Contains("<a href=\"https://intra.example.ru/otklik/surveys/staff/\">"));
  CHECK_THAT(invalid.body, Contains("href=\"https://intra.example.ru/otklik/assets/style.css\""));
  CHECK(r.stored ==
        std::vector<StoredResponse>{{{"staff", 1, {{"overall", {"4"}}, {"channel", {"office"}}}, ""}, kToday, "web"}});
}

TEST_CASE("An internal survey without an internal site answers with a page of its own") {
  Receiver r(InternalOptions());
  const HttpResponse reply = r.Handle(Form("staff", "_revision=1&overall=4&channel=office"));
  CHECK(reply.status == 200);
  CHECK(reply.Header("Location") == "");
  CHECK(reply.body == MessagePage("Спасибо, ваши ответы приняты", "", "", "", kSite));
  CHECK(r.stored.size() == 1);
  CHECK(r.counters.ToJson() == Counters({{"accepted", 1}}));

  const HttpResponse bot = r.Handle(Form("staff", "_revision=1&overall=4&channel=office&_contact_email=x"));
  CHECK(bot.status == 200);
  CHECK(bot.body == reply.body);
  CHECK(r.stored.size() == 1);
}

TEST_CASE("An internal survey without an internal site links to no empty address") {
  Receiver r(InternalOptions());
  const HttpResponse invalid = r.Handle(Form("staff", "_revision=1&overall=4"));
  CHECK(invalid.status == 400);
  CHECK_THAT(invalid.body, !Contains("href=\"\""));
}

TEST_CASE("Answers to questions the skip logic passed by are not stored") {
  Receiver r;
  CHECK(r.Handle(Form("feedback", "_revision=3&overall=4&channel=office&online=5")).status == 303);
  CHECK(r.Handle(Api("feedback", "{\"answers\":{\"overall\":4,\"channel\":\"office\",\"online\":5}}")).status == 201);
  const Answers asked = {{"overall", {"4"}}, {"channel", {"office"}}};
  CHECK(r.stored ==
        std::vector<StoredResponse>{{{"feedback", 3, asked, ""}, kToday, "web"}, {{"feedback", 3, asked, ""}, kToday, "api"}});
}

TEST_CASE("Nothing from the request but the answers is stored") {
  Receiver r;
  HttpRequest form = Form("feedback", kValidForm);
  form.content_type = "application/x-www-form-urlencoded; charset=UTF-8; agent=Mozilla-5.0";
  HttpRequest api = Api("feedback", kValidApi);
  api.content_type = "application/json; agent=Mozilla-5.0";
  REQUIRE(r.Handle(form).status == 303);
  REQUIRE(r.Handle(api).status == 201);
  REQUIRE(r.stored.size() == 2);
  for (const StoredResponse& stored : r.stored) {
    const std::string line = EncodeLine(stored);
    CHECK_THAT(line, !Contains(kClient));
    CHECK_THAT(line, !Contains("Mozilla"));
    CHECK_THAT(line, !Contains("charset"));
    CHECK_THAT(line, !Contains("_revision"));
    CHECK_THAT(line, !Contains("_embed"));
    CHECK_THAT(line, !Contains("_contact_email"));
    CHECK(stored.response.answers == kValidAnswers);
    CHECK(stored.date == kToday);
  }
}

TEST_CASE("Every outcome counts once, under its own name") {
  Handler::Options small = SiteOptions();
  small.body_limit = 10;
  struct Case {
    HttpRequest request;
    std::string counter;
    Handler::Options options = SiteOptions();
    bool store_fails = false;
  };
  const std::vector<Case> cases = {
      {Form("feedback", kValidForm), "accepted"},
      {Api("feedback", kValidApi), "accepted"},
      {Form("feedback", std::string(kValidForm) + "&_contact_email=x"), "honeypot"},
      {Form("feedback", "overall=0"), "invalid"},
      {Api("feedback", "{"), "invalid"},
      {Form("nope", kValidForm), "not_found"},
      {{"GET", "/robots.txt", "", "", kClient}, "not_found"},
      {{"GET", "/surveys/feedback", "", "", kClient}, "wrong_method"},
      {Form("closed", kValidForm), "closed"},
      {Form("feedback", kValidForm), "too_large", small},
      {Api("feedback", kValidApi), "too_large", small},
      {{"POST", "/surveys/feedback", "text/plain", kValidForm, kClient}, "wrong_type"},
      {Form("feedback", kValidForm), "unavailable", SiteOptions(), true},
      {Api("feedback", kValidApi), "unavailable", SiteOptions(), true},
  };
  for (const Case& c : cases) {
    INFO(c.request.method << " " << c.request.path << " " << c.request.body);
    Receiver r(c.options);
    if (c.store_fails) r.store_status = Status::Error("disk failed");
    r.Handle(c.request);
    CHECK(r.counters.ToJson() == Counters({{c.counter, 1}}));
  }
  Receiver limited(SiteOptions(), 30, 1);
  limited.Handle(Form("feedback", kValidForm));
  limited.Handle(Form("feedback", kValidForm));
  CHECK(limited.counters.ToJson() == Counters({{"accepted", 1}, {"rate_limited", 1}}));
}

}  // namespace
}  // namespace otklik::handler_test
