#include "receiver/reply_pages.h"

#include "core/escape.h"
#include "core/fallback_text.h"

namespace otklik {

namespace {

// A page in a second language marks its Russian fallbacks (core/fallback_text.h).
std::string PageHtml(const std::string& title, const std::string& body, const std::string& site_url,
                     const std::string& language) {
  return FallbackMarksToHtml(
      "<!DOCTYPE html>\n<html lang=\"" + EscapeXml(language) +
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"robots\" content=\"noindex\">\n<title>" +
      EscapeXml(title) + "</title>\n<link rel=\"stylesheet\" href=\"" + EscapeXml(site_url) +
      "assets/style.css\">\n</head>\n<body class=\"embedded\">\n<main id=\"main\" class=\"embedded__main\">\n<h1>" +
      EscapeXml(title) + "</h1>\n" + body + "</main>\n</body>\n</html>\n");
}

// «Вопрос 3. …», or for a row of a matrix «Вопрос 9, строка «…». …», since
// every row of a matrix has the same question number and message.
std::string ErrorItem(const Messages& messages, const Survey& survey, AnswerError error) {
  // The validator speaks Russian: on a page in another language it says so.
  if (messages.language() != "ru") error.message = MarkedFallback(error.message);
  if (error.question <= 0) return error.message;
  const std::string number = std::to_string(error.question);
  for (const Question& question : survey.questions) {
    if (question.number != error.question || question.kind != QuestionKind::kMatrix) continue;
    for (const MatrixRow& row : question.rows) {
      if (error.field != question.id + "." + row.id) continue;
      return messages.Format("receiver.answer_errors.row",
                             {{"number", number}, {"message", error.message}, {"row", row.text}});
    }
  }
  return messages.Format("receiver.answer_errors.question", {{"number", number}, {"message", error.message}});
}

}  // namespace

std::string AnswersErrorPage(const Messages& messages, const Survey& survey, const std::vector<AnswerError>& errors,
                             const std::string& form_url, const std::string& site_url) {
  std::string items;
  for (const AnswerError& error : errors) items += "<li>" + EscapeXml(ErrorItem(messages, survey, error)) + "</li>\n";
  const std::string body =
      "<p>" + EscapeXml(messages.Format("receiver.answer_errors.lead", {{"title", survey.title}})) +
      "</p>\n<ul class=\"links\">\n" + items + "</ul>\n<p>" + EscapeXml(messages["receiver.answer_errors.fix"]) +
      "</p>\n" +
      (form_url.empty() ? ""
                        : "<p><a href=\"" + EscapeXml(form_url) + "\">" +
                              EscapeXml(messages["receiver.answer_errors.open_form_again"]) + "</a></p>\n");
  return PageHtml(messages["receiver.answer_errors.title"], body, site_url, messages.language());
}

std::string MessagePage(const std::string& title, const std::string& text, const std::string& link_url,
                        const std::string& link_text, const std::string& site_url, const std::string& language) {
  std::string body = "<p>" + EscapeXml(text) + "</p>\n";
  if (!link_url.empty()) body += "<p><a href=\"" + EscapeXml(link_url) + "\">" + EscapeXml(link_text) + "</a></p>\n";
  return PageHtml(title, body, site_url, language);
}

}  // namespace otklik
