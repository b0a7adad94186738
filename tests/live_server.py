"""A real app server for tests that need real parallel requests (races), and for the benchmarks.

`throwaway_database` makes a new, empty database (a temporary SQLite file, or a PostgreSQL database beside
the one DATABASE_URL names) and drops it afterwards; `migrated_database` migrates it and `run_builder` runs a
builder in it through `manage.py shell`; `server` runs gunicorn (several workers, each with threads) on it on
loopback, and `running_server` does the same and also tells how much CPU the server has used. Servers get a
local-memory cache unless the caller passes `redis_url` to `server_env`, as several servers of one site must.
`Browser` keeps a visitor's cookies (it can send them to any of the servers) and `at_once` sends requests at
the same moment.
"""

import http.client
import json
import os
import re
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


class ServerError(RuntimeError):
    """The server or a management command did not do what it should (the output tells why)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_kinds() -> list[str]:
    """The kind of database the suite runs on: PostgreSQL when DATABASE_URL points at one, else SQLite. CI runs
    the suite once on each, so each kind is tested once (the PostgreSQL pass used to run the SQLite servers
    again)."""
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return ["postgresql"]
    return ["sqlite"]


@contextmanager
def throwaway_database(kind: str, tmp_path: Path, name: str = "live"):
    """A database URL for a new, empty database, dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / f'{name}.sqlite3'}"
        return
    import psycopg

    url = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    database = f"kohtaamo_{name}_{secrets.token_hex(4)}"
    admin = url._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    try:
        yield url._replace(path=f"/{database}").geturl()
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def server_env(
    database_url: str, var_dir: Path, *, redis_url: str = "", cache_prefix: str = "", **extra
) -> dict[str, str]:
    """The environment of a server on `database_url`: none of the caller's own settings, and a local-memory
    cache, or the Redis at `redis_url` with its keys under `cache_prefix` (servers that share one must share
    the prefix too)."""
    kept = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "KOHTAAMO_"))}
    kept.pop("REDIS_URL", None)
    shared_cache = {"REDIS_URL": redis_url, "KOHTAAMO_CACHE_PREFIX": cache_prefix or "kohtaamo"} if redis_url else {}
    return {
        **kept,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "1",
        "KOHTAAMO_VAR_DIR": str(var_dir),
        "KOHTAAMO_TASKS": "immediate",
        **shared_cache,
        **extra,
    }


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        raise ServerError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def run_builder(env: dict, function: str, *args):
    """Runs `function` (a dotted path, e.g. `tests.events.builders_registrations.race_site`) with `args` in
    the server's database and returns what it returns; arguments and result go through JSON."""
    module, _, name = function.rpartition(".")
    arguments = json.dumps(json.dumps(args))
    script = f"import json, {module}; print(json.dumps({module}.{name}(*json.loads({arguments}))))"
    return json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])


@contextmanager
def migrated_database(kind: str, tmp_path: Path, name: str = "live", **extra_env):
    """A throwaway database with every migration applied: (database URL, server environment)."""
    with throwaway_database(kind, tmp_path, name) as database_url:
        env = server_env(database_url, tmp_path / "var", **extra_env)
        manage(env, "migrate", "--no-input")
        yield database_url, env


@dataclass(frozen=True)
class RunningServer:
    port: int
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time (user and system) the server's master and worker processes have used so far."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:  # the process ended while we looked
                continue
            if int(stat.parent.name) == self.pid or int(fields[1]) == self.pid:
                total += int(fields[11]) + int(fields[12])
        return total / ticks


@contextmanager
def running_server(env: dict, log: Path, workers: int = 4, threads: int = 3, worker_class: str = ""):
    """gunicorn on loopback with the app of `env`; yields it (a RunningServer) once /healthz answers."""
    port = free_port()
    command = [
        str(BIN / "gunicorn"), "--pythonpath", "site", "wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--threads", str(threads), "--timeout", "60",
    ]  # fmt: skip
    if worker_class:
        command += ["--worker-class", worker_class]
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
                raise ServerError(f"gunicorn did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield RunningServer(port, process.pid)
    finally:
        process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown: a test server has nothing to finish
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@contextmanager
def server(env: dict, log: Path, workers: int = 4, threads: int = 3):
    """gunicorn on loopback with the app of `env`; yields its port once /healthz answers."""
    with running_server(env, log, workers, threads) as running:
        yield running.port


@dataclass(frozen=True)
class Response:
    status: int
    location: str
    body: str
    headers: dict[str, str] = field(default_factory=dict, compare=False, repr=False)


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """One visitor: keeps its cookies (CSRF, session) and the CSRF token of the last form it loaded.

    Requests go to `port` unless a call names another, so one visitor can move between app servers. `headers`
    go with every request (an X-Forwarded-For, say, to servers behind KOHTAAMO_TRUSTED_PROXIES)."""

    def __init__(self, port: int, headers: dict[str, str] | None = None):
        self.port = port
        self.headers = headers or {}
        self.cookies: dict[str, str] = {}
        self.csrf_token = ""

    def request(self, method: str, path: str, form: dict | None = None, *, port: int | None = None) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", port or self.port, timeout=60)
        headers = dict(self.headers)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode(form, doseq=True)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, value = header.split(";", 1)[0].partition("=")
                if value in ("", '""'):  # how a server deletes a cookie
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = value
            body = response.read().decode()
            return Response(response.status, response.getheader("Location") or "", body, dict(response.getheaders()))
        finally:
            connection.close()

    def load(self, path: str, *, port: int | None = None) -> Response:
        """GETs a page with a form and keeps its CSRF token for `post`."""
        response = self.request("GET", path, port=port)
        if response.status != 200:
            raise ServerError(f"GET {path}: {response.status}\n{response.body[:2000]}")
        self.csrf_token = CSRF_FIELD.search(response.body).group(1)
        return response

    def post(self, path: str, form: dict, *, port: int | None = None) -> Response:
        return self.request("POST", path, {"csrfmiddlewaretoken": self.csrf_token, **form}, port=port)


def at_once(calls) -> list:
    """Runs every call in its own thread, all released at the same moment; their results in order."""
    calls = list(calls)
    start = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def go(index: int) -> None:
        start.wait()
        try:
            results[index] = calls[index]()
        except Exception as error:  # noqa: BLE001 - the caller sees what went wrong in the result
            results[index] = error

    threads = [threading.Thread(target=go, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def query(database_url: str, sql: str, params: tuple = ()) -> list[tuple]:
    """Runs `sql` (written with %s placeholders) straight on the server's database; the rows it reads."""
    if database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
            return connection.execute(sql.replace("%s", "?"), params).fetchall()
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as connection:
        cursor = connection.execute(sql, params)
        return cursor.fetchall() if cursor.description else []
