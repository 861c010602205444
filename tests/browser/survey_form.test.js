// The seed-002 reference questionnaire in a real browser: skip rules with
// JavaScript on, every question and its notes with JavaScript off,
// ?service= preselection, checks before sending, and what gets posted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, pageUrl, captureReceiver, receiverOrigin } from "./browser.js";

const FORM = "surveys/service-satisfaction/index.html";
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function openForm(query = "") {
  const page = await browser.context.newPage();
  await page.goto(pageUrl(FORM) + query);
  return page;
}

const visible = (page, id) => page.locator(`#q_${id}`).isVisible();

test("jumps hide the questions they pass over and show them again", async () => {
  const page = await openForm();
  assert.equal(await visible(page, "online-service"), true);
  await page.getByLabel("При личном обращении в многофункциональный центр (МФЦ)").check();
  assert.equal(await visible(page, "online-service"), false, "question 5 is skipped for the MFC");
  await page.getByLabel("Через Единый портал государственных и муниципальных услуг (gosuslugi.ru)").check();
  assert.equal(await visible(page, "online-service"), true);
  await page.close();
});

test("a provided service skips question 8; a refusal asks questions 8 and 12", async () => {
  const page = await openForm();
  assert.equal(await visible(page, "refusal-info"), false, "question 12 waits for a refusal");
  await page.getByLabel("Да, услуга предоставлена").check();
  assert.equal(await visible(page, "informing"), false);
  assert.equal(await visible(page, "refusal-info"), false);
  await page.getByLabel("Нет, услуга не предоставлена").check();
  assert.equal(await visible(page, "informing"), true);
  assert.equal(await visible(page, "refusal-info"), true);
  await page.close();
});

test("the no-JavaScript notes are hidden when the script applies the rules", async () => {
  const page = await openForm();
  assert.equal(await page.locator("[data-skip-note]").first().isVisible(), false);
  await page.close();
});

test("?service= preselects the service", async () => {
  const page = await openForm("?service=housing-subsidy");
  assert.equal(await page.locator("#q_service_input").inputValue(), "housing-subsidy");
  await page.close();
});

test("sending with unanswered questions lists them and sends nothing", async () => {
  const posts = await captureReceiver(browser.context);
  const page = await openForm();
  await page.getByRole("button", { name: "Отправить ответы" }).click();
  const summary = page.locator("[data-error-summary]");
  assert.equal(await summary.isVisible(), true);
  assert.match(await summary.innerText(), /Вопрос 1\. Ответьте на этот вопрос\./);
  assert.equal(await page.locator("#q_overall_error").innerText(), "Ответьте на этот вопрос.");
  assert.equal(await page.locator("#q_overall_1").getAttribute("aria-invalid"), "true");
  assert.equal(posts.length, 0);
  await page.close();
  await browser.context.unrouteAll();
});

test("a complete answer posts only the questions on the respondent's path", async () => {
  const posts = await captureReceiver(browser.context);
  const page = await openForm("?service=housing-subsidy");
  await page.getByLabel("На портале Госуслуг").check();
  await page.locator("#q_overall_4").check();
  await page.getByLabel("При непосредственном обращении в учреждение социальной защиты населения").check();
  await page.getByLabel("Я сам(-а) обратился(-ась) в учреждение").check();
  await page.getByLabel("Да, услуга предоставлена").check();
  for (const row of ["application", "status", "documents", "speed", "online"]) {
    await page.locator(`#q_parameters_${row}_5`).check();
  }
  await page.locator("#q_staff input[value=no-contact]").check();
  await page.locator("#q_timing input[value=satisfied]").check();
  await page.getByRole("button", { name: "Отправить ответы" }).click();
  await page.waitForLoadState();
  assert.equal(posts.length, 1);
  const body = posts[0].body;
  assert.equal(posts[0].method, "POST");
  assert.equal(posts[0].url, `${receiverOrigin}/surveys/service-satisfaction`);
  assert.equal(body.get("service"), "housing-subsidy");
  assert.equal(body.get("_revision"), "2");
  assert.equal(body.get("channel"), "office");
  assert.equal(body.has("online-service"), false, "question 5 was skipped");
  assert.equal(body.has("informing"), false, "question 8 was skipped");
  assert.equal(body.get("parameters.speed"), "5");
  assert.equal(body.get("_contact_email"), "", "the honeypot stays empty");
  await page.close();
  await browser.context.unrouteAll();
});

test("without JavaScript every question and its notes are shown", async () => {
  const plain = await launch({ javaScript: false });
  const page = await plain.context.newPage();
  await page.goto(pageUrl(FORM));
  for (const id of ["online-service", "informing", "refusal-info"]) assert.equal(await visible(page, id), true);
  const notes = await page.locator("[data-skip-note]").allInnerTexts();
  assert.deepEqual(notes, [
    "Если вы выбрали «При непосредственном обращении в учреждение социальной защиты населения» или «При личном " +
      "обращении в многофункциональный центр (МФЦ)», перейдите к вопросу 6.",
    "Если вы выбрали «Да, услуга предоставлена», перейдите к вопросу 9.",
    "Ответьте на этот вопрос, если на вопрос 7 вы ответили «Нет, услуга не предоставлена».",
  ]);
  await plain.close();
});
