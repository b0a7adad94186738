"""How many votes per second one app server records (a benchmark, not a test).

    .venv/bin/python docs/benchmarks/votes.py [--ballots 1000] [--concurrency 16] [--workers 2] [--threads 4]
    DATABASE_URL=postgres://user@host/any .venv/bin/python docs/benchmarks/votes.py

Makes a throwaway database (a temporary SQLite file, or a new PostgreSQL database on DATABASE_URL's server,
dropped afterwards), migrates it, builds an open round with a code per ballot (tests/ideas/builders.py) and
starts gunicorn on loopback with production settings (DEBUG off, static files collected, local memory cache),
through tests/live_server.py. Then `--concurrency` threads send the ballots: each a POST of the public ballot
from a code of its own, ticking VOTES_PER_CODE ideas. It prints ballots and votes per second, the median and
99th percentile latency of a ballot, and checks that the tally in the database matches what was sent.
DATABASE_CONN_MAX_AGE passes through to the server (0, a connection per request, unless set).
"""

import argparse
import json
import os
import secrets
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

VOTES_PER_CODE = 3
IDEAS = 12
WARM_UP = 40


def build(codes: int) -> dict:
    """Runs in the server's database (`--build`): an open round of IDEAS ideas and `codes` codes."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
    import django

    django.setup()
    from tests.ideas.builders import make_idea, make_ideas_site, make_round

    site = make_ideas_site()
    ideas = [make_idea(site, title=f"Idea {number}") for number in range(IDEAS)]
    voting_round = make_round(site, ideas, votes_per_code=VOTES_PER_CODE)
    issued = []
    while len(issued) < codes:
        issued += voting_round.issue_codes(min(2000, codes - len(issued)))
    return {"round": voting_round.pk, "ideas": [idea.pk for idea in ideas], "codes": [c.printed for c in issued]}


def production_env(database_url: str, var_dir: Path) -> dict[str, str]:
    from tests.live_server import server_env

    env = server_env(database_url, var_dir)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback, where a proxy would end TLS
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def send(port: int, site: dict, ballots: list[int], concurrency: int):
    """Sends the ballots (indexes into the codes) from `concurrency` threads: (seconds, latencies, failures)."""
    from tests.live_server import Browser

    path = f"/ideat/aanesta/{site['round']}/"
    browser = Browser(port)
    browser.load(f"{path}?koodi={site['codes'][0]}")
    queue = iter(ballots)
    lock = threading.Lock()
    latencies: list[float] = []
    failures: list[str] = []

    def worker() -> None:
        while True:
            with lock:
                number = next(queue, None)
            if number is None:
                return
            started = time.perf_counter()
            response = browser.post(path, {"koodi": site["codes"][number], "ideat": ticked(site, number)})
            took = time.perf_counter() - started
            with lock:
                latencies.append(took)
                if response.status != 302:
                    failures.append(f"{response.status}: {response.body[:300]}")

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies, failures


def ticked(site: dict, number: int) -> list[int]:
    return [site["ideas"][(number + offset) % IDEAS] for offset in range(VOTES_PER_CODE)]


def run(kind: str, args) -> None:
    from tests.live_server import manage, migrated_database, query, server

    with tempfile.TemporaryDirectory(prefix="kohtaamo-votes-") as tmp:
        tmp_path = Path(tmp)
        with migrated_database(kind, tmp_path, "bench_votes") as (database_url, _env):
            env = production_env(database_url, tmp_path / "var")
            manage(env, "collectstatic", "--no-input", "-v", "0")
            built = subprocess_build(env, WARM_UP + args.ballots)
            with server(env, tmp_path / "server.log", workers=args.workers, threads=args.threads) as port:
                _seconds, _latencies, failures = send(port, built, list(range(WARM_UP)), args.concurrency)
                timed = list(range(WARM_UP, WARM_UP + args.ballots))
                seconds, latencies, timed_failures = send(port, built, timed, args.concurrency)
            failures += timed_failures
            counted = Counter(dict(query(database_url, "SELECT idea_id, COUNT(*) FROM ideas_vote GROUP BY idea_id")))
            sent = Counter(idea for number in range(WARM_UP + args.ballots) for idea in ticked(built, number))
            used = query(database_url, "SELECT COUNT(*) FROM ideas_votingcode WHERE channel = 'online'")[0][0]
    votes = args.ballots * VOTES_PER_CODE
    cut = statistics.quantiles(latencies, n=100)
    tally = "matches" if counted == sent and used == WARM_UP + args.ballots else f"DIFFERS: {counted} != {sent}"
    print(
        f"{kind:<11} {args.ballots:>7} {votes:>6} {seconds:>7.1f} {votes / seconds:>8.1f} "
        f"{args.ballots / seconds:>9.1f} {statistics.median(latencies) * 1000:>7.1f} {cut[98] * 1000:>7.1f}  {tally}"
    )
    if failures:
        print(f"  {len(failures)} ballots were not stored, e.g. {failures[0]}")


def subprocess_build(env: dict, codes: int) -> dict:
    import subprocess

    done = subprocess.run(  # noqa: S603 - this script itself, with a number
        [sys.executable, __file__, "--build", str(codes)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"building the round failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=1000, help="ballots timed (each VOTES_PER_CODE votes)")
    parser.add_argument("--concurrency", type=int, default=16, help="ballots in flight at once")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        print(json.dumps(build(args.build)))
        return
    from tests.live_server import database_kinds

    kind = database_kinds()[-1]  # PostgreSQL when DATABASE_URL names it, else SQLite
    print(
        f"gunicorn {args.workers} workers × {args.threads} threads, {args.concurrency} ballots in flight, "
        f"{VOTES_PER_CODE} votes per ballot, after {WARM_UP} ballots of warm-up, "
        f"DATABASE_CONN_MAX_AGE={os.environ.get('DATABASE_CONN_MAX_AGE', '0')}"
    )
    print(f"{'database':<11} {'ballots':>7} {'votes':>6} {'seconds':>7} {'votes/s':>8} {'ballots/s':>9} "
          f"{'p50 ms':>7} {'p99 ms':>7}  tally")  # fmt: skip
    run(kind, args)


if __name__ == "__main__":
    main()
