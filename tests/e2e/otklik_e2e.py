"""Shared pieces of the end-to-end tests: a receiver process, the demo
content prepared for today's date, and a valid answer to the reference survey."""

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

OTKLIK = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/otklik"
REPO = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else "."
SITE = "https://otklik.minsoc-sever.example.ru/"

VALID = [("service", "housing-subsidy"), ("info-source", "portal"), ("info-source", "people"), ("overall", "4"),
         ("channel", "office"), ("initiative", "requested"), ("provided", "yes"),
         ("parameters.application", "5"), ("parameters.status", "4"), ("parameters.documents", "3"),
         ("parameters.speed", "4"), ("parameters.online", "5"), ("staff", "no-contact"), ("timing", "satisfied"),
         ("_revision", "2"), ("_contact_email", "")]

# A survey of the e2e content with a long text answer, to post bodies over 8 KB.
LONG_SURVEY = """title: Длинные ответы
opens: 2020-01-01
closes: 2099-12-31
revision: 1
questions:
  - id: story
    kind: text
    text: Расскажите подробно
    max_length: 5000
"""


def prepare_content(work):
    """Copies the demo content to work/content, keeps its open surveys open
    whenever the test runs (the receiver works on today's date) and adds a
    survey with a long text answer."""
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(work, "content"))
    with open(os.path.join(work, "content/surveys/long-answers.yaml"), "w", encoding="utf-8") as f:
        f.write(LONG_SURVEY)
    for name in ("service-satisfaction", "appeals-handling"):
        path = os.path.join(work, "content/surveys", name + ".yaml")
        with open(path, encoding="utf-8") as f:
            text = re.sub(r"(?m)^opens: .*$", "opens: 2020-01-01", f.read())
        with open(path, "w", encoding="utf-8") as f:
            f.write(re.sub(r"(?m)^closes: .*$", "closes: 2099-12-31", text))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def encode(pairs):
    return urllib.parse.urlencode(pairs).encode()


class Receiver:
    """One `otklik receive` process over its own content and data folders."""

    def __init__(self, work, data=None, extra=(), preexec_fn=None):
        self.work = work
        self.port = free_port()
        self.data = data or os.path.join(work, "data")
        self.log_path = os.path.join(work, f"receiver-{self.port}.log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [OTKLIK, "receive", "--content", os.path.join(work, "content"), "--data", self.data,
             "--listen", f"127.0.0.1:{self.port}", *extra],
            stdout=self.log, stderr=subprocess.STDOUT, preexec_fn=preexec_fn)
        for _ in range(100):
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("receiver did not start:\n" + self.output())

    def request(self, method, path, body=b"", headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        default = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        connection.request(method, path, body=body, headers={**default, **(headers or {})})
        response = connection.getresponse()
        result = (response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace"))
        connection.close()
        return result

    def post(self, survey, pairs, headers=None):
        return self.request("POST", f"/surveys/{survey}", encode(pairs), headers)

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
        code = self.process.wait(timeout=20)
        self.log.close()
        return code

    def wait_for_output(self, text, count=1, timeout=20):
        """Waits until the log holds `text` `count` times (a signal is handled
        asynchronously; a fixed sleep races a loaded machine)."""
        deadline = time.monotonic() + timeout
        while self.output().count(text) < count:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"the receiver did not print {text!r}:\n" + self.output())
            time.sleep(0.02)

    def output(self):
        if not self.log.closed:
            self.log.flush()
        with open(self.log_path, encoding="utf-8") as f:
            return f.read()


def stored_lines(data):
    lines = []
    for folder, _, names in os.walk(os.path.join(data, "responses")):
        for name in sorted(names):
            with open(os.path.join(folder, name), "rb") as f:
                lines += f.read().split(b"\n")[:-1]
    return lines


