#include "render/open_data.h"

#include <algorithm>
#include <cstdio>

#include "content/csv_writer.h"
#include "render/russian.h"

namespace otklik {

using nlohmann::json;

namespace {

// The structure of each set is versioned by the day it was defined.
const Date kStructureDate(2026, 11, 23);
// The satisfaction set gained the indicator and the counts behind each share.
const Date kSatisfactionStructureDate(2026, 12, 6);
const Date kProcessesStructureDate(2026, 12, 7);

std::string Fixed(double value, int digits) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

// "20261123" for file names and passports.
std::string Compact(const Date& date) {
  std::string text = date.ToString();
  text.erase(std::remove(text.begin(), text.end(), '-'), text.end());
  return text;
}

// A field's name, English description and format; its Russian description
// is the message open_data.<set>_fields.<name>.
struct FieldSpec {
  const char* name;
  const char* english;
  const char* format;
};

std::vector<OpenDataField> Fields(const Messages& messages, const std::string& set,
                                  const std::vector<FieldSpec>& specs) {
  std::vector<OpenDataField> fields;
  for (const FieldSpec& spec : specs) {
    fields.push_back({spec.name, spec.english, messages["open_data." + set + "_fields." + spec.name], spec.format});
  }
  return fields;
}

OpenDataSet SatisfactionSet(const Site& site, const ResultsContext* context, const Date& as_of) {
  const Messages& messages = site.messages();
  OpenDataSet set{"satisfaction",
                  messages["open_data.satisfaction"],
                  messages["open_data.satisfaction_description"],
                  messages["open_data.satisfaction_subject"],
                  Fields(messages, "satisfaction",
                         {{"indicator", "Indicator id (site.yaml indicators)", "string"},
                          {"indicator_title", "Indicator", "string"},
                          {"cut", "Cut: all, service, situation or touchpoint", "string"},
                          {"id", "Id of the service, situation or touchpoint", "string"},
                          {"title", "Title", "string"},
                          {"period", "Period: 2026-q3, 2026-h1 or 2026", "string"},
                          {"period_title", "Period in words", "string"},
                          {"status", "shown, or suppressed (too few answers or would reveal another group)", "string"},
                          {"level", "Share of ratings 4 and 5 (satisfied / ratings, rounded half up)", "number"},
                          {"ci_low", "Lower bound of the 95 % interval", "number"},
                          {"ci_high", "Upper bound of the 95 % interval", "number"},
                          {"mean", "Mean rating 1–5 (ratings_sum / ratings, rounded half up)", "number"},
                          {"satisfied", "Number of ratings 4 and 5", "integer"},
                          {"ratings", "Number of ratings", "integer"},
                          {"ratings_sum", "Sum of the ratings", "integer"}}),
                  {},
                  kSatisfactionStructureDate,
                  kSatisfactionStructureDate};
  if (!context) return set;
  const Period current = LastCompleteQuarter(as_of);
  std::vector<Period> periods;
  for (const Period& quarter : context->results.Quarters()) {
    if (quarter <= current) periods.push_back(quarter);
  }
  if (periods.empty()) return set;
  for (const Period::Kind kind : {Period::Kind::kHalf, Period::Kind::kYear}) {
    const Period last = Period::Of(kind, as_of).Previous();
    for (Period p = Period::Of(kind, periods.front().first()); p <= last; p = p.Next()) periods.push_back(p);
  }
  set.data_date = current.last();
  struct Group {
    GroupKey::Kind kind;
    int index;
    const char* cut;
    std::string id;
    std::string title;
  };
  std::vector<Group> groups = {{GroupKey::Kind::kAll, -1, "all", "", site.config().agency.name}};
  for (size_t i = 0; i < site.services().size(); ++i) {
    groups.push_back({GroupKey::Kind::kService, static_cast<int>(i), "service", site.services()[i].id,
                      site.services()[i].title});
  }
  for (size_t i = 0; i < site.situations().size(); ++i) {
    groups.push_back({GroupKey::Kind::kSituation, static_cast<int>(i), "situation", site.situations()[i].id,
                      site.situations()[i].title});
  }
  for (size_t i = 0; i < site.touchpoints().size(); ++i) {
    groups.push_back({GroupKey::Kind::kTouchpoint, static_cast<int>(i), "touchpoint", site.touchpoints()[i].id,
                      site.touchpoints()[i].title});
  }
  for (size_t indicator = 0; indicator < site.config().indicators.size(); ++indicator) {
    const Indicator& about = site.config().indicators[indicator];
    for (const Group& group : groups) {
      for (const Period& period : periods) {
        const PeriodLevel level = GroupLevel(*context, {group.kind, group.index, static_cast<int>(indicator)}, period);
        if (!level.any) continue;
        std::vector<std::string> row = {about.id,    about.title,         group.cut,
                                        group.id,    group.title,         period.Key(),
                                        PeriodLabel(period), level.shown ? "shown" : "suppressed"};
        if (level.shown) {
          // The same rule as the pages: half up on the exact ratio.
          for (std::string value : {FormatDecimal(level.share(), 4, '.'), Fixed(level.level.low, 4),
                                    Fixed(level.level.high, 4), FormatDecimal(level.mean, 2, '.'),
                                    std::to_string(level.level.successes), std::to_string(level.level.n),
                                    std::to_string(level.mean.num)}) {
            row.push_back(std::move(value));
          }
        } else {
          row.resize(set.fields.size());
        }
        set.rows.push_back(std::move(row));
      }
    }
  }
  return set;
}

// «1 234», «45 %», «4,5» → "1234", "45", "4.5"; "" when it is not a number.
std::string Numeric(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      out += static_cast<char>(c);
    } else if (c == ',' || c == '.') {
      out += '.';
    } else if (c == '-' && out.empty()) {
      out += '-';
    } else if (c == ' ' || c == '%') {
      continue;
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;  // a no-break space between thousands or before %
    } else {
      return "";
    }
  }
  return out;
}

OpenDataSet AppealsSet(const Site& site, const ReportsContext* reports, const Date& as_of) {
  const Messages& messages = site.messages();
  OpenDataSet set{"appeals",
                  messages["open_data.appeals"],
                  messages["open_data.appeals_description"],
                  messages["open_data.appeals_subject"],
                  Fields(messages, "appeals",
                         {{"quarter", "Quarter: 2026-q3", "string"},
                          {"published", "Publication date of the report", "date"},
                          {"key", "Metric key, e.g. channels.portal.count", "string"},
                          {"value", "The value as a number (shares in percent)", "number"},
                          {"value_text", "The value as the report shows it", "string"}}),
                  {},
                  kStructureDate,
                  kStructureDate};
  if (!reports) return set;
  std::optional<Date> newest;
  for (const Period& quarter : ReportQuarters(*reports, as_of)) {
    if (!IsPublished(reports->reports, quarter, as_of)) continue;
    const QuarterReport* report = FindReport(reports->reports, quarter);
    if (!newest || *newest < *report->published) newest = *report->published;
    for (const auto& [key, value] : PublicReportNumbers(site, *reports, quarter, as_of)) {
      set.rows.push_back({quarter.Key(), report->published->ToString(), key, Numeric(value), value});
    }
  }
  if (newest) set.data_date = *newest;
  return set;
}

std::string Joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ";") + id;
  return out;
}

// The register of the agency's processes and the life situations each
// belongs to: what a region's portal reads to put every agency's services
// of a life situation on one page. It holds no figure.
OpenDataSet ProcessesSet(const Site& site) {
  const Messages& messages = site.messages();
  OpenDataSet set{"processes",
                  messages["open_data.processes_title"],
                  messages["open_data.processes_description"],
                  messages["open_data.processes_subject"],
                  Fields(messages, "processes",
                         {{"id", "Service id", "string"},
                          {"title", "Service", "string"},
                          {"kind", "service, support_measure, control, appeals or information", "string"},
                          {"situations", "Life situation ids, ';'-separated", "string"},
                          {"url", "Its page", "string"}}),
                  {},
                  kProcessesStructureDate,
                  kProcessesStructureDate};
  for (const Service& service : site.services()) {
    set.rows.push_back({service.id, service.title, ServiceKindNames()[static_cast<size_t>(service.kind)],
                        Joined(service.situations), site.config().base_url + "services/" + service.id + "/"});
  }
  return set;
}

std::pair<OpenDataSet, OpenDataSet> DecisionSets(const Site& site, const DecisionsContext& context,
                                                 const Date& as_of) {
  const Messages& messages = site.messages();
  OpenDataSet decisions{
      "decisions",
      messages["open_data.decisions_title"],
      messages["open_data.decisions"],
      messages["open_data.decisions_subject"],
      Fields(messages, "decisions",
             {{"id", "Decision id", "string"},
              {"title", "The problem or unmet need", "string"},
              {"service", "Service id", "string"},
              {"service_title", "Service", "string"},
              {"situations", "Life situation ids, ';'-separated: those named and those of the service", "string"},
              {"touchpoints", "Touchpoint ids, ';'-separated", "string"},
              {"priority", "high, medium or low", "string"},
              {"prevalence_count", "Respondents or appeals with the problem", "integer"},
              {"prevalence_base", "Of all respondents or appeals", "integer"},
              {"prevalence_unit", "respondents or appeals", "string"},
              {"identified", "When the problem was put on the map", "date"},
              {"state", "planned, in-progress, done or cancelled", "string"},
              {"overdue", "A measure is past its deadline", "boolean"},
              {"completed", "When the last measure was done", "date"},
              {"next_deadline", "The earliest deadline of an open measure", "date"},
              {"outcome", "Whether it helped, in words", "string"},
              {"url", "Its page", "string"}}),
      {},
      kStructureDate,
      kStructureDate};
  OpenDataSet measures{"measures",
                       messages["open_data.measures_title"],
                       messages["open_data.measures_description"],
                       messages["open_data.measures_subject"],
                       Fields(messages, "measures",
                              {{"decision", "Decision id", "string"},
                               {"id", "Measure id", "string"},
                               {"title", "What will be done", "string"},
                               {"kind", "process, site, portal, regulation or act", "string"},
                               {"responsible", "Responsible unit", "string"},
                               {"deadline", "Deadline", "date"},
                               {"status", "planned, in-progress, done or cancelled", "string"},
                               {"status_date", "When it got that status", "date"},
                               {"overdue", "Past its deadline and not done", "boolean"}}),
                       {},
                       kStructureDate,
                       kStructureDate};
  static const char* const kStates[] = {"planned", "in-progress", "done", "cancelled"};
  for (const Decision* d : DecisionsOnMap(context.decisions, as_of)) {
    const DecisionState state = StateOf(*d, as_of, kDueSoonDays);
    const std::string outcome =
        state.kind == DecisionState::Kind::kDone ? EffectOf(site, context, *d, as_of)["outcome"].get<std::string>()
                                                 : "";
    // The prevalence as its page shows it: not where disclosure control hides it.
    const bool hidden = PrevalenceHidden(site, context, *d);
    decisions.rows.push_back(
        {d->id, d->title, d->service, site.FindService(d->service)->title, Joined(SituationsOf(site, *d)),
         Joined(d->touchpoints), PriorityNames()[static_cast<size_t>(d->priority)],
         hidden ? "" : std::to_string(d->prevalence.count), hidden ? "" : std::to_string(d->prevalence.base),
         PrevalenceUnitNames()[static_cast<size_t>(d->prevalence.unit)], d->identified.ToString(),
         kStates[static_cast<size_t>(state.kind)], state.overdue ? "true" : "false",
         state.completed ? state.completed->ToString() : "", state.next_deadline ? state.next_deadline->ToString() : "",
         outcome, site.config().base_url + "decisions/" + d->id + "/"});
    for (const Measure& m : d->measures) {
      const std::vector<StatusChange> history = HistoryOn(m, as_of);
      measures.rows.push_back({d->id, m.id, m.title, MeasureKindNames()[static_cast<size_t>(m.kind)], m.responsible,
                               m.deadline.ToString(), MeasureStatusNames()[static_cast<size_t>(StatusOn(m, as_of))],
                               history.empty() ? "" : history.back().date.ToString(),
                               IsOverdue(m, as_of) ? "true" : "false"});
    }
  }
  const std::vector<DecisionEvent> events = DecisionEvents(context.decisions, as_of);
  if (!events.empty()) decisions.data_date = measures.data_date = events.front().date;
  return {std::move(decisions), std::move(measures)};
}

// Machine-readable text has plain spaces: the pages' no-break spaces («2026\u00A0г.») become ordinary ones.
std::string Plain(std::string text) {
  for (size_t at = text.find("\u00A0"); at != std::string::npos; at = text.find("\u00A0", at)) {
    text.replace(at, 2, " ");
  }
  return text;
}

std::string DataFile(const OpenDataSet& set) {
  return "data-" + Compact(set.data_date) + "-structure-" + Compact(set.structure_date) + ".csv";
}

std::string StructureFile(const OpenDataSet& set) { return "structure-" + Compact(set.structure_date) + ".csv"; }

}  // namespace

std::vector<OpenDataSet> OpenDataSets(const Site& site, const DecisionsContext& decisions, const Date& as_of) {
  std::vector<OpenDataSet> sets;
  sets.push_back(SatisfactionSet(site, decisions.results, as_of));
  sets.push_back(AppealsSet(site, decisions.reports, as_of));
  auto [decision_set, measure_set] = DecisionSets(site, decisions, as_of);
  sets.push_back(std::move(decision_set));
  sets.push_back(std::move(measure_set));
  sets.push_back(ProcessesSet(site));
  return sets;
}

std::vector<FeedFile> OpenDataFiles(const Site& site, const std::vector<OpenDataSet>& sets) {
  const SiteConfig& config = site.config();
  const std::string base = config.base_url + "data/";
  std::vector<FeedFile> files;
  std::string list = CsvRecord({"property", "title", "value", "format"});
  for (OpenDataSet set : sets) {
    for (std::vector<std::string>& row : set.rows) {
      for (std::string& cell : row) cell = Plain(std::move(cell));
    }
    const std::string folder = set.id + "/";
    list += CsvRecord({set.id, set.title, base + folder + "meta.csv", "csv"});
    std::string meta = CsvRecord({"property", "value"});
    for (const auto& [property, value] : std::vector<std::pair<std::string, std::string>>{
             {"standardversion", "http://opendata.gosmonitor.ru/standard/3.0"},
             {"identifier", set.id},
             {"title", set.title},
             {"description", set.description},
             {"creator", config.agency.name},
             {"created", Compact(set.structure_date)},
             {"modified", Compact(set.data_date)},
             {"subject", set.subject},
             {"format", "csv"},
             {"data-" + Compact(set.data_date) + "-structure-" + Compact(set.structure_date),
              base + folder + DataFile(set)},
             {"structure-" + Compact(set.structure_date), base + folder + StructureFile(set)},
             {"publishername", config.agency.name},
             {"publisherphone", config.contacts.phone},
             {"publishermbox", config.contacts.email},
             {"valid", Compact(set.data_date)},
             {"provenance", site.messages()["open_data.provenance"]}}) {
      meta += CsvRecord({property, value});
    }
    files.push_back({"data/" + folder + "meta.csv", meta});
    std::string structure = CsvRecord({"field name", "english description", "russian description", "format"});
    for (const OpenDataField& field : set.fields) {
      structure += CsvRecord({field.name, field.english, field.russian, field.format});
    }
    files.push_back({"data/" + folder + StructureFile(set), structure});
    std::string data;
    std::vector<std::string> names;
    for (const OpenDataField& field : set.fields) names.push_back(field.name);
    data += CsvRecord(names);
    json rows = json::array();
    for (const std::vector<std::string>& row : set.rows) {
      data += CsvRecord(row);
      json object = json::object();
      for (size_t i = 0; i < set.fields.size(); ++i) {
        const OpenDataField& field = set.fields[i];
        const std::string& cell = row[i];
        if (cell.empty()) {
          object[field.name] = nullptr;
        } else if (field.format == "integer") {
          object[field.name] = std::stoll(cell);
        } else if (field.format == "number") {
          object[field.name] = std::stod(cell);
        } else if (field.format == "boolean") {
          object[field.name] = cell == "true";
        } else {
          object[field.name] = cell;
        }
      }
      rows.push_back(std::move(object));
    }
    files.push_back({"data/" + folder + DataFile(set), data});
    const json document = {{"id", set.id},
                           {"title", set.title},
                           {"description", set.description},
                           {"modified", set.data_date.ToString()},
                           {"rows", rows}};
    files.push_back({"data/" + folder + "data.json", document.dump(1) + "\n"});
  }
  files.push_back({"data/list.csv", list});
  return files;
}

json OpenDataView(const Messages& messages, const std::vector<OpenDataSet>& sets, const std::string& root) {
  json out = json::array();
  for (const OpenDataSet& set : sets) {
    const std::string folder = root + "data/" + set.id + "/";
    json fields = json::array();
    for (const OpenDataField& field : set.fields) {
      fields.push_back({{"name", field.name}, {"russian", field.russian}, {"format", field.format}});
    }
    out.push_back({{"id", set.id},
                   {"title", set.title},
                   {"description", set.description},
                   {"rows", std::to_string(set.rows.size())},
                   {"modified", messages.Date(set.data_date)},
                   {"csv_href", folder + DataFile(set)},
                   {"json_href", folder + "data.json"},
                   {"meta_href", folder + "meta.csv"},
                   {"structure_href", folder + StructureFile(set)},
                   {"fields", fields}});
  }
  return out;
}

}  // namespace otklik
