"""The public ideas pages run a number of queries that does not grow with the number of ideas or votes."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from ideas import codes
from ideas.models import Idea, IdeaStatus, IdeaTheme, RoundIdea, Vote, VotingCode, VotingRound
from tests.events.builders import translate

from .builders import make_co_development_day, make_ideas_site, make_round, tag_in_bulk

ROUND_IDEAS = 10
VOTES_PER_CODE = 3


@override_settings(KOHTAAMO_PAGE_CACHE=False)  # the page itself, not the page cache
def count_queries(client, url: str) -> int:
    client.get(url)  # warm what is cached across requests (site root paths, content types, shared parts)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def build(site: dict, idea_count: int, vote_count: int, themes: list) -> Idea:
    """`idea_count` public ideas with themes, in the search index; a closed round of the first ROUND_IDEAS
    with `vote_count` votes. Returns an idea of the round."""
    now = timezone.now()
    statuses = [IdeaStatus.PUBLISHED, IdeaStatus.VOTING, IdeaStatus.DONE, IdeaStatus.NOT_TAKEN_FORWARD]
    Idea.objects.bulk_create(
        Idea(
            site=site["site"],
            title=f"Idea number {number}",
            description="Toivoisimme lisää ulkoleikkejä ja yhteisiä retkiä.",
            language=["fi", "sv", "en", "so"][number % 4],
            by_child=number % 3 == 0,
            status=statuses[number % len(statuses)],
            created_at=now - datetime.timedelta(days=2, minutes=number),
            published_at=now - datetime.timedelta(minutes=number),
        )
        for number in range(idea_count)
    )
    ideas = list(Idea.objects.order_by("pk"))
    tag_in_bulk(ideas, themes)
    get_search_backend().add_bulk(Idea, ideas)
    in_round = ideas[:ROUND_IDEAS]
    voting_round = make_round(
        site,
        in_round,
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now - datetime.timedelta(days=1),
        votes_per_code=VOTES_PER_CODE,
        event=site["day"],
    )
    code_count = -(-vote_count // VOTES_PER_CODE)
    made = set()
    while len(made) < code_count:
        made.add(codes.new_code())
    VotingCode.objects.bulk_create(VotingCode(round=voting_round, code=code, channel="online") for code in made)
    votes = []
    pairs = itertools.cycle(range(ROUND_IDEAS))
    for code in VotingCode.objects.filter(round=voting_round):
        chosen = {next(pairs) for _ in range(VOTES_PER_CODE)}
        votes += [Vote(round=voting_round, code=code, idea=in_round[index]) for index in chosen]
    Vote.objects.bulk_create(votes[:vote_count], batch_size=2000)
    return in_round[0]


def clear() -> None:
    Vote.objects.all().delete()
    RoundIdea.objects.all().delete()
    VotingRound.objects.all().delete()
    Idea.objects.all().delete()


@pytest.mark.django_db
def test_ideas_pages_run_the_same_number_of_queries_for_20_and_2000_ideas_and_20000_votes(client):
    site = make_ideas_site()
    translate(site["ideas_page"], "en", title="Ideas")
    site["day"] = make_co_development_day(site)
    themes = [IdeaTheme.objects.create(name=name, slug=name.lower()) for name in ("Ulkoilu", "Ruoka", "Musiikki")]

    def urls(idea):
        return [
            "/ideat/",
            "/en/ideat/",
            "/ideat/?jarjestys=votes",
            "/ideat/?tila=published&tila=done&teema=ulkoilu&lapset=1&q=ulkoleikk&jarjestys=votes",
            "/ideat/?sivu=2",
            f"/ideat/{idea.pk}/",
            f"/en/ideat/{idea.pk}/",
            "/ideat/syote/",
            "/ideat/avoin-data/",
            "/ideat/avoin-data/ideat/csv/",
            "/ideat/avoin-data/ideat/json/",
            "/ideat/ehdota/",
        ]

    idea = build(site, 20, 60, themes)
    small = [count_queries(client, url) for url in urls(idea)]
    clear()
    idea = build(site, 2000, 20_000, themes)
    large = [count_queries(client, url) for url in urls(idea)]
    assert Idea.objects.count() == 2000
    assert Vote.objects.count() == 20_000
    counts = dict(zip(urls(idea), zip(small, large, strict=True), strict=True))
    print(counts)
    assert small == large, f"queries (20 ideas and 60 votes, 2000 ideas and 20000 votes): {counts}"
