"""How long `/viikko/` takes to render with 10 and 300 activities (a benchmark, not a test).

    .venv/bin/python docs/benchmarks/week_page.py [--rounds 30]

Builds a throwaway SQLite database (or uses DATABASE_URL's server, with a database of its own name),
creates the programme with tests/events/builders.py, and renders the week page in-process with
Django's test client: the median and the 90th percentile of the wall time per request, and the SQL
queries each request runs, with development settings (DEBUG on).
"""

import argparse
import datetime
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("KOHTAAMO_VAR_DIR", tempfile.mkdtemp(prefix="kohtaamo-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0, stdout=io.StringIO())
    from events.models import Activity
    from tests.events.builders import make_activity, make_programme_site
    from tests.pages.builders import make_partners

    site = make_programme_site()
    partners = make_partners(6, site["support"], sector="mixed")
    client = Client()
    url = "/viikko/?viikko=2026-W49"
    print(f"{'activities':>10} {'median ms':>10} {'p90 ms':>8} {'queries':>8} {'occurrences':>12}")
    for count in (10, 300):
        Activity.objects.all().delete()
        for number in range(count):
            make_activity(
                site,
                weekdays=[number % 5, (number + 2) % 7],
                interval_weeks=1 + number % 2,
                first_date=datetime.date(2026, 8, 3),
                partners=partners[: 1 + number % 3],
            )
        client.get(url)  # warm what is cached across requests
        times = []
        for _round in range(args.rounds):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            body = client.get(url).content.decode()
        p90 = statistics.quantiles(times, n=10)[-1]
        occurrences = body.count('class="programme-item')
        print(f"{count:>10} {statistics.median(times):>10.1f} {p90:>8.1f} {len(queries):>8} {occurrences:>12}")


if __name__ == "__main__":
    main()
