#include "model/site_loader.h"

#include <map>

#include "content/document.h"
#include "content/field_reader.h"
#include "core/parallel.h"
#include "core/spelling.h"
#include "model/survey_loader.h"

namespace otklik {

namespace {

struct LoadedService {
  Service service;
  std::vector<Ref> situations;
  std::vector<Ref> touchpoints;
};

template <typename T>
struct Loaded {
  std::optional<T> item;
  Diagnostics diagnostics;
};

void ReadCommon(FieldReader& fields, std::string* title, std::string* summary, int* order) {
  *title = fields.RequiredString("title");
  *summary = fields.OptionalString("summary");
  *order = fields.Int("order", 1000, -1000000, 1000000);
}

LoadedService ParseService(const Document&, FieldReader& fields) {
  LoadedService out;
  Service& s = out.service;
  ReadCommon(fields, &s.title, &s.summary, &s.order);
  const std::string kind = fields.Choice("kind", ServiceKindNames());
  for (size_t i = 0; i < ServiceKindNames().size(); ++i) {
    if (ServiceKindNames()[i] == kind) s.kind = static_cast<ServiceKind>(i);
  }
  out.situations = fields.RefList("situations");
  out.touchpoints = fields.RefList("touchpoints");
  if (out.touchpoints.empty()) {
    fields.Error(fields.line(), "не указаны точки взаимодействия (поле «touchpoints»): где граждане получают услугу?");
  }
  return out;
}

LifeSituation ParseSituation(const Document&, FieldReader& fields) {
  LifeSituation s;
  ReadCommon(fields, &s.title, &s.summary, &s.order);
  return s;
}

Touchpoint ParseTouchpoint(const Document&, FieldReader& fields) {
  Touchpoint t;
  ReadCommon(fields, &t.title, &t.summary, &t.order);
  t.kind = fields.Choice("kind", TouchpointKindNames());
  t.channel = ChannelOfKind(t.kind);
  t.address = fields.OptionalString("address");
  t.hours = fields.OptionalString("hours");
  t.phone = fields.OptionalString("phone");
  t.email = fields.OptionalEmail("email");
  t.url = fields.OptionalUrl("url");
  return t;
}

Page ParsePage(const Document& doc, FieldReader& fields) {
  Page p;
  ReadCommon(fields, &p.title, &p.summary, &p.order);
  p.menu = fields.Bool("menu", false);
  if (IsReservedPageId(doc.id)) {
    fields.Error(0, "имя страницы «" + doc.id + "» занято разделом сайта; переименуйте файл");
  }
  return p;
}

// The part of a loaded item every kind has: id, path, title, body.
template <typename T>
auto& Base(T& item) {
  if constexpr (std::is_same_v<T, LoadedService>) return item.service; else return item;
}

// What is known of an item whose file cannot be parsed: its id.
template <typename T>
T Placeholder(const std::string& id, const std::string& path) {
  T item;
  auto& base = Base(item);
  base.id = id;
  base.path = path;
  base.title = id;
  return item;
}

// Reads and parses every Markdown file of one folder, in parallel.
template <typename T, typename Parse>
std::vector<T> LoadFolder(const FileSystem& fs, const std::string& dir, Parse parse, Diagnostics* diagnostics) {
  const std::vector<std::string> files = fs.ListFiles(dir);
  std::vector<Loaded<T>> loaded(files.size());
  ParallelFor(files.size(), [&](size_t i, unsigned) {
    const std::string path = JoinPath(dir, files[i]);
    Diagnostics& local = loaded[i].diagnostics;
    if (!files[i].ends_with(".md")) {
      local.Add(path, 0, "файл не будет опубликован: ожидается текст в формате Markdown с расширением .md");
      return;
    }
    Result<std::string> text = fs.ReadFile(path);
    if (!text.ok()) return local.Add("", 0, text.status().message());
    std::optional<Document> doc = ParseDocument(path, text.value(), &local);
    if (!doc) {
      // Known by its id all the same, so that what refers to it is not reported too.
      loaded[i].item = Placeholder<T>(FileStem(path), path);
      return;
    }
    if (!IsValidId(doc->id)) {
      local.Add(path, 0, "имя файла «" + doc->id +
                             "» не годится для адреса страницы: используйте строчные латинские буквы, цифры и дефис");
    }
    FieldReader fields(doc->front_matter, path, &local);
    T item = parse(*doc, fields);
    fields.Finish();
    auto& base = Base(item);
    base.id = doc->id;
    base.path = path;
    base.body = std::move(doc->body);
    loaded[i].item = std::move(item);
  });
  std::vector<T> out;
  std::map<std::string, std::string> seen;
  for (size_t i = 0; i < files.size(); ++i) {
    diagnostics->Append(loaded[i].diagnostics);
    if (!loaded[i].item) continue;
    const std::string id = FileStem(files[i]);
    const std::string path = JoinPath(dir, files[i]);
    if (const auto [it, fresh] = seen.emplace(id, path); !fresh) {
      diagnostics->Add(path, 0, "идентификатор «" + id + "» уже занят файлом " + it->second);
      continue;
    }
    out.push_back(std::move(*loaded[i].item));
  }
  return out;
}

// An external survey feeds the indicator it names, or the main one; an
// internal survey feeds none, so staff answers never reach a public level.
void ResolveIndicator(const SiteConfig& config, Survey* survey, Diagnostics* diagnostics) {
  if (survey->audience == Audience::kInternal) {
    if (!survey->indicator.empty()) {
      diagnostics->Add(survey->path, survey->indicator_line,
                       "внутренний опрос не входит в показатели сайта: уберите поле «indicator»");
    }
    survey->indicator.clear();
    return;
  }
  if (survey->indicator.empty()) {
    survey->indicator = config.indicators.front().id;
    return;
  }
  if (config.IndicatorIndex(survey->indicator) >= 0) return;
  std::vector<std::string> known;
  for (const Indicator& indicator : config.indicators) known.push_back(indicator.id);
  std::string list;
  for (const std::string& id : known) list += (list.empty() ? "" : ", ") + id;
  diagnostics->Add(survey->path, survey->indicator_line,
                   "неизвестный показатель «" + survey->indicator + "»" + DidYouMean(survey->indicator, known) +
                       "; показатели перечислены в site.yaml (indicators): " + list);
}

template <typename T>
std::vector<std::string> Ids(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const T& item : items) ids.push_back(item.id);
  return ids;
}

// The touchpoints a channel question's options stand for must exist.
void CheckTouchpoints(const Survey& survey, const std::vector<std::string>& known, Diagnostics* diagnostics) {
  if (!survey.touchpoint.empty() && std::find(known.begin(), known.end(), survey.touchpoint) == known.end()) {
    diagnostics->Add(survey.path, survey.touchpoint_line, "неизвестная точка взаимодействия «" + survey.touchpoint +
                                                              "»" + DidYouMean(survey.touchpoint, known));
  }
  for (const Question& question : survey.questions) {
    for (const Option& option : question.options) {
      if (option.touchpoint.empty() || std::find(known.begin(), known.end(), option.touchpoint) != known.end()) continue;
      diagnostics->Add(survey.path, option.line, "неизвестная точка взаимодействия «" + option.touchpoint + "»" +
                                                     DidYouMean(option.touchpoint, known));
    }
  }
  for (const Survey& earlier : survey.earlier_revisions) CheckTouchpoints(earlier, known, diagnostics);
}

}  // namespace

std::vector<std::string> ResolveRefs(const std::vector<Ref>& refs, const std::vector<std::string>& known,
                                     const std::string& path, const std::string& unknown_what, Diagnostics* diagnostics) {
  std::vector<std::string> out;
  for (const Ref& ref : refs) {
    if (std::find(known.begin(), known.end(), ref.id) == known.end()) {
      diagnostics->Add(path, ref.line, unknown_what + " «" + ref.id + "»" + DidYouMean(ref.id, known));
      continue;
    }
    if (std::find(out.begin(), out.end(), ref.id) != out.end()) {
      diagnostics->Add(path, ref.line, "«" + ref.id + "» указан дважды");
      continue;
    }
    out.push_back(ref.id);
  }
  return out;
}

bool IsReservedPageId(const std::string& id) {
  static const char* const kReserved[] = {"services", "situations", "touchpoints", "surveys", "reports",
                                          "decisions", "data",      "assets",      "search",  "feeds",
                                          "index",     "404",       "api",         "pagefind", "sitemap"};
  for (const char* reserved : kReserved) {
    if (id == reserved) return true;
  }
  return false;
}

Site LoadSiteLeniently(const FileSystem& fs, const std::string& content_dir, Diagnostics* diagnostics) {
  Diagnostics found;
  const std::string config_path = JoinPath(content_dir, "site.yaml");
  std::optional<SiteConfig> config;
  if (!fs.IsFile(config_path)) {
    found.Add(config_path, 0, "файл настроек сайта не найден; проверьте путь --content или создайте site.yaml");
  } else if (Result<std::string> text = fs.ReadFile(config_path); !text.ok()) {
    found.Add("", 0, text.status().message());
  } else {
    config = ParseSiteConfig(config_path, text.value(), &found);
  }

  std::vector<LoadedService> services =
      LoadFolder<LoadedService>(fs, JoinPath(content_dir, "services"), ParseService, &found);
  std::vector<LifeSituation> situations =
      LoadFolder<LifeSituation>(fs, JoinPath(content_dir, "situations"), ParseSituation, &found);
  std::vector<Touchpoint> touchpoints =
      LoadFolder<Touchpoint>(fs, JoinPath(content_dir, "touchpoints"), ParseTouchpoint, &found);
  std::vector<Page> pages = LoadFolder<Page>(fs, JoinPath(content_dir, "pages"), ParsePage, &found);

  const std::vector<std::string> situation_ids = Ids(situations);
  const std::vector<std::string> touchpoint_ids = Ids(touchpoints);
  std::vector<Service> resolved;
  resolved.reserve(services.size());
  for (LoadedService& loaded : services) {
    Service& service = loaded.service;
    service.situations = ResolveRefs(loaded.situations, situation_ids, service.path, "неизвестная жизненная ситуация", &found);
    service.touchpoints =
        ResolveRefs(loaded.touchpoints, touchpoint_ids, service.path, "неизвестная точка взаимодействия", &found);
    resolved.push_back(std::move(service));
  }

  SortForDisplay(&resolved);  // a service question offers services in display order
  std::optional<Calendar> calendar = LoadCalendar(fs, content_dir, &found);
  std::vector<Survey> surveys =
      LoadSurveys(fs, JoinPath(content_dir, "surveys"), resolved, calendar ? &*calendar : nullptr, &found);
  for (const Survey& survey : surveys) CheckTouchpoints(survey, touchpoint_ids, &found);
  if (config) {
    for (Survey& survey : surveys) ResolveIndicator(*config, &survey, &found);
  }

  std::vector<std::string> survey_ids;
  for (const Survey& survey : surveys) {
    // A theme may name a recurring survey: it codes every wave.
    for (const std::string& id : {survey.series, survey.id}) {
      if (!id.empty() && std::find(survey_ids.begin(), survey_ids.end(), id) == survey_ids.end()) survey_ids.push_back(id);
    }
  }
  std::optional<Themes> themes = LoadThemes(fs, content_dir, survey_ids, &found);

  diagnostics->Append(found);
  // A site.yaml with errors leaves the defaults: nothing is published from them.
  Site site(config ? std::move(*config) : SiteConfig{}, std::move(resolved), std::move(situations),
            std::move(touchpoints), std::move(pages), std::move(surveys));
  if (themes) site.SetThemes(std::move(*themes));
  if (calendar) site.SetCalendar(std::move(*calendar));
  return site;
}

std::optional<Site> LoadSite(const FileSystem& fs, const std::string& content_dir, Diagnostics* diagnostics) {
  Diagnostics found;
  Site site = LoadSiteLeniently(fs, content_dir, &found);
  found.Sort();
  diagnostics->Append(found);
  if (!found.empty()) return std::nullopt;
  return site;
}

}  // namespace otklik
