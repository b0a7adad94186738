"""The demo's two voting rounds: one open now before the upcoming co-development day, and the closed vote
that prepared the last one, with a clear winner, a tie for second place and the chosen ideas marked.

Codes are issued with `VotingRound.issue_codes` and votes given with `Vote.objects.cast`, the ballot every
channel uses (the closed round's at past moments while it was open), so tallies and turnout are real.
A round is made only when missing: the open one when the site has no round open now for that day.
"""

import datetime

from django.utils import timezone
from wagtail.models import Site

from events.models import EventPage

from ..models import Channel, Idea, RoundIdea, Vote, VotingRound
from .dates import CLOSED_ROUND_CLOSED, CLOSED_ROUND_OPENED, HELSINKI, OPEN_ROUND_OPENED, days_ago

VOTES_PER_CODE = 3

OPEN_IDEAS = [
    "isien-ilta",
    "torstaisin-pidempaan",
    "suomen-kielen-kerho",
    "arabiankielinen-satutuokio",
    "byteshylla",
    "retki-kuusijarvelle",
]
OPEN_CODES = 60
OPEN_BALLOTS = [(0, 1, 2), (1, 3), (4,), (0, 5, 1), (2, 3), (3, 5), (1,), (0, 4, 2), (5, 1, 3)]
"""The first codes' ballots so far, by position in OPEN_IDEAS."""
PAPER_BALLOTS = {2, 6}
"""Of OPEN_BALLOTS, the ones staff entered from paper slips."""

CLOSED_IDEAS = [  # key, votes, chosen for the co-development day
    ("hiekkalaatikon-kansi", 18, True),
    ("perjantain-keittolounas", 14, True),
    ("lukunurkka", 14, True),
    ("sunnuntaiaukiolo", 9, False),
    ("retki-kuusijarvelle", 6, False),
    ("tak-over-barnvagnar", 4, False),
]
CLOSED_CODES = 40
CLOSED_VOTERS = 26

MONTHS = ("tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu")
"""Finnish month names without "kuu", for the closed round's title."""


def spread(votes: list[int], voters: int) -> list[list[int]]:
    """Ballots of `voters` codes that give idea i exactly votes[i] votes, each code as few as it can."""
    ballots: list[list[int]] = [[] for _ in range(voters)]
    for index, count in sorted(enumerate(votes), key=lambda pair: -pair[1]):
        for ballot in sorted(ballots, key=len)[:count]:  # the emptiest first, so no code goes over the limit
            ballot.append(index)
    return ballots


def closing_time(event: EventPage, now: datetime.datetime) -> datetime.datetime:
    """The evening before the day, or if that has passed, an hour before it starts."""
    day_before = timezone.localtime(event.start, HELSINKI).date() - datetime.timedelta(days=1)
    evening = datetime.datetime.combine(day_before, datetime.time(20), tzinfo=HELSINKI)
    for moment in (evening, event.start - datetime.timedelta(hours=1)):
        if moment > now:
            return moment
    return event.start


def load_open(site: Site, ideas: dict[str, Idea], event: EventPage) -> VotingRound:
    """The round open now before `event` (in the default language), made with its codes and first votes."""
    now = timezone.now()
    existing = VotingRound.objects.for_site(site).open_at(now).filter(event=event).order_by("pk").first()
    if existing is not None:
        return existing
    day = timezone.localtime(event.start, HELSINKI).date()
    voting_round = VotingRound.objects.create(
        site=site,
        title=f"Äänestys ennen yhteiskehittämisen päivää {day.day}.{day.month}.{day.year}",
        event=event,
        opens_at=days_ago(OPEN_ROUND_OPENED, 9),
        closes_at=closing_time(event, now),
        votes_per_code=VOTES_PER_CODE,
        results_live=False,
    )
    in_round = [ideas[key] for key in OPEN_IDEAS]
    RoundIdea.objects.bulk_create(
        RoundIdea(round=voting_round, idea=idea, position=position) for position, idea in enumerate(in_round)
    )
    codes = voting_round.issue_codes(OPEN_CODES)
    for number, ballot in enumerate(OPEN_BALLOTS):
        channel = Channel.PAPER if number in PAPER_BALLOTS else Channel.ONLINE
        Vote.objects.cast(voting_round, codes[number].code, [in_round[i].pk for i in ballot], channel=channel)
    return voting_round


def closed_title(closes: datetime.datetime) -> str:
    month = timezone.localtime(closes, HELSINKI)
    return f"{MONTHS[month.month - 1].capitalize()}kuun {month.year} ideaäänestys"


def load_closed(site: Site, ideas: dict[str, Idea], event: EventPage) -> VotingRound:
    """The closed round that prepared `event`, the last co-development day (in the default language), made
    with its codes, votes and chosen ideas. One made before the demo had that day gets it, unless staff set one."""
    first = ideas[CLOSED_IDEAS[0][0]]
    existing = (
        VotingRound.objects.for_site(site).filter(closes_at__lte=timezone.now(), entries__idea=first).order_by("pk")
    ).first()
    if existing is not None:
        if existing.event_id is None:
            existing.event = event
            existing.save(update_fields=["event"])
        return existing
    opens, closes = days_ago(CLOSED_ROUND_OPENED, 9), days_ago(CLOSED_ROUND_CLOSED, 20)
    voting_round = VotingRound.objects.create(
        site=site,
        title=closed_title(closes),
        event=event,
        opens_at=opens,
        closes_at=closes,
        votes_per_code=VOTES_PER_CODE,
        results_live=False,
    )
    in_round = [ideas[key] for key, _votes, _chosen in CLOSED_IDEAS]
    RoundIdea.objects.bulk_create(
        RoundIdea(round=voting_round, idea=idea, position=position, selected=chosen)
        for position, (idea, (_key, _votes, chosen)) in enumerate(zip(in_round, CLOSED_IDEAS, strict=True))
    )
    codes = voting_round.issue_codes(CLOSED_CODES)
    ballots = spread([votes for _key, votes, _chosen in CLOSED_IDEAS], CLOSED_VOTERS)
    for number, ballot in enumerate(ballots):
        when = opens + (closes - opens) * (number + 1) / (len(ballots) + 1)
        channel = Channel.PAPER if number % 4 == 3 else Channel.ONLINE
        Vote.objects.cast(voting_round, codes[number].code, [in_round[i].pk for i in ballot], channel=channel, now=when)
    return voting_round
