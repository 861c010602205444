#!/usr/bin/env bash
# End-to-end checks of the pain-map spreadsheet on a copy of
# tests/fixtures/decisions-sheet: `otklik export decisions` writes the exact
# table; importing it changes no file (a hand-formatted one included) and
# exporting again gives the same bytes; an edited status cell becomes a new
# history entry that the built page shows; bad cells and usage errors write
# nothing.
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

report
