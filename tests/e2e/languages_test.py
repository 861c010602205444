#!/usr/bin/env python3
"""End-to-end test of a site in two languages (the demo agency in Russian and
Tatar): the survey answered in each language through the real receiver,
stored with its language, counted once into the same results, which read the
same on the pages of both languages; the workspace splits the answers by
language; `otklik check` lists what is untranslated.

Usage: languages_test.py path/to/otklik repo-root
"""

import datetime
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from otklik_e2e import OTKLIK, REPO, SITE, VALID, Receiver, prepare_content, stored_lines

# The answers of the reference survey without the hidden fields.
ANSWERS = [(k, v) for k, v in VALID if not k.startswith("_")] + [("_revision", "2")]


def figures(html):
    """Every <data> figure of a page by its key: what a reader sees, as the pages publish it."""
    return {key: value for value, key in re.findall(r'<data value="([^"]*)" data-key="([^"]*)"', html)}


class LanguagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="otklik-languages-")
        prepare_content(cls.work)
        receiver = Receiver(cls.work)
        cls.replies = []
        # Ten answers in each language, each from its own address behind the proxy (the rate limit).
        for n in range(20):
            fields = ANSWERS + ([("_lang", "tt")] if n % 2 else [])
            cls.replies.append(receiver.post("service-satisfaction", fields, {"X-Forwarded-For": f"198.51.100.{n + 1}"}))
        cls.invalid = receiver.post("service-satisfaction", [("_lang", "tt"), ("_revision", "2")],
                                    {"X-Forwarded-For": "198.51.100.100"})
        cls.unknown = receiver.post("service-satisfaction", ANSWERS + [("_lang", "xx")],
                                    {"X-Forwarded-For": "198.51.100.101"})
        receiver.stop()
        cls.data = receiver.data
        cls.day = json.loads(stored_lines(cls.data)[0])["date"]
        # The quarter after the answers' one: their quarter has results pages.
        day = datetime.date.fromisoformat(cls.day)
        cls.quarter = f"{day.year}-q{(day.month - 1) // 3 + 1}"
        after = datetime.date(day.year + (day.month > 9), (day.month + 2) // 3 * 3 % 12 + 1, 20)
        cls.site = os.path.join(cls.work, "site")
        cls.internal = os.path.join(cls.work, "internal")
        cls.build = subprocess.run(
            [OTKLIK, "build", "--content", os.path.join(cls.work, "content"), "--templates",
             os.path.join(REPO, "templates"), "--data", cls.data, "--out", cls.site,
             "--internal", cls.internal, "--as-of", after.isoformat()],
            capture_output=True, text=True, timeout=300)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def read(self, *parts):
        with open(os.path.join(*parts), encoding="utf-8") as f:
            return f.read()

    def test_each_language_goes_back_to_its_own_pages(self):
        for n, (status, headers, _) in enumerate(self.replies):
            thanks = SITE + ("tt/" if n % 2 else "") + "surveys/service-satisfaction/thanks/"
            self.assertEqual((status, headers["Location"]), (303, thanks))
        # A language the site does not have is the Russian form.
        self.assertEqual(self.unknown[1]["Location"], SITE + "surveys/service-satisfaction/thanks/")

    def test_a_form_in_tatar_is_answered_in_tatar_marking_what_is_russian(self):
        status, _, body = self.invalid
        self.assertEqual(status, 400)
        self.assertIn('<html lang="tt">', body)
        self.assertIn("<h1>Җавапларны тикшерегез</h1>", body)
        # The validator's words are Russian, and marked so.
        self.assertIn('<li>2 нче сорау. <span lang="ru">Ответьте на этот вопрос.</span></li>', body)
        self.assertIn(f'<a href="{SITE}tt/surveys/service-satisfaction/">Анкетаны яңадан ачарга</a>', body)

    def test_the_stored_response_records_its_language(self):
        lines = [json.loads(line) for line in stored_lines(self.data)]
        self.assertEqual(len(lines), 21)
        self.assertEqual([line.get("lang") for line in lines[:4]], [None, "tt", None, "tt"])
        self.assertEqual(lines[20].get("lang"), None)  # "xx": not a language of the site
        raw = stored_lines(self.data)[1].decode()
        self.assertTrue(raw.startswith('{"answers":{"channel":["office"],'), raw)
        self.assertIn(f'"date":"{self.day}","lang":"tt","revision":2,"source":"web","survey":"service-satisfaction"}}',
                      raw)

    def test_answers_in_both_languages_count_once_and_read_the_same_in_both(self):
        self.assertEqual(self.build.returncode, 0, self.build.stderr)
        page = f"surveys/service-satisfaction/results/{self.quarter}/index.html"
        russian = figures(self.read(self.site, page))
        tatar = figures(self.read(self.site, "tt", page))
        self.assertTrue(russian)
        self.assertEqual(russian, tatar)
        responses = [v for k, v in russian.items() if k.endswith("/responses")]
        self.assertIn("21", responses)  # every answer once: ten in each language and the "xx" one
        tt = self.read(self.site, "tt", page)
        self.assertIn('<html lang="tt">', tt)
        self.assertIn(f'<link rel="alternate" hreflang="ru" href="{SITE}surveys/service-satisfaction/results/'
                      f'{self.quarter}/">', tt)
        self.assertIn(f'<a href="../../../../../surveys/service-satisfaction/results/{self.quarter}/index.html" '
                      'hreflang="ru" lang="ru">Русский</a>', tt)

    def test_the_workspace_splits_the_answers_by_language(self):
        self.assertEqual(self.build.returncode, 0, self.build.stderr)
        page = self.read(self.internal, f"workspace/service-satisfaction/{self.quarter}/index.html")
        section = page[page.index("Ответы по языку анкеты"):]
        rows = re.findall(r'<tr><th scope="row" lang="(\w+)">([^<]+)</th><td>(.*?)</td>', section)
        self.assertEqual([(code, name, re.sub(r"<[^>]+>", "", cell)) for code, name, cell in rows],
                         [("ru", "Русский", "11"), ("tt", "Татарча", "10")])

    def test_check_lists_what_is_untranslated(self):
        check = subprocess.run([OTKLIK, "check", "--content", os.path.join(self.work, "content"), "--templates",
                                os.path.join(REPO, "templates"), "--data", self.data],
                               capture_output=True, text=True, timeout=300)
        self.assertIn("Перевод на язык «tt» (Татарча): на страницах останется по-русски", check.stdout)
        content = os.path.join(self.work, "content")
        self.assertIn(f"  {content}/tt/services/housing-subsidy.md: title, summary, текст\n", check.stdout)
        self.assertNotIn("tt/services/child-monthly-allowance.md", check.stdout)


if __name__ == "__main__":
    unittest.main(argv=[__file__], verbosity=2)
