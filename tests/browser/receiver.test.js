// The seed-002 questionnaire answered for real: with the keyboard only
// (skip logic on), and with JavaScript off, posted to the real receiver
// run.sh started, ending on the thank-you page; a rebuild then counts the
// new responses. The receiver's error page for an incomplete answer passes
// axe too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axeViolations } from "./a11y.js";
import { launch, receiverOrigin, serveSite } from "./browser.js";

const FORM = "/surveys/service-satisfaction/";
// The demo site in both its languages: where each one's pages are, its thanks and its submit button.
const LANGUAGES = [
  { code: "ru", prefix: "", thanks: /Спасибо/, submit: "Отправить ответы" },
  { code: "tt", prefix: "/tt", thanks: /Рәхмәт/, submit: "Җавапларны җибәрергә" },
];
const port = Number(process.env.OTKLIK_SITE_PORT);
let site;

before(async () => {
  site = await serveSite({ port });
  rebuild();
});
after(async () => { await site.close(); });

// Rebuilds go to a folder of their own: the other tests keep reading the site (and its search index).
const rebuilt = mkdtempSync(join(tmpdir(), "otklik-rebuilt-"));
after(() => rmSync(rebuilt, { recursive: true, force: true }));

/** Responses to external surveys read by the last build, from the methodology page's figure. */
function responsesOnSite(dir = rebuilt) {
  const html = readFileSync(join(dir, "site/results/methodology/index.html"), "utf8");
  return Number(html.match(/<data value="(\d+)" data-key="responses\/public">/)[1]);
}

/** The response stored last: the newest line of the newest segment the receiver wrote. */
function lastStored() {
  const segments = readdirSync(join(process.env.OTKLIK_DATA, "responses", "service-satisfaction"))
    .filter((name) => !name.endsWith(".demo.jsonl"))
    .map((name) => join(process.env.OTKLIK_DATA, "responses", "service-satisfaction", name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  const lines = readFileSync(segments.at(-1), "utf8").trim().split("\n");
  return JSON.parse(lines.at(-1));
}

function rebuild() {
  execFileSync(process.env.OTKLIK_BIN, ["build", "--quiet", "--content", process.env.OTKLIK_CONTENT,
    "--templates", process.env.OTKLIK_TEMPLATES, "--data", process.env.OTKLIK_DATA, "--out", join(rebuilt, "site"),
    "--internal", join(rebuilt, "internal"), "--as-of", "2026-11-23"]);
}

/** Presses Tab until the focused element satisfies `is` (given the element); fails after 200 presses. */
async function tabTo(page, is, what) {
  for (let i = 0; i < 200; ++i) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(is)) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

/** Chooses `value` in the radio group `name` with the keyboard: Tab into the group, arrows to the value. */
async function chooseRadio(page, name, value) {
  await tabTo(page, `document.activeElement.name === ${JSON.stringify(name)}`, `the group ${name}`);
  const values = await page.$$eval(`input[type=radio][name="${name}"]`, (inputs) => inputs.map((i) => i.value));
  const index = values.indexOf(value);
  if (index === 0) await page.keyboard.press("Space");
  for (let i = 0; i < index; ++i) await page.keyboard.press("ArrowDown");
  assert.equal(await page.$eval(`input[type=radio][name="${name}"]:checked`, (i) => i.value), value);
}

async function tick(page, id) {
  await tabTo(page, `document.activeElement.id === ${JSON.stringify(id)}`, id);
  await page.keyboard.press("Space");
  assert.equal(await page.$eval(`#${id}`, (i) => i.checked), true);
}

for (const language of LANGUAGES) {
test(`the reference survey answered with the keyboard only (${language.code}) reaches the receiver and the thank-you page`, async (t) => {
  const before = responsesOnSite();
  const browser = await launch();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10000);
  await page.goto(`${site.origin}${language.prefix}${FORM}?service=housing-subsidy`);
  await tick(page, "q_info-source_1");
  await chooseRadio(page, "overall", "4");
  await chooseRadio(page, "channel", "office");  // jumps over question 5
  await chooseRadio(page, "initiative", "requested");
  await chooseRadio(page, "provided", "yes");  // jumps to question 9
  for (const row of ["application", "status", "documents", "speed", "online"]) {
    await chooseRadio(page, `parameters.${row}`, "5");
  }
  await chooseRadio(page, "staff", "no-contact");
  await chooseRadio(page, "timing", "satisfied");
  await tabTo(page, "document.activeElement.type === 'submit'", "the submit button");
  await Promise.all([page.waitForURL(`${site.origin}${language.prefix}${FORM}thanks/`), page.keyboard.press("Enter")]);
  assert.match(await page.locator("h1").innerText(), language.thanks);
  assert.equal(lastStored().lang, language.code === "ru" ? undefined : language.code);

  rebuild();
  assert.equal(responsesOnSite(), before + 1);  // counted once, with the answers in every other language
});

test(`the same survey with JavaScript off (${language.code}): every question shown, the answer accepted`, async (t) => {
  const before = responsesOnSite();
  const browser = await launch({ javaScript: false });
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10000);
  await page.goto(`${site.origin}${language.prefix}${FORM}`);
  await page.locator("#q_service_input").selectOption("social-contract");
  await page.locator("#q_info-source_4").check();
  await page.locator("#q_overall_2").check();
  await page.locator("#q_channel input[value=mfc]").check();
  await page.locator("#q_initiative input[value=offered]").check();
  await page.locator("#q_provided input[value=no]").check();
  await page.locator("#q_informing input[value=dissatisfied]").check();
  await page.locator("#q_refusal-info input[value=no]").check();
  for (const row of ["application", "status", "documents", "speed", "online"]) {
    await page.locator(`#q_parameters_${row}_2`).check();
  }
  await page.locator("#q_staff input[value=dissatisfied]").check();
  await page.locator("#q_timing input[value=dissatisfied]").check();
  await Promise.all([page.waitForURL(`${site.origin}${language.prefix}${FORM}thanks/`),
                     page.getByRole("button", { name: language.submit }).click()]);
  assert.equal(lastStored().lang, language.code === "ru" ? undefined : language.code);
  rebuild();
  assert.equal(responsesOnSite(), before + 1);
});
}

test("an incomplete answer without JavaScript gets the receiver's error page, which passes axe", async (t) => {
  const plain = await launch({ javaScript: false });
  t.after(() => plain.close());
  const page = await plain.context.newPage();
  page.setDefaultTimeout(10000);
  await page.goto(`${site.origin}${FORM}`);
  const [response] = await Promise.all([page.waitForNavigation(),
                                        page.getByRole("button", { name: "Отправить ответы" }).click()]);
  assert.equal(response.status(), 400);
  assert.equal(page.url(), `${receiverOrigin}/surveys/service-satisfaction`);
  assert.equal(await page.locator("h1").innerText(), "Проверьте ответы");
  const html = await page.content();
  // axe runs as a script in the page: check the same page in a browser with JavaScript on.
  const browser = await launch();
  t.after(() => browser.close());
  const checked = await browser.context.newPage();
  await checked.goto(`${receiverOrigin}/healthz`);
  await checked.setContent(html, { waitUntil: "load" });
  assert.deepEqual(await axeViolations(checked), []);
});
