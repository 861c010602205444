#include "render/survey_form.h"

#include <catch2/catch.hpp>
#include <set>
#include <tuple>

#include "model/survey_loader.h"

namespace otklik::survey_form_test {
namespace {

using nlohmann::json;
using Keys = std::vector<std::string>;

// Nine services: one more than a question shows as radio buttons.
std::vector<Service> Services() {
  const std::vector<std::pair<const char*, const char*>> items = {
      {"pension", "Пенсия"}, {"subsidy", "Субсидия"},        {"allowance", "Пособие"}, {"care", "Уход"},
      {"housing", "Жильё"},  {"disability", "Инвалидность"}, {"veterans", "Ветераны"}, {"large-family", "Многодетные"},
      {"jobs", "Занятость"}};
  std::vector<Service> services;
  for (const auto& [id, title] : items) {
    Service service;
    service.id = id;
    service.title = title;
    services.push_back(service);
  }
  return services;
}

Survey ParseOk(const std::string& yaml) {
  Diagnostics diagnostics;
  std::optional<Survey> survey = ParseSurvey("content/surveys/quality.yaml", yaml, Services(), &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(survey);
  return *survey;
}

const char kHeader[] =
    "title: Оценка качества услуг\n"
    "opens: 2026-11-09\n"
    "closes: 2026-12-04\n"
    "revision: 3\n"
    "intro: Опрос **анонимный**.\n"
    "questions:\n";

// Every kind of question, numbered 1–12:
// 1 service (9 options), 2 channel (single, jumps to 5 and to the end),
// 3 info-source (multiple, max 2), 4 online (scale), 5 initiative (single),
// 6 parameters (matrix), 7 staff (satisfaction + extra), 8 refusal-info
// (yes_no, only after channel office/mfc), 9 sex, 10 age, 11 education, 12 proposals (text).
Survey EveryKind() {
  return ParseOk(std::string(kHeader) +
                 "  - id: service\n"
                 "    kind: service\n"
                 "    text: Какую услугу вы получили?\n"
                 "    hint: Выберите из списка.\n"
                 "  - id: channel\n"
                 "    kind: single\n"
                 "    text: Каким образом вы получили услугу?\n"
                 "    options:\n"
                 "      - portal: Через портал\n"
                 "      - office: В учреждении\n"
                 "        goto: initiative\n"
                 "      - mfc: В МФЦ\n"
                 "        goto: initiative\n"
                 "      - none: Не получал(-а)\n"
                 "        goto: end\n"
                 "  - id: info-source\n"
                 "    kind: multiple\n"
                 "    text: Где вы узнали об услуге?\n"
                 "    max: 2\n"
                 "    options: [{portal: Портал}, {website: Сайт}, {people: Знакомые}]\n"
                 "  - id: online\n"
                 "    kind: scale\n"
                 "    text: Оцените портал\n"
                 "    low: очень плохо\n"
                 "    high: отлично\n"
                 "  - id: initiative\n"
                 "    kind: single\n"
                 "    text: Как предоставлена услуга?\n"
                 "    options: [{offered: Предложена}, {requested: По заявлению}]\n"
                 "  - id: parameters\n"
                 "    kind: matrix\n"
                 "    text: Оцените параметры\n"
                 "    rows: [{application: Подача заявления}, {speed: Скорость}]\n"
                 "  - id: staff\n"
                 "    kind: satisfaction\n"
                 "    text: Работа сотрудников\n"
                 "    extra_options: [{no-contact: Не общался(-ась)}]\n"
                 "  - id: refusal-info\n"
                 "    kind: yes_no\n"
                 "    text: Объяснили ли причину отказа?\n"
                 "    show_if: {question: channel, answers: [office, mfc]}\n"
                 "  - {id: sex, kind: sex, text: Пол, required: false}\n"
                 "  - {id: age, kind: age, text: Возраст, required: false}\n"
                 "  - {id: education, kind: education, text: Образование, required: false}\n"
                 "  - id: proposals\n"
                 "    kind: text\n"
                 "    text: Ваши предложения\n"
                 "    required: false\n"
                 "    max_length: 500\n");
}

const char kAction[] = "https://priem.example.ru/surveys/quality";

const Messages& DefaultMessages() {
  static const Messages kMessages = Messages::Defaults(AgencyWords{});
  return kMessages;
}

json FormOf(const Survey& survey) {
  return SurveyFormView(survey, DefaultMessages(), MarkdownRenderer(), kAction);
}

// The view of question `id` in the form of EveryKind().
json QuestionOf(const std::string& id) {
  const json form = FormOf(EveryKind());
  for (const json& question : form["questions"]) {
    if (question["id"] == id) return question;
  }
  FAIL("no question " << id);
  return json();
}

Keys KeysOf(const json& object) {
  Keys keys;
  for (const auto& [key, unused] : object.items()) keys.push_back(key);
  return keys;
}

// An option as the form shows it.
json Opt(const std::string& value, const std::string& text, const std::string& input_id,
         const std::string& go_to = "") {
  return {{"value", value}, {"text", text}, {"input_id", input_id}, {"goto", go_to}};
}

// The fields every question has, for a question without hint, condition or notes.
json Base(const std::string& id, int number, const std::string& kind, const std::string& text, bool required = true) {
  return {{"id", id},
          {"dom_id", "q_" + id},
          {"number", std::to_string(number)},
          {"text", text},
          {"question_note", ""},
          {"hint", ""},
          {"hint_id", ""},
          {"error_id", "q_" + id + "_error"},
          {"required", required},
          {"kind", kind},
          {"notes", json::array()},
          {"show_if_note", ""},
          {"show_if_question", ""},
          {"show_if_answers", ""},
          {"is_radio", false},
          {"is_select", false},
          {"is_scale", false},
          {"is_checkbox", false},
          {"is_matrix", false},
          {"is_text", false},
          {"described_by", ""}};
}

// --- the form ---

TEST_CASE("SurveyFormView describes the form: where it posts, its revision and hidden fields") {
  const json form = FormOf(EveryKind());
  CHECK(KeysOf(form) == Keys{"action", "any_optional", "count", "embed_field", "form_title", "honeypot_field", "id",
                             "intro_html", "language", "language_field", "questions", "revision", "revision_field",
                             "title"});
  CHECK(form["id"] == "quality");
  CHECK(form["title"] == "Оценка качества услуг");
  CHECK(form["action"] == "https://priem.example.ru/surveys/quality");
  CHECK(form["revision"] == "3");
  CHECK(form["revision_field"] == "_revision");
  CHECK(form["embed_field"] == "_embed");
  CHECK(form["honeypot_field"] == "_contact_email");
  CHECK(form["language_field"] == "_lang");
  CHECK(form["language"] == "");  // the Russian form says nothing of its language
  CHECK(form["intro_html"] == "<p>Опрос <strong>анонимный</strong>.</p>\n");
  CHECK(form["count"] == "12");
  CHECK(form["questions"].size() == 12);
}

TEST_CASE("SurveyFormView renders the intro with the renderer it is given") {
  Survey survey = EveryKind();
  survey.intro = "Текст <b>жирный</b>.";
  CHECK(SurveyFormView(survey, DefaultMessages(), MarkdownRenderer(), kAction)["intro_html"] ==
        "<p>Текст <!-- raw HTML omitted -->жирный<!-- raw HTML omitted -->.</p>\n");
  CHECK(SurveyFormView(survey, DefaultMessages(), MarkdownRenderer(true), kAction)["intro_html"] ==
        "<p>Текст <b>жирный</b>.</p>\n");
}

TEST_CASE("SurveyFormView notes whether any question is optional") {
  CHECK(FormOf(EveryKind())["any_optional"] == true);
  const Survey all_required = ParseOk(std::string(kHeader) +
                                      "  - {id: overall, kind: scale, text: Оцените}\n"
                                      "  - {id: proposals, kind: text, text: Предложения}\n");
  CHECK(FormOf(all_required)["any_optional"] == false);
}

TEST_CASE("SurveyFormView numbers the questions and gives each its DOM ids and kind") {
  const std::vector<std::tuple<std::string, std::string>> expected = {
      {"service", "service"},   {"channel", "single"},    {"info-source", "multiple"}, {"online", "scale"},
      {"initiative", "single"}, {"parameters", "matrix"}, {"staff", "satisfaction"},   {"refusal-info", "yes_no"},
      {"sex", "sex"},           {"age", "age"},           {"education", "education"},  {"proposals", "text"}};
  const json questions = FormOf(EveryKind())["questions"];
  REQUIRE(questions.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& [id, kind] = expected[i];
    INFO(id);
    CHECK(questions[i]["id"] == id);
    CHECK(questions[i]["number"] == std::to_string(i + 1));
    CHECK(questions[i]["kind"] == kind);
    CHECK(questions[i]["dom_id"] == "q_" + id);
    CHECK(questions[i]["error_id"] == "q_" + id + "_error");
  }
}

TEST_CASE("SurveyFormView sets exactly the one flag that picks each question's inputs") {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"service", "is_select"}, {"channel", "is_radio"},      {"info-source", "is_checkbox"},
      {"online", "is_scale"},   {"initiative", "is_radio"},   {"parameters", "is_matrix"},
      {"staff", "is_radio"},    {"refusal-info", "is_radio"}, {"sex", "is_radio"},
      {"age", "is_radio"},      {"education", "is_radio"},    {"proposals", "is_text"}};
  const json questions = FormOf(EveryKind())["questions"];
  for (size_t i = 0; i < expected.size(); ++i) {
    INFO(expected[i].first);
    for (const char* flag : {"is_radio", "is_select", "is_scale", "is_checkbox", "is_matrix", "is_text"}) {
      INFO(flag);
      CHECK(questions[i][flag] == (flag == expected[i].second));
    }
  }
}

// --- by kind ---

TEST_CASE("SurveyFormView shows a service question with more than eight services as a drop-down list") {
  json expected = Base("service", 1, "service", "Какую услугу вы получили?");
  expected["hint"] = "Выберите из списка.";
  expected["hint_id"] = "q_service_hint";
  expected["is_select"] = true;
  expected["options"] =
      json::array({Opt("pension", "Пенсия", "q_service_1"), Opt("subsidy", "Субсидия", "q_service_2"),
                   Opt("allowance", "Пособие", "q_service_3"), Opt("care", "Уход", "q_service_4"),
                   Opt("housing", "Жильё", "q_service_5"), Opt("disability", "Инвалидность", "q_service_6"),
                   Opt("veterans", "Ветераны", "q_service_7"), Opt("large-family", "Многодетные", "q_service_8"),
                   Opt("jobs", "Занятость", "q_service_9")});
  expected["described_by"] = "q_service_hint";
  CHECK(QuestionOf("service") == expected);
}

TEST_CASE("SurveyFormView shows a question with eight options as radio buttons") {
  const Survey survey =
      ParseOk(std::string(kHeader) +
              "  - id: service\n"
              "    kind: service\n"
              "    text: Услуга\n"
              "    services: [pension, subsidy, allowance, care, housing, disability, veterans, large-family]\n");
  const json question = FormOf(survey)["questions"][0];
  CHECK(question["options"].size() == 8);
  CHECK(question["is_radio"] == true);
  CHECK(question["is_select"] == false);
}

TEST_CASE(
    "SurveyFormView of a single question: options with their jumps and the notes for reading without "
    "JavaScript") {
  json expected = Base("channel", 2, "single", "Каким образом вы получили услугу?");
  expected["is_radio"] = true;
  expected["options"] = json::array(
      {Opt("portal", "Через портал", "q_channel_1"), Opt("office", "В учреждении", "q_channel_2", "initiative"),
       Opt("mfc", "В МФЦ", "q_channel_3", "initiative"), Opt("none", "Не получал(-а)", "q_channel_4", "end")});
  expected["notes"] = json::array(
      {"Если вы выбрали «Не получал(-а)», на этом опрос для вас закончен: перейдите к кнопке «Отправить ответы».",
       "Если вы выбрали «В учреждении» или «В МФЦ», перейдите к вопросу 5."});
  CHECK(QuestionOf("channel") == expected);
}

TEST_CASE("SurveyFormView writes one jump note per target, naming the question by its number") {
  const Survey survey = ParseOk(std::string(kHeader) +
                                "  - id: first\n"
                                "    kind: single\n"
                                "    text: Первый\n"
                                "    options:\n"
                                "      - a: А\n"
                                "        goto: fourth\n"
                                "      - b: Б\n"
                                "        goto: third\n"
                                "      - c: В\n"
                                "        goto: fourth\n"
                                "      - d: Г\n"
                                "  - {id: second, kind: scale, text: Второй}\n"
                                "  - {id: third, kind: scale, text: Третий}\n"
                                "  - {id: fourth, kind: scale, text: Четвёртый}\n");
  CHECK(FormOf(survey)["questions"][0]["notes"] ==
        json::array(
            {"Если вы выбрали «Б», перейдите к вопросу 3.", "Если вы выбрали «А» или «В», перейдите к вопросу 4."}));
}

TEST_CASE("SurveyFormView shows a single question with more than eight options as a drop-down list with jumps") {
  std::string yaml = std::string(kHeader) +
                     "  - id: district\n"
                     "    kind: single\n"
                     "    text: Район\n"
                     "    options:\n";
  for (int i = 1; i <= 9; ++i) yaml += "      - d" + std::to_string(i) + ": Район " + std::to_string(i) + "\n";
  yaml += "        goto: end\n  - {id: overall, kind: scale, text: Оценка}\n";
  const json question = FormOf(ParseOk(yaml))["questions"][0];
  CHECK(question["is_select"] == true);
  CHECK(question["is_radio"] == false);
  CHECK(question["options"][8] == Opt("d9", "Район 9", "q_district_9", "end"));
  CHECK(question["notes"] == json::array({"Если вы выбрали «Район 9», на этом опрос для вас закончен: перейдите к "
                                          "кнопке «Отправить ответы»."}));
}

TEST_CASE("SurveyFormView of a multiple question: checkboxes and the cap on choices") {
  json expected = Base("info-source", 3, "multiple", "Где вы узнали об услуге?");
  expected["is_checkbox"] = true;
  expected["options"] =
      json::array({Opt("portal", "Портал", "q_info-source_1"), Opt("website", "Сайт", "q_info-source_2"),
                   Opt("people", "Знакомые", "q_info-source_3")});
  expected["max_choices"] = "2";
  expected["max_note"] = "Выберите не более 2 вариантов.";
  expected["described_by"] = "q_info-source_max";
  CHECK(QuestionOf("info-source") == expected);
}

TEST_CASE("SurveyFormView of a multiple question capped at one choice, and of one without a cap") {
  const Survey survey = ParseOk(std::string(kHeader) +
                                "  - {id: one, kind: multiple, text: Один, max: 1, options: [{a: А}, {b: Б}]}\n"
                                "  - {id: any, kind: multiple, text: Любые, options: [{a: А}, {b: Б}]}\n");
  const json questions = FormOf(survey)["questions"];
  CHECK(questions[0]["max_choices"] == "1");
  CHECK(questions[0]["max_note"] == "Выберите не более одного варианта.");
  CHECK_FALSE(questions[1].contains("max_choices"));
  CHECK_FALSE(questions[1].contains("max_note"));
}

TEST_CASE("SurveyFormView of a scale: five points, the end labels on the first and the last") {
  json expected = Base("online", 4, "scale", "Оцените портал");
  expected["is_scale"] = true;
  expected["options"] =
      json::array({Opt("1", "1", "q_online_1"), Opt("2", "2", "q_online_2"), Opt("3", "3", "q_online_3"),
                   Opt("4", "4", "q_online_4"), Opt("5", "5", "q_online_5")});
  expected["options"][0]["end_label"] = "очень плохо";
  expected["options"][4]["end_label"] = "отлично";
  expected["low_label"] = "очень плохо";
  expected["high_label"] = "отлично";
  expected["scale_note"] = "1 — очень плохо, 5 — отлично.";
  expected["described_by"] = "q_online_scale";
  CHECK(QuestionOf("online") == expected);
}

TEST_CASE("SurveyFormView of a matrix: a row per item, five cells each with a label for screen readers") {
  const auto cells = [](const std::string& row, const std::string& text) {
    json out = json::array();
    for (const char* value : {"1", "2", "3", "4", "5"}) {
      out.push_back({{"value", value},
                     {"input_id", "q_parameters_" + row + "_" + value},
                     {"label", text + ": " + value + " из 5"}});
    }
    return out;
  };
  json expected = Base("parameters", 6, "matrix", "Оцените параметры");
  expected["is_matrix"] = true;
  expected["options"] = json::array();
  expected["rows"] = json::array({{{"field", "parameters.application"},
                                   {"text", "Подача заявления"},
                                   {"header_id", "q_parameters_application"},
                                   {"error_id", "q_parameters_application_error"},
                                   {"cells", cells("application", "Подача заявления")}},
                                  {{"field", "parameters.speed"},
                                   {"text", "Скорость"},
                                   {"header_id", "q_parameters_speed"},
                                   {"error_id", "q_parameters_speed_error"},
                                   {"cells", cells("speed", "Скорость")}}});
  expected["low_label"] = "полностью не удовлетворён(-а)";
  expected["high_label"] = "полностью удовлетворён(-а)";
  expected["scale_note"] = "1 — полностью не удовлетворён(-а), 5 — полностью удовлетворён(-а).";
  expected["columns"] = json::array({"1", "2", "3", "4", "5"});
  expected["described_by"] = "q_parameters_scale";
  CHECK(QuestionOf("parameters") == expected);
}

TEST_CASE("SurveyFormView of a satisfaction question: the fixed answers, then the extra ones") {
  json expected = Base("staff", 7, "satisfaction", "Работа сотрудников");
  expected["is_radio"] = true;
  expected["options"] = json::array({Opt("satisfied", "Скорее удовлетворён(-а)", "q_staff_1"),
                                     Opt("dissatisfied", "Скорее не удовлетворён(-а)", "q_staff_2"),
                                     Opt("unsure", "Затрудняюсь ответить", "q_staff_3"),
                                     Opt("no-contact", "Не общался(-ась)", "q_staff_4")});
  CHECK(QuestionOf("staff") == expected);
}

TEST_CASE("SurveyFormView of a question asked only after some answers explains the condition") {
  json expected = Base("refusal-info", 8, "yes_no", "Объяснили ли причину отказа?");
  expected["is_radio"] = true;
  expected["options"] = json::array({Opt("yes", "Да", "q_refusal-info_1"), Opt("no", "Нет", "q_refusal-info_2"),
                                     Opt("unsure", "Затрудняюсь ответить", "q_refusal-info_3")});
  expected["show_if_note"] = "Ответьте на этот вопрос, если на вопрос 2 вы ответили «В учреждении» или «В МФЦ».";
  expected["show_if_question"] = "channel";
  expected["show_if_answers"] = "office mfc";
  CHECK(QuestionOf("refusal-info") == expected);
}

TEST_CASE("SurveyFormView explains a condition on a single answer") {
  const Survey survey = ParseOk(std::string(kHeader) +
                                "  - {id: provided, kind: yes_no, text: Предоставлена?}\n"
                                "  - id: why\n"
                                "    kind: text\n"
                                "    text: Почему?\n"
                                "    show_if: {question: provided, answers: [\"no\"]}\n");
  const json question = FormOf(survey)["questions"][1];
  CHECK(question["show_if_note"] == "Ответьте на этот вопрос, если на вопрос 1 вы ответили «Нет».");
  CHECK(question["show_if_answers"] == "no");
}

TEST_CASE("SurveyFormView of the demographic questions: radio buttons with the fixed answers, optional") {
  json sex = Base("sex", 9, "sex", "Пол", false);
  sex["is_radio"] = true;
  sex["options"] = json::array({Opt("male", "Мужской", "q_sex_1"), Opt("female", "Женский", "q_sex_2")});
  CHECK(QuestionOf("sex") == sex);
  json age = Base("age", 10, "age", "Возраст", false);
  age["is_radio"] = true;
  age["options"] = json::array({Opt("18-29", "18–29 лет", "q_age_1"), Opt("30-44", "30–44 года", "q_age_2"),
                                Opt("45-60", "45–60 лет", "q_age_3"), Opt("61-plus", "61 год и старше", "q_age_4")});
  CHECK(QuestionOf("age") == age);
  json education = Base("education", 11, "education", "Образование", false);
  education["is_radio"] = true;
  education["options"] = json::array(
      {Opt("higher", "Высшее", "q_education_1"), Opt("incomplete-higher", "Незаконченное высшее", "q_education_2"),
       Opt("vocational", "Среднее специальное", "q_education_3"), Opt("secondary", "Среднее общее", "q_education_4"),
       Opt("below-secondary", "Неполное среднее и ниже", "q_education_5")});
  CHECK(QuestionOf("education") == education);
}

TEST_CASE("SurveyFormView of a text question: the length limit and its note") {
  json expected = Base("proposals", 12, "text", "Ваши предложения", false);
  expected["is_text"] = true;
  expected["options"] = json::array();
  expected["max_length"] = "500";
  expected["length_note"] = "Не более 500 знаков.";
  expected["described_by"] = "q_proposals_length";
  CHECK(QuestionOf("proposals") == expected);
}

TEST_CASE("SurveyFormView of a text question without max_length allows 1000 characters") {
  const Survey survey = ParseOk(std::string(kHeader) + "  - {id: proposals, kind: text, text: Предложения}\n");
  const json question = FormOf(survey)["questions"][0];
  CHECK(question["max_length"] == "1000");
  CHECK(question["length_note"] == "Не более 1000 знаков.");
}

TEST_CASE("SurveyFormView words the length limit in the right case for every number") {
  // Russian takes the genitive singular after «не более» 1, 21, 101…:
  // «не более 21 знака», not «не более 21 знаков».
  const auto note = [](int max_length) {
    return FormOf(ParseOk(std::string(kHeader) + "  - {id: proposals, kind: text, text: Предложения, max_length: " +
                          std::to_string(max_length) + "}\n"))["questions"][0]["length_note"];
  };
  CHECK(note(1) == "Не более 1 знака.");
  CHECK(note(21) == "Не более 21 знака.");
  CHECK(note(101) == "Не более 101 знака.");
  CHECK(note(22) == "Не более 22 знаков.");
  CHECK(note(11) == "Не более 11 знаков.");
}

TEST_CASE("SurveyFormView words the cap on choices in the right case for every number") {
  // «Выберите не более 21 варианта», as after 1: the genitive singular.
  std::string yaml = std::string(kHeader) +
                     "  - id: many\n"
                     "    kind: multiple\n"
                     "    text: Много\n"
                     "    max: 21\n"
                     "    options:\n";
  for (int i = 1; i <= 21; ++i) yaml += "      - o" + std::to_string(i) + ": Вариант " + std::to_string(i) + "\n";
  CHECK(FormOf(ParseOk(yaml))["questions"][0]["max_note"] == "Выберите не более 21 варианта.");
}

TEST_CASE("SurveyFormView gives distinct DOM ids to questions whose ids share a prefix") {
  // «staff-2» is a valid question id next to «staff»; its element id must not
  // repeat the id of staff's second answer, or labels and error links point
  // at the wrong element.
  const Survey survey = ParseOk(std::string(kHeader) +
                                "  - {id: staff, kind: yes_no, text: Сотрудники вежливы?}\n"
                                "  - {id: staff-2, kind: yes_no, text: Сотрудники компетентны?}\n");
  std::set<std::string> ids;
  size_t count = 0;
  const json form = FormOf(survey);
  for (const json& question : form["questions"]) {
    for (const char* key : {"dom_id", "error_id"}) {
      ids.insert(question[key].get<std::string>());
      ++count;
    }
    for (const json& option : question["options"]) {
      ids.insert(option["input_id"].get<std::string>());
      ++count;
    }
  }
  CHECK(ids.size() == count);
}

// --- on paper ---

json PaperFormOf(const Survey& survey) {
  return SurveyFormView(survey, DefaultMessages(), MarkdownRenderer(), "", FormMedium::kPaper);
}

// The view of question `id` in the paper form of EveryKind().
json PaperQuestionOf(const std::string& id) {
  const json form = PaperFormOf(EveryKind());
  for (const json& question : form["questions"]) {
    if (question["id"] == id) return question;
  }
  FAIL("no question " << id);
  return json();
}

// An option as the paper form prints it: with its code and its jump.
json PaperOpt(const std::string& value, const std::string& text, const std::string& input_id,
              const std::string& go_to, const std::string& code, const std::string& jump) {
  json option = Opt(value, text, input_id, go_to);
  option["code"] = code;
  option["jump"] = jump;
  return option;
}

TEST_CASE("SurveyFormView on paper: each option with the code an import reads and its jump, notes that say «отметили»") {
  json expected = Base("channel", 2, "single", "Каким образом вы получили услугу?");
  expected["is_radio"] = true;
  expected["options"] = json::array({PaperOpt("portal", "Через портал", "q_channel_1", "", "portal", ""),
                                     PaperOpt("office", "В учреждении", "q_channel_2", "initiative", "office",
                                              "→ к вопросу 5"),
                                     PaperOpt("mfc", "В МФЦ", "q_channel_3", "initiative", "mfc", "→ к вопросу 5"),
                                     PaperOpt("none", "Не получал(-а)", "q_channel_4", "end", "none", "→ конец опроса")});
  expected["notes"] = json::array(
      {"Если вы отметили «Не получал(-а)», на этом опрос для вас закончен: на следующие вопросы не отвечайте.",
       "Если вы отметили «В учреждении» или «В МФЦ», перейдите к вопросу 5."});
  expected["in_columns"] = false;
  expected["lines"] = json::array();
  CHECK(PaperQuestionOf("channel") == expected);
}

TEST_CASE("SurveyFormView on paper prints the whole service list, in columns past the drop-down's threshold") {
  const json service = PaperQuestionOf("service");
  CHECK(service["is_select"] == true);
  CHECK(service["in_columns"] == true);
  std::vector<std::string> codes;
  for (const json& option : service["options"]) codes.push_back(option["code"]);
  CHECK(codes == std::vector<std::string>{"pension", "subsidy", "allowance", "care", "housing", "disability",
                                          "veterans", "large-family", "jobs"});
  CHECK(PaperQuestionOf("info-source")["in_columns"] == false);
}

TEST_CASE("SurveyFormView on paper leaves out the code of an option whose text is its code") {
  const json online = PaperQuestionOf("online");
  std::vector<std::string> codes;
  for (const json& option : online["options"]) codes.push_back(option["code"]);
  CHECK(codes == std::vector<std::string>(5, ""));
}

TEST_CASE("SurveyFormView on paper keeps a descending scale's order and its labels, with the ratings as codes") {
  const Survey survey = ParseOk(std::string(kHeader) +
                                "  - id: overall\n"
                                "    kind: scale\n"
                                "    text: Оцените\n"
                                "    descending: true\n"
                                "    labels: {\"5\": 5 баллов, \"4\": 4 балла, \"3\": 3 балла, \"2\": 2 балла, "
                                "\"1\": 1 балл}\n"
                                "  - {id: parameters, kind: matrix, text: Параметры, descending: true,\n"
                                "     rows: [{speed: Скорость}]}\n");
  const json questions = PaperFormOf(survey)["questions"];
  std::vector<std::string> texts;
  std::vector<std::string> codes;
  for (const json& option : questions[0]["options"]) {
    texts.push_back(option["text"]);
    codes.push_back(option["code"]);
  }
  CHECK(texts == std::vector<std::string>{"5 баллов", "4 балла", "3 балла", "2 балла", "1 балл"});
  CHECK(codes == std::vector<std::string>{"5", "4", "3", "2", "1"});
  CHECK(questions[0]["scale_note"] == FormOf(survey)["questions"][0]["scale_note"]);
  CHECK(questions[1]["columns"] == json::array({"5", "4", "3", "2", "1"}));
}

TEST_CASE("SurveyFormView on paper says whether the sheet has any jump to follow") {
  CHECK(PaperFormOf(ParseOk(std::string(kHeader) + "  - {id: overall, kind: scale, text: Оцените}\n"))["any_jumps"] ==
        false);
  const Survey conditional = ParseOk(std::string(kHeader) +
                                     "  - {id: got, kind: yes_no, text: Получили?}\n"
                                     "  - {id: why, kind: text, text: Почему?, show_if: {question: got, answers: [\"no\"]}}\n");
  CHECK(PaperFormOf(conditional)["any_jumps"] == true);
  CHECK_FALSE(FormOf(conditional).contains("any_jumps"));
}

TEST_CASE("SurveyFormView on paper rules a line per 75 characters of an open answer, from one to eight") {
  CHECK(PaperQuestionOf("proposals")["lines"] == json::array({"1", "2", "3", "4", "5", "6", "7"}));  // 500
  const auto lines_for = [](int max_length) {
    const Survey survey = ParseOk(std::string(kHeader) + "  - {id: text, kind: text, text: Текст, max_length: " +
                                  std::to_string(max_length) + "}\n");
    return PaperFormOf(survey)["questions"][0]["lines"].size();
  };
  CHECK(lines_for(20) == 1);
  CHECK(lines_for(75) == 1);
  CHECK(lines_for(76) == 2);
  CHECK(lines_for(600) == 8);
  CHECK(lines_for(3000) == 8);
}

TEST_CASE("SurveyFormView on paper has the web form's fields and the same questions, texts and notes") {
  const json web = FormOf(EveryKind());
  json paper = PaperFormOf(EveryKind());
  CHECK(paper["any_jumps"] == true);
  paper.erase("any_jumps");
  CHECK(KeysOf(paper) == KeysOf(web));
  REQUIRE(paper["questions"].size() == web["questions"].size());
  for (size_t i = 0; i < web["questions"].size(); ++i) {
    const json& w = web["questions"][i];
    const json& p = paper["questions"][i];
    INFO(w["id"]);
    for (const char* key : {"id", "number", "text", "question_note", "hint", "required", "show_if_note", "kind"}) {
      CHECK(p[key] == w[key]);
    }
    CHECK(p["options"].size() == w["options"].size());
  }
}

TEST_CASE("SurveyFormView words its notes and labels in the theme's catalogue") {
  MemoryFileSystem fs;
  REQUIRE(fs.WriteFile("theme/messages.yaml",
                       "form:\n"
                       "  quoted: \"'{text}'\"\n"
                       "  or: \"{list} or {item}\"\n"
                       "  submit: Send\n"
                       "  jump_note: \"If you chose {answers}, go to question {number}.\"\n"
                       "  end_note: \"If you chose {answers}, press «{submit}».\"\n"
                       "  matrix_cell: \"{row}: {rating} of 5\"\n"
                       "  characters: \"character|characters|characters\"\n"
                       "  length_note: \"At most {max} {characters}.\"\n"
                       "paper:\n"
                       "  jump_to_question: \"→ question {number}\"\n")
              .ok());
  Diagnostics diagnostics;
  const std::optional<Messages> messages = Messages::Load(fs, "theme/messages.yaml", AgencyWords{}, &diagnostics);
  REQUIRE(messages);
  const Survey survey = EveryKind();
  const json web = SurveyFormView(survey, *messages, MarkdownRenderer(), kAction)["questions"];
  CHECK(web[1]["notes"] == json::array({"If you chose 'Не получал(-а)', press «Send».",
                                        "If you chose 'В учреждении' or 'В МФЦ', go to question 5."}));
  CHECK(web[5]["rows"][0]["cells"][0]["label"] == "Подача заявления: 1 of 5");
  CHECK(web[11]["length_note"] == "At most 500 characters.");
  const json paper = SurveyFormView(survey, *messages, MarkdownRenderer(), "", FormMedium::kPaper)["questions"];
  CHECK(paper[1]["options"][1]["jump"] == "→ question 5");
  CHECK(messages->Missing().empty());
}

// --- QuotedAlternatives ---

TEST_CASE("QuotedAlternatives quotes one text") {
  CHECK(QuotedAlternatives(DefaultMessages(), {"Да"}) == "«Да»");
}

TEST_CASE("QuotedAlternatives joins two texts with «или»") {
  CHECK(QuotedAlternatives(DefaultMessages(), {"В учреждении", "В МФЦ"}) == "«В учреждении» или «В МФЦ»");
}

TEST_CASE("QuotedAlternatives separates the first of three or more with commas") {
  CHECK(QuotedAlternatives(DefaultMessages(), {"А", "Б", "В"}) == "«А», «Б» или «В»");
  CHECK(QuotedAlternatives(DefaultMessages(), {"А", "Б", "В", "Г"}) == "«А», «Б», «В» или «Г»");
}

TEST_CASE("QuotedAlternatives of nothing is empty") {
  CHECK(QuotedAlternatives(DefaultMessages(), {}).empty());
}

TEST_CASE("QuotedAlternatives quotes and joins in the catalogue's words") {
  const Messages english = Messages::FromTexts(
      {{"form.quoted", "\"{text}\""}, {"form.comma", "{list}, {item}"}, {"form.or", "{list} or {item}"}},
      AgencyWords{});
  CHECK(QuotedAlternatives(english, {"A", "B", "C"}) == "\"A\", \"B\" or \"C\"");
}

}  // namespace
}  // namespace otklik::survey_form_test
