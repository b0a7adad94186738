"""`make bench`: the public pages and the ballot under load, on a generated data set, as in production.

    .venv/bin/python docs/benchmarks/run.py [--size S|L|XS] [--smoke]
    DATABASE_URL=postgres://user@host/any .venv/bin/python docs/benchmarks/run.py

Makes a throwaway database (a temporary SQLite file, or a new PostgreSQL database on DATABASE_URL's server,
dropped afterwards), migrates it, loads the demo site and adds the data set of the size
(docs/benchmarks/dataset.py). Measures each page in-process first (queries, server time, size:
docs/benchmarks/queries.py), then starts gunicorn with production settings on loopback and drives each page
with `wrk`: for a visitor without a session (from the page cache) and for one with a session cookie (the
page cache bypassed), with the site's style sheet served by the same server, at the start and at the end, as
the floor. Last, it sends ballots through the public ballot (docs/benchmarks/votes.py) and checks the tally.
REDIS_URL, when set, is the server's cache (under a key prefix of its own); DATABASE_CONN_MAX_AGE passes
through. docs/performance.md tells how to read the output.

Exits 1 on an error (a page that does not answer 200, an error answer under load, a ballot not stored, a tally
that differs, a server that stops), never because something is slow.
"""

import argparse
import dataclasses
import datetime
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]

from docs.benchmarks import votes  # noqa: E402
from tests.live_server import (  # noqa: E402
    Browser,
    RunningServer,
    ServerError,
    at_once,
    database_kinds,
    manage,
    running_server,
    server_env,
    throwaway_database,
)

SESSION_COOKIE = "sessionid=x"  # any session cookie makes the page cache step aside


@dataclasses.dataclass(frozen=True)
class Plan:
    seconds: int  # of each wrk run
    connections: int
    wrk_threads: int
    repeat: int  # requests timed in-process per page
    warm_up: int  # ballots before the timed ones
    ballots: int
    voters: int


PLANS = {
    "full": Plan(seconds=5, connections=8, wrk_threads=2, repeat=20, warm_up=40, ballots=1000, voters=8),
    "smoke": Plan(seconds=1, connections=8, wrk_threads=2, repeat=3, warm_up=10, ballots=100, voters=8),
}


@dataclasses.dataclass
class Load:
    """One wrk run."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: str
    requests: int = 0
    cpu_ms: float = float("nan")  # CPU time of the server's processes per request


def pages(target: dict) -> list[tuple[str, str]]:
    return [
        ("home", "/"),
        ("week", "/viikko/"),
        ("events", "/tapahtumat/"),
        ("event", target["event"]),
        ("ideas", target["ideas"]),
        ("idea", target["idea"]),
        ("results", target["results"]),
        ("partners", "/toimijat/"),
        ("help", "/apua/"),
    ]


def production_env(database_url: str, var_dir: Path) -> dict[str, str]:
    # REDIS_URL, when set, under a prefix of this run's own, so no page of another run is served from it.
    redis_url = os.environ.get("REDIS_URL", "")
    env = server_env(database_url, var_dir, redis_url=redis_url, cache_prefix=f"bench-{secrets.token_hex(4)}")
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback, where a proxy would end TLS
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def python(env: dict, script: str, *args: str) -> dict:
    """Runs one of these scripts in the server's environment; the JSON it prints last."""
    done = subprocess.run(  # noqa: S603 - our own script with our own arguments
        [sys.executable, str(ROOT / "docs" / "benchmarks" / script), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise ServerError(f"{script} failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def wrk(server: RunningServer, path: str, plan: Plan, cookie: str = "") -> Load:
    """One run, every request on a connection of its own. With kept-alive connections, which of gunicorn's workers
    serves a run depends on which accepted wrk's connections first: when one got them all, the run measured one
    core, and the same cached page gave 2,000 or 6,500 requests a second from one run to the next."""
    command = [
        "wrk", f"-t{plan.wrk_threads}", f"-c{plan.connections}", f"-d{plan.seconds}s", "--timeout", "10s", "--latency",
        "-H", "Connection: close",
    ]  # fmt: skip
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    cpu = server.cpu_seconds()
    done = subprocess.run(  # noqa: S603 - wrk with our own arguments
        [*command, f"http://127.0.0.1:{server.port}{path}"], capture_output=True, text=True, timeout=plan.seconds + 60
    )
    load = parse_wrk(done.stdout + done.stderr)
    if load.requests:
        load.cpu_ms = (server.cpu_seconds() - cpu) * 1000 / load.requests
    return load


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_wrk(output: str) -> Load:
    def latency(cut: str) -> float:
        found = re.search(rf"^\s*{cut}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
        return float(found.group(1)) * UNITS[found.group(2)] if found else float("nan")

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    count = re.search(r"^\s*(\d+) requests in", output, re.MULTILINE)
    errors = []
    if bad := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors.append(f"{bad.group(1)} error answers")
    if sockets := re.search(r"Socket errors: .*", output):
        errors.append(sockets.group(0))
    if rate is None:
        errors.append(f"wrk gave no result:\n{output}")
    return Load(
        float(rate.group(1)) if rate else 0.0,
        latency("50"),
        latency("99"),
        "; ".join(errors),
        int(count.group(1)) if count else 0,
    )


def warm(port: int, url: str, workers: int) -> list:
    """Requests the page a few times at once, with and without a session, so that every worker has loaded what
    it keeps across requests (and the page cache has the page) before the page is measured."""

    def visit(cookie: str):
        browser = Browser(port)
        if cookie:
            name, _, value = cookie.partition("=")
            browser.cookies[name] = value
        return lambda: browser.request("GET", url)

    return at_once([visit(cookie) for cookie in ("", SESSION_COOKIE) for _ in range(2 * workers)])


def describe_commit() -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from the PATH, as a developer runs it
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain"],  # noqa: S607 - as above
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    return f"{commit} + local changes" if changed.strip() else commit


class Report:
    """Prints as it goes, and keeps the errors."""

    def __init__(self):
        self.errors: list[str] = []

    def say(self, text: str = "") -> None:
        print(text, flush=True)

    def error(self, text: str) -> None:
        self.errors.append(text)
        self.say(f"ERROR {text}")


def timed(report: Report, label: str, call):
    started = time.perf_counter()
    result = call()
    report.say(f"  {label}: {time.perf_counter() - started:.1f} s")
    return result


def bench(kind: str, size: str, plan: Plan, workers: int, threads: int, tmp: Path, report: Report) -> None:
    with throwaway_database(kind, tmp, "bench") as database_url:
        env = production_env(database_url, tmp / "var")
        built = build_site(env, size, plan, report)
        listed = [(name, url) for name, url in pages(built["targets"]) if url]
        report.say("Measuring each page in-process (queries, server time, size)")
        arguments = ["--repeat", str(plan.repeat), *(url for _name, url in listed)]
        measured = timed(report, "queries.py", lambda: python(env, "queries.py", *arguments))
        by_url = {row["url"]: row for row in measured["pages"]}
        for name, url in listed:
            if by_url[url]["status"] != 200:
                report.error(f"{name} {url} answered {by_url[url]['status']} in-process")
        static = measured["static"]
        if static is None:
            report.error("no style sheet found in the home page for the static floor")
            return
        server_kind = f"{workers} sync workers" if threads == 1 else f"{workers} gthread workers × {threads} threads"
        report.say(
            f"Load on gunicorn ({server_kind}) with wrk ({plan.wrk_threads} threads, "
            f"{plan.connections} connections, {plan.seconds} s a row)"
        )
        with running_server(env, tmp / "server.log", workers=workers, threads=threads) as running:
            floor_start = wrk(running, static, plan)
            rows = [(name, url, *load_page(running, name, url, static, workers, plan, report)) for name, url in listed]
            floor_end = wrk(running, static, plan)
            for load in (floor_start, floor_end):
                if load.errors:
                    report.error(f"static {static}: {load.errors}")
            report.say(f"Ballots: {plan.voters} voters at once, {plan.warm_up} of warm-up, then {plan.ballots}")
            ballots = votes.run(running, database_url, built["targets"], built["open_round"], plan)
            if Browser(running.port).request("GET", "/healthz").status != 200:
                report.error("the server stopped answering /healthz")
        if ballots.failures:
            report.error(f"{len(ballots.failures)} ballots not stored, e.g. {ballots.failures[0]}")
        if ballots.tally_error:
            report.error(f"tally: {ballots.tally_error}")
    print_pages(report, rows, by_url, static, floor_start, floor_end)
    print_ballots(report, kind, ballots)


def build_site(env: dict, size: str, plan: Plan, report: Report) -> dict:
    """Migrates, loads the demo, collects static files and adds the data set; what dataset.py made."""
    report.say("Building the data set")
    timed(report, "migrate", lambda: manage(env, "migrate", "--no-input"))
    timed(report, "demo site (load_demo)", lambda: manage(env, "load_demo"))
    timed(report, "static files (collectstatic)", lambda: manage(env, "collectstatic", "--no-input", "-v", "0"))
    arguments = ["--size", size, "--ballot-codes", str(plan.warm_up + plan.ballots)]
    built = timed(report, f"data set {size}", lambda: python(env, "dataset.py", *arguments))
    report.say(
        f"  added {built['activities']:,} activities, {built['ideas']:,} ideas, {built['votes']:,} votes "
        f"of {built['codes']:,} codes in {built['rounds']} rounds"
    )
    if not built["targets"]["event"]:
        report.say("WARNING no upcoming public event: the event page is left out")
    return built


def load_page(server: RunningServer, name: str, url: str, static: str, workers: int, plan: Plan, report: Report):
    """The static file (this page's floor), then the page under load from visitors without a session (cached)
    and with one (uncached). The floor is measured next to the page because a shared machine's speed drifts
    within a run: a floor from minutes before would compare the page with another machine."""
    for answer in warm(server.port, url, workers):
        if isinstance(answer, Exception) or answer.status != 200:
            report.error(f"{name} {url} answered {getattr(answer, 'status', answer)} on the server")
            break
    floor = wrk(server, static, plan)
    cached, uncached = wrk(server, url, plan), wrk(server, url, plan, cookie=SESSION_COOKIE)
    for mode, load in (("floor", floor), ("cached", cached), ("uncached", uncached)):
        if load.errors:
            report.error(f"{name} {url} {mode}: {load.errors}")
        elif not load.requests_per_second:
            report.say(f"WARNING {name} {url} {mode}: no request finished within the run")
    return floor, cached, uncached


def print_pages(report: Report, rows, by_url: dict, static: str, floor_start: Load, floor_end: Load) -> None:
    report.say()
    report.say(
        f"{'page':<9} {'mode':<9} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'floor':>6} {'static':>6} "
        f"{'cpu ms':>6} {'queries':>7} {'server ms':>9} {'KB':>6} {'KB gz':>6} {'cache':>5}  address"
    )

    def line(name, mode, load: Load, floor: Load | None, queries, server_ms, size, gzipped, cache, url):
        # A floor run that finished nothing (the workers still busy with queued requests) gives no ratio.
        usable = floor is not None and floor.requests_per_second
        share = f"{100 * load.requests_per_second / floor.requests_per_second:.1f}%" if usable else "-"
        beside = f"{floor.requests_per_second:.0f}" if usable else "-"
        report.say(
            f"{name:<9} {mode:<9} {load.requests_per_second:>7.0f} {load.p50_ms:>7.1f} {load.p99_ms:>7.1f} "
            f"{share:>6} {beside:>6} {load.cpu_ms:>6.1f} {queries:>7} {server_ms:>9} {size:>6} {gzipped:>6} "
            f"{cache:>5}  {url}"
        )

    for name, url, floor, cached, uncached in rows:
        row = by_url[url]
        size, gzipped = f"{row['bytes'] / 1024:.1f}", f"{row['gzip_bytes'] / 1024:.1f}"
        line(name, "cached", cached, floor, row["cached_queries"], "-", size, gzipped, row["cache"] or "-", url)
        line(name, "uncached", uncached, floor, row["queries"], f"{row['server_ms']:.1f}", size, gzipped, "-", url)
    line("static", "floor", floor_start, None, "-", "-", "-", "-", "-", f"{static} (start)")
    line("static", "floor", floor_end, None, "-", "-", "-", "-", "-", f"{static} (end)")


def print_ballots(report: Report, kind: str, run: votes.BallotRun) -> None:
    report.say()
    report.say(
        f"{'ballots':<9} {'database':<10} {'ballots':>7} {'votes':>6} {'seconds':>7} {'ballots/s':>9} "
        f"{'votes/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'cpu ms':>6}  tally"
    )
    tally = f"DIFFERS: {run.tally_error}" if run.tally_error else "exact"
    report.say(
        f"{'ballot':<9} {kind:<10} {run.ballots:>7} {run.votes:>6} {run.seconds:>7.1f} "
        f"{run.ballots_per_second:>9.1f} {run.votes_per_second:>8.1f} {run.percentile(50):>7.1f} "
        f"{run.percentile(99):>7.1f} {run.cpu_ms:>6.1f}  {tally}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=("XS", "S", "L"), default="S")
    parser.add_argument("--smoke", action="store_true", help="short runs: for CI, which fails only on errors")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="per worker: 1 for sync workers, more for gthread")
    parser.add_argument("--seconds", type=int, help="of each wrk run (default 5, 1 with --smoke)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: install the Debian package wrk (`make bench` does when it can).")
    plan = PLANS["smoke" if args.smoke else "full"]
    if args.seconds:
        plan = dataclasses.replace(plan, seconds=args.seconds)
    kind = database_kinds()[-1]  # PostgreSQL when DATABASE_URL names it, else SQLite
    report = Report()
    cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
    report.say(
        f"Kohtaamo benchmark: size {args.size} on {kind}, {datetime.datetime.now():%Y-%m-%d %H:%M}, "
        f"commit {describe_commit()}, {os.cpu_count()} CPUs, cache: {cache}, "
        f"DATABASE_CONN_MAX_AGE={os.environ.get('DATABASE_CONN_MAX_AGE', '0')}{', smoke run' if args.smoke else ''}"
    )
    with tempfile.TemporaryDirectory(prefix="kohtaamo-bench-") as tmp:
        try:
            bench(kind, args.size, plan, args.workers, args.threads, Path(tmp), report)
        except (ServerError, RuntimeError, OSError, subprocess.SubprocessError) as error:
            report.error(str(error))
    if report.errors:
        report.say(f"\n{len(report.errors)} errors:")
        for error in report.errors:
            report.say(f"  {error}")
        sys.exit(1)


if __name__ == "__main__":
    main()
