#pragma once

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

namespace otklik {

/// Converts a JSON view model to Mustache data: objects, arrays and strings
/// map directly, booleans become sections, numbers become their text, and
/// null and empty strings become false (so {{#x}}…{{/x}} skips them). For every array field `x` of an object, a boolean
/// `has_x` is added (unless the object already has one), so templates can
/// wrap a list in a heading only when it has items: {{#has_x}}…{{/has_x}}.
kainjow::mustache::data ToMustache(const nlohmann::json& value);

}  // namespace otklik
