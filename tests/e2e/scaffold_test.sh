#!/usr/bin/env bash
# End-to-end checks of `otklik new`: each kind of file is created from its
# commented template into a copy of the demo content and the site builds
# with it as it is; bad kinds, bad names and existing files are refused
# without touching anything.
# Usage: scaffold_test.sh path/to/otklik repo-root
set -uo pipefail

source "$(dirname "$(realpath "$0")")/checks.sh" "$@"
cp -r "$repo/content" content

new() {  # new KIND NAME
  "$otklik" new "$1" "$2" --content content --as-of 2026-11-23
}

for kind in service situation touchpoint survey decision page; do
  check "new $kind succeeds" expect_exit 0 new "$kind" "test-$kind"
  check "and says where" grep -q "^Создан content/[a-z]*/test-$kind\.\(md\|yaml\): заполните поля" "$work/stdout"
done
check "the templates explain their fields in Russian" grep -q "^kind: service *# service, support_measure, control, appeals или information$" content/services/test-service.md
check "a new decision points at a real survey question" grep -q "^  - survey: [a-z0-9-]* *# опрос…$" content/decisions/test-decision.md
check "the site builds with every new file as it is" expect_exit 0 \
  "$otklik" build --content content --templates "$repo/templates" --out site --internal internal --as-of 2026-11-23
for page in services/test-service situations/test-situation touchpoints/test-touchpoint surveys/test-survey \
            decisions/test-decision test-page; do
  check "$page is published" test -s "site/$page/index.html"
done
check "the new survey has a form" grep -q '<form class="survey-form"' site/surveys/test-survey/index.html

cp content/services/test-service.md before.md
check "an existing file is not overwritten" expect_exit 1 new service test-service
check "saying so" grep -q "^content/services/test-service.md: файл уже есть; выберите другое имя или измените этот файл$" "$work/stderr"
check "the file is as it was" cmp -s before.md content/services/test-service.md
check "a name that is not an id is a usage error" expect_exit 2 new page "Новая страница"
check "with the rule" grep -q "используйте строчные латинские буквы, цифры и дефис" "$work/stderr"
check "a reserved page name is refused" expect_exit 1 new page decisions
check "an unknown kind is a usage error" expect_exit 2 new widget x
check "nothing else was written" test "$(find content -name 'test-*' | wc -l)" -eq 6

# The production calendar: one file, no name; the demo's is what `new calendar` writes.
check "the demo's calendar is not overwritten" expect_exit 1 "$otklik" new calendar --content content
check "saying so" grep -q "^content/calendar.yaml: файл уже есть: допишите в него новый год или измените его$" "$work/stderr"
rm content/calendar.yaml
check "new calendar writes the production calendar" expect_exit 0 "$otklik" new calendar --content content
check "and says what it holds" grep -q "^Создан content/calendar.yaml: праздники и переносы выходных 2025–2027 годов" "$work/stdout"
check "the demo's calendar is exactly that" cmp -s content/calendar.yaml "$repo/content/calendar.yaml"
check "a calendar has no name" expect_exit 2 "$otklik" new calendar holidays --content content
check "any other kind needs one" expect_exit 2 "$otklik" new survey --content content
check "saying how" grep -q "^Укажите код: otklik new survey КОД" "$work/stderr"

report
