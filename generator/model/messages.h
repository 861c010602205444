#pragma once

#include <array>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/site_config.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "core/period.h"

namespace otklik {

/// The interface text of a site: the theme's message catalogue
/// (templates/messages.yaml, sections of keys: `nav: {services: …}` is the
/// message "nav.services") with the agency's words (site.yaml `words:`) put
/// into its placeholders: {agency}, {process}, {processes}, {respondents},
/// each optionally with a case (.gen, .dat, .acc, .ins, .pre) and
/// capitalised when written so ({Processes}). Other {names} stay for
/// Format(). Templates read messages as {{msg.<key>}}; views by key.
class Messages {
 public:
  Messages() = default;
  Messages(const Messages& other);
  Messages& operator=(const Messages& other);

  /// The default theme's catalogue (built in) under the one at `path`, if
  /// there is one: a theme's message replaces the default of the same key,
  /// and a theme without a catalogue, or without some message, gets the
  /// defaults. Reports YAML errors, values that are not text, and unknown
  /// word placeholders at their line.
  static std::optional<Messages> Load(const FileSystem& fs, const std::string& path, const AgencyWords& words,
                                      Diagnostics* diagnostics);
  /// The built-in default catalogue alone.
  static Messages Defaults(const AgencyWords& words);
  /// The catalogue of a second language `code` over `russian` (the site's
  /// catalogue, words put in): the built-in messages.<code>.yaml under the
  /// theme's one at `path`, with `words` (the translation's, marked
  /// fallbacks where it has none) put in. A message neither has is
  /// Russian's, marked (core/fallback_text.h) and named by Untranslated();
  /// the `language:` rules neither has are Russian's, unmarked. Reports a
  /// key Russian does not have (a misspelt one) and a catalogue of the
  /// language that is nowhere.
  static std::optional<Messages> LoadLanguage(const FileSystem& fs, const std::string& path, const std::string& code,
                                              const Messages& russian, const AgencyWords& words,
                                              Diagnostics* diagnostics);
  /// A catalogue from (key, text) pairs with `words` put in (tests).
  static Messages FromTexts(const std::vector<std::pair<std::string, std::string>>& texts, const AgencyWords& words);

  bool Has(std::string_view key) const { return texts_.count(key) > 0; }
  /// The message, or "" when the catalogue has no such key: the key is then
  /// remembered and Missing() names it, so the build can refuse the pages.
  const std::string& operator[](std::string_view key) const;
  /// The message with its {name} parameters filled in.
  std::string Format(std::string_view key, const std::vector<std::pair<std::string, std::string>>& args) const;
  /// A message of three forms, "услуга|услуги|услуг" (one, few, many: 1,
  /// 2–4, 5 and 0), in the form for `n`: Plural gives the form alone,
  /// Count "12 услуг" with a non-breaking space. A message without
  /// three forms is the one form after any number (a language whose
  /// nouns do not change after numbers, language.plural: one, writes one);
  /// with three, such a language takes the first. A marked fallback counts
  /// by Russian rules.
  std::string Plural(std::string_view key, long n) const;
  std::string Count(std::string_view key, long n) const;
  /// The language: language.code ("ru", "tt").
  const std::string& language() const { return rules_.code; }
  /// «22 ноября 2026 г.»: language.months and language.date.
  std::string Date(const otklik::Date& date) const;
  /// «в III квартале 2026 г.», «в 2026 году»: language.period_in.
  std::string PeriodIn(const Period& period) const;
  /// «III квартал 2026 г.», «2026 год»: language.period_label.
  std::string PeriodLabel(const Period& period) const;
  /// «III кв. 2026» for chart axes and tables: language.period_short.
  std::string PeriodShort(const Period& period) const;
  /// 4.123 → «4,1»: one decimal with language.decimal_mark.
  std::string Decimal(double value) const;
  /// Messages shown in Russian for want of a translation (LoadLanguage), sorted.
  const std::vector<std::string>& Untranslated() const { return untranslated_; }
  /// Keys asked for but not in the catalogue, sorted.
  std::vector<std::string> Missing() const;
  /// Where the catalogue was read from, for messages about it.
  const std::string& path() const { return path_; }

 private:
  // language.*, read once: what Date(), PeriodIn(), Count() … follow.
  struct Rules {
    std::string code = "ru";
    bool one_form = false;  ///< plural: one
    std::array<std::string, 12> months;
    std::string date, decimal_mark;
    std::map<std::string, std::string, std::less<>> period_in, period_label, period_short;  ///< by q1…q4, h1, h2, year
  };
  void ReadRules();
  std::string PeriodText(const std::map<std::string, std::string, std::less<>>& forms, const Period& period) const;

  std::string path_;
  std::map<std::string, std::string, std::less<>> texts_;
  Rules rules_;
  std::vector<std::string> untranslated_;
  mutable std::mutex missing_mutex_;
  mutable std::set<std::string, std::less<>> missing_;
};

/// templates/messages.yaml of the default theme, built in.
const char* DefaultMessagesYaml();
/// templates/messages.<code>.yaml of the default theme, built in for each
/// second language it has; nullptr for another.
const char* DefaultLanguageYaml(std::string_view code);

/// «служба» → «Служба»: the first letter, Cyrillic or Latin, in capitals.
std::string Capitalised(std::string text);

/// `text` with the word placeholders replaced; an unknown one ({agency.xyz})
/// is reported through `unknown` when given, and left as it is.
std::string PutWords(std::string_view text, const AgencyWords& words, std::string* unknown = nullptr);

}  // namespace otklik
