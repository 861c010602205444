#!/usr/bin/env bash
# End-to-end checks of `otklik import appeals` on a copy of the demo content:
# a registry export with its own columns and words, personal-data columns,
# bad rows, --skip-invalid, repeats, the exact bytes of the quarter file, and
# that the build reads it (and refuses a changed published report).
# Usage: appeal_import_test.sh path/to/otklik repo-root
set -uo pipefail

source "$(dirname "$(realpath "$0")")/checks.sh" "$@"

cp -r "$repo/content" content
q4=content/appeals/2026-q4.csv

import() {  # import [flags] FILE: into content/, on 20 January 2027 (2026-q4 has no report yet)
  "$otklik" import appeals --content content --as-of 2027-01-20 "$@"
}
build() {  # build CONTENT
  "$otklik" build --content "$1" --templates "$repo/templates" --data data --out site --internal internal \
    --as-of 2027-01-20
}

# The registry's export as Excel saves «CSV UTF-8»: a byte order mark, CRLF,
# ';', times of registration, the applicant's name, address and phone, a
# summary and the official in charge, all of which must be left out.
export_rows=(
  '№ п/п;Рег. номер;Дата регистрации;ФИО заявителя;Адрес заявителя;Телефон;Канал поступления;Вид обращения;Код тематики;Краткое содержание;Результат рассмотрения;Дата ответа;Основная причина;Исполнитель'
  '1;01-12/4501;01.10.2026 09:14;Кузнецова Мария Петровна;г. Вологда, ул. Ленина, д. 5, кв. 12;+7 (921) 123-45-67;Портал ЕПГУ;Жалоба;0002.0007.0075.0000;Пособие за сентябрь не пришло;Поддержано, меры приняты;14.10.2026;Задержка выплаты;Смирнова О. В.'
  '2;01-12/4502;01.10.2026 11:40;Попов Андрей Викторович;г. Череповец, пр. Победы, д. 1;8 912 000-11-22;Горячая линия;Обращение;0005.0005.0056.1150;Какие документы нужны для субсидии;Разъяснено;08.10.2026;Документы;Смирнова О. В.'
  '3;01-12/4610;15.10.2026 16:02;Никитин Олег Сергеевич;;;Электронная почта;Запрос информации;0003.0012.0135.0000;Вопрос о работе портала ФНС;Направлено по компетенции;20.10.2026;Вопрос не в компетенции;Орлова Е. А.'
  '4;01-12/4777;03.11.2026 10:00;Белова Анна Ивановна;;;Личный приём;Предложение;0002.0007.0076.0000;Открыть пункт проката в Соколе;Поддержано;25.11.2026;—;Орлова Е. А.'
  '5;01-12/4801;12.11.2026 08:55;Тихонов Игорь Павлович;;;МФЦ;Жалоба;0002.0007.0074.0000;Не согласен с отказом;Не поддержано;01.12.2026;Несогласие с отказом;Смирнова О. В.'
  '6;01-12/5020;02.12.2026 13:30;Аноним;;;Почта России;Обращение;0005.0005.0056.1156;Без подписи;Оставлено без ответа;;—;Орлова Е. А.'
  '7;01-12/5150;28.12.2026 15:45;Фролова Вера Николаевна;;;Портал ЕПГУ;Обращение;0002.0007.0073.0000;Где моё заявление;На рассмотрении;;Нет сведений о ходе рассмотрения;Смирнова О. В.'
  '8;01-12/4700;28.10.2026 12:00;Зайцев Глеб Романович;;;Официальный сайт;Жалоба;0001.0002.0027.0124;Грубость специалиста;Поддержано;10.11.2026;Некорректное поведение сотрудника;Орлова Е. А.'
)
{ printf '\xEF\xBB\xBF'; printf '%s\r\n' "${export_rows[@]}"; } >registry.csv

cat >mapping.yaml <<'EOF'
# Выгрузка реестра обращений из СЭД.
ignore: [№ п/п, Рег. номер, ФИО заявителя, Адрес заявителя, Телефон, Краткое содержание, Исполнитель]
columns:
  registered: Дата регистрации
  answered: Дата ответа
  channel: Канал поступления
  kind: Вид обращения
  topic: Код тематики
  outcome: Результат рассмотрения
  reason: Основная причина
values:
  channel:
    Портал ЕПГУ: gosuslugi
    Горячая линия: hotline
    Электронная почта: email
    Личный приём: reception
    МФЦ: mfc
    Почта России: post
    Официальный сайт: website
  kind: {Обращение: appeal, Жалоба: complaint, Запрос информации: request, Предложение: proposal}
  outcome:
    Поддержано: supported
    Поддержано, меры приняты: measures
    Разъяснено: explained
    Не поддержано: refused
    Направлено по компетенции: redirected
    Оставлено без ответа: no-answer
    На рассмотрении: in-progress
  reason:
    Задержка выплаты: late-payment
    Документы: documents
    Вопрос не в компетенции: competence
    Несогласие с отказом: refusal
    Нет сведений о ходе рассмотрения: status
    Некорректное поведение сотрудника: staff
    "—": ""
EOF

q4_text='registered;answered;channel;kind;topic;outcome;reason
2026-10-01;2026-10-14;gosuslugi;complaint;0002.0007.0075.0000;measures;late-payment
2026-10-01;2026-10-08;hotline;appeal;0005.0005.0056.1150;explained;documents
2026-10-15;2026-10-20;email;request;0003.0012.0135.0000;redirected;competence
2026-10-28;2026-11-10;website;complaint;0001.0002.0027.0124;supported;staff
2026-11-03;2026-11-25;reception;proposal;0002.0007.0076.0000;supported;
2026-11-12;2026-12-01;mfc;complaint;0002.0007.0074.0000;refused;refusal
2026-12-02;;post;appeal;0005.0005.0056.1156;no-answer;
2026-12-28;;gosuslugi;appeal;0002.0007.0073.0000;in-progress;status'

# Without the mapping the export's columns are unknown, and the personal ones are named as such.
check "the export without its mapping exits 1" expect_exit 1 import registry.csv
check "an unknown column is named" grep -qx "registry.csv:1: столбец «Рег. номер» не сопоставлен ни с одним столбцом обращений: укажите его в columns или ignore файла сопоставления" stderr
check "the name column is called personal data" grep -qx "registry.csv:1: столбец «ФИО заявителя» похож на персональные данные: добавьте его в ignore файла сопоставления, чтобы он не загружался" stderr
check "so is the phone column" grep -qx "registry.csv:1: столбец «Телефон» похож на персональные данные: добавьте его в ignore файла сопоставления, чтобы он не загружался" stderr
check "a missing column of ours is named" grep -qx "registry.csv:1: нет столбца «registered» (дата регистрации): назовите так столбец выгрузки или укажите его название в columns файла сопоставления" stderr
check "the refusal says nothing was written" bash -c '[ "$(tail -1 stderr)" = "Импорт не выполнен: ничего не записано." ]'
check "no quarter file is written" test ! -e "$q4"

# A mapping that forgets to ignore the names.
sed 's/ФИО заявителя, //' mapping.yaml >careless.yaml
check "a personal column left in exits 1" expect_exit 1 import --mapping careless.yaml registry.csv
check "it is the only problem" same stderr "registry.csv:1: столбец «ФИО заявителя» похож на персональные данные: добавьте его в ignore файла сопоставления, чтобы он не загружался
Импорт не выполнен: ничего не записано."
check "still no quarter file" test ! -e "$q4"

# The export with its mapping.
check "the export is imported" expect_exit 0 import --mapping mapping.yaml registry.csv
check "the new file and the count are reported" same stderr "content/appeals/2026-q4.csv: новый файл, 8 записей
Импортировано обращений: 8 из 8 строк"
check "nothing goes to stdout" test ! -s stdout
check "the quarter file is canonical" same "$q4" "$q4_text"
check "it is UTF-8 with '\n' line ends" bash -c '! grep -q $'"'"'\r'"'"' "$0" && [ "$(tail -c1 "$0" | od -An -c | tr -d " ")" = "\n" ]' "$q4"
check "no name, phone or number reached it" bash -c '! grep -qE "Кузнецова|921|01-12/|Смирнова|Вологда" "$0"' "$q4"
check "no temporary file is left" bash -c '[ -z "$(ls -A content/appeals | grep -v -e "^20[0-9][0-9]-q[1-4]\.csv$" -e "^reasons.yaml$" -e "^classifier.yaml$")" ]'
check "the other quarters are untouched" diff -r -x 2026-q4.csv "$repo/content/appeals" content/appeals

check "the same export again succeeds" expect_exit 0 import --mapping mapping.yaml registry.csv
check "it says the file did not change" same stderr "content/appeals/2026-q4.csv: не изменился, 8 записей
Импортировано обращений: 8 из 8 строк"
check "--quiet prints nothing" expect_exit 0 import --mapping mapping.yaml registry.csv -q
check "not a word" test ! -s stderr

# Windows-1251, as Excel saves «CSV (разделители — точки с запятой)».
printf '%s\r\n' "${export_rows[@]}" | iconv -f UTF-8 -t CP1251 >cp1251.csv
check "a Windows-1251 export is read" expect_exit 0 import --mapping mapping.yaml cp1251.csv
check "the conversion is mentioned" same stderr "cp1251.csv: файл прочитан в кодировке Windows-1251
content/appeals/2026-q4.csv: не изменился, 8 записей
Импортировано обращений: 8 из 8 строк"

check "the site builds with the imported quarter" expect_exit 0 build content
check "the build names no problem" bash -c '! grep -q "appeals" stderr'

# A later export of the quarter with bad rows: an unknown channel, a phone typed into the reason, an answer
# before the registration. Nothing is written.
cp registry.csv later.csv
printf '%s\r\n' \
  '9;01-12/5201;05.12.2026 10:00;Гусев Иван Ильич;;;Telegram;Жалоба;0002.0007.0075.0000;Нет выплаты;Поддержано;10.12.2026;Задержка выплаты;Орлова Е. А.' \
  '10;01-12/5230;07.12.2026 10:30;Гусева Ольга Ивановна;;;Горячая линия;Обращение;0002.0007.0075.0000;Перезвонить;Разъяснено;09.12.2026;перезвонить по 8 921 555-44-33;Орлова Е. А.' \
  '11;01-12/5300;20.12.2026 09:00;Носов Пётр Ильич;;;МФЦ;Жалоба;0002.0007.0075.0000;Отказ;Не поддержано;19.12.2026;Несогласие с отказом;Орлова Е. А.' \
  '12;01-12/5310;30.12.2026 17:20;Лебедева Нина Юрьевна;;;Электронная почта;Обращение;0002.0007.0075.0000;Когда выплата;На рассмотрении;;Задержка выплаты;Орлова Е. А.' \
  >>later.csv
later_errors="later.csv:10: неизвестная точка взаимодействия «Telegram»
later.csv:11: в строке есть персональные данные (телефон); в файлах обращений их быть не должно
later.csv:12: дата ответа 19.12.2026 раньше даты регистрации 20.12.2026"
check "an export with bad rows exits 1" expect_exit 1 import --mapping mapping.yaml later.csv
check "each bad row is named by the export's row" same stderr "$later_errors
Импорт не выполнен: строк с ошибками — 3 из 12. Ничего не записано. Исправьте их или добавьте --skip-invalid, чтобы импортировать остальные."
check "the phone is not quoted" bash -c '! grep -q "555-44-33" stderr'
check "the quarter file is unchanged" same "$q4" "$q4_text"

check "--skip-invalid imports the good rows" expect_exit 0 import --mapping mapping.yaml --skip-invalid later.csv
check "the bad rows are listed, then the files and the count" same stderr "$later_errors
content/appeals/2026-q4.csv: было 8 записей, стало 9
Пропущены строки с ошибками: 10, 11, 12.
Импортировано обращений: 9 из 12 строк (с ошибками пропущено: 3)"
check "the good new row is appended in date order" same "$q4" "$q4_text
2026-12-30;;email;appeal;0002.0007.0075.0000;in-progress;late-payment"
check "the site still builds" expect_exit 0 build content

# Changing a quarter whose report is published and frozen: a warning, then the build refuses.
cp -r "$repo/content" published
head -n -1 published/appeals/2026-q3.csv >q3.csv
check "a published quarter is replaced" expect_exit 0 \
  "$otklik" import appeals --content published --as-of 2027-01-20 q3.csv
check "with a warning about its report" same stderr "published/appeals/2026-q3.csv: было 543 записи, стало 542
Внимание: отчёт за 2026-q3 уже опубликован (published/reports/2026-q3.yaml). Если его числа изменились, сборка не пройдёт, пока вы не добавите исправление в errata (что изменилось и почему) и не выполните otklik report freeze 2026-q3.
Импортировано обращений: 542 из 542 строк"
check "the file holds the export" same published/appeals/2026-q3.csv "$(cat q3.csv)"
check "the build refuses the changed report" expect_exit 1 build published
check "naming the report" grep -q "^published/reports/2026-q3.yaml:1: опубликованный отчёт изменился бы: " stderr
cp "$repo/content/appeals/2026-q3.csv" original-q3.csv
check "importing the original back changes nothing else" expect_exit 0 \
  "$otklik" import appeals --content published --as-of 2027-01-20 original-q3.csv
check "it is written back" same stderr "published/appeals/2026-q3.csv: было 542 записи, стало 543
Внимание: отчёт за 2026-q3 уже опубликован (published/reports/2026-q3.yaml). Если его числа изменились, сборка не пройдёт, пока вы не добавите исправление в errata (что изменилось и почему) и не выполните otklik report freeze 2026-q3.
Импортировано обращений: 543 из 543 строк"
check "byte for byte" cmp published/appeals/2026-q3.csv "$repo/content/appeals/2026-q3.csv"
check "and the build passes again" expect_exit 0 build published

# A mapping with a mistake: its file and line, nothing read.
sed 's/^  channel: Канал поступления$/  chanel: Канал поступления/; s/Почта России: post/Почта России: mail/' mapping.yaml >typo.yaml
check "a mapping with errors exits 1" expect_exit 1 import --mapping typo.yaml registry.csv
check "the mapping errors are named" same stderr "typo.yaml:6: столбца «chanel» в файлах обращений нет (возможно, имелось в виду «channel»?); столбцы: registered, answered, channel, kind, topic, outcome, reason
typo.yaml:18: недопустимое значение «mail» для столбца «channel» (возможно, имелось в виду «email»?); допустимые значения: website, gosuslugi, mfc, social-centers, reception, hotline, email, post, community, outreach
Импорт не выполнен: исправьте файл сопоставления."

# Files that cannot be read, usage errors.
check "a missing export exits 1" expect_exit 1 import nowhere.csv
check "the missing file is named" bash -c 'head -1 stderr | grep -q "^nowhere.csv: не удалось прочитать файл"'
head -1 registry.csv >header-only.csv
check "an export without rows exits 1" expect_exit 1 import --mapping mapping.yaml header-only.csv
check "it says there are no rows" same stderr "В файле нет строк с обращениями: ничего не записано."
check "a missing file argument is a usage error" expect_exit 2 import --mapping mapping.yaml
check "a bad --as-of is a usage error" expect_exit 2 "$otklik" import appeals --as-of 20.01.2027 registry.csv
check "an unknown flag is a usage error" expect_exit 2 import --survey x registry.csv
check "usage errors wrote nothing" same "$q4" "$q4_text
2026-12-30;;email;appeal;0002.0007.0075.0000;in-progress;late-payment"

report
