// «Версия для слабовидящих»: font size, colour scheme, spacing and images,
// remembered across pages in localStorage. Loaded in <head> so the saved
// settings apply before the page is drawn; the site works fully without it
// (the panel stays hidden when scripts are off).
(function () {
  "use strict";
  var KEY = "otklik-access";
  var DEFAULTS = { font: "normal", scheme: "normal", spacing: "normal", images: "on" };
  var root = document.documentElement;

  function load() {
    var saved = {};
    try { saved = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {}; } catch (e) { saved = {}; }
    var settings = {};
    for (var name in DEFAULTS) settings[name] = typeof saved[name] === "string" ? saved[name] : DEFAULTS[name];
    return settings;
  }

  function apply(settings) {
    for (var name in DEFAULTS) {
      if (settings[name] === DEFAULTS[name]) root.removeAttribute("data-" + name);
      else root.setAttribute("data-" + name, settings[name]);
    }
  }

  function save(settings) {
    try { window.localStorage.setItem(KEY, JSON.stringify(settings)); } catch (e) { /* private mode: this page only */ }
  }

  var settings = load();
  apply(settings);
  // The stylesheet shows the panel from the first paint on (no shift after load).
  root.setAttribute("data-js", "");

  function wire() {
    var panel = document.querySelector("[data-access]");
    if (!panel) return;
    var buttons = panel.querySelectorAll("button[data-set]");
    function mark() {
      for (var i = 0; i < buttons.length; ++i) {
        var pair = buttons[i].getAttribute("data-set").split(":");
        buttons[i].setAttribute("aria-pressed", settings[pair[0]] === pair[1] ? "true" : "false");
      }
    }
    for (var i = 0; i < buttons.length; ++i) {
      buttons[i].addEventListener("click", function (event) {
        var pair = event.currentTarget.getAttribute("data-set").split(":");
        if (pair[0] === "reset") {
          settings = {};
          for (var name in DEFAULTS) settings[name] = DEFAULTS[name];
        } else {
          settings[pair[0]] = pair[1];
        }
        apply(settings);
        save(settings);
        mark();
      });
    }
    mark();
    panel.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
