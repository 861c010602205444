#include "site/scaffold.h"

#include <algorithm>
#include <optional>

#include "content/document.h"
#include "core/period.h"
#include "model/site_loader.h"
#include "site/content.h"
#include "site/reports.h"

namespace otklik {

namespace {

std::string ServiceText(const Site& site) {
  return "---\n"
         "# Услуга, мера поддержки или функция ведомства.\n"
         "# Все поля описаны в docs/content-format.md; строки после «#» — комментарии.\n"
         "title: Новая услуга                # название, как его знают граждане\n"
         "summary: Кому и зачем нужна эта услуга, в одном предложении.\n"
         "kind: service                      # service, support_measure, control, appeals или information\n"
         "situations: []                     # жизненные ситуации, например [retirement]\n"
         "touchpoints: [" + site.touchpoints().front().id + "]" +
         "              # где её получают: коды из content/touchpoints/\n"
         "order: 1000                        # место в списках: чем меньше, тем выше\n"
         "---\n"
         "Как получить услугу: кто может обратиться, какие документы нужны, в какие сроки\n"
         "принимается решение.\n";
}

std::string SituationText() {
  return "---\n"
         "# Жизненная ситуация: услуги, которые нужны человеку вместе.\n"
         "# Услуги попадают в ситуацию, когда её код указан в их поле situations.\n"
         "title: Новая жизненная ситуация\n"
         "summary: Когда она возникает и что в ней нужно сделать, в одном предложении.\n"
         "order: 1000                        # место в списках: чем меньше, тем выше\n"
         "---\n"
         "С чего начать и в каком порядке обращаться за услугами.\n";
}

std::string TouchpointText() {
  return "---\n"
         "# Точка взаимодействия: где граждане получают услуги.\n"
         "title: Новая точка взаимодействия\n"
         "summary: Что здесь можно сделать, в одном предложении.\n"
         "kind: reception                    # website, portal, social, messenger, hotline, app, email,\n"
         "                                   # reception, mfc, post или outreach\n"
         "address: \"\"                        # адрес, если это офис\n"
         "hours: \"\"                          # часы работы\n"
         "phone: \"\"                          # телефон\n"
         "order: 1000                        # место в списках: чем меньше, тем выше\n"
         "---\n"
         "Как сюда обратиться и что взять с собой.\n";
}

std::string PageText() {
  return "---\n"
         "# Страница сайта с произвольным текстом (Markdown).\n"
         "title: Новая страница\n"
         "summary: О чём эта страница, в одном предложении.\n"
         "menu: false                        # true — показать в главном меню\n"
         "order: 1000                        # место в меню: чем меньше, тем выше\n"
         "---\n"
         "# Заголовок раздела\n"
         "\n"
         "Текст страницы. Списки, таблицы и ссылки пишутся в Markdown.\n";
}

std::string SurveyText(const Date& today) {
  return "# Опрос: анкета, которую сайт покажет формой, а приём ответов проверит.\n"
         "# Виды вопросов и все поля описаны в docs/content-format.md (раздел surveys/).\n"
         "title: Новый опрос\n"
         "summary: О чём опрос, в одном предложении.\n"
         "audience: external                 # external — для граждан, internal — для сотрудников\n"
         "opens: " + today.ToString() + "                  # первый день приёма ответов\n"
         "closes: " + today.AddDays(30).ToString() + "                 # последний день приёма ответов\n"
         "revision: 1                        # номер редакции вопросов; меняйте его, меняя вопросы\n"
         "intro: |\n"
         "  Опрос анонимный: мы не спрашиваем имя, телефон или адрес. Он займёт пару минут.\n"
         "thanks: |\n"
         "  Ваши ответы сохранены. Итоги опроса мы опубликуем на этом сайте.\n"
         "questions:\n"
         "  - id: service                    # какую услугу оценивает человек\n"
         "    kind: service\n"
         "    text: Какую услугу вы получили?\n"
         "\n"
         "  - id: overall                    # общая оценка: по ней считается уровень удовлетворённости\n"
         "    kind: scale\n"
         "    role: overall\n"
         "    text: Насколько вы удовлетворены услугой в целом?\n"
         "    low: совсем не удовлетворён(-а)\n"
         "    high: полностью удовлетворён(-а)\n"
         "\n"
         "  - id: proposals                  # открытый вопрос: тексты не публикуются, только их число\n"
         "    kind: text\n"
         "    required: false\n"
         "    text: Что нам стоит изменить?\n"
         "    hint: Не указывайте имя, адрес, телефон и другие личные данные.\n"
         "    max_length: 1000\n";
}

// The production calendar of 2025–2027: holidays of the Labour Code
// (art. 112), days off moved by the government's decrees and by the rule
// that a holiday on a weekend moves the day off to the next working day.
std::string CalendarText() {
  return "# Производственный календарь: по нему считаются рабочие дни — сроки волн\n"
         "# повторяющихся опросов (waves) и длительность опросов в «otklik check».\n"
         "# Рабочие дни — с понедельника по пятницу, кроме дней из holidays, и субботы\n"
         "# и воскресенья из working_weekends (перенос выходных).\n"
         "#\n"
         "# Каждую осень допишите следующий год по постановлению Правительства РФ о\n"
         "# переносе выходных дней. Региональные нерабочие праздники добавьте в\n"
         "# holidays сами. Формат — в docs/content-format.md (раздел calendar.yaml).\n"
         "\n"
         "2025:\n"
         "  source: постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»\n"
         "  holidays: [\n"
         "    2025-01-01, 2025-01-02, 2025-01-03, 2025-01-04, 2025-01-05, 2025-01-06, 2025-01-07, 2025-01-08,\n"
         "    2025-02-23, 2025-03-08, 2025-05-01, 2025-05-09, 2025-06-12, 2025-11-04,  # праздники (ст. 112 ТК РФ)\n"
         "    2025-05-02, 2025-05-08, 2025-06-13, 2025-11-03, 2025-12-31               # перенесённые выходные\n"
         "  ]\n"
         "  working_weekends: [2025-11-01]   # рабочая суббота: выходной перенесён на 3 ноября\n"
         "\n"
         "2026:\n"
         "  source: постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»\n"
         "  holidays: [\n"
         "    2026-01-01, 2026-01-02, 2026-01-03, 2026-01-04, 2026-01-05, 2026-01-06, 2026-01-07, 2026-01-08,\n"
         "    2026-02-23, 2026-03-08, 2026-05-01, 2026-05-09, 2026-06-12, 2026-11-04,  # праздники (ст. 112 ТК РФ)\n"
         "    2026-01-09, 2026-12-31,   # перенос выходных 3 и 4 января\n"
         "    2026-03-09, 2026-05-11    # праздники 8 марта и 9 мая пришлись на выходные\n"
         "  ]\n"
         "  working_weekends: []\n"
         "\n"
         "2027:\n"
         "  source: статья 112 ТК РФ; постановление о переносе выходных дней в 2027 году сверьте и внесите сами\n"
         "  holidays: [\n"
         "    2027-01-01, 2027-01-02, 2027-01-03, 2027-01-04, 2027-01-05, 2027-01-06, 2027-01-07, 2027-01-08,\n"
         "    2027-02-23, 2027-03-08, 2027-05-01, 2027-05-09, 2027-06-12, 2027-11-04,  # праздники (ст. 112 ТК РФ)\n"
         "    2027-05-03, 2027-05-10, 2027-06-14   # праздники 1 мая, 9 мая и 12 июня пришлись на выходные\n"
         "    # Выходные 2 и 3 января (суббота и воскресенье) постановление Правительства\n"
         "    # переносит на другие дни: допишите их сюда, когда оно выйдет.\n"
         "  ]\n"
         "  working_weekends: []\n";
}

// The evidence a new decision starts with: a survey's overall (or any
// scale) question in the last complete quarter, else an appeal topic in the
// latest quarter with records.
std::optional<std::string> EvidenceText(const Site& site, const Appeals& appeals, const Date& today) {
  for (const Survey& survey : site.surveys()) {
    if (survey.audience != Audience::kExternal) continue;
    for (const Question& question : survey.questions) {
      if (question.kind != QuestionKind::kScale) continue;
      return "  - survey: " + survey.id + "            # опрос…\n"
             "    question: " + question.id + "          # …его вопрос с оценкой (или строка таблицы: row)…\n"
             "    period: " + LastCompleteQuarter(today).Key() + "            # …и период: квартал, полугодие (2026-h1) или год\n";
    }
  }
  if (!appeals.quarters.empty()) {
    const AppealQuarter& quarter = appeals.quarters.back();
    return "  - topic: \"" + ClassifierSections().front().code + "\"           # тема обращений по классификатору…\n"
           "    quarter: " + std::to_string(quarter.year) + "-q" + std::to_string(quarter.quarter) +
           "            # …и квартал с записями в appeals/\n";
  }
  return std::nullopt;
}

std::string DecisionText(const Site& site, const std::string& evidence, const Date& today) {
  return "---\n"
         "# Строка карты болей: проблема, которую показали отзывы, и что с ней делается.\n"
         "# Все поля описаны в docs/content-format.md (раздел «Decisions: the pain map»).\n"
         "title: Опишите проблему одним предложением\n"
         "service: " + site.services().front().id + "            # услуга (процесс), к которой относится проблема\n"
         "situations: []                     # жизненные ситуации, если нужно\n"
         "touchpoints: []                    # точки взаимодействия, если нужно\n"
         "identified: " + today.ToString() + "             # когда проблема внесена в карту\n"
         "priority: medium                   # high, medium или low\n"
         "prevalence:                        # сколько людей с ней столкнулись\n"
         "  count: 1                         # респондентов или обращений с проблемой…\n"
         "  base: 10                         # …из стольких\n"
         "  unit: respondents                # respondents или appeals\n"
         "evidence:                          # на чём основано: вопрос опроса или тема обращений\n" +
         evidence +
         "measures:                          # что будет сделано\n"
         "  - id: first-step\n"
         "    title: Опишите мероприятие\n"
         "    kind: process                  # process, site, portal, regulation или act\n"
         "    responsible: Название подразделения\n"
         "    deadline: " + today.AddDays(90).ToString() + "\n"
         "    history:                       # добавляйте строку при каждом изменении статуса\n"
         "      - {date: " + today.ToString() + ", status: planned}   # planned, in-progress, done, cancelled (с note)\n"
         "---\n"
         "Что говорили граждане и что выяснили сотрудники.\n";
}

bool CreateCalendar(FileSystem& fs, const std::string& content_dir, const std::string& name, std::string* written,
                    Diagnostics* diagnostics) {
  if (!name.empty()) {
    diagnostics->Add("", 0, "у календаря нет кода: он всегда в файле calendar.yaml; запустите «otklik new calendar»");
    return false;
  }
  const std::string path = JoinPath(content_dir, "calendar.yaml");
  if (fs.IsFile(path)) {
    diagnostics->Add(path, 0, "файл уже есть: допишите в него новый год или измените его");
    return false;
  }
  if (Status status = fs.ReplaceFile(path, CalendarText()); !status.ok()) {
    diagnostics->Add("", 0, status.message());
    return false;
  }
  *written = path;
  return true;
}

}  // namespace

const std::vector<std::string>& ScaffoldKindNames() {
  static const std::vector<std::string> kNames = {"service", "situation", "touchpoint", "survey",
                                                  "decision", "page",      "calendar"};
  return kNames;
}

bool CreateScaffold(FileSystem& fs, const std::string& content_dir, const std::string& kind, const std::string& name,
                    const Date& today, std::string* written, Diagnostics* diagnostics) {
  const std::vector<std::string>& kinds = ScaffoldKindNames();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    diagnostics->Add("", 0, "неизвестный вид «" + kind + "»; можно создать: service, situation, touchpoint, survey, "
                            "decision, page, calendar");
    return false;
  }
  // The calendar is one file of the content folder; it is written before
  // the content can load, since recurring surveys need it.
  if (kind == "calendar") return CreateCalendar(fs, content_dir, name, written, diagnostics);
  if (!IsValidId(name)) {
    diagnostics->Add("", 0, "имя «" + name + "» не годится для адреса страницы: используйте строчные латинские "
                            "буквы, цифры и дефис, например new-service");
    return false;
  }
  if (kind == "page" && IsReservedPageId(name)) {
    diagnostics->Add("", 0, "имя страницы «" + name + "» занято разделом сайта; выберите другое");
    return false;
  }
  const std::string folder = kind == "situation" ? "situations" : kind == "service" ? "services"
                           : kind == "touchpoint" ? "touchpoints" : kind == "survey" ? "surveys"
                           : kind == "decision" ? "decisions" : "pages";
  const std::string path = JoinPath(JoinPath(content_dir, folder), name + (kind == "survey" ? ".yaml" : ".md"));
  if (fs.IsFile(path)) {
    diagnostics->Add(path, 0, "файл уже есть; выберите другое имя или измените этот файл");
    return false;
  }
  const std::optional<Content> content = LoadContent(fs, {content_dir, today, today}, diagnostics);
  if (!content) return false;
  const Site* site = &content->site;
  std::string text;
  if (kind == "service") {
    if (site->touchpoints().empty()) {
      diagnostics->Add("", 0, "у услуги должна быть точка взаимодействия: сначала создайте её (otklik new touchpoint …)");
      return false;
    }
    text = ServiceText(*site);
  } else if (kind == "situation") {
    text = SituationText();
  } else if (kind == "touchpoint") {
    text = TouchpointText();
  } else if (kind == "page") {
    text = PageText();
  } else if (kind == "survey") {
    text = SurveyText(today);
  } else {
    const std::optional<std::string> evidence = EvidenceText(*site, content->reports.appeals, today);
    if (site->services().empty() || !evidence) {
      diagnostics->Add("", 0, "решению нужны услуга и основание: сначала создайте услугу и опрос с оценочным "
                              "вопросом или добавьте записи об обращениях");
      return false;
    }
    text = DecisionText(*site, *evidence, today);
  }
  if (Status status = fs.ReplaceFile(path, text); !status.ok()) {
    diagnostics->Add("", 0, status.message());
    return false;
  }
  *written = path;
  return true;
}

}  // namespace otklik
