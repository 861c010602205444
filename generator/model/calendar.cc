#include "model/calendar.h"

#include <map>

#include "content/document.h"
#include "content/field_reader.h"

namespace otklik {

bool Calendar::IsWorkingDay(const Date& day) const {
  if (day.Weekday() >= 6) return working_weekends.count(day) > 0;
  return holidays.count(day) == 0;
}

std::optional<Date> Calendar::NthWorkingDay(const Date& from, int n) const {
  for (Date day = from; Covers(day); day = day.AddDays(1)) {
    if (IsWorkingDay(day) && --n == 0) return day;
  }
  return std::nullopt;
}

std::optional<int> Calendar::WorkingDays(const Date& first, const Date& last) const {
  if (!Covers(first) || !Covers(last)) return std::nullopt;
  int count = 0;
  for (Date day = first; day <= last; day = day.AddDays(1)) count += IsWorkingDay(day) ? 1 : 0;
  return count;
}

namespace {

// "2026" → 2026; nullopt for anything but a year of four digits.
std::optional<int> YearOf(const std::string& key) {
  if (key.size() != 4 || key[0] == '0') return std::nullopt;
  int year = 0;
  for (const char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  return year;
}

class CalendarReader {
 public:
  explicit CalendarReader(Calendar* calendar) : calendar_(calendar) {}

  void ReadYear(FieldReader& root, const std::string& key) {
    const std::optional<int> year = YearOf(key);
    if (!year) {
      root.Error(root.LineOf(key), "«" + key +
                                       "» — не год: календарь состоит из годов, например «2026:» со "
                                       "списками holidays и working_weekends");
      root.MarkRead(key);
      return;
    }
    years_.emplace(*year, root.LineOf(key));
    FieldReader fields = root.Map(key);
    fields.OptionalString("source");
    if (!fields.Has("holidays")) {
      fields.Error(root.LineOf(key),
                   "не заполнено обязательное поле «holidays» (нерабочие праздничные дни и "
                   "перенесённые выходные " +
                       key + " года)");
    }
    for (const Ref& ref : fields.RefList("holidays")) {
      const std::optional<Date> day = DayOf(fields, ref, *year);
      if (day && !calendar_->holidays.insert(*day).second) fields.Error(ref.line, "день " + ref.id + " указан дважды");
    }
    for (const Ref& ref : fields.RefList("working_weekends")) {
      const std::optional<Date> day = DayOf(fields, ref, *year);
      if (!day) continue;
      if (day->Weekday() < 6) {
        fields.Error(ref.line, ref.id +
                                   " — будний день, он и так рабочий: в working_weekends перечисляются "
                                   "субботы и воскресенья, ставшие рабочими");
      } else if (calendar_->holidays.count(*day)) {
        fields.Error(ref.line, "день " + ref.id + " указан и в holidays, и в working_weekends");
      } else if (!calendar_->working_weekends.insert(*day).second) {
        fields.Error(ref.line, "день " + ref.id + " указан дважды");
      }
    }
    fields.Finish();
  }

  // Years follow one another without a gap.
  void Close(const FieldReader& root) {
    if (years_.empty()) {
      root.Error(root.line(), "в календаре нет ни одного года: добавьте, например, «2026:» со списком holidays");
      return;
    }
    calendar_->first_year = years_.begin()->first;
    calendar_->last_year = years_.rbegin()->first;
    int previous = calendar_->first_year;
    for (const auto& [year, line] : years_) {
      if (year > previous + 1) {
        root.Error(line, "в календаре нет " + std::to_string(previous + 1) +
                             (year > previous + 2 ? "–" + std::to_string(year - 1) : "") +
                             " года: годы должны идти подряд, без пропусков");
      }
      previous = year;
    }
  }

 private:
  static std::optional<Date> DayOf(const FieldReader& fields, const Ref& ref, int year) {
    const std::optional<Date> day = Date::Parse(ref.id);
    if (!day) {
      fields.Error(ref.line, "«" + ref.id + "» — не дата: запишите её как ГГГГ-ММ-ДД");
    } else if (day->year() != year) {
      fields.Error(ref.line, "день " + ref.id + " не из " + std::to_string(year) + " года");
    } else {
      return day;
    }
    return std::nullopt;
  }

  Calendar* calendar_;
  std::map<int, int> years_;  // year → line
};

}  // namespace

std::optional<Calendar> LoadCalendar(const FileSystem& fs, const std::string& content_dir, Diagnostics* diagnostics) {
  Calendar calendar;
  calendar.path = JoinPath(content_dir, "calendar.yaml");
  if (!fs.IsFile(calendar.path)) return calendar;
  Result<std::string> text = fs.ReadFile(calendar.path);
  if (!text.ok()) {
    diagnostics->Add("", 0, text.status().message());
    return std::nullopt;
  }
  const size_t errors_before = diagnostics->size();
  std::optional<YamlNode> root_node = ParseYamlMap(calendar.path, text.value(), 1, diagnostics);
  if (!root_node) return std::nullopt;
  FieldReader root(*root_node, calendar.path, diagnostics);
  CalendarReader reader(&calendar);
  for (const std::string& key : root.keys()) reader.ReadYear(root, key);
  reader.Close(root);
  root.Finish();
  if (diagnostics->size() != errors_before) return std::nullopt;
  return calendar;
}

}  // namespace otklik
