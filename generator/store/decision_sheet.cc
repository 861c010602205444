#include "store/decision_sheet.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "content/csv_writer.h"
#include "content/document.h"
#include "core/case_fold.h"
#include "core/spelling.h"
#include "store/decision_file.h"
#include "store/decision_plan.h"
#include "store/pain_map_template.h"
#include "store/sheet_cells.h"

namespace otklik {

namespace {

// Indices into DecisionSheetColumns().
enum Column : size_t {
  kDecisionId,
  kService,
  kProcess,
  kTitle,
  kPrevalence,
  kPriority,
  kMeasureId,
  kMeasureTitle,
  kKind,
  kResponsible,
  kDeadline,
  kStatus,
  kStatusDate,
  kStatusNote,
  kIdentified,
  kSituations,
  kTouchpoints,
  kEvidence,
  kColumnCount
};

// The cells that describe the decision rather than the measure: the same on each of its rows.
constexpr Column kDecisionColumns[] = {kService,    kProcess,    kTitle,       kPrevalence, kPriority,
                                       kIdentified, kSituations, kTouchpoints, kEvidence};

const std::string kSurveyPrefix = "опрос:";
const std::string kAppealsPrefix = "обращения:";
const std::string kThemePrefix = "тема:";

// --- Cells.

// "опрос:service-satisfaction/parameters.speed@2026-q1", "опрос:hotline/waited=over-5,dropped@2026-q2",
// "обращения:0002.0007@2026-q3", "тема:queues/service-satisfaction[/proposals]@2026-q3"
std::string EvidenceCell(const std::vector<Evidence>& evidence) {
  std::vector<std::string> items;
  for (const Evidence& e : evidence) {
    switch (e.kind) {
      case Evidence::Kind::kAppeals: items.push_back(kAppealsPrefix + e.topic + "@" + e.period); break;
      case Evidence::Kind::kTheme:
        items.push_back(kThemePrefix + e.theme + "/" + e.survey + (e.question.empty() ? "" : "/" + e.question) + "@" +
                        e.period);
        break;
      case Evidence::Kind::kSurvey:
        items.push_back(kSurveyPrefix + e.survey + "/" + e.question + (e.row.empty() ? "" : "." + e.row) +
                        (e.answers.empty() ? "" : "=" + JoinCells(e.answers, ",")) + "@" + e.period);
        break;
    }
  }
  return JoinCells(items, "; ");
}

std::optional<Evidence> ParseEvidence(const std::string& text) {
  const size_t colon = text.find(':');
  const size_t at = text.rfind('@');
  if (colon == std::string::npos || at == std::string::npos || at < colon) return std::nullopt;
  const std::string kind = Folded(text.substr(0, colon + 1));
  const std::string what = TrimmedCell(std::string_view(text).substr(colon + 1, at - colon - 1));
  Evidence e;
  e.period = TrimmedCell(std::string_view(text).substr(at + 1));
  if (kind == kAppealsPrefix) {
    e.kind = Evidence::Kind::kAppeals;
    e.topic = what;
    if (e.topic.empty() || e.period.empty()) return std::nullopt;
    return e;
  }
  const size_t slash = what.find('/');
  if (kind == kThemePrefix) {
    e.kind = Evidence::Kind::kTheme;
    if (slash == std::string::npos) return std::nullopt;
    e.theme = what.substr(0, slash);
    e.survey = what.substr(slash + 1);
    if (const size_t second = e.survey.find('/'); second != std::string::npos) {
      e.question = e.survey.substr(second + 1);
      e.survey.resize(second);
      if (e.question.empty()) return std::nullopt;
    }
    if (e.theme.empty() || e.survey.empty() || e.period.empty()) return std::nullopt;
    return e;
  }
  if (kind != kSurveyPrefix || slash == std::string::npos) return std::nullopt;
  e.survey = what.substr(0, slash);
  e.question = what.substr(slash + 1);
  if (const size_t equals = e.question.find('='); equals != std::string::npos) {
    for (size_t start = equals + 1; start <= e.question.size();) {
      const size_t comma = std::min(e.question.find(',', start), e.question.size());
      const std::string answer = TrimmedCell(std::string_view(e.question).substr(start, comma - start));
      if (answer.empty()) return std::nullopt;
      e.answers.push_back(answer);
      start = comma + 1;
    }
    e.question.resize(equals);
  }
  if (const size_t dot = e.question.find('.'); dot != std::string::npos) {
    e.row = e.question.substr(dot + 1);
    e.question.resize(dot);
    if (e.row.empty()) return std::nullopt;
  }
  if (e.survey.empty() || e.question.empty() || e.period.empty()) return std::nullopt;
  return e;
}

// --- Reading the table.

// One row of the table, its cells in the order of DecisionSheetColumns().
struct SheetRow {
  int row = 0;
  std::array<std::string, kColumnCount> cells;
};

// The table's column of each of ours; nullopt after reporting unknown or missing columns.
std::optional<std::array<size_t, kColumnCount>> ResolveColumns(const std::string& path, const CsvTable& table,
                                                               Diagnostics* errors) {
  const std::vector<std::string>& names = DecisionSheetColumns();
  std::array<std::optional<size_t>, kColumnCount> found;
  const size_t errors_before = errors->size();
  for (size_t c = 0; c < table.header.size(); ++c) {
    const auto ours = std::find_if(names.begin(), names.end(),
                                   [&](const std::string& name) { return Folded(name) == Folded(table.header[c]); });
    if (ours == names.end()) {
      errors->Add(path, table.header_row,
                  "неизвестный столбец «" + table.header[c] + "»" + DidYouMean(table.header[c], names) +
                      ": удалите его или назовите, как в выгрузке otklik export decisions");
    } else {
      found[static_cast<size_t>(ours - names.begin())] = c;
    }
  }
  std::array<size_t, kColumnCount> columns{};
  for (size_t ours = 0; ours < kColumnCount; ++ours) {
    if (!found[ours]) errors->Add(path, table.header_row, "нет столбца «" + names[ours] + "»");
    columns[ours] = found[ours].value_or(0);
  }
  if (errors->size() != errors_before) return std::nullopt;
  return columns;
}

// Reads the cells of one row and reports their problems as "path:row: message".
class RowReader {
 public:
  RowReader(const std::string& path, const SheetRow& row, Diagnostics* errors)
      : path_(path), row_(row), errors_(errors) {}

  int row() const { return row_.row; }
  const std::string& Cell(Column c) const { return row_.cells[c]; }

  void Error(const std::string& message) const { errors_->Add(path_, row_.row, message); }

  std::string Required(Column c) const {
    if (Cell(c).empty()) Error("не заполнен столбец «" + DecisionSheetColumns()[c] + "»");
    return Cell(c);
  }

  std::optional<Date> DateIn(Column c) const {
    if (Required(c).empty()) return std::nullopt;
    std::optional<Date> date = ParseSheetDate(Cell(c));
    if (!date) {
      Error("дата «" + Cell(c) + "» в столбце «" + DecisionSheetColumns()[c] +
            "» не распознана: ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД");
    }
    return date;
  }

  // A label of `labels` (or the id of `names` in the same place), in any case.
  template <typename Enum>
  std::optional<Enum> Choice(Column c, const std::vector<std::string>& labels,
                             const std::vector<std::string>& names) const {
    if (Required(c).empty()) return std::nullopt;
    const std::string folded = Folded(Cell(c));
    for (size_t i = 0; i < labels.size(); ++i) {
      if (folded == Folded(labels[i]) || folded == names[i]) return static_cast<Enum>(i);
    }
    Error("недопустимое значение «" + Cell(c) + "» в столбце «" + DecisionSheetColumns()[c] + "»" +
          DidYouMean(folded, labels) + "; допустимые значения: " + JoinWithCommas(labels));
    return std::nullopt;
  }

 private:
  const std::string& path_;
  const SheetRow& row_;
  Diagnostics* errors_;
};

// Turns the rows of one decision into the decision, over the file's (`before`, or nullptr for a new one).
class DecisionPlanner {
 public:
  DecisionPlanner(const std::string& path, const Site& site, const std::string& content_dir, Diagnostics* errors)
      : path_(path), site_(site), content_dir_(content_dir), errors_(errors) {}

  std::optional<PlannedFile> Plan(const std::string& id, const std::vector<SheetRow>& rows,
                                  const Decision* before) const {
    const size_t errors_before = errors_->size();
    CheckSameDecisionCells(rows);
    Decision d;
    if (before) {
      d = *before;
    } else {
      d.id = id;
      d.path = JoinPath(JoinPath(content_dir_, "decisions"), id + ".md");
    }
    ReadDecisionCells(RowReader(path_, rows.front(), errors_), before != nullptr, &d);
    d.measures.clear();
    std::map<std::string, int> measure_rows;
    std::vector<int> rows_of_measures;
    for (const SheetRow& row : rows) {
      const RowReader reader(path_, row, errors_);
      const std::string measure_id = reader.Required(kMeasureId);
      if (const auto [it, fresh] = measure_rows.emplace(measure_id, row.row); !fresh && !measure_id.empty()) {
        reader.Error("мероприятие «" + measure_id + "» уже есть в строке " + std::to_string(it->second) +
                     " того же решения");
        continue;
      }
      d.measures.push_back(ReadMeasure(reader, before ? FindMeasure(*before, measure_id) : nullptr, d.path));
      rows_of_measures.push_back(row.row);
    }
    if (errors_->size() != errors_before) return std::nullopt;
    return PlanFile(std::move(d), before, std::move(rows_of_measures));
  }

 private:
  static const Measure* FindMeasure(const Decision& decision, const std::string& id) {
    const auto it =
        std::find_if(decision.measures.begin(), decision.measures.end(), [&](const Measure& m) { return m.id == id; });
    return it == decision.measures.end() ? nullptr : &*it;
  }

  void CheckSameDecisionCells(const std::vector<SheetRow>& rows) const {
    for (size_t r = 1; r < rows.size(); ++r) {
      for (const Column c : kDecisionColumns) {
        if (rows[r].cells[c] == rows.front().cells[c]) continue;
        errors_->Add(path_, rows[r].row,
                     "«" + DecisionSheetColumns()[c] + "» отличается от строки " + std::to_string(rows.front().row) +
                         " того же решения");
      }
    }
  }

  void ReadDecisionCells(const RowReader& reader, bool exists, Decision* d) const {
    d->service = reader.Required(kService);
    const std::string process = reader.Required(kProcess);
    if (const Service* service = site_.FindService(d->service)) {
      if (!process.empty() && Folded(process) != Folded(service->title)) {
        reader.Error("«" + DecisionSheetColumns()[kProcess] + "» «" + process + "» не совпадает с названием услуги «" +
                     d->service + "» («" + service->title + "», " + service->path + "): исправьте одно из двух");
      }
    } else if (!d->service.empty()) {
      std::vector<std::string> ids;
      for (const Service& s : site_.services()) ids.push_back(s.id);
      reader.Error("неизвестная услуга «" + d->service + "»" + DidYouMean(d->service, ids));
    }
    d->title = reader.Required(kTitle);
    ReadPrevalence(reader, &d->prevalence);
    d->priority = reader.Choice<Priority>(kPriority, PriorityLabels(), PriorityNames()).value_or(d->priority);
    if (!exists || !reader.Cell(kIdentified).empty())
      d->identified = reader.DateIn(kIdentified).value_or(d->identified);
    d->situations = SplitCell(reader.Cell(kSituations), ',');
    d->touchpoints = SplitCell(reader.Cell(kTouchpoints), ',');
    if (!exists || !reader.Cell(kEvidence).empty()) ReadEvidence(reader, &d->evidence);
  }

  static void ReadPrevalence(const RowReader& reader, Prevalence* prevalence) {
    const std::string text = reader.Required(kPrevalence);
    if (text.empty()) return;
    std::string problem;
    if (const std::optional<Prevalence> parsed = PrevalenceCell(text, "", &problem)) {
      *prevalence = *parsed;
    } else {
      reader.Error(problem);
    }
  }

  static void ReadEvidence(const RowReader& reader, std::vector<Evidence>* evidence) {
    evidence->clear();
    for (const std::string& item : SplitCell(reader.Required(kEvidence), ';')) {
      if (std::optional<Evidence> e = ParseEvidence(item)) {
        evidence->push_back(std::move(*e));
      } else {
        reader.Error("основание «" + item + "» не распознано: ожидается " + kSurveyPrefix +
                     "<опрос>/<вопрос>[.<строка>]@<период>, " + kAppealsPrefix +
                     "<тема>@<квартал> или " + kThemePrefix + "<тема>/<опрос>[/<вопрос>]@<период>, несколько — через «; »");
      }
    }
  }

  // The row's measure; its history is `before`'s, brought up to the row's status.
  Measure ReadMeasure(const RowReader& reader, const Measure* before, const std::string& file) const {
    Measure m;
    m.id = reader.Cell(kMeasureId);
    m.title = reader.Required(kMeasureTitle);
    m.kind = reader.Choice<MeasureKind>(kKind, MeasureKindLabels(), MeasureKindNames()).value_or(m.kind);
    m.responsible = reader.Required(kResponsible);
    m.deadline = reader.DateIn(kDeadline).value_or(m.deadline);
    const std::optional<MeasureStatus> status =
        reader.Choice<MeasureStatus>(kStatus, MeasureStatusLabels(), MeasureStatusNames());
    const std::optional<Date> date = reader.DateIn(kStatusDate);
    if (!status || !date) return m;
    const StatusChange change{*date, *status, reader.Cell(kStatusNote), 0};
    if (change.status == MeasureStatus::kCancelled && change.note.empty()) {
      reader.Error("мероприятие отменено без причины: укажите её в столбце «" + DecisionSheetColumns()[kStatusNote] +
                   "»");
    }
    if (before) m.history = before->history;
    if (m.history.empty() || m.history.back().date < change.date) {
      m.history.push_back(change);
      return m;
    }
    const StatusChange& last = m.history.back();
    if (last.date == change.date) {
      if (last.status != change.status || last.note != change.note) m.history.back() = change;  // a correction
      return m;
    }
    reader.Error("дата статуса " + SheetDate(change.date) + " раньше последней записи в истории мероприятия «" + m.id +
                 "» (" + SheetDate(last.date) + ", «" + MeasureStatusLabels()[static_cast<size_t>(last.status)] +
                 "»): в таблице можно добавить новый статус или исправить последний, более ранние записи правятся в " +
                 file);
    return m;
  }

  const std::string& path_;
  const Site& site_;
  const std::string& content_dir_;
  Diagnostics* errors_;
};

// The rows of `table` by decision id, each in table order, in our columns; false after reporting a problem with the
// columns. A row without a usable decision id is reported and left out.
bool ReadSheet(const std::string& path, const CsvTable& table,
               std::map<std::string, std::vector<SheetRow>>* by_decision, Diagnostics* errors) {
  const std::optional<std::array<size_t, kColumnCount>> columns = ResolveColumns(path, table, errors);
  if (!columns) return false;
  for (const CsvRow& row : table.rows) {
    SheetRow sheet_row{row.row, {}};
    for (size_t c = 0; c < kColumnCount; ++c) sheet_row.cells[c] = std::string(FromSpreadsheet(row.cells[(*columns)[c]]));
    const std::string& id = sheet_row.cells[kDecisionId];
    if (id.empty() || !IsValidId(id)) {
      const std::string problem = id.empty()
                                      ? "не заполнен столбец «" + DecisionSheetColumns()[kDecisionId] + "»"
                                      : "код решения «" + id +
                                            "» не годится для имени файла: используйте строчные латинские буквы, "
                                            "цифры и дефис";
      errors->Add(path, row.row, problem);
      continue;
    }
    (*by_decision)[id].push_back(std::move(sheet_row));
  }
  return true;
}

// Every decision of the full table as it will be written; false after reporting a problem.
bool PlanFullSheet(const SheetInput& input, std::vector<PlannedFile>* plan, Diagnostics* errors) {
  std::map<std::string, std::vector<SheetRow>> by_decision;
  if (!ReadSheet(input.path, input.table, &by_decision, errors)) return false;
  std::map<std::string, const Decision*> existing;
  for (const Decision& decision : input.decisions) existing[decision.id] = &decision;
  const DecisionPlanner planner(input.path, input.site, input.request.content_dir, errors);
  bool ok = true;
  for (const auto& [id, rows] : by_decision) {
    const auto before = existing.find(id);
    std::optional<PlannedFile> file = planner.Plan(id, rows, before == existing.end() ? nullptr : before->second);
    if (file) plan->push_back(std::move(*file));
    ok = ok && file.has_value();
  }
  return ok;
}

// By file and row; within a row in the order of its columns, as they were read.
void AppendByRow(const Diagnostics& found, Diagnostics* errors) {
  std::vector<Diagnostic> items = found.items();
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.line) < std::tie(b.path, b.line);
  });
  for (Diagnostic& item : items) errors->Add(std::move(item));
}

}  // namespace

const std::vector<std::string>& DecisionSheetColumns() {
  static const std::vector<std::string> kColumns = {"Код решения",
                                                    "Код услуги",
                                                    "Наименование процесса",
                                                    "Выявленные проблемы/потенциальные потребности клиентов",
                                                    "Распространенность проблемы",
                                                    "Приоритетность решения проблемы/удовлетворения потребности",
                                                    "Код мероприятия",
                                                    "Необходимые к реализации мероприятия",
                                                    "Вид мероприятия",
                                                    "Ответственный",
                                                    "Срок реализации",
                                                    "Статус",
                                                    "Дата статуса",
                                                    "Комментарий к статусу",
                                                    "Дата выявления",
                                                    "Жизненные ситуации",
                                                    "Точки взаимодействия",
                                                    "Основание"};
  return kColumns;
}

std::string ExportDecisionSheet(const Site& site, const std::vector<Decision>& decisions) {
  std::vector<const Decision*> ordered;
  for (const Decision& decision : decisions) ordered.push_back(&decision);
  SortByPriority(&ordered);
  std::string out = "\xEF\xBB\xBF" + CsvRecord(DecisionSheetColumns(), ';');
  for (const Decision* d : ordered) {
    const Service* service = site.FindService(d->service);
    for (const Measure& m : d->measures) {
      const StatusChange last = m.history.empty() ? StatusChange{} : m.history.back();
      out += CsvRecord({d->id, d->service, service ? service->title : "", d->title, d->prevalence.Text(),
                      PriorityLabels()[static_cast<size_t>(d->priority)], m.id, m.title,
                      MeasureKindLabels()[static_cast<size_t>(m.kind)], m.responsible, SheetDate(m.deadline),
                      MeasureStatusLabels()[static_cast<size_t>(last.status)], SheetDate(last.date), last.note,
                      SheetDate(d->identified), JoinCells(d->situations, ", "), JoinCells(d->touchpoints, ", "),
                      EvidenceCell(d->evidence)},
                       ';');
    }
  }
  return out;
}

size_t DecisionImportOutcome::Count(DecisionFileChange::Kind kind) const {
  return static_cast<size_t>(
      std::count_if(files.begin(), files.end(), [&](const DecisionFileChange& file) { return file.kind == kind; }));
}

bool ImportDecisionSheet(FileSystem& fs, const std::string& path, const CsvTable& table, const Site& site,
                         const Appeals& appeals, const std::vector<Decision>& decisions,
                         const DecisionImportRequest& request, DecisionImportOutcome* outcome, Diagnostics* errors) {
  const SheetInput input{path, table, site, appeals, decisions, request};
  outcome->rows = table.rows.size();
  outcome->template_columns = IsPainMapTemplate(table.header);
  std::vector<PlannedFile> plan;
  Diagnostics found;
  const bool planned = (outcome->template_columns ? PlanTemplateSheet(input, &plan, outcome, &found)
                                                  : PlanFullSheet(input, &plan, &found)) &&
                       CheckPlanned(input, plan, &found) && found.empty();
  AppendByRow(found, errors);
  if (!planned) return false;

  std::set<std::string> in_table;
  for (const PlannedFile& file : plan) in_table.insert(file.change.path);
  for (const Decision& decision : decisions) {
    if (!in_table.count(decision.path)) outcome->untouched.push_back(decision.path);
  }
  for (PlannedFile& file : plan) {
    if (file.change.kind != DecisionFileChange::Kind::kUnchanged && !request.dry_run) {
      if (Status written = fs.ReplaceFile(file.change.path, file.text); !written.ok()) {
        errors->Add("", 0, written.message());
        return false;
      }
    }
    outcome->files.push_back(std::move(file.change));
  }
  return true;
}

}  // namespace otklik
