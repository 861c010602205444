#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "core/diagnostic.h"
#include "core/file_system.h"
#include "core/fingerprint.h"
#include "core/status.h"
#include "model/messages.h"

namespace otklik {

/// The Mustache templates of a site theme:
///   layout.mustache        the page frame; the page body arrives as {{{content}}}
///   <kind>.mustache        one per page kind (home, service, …)
///   partials/<name>.mustache  used as {{> name}}
/// Partials are expanded into the templates when loading, so each template
/// is parsed exactly once. Not thread-safe (Mustache rendering keeps state):
/// give each thread its own copy via Clone().
/// The default theme's templates, built in: "home", "partials/footer", … → text.
const std::map<std::string, std::string>& DefaultTemplates();

class TemplateSet {
 public:
  /// Loads and checks every template in `dir`. Reports to `diagnostics`, sorted,
  /// syntax errors (at their line in their own file), unknown or recursive
  /// partials and missing required templates. With `messages`, each
  /// {{msg.key}} is replaced by its message (escaped; {{{msg.key}}} as it
  /// is), and a key the catalogue lacks is reported at its line. With
  /// `fallback` (DefaultTemplates()), a page template or partial the theme
  /// lacks is taken from it (the layout excepted: a theme always has its own
  /// frame), so a theme made before a page kind existed keeps working; the
  /// theme's own partials (header, footer) are used inside the fallback pages.
  static std::optional<TemplateSet> Load(const FileSystem& fs, const std::string& dir,
                                         const std::vector<std::string>& required, Diagnostics* diagnostics,
                                         const Messages* messages = nullptr,
                                         const std::map<std::string, std::string>* fallback = nullptr);

  /// A fresh, independently usable set parsed from the same sources.
  TemplateSet Clone() const;

  bool Has(const std::string& name) const { return sources_.count(name) > 0; }
  /// Whether both sets hold the same templates, text for text.
  bool SameTextAs(const TemplateSet& other) const { return sources_ == other.sources_; }
  /// A fingerprint of every template's name and text (messages filled in), from `seed`.
  Fingerprint TextFingerprint(const Fingerprint& seed) const;
  /// Renders template `name` with `view`, then the layout around it (the
  /// layout sees the same view plus "content"). `layout` false renders the
  /// template alone (feeds, sitemaps).
  Result<std::string> Render(const std::string& name, const nlohmann::json& view, bool layout = true);

 private:
  TemplateSet() = default;
  kainjow::mustache::mustache& Parsed(const std::string& name);

  std::string dir_;
  std::map<std::string, std::string> sources_;  ///< name → text with partials expanded
  std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> parsed_;
};

}  // namespace otklik
