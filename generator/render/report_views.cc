#include "render/report_views.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/plural.h"
#include "render/chart.h"
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

std::string Share(const std::optional<double>& share) {
  return share ? Percent(*share) : "—";
}

// "12" or "12,5": medians of an even count end in a half.
std::string Days(double days) {
  return std::fabs(days - std::round(days)) < 1e-9 ? std::to_string(static_cast<long>(std::lround(days)))
                                                   : Decimal(days);
}

std::string Signed(long value) {
  if (value > 0) return "+" + std::to_string(value);
  if (value < 0) return "\u2212" + std::to_string(-value);
  return "0";
}

std::string CountChangeText(const std::optional<CountChange>& change) {
  if (!change) return "—";
  if (change->difference == 0) return "без изменений";
  std::string text = Signed(change->difference);
  if (change->relative) {
    const long percent = std::lround(*change->relative * 100);
    text += " (" + Signed(percent) + "\u00A0%)";
  }
  return text;
}

std::string ShareChangeText(const std::optional<ShareChange>& change) {
  if (!change) return "—";
  const long points = std::lround(change->points);
  if (points == 0) return "без изменений";
  return Signed(points) + "\u00A0п.\u00A0п.";
}

const char* KindLabel(AppealKind kind) {
  switch (kind) {
    case AppealKind::kAppeal: return "Обращения";
    case AppealKind::kComplaint: return "Жалобы";
    case AppealKind::kRequest: return "Запросы информации";
    case AppealKind::kProposal: return "Предложения";
  }
  return "";
}

// Builds the view and records every number it shows.
class ReportBuilder {
 public:
  ReportBuilder(const Site& site, const ReportsContext& context, const Period& quarter, const std::string& root,
                std::map<std::string, std::string>* numbers)
      : site_(site), context_(context), quarter_(quarter), root_(root), numbers_(numbers) {}

  // The text of a number, recorded under `key`.
  std::string Number(const std::string& key, const std::string& text) {
    (*numbers_)[key] = text;
    return text;
  }
  std::string Count(const std::string& key, uint64_t n) { return Number(key, std::to_string(n)); }

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
      kinds.push_back({{"label", KindLabel(kind)}, {"count", Count("kinds." + id, m.Count(kind))}});
    }
    json rows = json::array();
    std::vector<ChartPoint> bars;
    for (const KeyedCount& channel : m.channels) {
      const Touchpoint* touchpoint = site_.FindTouchpoint(channel.key);
      rows.push_back({{"title", TouchpointTitle(channel.key)},
                      {"href", touchpoint ? root_ + "touchpoints/" + channel.key + "/index.html" : ""},
                      {"count", Count("channels." + channel.key + ".count", channel.count)},
                      {"share", Number("channels." + channel.key + ".share", Percent(channel.share))}});
      bars.push_back({TouchpointTitle(channel.key), channel.share, 0, 0, true});
    }
    std::string summary =
        "Поступило " + CountWithNoun(static_cast<long>(m.records), "обращение", "обращения", "обращений") + ".";
    if (!m.channels.empty()) {
      summary += " Чаще всего — через канал «" + TouchpointTitle(m.channels.front().key) +
                 "»: " + Percent(m.channels.front().share) + ".";
    }
    json trend_rows = json::array();
    for (const AppealMetrics& t : trend) {
      trend_rows.push_back(
          {{"period", PeriodLabel(t.quarter)},
           {"records", Count("trend." + t.quarter.Key() + ".records", t.records)},
           {"complaints", Count("trend." + t.quarter.Key() + ".complaints", t.Count(AppealKind::kComplaint))}});
    }
    return {{"records", Count("records", m.records)},
            {"kinds", kinds},
            {"rows", rows},
            {"summary", summary},
            {"svg", bars.empty() ? "" : BarChart("channels", "Обращения по каналам", summary, bars, false, 0)},
            {"trend", trend_rows}};
  }

  json Topics(const AppealMetrics& m) {
    const auto rows_of = [&](const std::vector<KeyedCount>& counts, const std::string& prefix) {
      json rows = json::array();
      for (const KeyedCount& topic : counts) {
        rows.push_back({{"code", topic.key},
                        {"title", CodeTitle(topic.key)},
                        {"count", Count(prefix + topic.key + ".count", topic.count)},
                        {"share", Number(prefix + topic.key + ".share", Percent(topic.share))}});
      }
      return rows;
    };
    std::vector<ChartPoint> bars;
    for (const KeyedCount& section : m.sections) bars.push_back({CodeTitle(section.key), section.share, 0, 0, true});
    std::string summary = "Обращений с темами не было.";
    if (!m.sections.empty()) {
      summary = "Больше всего обращений — в разделе «" + CodeTitle(m.sections.front().key) +
                "»: " + Percent(m.sections.front().share) + ".";
    }
    return {{"sections", rows_of(m.sections, "sections.")},
            {"subsections", rows_of(m.subsections, "subsections.")},
            {"summary", summary},
            {"svg",
             bars.empty() ? "" : BarChart("topics", "Обращения по разделам классификатора", summary, bars, false, 0)}};
  }

  json Reasons(const AppealMetrics& m) {
    json rows = json::array();
    for (const KeyedCount& reason : m.reasons) {
      rows.push_back({{"title", ReasonTitle(reason.key)},
                      {"count", Count("reasons." + reason.key + ".count", reason.count)},
                      {"share", Number("reasons." + reason.key + ".share", Percent(reason.share))}});
    }
    std::string summary = "Основная причина не указана ни в одном обращении.";
    if (!m.reasons.empty()) {
      summary = "Самая частая причина — «" + ReasonTitle(m.reasons.front().key) +
                "»: " + Percent(m.reasons.front().share) + " обращений с указанной причиной.";
    }
    return {{"rows", rows}, {"without", Count("reasons.none", m.without_reason)}, {"summary", summary}};
  }

  json Complaints(const AppealMetrics& m) {
    const ComplaintMetrics& c = m.complaints;
    std::string summary = "Жалоб не было.";
    if (c.complaints > 0) {
      summary = "Из " + CountWithNoun(static_cast<long>(c.complaints), "жалобы", "жалоб", "жалоб") +
                " решены в пользу заявителя " + Share(c.resolved.share) + ", отклонены " + Share(c.refused.share) + ".";
    }
    return {{"complaints", Count("complaints.count", c.complaints)},
            {"resolved", Count("complaints.resolved.count", c.resolved.count)},
            {"resolved_share", Number("complaints.resolved.share", Share(c.resolved.share))},
            {"refused", Count("complaints.refused.count", c.refused.count)},
            {"refused_share", Number("complaints.refused.share", Share(c.refused.share))},
            {"summary", summary}};
  }

  json Redirected(const AppealMetrics& m) {
    return {{"count", Count("redirected.count", m.redirected.count)},
            {"share", Number("redirected.share", Share(m.redirected.share))},
            {"summary", "По принадлежности в другие органы направлено " + Share(m.redirected.share) + " обращений (" +
                            std::to_string(m.redirected.count) + ")."}};
  }

  json AnswerTime(const AppealMetrics& m) {
    const AnswerTimes& a = m.answer_times;
    std::string summary = "Ответов за квартал не было.";
    if (a.answered > 0) {
      summary = "Половина ответов дана за " + Days(*a.median_days) + "\u00A0дн. или быстрее, 90\u00A0% — за " +
                std::to_string(*a.p90_days) + "\u00A0дн.; в срок " + std::to_string(kAnswerDeadlineDays) +
                "\u00A0дней — " + Share(a.on_time.share) + ".";
    }
    return {{"answered", Count("answer_time.answered", a.answered)},
            {"median", Number("answer_time.median", a.median_days ? Days(*a.median_days) : "—")},
            {"p90", Number("answer_time.p90", a.p90_days ? std::to_string(*a.p90_days) : "—")},
            {"on_time", Count("answer_time.on_time.count", a.on_time.count)},
            {"on_time_share", Number("answer_time.on_time.share", Share(a.on_time.share))},
            {"in_progress", Count("answer_time.in_progress", a.in_progress)},
            {"no_answer", Count("answer_time.no_answer", a.no_answer)},
            {"limit", std::to_string(kAnswerDeadlineDays)},
            {"summary", summary}};
  }

  // Headline metrics against the previous quarter and the same quarter a year before.
  json Changes(const AppealMetrics& m, const std::vector<std::string>& metrics) {
    const AppealMetrics* previous = FindQuarter(context_.metrics, quarter_.Previous());
    const AppealMetrics* year_ago = FindQuarter(context_.metrics, YearBefore(quarter_));
    const std::optional<AppealChanges> to_previous = ChangesOf(m, previous);
    const std::optional<AppealChanges> to_year_ago = ChangesOf(m, year_ago);
    json rows = json::array();
    const auto row = [&](const char* key, const char* label, const std::string& now, const std::string& before,
                         const std::string& before_change, const std::string& year, const std::string& year_change) {
      rows.push_back({{"label", label},
                      {"now", now},
                      {"previous", Number(std::string("changes.previous.") + key, before)},
                      {"previous_change", Number(std::string("changes.previous.") + key + ".change", before_change)},
                      {"year_ago", Number(std::string("changes.year_ago.") + key, year)},
                      {"year_ago_change", Number(std::string("changes.year_ago.") + key + ".change", year_change)}});
    };
    const auto count_of = [](const AppealMetrics* other, auto get) {
      return other ? std::to_string(get(*other)) : std::string("—");
    };
    const auto share_of = [](const AppealMetrics* other, auto get) {
      return other ? Share(get(*other)) : std::string("—");
    };
    const auto changes = [](const std::optional<AppealChanges>& c, auto get) { return c ? get(*c) : std::string("—"); };
    if (Has(metrics, "channels")) {
      const auto records = [](const AppealMetrics& x) { return x.records; };
      row("records", "Обращений всего", std::to_string(m.records), count_of(previous, records),
          changes(to_previous, [](const AppealChanges& c) { return CountChangeText(c.records); }),
          count_of(year_ago, records),
          changes(to_year_ago, [](const AppealChanges& c) { return CountChangeText(c.records); }));
    }
    if (Has(metrics, "complaints")) {
      const auto complaints = [](const AppealMetrics& x) { return x.complaints.complaints; };
      row("complaints", "Жалоб", std::to_string(m.complaints.complaints), count_of(previous, complaints),
          changes(to_previous, [](const AppealChanges& c) { return CountChangeText(c.complaints); }),
          count_of(year_ago, complaints),
          changes(to_year_ago, [](const AppealChanges& c) { return CountChangeText(c.complaints); }));
      const auto resolved = [](const AppealMetrics& x) { return x.complaints.resolved.share; };
      row("resolved", "Жалобы, решённые в пользу заявителя", Share(m.complaints.resolved.share),
          share_of(previous, resolved),
          changes(to_previous, [](const AppealChanges& c) { return ShareChangeText(c.resolved); }),
          share_of(year_ago, resolved),
          changes(to_year_ago, [](const AppealChanges& c) { return ShareChangeText(c.resolved); }));
      const auto refused = [](const AppealMetrics& x) { return x.complaints.refused.share; };
      row("refused", "Жалобы, в которых отказано", Share(m.complaints.refused.share), share_of(previous, refused),
          changes(to_previous, [](const AppealChanges& c) { return ShareChangeText(c.refused); }),
          share_of(year_ago, refused),
          changes(to_year_ago, [](const AppealChanges& c) { return ShareChangeText(c.refused); }));
    }
    if (Has(metrics, "redirected")) {
      const auto redirected = [](const AppealMetrics& x) { return x.redirected.share; };
      row("redirected", "Направлено в другие органы", Share(m.redirected.share), share_of(previous, redirected),
          changes(to_previous, [](const AppealChanges& c) { return ShareChangeText(c.redirected); }),
          share_of(year_ago, redirected),
          changes(to_year_ago, [](const AppealChanges& c) { return ShareChangeText(c.redirected); }));
    }
    if (Has(metrics, "answer_time")) {
      const auto on_time = [](const AppealMetrics& x) { return x.answer_times.on_time.share; };
      row("on_time", "Ответы в срок 30 дней", Share(m.answer_times.on_time.share), share_of(previous, on_time),
          changes(to_previous, [](const AppealChanges& c) { return ShareChangeText(c.on_time); }),
          share_of(year_ago, on_time),
          changes(to_year_ago, [](const AppealChanges& c) { return ShareChangeText(c.on_time); }));
    }
    return {{"rows", rows},
            {"previous_period", PeriodLabel(quarter_.Previous())},
            {"year_ago_period", PeriodLabel(YearBefore(quarter_))}};
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

std::string ReportStatusText(const ReportStatus& status) {
  const long days = status.days;
  switch (status.kind) {
    case ReportStatus::Kind::kOnTime: return "опубликован в срок";
    case ReportStatus::Kind::kLate: return "опубликован с опозданием на " + CountWithNoun(days, "день", "дня", "дней");
    case ReportStatus::Kind::kDue:
      return days == 0 ? "готовится, срок истекает сегодня"
                       : "готовится, " + std::string(RussianPlural(days, "остался", "осталось", "осталось")) + " " +
                             CountWithNoun(days, "день", "дня", "дней");
    case ReportStatus::Kind::kOverdue: return "просрочен на " + CountWithNoun(days, "день", "дня", "дней");
  }
  return "";
}

json QuarterReportView(const Site& site, const ReportsContext& context, const Period& quarter,
                       const std::vector<std::string>& metrics, const Date& as_of, const std::string& root,
                       std::map<std::string, std::string>* numbers) {
  ReportBuilder builder(site, context, quarter, root, numbers);
  const QuarterReport* report = FindReport(context.reports, quarter);
  const ReportStatus status = StatusOf(report, quarter.year, quarter.index, as_of);
  json view = {
      {"key", quarter.Key()},
      {"period", PeriodLabel(quarter)},
      {"period_in", PeriodIn(quarter)},
      {"range", "с " + RussianDate(quarter.first()) + " по " + RussianDate(quarter.last())},
      {"deadline", RussianDate(status.deadline)},
      {"status", ReportStatusText(status)},
      {"late", status.kind == ReportStatus::Kind::kLate || status.kind == ReportStatus::Kind::kOverdue},
      {"published", report && report->published && *report->published <= as_of ? RussianDate(*report->published) : ""},
      {"errata", json::array()}};
  if (report) {
    for (const Erratum& erratum : report->errata) {
      view["errata"].push_back({{"date", RussianDate(erratum.date)}, {"what", erratum.what}, {"why", erratum.why}});
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
      out.push_back(b->first + ": не было, теперь " + b->second);
      ++b;
    } else {
      if (a->second != b->second) out.push_back(a->first + ": было " + a->second + ", стало " + b->second);
      ++a;
      ++b;
    }
  }
  return out;
}

}  // namespace otklik
