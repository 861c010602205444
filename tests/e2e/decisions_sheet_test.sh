#!/usr/bin/env bash
# End-to-end checks of the pain-map spreadsheet on a copy of
# tests/fixtures/decisions-sheet: `otklik export decisions` writes the exact
# table; importing it changes no file (a hand-formatted one included) and
# exporting again gives the same bytes; an edited status cell becomes a new
# history entry that the built page shows; bad cells and usage errors write
# nothing. A table in the template of appendix 1 alone (Windows-1251, as
# Excel saves it) creates a new decision with stated defaults, recognises one
# already on the map, imports again without a change, and builds.
# Usage: decisions_sheet_test.sh path/to/otklik repo-root
set -uo pipefail

source "$(dirname "$(realpath "$0")")/checks.sh" "$@"

cp -r "$repo/tests/fixtures/decisions-sheet/content" content
as_of=(--as-of 2026-11-01)
export_map() {  # export_map [flags]
  "$otklik" export decisions --content content "${as_of[@]}" "$@"
}
import_map() {  # import_map [flags] FILE
  "$otklik" import decisions --content content "${as_of[@]}" "$@"
}
checksums() { sha256sum content/decisions/*; }
# edit_row IN OUT MEASURE COLUMN=VALUE...: the row of MEASURE with the cells changed, or dropped with no
# changes given; written back as a spreadsheet saves it (Python's csv: quotes only where needed).
edit_row() {
  python3 - "$@" <<'EOF'
import csv, io, sys
source, target, measure, *changes = sys.argv[1:]
rows = list(csv.reader(io.StringIO(open(source, encoding="utf-8-sig", newline="").read()), delimiter=";"))
header, kept = rows[0], [rows[0]]
for row in rows[1:]:
    if row[header.index("Код мероприятия")] == measure:
        if not changes:
            continue
        for change in changes:
            column, value = change.split("=", 1)
            row[header.index(column)] = value
    kept.append(row)
out = io.StringIO()
csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(kept)
open(target, "w", encoding="utf-8-sig", newline="").write(out.getvalue())
EOF
}

header='Код решения;Код услуги;Наименование процесса;Выявленные проблемы/потенциальные потребности клиентов;Распространенность проблемы;Приоритетность решения проблемы/удовлетворения потребности;Код мероприятия;Необходимые к реализации мероприятия;Вид мероприятия;Ответственный;Срок реализации;Статус;Дата статуса;Комментарий к статусу;Дата выявления;Жизненные ситуации;Точки взаимодействия;Основание'
subsidy='subsidy-time;subsidy;Жилищная субсидия;Долго ждать решения о назначении субсидии;132 из 580 респондентов (23 %);высокий'
subsidy_tail='20.04.2026;low-income;mfc, gosuslugi;"опрос:satisfaction/parameters.speed@2026-q1; обращения:0002.0007@2026-q1"'
portal='portal-errors;allowance;Пособие на ребёнка;Портал выдаёт ошибку при подаче заявления на пособие;12 из 580 респондентов (2 %);низкий'
portal_tail='01.02.2026;;gosuslugi;опрос:satisfaction/overall@2026'
map_text="$header
$subsidy;online-application;Подача заявления на портале Госуслуг без визита в МФЦ;Доработка сайта и информационных систем;Отдел жилищных субсидий;30.09.2026;выполняется;01.06.2026;;$subsidy_tail
$subsidy;extra-staff;Ещё два специалиста: приём без очереди;Изменение процесса предоставления услуги;Отдел кадров;31.12.2026;запланировано;01.05.2026;Штатное расписание согласовано;$subsidy_tail
allowance-docs;allowance;Пособие на ребёнка;Непонятно, какие документы нужны;40 из 300 обращений (13 %);средний;checklist;Памятка о документах;Изменение ведомственных актов;Отдел пособий;31.05.2026;выполнено;20.05.2026;\"Памятка \"\"Документы\"\" на сайте; в МФЦ тоже\";15.03.2026;;;обращения:0002.0007.0075.0000@2026-q1
$portal;portal-fix;Предложение оператору портала исправить форму;Предложение о доработке единого портала;Отдел информатизации;31.08.2026;отменено;01.04.2026;Оператор исправил форму сам;$portal_tail
$portal;paper-form;Бумажная форма заявления в МФЦ;Изменение процесса предоставления услуги;Отдел пособий;31.03.2026;выполнено;20.03.2026;;$portal_tail"

# The export.
check "the pain map is exported to a file" expect_exit 0 export_map --out map.csv
check "it says how much" same stderr "Карта болей выгружена в map.csv: решений — 3, мероприятий — 5."
check "nothing goes to stdout" test ! -s stdout
check "the table starts with a byte order mark" bash -c '[ "$(head -c3 map.csv | od -An -tx1 | tr -d " ")" = efbbbf ]'
check "every line ends in CRLF" bash -c '[ "$(grep -c $'"'"'\r$'"'"' map.csv)" = 6 ] && [ "$(wc -l <map.csv)" = 6 ]'
check "the table is exactly the pain map, in priority order" \
  same <(tail -c +4 map.csv | tr -d '\r' | sed 's/\xC2\xA0/ /g') "$map_text"
check "the percent sign follows a non-breaking space" grep -q $'(23\xC2\xA0%)' map.csv
check "the export to stdout is the same table" expect_exit 0 export_map
check "byte for byte" cmp stdout map.csv
edit_row map.csv resaved.csv none
check "a spreadsheet saving it unchanged writes the same bytes" cmp resaved.csv map.csv

# The round trip: nothing changes.
checksums >before.sha
check "importing the export succeeds" expect_exit 0 import_map map.csv
check "it finds every decision unchanged" same stderr "Карта болей загружена: создано 0 решений, изменено 0 решений, без изменений 3 решения."
check "no decision file is written, the hand-formatted one included" sha256sum --quiet -c before.sha
check "no temporary file is left" bash -c '[ "$(ls -A content/decisions | wc -l)" = 3 ]'
check "exporting again succeeds" expect_exit 0 export_map --out again.csv
check "and gives the same bytes" cmp map.csv again.csv

# A status changed in the spreadsheet.
edit_row map.csv done.csv online-application "Статус=выполнено" "Дата статуса=15.09.2026" \
  "Комментарий к статусу=Работает с 15 сентября"
check "a dry run succeeds" expect_exit 0 import_map --dry-run done.csv
check "it tells what would change" same stderr "content/decisions/subsidy-time.md: изменено
Пробный запуск, ничего не записано: создано 0 решений, изменено 1 решение, без изменений 2 решения."
check "and writes nothing" sha256sum --quiet -c before.sha
check "the changed table is imported" expect_exit 0 import_map done.csv
check "the changed file is named" same stderr "content/decisions/subsidy-time.md: изменено
Карта болей загружена: создано 0 решений, изменено 1 решение, без изменений 2 решения."
check "the status is a new history entry" same <(sed -n '/id: online-application/,/id: extra-staff/p' content/decisions/subsidy-time.md) \
  "  - id: online-application
    title: Подача заявления на портале Госуслуг без визита в МФЦ
    kind: site
    responsible: Отдел жилищных субсидий
    deadline: 2026-09-30
    history:
      - {date: 2026-04-25, status: planned}
      - {date: 2026-06-01, status: in-progress}
      - {date: 2026-09-15, status: done, note: \"Работает с 15 сентября\"}
  - id: extra-staff"
check "the body is kept" bash -c '[ "$(tail -1 content/decisions/subsidy-time.md)" = "Подробно о проблеме: что говорили граждане, что выяснили сотрудники." ]'
check "the other files are untouched" sha256sum --quiet -c <(grep -v subsidy-time before.sha)
check "the site builds" expect_exit 0 "$otklik" build --content content --templates "$repo/templates" --data data \
  --out site --internal internal "${as_of[@]}"
check "the decision's page shows the new status" grep -q "Работает с 15 сентября" site/decisions/subsidy-time/index.html
check "the export shows it" expect_exit 0 export_map --out after.csv
check "as the edited table has it" cmp after.csv done.csv
check "importing that export changes nothing" expect_exit 0 import_map after.csv
check "every decision is unchanged" same stderr "Карта болей загружена: создано 0 решений, изменено 0 решений, без изменений 3 решения."

# Rows left out: a measure is removed, a decision file is kept with a warning.
checksums >edited.sha
edit_row after.csv no-staff.csv extra-staff
edit_row no-staff.csv partial-1.csv portal-fix
edit_row partial-1.csv partial.csv paper-form
check "a table without some rows is checked" expect_exit 0 import_map --dry-run partial.csv
check "the removed measure and the missing decision are named" same stderr "content/decisions/subsidy-time.md: мероприятие «extra-staff» удалено: его нет в таблице
content/decisions/subsidy-time.md: изменено
Внимание: content/decisions/portal-errors.md: этого решения нет в таблице, файл оставлен как есть.
Пробный запуск, ничего не записано: создано 0 решений, изменено 1 решение, без изменений 1 решение."

# Bad cells: the file's rows are named, nothing is written.
edit_row after.csv bad.csv checklist "Код услуги=alowance" "Дата статуса=31.09.2026"
edit_row bad.csv bad2.csv paper-form "Приоритетность решения проблемы/удовлетворения потребности=высокий"
check "a table with bad cells exits 1" expect_exit 1 import_map bad2.csv
check "each problem is named by its row" same stderr "bad2.csv:4: неизвестная услуга «alowance» (возможно, имелось в виду «allowance»?)
bad2.csv:4: дата «31.09.2026» в столбце «Дата статуса» не распознана: ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД
bad2.csv:6: «Приоритетность решения проблемы/удовлетворения потребности» отличается от строки 5 того же решения
Импорт не выполнен: ничего не записано."
edit_row after.csv future.csv extra-staff "Статус=выполняется" "Дата статуса=01.05.2099"
check "a status date in the future exits 1" expect_exit 1 import_map future.csv
check "it is named by its row" same stderr "future.csv:3: дата статуса 2099-05-01 ещё не наступила; проверьте год
Импорт не выполнен: ничего не записано."
check "bad tables wrote nothing" sha256sum --quiet -c edited.sha

# Usage errors.
check "a missing table file exits 1" expect_exit 1 import_map nowhere.csv
check "the missing file is named" grep -q "^nowhere.csv: не удалось прочитать файл" stderr
check "import without a file is a usage error" expect_exit 2 "$otklik" import decisions --content content
check "export without what to export is a usage error" expect_exit 2 "$otklik" export
check "a bad --as-of is a usage error" expect_exit 2 "$otklik" export decisions --as-of 01.11.2026
check "usage errors wrote nothing" sha256sum --quiet -c edited.sha

# The demo's map, evidence with chosen answers included, goes out and back unchanged.
cp -r "$repo/content" demo
check "the demo's map is exported" expect_exit 0 "$otklik" export decisions --content demo "${as_of[@]}" --out demo.csv
check "with the answers an evidence item names" grep -q "опрос:hotline-2026/waited=over-5,dropped@2026-q2" demo.csv
(cd demo/decisions && sha256sum ./* >../../demo.sha)
check "importing it back succeeds" expect_exit 0 "$otklik" import decisions --content demo "${as_of[@]}" demo.csv
check "and changes no decision" same stderr "Карта болей загружена: создано 0 решений, изменено 0 решений, без изменений 20 решений."
check "no file is rewritten" bash -c 'cd demo/decisions && sha256sum --quiet -c ../../demo.sha'

# The template of appendix 1 alone (seven columns), as an editor saves it from Excel: Windows-1251, ';', CRLF,
# «№ п/п», a row numbering the columns, merged cells; one new problem and one already on the map.
cp -r "$repo/tests/fixtures/decisions-sheet/content" tcontent
import_template() {  # import_template [flags] FILE
  "$otklik" import decisions --content tcontent "${as_of[@]}" "$@"
}
write_1251() {  # write_1251 FILE: stdin (UTF-8, LF) saved as Excel saves «CSV (разделители — точки с запятой)»
  python3 -c 'import sys; open(sys.argv[1], "wb").write(sys.stdin.read().replace("\n", "\r\n").encode("cp1251"))' "$1"
}
template_header='№ п/п;Наименование процесса;Выявленные проблемы/потенциальные потребности клиентов;Распространенность проблемы;Приоритетность решения проблемы/удовлетворения потребности;Необходимые к реализации мероприятия;Ответственный;Срок реализации'
write_1251 карта-болей.csv <<TABLE
$template_header
1;2;3;4;5;6;7;8
1;Жилищная субсидия;Очереди в МФЦ при подаче заявления;45 из 580 респондентов (8 %);Высокая;Электронная очередь с записью через сайт;Отдел жилищных субсидий;IV квартал 2026
;;;;;Окно приёма по субботам;Отдел кадров;до 31.12.2026 г.
2;Пособие на ребенка;Портал выдаёт ошибку при подаче заявления на пособие;12 из 580 респондентов (2 %);низкая;Предложение оператору портала исправить форму;Отдел информатизации;31.08.2026
;;;;;Бумажная форма заявления в МФЦ;Отдел пособий;31.03.2026
TABLE
(cd tcontent/decisions && sha256sum ./* >../../template-before.sha)
template_report="карта-болей.csv: файл прочитан в кодировке Windows-1251
карта-болей.csv: карта болей по шаблону приложения 1 (без кодов, видов мероприятий и статусов)
tcontent/decisions/ocheredi-v-mfts-pri-podache-zayavleniya.md: новое решение
Чего нет в шаблоне, записано по умолчанию (исправьте в файлах решений, повторный импорт это сохранит):
  - дата выявления проблемы — 01.11.2026 (день импорта)
  - основание (вопрос опроса или тема обращений) не указано: на странице решения не будет ссылки на результаты, эффект не оценивается
  - жизненные ситуации — те, к которым относится услуга; точки взаимодействия не указаны
  - вид мероприятия — «Изменение процесса предоставления услуги»
  - статус мероприятия — «запланировано» с 01.11.2026
Внимание: tcontent/decisions/allowance-docs.md: этого решения нет в таблице, файл оставлен как есть.
Внимание: tcontent/decisions/subsidy-time.md: этого решения нет в таблице, файл оставлен как есть."
check "a dry run of the template succeeds" expect_exit 0 import_template --dry-run карта-болей.csv
check "it names the new decision, the defaults and the decisions not in the table" same stderr "$template_report
Пробный запуск, ничего не записано: создано 1 решение, изменено 0 решений, без изменений 1 решение."
check "and writes nothing" bash -c 'cd tcontent/decisions && sha256sum --quiet -c ../../template-before.sha && [ "$(ls | wc -l)" = 3 ]'
check "the template is imported" expect_exit 0 import_template карта-болей.csv
check "with the same report" same stderr "$template_report
Карта болей загружена: создано 1 решение, изменено 0 решений, без изменений 1 решение."
check "the new decision is written with its id, its defaults and both measures" \
  same tcontent/decisions/ocheredi-v-mfts-pri-podache-zayavleniya.md "---
title: Очереди в МФЦ при подаче заявления
service: subsidy
identified: 2026-11-01
priority: high
prevalence:
  count: 45
  base: 580
  unit: respondents
evidence: []
measures:
  - id: elektronnaya-ochered-s-zapisyu-cherez
    title: Электронная очередь с записью через сайт
    kind: process
    responsible: Отдел жилищных субсидий
    deadline: 2026-12-31
    history:
      - {date: 2026-11-01, status: planned}
  - id: okno-priema-po-subbotam
    title: Окно приёма по субботам
    kind: process
    responsible: Отдел кадров
    deadline: 2026-12-31
    history:
      - {date: 2026-11-01, status: planned}
---"
check "the decision already on the map is recognised and left as it was" \
  bash -c 'cd tcontent/decisions && sha256sum --quiet -c ../../template-before.sha'
(cd tcontent/decisions && sha256sum ./* >../../template-after.sha)
check "importing the same template again succeeds" expect_exit 0 import_template карта-болей.csv
check "it finds every row's decision unchanged and fills in nothing" same stderr "карта-болей.csv: файл прочитан в кодировке Windows-1251
карта-болей.csv: карта болей по шаблону приложения 1 (без кодов, видов мероприятий и статусов)
Внимание: tcontent/decisions/allowance-docs.md: этого решения нет в таблице, файл оставлен как есть.
Внимание: tcontent/decisions/subsidy-time.md: этого решения нет в таблице, файл оставлен как есть.
Карта болей загружена: создано 0 решений, изменено 0 решений, без изменений 2 решения."
check "and writes no file" bash -c 'cd tcontent/decisions && sha256sum --quiet -c ../../template-after.sha && [ "$(ls | wc -l)" = 4 ]'
check "the site builds with it" expect_exit 0 "$otklik" build --content tcontent --templates "$repo/templates" \
  --data data --out tsite --internal tinternal "${as_of[@]}"
page=tsite/decisions/ocheredi-v-mfts-pri-podache-zayavleniya/index.html
check "its page says no evidence was given" \
  grep -q "<p>Вопрос опроса или тема обращений, по которым выявлена проблема, не указаны.</p>" "$page"
check "and shows both measures" bash -c '[ "$(grep -c "class=\"measure__title\"" "$0")" = 2 ]' "$page"
check "the full export of the map goes back in unchanged" \
  bash -c '"$0" export decisions --content tcontent --as-of 2026-11-01 --out full.csv 2>/dev/null &&
    "$0" import decisions --content tcontent --as-of 2026-11-01 full.csv 2>/dev/null &&
    cd tcontent/decisions && sha256sum --quiet -c ../../template-after.sha' "$otklik"
write_1251 bad-template.csv <<TABLE
$template_header
1;Жилищная субсидя;Очереди;1 из 2 обращений;высокий;Окно;Отдел;2026
2;Пособие на ребенка;Очереди;часто;низкий;Окно;;постоянно
TABLE
check "a template with bad cells exits 1" expect_exit 1 import_template bad-template.csv
check "each problem names its row and column" same stderr "bad-template.csv:2: неизвестный процесс «Жилищная субсидя» (возможно, имелось в виду «Жилищная субсидия»?): в столбце «Наименование процесса» напишите название услуги, как в content/services/, или её код
bad-template.csv:3: распространённость «часто» в столбце «Распространенность проблемы» не распознана: ожидается «N из M респондентов» или «N из M обращений», например «132 из 580 респондентов (23 %)»
bad-template.csv:3: не заполнен столбец «Ответственный»: напишите подразделение, которое отвечает за мероприятие
bad-template.csv:3: срок «постоянно» в столбце «Срок реализации» не распознан: напишите дату (31.12.2026), месяц (декабрь 2026), квартал (IV квартал 2026), полугодие (2 полугодие 2026) или год (2026)
Импорт не выполнен: ничего не записано."
check "and nothing is written" bash -c 'cd tcontent/decisions && sha256sum --quiet -c ../../template-after.sha'

report
