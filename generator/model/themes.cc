#include "model/themes.h"

#include <algorithm>
#include <cstdio>

#include "content/document.h"
#include "content/field_reader.h"
#include "core/case_fold.h"
#include "core/spelling.h"

namespace otklik {

constexpr size_t kMaxThemes = 64;

uint64_t Themes::Match(std::string_view folded_text) const {
  uint64_t bits = 0;
  for (size_t t = 0; t < themes.size() && t < kMaxThemes; ++t) {
    for (const std::string& stem : themes[t].stems) {
      if (folded_text.find(stem) != std::string_view::npos) {
        bits |= uint64_t{1} << t;
        break;
      }
    }
  }
  return bits;
}

uint64_t Themes::Of(std::string_view answer_id, std::string_view folded_text) const {
  if (!assigned.empty()) {
    const auto it = assigned.find(std::string(answer_id));
    if (it != assigned.end()) {
      uint64_t bits = 0;
      for (const size_t t : it->second) bits |= uint64_t{1} << t;
      return bits;
    }
  }
  return Match(folded_text);
}

uint64_t Themes::For(std::string_view survey, std::string_view series) const {
  uint64_t bits = 0;
  for (size_t t = 0; t < themes.size() && t < kMaxThemes; ++t) {
    const std::vector<std::string>& only = themes[t].surveys;
    const bool named = std::find(only.begin(), only.end(), survey) != only.end() ||
                       (!series.empty() && std::find(only.begin(), only.end(), series) != only.end());
    if (only.empty() || named) bits |= uint64_t{1} << t;
  }
  return bits;
}

std::optional<size_t> Themes::Find(std::string_view id) const {
  for (size_t t = 0; t < themes.size(); ++t) {
    if (themes[t].id == id) return t;
  }
  return std::nullopt;
}

std::optional<Themes> LoadThemes(const FileSystem& fs, const std::string& content_dir,
                                 const std::vector<std::string>& surveys, Diagnostics* diagnostics) {
  Themes out;
  out.path = JoinPath(content_dir, "themes.yaml");
  if (!fs.IsFile(out.path)) return out;
  Result<std::string> text = fs.ReadFile(out.path);
  if (!text.ok()) {
    diagnostics->Add("", 0, text.status().message());
    return std::nullopt;
  }
  const size_t errors_before = diagnostics->size();
  std::optional<YamlNode> root_node = ParseYamlMap(out.path, text.value(), 1, diagnostics);
  if (!root_node) return std::nullopt;
  FieldReader root(*root_node, out.path, diagnostics);
  for (FieldReader& theme : root.MapList("themes")) {
    Theme t;
    t.line = theme.line();
    t.id = theme.RequiredString("id");
    t.title = theme.RequiredString("title");
    if (!t.id.empty() && !IsValidId(t.id)) {
      theme.Error(theme.LineOf("id"), "код темы «" + t.id + "»: только строчные латинские буквы, цифры и дефис");
    }
    for (const Ref& stem : theme.RefList("keywords")) {
      const std::string folded = Folded(stem.id);
      if (folded.empty()) continue;
      t.stems.push_back(folded);
    }
    if (t.stems.empty()) {
      theme.Error(theme.LineOf("keywords"), "у темы «" + t.id + "» нет ключевых слов (keywords): по ним ответы "
                                            "относятся к теме, например [очеред, ожидан]");
    }
    for (const Ref& survey : theme.RefList("surveys")) {
      if (std::find(surveys.begin(), surveys.end(), survey.id) == surveys.end()) {
        theme.Error(survey.line, "у темы «" + t.id + "» указан опрос «" + survey.id + "», которого нет среди опросов" +
                                     DidYouMean(survey.id, surveys));
        continue;
      }
      t.surveys.push_back(survey.id);
    }
    const bool repeated = std::any_of(out.themes.begin(), out.themes.end(), [&](const Theme& other) { return other.id == t.id; });
    if (repeated) theme.Error(theme.LineOf("id"), "тема «" + t.id + "» уже описана выше");
    theme.Finish({"id", "title", "keywords", "surveys"});
    out.themes.push_back(std::move(t));
  }
  if (out.themes.size() > kMaxThemes) {
    root.Error(root.LineOf("themes"), "тем больше " + std::to_string(kMaxThemes) + ": объедините похожие");
  }
  FieldReader assign = root.Map("assign");
  for (const std::string& answer : assign.keys()) {
    std::vector<size_t> themes;
    for (const Ref& id : assign.RefList(answer)) {
      const auto it = std::find_if(out.themes.begin(), out.themes.end(), [&](const Theme& t) { return t.id == id.id; });
      if (it == out.themes.end()) {
        assign.Error(id.line, "ответ " + answer + ": нет темы «" + id.id + "» в списке themes");
        continue;
      }
      themes.push_back(static_cast<size_t>(it - out.themes.begin()));
    }
    out.assigned[answer] = std::move(themes);
  }
  root.Finish({"themes", "assign"});
  if (diagnostics->size() != errors_before) return std::nullopt;
  return out;
}

std::string AnswerId(std::string_view survey, std::string_view date, std::string_view field, std::string_view text) {
  uint64_t hash = 1469598103934665603ULL;
  for (const std::string_view part : {survey, date, field, text}) {
    for (const char c : part) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
    hash ^= 0xff;  // a separator no UTF-8 text holds
    hash *= 1099511628211ULL;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return std::string(out, 12);
}

}  // namespace otklik
