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

test("a chart's reading is said once: in the figure's caption, not again as the chart's name or description", async () => {
  const page = await shared.browser.context.newPage();
  const cdp = await shared.browser.context.newCDPSession(page);
  const failures = [];
  for (const path of PAGES) {
    await page.goto(shared.site.origin + path);
    const captions = await page.locator("figure.results__chart").evaluateAll((figures) =>
      figures.map((f) => (f.querySelector("svg.chart") ? f.querySelector("figcaption")?.textContent.trim() || "" : null)));
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "figure.results__chart" });
    assert.ok(nodeIds.length > 0, `${path}: no chart`);
    for (const [i, figureId] of nodeIds.entries()) {
      if (captions[i] === null) continue;
      const { nodeId: svgId } = await cdp.send("DOM.querySelector", { nodeId: figureId, selector: "svg.chart" });
      const ax = async (nodeId) => (await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false })).nodes[0];
      const [figure, chart] = [await ax(figureId), await ax(svgId)];
      const said = [figure.name, figure.description, chart.name, chart.description].map((p) => p?.value || "");
      const times = 1 + said.filter((s) => captions[i] && s.includes(captions[i])).length;
      if (times !== 1) failures.push(`${path}: «${captions[i]}» is said ${times} times`);
      if (!said[2]) failures.push(`${path}: the chart under «${captions[i]}» has no name`);
    }
  }
  await page.close();
  assert.deepEqual(failures.slice(0, 10), [], `${failures.length} charts`);
});

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
