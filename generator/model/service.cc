#include "model/service.h"

namespace otklik {

const std::vector<std::string>& ServiceKindNames() {
  static const std::vector<std::string> kNames = {"service", "support_measure", "control", "appeals",
                                                  "information"};
  return kNames;
}

}  // namespace otklik
