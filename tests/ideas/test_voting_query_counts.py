"""The voting pages run a number of queries that does not grow with the ideas in a round or its votes."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ideas import codes
from ideas.models import Idea, IdeaStatus, RoundIdea, Vote, VotingCode, VotingRound
from tests.ideas.builders import make_co_development_day, make_ideas_site, make_round

VOTES_PER_CODE = 3


def count_queries(client, url: str) -> int:
    client.get(url)  # warm what is cached across requests (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def fill(voting_round: VotingRound, site: dict, idea_count: int, vote_count: int) -> VotingCode:
    """`idea_count` ideas in the round and `vote_count` votes from codes of three votes; returns a code that voted."""
    now = timezone.now()
    ideas = Idea.objects.bulk_create(
        Idea(
            site=site["site"],
            title=f"Idea {number}",
            description="Lisää keinuja pihalle. " * 5,
            language="fi",
            status=IdeaStatus.VOTING,
            published_at=now,
        )  # fmt: skip
        for number in range(idea_count)
    )
    RoundIdea.objects.bulk_create(
        RoundIdea(round=voting_round, idea=idea, position=position) for position, idea in enumerate(ideas)
    )
    code_count = -(-vote_count // VOTES_PER_CODE)
    drawn: set[str] = set()
    while len(drawn) < code_count:
        drawn.add(codes.new_code())
    voters = VotingCode.objects.bulk_create(
        VotingCode(round=voting_round, code=code, channel="online", first_used_at=now) for code in sorted(drawn)
    )
    Vote.objects.bulk_create(
        (
            Vote(
                round=voting_round,
                code=voters[number // VOTES_PER_CODE],
                idea=ideas[(number // VOTES_PER_CODE + number % VOTES_PER_CODE) % idea_count],
                cast_at=now,
            )  # fmt: skip
            for number in range(vote_count)
        ),
        batch_size=2000,
    )
    return voters[0]


def measure(client, site: dict, idea_count: int, vote_count: int) -> dict[str, int]:
    cache.clear()
    voting_round = make_round(site, votes_per_code=VOTES_PER_CODE, event=site["day"], results_live=True)
    code = fill(voting_round, site, idea_count, vote_count)
    base = f"/ideat/aanesta/{voting_round.pk}/"
    held = list(Vote.objects.filter(code=code).values_list("idea_id", flat=True))
    client.get(f"{base}?koodi={code.printed}")
    with CaptureQueriesContext(connection) as queries:
        voted = client.post(base, {"koodi": code.printed, "ideat": held[1:], "shown": held})  # one vote back
    assert voted.status_code == 302
    counts = {
        "cast": len(queries),
        "thank you": count_queries(client, voted["Location"]),
        "vote": count_queries(client, "/ideat/aanesta/"),
        "code entry": count_queries(client, base),
        "ballot": count_queries(client, f"{base}?koodi={code.printed}"),
        "live results": count_queries(client, f"/ideat/aanestykset/{voting_round.pk}/"),
    }
    with CaptureQueriesContext(connection) as queries:
        refused = client.post(base, {"koodi": code.printed, "ideat": ["999999999"], "shown": []})
    assert refused.status_code == 200
    counts["refused ballot"] = len(queries)
    VotingRound.objects.filter(pk=voting_round.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=8), closes_at=timezone.now() - datetime.timedelta(hours=1)
    )
    counts["results"] = count_queries(client, f"/ideat/aanestykset/{voting_round.pk}/")
    counts["results csv"] = count_queries(client, f"/ideat/aanestykset/{voting_round.pk}/csv/")
    counts["results json"] = count_queries(client, f"/ideat/aanestykset/{voting_round.pk}/json/")
    assert Vote.objects.filter(round=voting_round).count() == vote_count - 1  # the one taken back
    assert voting_round.entries.count() == idea_count
    VotingRound.objects.filter(pk=voting_round.pk).delete()
    return counts


@pytest.mark.django_db
def test_voting_pages_run_the_same_number_of_queries_for_20_and_2000_ideas_and_20000_votes(client):
    site = make_ideas_site()
    site["day"] = make_co_development_day(site)
    small = measure(client, site, 20, 60)
    large = measure(client, site, 2000, 20000)
    print(f"queries (20 ideas and 60 votes, 2,000 ideas and 20,000 votes): {small} {large}")
    assert small == large
