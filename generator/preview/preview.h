#pragma once

#include <ostream>
#include <string>

#include "site/build.h"

namespace otklik {

/// What `otklik serve` builds and where it listens.
struct PreviewOptions {
  /// The build; out_dir defaults to "preview" so that the published site/
  /// never gets the preview's local address. base_url is set by the preview.
  BuildOptions build;
  std::string host = "127.0.0.1";
  int port = 8080;
  /// A region's portal instead of one agency (`serve --region`): every
  /// agency of region.yaml at /<id>/ and the region's pages; the content,
  /// templates and data folders of `build` are then region.yaml's.
  std::string region_file;
};

/// Runs `otklik serve`: builds the site for http://host:port/, serves it and
/// the receiver on that one port, watches content/, templates/ and data/,
/// rebuilds on every change and reloads the open pages. A build with errors
/// changes nothing that is served: the errors go to `log` and, as an
/// overlay, to every open page. Answers posted to the preview's forms are
/// checked like the real receiver's but stored beside the preview output,
/// never in data/. Returns 0 after SIGINT or SIGTERM, 1 when it cannot start.
int RunPreview(PreviewOptions options, std::ostream& log);

}  // namespace otklik
