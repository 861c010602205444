#pragma once

#include <string>
#include <string_view>

namespace otklik {

/// An id made from a Russian text, for files and addresses that people read:
/// «Долго ждать решения» → "dolgo-zhdat-resheniya". Russian letters are
/// transliterated as in Russian web addresses (ж zh, х kh, ц ts, щ shch,
/// ю yu, я ya; ъ and ь dropped; ё as е), Latin letters lower-cased, digits
/// kept, every other run of characters becomes one hyphen. A longer id is
/// cut at its last hyphen within `max_length` characters (or at
/// `max_length` when there is none), without a one-letter word left at its
/// end («в», «с»). Empty when `text` has no letter or
/// digit; otherwise lowercase Latin letters, digits and inner hyphens only.
std::string IdFromText(std::string_view text, size_t max_length);

}  // namespace otklik
