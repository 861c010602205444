#include "model/survey_waves.h"

#include <string>

#include "core/plural.h"

namespace otklik {

namespace {

struct KindName {
  Period::Kind kind;
  const char* name;     // in survey files
  const char* pattern;  // how a period of this kind is written
};

const KindName kKinds[] = {
    {Period::Kind::kQuarter, "quarter", "квартал в виде ГГГГ-qN, например 2026-q1"},
    {Period::Kind::kHalf, "half-year", "полугодие в виде ГГГГ-hN, например 2026-h1"},
    {Period::Kind::kYear, "year", "год, например 2026"},
};

const KindName& NameOf(Period::Kind kind) {
  for (const KindName& name : kKinds) {
    if (name.kind == kind) return name;
  }
  return kKinds[0];
}

// `from` or `until`: a period key of the waves' kind.
std::optional<Period> ReadPeriod(FieldReader& fields, const std::string& key, Period::Kind kind) {
  const std::string text = key == "from" ? fields.RequiredString(key) : fields.OptionalString(key);
  if (text.empty()) return std::nullopt;
  const std::optional<Period> period = Period::FromKey(text);
  if (!period || period->kind != kind) {
    fields.Error(fields.LineOf(key), "в поле «" + key + "» нужен " + NameOf(kind).pattern + ", а не «" + text + "»");
    return std::nullopt;
  }
  return period;
}

// «1 рабочий день», «3 рабочих дня», «10 рабочих дней».
std::string WorkingDaysText(int n) {
  return std::to_string(n) + " " + RussianPlural(n, "рабочий день", "рабочих дня", "рабочих дней");
}

Survey WaveOf(const Survey& series, const Period& period, const Date& opens, const Date& closes) {
  Survey wave = series;
  wave.id = series.id + "-" + period.Key();
  wave.title = series.title + " (" + PeriodLabel(period) + ")";
  wave.opens = opens;
  wave.closes = closes;
  wave.series = series.id;
  wave.wave = period;
  for (Survey& earlier : wave.earlier_revisions) earlier.id = wave.id;
  return wave;
}

}  // namespace

std::optional<Waves> ReadWaves(FieldReader& root) {
  if (!root.Has("waves")) return std::nullopt;
  Waves waves;
  waves.line = root.LineOf("waves");
  FieldReader fields = root.Map("waves");
  std::vector<std::string> names;
  for (const KindName& kind : kKinds) names.push_back(kind.name);
  const std::string every = fields.Choice("every", names);
  for (const KindName& kind : kKinds) {
    if (every == kind.name) waves.every = kind.kind;
  }
  waves.start = fields.Int("start", 1, 1, 366);
  waves.working_days = fields.Int("working_days", 1, 1, 366);
  if (!fields.Has("start")) {
    fields.Error(waves.line,
                 "не заполнено обязательное поле «start» (на какой по счёту рабочий день периода "
                 "открывается волна)");
  }
  if (!fields.Has("working_days")) {
    fields.Error(waves.line, "не заполнено обязательное поле «working_days» (сколько рабочих дней идёт волна)");
  }
  waves.from = ReadPeriod(fields, "from", waves.every).value_or(Period{});
  waves.until = ReadPeriod(fields, "until", waves.every);
  if (waves.until && waves.from.year > 0 && *waves.until < waves.from) {
    fields.Error(fields.LineOf("until"),
                 "последняя волна (until: " + waves.until->Key() + ") раньше первой (from: " + waves.from.Key() + ")");
  }
  fields.Finish();
  return waves;
}

std::vector<Survey> ExpandWaves(const Survey& series, const Calendar& calendar, Diagnostics* diagnostics) {
  const Waves& waves = *series.waves;
  const auto error = [&](const std::string& message) {
    diagnostics->Add(series.path, waves.line, message);
    return std::vector<Survey>{};
  };
  if (calendar.empty()) {
    return error("для волн нужен производственный календарь, а файла " + calendar.path +
                 " нет: создайте его командой «otklik new calendar»");
  }
  const Period last = waves.until.value_or(Period::Of(waves.every, Date(calendar.last_year, 12, 31)));
  const auto beyond = [&](const Period& period) {
    return error("волна " + period.Key() + " позже конца производственного календаря " + calendar.path + " (" +
                 std::to_string(calendar.last_year) + " год): добавьте в него " + std::to_string(period.year) + " год" +
                 (waves.until ? " или сократите «until»" : ""));
  };
  if (waves.from > last) return beyond(waves.from);
  std::vector<Survey> out;
  for (Period period = waves.from; period <= last; period = period.Next()) {
    if (period.year < calendar.first_year) {
      return error("волна " + period.Key() + " раньше начала производственного календаря " + calendar.path + " (" +
                   std::to_string(calendar.first_year) + " год): добавьте в него " + std::to_string(period.year) +
                   " год или начните волны позже («from»)");
    }
    if (period.year > calendar.last_year) return beyond(period);
    const int available = *calendar.WorkingDays(period.first(), period.last());
    if (waves.start + waves.working_days - 1 > available) {
      return error("волна " + period.Key() + " (" + WorkingDaysText(waves.working_days) + " с " +
                   std::to_string(waves.start) + "-го рабочего дня) не укладывается в " + PeriodLabel(period) +
                   ": в нём " + WorkingDaysText(available) + "; уменьшите «start» или «working_days»");
    }
    const Date opens = *calendar.NthWorkingDay(period.first(), waves.start);
    out.push_back(WaveOf(series, period, opens, *calendar.NthWorkingDay(opens, waves.working_days)));
  }
  return out;
}

}  // namespace otklik
