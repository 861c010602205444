#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "model/decision.h"
#include "model/site.h"
#include "render/decision_views.h"
#include "render/report_views.h"

namespace otklik {

/// One feed file of the public site.
struct FeedFile {
  std::string path;  ///< Below the output folder: "feed.xml", "services/<id>/feed.xml".
  std::string bytes;
};

/// The Atom feeds on `as_of`: feed.xml for the whole site (problems put on
/// the pain map, measures' status changes, published reports and their
/// errata, completed surveys) and services/<id>/feed.xml for each service
/// (its decisions and the completed surveys that asked about it). Entry ids
/// and dates come from content only, so the same content gives the same
/// bytes. A problem's prevalence is in its entry as on its page (not when
/// disclosure control hides it there). The services' feeds are rendered on
/// up to `threads` threads (0: one per core).
std::vector<FeedFile> RenderFeeds(const Site& site, const DecisionsContext& decisions, const Date& as_of,
                                  unsigned threads = 0);

}  // namespace otklik
