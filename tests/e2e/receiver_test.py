#!/usr/bin/env python3
"""End-to-end tests of `otklik receive`: a real server on 127.0.0.1 and
real HTTP clients. Statuses, stored bytes, anonymity, bodies over 8 KB,
SIGHUP reload, SIGTERM drain, a torn line after a crash, a full disk
(tmpfs, when the machine lets us mount one), and SIGKILL under concurrent
load: every acknowledged answer is stored exactly once, every line parses.

Usage: receiver_test.py path/to/otklik repo-root
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from otklik_e2e import LONG_SURVEY, OTKLIK, REPO, SITE, VALID, Receiver, encode, free_port, prepare_content, stored_lines


class ReceiverTest(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="otklik-receiver-")
        prepare_content(self.work)

    def tearDown(self):
        shutil.rmtree(self.work, ignore_errors=True)

    def test_accepts_a_form_and_stores_it_anonymously(self):
        receiver = Receiver(self.work)
        status, headers, _ = receiver.post("service-satisfaction", VALID,
                                           {"X-Forwarded-For": "203.0.113.77", "User-Agent": "SecretBrowser/1.0",
                                            "Cookie": "session=abc", "Referer": "https://mail.example/inbox"})
        self.assertEqual(receiver.stop(), 0)
        self.assertEqual(status, 303)
        self.assertEqual(headers["Location"], SITE + "surveys/service-satisfaction/thanks/")
        lines = stored_lines(receiver.data)
        self.assertEqual(len(lines), 1)
        stored = json.loads(lines[0])
        self.assertEqual(sorted(stored), ["answers", "date", "revision", "source", "survey"])
        self.assertEqual(stored["survey"], "service-satisfaction")
        self.assertEqual(stored["revision"], 2)
        self.assertEqual(stored["source"], "web")
        self.assertRegex(stored["date"], r"^\d{4}-\d{2}-\d{2}$")
        self.assertEqual(stored["answers"]["info-source"], ["portal", "people"])
        # The server's own address appears once, in its start-up line; nothing about the client anywhere.
        log = "\n".join(line for line in receiver.output().splitlines() if not line.startswith("Приём ответов: http"))
        raw = b"".join(lines) + log.encode()
        for secret in (b"127.0.0.1", b"203.0.113.77", b"SecretBrowser", b"session=abc", b"mail.example"):
            self.assertNotIn(secret, raw, "nothing about the client is stored or logged")
        self.assertRegex(receiver.output(), r"POST /surveys/service-satisfaction 303\n")

    def test_a_receiver_takes_only_its_audience(self):
        public = Receiver(self.work)
        staff = Receiver(self.work, extra=("--audience", "internal", "--instance", "staff1"))
        message = [("topic", "equipment"), ("message", "Компьютеры зависают")]
        # The standing staff channel: unknown to the public receiver, taken by the internal one.
        status, _, body = public.post("staff-channel", message)
        self.assertEqual(status, 404)
        self.assertIn("Такого опроса нет", body)
        self.assertEqual(public.request("POST", "/api/surveys/staff-channel/responses",
                                        json.dumps({"revision": 1, "answers": dict(message)}).encode(),
                                        {"Content-Type": "application/json"})[0], 404)
        self.assertEqual(staff.post("staff-channel", message)[0], 200)
        self.assertEqual(staff.post("service-satisfaction", VALID)[0], 404)
        self.assertEqual(public.post("service-satisfaction", VALID)[0], 303)
        self.assertEqual(public.stop(), 0)
        self.assertEqual(staff.stop(), 0)
        stored = sorted(json.loads(line)["survey"] for line in stored_lines(public.data))
        self.assertEqual(stored, ["service-satisfaction", "staff-channel"])
        staff_files = [name for name in os.listdir(os.path.join(public.data, "responses", "staff-channel"))]
        self.assertEqual(len(staff_files), 1)
        self.assertTrue(staff_files[0].endswith(".staff1.jsonl"), staff_files)

    def test_every_status_of_the_contract(self):
        receiver = Receiver(self.work)
        cases = [
            (("POST", "/surveys/service-satisfaction", encode([("overall", "9")])), 400),
            (("POST", "/surveys/no-such-survey", encode(VALID)), 404),
            (("GET", "/surveys/service-satisfaction", b""), 405),
            (("POST", "/surveys/hotline-2026", encode([("overall", "4")])), 410),
            (("POST", "/surveys/long-answers", encode([("story", "я" * 200000)])), 413),
            (("GET", "/healthz", b""), 200),
            (("GET", "/nowhere", b""), 404),
        ]
        for (method, path, body), want in cases:
            with self.subTest(path=path):
                self.assertEqual(receiver.request(method, path, body)[0], want)
        status, _, _ = receiver.request("POST", "/surveys/service-satisfaction", b"x", {"Content-Type": "text/plain"})
        self.assertEqual(status, 415)
        # A body over the limit is not read; the handler answers for its address (here: the method).
        status, _, body = receiver.request("PUT", "/surveys/service-satisfaction", b"x" * 300000)
        self.assertEqual((status, body), (405, "Метод не поддерживается.\n"))
        # Refusals made before the handler are plain text in the catalogue's words.
        status, _, body = receiver.request("GET", "/healthz", b"", {"Cookie": "a" * 20000})
        self.assertEqual((status, body), (431, "Слишком большой запрос.\n"))
        with socket.create_connection(("127.0.0.1", receiver.port)) as raw:
            raw.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03")
            reply = raw.makefile("rb").read()
        self.assertTrue(reply.startswith(b"HTTP/1.1 400 Bad Request\r\n"), reply)
        self.assertTrue(reply.endswith("Неверный запрос.\n".encode()), reply)
        status, _, body = receiver.request("POST", "/api/surveys/appeals-handling/responses",
                                           json.dumps({"revision": 1, "answers": {"overall": "7"}}).encode(),
                                           {"Content-Type": "application/json"})
        self.assertEqual(status, 400)
        self.assertIn({"field": "overall", "message": "Выберите один из предложенных вариантов ответа.",
                       "question": 9}, json.loads(body)["errors"])
        api = {"service": "citizen-appeals", "appeal-kind": "question", "appeal-channel": "email",
               "answered": "in-time", "clarity": 4, "solved": "yes", "overall": 5}
        status, _, body = receiver.request("POST", "/api/surveys/appeals-handling/responses",
                                           json.dumps({"revision": 1, "answers": api}).encode(),
                                           {"Content-Type": "application/json"})
        self.assertEqual((status, json.loads(body)), (201, {"status": "accepted"}))
        _, _, health = receiver.request("GET", "/healthz")
        counters = json.loads(health)["counters"]
        self.assertEqual(counters["accepted"], 1)
        self.assertEqual(counters["rejected"]["not_found"], 2)
        self.assertEqual(counters["rejected"]["malformed"], 2)
        receiver.stop()

    def test_a_form_body_over_8_kb_is_read_whole(self):
        receiver = Receiver(self.work)
        story = "Очень подробный рассказ о получении услуги. " * 100  # ~4,400 letters, ~45 KB encoded
        body = encode([("story", story.strip())])
        self.assertGreater(len(body), 8192)
        self.assertEqual(receiver.request("POST", "/surveys/long-answers", body)[0], 303)
        receiver.stop()
        self.assertEqual(json.loads(stored_lines(receiver.data)[0])["answers"]["story"], [story.strip()])

    def test_rate_limit_answers_429_with_retry_after(self):
        receiver = Receiver(self.work)
        statuses = [receiver.post("service-satisfaction", [("overall", "9")])[0] for _ in range(12)]
        self.assertEqual(statuses[:10], [400] * 10)
        status, headers, _ = receiver.post("service-satisfaction", [("overall", "9")])
        self.assertEqual(status, 429)
        self.assertGreaterEqual(int(headers["Retry-After"]), 1)
        # Another client behind the trusted proxy has its own bucket.
        self.assertEqual(receiver.post("service-satisfaction", [("overall", "9")],
                                       {"X-Forwarded-For": "198.51.100.9"})[0], 400)
        receiver.stop()

    def test_honeypot_looks_accepted_but_stores_nothing(self):
        receiver = Receiver(self.work)
        bot = [(k, "bot@example.com" if k == "_contact_email" else v) for k, v in VALID]
        status, headers, _ = receiver.post("service-satisfaction", bot)
        receiver.stop()
        self.assertEqual((status, headers["Location"]), (303, SITE + "surveys/service-satisfaction/thanks/"))
        self.assertEqual(stored_lines(receiver.data), [])

    def test_sighup_reloads_content_and_keeps_it_when_broken(self):
        receiver = Receiver(self.work)
        survey = os.path.join(self.work, "content/surveys/long-answers.yaml")
        with open(survey, "w", encoding="utf-8") as f:
            f.write(LONG_SURVEY.replace("closes: 2099-12-31", "closes: 2020-01-31"))
        receiver.process.send_signal(signal.SIGHUP)
        receiver.wait_for_output("Материалы перечитаны.")
        self.assertEqual(receiver.post("long-answers", [("story", "x")])[0], 410)
        with open(survey, "w", encoding="utf-8") as f:
            f.write("title: [не закрыто\n")
        receiver.process.send_signal(signal.SIGHUP)
        receiver.wait_for_output("Материалы с ошибками не приняты; работаем с прежними.")
        self.assertEqual(receiver.post("long-answers", [("story", "x")])[0], 410, "the previous content is kept")
        self.assertEqual(receiver.stop(), 0)
        log = receiver.output()
        self.assertIn("Материалы перечитаны.", log)
        self.assertIn("long-answers.yaml:1: ошибка в YAML", log)
        self.assertIn("Материалы с ошибками не приняты; работаем с прежними.", log)

    def test_a_torn_last_line_is_cut_and_reported_at_start(self):
        receiver = Receiver(self.work)
        receiver.post("long-answers", [("story", "первый")])
        receiver.stop()
        [segment] = [os.path.join(f, n) for f, _, ns in os.walk(os.path.join(receiver.data, "responses")) for n in ns]
        with open(segment, "ab") as f:
            f.write('{"answers":{"story":["обор'.encode())
        second = Receiver(self.work, data=receiver.data)
        self.assertEqual(second.post("long-answers", [("story", "второй")])[0], 303)
        second.stop()
        self.assertRegex(second.output(), r"r1\.jsonl: последняя строка оборвана .*; отрезано 30 байт")
        stories = [json.loads(line)["answers"]["story"] for line in stored_lines(receiver.data)]
        self.assertEqual(stories, [["первый"], ["второй"]])

    def test_a_second_receiver_with_the_same_instance_refuses_to_start(self):
        first = Receiver(self.work)
        first.post("long-answers", [("story", "x")])
        second = subprocess.run([OTKLIK, "receive", "--content", os.path.join(self.work, "content"), "--data",
                                 first.data, "--listen", f"127.0.0.1:{free_port()}"], capture_output=True, text=True,
                                timeout=20)
        first.stop()
        self.assertEqual(second.returncode, 1)
        self.assertIn("файл уже открыт другим процессом приёма ответов", second.stderr)

    def test_a_full_disk_answers_503_keeps_no_partial_line_and_recovers(self):
        disk = os.path.join(self.work, "disk")
        os.makedirs(disk)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk],
                          capture_output=True).returncode != 0:
            self.skipTest("cannot mount a small tmpfs here (needs root)")
        try:
            receiver = Receiver(self.work, data=os.path.join(disk, "data"))
            self.assertEqual(receiver.post("long-answers", [("story", "до заполнения")])[0], 303)
            filler = os.path.join(disk, "filler")
            try:
                with open(filler, "wb") as f:
                    while True:
                        f.write(b"x" * 4096)
                        f.flush()
            except OSError:
                pass  # the disk is full
            status, headers, _ = receiver.post("long-answers", [("story", "я" * 3000)])
            self.assertEqual((status, headers.get("Retry-After")), (503, "60"))
            os.remove(filler)
            self.assertEqual(receiver.post("long-answers", [("story", "после")])[0], 303)
            self.assertEqual(receiver.stop(), 0)
            # The operator is told when storing fails and when it works again.
            self.assertRegex(receiver.output(), r"\nОтветы не сохраняются \(ответ 503, отказов: 1\): \S+\.r1\.jsonl: "
                                                r"не удалось записать: No space left on device\n(.*\n)?"
                                                r"Ответы снова сохраняются\.\n")
            stories = [json.loads(line)["answers"]["story"] for line in stored_lines(receiver.data)]
            self.assertEqual(stories, [["до заполнения"], ["после"]])
        finally:
            subprocess.run(["umount", disk])

    def test_sigkill_under_load_loses_no_acknowledged_answer(self):
        receiver = Receiver(self.work, extra=["--config", self.unlimited_config()])
        acknowledged = []
        lock = threading.Lock()
        stop = threading.Event()

        def client(number):
            sent = 0
            while not stop.is_set():
                story = f"клиент {number} ответ {sent}"
                sent += 1
                try:
                    status, _, _ = receiver.post("long-answers", [("story", story)])
                except OSError:
                    return
                if status == 303:
                    with lock:
                        acknowledged.append(story)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        time.sleep(1.5)
        receiver.process.send_signal(signal.SIGKILL)
        stop.set()
        for thread in threads:
            thread.join()
        receiver.stop()
        lines = stored_lines(receiver.data)
        stories = [json.loads(line)["answers"]["story"][0] for line in lines]  # every line parses
        self.assertGreater(len(acknowledged), 50)
        self.assertEqual(sorted(set(acknowledged) - set(stories)), [], "every acknowledged answer is stored")
        self.assertEqual(len(stories), len(set(stories)), "and stored once")

    def test_a_slow_client_is_cut_off_and_does_not_block_others(self):
        config = os.path.join(self.work, "slow.yaml")
        with open(config, "w", encoding="utf-8") as f:
            f.write("limits:\n  read_timeout: 1\n  workers: 2\n")
        receiver = Receiver(self.work, extra=["--config", config])
        slow = socket.create_connection(("127.0.0.1", receiver.port))
        slow.sendall(b"POST /surveys/long-answers HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nstory=")
        self.assertEqual(receiver.post("long-answers", [("story", "быстрый")])[0], 303, "others are served")
        slow.settimeout(5)
        started = time.monotonic()
        reply = slow.recv(4096)
        waited = time.monotonic() - started
        slow.close()
        receiver.stop()
        self.assertLess(waited, 4, "the slow client is dropped after the read timeout")
        self.assertFalse(reply.startswith(b"HTTP/1.1 303"))
        self.assertEqual([json.loads(l)["answers"]["story"] for l in stored_lines(receiver.data)], [["быстрый"]])

    def test_connections_over_the_limit_get_503_at_once(self):
        config = os.path.join(self.work, "small.yaml")
        with open(config, "w", encoding="utf-8") as f:
            f.write("limits:\n  read_timeout: 3\n  workers: 1\n  connections: 2\n")
        receiver = Receiver(self.work, extra=["--config", config])
        time.sleep(0.5)  # let the start-up check's connection close
        hogs = []
        for _ in range(2):  # two idle connections hold the one worker and the one waiting place
            hog = socket.create_connection(("127.0.0.1", receiver.port))
            hog.sendall(b"POST /surveys/long-answers HTTP/1.1\r\nHost: x\r\n")
            hogs.append(hog)
        time.sleep(0.2)
        status, headers, body = receiver.request("GET", "/healthz")
        for hog in hogs:
            hog.close()
        time.sleep(0.5)
        after = receiver.request("GET", "/healthz")[0]
        receiver.stop()
        self.assertEqual((status, headers.get("Retry-After"), body),
                         (503, "5", "Сервер перегружен, повторите через несколько секунд.\n"))
        self.assertEqual(after, 200, "served again once the connections are gone")

    def unlimited_config(self):
        path = os.path.join(self.work, "receiver.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("limits:\n  rate_per_minute: 0\n")
        return path


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
