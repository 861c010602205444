// axe-core (WCAG 2.0–2.2 A and AA, and best practices) on every kind of page
// of both example sites and of their internal output, at 1280 and 320 CSS
// px, and at 320 px with the «Версия для слабовидящих» panel's settings:
// each colour scheme with the largest font and wide spacing, each font size
// alone, and images off. One page is opened per kind; the width and the
// settings are switched on it as the panel does. Every rule runs once per
// page (at 1280 px); after a change of width or setting, the rules whose
// outcome it can change (SETTING_RULES: size, overflow, links in text) run
// again. Colours in each
// scheme are measured by contrast.test.js, on every text and focus
// indicator, more strictly than axe's colour rule (which passes text of the
// background's own colour and costs more than all the others together).
// Pages without the panel (the paper form, the embedded form) are checked
// as they are. Two pages are checked at once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { applySettings, axeViolations, eachOnPages, hasPanel, kindsOf, SETTING_RULES, pageKinds, browserAndAllSites, settingName,
         SITES } from "./a11y.js";

/** The panel's settings checked on every kind of public page, at 320 px. */
export const PANEL_SETTINGS = [
  { scheme: "contrast", font: "xlarge", spacing: "wide" },
  { scheme: "inverted", font: "xlarge", spacing: "wide" },
  { scheme: "blue", font: "xlarge", spacing: "wide" },
  { font: "large" },
  { font: "xlarge" },
  { images: "off" },
];

// axe over one page: the page is opened at 1280 px and then laid out at 320.
async function check(page, origin, path, { panel }) {
  const failures = [];
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(origin + path, { waitUntil: "load" });
  for (const line of await axeViolations(page)) failures.push(`1280 px: ${line}`);
  await page.setViewportSize({ width: 320, height: 800 });
  const settingsToCheck = panel && (await hasPanel(page)) ? PANEL_SETTINGS : [];
  for (const settings of [{}, ...settingsToCheck]) {
    await applySettings(page, settings);
    for (const line of await axeViolations(page, { rules: SETTING_RULES })) failures.push(`320 px ${settingName(settings)}: ${line}`);
  }
  await applySettings(page, {});
  return failures;
}

/** Registers the tests of one site (by its name in SITES): its kinds of public page, then its internal output. */
export function axeTests(name) {
  const site = SITES.find((s) => s.name === name);
  if (!site) return;
  const shared = browserAndAllSites();
  const origins = () => shared.served.sites.find((s) => s.name === name);

  const checkAll = async (origin, kinds, options) => {
    const results = await eachOnPages(shared.browser.context, kinds, ({ path }, page) => check(page, origin, path, options));
    return kinds.flatMap(({ kind, path }, i) => results[i].map((line) => `${kind} (${path}) ${line}`));
  };
  const kinds = kindsOf(site);
  test(`${name}: every kind of page (${kinds.length}) passes axe at 1280 and 320 px and in every panel setting`, async () => {
    assert.deepEqual(await checkAll(origins().origin, kinds, { panel: true }), []);
  });
  if (!site.internal) return;
  const internal = Object.entries(pageKinds(site.internal, { internal: true })).map(([kind, path]) => ({ kind, path }));
  test(`${name} internal output: every kind of page (${internal.length}) passes axe at 1280 and 320 px`, async () => {
    assert.deepEqual(await checkAll(origins().internalOrigin, internal, { panel: false }), []);
  });
}
