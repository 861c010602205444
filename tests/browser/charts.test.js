// Charts for people who read them by ear and on a phone: a chart is named by
// its title, and its one-sentence reading (the figure's caption) is read
// once, not again as the chart's name or description; at 320 px no chart
// text is smaller than 12 px.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserAndSite } from "./browser.js";

const shared = browserAndSite();

// Pages with every kind of chart: a trend and a parameters chart (service),
// bars of a quarter report, bars of a survey's answers.
const PAGES = ["/services/housing-subsidy/", "/reports/2026-q3/", "/surveys/service-satisfaction/results/"];

test("a chart's reading is said once: the caption names the figure; the chart has its title only", async () => {
  const page = await shared.browser.context.newPage();
  const cdp = await shared.browser.context.newCDPSession(page);
  const failures = [];
  for (const path of PAGES) {
    await page.goto(shared.site.origin + path);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const text = (node, what) => node[what]?.value?.trim() || "";
    const figures = nodes.filter((n) => n.role?.value === "figure");
    assert.ok(figures.length > 0, `${path}: no figure`);
    for (const figure of figures) {
      const caption = text(figure, "name");
      const image = nodes.find((n) => n.role?.value === "image" && n.parentId && isInside(nodes, n, figure));
      if (!image) continue;
      const said = [caption, text(figure, "description"), text(image, "name"), text(image, "description")];
      const times = said.filter((s) => caption && s.includes(caption)).length;
      if (times !== 1) failures.push(`${path}: «${caption}» is said ${times} times (${JSON.stringify(said.slice(1))})`);
      if (!text(image, "name")) failures.push(`${path}: a chart without a name after «${caption}»`);
    }
  }
  await page.close();
  assert.deepEqual(failures, []);
});

function isInside(nodes, node, ancestor) {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  for (let n = node; n; n = byId.get(n.parentId)) if (n.nodeId === ancestor.nodeId) return true;
  return false;
}

test("at 320 px every chart's text is at least 12 px high", async () => {
  const page = await shared.browser.context.newPage();
  await page.setViewportSize({ width: 320, height: 800 });
  const small = [];
  for (const path of PAGES) {
    await page.goto(shared.site.origin + path);
    const sizes = await page.locator("svg.chart text").evaluateAll((texts) =>
      texts.map((t) => ({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a })));
    assert.ok(sizes.length > 0, `${path}: no chart text`);
    for (const { text, px } of sizes) if (px < 12) small.push(`${path} «${text}»: ${px.toFixed(1)} px`);
  }
  await page.close();
  assert.deepEqual(small.slice(0, 10), [], `${small.length} texts under 12 px`);
});
