// The search page, on Pagefind's JavaScript API over the index
// `scripts/search-index` builds into pagefind/ beside the pages. A labelled
// form (the query also comes from ?q=, the search form in every page's
// header); results are a list of headings with their section and an
// excerpt; the count is said in a polite live region. Every word it shows
// comes from the page (the message catalogue). Without JavaScript the form
// stays hidden and the page links to the sections; without an index it
// says so. The form is shown from the first paint (style.css), not when the
// index has loaded, so that nothing moves.
(function () {
  "use strict";
  var form = document.querySelector("[data-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var more = document.querySelector("[data-search-more]");
  var pageSize = 10;
  var pagefind = null;
  var found = [];
  var shown = 0;
  var latest = 0;

  // The form of a three-form message "one|few|many" for n (1, 21 · 2–4 · 0, 5–20).
  function plural(message, n) {
    var forms = message.split("|");
    if (forms.length !== 3) return message;
    var tens = n % 100;
    var units = n % 10;
    if (units === 1 && tens !== 11) return forms[0];
    if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return forms[1];
    return forms[2];
  }

  function fill(message, values) {
    return message.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  // No index: the form goes, the notice says so and takes the focus if the form had it.
  function unavailable() {
    var focused = form.contains(document.activeElement);
    var notice = document.querySelector("[data-search-unavailable]");
    form.remove();
    status.textContent = "";
    notice.hidden = false;
    if (focused) {
      notice.setAttribute("tabindex", "-1");
      notice.focus();
    }
  }

  // Pagefind's excerpt with its <mark> highlights, keeping nothing else of its markup.
  function excerpt(html) {
    var paragraph = document.createElement("p");
    paragraph.className = "search__excerpt";
    var source = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
    Array.prototype.forEach.call(source.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "search__result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.appendChild(link);
    li.appendChild(heading);
    if (data.meta && data.meta.section) {
      var section = document.createElement("p");
      section.className = "search__section";
      section.textContent = data.meta.section;
      li.appendChild(section);
    }
    li.appendChild(excerpt(data.excerpt || ""));
    return li;
  }

  // Adds the next page of results; focus goes to the first added one when asked.
  function showMore(focus) {
    var request = latest;
    var next = found.slice(shown, shown + pageSize);
    shown += next.length;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (data) {
      if (request !== latest) return;
      var first = null;
      data.forEach(function (one) {
        var li = item(one);
        list.appendChild(li);
        first = first || li.querySelector("a");
      });
      more.hidden = shown >= found.length;
      if (focus && first) first.focus();
    });
  }

  function search(query) {
    var request = ++latest;
    list.textContent = "";
    more.hidden = true;
    found = [];
    shown = 0;
    if (!query) {
      status.textContent = "";
      return;
    }
    status.textContent = form.dataset.searching;
    pagefind.search(query).then(function (answer) {
      if (request !== latest) return;
      found = (answer && answer.results) || [];
      return showMore(false).then(function () {
        if (request !== latest) return;
        var message = found.length ? plural(form.dataset.found, found.length) : form.dataset.none;
        status.textContent = fill(message, { query: query, count: String(found.length) });
      });
    });
  }

  // The form is drawn from the first paint by style.css when access.js has
  // run; shown here too, for a page without it. The query is in it at once.
  form.hidden = false;
  input.value = new URLSearchParams(window.location.search).get("q") || "";
  var bundle = new URL(form.dataset.bundle, document.baseURI).href;
  import(bundle + "pagefind.js").then(function (module) {
    return module.options({ baseUrl: new URL(form.dataset.root, document.baseURI).pathname }).then(function () {
      pagefind = module;
    });
  }).then(function () {
    // The address holds the latest query, also one sent before the index loaded.
    search((new URLSearchParams(window.location.search).get("q") || "").trim());
  }, unavailable);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    window.history.replaceState(null, "", url.href);
    if (pagefind) search(query);
    else status.textContent = query ? form.dataset.searching : "";
  });
  more.addEventListener("click", function () { showMore(true); });
})();
