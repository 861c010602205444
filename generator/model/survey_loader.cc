#include "model/survey_loader.h"

#include <algorithm>
#include <map>

#include "content/document.h"
#include "content/field_reader.h"
#include "core/parallel.h"
#include "core/spelling.h"
#include "core/utf8.h"
#include "model/messages.h"
#include "model/personal_data.h"
#include "model/survey_waves.h"

namespace otklik {

namespace {

constexpr int kDefaultMaxLength = 1000;
constexpr int kLongestText = 5000;

// The words of the fixed answers and of a scale's ends: the built-in
// catalogue's (form.answer_*, form.scale_*), read as surveys load, before any
// theme; a survey renames them with `labels`, `low` and `high`.
const Messages& BuiltInMessages() {
  static const Messages kMessages = Messages::Defaults(AgencyWords{});
  return kMessages;
}

using FixedPairs = std::vector<std::pair<const char*, const char*>>;

// The fixed answer sets, the same in every survey so that results compare:
// each answer's code and the message of its words (none: the code is the words).
const std::map<QuestionKind, FixedPairs>& FixedSets() {
  static const std::map<QuestionKind, FixedPairs> kSets = {
      {QuestionKind::kSatisfaction,
       {{"satisfied", "form.answer_satisfied"},
        {"dissatisfied", "form.answer_dissatisfied"},
        {"unsure", "form.answer_unsure"}}},
      {QuestionKind::kYesNo, {{"yes", "form.answer_yes"}, {"no", "form.answer_no"}, {"unsure", "form.answer_unsure"}}},
      {QuestionKind::kSex, {{"male", "form.answer_male"}, {"female", "form.answer_female"}}},
      {QuestionKind::kAge,
       {{"18-29", "form.answer_age_18_29"},
        {"30-44", "form.answer_age_30_44"},
        {"45-60", "form.answer_age_45_60"},
        {"61-plus", "form.answer_age_61_plus"}}},
      {QuestionKind::kEducation,
       {{"higher", "form.answer_higher"},
        {"incomplete-higher", "form.answer_incomplete_higher"},
        {"vocational", "form.answer_vocational"},
        {"secondary", "form.answer_secondary"},
        {"below-secondary", "form.answer_below_secondary"}}},
      {QuestionKind::kScale, {{"1", nullptr}, {"2", nullptr}, {"3", nullptr}, {"4", nullptr}, {"5", nullptr}}},
  };
  return kSets;
}

std::vector<Option> FixedOptions(QuestionKind kind) {
  std::vector<Option> options;
  if (const auto it = FixedSets().find(kind); it != FixedSets().end()) {
    for (const auto& [id, key] : it->second) options.push_back({id, key ? BuiltInMessages()[key] : id, "", 0, ""});
  }
  return options;
}

}  // namespace

const char* FixedOptionMessage(QuestionKind kind, const std::string& id) {
  if (const auto it = FixedSets().find(kind); it != FixedSets().end()) {
    for (const auto& [code, key] : it->second) {
      if (id == code) return key;
    }
  }
  return nullptr;
}

namespace {

bool IsFixedSet(QuestionKind kind) { return !FixedOptions(kind).empty(); }

class SurveyParser {
 public:
  SurveyParser(const std::string& path, const std::vector<Service>& services, Diagnostics* diagnostics)
      : path_(path), services_(services), diagnostics_(diagnostics) {}

  // Collects into `diagnostics_`; the caller sorts them.
  std::optional<Survey> Parse(std::string_view text) {
    const size_t errors_before = diagnostics_->size();
    std::optional<YamlNode> root_node = ParseYamlMap(path_, text, 1, diagnostics_);
    if (!root_node) return std::nullopt;
    FieldReader root(*root_node, path_, diagnostics_);
    Survey survey;
    survey.id = FileStem(path_);
    survey.path = path_;
    ReadHeader(root, &survey);
    std::vector<FieldReader> questions = root.MapList("questions");
    if (questions.empty()) root.Error(root.LineOf("questions"), "в опросе нет вопросов (поле «questions»)");
    for (FieldReader& question : questions) {
      survey.questions.push_back(ReadQuestion(question));
      survey.questions.back().number = static_cast<int>(survey.questions.size());
    }
    for (FieldReader& item : root.MapList("quotes")) survey.quotes.push_back(ReadQuote(item, survey));
    root.Finish();
    CheckIds(survey);
    CheckRoles(survey);
    CheckSkipLogic(survey);
    if (diagnostics_->size() != errors_before) return std::nullopt;
    return survey;
  }

 private:
  void Error(int line, std::string message) { diagnostics_->Add(path_, line, std::move(message)); }

  void ReadHeader(FieldReader& root, Survey* survey) {
    survey->title = root.RequiredString("title");
    survey->summary = root.OptionalString("summary");
    survey->intro = root.OptionalString("intro");
    survey->thanks = root.OptionalString("thanks");
    survey->follow_up = root.OptionalString("follow_up");
    survey->form_title = root.OptionalString("form_title");
    const std::string audience = root.Choice("audience", {"external", "internal"}, "external");
    survey->audience = audience == "internal" ? Audience::kInternal : Audience::kExternal;
    survey->revision = root.Int("revision", 0, 1, 1000000);
    survey->touchpoint = root.OptionalString("touchpoint");
    survey->touchpoint_line = root.LineOf("touchpoint");
    survey->indicator = root.OptionalString("indicator");
    survey->indicator_line = root.LineOf("indicator");
    if (!root.Has("revision")) {
      root.Error(root.line(), "не заполнено обязательное поле «revision» (номер редакции вопросов, начиная с 1)");
    }
    survey->waves = ReadWaves(root);
    const std::optional<Date> opens = root.OptionalDate("opens");
    const std::optional<Date> closes = root.OptionalDate("closes");
    if (survey->waves) {
      // Each wave's dates come from the production calendar.
      for (const char* key : {"opens", "closes"}) {
        if (!root.Has(key)) continue;
        root.Error(root.LineOf(key), "у опроса с волнами (waves) сроки каждой волны считаются по производственному "
                                     "календарю: уберите поле «" + std::string(key) + "»");
      }
      return;
    }
    if (!root.Has("opens")) root.Error(root.line(), "не заполнено обязательное поле «opens» (первый день опроса)");
    if (opens && closes && *closes < *opens) {
      root.Error(root.LineOf("closes"), "опрос заканчивается (" + closes->ToString() + ") раньше, чем начинается (" +
                                            opens->ToString() + ")");
    }
    survey->opens = opens.value_or(Date());
    // Without `closes` the survey is permanent: it takes answers for good.
    survey->closes = root.Has("closes") ? closes.value_or(Date()) : Survey::kNoEnd;
  }

  Quote ReadQuote(FieldReader& fields, const Survey& survey) {
    Quote quote{fields.RequiredString("question"), fields.RequiredString("text"), fields.line()};
    fields.Finish();
    const Question* question = survey.FindQuestion(quote.question);
    if (!quote.question.empty() && (!question || question->kind != QuestionKind::kText)) {
      fields.Error(fields.LineOf("question"), "цитата должна относиться к вопросу с открытым ответом (kind: text), а «" +
                                                  quote.question + "» не такой вопрос");
    }
    if (Utf8Length(quote.text) > 1000) fields.Error(fields.LineOf("text"), "цитата длиннее 1000 знаков");
    // Published quotes are chosen by hand; the same net as for appeal records catches what slipped through.
    if (const std::optional<std::string> kind = PersonalDataIn(quote.text)) {
      fields.Error(fields.LineOf("text"), "в цитате есть персональные данные (" + *kind +
                                              "): уберите их — цитаты публикуются на сайте");
    }
    return quote;
  }

  Question ReadQuestion(FieldReader& fields) {
    Question q;
    q.line = fields.line();
    q.id = fields.RequiredString("id");
    const size_t errors_before = diagnostics_->size();
    const std::string kind = fields.Choice("kind", QuestionKindNames());
    const bool kind_ok = diagnostics_->size() == errors_before;  // Choice reports a missing or unknown kind
    const auto known = std::find(QuestionKindNames().begin(), QuestionKindNames().end(), kind);
    q.text = fields.RequiredString("text");
    q.hint = fields.OptionalString("hint");
    q.required = fields.Bool("required", true);
    q.note = fields.OptionalString("note");
    if (kind_ok) {
      q.kind = static_cast<QuestionKind>(known - QuestionKindNames().begin());
      ReadAnswers(fields, &q);
      ReadLabels(fields, &q);
    } else {  // the kind is already reported; its answers cannot be checked
      for (const char* key : {"options", "extra_options", "rows", "low", "high", "max", "max_length", "services",
                              "labels", "descending"}) {
        fields.MarkRead(key);
      }
    }
    ReadShowIf(fields, &q);
    ReadRole(fields, &q);
    ReadCut(fields, &q, kind_ok);
    fields.Finish();
    return q;
  }

  // `labels:` the approved wording of a fixed kind's answers, by code;
  // `descending: true` a scale or matrix from 5 down to 1 on the form.
  void ReadLabels(FieldReader& fields, Question* q) {
    const std::string kind_name = QuestionKindNames()[static_cast<size_t>(q->kind)];
    const bool rated = q->kind == QuestionKind::kScale || q->kind == QuestionKind::kMatrix;
    q->descending = fields.Bool("descending", false);
    if (q->descending && !rated) {
      Error(fields.LineOf("descending"), "«descending» бывает только у шкалы (scale) и таблицы оценок (matrix)");
      q->descending = false;
    }
    if (!fields.Has("labels")) return;
    if (!IsFixedSet(q->kind)) {
      Error(fields.LineOf("labels"), "«labels» меняет подписи заранее заданных вариантов (scale, satisfaction, "
                                     "yes_no, sex, age, education); у вопроса вида «" + kind_name +
                                     "» подписи задаются в «options»");
      fields.MarkRead("labels");
      return;
    }
    FieldReader labels = fields.Map("labels");
    std::vector<std::string> codes;
    for (const Option& option : FixedOptions(q->kind)) codes.push_back(option.id);
    for (const std::string& code : labels.keys()) {
      const std::string text = labels.RequiredString(code);
      const auto it = std::find_if(q->options.begin(), q->options.end(), [&](const Option& o) { return o.id == code; });
      if (std::find(codes.begin(), codes.end(), code) == codes.end() || it == q->options.end()) {
        Error(labels.LineOf(code), "у вопроса вида «" + kind_name + "» нет варианта «" + code + "»; варианты: " +
                                       JoinWithCommas(codes));
        continue;
      }
      it->text = text;
    }
    labels.Finish(codes);
  }

  // `cut: true`: a question with one answer to choose that the workspace shows every other question by.
  void ReadCut(FieldReader& fields, Question* q, bool kind_ok) {
    q->cut = fields.Bool("cut", false);
    if (!q->cut || !kind_ok) return;
    switch (q->kind) {
      case QuestionKind::kSingle:
      case QuestionKind::kScale:
      case QuestionKind::kSatisfaction:
      case QuestionKind::kYesNo:
        if (q->role == QuestionRole::kChannel || q->role == QuestionRole::kRespondent) break;
        return;
      default: break;
    }
    const bool grouping = q->role == QuestionRole::kChannel || q->role == QuestionRole::kRespondent ||
                          q->kind == QuestionKind::kService ||
                          q->kind == QuestionKind::kSex || q->kind == QuestionKind::kAge ||
                          q->kind == QuestionKind::kEducation;
    Error(fields.LineOf("cut"), grouping ? "по этому вопросу ответы и так показываются в разрезе: уберите «cut»"
                                         : "«cut» бывает только у вопроса с одним ответом (single, scale, "
                                           "satisfaction, yes_no)");
    q->cut = false;
  }

  // Options, rows, caps and labels, as the kind allows.
  void ReadAnswers(FieldReader& fields, Question* q) {
    const auto refuse = [&](const char* key, const std::string& why) {
      if (!fields.Has(key)) return;
      Error(fields.LineOf(key), "поле «" + std::string(key) + "» " + why);
      fields.MarkRead(key);
    };
    const std::string kind_name = QuestionKindNames()[static_cast<size_t>(q->kind)];
    const std::string not_for_kind = "не используется в вопросе вида «" + kind_name + "»";
    if (q->kind == QuestionKind::kService) {
      ResolveServices(fields, q);
    } else {
      refuse("services", not_for_kind);
    }
    if (q->kind == QuestionKind::kSingle || q->kind == QuestionKind::kMultiple) {
      q->options = ReadOptions(fields, "options", q->kind == QuestionKind::kSingle);
      if (q->options.size() < 2 && fields.Has("options")) {
        Error(fields.LineOf("options"), "нужно хотя бы два варианта ответа");
      }
      if (!fields.Has("options")) Error(q->line, "не заполнено обязательное поле «options» (варианты ответа)");
    } else if (q->kind == QuestionKind::kSatisfaction) {
      q->options = FixedOptions(q->kind);
      for (Option& extra : ReadOptions(fields, "extra_options", false)) q->options.push_back(std::move(extra));
    } else if (IsFixedSet(q->kind)) {
      q->options = FixedOptions(q->kind);
      refuse("options", "не нужно: у вопроса вида «" + kind_name + "» варианты ответа заданы заранее");
    } else {
      refuse("options", not_for_kind);
    }
    if (q->kind != QuestionKind::kSatisfaction) refuse("extra_options", not_for_kind);
    if (q->kind == QuestionKind::kMatrix) {
      q->rows = ReadRows(fields);
    } else {
      refuse("rows", not_for_kind);
    }
    if (q->kind == QuestionKind::kScale || q->kind == QuestionKind::kMatrix) {
      q->low_label = fields.OptionalString("low", BuiltInMessages()["form.scale_low"]);
      q->high_label = fields.OptionalString("high", BuiltInMessages()["form.scale_high"]);
    } else {
      refuse("low", not_for_kind);
      refuse("high", not_for_kind);
    }
    if (q->kind == QuestionKind::kMultiple) {
      q->max_choices = fields.Int("max", 0, 1, 1000);
      if (q->max_choices > static_cast<int>(q->options.size()) && !q->options.empty()) {
        Error(fields.LineOf("max"), "ограничение «max» больше числа вариантов ответа (" +
                                        std::to_string(q->options.size()) + ")");
      }
    } else {
      refuse("max", not_for_kind);
    }
    if (q->kind == QuestionKind::kText) {
      q->max_length = fields.Int("max_length", kDefaultMaxLength, 1, kLongestText);
    } else {
      refuse("max_length", not_for_kind);
    }
  }

  // A list of "id: text" maps; in a single-choice question an item may add "goto: <question>".
  std::vector<Option> ReadOptions(FieldReader& fields, const std::string& key, bool allow_goto) {
    std::vector<Option> options;
    for (FieldReader& item : fields.MapList(key)) {
      std::vector<std::string> ids;
      for (const std::string& name : item.keys()) {
        if (name != "goto" && name != "touchpoint") ids.push_back(name);
      }
      if (ids.size() != 1) {
        item.Error(item.line(), "вариант ответа записывается как «идентификатор: текст»" +
                                    std::string(allow_goto ? " (и, если нужно, «goto: вопрос»)" : ""));
        continue;
      }
      Option option{ids[0], item.RequiredString(ids[0]), item.OptionalString("goto"), item.LineOf(ids[0]),
                    item.OptionalString("touchpoint")};
      if (!option.next.empty() && !allow_goto) {
        item.Error(item.LineOf("goto"), "переход «goto» возможен только в вопросе вида «single»");
        option.next.clear();
      }
      if (!option.touchpoint.empty() && !allow_goto) {
        item.Error(item.LineOf("touchpoint"), "точку взаимодействия («touchpoint») можно указать только в вопросе "
                                              "вида «single» с ролью «channel»");
        option.touchpoint.clear();
      }
      CheckId(option.id, option.line, "варианта ответа");
      options.push_back(std::move(option));
    }
    return options;
  }

  std::vector<MatrixRow> ReadRows(FieldReader& fields) {
    std::vector<MatrixRow> rows;
    for (FieldReader& item : fields.MapList("rows")) {
      if (item.keys().size() != 1) {
        item.Error(item.line(), "строка матрицы записывается как «идентификатор: текст»");
        continue;
      }
      const std::string id = item.keys()[0];
      rows.push_back({id, item.RequiredString(id), item.LineOf(id)});
      CheckId(id, rows.back().line, "строки");
    }
    if (rows.empty()) Error(fields.LineOf("rows"), "в матрице нет строк (поле «rows»)");
    return rows;
  }

  void ResolveServices(FieldReader& fields, Question* q) {
    std::vector<std::string> known;
    for (const Service& service : services_) known.push_back(service.id);
    const std::vector<Ref> listed = fields.RefList("services");
    for (const Ref& ref : listed) {
      const auto it = std::find(known.begin(), known.end(), ref.id);
      if (it == known.end()) {
        Error(ref.line, "неизвестная услуга «" + ref.id + "»" + DidYouMean(ref.id, known));
        continue;
      }
      q->options.push_back({ref.id, services_[static_cast<size_t>(it - known.begin())].title, "", ref.line, ""});
    }
    if (listed.empty()) {
      for (const Service& service : services_) q->options.push_back({service.id, service.title, "", 0, ""});
    }
  }

  // The role a question plays in the pooled results, and the kind it needs.
  void ReadRole(FieldReader& fields, Question* q) {
    if (!fields.Has("role")) return;
    const std::vector<std::string> names(QuestionRoleNames().begin() + 1, QuestionRoleNames().end());
    const size_t errors_before = diagnostics_->size();
    const std::string role = fields.Choice("role", names);
    if (diagnostics_->size() != errors_before) return;  // an unknown role, already reported
    static const QuestionKind kNeeded[] = {QuestionKind::kScale, QuestionKind::kMatrix, QuestionKind::kSingle,
                                           QuestionKind::kSingle};
    static const char* const kNeededNames[] = {"scale", "matrix", "single", "single"};
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] != role) continue;
      if (q->kind != kNeeded[i]) {
        fields.Error(fields.LineOf("role"), "роль «" + role + "» подходит только вопросу вида «" +
                                                std::string(kNeededNames[i]) + "»");
        return;
      }
      q->role = static_cast<QuestionRole>(i + 1);
    }
  }

  void ReadShowIf(FieldReader& fields, Question* q) {
    if (!fields.Has("show_if")) return;
    FieldReader condition = fields.Map("show_if");
    ShowIf show_if;
    show_if.line = fields.LineOf("show_if");
    show_if.question = condition.RequiredString("question");
    for (const Ref& answer : condition.RefList("answers")) show_if.answers.push_back(answer.id);
    if (!condition.Has("answers")) {
      condition.Error(show_if.line, "в условии показа не указаны ответы (поле «answers»)");
    }
    condition.Finish();
    q->show_if = std::move(show_if);
  }

  void CheckId(const std::string& id, int line, const std::string& what) {
    if (!IsValidId(id)) {
      Error(line, "идентификатор " + what + " «" + id +
                      "» должен состоять из строчных латинских букв, цифр и дефисов");
    }
  }

  void CheckRoles(const Survey& survey) {
    std::map<QuestionRole, int> seen;
    for (const Question& q : survey.questions) {
      for (const Option& option : q.options) {
        if (!option.touchpoint.empty() && q.role != QuestionRole::kChannel) {
          Error(option.line, "точку взаимодействия («touchpoint») можно указать только в вопросе с ролью «channel»");
        }
      }
      if (q.role == QuestionRole::kNone) continue;
      if (const auto [it, fresh] = seen.emplace(q.role, q.number); !fresh) {
        Error(q.line, "роль «" + QuestionRoleNames()[static_cast<size_t>(q.role)] + "» уже есть у вопроса " +
                          std::to_string(it->second) + "; у опроса может быть один такой вопрос");
      }
    }
  }

  void CheckIds(const Survey& survey) {
    std::map<std::string, int> seen;
    for (const Question& q : survey.questions) {
      if (q.id.empty()) continue;
      CheckId(q.id, q.line, "вопроса");
      if (const auto [it, fresh] = seen.emplace(q.id, q.number); !fresh) {
        Error(q.line, "идентификатор вопроса «" + q.id + "» уже занят вопросом " + std::to_string(it->second));
      }
      std::map<std::string, int> options;
      for (const Option& option : q.options) {
        if (!options.emplace(option.id, option.line).second) {
          Error(option.line, "вариант «" + option.id + "» указан дважды");
        }
      }
    }
  }

  // Jumps go forward to a known question; conditions look back at a choice question.
  void CheckSkipLogic(const Survey& survey) {
    std::vector<std::string> ids;
    for (const Question& q : survey.questions) ids.push_back(q.id);
    const auto position = [&](const std::string& id) -> int {
      const auto it = std::find(ids.begin(), ids.end(), id);
      return it == ids.end() ? -1 : static_cast<int>(it - ids.begin());
    };
    for (const Question& q : survey.questions) {
      const int here = q.number - 1;
      for (const Option& option : q.options) {
        if (option.next.empty() || option.next == kEnd) continue;
        const int target = position(option.next);
        if (target < 0) {
          Error(option.line, "переход к неизвестному вопросу «" + option.next + "»" + DidYouMean(option.next, ids));
        } else if (target <= here) {
          Error(option.line, "переход может вести только вперёд, а «" + option.next + "» — вопрос " +
                                 std::to_string(target + 1) + ", не после вопроса " + std::to_string(q.number));
        }
      }
      if (q.show_if) CheckShowIf(survey, q, *q.show_if, position(q.show_if->question), ids);
    }
  }

  void CheckShowIf(const Survey& survey, const Question& q, const ShowIf& show_if, int target,
                   const std::vector<std::string>& ids) {
    if (target < 0) {
      Error(show_if.line, "условие показа ссылается на неизвестный вопрос «" + show_if.question + "»" +
                              DidYouMean(show_if.question, ids));
      return;
    }
    if (target >= q.number - 1) {
      Error(show_if.line, "условие показа может ссылаться только на один из предыдущих вопросов, а «" +
                              show_if.question + "» — вопрос " + std::to_string(target + 1));
      return;
    }
    const Question& source = survey.questions[static_cast<size_t>(target)];
    if (!HasOptions(source.kind)) {
      Error(show_if.line, "условие показа возможно только по вопросу с вариантами ответа, а «" + source.id +
                              "» — вопрос вида «" + QuestionKindNames()[static_cast<size_t>(source.kind)] + "»");
      return;
    }
    std::vector<std::string> known;
    for (const Option& option : source.options) known.push_back(option.id);
    for (const std::string& answer : show_if.answers) {
      if (!source.FindOption(answer)) {
        Error(show_if.line, "у вопроса «" + source.id + "» нет варианта «" + answer + "»" + DidYouMean(answer, known));
      }
    }
  }

  const std::string& path_;
  const std::vector<Service>& services_;
  Diagnostics* diagnostics_;
};

}  // namespace

namespace {

// "pension.yaml" → ("pension", 0); "pension@2.yaml" → ("pension", 2), an
// earlier revision; ("", 0) when the name is not a survey file's.
std::pair<std::string, int> SurveyFileName(const std::string& file) {
  const std::string stem = FileStem(file);
  const size_t at = stem.find('@');
  if (at == std::string::npos) return {IsValidId(stem) ? stem : "", 0};
  const std::string id = stem.substr(0, at);
  const std::string number = stem.substr(at + 1);
  const bool digits = !number.empty() && number.size() < 7 &&
                      std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!IsValidId(id) || !digits || number[0] == '0') return {"", 0};
  return {id, std::stoi(number)};
}

// What is known of a survey whose file has errors.
Survey Unreadable(const std::string& id, const std::string& path) {
  Survey survey;
  survey.id = id;
  survey.path = path;
  survey.title = id;
  survey.unreadable = true;
  return survey;
}

// Attaches each earlier revision to its survey, oldest first.
void AttachEarlierRevisions(std::vector<Survey>* surveys, std::vector<Survey> earlier, Diagnostics* diagnostics) {
  std::sort(earlier.begin(), earlier.end(), [](const Survey& a, const Survey& b) { return a.revision < b.revision; });
  for (Survey& old : earlier) {
    const auto current = std::find_if(surveys->begin(), surveys->end(), [&](const Survey& s) { return s.id == old.id; });
    if (current == surveys->end()) {
      diagnostics->Add(old.path, 0, "нет текущей редакции опроса: файла " + old.id + ".yaml");
    } else if (current->unreadable) {
      continue;  // its own file's errors are reported
    } else if (old.revision >= current->revision) {
      diagnostics->Add(old.path, 0, "прежняя редакция " + std::to_string(old.revision) +
                                        " должна быть меньше текущей (" + std::to_string(current->revision) + ")");
    } else {
      current->earlier_revisions.push_back(std::move(old));
    }
  }
}

// Each recurring survey replaced by its waves (none when the calendar did
// not load: its errors are reported already); a wave's id must not be a
// survey file's.
std::vector<Survey> WithWaves(std::vector<Survey> surveys, const Calendar* calendar, Diagnostics* diagnostics) {
  std::map<std::string, std::string> files;
  for (const Survey& survey : surveys) files.emplace(survey.id, survey.path);
  std::vector<Survey> out;
  for (Survey& survey : surveys) {
    if (!survey.waves) {
      out.push_back(std::move(survey));
      continue;
    }
    if (!calendar) continue;
    for (Survey& wave : ExpandWaves(survey, *calendar, diagnostics)) {
      if (const auto it = files.find(wave.id); it != files.end()) {
        diagnostics->Add(survey.path, survey.waves->line, "волна «" + wave.id + "» совпадает по адресу с опросом " +
                                                              it->second + ": переименуйте один из них");
        continue;
      }
      out.push_back(std::move(wave));
    }
  }
  return out;
}

}  // namespace

std::vector<Survey> LoadSurveys(const FileSystem& fs, const std::string& dir, const std::vector<Service>& services,
                                const Calendar* calendar, Diagnostics* diagnostics) {
  const std::vector<std::string> files = fs.ListFiles(dir);
  std::vector<std::optional<Survey>> parsed(files.size());
  std::vector<Diagnostics> found(files.size());
  ParallelFor(files.size(), [&](size_t i, unsigned) {
    const std::string path = JoinPath(dir, files[i]);
    if (!files[i].ends_with(".yaml")) {
      return found[i].Add(path, 0, "файл не будет прочитан: опрос описывается в файле с расширением .yaml");
    }
    const auto [id, earlier] = SurveyFileName(files[i]);
    if (id.empty()) {
      return found[i].Add(path, 0, "имя файла «" + FileStem(path) +
                                       "» не годится для адреса опроса: используйте строчные латинские буквы, "
                                       "цифры и дефис (прежние редакции: «опрос@2.yaml»)");
    }
    Result<std::string> text = fs.ReadFile(path);
    if (!text.ok()) return found[i].Add("", 0, text.status().message());
    parsed[i] = ParseSurvey(path, text.value(), services, &found[i]);
    if (!parsed[i]) {
      // Known by its id all the same, so that what refers to it is not reported too.
      if (earlier == 0) parsed[i] = Unreadable(id, path);
      return;
    }
    parsed[i]->id = id;
    if (earlier > 0 && parsed[i]->revision != earlier) {
      found[i].Add(path, 0, "файл прежней редакции " + std::to_string(earlier) + " описывает редакцию " +
                                std::to_string(parsed[i]->revision) + "; номер в имени и поле «revision» должны совпадать");
      parsed[i].reset();
    }
  });
  std::vector<Survey> surveys;
  std::vector<Survey> earlier;
  std::map<std::string, std::string> seen;
  for (size_t i = 0; i < files.size(); ++i) {
    diagnostics->Append(found[i]);
    if (!parsed[i]) continue;
    if (SurveyFileName(files[i]).second > 0) {
      earlier.push_back(std::move(*parsed[i]));
      continue;
    }
    if (const auto [it, fresh] = seen.emplace(parsed[i]->id, parsed[i]->path); !fresh) {
      diagnostics->Add(parsed[i]->path, 0, "идентификатор «" + parsed[i]->id + "» уже занят файлом " + it->second);
      continue;
    }
    surveys.push_back(std::move(*parsed[i]));
  }
  AttachEarlierRevisions(&surveys, std::move(earlier), diagnostics);
  return WithWaves(std::move(surveys), calendar, diagnostics);
}

std::optional<Survey> ParseSurvey(const std::string& path, std::string_view text,
                                  const std::vector<Service>& services, Diagnostics* diagnostics) {
  Diagnostics found;
  std::optional<Survey> survey = SurveyParser(path, services, &found).Parse(text);
  found.Sort();
  diagnostics->Append(found);
  return survey;
}

}  // namespace otklik
