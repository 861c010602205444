#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ratio.h"
#include "stats/proportion.h"

namespace otklik {

// How pages show a published number. Every figure is a <data> element: its
// text is what a reader sees, `value` the exact number it was rounded from
// (a ratio "19/57" or a count), and `data-key` names the figure (see
// stats/figure_key.h), so that the same figure can be found and compared on
// every page and in open data (tests/consistency/). A figure the site may
// not show is a <span data-key data-hidden> with the words that replace it.
// Views build figures here and templates print them as they are.

/// A figure as a page shows it (`html`) and as plain text (chart
/// descriptions, feeds, page titles).
struct Shown {
  std::string html;
  std::string text;
};

/// <data value="…" data-key="…">text</data>; `text` is plain text.
Shown Figure(const std::string& key, const std::string& value, const std::string& text);
/// A count under `key`.
Shown Count(const std::string& key, uint64_t n);
/// A count under `key` that equals the sum of the figures `terms` (a key
/// adds, "-" + key subtracts) wherever they are published: how a question's
/// base follows from the answers to an earlier one. The consistency check
/// adds it up and makes sure no hidden term can be worked out from it.
Shown Sum(const std::string& key, uint64_t n, const std::vector<std::string>& terms);
/// A share in whole percent (or with `digits` decimals), valued by its ratio.
Shown Share(const std::string& key, const Ratio& share, int digits = 0);
/// A 95 % interval «58–73 %» of the share successes / n, under `key`.
Shown Interval(const std::string& key, const Proportion& p);
/// A mean rating with one decimal «3,7», valued by its ratio.
Shown Mean(const std::string& key, const Ratio& mean);
/// A satisfaction level's share under "<key>/share", as CompareWithTarget() says.
Shown LevelShare(const std::string& key, const Ratio& share, const Ratio& target);
/// The difference between two shown shares, in tenths of a percentage
/// point, named by `key` and by the figures it compares (`from`, `to`):
/// «5», «0,3», or `zero_text` («столько же») when they are equal.
Shown Difference(const std::string& key, const std::string& from, const std::string& to, long tenths,
                 const std::string& zero_text);
/// `text` («недостаточно данных», results.not_enough_data) standing for figure `key`.
Shown Hidden(const std::string& key, const std::string& text);
/// `parts`, marked as adding up to the figure `whole` (their counts to its
/// count, their shares to 100 %): what the consistency check adds up.
Shown Parts(const std::string& whole, const Shown& parts);
/// Words with no figure.
Shown Words(const std::string& text);

/// A sentence built of words and figures, once as HTML and once as text.
class Sentence {
 public:
  Sentence& operator<<(const std::string& words);
  Sentence& operator<<(const Shown& figure);
  /// Appends `message` (from the catalogue) with each of its {name}
  /// placeholders that `figures` names replaced by that figure; the words
  /// around them, and any other braces, are added as words.
  Sentence& Put(std::string_view message, const std::vector<std::pair<std::string, Shown>>& figures);
  const std::string& html() const { return html_; }
  const std::string& text() const { return text_; }
  Shown shown() const { return {html_, text_}; }

 private:
  std::string html_;
  std::string text_;
};

/// «58–73 %»: an interval's bounds rounded to whole percent. The bounds are
/// irrational, so no exact half can arise: rounding the double is exact.
std::string IntervalText(const Proportion& p);

}  // namespace otklik
