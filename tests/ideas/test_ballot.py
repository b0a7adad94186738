"""The voter's side of `/ideat/`: entering a code, the ballot, changing votes, the thank-you page, clear
messages for every refused code or ballot (with nothing stored), and the throttle on guessing codes."""

import datetime
import logging
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale, Site

from ideas.codes import ALPHABET
from ideas.models import REFUSALS, Vote, VotingCode, VotingRound, voting_routes
from pages.components import moment
from pages.throttle import Limit
from tests.events.builders import translate
from tests.ideas.builders import give_votes, make_co_development_day, make_codes, make_idea, make_ideas_site, make_round

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def voting():
    site = make_ideas_site()
    ideas = [make_idea(site, title=f"Idea number {number}", language="fi") for number in range(5)]
    day = make_co_development_day(site, title="Kehittämispäivä")
    translate(site["ideas_page"], "en")
    translate(day, "en", title="Co-development day in spring")
    voting_round = make_round(site, ideas, votes_per_code=3, event=day)
    codes = make_codes(voting_round, 4)
    return {"site": site, "ideas": ideas, "round": voting_round, "codes": codes, "day": day}


def en(message) -> str:
    with translation.override("en"):
        return escape(str(message))


def refusal(reason: str, **params) -> str:
    with translation.override("en"):
        message = str(REFUSALS[reason])
        return escape(message % params if params else message)


def ballot_url(voting_round) -> str:
    return f"/en/ideat/aanesta/{voting_round.pk}/"


def stored(code=None) -> set[tuple[int, int]]:
    votes = Vote.objects.all() if code is None else Vote.objects.filter(code=code)
    return set(votes.values_list("code_id", "idea_id"))


def ids(ideas) -> list[int]:
    return [idea.pk for idea in ideas]


def cast(client, voting_round, code_text: str, ticked, shown=()):
    return client.post(ballot_url(voting_round), {"koodi": code_text, "ideat": ticked, "shown": list(shown)})


def main(response) -> str:
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


# Entering a code


def test_the_vote_page_explains_voting_and_lists_open_rounds_with_their_day_in_the_readers_language(client, voting):
    closed = make_round(voting["site"], voting["ideas"][:2], opens_at=timezone.now() - 48 * HOUR,
                        closes_at=timezone.now() - HOUR, title="Syksyn äänestys")  # fmt: skip
    upcoming = make_round(voting["site"], voting["ideas"][:2], opens_at=timezone.now() + HOUR, title="Tuleva")
    response = client.get("/en/ideat/aanesta/")
    body = main(response)
    assert response.status_code == 200
    assert en("You can change your votes with the same code until the vote closes.")[:40] in body
    assert "Co-development day in spring" in body and "Kehittämispäivä" not in body
    day_url = voting["day"].get_translation(translation_locale("en")).url
    assert f'href="{day_url}"' in body
    assert f'href="{ballot_url(voting["round"])}"' in body
    assert f'href="/en/ideat/aanestykset/{closed.pk}/"' in body  # the results of a closed round
    assert f"/aanesta/{upcoming.pk}/" not in body and "Tuleva" not in body
    assert '<form method="get" action="/en/ideat/aanesta/"' in body


def translation_locale(language: str):
    return Locale.objects.get(language_code=language)


@pytest.mark.parametrize("typed", ["{grouped}", "{lower}", " {spaced} "])
def test_a_valid_code_typed_in_any_form_opens_its_rounds_ballot(client, voting, typed):
    code = voting["codes"][0]
    text = typed.format(grouped=code.printed, lower=code.printed.lower(), spaced=" ".join(code.code))
    response = client.get("/en/ideat/aanesta/", {"koodi": text})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == ballot_url(voting["round"])
    assert parse_qs(location.query) == {"koodi": [code.printed]}


def test_each_refused_code_gets_its_own_message_on_the_same_page_and_keeps_what_was_typed(client, voting):
    site = voting["site"]
    revoked = voting["codes"][1]
    revoked.revoke()
    closed = make_round(site, voting["ideas"][:2], opens_at=timezone.now() - 48 * HOUR,
                        closes_at=timezone.now() - HOUR)  # fmt: skip
    upcoming = make_round(site, voting["ideas"][:2], opens_at=timezone.now() + HOUR)
    paper = voting["codes"][2]
    give_votes(voting["round"], paper, voting["ideas"][:1], channel="paper")
    cases = {
        "ZZZZ-ZZZZ": "unknown",
        "not a code <b>": "unknown",
        revoked.printed: "revoked",
        make_codes(closed, 1)[0].printed: "closed",
        make_codes(upcoming, 1)[0].printed.lower(): "upcoming",
        paper.printed: "other_channel",
    }
    for typed, reason in cases.items():
        response = client.get("/en/ideat/aanesta/", {"koodi": typed})
        body = main(response)
        assert response.status_code == 200, typed
        assert refusal(reason) in body, (typed, reason)
        assert f'value="{escape(typed)}"' in body, typed
        assert 'aria-invalid="true"' in body
        if reason == "closed":
            assert f'href="/en/ideat/aanestykset/{closed.pk}/"' in body
    assert not Vote.objects.exclude(code=paper).exists()


def test_an_empty_code_asks_for_the_code(client, voting):
    body = main(client.get("/en/ideat/aanesta/", {"koodi": ""}))
    assert en(gettext("Type the code from your slip.")) in body


def test_the_code_of_another_round_is_refused_on_a_rounds_ballot(client, voting):
    other = make_round(voting["site"], voting["ideas"][:2])
    code = make_codes(other, 1)[0]
    response = client.get(ballot_url(voting["round"]), {"koodi": code.printed})
    assert refusal("other_round") in main(response)
    assert 'name="ideat"' not in main(response)


def test_a_ballot_address_without_a_code_asks_for_it_for_that_round(client, voting):
    response = client.get(ballot_url(voting["round"]))
    body = main(response)
    assert response.status_code == 200
    assert "Co-development day in spring" in body
    assert f'<form method="get" action="{ballot_url(voting["round"])}"' in body
    assert 'name="ideat"' not in body and "error-summary" not in body


def test_a_missing_round_and_another_sites_round_are_not_found(client, voting):
    other_site = Site.objects.create(hostname="toinen.example", port=80, root_page=voting["site"]["home"])
    theirs = VotingRound.objects.create(site=other_site, title="Toinen", opens_at=timezone.now() - HOUR,
                                        closes_at=timezone.now() + HOUR)  # fmt: skip
    code = make_codes(theirs, 1)[0]
    assert client.get(ballot_url(theirs), {"koodi": code.printed}).status_code == 404
    assert cast(client, theirs, code.printed, []).status_code == 404
    assert client.get(f"/en/ideat/aanestykset/{theirs.pk}/").status_code == 404
    assert client.get("/en/ideat/aanesta/999999/").status_code == 404
    assert client.get("/en/ideat/aanesta/", {"koodi": code.printed}).status_code == 200  # unknown here
    assert not Vote.objects.exists()


# The ballot


def test_the_ballot_shows_the_rounds_ideas_with_the_codes_votes_ticked_and_the_votes_left(client, voting):
    code, ideas = voting["codes"][0], voting["ideas"]
    give_votes(voting["round"], code, ideas[1:2])
    ideas[4].title = "<script>alert(1)</script>"
    ideas[4].save()
    response = client.get(ballot_url(voting["round"]), {"koodi": code.code.lower()})
    body = main(response)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0") and "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "Co-development day in spring" in body
    assert en(ngettext("You have %(left)s vote left.", "You have %(left)s votes left.", 2) % {"left": 2}) in body
    ticked = re.findall(r'name="ideat" value="(\d+)"[^>]* checked', body)
    assert ticked == [str(ideas[1].pk)]
    assert re.findall(r'name="ideat" value="(\d+)"', body) == [str(pk) for pk in ids(ideas)]
    assert re.findall(r'name="shown" value="(\d+)"', body) == [str(ideas[1].pk)]
    assert f'name="koodi" value="{code.printed}"' in body
    assert f'href="/en/ideat/{ideas[0].pk}/"' in body
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_casting_stores_the_votes_and_the_thank_you_page_lists_them_without_the_code_in_its_address(client, voting):
    code, ideas = voting["codes"][0], voting["ideas"]
    response = cast(client, voting["round"], code.printed.lower(), ids(ideas[:2]))
    assert response.status_code == 302
    assert stored(code) == {(code.pk, ideas[0].pk), (code.pk, ideas[1].pk)}
    assert VotingCode.objects.get(pk=code.pk).channel == "online"
    location = response["Location"]
    assert location.startswith(f"/en/ideat/aanesta/{voting['round'].pk}/kiitos/?")
    assert code.code not in location.upper().replace("-", "") and code.printed not in location
    thanks = client.get(location)
    body = main(thanks)
    assert thanks.status_code == 200
    assert "no-store" in thanks["Cache-Control"]
    assert "Idea number 0" in body and "Idea number 1" in body and "Idea number 2" not in body
    assert (
        en(ngettext("You still have %(left)s vote to give.", "You still have %(left)s votes to give.", 1) % {"left": 1})
        in body
    )
    assert code.printed not in body
    assert f'href="{ballot_url(voting["round"])}"' in body


def test_opening_the_ballot_again_changes_the_votes(client, voting):
    code, ideas = voting["codes"][0], voting["ideas"]
    cast(client, voting["round"], code.printed, ids(ideas[:3]))
    response = cast(client, voting["round"], code.printed, ids(ideas[1:4]), shown=ids(ideas[:3]))
    assert response.status_code == 302
    assert stored(code) == {(code.pk, idea.pk) for idea in ideas[1:4]}
    response = cast(client, voting["round"], code.printed, [], shown=ids(ideas[1:4]))  # untick all: votes back
    assert response.status_code == 302
    assert stored(code) == set()
    assert en(gettext("You have no votes now.")) in main(client.get(response["Location"]))


def test_a_ballot_with_nothing_ticked_asks_for_an_idea(client, voting):
    response = cast(client, voting["round"], voting["codes"][0].printed, [])
    assert response.status_code == 200
    assert en(gettext("Tick at least one idea to vote for it.")) in main(response)
    assert not Vote.objects.exists()


def test_too_many_ideas_reshow_the_ballot_with_an_error_and_what_was_ticked(client, voting):
    code, ideas = voting["codes"][0], voting["ideas"]
    give_votes(voting["round"], code, ideas[:1])
    response = cast(client, voting["round"], code.printed, ids(ideas[1:4]), shown=[])
    body = main(response)
    assert response.status_code == 200
    assert 'class="error-summary"' in body and refusal("too_many", limit=3) in body
    assert re.findall(r'name="ideat" value="(\d+)"[^>]* checked', body) == [str(pk) for pk in ids(ideas[1:4])]
    assert en(ngettext("You have %(left)s vote left.", "You have %(left)s votes left.", 2) % {"left": 2}) in body
    assert stored(code) == {(code.pk, ideas[0].pk)}


@pytest.mark.parametrize(
    "ticked",
    [["{other}"], ["999999"], ["yksi"], ["{first}", "1e3"], ["<script>alert(1)</script>"]],
    ids=["another rounds idea", "made-up id", "not a number", "one bad among good", "script"],
)
def test_ideas_not_in_the_round_are_refused_and_nothing_is_stored(client, voting, ticked):
    other = make_round(voting["site"], [make_idea(voting["site"])])
    other_idea = other.entries.get().idea_id
    values = [value.format(other=other_idea, first=voting["ideas"][0].pk) for value in ticked]
    response = cast(client, voting["round"], voting["codes"][0].printed, values)
    body = main(response)
    assert response.status_code == 200
    assert refusal("not_in_round") in body
    assert "<script>alert(1)</script>" not in body
    assert 'href="#id_ideat"' in body and 'id="id_ideat"' in body
    assert not Vote.objects.exists()


def test_tampered_shown_values_are_refused(client, voting):
    response = cast(client, voting["round"], voting["codes"][0].printed, ids(voting["ideas"][:1]), shown=["999999"])
    assert refusal("not_in_round") in main(response)
    assert not Vote.objects.exists()


@pytest.mark.parametrize(
    "kind, reason",
    [
        ("wrong letter", "unknown"),
        ("too long", "unknown"),
        ("script", "unknown"),
        ("revoked", "revoked"),
        ("other round", "other_round"),
        ("empty", "required"),
    ],
)
def test_a_ballot_with_a_tampered_or_refused_code_shows_the_code_form_and_stores_nothing(client, voting, kind, reason):
    code = voting["codes"][0]
    texts = {
        "wrong letter": code.code[:-1] + ("A" if code.code[-1] != "A" else "B"),
        "too long": code.code + "Z" * 50,
        "script": '"><script>alert(1)</script>',
        "revoked": voting["codes"][1].printed,
        "other round": make_codes(make_round(voting["site"], voting["ideas"][:1]), 1)[0].printed,
        "empty": "",
    }
    if kind == "revoked":
        voting["codes"][1].revoke()
    response = cast(client, voting["round"], texts[kind], ids(voting["ideas"][:1]))
    body = main(response)
    assert response.status_code == 200
    assert (en(gettext("Type the code from your slip.")) if reason == "required" else refusal(reason)) in body
    assert 'name="ideat"' not in body and '<form method="get"' in body
    assert "<script>alert(1)</script>" not in body
    assert not Vote.objects.exists()


def test_a_closed_round_refuses_the_ballot_and_shows_it_without_a_save_button(client, voting):
    code, ideas = voting["codes"][0], voting["ideas"]
    give_votes(voting["round"], code, ideas[:1])
    VotingRound.objects.filter(pk=voting["round"].pk).update(
        opens_at=timezone.now() - 48 * HOUR, closes_at=timezone.now() - HOUR
    )
    response = cast(client, voting["round"], code.printed, ids(ideas[1:2]), shown=[])  # a ballot drawn before closing
    body = main(response)
    assert response.status_code == 200
    assert refusal("closed") in body and 'class="error-summary"' in body
    assert "Save my votes" not in body and " disabled" in body
    assert stored(code) == {(code.pk, ideas[0].pk)}
    opened = main(client.get(ballot_url(voting["round"]), {"koodi": code.printed}))
    assert refusal("closed") in opened and 'name="ideat"' not in opened


def test_a_code_used_on_paper_cannot_vote_online(client, voting):
    code, ideas = voting["codes"][0], voting["ideas"]
    give_votes(voting["round"], code, ideas[:1], channel="paper")
    response = cast(client, voting["round"], code.printed, ids(ideas[1:2]))
    assert refusal("other_channel") in main(response)
    assert stored(code) == {(code.pk, ideas[0].pk)}


def test_the_thank_you_page_needs_a_genuine_link_for_the_round(client, voting):
    code = voting["codes"][0]
    cast(client, voting["round"], code.printed, ids(voting["ideas"][:1]))
    token = voting_routes.voted_token(code)
    other = make_round(voting["site"], voting["ideas"][:1])
    for round_id, value in [(voting["round"].pk, token + "x"), (voting["round"].pk, ""), (other.pk, token)]:
        response = client.get(f"/en/ideat/aanesta/{round_id}/kiitos/", {"k": value})
        assert response.status_code == 302
        assert response["Location"] == f"/en/ideat/aanesta/{round_id}/"


# Guessing codes


def test_failed_code_checks_are_throttled_per_client_and_then_even_a_valid_code_waits(client, voting, caplog):
    valid = voting["codes"][0]
    limit = voting_routes.GUESSES_PER_CLIENT.hits
    with caplog.at_level(logging.INFO, logger="ideas.voting"):
        for number in range(limit):
            guess = f"ZZZZ-Z{ALPHABET[number // 32 % 32]}{ALPHABET[number % 32]}Z"
            response = client.get("/en/ideat/aanesta/", {"koodi": guess})
            assert response.status_code == 200, number
        for _number in range(3):  # text that cannot be a code guesses nothing and is not counted
            assert client.get("/en/ideat/aanesta/", {"koodi": "1234"}).status_code == 200
        assert client.get("/en/ideat/aanesta/", {"koodi": valid.printed}).status_code == 302
        over = client.get(ballot_url(voting["round"]), {"koodi": "ZZZZ-ZZZZ"})
    assert over.status_code == 429 and over["Retry-After"] == str(voting_routes.GUESSES_PER_CLIENT.seconds)
    assert client.get("/en/ideat/aanesta/", {"koodi": valid.printed}).status_code == 429
    assert cast(client, voting["round"], valid.printed, ids(voting["ideas"][:1])).status_code == 429
    assert not Vote.objects.exists()
    other_family = client.get("/en/ideat/aanesta/", {"koodi": valid.printed}, REMOTE_ADDR="10.0.0.9")
    assert other_family.status_code == 302
    logged = [record.getMessage() for record in caplog.records if record.name == "ideas.voting"]
    assert len([line for line in logged if "refused: unknown" in line]) == limit + 1
    assert len([line for line in logged if "refused: malformed" in line]) == 3
    assert all("ZZZZ" not in line and "127.0.0.1" not in line for line in logged)
    assert f"(round {voting['round'].pk})" in logged[-2]


def test_failed_code_checks_are_capped_for_the_whole_site(client, voting, monkeypatch):
    monkeypatch.setattr(voting_routes, "GUESSES_OVERALL", Limit(5, 600))
    for number in range(6):
        response = client.get("/en/ideat/aanesta/", {"koodi": "ZZZZ-ZZZZ"}, REMOTE_ADDR=f"10.0.1.{number}")
        assert response.status_code == (429 if number == 5 else 200), number
    blocked = client.get("/en/ideat/aanesta/", {"koodi": voting["codes"][0].printed}, REMOTE_ADDR="10.0.2.1")
    assert blocked.status_code == 429


def test_valid_codes_from_one_address_are_never_throttled(client, voting):
    codes = make_codes(voting["round"], 40)
    for code in codes:
        response = cast(client, voting["round"], code.printed, ids(voting["ideas"][:1]))
        assert response.status_code == 302
    assert Vote.objects.count() == 40


def test_a_tampered_code_in_a_ballot_counts_as_a_guess(client, voting, monkeypatch):
    monkeypatch.setattr(voting_routes, "GUESSES_PER_CLIENT", Limit(2, 600))
    responses = [cast(client, voting["round"], "ZZZZ-ZZZZ", ids(voting["ideas"][:1])).status_code for _ in range(4)]
    assert responses == [200, 200, 429, 429]


def test_pages_answer_only_the_methods_they_use(client, voting):
    round_id = voting["round"].pk
    for path in ["/en/ideat/aanesta/", f"/en/ideat/aanesta/{round_id}/kiitos/", f"/en/ideat/aanestykset/{round_id}/"]:
        assert client.post(path, {"koodi": voting["codes"][0].printed}).status_code == 405, path
    assert client.put(ballot_url(voting["round"])).status_code == 405
    assert not Vote.objects.exists()


def test_a_code_of_a_round_not_open_yet_says_when_it_opens(client, voting):
    opens = timezone.now() + 30 * HOUR
    upcoming = make_round(voting["site"], voting["ideas"][:2], opens_at=opens, event=voting["day"])
    code = make_codes(upcoming, 1)[0]
    body = main(client.get("/en/ideat/aanesta/", {"koodi": code.printed}))
    assert refusal("upcoming") in body
    with translation.override("en"):
        assert f"Opens {moment(opens).date_text} at {moment(opens).time_text}" in body
    assert "Co-development day in spring" in body
