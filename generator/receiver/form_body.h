#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/response.h"

namespace otklik {

/// Decodes an application/x-www-form-urlencoded body into (field, value)
/// pairs in order: '+' is a space, %XX a byte. nullopt for a malformed
/// escape. Bytes are not checked for UTF-8 here; the validator does that.
std::optional<Submission> ParseFormBody(std::string_view body);

/// Percent-decodes one component ("+" as space when `plus_is_space`).
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace otklik
