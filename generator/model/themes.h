#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/file_system.h"

namespace otklik {

/// A theme editors code open answers into: an answer belongs to it when it
/// contains one of its stems («очеред» finds «очередь», «очереди»), or when
/// it is assigned to it by hand.
struct Theme {
  std::string id;
  std::string title;
  std::vector<std::string> stems;  ///< Folded (core::Folded): lower case, «ё» as «е».
  /// The surveys whose answers it codes (empty: every survey): citizens'
  /// themes are not staff's.
  std::vector<std::string> surveys;
  int line = 0;
};

/// content/themes.yaml: the themes, and answers assigned by hand (by the
/// answer id the internal output shows beside each answer).
struct Themes {
  std::string path;
  std::vector<Theme> themes;
  /// Answer id → the themes it was assigned to (none: left uncoded on purpose).
  std::map<std::string, std::vector<size_t>> assigned;

  /// Bit t set for each theme t (of the first 64) `folded_text` belongs to by its stems.
  uint64_t Match(std::string_view folded_text) const;
  /// The themes of an answer: its manual assignment if it has one, else Match().
  uint64_t Of(std::string_view answer_id, std::string_view folded_text) const;
  /// Bit t set for each theme t that codes the answers of survey `survey`,
  /// a wave of recurring survey `series` ("" for any other survey).
  uint64_t For(std::string_view survey, std::string_view series = {}) const;
  /// The index of theme `id`, or nullopt.
  std::optional<size_t> Find(std::string_view id) const;
};

/// Reads content/themes.yaml if there is one (an agency without it codes
/// nothing: every answer is uncoded). Problems are reported as
/// "path:line: message": an unknown field, a theme without an id, title or
/// stems, a repeated id, more than 64 themes, an assignment to no theme, a
/// survey not among `surveys` (the ids of the site's surveys).
std::optional<Themes> LoadThemes(const FileSystem& fs, const std::string& content_dir,
                                 const std::vector<std::string>& surveys, Diagnostics* diagnostics);

/// The stable id of an open answer: 12 hex digits of a hash of the survey,
/// the day, the question's field and the text. The same answer always gets
/// the same id, whatever file it is stored in.
std::string AnswerId(std::string_view survey, std::string_view date, std::string_view field, std::string_view text);

}  // namespace otklik
