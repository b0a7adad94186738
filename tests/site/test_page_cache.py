"""The page cache for visitors without a session (pages/page_cache.py): what it keeps, what it never keeps, and
every way a kept page is replaced the moment it could be stale (pages/freshness.py, pages/signals.py).

Each invalidation test first has the page served from the cache ("hit"), then changes what it shows the way
the site does (a publish, a save in the admin, a vote, the clock), and reads it again at once.
"""

import datetime
import http.server
import socketserver
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.models import EventPage
from ideas.models import IdeaStatus, Vote
from ideas.moderation import change_status
from pages.models import ContentPage, SiteSettings
from tests.events.builders import local, make_activity, make_event
from tests.ideas.builders import make_codes, make_idea, make_ideas_site, make_round
from tests.ideas.decision_builders import make_decision, make_meeting
from tests.pages.builders import make_partners
from tests.site.test_settings import run_python

HELSINKI = timezone.get_default_timezone()


@pytest.fixture
def site(db):
    site = make_ideas_site()
    SiteSettings.for_site(site["site"])  # made on the first read otherwise, which is a change
    return site


def cached(client, url: str):
    """Reads `url` twice; the second answer must come from the cache. Returns its text."""
    first = client.get(url)
    assert first.status_code == 200, url
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit", f"{url} was not served from the cache"
    return second.content.decode()


def fresh(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.get("X-Page-Cache") != "hit", f"{url} came from the cache after a change"
    return response.content.decode()


def ideas_url(site, name: str, *args) -> str:
    page = site["ideas_page"]
    return page.url + page.reverse_subpage(name, args=list(args) or None)


@pytest.fixture
def at(monkeypatch):
    """at(moment): the site's clock reads `moment` from now on."""

    def set_clock(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_clock


# What is kept, and how it is sent


def test_a_public_page_comes_from_the_cache_without_a_query_or_a_cookie(client, site):
    make_partners(3, site["support"])
    first = client.get("/toimijat/")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/toimijat/")
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0, [query["sql"] for query in queries]
    assert second.content == first.content
    assert "Toimija 002" in second.content.decode()
    for response in (first, second):
        assert not response.cookies, response.cookies
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
        assert response["Content-Length"] == str(len(first.content))
        assert response["X-Frame-Options"] == "DENY"
        assert response["Content-Language"] == "fi"


def test_head_is_answered_from_the_cache_with_the_length_of_the_page_and_no_body(client, site):
    body = cached(client, "/toimijat/")
    response = client.head("/toimijat/")
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""
    assert response["Content-Length"] == str(len(body.encode()))


def test_signed_in_staff_get_their_own_page_and_never_leave_it_in_the_cache(client, site):
    make_activity(site, title="Talokokous", slug="talokokous", staff_only=True)
    make_activity(site, title="Perhekahvila", slug="perhekahvila")
    anonymous = cached(client, "/viikko/")
    assert "Perhekahvila" in anonymous and "Talokokous" not in anonymous

    staff = get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123")
    client.force_login(staff)
    response = client.get("/viikko/")
    assert "X-Page-Cache" not in response
    assert "Talokokous" in response.content.decode()

    client.logout()
    client.cookies.clear()
    again = client.get("/viikko/")
    assert again["X-Page-Cache"] == "hit"
    assert "Talokokous" not in again.content.decode()


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, site):
    cached(client, "/toimijat/")
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get("/toimijat/")


def test_a_form_with_a_csrf_token_is_never_kept(client, site):
    url = ideas_url(site, "propose")
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "csrftoken" in response.cookies
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_a_voters_ballot_is_never_kept(client, site):
    idea = make_idea(site, title="Pihakeinu")
    voting_round = make_round(site, [idea])
    code = make_codes(voting_round, 1)[0]
    url = ideas_url(site, "ballot", voting_round.pk) + f"?koodi={code.printed}"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_a_page_a_visitor_cannot_see_is_not_kept(client, site):
    page = site["home"].add_child(instance=ContentPage(title="Vain henkilökunnalle", slug="sisainen"))
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = client.get("/sisainen/")
        assert response.status_code == 302
        assert "X-Page-Cache" not in response


# Every change that replaces a kept page


def test_publishing_a_page_shows_the_new_version_at_once(client, site):
    page = site["home"].add_child(instance=ContentPage(title="Tervetuloa", slug="tervetuloa"))
    assert "Tervetuloa" in cached(client, "/tervetuloa/")
    page.title = "Tervetuloa kaikki"
    page.save_revision().publish()
    assert "Tervetuloa kaikki" in fresh(client, "/tervetuloa/")


def test_unpublishing_a_page_takes_it_away_at_once(client, site):
    page = site["home"].add_child(instance=ContentPage(title="Kesäretki", slug="kesaretki"))
    cached(client, "/kesaretki/")
    page.unpublish()
    assert client.get("/kesaretki/").status_code == 404


def test_moving_a_page_moves_it_at_once(client, site):
    page = site["home"].add_child(instance=ContentPage(title="Retket", slug="retket"))
    about = site["home"].add_child(instance=ContentPage(title="Meistä", slug="meista"))
    cached(client, "/retket/")
    page.move(about, pos="last-child")
    moved = client.get("/retket/")
    assert (moved.status_code, moved["Location"]) == (301, "/meista/retket/")
    assert "Retket" in fresh(client, "/meista/retket/")


def test_saving_a_partner_shows_in_the_directory_at_once(client, site):
    partner = make_partners(1, site["support"])[0]
    assert "Toimija 000" in cached(client, "/toimijat/")
    partner.name = "Perheneuvola"
    partner.save()
    assert "Perheneuvola" in fresh(client, "/toimijat/")


def test_saving_an_activity_shows_in_the_week_at_once(client, site, at):
    activity = make_activity(site, title="Vauvaryhmä", weekdays=[0, 1, 2, 3, 4])
    assert "Vauvaryhmä" in cached(client, "/viikko/")
    activity.title = "Vauvojen värikylpy"
    activity.save()
    assert "Vauvojen värikylpy" in fresh(client, "/viikko/")


def test_an_ideas_new_status_shows_on_its_page_at_once(client, site):
    idea = make_idea(site, title="Pihakeinu")
    url = ideas_url(site, "idea", idea.pk)
    before = cached(client, url)
    change_status(idea, IdeaStatus.SELECTED, user=get_user_model().objects.create_user("moderaattori"))
    after = fresh(client, url)
    assert after != before
    assert after.count(str(IdeaStatus.SELECTED.label)) > before.count(str(IdeaStatus.SELECTED.label))


def test_a_decision_shows_on_the_ideas_page_at_once(client, site):
    idea = make_idea(site, title="Pihakeinu")
    url = ideas_url(site, "idea", idea.pk)
    assert "Pyydämme keinulle tarjouksen" not in cached(client, url)
    make_decision(make_meeting(site), [idea], text="Pyydämme keinulle tarjouksen.")
    assert "Pyydämme keinulle tarjouksen" in fresh(client, url)


def test_a_vote_changes_results_shown_while_the_vote_is_open(client, site):
    ideas = [make_idea(site, title="Pihakeinu"), make_idea(site, title="Hiekkalaatikko")]
    voting_round = make_round(site, ideas, results_live=True)
    url = ideas_url(site, "results", voting_round.pk)
    code = make_codes(voting_round, 1)[0]
    before = cached(client, url)
    Vote.objects.cast(voting_round, code.printed, [ideas[0].pk], channel="online")
    assert fresh(client, url) != before


def test_a_vote_whose_results_are_not_shown_yet_keeps_the_pages(client, site):
    ideas = [make_idea(site, title="Pihakeinu"), make_idea(site, title="Hiekkalaatikko")]
    voting_round = make_round(site, ideas)
    code = make_codes(voting_round, 1)[0]
    cached(client, ideas_url(site, "ideas"))
    Vote.objects.cast(voting_round, code.printed, [ideas[0].pk], channel="online")
    assert client.get(ideas_url(site, "ideas"))["X-Page-Cache"] == "hit"


def test_a_change_in_the_admin_that_sends_no_signal_still_replaces_the_pages(client, site):
    """Codes send no signal (a vote rush would empty the cache), yet revoking one changes the turnout a
    round shows; any change made through the admin moves the version."""
    voting_round = make_round(site, [make_idea(site, title="Pihakeinu")], results_live=True)
    code = make_codes(voting_round, 3)[0]
    url = ideas_url(site, "results", voting_round.pk)
    before = cached(client, url)
    client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    response = client.post(reverse("ideas_round_revoke_code", args=[voting_round.pk, code.pk]))
    assert response.status_code == 302
    client.logout()
    client.cookies.clear()
    assert fresh(client, url) != before


# The clock


def test_the_week_turns_at_midnight_helsinki_time(client, site, at):
    # The clock is set before anything is saved: the content version made by the save must be made on Sunday
    # night, not at the real moment the test runs.
    sunday_night = datetime.datetime(2026, 11, 29, 23, 59, tzinfo=HELSINKI)
    at(sunday_night)
    make_activity(site, title="Perhekahvila", weekdays=[0, 1, 2, 3, 4, 5, 6], first_date=datetime.date(2026, 1, 1))
    assert "Viikko 48:" in week_heading(cached(client, "/viikko/"))
    at(sunday_night + datetime.timedelta(minutes=2))
    assert "Viikko 49:" in week_heading(fresh(client, "/viikko/"))


def week_heading(html: str) -> str:
    start = html.index('<h2 id="week-heading">')
    return html[start : html.index("</h2>", start)]


def test_an_event_moves_to_the_past_when_it_ends(client, site, at):
    start = local(datetime.date(2026, 12, 3), 17)
    at(start - datetime.timedelta(hours=1))  # before the save, as above
    make_event(site, start, hours=2, title="Joulujuhla", slug="joulujuhla")
    assert "Joulujuhla" in cached(client, "/tapahtumat/")
    at(start + datetime.timedelta(hours=2, minutes=1))
    assert "Joulujuhla" not in fresh(client, "/tapahtumat/")
    assert EventPage.objects.get(slug="joulujuhla").live


def test_a_votes_results_appear_when_it_closes(client, site, at):
    ideas = [make_idea(site, title="Pihakeinu"), make_idea(site, title="Hiekkalaatikko")]
    closes = timezone.now() + datetime.timedelta(hours=2)
    voting_round = make_round(site, ideas, closes_at=closes)
    code = make_codes(voting_round, 1)[0]
    Vote.objects.cast(voting_round, code.printed, [ideas[0].pk], channel="online")
    url = ideas_url(site, "results", voting_round.pk)
    at(closes - datetime.timedelta(minutes=1))
    before = cached(client, url)
    at(closes + datetime.timedelta(minutes=1))
    after = fresh(client, url)
    assert "<table" in after and "<table" not in before


# A front cache


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """A front cache's purge endpoint that notes each PURGE it is sent."""

    purged: list = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_front_cache_is_sent_a_purge_for_a_page_when_it_is_published(site):
    with socketserver.TCPServer(("127.0.0.1", 0), PurgeRecorder) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        location = f"http://127.0.0.1:{server.server_address[1]}"
        backends = {"http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}}
        page = site["home"].add_child(instance=ContentPage(title="Tervetuloa", slug="tervetuloa"))
        PurgeRecorder.purged.clear()
        with override_settings(WAGTAILFRONTENDCACHE=backends):
            page.title = "Tervetuloa kaikki"
            page.save_revision().publish()
        server.shutdown()
    assert ("localhost", "/tervetuloa/") in PurgeRecorder.purged


def test_the_front_cache_is_configured_from_the_environment():
    output = run_python(
        "from django.conf import settings; c = settings.WAGTAILFRONTENDCACHE;"
        "print(c['http']['LOCATION'], c['cloudflare']['ZONEID'], c['cloudflare']['BEARER_TOKEN'])",
        KOHTAAMO_FRONTEND_CACHE_PURGE_URL="http://10.0.0.5:6081",
        KOHTAAMO_CLOUDFLARE_ZONE_ID="zone123",
        KOHTAAMO_CLOUDFLARE_TOKEN="token456",
    )
    assert output == ["http://10.0.0.5:6081", "zone123", "token456"]
    assert run_python("from django.conf import settings; print(len(settings.WAGTAILFRONTENDCACHE))") == ["0"]
