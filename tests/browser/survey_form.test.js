// The seed-002 reference questionnaire in a real browser: skip rules with
// JavaScript on, every question and its notes with JavaScript off,
// ?service= preselection, checks before sending (a matrix row by row), and
// what gets posted; the script's words (plurals, lists of question numbers)
// come from the catalogue, checked on a form made up for the counts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, pageUrl, captureReceiver, receiverOrigin, siteDir } from "./browser.js";

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

test("a matrix answered in part: only its unanswered rows are invalid, each described by its own error and linked", async () => {
  const page = await openForm();
  for (const row of ["application", "documents", "speed"]) await page.locator(`#q_parameters_${row}_4`).check();
  await page.getByRole("button", { name: "Отправить ответы" }).click();
  const rows = () => page.$$eval("#q_parameters input", (inputs) => inputs.map((input) =>
    [input.id, input.getAttribute("aria-invalid"), input.getAttribute("aria-describedby")]));
  const cells = (row, invalid, described) =>
    [1, 2, 3, 4, 5].map((n) => [`q_parameters_${row}_${n}`, invalid, described]);
  assert.deepEqual(await rows(), [
    ...cells("application", null, null),
    ...cells("status", "true", "q_parameters_status_error"),
    ...cells("documents", null, null),
    ...cells("speed", null, null),
    ...cells("online", "true", "q_parameters_online_error"),
  ]);
  assert.equal(await page.locator("#q_parameters_status_error").innerText(), "Оцените строку «Информирование о статусе услуги».");
  const link = page.getByRole("link", { name: "Вопрос 9. Оцените строку «Информирование о статусе услуги»." });
  assert.equal(await link.getAttribute("href"), "#q_parameters_status_1");
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "q_parameters_status_1", "the link lands on its row");
  assert.equal(await page.locator("#q_parameters legend").isVisible(), true);

  await page.locator("#q_parameters_status_2").check();
  await page.getByRole("button", { name: "Отправить ответы" }).click();
  assert.deepEqual((await rows()).filter(([, invalid]) => invalid), cells("online", "true", "q_parameters_online_error"));
  assert.equal(await page.locator("#q_parameters_status_error").isVisible(), false);
  await page.close();
});

test("the script writes no words of its own: no Cyrillic in survey.js, its messages are the catalogue's", async () => {
  const script = readFileSync(join(siteDir, "assets/survey.js"), "utf8");
  assert.deepEqual(script.match(/[\u0400-\u04FF]+/g), null);
  const page = await openForm();
  const messages = await page.locator("[data-survey-form]").evaluate((form) =>
    Object.fromEntries(Object.entries(form.dataset).filter(([key]) => key.startsWith("msg"))));
  assert.deepEqual(messages, {
    msgRequired: "Ответьте на этот вопрос.",
    msgRow: "Оцените строку «{row}».",
    msgMaxOne: "Выберите не более одного варианта.",
    msgMax: "Выберите не более {max} {options}.",
    msgOptions: "варианта|вариантов|вариантов",
    msgLink: "Вопрос {number}. {message}",
    msgCount: "Ответы не отправлены: исправьте {count} {errors}.",
    msgErrors: "ошибку|ошибки|ошибок",
    msgShown: "Появился {count} новый вопрос: {numbers}.|Появились {count} новых вопроса: {numbers}.|" +
              "Появились {count} новых вопросов: {numbers}.",
    msgSkipped: "Пропущен {count} вопрос, который к вам не относится: {numbers}.|" +
                "Пропущены {count} вопроса, которые к вам не относятся: {numbers}.|" +
                "Пропущены {count} вопросов, которые к вам не относятся: {numbers}.",
    msgComma: "{list}, {item}",
    msgAnd: "{list} и {item}",
    msgRange: "{from}–{to}",
  });
  await page.close();
});

// A made-up form in the reference survey's page (its form element, so the
// catalogue's messages, summary and status region are the real ones), made
// for the counts where Russian plurals differ (1, 21 · 2–4, 22 · 5–20, 11):
// question 1 jumps to 4, 5, 13, 23 or past the end; 2–22 are to answer;
// 23–25 are check boxes capped at 1, 2 and 21 answers, 23 asked only after
// «on» or «to13».
function madeUpQuestions() {
  const error = (n) => `<legend>${n}</legend><p class="question__error" id="q_s${n}_error" hidden></p>`;
  const radio = (n, options) =>
    `<fieldset class="question" id="q_s${n}" data-question="s${n}" data-number="${n}" data-kind="single">${error(n)}` +
    options.map(([value, jump]) => `<input type="radio" id="q_s${n}_${value}" name="s${n}" value="${value}"` +
                                   `${jump ? ` data-goto="${jump}"` : ""} aria-label="${value}">`).join("") +
    "</fieldset>";
  const capped = (n, max, count, showIf = "") =>
    `<fieldset class="question" id="q_s${n}" data-question="s${n}" data-number="${n}" data-kind="multiple" ` +
    `data-max="${max}"${showIf}>${error(n)}` +
    Array.from({ length: count }, (_, i) => `<input type="checkbox" id="q_s${n}_${i}" name="s${n}" value="${i}" ` +
                                            `aria-label="${i}">`).join("") + "</fieldset>";
  return [
    radio(1, [["on"], ["to4", "s4"], ["to5", "s5"], ["to13", "s13"], ["to23", "s23"], ["end", "end"]]),
    ...Array.from({ length: 21 }, (_, i) => radio(i + 2, [["yes"]])),
    capped(23, 1, 2, ' data-show-if="s1" data-show-if-answers="on to13"'), capped(24, 2, 3), capped(25, 21, 22),
  ].join("");
}

test("the script's sentences take the Russian plural for each count and name questions in ranges", async () => {
  const page = await openForm();
  await page.locator("[data-survey-form]").evaluate((old, questions) => {
    const form = old.cloneNode(false);  // the same data-msg-* attributes
    form.append(old.querySelector("[data-error-summary]"), old.querySelector("[data-skip-status]"));
    form.insertAdjacentHTML("beforeend", questions + "<button type=submit>go</button>");
    old.replaceWith(form);
  }, madeUpQuestions());
  await page.addScriptTag({ content: readFileSync(join(siteDir, "assets/survey.js"), "utf8") });
  const said = [];
  for (const answer of ["to23", "on", "to4", "to5", "on", "to13", "end", "to5", "to4", "on"]) {
    await page.locator(`#q_s1_${answer}`).check();
    said.push(await page.locator("[data-skip-status]").textContent());
  }
  assert.deepEqual(said, [
    "Пропущен 21 вопрос, который к вам не относится: 2–22.",
    "Появились 22 новых вопроса: 2–23.",
    "Пропущены 3 вопроса, которые к вам не относятся: 2, 3 и 23.",
    "Пропущен 1 вопрос, который к вам не относится: 4.",
    "Появились 4 новых вопроса: 2–4 и 23.",
    "Пропущены 11 вопросов, которые к вам не относятся: 2–12.",
    "Пропущены 13 вопросов, которые к вам не относятся: 13–25.",
    "Появились 20 новых вопросов: 5–22, 24 и 25.",
    "Появился 1 новый вопрос: 4.",
    "Появились 3 новых вопроса: 2, 3 и 23.",
  ]);

  for (const n of [2, 3, 4]) await page.locator(`#q_s${n}_yes`).check();
  for (const box of await page.locator("[data-kind=multiple] input").all()) await box.check();
  await page.getByRole("button", { name: "go" }).click();
  assert.equal(await page.locator("[data-error-count]").textContent(), "Ответы не отправлены: исправьте 21 ошибку.");
  const links = await page.locator("[data-error-summary] a").allTextContents();
  assert.equal(links.length, 21);
  assert.deepEqual(links.slice(17), [
    "Вопрос 22. Ответьте на этот вопрос.",
    "Вопрос 23. Выберите не более одного варианта.",
    "Вопрос 24. Выберите не более 2 вариантов.",
    "Вопрос 25. Выберите не более 21 варианта.",
  ]);
  await page.locator("#q_s5_yes").check();
  await page.getByRole("button", { name: "go" }).click();
  assert.equal(await page.locator("[data-error-count]").textContent(), "Ответы не отправлены: исправьте 20 ошибок.");
  await page.locator("#q_s1_to23").check();
  await page.getByRole("button", { name: "go" }).click();
  assert.equal(await page.locator("[data-error-count]").textContent(), "Ответы не отправлены: исправьте 2 ошибки.");
  await page.close();
});
