#include "preview/preview_files.h"

#include <array>
#include <utility>

namespace otklik {

namespace {

constexpr std::string_view kScript = R"js((function () {
  "use strict";
  var box = null;
  var loaded = null;
  var served = null;  // the page as served at `loaded`, to tell what changed
  function show(errors) {
    if (!box) {
      box = document.createElement("div");
      box.id = "otklik-preview-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
        "background:#1b1b1b;color:#fff;font:1rem/1.5 monospace;white-space:pre-wrap";
      var hide = document.createElement("button");
      hide.type = "button";
      hide.textContent = "Скрыть";
      hide.style.cssText = "float:right;font:inherit;padding:.25rem 1rem";
      hide.addEventListener("click", function () { box.hidden = true; });
      box.appendChild(hide);
      var title = document.createElement("p");
      title.style.cssText = "font-weight:bold;margin-top:0";
      title.textContent = "Сайт не пересобран: в материалах ошибки. Пока они не исправлены, " +
        "показана последняя удачная сборка.";
      box.appendChild(title);
      var list = document.createElement("pre");
      list.style.cssText = "white-space:pre-wrap;margin:0;font:inherit;color:inherit;background:none";
      box.appendChild(list);
      document.body.appendChild(box);
    }
    box.lastChild.textContent = errors;
    box.hidden = false;
  }
  function fetchPage() {
    return fetch(location.href, { cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (html) { return new DOMParser().parseFromString(html, "text/html"); });
  }
  // The page with its <main> emptied, to compare the rest.
  function withoutMain(page) {
    var copy = page.documentElement.cloneNode(true);
    var main = copy.querySelector("main");
    if (main) main.textContent = "";
    return copy.outerHTML;
  }
  function swappable(page) {
    var scripts = page.querySelectorAll("script");
    for (var i = 0; i < scripts.length; ++i) {
      if (!/(access|live)\.js$/.test(scripts[i].getAttribute("src") || "")) return false;
    }
    return page.querySelector("main") !== null;
  }
  // What a swap of the body cannot bring: <html>'s attributes and the
  // styles and scripts of the <head>.
  var kHeadKept = "link[rel~=stylesheet], style, script, base";
  function outside(page) {
    var parts = [page.documentElement.cloneNode(false).outerHTML];
    var kept = page.head.querySelectorAll(kHeadKept);
    for (var i = 0; i < kept.length; ++i) parts.push(kept[i].outerHTML);
    return parts.join("\n");
  }
  // The page's own scripts (only access.js: see swappable) bind to its
  // <body>: after a swap of the body they run again, as on a load.
  function rerunScripts() {
    var scripts = document.head.querySelectorAll("script[src]");
    for (var i = 0; i < scripts.length; ++i) {
      var again = document.createElement("script");
      again.src = scripts[i].src;
      scripts[i].replaceWith(again);
    }
  }
  function swapBody(fresh) {
    var x = window.scrollX;
    var y = window.scrollY;
    // The rest of the <head>: title, description, canonical and feed links.
    var old = document.head.children;
    for (var i = old.length - 1; i >= 0; --i) {
      if (!old[i].matches(kHeadKept)) old[i].remove();
    }
    var added = fresh.head.children;
    for (var j = 0; j < added.length; ++j) {
      if (!added[j].matches(kHeadKept)) document.head.appendChild(document.importNode(added[j], true));
    }
    var body = document.body;
    while (body.attributes.length > 0) body.removeAttribute(body.attributes[0].name);
    for (var k = 0; k < fresh.body.attributes.length; ++k) {
      body.setAttribute(fresh.body.attributes[k].name, fresh.body.attributes[k].value);
    }
    body.innerHTML = fresh.body.innerHTML;  // scripts put in this way do not run: live.js stays this one
    box = null;  // the error overlay went with the old body
    rerunScripts();
    window.scrollTo(x, y);
  }
  // When only <main> changed, it is swapped in place; when the header,
  // menus or title changed too but not the styles and scripts, the whole
  // <body> and the <head> but those: both fast (no reload of styles and
  // scripts) and keeping the scroll. A page that runs a script of its own
  // (a survey form), or whose styles or scripts changed, reloads.
  function refresh() {
    fetchPage().then(function (fresh) {
      var main = document.querySelector("main");
      if (!served || !main || !swappable(fresh)) {
        location.reload();
      } else if (withoutMain(fresh) === withoutMain(served)) {
        main.innerHTML = fresh.querySelector("main").innerHTML;
        if (box) box.hidden = true;
      } else if (outside(fresh) === outside(served)) {
        swapBody(fresh);
      } else {
        location.reload();
        return;
      }
      served = fresh;
    }).catch(function () { location.reload(); });
  }
  // The file this address is served from, as the build names it.
  function ownFile() {
    var path = decodeURIComponent(location.pathname).replace(/^\//, "");
    return path === "" || /\/$/.test(path) ? path + "index.html" : path;
  }
  var events = new EventSource("/_otklik/events");
  events.onmessage = function (event) {
    var state = JSON.parse(event.data);
    if (loaded === null) {
      loaded = state.generation;
      fetchPage().then(function (page) { served = page; }).catch(function () {});
    }
    if (state.errors) {
      loaded = state.generation;  // nothing served changed
      show(state.errors);
      return;
    }
    if (box) box.hidden = true;
    if (state.generation === loaded) return;
    // A build missed in between may have changed anything.
    var missed = state.generation !== loaded + 1;
    loaded = state.generation;
    var changed = missed ? ["*"] : state.changed;
    if (changed.some(function (file) { return file === "*" || /^assets\//.test(file); })) {
      location.reload();  // styles and scripts apply only on a fresh load
    } else if (changed.indexOf(ownFile()) >= 0) {
      refresh();
    }
  };
})();
)js";

constexpr std::string_view kScriptTag = "<script src=\"/_otklik/live.js\"></script>\n";

const std::array<std::pair<std::string_view, std::string_view>, 16> kTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".json", "application/json"},
    {".xml", "application/xml; charset=utf-8"},
    {".csv", "text/csv; charset=utf-8"},
    {".txt", "text/plain; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".pdf", "application/pdf"},
    {".wasm", "application/wasm"},
}};

std::string_view TypeOf(std::string_view path) {
  for (const auto& [extension, type] : kTypes) {
    if (path.ends_with(extension)) return type;
  }
  return "application/octet-stream";
}

// Whether `path` names something inside the site: absolute, no hidden
// segments (".", "..", ".otklik-site"), no NUL.
bool IsSafe(std::string_view path) {
  if (path.empty() || path.front() != '/' || path.find('\0') != std::string_view::npos) return false;
  for (size_t start = 1; start <= path.size();) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    if (segment.starts_with('.')) return false;
    start = end + 1;
  }
  return true;
}

HttpResponse FileResponse(int status, std::string_view type, std::string body) {
  HttpResponse response;
  response.status = status;
  response.content_type = type;
  if (type.starts_with("text/html")) {
    const size_t end = body.rfind("</body>");
    body.insert(end == std::string::npos ? body.size() : end, kScriptTag);
  }
  response.body = std::move(body);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

HttpResponse NotFound(const FileSystem& fs, const std::string& site_dir) {
  if (Result<std::string> page = fs.ReadFile(JoinPath(site_dir, "404.html")); page.ok()) {
    return FileResponse(404, TypeOf(".html"), std::move(page).value());
  }
  return FileResponse(404, TypeOf(".txt"), "Страница не найдена.\n");
}

}  // namespace

std::string_view LiveReloadScript() { return kScript; }

HttpResponse NotBuiltYetPage() {
  return FileResponse(503, TypeOf(".html"),
              "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<title>Сайт ещё не собран</title>\n</head>\n<body>\n<main>\n<h1>Сайт ещё не собран</h1>\n"
              "<p>В материалах ошибки; они перечислены в терминале, где запущен <code>otklik serve</code>. "
              "Когда вы их исправите, страница обновится сама.</p>\n</main>\n</body>\n</html>\n");
}

HttpResponse ServeSiteFile(const FileSystem& fs, const std::string& site_dir, const std::string& path) {
  if (!IsSafe(path)) return NotFound(fs, site_dir);
  std::string file = path.substr(1);
  if (file.empty() || file.back() == '/') file += "index.html";
  const std::string full = JoinPath(site_dir, file);
  if (fs.IsDirectory(full)) {
    HttpResponse redirect = FileResponse(301, TypeOf(".txt"), "");
    redirect.headers.emplace_back("Location", path + "/");
    return redirect;
  }
  Result<std::string> bytes = fs.ReadFile(full);
  if (!bytes.ok()) return NotFound(fs, site_dir);
  return FileResponse(200, TypeOf(file), std::move(bytes).value());
}

}  // namespace otklik
