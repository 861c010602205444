#pragma once

#include <string>
#include <vector>

namespace otklik {

/// One problem found in the user's content or data, located as precisely as
/// possible. Printed as "path:line: message" (or "path: message" when the
/// problem concerns a whole file).
struct Diagnostic {
  std::string path;
  int line = 0;  ///< 1-based; 0 means "the whole file".
  std::string message;

  std::string ToString() const;
  bool operator==(const Diagnostic&) const = default;
};

/// An ordered collection of diagnostics. Loaders keep going after an error
/// so that one run reports everything wrong at once.
class Diagnostics {
 public:
  void Add(std::string path, int line, std::string message);
  void Add(Diagnostic diagnostic);
  void Append(const Diagnostics& other);

  bool empty() const { return items_.empty(); }
  size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }

  /// Orders by path, then line, then message, and drops exact repeats, so
  /// output does not depend on the order work finished in.
  void Sort();
  /// One diagnostic per line, each line ending in '\n'.
  std::string ToString() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace otklik
