// The analyst's workspace in the internal output: every survey, external
// and internal, in every period, question by question, against the period
// before and the same period a year before, and cut by every question that
// sorts people into groups. Figures come from the results model, with the
// keys public pages use, so staff and the public read the same numbers.

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>

#include "model/personal_data.h"
#include "render/decision_views.h"
#include "render/figure.h"
#include "render/russian.h"
#include "render/view_builder.h"

namespace otklik {

using nlohmann::json;

namespace {

std::string PeriodName(const Messages& messages, const std::optional<Period>& period) {
  return period ? messages.PeriodLabel(*period) : messages["workspace.all_answers"];
}

std::string PeriodUrl(const std::optional<Period>& period) {
  return period ? period->Key() : "all";
}

// «По услугам», «По полу»: the heading of cut `cut` of `plan`, and the
// words after «Все ответы» in a link to it («по услугам»).
struct CutName {
  std::string heading;
  std::string after;
};

CutName CutNameOf(const Messages& messages, const SurveyPlan& plan, size_t cut) {
  const Slot& slot = plan.slots()[plan.cut_slots()[cut]];
  const auto by = [&](const std::string& name) {
    return CutName{messages.Format("workspace.cut_heading." + name, {{"question", slot.text}}),
                   messages.Format("workspace.cut_after." + name, {{"question", slot.text}})};
  };
  switch (slot.kind) {
    case QuestionKind::kService: return by("service");
    case QuestionKind::kSex: return by("sex");
    case QuestionKind::kAge: return by("age");
    case QuestionKind::kEducation: return by("education");
    default: break;
  }
  const Question* question = plan.survey().FindQuestion(slot.question);
  if (question && question->role == QuestionRole::kRespondent) return by("respondent");
  if (plan.SortsIntoGroups(plan.cut_slots()[cut])) return by("channel");
  return by("question");  // a question the survey marks `cut: true`
}

// Newest first: by the last day, a quarter before the half-year and the
// year that end with it; all responses first of all.
std::vector<std::optional<Period>> NewestFirst(std::vector<std::optional<Period>> periods) {
  std::stable_sort(periods.begin(), periods.end(), [](const std::optional<Period>& a, const std::optional<Period>& b) {
    if (!a || !b) return !a && b;
    if (a->last() != b->last()) return b->last() < a->last();
    return a->kind < b->kind;
  });
  return periods;
}

}  // namespace

const ReportPlan::WorkspaceSurvey* ViewBuilder::WorkspaceOf(size_t survey) const {
  if (!context_.report_plan) return nullptr;
  for (const ReportPlan::WorkspaceSurvey& entry : context_.report_plan->workspace) {
    if (entry.survey == survey) return &entry;
  }
  return nullptr;
}

void ViewBuilder::Workspace(json& view) {
  const Messages& messages = site_.messages();
  view["title"] = messages["workspace.title"];
  view["index"] = true;
  view["workspace_href"] = Href("workspace/");
  view["results_href"] = Href("results/");
  json surveys = json::array();
  if (context_.report_plan) {
    for (const ReportPlan::WorkspaceSurvey& entry : context_.report_plan->workspace) {
      const Survey& survey = site_.surveys()[entry.survey];
      json periods = json::array();
      for (const std::optional<otklik::Period>& period : NewestFirst(entry.periods)) {
        periods.push_back({{"title", PeriodName(messages, period)},
                           {"href", Href("workspace/" + survey.id + "/" + PeriodUrl(period) + "/")}});
      }
      surveys.push_back({{"title", survey.title},
                         {"survey_title", survey.title},  // named apart, for the links of its periods
                         {"audience", messages[survey.audience == Audience::kInternal ? "workspace.internal_survey"
                                                                                      : "workspace.external_survey"]},
                         {"dates", Period(survey)},
                         {"periods", periods}});
    }
  }
  view["surveys"] = surveys;
}

json ViewBuilder::WorkspaceNav(const ReportPlan::WorkspaceSurvey& entry, const std::optional<otklik::Period>& period,
                               int cut) const {
  const bool period_page = page_.kind == PageKind::kWorkspaceSurvey;
  const Survey& survey = site_.surveys()[entry.survey];
  const std::string base = "workspace/" + survey.id + "/";
  json periods = json::array();
  for (const std::optional<otklik::Period>& p : NewestFirst(entry.periods)) {
    periods.push_back({{"title", p ? site_.messages().PeriodShort(*p) : site_.messages()["workspace.all_answers"]},
                       {"href", Href(base + PeriodUrl(p) + "/")},
                       {"current", p == period && period_page}});
  }
  json cuts = json::array();
  const SurveyPlan& plan = context_.results->results.plan(entry.survey);
  for (size_t c = 0; c < entry.cuts.size(); ++c) {
    cuts.push_back({{"title", CutNameOf(site_.messages(), plan, c).heading},
                    {"href", Href(base + PeriodUrl(period) + "/" + entry.cuts[c] + "/")},
                    {"current", static_cast<int>(c) == cut}});
  }
  return {{"periods", periods},
          {"cuts", cuts},
          {"all_current", period_page},
          {"period_href", Href(base + PeriodUrl(period) + "/")},
          {"workspace_href", Href("workspace/")}};
}

void ViewBuilder::WorkspaceSurveyPage(json& view) {
  const Survey& survey = site_.surveys()[page_.index];
  const std::optional<otklik::Period> period = page_.whole ? std::nullopt : std::optional(page_.period);
  const Messages& messages = site_.messages();
  view["title"] =
      messages.Format("workspace.survey_title", {{"survey", survey.title}, {"period", PeriodName(messages, period)}});
  view["survey_page"] = true;
  const ReportPlan::WorkspaceSurvey* entry = WorkspaceOf(page_.index);
  if (!context_.results || !entry) return;
  const ResultsContext& results = *context_.results;
  const SurveyPlan& plan = results.results.plan(page_.index);
  view["ws_nav"] = WorkspaceNav(*entry, period, -1);
  // Every question with a level: now, the period before, a year before.
  json comparison = json::array();
  for (size_t i = 0; i < plan.slots().size() && period; ++i) {
    const QuestionTable& now = results.model.Question(page_.index, i, period);
    if (!now.level) continue;
    const otklik::Period before = period->Previous();
    otklik::Period year_before = *period;
    year_before.year -= 1;
    const QuestionTable& previous = results.model.Question(page_.index, i, before);
    const QuestionTable& last_year = results.model.Question(page_.index, i, year_before);
    const auto level_of = [&](const QuestionTable& table, const otklik::Period& p) {
      PeriodLevel level = table.level ? *table.level : PeriodLevel{};
      level.period = p;
      if (!table.level) level.key = SlotFigureKey(plan, i, p) + "/level";
      return level;
    };
    const PeriodLevel now_level = level_of(now, *period);
    const PeriodLevel before_level = level_of(previous, before);
    const PeriodLevel year_level = level_of(last_year, year_before);
    json row = {{"text", plan.slots()[i].text},
                {"now", PeriodLevelRow(results, now_level)},
                {"before", PeriodLevelRow(results, before_level)},
                {"change", PeriodLevelChange(results, before_level, now_level)}};
    // A year's period before is the year before: one comparison is enough.
    if (period->kind != otklik::Period::Kind::kYear) {
      row["year"] = PeriodLevelRow(results, year_level);
      row["year_change"] = PeriodLevelChange(results, year_level, now_level);
    }
    comparison.push_back(std::move(row));
  }
  view["comparison"] = comparison;
  view["before"] = period ? site_.messages().PeriodShort(period->Previous()) : "";
  otklik::Period year_before = period.value_or(otklik::Period{});
  year_before.year -= 1;
  view["year_before"] =
      period && period->kind != otklik::Period::Kind::kYear ? site_.messages().PeriodShort(year_before) : "";
  view["answer_languages"] = LanguageSplit(page_.index);
  // Every cut: the level of each question in each group.
  json cuts = json::array();
  for (size_t c = 0; c < plan.cut_slots().size(); ++c) {
    json columns = json::array();
    json rows = json::array();
    for (size_t i = 0; i < plan.slots().size(); ++i) {
      const std::vector<CutColumn>& groups = results.model.Cut(page_.index, i, c, period);
      if (groups.empty() || !groups.front().level) continue;
      if (columns.empty()) {
        for (const CutColumn& group : groups) columns.push_back({{"title", group.text}});
      }
      json cells = json::array();
      for (const CutColumn& group : groups) {
        const bool shown = group.shown && group.level->level.n > 0;
        cells.push_back({{"html", shown ? LevelShare(group.level->key, group.level->share(), results.target).html
                                        : Hidden(group.level->key + "/share", "—").html}});
      }
      rows.push_back({{"text", plan.slots()[i].text}, {"cells", cells}});
    }
    if (rows.empty()) continue;
    const CutName name = CutNameOf(messages, plan, c);
    cuts.push_back({{"title", name.heading},
                    {"link", messages.Format("workspace.cut_link", {{"cut", name.after}})},
                    {"href", Href("workspace/" + survey.id + "/" + PeriodUrl(period) + "/" + entry->cuts[c] + "/")},
                    {"columns", columns},
                    {"rows", rows}});
  }
  view["cuts"] = cuts;
  view["open"] = OpenAnswerThemes(page_.index, period);
  view["answers_href"] = Href("workspace/" + survey.id + "/" + PeriodUrl(period) + "/answers/");
  view["results"] = SurveyResults(results, page_.index, period);
}

// All the survey's responses by the language of the form, for a site in
// several: how many and the overall level in each. The languages split one
// total: when one of them is below the threshold every one is hidden, or
// the total would give it away.
json ViewBuilder::LanguageSplit(size_t survey_index) const {
  if (!context_.languages || context_.languages->size() < 2 || !context_.results) return nullptr;
  const std::map<std::string, Results::LanguageCounts>& counts =
      context_.results->results.SurveyLanguages(survey_index);
  const uint64_t k = static_cast<uint64_t>(site_.config().min_group_size);
  const auto small = [&](uint64_t n) { return n > 0 && n < k; };
  bool hide_counts = false;
  bool hide_levels = false;
  for (const LanguageName& language : *context_.languages) {
    const auto it = counts.find(language.code);
    if (it == counts.end()) continue;
    uint64_t rated = 0;
    for (uint64_t n : it->second.overall) rated += n;
    hide_counts |= small(it->second.responses);
    hide_levels |= small(rated);
  }
  hide_levels |= hide_counts;
  const std::string base = "survey/" + site_.surveys()[survey_index].id + "/language/";
  json rows = json::array();
  for (const LanguageName& language : *context_.languages) {
    const auto it = counts.find(language.code);
    const Results::LanguageCounts none;
    const Results::LanguageCounts& c = it == counts.end() ? none : it->second;
    const uint64_t rated = std::accumulate(c.overall.begin(), c.overall.end(), uint64_t{0});
    const std::string key = base + language.code;
    // A language nobody answered in has no level: a dash, no figure.
    const std::string level = rated == 0   ? std::string("—")
                              : hide_levels ? Hidden(key + "/level/share", "—").html
                                            : LevelShare(key + "/level", {c.overall[3] + c.overall[4], rated},
                                                         context_.results->target)
                                                  .html;
    rows.push_back({{"name", language.name},
                    {"code", language.code},
                    {"responses", hide_counts ? Hidden(key + "/responses", "—").html
                                              : Count(key + "/responses", c.responses).html},
                    {"level", level}});
  }
  return {{"rows", rows}, {"hidden", hide_counts || hide_levels}};
}

json ViewBuilder::OpenAnswerThemes(size_t survey_index, const std::optional<otklik::Period>& period) const {
  json out = json::array();
  const ResultsContext& results = *context_.results;
  const SurveyPlan& plan = results.results.plan(survey_index);
  const Themes& themes = site_.themes();
  const Messages& messages = site_.messages();
  for (size_t i = 0; i < plan.slots().size(); ++i) {
    if (plan.slots()[i].kind != QuestionKind::kText) continue;
    const OpenAnswers answers = results.results.OpenAnswersOf(survey_index, i, period);
    // Per theme of this survey (and «без темы»): all answers, then per service.
    std::vector<int> service_ids = answers.Services();
    if (service_ids == std::vector<int>{-1}) service_ids.clear();  // a survey without a service question
    std::vector<std::map<int, uint64_t>> by_service;
    for (const int service : service_ids) by_service.push_back(answers.ByTheme(service));
    const std::map<int, uint64_t> by_theme = answers.ByTheme();
    const Survey& survey = site_.surveys()[survey_index];
    const uint64_t mask = themes.For(survey.id, survey.series);
    std::vector<int> shown_themes;
    for (size_t t = 0; t < themes.themes.size(); ++t) {
      if (mask >> t & 1) shown_themes.push_back(static_cast<int>(t));
    }
    shown_themes.push_back(-1);  // uncoded last
    const auto n_of = [](const std::map<int, uint64_t>& counts, int theme) {
      const auto it = counts.find(theme);
      return std::to_string(it == counts.end() ? 0 : it->second);
    };
    json rows = json::array();
    for (const int row : shown_themes) {
      const std::string title =
          row < 0 ? messages["workspace.no_theme"] : themes.themes[static_cast<size_t>(row)].title;
      json cells = json::array();
      for (const auto& counts : by_service) cells.push_back({{"n", n_of(counts, row)}});
      rows.push_back({{"title", title}, {"n", n_of(by_theme, row)}, {"cells", cells}});
    }
    json services = json::array();
    for (const int service : service_ids) {
      services.push_back({{"title", service < 0 ? messages["workspace.no_service"]
                                                : site_.services()[static_cast<size_t>(service)].title}});
    }
    out.push_back({{"text", plan.slots()[i].text},
                   {"total", std::to_string(answers.total)},
                   {"rows", rows},
                   {"services", services},
                   {"has_services", !services.empty()},
                   {"several_themes", messages["workspace.several_themes"]}});
  }
  return out;
}

void ViewBuilder::WorkspaceAnswersPage(json& view) {
  const Survey& survey = site_.surveys()[page_.index];
  const std::optional<otklik::Period> period = page_.whole ? std::nullopt : std::optional(page_.period);
  const Messages& messages = site_.messages();
  view["title"] =
      messages.Format("workspace.answers_title", {{"survey", survey.title}, {"period", PeriodName(messages, period)}});
  view["answers_page"] = true;
  const ReportPlan::WorkspaceSurvey* entry = WorkspaceOf(page_.index);
  if (!context_.results || !entry) return;
  const ResultsContext& results = *context_.results;
  const SurveyPlan& plan = results.results.plan(page_.index);
  const Themes& themes = site_.themes();
  view["ws_nav"] = WorkspaceNav(*entry, period, -1);
  view["themes_file"] = "themes.yaml";
  json questions = json::array();
  for (size_t i = 0; i < plan.slots().size(); ++i) {
    if (plan.slots()[i].kind != QuestionKind::kText) continue;
    const OpenAnswers answers = results.results.OpenAnswersOf(page_.index, i, period);
    // By service (in the site's order, «не указана» last), newest first within each.
    std::map<int, json> groups;
    size_t masked_answers = 0;
    for (const OpenAnswer& answer : answers.newest) {
      const MaskedText masked = MaskPersonalData(answer.text);
      std::string masked_kinds;
      for (const std::string& kind : masked.kinds) masked_kinds += (masked_kinds.empty() ? "" : ", ") + kind;
      if (!masked.kinds.empty()) ++masked_answers;
      std::string theme_titles;
      for (size_t t = 0; t < themes.themes.size(); ++t) {
        if (answer.themes >> t & 1) theme_titles += (theme_titles.empty() ? "" : ", ") + themes.themes[t].title;
      }
      const int key = answer.service < 0 ? std::numeric_limits<int>::max() : answer.service;
      groups[key].push_back({{"id", answer.id},
                             {"date", site_.messages().Date(*Date::Parse(answer.date))},
                             {"text", masked.text},
                             {"masked", masked_kinds},
                             {"themes", theme_titles.empty() ? messages["workspace.without_theme"] : theme_titles}});
    }
    json services = json::array();
    for (auto& [service, list] : groups) {
      const bool named = service != std::numeric_limits<int>::max();
      const std::string id = named ? site_.services()[static_cast<size_t>(service)].id : "none";
      services.push_back(
          {{"title", named ? site_.services()[static_cast<size_t>(service)].title : messages["workspace.no_service"]},
           {"anchor", "q" + std::to_string(i + 1) + "-" + id},
           {"count", std::to_string(list.size())},
           {"answers", std::move(list)}});
    }
    questions.push_back({{"text", plan.slots()[i].text},
                         {"total", std::to_string(answers.total)},
                         {"shown", std::to_string(answers.newest.size())},
                         {"all_shown", answers.newest.size() == answers.total},
                         {"masked", std::to_string(masked_answers)},
                         {"services", services}});
  }
  view["questions"] = questions;
}

void ViewBuilder::WorkspaceCutPage(json& view) {
  const Survey& survey = site_.surveys()[page_.index];
  const std::optional<otklik::Period> period = page_.whole ? std::nullopt : std::optional(page_.period);
  const ReportPlan::WorkspaceSurvey* entry = WorkspaceOf(page_.index);
  if (!context_.results || !entry) return;
  const ResultsContext& results = *context_.results;
  const SurveyPlan& plan = results.results.plan(page_.index);
  const size_t cut = static_cast<size_t>(page_.cut);
  const Messages& messages = site_.messages();
  view["title"] = messages.Format("workspace.cut_title", {{"survey", survey.title},
                                                          {"period", PeriodName(messages, period)},
                                                          {"cut", CutNameOf(messages, plan, cut).after}});
  view["ws_nav"] = WorkspaceNav(*entry, period, page_.cut);
  view["cut_page"] = true;
  view["k"] = std::to_string(results.disclosure.k());
  json questions = json::array();
  for (size_t i = 0; i < plan.slots().size(); ++i) {
    const std::vector<CutColumn>& groups = results.model.Cut(page_.index, i, cut, period);
    if (groups.empty()) continue;
    const Slot& slot = plan.slots()[i];
    json header = json::array();
    for (const std::string& text : slot.option_texts) header.push_back({{"title", text}});
    json rows = json::array();
    for (const CutColumn& group : groups) {
      json cells = json::array();
      for (const AnswerRow& row : group.rows) {
        const std::string key = group.key + "/answer:" + row.id + "/share";
        cells.push_back({{"html", group.shown ? Share(key, row.share).html : ""}});
      }
      const bool level = group.shown && group.level && group.level->level.n > 0;
      const std::string& not_enough = site_.messages()["results.not_enough_data"];
      rows.push_back({{"title", group.text},
                      {"shown", group.shown},
                      {"cells", cells},
                      {"level", level ? LevelShare(group.level->key, group.level->share(), results.target).html : ""},
                      {"span", std::to_string(group.rows.size() + (group.level ? 1 : 0))},
                      {"hidden", group.shown ? "" : Hidden(group.key + "/answered", not_enough).html}});
    }
    questions.push_back({{"text", slot.text},
                         {"options", header},
                         {"has_level", groups.front().level.has_value()},
                         {"multiple", slot.kind == QuestionKind::kMultiple},
                         {"rows", rows}});
  }
  view["questions"] = questions;
}

namespace {

// The shown rows of a question's table, largest first: «X — 20 %, Y — 17 %».
Shown TopAnswers(const Messages& messages, const QuestionTable& table, size_t count) {
  std::vector<const AnswerRow*> rows;
  for (const AnswerRow& row : table.rows) {
    if (row.shown && row.share.num > 0) rows.push_back(&row);
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const AnswerRow* a, const AnswerRow* b) { return a->share.num > b->share.num; });
  Sentence out;
  for (size_t i = 0; i < rows.size() && i < count; ++i) {
    out << (i == 0 ? "" : ", ");
    out.Put(messages["note.answer_share"],
            {{"answer", Words(rows[i]->text)},
             {"share", Share(table.key + "/answer:" + rows[i]->id + "/share", rows[i]->share)}});
  }
  return out.shown();
}

}  // namespace

void ViewBuilder::InformationNote(json& view) {
  const otklik::Period quarter = page_.period;
  const Messages& messages = site_.messages();
  view["title"] = messages.Format("note.title", {{"period", site_.messages().PeriodLabel(quarter)}});
  view["note_page"] = true;
  view["period_in"] = site_.messages().PeriodIn(quarter);
  view["to"] = site_.config().agency.name;
  if (!context_.results) return;
  const ResultsContext& results = *context_.results;
  const Themes& themes = site_.themes();
  json surveys = json::array();
  for (size_t s = 0; s < site_.surveys().size(); ++s) {
    const Survey& survey = site_.surveys()[s];
    if (survey.audience != Audience::kExternal) continue;
    const std::vector<otklik::Period> periods = results.results.ResultPeriods(s, context_.as_of);
    if (std::find(periods.begin(), periods.end(), quarter) == periods.end()) continue;
    const SurveyPlan& plan = results.results.plan(s);
    json items = json::array();
    for (size_t i = 0; i < plan.slots().size(); ++i) {
      const Slot& slot = plan.slots()[i];
      const QuestionTable& table = results.model.Question(s, i, quarter);
      Sentence said;
      if (slot.kind == QuestionKind::kText) {
        const OpenAnswers answers = results.results.OpenAnswersOf(s, i, quarter);
        std::vector<std::pair<uint64_t, size_t>> top;
        for (const auto& [theme, n] : answers.ByTheme()) {
          if (theme >= 0) top.emplace_back(n, static_cast<size_t>(theme));
        }
        std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::string themes_text;
        for (size_t t = 0; t < top.size() && t < 3; ++t) {
          themes_text +=
              (t == 0 ? "" : ", ") + messages.Format("note.theme_count", {{"theme", themes.themes[top[t].second].title},
                                                                          {"count", std::to_string(top[t].first)}});
        }
        const std::string received = messages.Count("note.answers", static_cast<long>(answers.total));
        said << (themes_text.empty() ? messages.Format("note.answers_received", {{"answers", received}})
                                     : messages.Format("note.answers_received_themes",
                                                       {{"answers", received}, {"themes", themes_text}}));
      } else if (!table.base_shown || !table.shown) {
        said << messages.Format("note.not_enough_data", {{"k", std::to_string(results.disclosure.k())}});
      } else if (table.level && table.level->level.n > 0) {
        const PeriodLevel now = *table.level;
        const QuestionTable& before = results.model.Question(s, i, quarter.Previous());
        json change = nullptr;
        if (before.level) {
          PeriodLevel previous = *before.level;
          previous.period = quarter.Previous();
          change = PeriodLevelChange(results, previous, now);
        }
        // The change's words as the results pages print them (HTML only: the note has no text form).
        said.Put(messages[change.is_null() ? "note.level" : "note.level_change"],
                 {{"level", LevelShare(now.key, now.share(), results.target)},
                  {"change", change.is_null() ? Shown{} : Shown{change["html"].get<std::string>(), ""}}});
      } else {
        said.Put(messages[slot.kind == QuestionKind::kMultiple ? "note.top_choices" : "note.top_answers"],
                 {{"answers", TopAnswers(messages, table, slot.kind == QuestionKind::kService ? 3 : 2)}});
      }
      items.push_back({{"number", std::to_string(i + 1)}, {"text", slot.text}, {"said", said.html()}});
    }
    surveys.push_back(
        {{"title", survey.title}, {"responses", ResponsesFigure(results, s, quarter).html}, {"items", items}});
  }
  view["surveys"] = surveys;
  view["flagged"] = FlaggedRows(quarter);
  view["target"] = Share("settings/target", results.target).html;
  // The pain map in the quarter: problems found and measures done.
  json found = json::array();
  json done = json::array();
  if (context_.decisions) {
    for (const Decision& decision : context_.decisions->decisions) {
      if (decision.identified >= quarter.first() && decision.identified <= quarter.last()) {
        found.push_back({{"title", decision.title}, {"date", site_.messages().Date(decision.identified)}});
      }
      for (const Measure& measure : decision.measures) {
        for (const StatusChange& change : measure.history) {
          if (change.status != MeasureStatus::kDone || change.date < quarter.first() || quarter.last() < change.date) {
            continue;
          }
          done.push_back(
              {{"title", measure.title}, {"problem", decision.title}, {"date", site_.messages().Date(change.date)}});
        }
      }
    }
  }
  view["found"] = found;
  view["done"] = done;
}

}  // namespace otklik
