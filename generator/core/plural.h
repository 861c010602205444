#pragma once

#include <string>

namespace otklik {

/// Picks the Russian plural form for `n`: one (1, 21), few (2–4, 22–24) or
/// many (0, 5–20, 25…). For "не более N …" pass the genitive forms.
const std::string& RussianPlural(long n, const std::string& one, const std::string& few, const std::string& many);

/// "12 услуг", "1 услуга", "3 услуги" (with a non-breaking space).
std::string CountWithNoun(long n, const std::string& one, const std::string& few, const std::string& many);

}  // namespace otklik
