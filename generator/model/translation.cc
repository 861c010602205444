#include "model/translation.h"

#include <functional>
#include <map>

#include "content/document.h"
#include "content/field_reader.h"
#include "content/yaml_node.h"
#include "core/fallback_text.h"
#include "core/spelling.h"
#include "model/survey_loader.h"

namespace otklik {

namespace {

// One file of the language's folder, parsed: its text fields by name and
// its body, and the field names it gave (for what is untranslated).
struct TextFile {
  std::string path;
  std::map<std::string, std::string> fields;
  std::string body;
  FieldReader* reader = nullptr;
};

// The translated value of one field: the file's, or the Russian one marked;
// a field shown in Russian is added to `missing`.
class Texts {
 public:
  Texts(const TextFile* file, std::vector<std::string>* missing) : file_(file), missing_(missing) {}

  void Put(const char* field, std::string* text) {
    if (file_) {
      if (const auto it = file_->fields.find(field); it != file_->fields.end() && !it->second.empty()) {
        *text = it->second;
        return;
      }
    }
    if (text->empty()) return;
    missing_->push_back(field);
    *text = MarkedFallback(*text);
  }
  void PutBody(std::string* body) {
    if (file_ && !file_->body.empty()) {
      *body = file_->body;
    } else if (!body->empty()) {
      missing_->push_back("текст");
      *body = MarkedFallback(*body);
    }
  }

 private:
  const TextFile* file_;
  std::vector<std::string>* missing_;
};

// "services/passport.md: title, текст" for the list of what is untranslated.
void NoteMissing(const std::string& relative, const std::vector<std::string>& missing, std::vector<std::string>* out) {
  if (missing.empty()) return;
  std::string line = relative + ":";
  for (size_t i = 0; i < missing.size(); ++i) line += (i ? ", " : " ") + missing[i];
  out->push_back(line);
}

// The scalar fields `allowed` of a map of the language's folder.
void ReadTexts(FieldReader& reader, const std::vector<std::string>& allowed, TextFile* file) {
  for (const std::string& field : allowed) {
    if (reader.Has(field)) file->fields[field] = reader.OptionalString(field);
  }
}

// Reads a map field of an item's file (a decision's measures) given its id.
struct NestedField {
  std::string key;
  std::function<void(const std::string& id, FieldReader& map)> read;
};

// Every Markdown file of folder `kind` of the language: by id, with the
// text fields `allowed` and the map `nested` if any; a file for an id
// `known` does not have is a warning.
std::map<std::string, TextFile> ReadFolder(const FileSystem& fs, const std::string& dir, const std::string& kind,
                                           const std::vector<std::string>& allowed,
                                           const std::vector<std::string>& known, Diagnostics* orphans,
                                           Diagnostics* diagnostics, const NestedField* nested = nullptr) {
  std::map<std::string, TextFile> out;
  for (const std::string& name : fs.ListFiles(JoinPath(dir, kind))) {
    const std::string path = JoinPath(JoinPath(dir, kind), name);
    if (!name.ends_with(".md")) {
      diagnostics->Add(path, 0, "перевод не будет прочитан: ожидается файл Markdown с расширением .md");
      continue;
    }
    const std::string id = FileStem(name);
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      orphans->Add(
          path, 0,
          "перевод файла, которого нет: " + kind + "/" + id + ".md" + DidYouMean(id, known) + " — он не публикуется");
      continue;
    }
    Result<std::string> text = fs.ReadFile(path);
    if (!text.ok()) {
      diagnostics->Add("", 0, text.status().message());
      continue;
    }
    std::optional<Document> doc = ParseDocument(path, text.value(), diagnostics);
    if (!doc) continue;
    TextFile file{path, {}, doc->body, nullptr};
    FieldReader reader(doc->front_matter, path, diagnostics);
    ReadTexts(reader, allowed, &file);
    std::vector<std::string> keys = allowed;
    if (nested) {
      FieldReader map = reader.Map(nested->key);
      nested->read(id, map);
      keys.push_back(nested->key);
    }
    reader.Finish(keys);
    out.emplace(id, std::move(file));
  }
  return out;
}

template <typename T>
std::vector<std::string> ItemIds(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const T& item : items) ids.push_back(item.id);
  return ids;
}

// Items of one kind with the language's texts.
template <typename T, typename Extra>
std::vector<T> Translated(const FileSystem& fs, const std::string& dir, const std::string& kind,
                          std::vector<std::string> allowed, const std::vector<T>& items, Extra extra,
                          std::vector<std::string>* untranslated, Diagnostics* orphans, Diagnostics* diagnostics) {
  const std::map<std::string, TextFile> files =
      ReadFolder(fs, dir, kind, allowed, ItemIds(items), orphans, diagnostics);
  std::vector<T> out = items;
  for (T& item : out) {
    const auto it = files.find(item.id);
    std::vector<std::string> missing;
    Texts texts(it == files.end() ? nullptr : &it->second, &missing);
    texts.Put("title", &item.title);
    texts.Put("summary", &item.summary);
    extra(texts, item);
    texts.PutBody(&item.body);
    NoteMissing(kind + "/" + item.id + ".md", missing, untranslated);
  }
  return out;
}

// The translation's site.yaml over the Russian config.
SiteConfig TranslatedConfig(const FileSystem& fs, const std::string& dir, const std::string& code,
                            const SiteConfig& russian, std::vector<std::string>* untranslated,
                            Diagnostics* diagnostics) {
  SiteConfig config = russian;
  config.base_url = russian.base_url + code + "/";
  const std::string path = JoinPath(dir, "site.yaml");
  std::vector<std::string> missing;
  TextFile file{path, {}, {}, nullptr};
  AgencyWords words;
  bool has_words = false;
  std::map<std::string, std::pair<std::string, std::string>> indicators;  // id → title, about
  if (fs.IsFile(path)) {
    Result<std::string> text = fs.ReadFile(path);
    if (!text.ok()) {
      diagnostics->Add("", 0, text.status().message());
    } else if (std::optional<YamlNode> map = ParseYamlMap(path, text.value(), 1, diagnostics)) {
      FieldReader root(*map, path, diagnostics);
      ReadTexts(root, {"title", "description"}, &file);
      FieldReader agency = root.Map("agency");
      for (const char* field : {"name", "short_name", "region"}) {
        if (agency.Has(field)) file.fields[std::string("agency.") + field] = agency.OptionalString(field);
      }
      agency.Finish({"name", "short_name", "region"});
      FieldReader contacts = root.Map("contacts");
      for (const char* field : {"address", "phone", "hours"}) {
        if (contacts.Has(field)) file.fields[std::string("contacts.") + field] = contacts.OptionalString(field);
      }
      contacts.Finish({"address", "phone", "hours"});
      if (root.Has("words")) {
        FieldReader reader = root.Map("words");
        ReadWords(reader, &words);
        reader.Finish();
        has_words = true;
      }
      FieldReader given = root.Map("indicators");
      for (const std::string& id : given.keys()) {
        FieldReader indicator = given.Map(id);
        if (russian.IndicatorIndex(id) < 0) {
          std::vector<std::string> known;
          for (const Indicator& i : russian.indicators) known.push_back(i.id);
          indicator.Error(given.LineOf(id), "показателя «" + id + "» нет в site.yaml" + DidYouMean(id, known));
        }
        indicators[id] = {indicator.OptionalString("title"), indicator.OptionalString("about")};
        indicator.Finish({"title", "about"});
      }
      given.Finish(given.keys());
      root.Finish({"title", "description", "agency", "contacts", "words", "indicators"});
    }
  }
  Texts texts(&file, &missing);
  texts.Put("title", &config.title);
  texts.Put("description", &config.description);
  texts.Put("agency.name", &config.agency.name);
  texts.Put("agency.short_name", &config.agency.short_name);
  texts.Put("agency.region", &config.agency.region);
  texts.Put("contacts.address", &config.contacts.address);
  texts.Put("contacts.phone", &config.contacts.phone);
  texts.Put("contacts.hours", &config.contacts.hours);
  for (Indicator& indicator : config.indicators) {
    const auto it = indicators.find(indicator.id);
    TextFile given{path, {}, {}, nullptr};
    if (it != indicators.end()) given.fields = {{"title", it->second.first}, {"about", it->second.second}};
    std::vector<std::string> lacking;
    Texts own(&given, &lacking);
    own.Put("title", &indicator.title);
    own.Put("about", &indicator.about);
    for (const std::string& field : lacking) missing.push_back("indicators." + indicator.id + "." + field);
  }
  if (has_words) {
    config.words = words;
  } else {
    for (NounCases* cases :
         {&config.words.agency, &config.words.process, &config.words.processes, &config.words.respondents}) {
      for (std::string& form : *cases) form = MarkedFallback(form);
    }
    for (std::string& form : config.words.process_counted) form = MarkedFallback(form);
    missing.push_back("words");
  }
  NoteMissing("site.yaml", missing, untranslated);
  return config;
}

// The texts of one survey's translation file, read and checked against the survey.
struct SurveyTexts {
  std::map<std::string, std::string> survey;  // title, summary, intro, thanks, form_title
  // question id → field (text, hint, note, low, high, "option:<code>", "row:<code>") → text
  std::map<std::string, std::map<std::string, std::string>> questions;
};

std::optional<SurveyTexts> ReadSurveyTexts(const FileSystem& fs, const std::string& path, const Survey& survey,
                                           Diagnostics* diagnostics) {
  Result<std::string> text = fs.ReadFile(path);
  if (!text.ok()) {
    diagnostics->Add("", 0, text.status().message());
    return std::nullopt;
  }
  std::optional<YamlNode> map = ParseYamlMap(path, text.value(), 1, diagnostics);
  if (!map) return std::nullopt;
  SurveyTexts out;
  FieldReader root(*map, path, diagnostics);
  const std::vector<std::string> fields = {"title", "summary", "intro", "thanks", "form_title"};
  for (const std::string& field : fields) {
    if (root.Has(field)) out.survey[field] = root.OptionalString(field);
  }
  FieldReader questions = root.Map("questions");
  std::vector<std::string> ids;
  for (const Question& question : survey.questions) ids.push_back(question.id);
  for (const std::string& id : questions.keys()) {
    FieldReader reader = questions.Map(id);
    const Question* question = survey.FindQuestion(id);
    if (!question) {
      reader.Error(questions.LineOf(id), "в опросе нет вопроса «" + id + "»" + DidYouMean(id, ids));
      continue;
    }
    std::map<std::string, std::string>& texts = out.questions[id];
    for (const char* field : {"text", "hint", "note", "low", "high"}) {
      if (reader.Has(field)) texts[field] = reader.OptionalString(field);
    }
    // Options and rows by their codes: the Russian survey's, so answers pool.
    for (const char* list : {"options", "rows"}) {
      FieldReader codes = reader.Map(list);
      std::vector<std::string> known;
      if (std::string(list) == "options") {
        for (const Option& option : question->options) known.push_back(option.id);
      } else {
        for (const MatrixRow& row : question->rows) known.push_back(row.id);
      }
      for (const std::string& code : codes.keys()) {
        if (std::find(known.begin(), known.end(), code) == known.end()) {
          codes.Error(codes.LineOf(code), std::string("у вопроса «") + id + "» нет " +
                                              (std::string(list) == "options" ? "варианта" : "строки") + " с кодом «" +
                                              code + "»" + DidYouMean(code, known) +
                                              "; коды ответов те же, что в русском опросе");
        }
        texts[std::string(list == std::string("options") ? "option:" : "row:") + code] = codes.OptionalString(code);
      }
      codes.Finish(codes.keys());
    }
    reader.Finish({"text", "hint", "note", "low", "high", "options", "rows"});
  }
  questions.Finish(questions.keys());
  std::vector<std::string> known = fields;
  known.push_back("questions");
  root.Finish(known);
  return out;
}

// A survey in the language: its texts, its questions' and options' by
// code; a service question's options are the services' translated titles;
// a fixed answer (form.answer_*) the catalogue's words when it has them.
Survey TranslatedSurvey(const Survey& russian, const SurveyTexts* given, const std::vector<Service>& services,
                        const Messages& messages, std::vector<std::string>* missing) {
  Survey survey = russian;
  TextFile file{survey.path, given ? given->survey : std::map<std::string, std::string>{}, {}, nullptr};
  Texts texts(given ? &file : nullptr, missing);
  texts.Put("title", &survey.title);
  texts.Put("summary", &survey.summary);
  texts.Put("intro", &survey.intro);
  texts.Put("thanks", &survey.thanks);
  texts.Put("form_title", &survey.form_title);
  const Messages russian_words = Messages::Defaults(AgencyWords{});
  for (Question& question : survey.questions) {
    std::map<std::string, std::string> none;
    const std::map<std::string, std::string>* own = &none;
    if (given) {
      if (const auto it = given->questions.find(question.id); it != given->questions.end()) own = &it->second;
    }
    TextFile fields{survey.path, *own, {}, nullptr};
    std::vector<std::string> lacking;
    Texts q(&fields, &lacking);
    q.Put("text", &question.text);
    q.Put("hint", &question.hint);
    q.Put("note", &question.note);
    // A scale's ends and the fixed answers keep the catalogue's words when
    // the survey did not rename them.
    const auto fixed = [&](const char* key, const std::string& text) -> std::optional<std::string> {
      if (!key || russian_words[key] != text) return std::nullopt;
      const std::string& words = messages[key];
      if (words.empty() || IsMarkedFallback(words)) return std::nullopt;
      return words;
    };
    if (!own->count("low") && fixed("form.scale_low", question.low_label)) {
      question.low_label = *fixed("form.scale_low", question.low_label);
    } else {
      q.Put("low", &question.low_label);
    }
    if (!own->count("high") && fixed("form.scale_high", question.high_label)) {
      question.high_label = *fixed("form.scale_high", question.high_label);
    } else {
      q.Put("high", &question.high_label);
    }
    for (Option& option : question.options) {
      if (question.kind == QuestionKind::kService) {
        const auto it =
            std::find_if(services.begin(), services.end(), [&](const Service& s) { return s.id == option.id; });
        if (it != services.end()) option.text = it->title;
        continue;
      }
      if (option.text == option.id && !own->count("option:" + option.id)) continue;  // a code is its words: «1»…«5»
      if (!own->count("option:" + option.id)) {
        if (const std::optional<std::string> words = fixed(FixedOptionMessage(question.kind, option.id), option.text)) {
          option.text = *words;
          continue;
        }
      }
      q.Put(("option:" + option.id).c_str(), &option.text);
    }
    for (MatrixRow& row : question.rows) q.Put(("row:" + row.id).c_str(), &row.text);
    if (!lacking.empty()) missing->push_back(question.id);
  }
  for (Survey& earlier : survey.earlier_revisions) {
    std::vector<std::string> ignored;  // an earlier revision's texts are its survey's as far as they go
    earlier = TranslatedSurvey(earlier, given, services, messages, &ignored);
  }
  return survey;
}

std::vector<Survey> TranslatedSurveys(const FileSystem& fs, const std::string& dir, const std::vector<Survey>& surveys,
                                      const std::vector<Service>& services, const Messages& messages,
                                      std::vector<std::string>* untranslated, Diagnostics* orphans,
                                      Diagnostics* diagnostics) {
  const std::string folder = JoinPath(dir, "surveys");
  std::map<std::string, SurveyTexts> files;
  const std::vector<std::string> ids = ItemIds(surveys);
  for (const std::string& name : fs.ListFiles(folder)) {
    const std::string path = JoinPath(folder, name);
    const std::string id = name.ends_with(".yaml") ? name.substr(0, name.size() - 5) : name;
    const Survey* survey = nullptr;
    for (const Survey& s : surveys) {
      if (s.id == id) survey = &s;
    }
    if (!name.ends_with(".yaml") || !survey) {
      orphans->Add(
          path, 0,
          "перевод опроса, которого нет: surveys/" + id + ".yaml" + DidYouMean(id, ids) + " — он не публикуется");
      continue;
    }
    if (std::optional<SurveyTexts> texts = ReadSurveyTexts(fs, path, *survey, diagnostics)) {
      files.emplace(id, std::move(*texts));
    }
  }
  std::vector<Survey> out;
  for (const Survey& survey : surveys) {
    const auto it = files.find(survey.id);
    std::vector<std::string> missing;
    out.push_back(TranslatedSurvey(survey, it == files.end() ? nullptr : &it->second, services, messages, &missing));
    NoteMissing("surveys/" + survey.id + ".yaml", missing, untranslated);
  }
  return out;
}

// The decisions in the language: title, body, each measure's title and
// who is responsible by the measure's id; a status note stays Russian.
std::vector<Decision> TranslatedDecisions(const FileSystem& fs, const std::string& dir,
                                          const std::vector<Decision>& decisions,
                                          std::vector<std::string>* untranslated, Diagnostics* orphans,
                                          Diagnostics* diagnostics) {
  std::map<std::string, std::map<std::string, std::pair<std::string, std::string>>> measures;
  const NestedField measures_field{
      "measures", [&](const std::string& id, FieldReader& given) {
        const auto decision =
            std::find_if(decisions.begin(), decisions.end(), [&](const Decision& d) { return d.id == id; });
        const std::vector<std::string> known = ItemIds(decision->measures);
        for (const std::string& measure : given.keys()) {
          FieldReader fields = given.Map(measure);
          if (std::find(known.begin(), known.end(), measure) == known.end()) {
            fields.Error(given.LineOf(measure), "в решении нет меры «" + measure + "»" + DidYouMean(measure, known));
          }
          measures[id][measure] = {fields.OptionalString("title"), fields.OptionalString("responsible")};
          fields.Finish({"title", "responsible"});
        }
        given.Finish(given.keys());
      }};
  const std::map<std::string, TextFile> files =
      ReadFolder(fs, dir, "decisions", {"title"}, ItemIds(decisions), orphans, diagnostics, &measures_field);
  std::vector<Decision> out = decisions;
  for (Decision& decision : out) {
    const auto it = files.find(decision.id);
    std::vector<std::string> missing;
    Texts texts(it == files.end() ? nullptr : &it->second, &missing);
    texts.Put("title", &decision.title);
    texts.PutBody(&decision.body);
    for (Measure& measure : decision.measures) {
      TextFile fields{decision.path, {}, {}, nullptr};
      if (const auto m = measures[decision.id].find(measure.id); m != measures[decision.id].end()) {
        fields.fields = {{"title", m->second.first}, {"responsible", m->second.second}};
      }
      std::vector<std::string> lacking;
      Texts own(&fields, &lacking);
      own.Put("title", &measure.title);
      own.Put("responsible", &measure.responsible);
      for (StatusChange& change : measure.history) change.note = MarkedFallback(change.note);
      if (!lacking.empty()) missing.push_back("measures." + measure.id);
    }
    NoteMissing("decisions/" + decision.id + ".md", missing, untranslated);
  }
  return out;
}

}  // namespace

std::optional<Translation> LoadTranslation(const FileSystem& fs, const std::string& content_dir,
                                           const std::string& catalogue, const std::string& code, const Site& site,
                                           const std::vector<Decision>& decisions, Diagnostics* diagnostics) {
  Diagnostics found;
  const std::string dir = JoinPath(content_dir, code);
  Translation out{code, site, {}, {}, {}};
  SiteConfig config = TranslatedConfig(fs, dir, code, site.config(), &out.untranslated, &found);
  std::optional<Messages> loaded = Messages::LoadLanguage(fs, catalogue, code, site.messages(), config.words, &found);
  if (!loaded) {
    found.Sort();
    diagnostics->Append(found);
    return std::nullopt;
  }
  Messages messages = std::move(*loaded);
  const auto none = [](Texts&, auto&) {};
  std::vector<Service> services = Translated(fs, dir, "services", {"title", "summary"}, site.services(), none,
                                             &out.untranslated, &out.warnings, &found);
  std::vector<LifeSituation> situations = Translated(fs, dir, "situations", {"title", "summary"}, site.situations(),
                                                     none, &out.untranslated, &out.warnings, &found);
  std::vector<Touchpoint> touchpoints = Translated(
      fs, dir, "touchpoints", {"title", "summary", "address", "hours"}, site.touchpoints(),
      [](Texts& texts, Touchpoint& point) {
        texts.Put("address", &point.address);
        texts.Put("hours", &point.hours);
      },
      &out.untranslated, &out.warnings, &found);
  std::vector<Page> pages =
      Translated(fs, dir, "pages", {"title", "summary"}, site.pages(), none, &out.untranslated, &out.warnings, &found);
  std::vector<Survey> surveys =
      TranslatedSurveys(fs, dir, site.surveys(), services, messages, &out.untranslated, &out.warnings, &found);
  out.decisions = TranslatedDecisions(fs, dir, decisions, &out.untranslated, &out.warnings, &found);
  Themes themes = site.themes();  // the themes of open answers are the analysts' words: Russian
  for (Theme& theme : themes.themes) theme.title = MarkedFallback(theme.title);
  out.site = site.Translated(std::move(config), std::move(services), std::move(situations), std::move(touchpoints),
                             std::move(pages), std::move(surveys), std::move(themes), std::move(messages));
  found.Sort();
  diagnostics->Append(found);
  if (!found.empty()) return std::nullopt;
  return out;
}

}  // namespace otklik
