#include "receiver/handler.h"

#include <nlohmann/json.hpp>

#include "content/document.h"
#include "core/utf8.h"
#include "model/response_validator.h"
#include "receiver/form_body.h"
#include "receiver/reply_pages.h"

namespace otklik {

namespace {

using nlohmann::json;

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kJson = "application/json; charset=utf-8";

// "/surveys/pension" → "pension"; "" when `path` is not prefix + id + suffix.
std::string IdBetween(const std::string& path, const std::string& prefix, const std::string& suffix) {
  if (!path.starts_with(prefix) || !path.ends_with(suffix) || path.size() <= prefix.size() + suffix.size()) return "";
  std::string id = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  return IsValidId(id) ? id : "";
}

// The media type without parameters, lowercase: "application/json".
std::string MediaType(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

HttpResponse Reply(int status, const char* type, std::string body) {
  HttpResponse response;
  response.status = status;
  response.content_type = type;
  response.body = std::move(body);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

HttpResponse Redirect(const std::string& location) {
  HttpResponse response = Reply(303, kHtml, "");
  response.headers.emplace_back("Location", location);
  return response;
}

HttpResponse JsonError(int status, const std::string& message) {
  return Reply(status, kJson,
               json{{"errors", json::array({{{"field", ""}, {"question", 0}, {"message", message}}})}}.dump(
                   -1, ' ', false, json::error_handler_t::replace));
}

HttpResponse MethodNotAllowed(const Messages& messages, const char* allow, ReceiverCounters* counters) {
  ++counters->wrong_method;
  HttpResponse response = Reply(405, "text/plain; charset=utf-8", messages["receiver.method_not_allowed"] + "\n");
  response.headers.emplace_back("Allow", allow);
  return response;
}

// One answer value: a string or a whole number.
bool AddAnswer(const std::string& field, const json& item, Submission* submission) {
  if (item.is_string()) {
    submission->emplace_back(field, item.get<std::string>());
  } else if (item.is_number_integer()) {
    submission->emplace_back(field, std::to_string(item.get<long long>()));
  } else {
    return false;
  }
  return true;
}

// {"revision": 1, "answers": {"field": "value" | ["a", "b"] | 4}} → (revision, submission).
bool ParseApiBody(const Messages& messages, const std::string& body, int* revision, Submission* submission,
                  std::string* error) {
  // nlohmann's parser would call such a body "not JSON"; say what is wrong.
  if (const size_t bad = FirstInvalidUtf8(body); bad != std::string::npos) {
    *error = messages.Format("receiver.api.not_utf8", {{"offset", std::to_string(bad)}});
    return false;
  }
  // A valid body nests answers → field → list → value; anything much deeper is
  // refused while parsing, so hostile nesting is never walked or copied.
  bool too_deep = false;
  const json root = json::parse(
      body,
      [&](int depth, json::parse_event_t, json&) {
        too_deep = too_deep || depth > 4;
        return !too_deep;
      },
      false);
  if (too_deep) {
    *error = messages["receiver.api.too_deep"];
    return false;
  }
  if (root.is_discarded() || !root.is_object()) {
    *error = messages["receiver.api.not_object"];
    return false;
  }
  for (const auto& [key, value] : root.items()) {
    if (key == "revision" && value.is_number_integer() && value.get<long long>() >= 1 &&
        value.get<long long>() <= 1000000) {
      *revision = static_cast<int>(value.get<long long>());
    } else if (key == "answers" && value.is_object()) {
      for (const auto& [field, answer] : value.items()) {
        bool ok = true;
        if (answer.is_array()) {
          for (const json& item : answer) ok = ok && AddAnswer(field, item, submission);
        } else {
          ok = AddAnswer(field, answer, submission);
        }
        if (!ok) {
          *error = messages.Format("receiver.api.bad_answer", {{"field", field}});
          return false;
        }
      }
    } else {
      *error = messages.Format("receiver.api.unknown_field", {{"key", key}});
      return false;
    }
  }
  return true;
}

}  // namespace

Handler::Handler(std::shared_ptr<const Site> site, Options options, Store store, Today today, RateLimiter* limiter,
                 ReceiverCounters* counters, std::vector<std::shared_ptr<const Site>> translations)
    : site_(std::move(site)),
      translations_(std::move(translations)),
      options_(std::move(options)),
      store_(std::move(store)),
      today_(std::move(today)),
      limiter_(limiter),
      counters_(counters) {}

HttpResponse Handler::Handle(const HttpRequest& request) const {
  const Messages& messages = site_->messages();
  if (request.path == "/healthz") {
    if (request.method != "GET" && request.method != "HEAD") return MethodNotAllowed(messages, "GET, HEAD", counters_);
    return Health();
  }
  if (const std::string id = IdBetween(request.path, "/surveys/", ""); !id.empty()) {
    if (request.method != "POST") return MethodNotAllowed(messages, "POST", counters_);
    return FormPost(request, id);
  }
  if (const std::string id = IdBetween(request.path, "/api/surveys/", "/responses"); !id.empty()) {
    if (request.method != "POST") return MethodNotAllowed(messages, "POST", counters_);
    return ApiPost(request, id);
  }
  ++counters_->not_found;
  return Reply(404, "text/plain; charset=utf-8", messages["receiver.unknown_address"] + "\n");
}

HttpResponse Handler::Health() const {
  return Reply(200, kJson, "{\"status\":\"ok\",\"counters\":" + counters_->ToJson() + "}\n");
}

namespace {

// Where a form's respondent goes back to, and the stylesheet's site.
struct FormLinks {
  std::string form;
  std::string thanks;
  std::string site;
};

FormLinks LinksFor(const Survey& survey, bool embed, const Handler::Options& options, const std::string& language) {
  const bool internal = survey.audience == Audience::kInternal;
  const std::string base =
      internal ? options.internal_url : options.site_url + (language.empty() ? "" : language + "/");
  const std::string page =
      base.empty() ? "" : base + "surveys/" + survey.id + "/" + (embed && !internal ? "embed/" : "");
  return {page, page.empty() ? "" : page + "thanks/", base.empty() ? options.site_url : base};
}

}  // namespace

const Survey* Handler::Served(const std::string& survey_id) const {
  const Survey* survey = site_->FindSurvey(survey_id);
  return survey && survey->audience == options_.audience ? survey : nullptr;
}

HttpResponse Handler::FormPost(const HttpRequest& request, const std::string& survey_id) const {
  std::optional<Submission> fields = ParseFormBody(request.body);
  // A form of a second language's pages says so: its replies are in that
  // language, its respondent goes back to its pages, its response records it.
  std::string language;
  for (const auto& [name, value] : fields.value_or(Submission{})) {
    if (name == kLanguageField) language = value;
  }
  const std::vector<std::string>& languages = site_->config().languages;
  if (!language.empty() &&
      (language == languages.front() || std::find(languages.begin(), languages.end(), language) == languages.end())) {
    language.clear();  // Russian, or a language the site does not have: the Russian pages
  }
  const Site* site = site_.get();
  for (const auto& translation : translations_) {
    if (!language.empty() && translation->messages().language() == language) site = translation.get();
  }
  const Messages& messages = site->messages();
  const std::string site_url = options_.site_url + (language.empty() ? "" : language + "/");
  if (const int wait = limiter_->Take(request.client); wait > 0) {
    ++counters_->rate_limited;
    HttpResponse response =
        Reply(429, kHtml,
              MessagePage(messages["receiver.rate_limited.title"], messages["receiver.rate_limited.text"], "", "",
                          site_url, messages.language()));
    response.headers.emplace_back("Retry-After", std::to_string(wait));
    return response;
  }
  const Survey* survey = Served(survey_id);
  if (!survey) {
    ++counters_->not_found;
    return Reply(404, kHtml,
                 MessagePage(messages["receiver.survey_not_found.title"], messages["receiver.survey_not_found.text"],
                             site_url, messages["receiver.to_site"], site_url, messages.language()));
  }
  if (request.body_too_large || request.body.size() > options_.body_limit) {
    ++counters_->too_large;
    return Reply(413, kHtml,
                 MessagePage(messages["receiver.too_large.title"], messages["receiver.too_large.text"], "", "",
                             site_url, messages.language()));
  }
  if (MediaType(request.content_type) != "application/x-www-form-urlencoded") {
    ++counters_->wrong_type;
    return Reply(415, kHtml,
                 MessagePage(messages["receiver.wrong_type.title"], messages["receiver.wrong_type.text"],
                             site_url + "surveys/" + survey_id + "/", messages["receiver.open_form"], site_url,
                             messages.language()));
  }
  std::string revision;
  bool embed = false;
  bool bot = false;
  Submission answers;
  for (auto& [name, value] : fields.value_or(Submission{})) {
    if (name == kRevisionField) {
      revision = value;
    } else if (name == kEmbedField) {
      embed = value == "1";
    } else if (name == kHoneypotField) {
      bot = bot || !value.empty();
    } else if (name == kLanguageField) {
      continue;
    } else {
      answers.emplace_back(std::move(name), std::move(value));
    }
  }
  const FormLinks links = LinksFor(*survey, embed, options_, language);
  // The survey in the form's language: the same codes, its texts in error pages.
  const Survey& shown = site->FindSurvey(survey->id) ? *site->FindSurvey(survey->id) : *survey;
  if (survey->StateOn(today_()) != SurveyState::kActive) {
    ++counters_->closed;
    // The title last: the editor's text is not searched for placeholders.
    const std::string text =
        messages.Format("receiver.closed.text", {{"dates", survey->DatesIso()}, {"title", shown.title}});
    return Reply(410, kHtml,
                 MessagePage(messages["receiver.closed.title"], text, links.form, messages["receiver.survey_page"],
                             links.site, messages.language()));
  }
  if (!fields) {
    ++counters_->invalid;
    return Reply(400, kHtml,
                 MessagePage(messages["receiver.unreadable.title"], messages["receiver.unreadable.text"], links.form,
                             messages["receiver.open_form"], links.site, messages.language()));
  }
  const auto accepted = [&] {
    return links.thanks.empty()
               ? Reply(200, kHtml,
                       MessagePage(messages["receiver.accepted"], "", "", "", links.site, messages.language()))
               : Redirect(links.thanks);
  };
  if (bot) {
    ++counters_->honeypot;
    return accepted();
  }
  if (!revision.empty() && revision != std::to_string(survey->revision)) {
    ++counters_->invalid;
    return Reply(400, kHtml,
                 MessagePage(messages["receiver.revision_changed.title"], messages["receiver.revision_changed.text"],
                             links.form, messages["receiver.open_form"], links.site, messages.language()));
  }
  Validation validation = ValidateResponse(shown, answers);
  if (!validation.ok()) {
    ++counters_->invalid;
    return Reply(400, kHtml, AnswersErrorPage(messages, shown, validation.errors, links.form, links.site));
  }
  validation.response.language = language;
  if (Status stored = store_({validation.response, today_(), "web"}); !stored.ok()) {
    ++counters_->unavailable;
    HttpResponse response =
        Reply(503, kHtml,
              MessagePage(messages["receiver.unavailable.title"], messages["receiver.unavailable.text"], "", "",
                          links.site, messages.language()));
    response.headers.emplace_back("Retry-After", "60");
    return response;
  }
  ++counters_->accepted;
  return accepted();
}

HttpResponse Handler::ApiPost(const HttpRequest& request, const std::string& survey_id) const {
  const Messages& messages = site_->messages();
  if (const int wait = limiter_->Take(request.client); wait > 0) {
    ++counters_->rate_limited;
    HttpResponse response = JsonError(429, messages["receiver.api.rate_limited"]);
    response.headers.emplace_back("Retry-After", std::to_string(wait));
    return response;
  }
  const Survey* survey = Served(survey_id);
  if (!survey) {
    ++counters_->not_found;
    return JsonError(404, messages.Format("receiver.api.survey_not_found", {{"id", survey_id}}));
  }
  if (request.body_too_large || request.body.size() > options_.body_limit) {
    ++counters_->too_large;
    return JsonError(413, messages.Format("receiver.api.too_large", {{"limit", std::to_string(options_.body_limit)}}));
  }
  if (MediaType(request.content_type) != "application/json") {
    ++counters_->wrong_type;
    return JsonError(415, messages["receiver.api.wrong_type"]);
  }
  if (survey->StateOn(today_()) != SurveyState::kActive) {
    ++counters_->closed;
    return JsonError(410, messages.Format("receiver.api.closed", {{"dates", survey->DatesIso()}}));
  }
  int revision = survey->revision;
  Submission answers;
  std::string error;
  if (!ParseApiBody(messages, request.body, &revision, &answers, &error)) {
    ++counters_->invalid;
    return JsonError(400, error);
  }
  if (revision != survey->revision) {
    ++counters_->invalid;
    return JsonError(
        400, messages.Format("receiver.api.old_revision",
                             {{"revision", std::to_string(revision)}, {"current", std::to_string(survey->revision)}}));
  }
  const Validation validation = ValidateResponse(*survey, answers);
  if (!validation.ok()) {
    ++counters_->invalid;
    json errors = json::array();
    for (const AnswerError& e : validation.errors) {
      errors.push_back({{"field", e.field}, {"question", e.question}, {"message", e.message}});
    }
    return Reply(400, kJson, json{{"errors", errors}}.dump(-1, ' ', false, json::error_handler_t::replace));
  }
  if (Status stored = store_({validation.response, today_(), "api"}); !stored.ok()) {
    ++counters_->unavailable;
    HttpResponse response = JsonError(503, messages["receiver.api.unavailable"]);
    response.headers.emplace_back("Retry-After", "60");
    return response;
  }
  ++counters_->accepted;
  return Reply(201, kJson, "{\"status\":\"accepted\"}");
}

}  // namespace otklik
