#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"

namespace otklik {

/// What `otklik new` can create: service, situation, touchpoint, survey,
/// decision, page, calendar.
const std::vector<std::string>& ScaffoldKindNames();

/// `otklik new KIND NAME`: writes content/<folder>/<NAME>.md (a survey:
/// surveys/<NAME>.yaml) from a template with Russian comments on every
/// field, filled so that it builds as it is: its references point at items
/// the site has (the first touchpoint, service or survey with a rating
/// question), its dates start on `today`. Refuses, with the reason in
/// `diagnostics`, an unknown kind, a name that is not an id, an existing
/// file, content that does not load, or a decision the site has no evidence
/// for. `otklik new calendar` (no NAME) writes content/calendar.yaml, the
/// production calendar of 2025–2027, without loading the content.
/// Sets `*written` to the file's path.
bool CreateScaffold(FileSystem& fs, const std::string& content_dir, const std::string& kind, const std::string& name,
                    const Date& today, std::string* written, Diagnostics* diagnostics);

}  // namespace otklik
