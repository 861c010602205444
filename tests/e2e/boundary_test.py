#!/usr/bin/env python3
"""The boundary between the internal output and the public site, on the demo
content with its demo responses: nothing only staff may read reaches site/.

Builds the demo with --internal and checks, file by file of site/, that it
holds no open answer (every text the stored responses carry but the quotes
editors chose to publish), no link to
or name of an internal page (the workspace, the information notes, the
open answers), no staff survey's title or question text; and that the
internal output does hold the pages' names and the staff survey's title,
so that the check cannot pass by building nothing.

Usage: boundary_test.py path/to/otklik repo-root
"""

import glob
import json
import os
import re
import subprocess
import sys
import tempfile

AS_OF = "2026-12-06"


def texts_of_responses(data):
    """Every open answer in the stored responses (the demo's text fields)."""
    texts = set()
    for path in glob.glob(os.path.join(data, "responses", "*", "*.jsonl")):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                for field, values in json.loads(line)["answers"].items():
                    if field == "proposals":
                        texts.update(values)
    return texts


def staff_words(content):
    """(titles, question texts) of internal surveys."""
    titles, texts = set(), set()
    for path in glob.glob(os.path.join(content, "surveys", "*.yaml")):
        text = open(path, encoding="utf-8").read()
        if not re.search(r"^audience: internal$", text, re.M):
            continue
        titles.update(m.group(1).strip() for m in re.finditer(r"^title: (.+)$", text, re.M))
        texts.update(m.group(1).strip() for m in re.finditer(r"^\s+text: (.+)$", text, re.M))
    return titles, texts


def quotes(content):
    """Open answers the editors chose to publish (a survey's quotes:): the only ones allowed out."""
    out = set()
    for path in glob.glob(os.path.join(content, "surveys", "*.yaml")):
        text = open(path, encoding="utf-8").read()
        if "\nquotes:" in text:
            out.update(m.group(1).strip() for m in re.finditer(r"^\s+text: (.+)$", text.split("\nquotes:", 1)[1], re.M))
    return out


def read_tree(root):
    out = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            out[os.path.relpath(path, root)] = open(path, "rb").read().decode("utf-8", "replace")
    return out


def main(argv):
    otklik, repo = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    failures = []
    with tempfile.TemporaryDirectory() as work:
        data = os.path.join(work, "data")
        subprocess.run([sys.executable, os.path.join(repo, "scripts", "demo-responses"), "--data", data], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([otklik, "build", "--content", os.path.join(repo, "content"), "--templates",
                        os.path.join(repo, "templates"), "--data", data, "--out", os.path.join(work, "site"),
                        "--internal", os.path.join(work, "internal"), "--as-of", AS_OF, "-q"], check=True)
        site = read_tree(os.path.join(work, "site"))
        internal = "\n".join(read_tree(os.path.join(work, "internal")).values())
        staff_titles, staff_texts = staff_words(os.path.join(repo, "content"))
        secrets = {
            "открытый ответ": texts_of_responses(data) - quotes(os.path.join(repo, "content")),
            "название опроса сотрудников": staff_titles,
            "вопрос опроса сотрудников": staff_texts,
            "внутренняя страница": {"workspace/", "notes/", "Рабочее место аналитика", "Информационная записка",
                                    "Темы ответов", "код ответа"},
        }
        for kind, words in secrets.items():
            if not words:
                failures.append(f"нечего проверять: {kind}")
            for word in sorted(words):
                # Texts with personal data show masked inside; a staff question may be a matrix's.
                if kind in ("внутренняя страница", "название опроса сотрудников") and word not in internal:
                    failures.append(f"{kind} «{word}» нет и во внутренних материалах: проверка ничего не доказывает")
                for name, text in site.items():
                    if word in text:
                        failures.append(f"site/{name}: {kind} «{word}»")
                        break
    for failure in failures:
        print("FAILED:", failure)
    print(f"{len(failures)} failed" if failures else "ok: nothing internal is published")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
