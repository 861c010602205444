// Every kind of page of the demo site in a real browser, served over HTTP on
// 127.0.0.1: no request leaves the site; a screenshot of each kind at phone
// and desktop widths goes to output/ for review. (axe: axe_suite.js; reflow:
// reflow.test.js; contrast: contrast.test.js.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { browserAndSite } from "./browser.js";
import { PAGE_KINDS } from "./a11y.js";

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), "output");

mkdirSync(OUTPUT, { recursive: true });
const shared = browserAndSite();

/** Opens `path` at `width` × `height`; records every request to another origin. */
async function open(path, { width = 1280, height = 900 } = {}) {
  const page = await shared.browser.context.newPage();
  await page.setViewportSize({ width, height });
  const foreign = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(shared.site.origin) && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  await page.goto(shared.site.origin + path, { waitUntil: "load" });
  return { page, foreign };
}

for (const [kind, path] of Object.entries(PAGE_KINDS)) {
  test(`${kind} (${path}): nothing from other hosts`, async () => {
    const { page, foreign } = await open(path);
    await page.screenshot({ path: join(OUTPUT, `${kind}-1280.png`), fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.screenshot({ path: join(OUTPUT, `${kind}-320.png`), fullPage: true });
    await page.close();
    assert.deepEqual(foreign, []);
  });
}

test("the embedded form's link to the site is a target at least 24 px high on every line (WCAG 2.5.8)", async () => {
  const { page } = await open(PAGE_KINDS["survey-embed"]);
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    const heights = await page.locator(".embedded__source a").evaluate((a) => [...a.getClientRects()].map((r) => r.height));
    assert.ok(Math.min(...heights) >= 24, `${width} px: ${heights.join(", ")} px high`);
  }
  await page.close();
});

test("a service page with its stylesheet and scripts weighs at most 100 KB, all from the site", async () => {
  const page = await shared.browser.context.newPage();
  const sizes = [];
  page.on("response", async (response) => {
    sizes.push({ url: response.url(), bytes: (await response.body()).length });
  });
  await page.goto(shared.site.origin + PAGE_KINDS["service"], { waitUntil: "networkidle" });
  await page.close();
  const total = sizes.reduce((sum, r) => sum + r.bytes, 0);
  assert.ok(sizes.every((r) => r.url.startsWith(shared.site.origin)), sizes.map((r) => r.url).join("\n"));
  assert.ok(total <= 100 * 1024, `${total} bytes: ` + sizes.map((r) => `${r.url} ${r.bytes}`).join(", "));
});
