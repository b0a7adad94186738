"""Paper ballots entered by staff: one code is one ballot whatever channel it uses, and every refusal says why
and stores nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from ideas.models import REFUSALS, BallotRefused, Vote, VotingCode
from tests.ideas.builders import SCRIPT, make_codes, make_idea, make_round


@pytest.fixture
def ballot(site):
    ideas = [make_idea(site, title=f"Idea {letter}") for letter in "ABC"]
    voting_round = make_round(site, ideas, votes_per_code=2)
    return {"round": voting_round, "ideas": ideas, "codes": make_codes(voting_round, 3)}


def enter(client, voting_round, code_text, ideas, **kwargs):
    url = reverse("ideas_round_paper", args=[voting_round.pk])
    return client.post(url, {"code": code_text, "ideas": [idea.pk for idea in ideas]}, **kwargs)


def refusal(reason: str, **params) -> str:
    with translation.override("fi"):
        message = str(REFUSALS[reason])
        return escape(message % params if params else message)


def stored(code) -> set[int]:
    return set(Vote.objects.filter(code=code).values_list("idea_id", flat=True))


def test_a_slip_is_stored_as_a_paper_ballot_whatever_the_case_and_dash(coordinator, ballot):
    code = ballot["codes"][0]
    typed = f" {code.code[:4].lower()} {code.code[4:].lower()} "
    response = enter(coordinator, ballot["round"], typed, ballot["ideas"][:2], follow=True)
    assert response.status_code == 200 and code.printed in response.content.decode()
    assert stored(code) == {idea.pk for idea in ballot["ideas"][:2]}
    code.refresh_from_db()
    assert code.channel == "paper" and code.first_used_at is not None


def test_entering_the_same_code_again_replaces_its_votes(coordinator, ballot):
    code = ballot["codes"][0]
    enter(coordinator, ballot["round"], code.printed, ballot["ideas"][:2])
    enter(coordinator, ballot["round"], code.printed, ballot["ideas"][2:])
    assert stored(code) == {ballot["ideas"][2].pk}


def test_a_code_used_on_paper_cannot_vote_online(coordinator, ballot):
    code = ballot["codes"][0]
    enter(coordinator, ballot["round"], code.printed, ballot["ideas"][:1])
    with pytest.raises(BallotRefused) as refused:
        Vote.objects.cast(ballot["round"], code.printed, [ballot["ideas"][1].pk], shown=[], channel="online")
    assert refused.value.code == "other_channel"
    assert stored(code) == {ballot["ideas"][0].pk}


def test_a_code_used_online_cannot_be_entered_on_paper(coordinator, ballot):
    code = ballot["codes"][0]
    Vote.objects.cast(ballot["round"], code.printed, [ballot["ideas"][0].pk], shown=[], channel="online")
    response = enter(coordinator, ballot["round"], code.printed, ballot["ideas"][1:3])
    assert response.status_code == 200
    assert refusal("other_channel_online") in response.content.decode()
    assert stored(code) == {ballot["ideas"][0].pk}


def test_more_ideas_than_the_limit_are_refused_and_nothing_is_stored(coordinator, ballot):
    code = ballot["codes"][0]
    response = enter(coordinator, ballot["round"], code.printed, ballot["ideas"])
    assert refusal("too_many", limit=2) in response.content.decode()
    assert stored(code) == set()
    code.refresh_from_db()
    assert code.channel == ""


@pytest.mark.parametrize("reason", ["unknown", "revoked", "other_round"])
def test_codes_that_cannot_vote_here_are_refused_with_their_reason(coordinator, site, ballot, reason):
    if reason == "unknown":
        text = "2222-2222"
    elif reason == "revoked":
        code = ballot["codes"][0]
        code.revoke()
        text = code.printed
    else:
        text = make_codes(make_round(site, ballot["ideas"]), 1)[0].printed
    response = enter(coordinator, ballot["round"], text, ballot["ideas"][:1])
    assert response.status_code == 200 and refusal(reason) in response.content.decode()
    assert not Vote.objects.exists()
    assert not VotingCode.objects.exclude(channel="").exists()


@pytest.mark.parametrize("reason", ["upcoming", "closed"])
def test_a_round_that_is_not_open_takes_no_slips(coordinator, site, reason):
    idea = make_idea(site)
    now = timezone.now()
    if reason == "upcoming":
        voting_round = make_round(site, [idea], opens_at=now + datetime.timedelta(days=1))
    else:
        voting_round = make_round(
            site, [idea], opens_at=now - datetime.timedelta(days=8), closes_at=now - datetime.timedelta(days=1)
        )
    code = make_codes(voting_round, 1)[0]
    response = enter(coordinator, voting_round, code.printed, [idea])
    assert refusal(reason) in response.content.decode()
    assert not Vote.objects.exists()


def test_an_idea_of_another_round_cannot_be_ticked(coordinator, site, ballot):
    outsider = make_idea(site, title="Ulkopuolinen")
    code = ballot["codes"][0]
    response = enter(coordinator, ballot["round"], code.printed, [outsider])
    assert response.status_code == 200
    assert stored(code) == set()


def test_the_slip_form_shows_idea_titles_as_text(coordinator, site):
    voting_round = make_round(site, [make_idea(site, title=f"Otsikko {SCRIPT}")])
    body = coordinator.get(reverse("ideas_round_paper", args=[voting_round.pk])).content.decode()
    assert SCRIPT not in body and "&lt;script&gt;" in body
