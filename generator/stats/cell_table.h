#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace otklik {

/// One number disclosure control decides about: a group's respondents, a
/// question's base, the count of one category of answers; or an atom the
/// site never publishes (the respondents of one survey about one service at
/// one touchpoint in one quarter), which ties published cells together.
struct Cell {
  std::string key;       ///< Stable and readable: what the audit reports.
  uint64_t n = 0;        ///< The true count.
  bool published = true;  ///< false: an atom, never shown, never audited.
  bool protect = false;  ///< The threshold applies: 0 < n < k is hidden (a group of people).
  /// Which cell of an equation gives way first as a complement: 0 details
  /// (a channel split, one period of a question), 1 results of a group,
  /// 2 what must stay (the agency's total).
  int tier = 1;
  bool hidden = false;
  bool primary = false;  ///< Hidden for being small (what must stay protected), not as a complement.
};

/// Σ coefficient · cell = constant: what the published numbers say about
/// each other (a total and its parts, a half-year and its quarters, a
/// question's base and the answers that lead to it).
struct Equation {
  struct Term {
    int cell = 0;
    int coefficient = 1;
  };
  std::vector<Term> terms;
  int64_t constant = 0;
  /// Whether the heuristic step looks at it: equations through atoms are
  /// for the audit only.
  bool published_only = true;
};

/// The cells and equations of one build's published tables.
class CellTable {
 public:
  /// The cell with `key`, created with `n` the first time.
  int Add(const std::string& key, uint64_t n, bool published, bool protect, int tier);
  /// -1 when there is no such cell.
  int Find(const std::string& key) const;
  /// Adds an equation if the true counts satisfy it (a relation the data
  /// breaks, such as a base of several answers to one choice, is no
  /// relation an attacker could use either); returns whether it was added.
  bool AddEquation(Equation equation);

  Cell& cell(int index) { return cells_[static_cast<size_t>(index)]; }
  const Cell& cell(int index) const { return cells_[static_cast<size_t>(index)]; }
  const std::vector<Cell>& cells() const { return cells_; }
  const std::vector<Equation>& equations() const { return equations_; }
  /// The equations each cell appears in.
  const std::vector<int>& EquationsOf(int cell) const { return equations_of_[static_cast<size_t>(cell)]; }

 private:
  std::vector<Cell> cells_;
  std::unordered_map<std::string, int> index_;
  std::vector<Equation> equations_;
  std::vector<std::vector<int>> equations_of_;
};

}  // namespace otklik
