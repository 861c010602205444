#pragma once

#include <cstddef>
#include <vector>

#include "stats/cell_table.h"

namespace otklik {

/// What the published numbers say about a hidden cell: whatever the hidden
/// cells and atoms are, it lies in [low, high].
struct Exposure {
  int cell = 0;
  double low = 0;
  double high = 0;  ///< Infinity when nothing bounds it from above.
};

/// What the audit looked at and what it found.
struct AuditReport {
  size_t audited = 0;  ///< Hidden published cells whose bounds were computed.
  size_t problems = 0;  ///< Linear programs solved (two per audited cell).
  std::vector<Exposure> ranges;  ///< Every audited cell's range, by cell index.
};

/// The attacker's view of the published tables: every equation holds, every
/// shown cell is known, every hidden cell and atom is a non-negative unknown.
/// For each hidden published cell, linear programming (GLPK's simplex) finds
/// the smallest and largest value it can take. Equations fall apart into
/// independent components (one indicator's groups, one question), solved
/// one at a time. Not thread-safe (GLPK keeps global state): call from one
/// thread.
AuditReport AuditDisclosure(const CellTable& table);

}  // namespace otklik
