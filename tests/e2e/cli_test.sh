#!/usr/bin/env bash
# End-to-end checks of the real otklik binary: exit codes, error output,
# atomic publishing, determinism and that every internal link resolves.
# Usage: cli_test.sh path/to/otklik repo-root
set -uo pipefail

source "$(dirname "$(realpath "$0")")/checks.sh" "$@"

build() {  # build CONTENT OUT [extra flags]
  local content=$1 out=$2
  shift 2
  "$otklik" build --content "$content" --templates "$repo/templates" --data "$work/data" --out "$out" \
    --internal internal --as-of 2026-11-24 "$@"
}

cp -r "$repo/content" "$work/content"

# The demo site builds, and twice with the same inputs gives the same bytes.
check "demo site builds" expect_exit 0 build content site
check "home page exists" test -s site/index.html
check "success message names the output" grep -q "Сайт собран в site" "$work/stderr"
check "second build succeeds" expect_exit 0 build content site2
check "output is byte-identical" diff -r site site2

# Every relative link and asset reference in every page resolves to a file.
check "internal links resolve" python3 "$repo/tests/e2e/check_links.py" site

# Surveys: the reference questionnaire is a form posting to the receiver;
# internal surveys go to the internal output only and nowhere in site/.
check "the reference survey has a form" \
  grep -q '<form class="survey-form" method="post" action="https://otklik.minsoc-sever.example.ru/surveys/service-satisfaction"' \
  site/surveys/service-satisfaction/index.html
check "the embed page exists" test -s site/surveys/service-satisfaction/embed/index.html
check "a service page links to its survey with ?service=" \
  grep -q 'surveys/service-satisfaction/index.html?service=housing-subsidy' site/services/housing-subsidy/index.html
check "the staff survey is published internally" test -s internal/surveys/staff-2026/index.html
check "the internal output is reported" grep -q "Страницы для сотрудников записаны в internal" "$work/stderr"
check "no public file names the staff survey" bash -c '! grep -rl "staff-2026" site'
check "no public file has the staff survey's title" bash -c '! grep -rl "Удовлетворённость сотрудников" site'
check "internal links resolve" python3 "$repo/tests/e2e/check_links.py" internal
check "an internal folder inside the site is refused" expect_exit 1 \
  "$otklik" build --content content --templates "$repo/templates" --out site --internal site/staff --as-of 2026-11-24
check "the refusal is explained" grep -q "site/staff: папка для внутренних материалов не может совпадать с папкой сайта site, лежать в ней или содержать её" "$work/stderr"

# A broken content file: exit 1, path:line error, previous site untouched.
cp -r site site.before
cp -r content broken
sed -i 's/^touchpoints: \[/touchpoints: [nowhere, /' broken/services/*.md
first_service=$(ls broken/services | head -1)
check "broken content exits 1" expect_exit 1 build broken site
check "error names file and line" grep -q "^broken/services/$first_service:[0-9]*: неизвестная точка взаимодействия «nowhere»" "$work/stderr"
check "failure summary printed" grep -q "Сборка не выполнена" "$work/stderr"
check "previous site is untouched" diff -r site.before site
check "staging is beside the output, never inside it" test ! -e site/.site.staging

# A rebuild of unchanged content changes nothing that is published; a changed
# or removed service changes only what depends on it. --verbose names each
# step; --quiet says nothing but errors.
check "first unchanged rebuild succeeds" expect_exit 0 build content site
check "unchanged rebuild rewrites no file" grep -q "изменено файлов — 0," "$work/stderr"
check "second unchanged rebuild succeeds" expect_exit 0 build content site
check "unchanged rebuild rewrites no file" grep -q "изменено файлов — 0," "$work/stderr"
check "rebuild output equals the first build" diff -r site2 site
first_service=$(ls content/services | head -1)
printf '\nОписание уточнено.\n' >> "content/services/$first_service"
check "a description edit builds verbosely" expect_exit 0 build content site --verbose
check "--verbose names each step with its time" \
  grep -Pzq "^Чтение материалов \(\d+\.\d{3} с\)\nЧтение ответов: 0.ответов, 0.файлов \(\d+\.\d{3} с\)\nЗащита малых групп: объединено вариантов — 0, скрыто: по порогу — 0, дополнительно — 0; проверено скрытых чисел — 0 \(задач — 0, проверок — 1\) \(\d+\.\d{3} с\)\nСтраницы: \d+.страниц(а|ы)? \(\d+\.\d{3} с\)\nСтраницы для сотрудников: \d+.страниц(а|ы)? \(\d+\.\d{3} с\)\nСтраницы \(tt\): \d+.страниц(а|ы)? \(\d+\.\d{3} с\)\nПубликация: изменено файлов: 1 \(\d+\.\d{3} с\)\n" "$work/stderr"
check "a description edit changes its service page only" grep -q "изменено файлов — 1," "$work/stderr"
check "--quiet prints nothing" expect_exit 0 build content site --quiet
check "--quiet output is empty" test ! -s "$work/stderr"
check "--quiet and --verbose together are a usage error" expect_exit 2 build content site --quiet --verbose
check "the clash is named" grep -q "excludes" "$work/stderr"
sed -i 's/^title: \(.*\)$/title: \1 (изменено)/' "content/services/$first_service"
check "rebuild after an edit succeeds" expect_exit 0 build content site
check "the edited title is published" grep -q "(изменено)" "site/services/${first_service%.md}/index.html"
# The pain map's filter pages name every service, so they change too; the
# other ~70 pages do not.
check "an edit rewrites only the pages that show the service" \
  bash -c '[ "$(grep -o "изменено файлов — [0-9]*" "$0" | grep -o "[0-9]*$")" -lt 70 ]' "$work/stderr"
rm "content/services/$first_service"
# The survey of families offers it by name: it goes with the service.
sed -i "s/^    services: \[${first_service%.md}, /    services: [/" content/surveys/families-in-depth.yaml
check "a removed service still named by decisions fails the build" expect_exit 1 build content site
check "the decision naming it is reported" \
  grep -q "^content/decisions/[a-z-]*\.md:[0-9]*: неизвестная услуга «${first_service%.md}»" "$work/stderr"
grep -l "^service: ${first_service%.md}$" content/decisions/*.md | xargs rm
check "rebuild after a removal succeeds" expect_exit 0 build content site
check "the removed service's page is gone" test ! -e "site/services/${first_service%.md}"
check "links still resolve after a removal" python3 "$repo/tests/e2e/check_links.py" site
rm -rf content && cp -r "$repo/content" content

# A theme without its layout: exit 1, previous site untouched. (Any other
# template a theme lacks is taken from the built-in default theme.)
rm -rf site.before && cp -r site site.before
cp -r "$repo/templates" templates-broken
rm templates-broken/layout.mustache
check "missing layout exits 1" expect_exit 1 "$otklik" build --content content --templates templates-broken --out site --as-of 2026-11-22
check "missing layout named" grep -q "templates-broken/layout.mustache: нет обязательного шаблона" "$work/stderr"
check "site untouched after template error" diff -r site.before site

# Otklik never replaces a folder it did not create.
mkdir -p precious && echo "keep me" > precious/notes.txt
check "foreign output folder refused" expect_exit 1 build content precious
check "foreign folder kept" grep -q "keep me" precious/notes.txt
check "refusal explained" grep -q "precious: папка не пуста и создана не Otklik" "$work/stderr"

# Usage errors exit 2.
check "bad --as-of is a usage error" expect_exit 2 "$otklik" build --as-of 2026-02-30
check "unknown command is a usage error" expect_exit 2 "$otklik" frobnicate
check "no command is a usage error" expect_exit 2 "$otklik"
check "help exits 0" expect_exit 0 "$otklik" build --help

report
