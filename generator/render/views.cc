#include "render/views.h"

#include "core/fallback_text.h"
#include "render/russian.h"
#include "render/view_builder.h"

namespace otklik {

using nlohmann::json;

ViewBuilder::ViewBuilder(const ViewContext& context, const PlannedPage& page)
    : context_(context), site_(context.site), page_(page) {
  root_ = page.kind == PageKind::kNotFound ? UrlPath(site_.config().base_url) : RelativeRoot(page.output);
  const PageOutput output = page.info().output;
  internal_ = output == PageOutput::kInternal ||
              (output == PageOutput::kSurvey && site_.surveys()[page.index].audience == Audience::kInternal);
}

json ViewBuilder::Build() {
  json view = Common();
  (this->*page_.info().build)(view);
  view["head_title"] = page_.kind == PageKind::kHome ? site_.config().title + " — " + site_.config().agency.short_name
                                                     : view["title"].get<std::string>() + " — " + site_.config().title;
  return view;
}

// The path part of an absolute URL: "https://a.ru/x/" → "/x/".
std::string ViewBuilder::UrlPath(const std::string& url) {
  const size_t scheme = url.find("://");
  const size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? "/" : url.substr(slash);
}

json ViewBuilder::Common() {
  const SiteConfig& config = site_.config();
  json view;
  view["root"] = root_;
  // The 404 page is shown at any address; internal pages are not on the public site.
  view["canonical"] = page_.kind == PageKind::kNotFound || internal_ ? "" : config.base_url + page_.url;
  view["home_href"] = Href("");
  view["as_of"] = site_.messages().Date(context_.as_of);
  view["as_of_iso"] = context_.as_of.ToString();
  view["site"] = {
      {"title", config.title},
      {"description", config.description},
      {"base_url", config.base_url},
      {"agency",
       {{"name", config.agency.name},
        {"short_name", config.agency.short_name},
        {"region", config.agency.region},
        {"website", config.agency.website}}},
      {"contacts", Contacts(config.contacts)},
  };
  view["description"] = config.description;
  view["nav"] = Nav();
  view["breadcrumbs"] = json::array();
  view["search_href"] = Href("search/");
  // What the search index covers (Pagefind indexes the <main> of these pages only).
  view["searchable"] = page_.info().searchable;
  view["languages"] = Languages();
  view["multilingual"] = !view["languages"].empty();
  view["alternates"] = json::array();  // the same page in each language (hreflang); none for the 404 page
  for (const json& language : view["languages"]) {
    if (!language["url"].get<std::string>().empty()) view["alternates"].push_back(language);
  }
  return view;
}

// The page in each language of the site: its address (hreflang) and the
// link from here; empty for a site in one language and for pages that are
// not the public site's.
json ViewBuilder::Languages() const {
  json out = json::array();
  if (!context_.languages || context_.languages->size() < 2 || internal_) return out;
  const SiteConfig& config = site_.config();
  const std::string& first = context_.languages->front().code;
  const std::string& current = site_.messages().language();
  // The Russian site's address and the way from this page to its root.
  const std::string base =
      current == first ? config.base_url : config.base_url.substr(0, config.base_url.size() - current.size() - 1);
  const std::string root = page_.kind == PageKind::kNotFound ? UrlPath(base) : root_ + (current == first ? "" : "../");
  for (const LanguageName& language : *context_.languages) {
    const std::string folder = language.code == first ? "" : language.code + "/";
    out.push_back(
        {{"code", language.code},
         {"name", language.name},
         {"url", page_.kind == PageKind::kNotFound ? "" : base + folder + page_.url},
         // The 404 page is shown at any address: it offers each language's home page.
         {"href", root + folder + (page_.kind == PageKind::kNotFound ? "index.html" : OutputFileFor(page_.url))},
         {"current", language.code == current}});
  }
  return out;
}

// null when no contact is given, so the footer can skip the whole block.
json ViewBuilder::Contacts(const otklik::Contacts& contacts) {
  if (contacts.address.empty() && contacts.phone.empty() && contacts.email.empty() && contacts.hours.empty()) {
    return nullptr;
  }
  return {
      {"address", contacts.address}, {"phone", contacts.phone}, {"email", contacts.email}, {"hours", contacts.hours}};
}

json ViewBuilder::Nav() const {
  json nav = json::array();
  auto add = [&](const std::string& url, const std::string& title) {
    // aria-current: "page" on the section's own index, "true" inside it.
    std::string current;
    if (page_.url == url) {
      current = "page";
    } else if (page_.url.starts_with(url)) {
      current = "true";
    }
    nav.push_back({{"title", title}, {"href", Href(url)}, {"current", current}});
  };
  for (const PageKindInfo& kind : PageKinds()) {
    if (kind.nav_url) add(kind.nav_url, site_.messages()[kind.nav_title]);
  }
  for (const Page& page : site_.pages()) {
    if (page.menu) add(page.id + "/", page.title);
  }
  return nav;
}

void ViewBuilder::Crumbs(json& view, const char* section_url, const char* section_title) const {
  view["breadcrumbs"].push_back({{"title", site_.messages()["crumbs.home"]}, {"href", Href("")}});
  if (section_url) {
    view["breadcrumbs"].push_back({{"title", site_.messages()[section_title]}, {"href", Href(section_url)}});
    view["search_section"] = site_.messages()[section_title];  // the search shows it beside each result
  }
}

std::string ViewBuilder::ProcessCount(size_t n) const {
  const std::array<std::string, 3>& forms = site_.config().words.process_counted;
  return CountWithNoun(static_cast<long>(n), forms[0], forms[1], forms[2]);
}

json ViewBuilder::ServiceLink(const Service& service) const {
  return {{"title", service.title},
          {"href", Href("services/" + service.id + "/")},
          {"summary", service.summary},
          {"kind_label", ServiceKindLabel(site_.messages(), service.kind)}};
}

json ViewBuilder::SituationLink(const LifeSituation& situation) const {
  return {{"title", situation.title},
          {"href", Href("situations/" + situation.id + "/")},
          {"summary", situation.summary},
          {"services_count", ProcessCount(situation.services.size())}};
}

json ViewBuilder::TouchpointLink(const Touchpoint& touchpoint) const {
  return {{"title", touchpoint.title},
          {"href", Href("touchpoints/" + touchpoint.id + "/")},
          {"summary", touchpoint.summary},
          {"kind_label", TouchpointKindLabel(site_.messages(), touchpoint.kind)},
          {"channel_label", ChannelLabel(site_.messages(), touchpoint.channel)},
          {"online", touchpoint.channel == Channel::kOnline}};
}

json ViewBuilder::ServiceLinks(const std::vector<std::string>& ids) const {
  json out = json::array();
  for (const std::string& id : ids) out.push_back(ServiceLink(*site_.FindService(id)));
  return out;
}

void ViewBuilder::Home(json& view) {
  view["title"] = site_.config().title;
  json situations = json::array();
  for (const LifeSituation& s : site_.situations()) situations.push_back(SituationLink(s));
  view["situations"] = situations;
  view["kinds"] = KindGroups(false);
  json touchpoints = json::array();
  for (const Touchpoint& t : site_.touchpoints()) touchpoints.push_back(TouchpointLink(t));
  view["touchpoints"] = touchpoints;
  json pages = json::array();
  for (const Page& p : site_.pages()) {
    pages.push_back({{"title", p.title}, {"href", Href(p.id + "/")}, {"summary", p.summary}});
  }
  view["pages"] = pages;
  view["surveys"] = SurveyLinks(SurveyState::kActive);
  // The home page shows the main indicator (the first with answers).
  const json blocks = ResultsOf({GroupKey::Kind::kAll, -1, 0}, "home");
  view["results"] = blocks.is_array() && !blocks.empty() ? json::array({blocks.front()}) : json(nullptr);
  view["decision_events"] = RecentDecisionEvents(6);
  view["decisions_href"] = Href("decisions/");
  // The latest quarter's appeals report and whether it came out on time.
  json reports = ReportLinks(false);
  view["latest_report"] = reports.empty() ? json(nullptr) : reports.front();
  if (!reports.empty()) view["latest_report"]["reports_href"] = Href("reports/");
}

// Services grouped by kind, in the order of ServiceKind; empty kinds skipped.
json ViewBuilder::KindGroups(bool with_services) const {
  json groups = json::array();
  for (size_t k = 0; k < ServiceKindNames().size(); ++k) {
    const auto kind = static_cast<ServiceKind>(k);
    json services = json::array();
    for (const Service& s : site_.services()) {
      if (s.kind == kind) services.push_back(ServiceLink(s));
    }
    if (services.empty()) continue;
    json group = {{"heading", ServiceKindHeading(site_.messages(), kind)},
                  {"id", ServiceKindNames()[k]},
                  {"href", Href("services/") + "#" + ServiceKindNames()[k]},
                  {"count", site_.messages().Count("services.count", static_cast<long>(services.size()))}};
    if (with_services) group["services"] = std::move(services);
    groups.push_back(std::move(group));
  }
  return groups;
}

void ViewBuilder::Services(json& view) {
  view["title"] = site_.messages()["services.title"];
  view["description"] = site_.messages()["services.description"];
  Crumbs(view, nullptr, nullptr);
  view["groups"] = KindGroups(true);
  view["count"] = site_.messages().Count("services.count", static_cast<long>(site_.services().size()));
}

void ViewBuilder::ServicePage(json& view) {
  const Service& service = site_.services()[page_.index];
  view["title"] = service.title;
  if (!service.summary.empty()) view["description"] = service.summary;
  Crumbs(view, "services/", "nav.services");
  json situations = json::array();
  for (const std::string& id : service.situations) situations.push_back(SituationLink(*site_.FindSituation(id)));
  json touchpoints = json::array();
  for (const std::string& id : service.touchpoints) touchpoints.push_back(TouchpointLink(*site_.FindTouchpoint(id)));
  view["service"] = {{"id", service.id},
                     {"title", service.title},
                     {"summary", service.summary},
                     {"kind_label", ServiceKindLabel(site_.messages(), service.kind)},
                     {"body_html", Html(service.body)},
                     {"situations", situations},
                     {"touchpoints", touchpoints},
                     {"surveys", SurveysAbout(service)},
                     {"decisions", DecisionsWhere([&](const Decision& d) { return d.service == service.id; })},
                     {"decisions_href", Href("decisions/services/" + service.id + "/")},
                     {"feed_href", root_ + "services/" + service.id + "/feed.xml"},
                     {"results", ResultsOf({GroupKey::Kind::kService, static_cast<int>(page_.index)}, "service")}};
}

void ViewBuilder::Situations(json& view) {
  view["title"] = site_.messages()["situations.title"];
  view["description"] = site_.messages()["situations.description"];
  Crumbs(view, nullptr, nullptr);
  json situations = json::array();
  for (const LifeSituation& s : site_.situations()) situations.push_back(SituationLink(s));
  view["situations"] = situations;
}

void ViewBuilder::SituationPage(json& view) {
  const LifeSituation& situation = site_.situations()[page_.index];
  view["title"] = situation.title;
  if (!situation.summary.empty()) view["description"] = situation.summary;
  Crumbs(view, "situations/", "nav.situations");
  view["situation"] = {
      {"id", situation.id},
      {"title", situation.title},
      {"summary", situation.summary},
      {"body_html", Html(situation.body)},
      {"services", ServiceLinks(situation.services)},
      {"decisions", DecisionsWhere([&](const Decision& d) { return ConcernsSituation(site_, d, situation.id); })},
      {"decisions_href", Href("decisions/situations/" + situation.id + "/")},
      {"services_count", ProcessCount(situation.services.size())},
      {"results", ResultsOf({GroupKey::Kind::kSituation, static_cast<int>(page_.index)}, "situation")}};
}

void ViewBuilder::Touchpoints(json& view) {
  view["title"] = site_.messages()["nav.touchpoints"];
  view["description"] = site_.messages()["touchpoints.description"];
  Crumbs(view, nullptr, nullptr);
  json channels = json::array();
  for (const Channel channel : {Channel::kOnline, Channel::kOffline}) {
    json touchpoints = json::array();
    for (const Touchpoint& t : site_.touchpoints()) {
      if (t.channel == channel) touchpoints.push_back(TouchpointLink(t));
    }
    if (!touchpoints.empty()) {
      channels.push_back({{"heading", ChannelLabel(site_.messages(), channel)}, {"touchpoints", touchpoints}});
    }
  }
  view["channels"] = channels;
}

void ViewBuilder::TouchpointPage(json& view) {
  const Touchpoint& touchpoint = site_.touchpoints()[page_.index];
  view["title"] = touchpoint.title;
  if (!touchpoint.summary.empty()) view["description"] = touchpoint.summary;
  Crumbs(view, "touchpoints/", "nav.touchpoints");
  json t = TouchpointLink(touchpoint);
  t["id"] = touchpoint.id;
  t["address"] = touchpoint.address;
  t["hours"] = touchpoint.hours;
  t["phone"] = touchpoint.phone;
  t["email"] = touchpoint.email;
  t["url"] = touchpoint.url;
  t["has_details"] = !(touchpoint.address.empty() && touchpoint.hours.empty() && touchpoint.phone.empty() &&
                       touchpoint.email.empty() && touchpoint.url.empty());
  t["body_html"] = Html(touchpoint.body);
  t["services"] = ServiceLinks(touchpoint.services);
  t["decisions"] = DecisionsWhere([&](const Decision& d) { return ConcernsTouchpoint(d, touchpoint.id); });
  t["decisions_href"] = Href("decisions/touchpoints/" + touchpoint.id + "/");
  t["services_count"] = ProcessCount(touchpoint.services.size());
  t["results"] = ResultsOf({GroupKey::Kind::kTouchpoint, static_cast<int>(page_.index)}, "touchpoint");
  view["touchpoint"] = t;
}

void ViewBuilder::FreePage(json& view) {
  const Page& page = site_.pages()[page_.index];
  view["title"] = page.title;
  if (!page.summary.empty()) view["description"] = page.summary;
  Crumbs(view, nullptr, nullptr);
  view["page"] = {{"id", page.id}, {"title", page.title}, {"summary", page.summary}, {"body_html", Html(page.body)}};
}

void ViewBuilder::OpenData(json& view) {
  view["title"] = site_.messages()["open_data.title"];
  view["description"] = site_.messages()["open_data.description"];
  Crumbs(view, nullptr, nullptr);
  // Open data is published once, at the Russian site's root: another
  // language's page describes the same files.
  const SiteConfig& config = site_.config();
  const std::string root = root_ + (site_.messages().language() == config.languages.front() ? "" : "../");
  view["sets"] = context_.open_data ? OpenDataView(site_.messages(), *context_.open_data, root) : json::array();
  view["list_href"] = root + "data/list.csv";
}

void ViewBuilder::Search(json& view) {
  view["title"] = site_.messages()["search.title"];
  view["description"] = site_.messages()["search.description"];
  Crumbs(view, nullptr, nullptr);
  view["scripts"] = json::array({"search.js"});
}

void ViewBuilder::NotFound(json& view) {
  view["title"] = site_.messages()["not_found.title"];
  Crumbs(view, nullptr, nullptr);
}

std::string RelativeRoot(const std::string& output_file) {
  std::string root;
  for (char c : output_file) {
    if (c == '/') root += "../";
  }
  return root;
}

json BuildView(const ViewContext& context, const PlannedPage& page) {
  return ViewBuilder(context, page).Build();
}

}  // namespace otklik
