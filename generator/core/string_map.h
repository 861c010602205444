#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace otklik {

/// Hashes std::string and std::string_view alike, so maps keyed by string
/// can be searched with a view without building a string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

/// An unordered_map keyed by string that find() accepts a string_view for.
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace otklik
