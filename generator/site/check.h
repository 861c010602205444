#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/progress.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "model/report.h"
#include "core/period.h"
#include "stats/service_flag.h"

namespace otklik {

/// What `otklik check` reads. Defaults match the CLI.
struct CheckOptions {
  std::string content_dir = "content";
  std::string templates_dir = "templates";  ///< Its catalogues of second languages (messages.<code>.yaml).
  std::string data_dir = "data";
  Date as_of;  ///< The day the check pretends it is (--as-of; by default today).
  Date today;  ///< The real day, passed in: no module reads the clock.
  unsigned threads = 0;
  Progress* progress = &NoProgress();  ///< The responses are read as one step.
};

/// A service the check recommends an extra quarterly survey for.
struct CheckedService {
  std::string id;
  std::string title;
  std::string indicator;        ///< The indicator's id: its level flagged the service.
  std::string indicator_title;  ///< Its title when the site has several; "" otherwise.
  Flag flag;
};

/// Where the appeals report of a quarter stands.
struct CheckedReport {
  Period quarter;
  ReportStatus status;
};

/// A decision with a measure past its deadline, or one due soon.
struct CheckedDecision {
  std::string id;
  std::string path;
  std::string title;
  std::string measure;  ///< The open measure with the earliest deadline.
  std::string responsible;
  Date deadline;
};

/// A survey taking answers that closes soon.
struct ClosingSurvey {
  std::string id;
  std::string title;
  Date closes;
  bool internal = false;
};

/// Days before its last day from which an active survey is «closing soon».
inline constexpr int kClosingSoonDays = 14;

/// What the check found in content that loads.
/// What a second language of the site shows in Russian (model/translation.h).
struct CheckedLanguage {
  std::string code;
  std::string name;  ///< Its own name, from its catalogue.
  /// "services/passport.md: summary, текст": content without a translation.
  std::vector<std::string> untranslated;
  /// Messages of the interface shown in Russian, by section ("decision" → 112).
  std::vector<std::pair<std::string, size_t>> messages;
  size_t message_count = 0;
};

struct CheckReport {
  size_t services = 0;
  size_t situations = 0;
  size_t touchpoints = 0;
  size_t surveys = 0;
  uint64_t responses = 0;
  Period quarter;  ///< The quarter the flags are for: the last complete one.
  int target = 0;          ///< Satisfaction target, percent.
  int negative_limit = 0;  ///< Share of ratings 1–2 that flags, percent.
  std::vector<CheckedService> flagged;
  /// Every quarter an appeals report is due for, oldest first.
  std::vector<CheckedReport> reports;
  size_t appeal_records = 0;
  size_t decisions = 0;  ///< On the pain map on `as_of`.
  std::vector<CheckedDecision> overdue_decisions;   ///< Earliest deadline first.
  std::vector<CheckedDecision> due_soon_decisions;  ///< Earliest deadline first.
  std::vector<ClosingSurvey> closing_surveys;  ///< Active surveys whose last day is within kClosingSoonDays.
  /// Years with fewer or shorter surveys than site.yaml `survey_cadence`
  /// asks, and a missing or ending production calendar (CadenceWarnings).
  std::vector<std::string> cadence;
  /// Problems in content that the build accepts but readers would suffer
  /// from: images without a text alternative («path:line: …»).
  Diagnostics content_problems;
  Diagnostics warnings;  ///< Responses that could not be read or counted.
  std::vector<CheckedLanguage> languages;  ///< The site's languages after the first.
};

/// Loads and validates the content (appeals and reports included, with the
/// frozen numbers of published reports), reads the responses, lists the
/// services whose last complete quarter calls for an extra survey (seed 000
/// §4.3, 002 §5) and where each quarter's appeals report stands against its
/// 45-day deadline (002 §21), and the pain map's decisions that are overdue
/// or due within 30 days, surveys closing within two weeks, years with too
/// few or too short surveys (site.yaml `survey_cadence`) and images in
/// Markdown without a text alternative. Returns false with every content error in
/// `errors`.
bool Check(const FileSystem& fs, const CheckOptions& options, CheckReport* report, Diagnostics* errors);

}  // namespace otklik
