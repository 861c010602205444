#include "render/template_set.h"

#include <regex>
#include <set>

#include "core/escape.h"
#include "core/spelling.h"
#include "render/json_to_mustache.h"

namespace otklik {

namespace {

constexpr std::string_view kSuffix = ".mustache";

int LineAt(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

std::string PartialPath(const std::string& dir, const std::string& name) {
  return JoinPath(dir, "partials/" + name + std::string(kSuffix));
}

// Replaces each {{msg.key}} with the message, escaped for HTML, and each
// {{{msg.key}}} with it as it is: the catalogue is fixed for a build, so
// templates are parsed with their text in place.
std::string PutMessages(const std::string& path, const std::string& text, const Messages& messages,
                        Diagnostics* diagnostics) {
  static const std::regex kMessage(R"(\{\{(\{?)\s*msg\.([A-Za-z0-9_.-]+)\s*(\}?)\}\})");
  std::string out;
  size_t last = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kMessage); it != std::sregex_iterator(); ++it) {
    const std::smatch& match = *it;
    out.append(text, last, static_cast<size_t>(match.position(0)) - last);
    last = static_cast<size_t>(match.position(0) + match.length(0));
    const std::string key = match[2].str();
    if (!messages.Has(key)) {
      diagnostics->Add(path, LineAt(text, static_cast<size_t>(match.position(0))),
                       "нет сообщения «" + key + "» в каталоге " + messages.path());
      continue;
    }
    out += match[1].length() > 0 ? messages[key] : EscapeXml(messages[key]);
  }
  out.append(text, last);
  return out;
}

// Replaces each {{> name}} with the partial's text, recursively. `path` is the
// file `text` comes from, so problems are reported where they are written.
std::optional<std::string> ExpandPartials(const std::string& dir, const std::string& path, const std::string& text,
                                          const std::map<std::string, std::string>& partials,
                                          std::vector<std::string>* stack, Diagnostics* diagnostics) {
  static const std::regex kPartial(R"(\{\{>\s*([A-Za-z0-9_./-]+)\s*\}\})");
  std::string out;
  size_t last = 0;
  bool ok = true;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kPartial); it != std::sregex_iterator(); ++it) {
    const std::smatch& match = *it;
    const std::string name = match[1];
    const size_t offset = static_cast<size_t>(match.position(0));
    out.append(text, last, offset - last);
    last = offset + static_cast<size_t>(match.length(0));
    const auto partial = partials.find(name);
    if (partial == partials.end()) {
      std::vector<std::string> known;
      for (const auto& [known_name, unused] : partials) known.push_back(known_name);
      diagnostics->Add(path, LineAt(text, offset), "неизвестный фрагмент шаблона «" + name + "»" + DidYouMean(name, known));
      ok = false;
      continue;
    }
    if (std::find(stack->begin(), stack->end(), name) != stack->end()) {
      diagnostics->Add(path, LineAt(text, offset), "фрагмент «" + name + "» включает сам себя");
      ok = false;
      continue;
    }
    stack->push_back(name);
    const auto expanded = ExpandPartials(dir, PartialPath(dir, name), partial->second, partials, stack, diagnostics);
    stack->pop_back();
    if (!expanded) {
      ok = false;
      continue;
    }
    out += *expanded;
  }
  out.append(text, last);
  if (!ok) return std::nullopt;
  return out;
}

// Checks the Mustache syntax of one file on its own, so that an error is
// reported at its line in that file, in Russian.
bool CheckSyntax(const std::string& path, const std::string& text, Diagnostics* diagnostics) {
  kainjow::mustache::mustache parsed(text);
  if (parsed.is_valid()) return true;
  static const std::regex kError(
      R"re(^(Unclosed tag|Invalid set delimiter tag|Unopened section "(.*)"|Unclosed section "(.*)") at (\d+)$)re");
  std::smatch match;
  const std::string& error = parsed.error_message();
  if (!std::regex_match(error, match, kError)) {
    diagnostics->Add(path, 0, "ошибка в шаблоне: " + error);
    return false;
  }
  const int line = LineAt(text, std::stoul(match[4]));
  std::string message;
  if (match[2].matched) {
    message = "«{{/" + match[2].str() + "}}» закрывает раздел, который не был открыт";
  } else if (match[3].matched) {
    message = "раздел «{{#" + match[3].str() + "}}» не закрыт: добавьте «{{/" + match[3].str() + "}}»";
  } else if (match[1] == "Unclosed tag") {
    message = "тег не закрыт: не хватает «}}»";
  } else {
    message = "неверная смена разделителей «{{=… …=}}»";
  }
  diagnostics->Add(path, line, "ошибка в шаблоне: " + message);
  return false;
}

}  // namespace

std::optional<TemplateSet> TemplateSet::Load(const FileSystem& fs, const std::string& dir,
                                             const std::vector<std::string>& required, Diagnostics* out,
                                             const Messages* messages,
                                             const std::map<std::string, std::string>* fallback) {
  Diagnostics found;
  Diagnostics* diagnostics = &found;
  std::map<std::string, std::string> partials;
  std::map<std::string, std::string> pages;
  std::set<std::string> broken;
  for (const std::string& file : fs.ListFiles(dir)) {
    if (!file.ends_with(kSuffix)) continue;
    Result<std::string> text = fs.ReadFile(JoinPath(dir, file));
    if (!text.ok()) {
      diagnostics->Add("", 0, text.status().message());
      continue;
    }
    if (messages) text.value() = PutMessages(JoinPath(dir, file), text.value(), *messages, diagnostics);
    std::string name = file.substr(0, file.size() - kSuffix.size());
    // A broken file is kept as empty, so that it is not also reported as missing.
    if (!CheckSyntax(JoinPath(dir, file), text.value(), diagnostics)) {
      text.value().clear();
      broken.insert(name);
    }
    if (name.starts_with("partials/")) {
      partials[name.substr(9)] = std::move(text.value());
    } else {
      pages[name] = std::move(text.value());
    }
  }
  if (fallback) {
    for (const auto& [name, text] : *fallback) {
      const bool partial = name.starts_with("partials/");
      if (name == "layout" || (partial ? partials.count(name.substr(9)) : pages.count(name))) continue;
      std::string built_in = messages ? PutMessages(name, text, *messages, diagnostics) : text;
      (partial ? partials[name.substr(9)] : pages[name]) = std::move(built_in);
    }
  }
  TemplateSet set;
  set.dir_ = dir;
  for (const auto& [name, text] : pages) {
    if (broken.count(name)) continue;
    const std::string path = JoinPath(dir, name + std::string(kSuffix));
    std::vector<std::string> stack;
    auto expanded = ExpandPartials(dir, path, text, partials, &stack, diagnostics);
    if (!expanded) continue;
    // Each file is well-formed alone; a section may still not span a partial's edge.
    kainjow::mustache::mustache parsed(*expanded);
    if (!parsed.is_valid()) {
      diagnostics->Add(path, 0, "ошибка в шаблоне: раздел открыт в одном файле, а закрыт в другом; "
                                "открывайте и закрывайте раздел в одном файле");
      continue;
    }
    set.sources_[name] = std::move(*expanded);
  }
  for (const std::string& name : required) {
    if (!pages.count(name)) {
      diagnostics->Add(JoinPath(dir, name + std::string(kSuffix)), 0, "нет обязательного шаблона");
    }
  }
  found.Sort();
  out->Append(found);
  if (!found.empty()) return std::nullopt;
  return set;
}

Fingerprint TemplateSet::TextFingerprint(const Fingerprint& seed) const {
  Fingerprint result = seed;
  for (const auto& [name, text] : sources_) {
    result = FingerprintOf(text, FingerprintOf(name, result));
  }
  return result;
}

TemplateSet TemplateSet::Clone() const {
  TemplateSet copy;
  copy.dir_ = dir_;
  copy.sources_ = sources_;
  return copy;
}

kainjow::mustache::mustache& TemplateSet::Parsed(const std::string& name) {
  auto& slot = parsed_[name];
  if (!slot) slot = std::make_unique<kainjow::mustache::mustache>(sources_.at(name));
  return *slot;
}

Result<std::string> TemplateSet::Render(const std::string& name, const nlohmann::json& view, bool layout) {
  if (!Has(name)) return Status::Error(JoinPath(dir_, name + std::string(kSuffix)) + ": нет такого шаблона");
  kainjow::mustache::data data = ToMustache(view);
  kainjow::mustache::mustache& body_template = Parsed(name);
  std::string body = body_template.render(data);
  if (!body_template.is_valid()) {
    return Status::Error(JoinPath(dir_, name + std::string(kSuffix)) + ": " + body_template.error_message());
  }
  if (!layout) return body;
  if (!Has("layout")) return Status::Error(JoinPath(dir_, "layout.mustache") + ": нет такого шаблона");
  data.set("content", body);
  kainjow::mustache::mustache& layout_template = Parsed("layout");
  std::string page = layout_template.render(data);
  if (!layout_template.is_valid()) {
    return Status::Error(JoinPath(dir_, "layout.mustache: ") + layout_template.error_message());
  }
  return page;
}

}  // namespace otklik
