#!/usr/bin/env bash
# End-to-end checks of the quarterly appeals reports with the real binary
# over a copy of the demo content: the public and internal outputs, the
# metrics kept internal, `otklik check` deadlines for several dates, and the
# frozen numbers of a published report.
# Usage: reports_test.sh path/to/otklik repo-root
set -uo pipefail

source "$(dirname "$(realpath "$0")")/checks.sh" "$@"
cp -r "$repo/content" content
# The pain map has overdue decisions of its own, which `otklik check` also
# reports with exit 1; decisions_test.sh covers them.
rm -r content/decisions
python3 "$repo/scripts/demo-responses" --data data >/dev/null

build() {  # build [extra flags]: the demo content on 2026-11-23
  "$otklik" build --content content --templates "$repo/templates" --data data --out site --internal internal \
    --as-of 2026-11-23 "$@"
}
check_on() {  # check_on DATE
  "$otklik" check --content content --data data --as-of "$1"
}
plain() {  # the last command's stdout with no-break spaces as plain ones
  sed 's/\xc2\xa0/ /g' "$work/stdout"
}
# (grep -q reads from a process substitution, not a pipe: under pipefail, a
# grep that stops at the first match could fail the pipe with the writer's SIGPIPE.)
grep_plain() {  # grep_plain PATTERN: in plain
  grep -q "$1" < <(plain)
}
has() {  # has FILE PATTERN: the file, no-break spaces read as plain ones, matches
  grep -q "$2" < <(sed 's/\xc2\xa0/ /g' "$1")
}

# Public and internal outputs.
check "the demo content builds" expect_exit 0 build
for quarter in 2024-q4 2025-q1 2025-q2 2025-q3 2025-q4 2026-q1 2026-q2 2026-q3; do
  check "the published report $quarter is on the site" test -s "site/reports/$quarter/index.html"
  check "the full report $quarter is in the internal output" test -s "internal/reports/$quarter/index.html"
done
check "the reports index lists them" grep -q 'href="../reports/2026-q3/index.html">Обращения граждан: III квартал 2026' \
  site/reports/index.html
check "the late one says so" has site/reports/index.html '20 августа 2025 г.: опубликован с опозданием на 6 дней'
check "the home page shows the latest report" \
  has site/index.html 'Обращения граждан: III квартал 2026 г.</a>: 12 ноября 2026 г., опубликован в срок' ||
  grep -A4 'id="report-heading"' site/index.html >&2  # what it shows instead, to diagnose
check "half-year summaries are under reports/" test -s site/reports/2026-h1/index.html
check "the feedback report is internal" test -s internal/reports/feedback-2026-h1/index.html
check "the erratum is on its report" grep -q 'Ошибка сопоставления каналов при выгрузке' site/reports/2025-q4/index.html

# The demo keeps the main reasons internal (site.yaml appeals_public).
check "the internal report has the reasons" grep -q 'Основные причины обращений' internal/reports/2026-q3/index.html
check "the reasons table is internal" grep -q '<th scope="row">Задержка выплаты</th>' internal/reports/2025-q4/index.html
check "no public file has the reasons section" bash -c '! grep -rq "Основные причины обращений" site'
check "no public file has a reasons table row" bash -c '! grep -rq "<th scope=\"row\">Задержка выплаты</th>" site'
check "no internal page is public" bash -c '! find site -path "*feedback*" | grep -q .'

# Deadlines.
check "on 2026-11-23 nothing is overdue" expect_exit 0 check_on 2026-11-23
check "every quarter is listed" same <(plain | grep '^  [IV]* квартал') "  IV квартал 2024 г.: опубликован в срок (срок — 14 февраля 2025 г.)
  I квартал 2025 г.: опубликован в срок (срок — 15 мая 2025 г.)
  II квартал 2025 г.: опубликован с опозданием на 6 дней (срок — 14 августа 2025 г.)
  III квартал 2025 г.: опубликован в срок (срок — 14 ноября 2025 г.)
  IV квартал 2025 г.: опубликован в срок (срок — 14 февраля 2026 г.)
  I квартал 2026 г.: опубликован в срок (срок — 15 мая 2026 г.)
  II квартал 2026 г.: опубликован в срок (срок — 14 августа 2026 г.)
  III квартал 2026 г.: опубликован в срок (срок — 14 ноября 2026 г.)"
check "before its publication date a report is still due" expect_exit 0 check_on 2026-11-10
check "with the days left" grep_plain '^  III квартал 2026 г.: готовится, осталось 4 дня (срок — 14 ноября 2026 г.)$'
check "the day of the deadline" expect_exit 0 check_on 2025-08-14
check "says today" grep_plain '^  II квартал 2025 г.: готовится, срок истекает сегодня (срок — 14 августа 2025 г.)$'
check "a missing report after its deadline fails the check" expect_exit 1 check_on 2027-03-01
check "as overdue" grep_plain '^  IV квартал 2026 г.: просрочен на 15 дней (срок — 14 февраля 2027 г.)$'
check "with a count" grep -q '^Просрочено отчётов: 1.$' "$work/stdout"
check "a late report is overdue until it is published" expect_exit 1 check_on 2025-08-16
check "by two days" grep_plain '^  II квартал 2025 г.: просрочен на 2 дня (срок — 14 августа 2025 г.)$'

# Frozen numbers: changing a published quarter's records is refused.
cp -r site site.before
sed -i '0,/;complaint;\([^;]*\);supported;/s//;complaint;\1;refused;/' content/appeals/2026-q3.csv
check "the record was changed" bash -c '! cmp -s content/appeals/2026-q3.csv "'"$repo"'/content/appeals/2026-q3.csv"'
check "a build that would change a published report fails" expect_exit 1 build
check "naming the changed numbers" grep -q '^content/reports/2026-q3.yaml:1: опубликованный отчёт изменился бы: .*complaints.refused.count: было 13, стало 14; ' "$work/stderr"
check "and what to do" grep -q 'добавьте запись в errata (дата, что изменилось, почему) и выполните otklik report freeze 2026-q3; иначе верните данные' "$work/stderr"
check "the site is untouched" diff -r site.before site
check "freezing without an erratum is refused" expect_exit 1 "$otklik" report freeze 2026-q3 --content content --as-of 2026-11-23
check "with the reason" grep -q 'а нового исправления в errata нет' "$work/stderr"
grep -q '^errata:' content/reports/2026-q3.yaml || echo 'errata:' >>content/reports/2026-q3.yaml
cat >>content/reports/2026-q3.yaml <<'EOF'
  - date: 2026-12-10
    what: Одна жалоба отнесена к отклонённым, а не к удовлетворённым.
    why: Ошибка при выгрузке из системы учёта обращений.
EOF
check "with an erratum the numbers can be frozen again" expect_exit 0 \
  "$otklik" report freeze 2026-q3 --content content --as-of 2026-11-23
check "it says so" same "$work/stdout" "Числа отчёта закреплены: content/reports/2026-q3.numbers.json"
check "and the build passes" expect_exit 0 build
check "showing the erratum" grep -q 'Одна жалоба отнесена к отклонённым' site/reports/2026-q3/index.html
check "freezing the same numbers again changes nothing" expect_exit 0 \
  "$otklik" report freeze 2026-q3 --content content --as-of 2026-11-23
check "and says so" same "$work/stdout" "Числа отчёта уже закреплены и не изменились: content/reports/2026-q3.numbers.json"

report
