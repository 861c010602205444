// The search page: Pagefind's interface over the index `scripts/search-index`
// builds into pagefind/ beside the pages. Takes the query from ?q= (the
// search form in every page's header); says so when there is no index.
(function () {
  "use strict";
  var box = document.querySelector("[data-search]");
  if (!box) return;
  var bundle = box.getAttribute("data-bundle");
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = bundle + "pagefind-ui.css";
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = function () {
    /* global PagefindUI */
    var ui = new PagefindUI({ element: box, bundlePath: bundle, showSubResults: true, showImages: false,
                              resetStyles: false, autofocus: true });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
  };
  script.onerror = function () {
    document.querySelector("[data-search-unavailable]").hidden = false;
  };
  document.head.appendChild(script);
})();
