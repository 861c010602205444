#include "receiver/reply_pages.h"

#include <catch2/catch.hpp>

namespace otklik::reply_pages_test {
namespace {

// The built-in catalogue, as a site has it unless its theme says otherwise.
const Messages& Defaults() {
  static const Messages kDefaults = Messages::Defaults(AgencyWords{});
  return kDefaults;
}

// The page around `title` and `body`, as every reply page has it.
std::string Page(const std::string& title, const std::string& body, const std::string& site_url) {
  return "<!DOCTYPE html>\n"
         "<html lang=\"ru\">\n"
         "<head>\n"
         "<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"robots\" content=\"noindex\">\n"
         "<title>" +
         title +
         "</title>\n"
         "<link rel=\"stylesheet\" href=\"" +
         site_url +
         "assets/style.css\">\n"
         "</head>\n"
         "<body class=\"embedded\">\n"
         "<main id=\"main\" class=\"embedded__main\">\n"
         "<h1>" +
         title + "</h1>\n" + body +
         "</main>\n"
         "</body>\n"
         "</html>\n";
}

TEST_CASE("MessagePage is a heading, a paragraph and a link, on the site's stylesheet") {
  CHECK(MessagePage("Опрос не найден", "Такого опроса нет.", "https://otklik.example.ru/", "Перейти на сайт",
                    "https://otklik.example.ru/") ==
        "<!DOCTYPE html>\n"
        "<html lang=\"ru\">\n"
        "<head>\n"
        "<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n"
        "<title>Опрос не найден</title>\n"
        "<link rel=\"stylesheet\" href=\"https://otklik.example.ru/assets/style.css\">\n"
        "</head>\n"
        "<body class=\"embedded\">\n"
        "<main id=\"main\" class=\"embedded__main\">\n"
        "<h1>Опрос не найден</h1>\n"
        "<p>Такого опроса нет.</p>\n"
        "<p><a href=\"https://otklik.example.ru/\">Перейти на сайт</a></p>\n"
        "</main>\n"
        "</body>\n"
        "</html>\n");
}

TEST_CASE("MessagePage without a link has no link paragraph") {
  CHECK(MessagePage("Спасибо, ваши ответы приняты", "", "", "Не показывается", "/") ==
        Page("Спасибо, ваши ответы приняты", "<p></p>\n", "/"));
}

TEST_CASE("MessagePage escapes its title, text, link and stylesheet address") {
  CHECK(MessagePage("<script>alert(1)</script>", "Опрос «A & B» \"закрыт\"", "https://x.ru/?a=1&b=\"2\"",
                    "<b>ссылка</b>", "https://x.ru/'/") ==
        Page("&lt;script&gt;alert(1)&lt;/script&gt;",
             "<p>Опрос «A &amp; B» &quot;закрыт&quot;</p>\n"
             "<p><a href=\"https://x.ru/?a=1&amp;b=&quot;2&quot;\">&lt;b&gt;ссылка&lt;/b&gt;</a></p>\n",
             "https://x.ru/&#39;/"));
}

TEST_CASE("AnswersErrorPage lists what to fix, question by question, and links back to the form") {
  Survey survey;
  survey.title = "Оценка услуг";
  const std::vector<AnswerError> errors = {{"overall", 3, "Ответьте на этот вопрос."},
                                           {"parameters.speed", 9, "Оцените эту строку."},
                                           {"ip", 0, "В анкете нет вопроса «ip»."}};
  CHECK(AnswersErrorPage(Defaults(), survey, errors, "https://otklik.example.ru/surveys/pension/",
                         "https://otklik.example.ru/") ==
        Page("Проверьте ответы",
             "<p>Ответы на опрос «Оценка услуг» не сохранены: в них есть ошибки.</p>\n"
             "<ul class=\"links\">\n"
             "<li>Вопрос 3. Ответьте на этот вопрос.</li>\n"
             "<li>Вопрос 9. Оцените эту строку.</li>\n"
             "<li>В анкете нет вопроса «ip».</li>\n"
             "</ul>\n"
             "<p>Вернитесь к анкете кнопкой «Назад» в браузере — ваши ответы сохранятся в форме, — исправьте их и "
             "отправьте снова.</p>\n"
             "<p><a href=\"https://otklik.example.ru/surveys/pension/\">Открыть анкету заново</a></p>\n",
             "https://otklik.example.ru/"));
}

TEST_CASE("AnswersErrorPage names the row of a matrix, each row once") {
  Survey survey;
  survey.title = "Оценка услуг";
  Question matrix;
  matrix.id = "parameters";
  matrix.number = 9;
  matrix.kind = QuestionKind::kMatrix;
  matrix.rows = {{"speed", "Скорость обслуживания", 0}, {"staff", "Вежливость {number} сотрудников", 0}};
  survey.questions = {matrix};
  const std::vector<AnswerError> errors = {{"parameters.speed", 9, "Оцените эту строку."},
                                           {"parameters.staff", 9, "Оцените эту строку."}};
  CHECK(AnswersErrorPage(Defaults(), survey, errors, "", "/") ==
        Page("Проверьте ответы",
             "<p>Ответы на опрос «Оценка услуг» не сохранены: в них есть ошибки.</p>\n"
             "<ul class=\"links\">\n"
             "<li>Вопрос 9, строка «Скорость обслуживания». Оцените эту строку.</li>\n"
             "<li>Вопрос 9, строка «Вежливость {number} сотрудников». Оцените эту строку.</li>\n"
             "</ul>\n"
             "<p>Вернитесь к анкете кнопкой «Назад» в браузере — ваши ответы сохранятся в форме, — исправьте их и "
             "отправьте снова.</p>\n",
             "/"));
}

TEST_CASE("AnswersErrorPage escapes the survey title, the messages and the form address") {
  Survey survey;
  survey.title = "Опрос <i>&</i>";
  const std::vector<AnswerError> errors = {{"<x>", 0, "В анкете нет вопроса «<x>»."}};
  CHECK(AnswersErrorPage(Defaults(), survey, errors, "https://x.ru/\"onload=\"", "/") ==
        Page("Проверьте ответы",
             "<p>Ответы на опрос «Опрос &lt;i&gt;&amp;&lt;/i&gt;» не сохранены: в них есть ошибки.</p>\n"
             "<ul class=\"links\">\n"
             "<li>В анкете нет вопроса «&lt;x&gt;».</li>\n"
             "</ul>\n"
             "<p>Вернитесь к анкете кнопкой «Назад» в браузере — ваши ответы сохранятся в форме, — исправьте их и "
             "отправьте снова.</p>\n"
             "<p><a href=\"https://x.ru/&quot;onload=&quot;\">Открыть анкету заново</a></p>\n",
             "/"));
}

}  // namespace
}  // namespace otklik::reply_pages_test
