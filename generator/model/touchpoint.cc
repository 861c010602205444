#include "model/touchpoint.h"

namespace otklik {

const std::vector<std::string>& ChannelNames() {
  static const std::vector<std::string> kNames = {"online", "offline"};
  return kNames;
}

const std::vector<std::string>& TouchpointKindNames() {
  static const std::vector<std::string> kNames = {"website", "portal", "social",    "messenger", "hotline", "app",
                                                  "email",   "reception", "mfc", "post",      "outreach"};
  return kNames;
}

Channel ChannelOfKind(const std::string& kind) {
  const bool offline = kind == "reception" || kind == "mfc" || kind == "post" || kind == "outreach";
  return offline ? Channel::kOffline : Channel::kOnline;
}

}  // namespace otklik
