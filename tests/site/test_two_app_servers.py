"""Two app servers of one site, as a city with several meeting places runs it: two gunicorn servers on different
ports, on ONE PostgreSQL database and ONE Redis (the shared cache, under a key prefix of this run's own).

- A staff member who signs in through one server is signed in on the other.
- Failed voting-code guesses are counted across both: alternating between them, a client gets the 429 page at
  the same try as on one server.
- A page published through one server's admin shows through the other at once, also after the other has kept
  it in its page cache; so does a vote in a round whose results show while it is open.
- Ballots sent to both at the same moment are all counted, exactly, and a code's limit holds across them.

The servers sit behind a proxy as they would behind a load balancer (KOHTAAMO_TRUSTED_PROXIES=1), so each test
is a client of its own by its X-Forwarded-For address. Runs when DATABASE_URL names PostgreSQL (the PostgreSQL
pass of .ci/run) and Redis answers (the `redis_url` fixture: with KOHTAAMO_REQUIRE_REDIS=1 a missing Redis
fails the test instead of skipping it).
"""

import functools
import itertools
import os
import re
import secrets
from collections import Counter
from html.parser import HTMLParser

import pytest

from ideas.codes import ALPHABET
from ideas.models.voting_routes import GUESSES_PER_CLIENT
from tests.live_server import Browser, at_once, migrated_database, query, run_builder, running_server

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="two app servers share one PostgreSQL database: runs when DATABASE_URL names one",
)

STAFF = "koordinaattori"
VOTES_PER_CODE = 3
BALLOTS = 24  # codes voting once each, half through each server, all at once
RACING = 2  # codes each sending twice their limit of one-idea ballots at once, to both servers
IDEAS = 2 * VOTES_PER_CODE


def build_site(password: str) -> dict:
    """The site both servers serve (run by `manage.py shell` in the shared database): the ideas page in Finnish
    and English, an open round with codes, a round whose results show while it is open, and a staff user."""
    from django.contrib.auth import get_user_model

    from tests.events.builders import translate
    from tests.ideas.builders import make_codes, make_idea, make_ideas_site, make_round

    site = make_ideas_site()
    translate(site["ideas_page"], "en")
    ideas = [make_idea(site, title=f"Idea {number}") for number in range(IDEAS)]
    voting_round = make_round(site, ideas, votes_per_code=VOTES_PER_CODE)
    live = make_round(site, ideas[:2], votes_per_code=1, results_live=True)
    get_user_model().objects.create_superuser(STAFF, "koordinaattori@example.com", password)
    return {
        "ideas": [idea.pk for idea in ideas],
        "round": voting_round.pk,
        "codes": [code.printed for code in make_codes(voting_round, BALLOTS + RACING + 2)],
        "live": live.pk,
        "live_codes": [code.printed for code in make_codes(live, 2)],
        "week_page": site["week_page"].pk,
        "week_title": site["week_page"].title,
    }


@pytest.fixture(scope="module")
def servers(redis_url, tmp_path_factory):
    """Servers A and B (ports), the database URL and what `build_site` made."""
    import redis

    tmp_path = tmp_path_factory.mktemp("two-servers")
    prefix = f"kohtaamo-test-{secrets.token_hex(6)}"
    password = secrets.token_urlsafe(16)
    try:
        with migrated_database("postgresql", tmp_path, "two_servers", redis_url=redis_url, cache_prefix=prefix) as (
            database_url,
            env,
        ):
            env["KOHTAAMO_TRUSTED_PROXIES"] = "1"
            built = run_builder(env, "tests.site.test_two_app_servers.build_site", password)
            # Each server has a folder of its own, as on two machines: all they share is the database and Redis.
            # One process each, so that nothing a server keeps in its own memory could pass for shared.
            env_a = {**env, "KOHTAAMO_VAR_DIR": str(tmp_path / "var-a")}
            env_b = {**env, "KOHTAAMO_VAR_DIR": str(tmp_path / "var-b")}
            with (
                running_server(env_a, tmp_path / "a.log", workers=1, threads=4) as a,
                running_server(env_b, tmp_path / "b.log", workers=1, threads=4) as b,
            ):
                yield {"a": a.port, "b": b.port, "url": database_url, "password": password, **built}
    finally:
        shared = redis.Redis.from_url(redis_url)
        for key in shared.scan_iter(match=f"{prefix}:*"):
            shared.delete(key)


_addresses = itertools.count(1)


def client(port: int) -> Browser:
    """A visitor with an address of its own (see the module's docstring)."""
    return Browser(port, headers={"X-Forwarded-For": f"198.51.100.{next(_addresses)}"})


def either(servers, number: int) -> int:
    """Server A for even numbers, B for odd ones."""
    return (servers["a"], servers["b"])[number % 2]


def signed_in(servers) -> Browser:
    staff = client(servers["a"])
    staff.load("/admin/login/")
    answer = staff.post("/admin/login/", {"username": STAFF, "password": servers["password"], "next": "/admin/"})
    assert answer.status == 302 and "sessionid" in staff.cookies, answer
    return staff


def test_a_staff_member_signed_in_through_one_server_is_signed_in_on_the_other(servers):
    staff = signed_in(servers)
    dashboard = staff.request("GET", "/admin/", port=servers["b"])
    assert dashboard.status == 200 and STAFF in dashboard.body
    assert client(servers["b"]).request("GET", "/admin/").status == 302  # without the session: to sign in


def unknown_code(number: int) -> str:
    return f"ZZZZ-Z{ALPHABET[number // 32 % 32]}{ALPHABET[number % 32]}Z"


def test_failed_code_guesses_are_counted_across_both_servers(servers):
    tries = GUESSES_PER_CLIENT.hits + 1
    alone, alternating = client(servers["a"]), client(servers["a"])
    on_one = [alone.request("GET", f"/ideat/aanesta/?koodi={unknown_code(n)}").status for n in range(tries)]
    on_both = [
        alternating.request("GET", f"/ideat/aanesta/?koodi={unknown_code(n)}", port=either(servers, n)).status
        for n in range(tries)
    ]
    print(f"failed guesses, one server: {on_one}; alternating between two: {on_both}")
    assert on_one == on_both == [200] * GUESSES_PER_CLIENT.hits + [429]
    valid = servers["codes"][-1]
    for port in (servers["a"], servers["b"]):  # once over, even a valid code waits, on either server
        assert alternating.request("GET", f"/ideat/aanesta/?koodi={valid}", port=port).status == 429
        assert client(port).request("GET", f"/ideat/aanesta/?koodi={valid}").status == 302


class FormFields(HTMLParser):
    """What a browser would send of the form with id `form_id`: its fields' names and values."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.textarea: tuple[str, list[str]] | None = None
        self.select: tuple[str, list[str], list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        kind = attrs.get("type", "text")
        if tag == "input" and kind not in ("submit", "button", "image", "file", "reset"):
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append((attrs["name"], attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self.textarea = (attrs["name"], [])
        elif tag == "select":
            self.select = (attrs["name"], [], [])
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            self.select[1].append(value)
            if "selected" in attrs:
                self.select[2].append(value)

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea:
            self.fields.append((self.textarea[0], "".join(self.textarea[1]).removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select:
            name, options, chosen = self.select
            self.fields += [(name, value) for value in chosen or options[:1]]
            self.select = None


def form_fields(html: str, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(html)
    assert parser.fields, f"no form {form_id!r} in the page"
    return parser.fields


def page_cache_said(response) -> str:
    return response.headers.get("X-Page-Cache", "none")


def test_a_page_published_through_one_server_shows_on_the_other_at_once(servers):
    visitor = client(servers["b"])  # no session, so the page cache (when there is one) keeps what B serves
    seen = [visitor.request("GET", "/viikko/") for _ in range(2)]
    assert all(response.status == 200 and servers["week_title"] in response.body for response in seen)
    staff = signed_in(servers)
    edit = f"/admin/pages/{servers['week_page']}/edit/"
    fields = [(name, value) for name, value in form_fields(staff.load(edit).body, "page-edit-form") if name != "title"]
    new_title = f"Tämän viikon ohjelma {secrets.token_hex(3)}"
    published = staff.request("POST", edit, [*fields, ("title", new_title), ("action-publish", "action-publish")])
    assert published.status == 302, published.body[:3000]
    after = visitor.request("GET", "/viikko/")
    print(f"the week page on B: {[page_cache_said(r) for r in seen]}, after publishing on A: {page_cache_said(after)}")
    assert after.status == 200 and new_title in after.body and servers["week_title"] not in after.body


def votes_in_all(body: str) -> str:
    return re.search(r"(\d+) votes? in all", body).group(1)


def test_a_vote_through_one_server_shows_in_live_results_on_the_other_at_once(servers):
    results = f"/en/ideat/aanestykset/{servers['live']}/"
    visitor = client(servers["b"])
    before = [visitor.request("GET", results) for _ in range(2)]
    assert [votes_in_all(response.body) for response in before] == ["0", "0"]
    voter = client(servers["a"])
    ballot = f"/en/ideat/aanesta/{servers['live']}/"
    voter.load(f"{ballot}?koodi={servers['live_codes'][0]}")
    assert voter.post(ballot, {"koodi": servers["live_codes"][0], "ideat": [servers["ideas"][0]]}).status == 302
    after = visitor.request("GET", results)
    print(f"live results on B: {[page_cache_said(r) for r in before]}, after a vote on A: {page_cache_said(after)}")
    assert votes_in_all(after.body) == "1"


def test_ballots_sent_to_both_servers_at_once_are_counted_exactly_and_a_codes_limit_holds(servers):
    ideas, codes = servers["ideas"], servers["codes"]
    path = f"/ideat/aanesta/{servers['round']}/"
    voter = client(servers["a"])
    voter.load(f"{path}?koodi={codes[0]}")  # a CSRF cookie and token, which both servers accept
    # (code, ideas ticked, server): a ballot of three votes from each of BALLOTS codes, and from each racing code
    # one ballot for every idea (twice its limit), all at once, every other one to the other server.
    sent = [(codes[n], [ideas[(n + k) % IDEAS] for k in range(VOTES_PER_CODE)]) for n in range(BALLOTS)]
    sent += [(code, [idea]) for code in codes[BALLOTS : BALLOTS + RACING] for idea in ideas]
    answers = at_once(
        functools.partial(voter.post, path, {"koodi": code, "ideat": ticked}, port=either(servers, n))
        for n, (code, ticked) in enumerate(sent)
    )
    stored = Counter(idea for (_code, ticked), answer in zip(sent, answers, strict=True) if answer.status == 302
                     for idea in ticked)  # fmt: skip
    counted = Counter(dict(query(
        servers["url"], "SELECT idea_id, COUNT(*) FROM ideas_vote WHERE round_id = %s GROUP BY idea_id",
        (servers["round"],),
    )))  # fmt: skip
    per_code = dict(query(
        servers["url"],
        "SELECT c.code, COUNT(v.id) FROM ideas_votingcode c JOIN ideas_vote v ON v.code_id = c.id "
        "WHERE c.round_id = %s GROUP BY c.code",
        (servers["round"],),
    ))  # fmt: skip
    racing = [per_code.get(code.replace("-", "")) for code in codes[BALLOTS : BALLOTS + RACING]]
    print(f"{len(sent)} ballots at once through two servers: votes per idea {dict(counted)}, racing codes {racing}")
    assert [answer.status for answer in answers[:BALLOTS]] == [302] * BALLOTS, answers[:BALLOTS]
    assert all(answer.status in (200, 302) for answer in answers[BALLOTS:]), answers[BALLOTS:]
    assert counted == stored
    assert racing == [VOTES_PER_CODE] * RACING
