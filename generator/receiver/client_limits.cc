#include "receiver/client_limits.h"

namespace otklik {

bool ClientLimits::Open(const std::string& client) {
  std::lock_guard lock(mutex_);
  size_t& open = open_[client];
  if (per_client_ > 0 && open >= per_client_) return false;
  ++open;
  return true;
}

void ClientLimits::Close(const std::string& client) {
  std::lock_guard lock(mutex_);
  const auto it = open_.find(client);
  if (it == open_.end()) return;
  if (--it->second == 0) open_.erase(it);
}

size_t ClientLimits::OpenBy(const std::string& client) const {
  std::lock_guard lock(mutex_);
  const auto it = open_.find(client);
  return it == open_.end() ? 0 : it->second;
}

}  // namespace otklik
