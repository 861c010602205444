#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/file_system.h"
#include "model/calendar.h"
#include "model/service.h"
#include "model/survey.h"

namespace otklik {

/// Parses one survey file (content/surveys/<id>.yaml) and checks it whole:
/// fields and kinds, option and question ids, skip rules (jumps go forward
/// to a known question; a show_if looks back at a known choice question and
/// its known options), and the services a service question offers (all of
/// `services` in their order, or the listed ones). Every problem goes to
/// `diagnostics` as "path:line: message", sorted; then the result is nullopt.
/// The catalogue key of the words of fixed answer `id` of a question of
/// `kind` (yes/no, satisfaction, sex, age, education: "form.answer_yes"),
/// or nullptr for any other answer.
const char* FixedOptionMessage(QuestionKind kind, const std::string& id);

std::optional<Survey> ParseSurvey(const std::string& path, std::string_view text,
                                  const std::vector<Service>& services, Diagnostics* diagnostics);

/// Loads every survey of `dir` (content/surveys/<id>.yaml), in parallel.
/// A file that is not .yaml, or whose name is not a valid id, is an error.
/// A recurring survey (`waves:`) becomes its waves, dated by `calendar`
/// (nullptr: the calendar file has errors, and no wave is made).
std::vector<Survey> LoadSurveys(const FileSystem& fs, const std::string& dir, const std::vector<Service>& services,
                                const Calendar* calendar, Diagnostics* diagnostics);

}  // namespace otklik
