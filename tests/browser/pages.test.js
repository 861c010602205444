// Every kind of page of the demo site in a real browser, served over HTTP on
// 127.0.0.1: axe-core finds no WCAG 2.1 A/AA violation; at 320 CSS px and at
// 200 % zoom of a 1280 px window nothing scrolls sideways; no request leaves
// the site; a screenshot of each kind at phone and desktop widths goes to
// output/ for review.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { browserAndSite } from "./browser.js";

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), "output");

/** One page of each kind, by name. */
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

function describe(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}`).join("\n"))
    .join("\n");
}

for (const [kind, path] of Object.entries(PAGE_KINDS)) {
  test(`${kind} (${path}): no WCAG 2.1 A/AA violation, nothing from other hosts`, async () => {
    const { page, foreign } = await open(path);
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    await page.screenshot({ path: join(OUTPUT, `${kind}-1280.png`), fullPage: true });
    await page.close();
    assert.equal(result.violations.length, 0, describe(result.violations));
    assert.deepEqual(foreign, []);
  });

  test(`${kind} (${path}): no sideways scrolling at 320 px and at 200 % zoom`, async () => {
    // 200 % zoom of a 1280 px window lays the page out in 640 CSS px.
    for (const width of [320, 640]) {
      const { page } = await open(path, { width, height: 800 });
      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        const wide = [...document.querySelectorAll("body *")]
          .filter((e) => {
            const box = e.getBoundingClientRect();
            // Tables that scroll inside themselves are allowed (WCAG 1.4.10 exception for data tables).
            return box.right > root.clientWidth + 1 && !e.closest(".data-table, .matrix-wrap");
          })
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
        return { scroll: root.scrollWidth - root.clientWidth, wide };
      });
      if (width === 320) await page.screenshot({ path: join(OUTPUT, `${kind}-320.png`), fullPage: true });
      await page.close();
      assert.ok(overflow.scroll <= 0, `${width} px: the page scrolls sideways by ${overflow.scroll} px (${overflow.wide.join(", ")})`);
      assert.deepEqual(overflow.wide, [], `${width} px: cut off or sticking out`);
    }
  });
}

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
