"""Ballots per second through the public ballot, with the tally checked against what was sent.

Used by `make bench` (docs/benchmarks/run.py) on its running server: `voters` threads send the ballots, each
a POST of the ballot of the open round from an unused code of its own, ticking up to three of its ideas, as
a family does after scanning the QR code on a slip. Each thread is one voter waiting for its answer before
sending the next ballot, so `voters` is the number of ballots in flight. A ballot is stored when the answer
is the redirect to the thank-you page; the votes in the database must then be exactly those sent.
"""

import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class BallotRun:
    ballots: int
    votes: int
    seconds: float
    latencies: list[float]
    failures: list[str] = field(default_factory=list)
    tally_error: str = ""
    cpu_ms: float = float("nan")  # CPU time of the app server's processes per ballot

    @property
    def ballots_per_second(self) -> float:
        return self.ballots / self.seconds

    @property
    def votes_per_second(self) -> float:
        return self.votes / self.seconds

    def percentile(self, cut: int) -> float:
        """The `cut`th percentile of a ballot's latency, in milliseconds."""
        if len(self.latencies) < 2:
            return (self.latencies or [0])[0] * 1000
        return statistics.quantiles(self.latencies, n=100)[cut - 1] * 1000


def ticked(ideas: list[int], number: int, votes_per_code: int = 3) -> list[int]:
    """The ideas the `number`th ballot ticks: a different run of them each time, so every idea gets votes."""
    return [ideas[(number + offset) % len(ideas)] for offset in range(min(votes_per_code, len(ideas)))]


def send(port: int, ballot_path: str, codes: list[str], ideas: list[int], voters: int) -> BallotRun:
    """Sends a ballot for each code from `voters` threads at once."""
    from tests.live_server import Browser

    browser = Browser(port)
    browser.load(f"{ballot_path}?koodi={codes[0]}")  # the CSRF cookie and token every voter sends
    queue = iter(enumerate(codes))
    lock = threading.Lock()
    latencies: list[float] = []
    failures: list[str] = []

    def voter() -> None:
        while True:
            with lock:
                number, code = next(queue, (None, None))
            if code is None:
                return
            started = time.perf_counter()
            try:
                response = browser.post(ballot_path, {"koodi": code, "ideat": ticked(ideas, number)})
                failure = "" if response.status == 302 else f"{response.status}: {response.body[:300]}"
            except OSError as error:
                failure = f"no answer: {error}"
            took = time.perf_counter() - started
            with lock:
                latencies.append(took)
                if failure:
                    failures.append(failure)

    threads = [threading.Thread(target=voter) for _ in range(voters)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    votes = sum(len(ticked(ideas, number)) for number in range(len(codes)))
    return BallotRun(len(codes), votes, seconds, latencies, failures)


def tally(database_url: str, round_id: int) -> Counter:
    from tests.live_server import query

    rows = query(
        database_url, "SELECT idea_id, COUNT(*) FROM ideas_vote WHERE round_id = %s GROUP BY idea_id", (round_id,)
    )
    return Counter(dict(rows))


def used(database_url: str, codes: list[str]) -> int:
    """How many of `codes` have voted online."""
    from tests.live_server import query

    found = 0
    for start in range(0, len(codes), 500):
        chunk = codes[start : start + 500]
        marks = ", ".join(["%s"] * len(chunk))
        sql = f"SELECT COUNT(*) FROM ideas_votingcode WHERE channel = 'online' AND code IN ({marks})"  # noqa: S608
        found += query(database_url, sql, tuple(chunk))[0][0]
    return found


def unused_codes(database_url: str, round_id: int, count: int) -> list[str]:
    from tests.live_server import query

    sql = "SELECT code FROM ideas_votingcode WHERE round_id = %s AND channel = '' AND revoked_at IS NULL ORDER BY id"
    codes = [row[0] for row in query(database_url, sql, (round_id,))][:count]
    if len(codes) < count:
        raise RuntimeError(f"The open round has {len(codes)} unused codes; the benchmark needs {count}.")
    return codes


def run(server, database_url: str, target: dict, round_id: int, plan) -> BallotRun:
    """`plan.warm_up` ballots, then `plan.ballots` timed ones from `plan.voters` voters to `server` (a
    tests.live_server.RunningServer); the timed run, with `tally_error` set when the votes in the database
    differ from those sent (warm-up included)."""
    warm_up, ballots, voters = plan.warm_up, plan.ballots, plan.voters
    codes = unused_codes(database_url, round_id, warm_up + ballots)
    ideas = target["ballot_ideas"]
    before = tally(database_url, round_id)
    warm = send(server.port, target["ballot"], codes[:warm_up], ideas, voters)
    cpu = server.cpu_seconds()
    timed = send(server.port, target["ballot"], codes[warm_up:], ideas, voters)
    timed.cpu_ms = (server.cpu_seconds() - cpu) * 1000 / ballots
    timed.failures = warm.failures + timed.failures
    sent = Counter(idea for number in range(warm_up) for idea in ticked(ideas, number))
    sent += Counter(idea for number in range(ballots) for idea in ticked(ideas, number))
    counted = tally(database_url, round_id)
    counted.subtract(before)
    counted = +counted
    voted = used(database_url, codes)
    if counted != sent:
        timed.tally_error = f"votes counted {dict(counted)} != sent {dict(sent)}"
    elif voted != len(codes):
        timed.tally_error = f"{voted} codes marked used, {len(codes)} sent"
    return timed
