#include "content/site_config.h"

#include <algorithm>

#include "content/document.h"
#include "content/field_reader.h"
#include "core/spelling.h"

namespace otklik {

namespace {

std::string WithTrailingSlash(std::string url) {
  if (!url.empty() && url.back() != '/') url += '/';
  return url;
}

}  // namespace

const std::vector<std::string>& AppealMetricNames() {
  static const std::vector<std::string> kNames = {"channels",   "topics",     "reasons",
                                                  "complaints", "redirected", "answer_time"};
  return kNames;
}

Indicator DefaultIndicator() {
  return {"services", "Удовлетворённость услугами", "", 0};
}

int SiteConfig::IndicatorIndex(const std::string& id) const {
  for (size_t i = 0; i < indicators.size(); ++i) {
    if (indicators[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// `indicators:` — a list of {id, title, about}.
std::vector<Indicator> ReadIndicators(FieldReader& root) {
  std::vector<Indicator> out;
  for (FieldReader& item : root.MapList("indicators")) {
    Indicator indicator;
    indicator.line = item.LineOf("id");
    indicator.id = item.RequiredString("id");
    indicator.title = item.RequiredString("title");
    indicator.about = item.OptionalString("about");
    if (!indicator.id.empty() && !IsValidId(indicator.id)) {
      item.Error(indicator.line, "идентификатор показателя «" + indicator.id +
                                     "» должен состоять из строчных латинских букв, цифр и дефисов");
    }
    for (const Indicator& earlier : out) {
      if (earlier.id == indicator.id) {
        item.Error(indicator.line, "показатель «" + indicator.id + "» уже описан в строке " +
                                       std::to_string(earlier.line));
      }
    }
    item.Finish();
    out.push_back(std::move(indicator));
  }
  return out;
}

// `survey_cadence.<audience>`: {per_year, working_days}, each defaulting to `fallback`'s.
SurveyCadence ReadCadence(FieldReader& cadence, const std::string& audience, const SurveyCadence& fallback) {
  FieldReader fields = cadence.Map(audience);
  SurveyCadence out;
  out.per_year = fields.Int("per_year", fallback.per_year, 0, 366);
  out.working_days = fields.Int("working_days", fallback.working_days, 0, 366);
  fields.Finish();
  return out;
}

}  // namespace

void ReadWords(FieldReader& words, AgencyWords* out) {
  const auto read_cases = [&](const char* key, NounCases* cases) {
    if (!words.Has(key)) return;
    const std::vector<Ref> forms = words.RefList(key);
    if (forms.size() != cases->size()) {
      words.Error(words.LineOf(key), std::string("в поле «") + key + "» нужно шесть форм через запятую, по падежам: "
                                     "кто? кого? кому? кого/что? кем? о ком? — например [служба, службы, службе, "
                                     "службу, службой, службе]");
      return;
    }
    for (size_t i = 0; i < forms.size(); ++i) (*cases)[i] = forms[i].id;
  };
  read_cases("agency", &out->agency);
  read_cases("process", &out->process);
  read_cases("processes", &out->processes);
  read_cases("respondents", &out->respondents);
  if (words.Has("process_counted")) {
    const std::vector<Ref> forms = words.RefList("process_counted");
    if (forms.size() != 3) {
      words.Error(words.LineOf("process_counted"), "в поле «process_counted» нужны три формы: после 1, 2 и 5, например "
                                                   "[проверка, проверки, проверок]");
    } else {
      for (size_t i = 0; i < 3; ++i) out->process_counted[i] = forms[i].id;
    }
  }
}

std::optional<SiteConfig> ParseSiteConfig(const std::string& path, std::string_view text,
                                          Diagnostics* diagnostics) {
  const size_t errors_before = diagnostics->size();
  auto map = ParseYamlMap(path, text, 1, diagnostics);
  if (!map) return std::nullopt;
  FieldReader root(*map, path, diagnostics);
  SiteConfig config;
  config.title = root.OptionalString("title", "Обратная связь");
  config.description = root.OptionalString("description");

  FieldReader agency = root.Map("agency");
  if (!root.Has("agency")) root.Error(1, "не заполнено обязательное поле «agency» (сведения о ведомстве)");
  config.agency.name = agency.RequiredString("name");
  config.agency.short_name = agency.OptionalString("short_name", config.agency.name);
  config.agency.region = agency.RequiredString("region");
  config.agency.website = agency.OptionalUrl("website");
  agency.Finish();

  config.base_url = WithTrailingSlash(root.RequiredString("base_url"));
  if (!config.base_url.empty() && !IsWebAddress(config.base_url)) {
    root.Error(root.LineOf("base_url"), "поле «base_url» должно быть полным адресом, например https://otklik.example.ru/");
  }
  config.receiver_from_base = !root.Has("receiver_url");
  config.internal_receiver_from_base = config.receiver_from_base && !root.Has("internal_receiver_url");
  config.receiver_url = root.OptionalUrl("receiver_url", config.base_url);
  while (config.receiver_url.size() > 1 && config.receiver_url.back() == '/') config.receiver_url.pop_back();
  config.internal_receiver_url = root.OptionalUrl("internal_receiver_url", config.receiver_url);
  while (config.internal_receiver_url.size() > 1 && config.internal_receiver_url.back() == '/') {
    config.internal_receiver_url.pop_back();
  }

  if (root.Has("languages")) {
    config.languages.clear();
    for (const Ref& code : root.RefList("languages")) {
      const bool valid = code.id.size() >= 2 && code.id.size() <= 3 &&
                         std::all_of(code.id.begin(), code.id.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (!valid) {
        root.Error(code.line, "код языка «" + code.id + "» не подходит: нужен код ISO 639-1 из двух строчных "
                              "латинских букв, например tt (татарский) или ba (башкирский)");
      } else if (std::find(config.languages.begin(), config.languages.end(), code.id) != config.languages.end()) {
        root.Error(code.line, "язык «" + code.id + "» указан дважды");
      } else {
        config.languages.push_back(code.id);
      }
    }
    if (config.languages.empty() || config.languages.front() != "ru") {
      root.Error(root.LineOf("languages"), "первым в списке «languages» должен быть русский (ru): сайт публикуется "
                                           "на русском языке, другие языки — рядом с ним");
      config.languages.insert(config.languages.begin(), "ru");
    }
  }

  FieldReader words = root.Map("words");
  ReadWords(words, &config.words);
  words.Finish();

  FieldReader contacts = root.Map("contacts");
  config.contacts.address = contacts.OptionalString("address");
  config.contacts.phone = contacts.OptionalString("phone");
  config.contacts.email = contacts.OptionalEmail("email");
  config.contacts.hours = contacts.OptionalString("hours");
  contacts.Finish();

  FieldReader publication = root.Map("publication");
  config.min_group_size = publication.Int("min_group_size", 10, 5, 1000);
  config.satisfaction_target = publication.Int("satisfaction_target", 60, 1, 100);
  config.negative_share_limit = publication.Int("negative_share_limit", 25, 1, 100);
  config.allow_raw_html = publication.Bool("allow_raw_html", false);
  if (publication.Has("appeals_public")) {
    config.public_appeal_metrics.clear();
    for (const Ref& metric : publication.RefList("appeals_public")) {
      const std::vector<std::string>& known = AppealMetricNames();
      if (std::find(known.begin(), known.end(), metric.id) == known.end()) {
        std::string allowed;
        for (const std::string& name : known) allowed += (allowed.empty() ? "" : ", ") + name;
        publication.Error(metric.line, "неизвестный показатель обращений «" + metric.id + "»" +
                                           DidYouMean(metric.id, known) + "; допустимые: " + allowed);
      } else if (std::find(config.public_appeal_metrics.begin(), config.public_appeal_metrics.end(), metric.id) ==
                 config.public_appeal_metrics.end()) {
        config.public_appeal_metrics.push_back(metric.id);
      }
    }
  }
  publication.Finish();

  FieldReader cadence = root.Map("survey_cadence");
  config.external_cadence = ReadCadence(cadence, "external", config.external_cadence);
  config.internal_cadence = ReadCadence(cadence, "internal", config.internal_cadence);
  cadence.Finish();

  if (root.Has("indicators")) {
    config.indicators = ReadIndicators(root);
    if (config.indicators.empty()) {
      root.Error(root.LineOf("indicators"), "в списке «indicators» нет ни одного показателя");
      config.indicators = {DefaultIndicator()};
    }
  } else {
    // The one indicator of a site that names none, in the agency's words: «Удовлетворённость услугами».
    config.indicators.front().title = "Удовлетворённость " + config.words.processes[4];
  }

  root.Finish();
  if (diagnostics->size() != errors_before) return std::nullopt;
  return config;
}

}  // namespace otklik
