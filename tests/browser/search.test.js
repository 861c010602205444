// Search with Pagefind over the built site: Russian word forms find the
// service, decision and report pages; the query comes from the header form;
// the page's own form is labelled, takes no focus on load, lists results as
// headings with their section and says the count in a polite live region;
// it passes axe, also in the white-on-black scheme; without an index it
// says so, and without JavaScript it links to the sections.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations } from "./a11y.js";
import { browserAndSite, launch, layoutShift, watchLayoutShift } from "./browser.js";

const shared = browserAndSite();

// Holds the page's request for Pagefind's index until release() is called, then answers with `respond`.
async function holdIndex(page, respond) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/pagefind/pagefind.js", async (route) => { await held; await respond(route); });
  return release;
}

async function results(page) {
  await page.locator(".search__result h2 a").first().waitFor({ timeout: 15000 });
  return page.locator(".search__result h2 a").evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
}

test("the header form searches, and another word form finds the service", async () => {
  const page = await shared.browser.context.newPage();
  await page.goto(shared.site.origin + "/services/");
  await page.locator("#site-search-q").fill("субсидией");
  await page.locator("#site-search-q").press("Enter");
  await page.waitForURL(/\/search\/index\.html\?q=/);
  const found = await results(page);
  assert.ok(found.includes("/services/housing-subsidy/index.html"), found.join("\n"));
  assert.equal(await page.getByLabel("Что найти").inputValue(), "субсидией");
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("the Tatar pages search their own index: a Tatar word finds the Tatar page, in Tatar words", async () => {
  const page = await shared.browser.context.newPage();
  await page.goto(shared.site.origin + "/tt/search/");
  const input = page.getByRole("searchbox", { name: "Нәрсә табарга" });
  await input.fill("пособие");
  await page.getByRole("button", { name: "Табу", exact: true }).last().click();
  const found = await results(page);
  assert.ok(found.includes("/tt/services/child-monthly-allowance/index.html"), found.join("\n"));
  assert.ok(found.every((path) => path.startsWith("/tt/")), "only the Tatar pages: " + found.join("\n"));
  assert.match(await page.getByRole("status").innerText(), /^«пособие» сорауы буенча \d+ бит табылды$/);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("the form is labelled, takes no focus, and results are headings with their section", async () => {
  const page = await shared.browser.context.newPage();
  await page.goto(shared.site.origin + "/search/");
  const input = page.getByRole("searchbox", { name: "Что найти" });
  await input.waitFor();
  assert.equal(await input.getAttribute("title"), null, "a real label, not a title");
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "no autofocus");
  const status = page.getByRole("status");
  assert.equal(await status.getAttribute("role"), "status");  // polite by its role
  await input.fill("межведомственные запросы");
  await page.getByRole("button", { name: "Найти", exact: true }).last().click();
  const found = await results(page);
  assert.ok(found.includes("/decisions/housing-subsidy-decision-time/index.html"), found.join("\n"));
  assert.match(new URL(page.url()).search, /q=/, "the query is in the address, to share or go back to");
  const count = await page.locator(".search__result").count();
  const said = await status.innerText();
  assert.match(said, /^По запросу «межведомственные запросы» найден[аоы]? \d+ страниц[аы]?$/);
  const total = Number(said.match(/(\d+) страниц/)[1]);
  assert.ok(count === Math.min(total, 10), `${count} shown of ${total}`);
  const decision = page.locator(".search__result", { has: page.locator('a[href$="/decisions/housing-subsidy-decision-time/index.html"]') });
  assert.equal(await decision.getByRole("heading", { level: 2 }).count(), 1);
  assert.equal(await decision.locator(".search__section").innerText(), "Вы сказали — мы сделали");
  assert.ok(await decision.locator(".search__excerpt mark").count() > 0, "the words found are marked");
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("«Показать ещё» adds the next results and moves focus to the first of them", async () => {
  const page = await shared.browser.context.newPage();
  await page.goto(shared.site.origin + "/search/index.html?q=" + encodeURIComponent("услуги"));
  await results(page);
  const more = page.getByRole("button", { name: "Показать ещё" });
  assert.equal(await page.locator(".search__result").count(), 10);
  assert.equal(await more.isVisible(), true, "more than ten pages mention services");
  await more.click();
  await page.locator(".search__result").nth(10).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.closest(".search__result") ===
                                          document.querySelectorAll(".search__result")[10]), true);
  await page.close();
});

test("nothing found is said in words", async () => {
  const page = await shared.browser.context.newPage();
  await page.goto(shared.site.origin + "/search/index.html?q=" + encodeURIComponent("зюзюблик"));
  await page.getByRole("status").filter({ hasText: "ничего не найдено" }).waitFor();
  assert.equal(await page.getByRole("status").innerText(),
               "По запросу «зюзюблик» ничего не найдено. Проверьте, как написаны слова, или воспользуйтесь разделами сайта.");
  assert.equal(await page.locator(".search__result").count(), 0);
  await page.close();
});

test("in «Белым по чёрному» the typed query is light on dark", async () => {
  const page = await shared.browser.context.newPage();
  await page.goto(shared.site.origin + "/search/");
  await page.evaluate(() => { document.documentElement.dataset.scheme = "inverted"; });
  const input = page.getByLabel("Что найти");
  await input.fill("пособие");
  const colours = await input.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
  assert.notEqual(colours[0], colours[1]);
  assert.equal(colours[1], "rgb(0, 0, 0)");
  assert.equal(colours[0], "rgb(255, 255, 255)");
  await page.close();
});

test("decisions and reports are found; indexes and filter pages are not", async () => {
  const page = await shared.browser.context.newPage();
  await page.goto(shared.site.origin + "/search/index.html?q=" + encodeURIComponent("межведомственные запросы"));
  const found = await results(page);
  assert.ok(!found.some((path) => path.startsWith("/decisions/status/")), found.join("\n"));
  await page.goto(shared.site.origin + "/search/index.html?q=" + encodeURIComponent("жалобы"));
  assert.ok((await results(page)).some((path) => /^\/reports\/\d{4}-q\d\//.test(path)));
  await page.close();
});

test("results are drawn without moving what is on screen (CLS 0 on a phone and a desktop)", async () => {
  const page = await shared.browser.context.newPage();
  await watchLayoutShift(page);
  for (const [width, height] of [[375, 667], [1280, 900]]) {
    await page.setViewportSize({ width, height });
    for (const query of ["", "услуги", "зюзюблик"]) {
      await page.goto(shared.site.origin + "/search/index.html" + (query ? "?q=" + encodeURIComponent(query) : ""));
      if (query) await page.locator("[data-search-status]").filter({ hasText: /^По запросу/ }).waitFor();
      const shift = await layoutShift(page);
      assert.equal(shift, 0, `${width} px, «${query}»: CLS ${shift}`);
    }
  }
  await page.close();
});

test("a query sent before the index has loaded is searched when it has", async () => {
  const page = await shared.browser.context.newPage();
  const release = await holdIndex(page, (route) => route.continue());
  await page.goto(shared.site.origin + "/search/", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Что найти").fill("субсидия");
  await page.getByRole("button", { name: "Найти", exact: true }).last().click();
  assert.equal(await page.locator("[data-search-status]").innerText(), "Ищем…");
  release();
  assert.ok((await results(page)).includes("/services/housing-subsidy/index.html"));
  assert.equal(await page.getByLabel("Что найти").inputValue(), "субсидия");
  await page.close();
});

test("without an index the search page says so and points to the sections", async () => {
  const page = await shared.browser.context.newPage();
  await page.route("**/pagefind/pagefind.js", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(shared.site.origin + "/search/");
  await page.locator("[data-search-unavailable]").waitFor();
  assert.match(await page.locator("[data-search-unavailable]").innerText(), /Поиск сейчас недоступен/);
  assert.equal(await page.locator("[data-search]").isVisible(), false);
  await page.close();
});

test("a query sent while the index fails to load: the «searching» status goes, the notice takes the focus", async () => {
  const page = await shared.browser.context.newPage();
  const release = await holdIndex(page, (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(shared.site.origin + "/search/index.html?q=" + encodeURIComponent("пособие"), { waitUntil: "domcontentloaded" });
  assert.equal(await page.getByLabel("Что найти").inputValue(), "пособие", "the query is in the box before the index loads");
  await page.getByRole("button", { name: "Найти", exact: true }).last().click();
  assert.equal(await page.locator("[data-search-status]").innerText(), "Ищем…");
  release();
  await page.locator("[data-search-unavailable]").waitFor();
  assert.equal(await page.locator("[data-search-status]").innerText(), "");
  assert.equal(await page.evaluate(() => document.activeElement.hasAttribute("data-search-unavailable")), true);
  await page.close();
});

test("without JavaScript the page links to the sections and shows no form that cannot work", async () => {
  const plain = await launch({ javaScript: false });
  const page = await plain.context.newPage();
  await page.goto(shared.site.origin + "/search/index.html?q=x");
  assert.equal(await page.locator("[data-search]").isVisible(), false);
  const links = await page.locator("main a").evaluateAll((as) => as.filter((a) => a.offsetParent).map((a) => new URL(a.href).pathname));
  assert.deepEqual(links, ["/services/index.html", "/situations/index.html", "/decisions/index.html", "/reports/index.html"]);
  await plain.close();
});
