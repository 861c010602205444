#pragma once

#include <optional>
#include <string>

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

/// Page ids that would collide with generated sections.
bool IsReservedPageId(const std::string& id);

}  // namespace otklik
