#include "store/decision_plan.h"

#include <algorithm>
#include <map>

#include "core/file_system.h"
#include "store/decision_file.h"

namespace otklik {

namespace {

// The table row a line of a planned file's text comes from: a measure's (the canonical text starts each with
// "  - id:" under "measures:"), else the decision's first.
int RowOfLine(const PlannedFile& file, int line) {
  int measure = -1;
  bool in_measures = false;
  size_t start = 0;
  for (int n = 1; n <= line && start < file.text.size(); ++n) {
    const size_t end = std::min(file.text.find('\n', start), file.text.size());
    const std::string_view text = std::string_view(file.text).substr(start, end - start);
    if (n > 1 && text == "---") break;
    if (text == "measures:") in_measures = true;
    if (in_measures && text.starts_with("  - id:")) ++measure;
    start = end + 1;
  }
  const size_t index = static_cast<size_t>(std::max(measure, 0));
  return index < file.rows.size() ? file.rows[index] : file.rows.front();
}

}  // namespace

PlannedFile PlanFile(Decision decision, const Decision* before, std::vector<int> rows) {
  PlannedFile file;
  file.text = DecisionFileText(decision);
  file.change.path = decision.path;
  file.change.kind = !before                                  ? DecisionFileChange::Kind::kCreated
                     : DecisionFileText(*before) == file.text ? DecisionFileChange::Kind::kUnchanged
                                                              : DecisionFileChange::Kind::kChanged;
  if (before) {
    for (const Measure& measure : before->measures) {
      const bool kept = std::any_of(decision.measures.begin(), decision.measures.end(),
                                    [&](const Measure& m) { return m.id == measure.id; });
      if (!kept) file.change.removed_measures.push_back(measure.id);
    }
  }
  file.decision = std::move(decision);
  file.rows = std::move(rows);
  return file;
}

bool CheckPlanned(const SheetInput& input, const std::vector<PlannedFile>& plan, Diagnostics* errors) {
  const size_t errors_before = errors->size();
  MemoryFileSystem memory;
  std::map<std::string, const PlannedFile*> by_path;
  for (const PlannedFile& file : plan) {
    if (file.change.kind == DecisionFileChange::Kind::kUnchanged) continue;
    by_path[file.change.path] = &file;
    if (Status written = memory.WriteFile(file.change.path, file.text); !written.ok()) {
      errors->Add("", 0, written.message());
      return false;
    }
  }
  Diagnostics found;
  const std::optional<std::vector<Decision>> loaded =
      LoadDecisions(memory, input.request.content_dir, input.site, input.appeals, input.request.as_of, &found);
  for (const Diagnostic& problem : found.items()) {
    const auto file = by_path.find(problem.path);
    if (file == by_path.end()) {
      errors->Add(problem);
    } else {
      errors->Add(input.path, RowOfLine(*file->second, problem.line), problem.message);
    }
  }
  if (!loaded) return false;
  // The canonical text must read back as itself, or the next import would find changes where there are none.
  for (const Decision& decision : *loaded) {
    const PlannedFile& file = *by_path.at(decision.path);
    if (DecisionFileText(decision) != file.text) {
      errors->Add(input.path, file.rows.front(),
                  "решение «" + decision.id +
                      "» не удалось записать так, чтобы оно прочиталось без изменений; сообщите разработчикам Otklik");
    }
  }
  return errors->size() == errors_before;
}

}  // namespace otklik
