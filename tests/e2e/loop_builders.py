"""Builders for the browser tests of the co-development loop (tests/e2e/test_co_development_loop.py).

`make_loop_site` builds a place with `/ideat/`, `/tapahtumat/` and `/viikko/` in fi, sv and en: a past
co-development day with its workshops and the voting round that prepares it (open now, with codes), a past
community meeting with its agenda, participants and minutes, an upcoming public event, and two house meetings
of the staff (one past, one upcoming) whose titles share a word with the public events, so that a search or a
list that leaks them would show it. A decision of the past house meeting concerns a public idea.

`complete_the_loop` then records, through the services staff use, what the browser test of the chain does
through the admin (a selection from the closed round, decisions at both meetings, an agenda item on an idea)
and translates the meetings, for the accessibility tests.
"""

import datetime

from django.utils import timezone

from events.models import EventKind
from ideas import decisions, moderation
from ideas.models import AgendaItem, Decision, DecisionIdea, Idea, IdeaStatus
from ideas.statuses import DecisionStatus
from tests.events.builders import local, make_event, translate
from tests.ideas.builders import give_votes, make_co_development_day, make_codes, make_idea, make_ideas_site, make_round
from tests.pages.builders import make_partners

# The word that the public events and the staff's meetings share; the search looks for it.
SHARED_WORD = "Talvipihan"
HOUSE_MEETING = f"{SHARED_WORD} henkilöstöpalaveri Kuusikko"
NEXT_HOUSE_MEETING = f"{SHARED_WORD} henkilöstöpalaveri Katajisto"
COMMUNITY_MEETING = f"{SHARED_WORD} yhteisökokous"
PUBLIC_EVENT = f"{SHARED_WORD} perhekahvila"
CO_DEVELOPMENT_DAY = "Kevään yhteiskehittämisen päivä"
HOUSE_DECISION = "Pihalle tilataan kaksi uutta penkkiä."
# Days before today when things happened (the test moves the chain's steps to these days).
MEETING_DAYS_AGO = 10
DAY_DAYS_AGO = 25
UPCOMING_IN_DAYS = 5

TRANSLATED_TITLES = {
    "sv": {
        "co_development_day": "Vårens samutvecklingsdag",
        "community_meeting": f"{SHARED_WORD} gemenskapsmöte",
    },
    "en": {
        "co_development_day": "Spring co-development day",
        "community_meeting": f"{SHARED_WORD} community meeting",
    },
}


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def make_loop_site() -> dict:
    site = make_ideas_site()
    for language in ("sv", "en"):
        for name in ("home", "events_page", "week_page", "ideas_page"):
            translate(site[name], language)
    partner = make_partners(1, site["support"])[0]
    site["partner"] = partner

    meeting_day = days_from_today(-MEETING_DAYS_AGO)
    upcoming_day = days_from_today(UPCOMING_IN_DAYS)
    site["co_development_day"] = make_co_development_day(
        site,
        days_ahead=-DAY_DAYS_AGO,
        title=CO_DEVELOPMENT_DAY,
        slug="kevaan-yhteiskehittamisen-paiva",
        adults=14,
        children=9,
        workshops=[
            (
                "workshop",
                {
                    "theme": "Leikit ja retket",
                    "worked_on": "Mietittiin, minne perheet haluaisivat lähteä yhdessä.",
                    "next_steps": "Kokeillaan retkiä keväällä.",
                },
            ),
            ("workshop", {"theme": "Piha", "worked_on": "Piirrettiin pihan kartta.", "next_steps": ""}),
        ],
    )
    site["community_meeting"] = make_event(
        site,
        local(meeting_day, 17),
        hours=2,
        title=COMMUNITY_MEETING,
        slug="talvipihan-yhteisokokous",
        kind=EventKind.COMMUNITY_MEETING,
        adults=11,
        children=6,
        minutes="<p>Käytiin läpi kevään ideat.</p><h3>Retket</h3><ul><li>Retkiä kokeillaan.</li></ul>",
    )
    site["community_meeting"].partners_present.set([partner])
    site["community_meeting"].save()
    AgendaItem.objects.create(
        meeting=site["community_meeting"], title="Kevään tilanne", outcome="Käytiin läpi.", sort_order=0
    )
    site["public_event"] = make_event(
        site, local(upcoming_day, 13), hours=2, title=PUBLIC_EVENT, slug="talvipihan-perhekahvila"
    )
    site["house_meeting"] = make_event(
        site,
        local(meeting_day, 9),
        hours=1,
        title=HOUSE_MEETING,
        slug="kuusikko-palaveri",
        kind=EventKind.HOUSE_MEETING,
        minutes="<p>Sovittiin työvuoroista.</p>",
    )
    site["next_house_meeting"] = make_event(
        site,
        local(upcoming_day, 9),
        hours=1,
        title=NEXT_HOUSE_MEETING,
        slug="katajisto-palaveri",
        kind=EventKind.HOUSE_MEETING,
    )
    site["next_house_meeting_en"] = translate(site["next_house_meeting"], "en")

    # The round that prepares the co-development day: open now, with an idea already in it and unused codes.
    site["other_idea"] = make_idea(site, status=IdeaStatus.VOTING, title="Isien saunailta")
    site["round"] = make_round(site, [site["other_idea"]], event=site["co_development_day"], title="Kevään äänestys")
    site["codes"] = make_codes(site["round"], 3)

    # The staff's house meeting decided on a public idea: the decision is public, the meeting is not.
    site["bench_idea"] = make_idea(site, title="Penkit pihalle")
    record(site["house_meeting"], HOUSE_DECISION, [site["bench_idea"]])
    return site


def record(meeting, text: str, ideas, status=DecisionStatus.DECIDED, **fields) -> Decision:
    decision = Decision(meeting=meeting, text=text, language="fi", status=status, **fields)
    decision.idea_links = [DecisionIdea(idea=idea) for idea in ideas]
    return decisions.record(decision, user=None)


def close_round(voting_round, closed_days_ago: int = 30) -> None:
    """Moves the round into the past: it opened and closed before the co-development day."""
    closes = timezone.now() - datetime.timedelta(days=closed_days_ago)
    voting_round.opens_at = closes - datetime.timedelta(days=11)
    voting_round.closes_at = closes
    voting_round.save(update_fields=["opens_at", "closes_at"])


def complete_the_loop(site: dict) -> dict:
    """Ideas proposed, approved, voted on and selected; decisions at the day and at the community meeting (one
    of each status a poster groups by); an agenda item on an idea; the meetings translated into sv and en."""
    day, meeting, voting_round = site["co_development_day"], site["community_meeting"], site["round"]
    proposed = [
        make_idea(site, status=IdeaStatus.AWAITING, title=title, author_name="Hodan")
        for title in ("Retket leikkipuistoihin", "Läksykerho koululaisille", "Kirpputori syksyllä")
    ]
    moderation.approve(proposed, user=None)
    moderation.put_in_round(voting_round, proposed, user=None)
    for code, chosen in zip(site["codes"], (proposed[:2], proposed[1:], proposed[:1]), strict=True):
        give_votes(voting_round, code, chosen)
    close_round(voting_round)
    moderation.select(voting_round, [idea.pk for idea in proposed], user=None)
    trips, homework, flea_market = (Idea.objects.get(pk=idea.pk) for idea in proposed)

    record(
        day,
        "Retkiä kokeillaan kerran kuussa.",
        [trips],
        status=DecisionStatus.IN_PROGRESS,
        partner=site["partner"],
        due_date=days_from_today(60),
    )
    record(meeting, "Läksykerho aloitti syyskuussa.", [homework], status=DecisionStatus.DONE, partner=site["partner"])
    record(meeting, "Kirpputori järjestetään lokakuussa.", [flea_market])
    AgendaItem.objects.create(
        meeting=meeting, title="Läksykerho", idea=homework, outcome="Kerho alkaa syyskuussa.", sort_order=1
    )
    site["ideas"] = [trips, homework, flea_market]
    for language, titles in TRANSLATED_TITLES.items():
        for name, title in titles.items():
            site[f"{name}_{language}"] = translate(site[name], language, title=title)
    return site
