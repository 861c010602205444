// Reflow (WCAG 1.4.10) and text spacing (1.4.12) on every page of both
// example sites at 320 CSS px, in every font size and spacing of the
// «Версия для слабовидящих» panel and with the 1.4.12 bookmarklet's
// spacing: the page does not scroll sideways, no element sticks out of the
// viewport (a data table may scroll inside a keyboard-reachable region), and
// no box that hides its overflow cuts text off. Each kind of page is also
// checked at 200 % zoom of a 1280 px window (640 CSS px). Pages without the
// panel (the paper and embedded forms) get the 1.4.12 spacing only. Two
// pages are checked at once.
//
// A page of each kind is checked in every setting; the others in the
// settings that need the most room (the largest font with wide spacing,
// and 1.4.12's spacing), where what a page's own content holds (a long
// word in a title, a long table) sticks out first. That is a third of the
// time of every page in every setting, which the suite could not afford.
import { test } from "node:test";
import assert from "node:assert/strict";
import { allPages, applySettings, eachOnPages, hasPanel, kindsOf, browserAndAllSites, settingName, SITES } from "./a11y.js";

/** The panel's font sizes and spacings, and WCAG 1.4.12's spacing. */
const SETTINGS = [
  {},
  { font: "large" },
  { font: "xlarge" },
  { spacing: "wide" },
  { font: "large", spacing: "wide" },
  { font: "xlarge", spacing: "wide" },
  { text: true },
];

/** The settings every page is checked in, not only a page of each kind. */
const ROOMIEST = [{ font: "xlarge", spacing: "wide" }, { text: true }];

const shared = browserAndAllSites();

/** In the page: what sticks out of the viewport or is cut off; "" when nothing. */
function measureReflow() {
  const root = document.documentElement;
  const width = root.clientWidth;
  const name = (e) => {
    const classes = typeof e.className === "string" ? e.className.trim().split(/\s+/).filter(Boolean) : [];
    const parent = e.parentElement && e.parentElement !== document.body ? e.parentElement : null;
    const own = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (classes.length ? "." + classes.slice(0, 2).join(".") : "");
    return (parent && !e.id && !classes.length ? name(parent) + " > " : "") + own;
  };
  // A scroll container a keyboard can reach (it or something in it takes focus): what is in it may be wider.
  const regions = new Map();
  const isRegion = (a) => {
    if (!regions.has(a)) {
      regions.set(a, ["auto", "scroll"].includes(getComputedStyle(a).overflowX) &&
                     (a.tabIndex >= 0 || !!a.querySelector("a[href], button, input, select, textarea, [tabindex]")));
    }
    return regions.get(a);
  };
  const inRegion = (e) => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (isRegion(a)) return true;
    return false;
  };
  const hides = (o) => o === "hidden" || o === "clip";
  const wide = [];
  const clipped = [];
  for (const e of document.body.querySelectorAll("*")) {
    const box = e.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // not rendered, or clipped to nothing (.visually-hidden)
    if (e.parentElement?.closest(".visually-hidden")) continue;  // inside one: clipped with it (a lang="ru" span)
    if ((box.right > width + 1 || box.left < -1) && !inRegion(e)) wide.push(`${name(e)} (${Math.round(box.left)}…${Math.round(box.right)})`);
    const overX = e.scrollWidth > e.clientWidth + 1;
    const overY = e.scrollHeight > e.clientHeight + 1;
    if (!overX && !overY) continue;
    const style = getComputedStyle(e);
    if (((overX && hides(style.overflowX)) || (overY && hides(style.overflowY))) && e.textContent.trim()) {
      clipped.push(`${name(e)} (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight})`);
    }
  }
  const scroll = root.scrollWidth - width;
  const parts = [];
  if (scroll > 0) parts.push(`scrolls sideways by ${scroll} px`);
  if (wide.length) parts.push(`${wide.length} elements out of the viewport: ${wide.slice(0, 3).join(", ")}`);
  if (clipped.length) parts.push(`cut off: ${clipped.slice(0, 3).join(", ")}`);
  return parts.join("; ");
}

for (const site of SITES) {
  const pages = allPages(site.dir);
  test(`${site.name}: all ${pages.length} pages reflow at 320 px, each kind in every font size and spacing`, async () => {
    const origin = shared.served.sites.find((s) => s.name === site.name).origin;
    const kindPages = new Set(kindsOf(site).map(({ path }) => path));
    const results = await eachOnPages(shared.browser.context, pages, async (path, page) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(origin + path, { waitUntil: "load" });
      const panel = await hasPanel(page);
      const problems = [];
      for (const settings of kindPages.has(path) ? SETTINGS : ROOMIEST) {
        if (!panel && (settings.font || settings.spacing)) continue;
        await applySettings(page, settings);
        const problem = await page.evaluate(measureReflow);
        if (problem) problems.push([settingName(settings), `${path}: ${problem}`]);
      }
      await applySettings(page, {});
      return problems;
    });
    const failures = new Map();  // setting → "path: what" lines
    for (const [setting, line] of results.flat()) failures.set(setting, [...(failures.get(setting) || []), line]);
    const report = [...failures].map(([setting, lines]) =>
      `[${setting}] ${lines.length} of ${pages.length} pages:\n  ` + lines.slice(0, 8).join("\n  ") + (lines.length > 8 ? "\n  …" : ""));
    assert.equal(report.length, 0, "\n" + report.join("\n"));
  });

  test(`${site.name}: every kind of page reflows at 200 % zoom of a 1280 px window`, async () => {
    const origin = shared.served.sites.find((s) => s.name === site.name).origin;
    const kinds = kindsOf(site);
    const results = await eachOnPages(shared.browser.context, kinds, async ({ path }, page) => {
      await page.setViewportSize({ width: 640, height: 800 });
      await page.goto(origin + path, { waitUntil: "load" });
      const problem = await page.evaluate(measureReflow);
      return problem ? `${path}: ${problem}` : "";
    });
    assert.deepEqual(results.filter(Boolean), []);
  });
}

test("the measurement finds a wide element, sideways scrolling and text cut off", async () => {
  const page = await shared.browser.context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  await page.setContent(`<body style="margin:0"><div style="width:400px">wide</div>
    <p style="width:100px;height:20px;overflow:hidden">three lines of text, cut off after the first</p>
    <div tabindex="0" style="overflow-x:auto"><table><tr><td style="min-width:600px">a table scrolls</td></tr></table></div></body>`);
  assert.equal(await page.evaluate(measureReflow),
               "scrolls sideways by 80 px; 1 elements out of the viewport: div (0…400); cut off: p (100×76 in 100×20)");
  await page.close();
});
