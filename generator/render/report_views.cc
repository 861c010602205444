#include "render/report_views.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "render/chart.h"
#include "render/figure.h"
#include "render/russian.h"

namespace otklik {

using nlohmann::json;

namespace {

Period QuarterOf(int year, int quarter) {
  return {Period::Kind::kQuarter, year, quarter};
}

bool Has(const std::vector<std::string>& metrics, const char* metric) {
  return std::find(metrics.begin(), metrics.end(), metric) != metrics.end();
}

std::string ShareText(const std::optional<Ratio>& share) { return share ? FormatPercent(*share) : "—"; }

// "12" or "12,5": medians of an even count end in a half.
std::string Days(const Messages& messages, double days) {
  return std::fabs(days - std::round(days)) < 1e-9 ? std::to_string(static_cast<long>(std::lround(days)))
                                                   : messages.Decimal(days);
}

std::string Signed(long value) {
  if (value > 0) return "+" + std::to_string(value);
  if (value < 0) return "\u2212" + std::to_string(-value);
  return "0";
}

std::string CountChangeText(const Messages& messages, const std::optional<CountChange>& change) {
  if (!change) return "—";
  if (change->difference == 0) return messages["appeals_report.no_change"];
  std::string text = Signed(change->difference);
  if (change->relative) {
    const long percent = WholePercent(*change->relative);
    text += " (" + Signed(change->difference < 0 ? -percent : percent) + "\u00A0%)";
  }
  return text;
}

std::string ShareChangeText(const Messages& messages, const std::optional<ShareChange>& change) {
  if (!change) return "—";
  const long points = change->points;
  if (points == 0) return messages["appeals_report.no_change"];
  return messages.Format("appeals_report.points_change", {{"change", Signed(points)}});
}

// A number's exact value and its text; an empty value for «—».
struct Value {
  std::string value;
  std::string text = "—";
};
Value CountValue(uint64_t n) { return {std::to_string(n), std::to_string(n)}; }
Value ShareValue(const std::optional<Ratio>& share) {
  return share ? Value{share->Text(), FormatPercent(*share)} : Value{};
}

// Builds the view and records every number it shows.
class ReportBuilder {
 public:
  ReportBuilder(const Site& site, const ReportsContext& context, const Period& quarter, const std::string& root,
                std::map<std::string, std::string>* numbers)
      : site_(site), context_(context), quarter_(quarter), root_(root), numbers_(numbers) {}

  // A number the report shows: recorded under `key` (what `report freeze`
  // keeps) and marked up as figure `figure`, the key it has on every page
  // ("appeals/2026-q3/records"). `value` is exact; "" for «—».
  Shown Record(const std::string& key, const std::string& figure, const std::string& value, const std::string& text) {
    (*numbers_)[key] = text;
    return value.empty() ? Words(text) : Figure(figure, value, text);
  }
  // The figure key of this quarter's `key`.
  std::string Global(const std::string& key) const { return "appeals/" + quarter_.Key() + "/" + key; }
  Shown Count(const std::string& key, uint64_t n) { return Record(key, Global(key), std::to_string(n), std::to_string(n)); }
  Shown Percent(const std::string& key, const std::optional<Ratio>& share) {
    return Record(key, Global(key), share ? share->Text() : "", ShareText(share));
  }

  const Messages& messages() const { return site_.messages(); }

  std::string TouchpointTitle(const std::string& id) const {
    const Touchpoint* touchpoint = site_.FindTouchpoint(id);
    return touchpoint ? touchpoint->title : id;
  }
  std::string CodeTitle(const std::string& code) const {
    const std::string* title = context_.appeals.TitleOf(code);
    return title ? *title : "";
  }
  std::string ReasonTitle(const std::string& id) const {
    for (const AppealReason& reason : context_.appeals.reasons) {
      if (reason.id == id) return reason.title;
    }
    return id;
  }

  json Channels(const AppealMetrics& m, const std::vector<AppealMetrics>& trend) {
    json kinds = json::array();
    for (const AppealKind kind :
         {AppealKind::kAppeal, AppealKind::kComplaint, AppealKind::kRequest, AppealKind::kProposal}) {
      const std::string id = AppealKindNames()[static_cast<size_t>(kind)];
      kinds.push_back(
          {{"label", messages()["appeals_report.kinds." + id]}, {"count", Count("kinds." + id, m.Count(kind)).html}});
    }
    json rows = json::array();
    std::vector<ChartPoint> bars;
    for (const KeyedCount& channel : m.channels) {
      const Touchpoint* touchpoint = site_.FindTouchpoint(channel.key);
      const Shown share = Percent("channels." + channel.key + ".share", channel.share);
      rows.push_back({{"title", TouchpointTitle(channel.key)},
                      {"href", touchpoint ? root_ + "touchpoints/" + channel.key + "/index.html" : ""},
                      {"count", Count("channels." + channel.key + ".count", channel.count).html},
                      {"share", share.html}});
      bars.push_back({TouchpointTitle(channel.key), channel.share.value(), 0, 0, true, share.text});
    }
    Sentence summary;
    summary.Put(
        messages()[m.channels.empty() ? "appeals_report.channels_summary" : "appeals_report.channels_summary_top"],
        {{"records", Count("records", m.records)},
         {"appeals", Words(messages().Plural("appeals_report.appeals", static_cast<long>(m.records)))},
         {"channel", Words(m.channels.empty() ? "" : TouchpointTitle(m.channels.front().key))},
         {"share", m.channels.empty()
                       ? Shown{}
                       : Percent("channels." + m.channels.front().key + ".share", m.channels.front().share)}});
    json trend_rows = json::array();
    for (const AppealMetrics& t : trend) {
      // Another quarter's numbers keep that quarter's figure keys: the same on its own report.
      const std::string prefix = "appeals/" + t.quarter.Key() + "/";
      const std::string records = std::to_string(t.records);
      const std::string complaints = std::to_string(t.Count(AppealKind::kComplaint));
      trend_rows.push_back(
          {{"period", messages().PeriodLabel(t.quarter)},
           {"records", Record("trend." + t.quarter.Key() + ".records", prefix + "records", records, records).html},
           {"complaints", Record("trend." + t.quarter.Key() + ".complaints", prefix + "kinds.complaint", complaints,
                                 complaints)
                              .html}});
    }
    return {{"records", Count("records", m.records).html},
            {"records_key", Global("records")},
            {"kinds", kinds},
            {"rows", rows},
            {"summary", summary.html()},
            {"svg", bars.empty() ? ""
                                 : BarChart("channels", messages()["appeals_report.channels_chart"], bars, false, {})},
            {"trend", trend_rows}};
  }

  json Topics(const AppealMetrics& m) {
    const auto rows_of = [&](const std::vector<KeyedCount>& counts, const std::string& prefix) {
      json rows = json::array();
      for (const KeyedCount& topic : counts) {
        rows.push_back({{"code", topic.key},
                        {"title", CodeTitle(topic.key)},
                        {"count", Count(prefix + topic.key + ".count", topic.count).html},
                        {"share", Percent(prefix + topic.key + ".share", topic.share).html}});
      }
      return rows;
    };
    std::vector<ChartPoint> bars;
    for (const KeyedCount& section : m.sections) {
      bars.push_back({CodeTitle(section.key), section.share.value(), 0, 0, true, FormatPercent(section.share)});
    }
    Sentence summary;
    if (m.sections.empty()) {
      summary << messages()["appeals_report.no_topics"];
    } else {
      summary.Put(messages()["appeals_report.topics_summary"],
                  {{"section", Words(CodeTitle(m.sections.front().key))},
                   {"share", Percent("sections." + m.sections.front().key + ".share", m.sections.front().share)}});
    }
    return {{"records_key", Global("records")},
            {"sections", rows_of(m.sections, "sections.")},
            {"subsections", rows_of(m.subsections, "subsections.")},
            {"summary", summary.html()},
            {"svg", bars.empty() ? ""
                                 : BarChart("topics", messages()["appeals_report.topics_chart"], bars, false, {})}};
  }

  json Reasons(const AppealMetrics& m) {
    json rows = json::array();
    for (const KeyedCount& reason : m.reasons) {
      rows.push_back({{"title", ReasonTitle(reason.key)},
                      {"count", Count("reasons." + reason.key + ".count", reason.count).html},
                      {"share", Percent("reasons." + reason.key + ".share", reason.share).html}});
    }
    Sentence summary;
    if (m.reasons.empty()) {
      summary << messages()["appeals_report.no_reasons"];
    } else {
      summary.Put(messages()["appeals_report.reasons_summary"],
                  {{"reason", Words(ReasonTitle(m.reasons.front().key))},
                   {"share", Percent("reasons." + m.reasons.front().key + ".share", m.reasons.front().share)}});
    }
    return {{"rows", rows}, {"without", Count("reasons.none", m.without_reason).html}, {"summary", summary.html()}};
  }

  // The three outcomes add up to every complaint of the quarter, in the
  // sentence and in the table.
  json Complaints(const AppealMetrics& m) {
    const ComplaintMetrics& c = m.complaints;
    const Shown complaints = Count("complaints.count", c.complaints);
    const Shown resolved = Count("complaints.resolved.count", c.resolved.count);
    const Shown resolved_share = Percent("complaints.resolved.share", c.resolved.share);
    const Shown refused = Count("complaints.refused.count", c.refused.count);
    const Shown refused_share = Percent("complaints.refused.share", c.refused.share);
    const Shown other = Count("complaints.other.count", c.other.count);
    const Shown other_share = Percent("complaints.other.share", c.other.share);
    Sentence summary;
    if (c.complaints == 0) {
      summary << messages()["appeals_report.no_complaints"];
    } else {
      summary.Put(
          messages()["appeals_report.complaints_summary"],
          {{"complaints", complaints},
           {"of_complaints", Words(messages().Plural("appeals_report.of_complaints", static_cast<long>(c.complaints)))},
           {"resolved", resolved},
           {"resolved_share", resolved_share},
           {"refused", refused},
           {"refused_share", refused_share},
           {"other", other},
           {"other_share", other_share}});
    }
    return {{"complaints", complaints.html},
            {"resolved", resolved.html},
            {"resolved_share", resolved_share.html},
            {"refused", refused.html},
            {"refused_share", refused_share.html},
            {"other", other.html},
            {"other_share", other_share.html},
            {"whole_key", Global("complaints.count")},
            {"summary", summary.html()}};
  }

  json Redirected(const AppealMetrics& m) {
    const Shown count = Count("redirected.count", m.redirected.count);
    const Shown share = Percent("redirected.share", m.redirected.share);
    return {
        {"count", count.html},
        {"share", share.html},
        {"summary",
         Sentence().Put(messages()["appeals_report.redirected_summary"], {{"share", share}, {"count", count}}).html()}};
  }

  json AnswerTime(const AppealMetrics& m) {
    const AnswerTimes& a = m.answer_times;
    const Shown median = Record("answer_time.median", Global("answer_time.median"),
                                a.median_days ? Days(messages(), *a.median_days) : "", a.median_days ? Days(messages(), *a.median_days) : "—");
    const Shown p90 = Record("answer_time.p90", Global("answer_time.p90"), a.p90_days ? std::to_string(*a.p90_days) : "",
                             a.p90_days ? std::to_string(*a.p90_days) : "—");
    const Shown on_time_share = Percent("answer_time.on_time.share", a.on_time.share);
    Sentence summary;
    if (a.answered == 0) {
      summary << messages()["appeals_report.no_answers"];
    } else {
      summary.Put(messages()["appeals_report.answer_time_summary"],
                  {{"median", median},
                   {"p90", p90},
                   {"limit", Words(std::to_string(kAnswerDeadlineDays))},
                   {"on_time", on_time_share}});
    }
    return {{"answered", Count("answer_time.answered", a.answered).html},
            {"median", median.html},
            {"p90", p90.html},
            {"on_time", Count("answer_time.on_time.count", a.on_time.count).html},
            {"on_time_share", on_time_share.html},
            {"in_progress", Count("answer_time.in_progress", a.in_progress).html},
            {"no_answer", Count("answer_time.no_answer", a.no_answer).html},
            {"limit", std::to_string(kAnswerDeadlineDays)},
            {"summary", summary.html()}};
  }

  // Headline metrics against the previous quarter and the same quarter a year before.
  json Changes(const AppealMetrics& m, const std::vector<std::string>& metrics) {
    const AppealMetrics* previous = FindQuarter(context_.metrics, quarter_.Previous());
    const AppealMetrics* year_ago = FindQuarter(context_.metrics, YearBefore(quarter_));
    const std::optional<AppealChanges> to_previous = ChangesOf(m, previous);
    const std::optional<AppealChanges> to_year_ago = ChangesOf(m, year_ago);
    json rows = json::array();
    // Each number under the key it has in its own quarter's report; the
    // change under this quarter's key, naming the quarter it compares with.
    const Period before_quarter = quarter_.Previous();
    const Period year_quarter = YearBefore(quarter_);
    const auto row = [&](const char* key, const char* figure, const std::string& label, const Value& now,
                         const Value& before, const std::string& before_change, const Value& year,
                         const std::string& year_change) {
      const std::string local = std::string("changes.previous.") + key;
      const std::string local_year = std::string("changes.year_ago.") + key;
      const std::string change_key = Global(std::string(figure) + ".change.");
      rows.push_back(
          {{"label", label},
           {"now", now.value.empty() ? Words(now.text).html : Figure(Global(figure), now.value, now.text).html},
           {"previous", Record(local, "appeals/" + before_quarter.Key() + "/" + figure, before.value, before.text).html},
           {"previous_change",
            Record(local + ".change", change_key + before_quarter.Key(), before.value.empty() ? "" : before_change,
                   before_change)
                .html},
           {"year_ago", Record(local_year, "appeals/" + year_quarter.Key() + "/" + figure, year.value, year.text).html},
           {"year_ago_change", Record(local_year + ".change", change_key + year_quarter.Key(),
                                      year.value.empty() ? "" : year_change, year_change)
                                   .html}});
    };
    const auto count_of = [](const AppealMetrics* other, auto get) {
      return other ? CountValue(get(*other)) : Value{};
    };
    const auto share_of = [](const AppealMetrics* other, auto get) { return other ? ShareValue(get(*other)) : Value{}; };
    const auto changes = [](const std::optional<AppealChanges>& c, auto get) { return c ? get(*c) : std::string("—"); };
    const Messages& text = messages();
    if (Has(metrics, "channels")) {
      const auto records = [](const AppealMetrics& x) { return x.records; };
      row("records", "records", text["appeals_report.change_records"], CountValue(m.records),
          count_of(previous, records),
          changes(to_previous, [&](const AppealChanges& c) { return CountChangeText(text, c.records); }),
          count_of(year_ago, records),
          changes(to_year_ago, [&](const AppealChanges& c) { return CountChangeText(text, c.records); }));
    }
    if (Has(metrics, "complaints")) {
      const auto complaints = [](const AppealMetrics& x) { return x.complaints.complaints; };
      row("complaints", "complaints.count", text["appeals_report.change_complaints"],
          CountValue(m.complaints.complaints), count_of(previous, complaints),
          changes(to_previous, [&](const AppealChanges& c) { return CountChangeText(text, c.complaints); }),
          count_of(year_ago, complaints),
          changes(to_year_ago, [&](const AppealChanges& c) { return CountChangeText(text, c.complaints); }));
      const auto resolved = [](const AppealMetrics& x) { return x.complaints.resolved.share; };
      row("resolved", "complaints.resolved.share", text["appeals_report.change_resolved"],
          ShareValue(m.complaints.resolved.share), share_of(previous, resolved),
          changes(to_previous, [&](const AppealChanges& c) { return ShareChangeText(text, c.resolved); }),
          share_of(year_ago, resolved),
          changes(to_year_ago, [&](const AppealChanges& c) { return ShareChangeText(text, c.resolved); }));
      const auto refused = [](const AppealMetrics& x) { return x.complaints.refused.share; };
      row("refused", "complaints.refused.share", text["appeals_report.change_refused"],
          ShareValue(m.complaints.refused.share), share_of(previous, refused),
          changes(to_previous, [&](const AppealChanges& c) { return ShareChangeText(text, c.refused); }),
          share_of(year_ago, refused),
          changes(to_year_ago, [&](const AppealChanges& c) { return ShareChangeText(text, c.refused); }));
    }
    if (Has(metrics, "redirected")) {
      const auto redirected = [](const AppealMetrics& x) { return x.redirected.share; };
      row("redirected", "redirected.share", text["appeals_report.change_redirected"], ShareValue(m.redirected.share),
          share_of(previous, redirected),
          changes(to_previous, [&](const AppealChanges& c) { return ShareChangeText(text, c.redirected); }),
          share_of(year_ago, redirected),
          changes(to_year_ago, [&](const AppealChanges& c) { return ShareChangeText(text, c.redirected); }));
    }
    if (Has(metrics, "answer_time")) {
      const auto on_time = [](const AppealMetrics& x) { return x.answer_times.on_time.share; };
      row("on_time", "answer_time.on_time.share", text["appeals_report.change_on_time"],
          ShareValue(m.answer_times.on_time.share), share_of(previous, on_time),
          changes(to_previous, [&](const AppealChanges& c) { return ShareChangeText(text, c.on_time); }),
          share_of(year_ago, on_time),
          changes(to_year_ago, [&](const AppealChanges& c) { return ShareChangeText(text, c.on_time); }));
    }
    return {{"rows", rows},
            {"previous_period", messages().PeriodLabel(quarter_.Previous())},
            {"year_ago_period", messages().PeriodLabel(YearBefore(quarter_))}};
  }

 private:
  const Site& site_;
  const ReportsContext& context_;
  const Period quarter_;
  const std::string root_;
  std::map<std::string, std::string>* numbers_;
};

}  // namespace

const QuarterReport* FindReport(const std::vector<QuarterReport>& reports, const Period& quarter) {
  for (const QuarterReport& report : reports) {
    if (report.year == quarter.year && report.quarter == quarter.index) return &report;
  }
  return nullptr;
}

bool IsPublished(const std::vector<QuarterReport>& reports, const Period& quarter, const Date& as_of) {
  const QuarterReport* report = FindReport(reports, quarter);
  return report && report->published && *report->published <= as_of;
}

std::vector<Period> ReportQuarters(const ReportsContext& context, const Date& as_of) {
  std::set<Period> quarters;
  for (const AppealQuarter& q : context.appeals.quarters) quarters.insert(QuarterOf(q.year, q.quarter));
  for (const QuarterReport& r : context.reports) quarters.insert(QuarterOf(r.year, r.quarter));
  if (quarters.empty()) return {};
  const Period last = LastCompleteQuarter(as_of);
  std::vector<Period> out;
  for (Period q = *quarters.begin(); q <= last; q = q.Next()) out.push_back(q);
  return out;
}

std::string ReportStatusText(const Messages& messages, const ReportStatus& status) {
  const long days = status.days;
  const std::string count = messages.Count("reports.days", days);
  switch (status.kind) {
    case ReportStatus::Kind::kOnTime: return messages["reports.status_on_time"];
    case ReportStatus::Kind::kLate: return messages.Format("reports.status_late", {{"days", count}});
    case ReportStatus::Kind::kDue:
      if (days == 0) return messages["reports.status_due_today"];
      return messages.Format("reports.status_due",
                             {{"left", messages.Plural("reports.days_left", days)}, {"days", count}});
    case ReportStatus::Kind::kOverdue: return messages.Format("reports.status_overdue", {{"days", count}});
  }
  return "";
}

std::string DateRange(const Messages& messages, const Period& period) {
  return messages.Format("reports.date_range",
                         {{"first", messages.Date(period.first())}, {"last", messages.Date(period.last())}});
}

json QuarterReportView(const Site& site, const ReportsContext& context, const Period& quarter,
                       const std::vector<std::string>& metrics, const Date& as_of, const std::string& root,
                       std::map<std::string, std::string>* numbers) {
  ReportBuilder builder(site, context, quarter, root, numbers);
  const Messages& messages = site.messages();
  const QuarterReport* report = FindReport(context.reports, quarter);
  const ReportStatus status = StatusOf(report, quarter.year, quarter.index, as_of);
  json view = {
      {"key", quarter.Key()},
      {"period", messages.PeriodLabel(quarter)},
      {"period_in", messages.PeriodIn(quarter)},
      {"range", DateRange(site.messages(), quarter)},
      {"deadline", messages.Date(status.deadline)},
      {"status", ReportStatusText(site.messages(), status)},
      {"late", status.kind == ReportStatus::Kind::kLate || status.kind == ReportStatus::Kind::kOverdue},
      {"published", report && report->published && *report->published <= as_of ? messages.Date(*report->published) : ""},
      {"errata", json::array()}};
  if (report) {
    for (const Erratum& erratum : report->errata) {
      view["errata"].push_back({{"date", messages.Date(erratum.date)}, {"what", erratum.what}, {"why", erratum.why}});
    }
  }
  const AppealMetrics* m = FindQuarter(context.metrics, quarter);
  view["has_records"] = m != nullptr;
  if (!m) return view;
  std::vector<AppealMetrics> trend;  // up to eight quarters ending with this one
  for (const AppealMetrics& other : context.metrics) {
    if (other.quarter <= quarter) trend.push_back(other);
  }
  if (trend.size() > 8) trend.erase(trend.begin(), trend.end() - 8);
  view["channels"] = Has(metrics, "channels") ? builder.Channels(*m, trend) : json(nullptr);
  view["topics"] = Has(metrics, "topics") ? builder.Topics(*m) : json(nullptr);
  view["reasons"] = Has(metrics, "reasons") ? builder.Reasons(*m) : json(nullptr);
  view["complaints"] = Has(metrics, "complaints") ? builder.Complaints(*m) : json(nullptr);
  view["redirected"] = Has(metrics, "redirected") ? builder.Redirected(*m) : json(nullptr);
  view["answer_time"] = Has(metrics, "answer_time") ? builder.AnswerTime(*m) : json(nullptr);
  view["changes"] = builder.Changes(*m, metrics);
  return view;
}

std::map<std::string, std::string> PublicReportNumbers(const Site& site, const ReportsContext& context,
                                                       const Period& quarter, const Date& as_of) {
  std::map<std::string, std::string> numbers;
  QuarterReportView(site, context, quarter, site.config().public_appeal_metrics, as_of, "", &numbers);
  return numbers;
}

std::vector<std::string> FrozenDifferences(const std::map<std::string, std::string>& frozen,
                                           const std::map<std::string, std::string>& now) {
  std::vector<std::string> out;
  auto a = frozen.begin();
  auto b = now.begin();
  while (a != frozen.end() || b != now.end()) {
    if (b == now.end() || (a != frozen.end() && a->first < b->first)) {
      out.push_back(a->first + ": было " + a->second + ", теперь не показывается");
      ++a;
    } else if (a == frozen.end() || b->first < a->first) {
      ++b;  // shown now, not when frozen: a breakdown added later changes no published number
    } else {
      if (a->second != b->second) out.push_back(a->first + ": было " + a->second + ", стало " + b->second);
      ++a;
      ++b;
    }
  }
  return out;
}

}  // namespace otklik
