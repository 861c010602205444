#!/usr/bin/env python3
"""A region's portal built from the demo region (scripts/demo-region: the demo
agency with its demo responses, the supervision fixture, generated agencies),
read as a journalist would read it against each agency's own site:

- every figure of the region's home page is the one the agency publishes: an
  agency's level as a whole is the value its own home page shows under the
  same key; its level per kind of process is the sum of its shown services of
  that kind in its open data; the region's level is the sum of the agencies';
- the region's open data is the agencies' joined, row for row;
- a build with nothing changed changes nothing; after one agency's edit only
  that agency's folder and the region's own files change;
- `otklik check --region` checks the region and then every agency under its
  id; a region page that takes an agency's folder fails both, by its path.

Usage: region_test.py path/to/otklik repo-root
"""

import glob
import json
import os
import re
import subprocess
import sys
import tempfile

otklik, repo = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
AS_OF = "2026-11-23"
failures = 0


def check(name, ok, detail=""):
    global failures
    print(("ok: " if ok else "FAILED: ") + name + ("" if ok else "\n" + str(detail)))
    failures += 0 if ok else 1


def figures(path):
    """data-key → value of every figure on a page."""
    with open(path, encoding="utf-8") as f:
        return dict((key, value) for value, key in re.findall(r'<data value="([^"]*)" data-key="([^"]*)"', f.read()))


def rows(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["rows"]


def build(region, portal):
    return subprocess.run([otklik, "build", "--region", region, "--out", portal, "--as-of", AS_OF],
                          capture_output=True, text=True)


with tempfile.TemporaryDirectory() as work:
    data = os.path.join(work, "data")
    subprocess.run([sys.executable, os.path.join(repo, "scripts", "demo-responses"), "--data", data], check=True,
                   capture_output=True)
    region_dir = os.path.join(work, "region")
    subprocess.run([sys.executable, os.path.join(repo, "scripts", "demo-region"), "--out", region_dir,
                    "--demo-data", data], check=True, capture_output=True)
    region = os.path.join(region_dir, "region.yaml")
    portal = os.path.join(work, "portal")
    run = build(region, portal)
    check("the demo region builds", run.returncode == 0, run.stderr)
    check("its summary names every agency", all(f"  {a}: страниц — " in run.stderr
                                                 for a in ("minsoc", "fbn", "committee", "inspection", "agency")),
          run.stderr)

    home = figures(os.path.join(portal, "index.html"))
    quarter = "2026-q3"
    agencies = [a for a in ("minsoc", "fbn", "committee", "inspection", "agency")]
    kinds_pooled = {}  # (kind, indicator) → [satisfied, ratings]
    kinds_by_agency = {}  # agency → {(kind, indicator)}
    for agency in agencies:
        own = figures(os.path.join(portal, agency, "index.html"))
        satisfaction = rows(os.path.join(portal, agency, "data", "satisfaction", "data.json"))
        kind_of = {p["id"]: p["kind"] for p in rows(os.path.join(portal, agency, "data", "processes", "data.json"))}
        for row in satisfaction:
            if row["period"] != quarter or row["cut"] != "all" or row["status"] != "shown":
                continue
            key = f"level/{row['indicator']}/all/{quarter}/share"
            value = f"{row['satisfied']}/{row['ratings']}"
            check(f"{agency}: its level by {row['indicator']} on the region's page is its open data's",
                  home.get(f"{agency}/{key}") == value, (home.get(f"{agency}/{key}"), value))
            if key in own:
                check(f"{agency}: and its own home page's", own[key] == value, (own[key], value))
        sums = {}
        for row in satisfaction:
            if row["period"] != quarter or row["cut"] != "service":
                continue
            entry = sums.setdefault((kind_of[row["id"]], row["indicator"]), [0, 0, False])
            if row["status"] == "shown":
                entry[0] += row["satisfied"]
                entry[1] += row["ratings"]
                entry[2] = True
        kinds_by_agency[agency] = set(sums)
        for (kind, indicator), (satisfied, ratings, shown) in sums.items():
            key = f"{agency}/level/{indicator}/kind:{kind}/{quarter}/share"
            check(f"{agency}: its level for {kind} by {indicator} is its shown services pooled",
                  home.get(key) == (f"{satisfied}/{ratings}" if shown else None), (home.get(key), satisfied, ratings))
            if shown:
                pooled = kinds_pooled.setdefault((kind, indicator), [0, 0])
                pooled[0] += satisfied
                pooled[1] += ratings
    for (kind, indicator), (satisfied, ratings) in kinds_pooled.items():
        key = f"region/level/{indicator}/kind:{kind}/{quarter}/share"
        check(f"the region's level for {kind} by {indicator} pools the agencies'",
              home.get(key) == f"{satisfied}/{ratings}", (home.get(key), satisfied, ratings))

    for path in glob.glob(os.path.join(portal, "data", "*", "data.json")):
        name = os.path.basename(os.path.dirname(path))
        if name == "summary":
            continue
        joined = [dict({"agency": a}, **row) for a in agencies
                  for row in (rows(os.path.join(portal, a, "data", name, "data.json"))
                              if os.path.isfile(os.path.join(portal, a, "data", name, "data.json")) else [])]
        check(f"the region's {name} set is the agencies' joined", rows(path) == joined)
    summary = rows(os.path.join(portal, "data", "summary", "data.json"))
    check("the summary set has a row per agency and kind of process it has, and per agency as a whole",
          len([r for r in summary if r["kind"] != "all"]) == sum(len(pooled) for pooled in kinds_by_agency.values())
          and {r["agency"] for r in summary if r["kind"] == "all"} == set(agencies), summary[:2])
    for row in summary:
        if row["status"] == "shown":
            cut = "all" if row["kind"] == "all" else "kind:" + row["kind"]
            key = f"{row['agency']}/level/{row['indicator']}/{cut}/{quarter}/share"
            check(f"the summary's {row['agency']} {row['kind']} is the home page's",
                  home.get(key) == f"{row['satisfied']}/{row['ratings']}")

    def snapshot():
        out = {}
        for folder, _, names in os.walk(portal):
            for name in names:
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    out[os.path.relpath(path, portal)] = f.read()
        return out

    before = snapshot()
    run = build(region, portal)
    check("built again unchanged, it changes nothing", run.returncode == 0 and "изменено файлов — 0," in run.stderr,
          run.stderr)
    service = os.path.join(region_dir, "agencies", "committee", "content", "services", "s1.md")
    with open(service, "a", encoding="utf-8") as f:
        f.write("\nНовый абзац о порядке получения.\n")
    run = build(region, portal)
    after = snapshot()
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    check("after one agency's edit only its folder changes", changed and all(p.startswith("committee/") for p in changed),
          changed)
    check("with the edit on its page", "Новый абзац о порядке получения."
          in after["committee/services/s1/index.html"].decode())

    run = subprocess.run([otklik, "check", "--region", region, "--as-of", AS_OF], capture_output=True, text=True)
    check("check --region checks the region, then each agency under its id",
          run.stdout.startswith("Регион «Северная область»: файл региона, страницы и шаблоны в порядке.\n")
          and all(f"\n== {a} (" in run.stdout for a in agencies) and run.stdout.count("Материалы в порядке") == 5,
          run.stdout + run.stderr)
    with open(os.path.join(region_dir, "pages", "fbn.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: Надзор\n---\n")
    run = subprocess.run([otklik, "check", "--region", region, "--as-of", AS_OF], capture_output=True, text=True)
    page = os.path.join(region_dir, "pages", "fbn.md")
    check("a page in an agency's folder fails the check, by its path",
          run.returncode == 1 and run.stderr == f"{page}: адрес страницы /fbn/ занят сайтом ведомства или разделом "
          "портала\nПроверка региона не пройдена: ошибок — 1.\n", run.stderr)
    run = build(region, portal)
    check("and the build, leaving the portal as it was",
          run.returncode == 1 and f"{page}: адрес страницы /fbn/" in run.stderr and snapshot() == after, run.stderr)

print(f"{failures} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
