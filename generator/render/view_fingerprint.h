#pragma once

#include <nlohmann/json.hpp>

#include "core/fingerprint.h"

namespace otklik {

/// The fingerprint of a view model, starting from `seed` (the program and
/// the templates): two views with the same fingerprint render to the same
/// bytes. Every value counts with its type, every key with its value, in
/// the view's own (sorted) key order.
Fingerprint ViewFingerprint(const nlohmann::json& view, const Fingerprint& seed);

}  // namespace otklik
