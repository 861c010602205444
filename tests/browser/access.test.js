// «Версия для слабовидящих»: three font sizes, three colour schemes besides
// the normal one (high contrast among them), wide spacing and images off,
// remembered across pages; the panel is there from the first paint (it
// shifts nothing), its buttons' names begin with what they show; the site
// works without it (the panel stays hidden without JavaScript). axe, contrast
// and reflow in each setting: axe_suite.js, contrast.test.js, reflow.test.js.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserAndSite, launch, layoutShift, watchLayoutShift } from "./browser.js";

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
  await choose(page, "А — очень крупный шрифт");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.font), "xlarge");
  assert.equal(await rootFontSize(page), "25.6px");
  assert.equal(await page.getByRole("button", { name: "А — очень крупный шрифт" }).getAttribute("aria-pressed"), "true");
  await page.goto(shared.site.origin + "/services/housing-subsidy/");
  assert.equal(await rootFontSize(page), "25.6px");
  await choose(page, "А — крупный шрифт");
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

test("the panel is drawn with the page: nothing shifts while it loads (CLS 0), with or without saved settings", async () => {
  const page = await shared.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await watchLayoutShift(page);
  for (const saved of [null, { font: "xlarge", scheme: "inverted", spacing: "wide", images: "off" }]) {
    await page.goto(shared.site.origin + "/services/housing-subsidy/");
    await page.evaluate((s) => (s ? localStorage.setItem("otklik-access", JSON.stringify(s)) : localStorage.clear()), saved);
    for (const path of ["/", "/services/housing-subsidy/", "/reports/2026-q3/"]) {
      await page.goto(shared.site.origin + path, { waitUntil: "load" });
      const shift = await layoutShift(page);
      assert.equal(shift, 0, `${path} ${saved ? "with saved settings" : ""}: CLS ${shift}`);
    }
  }
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("each button of the panel has a name that begins with its visible text (WCAG 2.5.3)", async () => {
  const page = await open("/");
  await page.locator(".access__panel > summary").click();
  // What a button shows: its text less what is there for screen readers only.
  const buttons = await page.locator("[data-access] button").evaluateAll((all) => all.map((b) => {
    const shown = b.cloneNode(true);
    for (const hidden of shown.querySelectorAll(".visually-hidden")) hidden.remove();
    return shown.textContent.trim();
  }));
  const snapshot = await page.locator("[data-access]").ariaSnapshot();
  const names = [...snapshot.matchAll(/button "([^"]*)"/g)].map((m) => m[1]);
  assert.equal(names.length, buttons.length, snapshot);
  assert.deepEqual(names.filter((name, i) => !name.toLowerCase().startsWith(buttons[i].toLowerCase())), []);
  assert.deepEqual(names.slice(0, 3), ["А — обычный шрифт", "А — крупный шрифт", "А — очень крупный шрифт"]);
  await page.close();
});

test("without JavaScript the panel is not shown and the site looks as usual", async () => {
  const plain = await launch({ javaScript: false });
  const page = await plain.context.newPage();
  await page.goto(shared.site.origin + "/");
  assert.equal(await page.locator("[data-access]").isVisible(), false);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), "16px");
  await plain.close();
});
