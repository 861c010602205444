#!/usr/bin/env python3
"""Reads a built site page against page, as a journalist would.

Every figure a page shows is a <data value="…" data-key="…"> element (see
generator/render/figure.h); a figure the site hides is a <span data-key
data-hidden>. This script collects them from every page (and the internal
pages, if given) and from the open data, and fails on:

  - the same key with different values or texts on different pages;
  - a text that does not say its value (rounding: half up on the exact
    ratio; intervals: Wilson's, as the generator computes them);
  - a key hidden on one page and shown on another, or in open data;
  - parts (a data-parts container) that do not add up to their whole, and
    sums (data-sum: a follow-up question's base) that do not hold;
  - a hidden count that follows from shown ones: the one unknown of a sum
    or of a whole and its parts, repeatedly (what one gives away can give
    away the next);
  - a level with more ratings than all the surveys its page names
    (data-sources) had responses: answers to another instrument pooled in;
  - a difference in a sentence that is not the difference of the two
    figures it names, as they are shown;
  - a comparison with a target («ниже цели») that the shown figures do not
    support;
  - a percentage outside a figure in generated text (results, reports,
    tables, decisions' facts; prose written by editors, class="prose", is
    theirs);
  - open data rows whose shares and means do not follow from their counts,
    or that disagree with the pages.

Usage: check_figures.py SITE [INTERNAL]. Prints one line per problem,
«page: message», and exits 1 when there is any.
"""

import csv
import html.parser
import json
import math
import os
import re
import sys
from fractions import Fraction

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"script", "style", "svg", "title", "head"}
PERCENT = re.compile(r"\d+(?:,\d+)?\u00a0?\s?%")
# Generated text: what the site computes. Elsewhere percentages are editors'
# words (a service's summary: «больше 22% дохода»), theirs to write.
GENERATED = {"results", "report", "data-table", "evidence", "effect__verdict", "decisions__totals", "notice",
             "decision__facts", "measure__facts"}
# Constants that are not figures: the 95 % interval, the 90th percentile.
CONSTANTS = re.compile(r"95\u00a0?\s?%[\s-]*(?:интервал|-процент)|90\u00a0?\s?% (?:ответов|—)")
Z = 1.959963984540054
# Facets that name a number of people, appeals or answers.
COUNTS = ("count", "ratings", "asked", "answered", "responses", "respondents", "records", "base")


def half_up(value, digits):
    """The Fraction `value` rounded half up to `digits` decimals, as text with a comma."""
    scaled = value * 10**digits
    rounded = math.floor(scaled + Fraction(1, 2))
    if digits == 0:
        return str(rounded)
    whole, rest = divmod(rounded, 10**digits)
    return f"{whole},{rest:0{digits}d}"


def ratio(value):
    if "/" not in value:
        return None
    num, den = value.split("/", 1)
    if not num.isdigit() or not den.isdigit() or int(den) == 0:
        return None
    return Fraction(int(num), int(den))


def wilson(successes, n):
    share = successes / n
    z2 = Z * Z
    denominator = 1 + z2 / n
    center = (share + z2 / (2 * n)) / denominator
    half = Z * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / denominator
    low = 0 if successes == 0 else max(0.0, center - half)
    high = 1 if successes == n else min(1.0, center + half)
    return low, high


def lround(value):
    return int(math.floor(abs(value) + 0.5)) * (1 if value >= 0 else -1)


def facet(key):
    """What kind of number a key names: the last part of its path or dotted name."""
    last = key.rsplit("/", 1)[-1]
    return last.rsplit(".", 1)[-1] if "." in last else last


def base_of(key):
    return key.rsplit("/", 1)[0]


def shown_percent(text):
    """«59,8 %» → Fraction(598, 10); None for anything else."""
    match = re.fullmatch(r"(\d+)(?:,(\d))?\u00a0?\s?%", text)
    if not match:
        return None
    return Fraction(int(match.group(1)) * 10 + int(match.group(2) or 0), 10)


class Figure:
    def __init__(self, page, key, value, text, attrs):
        self.page, self.key, self.value, self.text, self.attrs = page, key, value, text, attrs


class Page(html.parser.HTMLParser):
    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.stack = []  # (tag, kind) kind: data, hidden, parts, prose, skip, main, compare
        self.figures = []
        self.hidden = []  # (key, page)
        self.parts = []  # (whole, [Figure], [hidden key])
        self.sources = []  # (level key prefix, [survey key])
        self.open_sources = []
        self.compares = []  # (attrs)
        self.unkeyed = []
        self.current = None
        self.open_parts = []

    def inside(self, kind):
        return any(k == kind for _, k in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        kind = None
        if tag in SKIPPED:
            kind = "skip"
        elif tag == "data" and "data-key" in attrs:
            kind = "data"
            self.current = Figure(self.path, attrs["data-key"], attrs.get("value", ""), "", attrs)
        elif "data-hidden" in attrs and "data-key" in attrs:
            kind = "hidden"
            self.hidden.append(attrs["data-key"])
            for entry in self.open_parts:
                entry[2].append(attrs["data-key"])
        elif "data-sources" in attrs:
            kind = "sources"
            entry = [attrs["data-sources"], []]
            self.sources.append(entry)
            self.open_sources.append(entry)
        elif "data-survey" in attrs and self.open_sources:
            self.open_sources[-1][1].append(attrs["data-survey"])
        elif "data-parts" in attrs:
            kind = "parts"
            entry = [attrs["data-parts"], [], []]
            self.parts.append(entry)
            self.open_parts.append(entry)
        elif "data-compare" in attrs:
            kind = "compare"
            self.compares.append(attrs)
        elif "prose" in attrs.get("class", "").split():
            kind = "prose"
        elif GENERATED & set(attrs.get("class", "").split()):
            kind = "generated"
        elif tag == "main":
            kind = "main"
        if tag in VOID:
            return
        self.stack.append((tag, kind))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            open_tag, kind = self.stack.pop()
            if kind == "data" and self.current is not None:
                self.figures.append(self.current)
                for entry in self.open_parts:
                    entry[1].append(self.current)
                self.current = None
            if kind == "parts":
                self.open_parts.pop()
            if kind == "sources":
                self.open_sources.pop()
            if open_tag == tag:
                break

    def handle_data(self, text):
        if self.current is not None:
            self.current.text += text
            return
        generated = self.inside("generated") or self.inside("compare")
        if self.inside("skip") or self.inside("prose") or self.inside("hidden") or not generated:
            return
        cleaned = CONSTANTS.sub("", text)
        for match in PERCENT.finditer(cleaned):
            self.unkeyed.append(match.group(0))


class Checker:
    def __init__(self):
        self.problems = []
        self.figures = {}  # key → [Figure]
        self.hidden = {}  # base key → first page
        self.pages = []

    def problem(self, page, message):
        self.problems.append(f"{page}: {message}")

    def read_site(self, root, prefix):
        for folder, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                if not name.endswith(".html"):
                    continue
                path = os.path.join(folder, name)
                page = Page(prefix + os.path.relpath(path, root))
                with open(path, encoding="utf-8") as f:
                    page.feed(f.read())
                page.close()
                self.pages.append(page)
                for figure in page.figures:
                    self.figures.setdefault(figure.key, []).append(figure)
                for key in page.hidden:
                    self.hidden.setdefault(base_of(key), page.path)

    # -- checks -------------------------------------------------------------

    def same_everywhere(self):
        for key, figures in sorted(self.figures.items()):
            first = figures[0]
            for other in figures[1:]:
                if other.value != first.value or other.text != first.text:
                    self.problem(other.page, f"{key} = «{other.text}» ({other.value}), а на {first.page} — "
                                             f"«{first.text}» ({first.value})")
                    break

    def says_its_value(self, figure):
        kind = facet(figure.key)
        value, text = figure.value, figure.text
        if "data-from" in figure.attrs:
            return self.difference(figure)
        if kind == "share":
            r = ratio(value)
            if r is None:
                return f"у доли нет точного значения: {value}"
            shown = [half_up(r * 100, d) + "\u00a0%" for d in (0, 1)]
            if text not in shown:
                return f"{figure.key}: «{text}», а {value} = {shown[0]} (округление половины вверх)"
        elif kind == "interval":
            # successes/n as written: a Fraction would reduce it and lose n.
            parts = value.split("/")
            if len(parts) != 2 or not all(p.isdigit() for p in parts) or parts[1] == "0":
                return f"у интервала нет точного значения: {value}"
            low, high = wilson(int(parts[0]), int(parts[1]))
            expected = f"{lround(low * 100)}–{lround(high * 100)}\u00a0%"
            if text != expected:
                return f"{figure.key}: «{text}», а интервал Уилсона для {value} — {expected}"
        elif kind == "mean":
            r = ratio(value)
            if r is None or half_up(r, 1) != text:
                return f"{figure.key}: «{text}», а {value} = {half_up(r, 1) if r else '?'}"
        elif kind in COUNTS:
            if not value.isdigit() or text != value:
                return f"{figure.key}: «{text}» вместо {value}"
        return None

    def difference(self, figure):
        """A change between two shown shares must be their difference as shown."""
        ends = []
        for name in ("data-from", "data-to"):
            key = figure.attrs[name]
            shown = self.figures.get(key)
            if not shown:
                return f"{figure.key}: сравнивается с {key}, которого нет ни на одной странице"
            ends.append(shown_percent(shown[0].text))
        if None in ends:
            return f"{figure.key}: сравниваемые числа не доли"
        expected = ends[1] - ends[0]
        value = Fraction(figure.value)
        if value != expected:
            return (f"{figure.key}: разница {figure.value}, а показаны {self.figures[figure.attrs['data-from']][0].text}"
                    f" и {self.figures[figure.attrs['data-to']][0].text}: {float(expected):g}")
        if value != 0:
            tenths = abs(value * 10)
            words = f"{tenths // 10}" + ("" if tenths % 10 == 0 else f",{tenths % 10}")
            if figure.text != words:
                return f"{figure.key}: «{figure.text}» вместо «{words}»"
        return None

    def texts(self):
        for figures in self.figures.values():
            for figure in figures:
                message = self.says_its_value(figure)
                if message:
                    self.problem(figure.page, message)
                    break

    def hidden_stays_hidden(self):
        for key, figures in sorted(self.figures.items()):
            base = base_of(key)
            if base in self.hidden:
                self.problem(figures[0].page, f"{key} показано, а на {self.hidden[base]} скрыто")

    def parts_add_up(self):
        for page in self.pages:
            for whole, parts, has_hidden in page.parts:
                if has_hidden or not parts:
                    continue
                totals = self.figures.get(whole)
                if not totals:
                    self.problem(page.path, f"части {whole} показаны, а целого нет ни на одной странице")
                    continue
                counts = [f for f in parts if facet(f.key) in COUNTS]
                shares = [f for f in parts if facet(f.key) == "share"]
                if counts and totals[0].value.isdigit():
                    total = sum(int(f.value) for f in counts)
                    if total != int(totals[0].value):
                        listed = " + ".join(f.text for f in counts)
                        self.problem(page.path, f"части {whole} не сходятся: {listed} = {total}, а целое — "
                                                f"{totals[0].text}")
                if shares:
                    total = sum((ratio(f.value) or Fraction(0)) for f in shares)
                    if total != 1:
                        listed = " + ".join(f.text for f in shares)
                        self.problem(page.path, f"доли частей {whole} не составляют 100 %: {listed}")

    def sum_terms(self, figure):
        return [(-1, t[1:]) if t.startswith("-") else (1, t) for t in figure.attrs["data-sum"].split()]

    def sums_hold(self):
        for key, figures in sorted(self.figures.items()):
            figure = next((f for f in figures if "data-sum" in f.attrs), None)
            if figure is None:
                continue
            terms = self.sum_terms(figure)
            shown = [self.figures.get(name) for _, name in terms]
            if all(f and f[0].value.isdigit() for f in shown):
                total = sum(sign * int(f[0].value) for (sign, _), f in zip(terms, shown))
                if total != int(figure.value):
                    self.problem(figure.page, f"{key} = {figure.value}, а {figure.attrs['data-sum']} = {total}")

    def worked_out(self):
        """Hidden counts a reader can work out: the one unknown of a relation
        (a sum, or a whole and its parts) whose other figures are shown, or
        worked out before."""
        known = {key: int(f[0].value) for key, f in self.figures.items() if f[0].value.isdigit()}
        relations = []  # (page, [(sign, key)]): Σ sign · value = 0
        for key, figures in sorted(self.figures.items()):
            figure = next((f for f in figures if "data-sum" in f.attrs), None)
            if figure is not None:
                relations.append((figure.page, [(-1, key)] + self.sum_terms(figure)))
        for page in self.pages:
            for whole, parts, hidden in page.parts:
                counts = [f.key for f in parts if facet(f.key) in COUNTS] + [k for k in hidden if facet(k) in COUNTS]
                if hidden and counts:
                    relations.append((page.path, [(-1, whole)] + [(1, k) for k in counts]))
        changed = True
        while changed:
            changed = False
            for page, terms in relations:
                unknown = [(sign, key) for sign, key in terms if key not in known]
                if len(unknown) != 1 or base_of(unknown[0][1]) not in self.hidden:
                    continue
                sign, key = unknown[0]
                value = -sign * sum(s * known[k] for s, k in terms if k in known)
                known[key] = value
                changed = True
                named = ", ".join(k for _, k in terms if k != key)
                self.problem(page, f"скрытое {key} выводится: {value} (из {named})")

    def sources_bound(self):
        reported = set()
        for page in self.pages:
            for prefix, surveys in page.sources:
                responses = [self.figures.get(survey + "/responses") for survey in surveys]
                if not surveys or not all(responses):
                    continue  # a survey that does not publish its responses bounds nothing
                bound = sum(int(r[0].value) for r in responses)
                for key, figures in sorted(self.figures.items()):
                    if key in reported or not key.startswith(prefix + "/") or facet(key) != "ratings":
                        continue
                    if int(figures[0].value) > bound:
                        reported.add(key)
                        self.problem(page.path, f"{key}: оценок {figures[0].value}, а в названных опросах "
                                                f"({', '.join(surveys)}) всего ответов {bound}")

    def comparisons(self):
        for page in self.pages:
            for attrs in page.compares:
                a, b = attrs.get("data-a"), attrs.get("data-b")
                left = self.figures.get(a)
                right = self.figures.get(b)
                if not left or not right:
                    self.problem(page.path, f"сравнение {a} с {b}: одного из чисел нет на страницах")
                    continue
                x, y = shown_percent(left[0].text), shown_percent(right[0].text)
                if attrs["data-compare"] == "below" and not (x is not None and y is not None and x < y):
                    self.problem(page.path, f"«ниже»: {left[0].text} ({a}) не меньше {right[0].text} ({b})")

    def unkeyed(self):
        for page in self.pages:
            for text in page.unkeyed:
                self.problem(page.path, f"процент «{text}» не размечен как число сайта")

    # -- open data ----------------------------------------------------------

    def open_data(self, root):
        satisfaction = os.path.join(root, "data", "satisfaction", "data.json")
        if os.path.exists(satisfaction):
            self.satisfaction(satisfaction)
        appeals = os.path.join(root, "data", "appeals", "data.json")
        if os.path.exists(appeals):
            with open(appeals, encoding="utf-8") as f:
                for row in json.load(f)["rows"]:
                    key = f"appeals/{row['quarter']}/{row['key']}"
                    shown = self.figures.get(key)
                    if shown and shown[0].text.replace("\u00a0", " ") != row["value_text"]:
                        self.problem("data/appeals/data.json", f"{key} = «{row['value_text']}», а на "
                                                               f"{shown[0].page} — «{shown[0].text}»")
        decisions = os.path.join(root, "data", "decisions", "data.json")
        if os.path.exists(decisions):
            with open(decisions, encoding="utf-8") as f:
                for row in json.load(f)["rows"]:
                    for name in ("count", "base"):
                        key = f"decision/{row['id']}/prevalence/{name}"
                        value = row[f"prevalence_{name}"]
                        shown = self.figures.get(key)
                        if shown and str(value) != shown[0].value:
                            self.problem("data/decisions/data.json", f"{key} = {value}, а на {shown[0].page} — "
                                                                     f"{shown[0].value}")
                        if value is not None and base_of(key) + "/" + name in self.hidden_keys():
                            self.problem("data/decisions/data.json", f"{key} опубликовано, а на страницах скрыто")

    def hidden_keys(self):
        return {base + "/" + f for base in self.hidden for f in ("count", "base", "share")}

    def satisfaction(self, path):
        name = "data/satisfaction/data.json"
        with open(path, encoding="utf-8") as f:
            rows = json.load(f)["rows"]
        for row in rows:
            cut = row["cut"] if row["cut"] == "all" else f"{row['cut']}:{row['id']}"
            key = f"level/{row['indicator']}/{cut}/{row['period']}"
            if row["status"] != "shown":
                if key + "/share" in self.figures:
                    self.problem(name, f"{key} скрыто в открытых данных, а показано на "
                                       f"{self.figures[key + '/share'][0].page}")
                continue
            satisfied, ratings, total = row["satisfied"], row["ratings"], row["ratings_sum"]
            level = Fraction(satisfied, ratings)
            if half_up(level, 4).replace(",", ".") != f"{row['level']:.4f}":
                self.problem(name, f"{key}: level {row['level']}, а {satisfied}/{ratings} = {half_up(level, 4)}")
            mean = Fraction(total, ratings)
            if half_up(mean, 2).replace(",", ".") != f"{row['mean']:.2f}":
                self.problem(name, f"{key}: mean {row['mean']}, а {total}/{ratings} = {half_up(mean, 2)}")
            if base_of(key + "/share") in self.hidden:
                self.problem(name, f"{key} опубликовано, а на {self.hidden[key]} скрыто")
            shown = self.figures.get(key + "/share")
            if shown and ratio(shown[0].value) != level:
                self.problem(name, f"{key}: {satisfied}/{ratings}, а на {shown[0].page} — {shown[0].value}")
            shown = self.figures.get(key + "/ratings")
            if shown and shown[0].value != str(ratings):
                self.problem(name, f"{key}: оценок {ratings}, а на {shown[0].page} — {shown[0].value}")
            shown = self.figures.get(key + "/mean")
            if shown and ratio(shown[0].value) != mean:
                self.problem(name, f"{key}: средняя {total}/{ratings}, а на {shown[0].page} — {shown[0].value}")


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    checker = Checker()
    checker.read_site(argv[1], "")
    if len(argv) == 3 and os.path.isdir(argv[2]):
        checker.read_site(argv[2], "internal/")
    checker.same_everywhere()
    checker.texts()
    checker.hidden_stays_hidden()
    checker.parts_add_up()
    checker.sums_hold()
    checker.worked_out()
    checker.sources_bound()
    checker.comparisons()
    checker.unkeyed()
    checker.open_data(argv[1])
    for line in checker.problems:
        print(line)
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
