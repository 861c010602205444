#pragma once

#include <optional>
#include <set>
#include <string>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_system.h"

namespace otklik {

/// The production calendar of content/calendar.yaml («производственный
/// календарь»): working days are Monday to Friday but its holidays, plus the
/// Saturdays and Sundays it makes working (transfers, «перенос выходных»).
/// It covers whole years, first_year to last_year without a gap; nothing is
/// known outside them, so callers never guess a working day.
struct Calendar {
  std::string path;  ///< content/calendar.yaml, whether or not it exists.
  int first_year = 0;
  int last_year = -1;               ///< Below first_year when there is no calendar file.
  std::set<Date> holidays;          ///< Days off: holidays and days off moved onto weekdays.
  std::set<Date> working_weekends;  ///< Saturdays and Sundays made working days.

  bool empty() const { return last_year < first_year; }
  bool Covers(const Date& day) const { return day.year() >= first_year && day.year() <= last_year; }
  /// REQUIRES: Covers(day).
  bool IsWorkingDay(const Date& day) const;
  /// The `n`-th working day (n ≥ 1) counting from `from` (itself the first
  /// when it is a working day); nullopt when the calendar ends before it.
  std::optional<Date> NthWorkingDay(const Date& from, int n) const;
  /// The working days from `first` to `last`, both included; nullopt unless
  /// the calendar covers both.
  std::optional<int> WorkingDays(const Date& first, const Date& last) const;
};

/// Reads <content_dir>/calendar.yaml: each top-level key a year («2026:»)
/// with `holidays` (required; every day off but ordinary weekends; a
/// holiday on a weekend may be listed too), `working_weekends` (optional)
/// and `source` (optional: the decree). A missing file gives an empty
/// calendar with its path. Problems ("path:line: message": a key that is not
/// a year, a gap between years, a day outside its year or listed twice, a
/// weekday among working weekends) go to `diagnostics`; then nullopt.
std::optional<Calendar> LoadCalendar(const FileSystem& fs, const std::string& content_dir, Diagnostics* diagnostics);

}  // namespace otklik
