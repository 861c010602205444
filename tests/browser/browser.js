// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core, and the demo site the test script built.
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { before, after } from "node:test";
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

/** Sums the page's layout shifts not caused by input, from its first paint on; read with layoutShift(page). */
export async function watchLayoutShift(page) {
  await page.addInitScript(() => {
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The cumulative layout shift of the page so far (watchLayoutShift), once the last frame has reported. */
export async function layoutShift(page) {
  await page.waitForTimeout(200);  // layout shifts are reported after the frame
  return page.evaluate(() => window.layoutShift);
}

/** Where the site's forms post: the real receiver run.sh started. */
export const receiverOrigin = process.env.OTKLIK_RECEIVER || "https://otklik.minsoc-sever.example.ru";

/** Routes posts to the receiver to a stub; returns the list of captured bodies (URLSearchParams). */
export async function captureReceiver(context) {
  const posts = [];
  await context.route(`${receiverOrigin}/**`, async (route) => {
    const request = route.request();
    posts.push({ url: request.url(), method: request.method(), body: new URLSearchParams(request.postData() || "") });
    await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<p>принято</p>" });
  });
  return posts;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves the built site over HTTP on 127.0.0.1 (a free port), as a static
 * web server would: "/x/" is "/x/index.html", anything else missing is the
 * site's 404.html (if it has one) with status 404. Returns { origin, close }.
 */
export async function serveSite({ dir = siteDir, port = 0 } = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) file = join(dir, "404.html");
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      statSync(file);
      response.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { "Content-Type": TYPES[".html"] });
      // The internal output has no 404 page of its own.
      createReadStream(join(dir, "404.html")).on("error", () => response.end()).pipe(response);
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * For a test file: Chromium and the site served on 127.0.0.1, started before
 * its tests and closed after them. Returns an object whose `browser` and
 * `site` are set once the tests run.
 */
export function browserAndSite() {
  const shared = { browser: null, site: null };
  before(async () => {
    shared.browser = await launch();
    shared.site = await serveSite();
  });
  after(async () => {
    await shared.browser.close();
    await shared.site.close();
  });
  return shared;
}
