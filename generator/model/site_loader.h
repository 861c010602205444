#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/field_reader.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "model/site.h"

namespace otklik {

/// Loads an agency's content folder:
///   site.yaml, services/*.md, situations/*.md, touchpoints/*.md, pages/*.md,
///   surveys/*.yaml.
/// Reports every problem it finds (not just the first) to `diagnostics`,
/// sorted, as "path:line: message", and then returns nullopt. Paths in
/// messages start with `content_dir` as given.
std::optional<Site> LoadSite(const FileSystem& fs, const std::string& content_dir, Diagnostics* diagnostics);

/// Like LoadSite, but returns what could be read even when there are errors,
/// so that what depends on the site can be checked in the same run: an item
/// whose file cannot be parsed is a placeholder known by its id (a survey's
/// is `unreadable`), so references to it are not reported as unknown; a
/// site.yaml with errors gives the defaults. Never publish such a site when
/// `diagnostics` grew. Diagnostics are appended unsorted.
Site LoadSiteLeniently(const FileSystem& fs, const std::string& content_dir, Diagnostics* diagnostics);

/// Checks each reference against `known` and returns the ids that resolve,
/// in order; reports "path:line: <unknown_what> «id»" with the closest known
/// id, and repeats.
std::vector<std::string> ResolveRefs(const std::vector<Ref>& refs, const std::vector<std::string>& known,
                                     const std::string& path, const std::string& unknown_what,
                                     Diagnostics* diagnostics);

/// Page ids that would collide with generated sections.
bool IsReservedPageId(const std::string& id);

}  // namespace otklik
