"""The last places, signed up for at the same moment by real parallel requests, are never overbooked.

Each database gets a server of its own (gunicorn, 4 workers × 3 threads) on a fresh, throwaway database: a
temporary SQLite file always, and PostgreSQL too when DATABASE_URL points at one. Twelve families load the
form, then send it at the same moment for an event with three places. A second server runs the same code
with the lock turned off (KOHTAAMO_TEST_DISABLE_REGISTRATION_LOCK, read only by that server; it also waits
between counting and inserting), and there the same race must overbook: otherwise this test proves nothing.
"""

import http.client
import json
import os
import re
import secrets
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest

from events.models.registrations import UNGUARDED_ENV

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CAPACITY = 3
FAMILIES = 12


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_kinds() -> list[str]:
    kinds = ["sqlite"]
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        kinds.append("postgresql")
    return kinds


@contextmanager
def throwaway_database(kind: str, tmp_path: Path):
    """A database URL for a new, empty database, dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'race.sqlite3'}"
        return
    import psycopg

    url = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    name = f"kohtaamo_race_{secrets.token_hex(4)}"
    admin = url._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_env(database_url: str, var_dir: Path, **extra) -> dict[str, str]:
    kept = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "KOHTAAMO_"))}
    kept.pop("REDIS_URL", None)
    return {
        **kept,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "1",
        "KOHTAAMO_VAR_DIR": str(var_dir),
        "KOHTAAMO_TASKS": "immediate",
        **extra,
    }


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


class Family:
    """One browser: loads the form (cookie and CSRF token), then sends it when told to."""

    def __init__(self, port: int, event_id: int):
        self.port, self.path = port, f"/ilmoittautuminen/{event_id}/"
        self.cookie = ""
        self.form: dict[str, str] = {}

    def request(self, method: str, body: str | None = None) -> tuple[int, str, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, self.path, body=body, headers=headers)
            response = connection.getresponse()
            for header in response.headers.get_all("Set-Cookie") or []:
                if header.startswith("csrftoken="):
                    self.cookie = header.split(";", 1)[0]
            return response.status, response.getheader("Location") or "", response.read().decode()
        finally:
            connection.close()

    def load(self, number: int) -> None:
        status, _location, body = self.request("GET")
        assert status == 200, body[:2000]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        self.form = {
            "csrfmiddlewaretoken": token,
            "submission_key": str(uuid.uuid4()),
            "name": f"Perhe {number}",
            "email": f"perhe{number}@example.fi",
            "adults": "1",
            "child_1_age": "4",
            "consent": "on",
        }

    def send(self) -> tuple[int, str, str]:
        return self.request("POST", urllib.parse.urlencode(self.form))


def race(port: int, event_id: int) -> tuple[list[Family], list[tuple[int, str, str]]]:
    """Every family loads the form, then all send it at the same moment: (families, their responses)."""
    families = [Family(port, event_id) for _number in range(FAMILIES)]
    for number, family in enumerate(families):
        family.load(number)
    start = threading.Barrier(FAMILIES)
    results: list = [None] * FAMILIES

    def go(index: int) -> None:
        start.wait()
        results[index] = families[index].send()

    threads = [threading.Thread(target=go, args=(index,)) for index in range(FAMILIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return families, results


def statuses(database_url: str, event_id: int) -> Counter:
    sql = "SELECT status, COUNT(*) FROM events_registration WHERE event_id = %s GROUP BY status"
    if database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
            rows = connection.execute(sql.replace("%s", "?"), (event_id,)).fetchall()
    else:
        import psycopg

        with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as connection:
            rows = connection.execute(sql, (event_id,)).fetchall()
    return Counter(dict(rows))


@contextmanager
def server(env: dict, log: Path):
    port = free_port()
    command = [
        str(BIN / "gunicorn"), "--pythonpath", "site", "wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", "4", "--threads", "3", "--timeout", "60",
    ]  # fmt: skip
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not start:\n{log.read_text()}", pytrace=False)
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module", params=database_kinds())
def race_site(request, tmp_path_factory):
    """A migrated throwaway database with three events of CAPACITY places, and its server settings."""
    tmp_path = tmp_path_factory.mktemp(f"race-{request.param}")
    with throwaway_database(request.param, tmp_path) as database_url:
        env = server_env(database_url, tmp_path / "var")
        manage(env, "migrate", "--no-input")
        script = (
            "import json; from tests.events.builders_registrations import race_site; "
            f"print(json.dumps(race_site({CAPACITY})))"
        )
        ids = json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])
        yield {"env": env, "url": database_url, "ids": ids, "tmp": tmp_path, "kind": request.param}


def test_concurrent_sign_ups_confirm_exactly_the_places_and_waitlist_the_rest(race_site):
    event_id = race_site["ids"]["waiting"]
    with server(race_site["env"], race_site["tmp"] / "guarded.log") as port:
        families, results = race(port, event_id)
        assert [status for status, _location, _body in results] == [302] * FAMILIES, results
        counted = statuses(race_site["url"], event_id)
        print(f"{race_site['kind']}, with the lock: {dict(counted)}")
        assert counted == Counter({"confirmed": CAPACITY, "waitlisted": FAMILIES - CAPACITY})

        family, (_status, location, _body) = families[0], results[0]
        assert family.send()[:2] == (302, location)  # the same form again: the same confirmation, nothing new
        assert statuses(race_site["url"], event_id) == counted


def test_without_a_waiting_list_the_rest_are_refused_with_a_message(race_site):
    event_id = race_site["ids"]["no_waiting"]
    with server(race_site["env"], race_site["tmp"] / "no-waiting.log") as port:
        _families, results = race(port, event_id)
    codes = Counter(status for status, _location, _body in results)
    assert codes == Counter({302: CAPACITY, 200: FAMILIES - CAPACITY}), results
    refused = [body for status, _location, body in results if status == 200]
    assert all('class="notice notice--warning"' in body and 'name="consent"' not in body for body in refused)
    counted = statuses(race_site["url"], event_id)
    print(f"{race_site['kind']}, no waiting list: {dict(counted)}")
    assert counted == Counter({"confirmed": CAPACITY})


def test_without_the_lock_the_same_race_overbooks(race_site):
    """Proves the race is real: the guard is what keeps the first test green."""
    event_id = race_site["ids"]["unguarded"]
    env = {**race_site["env"], UNGUARDED_ENV: "1"}
    with server(env, race_site["tmp"] / "unguarded.log") as port:
        race(port, event_id)
    counted = statuses(race_site["url"], event_id)
    print(f"{race_site['kind']}, without the lock: {dict(counted)}")
    assert counted["confirmed"] > CAPACITY
