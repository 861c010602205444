#pragma once

#include <string>
#include <vector>

namespace otklik {

/// What kind of public function a service is (seed 001 §1.3, 002 §7).
enum class ServiceKind { kService, kSupportMeasure, kControl, kAppeals, kInformation };

/// The names used for ServiceKind in content files, in enum order.
const std::vector<std::string>& ServiceKindNames();

/// A public service, support measure or function: the main object feedback is about.
struct Service {
  std::string id;
  std::string path;  ///< Source file, for diagnostics.
  std::string title;
  std::string summary;
  ServiceKind kind = ServiceKind::kService;
  std::vector<std::string> situations;   ///< Life situation ids, as listed.
  std::vector<std::string> touchpoints;  ///< Touchpoint ids, as listed.
  int order = 1000;
  std::string body;  ///< Markdown.
};

}  // namespace otklik
