// Links a screen reader lists out of context (WCAG 2.4.4 and 2.4.9): on no
// page of the site or of the internal output does one link text stand for
// three or more addresses (as «Данные (CSV)» did four times on /data/).
// Read from the built HTML, which is what a browser gets (no script adds
// links but the search page's results).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { siteDir } from "./browser.js";

const internalDir = process.env.OTKLIK_INTERNAL;

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
}

const decode = (text) => text.replace(/&nbsp;/g, " ").replace(/&laquo;/g, "«").replace(/&raquo;/g, "»")
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Link texts that stand for three or more addresses in `html`, as "«text» → n addresses". */
export function ambiguousLinks(html) {
  const byName = new Map();
  for (const [, attributes, inner] of html.matchAll(/<a\s([^>]*)>([\s\S]*?)<\/a>/g)) {
    const href = (attributes.match(/href="([^"]*)"/) || [])[1];
    if (href === undefined) continue;
    const label = (attributes.match(/aria-label="([^"]*)"/) || [])[1];
    const name = decode(label ?? inner.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
    const target = href.replace(/#.*$/, "").replace(/index\.html$/, "");
    if (!byName.has(name)) byName.set(name, new Set());
    byName.get(name).add(target);
  }
  return [...byName].filter(([, targets]) => targets.size >= 3).map(([name, targets]) => `«${name}» → ${targets.size} addresses`);
}

test("no link text stands for three or more addresses on one page", () => {
  const found = [];
  for (const [dir, prefix] of [[siteDir, "site/"], [internalDir, "internal/"]]) {
    if (!dir) continue;
    for (const file of htmlFiles(dir)) {
      found.push(...ambiguousLinks(readFileSync(join(dir, file), "utf8")).map((line) => prefix + file + ": " + line));
    }
  }
  assert.deepEqual(found, []);
});

test("the check sees a repeated link text, and one made distinct by hidden words", () => {
  const repeated = '<a href="a.csv">Данные (CSV)</a><a href="b.csv">Данные (CSV)</a><a href="c.csv">Данные (CSV)</a>';
  assert.deepEqual(ambiguousLinks(repeated), ["«Данные (CSV)» → 3 addresses"]);
  const distinct = ["a", "b", "c"].map((set) => `<a href="${set}.csv">Данные (CSV)<span class="visually-hidden"> — «${set}»</span></a>`).join("");
  assert.deepEqual(ambiguousLinks(distinct), []);
});
