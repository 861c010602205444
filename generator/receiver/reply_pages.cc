#include "receiver/reply_pages.h"

#include "core/escape.h"

namespace otklik {

namespace {

std::string Page(const std::string& title, const std::string& body, const std::string& site_url) {
  return "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"robots\" content=\"noindex\">\n<title>" +
         EscapeXml(title) + "</title>\n<link rel=\"stylesheet\" href=\"" + EscapeXml(site_url) +
         "assets/style.css\">\n</head>\n<body class=\"embedded\">\n<main id=\"main\" class=\"embedded__main\">\n<h1>" +
         EscapeXml(title) + "</h1>\n" + body + "</main>\n</body>\n</html>\n";
}

}  // namespace

std::string AnswersErrorPage(const Survey& survey, const std::vector<AnswerError>& errors,
                             const std::string& form_url, const std::string& site_url) {
  std::string items;
  for (const AnswerError& error : errors) {
    const std::string where = error.question > 0 ? "Вопрос " + std::to_string(error.question) + ". " : "";
    items += "<li>" + EscapeXml(where + error.message) + "</li>\n";
  }
  const std::string body =
      "<p>Ответы на опрос «" + EscapeXml(survey.title) +
      "» не сохранены: в них есть ошибки.</p>\n<ul class=\"links\">\n" + items +
      "</ul>\n<p>Вернитесь к анкете кнопкой «Назад» в браузере — ваши ответы сохранятся в форме, — "
      "исправьте их и отправьте снова.</p>\n" +
      (form_url.empty() ? "" : "<p><a href=\"" + EscapeXml(form_url) + "\">Открыть анкету заново</a></p>\n");
  return Page("Проверьте ответы", body, site_url);
}

std::string MessagePage(const std::string& title, const std::string& text, const std::string& link_url,
                        const std::string& link_text, const std::string& site_url) {
  std::string body = "<p>" + EscapeXml(text) + "</p>\n";
  if (!link_url.empty()) body += "<p><a href=\"" + EscapeXml(link_url) + "\">" + EscapeXml(link_text) + "</a></p>\n";
  return Page(title, body, site_url);
}

}  // namespace otklik
