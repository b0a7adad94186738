"""Builders for the ideas tests: a site with `/ideat/` (and the events pages), ideas in any status, voting
rounds with codes and votes. Test modules keep only what they build on top of these."""

import datetime
import itertools

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ideas.models import (
    STATUS_ACTION,
    Idea,
    IdeaIndexPage,
    IdeaStatus,
    RoundIdea,
    TaggedIdea,
    Vote,
    VotingCode,
    VotingRound,
)
from tests.events.builders import make_event, make_programme_site

_numbers = itertools.count()
# Script in a visitor's text: it must show as text wherever the text shows.
SCRIPT = '<script>alert("x")</script>'


def make_ideas_site(**settings) -> dict:
    """The programme site of `tests.events.builders` plus the ideas page `/ideat/` as `site["ideas_page"]`."""
    site = make_programme_site(**settings)
    site["ideas_page"] = site["home"].add_child(instance=IdeaIndexPage(title="Ideat", slug="ideat"))
    return site


def make_idea(site: dict, status: str = IdeaStatus.PUBLISHED, themes=(), **fields) -> Idea:
    """An idea of the site's meeting place; a public status also sets when it was published."""
    number = next(_numbers)
    now = timezone.now()
    values = {
        "site": site["site"],
        "title": f"Idea {number:04d}",
        "description": "Toivoisimme lisää ulkoleikkejä.",
        "language": "fi",
        "status": status,
        "created_at": now - datetime.timedelta(days=2),
        "published_at": None if status in (IdeaStatus.AWAITING, IdeaStatus.REJECTED) else now,
        **fields,
    }
    idea = Idea.objects.create(**values)
    if themes:
        idea.themes.add(*themes)
        idea.save()  # a cluster's tags are stored when the idea is saved
    return idea


def make_round(
    site: dict, ideas=(), *, opens_at=None, closes_at=None, votes_per_code: int = 3, event=None, **fields
) -> VotingRound:
    """A round of the site open now (by default: opened an hour ago, closes in a week) with `ideas`."""
    now = timezone.now()
    voting_round = VotingRound.objects.create(
        site=site["site"],
        title=fields.pop("title", f"Äänestys {next(_numbers):03d}"),
        opens_at=opens_at or now - datetime.timedelta(hours=1),
        closes_at=closes_at or now + datetime.timedelta(days=7),
        votes_per_code=votes_per_code,
        event=event,
        **fields,
    )
    RoundIdea.objects.bulk_create(
        RoundIdea(round=voting_round, idea=idea, position=position) for position, idea in enumerate(ideas)
    )
    return voting_round


def make_codes(voting_round: VotingRound, count: int = 5) -> list[VotingCode]:
    return voting_round.issue_codes(count)


def give_votes(voting_round: VotingRound, code: VotingCode, ideas, channel: str = "online") -> None:
    """Votes straight into the table (for tallies and listings), bypassing the ballot's checks."""
    Vote.objects.bulk_create(Vote(round=voting_round, code=code, idea=idea) for idea in ideas)
    VotingCode.objects.filter(pk=code.pk).update(channel=channel, first_used_at=timezone.now())


def make_co_development_day(site: dict, days_ahead: int = 30, **fields):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_ahead)
    title = fields.pop("title", "Yhteiskehittämisen päivä")
    return make_event(site, start, kind="co_development", title=title, **fields)


def tag_in_bulk(ideas: list[Idea], themes: list) -> None:
    """Gives the nth idea the first 1 + n % len(themes) themes, in one insert."""
    TaggedIdea.objects.bulk_create(
        TaggedIdea(tag=theme, content_object=idea)
        for number, idea in enumerate(ideas)
        for theme in themes[: 1 + number % len(themes)]
    )


def log_history_in_bulk(ideas: list[Idea], now: datetime.datetime, published_days_ago: int) -> None:
    """The public timeline a status change logs, in one insert: published `published_days_ago` days before `now`,
    then each idea's own status 10 days before it."""
    idea_type = ContentType.objects.get_for_model(Idea)
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=idea_type,
            object_id=str(idea.pk),
            label=idea.title,
            action=STATUS_ACTION,
            data={"status": status, "note": ""},
            timestamp=now - datetime.timedelta(days=days),
        )
        for idea in ideas
        for status, days in ((IdeaStatus.PUBLISHED, published_days_ago), (idea.status, 10))
    )
