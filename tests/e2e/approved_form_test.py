#!/usr/bin/env python3
"""The approved questionnaire reproduced word for word: the form of the
surveys fixture's `approved` survey (its golden page) and its paper form
(surveys/approved/paper/) read line by line as the approved text of seed 002
in approved-form.txt — the form's title, each question with its note, the
approved labels of the fixed answers, the scale from 5 down to 1, the matrix
rows.

Usage: approved_form_test.py repo-root
"""

import html.parser
import os
import sys
import unittest

REPO = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
FIXTURE = os.path.join(REPO, "tests", "fixtures", "valid", "surveys")


class Lines(html.parser.HTMLParser):
    """The lines a reader of the printed questionnaire sees, in order; what
    makes a line is the subclass's `classify`."""

    def __init__(self):
        super().__init__()
        self.lines = []
        self.stack = []  # (tag, what) of open elements; what = a kind of line or None
        self.text = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        what = self.classify(tag, attrs, (attrs.get("class") or "").split())
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


class FormText(Lines):
    """The web form: the form's title, each question's title (number, text,
    note), its help, its answers (not the service list: a drop-down of the
    agency's services) and the matrix's rows. Screen-reader-only text, scale
    notes and jump notes are the form's own words, not the approved text, and
    are left out."""

    def classify(self, tag, attrs, classes):
        if "visually-hidden" in classes or "question__optional" in classes or "question__note" in classes:
            return "skip"
        if tag == "h2" and "survey-form__title" in classes:
            return "line"
        if "question__title" in classes:
            return "line"
        if "question__hint" in classes and not (attrs.get("id") or "").endswith("_scale"):
            return "line"
        if attrs.get("data-kind") == "service":
            return "service"
        if tag == "label" and self.inside("choice") and not self.inside("service"):
            return "line"
        if tag == "th" and any(open_tag == "tbody" for open_tag, _ in self.stack):  # a matrix row's text
            return "line"
        if "choice" in classes or "scale__point" in classes:
            return "choice"
        return None


class PaperText(Lines):
    """The paper form, read the same way: the answer codes, the jumps beside
    the options, the ends of a scale and the service list (printed in full)
    are the paper form's own, not the approved text."""

    SKIP = {"visually-hidden", "question__optional", "paper-q__note", "paper-q__scale", "paper-code",
            "paper-boxes__jump", "paper-scale__end"}

    def classify(self, tag, attrs, classes):
        if self.SKIP.intersection(classes):
            return "skip"
        if tag == "section" and attrs.get("aria-labelledby") == "q_service":
            return "service"
        if "paper__form-title" in classes or "paper-q__title" in classes or "paper-q__hint" in classes:
            return "line"
        if tag == "li" and self.inside("boxes") and not self.inside("service"):
            return "line"
        if tag == "ul" and "paper-boxes" in classes:
            return "boxes"
        if tag == "th" and any(open_tag == "tbody" for open_tag, _ in self.stack):  # a matrix row's text
            return "line"
        return None


def approved_lines():
    with open(os.path.join(FIXTURE, "approved-form.txt"), encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if not line.startswith("#")]
    # The title is three lines in the source, before question 1.
    first = next(i for i, line in enumerate(lines) if line.startswith("1. "))
    return [" ".join(lines[:first])] + lines[first:]


def page(*path):
    with open(os.path.join(FIXTURE, "expected", "surveys", "approved", *path, "index.html"), encoding="utf-8") as f:
        return f.read()


class ApprovedFormTest(unittest.TestCase):
    def test_the_form_reads_as_the_approved_questionnaire(self):
        html = page()
        start = html.index("<form class=\"survey-form\"")
        parser = FormText()
        parser.feed(html[start:html.index("</form>", start)])
        self.maxDiff = None
        self.assertEqual(parser.lines, approved_lines())

    def test_the_paper_form_reads_as_the_approved_questionnaire(self):
        html = page("paper")
        start = html.index('<p class="paper__form-title">')
        parser = PaperText()
        parser.feed(html[start:html.index('<div class="paper__end">', start)])
        self.maxDiff = None
        self.assertEqual(parser.lines, approved_lines())


if __name__ == "__main__":
    unittest.main()
