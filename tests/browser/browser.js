// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core, and the demo site the test script built.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

/** The built demo site (OTKLIK_SITE, set by scripts/test). */
export const siteDir = process.env.OTKLIK_SITE;
if (!siteDir) throw new Error("OTKLIK_SITE must name a built demo site");

/** The file:// address of a page of the demo site, e.g. pageUrl("surveys/x/index.html"). */
export function pageUrl(path) {
  return pathToFileURL(join(siteDir, path)).href;
}

/** Starts Chromium with the flags this machine needs; returns { context, close }. */
export async function launch({ javaScript = true } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "otklik-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    javaScriptEnabled: javaScript,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Routes posts to the receiver to a stub; returns the list of captured bodies (URLSearchParams). */
export async function captureReceiver(context) {
  const posts = [];
  await context.route("https://otklik.minsoc-sever.example.ru/**", async (route) => {
    const request = route.request();
    posts.push({ url: request.url(), method: request.method(), body: new URLSearchParams(request.postData() || "") });
    await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<p>принято</p>" });
  });
  return posts;
}
