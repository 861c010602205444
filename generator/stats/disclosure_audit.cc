#include "stats/disclosure_audit.h"

#include <glpk.h>

#include <limits>
#include <map>
#include <memory>
#include <numeric>

namespace otklik {

namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Root(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Join(size_t a, size_t b) { parent_[Root(a)] = Root(b); }

 private:
  std::vector<size_t> parent_;
};

bool Unknown(const Cell& cell) { return cell.hidden || !cell.published; }

struct ProblemDeleter {
  void operator()(glp_prob* problem) const { glp_delete_prob(problem); }
};

// One component: its unknown cells are the columns, its equations the rows
// (shown cells moved to the right-hand side).
class Component {
 public:
  Component(const CellTable& table, const std::vector<int>& equations) : problem_(glp_create_prob()) {
    for (const int e : equations) {
      const Equation& equation = table.equations()[static_cast<size_t>(e)];
      double right = static_cast<double>(equation.constant);
      std::vector<std::pair<int, double>> row;
      for (const Equation::Term& term : equation.terms) {
        const Cell& cell = table.cell(term.cell);
        if (Unknown(cell)) {
          row.emplace_back(Column(term.cell), term.coefficient);
        } else {
          right -= term.coefficient * static_cast<double>(cell.n);
        }
      }
      if (row.empty()) continue;
      const int r = glp_add_rows(problem_.get(), 1);
      glp_set_row_bnds(problem_.get(), r, GLP_FX, right, right);
      std::vector<int> indices = {0};
      std::vector<double> values = {0};
      for (const auto& [column, value] : row) {
        indices.push_back(column);
        values.push_back(value);
      }
      glp_set_mat_row(problem_.get(), r, static_cast<int>(row.size()), indices.data(), values.data());
    }
  }

  // The range of cell `cell` (one of the component's unknowns).
  std::pair<double, double> Range(int cell) {
    const int column = columns_.at(cell);
    const double low = Solve(column, GLP_MIN);
    const double high = Solve(column, GLP_MAX);
    return {low, high};
  }

 private:
  int Column(int cell) {
    const auto [it, fresh] = columns_.try_emplace(cell, 0);
    if (fresh) {
      it->second = glp_add_cols(problem_.get(), 1);
      glp_set_col_bnds(problem_.get(), it->second, GLP_LO, 0.0, 0.0);
    }
    return it->second;
  }

  double Solve(int column, int direction) {
    for (const auto& [unused, c] : columns_) glp_set_obj_coef(problem_.get(), c, c == column ? 1.0 : 0.0);
    glp_set_obj_dir(problem_.get(), direction);
    glp_smcp parameters;
    glp_init_smcp(&parameters);
    parameters.msg_lev = GLP_MSG_OFF;
    // The previous solution's basis stays: only the objective changed.
    if (glp_simplex(problem_.get(), &parameters) != 0) {
      glp_adv_basis(problem_.get(), 0);
      glp_simplex(problem_.get(), &parameters);
    }
    const int status = glp_get_status(problem_.get());
    if (status == GLP_UNBND) return direction == GLP_MAX ? std::numeric_limits<double>::infinity() : 0.0;
    return glp_get_obj_val(problem_.get());
  }

  std::unique_ptr<glp_prob, ProblemDeleter> problem_;
  std::map<int, int> columns_;
};

// GLPK's environment is per thread: one this audit made is freed when it
// ends, so that a thread that audits (one agency of a region) leaks nothing.
// Declared before any problem, so that every problem is deleted first.
class GlpkEnvironment {
 public:
  GlpkEnvironment() : made_(glp_init_env() == 0) { glp_term_out(GLP_OFF); }
  ~GlpkEnvironment() {
    if (made_) glp_free_env();
  }
  GlpkEnvironment(const GlpkEnvironment&) = delete;
  GlpkEnvironment& operator=(const GlpkEnvironment&) = delete;

 private:
  const bool made_;
};

}  // namespace

AuditReport AuditDisclosure(const CellTable& table) {
  const GlpkEnvironment environment;
  const std::vector<Cell>& cells = table.cells();
  UnionFind components(cells.size());
  for (const Equation& equation : table.equations()) {
    int first = -1;
    for (const Equation::Term& term : equation.terms) {
      if (!Unknown(cells[static_cast<size_t>(term.cell)])) continue;
      if (first < 0) first = term.cell;
      components.Join(static_cast<size_t>(first), static_cast<size_t>(term.cell));
    }
  }
  // Equations and audited cells per component (by the root of its first unknown).
  std::map<size_t, std::vector<int>> equations_of;
  for (size_t e = 0; e < table.equations().size(); ++e) {
    for (const Equation::Term& term : table.equations()[e].terms) {
      if (!Unknown(cells[static_cast<size_t>(term.cell)])) continue;
      equations_of[components.Root(static_cast<size_t>(term.cell))].push_back(static_cast<int>(e));
      break;
    }
  }
  std::map<size_t, std::vector<int>> audited_of;
  for (size_t c = 0; c < cells.size(); ++c) {
    if (cells[c].hidden && cells[c].published) audited_of[components.Root(c)].push_back(static_cast<int>(c));
  }
  AuditReport report;
  for (const auto& [root, audited] : audited_of) {
    const auto equations = equations_of.find(root);
    report.audited += audited.size();
    if (equations == equations_of.end()) {  // in no equation: nothing bounds it
      for (const int cell : audited) report.ranges.push_back({cell, 0, std::numeric_limits<double>::infinity()});
      continue;
    }
    Component component(table, equations->second);
    for (const int cell : audited) {
      const auto [low, high] = component.Range(cell);
      report.problems += 2;
      report.ranges.push_back({cell, low, high});
    }
  }
  return report;
}

}  // namespace otklik
