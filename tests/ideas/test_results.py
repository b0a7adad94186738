"""A round's public results page: shown once results may show (closed, or live), with turnout, a bar chart
whose numbers are text, a table beside it, ties as ties and the ideas staff selected; before that, a page
saying when they show."""

import datetime
import re

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext
from wagtail.models import Site

from ideas.models import RoundIdea, VotingRound
from tests.events.builders import translate
from tests.ideas.builders import give_votes, make_co_development_day, make_codes, make_idea, make_ideas_site, make_round

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def tally():
    """Four ideas: two share the most votes (3 each), one has 1, one none; 3 of 4 valid codes voted."""
    site = make_ideas_site()
    translate(site["ideas_page"], "en")
    day = make_co_development_day(site, title="Kehittämispäivä")
    translate(day, "en", title="Spring co-development day")
    ideas = [
        make_idea(site, title="Swings in the yard", language="en"),
        make_idea(site, title="Perhekahvila", language="fi"),
        make_idea(site, title="<script>alert(1)</script>", language="en"),
        make_idea(site, title="Satutuokio", language="fi"),
    ]
    voting_round = make_round(site, ideas, votes_per_code=2, event=day)
    codes = make_codes(voting_round, 5)
    give_votes(voting_round, codes[0], ideas[:2])
    give_votes(voting_round, codes[1], ideas[:2])
    give_votes(voting_round, codes[2], [ideas[0], ideas[1]][:1] + [ideas[2]])
    give_votes(voting_round, make_codes(voting_round, 1)[0], [ideas[1]])  # the fourth code used
    codes[4].revoke()
    RoundIdea.objects.filter(round=voting_round, idea=ideas[1]).update(selected=True)
    return {"site": site, "ideas": ideas, "round": voting_round, "day": day}


def close(voting_round: VotingRound) -> None:
    VotingRound.objects.filter(pk=voting_round.pk).update(
        opens_at=timezone.now() - 48 * HOUR, closes_at=timezone.now() - HOUR
    )


def results_page(client, voting_round, language="en") -> str:
    response = client.get(f"/{language}/ideat/aanestykset/{voting_round.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


def test_a_closed_rounds_results_show_turnout_ties_and_the_selected_idea(client, tally):
    close(tally["round"])
    body = results_page(client, tally["round"])
    with translation.override("en"):
        turnout = gettext("%(used)s of %(issued)s codes used (%(percent)s %%).") % {
            "used": 4, "issued": 5, "percent": 80
        }  # fmt: skip
        tie = gettext("tie")
        selected = gettext("Selected for the co-development day")
        three_votes = ngettext("%(votes)s vote", "%(votes)s votes", 3) % {"votes": 3}
    assert "Spring co-development day" in body
    assert turnout in body
    chart = body[body.index('class="results-chart"') : body.index("</figure>")]
    names = re.findall(
        r'<p class="results-name"><span class="results-rank">(\d+)\.</span> <a href="[^"]+" lang="(\w+)">([^<]+)<',
        chart,
    )
    assert names == [
        ("1", "fi", "Perhekahvila"),
        ("1", "en", "Swings in the yard"),
        ("3", "en", escape("<script>alert(1)</script>")),
        ("4", "fi", "Satutuokio"),
    ]
    rows = chart.split('<li class="results-row')[1:]
    assert [tie in row for row in rows] == [True, True, False, False]
    assert [selected in row for row in rows] == [True, False, False, False]
    assert [row.startswith(" results-row--selected") for row in rows] == [True, False, False, False]
    assert three_votes in rows[0] and three_votes in rows[1] and three_votes not in rows[2]
    assert re.findall(r'<rect width="(\d+)"', chart) == ["100", "100", "33", "0"]
    table = body[body.index('<table class="table') : body.index("</table>")]
    assert table.count("<tr>") == 5
    with translation.override("en"):
        assert f'<td data-label="Place">{escape(gettext("%(rank)d. (tie)") % {"rank": 1})}</td>' in table
    assert "<script>alert(1)</script>" not in body
    assert f'href="/en/ideat/aanestykset/{tally["round"].pk}/csv/"' in body
    assert f'href="/en/ideat/aanestykset/{tally["round"].pk}/json/"' in body


def test_results_wait_for_closing_unless_they_are_live(client, tally):
    body = results_page(client, tally["round"])
    with translation.override("en"):
        assert gettext("The results are not out yet") in body
    assert 'class="results-chart"' not in body and "Perhekahvila" not in body and "/csv/" not in body
    VotingRound.objects.filter(pk=tally["round"].pk).update(results_live=True)
    body = results_page(client, tally["round"])
    with translation.override("en"):
        assert gettext("The vote is still open, so these numbers change as votes come in.") in body
    assert 'class="results-chart"' in body and "Perhekahvila" in body
    assert "/csv/" not in body and "/json/" not in body


def test_an_upcoming_round_says_when_it_opens_and_closes(client, tally):
    upcoming = make_round(tally["site"], tally["ideas"][:2], opens_at=timezone.now() + HOUR, results_live=True)
    body = results_page(client, upcoming)
    with translation.override("en"):
        assert gettext("The results are not out yet") in body
    assert "Opens " in body and " and closes " in body
    assert 'class="results-chart"' not in body


def test_a_round_without_votes_shows_zero_turnout(client, tally):
    quiet = make_round(tally["site"], tally["ideas"][:2], opens_at=timezone.now() - 48 * HOUR,
                       closes_at=timezone.now() - HOUR)  # fmt: skip
    body = results_page(client, quiet)
    with translation.override("en"):
        assert gettext("%(used)s of %(issued)s codes used (%(percent)s %%).") % {
            "used": 0, "issued": 0, "percent": 0
        } in body  # fmt: skip
    assert re.findall(r'<rect width="(\d+)"', body) == ["0", "0"]


def test_results_are_shown_in_the_readers_language(client, tally):
    close(tally["round"])
    translate(tally["site"]["ideas_page"], "sv")
    translate(tally["day"], "sv", title="Utvecklingsdag")
    body = results_page(client, tally["round"], "sv")
    assert "Utvecklingsdag" in body and "Spring co-development day" not in body


def test_another_sites_round_has_no_results_page(client, tally):
    other = Site.objects.create(hostname="toinen.example", port=80, root_page=tally["site"]["home"])
    theirs = VotingRound.objects.create(site=other, title="Toinen", opens_at=timezone.now() - 48 * HOUR,
                                        closes_at=timezone.now() - HOUR)  # fmt: skip
    assert client.get(f"/en/ideat/aanestykset/{theirs.pk}/").status_code == 404
    assert client.get("/en/ideat/aanestykset/999999/").status_code == 404
