"""The benchmark's data set (docs/benchmarks/dataset.py) holds exactly what its size says, in valid shape."""

import pytest
from django.db.models import Count
from django.utils import timezone

from docs.benchmarks.dataset import IDEAS_PER_ROUND, VOTES_PER_CODE, Size, build
from events.models import Activity
from ideas.models import Idea, IdeaTheme, RoundIdea, Vote, VotingCode, VotingRound
from ideas.statuses import PUBLIC_STATUSES
from tests.ideas.builders import make_ideas_site
from tests.pages.builders import make_partners

TINY = Size(activities=7, ideas=90, votes=301, rounds=3)
BALLOT_CODES = 25


@pytest.fixture
def built(db):
    site = make_ideas_site()
    make_partners(3, site["support"])
    IdeaTheme.objects.create(name="Ulkoilu", slug="ulkoilu")
    IdeaTheme.objects.create(name="Ruoka", slug="ruoka")
    return build(TINY, ballot_codes=BALLOT_CODES)


def test_a_size_adds_exactly_its_activities_ideas_rounds_and_votes(built):
    assert (built["activities"], built["ideas"], built["rounds"], built["votes"]) == (7, 90, 3, 301)
    assert Activity.objects.count() == 7
    assert Activity.objects.filter(partners__isnull=False).distinct().count() == 7
    assert Idea.objects.count() == 90
    assert VotingRound.objects.count() == 3
    assert Vote.objects.count() == 301
    assert VotingCode.objects.count() == built["codes"]


def test_votes_obey_the_ballot_rules_and_fall_in_their_round(built):
    per_code = VotingCode.objects.annotate(n=Count("votes")).values_list("n", flat=True)
    assert max(per_code) == VOTES_PER_CODE
    assert VotingCode.objects.filter(votes__isnull=False, channel="").count() == 0
    assert VotingCode.objects.filter(votes__isnull=True).exclude(channel="").count() == 0
    for voting_round in VotingRound.objects.all():
        in_round = set(voting_round.entries.values_list("idea_id", flat=True))
        assert len(in_round) == IDEAS_PER_ROUND
        assert set(Idea.objects.filter(pk__in=in_round).values_list("status", flat=True)) <= set(PUBLIC_STATUSES)
        votes = Vote.objects.filter(round=voting_round)
        assert set(votes.values_list("idea_id", flat=True)) <= in_round
        assert not votes.exclude(code__round=voting_round).exists()
        assert not votes.filter(cast_at__lt=voting_round.opens_at).exists()
        assert not votes.filter(cast_at__gt=voting_round.closes_at).exists()


def test_closed_rounds_show_their_tally_and_choose_their_three_leaders(built):
    closed = VotingRound.objects.filter(closes_at__lte=timezone.now())
    assert closed.count() == TINY.rounds - 1
    assert built["results_round"] == closed.latest("closes_at").pk
    for voting_round in closed:
        results = voting_round.results()
        assert results.votes == Vote.objects.filter(round=voting_round).count() > 0
        leaders = {row.idea.pk for row in results.rows[:3]}
        chosen = set(RoundIdea.objects.filter(round=voting_round, selected=True).values_list("idea_id", flat=True))
        assert len(chosen) == 3
        assert chosen == leaders or results.rows[2].votes == results.rows[3].votes


def test_the_open_round_keeps_unused_codes_for_the_ballot_benchmark(built):
    open_round = VotingRound.objects.get(pk=built["open_round"])
    assert open_round.is_open()
    assert VotingCode.objects.filter(round=open_round, channel="").count() >= BALLOT_CODES
    targets = built["targets"]
    assert targets["ballot"] == f"/ideat/aanesta/{open_round.pk}/"
    assert targets["results"] == f"/ideat/aanestykset/{built['results_round']}/"
    assert set(targets["ballot_ideas"]) == set(open_round.entries.values_list("idea_id", flat=True))


def test_the_same_size_makes_the_same_data_set(built):
    titles = list(Idea.objects.order_by("pk").values_list("title", "status", "language"))
    Idea.objects.all().delete()
    Activity.objects.all().delete()
    VotingRound.objects.all().delete()
    build(TINY)
    assert list(Idea.objects.order_by("pk").values_list("title", "status", "language")) == titles
