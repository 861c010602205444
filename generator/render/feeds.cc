#include "render/feeds.h"

#include <algorithm>

#include "core/parallel.h"
#include "render/atom.h"
#include "render/decision_views.h"
#include "render/russian.h"

namespace otklik {

namespace {

struct Entries {
  const Site& site;
  std::vector<AtomEntry> all;
  std::vector<std::vector<AtomEntry>> by_service;  ///< In the site's service order.

  AtomEntry Entry(const std::string& key, const Date& date, std::string title, const std::string& url,
                  std::string summary, std::string category) const {
    return {TagUri(site.config().base_url, date.year(), key), std::move(title), date,
            site.config().base_url + url, std::move(summary), std::move(category)};
  }
  void AddTo(const std::string& service, const AtomEntry& entry) {
    const Service* s = site.FindService(service);
    if (s) by_service[static_cast<size_t>(s - site.services().data())].push_back(entry);
  }
};

void AddDecisions(const DecisionsContext& decisions, const Date& as_of, Entries* entries) {
  for (const DecisionEvent& event : DecisionEvents(decisions.decisions, as_of)) {
    const Decision& decision = *event.decision;
    const bool hidden = PrevalenceHidden(entries->site, decisions, decision);
    std::string summary = event.measure ? decision.title : hidden ? "" : decision.prevalence.Text();
    if (!event.change.note.empty()) summary += ". " + event.change.note;
    const Messages& messages = entries->site.messages();
    const AtomEntry entry = entries->Entry(event.Key(), event.date, event.Text(messages),
                                           "decisions/" + decision.id + "/", std::move(summary),
                                           messages["feeds.category.decisions"]);
    entries->all.push_back(entry);
    entries->AddTo(decision.service, entry);
  }
}

void AddReports(const ReportsContext& reports, const Date& as_of, Entries* entries) {
  const Messages& messages = entries->site.messages();
  for (const QuarterReport& report : reports.reports) {
    if (!report.published || *report.published > as_of) continue;
    const Period quarter{Period::Kind::kQuarter, report.year, report.quarter};
    const std::string url = "reports/" + report.Key() + "/";
    entries->all.push_back(entries->Entry("reports/" + report.Key(), *report.published,
                                          messages.Format("feeds.report_published", {{"period", messages.PeriodLabel(quarter)}}),
                                          url, "", messages["feeds.category.reports"]));
    for (const Erratum& erratum : report.errata) {
      if (erratum.date > as_of) continue;
      entries->all.push_back(entries->Entry("reports/" + report.Key() + "/errata/" + erratum.date.ToString(),
                                            erratum.date,
                                            messages.Format("feeds.report_erratum", {{"period", messages.PeriodLabel(quarter)}}),
                                            url, erratum.what + " " + erratum.why, messages["feeds.category.reports"]));
    }
  }
}

void AddSurveys(const Site& site, const Date& as_of, Entries* entries) {
  for (const Survey& survey : site.surveys()) {
    if (survey.audience != Audience::kExternal || survey.StateOn(as_of) != SurveyState::kCompleted) continue;  // never a permanent one
    const Date completed = survey.closes.AddDays(1);
    const AtomEntry entry =
        entries->Entry("surveys/" + survey.id + "/completed", completed,
                       site.messages().Format("feeds.survey_completed", {{"title", survey.title}}),
                       "surveys/" + survey.id + "/", survey.summary, site.messages()["feeds.category.surveys"]);
    entries->all.push_back(entry);
    if (const Question* question = survey.ServiceQuestion()) {
      for (const Option& option : question->options) entries->AddTo(option.id, entry);
    }
  }
}

// The newest date of any entry, for feeds without entries: from content, not the clock.
Date Newest(const std::vector<AtomEntry>& entries, const Date& fallback) {
  Date newest = fallback;
  for (const AtomEntry& entry : entries) newest = std::max(newest, entry.updated);
  return newest;
}

}  // namespace

std::vector<FeedFile> RenderFeeds(const Site& site, const DecisionsContext& decisions, const Date& as_of,
                                  unsigned threads) {
  Entries entries{site, {}, std::vector<std::vector<AtomEntry>>(site.services().size())};
  AddDecisions(decisions, as_of, &entries);
  if (decisions.reports) AddReports(*decisions.reports, as_of, &entries);
  AddSurveys(site, as_of, &entries);
  const SiteConfig& config = site.config();
  // With nothing at all to report, a fixed date keeps the output free of the clock.
  const Date newest = Newest(entries.all, Date(2000, 1, 1));

  // A feed's title: the site's or the process's, and the agency's short name.
  const auto title = [&](const std::string& of) {
    return site.messages().Format("feeds.title", {{"short_name", config.agency.short_name}, {"title", of}});
  };

  std::vector<FeedFile> files(1 + site.services().size());
  AtomFeed feed{config.base_url + "feed.xml",
                title(config.title),
                site.messages()["feeds.site"],
                config.base_url + "feed.xml",
                config.base_url,
                config.agency.name,
                newest,
                entries.all};
  files[0] = {"feed.xml", RenderAtom(std::move(feed))};
  ParallelFor(site.services().size(), [&](size_t i, unsigned) {
    const Service& service = site.services()[i];
    const std::string url = "services/" + service.id + "/";
    AtomFeed service_feed{config.base_url + url + "feed.xml",
                          title(service.title),
                          site.messages()["feeds.process"],
                          config.base_url + url + "feed.xml",
                          config.base_url + url,
                          config.agency.name,
                          newest,
                          std::move(entries.by_service[i])};
    files[1 + i] = {url + "feed.xml", RenderAtom(std::move(service_feed))};
  }, threads);
  return files;
}

}  // namespace otklik
