// The paper questionnaires printed as a person prints them: Chromium's
// headless print-to-pdf of the page, then the PDF read with poppler-utils
// (pdfinfo, pdftotext): A4 sheets, how many, and the text a respondent and
// the person typing the answers in need — every question, the whole service
// list, the jumps, the date field, the page numbers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { siteDir } from "./browser.js";

const internalDir = process.env.OTKLIK_INTERNAL;

/** Prints `file` with Chromium's own print-to-pdf; returns { pages, width, height, text } of the PDF. */
function print(file) {
  const dir = mkdtempSync(join(tmpdir(), "otklik-paper-"));
  const pdf = join(dir, "paper.pdf");
  try {
    execFileSync(process.env.CHROMIUM || "/usr/bin/chromium",
                 ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", `--user-data-dir=${join(dir, "profile")}`,
                  "--no-pdf-header-footer", `--print-to-pdf=${pdf}`, pathToFileURL(file).href],
                 { stdio: ["ignore", "ignore", "pipe"], timeout: 120000 });
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf-8" });
    const [, width, height] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
    const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf-8" });
    return { pages, width: Number(width), height: Number(height), text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text with every run of white space made one space, so that wrapped lines compare. */
function flat(text) {
  return text.replace(/\s+/g, " ");
}

/** A4 is 210 × 297 mm: 595.28 × 841.89 pt. */
function assertA4({ width, height }) {
  assert.ok(Math.abs(width - 595.28) < 1 && Math.abs(height - 841.89) < 1, `page size ${width} × ${height} pt`);
}

/** The options of the web form's drop-down list of services (without the «выберите» prompt). */
function webServiceOptions() {
  const page = readFileSync(join(siteDir, "surveys/service-satisfaction/index.html"), "utf-8");
  const select = page.slice(page.indexOf('<select id="q_service_input"'), page.indexOf("</select>"));
  return [...select.matchAll(/<option value="([^"]+)"[^>]*>([^<]*)<\/option>/g)]
    .map((m) => m[2].replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
}

test("the demo's main survey prints on four A4 sheets with every question, every service and the jumps", () => {
  const pdf = print(join(siteDir, "surveys/service-satisfaction/paper/index.html"));
  assertA4(pdf);
  assert.equal(pdf.pages, 4);
  const text = flat(pdf.text);
  for (let page = 1; page <= pdf.pages; ++page) assert.ok(text.includes(`Страница ${page} из ${pdf.pages}`), `page ${page}`);
  assert.ok(text.includes("Дата заполнения:"));
  assert.ok(text.includes("Оценка качества и доступности государственных услуг"));
  // The web form's drop-down of services, printed in full.
  const services = webServiceOptions();
  assert.ok(services.length > 8, `${services.length} services`);
  for (const title of services) assert.ok(text.includes(flat(title)), `service «${title}»`);
  for (let number = 1; number <= 16; ++number) assert.match(text, new RegExp(`(^| )${number}\\. `), `question ${number}`);
  assert.ok(text.includes("Если вы отметили «При непосредственном обращении в учреждение социальной защиты населения» " +
                          "или «При личном обращении в многофункциональный центр (МФЦ)», перейдите к вопросу 6."));
  assert.ok(text.includes("Если вы отметили «Да, услуга предоставлена», перейдите к вопросу 9."));
  assert.ok(text.includes("Опрос анонимный"));
  // Nothing of the screen: no way back, no site navigation.
  assert.ok(!text.includes("Вернуться к опросу"));
});

test("the staff survey prints on A4 from the internal output, its matrix rows whole", () => {
  const pdf = print(join(internalDir, "surveys/staff-2026/paper/index.html"));
  assertA4(pdf);
  assert.equal(pdf.pages, 2);
  const text = flat(pdf.text);
  assert.ok(text.includes("Удовлетворённость сотрудников условиями работы"));
  assert.ok(text.includes("Нормотворчество, оформление и исполнение договоров"));
  assert.ok(text.includes("Дата заполнения:"));
  assert.ok(text.includes("Страница 2 из 2"));
});
