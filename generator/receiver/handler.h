#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "model/site.h"
#include "receiver/http_types.h"
#include "receiver/rate_limiter.h"
#include "receiver/receiver_counters.h"
#include "store/stored_response.h"

namespace otklik {

/// The receiver's decisions as a pure function of a request: routes, limits,
/// validation with the shared survey validator, anonymous storage through
/// `store`, and the reply (a 303 to the thank-you page, an error page for the
/// HTML form, JSON for the API), worded by the site's catalogue (receiver.*).
/// Tests call it without a socket.
class Handler {
 public:
  /// Stores one response durably, or fails (the reply is then 503).
  using Store = std::function<Status(const StoredResponse&)>;
  /// The day in Moscow; responses carry the day only.
  using Today = std::function<Date()>;

  struct Options {
    std::string site_url;      ///< The public site, ending in '/': thank-you pages and links back.
    std::string internal_url;  ///< The internal output, ending in '/'; "" answers staff with a page of its own.
    size_t body_limit = 256 * 1024;  ///< Bytes; larger bodies get 413.
    /// Whose surveys this receiver takes: the public's (external) or the
    /// staff's (internal); the others' answer 404, as unknown surveys do.
    Audience audience = Audience::kExternal;
  };

  /// `translations`: the site in its other languages (model/translation.h),
  /// whose texts a form posted from their pages is answered in; a language
  /// of site.yaml without one is answered in Russian.
  Handler(std::shared_ptr<const Site> site, Options options, Store store, Today today, RateLimiter* limiter,
          ReceiverCounters* counters, std::vector<std::shared_ptr<const Site>> translations = {});

  HttpResponse Handle(const HttpRequest& request) const;

  const Site& site() const { return *site_; }

 private:
  HttpResponse Health() const;
  /// The survey `survey_id` if this receiver serves its audience, else nullptr.
  const Survey* Served(const std::string& survey_id) const;
  HttpResponse FormPost(const HttpRequest& request, const std::string& survey_id) const;
  HttpResponse ApiPost(const HttpRequest& request, const std::string& survey_id) const;

  std::shared_ptr<const Site> site_;
  std::vector<std::shared_ptr<const Site>> translations_;
  Options options_;
  Store store_;
  Today today_;
  RateLimiter* limiter_;
  ReceiverCounters* counters_;
};

}  // namespace otklik
