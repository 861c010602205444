// The survey forms as a screen reader gets them: Chromium's accessibility
// tree (roles, names, descriptions, required, invalid and live states, read
// over the DevTools protocol) of the reference survey, its embedded form and
// an internal staff survey. Each question is a group named by its text and
// each control by its option; required questions, and only they, are
// required; after a partial submit only the missing answers are invalid and
// the error summary is a focused region named by its heading; a jump is
// announced in a polite status region. axe-core (the suite's tags) finds
// nothing on the page with the errors shown or after a jump.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { axeViolations } from "./a11y.js";
import { browserAndSite } from "./browser.js";

const FORM = "/surveys/service-satisfaction/";
const EMBED = "/surveys/service-satisfaction/embed/";
// The internal output is a folder staff open from a file share or an intranet server.
const STAFF = pathToFileURL(join(process.env.OTKLIK_INTERNAL, "surveys/staff-2026/index.html")).href;
const SUBMIT = { name: "Отправить ответы" };

const shared = browserAndSite();
let page;  // one page, reused by every test (closed with the browser)

async function open(url) {
  if (!page) {
    page = await shared.browser.context.newPage();
    page.setDefaultTimeout(5000);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await page.goto(url);
  return page;
}

/**
 * Chromium's accessibility tree, as assistive technology receives it, for
 * every element of the page with an id: its role, name, description and
 * states, and whether the page marks it aria-required. Map from the id.
 */
async function tree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const byBackendId = new Map(nodes.map((node) => [node.backendDOMNodeId, node]));
  const byId = new Map();
  (function walk(element) {
    const attributes = new Map();
    for (let i = 0; i < (element.attributes || []).length; i += 2) {
      attributes.set(element.attributes[i], element.attributes[i + 1]);
    }
    const node = byBackendId.get(element.backendNodeId);
    if (attributes.has("id") && node) byId.set(attributes.get("id"), states(node, attributes));
    (element.children || []).forEach(walk);
  })(root);
  return byId;
}

function states(node, attributes) {
  const property = (name) => node.properties?.find((p) => p.name === name)?.value.value;
  return {
    ignored: node.ignored,
    role: node.role?.value,
    name: node.name?.value ?? "",
    description: node.description?.value ?? "",
    required: property("required") === true,
    invalid: property("invalid") === "true",
    live: property("live"),
    ariaRequired: attributes.get("aria-required") === "true",
  };
}

/** Whether a screen reader gets the element at all. */
const shown = (ax, id) => ax.has(id) && !ax.get(id).ignored;

/** Ids of the elements of `ax` (shown to assistive technology) that have the state. */
const withState = (ax, state) => [...ax].filter(([, node]) => node[state] && !node.ignored).map(([id]) => id);

/** [id, role, name, marked aria-required] of each id, to compare with a table of questions. */
const questionsIn = (ax, ids) => ids.map((id) => [id, ax.get(id)?.role, ax.get(id)?.name, ax.get(id)?.ariaRequired]);

/** The ids `q_<question>_1` … `q_<question>_<n>` of a question's options or a matrix row's cells. */
const ids = (question, n) => Array.from({ length: n }, (_, i) => `q_${question}_${i + 1}`);

/** axe (the suite's tags) over the whole page, the form in its current state included. */
const axe = (page) => axeViolations(page);

const summaryLinks = (page) =>
  page.getByRole("region", { name: "Проверьте ответы" }).getByRole("link").evaluateAll((links) =>
    links.map((link) => [link.textContent, link.getAttribute("href")]));

const hasFocus = (locator) => locator.evaluate((element) => element === document.activeElement);

// The reference survey's questions as announced: the element a screen reader
// names the question by, its role, its name, and whether it is required.
// A multiple choice (question 2) is a plain group: ARIA gives a group no
// required state, and Chromium passes none on for a checkbox (each box
// marked required would mean each must be ticked); its obligation is the
// form's note «Все вопросы обязательны, кроме отмеченных…». A matrix is a
// group of rows, each row a radio group of its own.
const REFERENCE = [
  ["q_service_input", "combobox", "1. Укажите наименование государственной услуги или меры социальной поддержки, которая вам была предоставлена", true],
  ["q_info-source", "group", "2. Где вы получили информацию о данной государственной услуге или мере социальной поддержки?", false],
  ["q_overall", "radiogroup", "3. Насколько вы были удовлетворены государственной услугой или мерой социальной поддержки, которая вам была предоставлена?", true],
  ["q_channel", "radiogroup", "4. Каким образом вы получили данную государственную услугу или меру социальной поддержки?", true],
  ["q_online-service", "radiogroup", "5. Насколько вы удовлетворены работой использованного сервиса (портала Госуслуг)?", true],
  ["q_initiative", "radiogroup", "6. Как была предоставлена государственная услуга или мера социальной поддержки?", true],
  ["q_provided", "radiogroup", "7. Была ли предоставлена государственная услуга или мера социальной поддержки?", true],
  ["q_informing", "radiogroup", "8. Вы скорее удовлетворены или скорее не удовлетворены полнотой (достаточностью) информирования о порядке предоставления государственной услуги или меры социальной поддержки?", true],
  ["q_parameters", "group", "9. Насколько вы удовлетворены следующими параметрами получения государственной услуги или меры социальной поддержки?", false],
  ["q_parameters_application", "radiogroup", "Понятность и удобство подачи заявления", true],
  ["q_parameters_status", "radiogroup", "Информирование о статусе услуги", true],
  ["q_parameters_documents", "radiogroup", "Оптимальность количества необходимых документов", true],
  ["q_parameters_speed", "radiogroup", "Оперативность получения услуги", true],
  ["q_parameters_online", "radiogroup", "Возможность получить услугу в электронном виде", true],
  ["q_staff", "radiogroup", "10. Вы скорее удовлетворены или скорее не удовлетворены взаимодействием с представителями учреждения (вежливостью и компетентностью тех, кто работал с вашим заявлением)?", true],
  ["q_timing", "radiogroup", "11. Вы скорее удовлетворены или скорее не удовлетворены установленными сроками оказания государственной услуги или меры социальной поддержки?", true],
  ["q_sex", "radiogroup", "13. Ваш пол (необязательный)", false],
  ["q_age", "radiogroup", "14. Укажите, пожалуйста, ваш возраст (необязательный)", false],
  ["q_education", "radiogroup", "15. Укажите, пожалуйста, ваше образование (необязательный)", false],
  ["q_proposals_input", "textbox", "16. Что, по вашему мнению, нужно изменить в первую очередь? (необязательный)", false],
];
const REQUIRED = REFERENCE.filter(([, , , required]) => required).map(([id]) => id);

/** Asserts the questions, the required states and every option's name in the tree of a page of the reference form. */
async function assertReferenceTree(page) {
  const ax = await tree(page);
  assert.deepEqual(questionsIn(ax, REFERENCE.map(([id]) => id)), REFERENCE);
  assert.equal(shown(ax, "q_refusal-info"), false, "question 12 waits for a refusal, hidden from everyone");
  assert.deepEqual(withState(ax, "ariaRequired"), REQUIRED, "aria-required once per question, on its group or its control");
  // What Chromium passes on: it keeps no required state for a select element (not even for a
  // native «required»), so question 1 carries only the attribute.
  assert.deepEqual(withState(ax, "required"), REQUIRED.filter((id) => id !== "q_service_input"));
  // Each radio button and check box is named by its option's words: its label, or a matrix cell's label.
  const options = await page.$$eval("[data-question]:not([hidden]) :is([type=radio], [type=checkbox])", (inputs) =>
    inputs.map((input) => [input.id, input.getAttribute("aria-label") ||
                                       document.querySelector(`label[for="${input.id}"]`).textContent]));
  assert.equal(options.length, 6 + 5 + 3 + 5 + 2 + 2 + 3 + 25 + 4 + 3 + 2 + 4 + 5);
  assert.deepEqual(options.map(([id]) => [id, ax.get(id).name]), options);
  return ax;
}

test("the reference form: each question a group named by its text, each control by its option, required ones required", async () => {
  const page = await open(shared.site.origin + FORM);
  const ax = await assertReferenceTree(page);
  const named = (...list) => list.map((id) => [ax.get(id).role, ax.get(id).name]);
  assert.deepEqual(named("q_channel_1", "q_channel_2", "q_channel_3"), [
    ["radio", "Через Единый портал государственных и муниципальных услуг (gosuslugi.ru)"],
    ["radio", "При непосредственном обращении в учреждение социальной защиты населения"],
    ["radio", "При личном обращении в многофункциональный центр (МФЦ)"],
  ]);
  assert.deepEqual(named("q_overall_1", "q_overall_2", "q_overall_5", "q_info-source_1", "q_parameters_status_3", "q_sex_2"), [
    ["radio", "1 — полностью не удовлетворён(-а)"], ["radio", "2"], ["radio", "5 — полностью удовлетворён(-а)"],
    ["checkbox", "На портале Госуслуг"], ["radio", "Информирование о статусе услуги: 3 из 5"], ["radio", "Женский"],
  ]);
  assert.equal(ax.get("q_overall").description, "1 — полностью не удовлетворён(-а), 5 — полностью удовлетворён(-а).");
  assert.equal(ax.get("q_parameters").description,
               "Оцените каждую строку. 1 — полностью не удовлетворён(-а), 5 — полностью удовлетворён(-а).");
  assert.equal(ax.get("q_proposals_input").description,
               "Не указывайте имя, адрес, телефон и другие личные данные. Текст ответов не публикуется. Не более 1000 знаков.");
  assert.deepEqual(withState(ax, "invalid"), [], "nothing is invalid before the respondent sends");
});

test("after a partial submit only the missing answers are invalid; the summary is a focused region named by its heading", async () => {
  const page = await open(shared.site.origin + FORM);
  await page.locator("#q_service_input").selectOption("housing-subsidy");
  await page.locator("#q_overall_4").check();
  await page.locator("#q_channel_1").check();
  for (const row of ["application", "documents", "speed"]) await page.locator(`#q_parameters_${row}_5`).check();
  await page.getByRole("button", SUBMIT).click();

  const summary = page.getByRole("region", { name: "Проверьте ответы" });
  assert.equal(await hasFocus(summary), true, "the summary has the focus, so it is read out");
  const ax = await tree(page);
  assert.equal(ax.get("survey-errors").description, "Ответы не отправлены: исправьте 9 ошибок.");
  assert.deepEqual(withState(ax, "invalid"), [
    ...ids("info-source", 6), ...ids("online-service", 5), ...ids("initiative", 2), ...ids("provided", 2),
    ...ids("informing", 3), ...ids("parameters_status", 5), ...ids("parameters_online", 5), ...ids("staff", 4),
    ...ids("timing", 3),
  ]);
  assert.equal(ax.get("q_parameters_status_2").description, "Оцените строку «Информирование о статусе услуги».");
  assert.equal(ax.get("q_parameters_online_5").description, "Оцените строку «Возможность получить услугу в электронном виде».");
  assert.equal(ax.get("q_parameters_speed_2").description, "");
  assert.equal(ax.get("q_staff_1").description, "Ответьте на этот вопрос.");

  assert.deepEqual(await summaryLinks(page), [
    ["Вопрос 2. Ответьте на этот вопрос.", "#q_info-source_1"],
    ["Вопрос 5. Ответьте на этот вопрос.", "#q_online-service_1"],
    ["Вопрос 6. Ответьте на этот вопрос.", "#q_initiative_1"],
    ["Вопрос 7. Ответьте на этот вопрос.", "#q_provided_1"],
    ["Вопрос 8. Ответьте на этот вопрос.", "#q_informing_1"],
    ["Вопрос 9. Оцените строку «Информирование о статусе услуги».", "#q_parameters_status_1"],
    ["Вопрос 9. Оцените строку «Возможность получить услугу в электронном виде».", "#q_parameters_online_1"],
    ["Вопрос 10. Ответьте на этот вопрос.", "#q_staff_1"],
    ["Вопрос 11. Ответьте на этот вопрос.", "#q_timing_1"],
  ]);
  assert.deepEqual(await axe(page), [], "errors shown");
});

test("a jump is announced in words in a polite status region", async () => {
  const page = await open(shared.site.origin + FORM);
  const status = page.getByRole("status");
  const region = (await tree(page)).get("survey-skip-status");
  assert.deepEqual([region.role, region.live, await status.textContent()], ["status", "polite", ""]);
  await page.getByRole("radio", { name: "При личном обращении в многофункциональный центр (МФЦ)" }).check();
  assert.equal(await status.ariaSnapshot(), '- status: "Пропущен 1 вопрос, который к вам не относится: 5."');
  await page.getByRole("radio", { name: "Да, услуга предоставлена" }).check();
  assert.equal(await status.textContent(), "Пропущен 1 вопрос, который к вам не относится: 8.");
  await page.getByRole("radio", { name: "Нет, услуга не предоставлена" }).check();
  assert.equal(await status.textContent(), "Появились 2 новых вопроса: 8 и 12.");
  const ax = await tree(page);
  assert.deepEqual(["q_online-service", "q_informing", "q_refusal-info"].map((id) => shown(ax, id)), [false, true, true]);
  assert.deepEqual(await axe(page), [], "after the jumps");
});

test("the embedded form is the same form: its tree, its summary and axe", async () => {
  const page = await open(shared.site.origin + EMBED);
  await assertReferenceTree(page);
  await page.getByRole("button", SUBMIT).click();
  const summary = page.getByRole("region", { name: "Проверьте ответы" });
  assert.equal(await hasFocus(summary), true);
  const ax = await tree(page);
  assert.equal(ax.get("survey-errors").description, "Ответы не отправлены: исправьте 15 ошибок.");
  assert.deepEqual(withState(ax, "invalid"), [
    "q_service_input", ...ids("info-source", 6), ...ids("overall", 5), ...ids("channel", 3),
    ...ids("online-service", 5), ...ids("initiative", 2), ...ids("provided", 2), ...ids("informing", 3),
    ...["application", "status", "documents", "speed", "online"].flatMap((row) => ids(`parameters_${row}`, 5)),
    ...ids("staff", 4), ...ids("timing", 3),
  ]);
  assert.deepEqual(await axe(page), []);
});

test("the internal staff survey: a matrix of nine rows, each a required radio group, its own errors", async () => {
  const page = await open(STAFF);
  const rows = ["equipment", "regulation", "automation", "cooperation", "development", "promotion", "colleagues",
                "hr-requests", "rulemaking"];
  let ax = await tree(page);
  assert.deepEqual(questionsIn(ax, ["q_overall", "q_aspects", "q_aspects_cooperation", "q_workload", "q_proposals_input"]), [
    ["q_overall", "radiogroup", "1. Насколько вы в целом удовлетворены работой в министерстве?", true],
    ["q_aspects", "group", "2. Насколько вы удовлетворены следующими сторонами работы?", false],
    ["q_aspects_cooperation", "radiogroup",
     "Взаимодействие с подразделениями, другими органами власти, организациями и гражданами", true],
    ["q_workload", "radiogroup",
     "3. Вы скорее удовлетворены или скорее не удовлетворены распределением нагрузки в вашем подразделении?", true],
    ["q_proposals_input", "textbox", "4. Что нужно изменить в первую очередь? (необязательный)", false],
  ]);
  assert.deepEqual(withState(ax, "required"), ["q_overall", ...rows.map((row) => `q_aspects_${row}`), "q_workload"]);

  await page.locator("#q_overall_3").check();
  for (const row of rows.filter((row) => row !== "automation" && row !== "rulemaking")) {
    await page.locator(`#q_aspects_${row}_4`).check();
  }
  await page.getByRole("button", SUBMIT).click();
  ax = await tree(page);
  assert.deepEqual(withState(ax, "invalid"), [...ids("aspects_automation", 5), ...ids("aspects_rulemaking", 5),
                                              ...ids("workload", 3)]);
  assert.equal(ax.get("q_aspects_automation_1").description, "Оцените строку «Автоматизация профессиональной деятельности».");
  assert.deepEqual(await summaryLinks(page), [
    ["Вопрос 2. Оцените строку «Автоматизация профессиональной деятельности».", "#q_aspects_automation_1"],
    ["Вопрос 2. Оцените строку «Нормотворчество, оформление и исполнение договоров».", "#q_aspects_rulemaking_1"],
    ["Вопрос 3. Ответьте на этот вопрос.", "#q_workload_1"],
  ]);
  assert.equal(ax.get("survey-errors").description, "Ответы не отправлены: исправьте 3 ошибки.");
  assert.deepEqual(await axe(page), []);
});
