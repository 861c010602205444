#include "stats/aggregator.h"

#include <map>
#include <unordered_map>

#include "core/case_fold.h"
#include "core/date.h"
#include "core/parallel.h"
#include "stats/name_index.h"

namespace otklik {

namespace {

// "2026-11-23" → its quarter number (year · 4 + quarter − 1); -1 if not a
// day (the same days as Date::Parse accepts).
int QuarterOf(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return -1;
  int year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return -1;
    year = year * 10 + (date[i] - '0');
  }
  if (date[5] < '0' || date[5] > '1' || date[6] < '0' || date[6] > '9') return -1;
  if (date[8] < '0' || date[8] > '3' || date[9] < '0' || date[9] > '9') return -1;
  const int month = (date[5] - '0') * 10 + (date[6] - '0');
  const int day = (date[8] - '0') * 10 + (date[9] - '0');
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > Date::DaysInMonth(year, month)) return -1;
  return year * 4 + (month - 1) / 3;
}

// survey · service · touchpoint · quarter, 16 bits each (services and
// touchpoints shifted by one: -1 is "not named").
uint64_t RoleKey(size_t survey, int service, int touchpoint, int quarter) {
  return (static_cast<uint64_t>(survey) << 48) | (static_cast<uint64_t>(service + 1) << 32) |
         (static_cast<uint64_t>(touchpoint + 1) << 16) | static_cast<uint64_t>(quarter);
}

// Looks texts up by view: no string is made to find one.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// One survey's counts in one quarter: everyone's, and per cut and option.
struct QuarterTally {
  std::vector<SlotCounts> all;
  CutCounts cuts;
};

// One thread's counts while reading; merged at the end.
struct Tally {
  std::unordered_map<uint64_t, QuarterTally> surveys;  ///< survey << 32 | quarter
  std::unordered_map<uint64_t, RoleCounts> roles;
  std::map<std::string, uint64_t> skipped;  ///< why → how many
  /// survey << 40 | slot << 20 | quarter → its open answers
  std::unordered_map<uint64_t, OpenAnswers> open;
  /// An open answer's text → its themes: the same words ("Всё хорошо") come again and again.
  std::unordered_map<std::string, uint64_t, TextHash, std::equal_to<>> themes_of;
  std::vector<uint64_t> theme_masks;  ///< Per survey: the themes that code its answers (Themes::For).
  /// survey → language ("" the first) → responses and overall ratings
  std::unordered_map<size_t, std::map<std::string, Results::LanguageCounts, std::less<>>> languages;
  SurveyPlan::Scratch scratch;
  RoleAnswers answers;
};

constexpr size_t kThemeCacheSize = 1 << 16;

// Counts an open answer by service and theme, and keeps it while it is
// among the newest of its question and quarter.
void CountOpenAnswer(const Site& site, const SurveyPlan& plan, const ResponseLine& line, uint32_t slot,
                     std::string_view text, int service, int quarter, Tally* tally) {
  const size_t survey = static_cast<size_t>(&plan.survey() - site.surveys().data());
  OpenAnswers& open = tally->open[static_cast<uint64_t>(survey) << 40 | static_cast<uint64_t>(slot) << 20 |
                                  static_cast<uint64_t>(quarter)];
  ++open.total;
  const Themes& themes = site.themes();
  const std::string& field = plan.slots()[slot].question;
  std::string id;
  uint64_t bits = 0;
  if (!themes.themes.empty()) {
    if (!themes.assigned.empty()) id = AnswerId(line.survey, line.date, field, text);
    const auto cached = tally->themes_of.find(text);
    if (cached != tally->themes_of.end() && (id.empty() || !themes.assigned.contains(id))) {
      bits = cached->second;
    } else {
      const std::string folded = Folded(text);
      bits = id.empty() ? themes.Match(folded) : themes.Of(id, folded);
      if (tally->themes_of.size() < kThemeCacheSize && (id.empty() || !themes.assigned.contains(id))) {
        tally->themes_of.emplace(std::string(text), bits);
      }
    }
  }
  bits &= tally->theme_masks[survey];  // a survey's answers only in its own themes
  if (bits == 0) ++open.counts[{service, -1}];
  for (int t = 0; t < 64; ++t) {
    if (bits >> t & 1) ++open.counts[{service, t}];
  }
  if (!open.floor.empty() && line.date < open.floor) return;
  if (id.empty()) id = AnswerId(line.survey, line.date, field, text);
  open.newest.push_back({std::move(id), std::string(line.date), service, std::string(text), bits});
  if (open.newest.size() >= 2 * OpenAnswers::kKept) open.Trim();  // in batches
}

}  // namespace

Results Aggregate(const Site& site, const std::string& responses_dir, unsigned threads, Diagnostics* warnings,
                  Progress& progress) {
  std::vector<std::string> parameters;
  std::vector<std::unique_ptr<SurveyPlan>> plans = SurveyPlan::AllOf(site, &parameters);
  NameIndex<size_t> survey_index;
  for (size_t i = 0; i < site.surveys().size(); ++i) survey_index.Set(site.surveys()[i].id, i);
  const size_t parameter_count = parameters.size();
  Results results(site, std::move(plans), std::move(parameters));
  std::vector<Tally> tallies(WorkerCount(threads));
  for (Tally& tally : tallies) {
    for (const Survey& survey : site.surveys()) tally.theme_masks.push_back(site.themes().For(survey.id, survey.series));
  }
  const auto count = [&](unsigned worker, const ResponseLine& line) {
    Tally& tally = tallies[worker];
    const size_t* survey = survey_index.Find(line.survey);
    if (!survey) {
      ++tally.skipped["ответы на опрос «" + std::string(line.survey) + "», которого нет в материалах"];
      return;
    }
    const int quarter = QuarterOf(line.date);
    if (quarter < 0) {
      ++tally.skipped["ответы с неверной датой «" + std::string(line.date) + "»"];
      return;
    }
    const SurveyPlan& plan = results.plan(*survey);
    const auto [cell, fresh] =
        tally.surveys.try_emplace(static_cast<uint64_t>(*survey) << 32 | static_cast<uint64_t>(quarter));
    if (fresh) {
      cell->second.all = plan.EmptyCounts();
      cell->second.cuts.resize(plan.cut_slots().size());
      for (size_t c = 0; c < plan.cut_slots().size(); ++c) {
        cell->second.cuts[c].resize(plan.slots()[plan.cut_slots()[c]].options.size());
      }
    }
    tally.answers.Clear();
    if (!plan.Read(line, &cell->second.all, &tally.answers, &tally.scratch)) {
      if (fresh) tally.surveys.erase(cell);  // no response counted: no quarter to report
      ++tally.skipped["ответы на редакцию " + std::to_string(line.revision) + " опроса «" + std::string(line.survey) +
                      "»: нет файла " + std::string(line.survey) + "@" + std::to_string(line.revision) + ".yaml"];
      return;
    }
    // The same answers again in the respondent's group of every cut.
    for (size_t c = 0; c < tally.scratch.cuts.size(); ++c) {
      const int option = tally.scratch.cuts[c];
      if (option < 0) continue;
      std::vector<uint64_t>& group = cell->second.cuts[c][static_cast<size_t>(option)];
      if (group.empty()) group.assign(plan.FlatSize(), 0);
      plan.AddToFlat(tally.scratch, group.data());
    }
    const RoleAnswers& answers = tally.answers;
    {
      auto& languages = tally.languages[*survey];
      auto language = languages.find(line.language);
      if (language == languages.end()) language = languages.emplace(std::string(line.language), Results::LanguageCounts{}).first;
      ++language->second.responses;
      if (answers.overall > 0) ++language->second.overall[static_cast<size_t>(answers.overall - 1)];
    }
    for (const auto& [slot, text] : tally.scratch.texts) {
      CountOpenAnswer(site, plan, line, slot, text, answers.service, quarter, &tally);
    }
    if (plan.survey().audience == Audience::kInternal || (answers.service < 0 && answers.touchpoint < 0)) return;
    RoleCounts& role = tally.roles[RoleKey(*survey, answers.service, answers.touchpoint, quarter)];
    if (role.parameters.empty()) role.parameters.resize(parameter_count);
    ++role.respondents;
    if (answers.overall > 0) ++role.overall[static_cast<size_t>(answers.overall - 1)];
    for (const auto& [parameter, rating] : answers.parameters) {
      ++role.parameters[static_cast<size_t>(parameter)][static_cast<size_t>(rating - 1)];
    }
  };
  results.scan = ScanSegments(responses_dir, static_cast<unsigned>(tallies.size()), count, warnings, progress);
  std::map<std::string, uint64_t> skipped;
  for (Tally& tally : tallies) {
    for (const auto& [key, counts] : tally.surveys) {
      results.AddSurvey(static_cast<size_t>(key >> 32), static_cast<int>(key & 0xffffffff), counts.all);
      results.AddSurveyCuts(static_cast<size_t>(key >> 32), static_cast<int>(key & 0xffffffff), counts.cuts);
    }
    for (const auto& [key, counts] : tally.roles) {
      const int service = static_cast<int>((key >> 32) & 0xffff) - 1;
      const int touchpoint = static_cast<int>((key >> 16) & 0xffff) - 1;
      results.AddRole(static_cast<size_t>(key >> 48), service, touchpoint, static_cast<int>(key & 0xffff), counts);
    }
    for (const auto& [survey, languages] : tally.languages) {
      for (const auto& [language, counts] : languages) {
        results.AddLanguage(survey, language.empty() ? site.config().languages.front() : language, counts);
      }
    }
    for (auto& [key, answers] : tally.open) {
      answers.Trim();
      results.AddOpenAnswers(static_cast<size_t>(key >> 40), static_cast<size_t>((key >> 20) & 0xfffff),
                             static_cast<int>(key & 0xfffff), answers);
    }
    for (const auto& [why, n] : tally.skipped) skipped[why] += n;
    if (tally.scratch.ignored > 0) {
      skipped["ответы на вопросы или варианты, которых нет в редакции опроса, на которую отвечали"] +=
          tally.scratch.ignored;
    }
  }
  for (const auto& [why, n] : skipped) {
    warnings->Add(responses_dir, 0, "пропущено " + std::to_string(n) + ": " + why);
    results.scan.skipped += n;
  }
  return results;
}

}  // namespace otklik
