#!/usr/bin/env python3
"""Checks that every relative href/src in the generated HTML resolves to a file.

Usage: check_links.py SITE_DIR. Prints each broken link as
"page: link" and exits 1 if there is any.
"""
import html.parser
import os
import sys
import urllib.parse


class LinkCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def is_internal(link):
    parsed = urllib.parse.urlparse(link)
    return not parsed.scheme and not parsed.netloc and not link.startswith("#")


def main(site):
    broken = []
    for folder, _, files in os.walk(site):
        for name in files:
            if not name.endswith(".html") or name == "404.html":
                continue
            page = os.path.join(folder, name)
            collector = LinkCollector()
            with open(page, encoding="utf-8") as f:
                collector.feed(f.read())
            for link in collector.links:
                if not is_internal(link):
                    continue
                path = urllib.parse.unquote(urllib.parse.urlparse(link).path)
                target = os.path.normpath(os.path.join(folder, path))
                if os.path.isdir(target):
                    target = os.path.join(target, "index.html")
                if not os.path.isfile(target):
                    broken.append(f"{os.path.relpath(page, site)}: {link}")
    for line in broken:
        print(line)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
