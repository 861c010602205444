#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "model/service.h"
#include "model/survey.h"

namespace otklik {

/// Parses one survey file (content/surveys/<id>.yaml) and checks it whole:
/// fields and kinds, option and question ids, skip rules (jumps go forward
/// to a known question; a show_if looks back at a known choice question and
/// its known options), and the services a service question offers (all of
/// `services` in their order, or the listed ones). Every problem goes to
/// `diagnostics` as "path:line: message", sorted; then the result is nullopt.
std::optional<Survey> ParseSurvey(const std::string& path, std::string_view text,
                                  const std::vector<Service>& services, Diagnostics* diagnostics);

}  // namespace otklik
