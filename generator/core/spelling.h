#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace otklik {

/// Edit distance (insertions, deletions, substitutions) between two strings,
/// counted in bytes; ids are ASCII.
size_t EditDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely
/// typo (distance at most max(2, |word| / 3)); empty otherwise. Ties go to
/// the first candidate in order.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

/// "a, b, c": a list for messages.
std::string JoinWithCommas(const std::vector<std::string>& items);

/// " (возможно, имелось в виду «x»?)" for the closest candidate, or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace otklik
