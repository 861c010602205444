#!/usr/bin/env bash
# Builds the demo site with the given otklik binary into a temporary folder
# and runs the browser tests against it in Debian's Chromium.
# Usage: run.sh path/to/otklik repo-root
set -euo pipefail
otklik=$(realpath "$1")
repo=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$otklik" build --quiet --content "$repo/content" --templates "$repo/templates" --out "$work/site" \
  --internal "$work/internal" --as-of 2026-11-23
cd "$repo/tests/browser"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
OTKLIK_SITE="$work/site" node --test
