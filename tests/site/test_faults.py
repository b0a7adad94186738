"""Faults lose nothing: a database that is down, a worker killed halfway through a write.

Each database gets a real server (gunicorn, tests/live_server.py) on a fresh, throwaway database: a temporary
SQLite file always, and PostgreSQL too when DATABASE_URL points at one.
- Database down: every page that is not in the page cache answers 503 with a short page in the language of its
  address that says to try again, sends `Retry-After` and is never cached; `/healthz` answers 503. Once the
  database is back, so is the site. The database goes away between requests: the SQLite file is moved aside
  (a folder in its place, so SQLite cannot make a new, empty one), the PostgreSQL database renamed.
- A worker killed inside the transaction of a sign-up or a ballot leaves none of it, and sending the same form
  again stores it exactly once. The server pauses the request just before the transaction's last statement
  (armed by a file, once, through the gunicorn hook below) and the test kills that worker with SIGKILL. A
  second server runs the same code without the transaction (the race tests' UNGUARDED_ENV switches), and there
  the same kill must leave half a write: otherwise these tests prove nothing.

Mail while the mail server is down is tested in tests/events/test_registration_mail.py.

This module is also the paused server's gunicorn configuration (`--config python:tests.site.test_faults`):
gunicorn reads `post_worker_init` from it and nothing else, and only in the servers started here.
"""

import os
import signal
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.signals import got_request_exception
from django.db import DatabaseError, IntegrityError, OperationalError
from django.http import HttpResponse
from django.utils import translation
from django.utils.html import escape

from tests.live_server import (
    ROOT,
    Browser,
    RunningServer,
    database_kinds,
    migrated_database,
    query,
    run_builder,
    running_server,
)

PAUSE_DIR_ENV = "KOHTAAMO_TEST_PAUSE_DIR"
PAUSE_SECONDS = 120  # longer than any test waits: the worker is killed long before
# The last statement of each transaction: the rows before it are written, and not yet committed.
REGISTRATION_CHILDREN = 'INSERT INTO "events_registrationchild"'
CODE_MARKED_USED = 'UPDATE "ideas_votingcode"'
UNGUARDED = {"KOHTAAMO_TEST_DISABLE_REGISTRATION_LOCK": "1", "KOHTAAMO_TEST_DISABLE_VOTE_LOCK": "1"}


def post_worker_init(worker) -> None:
    """gunicorn's hook, run in each new worker of a server started with this module as its configuration."""
    from django.db.backends.signals import connection_created

    connection_created.connect(_wrap_connection, weak=False, dispatch_uid="kohtaamo-test-pause")


def _wrap_connection(sender, connection, **kwargs) -> None:
    if _pause_when_armed not in connection.execute_wrappers:
        connection.execute_wrappers.append(_pause_when_armed)


def _pause_when_armed(execute, sql, params, many, context):
    """Before the statement the file `armed` names: take the file (one request only) and stop here."""
    folder = Path(os.environ[PAUSE_DIR_ENV])
    armed = folder / "armed"
    try:
        if armed.exists() and armed.read_text() in sql:
            os.rename(armed, folder / f"paused-{os.getpid()}")
            time.sleep(PAUSE_SECONDS)
    except FileNotFoundError:  # another request took it first
        pass
    return execute(sql, params, many, context)


def fault_site() -> dict:
    """The site (run by the server's `manage.py shell`): events to sign up for, rounds with codes to vote with."""
    from tests.events.builders_registrations import make_event
    from tests.ideas.builders import make_codes, make_idea, make_ideas_site, make_round

    site = make_ideas_site(place_name="Kohtaamo Testilä")
    ideas = [make_idea(site, title=f"Idea {number}") for number in range(2)]
    names = ("guarded", "unguarded", "down")
    events = {name: make_event(site, slug=f"tapahtuma-{name}", capacity=None).pk for name in names}
    rounds = {}
    for name in names:
        voting_round = make_round(site, ideas, votes_per_code=2)
        rounds[name] = {"id": voting_round.pk, "code": make_codes(voting_round, 1)[0].code}
    return {"events": events, "rounds": rounds, "ideas": [idea.pk for idea in ideas]}


@pytest.fixture(scope="module", params=database_kinds())
def fault_db(request, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp(f"faults-{request.param}")
    with migrated_database(request.param, tmp_path, "faults") as (database_url, env):
        ids = run_builder(env, "tests.site.test_faults.fault_site")
        yield {"env": env, "url": database_url, "ids": ids, "tmp": tmp_path, "kind": request.param}


@contextmanager
def pausing_server(fault_db: dict, name: str, **extra_env):
    """A server whose requests stop before the statement written to `pauses / "armed"`: (server, pauses)."""
    pauses = fault_db["tmp"] / f"pauses-{name}"
    pauses.mkdir()
    env = {
        **fault_db["env"],
        "PYTHONPATH": str(ROOT),
        "GUNICORN_CMD_ARGS": "--config python:tests.site.test_faults",
        PAUSE_DIR_ENV: str(pauses),
        **extra_env,
    }
    with running_server(env, fault_db["tmp"] / f"{name}.log", workers=2, threads=2) as running:
        yield running, pauses


@pytest.fixture(scope="module")
def guarded(fault_db):
    with pausing_server(fault_db, "guarded") as server_and_pauses:
        yield server_and_pauses


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def killed_before(statement: str, running: RunningServer, pauses: Path, send) -> None:
    """Sends a request with `send` that stops before `statement`, and kills its worker there (SIGKILL)."""
    (pauses / "armed").write_text(statement)
    with ThreadPoolExecutor(max_workers=1) as pool:
        sending = pool.submit(send)
        deadline = time.monotonic() + 60
        while not (paused := list(pauses.glob("paused-*"))):
            assert not sending.done(), f"the request did not reach {statement!r}: {sending.result()}"
            assert time.monotonic() < deadline, f"no request reached {statement!r}"
            time.sleep(0.02)
        worker = int(paused[0].name.removeprefix("paused-"))
        assert parent_of(worker) == running.pid, "only a worker of this test's server is killed"
        os.kill(worker, signal.SIGKILL)
        paused[0].unlink()
        with pytest.raises(ConnectionError):  # the connection dropped: the visitor saw no answer
            sending.result(timeout=60)


def sign_up_form() -> dict[str, str]:
    return {
        "submission_key": str(uuid.uuid4()),
        "name": "Perhe Virtanen",
        "email": "perhe@example.fi",
        "adults": "1",
        "child_1_age": "4",
        "consent": "on",
    }


def registrations(database_url: str, event_id: int) -> list[tuple[str, int]]:
    """Each registration of the event as (name, how many children it lists)."""
    sql = (
        "SELECT r.name, COUNT(c.id) FROM events_registration r "
        "LEFT JOIN events_registrationchild c ON c.registration_id = r.id WHERE r.event_id = %s GROUP BY r.id, r.name"
    )
    return [(name, count) for name, count in query(database_url, sql, (event_id,))]


def ballot(database_url: str, code: str) -> tuple[str, int]:
    """The code's channel ("" until it has voted) and how many votes it holds."""
    sql = (
        "SELECT c.channel, COUNT(v.id) FROM ideas_votingcode c LEFT JOIN ideas_vote v ON v.code_id = c.id "
        "WHERE c.code = %s GROUP BY c.id, c.channel"
    )
    [(channel, votes)] = query(database_url, sql, (code,))
    return channel, votes


def sign_up_killed_halfway(fault_db, running, pauses, event: str) -> tuple[Browser, dict, str]:
    path = f"/ilmoittautuminen/{fault_db['ids']['events'][event]}/"
    family, form = Browser(running.port), sign_up_form()
    family.load(path)
    killed_before(REGISTRATION_CHILDREN, running, pauses, lambda: family.post(path, form))
    return family, form, path


def ballot_killed_halfway(fault_db, running, pauses, voting: str) -> tuple[Browser, dict, str]:
    voting_round = fault_db["ids"]["rounds"][voting]
    path = f"/ideat/aanesta/{voting_round['id']}/"
    voter, form = Browser(running.port), {"koodi": voting_round["code"], "ideat": fault_db["ids"]["ideas"]}
    voter.load(f"{path}?koodi={voting_round['code']}")
    killed_before(CODE_MARKED_USED, running, pauses, lambda: voter.post(path, form))
    return voter, form, path


def test_a_sign_up_killed_inside_its_transaction_leaves_nothing_and_sent_again_registers_once(fault_db, guarded):
    running, pauses = guarded
    family, form, path = sign_up_killed_halfway(fault_db, running, pauses, "guarded")
    event_id = fault_db["ids"]["events"]["guarded"]
    assert registrations(fault_db["url"], event_id) == []

    first, again = family.post(path, form), family.post(path, form)
    assert (first.status, again.status) == (302, 302) and first.location == again.location
    assert registrations(fault_db["url"], event_id) == [("Perhe Virtanen", 1)]


def test_a_ballot_killed_inside_its_transaction_leaves_no_vote_and_sent_again_counts_once(fault_db, guarded):
    running, pauses = guarded
    voter, form, path = ballot_killed_halfway(fault_db, running, pauses, "guarded")
    code = fault_db["ids"]["rounds"]["guarded"]["code"]
    assert ballot(fault_db["url"], code) == ("", 0)

    first, again = voter.post(path, form), voter.post(path, form)
    assert (first.status, again.status) == (302, 302)
    assert ballot(fault_db["url"], code) == ("online", 2)


def test_without_the_transaction_the_same_kills_leave_half_a_sign_up_and_half_a_ballot(fault_db):
    """Proves the kills land inside the writes: the transaction is what keeps the tests above green."""
    with pausing_server(fault_db, "unguarded", **UNGUARDED) as (running, pauses):
        sign_up_killed_halfway(fault_db, running, pauses, "unguarded")
        ballot_killed_halfway(fault_db, running, pauses, "unguarded")
    assert registrations(fault_db["url"], fault_db["ids"]["events"]["unguarded"]) == [("Perhe Virtanen", 0)]
    assert ballot(fault_db["url"], fault_db["ids"]["rounds"]["unguarded"]["code"]) == ("", 2)


@contextmanager
def database_down(kind: str, database_url: str):
    """The server's database is unreachable inside the block: no connection can open it. Back afterwards."""
    if kind == "sqlite":
        # Only the database file moves: its write-ahead log stays beside the name, where a connection that a
        # worker is still closing (after its answer was sent) looks for it, and where it belongs on the return.
        path = Path(database_url.removeprefix("sqlite:///"))
        away = path.with_name(path.name + ".away")
        path.rename(away)
        path.mkdir()  # where SQLite would otherwise make a new, empty database
        try:
            yield
        finally:
            path.rmdir()
            away.rename(path)
        return
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    admin = database_url.replace("postgres://", "postgresql://", 1).rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        for _attempt in range(50):  # a terminated session takes a moment to end, and renaming waits for none
            connection.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
            try:
                connection.execute(f'ALTER DATABASE "{name}" RENAME TO "{name}_away"')
                break
            except psycopg.errors.ObjectInUse:
                time.sleep(0.1)
        else:
            raise AssertionError(f"the database {name} stayed in use")
    try:
        yield
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'ALTER DATABASE "{name}_away" RENAME TO "{name}"')


def unavailable_texts(language: str) -> list[str]:
    with translation.override(language):
        return [
            escape(translation.gettext("Service temporarily unavailable")),
            escape(translation.gettext("The site is not available just now. Please try again in a moment.")),
        ]


def test_with_the_database_down_pages_answer_503_in_their_language_and_the_site_returns_with_it(fault_db, guarded):
    from pages.unavailable import RETRY_AFTER_SECONDS

    running, _pauses = guarded
    visitor, family = Browser(running.port), Browser(running.port)
    event_id = fault_db["ids"]["events"]["down"]
    family.load(f"/ilmoittautuminen/{event_id}/")
    with database_down(fault_db["kind"], fault_db["url"]):
        health = visitor.request("GET", "/healthz")
        answers = {
            (path, language): visitor.request("GET", path)
            for path, language in (("/viikko/", "fi"), ("/sv/viikko/", "sv"), ("/en/viikko/", "en"))
        }
        answers["sign-up sent", "fi"] = family.post(f"/ilmoittautuminen/{event_id}/", sign_up_form())
    back = visitor.request("GET", "/viikko/"), visitor.request("GET", "/healthz")

    assert health.status == 503 and '"database": "error"' in health.body
    for (path, language), answer in answers.items():
        assert answer.status == 503, (path, answer.status, answer.body[:300])
        assert answer.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
        assert "no-store" in answer.headers["Cache-Control"] and "X-Page-Cache" not in answer.headers
        assert f'<html lang="{language}"' in answer.body, path
        assert all(text in answer.body for text in unavailable_texts(language)), path
    assert registrations(fault_db["url"], event_id) == []
    assert [answer.status for answer in back] == [200, 200]


@pytest.mark.parametrize(
    ("error", "status"), [(OperationalError("no connection"), 503), (IntegrityError("a fault of ours"), 500)]
)
def test_only_an_unreachable_database_turns_the_error_page_into_the_503_page(rf, error, status):
    from pages.unavailable import RETRY_AFTER_SECONDS, database_unavailable

    request = rf.get("/sv/viikko/")
    try:
        raise error
    except DatabaseError:  # Django announces the exception while handling it, as here
        got_request_exception.send(sender=None, request=request)
    response = database_unavailable(lambda request: HttpResponse("Error", status=500))(request)
    assert response.status_code == status
    if status == 503:
        assert response["Retry-After"] == str(RETRY_AFTER_SECONDS) and "no-store" in response["Cache-Control"]
        assert '<html lang="sv"' in response.content.decode()
