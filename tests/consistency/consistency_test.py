#!/usr/bin/env python3
"""The consistency check, both ways.

1. Each fixture under fixtures/ is a built site reduced to the pages that
   showed one of the inconsistencies found by reading the demo site page
   against page (parts that did not add up, a sentence with a difference its
   table did not show, a figure hidden on one page and shown on another,
   binary rounding, a comparison with the target the figure did not
   support, staff answers in a public total, an unmarked percentage, a
   hidden answer given away by a follow-up question's base, a level pooling
   answers to an instrument its page does not name):
   check_figures.py must fail on it with exactly the lines of expected.txt.
2. The demo site, built on several days, and the golden output of every
   valid fixture site must pass it with nothing to say.

Under the sanitizers (OTKLIK_SANITIZED=1) only the demo's builds run: the
sanitizers watch the program, and the pages they write are the bytes the
shipped build's run of this test reads.

Usage: consistency_test.py path/to/otklik repo-root
"""

import os
import shutil
import subprocess
import sys
import tempfile

otklik, repo = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.realpath(__file__))
checker = [sys.executable, os.path.join(here, "check_figures.py")]
failures = 0
builds_only = os.environ.get("OTKLIK_SANITIZED") == "1"


def check(name, ok, detail=""):
    global failures
    if ok:
        print(f"ok: {name}")
    else:
        failures += 1
        print(f"FAILED: {name}\n{detail}")


fixtures = os.path.join(here, "fixtures")
for name in [] if builds_only else sorted(os.listdir(fixtures)):
    folder = os.path.join(fixtures, name)
    run = subprocess.run(checker + [os.path.join(folder, "site")], capture_output=True, text=True)
    with open(os.path.join(folder, "expected.txt"), encoding="utf-8") as f:
        expected = f.read()
    check(f"fixture {name} fails", run.returncode == 1, run.stderr)
    check(f"fixture {name} names exactly its problems", run.stdout == expected,
          f"--- expected\n{expected}--- got\n{run.stdout}")

with tempfile.TemporaryDirectory() as work:
    shutil.copytree(os.path.join(repo, "content"), os.path.join(work, "content"))
    subprocess.run([sys.executable, os.path.join(repo, "scripts", "demo-responses"), "--data",
                    os.path.join(work, "data")], check=True, capture_output=True)
    for day in ("2026-11-23", "2026-12-06", "2027-01-20"):
        site, internal = os.path.join(work, "site-" + day), os.path.join(work, "internal-" + day)
        build = subprocess.run([otklik, "build", "--content", os.path.join(work, "content"), "--templates",
                                os.path.join(repo, "templates"), "--data", os.path.join(work, "data"), "--out",
                                site, "--internal", internal, "--as-of", day, "--quiet"],
                               capture_output=True, text=True)
        check(f"the demo builds on {day}", build.returncode == 0, build.stderr)
        if build.returncode != 0 or builds_only:
            continue
        run = subprocess.run(checker + [site, internal], capture_output=True, text=True)
        check(f"the demo site of {day} reads consistently", run.returncode == 0 and run.stdout == "",
              run.stdout + run.stderr)

valid = os.path.join(repo, "tests", "fixtures", "valid")
for name in [] if builds_only else sorted(os.listdir(valid)):
    expected = os.path.join(valid, name, "expected")
    run = subprocess.run(checker + [expected, os.path.join(valid, name, "expected-internal")],
                         capture_output=True, text=True)
    check(f"the {name} fixture site reads consistently", run.returncode == 0 and run.stdout == "",
          run.stdout + run.stderr)

print(f"{failures} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
