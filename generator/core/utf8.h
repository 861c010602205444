#pragma once

#include <cstddef>
#include <string_view>

namespace otklik {

/// True when `text` is well-formed UTF-8: no stray continuation bytes, no
/// truncated sequences, no overlong forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view text);
/// The offset of the first byte where `text` stops being well-formed UTF-8,
/// or npos when it is.
size_t FirstInvalidUtf8(std::string_view text);

/// The number of code points in `text`. REQUIRES: IsValidUtf8(text).
size_t Utf8Length(std::string_view text);

}  // namespace otklik
