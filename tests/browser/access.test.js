// «Версия для слабовидящих»: three font sizes, three colour schemes besides
// the normal one (high contrast among them), wide spacing and images off,
// remembered across pages; each scheme passes axe; the site works without
// it (the panel stays hidden without JavaScript).
import { test } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { browserAndSite, launch } from "./browser.js";

const shared = browserAndSite();

async function open(path, width = 1280) {
  const page = await shared.browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(shared.site.origin + path);
  return page;
}

async function choose(page, label) {
  const summary = page.locator(".access__panel > summary");
  if (!(await page.locator(".access__panel").evaluate((d) => d.open))) await summary.click();
  await page.getByRole("button", { name: label, exact: true }).click();
}

const rootFontSize = (page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

test("the panel changes the font size, and the choice follows to other pages", async () => {
  const page = await open("/");
  assert.equal(await rootFontSize(page), "16px");
  await choose(page, "Очень крупный шрифт");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.font), "xlarge");
  assert.equal(await rootFontSize(page), "25.6px");
  assert.equal(await page.getByRole("button", { name: "Очень крупный шрифт" }).getAttribute("aria-pressed"), "true");
  await page.goto(shared.site.origin + "/services/housing-subsidy/");
  assert.equal(await rootFontSize(page), "25.6px");
  await choose(page, "Крупный шрифт");
  assert.equal(await rootFontSize(page), "20.8px");
  await choose(page, "Обычная версия сайта");
  assert.equal(await rootFontSize(page), "16px");
  await page.close();
});

test("spacing and images", async () => {
  const page = await open("/services/housing-subsidy/");
  await choose(page, "Увеличенные");
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).letterSpacing), "2.04px");  // 0.12 em of the body's 17 px
  assert.equal(await page.locator("svg.chart").first().isVisible(), true);
  await choose(page, "Скрыть");
  assert.equal(await page.locator("svg.chart").first().isVisible(), false);
  assert.equal(await page.locator(".results table").first().count(), 1, "the data tables stay");
  await choose(page, "Обычная версия сайта");
  await page.close();
});

for (const scheme of ["Чёрным по белому", "Белым по чёрному", "Синим по голубому"]) {
  test(`the scheme «${scheme}» with the largest font and wide spacing passes axe and fits 640 px`, async () => {
    const page = await open("/");
    await choose(page, scheme);
    await choose(page, "Очень крупный шрифт");
    await choose(page, "Увеличенные");
    for (const path of ["/", "/services/housing-subsidy/", "/decisions/housing-subsidy-decision-time/",
                        "/surveys/service-satisfaction/", "/reports/2026-q3/"]) {
      await page.goto(shared.site.origin + path);
      const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      assert.deepEqual(result.violations.map((v) => `${path} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`), []);
    }
    await page.setViewportSize({ width: 640, height: 900 });
    for (const path of ["/", "/decisions/"]) {
      await page.goto(shared.site.origin + path);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(scroll <= 0, `${path} scrolls sideways by ${scroll} px`);
    }
    await choose(page, "Обычная версия сайта");
    await page.close();
  });
}

test("without JavaScript the panel is not shown and the site looks as usual", async () => {
  const plain = await launch({ javaScript: false });
  const page = await plain.context.newPage();
  await page.goto(shared.site.origin + "/");
  assert.equal(await page.locator("[data-access]").isVisible(), false);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), "16px");
  await plain.close();
});
