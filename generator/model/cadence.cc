#include "model/cadence.h"

#include <algorithm>
#include <tuple>

#include "core/plural.h"
#include "core/ratio.h"

namespace otklik {

namespace {

// «10 рабочих дней», «9,8 рабочего дня».
std::string AverageDays(uint64_t sum, uint64_t count) {
  if (sum % count == 0) {
    const long days = static_cast<long>(sum / count);
    return std::to_string(days) + " " + RussianPlural(days, "рабочий день", "рабочих дня", "рабочих дней");
  }
  return FormatDecimal({sum, count}, 1, ',') + " рабочего дня";
}

// The surveys of `audience` opening in `year` against `cadence`.
void CheckYear(const Site& site, int year, Audience audience, const SurveyCadence& cadence,
               std::vector<std::string>* warnings) {
  std::vector<const Survey*> surveys;
  for (const Survey& survey : site.surveys()) {
    if (survey.audience == audience && !survey.Permanent() && survey.opens.year() == year) surveys.push_back(&survey);
  }
  std::sort(surveys.begin(), surveys.end(),
            [](const Survey* a, const Survey* b) { return std::tie(a->opens, a->id) < std::tie(b->opens, b->id); });
  const bool external = audience == Audience::kExternal;
  const std::string prefix = std::to_string(year) + " год: ";
  if (surveys.size() < static_cast<size_t>(cadence.per_year)) {
    std::string ids;
    for (const Survey* survey : surveys) ids += (ids.empty() ? "" : ", ") + survey->id;
    warnings->push_back(prefix + (external ? "внешних" : "внутренних") + " опросов — " +
                        std::to_string(surveys.size()) + (ids.empty() ? "" : " (" + ids + ")") + ", нужно не меньше " +
                        std::to_string(cadence.per_year));
  }
  uint64_t sum = 0;
  uint64_t count = 0;
  std::string lengths;
  for (const Survey* survey : surveys) {
    const std::optional<int> days = site.calendar().WorkingDays(survey->opens, survey->closes);
    if (!days) continue;
    sum += static_cast<uint64_t>(*days);
    ++count;
    lengths += (lengths.empty() ? "" : ", ") + survey->id + " — " + std::to_string(*days);
  }
  if (count == 0 || sum >= static_cast<uint64_t>(cadence.working_days) * count) return;
  warnings->push_back(prefix + (external ? "внешние" : "внутренние") + " опросы длятся в среднем " +
                      AverageDays(sum, count) + " (" + lengths + "), нужно не меньше " +
                      std::to_string(cadence.working_days));
}

// No calendar, or one that ends this year.
void CheckCalendar(const Site& site, const Date& as_of, std::vector<std::string>* warnings) {
  const Calendar& calendar = site.calendar();
  if (calendar.empty()) {
    warnings->push_back("нет производственного календаря " + calendar.path +
                        ": длительность опросов в рабочих днях "
                        "не проверена; создайте его командой «otklik new calendar»");
    return;
  }
  if (as_of.year() < calendar.last_year) return;
  const bool waves = std::any_of(site.surveys().begin(), site.surveys().end(),
                                 [](const Survey& survey) { return survey.waves && !survey.waves->until; });
  const std::string last = std::to_string(calendar.last_year);
  warnings->push_back("производственный календарь " + calendar.path + " заканчивается " + last + " годом: добавьте " +
                      std::to_string(calendar.last_year + 1) +
                      " год, когда выйдет постановление Правительства о "
                      "переносе выходных дней" +
                      (waves ? "; до тех пор у повторяющихся опросов не будет волн после " + last + " года" : ""));
}

}  // namespace

std::vector<std::string> CadenceWarnings(const Site& site, const Date& as_of) {
  std::vector<std::string> warnings;
  CheckCalendar(site, as_of, &warnings);
  int first = as_of.year();
  for (const Survey& survey : site.surveys()) {
    if (!survey.Permanent()) first = std::min(first, survey.opens.year());
  }
  if (!site.calendar().empty()) first = std::min(std::max(first, site.calendar().first_year), as_of.year());
  const SiteConfig& config = site.config();
  for (int year = first; year <= as_of.year(); ++year) {
    CheckYear(site, year, Audience::kExternal, config.external_cadence, &warnings);
    CheckYear(site, year, Audience::kInternal, config.internal_cadence, &warnings);
  }
  return warnings;
}

}  // namespace otklik
