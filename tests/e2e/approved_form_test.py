#!/usr/bin/env python3
"""The approved questionnaire reproduced word for word: the form of the
surveys fixture's `approved` survey (its golden page) reads line by line as
the approved text of seed 002 in approved-form.txt — the form's title, each
question with its note, the approved labels of the fixed answers, the scale
from 5 down to 1, the matrix rows.

Usage: approved_form_test.py repo-root
"""

import html.parser
import os
import sys
import unittest

REPO = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
FIXTURE = os.path.join(REPO, "tests", "fixtures", "valid", "surveys")


class FormText(html.parser.HTMLParser):
    """The lines a reader of the printed questionnaire sees, in order: the
    form's title, each question's title (number, text, note), its help, its
    answers (not the service list: a drop-down of the agency's services) and
    the matrix's rows. Screen-reader-only text, scale notes and jump notes are
    the form's own words, not the approved text, and are left out."""

    def __init__(self):
        super().__init__()
        self.lines = []
        self.stack = []  # (tag, what) of open elements; what = a kind of line or None
        self.text = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        what = None
        if "visually-hidden" in classes or "question__optional" in classes or "question__note" in classes:
            what = "skip"
        elif tag == "h2" and "survey-form__title" in classes:
            what = "line"
        elif "question__title" in classes:
            what = "line"
        elif "question__hint" in classes and not (attrs.get("id") or "").endswith("_scale"):
            what = "line"
        elif attrs.get("data-kind") == "service":
            what = "service"
        elif tag == "label" and self.inside("choice") and not self.inside("service"):
            what = "line"
        elif tag == "th" and attrs.get("scope") == "row":
            what = "line"
        elif "choice" in classes or "scale__point" in classes:
            what = "choice"
        if tag in ("input", "br", "meta", "link", "img"):
            return
        self.stack.append((tag, what))
        if what == "line":
            self.text = ""

    def inside(self, what):
        return any(w == what for _, w in self.stack)

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, what = self.stack.pop()
            if what == "line" and self.text is not None:
                self.lines.append(" ".join(self.text.split()))
                self.text = None
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.text is not None and not self.inside("skip"):
            self.text += data


def approved_lines():
    with open(os.path.join(FIXTURE, "approved-form.txt"), encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if not line.startswith("#")]
    # The title is three lines in the source, before question 1.
    first = next(i for i, line in enumerate(lines) if line.startswith("1. "))
    return [" ".join(lines[:first])] + lines[first:]


class ApprovedFormTest(unittest.TestCase):
    def test_the_form_reads_as_the_approved_questionnaire(self):
        with open(os.path.join(FIXTURE, "expected", "surveys", "approved", "index.html"), encoding="utf-8") as f:
            page = f.read()
        start = page.index("<form class=\"survey-form\"")
        form = page[start:page.index("</form>", start)]
        parser = FormText()
        parser.feed(form)
        self.maxDiff = None
        self.assertEqual(parser.lines, approved_lines())


if __name__ == "__main__":
    unittest.main()
