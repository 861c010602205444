#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "core/fingerprint.h"
#include "model/personal_data.h"
#include "model/touchpoint.h"

namespace otklik {

/// What an appeal record is (seed 002 §22, 004 §3.5).
enum class AppealKind { kAppeal, kComplaint, kRequest, kProposal };
/// How it ended. kSupported and kMeasures count as resolved in the
/// citizen's favour; kRefused as refused (004 §3.5).
enum class AppealOutcome { kSupported, kMeasures, kExplained, kRefused, kRedirected, kNoAnswer, kInProgress };

/// The ids used in content files, in enum order: appeal, complaint, request, proposal.
const std::vector<std::string>& AppealKindNames();
/// supported, measures, explained, refused, redirected, no-answer, in-progress.
const std::vector<std::string>& AppealOutcomeNames();

/// One anonymised appeal: nothing in it can name the person.
struct AppealRecord {
  Date registered;
  std::optional<Date> answered;  ///< Empty while in progress or left without an answer.
  std::string channel;           ///< A touchpoint id.
  AppealKind kind = AppealKind::kAppeal;
  std::string topic;   ///< Thematic classifier code "0002.0007.0075.0000".
  AppealOutcome outcome = AppealOutcome::kExplained;
  std::string reason;  ///< An id of AppealReason; empty when not given.
  int row = 0;         ///< Its row in the file, for messages.
};

/// The records of one quarter, from content/appeals/<YYYY>-q<N>.csv.
struct AppealQuarter {
  int year = 0;
  int quarter = 1;  ///< 1–4
  std::string path;
  std::vector<AppealRecord> records;
};

/// "2026-q3" (the stem of a quarter's file in appeals/ and reports/) →
/// {2026, 3}; nullopt for anything else.
std::optional<std::pair<int, int>> ParseQuarterKey(std::string_view key);

/// A main reason for appeals the agency tracks (content/appeals/reasons.yaml).
struct AppealReason {
  std::string id;
  std::string title;
};

/// A level of the federal Thematic classifier of appeals: a section
/// ("0002"), a subsection ("0002.0007"), or a deeper code.
struct ClassifierEntry {
  std::string code;
  std::string title;
};

/// Everything under content/appeals/.
struct Appeals {
  std::vector<AppealQuarter> quarters;      ///< Oldest first.
  std::vector<AppealReason> reasons;        ///< In file order.
  std::vector<ClassifierEntry> classifier;  ///< The five shipped sections, then the agency's entries; sorted by code.

  /// The title of `code` (a section, subsection or full code), or nullptr.
  const std::string* TitleOf(const std::string& code) const;
};

/// The five sections of the classifier that ship with Otklik.
const std::vector<ClassifierEntry>& ClassifierSections();

/// Loads content/appeals/ (absent folder: no appeals, no error). Channels
/// are checked against `touchpoints`; answer dates against `as_of`. Every
/// problem goes to `diagnostics` as "path:row: message"; returns nullopt
/// after any error.
std::optional<Appeals> LoadAppeals(const FileSystem& fs, const std::string& content_dir,
                                   const std::vector<Touchpoint>& touchpoints, const Date& as_of,
                                   Diagnostics* diagnostics);

/// The appeals the last lenient load in this process read (the preview's
/// builds), with the fingerprint of all it read them from: every file of
/// content/appeals/, the touchpoints' ids and the day. One load at a time.
struct AppealsMemo {
  Fingerprint key;
  std::optional<Appeals> appeals;
  Diagnostics found;
};

/// Like LoadAppeals, but returns what could be read even after errors (a
/// quarter file with errors is still there, with its good rows), so that
/// decisions can be checked in the same run. Diagnostics are appended unsorted.
/// With `memo`, what the last load read is returned again, with its
/// diagnostics, when nothing it was read from changed.
Appeals LoadAppealsLeniently(const FileSystem& fs, const std::string& content_dir,
                             const std::vector<Touchpoint>& touchpoints, const Date& as_of, Diagnostics* diagnostics,
                             AppealsMemo* memo = nullptr);


/// The columns of a quarter file in the order Otklik writes them: registered,
/// answered, channel, kind, topic, outcome, reason.
const std::vector<std::string>& AppealColumnNames();
/// What the column `index` of AppealColumnNames() holds, for messages: «дата регистрации».
std::string AppealColumnMeaning(size_t index);

/// A row an importer built from another table, for CheckAppealRows.
struct AppealRow {
  int row = 0;                     ///< Its number in the table it came from, for messages.
  std::vector<std::string> cells;  ///< The cells of AppealColumnNames(), in that order.
  /// Problems the importer found in cells itself, by column index: reported
  /// with the row's other problems, and those cells are not checked again.
  std::map<size_t, std::string> problems;
};

/// Checks `rows` with the rules LoadAppeals applies to each row of a quarter
/// file (personal data, dates against `as_of`, channels against
/// `touchpoints`, kinds, outcomes, topics and reasons against
/// content_dir/appeals/classifier.yaml and reasons.yaml), for rows of any
/// quarter. Reports "path:row: message" by each row's own number, the first
/// 50 row problems and then their count, as LoadAppeals does. Returns the
/// records of the good rows in order, or nullopt when reasons.yaml or
/// classifier.yaml has errors.
std::optional<std::vector<AppealRecord>> CheckAppealRows(const FileSystem& fs, const std::string& content_dir,
                                                         const std::vector<Touchpoint>& touchpoints, const Date& as_of,
                                                         const std::string& path, const std::vector<AppealRow>& rows,
                                                         Diagnostics* diagnostics);

}  // namespace otklik
