#pragma once

#include <string>
#include <vector>

#include "model/messages.h"
#include "model/response_validator.h"
#include "model/survey.h"

namespace otklik {

/// The small HTML pages the receiver answers the HTML form with, in the words
/// of the site's catalogue (receiver.*). They use the site's stylesheet
/// (`site_url` + assets/style.css) and no script.

/// 400: what to fix, question by question, and a link back to the form.
std::string AnswersErrorPage(const Messages& messages, const Survey& survey, const std::vector<AnswerError>& errors,
                             const std::string& form_url, const std::string& site_url);

/// Any other refusal: a heading, an explanation and where to go next.
std::string MessagePage(const std::string& title, const std::string& text, const std::string& link_url,
                        const std::string& link_text, const std::string& site_url,
                        const std::string& language = "ru");

}  // namespace otklik
