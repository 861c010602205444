#include "store/pain_map_template.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "core/case_fold.h"
#include "core/file_system.h"
#include "core/spelling.h"
#include "core/transliteration.h"
#include "store/sheet_cells.h"

namespace otklik {

namespace {

enum Field : size_t { kProcess, kProblem, kPrevalence, kPriority, kMeasure, kResponsible, kDeadline, kFieldCount };

struct TemplateColumn {
  Field field;
  std::string name;               // as the seed writes it
  std::vector<std::string> also;  // other spellings of the same header
};

const std::vector<TemplateColumn>& Columns() {
  // The seed's text lost the first letters of the first header («именование процесса»), and copies of it may have.
  static const std::vector<TemplateColumn> kColumns = {
      {kProcess, "Наименование процесса", {"Именование процесса"}},
      {kProblem, "Выявленные проблемы/потенциальные потребности клиентов", {}},
      {kPrevalence, "Распространенность проблемы", {}},
      {kPriority, "Приоритетность решения проблемы/удовлетворения потребности", {}},
      {kMeasure, "Необходимые к реализации мероприятия", {}},
      {kResponsible, "Ответственный", {}},
      {kDeadline, "Срок реализации", {}}};
  return kColumns;
}

const std::string& NameOf(Field field) {
  return std::find_if(Columns().begin(), Columns().end(), [&](const TemplateColumn& c) { return c.field == field; })
      ->name;
}

// Lengths of generated ids: a few words of the text, enough to tell decisions (and a decision's measures) apart.
constexpr size_t kDecisionIdLength = 50;
constexpr size_t kMeasureIdLength = 40;

std::string ReplacedAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// A header, a service's title or a problem as compared: folded (case, «ё», spaces), quotes of any kind as '"', no
// spaces around '/', no full stop or colon at the end.
std::string Key(std::string_view text) {
  std::string folded = Folded(text);
  for (const std::string_view quote : {"«", "»", "“", "”", "„"}) folded = ReplacedAll(std::move(folded), quote, "\"");
  std::string out;
  for (size_t i = 0; i < folded.size(); ++i) {
    const bool next_to_slash =
        folded[i] == ' ' && ((i + 1 < folded.size() && folded[i + 1] == '/') || (!out.empty() && out.back() == '/'));
    if (!next_to_slash) out += folded[i];
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ':' || out.back() == ' ')) out.pop_back();
  return out;
}

// «№», «№ п/п», «N п/п»: the numbering column of Russian tables.
bool IsNumbering(const std::string& key) {
  std::string compact;
  for (const char c : key) {
    if (c != ' ' && c != '.') compact += c;
  }
  for (const std::string_view name : {"№", "n", "№п/п", "nп/п", "п/п", "№пп"}) {
    if (compact == name) return true;
  }
  return false;
}

const TemplateColumn* ColumnOf(const std::string& key) {
  for (const TemplateColumn& column : Columns()) {
    if (Key(column.name) == key) return &column;
    for (const std::string& name : column.also) {
      if (Key(name) == key) return &column;
    }
  }
  return nullptr;
}

// The table's column of each field; nullopt after reporting unknown, repeated or missing columns.
std::optional<std::array<size_t, kFieldCount>> ResolveColumns(const SheetInput& input, Diagnostics* errors) {
  const CsvTable& table = input.table;
  std::array<std::optional<size_t>, kFieldCount> found;
  const size_t errors_before = errors->size();
  for (size_t c = 0; c < table.header.size(); ++c) {
    const std::string& name = table.header[c];
    const std::string key = Key(name);
    if (IsNumbering(key)) continue;
    const TemplateColumn* column = ColumnOf(key);
    if (!column) {
      errors->Add(input.path, table.header_row,
                  "неизвестный столбец «" + name + "»" + DidYouMean(name, PainMapTemplateColumns()) +
                      ": в карте болей по шаблону приложения 1 — только столбцы шаблона; удалите его или назовите, "
                      "как в шаблоне");
    } else if (found[column->field]) {
      errors->Add(input.path, table.header_row,
                  "столбец «" + name + "» повторяет столбец «" + table.header[*found[column->field]] + "»");
    } else {
      found[column->field] = c;
    }
  }
  std::array<size_t, kFieldCount> columns{};
  for (const TemplateColumn& column : Columns()) {
    if (!found[column.field]) errors->Add(input.path, table.header_row, "нет столбца «" + column.name + "»");
    columns[column.field] = found[column.field].value_or(0);
  }
  if (errors->size() != errors_before) return std::nullopt;
  return columns;
}

// One row of the table, its cells by field.
struct TemplateRow {
  int row = 0;
  std::array<std::string, kFieldCount> cells;

  const std::string& operator[](Field field) const { return cells[field]; }
};

// The row of printed forms under the header that numbers the columns: «1», «2», …
bool NumbersColumns(const CsvRow& row) {
  for (size_t c = 0; c < row.cells.size(); ++c) {
    if (row.cells[c] != std::to_string(c + 1)) return false;
  }
  return true;
}

// The rows with anything in the template's columns (a form's numbered empty rows are not), trimmed.
std::vector<TemplateRow> ReadRows(const CsvTable& table, const std::array<size_t, kFieldCount>& columns) {
  std::vector<TemplateRow> rows;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    if (r == 0 && NumbersColumns(table.rows[r])) continue;
    TemplateRow row{table.rows[r].row, {}};
    bool empty = true;
    for (size_t f = 0; f < kFieldCount; ++f) {
      const std::string& cell = table.rows[r].cells[columns[f]];
      const size_t first = cell.find_first_not_of(" \t\r\n");
      if (first != std::string::npos) row.cells[f] = cell.substr(first, cell.find_last_not_of(" \t\r\n") - first + 1);
      empty = empty && row.cells[f].empty();
    }
    if (!empty) rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<Priority> PriorityCell(const std::string& text) {
  // «Приоритетность — высокая»: the feminine forms too.
  static const std::vector<std::string> kFeminine = {"высокая", "средняя", "низкая"};
  const std::string key = Key(text);
  for (size_t i = 0; i < PriorityLabels().size(); ++i) {
    if (key == PriorityLabels()[i] || key == kFeminine[i] || key == PriorityNames()[i]) return static_cast<Priority>(i);
  }
  return std::nullopt;
}

// `base` (or `fallback` when it is empty), with "-2", "-3"… when it is taken; then taken.
std::string UniqueId(std::string base, const std::string& fallback, std::set<std::string>* taken) {
  if (base.empty()) base = fallback;
  std::string id = base;
  for (int n = 2; taken->count(id); ++n) id = base + "-" + std::to_string(n);
  taken->insert(id);
  return id;
}

// The rows of one problem of the table; the first names it.
struct Problem {
  const Service* service = nullptr;
  std::vector<const TemplateRow*> rows;
};

// Turns the table's rows into problems and each problem into its decision, over the file it is recognised as.
class TemplatePlanner {
 public:
  TemplatePlanner(const SheetInput& input, DecisionImportOutcome* outcome, Diagnostics* errors)
      : input_(input), outcome_(outcome), errors_(errors) {
    for (const Decision& decision : input.decisions) taken_ids_.insert(decision.id);
  }

  std::vector<Problem> Group(const std::vector<TemplateRow>& rows) const {
    std::vector<Problem> problems;
    std::map<std::pair<std::string, std::string>, size_t> by_key;  // service id and Key(problem)
    const Service* process = nullptr;                              // of the row above, for merged cells
    bool unknown_process = false;                                  // the row above named none (and said so)
    std::optional<size_t> last;                                    // the problem of the row above
    for (const TemplateRow& row : rows) {
      if (!row[kProcess].empty()) {
        process = ServiceNamed(row[kProcess]);
        unknown_process = !process;
        if (!process) {
          UnknownProcess(row);
          last.reset();
          continue;
        }
      } else if (unknown_process) {
        continue;
      } else if (!process) {
        Error(row, "не заполнен столбец «" + NameOf(kProcess) + "»: напишите название услуги");
        continue;
      }
      if (row[kProblem].empty()) {
        if (last && problems[*last].service == process) {
          problems[*last].rows.push_back(&row);
        } else {
          Error(row, "не заполнен столбец «" + NameOf(kProblem) + "»: напишите проблему или потребность одной фразой");
        }
        continue;
      }
      const auto [it, fresh] = by_key.emplace(std::pair(process->id, Key(row[kProblem])), problems.size());
      if (fresh) problems.push_back({process, {}});
      problems[it->second].rows.push_back(&row);
      last = it->second;
    }
    return problems;
  }

  std::optional<PlannedFile> Plan(const Problem& problem) {
    const size_t errors_before = errors_->size();
    const Decision* before = Recognised(problem);
    Decision d = before ? *before : NewDecision(problem);
    d.title = (*problem.rows.front())[kProblem];
    ReadPrevalence(problem, &d.prevalence);
    if (const TemplateRow* row = DecisionCell(problem, kPriority, "напишите высокий, средний или низкий")) {
      if (const std::optional<Priority> priority = PriorityCell((*row)[kPriority])) {
        d.priority = *priority;
      } else {
        Error(*row, "недопустимое значение «" + (*row)[kPriority] + "» в столбце «" + NameOf(kPriority) +
                        "»; допустимые значения: " + JoinWithCommas(PriorityLabels()));
      }
    }
    std::vector<int> rows;
    d.measures = ReadMeasures(problem, before, std::max(input_.request.as_of, d.identified), &rows);
    if (errors_->size() != errors_before) return std::nullopt;
    for (size_t i = 0; i < d.measures.size(); ++i) WarnIfOverdue(d, d.measures[i], rows[i]);
    return PlanFile(std::move(d), before, std::move(rows));
  }

  // What new decisions and measures were given that the table does not say.
  std::vector<std::string> Defaults() const {
    std::vector<std::string> defaults;
    const std::string day = SheetDate(input_.request.as_of);
    if (new_decisions_) {
      defaults.push_back("дата выявления проблемы — " + day + " (день импорта)");
      defaults.push_back(
          "основание (вопрос опроса или тема обращений) не указано: на странице решения не будет "
          "ссылки на результаты, эффект не оценивается");
      defaults.push_back("жизненные ситуации — те, к которым относится услуга; точки взаимодействия не указаны");
    }
    if (new_measures_) {
      defaults.push_back("вид мероприятия — «" + MeasureKindLabels()[static_cast<size_t>(MeasureKind::kProcess)] + "»");
      defaults.push_back("статус мероприятия — «" +
                         MeasureStatusLabels()[static_cast<size_t>(MeasureStatus::kPlanned)] + "» с " + day);
    }
    return defaults;
  }

 private:
  void Error(const TemplateRow& row, const std::string& message) const { errors_->Add(input_.path, row.row, message); }

  // The service a process cell names: by title (compared as Key) or by id.
  const Service* ServiceNamed(const std::string& text) const {
    if (const Service* service = input_.site.FindService(text)) return service;
    const std::string key = Key(text);
    for (const Service& service : input_.site.services()) {
      if (Key(service.title) == key) return &service;
    }
    return nullptr;
  }

  void UnknownProcess(const TemplateRow& row) const {
    std::vector<std::string> titles;
    for (const Service& service : input_.site.services()) titles.push_back(service.title);
    Error(row, "неизвестный процесс «" + row[kProcess] + "»" + DidYouMean(row[kProcess], titles) + ": в столбце «" +
                   NameOf(kProcess) + "» напишите название услуги, как в content/services/, или её код");
  }

  // The decision file the problem already has: of its service, with its text (compared as Key).
  const Decision* Recognised(const Problem& problem) const {
    const TemplateRow& first = *problem.rows.front();
    std::vector<const Decision*> found;
    for (const Decision& decision : input_.decisions) {
      if (decision.service == problem.service->id && Key(decision.title) == Key(first[kProblem])) {
        found.push_back(&decision);
      }
    }
    if (found.size() > 1) {
      Error(first, "проблема совпадает с решениями «" + found[0]->id + "» и «" + found[1]->id +
                       "»: сделайте их формулировки в файлах разными, чтобы строка таблицы указывала на одно");
    }
    return found.empty() ? nullptr : found.front();
  }

  Decision NewDecision(const Problem& problem) {
    const TemplateRow& first = *problem.rows.front();
    Decision d;
    d.id = UniqueId(IdFromText(first[kProblem], kDecisionIdLength),
                    problem.service->id + "-" + std::to_string(first.row), &taken_ids_);
    d.path = JoinPath(JoinPath(input_.request.content_dir, "decisions"), d.id + ".md");
    d.service = problem.service->id;
    d.identified = input_.request.as_of;
    new_decisions_ = true;
    return d;
  }

  // The row giving the problem's cell of `field`: one of its rows gives it, the others leave it empty (as merged
  // cells are saved) or give the same. Reports a missing cell, with `hint`, and differing ones.
  const TemplateRow* DecisionCell(const Problem& problem, Field field, const std::string& hint) const {
    const TemplateRow* given = nullptr;
    for (const TemplateRow* row : problem.rows) {
      if ((*row)[field].empty()) continue;
      if (!given) {
        given = row;
      } else if (Key((*row)[field]) != Key((*given)[field])) {
        Error(*row, "«" + NameOf(field) + "» отличается от строки " + std::to_string(given->row) + " той же проблемы");
      }
    }
    if (!given) Error(*problem.rows.front(), "не заполнен столбец «" + NameOf(field) + "»: " + hint);
    return given;
  }

  void ReadPrevalence(const Problem& problem, Prevalence* prevalence) const {
    const TemplateRow* row = DecisionCell(problem, kPrevalence,
                                          "напишите, сколько респондентов или обращений указали на проблему, например "
                                          "«132 из 580 респондентов» или «40 из 300 обращений»");
    if (!row) return;
    std::string problem_text;
    if (const std::optional<Prevalence> parsed =
            PrevalenceCell((*row)[kPrevalence], " в столбце «" + NameOf(kPrevalence) + "»", &problem_text)) {
      *prevalence = *parsed;
    } else {
      Error(*row, problem_text);
    }
  }

  // The measures of the problem's rows: those of `before` with the same text keep their id, kind and history; new
  // ones start «planned» on `since`. `rows` gets the row of each.
  std::vector<Measure> ReadMeasures(const Problem& problem, const Decision* before, const Date& since,
                                    std::vector<int>* rows) {
    std::set<std::string> ids;  // never one of `before`'s, which may come later in the table
    if (before) {
      for (const Measure& m : before->measures) ids.insert(m.id);
    }
    std::map<std::string, int> seen;  // Key(title) → row
    std::vector<Measure> measures;
    for (const TemplateRow* row : problem.rows) {
      const std::string& title = (*row)[kMeasure];
      if (title.empty()) {
        Error(*row, "не заполнен столбец «" + NameOf(kMeasure) + "»: напишите, что будет сделано");
      } else if (const auto [it, fresh] = seen.emplace(Key(title), row->row); !fresh) {
        Error(*row, "мероприятие «" + title + "» уже есть в строке " + std::to_string(it->second) + " той же проблемы");
        continue;
      }
      if ((*row)[kResponsible].empty()) {
        Error(*row, "не заполнен столбец «" + NameOf(kResponsible) +
                        "»: напишите подразделение, которое отвечает за "
                        "мероприятие");
      }
      const std::optional<Date> deadline = ReadDeadline(*row);
      if (title.empty() || (*row)[kResponsible].empty() || !deadline) continue;
      const Measure* known = before ? FindMeasure(*before, title) : nullptr;
      Measure m = known ? *known : NewMeasure(title, since, &ids);
      m.title = title;
      m.responsible = (*row)[kResponsible];
      m.deadline = *deadline;
      measures.push_back(std::move(m));
      rows->push_back(row->row);
    }
    return measures;
  }

  std::optional<Date> ReadDeadline(const TemplateRow& row) const {
    const std::string& text = row[kDeadline];
    const std::string what =
        "напишите дату (31.12.2026), месяц (декабрь 2026), квартал (IV квартал 2026), "
        "полугодие (2 полугодие 2026) или год (2026)";
    if (text.empty()) {
      Error(row, "не заполнен столбец «" + NameOf(kDeadline) + "»: " + what);
      return std::nullopt;
    }
    std::optional<Date> deadline = DeadlineCell(text);
    if (!deadline) Error(row, "срок «" + text + "» в столбце «" + NameOf(kDeadline) + "» не распознан: " + what);
    return deadline;
  }

  static const Measure* FindMeasure(const Decision& decision, const std::string& title) {
    const auto it = std::find_if(decision.measures.begin(), decision.measures.end(),
                                 [&](const Measure& m) { return Key(m.title) == Key(title); });
    return it == decision.measures.end() ? nullptr : &*it;
  }

  Measure NewMeasure(const std::string& title, const Date& since, std::set<std::string>* ids) {
    Measure m;
    m.id = UniqueId(IdFromText(title, kMeasureIdLength), "measure", ids);
    m.kind = MeasureKind::kProcess;
    m.history.push_back({since, MeasureStatus::kPlanned, "", 0});
    new_measures_ = true;
    return m;
  }

  // The template has no status: a measure past its deadline is shown overdue until its file says otherwise.
  void WarnIfOverdue(const Decision& d, const Measure& m, int row) const {
    if (!IsOverdue(m, input_.request.as_of)) return;
    outcome_->warnings.Add(input_.path, row,
                           "срок мероприятия «" + m.title + "» (" + SheetDate(m.deadline) +
                               ") прошёл, а выполненным оно не отмечено: на сайте оно будет просроченным. Если оно "
                               "выполнено или отменено, добавьте запись в его историю (history) в " +
                               d.path + " — повторный импорт её сохранит");
  }

  const SheetInput& input_;
  DecisionImportOutcome* outcome_;
  Diagnostics* errors_;
  std::set<std::string> taken_ids_;  // decision ids of the files and of the new decisions so far
  bool new_decisions_ = false;
  bool new_measures_ = false;
};

}  // namespace

const std::vector<std::string>& PainMapTemplateColumns() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const TemplateColumn& column : Columns()) names.push_back(column.name);
    return names;
  }();
  return kNames;
}

bool IsPainMapTemplate(const std::vector<std::string>& header) {
  std::set<std::string> full_only;
  for (const std::string& name : DecisionSheetColumns()) {
    if (!ColumnOf(Key(name))) full_only.insert(Key(name));
  }
  return std::none_of(header.begin(), header.end(),
                      [&](const std::string& name) { return full_only.count(Key(name)) > 0; });
}

bool PlanTemplateSheet(const SheetInput& input, std::vector<PlannedFile>* plan, DecisionImportOutcome* outcome,
                       Diagnostics* errors) {
  const std::optional<std::array<size_t, kFieldCount>> columns = ResolveColumns(input, errors);
  if (!columns) return false;
  const std::vector<TemplateRow> rows = ReadRows(input.table, *columns);
  const size_t errors_before = errors->size();
  TemplatePlanner planner(input, outcome, errors);
  for (const Problem& problem : planner.Group(rows)) {
    if (std::optional<PlannedFile> file = planner.Plan(problem)) plan->push_back(std::move(*file));
  }
  std::sort(plan->begin(), plan->end(),
            [](const PlannedFile& a, const PlannedFile& b) { return a.decision.id < b.decision.id; });
  outcome->defaults = planner.Defaults();
  outcome->warnings.Sort();
  return errors->size() == errors_before;
}

}  // namespace otklik
