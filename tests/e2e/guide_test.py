"""Follows the editors' guide (docs/guide.md) from an empty folder to a
published quarter, so that its examples cannot rot.

The guide marks each example with an HTML comment (invisible on the page)
right before its fenced block:
  <!-- file: PATH -->        the block is the whole of PATH (created or replaced)
  <!-- run -->               every line of the block is a command that must exit 0
  <!-- run: exit N -->       the block's commands must end with exit code N
  <!-- output -->            exactly what the last run block printed (stdout and
                             stderr together); "…" in a line stands for any text,
                             and a line that is only "…" for any lines; a no-break space
                             counts as a space
  <!-- serve -->             `otklik serve`: must start, print its address and stop on Ctrl+C
                             (run on a free port, so that it never meets another server)
Every fenced block must carry one of these marks. Commands run in a scratch
folder `agency/`, beside `otklik/` (the repository), with `otklik` on PATH.

Usage: guide_test.py path/to/otklik repo-root
With OTKLIK_GUIDE_WORK=DIR the scratch folder is DIR (new) and is kept, to look at.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

OTKLIK = os.path.abspath(sys.argv[1])
REPO = os.path.abspath(sys.argv[2])
GUIDE = os.path.join(REPO, "docs/guide.md")

MARK = re.compile(r"^<!-- (file: (?P<file>\S+)|run(: exit (?P<exit>\d+))?|output|serve) -->$")


def blocks(text):
    """(line number, mark match, block text) for every fenced block."""
    lines = text.split("\n")
    found = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("```"):
            start = i
            i += 1
            body = []
            while not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            mark = MARK.match(lines[start - 1]) if start > 0 else None
            found.append((start + 1, mark, "\n".join(body) + "\n"))
        i += 1
    return found


# The line a slow step prints with its time («Чтение материалов (1.121 с)»,
# «…: 40 % (5 с)»): whether it appears depends on the machine's load (a
# sanitizer build reads content for over a second), so it is left out.
SLOW_STEP = re.compile(r"^[^:\n]+(?: \(\d+\.\d{3} с\)|: \d+(?:…| %) \(\d+ с\))\n", re.M)


def matches(expected, actual):
    """Whether `actual` has the lines of `expected`, "…" standing for any text."""
    expected, actual = expected.replace("\u00a0", " "), SLOW_STEP.sub("", actual.replace("\u00a0", " "))
    pattern = []
    for line in expected.rstrip("\n").split("\n"):
        if line == "…":
            pattern.append(r"(?:[^\n]*\n)*?")
        else:
            pattern.append(".*?".join(re.escape(part) for part in line.split("…")) + r"\n")
    return re.fullmatch("".join(pattern), actual.rstrip("\n") + "\n", re.S) is not None


def main():
    keep = os.environ.get("OTKLIK_GUIDE_WORK")
    work = os.path.abspath(keep) if keep else tempfile.mkdtemp(prefix="otklik-guide-")
    if keep:
        os.makedirs(work)
    try:
        os.symlink(REPO, os.path.join(work, "otklik"))
        bin_dir = os.path.join(work, "bin")
        os.mkdir(bin_dir)
        os.symlink(OTKLIK, os.path.join(bin_dir, "otklik"))
        agency = os.path.join(work, "agency")
        os.mkdir(agency)
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"])
        with open(GUIDE, encoding="utf-8") as f:
            guide = f.read()
        failures = []
        last_output = None
        examples = blocks(guide)
        for line, mark, body in examples:
            where = f"docs/guide.md:{line}"
            if mark is None:
                failures.append(f"{where}: a block without a mark (file, run, output or serve)")
            elif mark.group("file"):
                path = os.path.join(agency, mark.group("file"))
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(body)
            elif mark.group(0).startswith("<!-- run"):
                want = int(mark.group("exit") or 0)
                result = subprocess.run(["bash", "-c", "set -e\n" + body], cwd=agency, env=env, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
                last_output = result.stdout
                if result.returncode != want:
                    failures.append(f"{where}: exit {result.returncode}, expected {want}:\n{body}{result.stdout}")
            elif mark.group(0) == "<!-- output -->":
                if last_output is None or not matches(body, last_output):
                    failures.append(f"{where}: the output differs; the commands printed:\n{last_output}")
            else:  # serve
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", 0))
                    port = probe.getsockname()[1]
                process = subprocess.Popen(["bash", "-c", f"exec {body.strip()} --port {port}"], cwd=agency, env=env,
                                           text=True, stderr=subprocess.PIPE)
                printed = ""
                deadline = time.time() + 20
                while "Предпросмотр: http://" not in printed and time.time() < deadline:
                    printed += process.stderr.readline()
                process.send_signal(signal.SIGINT)
                printed += process.stderr.read()
                if process.wait(timeout=20) != 0 or "Предпросмотр остановлен." not in printed:
                    failures.append(f"{where}: otklik serve did not start and stop cleanly:\n{printed}")
        for failure in failures:
            print("FAILED: " + failure, file=sys.stderr)
        print(f"{len(examples) - len(failures)} of {len(examples)} examples of the guide hold")
        return 1 if failures or not examples else 0
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
