#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "core/diagnostic.h"

namespace otklik {

/// The agency that publishes the site.
struct Agency {
  std::string name;        ///< Full official name.
  std::string short_name;  ///< Used in the header. Default: `name`.
  std::string region;
  std::string website;     ///< The agency's main site. Default: none.
};

/// A noun in the six cases sentences need: nominative, genitive, dative,
/// accusative, instrumental, prepositional («служба», «службы», «службе»,
/// «службу», «службой», «службе»).
using NounCases = std::array<std::string, 6>;

/// The words of the agency's interface text (site.yaml `words:`): what the
/// agency is, what it does for people, and who they are.
struct AgencyWords {
  NounCases agency = {"ведомство", "ведомства", "ведомству", "ведомство", "ведомством", "ведомстве"};
  NounCases process = {"услуга", "услуги", "услуге", "услугу", "услугой", "услуге"};
  NounCases processes = {"услуги", "услуг", "услугам", "услуги", "услугами", "услугах"};
  NounCases respondents = {"граждане", "граждан", "гражданам", "граждан", "гражданами", "гражданах"};
  /// `process` after a number: 1, 2, 5 («услуга», «услуги», «услуг»).
  std::array<std::string, 3> process_counted = {"услуга", "услуги", "услуг"};
};

struct Contacts {
  std::string address;
  std::string phone;
  std::string email;
  std::string hours;
};

/// What a survey measures, so that only answers to the same question of
/// substance pool into one satisfaction level (seed 004 §3.1: the level of
/// each kind of process): the quality of services, the handling of appeals,
/// a hotline. A service's, situation's or touchpoint's level is always the
/// level of one indicator.
struct Indicator {
  std::string id;     ///< Stable, for addresses and open data: "services".
  std::string title;  ///< «Качество и доступность услуг».
  std::string about;  ///< One sentence for the methodology page. Default: none.
  int line = 0;
};

/// How often and how long the surveys of one audience must run (seed 004
/// §6.2: external online surveys at least twice a year, internal ones at
/// least once, on average 10 and 5 working days). 0 leaves a rule unchecked.
struct SurveyCadence {
  int per_year = 0;      ///< Surveys opening in each calendar year, at least.
  int working_days = 0;  ///< Their average length in working days, at least.
};

/// The indicator of a site.yaml without `indicators:`.
Indicator DefaultIndicator();

/// content/site.yaml, validated once and then read-only.
/// The metrics of a quarterly appeals report, as named in site.yaml:
/// channels (counts by channel), topics, reasons, complaints (resolved in
/// the citizen's favour and refused), redirected, answer_time.
const std::vector<std::string>& AppealMetricNames();

struct SiteConfig {
  std::string title;         ///< Site title. Default: "Обратная связь".
  std::string description;   ///< One sentence for the home page and search engines.
  Agency agency;
  AgencyWords words;
  std::string base_url;      ///< Absolute URL of the published site, ending in '/'.
  /// The languages the site is published in (`languages:`), Russian first:
  /// each other one at base_url + code + '/' (docs/content-format.md,
  /// «Второй язык»). Default: Russian alone.
  std::vector<std::string> languages = {"ru"};
  std::string receiver_url;  ///< Where survey forms post. Default: `base_url`.
  /// Whether site.yaml left receiver_url (and internal_receiver_url) to
  /// follow base_url: a site published elsewhere takes them along.
  bool receiver_from_base = false;
  bool internal_receiver_from_base = false;
  /// Where staff surveys' forms post: a receiver with `audience: internal`
  /// on the agency's own network. Default: `receiver_url`.
  std::string internal_receiver_url;
  Contacts contacts;
  /// Smallest group whose numbers are published. Default: 10; never below 5.
  int min_group_size = 10;
  /// The satisfaction level (share of ratings 4 and 5, in %) a service should reach. Default: 60.
  int satisfaction_target = 60;
  /// A service whose share of ratings 1 and 2 (in %) is above this is flagged
  /// for an extra survey, as is one below the target. Default: 25.
  int negative_share_limit = 25;
  /// Lets Markdown contain raw HTML. Default: false (raw HTML is dropped).
  bool allow_raw_html = false;
  /// The appeals metrics the public reports show (AppealMetricNames()); the
  /// others appear only in the internal report (seed 004 §3.12). Default: all.
  std::vector<std::string> public_appeal_metrics = AppealMetricNames();
  /// The indicators surveys feed (`indicators:`), the main one first: pages
  /// that show one level (the home page, tables of services) show it.
  /// Default: DefaultIndicator() alone.
  std::vector<Indicator> indicators = {DefaultIndicator()};
  /// `survey_cadence.external`, what `otklik check` holds external surveys
  /// to. Default: 2 a year, 10 working days.
  SurveyCadence external_cadence{2, 10};
  /// `survey_cadence.internal`, for staff surveys. Default: 1 a year, 5 working days.
  SurveyCadence internal_cadence{1, 5};
  /// The index of indicator `id`, or -1.
  int IndicatorIndex(const std::string& id) const;
};

class FieldReader;
/// Reads the agency's words (`words:` of site.yaml, or of a translation's
/// site.yaml) over `out`: each noun given replaces its forms.
void ReadWords(FieldReader& words, AgencyWords* out);

/// Parses site.yaml. Every problem goes to `diagnostics` as "path:line: ...".
std::optional<SiteConfig> ParseSiteConfig(const std::string& path, std::string_view text,
                                          Diagnostics* diagnostics);

}  // namespace otklik
