#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/file_system.h"
#include "model/decision.h"
#include "model/messages.h"
#include "model/site.h"

namespace otklik {

/// A second language of the site (site.yaml `languages:`), read from its
/// folder content/<code>/ (docs/content-format.md, «Второй язык»): the
/// same tree as content/ holding only texts. `site.yaml` gives the site's
/// and the agency's texts and the words of the language's catalogue;
/// `services/`, `situations/`, `touchpoints/`, `pages/` and `decisions/`
/// hold a file per item named as the Russian one, with its translated
/// fields (title, summary; a touchpoint's address and hours; a decision's
/// measures by id) and body; `surveys/<id>.yaml` gives a survey's texts,
/// its questions' and options' by their codes, which stay the Russian
/// survey's, so that answers in either language count together.
/// Whatever a file leaves out, or has no file, is shown in Russian and
/// marked so (core/fallback_text.h); `untranslated` names it.
struct Translation {
  std::string language;
  /// The site in the language: every id, link, order and figure input the
  /// Russian one's, its texts and catalogue the language's. Its address is
  /// the Russian base_url + code + '/'.
  Site site;
  /// The pain map's decisions, their texts the language's.
  std::vector<Decision> decisions;
  /// What is shown in Russian: "services/passport.md: summary, текст", by file.
  std::vector<std::string> untranslated;
  /// Files for items the Russian content no longer has (a service removed
  /// before its translation): not published, and no reason to stop.
  Diagnostics warnings;
};

/// Reads content/<code>/ over `site` and `decisions`, and the language's
/// catalogue (Messages::LoadLanguage: the theme's at `catalogue` over the
/// built-in one) in the words of the translation's site.yaml. Reports a
/// field that is not a text (its value is the Russian file's), a question
/// or option code the survey does not have; nullopt then. A file for an
/// item the Russian content does not have is a warning (Translation::warnings).
std::optional<Translation> LoadTranslation(const FileSystem& fs, const std::string& content_dir,
                                           const std::string& catalogue, const std::string& code, const Site& site,
                                           const std::vector<Decision>& decisions, Diagnostics* diagnostics);

}  // namespace otklik
