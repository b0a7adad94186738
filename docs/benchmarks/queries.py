"""SQL queries, server time and size of each page, measured in-process on the benchmark's database.

    .venv/bin/python docs/benchmarks/queries.py [--repeat 20] / /viikko/ …

Runs with the server's environment (production settings, the same database and cache) and Django's test
client, one request at a time, and prints a JSON list with a row per address:
- `queries`, `server_ms`: with the page cache off (KOHTAAMO_PAGE_CACHE=False), the queries of one request
  after a first one has warmed what is cached across requests (menus, settings, the site), and the median
  time of `--repeat` requests (fewer, but at least three, when they take over five seconds together): what a
  page costs whenever it is not in the page cache.
- `cached_queries`, `cache`: the same page for a visitor without a session, the page cache on: the queries
  of the second request and its X-Page-Cache header ("hit" when it came from the cache).
- `bytes`, `gzip_bytes`: the HTML as sent, and gzipped (what a browser that accepts gzip would download
  from a front server that compresses).
It also finds the address of the site's style sheet in the home page, the static file of the floor.
"""

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MIN_REPEAT = 3
SECONDS_PER_PAGE = 5  # a slow page is timed fewer times, so the whole run stays short
STYLE_SHEET = re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="(/static/[^"]+\.css)"')


def measure(urls: list[str], repeat: int) -> dict:
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    rows = []
    for url in urls:
        with override_settings(KOHTAAMO_PAGE_CACHE=False):
            first = client.get(url)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            queries = len(captured)  # read now: the next request empties the connection's log
            times: list[float] = []
            while len(times) < repeat and (len(times) < MIN_REPEAT or sum(times) < SECONDS_PER_PAGE):
                started = time.perf_counter()
                client.get(url)
                times.append(time.perf_counter() - started)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            again = client.get(url)
        cached_queries = len(captured)
        rows.append(
            {
                "url": url,
                "status": first.status_code,
                "queries": queries,
                "server_ms": round(statistics.median(times) * 1000, 1) if times else None,
                "cached_queries": cached_queries,
                "cache": again.get("X-Page-Cache", ""),
                "bytes": len(response.content),
                "gzip_bytes": len(gzip.compress(response.content)),
            }
        )
    home = client.get("/").content.decode()
    style = STYLE_SHEET.search(home)
    return {"pages": rows, "static": style.group(1) if style else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="requests timed per page")
    parser.add_argument("urls", nargs="+")
    args = parser.parse_args()
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
    import django

    django.setup()
    print(json.dumps(measure(args.urls, args.repeat)))


if __name__ == "__main__":
    main()
