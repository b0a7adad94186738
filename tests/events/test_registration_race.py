"""The last places, signed up for at the same moment by real parallel requests, are never overbooked.

Each database gets a server of its own (gunicorn, 4 workers × 3 threads, tests/live_server.py) on a fresh,
throwaway database: a temporary SQLite file always, and PostgreSQL too when DATABASE_URL points at one. Twelve
families load the form, then send it at the same moment for an event with three places. A second server runs
the same code with the lock turned off (KOHTAAMO_TEST_DISABLE_REGISTRATION_LOCK, read only by that server; it
also waits between counting and inserting), and there the same race must overbook: otherwise this test proves
nothing.
"""

import uuid
from collections import Counter

import pytest

from events.models.registrations import UNGUARDED_ENV
from tests.live_server import Browser, at_once, database_kinds, migrated_database, query, run_builder, server

CAPACITY = 3
FAMILIES = 12


def sign_up_form(number: int) -> dict[str, str]:
    return {
        "submission_key": str(uuid.uuid4()),
        "name": f"Perhe {number}",
        "email": f"perhe{number}@example.fi",
        "adults": "1",
        "child_1_age": "4",
        "consent": "on",
    }


def race(port: int, event_id: int):
    """Every family loads the form, then all send it at the same moment: (families, forms, responses)."""
    path = f"/ilmoittautuminen/{event_id}/"
    families = [Browser(port) for _number in range(FAMILIES)]
    forms = [sign_up_form(number) for number in range(FAMILIES)]
    for family in families:
        family.load(path)
    results = at_once(
        lambda family=family, form=form: family.post(path, form) for family, form in zip(families, forms, strict=True)
    )
    return families, forms, results


def statuses(database_url: str, event_id: int) -> Counter:
    sql = "SELECT status, COUNT(*) FROM events_registration WHERE event_id = %s GROUP BY status"
    return Counter(dict(query(database_url, sql, (event_id,))))


@pytest.fixture(scope="module", params=database_kinds())
def race_site(request, tmp_path_factory):
    """A migrated throwaway database with three events of CAPACITY places, and its server settings."""
    tmp_path = tmp_path_factory.mktemp(f"race-{request.param}")
    with migrated_database(request.param, tmp_path, "race") as (database_url, env):
        ids = run_builder(env, "tests.events.builders_registrations.race_site", CAPACITY)
        yield {"env": env, "url": database_url, "ids": ids, "tmp": tmp_path, "kind": request.param}


def test_concurrent_sign_ups_confirm_exactly_the_places_and_waitlist_the_rest(race_site):
    event_id = race_site["ids"]["waiting"]
    with server(race_site["env"], race_site["tmp"] / "guarded.log") as port:
        families, forms, results = race(port, event_id)
        assert [result.status for result in results] == [302] * FAMILIES, results
        counted = statuses(race_site["url"], event_id)
        print(f"{race_site['kind']}, with the lock: {dict(counted)}")
        assert counted == Counter({"confirmed": CAPACITY, "waitlisted": FAMILIES - CAPACITY})

        again = families[0].post(f"/ilmoittautuminen/{event_id}/", forms[0])
        assert (again.status, again.location) == (302, results[0].location)  # the same form: the same confirmation
        assert statuses(race_site["url"], event_id) == counted


def test_without_a_waiting_list_the_rest_are_refused_with_a_message(race_site):
    event_id = race_site["ids"]["no_waiting"]
    with server(race_site["env"], race_site["tmp"] / "no-waiting.log") as port:
        _families, _forms, results = race(port, event_id)
    codes = Counter(result.status for result in results)
    assert codes == Counter({302: CAPACITY, 200: FAMILIES - CAPACITY}), results
    refused = [result.body for result in results if result.status == 200]
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
