#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace otklik {

/// Answers as a form or API submits them: (field, value) pairs in order. A
/// field is a question id, or "<question>.<row>" for a row of a matrix; a
/// multiple-choice question repeats its field once per chosen option.
using Submission = std::vector<std::pair<std::string, std::string>>;

/// The hidden fields a survey's HTML form posts besides its answers: the
/// revision it was built from, whether it is embedded in another site, and a
/// honeypot that people never see and bots fill in.
inline constexpr const char* kRevisionField = "_revision";
inline constexpr const char* kEmbedField = "_embed";
inline constexpr const char* kHoneypotField = "_contact_email";
/// The language of the form, on the pages of a second language only
/// (site.yaml `languages:`): "tt". A form without it is the Russian one.
inline constexpr const char* kLanguageField = "_lang";

/// Answers by field, values in the order given. Only fields with a value.
using Answers = std::map<std::string, std::vector<std::string>>;

/// One accepted response to one revision of a survey: only the questions the
/// respondent was asked (skip logic applied) and actually answered. Holds
/// nothing about who answered, or when beyond what the store adds (the day).
struct Response {
  std::string survey;
  int revision = 0;
  Answers answers;
  /// The language the form was answered in when it is not the site's first
  /// (Russian): "tt". Its codes are the same: the answers count together.
  std::string language;
  bool operator==(const Response&) const = default;
};

}  // namespace otklik
