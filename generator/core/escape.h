#pragma once

#include <string>
#include <string_view>

namespace otklik {

/// Escapes &, <, >, " and ' for XML and HTML text and attributes.
std::string EscapeXml(std::string_view text);

}  // namespace otklik
