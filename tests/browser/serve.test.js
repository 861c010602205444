// `otklik serve` in a real browser: a saved description appears in the open
// page without a reload, a title change swaps the page's whole body (no
// reload either), broken content shows its errors over the page (an alert,
// hideable) while the last good page stays, and the fix takes the overlay
// away; a page that runs its own script (a survey form) is reloaded rather
// than patched.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axeViolations } from "./a11y.js";
import { launch } from "./browser.js";

const work = mkdtempSync(join(tmpdir(), "otklik-serve-"));
const service = join(work, "content/services/child-monthly-allowance.md");
let serve;
let origin;
let browser;
let log = "";

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForLog(text) {
  // A site in two languages builds twice the pages: up to 30 s on a loaded machine.
  for (let i = 0; i < 600 && !log.includes(text); ++i) await new Promise((r) => setTimeout(r, 50));
  assert.ok(log.includes(text), `no «${text}» in:\n${log}`);
}

before(async () => {
  cpSync(process.env.OTKLIK_CONTENT, join(work, "content"), { recursive: true });
  cpSync(process.env.OTKLIK_TEMPLATES, join(work, "templates"), { recursive: true });
  cpSync(process.env.OTKLIK_DATA, join(work, "data"), { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  serve = spawn(process.env.OTKLIK_BIN, ["serve", "--port", String(port), "--as-of", "2026-11-23"], { cwd: work });
  serve.stderr.on("data", (chunk) => { log += chunk; });
  await waitForLog("Предпросмотр: ");
  browser = await launch();
});

after(async () => {
  await browser.close();
  serve.kill("SIGTERM");
  await new Promise((resolve) => serve.on("exit", resolve));
  rmSync(work, { recursive: true, force: true });
});

/** Opens `path` and waits until its event stream has told it the current build. */
async function open(path) {
  const page = await browser.context.newPage();
  let loads = 0;
  page.on("load", () => { ++loads; });
  await page.goto(origin + path);
  await page.waitForTimeout(500);
  return { page, loads: () => loads };
}

function edit(transform) {
  writeFileSync(service, transform(readFileSync(service, "utf8")));
}

test("a saved description appears in the open page without a reload", async () => {
  const { page, loads } = await open("/services/child-monthly-allowance/");
  await page.evaluate(() => window.scrollTo(0, 400));
  edit((text) => `${text}\nПравка из предпросмотра.\n`);
  await page.waitForFunction(() => document.querySelector("main")?.textContent.includes("Правка из предпросмотра."));
  assert.equal(loads(), 1);
  assert.equal(await page.evaluate(() => window.scrollY), 400);
  await page.close();
});

test("a title change, which is also in the header, swaps the page's body without a reload", async () => {
  const { page, loads } = await open("/services/child-monthly-allowance/");
  await page.evaluate(() => window.scrollTo(0, 300));
  edit((text) => text.replace("title: Ежемесячное пособие на ребёнка", "title: Пособие на ребёнка (предпросмотр)"));
  await page.waitForFunction(() => document.title.startsWith("Пособие на ребёнка (предпросмотр)"));
  const outsideMain = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelector("main").remove();
    return body.textContent;
  });
  assert.match(outsideMain, /Пособие на ребёнка \(предпросмотр\)/);
  assert.equal(loads(), 1);
  assert.equal(await page.evaluate(() => window.scrollY), 300);
  // The accessibility panel's script ran again on the new body: its buttons work.
  await page.click(".access__panel summary");
  await page.click('[data-set="font:large"]');
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-font")), "large");
  assert.equal(await page.getAttribute('[data-set="font:large"]', "aria-pressed"), "true");
  await page.click('[data-set="font:normal"]');
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-font")), null);
  await page.close();
});

test("broken content shows its errors over the last good page, and the fix takes them away", async () => {
  const { page } = await open("/services/child-monthly-allowance/");
  const before = await page.textContent("main");
  edit((text) => text.replace(/^order: (\d+)$/m, "order: [$1"));
  const overlay = page.locator("#otklik-preview-errors");
  await overlay.waitFor();
  assert.equal(await overlay.getAttribute("role"), "alert");
  assert.match(await overlay.locator("pre").textContent(),
               /^content\/services\/child-monthly-allowance\.md:\d+: ошибка в YAML: список в квадратных скобках не закрыт/);
  assert.equal(await page.textContent("main"), before);
  assert.deepEqual(await axeViolations(page), []);
  await overlay.getByRole("button", { name: "Скрыть" }).click();
  assert.ok(await overlay.isHidden());

  edit((text) => text.replace(/^order: \[(\d+)$/m, "order: $1").replace("# Кто может получить", "# Кто получает"));
  await page.waitForFunction(() => document.querySelector("main")?.textContent.includes("Кто получает"));
  assert.ok(await overlay.isHidden());
  await page.close();
});

test("a change of the styles reloads the open page, and a page the save did not touch stays as it is", async () => {
  const { page, loads } = await open("/services/child-monthly-allowance/");
  const other = await open("/touchpoints/mfc/");
  const css = join(work, "templates/assets/style.css");
  writeFileSync(css, `${readFileSync(css, "utf8")}\nh1 { outline: 3px solid rgb(1, 2, 3); }\n`);
  await page.waitForFunction(() => {
    const h1 = document.querySelector("h1");  // none for a moment while the page reloads
    return h1 !== null && getComputedStyle(h1).outlineColor === "rgb(1, 2, 3)";
  });
  assert.equal(loads(), 2);
  await other.page.waitForFunction(() => {
    const h1 = document.querySelector("h1");  // none for a moment while the page reloads
    return h1 !== null && getComputedStyle(h1).outlineColor === "rgb(1, 2, 3)";
  });
  edit((text) => `${text}\nЕщё одна правка.\n`);
  await page.waitForFunction(() => document.querySelector("main")?.textContent.includes("Ещё одна правка."));
  await other.page.waitForTimeout(500);
  assert.equal(other.loads(), 2);  // its own load and the one for the styles
  await page.close();
  await other.page.close();
});

test("a survey page, which runs its own script, is reloaded rather than patched", async () => {
  const { page, loads } = await open("/surveys/service-satisfaction/");
  const survey = join(work, "content/surveys/service-satisfaction.yaml");
  // The introduction is inside <main> only: the page is reloaded for its script, not for its frame.
  writeFileSync(survey, readFileSync(survey, "utf8").replace("Опрос займёт около\n  5 минут.", "Опрос займёт 5 минут."));
  await page.waitForFunction(() => document.querySelector("main")?.textContent.includes("Опрос займёт 5 минут."));
  await page.waitForLoadState("load");
  assert.equal(loads(), 2);
  await page.close();
});
