// The demo region's portal (scripts/demo-region) in a real browser: its
// pages need no script and ask nothing of other hosts; the keyboard reaches
// every agency of the summary in reading order with a visible focus; the
// portal's one search finds an agency's service page in another agency's
// folder. (axe, reflow and contrast: axe_region.test.js and the site-wide
// tests, which take the region's pages as a third site.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, serveSite } from "./browser.js";

const dir = process.env.OTKLIK_REGION;
let server;
let browser;
let noScript;

before(async () => {
  if (!dir) return;
  server = await serveSite({ dir });
  browser = await launch();
  noScript = await launch({ javaScript: false });
});

after(async () => {
  if (!dir) return;
  await browser.close();
  await noScript.close();
  await server.close();
});

const PAGES = ["/", "/situations/", "/situations/building-house/", "/about/", "/data/", "/search/"];

test("without JavaScript every page of the portal shows its content, asking nothing of other hosts", { skip: !dir },
  async () => {
    for (const path of PAGES) {
      const page = await noScript.context.newPage();
      const foreign = [];
      page.on("request", (r) => { if (!r.url().startsWith(server.origin)) foreign.push(r.url()); });
      const response = await page.goto(server.origin + path, { waitUntil: "load" });
      assert.equal(response.status(), 200, path);
      assert.ok((await page.locator("main h1").innerText()).length > 0, path);
      assert.deepEqual(foreign, [], path);
      await page.close();
    }
    const page = await noScript.context.newPage();
    await page.goto(server.origin + "/");
    // The comparison is a table a reader can read without a script: a row per agency, a word per comparison.
    const words = await page.locator("td.comparison").allInnerTexts();
    assert.ok(words.length >= 5 && words.every((w) => /^(выше|ниже|не отличается|мало ответов для сравнения|не с кем сравнить.*)$/.test(w)),
              words.join(" | "));
    await page.goto(server.origin + "/search/");
    assert.match(await page.locator("main").innerText(), /Поиск работает в браузере с включённым JavaScript/);
    await page.close();
  });

test("the keyboard reaches every agency of the summary in reading order, each with a visible focus", { skip: !dir },
  async () => {
    const page = await browser.context.newPage();
    await page.goto(server.origin + "/");
    const expected = await page.locator("section[aria-labelledby=overall] tbody a")
      .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")))]);
    assert.ok(expected.length >= 5, expected.join(", "));
    const reached = [];
    for (let i = 0; i < 200 && reached.length < expected.length; ++i) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const a = document.activeElement;
        const style = getComputedStyle(a);
        const visible = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== "none";
        return { href: a.getAttribute("href"), inOverall: !!a.closest("section[aria-labelledby=overall] tbody"), visible };
      });
      if (focused.inOverall) {
        assert.ok(focused.visible, `no visible focus on ${focused.href}`);
        if (!reached.includes(focused.href)) reached.push(focused.href);
      }
    }
    assert.deepEqual(reached, expected);
    await page.close();
  });

test("the portal's search finds another agency's service by another form of its word", { skip: !dir }, async () => {
  const page = await browser.context.newPage();
  await page.goto(server.origin + "/search/index.html?q=" + encodeURIComponent("грантом"));
  await page.locator(".search__result h2 a").first().waitFor({ timeout: 15000 });
  const found = await page.locator(".search__result h2 a").evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  assert.ok(found.some((path) => path.startsWith("/agency/services/")), found.join("\n"));
  await page.close();
});
