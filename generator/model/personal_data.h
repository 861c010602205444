#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otklik {

// A safety net against personal data in files meant to be anonymous (appeal
// records): it catches the usual forms, it does not anonymise.

/// The kind of personal data `cell` seems to hold, in Russian: «адрес
/// электронной почты», «СНИЛС», «телефон» (7–15 digits written as a phone,
/// not a date or a classifier code) or «ФИО» (three capitalised words with a
/// patronymic, or a surname with two initials); nullopt when none is seen.
std::optional<std::string> PersonalDataIn(std::string_view cell);

/// A text with its personal data masked, and the kinds masked (in
/// PersonalDataIn's words, each once, in the order e-mail, СНИЛС, phone, ФИО).
struct MaskedText {
  std::string text;
  std::vector<std::string> kinds;
};

/// `text` with every e-mail, СНИЛС, phone and full name PersonalDataIn()
/// would see replaced by «[e-mail]», «[СНИЛС]», «[телефон]», «[ФИО]»;
/// anything else, dates and sums of money included, is left as it was.
MaskedText MaskPersonalData(std::string_view text);

/// True for a column name that asks for personal data: «ФИО», «Телефон
/// заявителя», "e-mail", "full_name".
bool NamesPersonalData(std::string_view column);

}  // namespace otklik
