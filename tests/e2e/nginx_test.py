#!/usr/bin/env python3
"""End-to-end through real nginx with the deploy configuration
(scripts/deploy/): the static demo site, a survey form posted through the
proxy into a segment file, the security headers, the 404 page, logs
without client addresses, and the refusals a citizen gets (the receiver's
Russian pages for its own limits; nginx's in the same words for its own).

Usage: nginx_test.py path/to/otklik repo-root
"""

import http.client
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest

from otklik_e2e import OTKLIK, REPO, SITE, VALID, Receiver, encode, free_port, prepare_content, stored_lines


def deploy_config(work, nginx_port, receiver_port):
    """The deploy site config with this test's paths and ports."""
    with open(os.path.join(REPO, "scripts/deploy/nginx-otklik.conf"), encoding="utf-8") as f:
        site = f.read()
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{nginx_port};",
        "listen [::]:80;": "",
        "root /srv/otklik/site;": f"root {work}/site;",
        "/var/log/nginx/otklik.log": f"{work}/nginx-access.log",
        "server 127.0.0.1:8081;": f"server 127.0.0.1:{receiver_port};",
        "/etc/nginx/otklik-proxy.conf": os.path.join(REPO, "scripts/deploy/otklik-proxy.conf"),
    }
    for old, new in replacements.items():
        assert old in site, old
        site = site.replace(old, new)
    with open(os.path.join(work, "site.conf"), "w", encoding="utf-8") as f:
        f.write(site)
    main = f"""user root;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/site.conf;
}}
"""
    with open(os.path.join(work, "nginx.conf"), "w", encoding="utf-8") as f:
        f.write(main)
    return os.path.join(work, "nginx.conf")


class NginxTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="otklik-nginx-")
        prepare_content(cls.work)
        subprocess.run([OTKLIK, "build", "--quiet", "--content", f"{cls.work}/content", "--templates",
                        f"{REPO}/templates", "--out", f"{cls.work}/site", "--internal", f"{cls.work}/internal"],
                       check=True)
        cls.receiver = Receiver(cls.work)
        cls.port = free_port()
        config = deploy_config(cls.work, cls.port, cls.receiver.port)
        subprocess.run(["nginx", "-t", "-p", cls.work, "-c", config], check=True, capture_output=True)
        cls.nginx = subprocess.Popen(["nginx", "-p", cls.work, "-c", config, "-g", "daemon off;"])
        for _ in range(100):
            try:
                cls.get("/")
                break
            except OSError:
                time.sleep(0.05)

    @classmethod
    def tearDownClass(cls):
        cls.nginx.terminate()
        cls.nginx.wait(timeout=10)
        cls.receiver.stop()
        shutil.rmtree(cls.work, ignore_errors=True)

    @classmethod
    def request(cls, method, path, body=b"", headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", cls.port, timeout=10)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        result = (response.status, dict(response.getheaders()), response.read())
        connection.close()
        return result

    @classmethod
    def get(cls, path):
        return cls.request("GET", path)

    def test_serves_the_static_site_with_security_headers(self):
        status, headers, body = self.get("/")
        self.assertEqual(status, 200)
        self.assertIn("Обратная связь".encode(), body)
        self.assertIn("default-src 'self'", headers["Content-Security-Policy"])
        self.assertIn("form-action 'self'", headers["Content-Security-Policy"])
        self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
        self.assertEqual(headers["Referrer-Policy"], "no-referrer")
        status, _, body = self.get("/surveys/service-satisfaction/")
        self.assertEqual(status, 200)
        self.assertIn(b'<form class="survey-form" method="post"', body)

    def test_unknown_pages_get_the_404_page(self):
        status, _, body = self.get("/no/such/page/")
        self.assertEqual(status, 404)
        self.assertIn("Страница не найдена".encode(), body)

    def test_a_form_post_through_nginx_lands_in_a_segment(self):
        status, headers, _ = self.request("POST", "/surveys/service-satisfaction", encode(VALID),
                                          {"Content-Type": "application/x-www-form-urlencoded",
                                           "User-Agent": "SecretBrowser/2.0"})
        self.assertEqual(status, 303)
        self.assertEqual(headers["Location"], SITE + "surveys/service-satisfaction/thanks/")
        deadline = time.time() + 5
        while not stored_lines(self.receiver.data) and time.time() < deadline:
            time.sleep(0.05)
        [line] = [l for l in stored_lines(self.receiver.data) if b"service-satisfaction" in l]
        self.assertEqual(json.loads(line)["answers"]["service"], ["housing-subsidy"])

    def test_the_api_goes_through_the_proxy(self):
        status, _, body = self.request("POST", "/api/surveys/appeals-handling/responses", b"{}",
                                       {"Content-Type": "application/json"})
        self.assertEqual(status, 400)
        self.assertIn("errors", json.loads(body))

    def test_healthz_is_local_only_and_logs_keep_no_addresses(self):
        self.assertEqual(self.get("/healthz")[0], 200)
        self.get("/services/")
        # nginx writes the access log line after the response has gone out.
        log, deadline = "", time.time() + 5
        while "GET /services/index.html" not in log and time.time() < deadline:
            time.sleep(0.02)
            with open(os.path.join(self.work, "nginx-access.log"), encoding="utf-8") as f:
                log = f.read()
        self.assertIn("GET /services/index.html 200", log)
        self.assertNotIn("127.0.0.1", log)
        self.assertNotIn("SecretBrowser", log + self.receiver.output())

    def test_a_body_over_nginxs_limit_gets_the_same_words_from_nginx(self):
        status, headers, body = self.request("POST", "/api/surveys/appeals-handling/responses",
                                             b"{" + b" " * (17 * 1024 * 1024) + b"}",
                                             {"Content-Type": "application/json"})
        self.assertEqual(status, 413)
        self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
        self.assertIn("Ответы не поместились в допустимый размер.".encode(), body)

    def test_a_form_over_the_receivers_limit_gets_the_receivers_page_through_nginx(self):
        status, headers, body = self.request("POST", "/surveys/service-satisfaction",
                                             encode([("comment", "я" * 150000)]),
                                             {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 413)
        self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
        self.assertIn(b'<html lang="ru">', body)
        self.assertIn("<h1>Слишком длинные ответы</h1>".encode(), body)

    # Named to run last (unittest runs tests in name order): it uses up the
    # address's allowance, which the other tests share.
    def test_when_posts_come_too_fast_the_receiver_refuses_in_russian_with_retry_after(self):
        statuses = []
        for _ in range(40):
            status, headers, body = self.request("POST", "/surveys/service-satisfaction", encode(VALID),
                                                 {"Content-Type": "application/x-www-form-urlencoded"})
            statuses.append(status)
            if status == 429:
                break
        self.assertEqual(statuses[-1], 429, statuses)
        self.assertIn("Слишком много ответов".encode(), body)
        self.assertGreater(int(headers["Retry-After"]), 0)
        self.assertTrue(headers["Content-Type"].startswith("text/html"))



if __name__ == "__main__":
    unittest.main(argv=["nginx_test", "-v"])
