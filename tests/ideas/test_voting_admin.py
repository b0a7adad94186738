"""Voting rounds in the admin: the round's form with its ideas inline (saving puts them to the vote), codes
(making, listing, revoking), and the results page where staff select ideas for the co-development day."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry, Page, Site

from ideas import codes as code_format
from ideas.models import STATUS_ACTION, IdeaStatus, RoundIdea, VotingCode, VotingRound
from ideas.moderation import put_in_round, select
from tests.ideas.builders import (
    SCRIPT,
    give_votes,
    make_co_development_day,
    make_codes,
    make_idea,
    make_round,
)

ADD = "wagtailsnippets_ideas_votinground:add"
EDIT = "wagtailsnippets_ideas_votinground:edit"
ROUNDS = "wagtailsnippets_ideas_votinground:list"


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("moderaattori")


def local_text(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def round_data(site, ideas, *, existing=(), deleted=(), **changes) -> dict:
    """The round form as the admin posts it: `existing` RoundIdea rows first, then new `ideas`."""
    now = timezone.now()
    data = {
        "title": "Kevään äänestys",
        "event": "",
        "opens_at": local_text(now - datetime.timedelta(hours=1)),
        "closes_at": local_text(now + datetime.timedelta(days=7)),
        "votes_per_code": "3",
        "site": site["site"].pk,
        "entries-TOTAL_FORMS": str(len(existing) + len(ideas)),
        "entries-INITIAL_FORMS": str(len(existing)),
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
    }
    rows = [(entry.pk, entry.idea_id) for entry in existing] + [("", idea.pk) for idea in ideas]
    for index, (entry_id, idea_id) in enumerate(rows):
        data[f"entries-{index}-id"] = entry_id
        data[f"entries-{index}-idea"] = idea_id
        if entry_id and entry_id in {entry.pk for entry in deleted}:
            data[f"entries-{index}-DELETE"] = "1"
    return {**data, **changes}


def status_log(idea):
    return list(
        ModelLogEntry.objects.for_instance(idea).filter(action=STATUS_ACTION).order_by("pk").values_list("data", "user")
    )


def other_site() -> Site:
    root = Page.objects.get(depth=1).add_child(instance=Page(title="Toinen", slug="toinen"))
    return Site.objects.create(hostname="toinen.example.com", root_page=root)


# --- The round's form -------------------------------------------------------------------------------------


def test_creating_a_round_puts_its_published_ideas_to_the_vote(coordinator, site):
    first, second = make_idea(site, title="Ensimmäinen"), make_idea(site, title="Toinen")
    day = make_co_development_day(site)
    response = coordinator.post(reverse(ADD), round_data(site, [second, first], event=day.pk))
    assert response.status_code == 302, response.content.decode()[-3000:]
    voting_round = VotingRound.objects.get()
    assert voting_round.event_id == day.pk and voting_round.site == site["site"]
    assert [entry.idea for entry in voting_round.round_ideas()] == [second, first]
    for idea in (first, second):
        idea.refresh_from_db()
        assert idea.status == IdeaStatus.VOTING
        [(data, user_id)] = status_log(idea)
        assert data["status"] == "voting" and user_id == get_user_model().objects.get(username="koordinaattori").pk


def test_the_round_offers_only_votable_ideas_of_its_place(coordinator, site):
    make_idea(site, title="Julkaistu idea")
    make_idea(site, status=IdeaStatus.AWAITING, title="Odottava idea")
    make_idea(site, status=IdeaStatus.REJECTED, title="Hylätty idea")
    form = coordinator.get(reverse(ADD)).content.decode()
    assert "Julkaistu idea" in form
    assert "Odottava idea" not in form and "Hylätty idea" not in form
    voting_round = make_round(site, [])
    make_idea({"site": other_site()}, title="Toisen paikan idea")
    form = coordinator.get(reverse(EDIT, args=[voting_round.pk])).content.decode()
    assert "Julkaistu idea" in form and "Toisen paikan idea" not in form


def test_a_round_refuses_ideas_and_days_of_another_place(coordinator, site):
    elsewhere = other_site()
    foreign = make_idea({"site": elsewhere}, title="Toisen paikan idea")
    response = coordinator.post(reverse(ADD), round_data(site, [foreign]))
    assert response.status_code == 200 and not VotingRound.objects.exists()
    ours = make_idea(site)
    response = coordinator.post(reverse(ADD), {**round_data(site, [ours]), "site": elsewhere.pk})
    assert response.status_code == 200 and not VotingRound.objects.exists()
    day = make_co_development_day(site)
    response = coordinator.post(reverse(ADD), {**round_data(site, []), "site": elsewhere.pk, "event": day.pk})
    assert response.status_code == 200 and not VotingRound.objects.exists()
    ours.refresh_from_db()
    assert ours.status == IdeaStatus.PUBLISHED


def test_an_idea_taken_out_of_a_round_goes_back_to_published_but_one_with_votes_stays(coordinator, site):
    kept, removed, voted = make_idea(site), make_idea(site), make_idea(site)
    response = coordinator.post(reverse(ADD), round_data(site, [kept, removed, voted]))
    assert response.status_code == 302
    voting_round = VotingRound.objects.get()
    entries = list(voting_round.round_ideas())
    give_votes(voting_round, make_codes(voting_round, 1)[0], [voted])

    refused = coordinator.post(
        reverse(EDIT, args=[voting_round.pk]), round_data(site, [], existing=entries, deleted=entries[2:])
    )
    assert refused.status_code == 200
    assert RoundIdea.objects.filter(round=voting_round).count() == 3

    response = coordinator.post(
        reverse(EDIT, args=[voting_round.pk]), round_data(site, [], existing=entries, deleted=entries[1:2])
    )
    assert response.status_code == 302
    assert set(voting_round.entries.values_list("idea_id", flat=True)) == {kept.pk, voted.pk}
    removed.refresh_from_db()
    kept.refresh_from_db()
    assert removed.status == IdeaStatus.PUBLISHED and kept.status == IdeaStatus.VOTING


def test_the_limit_cannot_drop_below_votes_already_given(coordinator, site):
    ideas = [make_idea(site) for _ in range(3)]
    voting_round = make_round(site, ideas, votes_per_code=3)
    give_votes(voting_round, make_codes(voting_round, 1)[0], ideas)
    entries = list(voting_round.round_ideas())
    data = round_data(site, [], existing=entries, votes_per_code="2", title=voting_round.title)
    assert coordinator.post(reverse(EDIT, args=[voting_round.pk]), data).status_code == 200
    voting_round.refresh_from_db()
    assert voting_round.votes_per_code == 3


def test_the_round_list_links_to_codes_printing_paper_ballots_and_results(coordinator, site):
    voting_round = make_round(site, [make_idea(site)], title=f"Kierros {SCRIPT}")
    body = coordinator.get(reverse(ROUNDS)).content.decode()
    for name in ("ideas_round_codes", "ideas_round_print", "ideas_round_paper", "ideas_round_results"):
        assert reverse(name, args=[voting_round.pk]) in body
    assert SCRIPT not in body and "&lt;script&gt;" in body


def test_putting_ideas_in_a_closed_round_changes_no_status(site, staff):
    idea = make_idea(site)
    past = timezone.now() - datetime.timedelta(days=3)
    voting_round = make_round(site, [], opens_at=past - datetime.timedelta(days=7), closes_at=past)
    with pytest.raises(ValidationError) as refused:
        put_in_round(voting_round, [idea], user=staff)
    assert refused.value.code == "closed"
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PUBLISHED


# --- Codes ------------------------------------------------------------------------------------------------


def test_staff_make_codes_of_eight_characters_with_forty_bits(coordinator, site):
    voting_round = make_round(site, [make_idea(site)])
    response = coordinator.post(reverse("ideas_round_codes", args=[voting_round.pk]), {"count": "25"})
    assert response.status_code == 302
    codes = list(VotingCode.objects.filter(round=voting_round).values_list("code", flat=True))
    assert len(codes) == 25 and len(set(codes)) == 25
    assert all(re.fullmatch(f"[{code_format.ALPHABET}]{{8}}", code) for code in codes)
    assert len(code_format.ALPHABET) ** code_format.LENGTH >= 2**40
    page = coordinator.get(reverse("ideas_round_codes", args=[voting_round.pk])).content.decode()
    assert code_format.grouped(codes[0]) in page
    assert re.search(r'id="codes-issued">25<', page)


def test_too_many_codes_at_once_get_a_message_and_none_are_made(coordinator, site):
    voting_round = make_round(site, [])
    response = coordinator.post(reverse("ideas_round_codes", args=[voting_round.pk]), {"count": "100000"})
    assert response.status_code == 200 and not VotingCode.objects.exists()


def test_an_unused_code_can_be_revoked_and_a_used_one_cannot(coordinator, site):
    idea = make_idea(site)
    voting_round = make_round(site, [idea])
    unused, used = make_codes(voting_round, 2)
    give_votes(voting_round, used, [idea])
    url = reverse("ideas_round_revoke_code", args=[voting_round.pk, unused.pk])
    assert coordinator.post(url).status_code == 302
    unused.refresh_from_db()
    assert unused.revoked_at is not None
    response = coordinator.post(reverse("ideas_round_revoke_code", args=[voting_round.pk, used.pk]), follow=True)
    used.refresh_from_db()
    assert used.revoked_at is None
    with translation.override("fi"):
        assert gettext("This code has already voted, so it cannot be revoked.") in response.content.decode()


def test_a_code_of_another_round_cannot_be_revoked_through_this_one(coordinator, site):
    voting_round, other_round = make_round(site, []), make_round(site, [])
    code = make_codes(other_round, 1)[0]
    assert coordinator.post(reverse("ideas_round_revoke_code", args=[voting_round.pk, code.pk])).status_code == 404
    code.refresh_from_db()
    assert code.revoked_at is None


# --- Results and selection --------------------------------------------------------------------------------


def closed_round(site, ideas, **fields):
    past = timezone.now() - datetime.timedelta(days=1)
    return make_round(site, ideas, opens_at=past - datetime.timedelta(days=7), closes_at=past, **fields)


def test_the_results_page_shows_the_tally_and_turnout(coordinator, site):
    first, second = make_idea(site, status=IdeaStatus.VOTING), make_idea(site, status=IdeaStatus.VOTING)
    voting_round = closed_round(site, [first, second])
    codes = make_codes(voting_round, 4)
    give_votes(voting_round, codes[0], [first, second])
    give_votes(voting_round, codes[1], [first])
    body = coordinator.get(reverse("ideas_round_results", args=[voting_round.pk])).content.decode()
    assert re.search(r'id="results-votes">3<', body)
    assert re.search(r'id="results-codes-used">2<', body) and re.search(r'id="results-codes-issued">4<', body)
    assert re.search(r'id="results-turnout">50 %<', body)
    table = body.split('id="results-table"')[1]
    assert table.index(first.title) < table.index(second.title)


def test_selecting_ideas_updates_their_status_timeline_and_the_round(coordinator, site):
    chosen = make_idea(site, status=IdeaStatus.VOTING, title="Valittu")
    other = make_idea(site, status=IdeaStatus.VOTING, title="Ei valittu")
    elsewhere = make_idea(site, status=IdeaStatus.VOTING, title="Toisessakin kierroksessa")
    voting_round = closed_round(site, [chosen, other, elsewhere])
    make_round(site, [elsewhere])  # still open
    url = reverse("ideas_round_results", args=[voting_round.pk])
    response = coordinator.post(url, {"selected": [chosen.pk], "note": "Työstetään toukokuussa."})
    assert response.status_code == 302
    for idea in (chosen, other, elsewhere):
        idea.refresh_from_db()
    assert chosen.status == IdeaStatus.SELECTED and chosen.status_note == "Työstetään toukokuussa."
    assert [entry.status for entry in chosen.timeline()][-1] == "selected"
    assert status_log(chosen)[-1][1] == get_user_model().objects.get(username="koordinaattori").pk
    assert other.status == IdeaStatus.PUBLISHED and elsewhere.status == IdeaStatus.VOTING
    assert list(voting_round.entries.filter(selected=True).values_list("idea_id", flat=True)) == [chosen.pk]

    coordinator.post(url, {"selected": [other.pk]})
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert other.status == IdeaStatus.SELECTED and chosen.status == IdeaStatus.PUBLISHED


def test_selection_waits_until_the_round_closes(coordinator, site, staff):
    idea = make_idea(site, status=IdeaStatus.VOTING)
    voting_round = make_round(site, [idea])
    response = coordinator.post(reverse("ideas_round_results", args=[voting_round.pk]), {"selected": [idea.pk]})
    assert response.status_code == 200
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.VOTING
    with pytest.raises(ValidationError) as refused:
        select(voting_round, [idea.pk], user=staff)
    assert refused.value.code == "open"


def test_only_the_rounds_ideas_can_be_selected(site, staff):
    idea, outsider = make_idea(site, status=IdeaStatus.VOTING), make_idea(site)
    voting_round = closed_round(site, [idea])
    with pytest.raises(ValidationError) as refused:
        select(voting_round, [outsider.pk], user=staff)
    assert refused.value.code == "not_in_round"
    outsider.refresh_from_db()
    assert outsider.status == IdeaStatus.PUBLISHED
