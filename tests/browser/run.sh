#!/usr/bin/env bash
# Builds the demo site (with its synthetic responses) with the given otklik
# binary into a temporary folder and runs the browser tests against it in
# Debian's Chromium: the site served on 127.0.0.1, the real receiver on
# another local port taking the forms' posts. The second example agency (the
# supervision service fixture, as of its fixture test's date) is built too,
# for the accessibility tests (OTKLIK_SITE2, OTKLIK_INTERNAL2), and the demo
# region's portal (scripts/demo-region) for its own pages (OTKLIK_REGION).
# Usage: run.sh path/to/otklik repo-root
set -euo pipefail
otklik=$(realpath "$1")
repo=$(realpath "$2")
work=$(mktemp -d)
receiver_pid=
cleanup() {
  [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null && wait "$receiver_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# Two free local ports: the site's and the receiver's.
read -r site_port receiver_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')

cp -r "$repo/content" "$work/content"
sed -i -e "s|^base_url: .*|base_url: http://127.0.0.1:$site_port/|" \
       -e "s|^receiver_url: .*|receiver_url: http://127.0.0.1:$receiver_port|" "$work/content/site.yaml"
python3 "$repo/scripts/demo-responses" --data "$work/data" >/dev/null
"$otklik" build --quiet --content "$work/content" --templates "$repo/templates" --data "$work/data" \
  --out "$work/site" --internal "$work/internal" --as-of 2026-11-23
fixture="$repo/tests/fixtures/valid/supervision"
"$otklik" build --quiet --content "$fixture/content" --templates "$repo/templates" --data "$fixture/data" \
  --out "$work/site2" --internal "$work/internal2" --as-of 2026-11-22
# The demo region: the two agencies above and generated ones, in one portal.
python3 "$repo/scripts/demo-region" --out "$work/region" --demo-content "$work/content" --demo-data "$work/data" \
  >/dev/null
"$otklik" build --quiet --region "$work/region/region.yaml" --out "$work/portal" --as-of 2026-11-23
"$otklik" receive --content "$work/content" --data "$work/data" --listen "127.0.0.1:$receiver_port" \
  --access-log "$work/access.log" 2>"$work/receiver.log" &
receiver_pid=$!
python3 - "$receiver_port" <<'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=1)
        break
    except OSError:
        time.sleep(0.1)
PY

# Two test files at once: each waits on Chromium (and vnu on Java) much of
# the time, so two keep the cores busier than one (Node's default on two
# cores); each file has its own browser and servers.
cd "$repo/tests/browser"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npx pagefind --site "$work/site" --keep-index-url >/dev/null
npx pagefind --site "$work/site/tt" --keep-index-url >/dev/null  # the Tatar pages' own index (scripts/search-index)
npx pagefind --site "$work/site2" --keep-index-url >/dev/null
npx pagefind --site "$work/portal" --keep-index-url >/dev/null
OTKLIK_SITE="$work/site" OTKLIK_INTERNAL="$work/internal" OTKLIK_SITE_PORT="$site_port" \
  OTKLIK_SITE2="$work/site2" OTKLIK_INTERNAL2="$work/internal2" OTKLIK_REGION="$work/portal" \
  OTKLIK_RECEIVER="http://127.0.0.1:$receiver_port" OTKLIK_BIN="$otklik" OTKLIK_CONTENT="$work/content" \
  OTKLIK_TEMPLATES="$repo/templates" OTKLIK_DATA="$work/data" node --test --test-concurrency=2 --test-timeout=600000 ${OTKLIK_NODE_TEST_ARGS:-}
