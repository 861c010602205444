// Search with Pagefind over the built site: Russian word forms find the
// service, decision and report pages; the query comes from the header form;
// the page passes axe with its results; without an index it says so.
import { test } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { browserAndSite } from "./browser.js";

const shared = browserAndSite();

async function results(page) {
  await page.locator(".pagefind-ui__result-link").first().waitFor({ timeout: 15000 });
  return page.locator(".pagefind-ui__result-link").evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
}

test("the header form searches, and another word form finds the service", async () => {
  const page = await shared.browser.context.newPage();
  await page.goto(shared.site.origin + "/services/");
  await page.locator("#site-search-q").fill("субсидией");
  await page.locator("#site-search-q").press("Enter");
  await page.waitForURL(/\/search\/index\.html\?q=/);
  const found = await results(page);
  assert.ok(found.includes("/services/housing-subsidy/index.html"), found.join("\n"));
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`), []);
  await page.close();
});

test("decisions and reports are found; indexes and filter pages are not", async () => {
  const page = await shared.browser.context.newPage();
  await page.goto(shared.site.origin + "/search/index.html?q=" + encodeURIComponent("межведомственные запросы"));
  const found = await results(page);
  assert.ok(found.includes("/decisions/housing-subsidy-decision-time/index.html"), found.join("\n"));
  assert.ok(!found.some((path) => path.startsWith("/decisions/status/")), found.join("\n"));
  await page.goto(shared.site.origin + "/search/index.html?q=" + encodeURIComponent("жалобы"));
  assert.ok((await results(page)).some((path) => /^\/reports\/\d{4}-q\d\//.test(path)));
  await page.close();
});

test("without an index the search page says so and points to the sections", async () => {
  const page = await shared.browser.context.newPage();
  await page.route("**/pagefind/pagefind-ui.js", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(shared.site.origin + "/search/");
  await page.locator("[data-search-unavailable]").waitFor();
  assert.match(await page.locator("[data-search-unavailable]").innerText(), /Поиск сейчас недоступен/);
  await page.close();
});
