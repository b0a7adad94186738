"""The voting pages run a small number of queries that does not grow with the ideas in a round or its votes.

Each page is measured on its second request (what the first one warms, such as the site's root paths, stays
warm) with the page cache off, as a visitor with a session gets it. The pages a voter goes through, the code
entry, the ballot, the thank-you page and the results, keep within PAGE_BUDGET queries; casting a ballot keeps
within CAST_BUDGET, its transaction included.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ideas import codes
from ideas.models import Idea, IdeaStatus, RoundIdea, Vote, VotingCode, VotingRound
from tests.ideas.builders import make_co_development_day, make_ideas_site, make_round

VOTES_PER_CODE = 3
PAGE_BUDGET = 12
CAST_BUDGET = 12
SMALL = {"ideas": 20, "votes": 20_000}
LARGE = {"ideas": 200, "votes": 200_000}


def count_queries(client, url: str) -> int:
    client.get(url)  # warm what is cached across requests (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def insert_rows(model, fields: list[str], rows, batch: int = 1000) -> None:
    """Plain multi-row inserts of (field values) tuples: for the hundreds of thousands of codes and votes, whose
    model instances alone would take bulk_create longer than the rest of the test."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    row = f"({', '.join(['%s'] * len(fields))})"
    rows = list(rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            values = ", ".join([row] * len(chunk))
            sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES {values}"  # noqa: S608 - no input
            cursor.execute(sql, [value for fields_of_row in chunk for value in fields_of_row])


def fill(voting_round: VotingRound, site: dict, idea_count: int, vote_count: int) -> list[VotingCode]:
    """`idea_count` ideas in the round and `vote_count` votes from codes of three votes, and two codes that have
    not voted; returns the codes, the unused ones last."""
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
    while len(drawn) < code_count + 2:
        drawn.add(codes.new_code())
    voted, unused = sorted(drawn)[2:], sorted(drawn)[:2]
    stamp = connection.ops.adapt_datetimefield_value(now)
    fields = ["round", "code", "created_at", "channel", "first_used_at"]
    insert_rows(VotingCode, fields, [(voting_round.pk, code, stamp, "online", stamp) for code in voted])
    insert_rows(VotingCode, fields, [(voting_round.pk, code, stamp, "", None) for code in unused])
    voters = list(voting_round.codes.order_by("pk"))
    assert [code.code for code in voters] == voted + unused
    idea_ids = [idea.pk for idea in ideas]
    insert_rows(
        Vote,
        ["round", "code", "idea", "cast_at"],
        (
            (
                voting_round.pk,
                voters[number // VOTES_PER_CODE].pk,
                idea_ids[(number // VOTES_PER_CODE + number % VOTES_PER_CODE) % idea_count],
                stamp,
            )
            for number in range(vote_count)
        ),
    )
    return voters


def cast_queries(client, url: str, data: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    return len(queries)


def measure(client, site: dict, ideas: int, votes: int) -> dict[str, int]:
    cache.clear()
    voting_round = make_round(site, votes_per_code=VOTES_PER_CODE, event=site["day"])
    voters = fill(voting_round, site, ideas, votes)
    code, fresh, warm = voters[0], voters[-1], voters[-2]
    base = f"/ideat/aanesta/{voting_round.pk}/"
    held = list(Vote.objects.filter(code=code).values_list("idea_id", flat=True))
    client.get(f"{base}?koodi={code.printed}")
    cast_queries(client, base, {"koodi": warm.printed, "ideat": held[:1]})  # warms what casting reads
    counts = {
        "cast, one vote back": cast_queries(client, base, {"koodi": code.printed, "ideat": held[1:], "shown": held}),
        "cast, first votes": cast_queries(client, base, {"koodi": fresh.printed, "ideat": held}),
    }
    thanks = client.post(base, {"koodi": code.printed, "ideat": held[1:], "shown": held[1:]})["Location"]
    counts |= {
        "thank you": count_queries(client, thanks),
        "vote": count_queries(client, "/ideat/aanesta/"),
        "code entry": count_queries(client, base),
        "ballot": count_queries(client, f"{base}?koodi={code.printed}"),
        "results before closing": count_queries(client, f"/ideat/aanestykset/{voting_round.pk}/"),
    }
    VotingRound.objects.filter(pk=voting_round.pk).update(results_live=True)
    counts["live results"] = count_queries(client, f"/ideat/aanestykset/{voting_round.pk}/")
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
    assert Vote.objects.filter(round=voting_round).count() == votes - 1 + len(held) + 1  # one taken back, 4 given
    assert voting_round.entries.count() == ideas
    VotingRound.objects.filter(pk=voting_round.pk).delete()
    return counts


@pytest.mark.django_db
@override_settings(KOHTAAMO_PAGE_CACHE=False)
def test_voting_pages_run_a_few_queries_the_same_for_20_000_and_200_000_votes(client):
    site = make_ideas_site()
    site["day"] = make_co_development_day(site)
    small = measure(client, site, **SMALL)
    large = measure(client, site, **LARGE)
    print(f"queries ({SMALL} and {LARGE}): {small} {large}")
    assert small == large
    pages = {name: count for name, count in large.items() if not name.startswith(("cast", "refused"))}
    assert max(pages.values()) <= PAGE_BUDGET, pages
    assert max(large["cast, one vote back"], large["cast, first votes"]) <= CAST_BUDGET, large
