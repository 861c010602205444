#include "model/survey_loader.h"

#include <catch2/catch.hpp>

namespace otklik::survey_loader_test {
namespace {

std::vector<Service> Services() {
  Service pension;
  pension.id = "pension";
  pension.title = "Пенсия";
  Service subsidy;
  subsidy.id = "subsidy";
  subsidy.title = "Субсидия";
  return {pension, subsidy};
}

const char kHeader[] =
    "title: Опрос\n"
    "opens: 2026-11-02\n"
    "closes: 2026-11-13\n"
    "revision: 2\n"
    "questions:\n";

Survey Parse(const std::string& questions) {
  Diagnostics diagnostics;
  std::optional<Survey> survey =
      ParseSurvey("content/surveys/demo.yaml", kHeader + questions, Services(), &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(survey);
  return *survey;
}

// Every diagnostic for a whole file `text`.
std::string ErrorsOfFile(const std::string& text) {
  Diagnostics diagnostics;
  CHECK_FALSE(ParseSurvey("content/surveys/demo.yaml", text, Services(), &diagnostics));
  return diagnostics.ToString();
}

// Every diagnostic for `questions` after the standard header (lines 1–5).
std::string ErrorsOf(const std::string& questions) { return ErrorsOfFile(kHeader + questions); }

std::vector<std::string> OptionIds(const Question& q) {
  std::vector<std::string> ids;
  for (const Option& option : q.options) ids.push_back(option.id);
  return ids;
}

TEST_CASE("ParseSurvey reads the header and numbers the questions") {
  Diagnostics diagnostics;
  const std::optional<Survey> survey = ParseSurvey("content/surveys/demo.yaml",
                                                   "title: Опрос\n"
                                                   "summary: Коротко.\n"
                                                   "intro: Вступление.\n"
                                                   "thanks: Спасибо.\n"
                                                   "audience: internal\n"
                                                   "opens: 2026-11-02\n"
                                                   "closes: 2026-11-13\n"
                                                   "revision: 3\n"
                                                   "questions:\n"
                                                   "  - id: a\n"
                                                   "    kind: scale\n"
                                                   "    text: Оцените\n"
                                                   "  - id: b\n"
                                                   "    kind: text\n"
                                                   "    text: Предложения\n",
                                                   Services(), &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(survey);
  CHECK(survey->id == "demo");
  CHECK(survey->path == "content/surveys/demo.yaml");
  CHECK(survey->title == "Опрос");
  CHECK(survey->summary == "Коротко.");
  CHECK(survey->intro == "Вступление.");
  CHECK(survey->thanks == "Спасибо.");
  CHECK(survey->audience == Audience::kInternal);
  CHECK(survey->opens == Date(2026, 11, 2));
  CHECK(survey->closes == Date(2026, 11, 13));
  CHECK(survey->revision == 3);
  REQUIRE(survey->questions.size() == 2);
  CHECK(survey->questions[0].number == 1);
  CHECK(survey->questions[0].line == 10);
  CHECK(survey->questions[1].number == 2);
  CHECK(survey->questions[1].id == "b");
}

TEST_CASE("ParseSurvey applies the documented defaults") {
  const Survey survey = Parse(
      "  - id: a\n"
      "    kind: scale\n"
      "    text: Оцените\n"
      "  - id: b\n"
      "    kind: text\n"
      "    text: Предложения\n");
  CHECK(survey.audience == Audience::kExternal);
  const Question& scale = survey.questions[0];
  CHECK(scale.required);
  CHECK(scale.low_label == "полностью не удовлетворён(-а)");
  CHECK(scale.high_label == "полностью удовлетворён(-а)");
  CHECK(OptionIds(scale) == std::vector<std::string>{"1", "2", "3", "4", "5"});
  CHECK(survey.questions[1].max_length == 1000);
}

TEST_CASE("ParseSurvey reads options, jumps, caps and matrix rows") {
  const Survey survey = Parse(
      "  - id: channel\n"
      "    kind: single\n"
      "    text: Как?\n"
      "    options:\n"
      "      - portal: Портал\n"
      "      - office: Офис\n"
      "        goto: rate\n"
      "  - id: where\n"
      "    kind: multiple\n"
      "    text: Где?\n"
      "    max: 2\n"
      "    required: false\n"
      "    options:\n"
      "      - site: Сайт\n"
      "      - media: СМИ\n"
      "      - people: Знакомые\n"
      "  - id: rate\n"
      "    kind: matrix\n"
      "    text: Оцените\n"
      "    low: плохо\n"
      "    high: отлично\n"
      "    rows:\n"
      "      - speed: Скорость\n"
      "      - clarity: Понятность\n");
  const Question& channel = survey.questions[0];
  REQUIRE(channel.options.size() == 2);
  CHECK(channel.options[1].id == "office");
  CHECK(channel.options[1].text == "Офис");
  CHECK(channel.options[1].next == "rate");
  CHECK(channel.options[1].line == 11);
  CHECK(channel.options[0].next == "");
  const Question& where = survey.questions[1];
  CHECK(where.max_choices == 2);
  CHECK_FALSE(where.required);
  CHECK(OptionIds(where) == std::vector<std::string>{"site", "media", "people"});
  const Question& rate = survey.questions[2];
  REQUIRE(rate.rows.size() == 2);
  CHECK(rate.rows[1].id == "clarity");
  CHECK(rate.rows[1].text == "Понятность");
  CHECK(rate.low_label == "плохо");
  CHECK(rate.high_label == "отлично");
}

TEST_CASE("ParseSurvey gives the fixed sets their fixed options") {
  const Survey survey = Parse(
      "  - {id: a, kind: satisfaction, text: Довольны?}\n"
      "  - {id: b, kind: yes_no, text: Помогли?}\n"
      "  - {id: c, kind: sex, text: Пол}\n"
      "  - {id: d, kind: age, text: Возраст}\n"
      "  - {id: e, kind: education, text: Образование}\n"
      "  - id: f\n"
      "    kind: satisfaction\n"
      "    text: Сотрудники?\n"
      "    extra_options:\n"
      "      - no-contact: Не общался\n");
  CHECK(OptionIds(survey.questions[0]) == std::vector<std::string>{"satisfied", "dissatisfied", "unsure"});
  CHECK(survey.questions[0].options[0].text == "Скорее удовлетворён(-а)");
  CHECK(OptionIds(survey.questions[1]) == std::vector<std::string>{"yes", "no", "unsure"});
  CHECK(OptionIds(survey.questions[2]) == std::vector<std::string>{"male", "female"});
  CHECK(OptionIds(survey.questions[3]) == std::vector<std::string>{"18-29", "30-44", "45-60", "61-plus"});
  CHECK(survey.questions[3].options[1].text == "30–44 года");
  CHECK(OptionIds(survey.questions[4]) ==
        std::vector<std::string>{"higher", "incomplete-higher", "vocational", "secondary", "below-secondary"});
  CHECK(OptionIds(survey.questions[5]) ==
        std::vector<std::string>{"satisfied", "dissatisfied", "unsure", "no-contact"});
}

TEST_CASE("A service question offers all services, or the listed ones") {
  const Survey survey = Parse(
      "  - {id: all, kind: service, text: Услуга}\n"
      "  - {id: some, kind: service, text: Услуга, services: [subsidy]}\n");
  CHECK(OptionIds(survey.questions[0]) == std::vector<std::string>{"pension", "subsidy"});
  CHECK(survey.questions[0].options[0].text == "Пенсия");
  CHECK(OptionIds(survey.questions[1]) == std::vector<std::string>{"subsidy"});
  CHECK(survey.ServiceQuestion() == &survey.questions[0]);
}

TEST_CASE("ParseSurvey reads show_if with one or several answers") {
  const Survey survey = Parse(
      "  - {id: ok, kind: yes_no, text: Помогли?}\n"
      "  - id: why\n"
      "    kind: text\n"
      "    text: Почему?\n"
      "    show_if: {question: ok, answers: [\"no\", unsure]}\n"
      "  - id: again\n"
      "    kind: yes_no\n"
      "    text: Ещё?\n"
      "    show_if:\n"
      "      question: ok\n"
      "      answers: \"yes\"\n");
  REQUIRE(survey.questions[1].show_if);
  CHECK(survey.questions[1].show_if->question == "ok");
  CHECK(survey.questions[1].show_if->answers == std::vector<std::string>{"no", "unsure"});
  CHECK(survey.questions[1].show_if->line == 10);
  CHECK(survey.questions[2].show_if->answers == std::vector<std::string>{"yes"});
}

TEST_CASE("ParseSurvey reports a missing header and missing questions") {
  CHECK(ErrorsOfFile("summary: x\n") ==
        "content/surveys/demo.yaml:1: в опросе нет вопросов (поле «questions»)\n"
        "content/surveys/demo.yaml:1: не заполнено обязательное поле «opens» (первый день опроса)\n"
        "content/surveys/demo.yaml:1: не заполнено обязательное поле «revision» (номер редакции вопросов, "
        "начиная с 1)\n"
        "content/surveys/demo.yaml:1: не заполнено обязательное поле «title»\n");
}

TEST_CASE("A survey without closes is permanent: open from its first day on") {
  Diagnostics diagnostics;
  const std::optional<Survey> survey =
      ParseSurvey("content/surveys/demo.yaml",
                  "title: Опрос\nopens: 2026-01-12\nrevision: 1\nquestions:\n  - {id: a, kind: scale, text: A}\n",
                  Services(), &diagnostics);
  INFO(diagnostics.ToString());
  REQUIRE(survey);
  CHECK(survey->Permanent());
  CHECK(survey->StateOn(Date(2026, 1, 11)) == SurveyState::kUpcoming);
  CHECK(survey->StateOn(Date(2026, 1, 12)) == SurveyState::kActive);
  CHECK(survey->StateOn(Date(2099, 12, 31)) == SurveyState::kActive);
  CHECK(survey->DatesIso() == "с 2026-01-12");
  CHECK_FALSE(Parse("  - {id: a, kind: scale, text: A}\n").Permanent());
  CHECK(Parse("  - {id: a, kind: scale, text: A}\n").DatesIso() == "с 2026-11-02 по 2026-11-13");
}

TEST_CASE("ParseSurvey reports bad dates, revision and audience at their lines") {
  CHECK(ErrorsOfFile("title: Опрос\n"
                     "audience: public\n"
                     "opens: 2026-11-13\n"
                     "closes: 2026-11-02\n"
                     "revision: 0\n"
                     "questions:\n"
                     "  - {id: a, kind: scale, text: Оцените}\n") ==
        "content/surveys/demo.yaml:2: недопустимое значение «public» в поле «audience»; допустимые значения: "
        "external, internal\n"
        "content/surveys/demo.yaml:4: опрос заканчивается (2026-11-02) раньше, чем начинается (2026-11-13)\n"
        "content/surveys/demo.yaml:5: поле «revision» должно быть целым числом от 1 до 1000000, а не «0»\n");
}

TEST_CASE("ParseSurvey reports question fields that do not fit the kind") {
  CHECK(ErrorsOf("  - id: a\n"
                 "    kind: scale\n"
                 "    text: Оцените\n"
                 "    options:\n"
                 "      - x: X\n"
                 "    max: 2\n"
                 "  - id: b\n"
                 "    kind: sex\n"
                 "    text: Пол\n"
                 "    options:\n"
                 "      - m: М\n"
                 "  - id: c\n"
                 "    kind: text\n"
                 "    text: Текст\n"
                 "    max_length: 10000\n"
                 "    rows:\n"
                 "      - r: Строка\n") ==
        "content/surveys/demo.yaml:9: поле «options» не нужно: у вопроса вида «scale» варианты ответа заданы "
        "заранее\n"
        "content/surveys/demo.yaml:11: поле «max» не используется в вопросе вида «scale»\n"
        "content/surveys/demo.yaml:15: поле «options» не нужно: у вопроса вида «sex» варианты ответа заданы "
        "заранее\n"
        "content/surveys/demo.yaml:20: поле «max_length» должно быть целым числом от 1 до 5000, а не «10000»\n"
        "content/surveys/demo.yaml:21: поле «rows» не используется в вопросе вида «text»\n");
}

TEST_CASE("ParseSurvey reports options that are missing, too few or malformed") {
  CHECK(ErrorsOf("  - id: a\n"
                 "    kind: single\n"
                 "    text: Один\n"
                 "  - id: b\n"
                 "    kind: multiple\n"
                 "    text: Много\n"
                 "    max: 3\n"
                 "    options:\n"
                 "      - x: X\n"
                 "      - x: Снова X\n"
                 "      - Просто текст\n"
                 "      - {y: Y, z: Z}\n"
                 "  - id: c\n"
                 "    kind: single\n"
                 "    text: Один\n"
                 "    options:\n"
                 "      - Bad_Id: Текст\n"
                 "      - ok: Текст\n") ==
        "content/surveys/demo.yaml:6: не заполнено обязательное поле «options» (варианты ответа)\n"
        "content/surveys/demo.yaml:12: ограничение «max» больше числа вариантов ответа (2)\n"
        "content/surveys/demo.yaml:15: вариант «x» указан дважды\n"
        "content/surveys/demo.yaml:16: каждый элемент списка «options» должен быть набором полей «ключ: значение»\n"
        "content/surveys/demo.yaml:17: вариант ответа записывается как «идентификатор: текст»\n"
        "content/surveys/demo.yaml:22: идентификатор варианта ответа «Bad_Id» должен состоять из строчных "
        "латинских букв, цифр и дефисов\n");
}

TEST_CASE("ParseSurvey reports unknown services with a suggestion") {
  CHECK(ErrorsOf("  - id: a\n"
                 "    kind: service\n"
                 "    text: Услуга\n"
                 "    services: [pensoin, nothing-like-it]\n") ==
        "content/surveys/demo.yaml:9: неизвестная услуга «nothing-like-it»\n"
        "content/surveys/demo.yaml:9: неизвестная услуга «pensoin» (возможно, имелось в виду «pension»?)\n");
}

TEST_CASE("ParseSurvey reports duplicate and malformed question ids") {
  CHECK(ErrorsOf("  - {id: a, kind: scale, text: Оцените}\n"
                 "  - {id: a, kind: scale, text: Ещё раз}\n"
                 "  - {id: Вопрос, kind: scale, text: Третий}\n") ==
        "content/surveys/demo.yaml:7: идентификатор вопроса «a» уже занят вопросом 1\n"
        "content/surveys/demo.yaml:8: идентификатор вопроса «Вопрос» должен состоять из строчных латинских "
        "букв, цифр и дефисов\n");
}

TEST_CASE("Jumps must go forward to a known question") {
  CHECK(ErrorsOf("  - {id: first, kind: scale, text: Первый}\n"
                 "  - id: second\n"
                 "    kind: single\n"
                 "    text: Второй\n"
                 "    options:\n"
                 "      - back: Назад\n"
                 "        goto: first\n"
                 "      - self: На себя\n"
                 "        goto: second\n"
                 "      - typo: Опечатка\n"
                 "        goto: thrid\n"
                 "      - done: Конец\n"
                 "        goto: end\n"
                 "  - {id: third, kind: scale, text: Третий}\n"
                 "  - id: fourth\n"
                 "    kind: multiple\n"
                 "    text: Четвёртый\n"
                 "    options:\n"
                 "      - a: A\n"
                 "        goto: third\n"
                 "      - b: B\n") ==
        "content/surveys/demo.yaml:11: переход может вести только вперёд, а «first» — вопрос 1, не после "
        "вопроса 2\n"
        "content/surveys/demo.yaml:13: переход может вести только вперёд, а «second» — вопрос 2, не после "
        "вопроса 2\n"
        "content/surveys/demo.yaml:15: переход к неизвестному вопросу «thrid» (возможно, имелось в виду "
        "«third»?)\n"
        "content/surveys/demo.yaml:25: переход «goto» возможен только в вопросе вида «single»\n");
}

TEST_CASE("show_if must look back at a known choice question and its options") {
  CHECK(ErrorsOf("  - {id: rating, kind: text, text: Текст}\n"
                 "  - {id: ok, kind: yes_no, text: Помогли?}\n"
                 "  - {id: a, kind: scale, text: A, show_if: {question: later, answers: [x]}}\n"
                 "  - {id: b, kind: scale, text: B, show_if: {question: rating, answers: [x]}}\n"
                 "  - {id: c, kind: scale, text: C, show_if: {question: okk, answers: [yes]}}\n"
                 "  - {id: d, kind: scale, text: D, show_if: {question: ok, answers: [yse, maybe]}}\n"
                 "  - {id: e, kind: scale, text: E, show_if: {question: ok}}\n"
                 "  - {id: later, kind: yes_no, text: Потом}\n") ==
        "content/surveys/demo.yaml:8: условие показа может ссылаться только на один из предыдущих вопросов, а "
        "«later» — вопрос 8\n"
        "content/surveys/demo.yaml:9: условие показа возможно только по вопросу с вариантами ответа, а «rating» "
        "— вопрос вида «text»\n"
        "content/surveys/demo.yaml:10: условие показа ссылается на неизвестный вопрос «okk» (возможно, имелось "
        "в виду «ok»?)\n"
        "content/surveys/demo.yaml:11: у вопроса «ok» нет варианта «maybe»\n"
        "content/surveys/demo.yaml:11: у вопроса «ok» нет варианта «yse» (возможно, имелось в виду «yes»?)\n"
        "content/surveys/demo.yaml:12: в условии показа не указаны ответы (поле «answers»)\n");
}

TEST_CASE("A question without a known kind is reported once, without follow-on errors") {
  CHECK(ErrorsOf("  - id: a\n"
                 "    text: Без вида\n"
                 "  - id: b\n"
                 "    kind: scael\n"
                 "    text: Опечатка\n"
                 "    low: плохо\n") ==
        "content/surveys/demo.yaml:6: не заполнено обязательное поле «kind» (допустимые значения: service, single, "
        "multiple, scale, matrix, satisfaction, yes_no, sex, age, education, text)\n"
        "content/surveys/demo.yaml:9: недопустимое значение «scael» в поле «kind» (возможно, имелось в виду "
        "«scale»?); допустимые значения: service, single, multiple, scale, matrix, satisfaction, yes_no, sex, age, "
        "education, text\n");
}

TEST_CASE("ParseSurvey reads roles and the touchpoints of a channel question's answers") {
  const Survey survey = Parse(
      "  - {id: rating, kind: scale, text: Оцените, role: overall}\n"
      "  - id: how\n"
      "    kind: single\n"
      "    role: channel\n"
      "    text: Как?\n"
      "    options:\n"
      "      - portal: Портал\n"
      "        touchpoint: gosuslugi\n"
      "      - other: Иначе\n"
      "  - {id: params, kind: matrix, text: Параметры, role: parameters, rows: [{speed: Скорость}]}\n");
  CHECK(survey.questions[0].role == QuestionRole::kOverall);
  CHECK(survey.questions[1].role == QuestionRole::kChannel);
  CHECK(survey.questions[1].options[0].touchpoint == "gosuslugi");
  CHECK(survey.questions[1].options[1].touchpoint == "");
  CHECK(survey.questions[2].role == QuestionRole::kParameters);
  CHECK(survey.QuestionWithRole(QuestionRole::kChannel) == &survey.questions[1]);
  CHECK(survey.QuestionWithRole(QuestionRole::kNone) == nullptr);
  CHECK(QuestionRoleNames() == std::vector<std::string>{"", "overall", "parameters", "channel", "respondent"});
}

TEST_CASE("A respondent question names who answers; it must be a single choice, one per survey") {
  const Survey survey = Parse("  - id: who\n    kind: single\n    role: respondent\n    text: Кто вы?\n    options:\n"
                              "      - citizen: Гражданин\n      - organisation: Организация\n"
                              "      - municipality: Орган местного самоуправления\n");
  CHECK(survey.questions[0].role == QuestionRole::kRespondent);
  CHECK(ErrorsOf("  - {id: a, kind: yes_no, text: A, role: respondent}\n"
                 "  - {id: b, kind: single, text: B, role: respondent, options: [x: X, y: Y]}\n"
                 "  - {id: c, kind: single, text: C, role: respondent, options: [x: X, y: Y]}\n"
                 "  - {id: d, kind: single, text: D, role: respondent, cut: true, options: [x: X, y: Y]}\n") ==
        "content/surveys/demo.yaml:6: роль «respondent» подходит только вопросу вида «single»\n"
        "content/surveys/demo.yaml:8: роль «respondent» уже есть у вопроса 2; у опроса может быть один такой вопрос\n"
        "content/surveys/demo.yaml:9: по этому вопросу ответы и так показываются в разрезе: уберите «cut»\n"
        "content/surveys/demo.yaml:9: роль «respondent» уже есть у вопроса 2; у опроса может быть один такой вопрос\n");
}

TEST_CASE("ParseSurvey reports roles on the wrong kind, repeated roles and stray touchpoints") {
  CHECK(ErrorsOf("  - {id: a, kind: yes_no, text: A, role: overall}\n"
                 "  - {id: b, kind: scale, text: B, role: overall}\n"
                 "  - {id: c, kind: scale, text: C, role: overall}\n"
                 "  - id: d\n"
                 "    kind: single\n"
                 "    text: D\n"
                 "    options:\n"
                 "      - x: X\n"
                 "        touchpoint: mfc\n"
                 "      - y: Y\n"
                 "  - {id: e, kind: scale, text: E, role: boss}\n") ==
        "content/surveys/demo.yaml:6: роль «overall» подходит только вопросу вида «scale»\n"
        "content/surveys/demo.yaml:8: роль «overall» уже есть у вопроса 2; у опроса может быть один такой вопрос\n"
        "content/surveys/demo.yaml:13: точку взаимодействия («touchpoint») можно указать только в вопросе с ролью "
        "«channel»\n"
        "content/surveys/demo.yaml:16: недопустимое значение «boss» в поле «role»; допустимые значения: overall, "
        "parameters, channel, respondent\n");
}

TEST_CASE("cut: true marks a question with one answer as a cut; other questions are reported") {
  const Survey survey = Parse("  - {id: a, kind: yes_no, text: A, cut: true}\n"
                              "  - {id: b, kind: scale, text: B}\n");
  CHECK(survey.questions[0].cut);
  CHECK_FALSE(survey.questions[1].cut);
  CHECK(ErrorsOf("  - {id: a, kind: multiple, text: A, options: [x: X, y: Y], cut: true}\n"
                 "  - {id: b, kind: sex, text: B, cut: true}\n"
                 "  - {id: c, kind: text, text: C, max_length: 100, cut: true}\n") ==
        "content/surveys/demo.yaml:6: «cut» бывает только у вопроса с одним ответом (single, scale, satisfaction, "
        "yes_no)\n"
        "content/surveys/demo.yaml:7: по этому вопросу ответы и так показываются в разрезе: уберите «cut»\n"
        "content/surveys/demo.yaml:8: «cut» бывает только у вопроса с одним ответом (single, scale, satisfaction, "
        "yes_no)\n");
}

TEST_CASE("An approved form's wording: labels by code, the scale from 5 down, a note, the form's title") {
  const Survey survey = Parse("  - id: a\n    kind: scale\n    note: (один ответ)\n    descending: true\n"
                              "    text: Оцените\n    labels: {\"5\": 5 баллов, \"1\": 1 балл}\n"
                              "  - {id: b, kind: satisfaction, text: Довольны?, labels: {satisfied: Скорее удовлетворен}}\n");
  const Question& scale = survey.questions[0];
  CHECK(scale.note == "(один ответ)");
  CHECK(scale.descending);
  CHECK(OptionIds(scale) == std::vector<std::string>{"1", "2", "3", "4", "5"});  // codes and order stay
  CHECK(scale.options[0].text == "1 балл");
  CHECK(scale.options[2].text == "3");
  CHECK(scale.options[4].text == "5 баллов");
  CHECK(survey.questions[1].options[0].text == "Скорее удовлетворен");
  CHECK(survey.questions[1].options[1].text == "Скорее не удовлетворён(-а)");
  CHECK(ErrorsOf("  - {id: a, kind: scale, text: A, labels: {\"6\": Шесть}}\n"
                 "  - {id: b, kind: single, text: B, options: [x: X, y: Y], labels: {x: Икс}}\n"
                 "  - {id: c, kind: yes_no, text: C, descending: true}\n") ==
        "content/surveys/demo.yaml:6: у вопроса вида «scale» нет варианта «6»; варианты: 1, 2, 3, 4, 5\n"
        "content/surveys/demo.yaml:7: «labels» меняет подписи заранее заданных вариантов (scale, satisfaction, "
        "yes_no, sex, age, education); у вопроса вида «single» подписи задаются в «options»\n"
        "content/surveys/demo.yaml:8: «descending» бывает только у шкалы (scale) и таблицы оценок (matrix)\n");
}

TEST_CASE("ParseSurvey reports unknown question fields with a suggestion") {
  CHECK(ErrorsOf("  - id: a\n"
                 "    kind: scale\n"
                 "    text: Оцените\n"
                 "    requird: false\n") ==
        "content/surveys/demo.yaml:9: неизвестное поле «requird» (возможно, имелось в виду «required»?)\n");
}

}  // namespace
}  // namespace otklik::survey_loader_test
