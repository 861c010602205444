// axe-core (WCAG 2.0–2.2 A and AA, and best practices) on every kind of page
// of both example sites and of their internal output, at 1280 and 320 CSS
// px, and at 320 px with the «Версия для слабовидящих» panel's settings:
// each colour scheme with the largest font and wide spacing, each font size
// alone, and images off. One page is opened per kind; the width and the
// settings are switched on it as the panel does. Every rule runs once per
// page (at 1280 px); after a change of width or setting, the rules whose
// outcome it can change run again: LAYOUT_RULES always, and COLOUR_RULES in
// each scheme on the demo's pages. (contrast.test.js measures every text and
// focus indicator of both sites in every scheme, more strictly than axe; the
// second site is drawn by the same templates, so axe's slowest rule is not
// run there again in each scheme.) Pages without the panel (the paper form,
// the embedded form) are checked as they are.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch } from "./browser.js";
import { applySettings, axeViolations, COLOUR_RULES, hasPanel, kindsOf, LAYOUT_RULES, pageKinds, serveAll, settingName,
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

async function check(browser, origin, path, { panel, schemeColours = false }) {
  const page = await browser.context.newPage();
  const failures = [];
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(origin + path, { waitUntil: "load" });
    for (const line of await axeViolations(page)) failures.push(`1280 px: ${line}`);
    await page.setViewportSize({ width: 320, height: 800 });
    const settingsToCheck = panel && (await hasPanel(page)) ? PANEL_SETTINGS : [];
    for (const settings of [{}, ...settingsToCheck]) {
      await applySettings(page, settings);
      const rules = settings.scheme && schemeColours ? [...new Set([...LAYOUT_RULES, ...COLOUR_RULES])] : LAYOUT_RULES;
      for (const line of await axeViolations(page, { rules })) failures.push(`320 px ${settingName(settings)}: ${line}`);
    }
  } finally {
    await page.close();
  }
  return failures;
}

/** Registers the tests of one site (by its name in SITES): each kind of public page, then the internal output. */
export function axeTests(name) {
  const site = SITES.find((s) => s.name === name);
  if (!site) return;
  let browser;
  let served;
  before(async () => {
    browser = await launch();
    served = await serveAll();
  });
  after(async () => {
    await browser.close();
    await served.close();
  });
  const origins = () => served.sites.find((s) => s.name === name);

  for (const { kind, path } of kindsOf(site)) {
    test(`${name} ${kind} (${path}): no axe violation at 1280 and 320 px, in every panel setting`, async () => {
      const failures = await check(browser, origins().origin, path,
                                   { panel: true, schemeColours: name === "demo" });
      assert.deepEqual(failures, []);
    });
  }
  if (!site.internal) return;
  const internal = Object.entries(pageKinds(site.internal, { internal: true }));
  test(`${name} internal output (${internal.length} kinds): no axe violation at 1280 and 320 px`, async () => {
    const failures = [];
    for (const [kind, path] of internal) {
      for (const line of await check(browser, origins().internalOrigin, path, { panel: false })) {
        failures.push(`${kind} (${path}) ${line}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}
