#!/usr/bin/env bash
# End-to-end checks of the pain map with the real binary over a copy of the
# demo content: the pages and their static filters, the state on other
# dates (--as-of), the effect shown honestly, `otklik check` on overdue
# decisions, bad references, and the Atom feeds (well-formed, valid against
# the RFC 4287 schema, deterministic).
# Usage: decisions_test.sh path/to/otklik repo-root
set -uo pipefail

source "$(dirname "$(realpath "$0")")/checks.sh" "$@"
cp -r "$repo/content" content
python3 "$repo/scripts/demo-responses" --data data >/dev/null

build() {  # build DATE [out]: the demo content on DATE
  "$otklik" build --content content --templates "$repo/templates" --data data --out "${2:-site}" \
    --internal internal --as-of "$1"
}
text() {  # text FILE: the page's text without tags (figures' markup inline), no-break spaces as plain ones
  sed -e 's/<data [^>]*>//g' -e 's/<\/data>//g' -e 's/<span data-[^>]*>//g' -e 's/<\/span>//g' -e 's/<[^>]*>/ /g' \
    -e 's/\xc2\xa0/ /g' "$1" | tr -s ' \n' ' '
}
has() {  # has FILE TEXT: the page's text contains TEXT
  grep -qF "$2" < <(text "$1")  # not a pipe: under pipefail, SIGPIPE of the writer would fail it
}

check "the demo builds on 2026-11-23" expect_exit 0 build 2026-11-23
check "the pain map lists 20 problems in states that add up to them" has site/decisions/index.html "На карте 20 проблем: выполнено — 7, выполняется — 10, запланировано — 2, отменено — 1. Срок прошёл у 4 из 12 невыполненных."
check "every decision has its page" test "$(ls -d site/decisions/*/ | grep -cv '/\(status\|services\|situations\|touchpoints\)/$')" -eq 20
check "the map starts with the highest-priority, most widespread problem" \
  bash -c 'grep -o "class=\"decision__title\"><a href=\"[^\"]*\"" "$0" | head -1 | grep -q social-contract-commission' \
  site/decisions/index.html
for filter in status/overdue status/done status/cancelled services/housing-subsidy situations/low-income touchpoints/mfc; do
  check "the filter page $filter exists" test -s "site/decisions/$filter/index.html"
done
check "a filter page marks itself current" grep -q 'href="../../../decisions/status/overdue/index.html" aria-current="page"' \
  site/decisions/status/overdue/index.html
check "the overdue filter lists the four overdue problems" \
  test "$(grep -c 'class="decision decision--overdue"' site/decisions/status/overdue/index.html)" -eq 4
check "decision pages load no script but the accessibility panel's" \
  bash -c '! grep -rh "<script" site/decisions | grep -v "^<script src=\"[./]*assets/access.js\"></script>$" | grep -q .'

page=site/decisions/housing-subsidy-decision-time/index.html
check "a done decision shows what was said" has "$page" "2-е полугодие 2025 г.: доля оценок 4 и 5 — 43 %, ответов — 158."
check "who was responsible and by when" has "$page" "Ответственный Отдел жилищных субсидий Срок 27 февраля 2026 г."
check "the dated history" has "$page" "20 февраля 2026 г. — выполнено."
check "and the effect, larger than the uncertainty" \
  has "$page" "Доля довольных во 2-м полугодии 2025 г. — 43 %, в III квартале 2026 г. — 66 %: выросла на 23 процентных пункта, это больше погрешности; стало лучше."
check "a decision that did not help says so" \
  has site/decisions/social-contract-consultations/index.html "это в пределах погрешности; улучшения пока не видно."
check "a cancelled decision is not evaluated" \
  has site/decisions/spa-treatment-choice/index.html "Мероприятия отменены, поэтому эффект не оценивается."
check "a decision done last month waits for a full quarter" \
  has site/decisions/funeral-benefit-death-record/index.html "; эффект можно будет оценить после 31 марта 2027 г."
check "the service page shows its decisions" \
  grep -q 'href="../../decisions/housing-subsidy-decision-time/index.html"' site/services/housing-subsidy/index.html
check "the situation page too" \
  grep -q 'href="../../decisions/housing-subsidy-decision-time/index.html"' site/situations/low-income/index.html
check "the touchpoint page too" \
  grep -q 'href="../../decisions/housing-subsidy-decision-time/index.html"' site/touchpoints/mfc/index.html
check "the home page shows recent changes" has site/index.html "10 ноября 2026 г. — Мероприятие"

# Open data: the same numbers as the pages, the same suppression, in the
# layout of the open-data recommendations (list, passport, structure, data).
for set in satisfaction appeals decisions measures processes; do
  check "the $set set has its passport, structure, data and JSON" bash -c \
    'test -s "site/data/$0/meta.csv" && ls site/data/$0/structure-*.csv site/data/$0/data-*-structure-*.csv site/data/$0/data.json >/dev/null' "$set"
  check "the $set passport names its data file" grep -q "^data-[0-9]*-structure-[0-9]*,https://otklik.minsoc-sever.example.ru/data/$set/data-" "site/data/$set/meta.csv"
done
check "the register lists the five sets" test "$(grep -c "/meta.csv,csv" site/data/list.csv)" -eq 5
check "the agency's level of III 2026 is the one on the home page" \
  bash -c 'grep -q "^services,[^,]*,all,,[^,]*,2026-q3,III квартал 2026 г.,shown,0.6[0-9]*," site/data/satisfaction/data-20260930-structure-20261206.csv && grep -q "Уровень удовлетворённости в III квартале 2026 г. — <data value=\"[0-9]*/[0-9]*\" data-key=\"level/services/all/2026-q3/share\">6[0-9]" <(sed "s/\xc2\xa0/ /g" site/index.html)'
check "a group too small to publish has no numbers in the data either" \
  grep -q "^services,[^,]*,service,veteran-of-labour-title,[^,]*,2024-q4,[^,]*,suppressed,,,,,,,.$" site/data/satisfaction/data-20260930-structure-20261206.csv
check "the decision set has every problem on the map" test "$(($(wc -l <site/data/decisions/data-20261110-structure-20261123.csv) - 1))" -eq 20
check "with its state and outcome over both of its evidence items" grep -q "^housing-subsidy-decision-time,.*,done,false,2026-03-16,,\"стало лучше по 1 показателю из 2, по другому улучшения пока не видно\"," site/data/decisions/data-20261110-structure-20261123.csv
check "the JSON has the same rows" python3 -c '
import csv, json, sys
rows = list(csv.DictReader(open("site/data/measures/data-20261110-structure-20261123.csv", encoding="utf-8")))
data = json.load(open("site/data/measures/data.json", encoding="utf-8"))["rows"]
sys.exit(0 if [r["id"] for r in rows] == [r["id"] for r in data] and len(rows) == 47 else 1)'
check "the data page lists the sets" has site/data/index.html "Карта болей: мероприятия"

# The map as it was on an earlier day.
check "the demo builds on 2026-01-15" expect_exit 0 build 2026-01-15 site-january
check "then the subsidy decision was in progress" \
  has site-january/decisions/housing-subsidy-decision-time/index.html "выполняется"
check "problems identified later are not on the map yet" test ! -e site-january/decisions/hotline-unreachable
check "no effect before it is done" \
  has site-january/decisions/housing-subsidy-decision-time/index.html "Эффект оценим, когда все мероприятия будут выполнены"

# otklik check: overdue decisions fail it, with the file and who is responsible.
check "overdue decisions fail the check" expect_exit 1 "$otklik" check --content content --data data --as-of 2026-11-23
check "with a summary" grep -q "^Карта болей: проблем — 20, просрочено — 4, срок в ближайшие 30 дней — 2.$" "$work/stdout"
check "naming the file, the measure, the deadline, the days and the unit" grep -qxF \
  "  content/decisions/rehabilitation-equipment-queue.md: «Номер в очереди и ожидаемый срок выдачи — в личном кабинете на сайте министерства» — срок 30 июня 2026 г. (просрочено на 146 дней), отвечает: Отдел информатизации" \
  <(sed 's/\xc2\xa0/ /g' "$work/stdout")
check "the problems due soon are listed" grep -q "^Скоро срок:$" "$work/stdout"
check "with the days left" grep -q "^  content/decisions/disabled-child-payment-renewal.md: .* (осталось 22 дня), " \
  <(sed 's/\xc2\xa0/ /g' "$work/stdout")

# The same as JSON for scripts; surveys closing soon; images without alt
# text and links to pages the site does not have.
check "check --json exits as the human check" expect_exit 1 "$otklik" check --content content --data data --as-of 2026-11-23 --json
check "its JSON has the overdue decisions, due ones and closing surveys" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
ok = (len(r["overdue_decisions"]) == 4 and len(r["due_soon_decisions"]) == 2 and r["errors"] == []
      and [s["id"] for s in r["closing_surveys"]] == ["staff-2026"] and r["counts"]["decisions"] == 20
      and [x["status"] for x in r["reports"]].count("overdue") == 0)
sys.exit(0 if ok else 1)' "$work/stdout"
check "a survey closing within two weeks is listed" grep -q "^  Удовлетворённость сотрудников условиями работы (staff-2026, внутренний): последний день — 27" \
  <("$otklik" check --content content --data data --as-of 2026-11-23 2>/dev/null | sed 's/\xc2\xa0/ /g')
cp content/services/housing-subsidy.md housing-subsidy.md.orig
printf '\n![](schema.png)\n' >>content/services/housing-subsidy.md
line=$(wc -l <content/services/housing-subsidy.md)
check "an image without alt text fails the check" expect_exit 1 "$otklik" check --content content --data data --as-of 2026-11-23
check "naming the file and line" grep -q "^content/services/housing-subsidy.md:$line: у изображения нет текстового описания" "$work/stdout"
cp housing-subsidy.md.orig content/services/housing-subsidy.md
printf '\nСм. [пособие](../child-allowance/index.html) и [МФЦ](../../touchpoints/mfc/index.html#hours).\n' \
  >>content/services/housing-subsidy.md
line=$(wc -l <content/services/housing-subsidy.md)
check "a link to a page the site does not have fails the check" expect_exit 1 "$otklik" check --content content --data data --as-of 2026-11-23
check "naming the link, file and line; the good link passes" same <(grep "^content/" "$work/stdout") \
  "content/services/housing-subsidy.md:$line: ссылка «../child-allowance/index.html» ведёт на страницу, которой на сайте нет"
cp housing-subsidy.md.orig content/services/housing-subsidy.md

# Evidence by chosen answers: the same 39 of 160 as the survey's table and the prevalence.
page=site/decisions/hotline-unreachable/index.html
check "evidence by answers shows their count, base and share" has "$page" "ответили «Больше 5 минут» или «Не дождался (-лась), звонок прервался» — 39 из 160 (24 %)."
check "the prevalence says the same" has "$page" "Распространённость 39 из 160 респондентов (24 %)"
check "which the survey's page shows as its parts" has site/surveys/hotline-2026/index.html "Больше 5 минут 32 20 % Не дождался (-лась), звонок прервался 7 4 %"
cp content/decisions/hotline-unreachable.md hotline.orig
sed -i 's/^  count: 39$/  count: 38/' content/decisions/hotline-unreachable.md
check "a prevalence its evidence does not support still builds" expect_exit 0 build 2026-11-23
check "with a warning that names the file and the difference" grep -qF "content/decisions/hotline-unreachable.md: распространённость «38 из 160 респондентов (24"$'\xc2\xa0'"%)» не совпадает с основанием за II квартал 2026"$'\xc2\xa0'"г.: из 160 ответивших так ответили 39" "$work/stderr"
cp hotline.orig content/decisions/hotline-unreachable.md

# A bad reference: path:line, nothing published.
cp -r site site.before
sed -i 's/^    question: parameters$/    question: parameterz/' content/decisions/housing-subsidy-decision-time.md
check "a bad evidence reference fails the build" expect_exit 1 build 2026-11-23
check "with its file and line" grep -q "^content/decisions/housing-subsidy-decision-time.md:[0-9]*: в опросе «service-satisfaction» нет вопроса «parameterz» (возможно, имелось в виду «parameters»?)$" "$work/stderr"
check "the site is untouched" diff -r site.before site
cp "$repo/content/decisions/housing-subsidy-decision-time.md" content/decisions/

# Feeds: well-formed, valid against the Atom schema, the same bytes every build.
check "the site feed exists" test -s site/feed.xml
check "a service feed exists" test -s site/services/housing-subsidy/feed.xml
check "pages point to the feed" grep -q '<link rel="alternate" type="application/atom+xml" href="../feed.xml"' site/decisions/index.html
for feed in site/feed.xml site/services/housing-subsidy/feed.xml site/services/spa-treatment/feed.xml; do
  check "$feed is valid Atom" xmllint --noout --relaxng "$repo/tests/e2e/atom.rng" "$feed"
done
check "entry ids are unique" bash -c '[ -z "$(grep -o "<id>[^<]*</id>" site/feed.xml | sort | uniq -d)" ]'
check "a rebuild gives the same feed" bash -c 'build() { "$0" build --content content --templates "$1/templates" --data data --out site2 --internal internal2 --as-of 2026-11-23; }; build "$@" >/dev/null 2>&1 && cmp site/feed.xml site2/feed.xml' "$otklik" "$repo"
check "a later build day does not change the feed" bash -c '"$0" build --content content --templates "$1/templates" --data data --out site3 --internal internal3 --as-of 2026-11-24 >/dev/null 2>&1 && cmp site/feed.xml site3/feed.xml' "$otklik" "$repo"

report
