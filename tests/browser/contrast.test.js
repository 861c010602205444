// Contrast, measured in the page on every kind of page of both example sites
// in each colour scheme of the «Версия для слабовидящих» panel: every visible
// text against its effective background (4.5:1, large text 3:1) and every
// focus indicator against the background around it (3:1). Closed <details>
// are opened first, so that what they hide is measured too. One page per
// kind; the schemes are switched on it as the panel does (pages without the
// panel, the paper and embedded forms, in their own colours only). Two pages
// are measured at once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { applySettings, eachOnPages, hasPanel, kindsOf, browserAndAllSites, SITES } from "./a11y.js";
import { measureContrast } from "./contrast.js";

const SCHEMES = ["normal", "contrast", "inverted", "blue"];

const shared = browserAndAllSites();

for (const site of SITES) {
  test(`${site.name}: every text and focus indicator has enough contrast in every scheme`, async () => {
    const origin = shared.served.sites.find((s) => s.name === site.name).origin;
    const kinds = kindsOf(site);
    const results = await eachOnPages(shared.browser.context, kinds, async ({ path }, page) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(origin + path, { waitUntil: "load" });
      await page.keyboard.press("Tab");  // focus moves by keyboard from now on: :focus-visible applies
      const lines = [];
      for (const scheme of (await hasPanel(page)) ? SCHEMES : ["normal"]) {
        await applySettings(page, { scheme });
        for (const line of await page.evaluate(measureContrast)) lines.push(`[${scheme}] ${line}`);
      }
      return lines;
    });
    const failures = new Map();  // "[scheme] selector: ratio (fg on bg)" → the pages it is on
    kinds.forEach(({ path }, i) => {
      for (const line of results[i]) failures.set(line, [...(failures.get(line) || []), path]);
    });
    const report = [...failures].map(([line, paths]) =>
      `${paths[0]} ${line}` + (paths.length > 1 ? ` (and on ${paths.length - 1} more pages)` : ""));
    assert.equal(report.length, 0, "\n" + report.join("\n"));
  });
}

test("the measurement finds text of the page's own colour and a focus ring that does not show", async () => {
  const page = await shared.browser.context.newPage();
  await page.setContent(`<body style="background:#000;color:#fff"><p>white</p><p style="color:#000">unseen</p>
    <p style="color:#777;font-size:24px">large grey</p><a href="#x" style="color:#ff0;outline:3px solid #111">link</a></body>`);
  await page.keyboard.press("Tab");
  const failures = await page.evaluate(measureContrast);
  assert.deepEqual(failures, ["p: 1.00 (#000000 on #000000)", "a :focus: 1.11 (#111111 on #000000)"]);
  await page.close();
});
