"""Proposing an idea at `/ideat/ehdota/`: no account, stored AWAITING moderation, bad input refused with a
clear message and nothing stored, robots and floods turned away."""

import uuid

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from ideas.forms import HONEYPOT
from ideas.models import Idea, IdeaStatus, IdeaTheme, TaggedIdea
from ideas.models.idea_routes import PROPOSALS_OVERALL, PROPOSALS_PER_CLIENT
from tests.events.builders import translate

from .builders import make_ideas_site

URL = "/ideat/ehdota/"


@pytest.fixture
def site(db):
    site = make_ideas_site()
    site["themes"] = [
        IdeaTheme.objects.create(name="Ulkoilu", slug="ulkoilu", name_en="Outdoors", name_sv="Utomhus"),
        IdeaTheme.objects.create(name="Ruoka", slug="ruoka", name_en="Food"),
    ]
    site["ideas_page_en"] = translate(site["ideas_page"], "en", title="Ideas")
    return site


def proposal(**fields) -> dict:
    return {
        "title": "Vauvojen musiikkiaamu",
        "description": "Perjantaisin laulua ja soittimia vauvoille.\nVanhemmat voisivat tutustua.",
        "language": "fi",
        "submission_key": str(uuid.uuid4()),
        **fields,
    }


def test_the_form_asks_in_the_readers_language_and_suggests_it_as_the_ideas_language(client, site):
    response = client.get("/en/ideat/ehdota/")
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override("en"):
        assert gettext("Your idea in a few words") in html
        assert gettext("Leave this field empty") in html  # the trap, labelled for anyone who sees it without CSS
    assert '<option value="en" selected>' in html
    assert 'class="form-trap" aria-hidden="true"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "no-cache" in response["Cache-Control"]


def test_a_proposal_is_stored_awaiting_moderation_and_the_family_is_told_what_happens_next(client, site):
    data = proposal(themes=["ulkoilu"], by_child="on", author_name="Aino", email="aino@example.fi")
    response = client.post("/en/ideat/ehdota/", data, REMOTE_ADDR="10.0.0.1")
    idea = Idea.objects.get()
    assert idea.status == IdeaStatus.AWAITING
    assert idea.site == site["site"]
    assert idea.contact_language == "en"
    assert (idea.title, idea.author_name, idea.email, idea.by_child) == (
        "Vauvojen musiikkiaamu",
        "Aino",
        "aino@example.fi",
        True,
    )
    assert idea.description == "Perjantaisin laulua ja soittimia vauvoille.\nVanhemmat voisivat tutustua."
    assert [row.tag.slug for row in TaggedIdea.objects.filter(content_object=idea)] == ["ulkoilu"]
    assert idea.published_at is None
    assert response.status_code == 302
    assert response["Location"].startswith("/en/ideat/ehdota/kiitos/?s=")
    assert "aino" not in response["Location"].lower()

    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    with translation.override("en"):
        assert gettext("Thank you for your idea") in html
        assert "within 7 days" in html
        assert gettext("You gave an e-mail address, so we write to you") in html
        assert str(IdeaStatus.VOTING.label) in html
    assert "aino@example.fi" not in html


def test_without_an_email_the_confirmation_says_no_mail_will_come(client, site):
    response = client.post(URL, proposal(), follow=True)
    assert Idea.objects.get().email == ""
    with translation.override("fi"):
        assert gettext("You did not give an e-mail address") in response.content.decode()


def test_a_tampered_confirmation_link_makes_no_claim_about_mail(client, site):
    html = client.get("/ideat/ehdota/kiitos/?s=forged").content.decode()
    assert gettext("You gave an e-mail address") not in html
    assert gettext("You did not give an e-mail address") not in html
    assert gettext("Thank you for your idea") in html


def test_an_awaiting_idea_is_nowhere_public(client, site):
    client.post(URL, proposal(title="Salainen ehdotus"))
    idea = Idea.objects.get()
    assert "Salainen ehdotus" not in client.get("/ideat/").content.decode()
    assert client.get(f"/ideat/{idea.pk}/").status_code == 404
    assert "Salainen ehdotus" not in client.get("/ideat/syote/").content.decode()
    assert "Salainen ehdotus" not in client.get("/ideat/avoin-data/ideat/csv/").content.decode()


def test_a_double_submit_stores_one_idea(client, site):
    data = proposal()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert Idea.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"].startswith("/ideat/ehdota/kiitos/")
    assert first.status_code == 302


@pytest.mark.parametrize("field", ["title", "description", "author_name"])
@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "javascript:alert(1)"])
def test_script_and_javascript_links_are_stored_as_text(client, site, field, text):
    client.post(URL, proposal(**{field: text}))
    assert getattr(Idea.objects.get(), field) == text


def test_a_script_in_the_e_mail_field_is_refused(client, site):
    response = client.post("/en/ideat/ehdota/", proposal(email="<script>alert(1)</script>"))
    assert not Idea.objects.exists()
    html = response.content.decode()
    with translation.override("en"):
        assert gettext("Write the e-mail address in the form name@example.fi, or leave it empty.") in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # kept in the field, escaped


def test_a_100000_character_description_is_refused_and_the_text_is_kept(client, site):
    response = client.post("/en/ideat/ehdota/", proposal(description="a" * 100_000))
    assert response.status_code == 200
    assert not Idea.objects.exists()
    with translation.override("en"):
        assert "Use at most 4000 characters (you wrote 100000)." in response.content.decode()
    assert 'value="Vauvojen musiikkiaamu"' in response.content.decode()


@pytest.mark.parametrize("field", ["title", "description", "author_name", "photo_alt"])
@pytest.mark.parametrize("hidden", ["\u202e", "\x00", "\x1b", "\u2066"])
def test_control_and_direction_characters_are_refused(client, site, field, hidden):
    response = client.post("/en/ideat/ehdota/", proposal(**{field: f"Kiva{hidden}idea"}))
    assert not Idea.objects.exists()
    with translation.override("en"):
        assert gettext("The text contains hidden control or text-direction characters") in response.content.decode()


def test_missing_fields_get_an_error_summary_in_the_readers_language(client, site):
    translate(site["ideas_page"], "sv", title="Idéer")
    response = client.post("/sv/ideat/ehdota/", {"submission_key": str(uuid.uuid4())})
    html = response.content.decode()
    assert not Idea.objects.exists()
    with translation.override("sv"):
        assert gettext("Please check the form") in html
        assert gettext("Write your idea in a few words.") in html
        assert gettext("Choose the language you wrote in.") in html
    assert 'class="error-summary"' in html


def test_an_unknown_theme_or_language_is_refused(client, site):
    response = client.post("/en/ideat/ehdota/", proposal(themes=["no-such-theme"], language="xx"))
    assert not Idea.objects.exists()
    html = response.content.decode()
    with translation.override("en"):
        assert gettext("Choose the themes from the list.") in html
        assert gettext("Choose the language from the list.") in html


def test_a_filled_honeypot_is_answered_as_done_and_nothing_is_stored(client, site):
    response = client.post(URL, proposal(**{HONEYPOT: "http://spam.example"}))
    assert response.status_code == 302
    assert response["Location"].startswith("/ideat/ehdota/kiitos/")
    assert not Idea.objects.exists()


def test_a_client_proposing_too_much_gets_the_429_page_and_nothing_more_is_stored(client, site):
    for _ in range(PROPOSALS_PER_CLIENT.hits):
        assert client.post(URL, proposal(), REMOTE_ADDR="10.0.0.9").status_code == 302
    response = client.post("/en/ideat/ehdota/", proposal(), REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert Idea.objects.count() == PROPOSALS_PER_CLIENT.hits
    with translation.override("en"):
        assert gettext("Too many tries") in response.content.decode()
    # Another family on another connection can still propose.
    assert client.post(URL, proposal(), REMOTE_ADDR="10.0.0.10").status_code == 302
    assert Idea.objects.count() == PROPOSALS_PER_CLIENT.hits + 1


def test_the_whole_site_stops_taking_proposals_past_the_overall_limit(client, site):
    cache.set("throttle:ideas-propose:all", PROPOSALS_OVERALL.hits, timeout=60)
    response = client.post(URL, proposal(), REMOTE_ADDR="10.0.0.11")
    assert response.status_code == 429
    assert not Idea.objects.exists()


def test_honeypot_hits_count_towards_the_limit(client, site):
    for _ in range(PROPOSALS_PER_CLIENT.hits):
        client.post(URL, proposal(**{HONEYPOT: "x"}), REMOTE_ADDR="10.0.0.12")
    assert client.post(URL, proposal(), REMOTE_ADDR="10.0.0.12").status_code == 429
    assert not Idea.objects.exists()


def test_other_methods_are_not_allowed(client, site):
    assert client.put(URL).status_code == 405
    assert client.post("/ideat/").status_code == 405


@override_settings(KOHTAAMO_IDEA_MODERATION_DAYS=3)
def test_the_promised_days_follow_the_setting(client, site):
    with translation.override("en"):
        html = client.get("/en/ideat/ehdota/kiitos/").content.decode()
    assert "within 3 days" in html
