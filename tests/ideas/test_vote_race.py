"""Ballots sent at the same moment by real parallel requests never break the rules of `Vote.objects.cast`.

Each database gets servers of its own (gunicorn, 4 workers × 3 threads, tests/live_server.py) on a fresh,
throwaway database: a temporary SQLite file always, and PostgreSQL too when DATABASE_URL points at one.
- A code with N votes left sends N+3 ballots at once, each ticking one more idea: exactly N are stored, and
  the rest get the "too many" message. The same holds in the wide race below, code after code.
- The same ballot sent twice at once stores one vote, and both get the thank-you page.
- Ballots keep coming as the round closes: none is stored at or after the closing time, and every ballot sent
  after it is refused.
A second server runs the same code with the database's lock turned off (`UNGUARDED_ENV`, read only by that
server: no transaction, no row lock; the lock that queues a process's own writers on SQLite stays), and there
the wide race must store more than N: otherwise these tests prove nothing. That race is widened from the client
side only (more ballots at once, code after code), never by slowing the server.
"""

import datetime
import time
from collections import Counter

import pytest
from django.utils import translation
from django.utils.html import escape

from ideas.ballots import REFUSALS
from ideas.models.voting import UNGUARDED_ENV
from tests.live_server import Browser, at_once, database_kinds, migrated_database, query, run_builder, server

VOTES_PER_CODE = 5
GIVEN = 2
LEFT = VOTES_PER_CODE - GIVEN  # N
RACERS = LEFT + 3
RACING_CODES = 3  # codes racing at the same moment: 3 × 6 ballots in flight
# The wide race, which breaks the limit every time without the lock: each of 12 codes in turn sends as many
# ballots at once as the server has threads (4 × 3), so that every thread works on the same code.
WIDE_CODES = 12
WIDE_RACERS = 12
IDEAS = GIVEN + max(RACERS, WIDE_RACERS)
CLOSING_CODES = 400
CLOSING_IN = 2.0  # seconds from setting the closing time to closing
# The senders start this long before closing, so that the codes last past it even when the server stores
# 400 ballots a second, and stop a second after it.
CLOSING_LEAD = 0.4
SENDERS = 8


def race_site(racing_codes: int, wide_codes: int, closing_codes: int) -> dict:
    """The race's site (run by the server's `manage.py shell`): rounds with codes, some having voted already."""
    from ideas.models import Vote
    from tests.events.builders import translate
    from tests.ideas.builders import make_codes, make_idea, make_ideas_site, make_round

    site = make_ideas_site()
    translate(site["ideas_page"], "en")
    ideas = [make_idea(site, title=f"Idea {number}") for number in range(IDEAS)]

    def round_with_codes(count: int, given: int = 0) -> dict:
        voting_round = make_round(site, ideas, votes_per_code=VOTES_PER_CODE)
        codes = make_codes(voting_round, count)
        for code in codes:
            if given:
                Vote.objects.cast(voting_round, code.code, [idea.pk for idea in ideas[:given]], shown=[])
        return {"id": voting_round.pk, "codes": [code.printed for code in codes]}

    return {
        "ideas": [idea.pk for idea in ideas],
        "guarded": round_with_codes(racing_codes, GIVEN),
        "wide": round_with_codes(wide_codes, GIVEN),
        "unguarded": round_with_codes(wide_codes, GIVEN),
        "identical": round_with_codes(racing_codes),
        "closing": round_with_codes(closing_codes),
    }


def message(reason: str, **params) -> str:
    with translation.override("en"):
        text = str(REFUSALS[reason])
        return escape(text % params if params else text)


def ballot_path(round_id: int) -> str:
    return f"/en/ideat/aanesta/{round_id}/"


def vote_counts(database_url: str, round_id: int) -> Counter:
    sql = (
        "SELECT c.code, COUNT(v.id) FROM ideas_votingcode c LEFT JOIN ideas_vote v ON v.code_id = c.id "
        "WHERE c.round_id = %s GROUP BY c.code"
    )
    return Counter(dict(query(database_url, sql, (round_id,))))


def one_idea_ballots(browser: Browser, voting: dict, codes: list[str], ideas: list[int], racers: int) -> list:
    """Each code sends `racers` ballots, each ticking one idea it has not voted for (the ballot drawn empty)."""
    path = ballot_path(voting["id"])
    return [
        lambda code=code, idea=idea: browser.post(path, {"koodi": code, "ideat": [idea]})
        for code in codes
        for idea in ideas[GIVEN : GIVEN + racers]
    ]


def loaded_browser(port: int, voting: dict) -> Browser:
    browser = Browser(port)
    browser.load(f"{ballot_path(voting['id'])}?koodi={voting['codes'][0]}")
    return browser


def outcome(responses) -> Counter:
    too_many = message("too_many", limit=VOTES_PER_CODE)
    return Counter(
        "stored" if r.status == 302 else "too many" if r.status == 200 and too_many in r.body else f"other {r}"
        for r in responses
    )


@pytest.fixture(scope="module", params=database_kinds())
def race_site_db(request, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp(f"vote-race-{request.param}")
    with migrated_database(request.param, tmp_path, "vote_race") as (database_url, env):
        ids = run_builder(env, "tests.ideas.test_vote_race.race_site", RACING_CODES, WIDE_CODES, CLOSING_CODES)
        yield {"env": env, "url": database_url, "ids": ids, "tmp": tmp_path, "kind": request.param}


@pytest.fixture(scope="module")
def guarded_port(race_site_db):
    with server(race_site_db["env"], race_site_db["tmp"] / "guarded.log") as port:
        yield port


def test_simultaneous_ballots_of_a_code_store_exactly_the_votes_it_has_left(race_site_db, guarded_port):
    voting, ideas = race_site_db["ids"]["guarded"], race_site_db["ids"]["ideas"]
    results = at_once(one_idea_ballots(loaded_browser(guarded_port, voting), voting, voting["codes"], ideas, RACERS))
    per_code = [results[start : start + RACERS] for start in range(0, len(results), RACERS)]
    counted = vote_counts(race_site_db["url"], voting["id"])
    outcomes = [outcome(responses) for responses in per_code]
    print(
        f"{race_site_db['kind']}, with the lock: {RACERS} ballots at once per code with {LEFT} votes left, votes "
        f"per code {sorted(counted.values())}, answers {dict(sum(outcomes, Counter()))}"
    )
    assert counted == Counter(dict.fromkeys((code.replace("-", "") for code in voting["codes"]), VOTES_PER_CODE))
    assert outcomes == [Counter({"stored": LEFT, "too many": RACERS - LEFT})] * RACING_CODES


def wide_race(port: int, voting: dict, ideas: list[int]) -> list[list]:
    """Each code in turn sends WIDE_RACERS ballots at once; the answers, code by code."""
    browser = loaded_browser(port, voting)
    return [at_once(one_idea_ballots(browser, voting, [code], ideas, WIDE_RACERS)) for code in voting["codes"]]


def test_the_wide_race_stores_exactly_the_votes_left_of_each_code(race_site_db, guarded_port):
    voting, ideas = race_site_db["ids"]["wide"], race_site_db["ids"]["ideas"]
    outcomes = [outcome(responses) for responses in wide_race(guarded_port, voting, ideas)]
    counted = vote_counts(race_site_db["url"], voting["id"])
    print(
        f"{race_site_db['kind']}, with the lock: {WIDE_RACERS} ballots at once per code with {LEFT} votes left, "
        f"code after code, votes per code {sorted(counted.values())}, answers {dict(sum(outcomes, Counter()))}"
    )
    assert counted == Counter(dict.fromkeys((code.replace("-", "") for code in voting["codes"]), VOTES_PER_CODE))
    assert outcomes == [Counter({"stored": LEFT, "too many": WIDE_RACERS - LEFT})] * WIDE_CODES


def test_the_same_ballot_sent_twice_at_once_stores_one_vote(race_site_db, guarded_port):
    voting, ideas = race_site_db["ids"]["identical"], race_site_db["ids"]["ideas"]
    path = ballot_path(voting["id"])
    browser = Browser(guarded_port)
    browser.load(f"{path}?koodi={voting['codes'][0]}")
    calls = [
        lambda code=code: browser.post(path, {"koodi": code, "ideat": [ideas[0]]})
        for code in voting["codes"]
        for _twice in range(2)
    ]
    results = at_once(calls)
    counted = vote_counts(race_site_db["url"], voting["id"])
    print(f"{race_site_db['kind']}, the same ballot twice: votes per code {dict(counted)}")
    assert [result.status for result in results] == [302] * len(calls), results
    assert counted == Counter({code.replace("-", ""): 1 for code in voting["codes"]})
    thanks = browser.request("GET", results[0].location)
    assert thanks.status == 200 and "Idea 0" in thanks.body


def set_closing(database_url: str, round_id: int, closes_at: datetime.datetime) -> None:
    utc = closes_at.astimezone(datetime.UTC)
    value = utc.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f") if database_url.startswith("sqlite") else utc
    query(database_url, "UPDATE ideas_votinground SET closes_at = %s WHERE id = %s", (value, round_id))


def cast_times(database_url: str, round_id: int) -> list[datetime.datetime]:
    rows = query(database_url, "SELECT cast_at FROM ideas_vote WHERE round_id = %s", (round_id,))
    times = [
        row[0] if isinstance(row[0], datetime.datetime) else datetime.datetime.fromisoformat(row[0]) for row in rows
    ]
    return [moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC) for moment in times]


def test_ballots_around_the_closing_moment_are_stored_before_it_and_refused_after(race_site_db, guarded_port):
    voting, ideas = race_site_db["ids"]["closing"], race_site_db["ids"]["ideas"]
    path = ballot_path(voting["id"])
    browser = Browser(guarded_port)
    browser.load(f"{path}?koodi={voting['codes'][0]}")
    closes_at = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=CLOSING_IN)
    set_closing(race_site_db["url"], voting["id"], closes_at)
    codes = iter(voting["codes"])
    start, stop = closes_at.timestamp() - CLOSING_LEAD, closes_at.timestamp() + 1.0

    def sender() -> list:
        time.sleep(max(0.0, start - time.time()))
        sent = []
        for code in codes:  # each code once, shared by the senders
            started = time.time()
            if started > stop:
                break
            sent.append((started, code, browser.post(path, {"koodi": code, "ideat": [ideas[0]]})))
        return sent

    sent = [item for items in at_once([sender] * SENDERS) for item in items]
    closing = closes_at.timestamp()
    after = [response for started, _code, response in sent if started >= closing]
    stored = [code for _started, code, response in sent if response.status == 302]
    times = cast_times(race_site_db["url"], voting["id"])
    print(
        f"{race_site_db['kind']}, around closing: {len(sent)} ballots, {len(stored)} stored, "
        f"{len(sent) - len(stored) - len(after)} sent before closing but refused, {len(after)} sent after closing "
        f"(all refused: {all(message('closed') in r.body for r in after)})"
    )
    assert stored and after, "the ballots did not straddle the closing moment"
    assert len(times) == len(stored)
    assert all(moment < closes_at for moment in times), max(times)
    assert all(response.status == 200 and message("closed") in response.body for response in after)
    assert all(response.status in (200, 302) for _started, _code, response in sent)


def test_without_the_lock_the_same_race_stores_more_than_the_votes_left(race_site_db):
    """Proves the race is real: the lock is what keeps the first test green."""
    voting, ideas = race_site_db["ids"]["unguarded"], race_site_db["ids"]["ideas"]
    env = {**race_site_db["env"], UNGUARDED_ENV: "1"}
    with server(env, race_site_db["tmp"] / "unguarded.log") as port:
        per_code = wide_race(port, voting, ideas)
    counted = vote_counts(race_site_db["url"], voting["id"])
    answers = sum((outcome(responses) for responses in per_code), Counter())
    print(
        f"{race_site_db['kind']}, without the lock: {WIDE_RACERS} ballots at once per code with {LEFT} votes "
        f"left, code after code, votes per code {sorted(counted.values())}, answers {dict(answers)}"
    )
    assert max(counted.values()) > VOTES_PER_CODE
    assert sum(outcome(responses)["stored"] for responses in per_code) == sum(counted.values()) - GIVEN * len(counted)
