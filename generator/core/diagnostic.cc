#include "core/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace otklik {

std::string Diagnostic::ToString() const {
  if (line > 0) return path + ":" + std::to_string(line) + ": " + message;
  if (path.empty()) return message;
  return path + ": " + message;
}

void Diagnostics::Add(std::string path, int line, std::string message) {
  items_.push_back({std::move(path), line, std::move(message)});
}

void Diagnostics::Add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::Sort() {
  auto key = [](const Diagnostic& d) { return std::tie(d.path, d.line, d.message); };
  std::sort(items_.begin(), items_.end(),
            [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  items_.erase(std::unique(items_.begin(), items_.end()), items_.end());
}

std::string Diagnostics::ToString() const {
  std::string out;
  for (const Diagnostic& d : items_) out += d.ToString() + "\n";
  return out;
}

}  // namespace otklik
