"""`otklik serve` over a real socket: the preview's pages and live-reload
script, its event stream, a rebuild after a save that rewrites only the
changed page, errors shown while the last good pages stay served, forms
answered by the receiver without touching data/, output byte-identical to a
full build for the same address, and a clean stop."""

import filecmp
import http.client
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import unittest

from otklik_e2e import OTKLIK, REPO, VALID, encode, free_port, prepare_content

SERVICE = "content/services/housing-subsidy.md"


class Preview:
    """An `otklik serve` process on a copy of the demo content."""

    def __init__(self, work, *args):
        self.work = work
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = ""
        self.process = subprocess.Popen([OTKLIK, "serve", "--port", str(self.port), *args], cwd=work,
                                        stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read_log, daemon=True).start()
        try:
            # The first build and the staging one; slow under the sanitizers on a busy machine.
            self.wait_for_log("Предпросмотр: " + self.url, seconds=120)
        except AssertionError:
            self.process.kill()  # else it outlives the test and holds ctest's output open
            raise

    def _read_log(self):
        for line in self.process.stderr:
            self.log += line

    def wait_for_log(self, text, seconds=60, pattern=False):
        deadline = time.time() + seconds
        while not (re.search(text, self.log) if pattern else text in self.log):
            if time.time() > deadline or self.process.poll() is not None:
                raise AssertionError(f"no «{text}» in the log:\n{self.log}")
            time.sleep(0.02)

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        result = response.status, dict(response.getheaders()), response.read()
        connection.close()
        return result


class Events:
    """The preview's event stream, read on a thread into a queue of states."""

    def __init__(self, port):
        self.states = queue.Queue()
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.connection.request("GET", "/_otklik/events")
        self.response = self.connection.getresponse()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        try:
            for line in self.response:
                if line.startswith(b"data: "):
                    self.states.put(json.loads(line[6:]))
        except (OSError, ValueError, http.client.HTTPException):
            pass

    def next(self):
        return self.states.get(timeout=60)  # a rebuild under the sanitizers on a busy machine


class ServeTest(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="otklik-serve-")
        prepare_content(self.work)
        shutil.copytree(os.path.join(REPO, "templates"), os.path.join(self.work, "templates"))
        os.makedirs(os.path.join(self.work, "data/responses"))
        self.preview = Preview(self.work)
        self.addCleanup(shutil.rmtree, self.work, ignore_errors=True)
        self.addCleanup(self.preview.process.kill)

    def edit(self, transform):
        path = os.path.join(self.work, SERVICE)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(transform(text))

    def test_pages_carry_the_live_reload_script_and_forms_post_to_the_preview(self):
        status, headers, body = self.preview.request("GET", "/services/housing-subsidy/")
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
        self.assertEqual(headers["Cache-Control"], "no-store")
        self.assertNotIn("Content-Encoding", headers)
        self.assertTrue(body.endswith(b'<script src="/_otklik/live.js"></script>\n</body>\n</html>\n'))
        self.assertEqual(self.preview.request("GET", "/services")[:2][0], 301)
        status, _, body = self.preview.request("GET", "/surveys/service-satisfaction/")
        self.assertIn(f'action="{self.preview.url}surveys/service-satisfaction"'.encode(), body)
        status, headers, script = self.preview.request("GET", "/_otklik/live.js")
        self.assertEqual(status, 200)
        self.assertIn(b'new EventSource("/_otklik/events")', script)
        status, _, body = self.preview.request("GET", "/no/such/page/")
        self.assertEqual(status, 404)
        self.assertIn("Страница не найдена".encode(), body)
        self.assertEqual(self.preview.request("GET", "/.otklik-site")[0], 404)
        self.assertEqual(self.preview.request("GET", "/../content/site.yaml")[0], 404)

    def test_a_save_rebuilds_only_its_page_and_errors_keep_the_last_good_pages(self):
        events = Events(self.preview.port)
        self.assertEqual(events.next()["generation"], 1)

        # The demo's Tatar pages show the untranslated text too, in Russian: that page changes as well.
        self.edit(lambda text: text + "\nПредпросмотр показывает правку.\n")
        self.assertEqual(events.next(),
                         {"generation": 2, "errors": "", "changed": ["services/housing-subsidy/index.html",
                                                                     "tt/services/housing-subsidy/index.html"]})
        self.preview.wait_for_log("Изменено: " + re.escape(SERVICE) + "\n"
                                  r"Пересобрано за \d+ мс: страниц — \d+ \(заново отрисовано — 2\), "
                                  r"изменено файлов — 2\.\n"
                                  r"  " + re.escape(self.preview.url) + r"services/housing-subsidy/\n"
                                  r"  " + re.escape(self.preview.url) + r"tt/services/housing-subsidy/\n", pattern=True)
        _, _, page = self.preview.request("GET", "/services/housing-subsidy/")
        self.assertIn("Предпросмотр показывает правку.".encode(), page)

        self.edit(lambda text: text.replace("\ntitle:", "\ntitle: [", 1))
        state = events.next()
        self.assertEqual(state["generation"], 3)
        self.assertRegex(state["errors"], r"^content/services/housing-subsidy\.md:2: ошибка в YAML: ")
        self.preview.wait_for_log("Сайт не пересобран: ошибок — 1. Браузер показывает их поверх последней "
                                  "удачной сборки.\n")
        status, _, page = self.preview.request("GET", "/services/housing-subsidy/")
        self.assertEqual(status, 200)
        self.assertIn("Предпросмотр показывает правку.".encode(), page)

        # The fix restores what is published: nothing changes.
        self.edit(lambda text: text.replace("\ntitle: [", "\ntitle:", 1))
        self.assertEqual(events.next(), {"generation": 4, "errors": "", "changed": []})

    def test_forms_are_checked_and_answers_kept_out_of_data(self):
        status, headers, _ = self.preview.request("POST", "/surveys/service-satisfaction", encode(VALID),
                                                  {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 303)
        self.assertEqual(headers["Location"], self.preview.url + "surveys/service-satisfaction/thanks/")
        stored = os.path.join(self.work, ".preview.responses/responses/service-satisfaction")
        [segment] = os.listdir(stored)
        self.assertRegex(segment, r"^\d{4}-\d\d-\d\d\.preview\.jsonl$")
        self.assertEqual(os.listdir(os.path.join(self.work, "data/responses")), [])
        status, _, body = self.preview.request("POST", "/surveys/service-satisfaction", b"overall=9",
                                               {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 400)
        self.assertIn("в них есть ошибки".encode(), body)

    def test_the_preview_is_byte_identical_to_a_full_build_for_its_address(self):
        self.edit(lambda text: text + "\nЕщё одна правка.\n")
        self.preview.wait_for_log("Изменено: " + re.escape(SERVICE) + "\nПересобрано за .*изменено файлов — 2\.\n",
                                  pattern=True)
        comparison = full_build(self.preview)
        self.assertEqual(different(comparison), [])
        self.assertGreater(len(comparison.same_files), 5)

    def test_broken_content_at_start_gets_a_page_that_waits_for_the_fix(self):
        work = os.path.join(self.work, "second")
        os.makedirs(work)
        for folder in ("content", "templates", "data"):
            shutil.copytree(os.path.join(self.work, folder), os.path.join(work, folder))
        path = os.path.join(work, SERVICE)
        with open(path, encoding="utf-8") as f:
            good = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(good.replace("\ntitle:", "\ntitle: [", 1))
        preview = Preview(work)
        self.addCleanup(preview.process.kill)
        self.assertIn("Сайт не пересобран: ошибок — 1.", preview.log)
        status, _, body = preview.request("GET", "/services/housing-subsidy/")
        self.assertEqual(status, 503)
        self.assertIn("<h1>Сайт ещё не собран</h1>".encode(), body)
        self.assertIn(b'<script src="/_otklik/live.js"></script>', body)
        events = Events(preview.port)
        self.assertRegex(events.next()["errors"], r"^content/services/housing-subsidy\.md:2: ошибка в YAML: ")
        with open(path, "w", encoding="utf-8") as f:
            f.write(good)
        state = events.next()
        self.assertEqual((state["generation"], state["errors"]), (2, ""))
        self.assertIn("services/housing-subsidy/index.html", state["changed"])
        self.assertEqual(preview.request("GET", "/services/housing-subsidy/")[0], 200)

    def test_sigterm_stops_it_and_a_taken_port_is_named(self):
        taken = subprocess.run([OTKLIK, "serve", "--port", str(self.preview.port), "--out", "other"],
                               cwd=self.work, capture_output=True, text=True, timeout=30)
        self.assertEqual(taken.returncode, 1)
        self.assertIn(f"127.0.0.1:{self.preview.port}: не удалось открыть порт (занят или нет прав); "
                      "укажите другой в --port\n", taken.stderr)
        self.preview.process.send_signal(signal.SIGTERM)
        self.assertEqual(self.preview.process.wait(timeout=10), 0)
        self.preview.wait_for_log("Предпросмотр остановлен.\n")


class ServeWithResponsesTest(unittest.TestCase):
    """The preview keeps the counts, disclosure control's decisions, the
    results model and the views of results from one build to the next while
    what they were made from stays the same: after every kind of edit its
    pages must still be those a full build writes."""

    AS_OF = "2026-11-23"

    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="otklik-serve-")
        self.addCleanup(shutil.rmtree, self.work, ignore_errors=True)
        for folder in ("content", "templates"):
            shutil.copytree(os.path.join(REPO, folder), os.path.join(self.work, folder))
        subprocess.run(["python3", os.path.join(REPO, "scripts/demo-responses"), "--data",
                        os.path.join(self.work, "data"), "--as-of", self.AS_OF], check=True, stdout=subprocess.DEVNULL)
        self.preview = Preview(self.work, "--as-of", self.AS_OF)
        self.addCleanup(self.preview.process.kill)
        self.events = Events(self.preview.port)
        self.generation = self.events.next()["generation"]

    def change(self, path, transform):
        path = os.path.join(self.work, path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        changed = transform(text)
        self.assertNotEqual(changed, text, path)
        with open(path, "w", encoding="utf-8") as f:
            f.write(changed)
        self.generation += 1
        state = self.events.next()
        self.assertEqual((state["generation"], state["errors"]), (self.generation, ""))
        return state["changed"]

    def assert_as_full_build(self, what):
        if os.environ.get("OTKLIK_SANITIZED") == "1":
            return  # the shipped build's run compares; this one runs the edits under the sanitizers
        comparison = full_build(self.preview, "--as-of", self.AS_OF)
        self.assertEqual(different(comparison), [], what)

    def test_every_kind_of_edit_gives_the_pages_of_a_full_build(self):
        mfc = "content/touchpoints/mfc.md"
        # One edit of each path through the memo: figures kept; counts kept
        # and texts renamed (a service's and a touchpoint's title, saved
        # together); figures made again for a new grouping or new interface
        # text. The counts made again (a survey, a response) follow below.
        edits = [
            ("a service's description", SERVICE, lambda text: text + "\nЕщё одна правка.\n"),
            # A title is an option of the service question: the counts stay, their texts change.
            ("a service's title", SERVICE, lambda text: text.replace("\ntitle: ", "\ntitle: Новая ", 1)),
            ("a touchpoint's title", mfc, lambda text: text.replace("\ntitle: ", "\ntitle: Офисы ", 1)),
            ("a service's situations", SERVICE, lambda text: text.replace("situations: [low-income, retirement]",
                                                                          "situations: [retirement]", 1)),
            ("a message the results show", "templates/messages.yaml",
             lambda text: text.replace('texts_note: "; тексты не публикуются', 'texts_note: "; тексты не показываем', 1)
             .replace('trend_table: "Таблица данных', 'trend_table: "Данные', 1)),
        ]
        for what, path, transform in edits:
            with self.subTest(what):
                self.change(path, transform)
                if what != "a service's title":  # compared with the touchpoint's, next
                    self.assert_as_full_build(what)
        self.change("content/surveys/service-satisfaction.yaml",
                    lambda text: re.sub(r"(?m)^(\s+text: )(.*)$", r"\1\2 (уточнено)", text, count=1))
        # A response more, with the survey's question changed above: counted again.
        responses = os.path.join(self.work, "data/responses/service-satisfaction")
        segment = sorted(name for name in os.listdir(responses) if name.endswith(".jsonl"))[-1]
        with open(os.path.join(responses, segment), encoding="utf-8") as f:
            line = f.readline()
        with open(os.path.join(responses, segment), "a", encoding="utf-8") as f:
            f.write(line)
        self.generation += 1
        self.assertEqual(self.events.next()["generation"], self.generation)
        self.assert_as_full_build("a response more")


class ServeRegionTest(unittest.TestCase):
    """`otklik serve --region`: the portal at one address, an edit rebuilding
    only its agency, each agency's forms answered at its own folder."""

    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="otklik-serve-region-")
        self.addCleanup(shutil.rmtree, self.work, ignore_errors=True)
        subprocess.run(["python3", os.path.join(REPO, "scripts/demo-region"), "--out", os.path.join(self.work, "region"),
                        "--no-demo", "--agencies", "2", "--services", "3", "--responses", "300"], check=True,
                       stdout=subprocess.DEVNULL)
        self.preview = Preview(self.work, "--region", "region/region.yaml", "--as-of", "2026-11-23")
        self.addCleanup(self.preview.process.kill)

    def test_the_portal_is_served_rebuilt_by_agency_and_takes_each_agencys_answers(self):
        status, _, home = self.preview.request("GET", "/")
        self.assertEqual(status, 200)
        self.assertIn("<h1>Обратная связь органов власти: Северная область</h1>".encode(), home)
        self.assertTrue(home.endswith(b'<script src="/_otklik/live.js"></script>\n</body>\n</html>\n'))
        status, _, form = self.preview.request("GET", "/inspection/surveys/satisfaction/")
        self.assertEqual(status, 200)
        self.assertIn(f'action="{self.preview.url}inspection/surveys/satisfaction"'.encode(), form)

        events = Events(self.preview.port)
        generation = events.next()["generation"]
        service = os.path.join(self.work, "region/agencies/committee/content/services/s1.md")
        with open(service, "a", encoding="utf-8") as f:
            f.write("\nПравка в предпросмотре портала.\n")
        state = events.next()
        self.assertEqual((state["generation"], state["errors"]), (generation + 1, ""))
        self.assertTrue(state["changed"] and all(path.startswith("committee/") for path in state["changed"]),
                        state["changed"])
        self.assertIn("committee/services/s1/index.html", state["changed"])
        self.assertIn("Правка в предпросмотре портала.".encode(), self.preview.request("GET", "/committee/services/s1/")[2])

        status, headers, _ = self.preview.request(
            "POST", "/inspection/surveys/satisfaction", encode([("service", "s2"), ("overall", "5"), ("_revision", "1")]),
            {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 303)
        self.assertEqual(headers["Location"], self.preview.url + "inspection/surveys/satisfaction/thanks/")
        stored = os.path.join(self.work, ".preview.responses/inspection/responses/satisfaction")
        [segment] = os.listdir(stored)
        with open(os.path.join(stored, segment), encoding="utf-8") as f:
            self.assertIn('"service":["s2"]', f.read())
        self.assertEqual(self.preview.request("POST", "/nobody/surveys/satisfaction", b"overall=5",
                                              {"Content-Type": "application/x-www-form-urlencoded"})[0], 404)


def full_build(preview, *args):
    """Builds the preview's content in full for its address; returns the
    comparison of the two outputs."""
    work = preview.work
    shutil.rmtree(os.path.join(work, "full-content"), ignore_errors=True)
    shutil.rmtree(os.path.join(work, "full"), ignore_errors=True)
    shutil.copytree(os.path.join(work, "content"), os.path.join(work, "full-content"))
    config = os.path.join(work, "full-content/site.yaml")
    with open(config, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"(?m)^base_url: .*$", "base_url: " + preview.url, text)
    text = re.sub(r"(?m)^receiver_url: .*$", "receiver_url: " + preview.url.rstrip("/"), text)
    with open(config, "w", encoding="utf-8") as f:
        f.write(text)
    subprocess.run([OTKLIK, "build", "--content", "full-content", "--out", "full", "--internal", "", "--quiet",
                    *args], cwd=work, check=True)
    return filecmp.dircmp(os.path.join(work, "preview"), os.path.join(work, "full"))


def different(comparison, prefix=""):
    """Files that differ or exist on one side only, recursively, with shallow=False."""
    _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)
    found = [prefix + name for name in mismatch + errors + comparison.left_only + comparison.right_only]
    for name, sub in comparison.subdirs.items():
        found += different(sub, prefix + name + "/")
    return found


if __name__ == "__main__":
    unittest.main(argv=["serve_test", "-v"])
