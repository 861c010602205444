#include "model/decision.h"

#include "core/ratio.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "content/document.h"
#include "content/field_reader.h"
#include "core/period.h"
#include "core/plural.h"
#include "core/spelling.h"
#include "model/site_loader.h"

namespace otklik {

const std::vector<std::string>& MeasureStatusNames() {
  static const std::vector<std::string> kNames = {"planned", "in-progress", "done", "cancelled"};
  return kNames;
}

const std::vector<std::string>& MeasureKindNames() {
  static const std::vector<std::string> kNames = {"process", "site", "portal", "regulation", "act"};
  return kNames;
}

const std::vector<std::string>& PriorityNames() {
  static const std::vector<std::string> kNames = {"high", "medium", "low"};
  return kNames;
}

const std::vector<std::string>& PrevalenceUnitNames() {
  static const std::vector<std::string> kNames = {"respondents", "appeals"};
  return kNames;
}

const std::vector<std::string>& MeasureStatusLabels() {
  static const std::vector<std::string> kLabels = {"запланировано", "выполняется", "выполнено", "отменено"};
  return kLabels;
}

const std::vector<std::string>& MeasureKindLabels() {
  // Seed 000 §4.8 а–е, in its words.
  static const std::vector<std::string> kLabels = {
      "Изменение процесса предоставления услуги", "Доработка сайта и информационных систем",
      "Предложение о доработке единого портала", "Предложение об изменении регулирования",
      "Изменение ведомственных актов"};
  return kLabels;
}

const std::vector<std::string>& PriorityLabels() {
  static const std::vector<std::string> kLabels = {"высокий", "средний", "низкий"};
  return kLabels;
}

std::string Prevalence::Text() const {
  std::string text = std::to_string(count) + " из " + std::to_string(base) + " ";
  text += unit == PrevalenceUnit::kRespondents ? RussianPlural(base, "респондента", "респондентов", "респондентов")
                                               : RussianPlural(base, "обращения", "обращений", "обращений");
  if (base > 0) text += " (" + FormatPercent({static_cast<uint64_t>(count), static_cast<uint64_t>(base)}) + ")";
  return text;
}

const Question* OpenQuestionOf(const Survey& survey, const std::string& question) {
  const Question* found = nullptr;
  for (const Question& q : survey.questions) {
    if (q.kind != QuestionKind::kText) continue;
    if (q.id == question) return &q;
    if (question.empty()) {
      if (found) return nullptr;  // more than one: the evidence must name it
      found = &q;
    }
  }
  return found;
}

MeasureStatus StatusOn(const Measure& measure, const Date& as_of) {
  MeasureStatus status = MeasureStatus::kPlanned;
  for (const StatusChange& change : measure.history) {
    if (change.date > as_of) break;
    status = change.status;
  }
  return status;
}

std::vector<StatusChange> HistoryOn(const Measure& measure, const Date& as_of) {
  std::vector<StatusChange> out;
  for (const StatusChange& change : measure.history) {
    if (change.date <= as_of) out.push_back(change);
  }
  return out;
}

bool IsOverdue(const Measure& measure, const Date& as_of) {
  const MeasureStatus status = StatusOn(measure, as_of);
  return measure.deadline < as_of && status != MeasureStatus::kDone && status != MeasureStatus::kCancelled;
}

DecisionState StateOf(const Decision& decision, const Date& as_of, int due_soon_days) {
  DecisionState state;
  size_t done = 0;
  size_t cancelled = 0;
  bool started = false;
  for (const Measure& measure : decision.measures) {
    const MeasureStatus status = StatusOn(measure, as_of);
    if (status == MeasureStatus::kDone) {
      ++done;
      // The day it was done: its last "done" entry by `as_of`.
      for (const StatusChange& change : HistoryOn(measure, as_of)) {
        if (change.status == MeasureStatus::kDone && (!state.completed || *state.completed < change.date)) {
          state.completed = change.date;
        }
      }
      continue;
    }
    if (status == MeasureStatus::kCancelled) {
      ++cancelled;
      continue;
    }
    if (status == MeasureStatus::kInProgress) started = true;
    if (measure.deadline < as_of) state.overdue = true;
    if (!state.next_deadline || measure.deadline < *state.next_deadline) state.next_deadline = measure.deadline;
  }
  const size_t measures = decision.measures.size();
  if (done + cancelled == measures && done > 0) {
    state.kind = DecisionState::Kind::kDone;
  } else if (cancelled == measures) {
    state.kind = DecisionState::Kind::kCancelled;
  } else if (started || done > 0) {
    state.kind = DecisionState::Kind::kInProgress;
  }
  if (state.kind != DecisionState::Kind::kDone) state.completed.reset();
  state.due_soon = !state.overdue && state.next_deadline && *state.next_deadline <= as_of.AddDays(due_soon_days);
  return state;
}

void SortByPriority(std::vector<const Decision*>* decisions) {
  std::sort(decisions->begin(), decisions->end(), [](const Decision* a, const Decision* b) {
    if (a->priority != b->priority) return a->priority < b->priority;
    // Shares compared exactly, count/base by cross-multiplying.
    const long lhs = a->prevalence.count * std::max(b->prevalence.base, 1L);
    const long rhs = b->prevalence.count * std::max(a->prevalence.base, 1L);
    if (lhs != rhs) return lhs > rhs;
    if (a->prevalence.count != b->prevalence.count) return a->prevalence.count > b->prevalence.count;
    return a->id < b->id;
  });
}

bool IsPeriodKey(const std::string& key) { return Period::FromKey(key).has_value(); }

namespace {

template <typename Enum>
Enum EnumOf(const std::string& name, const std::vector<std::string>& names) {
  const auto it = std::find(names.begin(), names.end(), name);
  return static_cast<Enum>(it == names.end() ? 0 : it - names.begin());
}

// A required date; reports a missing one.
Date RequiredDate(FieldReader& fields, const std::string& key) {
  if (!fields.Has(key)) fields.Error(fields.line(), "не заполнено обязательное поле «" + key + "» (ГГГГ-ММ-ДД)");
  return fields.OptionalDate(key).value_or(Date());
}

long RequiredCount(FieldReader& fields, const std::string& key) {
  if (!fields.Has(key)) fields.Error(fields.line(), "не заполнено обязательное поле «" + key + "»");
  return fields.Int(key, 0, 0, 100000000);
}

class DecisionReader {
 public:
  DecisionReader(const Site& site, const Appeals& appeals, const Date& latest)
      : site_(site), appeals_(appeals), latest_(latest) {}

  std::optional<Decision> Read(const Document& doc, Diagnostics* diagnostics) const {
    FieldReader fields(doc.front_matter, doc.path, diagnostics);
    Decision d;
    d.id = doc.id;
    d.path = doc.path;
    d.body = doc.body;
    d.title = fields.RequiredString("title");
    const std::string service = fields.RequiredString("service");
    const int service_line = fields.LineOf("service");
    const std::vector<Ref> situations = fields.RefList("situations");
    const std::vector<Ref> touchpoints = fields.RefList("touchpoints");
    d.identified = RequiredDate(fields, "identified");
    CheckNotLater(fields, fields.LineOf("identified"), d.identified, "дата выявления проблемы");
    d.priority = EnumOf<Priority>(fields.Choice("priority", PriorityNames()), PriorityNames());
    if (fields.Has("prevalence")) {
      d.prevalence = ReadPrevalence(fields.Map("prevalence"));
    } else {
      fields.Error(fields.line(), "не заполнено обязательное поле «prevalence» (count, base, unit): сколько "
                                  "респондентов или обращений указали на проблему");
    }
    for (FieldReader& item : fields.MapList("evidence")) d.evidence.push_back(ReadEvidence(item));
    if (d.evidence.empty() && !fields.Has("evidence")) {
      fields.Error(fields.line(), "не указано основание (поле «evidence»): какой вопрос опроса или тема обращений "
                                  "показали проблему?");
    }
    std::set<std::string> measure_ids;
    for (FieldReader& item : fields.MapList("measures")) {
      Measure measure = ReadMeasure(item, d.identified);
      if (!measure.id.empty() && !measure_ids.insert(measure.id).second) {
        item.Error(item.LineOf("id"), "мероприятие «" + measure.id + "» уже есть в этом решении");
      }
      d.measures.push_back(std::move(measure));
    }
    if (d.measures.empty() && !fields.Has("measures")) {
      fields.Error(fields.line(), "не указаны мероприятия (поле «measures»): что будет сделано?");
    }
    fields.Finish();

    // References.
    std::vector<std::string> ids;
    for (const Service& s : site_.services()) ids.push_back(s.id);
    if (!service.empty()) {
      ResolveRefs({{service, service_line}}, ids, d.path, "неизвестная услуга", diagnostics);
      d.service = service;
    }
    ids.clear();
    for (const LifeSituation& s : site_.situations()) ids.push_back(s.id);
    d.situations = ResolveRefs(situations, ids, d.path, "неизвестная жизненная ситуация", diagnostics);
    ids.clear();
    for (const Touchpoint& t : site_.touchpoints()) ids.push_back(t.id);
    d.touchpoints = ResolveRefs(touchpoints, ids, d.path, "неизвестная точка взаимодействия", diagnostics);
    for (const Evidence& evidence : d.evidence) CheckEvidence(d.path, evidence, diagnostics);
    return d;
  }

 private:
  static Prevalence ReadPrevalence(FieldReader fields) {
    Prevalence p;
    p.count = RequiredCount(fields, "count");
    p.base = RequiredCount(fields, "base");
    p.unit = EnumOf<PrevalenceUnit>(fields.Choice("unit", PrevalenceUnitNames()), PrevalenceUnitNames());
    if (p.count > p.base) {
      fields.Error(fields.LineOf("count"), "«count» (" + std::to_string(p.count) + ") больше «base» (" +
                                               std::to_string(p.base) +
                                               "): с проблемой не может столкнуться больше людей, чем всего");
    } else if (p.base == 0 && fields.Has("base")) {
      fields.Error(fields.LineOf("base"), "«base» должно быть больше нуля");
    }
    fields.Finish();
    return p;
  }

  void CheckNotLater(const FieldReader& fields, int line, const Date& date, const std::string& what) const {
    if (date > latest_) {
      fields.Error(line, what + " " + date.ToString() + " ещё не наступила; проверьте год");
    }
  }

  Evidence ReadEvidence(FieldReader& item) const {
    Evidence e;
    e.line = item.line();
    if (item.Has("topic") || item.Has("quarter")) {
      e.kind = Evidence::Kind::kAppeals;
      e.topic = item.RequiredString("topic");
      e.period = item.RequiredString("quarter");
    } else if (item.Has("theme")) {
      e.kind = Evidence::Kind::kTheme;
      e.theme = item.RequiredString("theme");
      e.survey = item.RequiredString("survey");
      e.question = item.OptionalString("question");
      e.period = item.RequiredString("period");
    } else {
      e.survey = item.RequiredString("survey");
      e.question = item.RequiredString("question");
      e.row = item.OptionalString("row");
      for (const Ref& answer : item.RefList("answers")) e.answers.push_back(answer.id);
      e.period = item.RequiredString("period");
    }
    switch (e.kind) {
      case Evidence::Kind::kAppeals: item.Finish({"topic", "quarter"}); break;
      case Evidence::Kind::kTheme: item.Finish({"theme", "survey", "question", "period"}); break;
      case Evidence::Kind::kSurvey: item.Finish({"survey", "question", "row", "answers", "period"}); break;
    }
    return e;
  }

  Measure ReadMeasure(FieldReader& item, const Date& identified) const {
    Measure m;
    m.line = item.line();
    m.id = item.RequiredString("id");
    if (!m.id.empty() && !IsValidId(m.id)) {
      item.Error(item.LineOf("id"), "идентификатор мероприятия «" + m.id +
                                        "» должен состоять из строчных латинских букв, цифр и дефисов");
    }
    m.title = item.RequiredString("title");
    m.kind = EnumOf<MeasureKind>(item.Choice("kind", MeasureKindNames()), MeasureKindNames());
    m.responsible = item.RequiredString("responsible");
    m.deadline = RequiredDate(item, "deadline");
    for (FieldReader& entry : item.MapList("history")) {
      StatusChange change;
      change.line = entry.line();
      change.date = RequiredDate(entry, "date");
      change.status = EnumOf<MeasureStatus>(entry.Choice("status", MeasureStatusNames()), MeasureStatusNames());
      change.note = entry.OptionalString("note");
      entry.Finish();
      if (change.status == MeasureStatus::kCancelled && change.note.empty()) {
        entry.Error(change.line, "отмена мероприятия без причины: укажите её в поле «note»");
      }
      if (change.date < identified) {
        entry.Error(entry.LineOf("date"), "статус от " + change.date.ToString() +
                                              " раньше, чем проблема выявлена (" + identified.ToString() + ")");
      } else if (!m.history.empty() && change.date < m.history.back().date) {
        entry.Error(entry.LineOf("date"), "даты истории идут не по порядку: " + change.date.ToString() +
                                              " раньше предыдущей записи " + m.history.back().date.ToString());
      }
      CheckNotLater(entry, entry.LineOf("date"), change.date, "дата статуса");
      m.history.push_back(std::move(change));
    }
    if (m.history.empty() && !item.Has("history")) {
      item.Error(item.line(), "не указана история статусов (поле «history»): хотя бы дата, когда мероприятие "
                              "запланировано");
    }
    item.Finish();
    return m;
  }

  void CheckEvidence(const std::string& path, const Evidence& e, Diagnostics* diagnostics) const {
    if (e.kind == Evidence::Kind::kAppeals) {
      if (!e.topic.empty() && !appeals_.TitleOf(e.topic)) {
        // The deepest known level above it, if any: the agency may need to add its own levels.
        std::string known;
        for (size_t dot = e.topic.find('.'); dot != std::string::npos; dot = e.topic.find('.', dot + 1)) {
          if (appeals_.TitleOf(e.topic.substr(0, dot))) known = e.topic.substr(0, dot);
        }
        std::vector<std::string> codes;
        for (const ClassifierEntry& entry : appeals_.classifier) codes.push_back(entry.code);
        diagnostics->Add(path, e.line,
                         "тема «" + e.topic + "» не найдена в тематическом классификаторе" +
                             (known.empty() ? DidYouMean(e.topic, codes)
                                            : "; есть раздел «" + known + "» (" + *appeals_.TitleOf(known) +
                                                  "), более глубокие уровни добавьте в appeals/classifier.yaml"));
      }
      if (e.period.empty()) return;
      const std::optional<std::pair<int, int>> quarter = ParseQuarterKey(e.period);
      if (!quarter) {
        diagnostics->Add(path, e.line, "квартал «" + e.period + "» нужно записать как ГГГГ-qN, например 2026-q1");
        return;
      }
      const bool has_file = std::any_of(appeals_.quarters.begin(), appeals_.quarters.end(), [&](const AppealQuarter& q) {
        return q.year == quarter->first && q.quarter == quarter->second;
      });
      if (!has_file) {
        diagnostics->Add(path, e.line, "за квартал " + e.period + " нет записей об обращениях (appeals/" + e.period +
                                           ".csv)");
      }
      return;
    }
    if (!e.period.empty() && !IsPeriodKey(e.period)) {
      diagnostics->Add(path, e.line, "период «" + e.period + "» нужно записать как квартал (2026-q1), полугодие "
                                         "(2026-h1) или год (2026)");
    }
    const Survey* survey = site_.FindSurvey(e.survey);
    if (!survey) {
      if (e.survey.empty()) return;
      std::vector<std::string> ids;
      for (const Survey& s : site_.surveys()) ids.push_back(s.id);
      diagnostics->Add(path, e.line, "неизвестный опрос «" + e.survey + "»" + DidYouMean(e.survey, ids));
      return;
    }
    if (survey->unreadable) return;  // its file's errors are reported
    if (survey->audience == Audience::kInternal) {
      diagnostics->Add(path, e.line, "опрос «" + e.survey + "» внутренний: его результаты не публикуются, "
                                         "сошлитесь на внешний опрос");
    }
    if (e.kind == Evidence::Kind::kTheme) {
      CheckTheme(path, e, *survey, diagnostics);
      return;
    }
    const Question* question = survey->FindQuestion(e.question);
    if (!question) {
      if (e.question.empty()) return;
      std::vector<std::string> ids;
      for (const Question& q : survey->questions) ids.push_back(q.id);
      diagnostics->Add(path, e.line, "в опросе «" + e.survey + "» нет вопроса «" + e.question + "»" +
                                         DidYouMean(e.question, ids));
      return;
    }
    if (IsSingleChoice(question->kind) && question->kind != QuestionKind::kScale &&
        question->kind != QuestionKind::kSatisfaction) {
      CheckAnswers(path, e, *question, diagnostics);
      return;
    }
    if (!e.answers.empty()) {
      diagnostics->Add(path, e.line, "у вопроса «" + e.question + "» оценки, а не варианты ответа: уберите «answers»");
    }
    switch (question->kind) {
      case QuestionKind::kScale:
      case QuestionKind::kSatisfaction:
        if (!e.row.empty()) {
          diagnostics->Add(path, e.line, "у вопроса «" + e.question + "» нет строк: уберите «row»");
        }
        return;
      case QuestionKind::kMatrix: {
        std::vector<std::string> rows;
        for (const MatrixRow& row : question->rows) rows.push_back(row.id);
        if (e.row.empty()) {
          diagnostics->Add(path, e.line, "вопрос «" + e.question + "» — таблица оценок: укажите строку в поле "
                                             "«row» (" + JoinWithCommas(rows) + ")");
        } else if (std::find(rows.begin(), rows.end(), e.row) == rows.end()) {
          diagnostics->Add(path, e.line, "в вопросе «" + e.question + "» нет строки «" + e.row + "»" +
                                             DidYouMean(e.row, rows));
        }
        return;
      }
      default:
        diagnostics->Add(path, e.line, "вопрос «" + e.question + "» не оценочный: эффект решения измеряется по "
                                           "вопросу со шкалой 1–5, таблице оценок, вопросу «удовлетворены ли вы» "
                                           "или по доле выбравших варианты ответа одного выбора («answers»)");
    }
  }

  // A theme of the open answers to a question of `survey`.
  void CheckTheme(const std::string& path, const Evidence& e, const Survey& survey, Diagnostics* diagnostics) const {
    const Themes& themes = site_.themes();
    const std::optional<size_t> theme = themes.Find(e.theme);
    if (!theme) {
      std::vector<std::string> ids;
      for (const Theme& t : themes.themes) ids.push_back(t.id);
      diagnostics->Add(path, e.line, "темы «" + e.theme + "» нет в themes.yaml" + DidYouMean(e.theme, ids));
    } else if (!(themes.For(survey.id, survey.series) >> *theme & 1)) {
      diagnostics->Add(path, e.line, "тема «" + e.theme + "» не кодирует ответы опроса «" + survey.id +
                                         "»: добавьте опрос в её поле «surveys» в themes.yaml");
    }
    std::vector<std::string> open;
    for (const Question& q : survey.questions) {
      if (q.kind == QuestionKind::kText) open.push_back(q.id);
    }
    if (e.question.empty()) {
      if (open.size() != 1) {
        diagnostics->Add(path, e.line, open.empty() ? "в опросе «" + survey.id + "» нет открытых вопросов"
                                                    : "в опросе «" + survey.id + "» несколько открытых вопросов: "
                                                      "укажите в поле «question» один из них (" +
                                                          JoinWithCommas(open) + ")");
      }
    } else if (std::find(open.begin(), open.end(), e.question) == open.end()) {
      diagnostics->Add(path, e.line, survey.FindQuestion(e.question)
                                         ? "вопрос «" + e.question + "» не открытый: темы бывают только у "
                                           "ответов своими словами"
                                         : "в опросе «" + survey.id + "» нет вопроса «" + e.question + "»" +
                                               DidYouMean(e.question, open));
    }
  }

  // A question with one answer to choose: the answers that show the problem.
  void CheckAnswers(const std::string& path, const Evidence& e, const Question& question,
                    Diagnostics* diagnostics) const {
    std::vector<std::string> ids;
    for (const Option& option : question.options) ids.push_back(option.id);
    if (e.answers.empty()) {
      diagnostics->Add(path, e.line, "у вопроса «" + e.question + "» варианты ответа: перечислите в поле «answers» "
                                         "те, что говорят о проблеме (" + JoinWithCommas(ids) + ")");
    }
    for (const std::string& answer : e.answers) {
      if (std::find(ids.begin(), ids.end(), answer) == ids.end()) {
        diagnostics->Add(path, e.line, "в вопросе «" + e.question + "» нет ответа «" + answer + "»" +
                                           DidYouMean(answer, ids));
      }
    }
  }

  const Site& site_;
  const Appeals& appeals_;
  Date latest_;
};

}  // namespace

std::optional<std::vector<Decision>> LoadDecisions(const FileSystem& fs, const std::string& content_dir,
                                                   const Site& site, const Appeals& appeals, const Date& latest,
                                                   Diagnostics* diagnostics) {
  Diagnostics found;
  const std::string dir = JoinPath(content_dir, "decisions");
  std::vector<Decision> out;
  const DecisionReader reader(site, appeals, latest);
  for (const std::string& file : fs.ListFiles(dir)) {
    const std::string path = JoinPath(dir, file);
    if (!file.ends_with(".md")) {
      found.Add(path, 0, "файл не будет прочитан: решения карты болей — файлы Markdown с расширением .md");
      continue;
    }
    Result<std::string> text = fs.ReadFile(path);
    if (!text.ok()) {
      found.Add("", 0, text.status().message());
      continue;
    }
    std::optional<Document> doc = ParseDocument(path, text.value(), &found);
    if (!doc) continue;
    if (!IsValidId(doc->id)) {
      found.Add(path, 0, "имя файла «" + doc->id +
                             "» не годится для адреса страницы: используйте строчные латинские буквы, цифры и дефис");
      continue;
    }
    if (std::optional<Decision> decision = reader.Read(*doc, &found)) out.push_back(std::move(*decision));
  }
  found.Sort();
  diagnostics->Append(found);
  if (!found.empty()) return std::nullopt;
  std::sort(out.begin(), out.end(), [](const Decision& a, const Decision& b) { return a.id < b.id; });
  return out;
}

}  // namespace otklik
