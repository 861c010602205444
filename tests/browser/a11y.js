// What the accessibility tests share: the sites under test (the demo agency
// and the second example agency, a supervision service), their kinds of
// page found from their own files, the settings of the «Версия для
// слабовидящих» panel, and axe with the tags the site promises to meet.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { before, after } from "node:test";
import { launch, serveSite } from "./browser.js";

/**
 * WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices; and the rules
 * axe still calls experimental, which it leaves out unless asked: among
 * them WCAG 2.5.3, a link's visible words in its name
 * (`label-content-name-mismatch`, which Lighthouse reports and which found
 * a defect here). All but one: `focus-order-semantics` wants every focusable
 * box to be a widget or a landmark, but a table's scroll box is a named
 * `group`, not a `region`, so that a results page does not add a landmark
 * per table to the few a screen reader's landmark list should hold (as
 * `region`s they also break `landmark-unique`: a section and its one table
 * share a name).
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice", "experimental"];
const AXE_RULES_OFF = { "focus-order-semantics": { enabled: false } };

/**
 * The sites the tests build (run.sh): name, folder and, for the public
 * sites, their internal output (staff pages, never published).
 */
export const SITES = [
  { name: "demo", dir: process.env.OTKLIK_SITE, internal: process.env.OTKLIK_INTERNAL },
  { name: "supervision", dir: process.env.OTKLIK_SITE2, internal: process.env.OTKLIK_INTERNAL2 },
  { name: "region", dir: process.env.OTKLIK_REGION },
].filter((site) => site.dir);

/**
 * Every page of a built folder, as site paths ("/", "/services/x/",
 * "/404.html"): a region's portal's own pages, not those of the agencies'
 * sites in its folders (each has its data/list.csv), which are built as
 * the agencies' own and tested as the demo and supervision sites.
 */
export function allPages(dir) {
  const agencySite = (file) => file.includes("/") && existsSync(join(dir, file.split("/")[0], "data", "list.csv"));
  return readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/") && !agencySite(file))
    .map((file) => "/" + file.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}

// Kinds of public page by path; a survey's own page is a form while the
// survey runs and its results afterwards. The first pattern that matches wins.
const PUBLIC_KINDS = [
  ["home", /^\/$/],
  ["not-found", /^\/404\.html$/],
  ["search", /^\/search\/$/],
  ["open-data", /^\/data\/$/],
  ["services", /^\/services\/$/],
  ["service", /^\/services\/[^/]+\/$/],
  ["situations", /^\/situations\/$/],
  ["situation", /^\/situations\/[^/]+\/$/],
  ["touchpoints", /^\/touchpoints\/$/],
  ["touchpoint", /^\/touchpoints\/[^/]+\/$/],
  ["results", /^\/results\/$/],
  ["methodology", /^\/results\/methodology\/$/],
  ["surveys", /^\/surveys\/$/],
  ["survey-embed-thanks", /^\/surveys\/[^/]+\/embed\/thanks\/$/],
  ["survey-embed", /^\/surveys\/[^/]+\/embed\/$/],
  ["survey-thanks", /^\/surveys\/[^/]+\/thanks\/$/],
  ["survey-paper", /^\/surveys\/[^/]+\/paper\/$/],
  ["survey-results", /^\/surveys\/[^/]+\/results\/$/],
  ["survey-period", /^\/surveys\/[^/]+\/results\/[^/]+\/$/],
  ["survey-form", /^\/surveys\/[^/]+\/$/, (html) => html.includes("<form")],
  ["survey-completed", /^\/surveys\/[^/]+\/$/],
  ["reports", /^\/reports\/$/],
  ["quarter-report", /^\/reports\/\d{4}-q\d\/$/],
  ["period-results", /^\/reports\/[^/]+\/$/],
  ["decisions", /^\/decisions\/$/],
  ["decisions-filtered", /^\/decisions\/[^/]+\/[^/]+\/$/],
  ["decision", /^\/decisions\/[^/]+\/$/],
  ["free-page", /^\/[^/]+\/$/],
];

// Kinds of page of the internal output.
const INTERNAL_KINDS = [
  ["internal-home", /^\/$/],
  ["internal-results", /^\/results\/$/],
  ["internal-report", /^\/reports\/[^/]+\/$/],
  ["internal-note", /^\/notes\/[^/]+\/$/],
  ["internal-survey", /^\/surveys\/[^/]+\/$/],
  ["internal-survey-page", /^\/surveys\/[^/]+\/[^/]+\/$/],
  ["workspace", /^\/workspace\/$/],
  ["workspace-section", /^\/workspace\/[^/]+\/[^/]+\/$/],
  ["workspace-page", /^\/workspace\/[^/]+\/[^/]+\/[^/]+\/$/],
];

function fileOf(dir, path) {
  return join(dir, path.endsWith("/") ? path + "index.html" : path);
}

/**
 * One page of each kind in `dir`, found from its own files: the largest
 * page of the kind (the most content to check). Returns { kind: path }.
 */
export function pageKinds(dir, { internal = false } = {}) {
  const table = internal ? INTERNAL_KINDS : PUBLIC_KINDS;
  const best = {};
  for (const path of allPages(dir)) {
    const html = readFileSync(fileOf(dir, path), "utf8");
    const row = table.find(([, pattern, test]) => pattern.test(path) && (!test || test(html)));
    if (!row) continue;
    const kind = row[0];
    if (!best[kind] || html.length > best[kind].size) best[kind] = { path, size: html.length };
  }
  return Object.fromEntries(Object.entries(best).map(([kind, { path }]) => [kind, path]));
}

/** The demo's pages of each kind, chosen by hand (an erratum, a cancelled decision, a filter page). */
export const PAGE_KINDS = {
  "home": "/",
  "services": "/services/",
  "service": "/services/housing-subsidy/",
  "situations": "/situations/",
  "situation": "/situations/low-income/",
  "touchpoints": "/touchpoints/",
  "touchpoint": "/touchpoints/mfc/",
  "results": "/results/",
  "methodology": "/results/methodology/",
  "surveys": "/surveys/",
  "survey-form": "/surveys/service-satisfaction/",
  "survey-embed": "/surveys/service-satisfaction/embed/",
  "survey-thanks": "/surveys/service-satisfaction/thanks/",
  "survey-paper": "/surveys/service-satisfaction/paper/",
  "survey-completed": "/surveys/hotline-2026/",
  "reports": "/reports/",
  "quarter-report": "/reports/2026-q3/",
  "report-with-erratum": "/reports/2025-q4/",
  "period-results": "/reports/2026-h1/",
  "decisions": "/decisions/",
  "decisions-filtered": "/decisions/status/overdue/",
  "decision-done": "/decisions/housing-subsidy-decision-time/",
  "decision-cancelled": "/decisions/spa-treatment-choice/",
  "free-page": "/about/",
  "search": "/search/",
  "open-data": "/data/",
  "not-found": "/no-such-page/",
};

/** The kinds checked again in the demo's second language. */
const TRANSLATED_KINDS = ["home", "services", "service", "situation", "touchpoint", "results", "methodology",
  "survey-form", "survey-thanks", "survey-completed", "quarter-report", "decision-done", "free-page", "search",
  "open-data", "not-found"];

/**
 * The kinds of page of a site to check: for the demo PAGE_KINDS and any
 * kind found in its files that PAGE_KINDS lacks; for another site the kinds
 * found in its files. Returns [{ kind, path }].
 */
export function kindsOf(site) {
  const found = pageKinds(site.dir);
  const kinds = site.name === "demo" ? { ...PAGE_KINDS } : {};
  // The demo's second language: the same kinds at /tt/, its texts Tatar and
  // what is untranslated Russian, marked.
  if (site.name === "demo" && existsSync(join(site.dir, "tt"))) {
    for (const kind of TRANSLATED_KINDS) kinds[`tt:${kind}`] = `/tt${PAGE_KINDS[kind]}`;
    kinds["tt:not-found"] = "/tt/404.html";  // the server answers an unknown address with the Russian one
  }
  for (const [kind, path] of Object.entries(found)) {
    if (!(kind in kinds) && !Object.values(kinds).includes(path)) kinds[kind] = path;
  }
  return Object.entries(kinds).map(([kind, path]) => ({ kind, path }));
}

/** Serves every site and internal output on 127.0.0.1; returns [{ name, origin, dir, internal }] and close(). */
export async function serveAll() {
  const servers = [];
  const out = [];
  for (const site of SITES) {
    const pub = await serveSite({ dir: site.dir });
    servers.push(pub);
    const entry = { name: site.name, dir: site.dir, origin: pub.origin };
    if (site.internal) {
      const internal = await serveSite({ dir: site.internal });
      servers.push(internal);
      Object.assign(entry, { internalDir: site.internal, internalOrigin: internal.origin });
    }
    out.push(entry);
  }
  return { sites: out, close: () => Promise.all(servers.map((s) => s.close())) };
}

/**
 * For a test file: Chromium and every site served (serveAll), started before
 * its tests and closed after them. Returns an object whose `browser` and
 * `served` are set once the tests run.
 */
export function browserAndAllSites() {
  const shared = { browser: null, served: null };
  before(async () => {
    shared.browser = await launch();
    shared.served = await serveAll();
  });
  after(async () => {
    await shared.browser.close();
    await shared.served.close();
  });
  return shared;
}

/** The panel's settings when nothing is chosen; access.js marks a setting on <html> as data-<name>="<value>". */
export const NORMAL = { font: "normal", scheme: "normal", spacing: "normal", images: "on" };

/**
 * Applies panel settings (a partial object over NORMAL) to the open page, as
 * the panel's buttons do; `text: true` adds the WCAG 1.4.12 bookmarklet's
 * spacing over them.
 */
export async function applySettings(page, settings = {}) {
  await page.evaluate(({ all, text }) => {
    const root = document.documentElement;
    for (const [name, [value, normal]] of Object.entries(all)) {
      if (value === normal) root.removeAttribute("data-" + name);
      else root.setAttribute("data-" + name, value);
    }
    let style = document.getElementById("wcag-1-4-12");
    if (text && !style) {
      style = document.createElement("style");
      style.id = "wcag-1-4-12";
      // The WCAG 1.4.12 text spacing bookmarklet's values.
      style.textContent = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }" +
                          " p { margin-bottom: 2em !important; }";
      document.head.append(style);
    } else if (!text && style) {
      style.remove();
    }
    document.body.getBoundingClientRect();
  }, {
    all: Object.fromEntries(Object.entries(NORMAL).map(([name, normal]) => [name, [settings[name] || normal, normal]])),
    text: !!settings.text,
  });
}

/**
 * Runs `work(item, page)` over `items` on `width` pages of `context` at
 * once (Chromium draws each page in its own process, so two use both cores
 * of a small machine); returns the results in the order of `items`.
 */
export async function eachOnPages(context, items, work, width = 2) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    const page = await context.newPage();
    try {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], page);
      }
    } finally {
      await page.close();
    }
  }));
  return results;
}

/** Whether the open page has the panel (loads access.js): the panel's settings apply only there. */
export function hasPanel(page) {
  return page.evaluate(() => !!document.querySelector("script[src$='assets/access.js']"));
}

/** Names a setting for messages: "scheme=inverted font=xlarge". */
export function settingName(settings) {
  const parts = Object.entries(settings).map(([k, v]) => (k === "text" ? "WCAG-1.4.12-spacing" : `${k}=${v}`));
  return parts.length ? parts.join(" ") : "normal";
}

// axe's own source, put into a page once and run there as often as needed
// (injecting it for every run, as @axe-core/playwright does, costs more than
// the run itself).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The rules whose outcome a change of width or of the panel's settings can
 * change, run again after each: size and overflow, and whether links in text
 * stand out from it. The others read the markup, which no setting changes,
 * or are axe's colour rule (contrast.test.js measures colours in every
 * scheme).
 */
export const SETTING_RULES = ["scrollable-region-focusable", "target-size", "link-in-text-block", "css-orientation-lock"];

/** axe over the open page: every rule of AXE_TAGS, or only `rules`. Returns lines "rule (impact, nodes): targets". */
export async function axeViolations(page, { rules } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async ({ tags, rules, rulesOff }) => {
    const options = {
      runOnly: rules ? { type: "rule", values: rules } : { type: "tag", values: tags },
      rules: rulesOff,
      resultTypes: ["violations"],
    };
    const result = await window.axe.run(document, options);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
  }, { tags: AXE_TAGS, rules, rulesOff: AXE_RULES_OFF });
  return violations.map((v) => `${v.id} (${v.impact}, ${v.targets.length}): ${v.targets.slice(0, 4).join(", ")}`);
}
