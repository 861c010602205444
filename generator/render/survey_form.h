#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/messages.h"
#include "model/response.h"
#include "model/survey.h"
#include "render/markdown.h"

namespace otklik {

/// Where a form is filled in: on the site, sent by a button, or on a printed
/// sheet that staff type in later (`otklik import responses --source paper`).
enum class FormMedium { kWeb, kPaper };

/// The view model of a survey's form: every question with its inputs, ids
/// for labels, hints and errors, the plain-text skip notes shown when
/// JavaScript is off («Если вы выбрали …, перейдите к вопросу 6.») and the
/// data the survey script reads to apply the same rules in the browser.
/// `action` is where the form posts. See docs/templates.md, "survey".
/// On paper the skip notes say «отметили» and where the survey ends, and
/// each question adds what a printed sheet needs: the answer codes an
/// import reads beside the options, each option's jump, ruled lines for
/// open answers and whether a list is long enough to print in columns
/// (docs/templates.md, "survey_paper").
/// Its words come from `messages` (sections form and paper).
nlohmann::json SurveyFormView(const Survey& survey, const Messages& messages, const MarkdownRenderer& markdown,
                              const std::string& action, FormMedium medium = FormMedium::kWeb);

/// «A», «B» или «C»: option texts quoted and joined for a sentence, in the
/// words of form.quoted, form.comma and form.or.
std::string QuotedAlternatives(const Messages& messages, const std::vector<std::string>& texts);

/// Questions with more options than this offer a drop-down list instead of
/// radio buttons; on paper, their options print in columns.
inline constexpr size_t kMostRadioButtons = 8;

/// Ruled lines printed for an open answer: one per this many characters of
/// its limit, at least one and at most kMostPaperLines.
inline constexpr int kCharactersPerPaperLine = 75;
inline constexpr int kMostPaperLines = 8;

}  // namespace otklik
