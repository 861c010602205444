#include "stats/cell_table.h"

namespace otklik {

int CellTable::Add(const std::string& key, uint64_t n, bool published, bool protect, int tier) {
  const auto [it, fresh] = index_.try_emplace(key, static_cast<int>(cells_.size()));
  if (fresh) {
    cells_.push_back({key, n, published, protect, tier, false, false});
    equations_of_.emplace_back();
  }
  return it->second;
}

int CellTable::Find(const std::string& key) const {
  const auto it = index_.find(key);
  return it == index_.end() ? -1 : it->second;
}

bool CellTable::AddEquation(Equation equation) {
  int64_t sum = 0;
  bool atoms = false;
  for (const Equation::Term& term : equation.terms) {
    const Cell& c = cell(term.cell);
    sum += term.coefficient * static_cast<int64_t>(c.n);
    atoms = atoms || !c.published;
  }
  if (sum != equation.constant || equation.terms.empty()) return false;
  equation.published_only = !atoms;
  const int index = static_cast<int>(equations_.size());
  for (const Equation::Term& term : equation.terms) equations_of_[static_cast<size_t>(term.cell)].push_back(index);
  equations_.push_back(std::move(equation));
  return true;
}

}  // namespace otklik
