#pragma once

#include <string>
#include <string_view>

#include "core/file_system.h"
#include "receiver/http_types.h"

namespace otklik {

/// Where the preview's own resources live; the site never uses this prefix.
inline constexpr std::string_view kPreviewPrefix = "/_otklik/";

/// The script every previewed page loads: it listens to the preview's event
/// stream and, after a successful rebuild, swaps in the page's new <main>
/// when nothing else on it changed (and it runs no script of its own) or
/// reloads it; while the content is broken it shows the build's errors over
/// the page (role="alert").
std::string_view LiveReloadScript();

/// Answers GET `path` (decoded, without the query) from the built site in
/// `site_dir`, as a web server in front of it would: "/x/" serves
/// x/index.html, "/x" redirects to "/x/" when x is a folder, an unknown path
/// gets 404.html with status 404, and ".." never leaves the folder. HTML
/// pages get the live-reload script before </body>.
HttpResponse ServeSiteFile(const FileSystem& fs, const std::string& site_dir, const std::string& path);

/// The page every address gets while no build has succeeded yet: the
/// live-reload script shows the errors over it and loads the site once the
/// content is fixed. Status 503.
HttpResponse NotBuiltYetPage();

}  // namespace otklik
