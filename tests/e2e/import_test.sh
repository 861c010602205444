#!/usr/bin/env bash
# End-to-end checks of `otklik import responses` against the demo content
# (content/surveys/service-satisfaction.yaml, revision 2, and @1): exit codes,
# the exact messages, the exact bytes stored, and that a build counts them.
# Usage: import_test.sh path/to/otklik repo-root
set -uo pipefail

source "$(dirname "$(realpath "$0")")/checks.sh" "$@"


import() {  # import [flags] FILE: into data/, on 2026-11-23
  "$otklik" import responses --survey service-satisfaction --content "$repo/content" --data data --as-of 2026-11-23 "$@"
}

segments() { ls data/responses/service-satisfaction/ 2>/dev/null | wc -l; }

dir=data/responses/service-satisfaction
unknown=" — нет такого варианта ответа; укажите код или текст варианта из анкеты либо добавьте это написание в values файла сопоставления"

# Paper questionnaires typed into a spreadsheet: ';' as Excel saves in Russian,
# field names and option texts mixed, a quoted multiple choice, an empty row,
# a date with a time of day, doubled quotes.
cat >paper.csv <<'EOF'
Дата;service;info-source;overall;channel;online-service;initiative;provided;informing;parameters.application;parameters.status;parameters.documents;parameters.speed;parameters.online;staff;timing;refusal-info;sex;age;education;proposals
20.11.2026;housing-subsidy;"portal;people";4;portal;5;requested;yes;;5;4;3;4;5;no-contact;satisfied;;female;30-44;higher;"Больше окон; меньше очередей"
05.10.2026;Санаторно-курортное лечение;На портале Госуслуг;2;office;;offered;no;dissatisfied;2;2;1;2;3;satisfied;unsure;yes;;;;

"23.11.2026 10:15";spa-treatment;mfc;5;mfc;;requested;yes;;5;5;5;5;5;satisfied;satisfied;;male;61-plus;vocational;"Спасибо ""МФЦ""!"
EOF
paper_segment=$dir/import-paper-69f9da5d14a5426c.jsonl
paper_lines='{"answers":{"age":["30-44"],"channel":["portal"],"education":["higher"],"info-source":["portal","people"],"initiative":["requested"],"online-service":["5"],"overall":["4"],"parameters.application":["5"],"parameters.documents":["3"],"parameters.online":["5"],"parameters.speed":["4"],"parameters.status":["4"],"proposals":["Больше окон; меньше очередей"],"provided":["yes"],"service":["housing-subsidy"],"sex":["female"],"staff":["no-contact"],"timing":["satisfied"]},"date":"2026-11-20","revision":2,"source":"paper","survey":"service-satisfaction"}
{"answers":{"channel":["office"],"info-source":["portal"],"informing":["dissatisfied"],"initiative":["offered"],"overall":["2"],"parameters.application":["2"],"parameters.documents":["1"],"parameters.online":["3"],"parameters.speed":["2"],"parameters.status":["2"],"provided":["no"],"refusal-info":["yes"],"service":["spa-treatment"],"staff":["satisfied"],"timing":["unsure"]},"date":"2026-10-05","revision":2,"source":"paper","survey":"service-satisfaction"}
{"answers":{"age":["61-plus"],"channel":["mfc"],"education":["vocational"],"info-source":["mfc"],"initiative":["requested"],"overall":["5"],"parameters.application":["5"],"parameters.documents":["5"],"parameters.online":["5"],"parameters.speed":["5"],"parameters.status":["5"],"proposals":["Спасибо \"МФЦ\"!"],"provided":["yes"],"service":["spa-treatment"],"sex":["male"],"staff":["satisfied"],"timing":["satisfied"]},"date":"2026-11-23","revision":2,"source":"paper","survey":"service-satisfaction"}'

check "a good paper file is imported" expect_exit 0 import --source paper paper.csv
check "the import is reported" same stderr "Импортировано ответов: 3 из 3 строк → $paper_segment"
check "nothing goes to stdout" test ! -s stdout
check "one segment is written" [ "$(segments)" -eq 1 ]
check "the segment holds one JSON line per row" same "$paper_segment" "$paper_lines"
check "the segment ends in a line end" bash -c '[ "$(tail -c1 "$0" | od -An -c | tr -d " ")" = "\n" ]' "$paper_segment"
check "no temporary file is left" bash -c '[ -z "$(ls -A "$0" | grep -v "^import-")" ]' "$dir"

# The same file again: nothing new.
check "the same file again succeeds" expect_exit 0 import --source paper paper.csv
check "it says the answers are there" same stderr "Эти ответы уже импортированы ($paper_segment): ничего не добавлено."
check "no second segment" [ "$(segments)" -eq 1 ]
check "the first segment is unchanged" same "$paper_segment" "$paper_lines"

# A file with bad rows: nothing written unless --skip-invalid.
cat >more.csv <<'EOF'
Дата,service,info-source,overall,channel,online-service,initiative,provided,informing,parameters.application,parameters.status,parameters.documents,parameters.speed,parameters.online,staff,timing,refusal-info
2026-11-01,housing-subsidy,website,3,portal,4,offered,yes,,4,4,4,4,4,satisfied,satisfied,
2026-11-02,housing-subsidy,website,7,portal,4,offered,yes,,4,4,4,4,4,satisfied,satisfied,
24.11.2026,housing-subsidy,website,3,portal,4,offered,yes,,4,4,4,4,4,satisfied,satisfied,
2026-11-03,spa-treatment,media,1,office,,offered,no,,1,1,1,1,1,dissatisfied,dissatisfied,no
EOF
check "a file with bad rows exits 1" expect_exit 1 import --source paper more.csv
check "each bad row is named with its row" same stderr "more.csv:3: вопрос 3, столбец «overall»: «7»$unknown
more.csv:4: дата 24.11.2026 вне сроков опроса: с 01.10.2024 по 23.11.2026
more.csv:5: вопрос 8, столбец «informing»: нет ответа, а вопрос обязательный
Импорт не выполнен: строк с ошибками — 3 из 4. Ничего не записано. Исправьте их или добавьте --skip-invalid, чтобы импортировать остальные."
check "nothing is written" [ "$(segments)" -eq 1 ]
check "the earlier import is intact" same "$paper_segment" "$paper_lines"

more_line='{"answers":{"channel":["portal"],"info-source":["website"],"initiative":["offered"],"online-service":["4"],"overall":["3"],"parameters.application":["4"],"parameters.documents":["4"],"parameters.online":["4"],"parameters.speed":["4"],"parameters.status":["4"],"provided":["yes"],"service":["housing-subsidy"],"staff":["satisfied"],"timing":["satisfied"]},"date":"2026-11-01","revision":2,"source":"paper","survey":"service-satisfaction"}'
check "--skip-invalid imports the good row" expect_exit 0 import --source paper --skip-invalid more.csv
more_segment=$dir/$(ls "$dir" | grep -v "${paper_segment##*/}")
check "the bad rows are still listed, then the count" same stderr "more.csv:3: вопрос 3, столбец «overall»: «7»$unknown
more.csv:4: дата 24.11.2026 вне сроков опроса: с 01.10.2024 по 23.11.2026
more.csv:5: вопрос 8, столбец «informing»: нет ответа, а вопрос обязательный
Импортировано ответов: 1 из 4 строк (с ошибками пропущено: 3) → $more_segment"
check "a second segment is written" [ "$(segments)" -eq 2 ]
check "it is named after its answers" bash -c '[[ "$0" =~ /import-paper-[0-9a-f]{16}\.jsonl$ ]]' "$more_segment"
check "it holds the good row only" same "$more_segment" "$more_line"
check "the first import is intact" same "$paper_segment" "$paper_lines"

# The rows fixed: the new file holds the earlier import and replaces it.
sed -i 's/^2026-11-02,housing-subsidy,website,7,/2026-11-02,housing-subsidy,website,2,/; s/^24\.11\.2026,/22.11.2026,/; s/^2026-11-03,spa-treatment,media,1,office,,offered,no,,/2026-11-03,spa-treatment,media,1,office,,offered,no,unsure,/' more.csv
check "the fixed file is imported" expect_exit 0 import --source paper more.csv
fixed_segment=$dir/$(ls "$dir" | grep -v "${paper_segment##*/}")
check "the earlier partial import is replaced" same stderr "Прежний импорт $more_segment входит в этот файл целиком и заменён им.
Импортировано ответов: 4 из 4 строк → $fixed_segment"
check "still two segments" [ "$(segments)" -eq 2 ]
check "the partial segment is gone" test ! -e "$more_segment"
check "the new segment has all four rows" [ "$(wc -l <"$fixed_segment")" -eq 4 ]
check "the new segment starts with the row imported before" bash -c '[ "$(head -1 "$0")" = "$1" ]' "$fixed_segment" "$more_line"

# A platform export: UTF-8 with a byte order mark, CRLF, commas, its own
# column names, id and region columns, answers in its own words.
printf '\xEF\xBB\xBF' >platform.csv
printf '%s\r\n' \
  'ID,Дата ответа,Регион,Услуга,Источник информации,Оценка,Способ получения,Оценка портала,Инициатива,Предоставлена,Информирование,Подача заявления,Статус,Документы,Оперативность,Электронный вид,Сотрудники,Сроки,Информация при отказе,Ваш пол' \
  '1001,2026-11-02,Вологодская область,Субсидия на оплату жилого помещения и коммунальных услуг,На портале Госуслуг|В многофункциональном центре (МФЦ),Отлично,ЕПГУ,4,Я сам(-а) обратился(-ась) в учреждение,Да,,5,5,4,5,5,Скорее удовлетворён(-а),Скорее удовлетворён(-а),,Женский' \
  '1002,2026-11-03,Вологодская область,Санаторно-курортное лечение,"От коллег, знакомых, работников",Хорошо,МФЦ,,Услуга предложена учреждением,Нет,Затрудняюсь ответить,3,3,3,3,3,С представителями учреждения не взаимодействовал(-а),Скорее не удовлетворён(-а),Да,мужской' \
  >>platform.csv
cat >mapping.yaml <<'EOF'
date: Дата ответа
ignore: [ID, Регион]
separator: "|"
columns:
  Услуга: service
  Источник информации: info-source
  Оценка: overall
  Способ получения: channel
  Оценка портала: online-service
  Инициатива: initiative
  Предоставлена: provided
  Информирование: informing
  Подача заявления: parameters.application
  Статус: parameters.status
  Документы: parameters.documents
  Оперативность: parameters.speed
  Электронный вид: parameters.online
  Сотрудники: staff
  Сроки: timing
  Информация при отказе: refusal-info
values:
  overall:
    Отлично: "5"
    Хорошо: "4"
  channel:
    ЕПГУ: portal
    МФЦ: mfc
  provided:
    Да: "yes"
    Нет: "no"
EOF
platform_lines='{"answers":{"channel":["portal"],"info-source":["portal","mfc"],"initiative":["requested"],"online-service":["4"],"overall":["5"],"parameters.application":["5"],"parameters.documents":["4"],"parameters.online":["5"],"parameters.speed":["5"],"parameters.status":["5"],"provided":["yes"],"service":["housing-subsidy"],"sex":["female"],"staff":["satisfied"],"timing":["satisfied"]},"date":"2026-11-02","revision":2,"source":"platform","survey":"service-satisfaction"}
{"answers":{"channel":["mfc"],"info-source":["people"],"informing":["unsure"],"initiative":["offered"],"overall":["4"],"parameters.application":["3"],"parameters.documents":["3"],"parameters.online":["3"],"parameters.speed":["3"],"parameters.status":["3"],"provided":["no"],"refusal-info":["yes"],"service":["spa-treatment"],"sex":["male"],"staff":["no-contact"],"timing":["dissatisfied"]},"date":"2026-11-03","revision":2,"source":"platform","survey":"service-satisfaction"}'
check "a platform export is imported with a mapping" expect_exit 0 import --source platform --mapping mapping.yaml platform.csv
platform_segment=$dir/$(ls "$dir" | grep "^import-platform-")
check "the platform import is reported" same stderr "Импортировано ответов: 2 из 2 строк → $platform_segment"
check "its segment is named for the platform" bash -c '[[ "$0" =~ /import-platform-[0-9a-f]{16}\.jsonl$ ]]' "$platform_segment"
check "its answers are stored in the survey's ids" same "$platform_segment" "$platform_lines"
check "three segments now" [ "$(segments)" -eq 3 ]

# Without the mapping the export's columns are unknown: nothing written.
check "the export without its mapping exits 1" expect_exit 1 import --source platform platform.csv
check "the first unknown column is named" \
  grep -qx "platform.csv:1: столбец «ID» не сопоставлен ни с одним вопросом опроса «service-satisfaction»: назовите его как поле вопроса или укажите в файле сопоставления (columns или ignore)" stderr
check "the question matched by its text is not listed" bash -c '! grep -q "«Ваш пол»" stderr'
check "the refusal says nothing was written" bash -c '[ "$(tail -1 stderr)" = "Импорт не выполнен: ничего не записано." ]'
check "still three segments" [ "$(segments)" -eq 3 ]

# A mapping with a typo: its file and line, nothing read.
printf 'date: Дата ответа\ncolumns:\n  Оценка: overal\nvalue:\n  overall: {Отлично: "5"}\n' >typo.yaml
check "a mapping with errors exits 1" expect_exit 1 import --source platform --mapping typo.yaml platform.csv
check "the mapping errors are named" same stderr "typo.yaml:3: в опросе «service-satisfaction» нет поля «overal»
typo.yaml:4: неизвестное поле «value» (возможно, имелось в виду «values»?)
Импорт не выполнен: исправьте файл сопоставления."

# Windows-1251, as Excel saves «CSV (разделители — запятые)» in Russian Windows.
printf '%s\n' 'Дата;service;info-source;overall;channel;online-service;initiative;provided;informing;parameters.application;parameters.status;parameters.documents;parameters.speed;parameters.online;staff;timing;refusal-info;proposals' \
  '15.11.2026;spa-treatment;От коллег, знакомых, работников;3;office;;offered;yes;;3;3;3;3;3;satisfied;satisfied;;Ёлки-палки' |
  iconv -f UTF-8 -t CP1251 >cp1251.csv
check "a Windows-1251 file is imported" expect_exit 0 import --source paper cp1251.csv
cp1251_segment=$dir/$(ls "$dir" | grep -v "^${paper_segment##*/}$" | grep -v "^${fixed_segment##*/}$" | grep "^import-paper-")
check "the conversion is mentioned" same stderr "cp1251.csv: файл прочитан в кодировке Windows-1251
Импортировано ответов: 1 из 1 строки → $cp1251_segment"
check "its text is stored as UTF-8" grep -q '"info-source":\["people"\].*"proposals":\["Ёлки-палки"\]' "$cp1251_segment"

# Skip logic: an answer to a question the respondent was not asked is left out, and said so.
printf '%s\n' 'Дата,service,info-source,overall,channel,online-service,initiative,provided,informing,parameters.application,parameters.status,parameters.documents,parameters.speed,parameters.online,staff,timing,refusal-info' \
  '10.11.2026,spa-treatment,mfc,4,mfc,5,offered,yes,,4,4,4,4,4,satisfied,satisfied,' >skipped.csv
check "a file with a skipped answer is imported" expect_exit 0 import --source paper skipped.csv
check "the dropped answer is named" \
  grep -qx "skipped.csv:2: ответ на вопрос «online-service» не сохранён: по логике анкеты его не задавали" stderr
check "the dropped answer is not stored" \
  bash -c 'line=$(grep -h "\"date\":\"2026-11-10\"" "$0"/*.jsonl) && [[ "$line" != *online-service* ]]' "$dir"
check "a repeat import with --quiet succeeds" expect_exit 0 import --source paper --skip-invalid -q more.csv
check "--quiet still says the answers are there" \
  bash -c '[ "$(cat stderr)" = "Эти ответы уже импортированы ($0): ничего не добавлено." ]' "$fixed_segment"

# A file sharing some answers with an earlier import: written, with a warning.
head -2 paper.csv >overlap.csv
echo '21.11.2026;housing-subsidy;website;3;portal;3;offered;yes;;3;3;3;3;3;satisfied;satisfied;;;;;' >>overlap.csv
check "a partly overlapping file is imported" expect_exit 0 import --source paper overlap.csv
overlap_segment=$(sed -n 's/^Импортировано ответов: 2 из 2 строк → //p' stderr)
check "the overlap is pointed out" same stderr "Внимание: часть ответов совпадает с прежним импортом $paper_segment. Если это те же анкеты, удалите один из файлов, иначе они посчитаются дважды.
Импортировано ответов: 2 из 2 строк → $overlap_segment"
check "both files are kept" bash -c '[ -s "$0" ] && [ -s "$1" ]' "$paper_segment" "$overlap_segment"

# Revision 1 (service-satisfaction@1.yaml) has no question 16 («proposals»).
printf '%s\n' 'Дата;service;info-source;overall;channel;online-service;initiative;provided;informing;parameters.application;parameters.status;parameters.documents;parameters.speed;parameters.online;staff;timing;refusal-info;sex' \
  '14.03.2025;housing-subsidy;portal;5;portal;5;requested;yes;;5;5;5;5;5;satisfied;satisfied;;female' >old.csv
check "answers to revision 1 are imported with --revision 1" expect_exit 0 import --source paper --revision 1 old.csv
old_segment=$(sed -n 's/^Импортировано ответов: 1 из 1 строки → //p' stderr)
check "the revision 1 import is reported" test -n "$old_segment"
check "they are stored as revision 1" same "$old_segment" '{"answers":{"channel":["portal"],"info-source":["portal"],"initiative":["requested"],"online-service":["5"],"overall":["5"],"parameters.application":["5"],"parameters.documents":["5"],"parameters.online":["5"],"parameters.speed":["5"],"parameters.status":["5"],"provided":["yes"],"service":["housing-subsidy"],"sex":["female"],"staff":["satisfied"],"timing":["satisfied"]},"date":"2025-03-14","revision":1,"source":"paper","survey":"service-satisfaction"}'
check "revision 1 knows no proposals column" expect_exit 1 import --source paper --revision 1 paper.csv
check "the proposals column is refused" \
  grep -qx "paper.csv:1: столбец «proposals» не сопоставлен ни с одним вопросом опроса «service-satisfaction»: назовите его как поле вопроса или укажите в файле сопоставления (columns или ignore)" stderr
imported_total=$(cat "$dir"/*.jsonl | wc -l)
check "fourteen answers are imported in all" [ "$imported_total" -eq 14 ]

# Broken content: nothing is imported until it is fixed.
cp -r "$repo/content" broken
sed -i 's/^touchpoints: \[/touchpoints: [nowhere, /' broken/services/*.md
check "broken content exits 1" expect_exit 1 \
  "$otklik" import responses --survey service-satisfaction --source paper --content broken --data data paper.csv
check "the content errors come first" grep -q "неизвестная точка взаимодействия «nowhere»" stderr
check "then the refusal" bash -c '[ "$(tail -1 stderr)" = "Импорт не выполнен: сначала исправьте материалы." ]'

# Files that cannot be read at all.
check "a missing file exits 1" expect_exit 1 import --source paper nowhere.csv
check "the missing file is named" bash -c 'head -1 stderr | grep -q "^nowhere.csv: не удалось прочитать файл"'
printf 'Дата;overall\n20.11.2026;"4\n' >unclosed.csv
check "an unclosed quote exits 1" expect_exit 1 import --source paper unclosed.csv
check "the unclosed quote is named" same stderr "unclosed.csv:2: кавычка, открытая в этой строке, не закрыта до конца файла
Импорт не выполнен: ничего не записано."

head -1 paper.csv >header-only.csv
check "a file with only a header exits 1" expect_exit 1 import --source paper header-only.csv
check "it says there are no rows" same stderr "В файле нет строк с ответами: ничего не записано."
printf 'Дата;overall\n01.01.2020;4\n' >old-date.csv
check "with --skip-invalid and no good row exits 1" expect_exit 1 import --source paper --skip-invalid old-date.csv
check "it says no row passed" bash -c '[ "$(tail -1 stderr)" = "Ни одна строка не прошла проверку: ничего не записано." ]'

# Usage errors exit 2 and write nothing.
check "an unknown survey is a usage error" expect_exit 2 \
  "$otklik" import responses --survey nope --source paper --content "$repo/content" --data data paper.csv
check "the unknown survey is named" same stderr "--survey: опроса «nope» нет в $repo/content/surveys"
check "a bad --source is a usage error" expect_exit 2 import --source email paper.csv
check "the bad source is named" grep -q -- "--source" stderr
check "an unknown revision is a usage error" expect_exit 2 import --source paper --revision 7 paper.csv
check "the unknown revision is named" same stderr "--revision: у опроса «service-satisfaction» нет редакции 7"
check "a missing --source is a usage error" expect_exit 2 import paper.csv
check "a missing file argument is a usage error" expect_exit 2 import --source paper
check "a bad --as-of is a usage error" expect_exit 2 \
  "$otklik" import responses --survey service-satisfaction --source paper --as-of 23.11.2026 paper.csv
check "import without a kind is a usage error" expect_exit 2 "$otklik" import
check "usage errors wrote nothing" [ "$(cat "$dir"/*.jsonl | wc -l)" -eq "$imported_total" ]

# Export for analysts: what was imported comes out as a table Excel opens
# (BOM, ';'), with its codebook; imported again into empty data, it stores
# the same answers, and exported again it gives the same bytes.
export_responses() {  # export_responses DATA [flags]
  local data=$1
  shift
  "$otklik" export responses --survey service-satisfaction --content "$repo/content" --data "$data" "$@"
}
check "the answers are exported" expect_exit 0 export_responses data --out answers.csv --with-text
check "the export is reported" same stderr "Выгружено ответов: $imported_total в answers.csv; описание столбцов и кодов — answers.codebook.csv.
Открытых ответов, в которых скрыты персональные данные: 0."
check "the table starts with a byte order mark and the header" \
  bash -c '[ "$(head -c 40 answers.csv | od -An -tx1 | head -1 | cut -c1-9)" = " ef bb bf" ] && head -1 answers.csv | grep -q "^.Дата;Период;Редакция;service;service: текст;info-source;info-source: текст;overall;channel;"'
check "a row per answer" [ "$(($(wc -l <answers.csv) - 1))" -eq "$imported_total" ]
check "the revision 1 answer carries its revision" grep -q "^2025-03-14;2025-q1;1;housing-subsidy;" answers.csv
check "the codebook names every field" grep -q "^refusal-info;12;" answers.codebook.csv
check "the export imports back into empty data" expect_exit 0 \
  "$otklik" import responses --survey service-satisfaction --source paper --content "$repo/content" --data again \
  --as-of 2026-11-23 answers.csv
check "every answer is imported back" grep -q "^Импортировано ответов: $imported_total из $imported_total строк → " stderr
check "exported again, the table is the same" expect_exit 0 export_responses again --out again.csv --with-text
check "byte for byte" cmp answers.csv again.csv
check "the days asked for only" expect_exit 0 export_responses data --from 2026-11-20 --to 2026-11-21
check "a day range goes to stdout without a codebook" \
  bash -c '[ "$(($(wc -l <stdout) - 1))" -eq "$(grep -c "^2026-11-2[01];" answers.csv)" ] && [ ! -e .codebook.csv ]'
check "an unknown survey is a usage error for export too" expect_exit 2 \
  "$otklik" export responses --survey nope --content "$repo/content" --data data
check "a backwards range is a usage error" expect_exit 2 export_responses data --from 2026-11-21 --to 2026-11-20
check "it is named" same stderr "--to: 2026-11-20 раньше --from 2026-11-21"

# The build reads the imported answers with the rest.
check "the site builds with the imported answers" expect_exit 0 \
  "$otklik" build --content "$repo/content" --templates "$repo/templates" --data data --out site --internal internal \
  --as-of 2026-11-23
check "the build counts them" grep -q "^Прочитано ответов: $imported_total за " stderr

report
