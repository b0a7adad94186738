"""The ballot's rules, one call at a time (tests/ideas/test_vote_race.py sends them at once): limits, changes,
channels, rounds, closing time, and tallies counted from the vote rows."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from ideas import codes
from ideas.models import BallotRefused, Channel, Vote, VotingCode
from tests.ideas.builders import give_votes, make_codes, make_idea, make_ideas_site, make_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def voting():
    site = make_ideas_site()
    ideas = [make_idea(site) for _ in range(5)]
    voting_round = make_round(site, ideas, votes_per_code=3)
    code = make_codes(voting_round, 1)[0]
    return {"site": site, "ideas": ideas, "round": voting_round, "code": code}


def stored(code) -> set[int]:
    return set(Vote.objects.filter(code=code).values_list("idea_id", flat=True))


def refusal(call) -> str:
    with pytest.raises(BallotRefused) as refused:
        call()
    return refused.value.code


def ids(ideas) -> list[int]:
    return [idea.pk for idea in ideas]


def test_a_code_is_read_in_any_case_with_or_without_its_dash(voting):
    first, second = voting["ideas"][:2]
    Vote.objects.cast(voting["round"], f"  {voting['code'].printed.lower()} ", [first.pk], shown=[])
    Vote.objects.cast(voting["round"], voting["code"].code, [second.pk], shown=[])
    assert stored(voting["code"]) == {first.pk, second.pk}


def test_a_ballot_over_the_limit_stores_nothing(voting):
    assert refusal(lambda: Vote.objects.cast(voting["round"], voting["code"].code, ids(voting["ideas"][:4]))) == (
        "too_many"
    )
    assert stored(voting["code"]) == set()
    assert VotingCode.objects.get(pk=voting["code"].pk).channel == ""


def test_additions_count_against_the_votes_already_given(voting):
    ideas = voting["ideas"]
    ballot = Vote.objects.cast(voting["round"], voting["code"].code, ids(ideas[:3]), shown=[])
    assert ballot.votes_left == 0
    assert refusal(lambda: Vote.objects.cast(voting["round"], voting["code"].code, [ideas[3].pk], shown=[])) == (
        "too_many"
    )
    assert stored(voting["code"]) == set(ids(ideas[:3]))


def test_unticking_one_idea_frees_a_vote_for_another(voting):
    ideas = voting["ideas"]
    Vote.objects.cast(voting["round"], voting["code"].code, ids(ideas[:3]), shown=[])
    ballot = Vote.objects.cast(voting["round"], voting["code"].code, ids(ideas[1:4]), shown=ids(ideas[:3]))
    assert ballot.idea_ids == set(ids(ideas[1:4]))
    assert stored(voting["code"]) == set(ids(ideas[1:4]))


def test_a_ballot_drawn_earlier_keeps_votes_given_meanwhile_from_another_window(voting):
    ideas = voting["ideas"]
    Vote.objects.cast(voting["round"], voting["code"].code, [ideas[0].pk], shown=[])  # window 1
    Vote.objects.cast(voting["round"], voting["code"].code, [ideas[1].pk], shown=[])  # window 2, drawn empty
    assert stored(voting["code"]) == {ideas[0].pk, ideas[1].pk}


def test_a_paper_slip_replaces_the_codes_votes(voting):
    ideas = voting["ideas"]
    Vote.objects.cast(voting["round"], voting["code"].code, ids(ideas[:2]), channel=Channel.PAPER)
    Vote.objects.cast(voting["round"], voting["code"].code, [ideas[4].pk], channel=Channel.PAPER)
    assert stored(voting["code"]) == {ideas[4].pk}


def test_one_code_is_one_ballot_whatever_the_channel(voting):
    ideas = voting["ideas"]
    paper, online = make_codes(voting["round"], 2)
    Vote.objects.cast(voting["round"], paper.code, [ideas[0].pk], channel=Channel.PAPER)
    assert refusal(lambda: Vote.objects.cast(voting["round"], paper.code, [ideas[1].pk], shown=[])) == ("other_channel")
    Vote.objects.cast(voting["round"], online.code, [ideas[0].pk], shown=[])
    assert refusal(lambda: Vote.objects.cast(voting["round"], online.code, [ideas[1].pk], channel=Channel.PAPER)) == (
        "other_channel_online"
    )
    assert stored(paper) == {ideas[0].pk}
    assert stored(online) == {ideas[0].pk}


def test_an_idea_of_another_round_is_refused_and_nothing_is_stored(voting):
    other_idea = make_idea(voting["site"])
    make_round(voting["site"], [other_idea])
    selected = [voting["ideas"][0].pk, other_idea.pk]
    assert refusal(lambda: Vote.objects.cast(voting["round"], voting["code"].code, selected, shown=[])) == (
        "not_in_round"
    )
    assert stored(voting["code"]) == set()


def test_a_code_of_another_round_a_revoked_code_and_a_made_up_code_are_refused(voting):
    other_round = make_round(voting["site"], voting["ideas"][:1])
    other_code = make_codes(other_round, 1)[0]
    revoked = make_codes(voting["round"], 1)[0]
    revoked.revoke()
    first = [voting["ideas"][0].pk]
    assert refusal(lambda: Vote.objects.cast(voting["round"], other_code.code, first)) == "other_round"
    assert refusal(lambda: Vote.objects.cast(voting["round"], revoked.code, first)) == "revoked"
    tampered = ("A" if voting["code"].code[0] != "A" else "B") + voting["code"].code[1:]
    assert refusal(lambda: Vote.objects.cast(voting["round"], tampered, first)) == "unknown"
    assert refusal(lambda: Vote.objects.cast(voting["round"], "<script>alert(1)</script>", first)) == "unknown"
    assert not Vote.objects.exists()


def test_votes_before_opening_and_after_closing_are_refused(voting):
    round_ = voting["round"]
    first = [voting["ideas"][0].pk]
    before = round_.opens_at - datetime.timedelta(seconds=1)
    assert refusal(lambda: Vote.objects.cast(round_, voting["code"].code, first, now=before)) == "upcoming"
    assert refusal(lambda: Vote.objects.cast(round_, voting["code"].code, first, now=round_.closes_at)) == "closed"
    Vote.objects.cast(round_, voting["code"].code, first, now=round_.closes_at - datetime.timedelta(microseconds=1))
    assert stored(voting["code"]) == set(first)


def test_a_used_code_cannot_be_revoked(voting):
    Vote.objects.cast(voting["round"], voting["code"].code, [voting["ideas"][0].pk], shown=[])
    with pytest.raises(ValidationError):
        voting["code"].revoke()
    assert VotingCode.objects.get(pk=voting["code"].pk).revoked_at is None


def test_the_database_refuses_a_second_vote_for_the_same_idea_from_one_code(voting):
    give_votes(voting["round"], voting["code"], voting["ideas"][:1])
    with pytest.raises(IntegrityError):
        Vote.objects.create(round=voting["round"], code=voting["code"], idea=voting["ideas"][0])


def test_results_count_the_rows_and_ties_share_a_rank():
    site = make_ideas_site()
    ideas = [make_idea(site, title=title) for title in ("Aa", "Bb", "Cc", "Dd")]
    voting_round = make_round(site, ideas, votes_per_code=2)
    first, second, third, unused, revoked = make_codes(voting_round, 5)
    revoked.revoke()
    give_votes(voting_round, first, [ideas[1], ideas[2]])
    give_votes(voting_round, second, [ideas[1], ideas[2]])
    give_votes(voting_round, third, [ideas[0]])
    results = voting_round.results()
    assert [(row.idea.title, row.votes, row.rank) for row in results.rows] == [
        ("Bb", 2, 1),
        ("Cc", 2, 1),
        ("Aa", 1, 3),
        ("Dd", 0, 4),
    ]
    assert (results.votes, results.codes_used, results.codes_issued, results.turnout_percent) == (5, 3, 4, 75)


def test_new_codes_are_unique_well_formed_and_drawn_from_40_bits():
    site = make_ideas_site()
    voting_round = make_round(site, [make_idea(site)])
    made = voting_round.issue_codes(300)
    assert VotingCode.objects.filter(round=voting_round).count() == 300
    assert all(codes.normalize(code.printed) == code.code for code in made)
    assert len(codes.ALPHABET) ** codes.LENGTH >= 2**40
    assert len(set(codes.ALPHABET)) == len(codes.ALPHABET) == 32
    assert not set("01IO") & set(codes.ALPHABET)


def test_a_round_shows_results_live_only_when_asked(voting):
    round_ = voting["round"]
    now = timezone.now()
    assert not round_.results_visible(now)
    round_.results_live = True
    assert round_.results_visible(now)
    assert not round_.results_visible(round_.opens_at - datetime.timedelta(seconds=1))
    round_.results_live = False
    assert round_.results_visible(round_.closes_at)


def test_votes_of_an_idea_taken_out_of_the_round_do_not_count():
    from ideas.models import RoundIdea

    site = make_ideas_site()
    kept, removed = make_idea(site, title="Kept"), make_idea(site, title="Removed")
    voting_round = make_round(site, [kept, removed], votes_per_code=2)
    first, second = make_codes(voting_round, 2)
    give_votes(voting_round, first, [kept, removed])
    give_votes(voting_round, second, [removed])
    RoundIdea.objects.filter(round=voting_round, idea=removed).delete()
    results = voting_round.results()
    assert [(row.idea.title, row.votes) for row in results.rows] == [("Kept", 1)]
    assert (results.votes, results.codes_used) == (1, 1)
