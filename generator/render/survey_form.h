#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/response.h"
#include "model/survey.h"
#include "render/markdown.h"

namespace otklik {

/// The view model of a survey's form: every question with its inputs, ids
/// for labels, hints and errors, the plain-text skip notes shown when
/// JavaScript is off («Если вы выбрали …, перейдите к вопросу 6.») and the
/// data the survey script reads to apply the same rules in the browser.
/// `action` is where the form posts. See docs/templates.md, "survey".
nlohmann::json SurveyFormView(const Survey& survey, const MarkdownRenderer& markdown, const std::string& action);

/// «A», «B» или «C»: option texts quoted and joined for a sentence.
std::string QuotedAlternatives(const std::vector<std::string>& texts);

/// Questions with more options than this offer a drop-down list instead of radio buttons.
inline constexpr size_t kMostRadioButtons = 8;

}  // namespace otklik
