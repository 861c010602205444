#!/usr/bin/env bash
# End-to-end checks of recurring surveys with the real binary over a copy of
# the demo content: the quarterly waves of families-in-depth.yaml as pages
# on two dates (a wave not yet open is not published), their responses and
# results, `otklik check` on the survey cadence, and content errors of the
# production calendar.
# Usage: waves_test.sh path/to/otklik repo-root
set -uo pipefail

source "$(dirname "$(realpath "$0")")/checks.sh" "$@"
cp -r "$repo/content" content
# The pain map has overdue decisions of its own, which `otklik check` reports with exit 1.
rm -r content/decisions
python3 "$repo/scripts/demo-responses" --data data --as-of 2026-12-06 >/dev/null

build() {  # build DATE
  "$otklik" build --content content --templates "$repo/templates" --data data --out "site-$1" \
    --internal "internal-$1" --as-of "$1"
}
plain() {  # plain FILE: no-break spaces as plain ones
  sed 's/\xc2\xa0/ /g' "$1"
}
has() {  # has FILE PATTERN
  grep -q "$2" < <(plain "$1")
}

# The waves as pages: on 6 December 2026 the IV quarter's wave takes answers.
check "the demo builds on 6 December 2026" expect_exit 0 build 2026-12-06
wave=site-2026-12-06/surveys/families-in-depth-2026-q4
check "the current wave has a page with its period in the title" \
  has "$wave/index.html" "<h1>Углублённый опрос семей с детьми (IV квартал 2026 г.)</h1>"
check "and a form posting to its own address" \
  grep -q 'action="https://otklik.minsoc-sever.example.ru/surveys/families-in-depth-2026-q4"' "$wave/index.html"
check "that takes answers until 9 December" has "$wave/index.html" "принимаем ответы до 9 декабря 2026 г."
check "a past wave has no form" bash -c "! grep -q 'survey-form' site-2026-12-06/surveys/families-in-depth-2026-q3/index.html"
check "but the dates it ran" has site-2026-12-06/surveys/families-in-depth-2026-q3/index.html \
  "Опрос проводился с 25 августа 2026 г. по 7 сентября 2026 г."
check "but its results for its quarter" test -s site-2026-12-06/surveys/families-in-depth-2026-q3/results/2026-q3/index.html
check "no wave of 2027 is published" bash -c '! ls site-2026-12-06/surveys | grep -q 2027'
check "the survey list names every wave so far" \
  test "$(grep -o 'href="../surveys/families-in-depth-2026-q[1-4]/index.html"' site-2026-12-06/surveys/index.html | sort -u | wc -l)" -eq 4

# On 23 November the IV quarter's wave has not opened yet.
check "the demo builds on 23 November 2026" expect_exit 0 build 2026-11-23
check "a wave that has not opened is not published" test ! -e site-2026-11-23/surveys/families-in-depth-2026-q4
check "nor linked" bash -c '! grep -rq "families-in-depth-2026-q4" site-2026-11-23'

# otklik check: the years with too few or too short surveys (seed 004 §6.2).
check "check passes on the demo" expect_exit 0 "$otklik" check --content content --data data --as-of 2026-12-06
check "it reports the survey cadence" same <(plain "$work/stdout" | sed -n '/^Периодичность/,$p') \
"Периодичность опросов (survey_cadence в site.yaml):
  2025 год: внешних опросов — 1 (appeals-handling), нужно не меньше 2
  2025 год: внутренних опросов — 0, нужно не меньше 1
  2026 год: внешние опросы длятся в среднем 9,8 рабочего дня (families-in-depth-2026-q1 — 10, families-in-depth-2026-q2 — 10, hotline-2026 — 9, families-in-depth-2026-q3 — 10, families-in-depth-2026-q4 — 10), нужно не меньше 10"
check "and as JSON" python3 -c '
import json, subprocess, sys
r = json.loads(subprocess.run(sys.argv[1:], capture_output=True, text=True).stdout)
sys.exit(0 if len(r["cadence"]) == 3 and r["cadence"][1].startswith("2025 год: внутренних") else 1)' \
  "$otklik" check --content content --data data --as-of 2026-12-06 --json

# Content errors: a wave past the calendar, a calendar with a gap.
cp content/calendar.yaml calendar.yaml.orig
python3 - <<'PY'
import re
text = open("content/calendar.yaml", encoding="utf-8").read()
open("content/calendar.yaml", "w", encoding="utf-8").write(text[:text.index("\n2027:")] + "\n")
PY
sed -i 's/^  from: 2026-q1$/  from: 2026-q1\n  until: 2027-q1/' content/surveys/families-in-depth.yaml
check "a wave past the calendar fails the build" expect_exit 1 build 2026-12-06
check "naming the file, the line and the fix" same "$work/stderr" \
"content/surveys/families-in-depth.yaml:12: волна 2027-q1 позже конца производственного календаря content/calendar.yaml (2026 год): добавьте в него 2027 год или сократите «until»
Сборка не выполнена: ошибок — 1. Папка site-2026-12-06 не изменена."

report
