#pragma once

#include <string>
#include <string_view>

namespace otklik {

/// For matching what people type against known texts: lower case (Latin and
/// Cyrillic), «ё» as «е», runs of spaces (non-breaking ones too) as one, no
/// spaces at the ends.
std::string Folded(std::string_view text);

}  // namespace otklik
