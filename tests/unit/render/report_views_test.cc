#include "render/report_views.h"

#include <algorithm>
#include <catch2/catch.hpp>

namespace otklik::report_views_test {
namespace {

// The words a reader sees: figures' markup (<data …>, <span …>) taken out.
nlohmann::json Plain(const nlohmann::json& value) {
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '<') {
        i = text.find('>', i);
        continue;
      }
      out += text[i];
    }
    return out;
  }
  if (value.is_array() || value.is_object()) {
    nlohmann::json out = value;
    for (auto& item : out) item = Plain(item);
    return out;
  }
  return value;
}

using nlohmann::json;
using Numbers = std::map<std::string, std::string>;

const Date kAsOf(2026, 11, 23);  // the last complete quarter is III 2026, its report due on 14 November
const Messages kMessages = Messages::Defaults({});

Period Q(int year, int quarter) {
  return {Period::Kind::kQuarter, year, quarter};
}

AppealRecord Record(Date registered, std::optional<Date> answered, std::string channel, AppealKind kind,
                    std::string topic, AppealOutcome outcome, std::string reason = "") {
  AppealRecord record;
  record.registered = registered;
  record.answered = answered;
  record.channel = std::move(channel);
  record.kind = kind;
  record.topic = std::move(topic);
  record.outcome = outcome;
  record.reason = std::move(reason);
  return record;
}

AppealQuarter Quarter(int year, int quarter, std::vector<AppealRecord> records) {
  AppealQuarter q;
  q.year = year;
  q.quarter = quarter;
  q.path = "content/appeals/" + std::to_string(year) + "-q" + std::to_string(quarter) + ".csv";
  q.records = std::move(records);
  return q;
}

// A quarter with `n` plain appeals answered in 5 days through the МФЦ.
AppealQuarter PlainQuarter(int year, int quarter, int n) {
  std::vector<AppealRecord> records;
  const Date first = Q(year, quarter).first();
  for (int i = 0; i < n; ++i) {
    records.push_back(
        Record(first, first.AddDays(5), "mfc", AppealKind::kAppeal, "0002.0007.0075.0000", AppealOutcome::kExplained));
  }
  return Quarter(year, quarter, std::move(records));
}

QuarterReport Report(int year, int quarter, std::optional<Date> published = std::nullopt) {
  QuarterReport report;
  report.year = year;
  report.quarter = quarter;
  report.path = "content/reports/" + std::to_string(year) + "-q" + std::to_string(quarter) + ".yaml";
  report.published = published;
  return report;
}

Touchpoint MakeTouchpoint(std::string id, std::string title) {
  Touchpoint touchpoint;
  touchpoint.id = std::move(id);
  touchpoint.title = std::move(title);
  return touchpoint;
}

Site MakeSite(SiteConfig config = {}) {
  return Site(std::move(config), {}, {}, {MakeTouchpoint("mfc", "МФЦ"), MakeTouchpoint("hotline", "Горячая линия")},
              {});
}

// The appeals, reports and their metrics, as ReportData holds them.
struct Fixture {
  Appeals appeals;
  std::vector<QuarterReport> reports;
  std::vector<AppealMetrics> metrics;

  Fixture() {
    appeals.reasons = {{"late-payment", "Задержка выплаты"}, {"documents", "Непонятно, какие документы нужны"}};
    appeals.classifier = ClassifierSections();
    appeals.classifier.push_back({"0002.0007", "Социальное обеспечение и социальное страхование"});
    std::sort(appeals.classifier.begin(), appeals.classifier.end(),
              [](const ClassifierEntry& a, const ClassifierEntry& b) { return a.code < b.code; });
  }

  ReportsContext Context() {
    metrics = AppealMetricsOf(appeals);
    return {appeals, reports, metrics};
  }
};

// III 2025 (a year before), II 2026 (the previous quarter) and III 2026, the report's quarter:
//   III 2026: 5 records; МФЦ 3, hotline 2; complaints 2 (1 supported, 1 refused); 1 redirected;
//             answers in 10, 40, 20 and 13 days, one in progress; reasons late-payment 2, documents 1, none 2.
//   II 2026:  4 records; complaints 2, both refused; 1 redirected; answers in 10, 10, 40 and 4 days.
//   III 2025: 2 records; no complaints; 1 redirected; answers in 30 and 45 days.
Fixture ThreeQuarters() {
  Fixture f;
  using K = AppealKind;
  using O = AppealOutcome;
  f.appeals.quarters.push_back(
      Quarter(2025, 3,
              {Record(Date(2025, 7, 1), Date(2025, 7, 31), "mfc", K::kAppeal, "0002.0007.0075.0000", O::kExplained),
               Record(Date(2025, 8, 1), Date(2025, 9, 15), "mfc", K::kAppeal, "0002.0007.0075.0000", O::kRedirected)}));
  f.appeals.quarters.push_back(Quarter(
      2026, 2,
      {Record(Date(2026, 4, 1), Date(2026, 4, 11), "mfc", K::kComplaint, "0002.0007.0075.0000", O::kRefused,
              "late-payment"),
       Record(Date(2026, 4, 2), Date(2026, 4, 12), "mfc", K::kComplaint, "0002.0007.0075.0000", O::kRefused),
       Record(Date(2026, 5, 1), Date(2026, 6, 10), "hotline", K::kAppeal, "0002.0007.0075.0000", O::kExplained),
       Record(Date(2026, 6, 1), Date(2026, 6, 5), "hotline", K::kAppeal, "0002.0007.0075.0000", O::kRedirected)}));
  f.appeals.quarters.push_back(Quarter(
      2026, 3,
      {Record(Date(2026, 7, 1), Date(2026, 7, 11), "mfc", K::kComplaint, "0002.0007.0075.0000", O::kSupported,
              "late-payment"),
       Record(Date(2026, 7, 10), Date(2026, 8, 19), "mfc", K::kComplaint, "0002.0007.0076.0000", O::kRefused,
              "late-payment"),
       Record(Date(2026, 8, 1), Date(2026, 8, 21), "hotline", K::kAppeal, "0005.0005.0056.0000", O::kRedirected,
              "documents"),
       Record(Date(2026, 9, 20), std::nullopt, "mfc", K::kRequest, "0002.0007.0075.0000", O::kInProgress),
       Record(Date(2026, 9, 25), Date(2026, 10, 8), "hotline", K::kProposal, "0002.0007.0075.0000", O::kExplained)}));
  return f;
}

const std::vector<std::string>& AllMetrics() {
  return AppealMetricNames();
}

std::vector<std::string> KeysOf(const json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, unused] : object.items()) keys.push_back(key);
  return keys;
}

std::vector<std::string> KeysOf(const Numbers& numbers) {
  std::vector<std::string> keys;
  for (const auto& [key, unused] : numbers) keys.push_back(key);
  return keys;
}

// --- ReportQuarters, FindReport, IsPublished

TEST_CASE("ReportQuarters runs from the first quarter with records to the last complete quarter, gaps included") {
  Fixture f;
  f.appeals.quarters = {PlainQuarter(2026, 1, 1), PlainQuarter(2026, 3, 1)};
  CHECK(ReportQuarters(f.Context(), kAsOf) == std::vector<Period>{Q(2026, 1), Q(2026, 2), Q(2026, 3)});
  // On 31 December the IV quarter is not over yet; from 1 January its report is due.
  CHECK(ReportQuarters(f.Context(), Date(2026, 12, 31)) == std::vector<Period>{Q(2026, 1), Q(2026, 2), Q(2026, 3)});
  CHECK(ReportQuarters(f.Context(), Date(2027, 1, 1)) ==
        std::vector<Period>{Q(2026, 1), Q(2026, 2), Q(2026, 3), Q(2026, 4)});
}

TEST_CASE("ReportQuarters starts at a report file older than the first records") {
  Fixture f;
  f.appeals.quarters = {PlainQuarter(2026, 2, 1)};
  f.reports = {Report(2025, 4, Date(2026, 2, 10))};
  CHECK(ReportQuarters(f.Context(), kAsOf) == std::vector<Period>{Q(2025, 4), Q(2026, 1), Q(2026, 2), Q(2026, 3)});
}

TEST_CASE("ReportQuarters leaves out a quarter that is not over, even with records or a report file") {
  Fixture f;
  f.appeals.quarters = {PlainQuarter(2026, 3, 1), PlainQuarter(2026, 4, 1)};
  f.reports = {Report(2027, 1)};
  CHECK(ReportQuarters(f.Context(), kAsOf) == std::vector<Period>{Q(2026, 3)});
  f.appeals.quarters = {PlainQuarter(2026, 4, 1)};
  f.reports = {};
  CHECK(ReportQuarters(f.Context(), kAsOf).empty());
  CHECK(ReportQuarters(f.Context(), Date(2027, 1, 1)) == std::vector<Period>{Q(2026, 4)});
}

TEST_CASE("ReportQuarters of an agency without appeals and reports is empty") {
  Fixture f;
  CHECK(ReportQuarters(f.Context(), kAsOf).empty());
}

TEST_CASE("ReportQuarters of report files only") {
  Fixture f;
  f.reports = {Report(2026, 2)};
  CHECK(ReportQuarters(f.Context(), kAsOf) == std::vector<Period>{Q(2026, 2), Q(2026, 3)});
}

TEST_CASE("FindReport finds a quarter's report file by year and quarter") {
  const std::vector<QuarterReport> reports = {Report(2026, 2), Report(2026, 3)};
  REQUIRE(FindReport(reports, Q(2026, 3)) != nullptr);
  CHECK(FindReport(reports, Q(2026, 3))->path == "content/reports/2026-q3.yaml");
  CHECK(FindReport(reports, Q(2025, 3)) == nullptr);
  CHECK(FindReport(reports, Q(2026, 4)) == nullptr);
}

TEST_CASE("IsPublished counts a publication only from its date on") {
  const std::vector<QuarterReport> reports = {Report(2026, 2), Report(2026, 3, Date(2026, 11, 10))};
  CHECK_FALSE(IsPublished(reports, Q(2026, 3), Date(2026, 11, 9)));
  CHECK(IsPublished(reports, Q(2026, 3), Date(2026, 11, 10)));
  CHECK(IsPublished(reports, Q(2026, 3), kAsOf));
  CHECK_FALSE(IsPublished(reports, Q(2026, 2), kAsOf));  // in preparation: no date
  CHECK_FALSE(IsPublished(reports, Q(2026, 1), kAsOf));  // no file
}

// --- ReportStatusText

ReportStatus Status(ReportStatus::Kind kind, long days) {
  return {kind, Date(2026, 11, 14), days};
}

TEST_CASE("ReportStatusText of a report published on time") {
  CHECK(ReportStatusText(kMessages, Status(ReportStatus::Kind::kOnTime, 0)) == "опубликован в срок");
}

TEST_CASE("ReportStatusText of a late report counts the days with Russian plurals") {
  using K = ReportStatus::Kind;
  CHECK(ReportStatusText(kMessages, Status(K::kLate, 1)) == "опубликован с опозданием на 1\u00A0день");
  CHECK(ReportStatusText(kMessages, Status(K::kLate, 3)) == "опубликован с опозданием на 3\u00A0дня");
  CHECK(ReportStatusText(kMessages, Status(K::kLate, 6)) == "опубликован с опозданием на 6\u00A0дней");
  CHECK(ReportStatusText(kMessages, Status(K::kLate, 11)) == "опубликован с опозданием на 11\u00A0дней");
  CHECK(ReportStatusText(kMessages, Status(K::kLate, 21)) == "опубликован с опозданием на 21\u00A0день");
}

TEST_CASE("ReportStatusText of a report in preparation agrees the verb with the days left") {
  using K = ReportStatus::Kind;
  CHECK(ReportStatusText(kMessages, Status(K::kDue, 0)) == "готовится, срок истекает сегодня");
  CHECK(ReportStatusText(kMessages, Status(K::kDue, 1)) == "готовится, остался 1\u00A0день");
  CHECK(ReportStatusText(kMessages, Status(K::kDue, 2)) == "готовится, осталось 2\u00A0дня");
  CHECK(ReportStatusText(kMessages, Status(K::kDue, 4)) == "готовится, осталось 4\u00A0дня");
  CHECK(ReportStatusText(kMessages, Status(K::kDue, 5)) == "готовится, осталось 5\u00A0дней");
  CHECK(ReportStatusText(kMessages, Status(K::kDue, 12)) == "готовится, осталось 12\u00A0дней");
  CHECK(ReportStatusText(kMessages, Status(K::kDue, 21)) == "готовится, остался 21\u00A0день");
  CHECK(ReportStatusText(kMessages, Status(K::kDue, 45)) == "готовится, осталось 45\u00A0дней");
}

TEST_CASE("ReportStatusText of an overdue report counts the days since the deadline") {
  using K = ReportStatus::Kind;
  CHECK(ReportStatusText(kMessages, Status(K::kOverdue, 1)) == "просрочен на 1\u00A0день");
  CHECK(ReportStatusText(kMessages, Status(K::kOverdue, 5)) == "просрочен на 5\u00A0дней");
  CHECK(ReportStatusText(kMessages, Status(K::kOverdue, 9)) == "просрочен на 9\u00A0дней");
  CHECK(ReportStatusText(kMessages, Status(K::kOverdue, 22)) == "просрочен на 22\u00A0дня");
}

TEST_CASE("ReportStatusText of StatusOf around the deadline of the III quarter (14 November)") {
  const QuarterReport on_time = Report(2026, 3, Date(2026, 11, 14));
  const QuarterReport late = Report(2026, 3, Date(2026, 11, 15));
  CHECK(ReportStatusText(kMessages, StatusOf(&on_time, 2026, 3, kAsOf)) == "опубликован в срок");
  CHECK(ReportStatusText(kMessages, StatusOf(&late, 2026, 3, kAsOf)) == "опубликован с опозданием на 1\u00A0день");
  CHECK(ReportStatusText(kMessages, StatusOf(nullptr, 2026, 3, Date(2026, 11, 12))) ==
        "готовится, осталось 2\u00A0дня");
  CHECK(ReportStatusText(kMessages, StatusOf(nullptr, 2026, 3, Date(2026, 11, 13))) ==
        "готовится, остался 1\u00A0день");
  CHECK(ReportStatusText(kMessages, StatusOf(nullptr, 2026, 3, Date(2026, 11, 14))) ==
        "готовится, срок истекает сегодня");
  CHECK(ReportStatusText(kMessages, StatusOf(nullptr, 2026, 3, Date(2026, 11, 19))) == "просрочен на 5\u00A0дней");
  // Published after the day of the build: still in preparation, then overdue.
  CHECK(ReportStatusText(kMessages, StatusOf(&late, 2026, 3, Date(2026, 11, 14))) ==
        "готовится, срок истекает сегодня");
}

TEST_CASE("ReportStatusText and DateRange speak a theme's words, its plurals included") {
  const Messages theme = Messages::FromTexts({{"reports.status_due", "в работе: {left} {days}"},
                                              {"reports.days_left", "остался|осталось|осталось"},
                                              {"reports.days", "раб. день|раб. дня|раб. дней"},
                                              {"reports.date_range", "{first} — {last}"}},
                                             {});
  CHECK(ReportStatusText(theme, StatusOf(nullptr, 2026, 3, Date(2026, 11, 13))) ==
        "в работе: остался 1\u00A0раб. день");
  CHECK(ReportStatusText(theme, StatusOf(nullptr, 2026, 3, Date(2026, 11, 9))) ==
        "в работе: осталось 5\u00A0раб. дней");
  CHECK(DateRange(theme, Q(2026, 3)) == "1\u00A0июля 2026\u00A0г. — 30\u00A0сентября 2026\u00A0г.");
  CHECK(DateRange(kMessages, Q(2026, 4)) == "с 1\u00A0октября 2026\u00A0г. по 31\u00A0декабря 2026\u00A0г.");
}

// --- QuarterReportView

TEST_CASE("QuarterReportView records every number it shows under a stable key") {
  Fixture f = ThreeQuarters();
  Numbers numbers;
  QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), AllMetrics(), kAsOf, "../../", &numbers);
  // Percentages round half away from zero: 2 of 3 reasons = 67 %, 1 of 3 = 33 %.
  // Median of 10, 13, 20, 40 days = 16.5; the 90th percentile is the 4th of 4 (nearest rank) = 40.
  CHECK(numbers == Numbers{
                       {"answer_time.answered", "4"},
                       {"answer_time.in_progress", "1"},
                       {"answer_time.median", "16,5"},
                       {"answer_time.no_answer", "0"},
                       {"answer_time.on_time.count", "3"},
                       {"answer_time.on_time.share", "75\u00A0%"},
                       {"answer_time.p90", "40"},
                       {"changes.previous.complaints", "2"},
                       {"changes.previous.complaints.change", "без изменений"},
                       {"changes.previous.on_time", "75\u00A0%"},
                       {"changes.previous.on_time.change", "без изменений"},
                       {"changes.previous.records", "4"},
                       {"changes.previous.records.change", "+1 (+25\u00A0%)"},
                       {"changes.previous.redirected", "25\u00A0%"},
                       {"changes.previous.redirected.change", "\u22125\u00A0п.\u00A0п."},
                       {"changes.previous.refused", "100\u00A0%"},
                       {"changes.previous.refused.change", "\u221250\u00A0п.\u00A0п."},
                       {"changes.previous.resolved", "0\u00A0%"},
                       {"changes.previous.resolved.change", "+50\u00A0п.\u00A0п."},
                       {"changes.year_ago.complaints", "0"},
                       {"changes.year_ago.complaints.change", "+2"},  // no relative change from 0
                       {"changes.year_ago.on_time", "50\u00A0%"},
                       {"changes.year_ago.on_time.change", "+25\u00A0п.\u00A0п."},
                       {"changes.year_ago.records", "2"},
                       {"changes.year_ago.records.change", "+3 (+150\u00A0%)"},
                       {"changes.year_ago.redirected", "50\u00A0%"},
                       {"changes.year_ago.redirected.change", "\u221230\u00A0п.\u00A0п."},
                       {"changes.year_ago.refused", "—"},  // no complaints a year before: no share
                       {"changes.year_ago.refused.change", "—"},
                       {"changes.year_ago.resolved", "—"},
                       {"changes.year_ago.resolved.change", "—"},
                       {"channels.hotline.count", "2"},
                       {"channels.hotline.share", "40\u00A0%"},
                       {"channels.mfc.count", "3"},
                       {"channels.mfc.share", "60\u00A0%"},
                       {"complaints.count", "2"},
                       {"complaints.other.count", "0"},
                       {"complaints.other.share", "0\u00A0%"},
                       {"complaints.refused.count", "1"},
                       {"complaints.refused.share", "50\u00A0%"},
                       {"complaints.resolved.count", "1"},
                       {"complaints.resolved.share", "50\u00A0%"},
                       {"kinds.appeal", "1"},
                       {"kinds.complaint", "2"},
                       {"kinds.proposal", "1"},
                       {"kinds.request", "1"},
                       {"reasons.documents.count", "1"},
                       {"reasons.documents.share", "33\u00A0%"},
                       {"reasons.late-payment.count", "2"},
                       {"reasons.late-payment.share", "67\u00A0%"},
                       {"reasons.none", "2"},
                       {"records", "5"},
                       {"redirected.count", "1"},
                       {"redirected.share", "20\u00A0%"},
                       {"sections.0002.count", "4"},
                       {"sections.0002.share", "80\u00A0%"},
                       {"sections.0005.count", "1"},
                       {"sections.0005.share", "20\u00A0%"},
                       {"subsections.0002.0007.count", "4"},
                       {"subsections.0002.0007.share", "80\u00A0%"},
                       {"subsections.0005.0005.count", "1"},
                       {"subsections.0005.0005.share", "20\u00A0%"},
                       {"trend.2025-q3.complaints", "0"},
                       {"trend.2025-q3.records", "2"},
                       {"trend.2026-q2.complaints", "2"},
                       {"trend.2026-q2.records", "4"},
                       {"trend.2026-q3.complaints", "2"},
                       {"trend.2026-q3.records", "5"},
                   });
}

TEST_CASE("QuarterReportView describes the quarter, its deadline, publication and errata") {
  Fixture f = ThreeQuarters();
  QuarterReport report = Report(2026, 3, Date(2026, 11, 10));
  report.errata.push_back({Date(2026, 11, 20), "Исправлено число жалоб.", "Ошибка в выгрузке."});
  f.reports = {report};
  Numbers numbers;
  const json view = QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), AllMetrics(), kAsOf, "../../", &numbers);
  CHECK(KeysOf(view) == std::vector<std::string>{"answer_time", "changes", "channels", "complaints", "deadline",
                                                 "errata", "has_records", "key", "late", "period", "period_in",
                                                 "published", "range", "reasons", "redirected", "status", "topics"});
  CHECK(Plain(view["key"]) == "2026-q3");
  CHECK(Plain(view["period"]) == "III квартал 2026\u00A0г.");
  CHECK(Plain(view["period_in"]) == "в III квартале 2026\u00A0г.");
  CHECK(Plain(view["range"]) == "с 1\u00A0июля 2026\u00A0г. по 30\u00A0сентября 2026\u00A0г.");
  CHECK(Plain(view["deadline"]) == "14\u00A0ноября 2026\u00A0г.");
  CHECK(Plain(view["status"]) == "опубликован в срок");
  CHECK(Plain(view["late"]) == false);
  CHECK(Plain(view["published"]) == "10\u00A0ноября 2026\u00A0г.");
  CHECK(Plain(view["errata"]) == json::array({{{"date", "20\u00A0ноября 2026\u00A0г."},
                                        {"what", "Исправлено число жалоб."},
                                        {"why", "Ошибка в выгрузке."}}}));
  CHECK(Plain(view["has_records"]) == true);
  // The day before publication the same report is still in preparation.
  const json before =
      QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), AllMetrics(), Date(2026, 11, 9), "../../", &numbers);
  CHECK(Plain(before["published"]) == "");
  CHECK(Plain(before["status"]) == "готовится, осталось 5\u00A0дней");
  CHECK(Plain(before["late"]) == false);
}

TEST_CASE("QuarterReportView marks an overdue report late and a late one too") {
  Fixture f = ThreeQuarters();
  Numbers numbers;
  json view = QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), AllMetrics(), kAsOf, "", &numbers);
  CHECK(Plain(view["status"]) == "просрочен на 9\u00A0дней");
  CHECK(Plain(view["late"]) == true);
  CHECK(Plain(view["published"]) == "");
  CHECK(Plain(view["errata"]) == json::array());
  f.reports = {Report(2026, 3, Date(2026, 11, 20))};
  view = QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), AllMetrics(), kAsOf, "", &numbers);
  CHECK(Plain(view["status"]) == "опубликован с опозданием на 6\u00A0дней");
  CHECK(Plain(view["late"]) == true);
  CHECK(Plain(view["published"]) == "20\u00A0ноября 2026\u00A0г.");
}

TEST_CASE("QuarterReportView: channels, kinds and the quarters so far") {
  Fixture f = ThreeQuarters();
  Numbers numbers;
  const json view = QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), AllMetrics(), kAsOf, "../../", &numbers);
  const json& channels = view["channels"];
  CHECK(Plain(channels["records"]) == "5");
  CHECK(Plain(channels["kinds"]) == json::array({{{"label", "Обращения"}, {"count", "1"}},
                                          {{"label", "Жалобы"}, {"count", "2"}},
                                          {{"label", "Запросы информации"}, {"count", "1"}},
                                          {{"label", "Предложения"}, {"count", "1"}}}));
  CHECK(Plain(channels["rows"]) ==
        json::array(
            {{{"title", "МФЦ"}, {"href", "../../touchpoints/mfc/index.html"}, {"count", "3"}, {"share", "60\u00A0%"}},
             {{"title", "Горячая линия"},
              {"href", "../../touchpoints/hotline/index.html"},
              {"count", "2"},
              {"share", "40\u00A0%"}}}));
  CHECK(Plain(channels["summary"]) == "Поступило 5\u00A0обращений. Чаще всего — через канал «МФЦ»: 60\u00A0%.");
  CHECK(channels["svg"].get<std::string>().starts_with("<svg class=\"chart\""));
  CHECK(Plain(channels["trend"]) ==
        json::array({{{"period", "III квартал 2025\u00A0г."}, {"records", "2"}, {"complaints", "0"}},
                     {{"period", "II квартал 2026\u00A0г."}, {"records", "4"}, {"complaints", "2"}},
                     {{"period", "III квартал 2026\u00A0г."}, {"records", "5"}, {"complaints", "2"}}}));
}

TEST_CASE("QuarterReportView: topics by section and subsection with the classifier's titles") {
  Fixture f = ThreeQuarters();
  Numbers numbers;
  const json view = QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), AllMetrics(), kAsOf, "", &numbers);
  const json& topics = view["topics"];
  CHECK(Plain(topics["sections"]) ==
        json::array(
            {{{"code", "0002"}, {"title", "Социальная сфера"}, {"count", "4"}, {"share", "80\u00A0%"}},
             {{"code", "0005"}, {"title", "Жилищно-коммунальная сфера"}, {"count", "1"}, {"share", "20\u00A0%"}}}));
  CHECK(Plain(topics["subsections"]) ==
        json::array({{{"code", "0002.0007"},
                      {"title", "Социальное обеспечение и социальное страхование"},
                      {"count", "4"},
                      {"share", "80\u00A0%"}},
                     // not in classifier.yaml: no title
                     {{"code", "0005.0005"}, {"title", ""}, {"count", "1"}, {"share", "20\u00A0%"}}}));
  CHECK(Plain(topics["summary"]) == "Больше всего обращений — в разделе «Социальная сфера»: 80\u00A0%.");
  CHECK(topics["svg"].get<std::string>().starts_with("<svg class=\"chart\""));
}

TEST_CASE("QuarterReportView: reasons, complaints, redirected appeals and answer times") {
  Fixture f = ThreeQuarters();
  Numbers numbers;
  const json view = QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), AllMetrics(), kAsOf, "", &numbers);
  CHECK(Plain(view["reasons"]) ==
        json{{"rows",
              json::array({{{"title", "Задержка выплаты"}, {"count", "2"}, {"share", "67\u00A0%"}},
                           {{"title", "Непонятно, какие документы нужны"}, {"count", "1"}, {"share", "33\u00A0%"}}})},
             {"without", "2"},
             {"summary", "Самая частая причина — «Задержка выплаты»: 67\u00A0% обращений с указанной причиной."}});
  // The three outcomes add up to every complaint, in the sentence as in the table.
  CHECK(Plain(view["complaints"]) ==
        json{{"complaints", "2"},
             {"resolved", "1"},
             {"resolved_share", "50\u00A0%"},
             {"refused", "1"},
             {"refused_share", "50\u00A0%"},
             {"other", "0"},
             {"other_share", "0\u00A0%"},
             {"whole_key", "appeals/2026-q3/complaints.count"},
             {"summary", "Из 2\u00A0жалоб: решены в пользу заявителя — 1 (50\u00A0%), отказано — 1 (50\u00A0%), по "
                         "остальным 0 (0\u00A0%) даны разъяснения, жалоба направлена по принадлежности, оставлена без "
                         "ответа по закону или ещё рассматривается."}});
  CHECK(view["complaints"]["resolved_share"] ==
        "<data value=\"1/2\" data-key=\"appeals/2026-q3/complaints.resolved.share\">50\u00A0%</data>");
  CHECK(Plain(view["redirected"]) ==
        json{{"count", "1"},
             {"share", "20\u00A0%"},
             {"summary", "По принадлежности в другие органы направлено 20\u00A0% обращений (1)."}});
  CHECK(Plain(view["answer_time"]) == json{{"answered", "4"},
                                    {"median", "16,5"},
                                    {"p90", "40"},
                                    {"on_time", "3"},
                                    {"on_time_share", "75\u00A0%"},
                                    {"in_progress", "1"},
                                    {"no_answer", "0"},
                                    {"limit", "30"},
                                    {"summary",
                                     "Половина ответов дана за 16,5\u00A0дн. или быстрее, 90\u00A0% — за "
                                     "40\u00A0дн.; в срок 30\u00A0дней — 75\u00A0%."}});
}

TEST_CASE("QuarterReportView compares with the previous quarter and the same quarter a year before") {
  Fixture f = ThreeQuarters();
  Numbers numbers;
  const json view = QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), AllMetrics(), kAsOf, "", &numbers);
  const auto row = [](const char* label, const char* now, const char* previous, const char* previous_change,
                      const char* year_ago, const char* year_ago_change) {
    return json{{"label", label},       {"now", now},
                {"previous", previous}, {"previous_change", previous_change},
                {"year_ago", year_ago}, {"year_ago_change", year_ago_change}};
  };
  CHECK(Plain(view["changes"]["previous_period"]) == "II квартал 2026\u00A0г.");
  CHECK(Plain(view["changes"]["year_ago_period"]) == "III квартал 2025\u00A0г.");
  CHECK(Plain(view["changes"]["rows"]) ==
      json::array({row("Обращений всего", "5", "4", "+1 (+25\u00A0%)", "2", "+3 (+150\u00A0%)"),
                   row("Жалоб", "2", "2", "без изменений", "0", "+2"),
                   row("Жалобы, решённые в пользу заявителя", "50\u00A0%", "0\u00A0%", "+50\u00A0п.\u00A0п.", "—", "—"),
                   row("Жалобы, в которых отказано", "50\u00A0%", "100\u00A0%", "\u221250\u00A0п.\u00A0п.", "—", "—"),
                   row("Направлено в другие органы", "20\u00A0%", "25\u00A0%", "\u22125\u00A0п.\u00A0п.", "50\u00A0%",
                       "\u221230\u00A0п.\u00A0п."),
                   row("Ответы в срок 30 дней", "75\u00A0%", "75\u00A0%", "без изменений", "50\u00A0%",
                       "+25\u00A0п.\u00A0п.")}));
}

TEST_CASE("QuarterReportView of the first quarter has nothing to compare with") {
  Fixture f = ThreeQuarters();
  Numbers numbers;
  const json view = QuarterReportView(MakeSite(), f.Context(), Q(2025, 3), {"channels"}, kAsOf, "", &numbers);
  CHECK(Plain(view["changes"]["previous_period"]) == "II квартал 2025\u00A0г.");
  CHECK(Plain(view["changes"]["rows"]) == json::array({{{"label", "Обращений всего"},
                                                 {"now", "2"},
                                                 {"previous", "—"},
                                                 {"previous_change", "—"},
                                                 {"year_ago", "—"},
                                                 {"year_ago_change", "—"}}}));
  // Only the quarters up to this one are in its trend.
  CHECK(Plain(view["channels"]["trend"]) ==
        json::array({{{"period", "III квартал 2025\u00A0г."}, {"records", "2"}, {"complaints", "0"}}}));
  CHECK(numbers.at("changes.previous.records.change") == "—");
  CHECK(numbers.count("trend.2026-q2.records") == 0);
}

TEST_CASE("QuarterReportView shows only the metrics it is given: the others are null and record no numbers") {
  Fixture f = ThreeQuarters();
  Numbers numbers;
  const json view = QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), {"channels"}, kAsOf, "", &numbers);
  CHECK(view["channels"].is_object());
  for (const char* hidden : {"topics", "reasons", "complaints", "redirected", "answer_time"}) {
    INFO(hidden);
    CHECK(view.contains(hidden));
    CHECK(view[hidden].is_null());
  }
  // The changes table keeps only the rows of the shown metrics.
  REQUIRE(view["changes"]["rows"].size() == 1);
  CHECK(view["changes"]["rows"][0]["label"] == "Обращений всего");
  CHECK(KeysOf(numbers) == std::vector<std::string>{
                               "changes.previous.records", "changes.previous.records.change",
                               "changes.year_ago.records", "changes.year_ago.records.change", "channels.hotline.count",
                               "channels.hotline.share", "channels.mfc.count", "channels.mfc.share", "kinds.appeal",
                               "kinds.complaint", "kinds.proposal", "kinds.request", "records",
                               "trend.2025-q3.complaints", "trend.2025-q3.records", "trend.2026-q2.complaints",
                               "trend.2026-q2.records", "trend.2026-q3.complaints", "trend.2026-q3.records"});
}

TEST_CASE("QuarterReportView of the internal metrics only leaves channels out, and of none shows nothing") {
  Fixture f = ThreeQuarters();
  Numbers numbers;
  json view =
      QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), {"complaints", "answer_time"}, kAsOf, "", &numbers);
  CHECK(view["channels"].is_null());
  CHECK(view["complaints"].is_object());
  CHECK(view["answer_time"].is_object());
  std::vector<std::string> labels;
  for (const json& row : view["changes"]["rows"]) labels.push_back(row["label"]);
  CHECK(labels == std::vector<std::string>{"Жалоб", "Жалобы, решённые в пользу заявителя", "Жалобы, в которых отказано",
                                           "Ответы в срок 30 дней"});
  CHECK(numbers.count("records") == 0);
  CHECK(numbers.count("channels.mfc.count") == 0);
  CHECK(numbers.count("changes.previous.records") == 0);
  CHECK(numbers.at("complaints.count") == "2");
  CHECK(numbers.at("changes.year_ago.on_time.change") == "+25\u00A0п.\u00A0п.");
  CHECK(numbers.size() == 7 + 7 + 4 * 4);  // complaints with their other outcomes, answer times, four rows of changes

  Numbers none;
  view = QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), {}, kAsOf, "", &none);
  for (const char* metric : {"channels", "topics", "reasons", "complaints", "redirected", "answer_time"}) {
    CHECK(view[metric].is_null());
  }
  CHECK(Plain(view["changes"]["rows"]) == json::array());
  CHECK(none.empty());
}

TEST_CASE("QuarterReportView of a quarter without records has its dates and no metrics") {
  Fixture f = ThreeQuarters();
  f.reports = {Report(2026, 1, Date(2026, 5, 10))};
  Numbers numbers;
  const json view = QuarterReportView(MakeSite(), f.Context(), Q(2026, 1), AllMetrics(), kAsOf, "", &numbers);
  CHECK(Plain(view["has_records"]) == false);
  CHECK(Plain(view["status"]) == "опубликован в срок");  // deadline 15 May
  CHECK(Plain(view["deadline"]) == "15\u00A0мая 2026\u00A0г.");
  CHECK_FALSE(view.contains("channels"));
  CHECK_FALSE(view.contains("changes"));
  CHECK(numbers.empty());
}

TEST_CASE("QuarterReportView keeps the last eight quarters in the trend") {
  Fixture f;
  for (int year = 2024; year <= 2026; ++year) {
    for (int quarter = 1; quarter <= 4; ++quarter) {
      if (year == 2026 && quarter > 2) break;
      f.appeals.quarters.push_back(PlainQuarter(year, quarter, year - 2020 + quarter));  // 2024-q1: 5 … 2026-q2: 8
    }
  }
  f.appeals.quarters.push_back(PlainQuarter(2026, 3, 1));  // later than the report: not in its trend
  Numbers numbers;
  const json view = QuarterReportView(MakeSite(), f.Context(), Q(2026, 2), {"channels"}, kAsOf, "", &numbers);
  std::vector<std::string> periods;
  for (const json& row : view["channels"]["trend"]) periods.push_back(row["period"]);
  CHECK(periods == std::vector<std::string>{"III квартал 2024\u00A0г.", "IV квартал 2024\u00A0г.",
                                            "I квартал 2025\u00A0г.", "II квартал 2025\u00A0г.",
                                            "III квартал 2025\u00A0г.", "IV квартал 2025\u00A0г.",
                                            "I квартал 2026\u00A0г.", "II квартал 2026\u00A0г."});
  CHECK(numbers.count("trend.2024-q2.records") == 0);
  CHECK(numbers.at("trend.2024-q3.records") == "7");
  CHECK(numbers.at("trend.2026-q2.records") == "8");
  CHECK(numbers.count("trend.2026-q3.records") == 0);
  // Previous quarter 2026-q1 (7 records), a year before 2025-q2 (7 records).
  CHECK(numbers.at("changes.previous.records.change") == "+1 (+14\u00A0%)");
  CHECK(numbers.at("changes.year_ago.records.change") == "+1 (+14\u00A0%)");
}

TEST_CASE("PublicReportNumbers are the numbers of the report with the site's public metrics") {
  Fixture f = ThreeQuarters();
  SiteConfig config;
  config.public_appeal_metrics = {"channels", "redirected"};
  const Site site = MakeSite(config);
  Numbers expected;
  QuarterReportView(site, f.Context(), Q(2026, 3), {"channels", "redirected"}, kAsOf, "", &expected);
  const Numbers numbers = PublicReportNumbers(site, f.Context(), Q(2026, 3), kAsOf);
  CHECK(numbers == expected);
  CHECK(numbers.at("redirected.share") == "20\u00A0%");
  CHECK(numbers.count("complaints.count") == 0);
  CHECK(numbers.count("answer_time.median") == 0);
  // By default every metric is public.
  Numbers all;
  QuarterReportView(MakeSite(), f.Context(), Q(2026, 3), AllMetrics(), kAsOf, "", &all);
  CHECK(PublicReportNumbers(MakeSite(), f.Context(), Q(2026, 3), kAsOf) == all);
}

// --- FrozenDifferences

TEST_CASE("FrozenDifferences is empty for the same numbers") {
  const Numbers numbers = {{"records", "12"}, {"complaints.count", "3"}};
  CHECK(FrozenDifferences(numbers, numbers).empty());
  CHECK(FrozenDifferences({}, {}).empty());
}

TEST_CASE("FrozenDifferences lists changed and removed numbers in key order; added ones change nothing published") {
  const Numbers frozen = {{"channels.mfc.count", "10"}, {"complaints.count", "21"}, {"records", "40"}};
  const Numbers now = {{"channels.hotline.count", "2"}, {"complaints.count", "12"}, {"records", "40"}};
  CHECK(FrozenDifferences(frozen, now) ==
        std::vector<std::string>{"channels.mfc.count: было 10, теперь не показывается",
                                 "complaints.count: было 21, стало 12"});
}

TEST_CASE("FrozenDifferences of numbers gone or new at either end") {
  CHECK(FrozenDifferences({{"a", "1"}, {"z", "2"}}, {}) ==
        std::vector<std::string>{"a: было 1, теперь не показывается", "z: было 2, теперь не показывается"});
  // A breakdown the report did not show when frozen (complaints' other outcomes, say) is no change.
  CHECK(FrozenDifferences({}, {{"a", "1"}}).empty());
  CHECK(FrozenDifferences({{"b", "1"}}, {{"a", "1"}, {"c", "3"}}) ==
        std::vector<std::string>{"b: было 1, теперь не показывается"});
}

}  // namespace
}  // namespace otklik::report_views_test
