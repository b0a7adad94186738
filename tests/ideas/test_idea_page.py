"""An idea's own page `/ideat/<id>/`: only for a public idea of this place; its words in its language, its
status with the public note, the staff's response, what happened, and the votes it was in."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Site

from ideas.models import IdeaStatus, IdeaTheme, TaggedIdea
from ideas.tokens import contact_token
from tests.events.builders import translate

from .builders import give_votes, make_co_development_day, make_codes, make_idea, make_ideas_site, make_round


@pytest.fixture
def site(db):
    site = make_ideas_site()
    translate(site["ideas_page"], "en", title="Ideas")
    return site


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("status", [IdeaStatus.AWAITING, IdeaStatus.REJECTED])
def test_an_idea_that_is_not_public_is_not_found(client, site, status):
    idea = make_idea(site, status=status)
    assert client.get(f"/ideat/{idea.pk}/").status_code == 404
    assert client.get(f"/en/ideat/{idea.pk}/").status_code == 404


def test_an_idea_of_another_place_or_that_does_not_exist_is_not_found(client, site):
    other_place = Site.objects.create(hostname="other.example", port=80, root_page=site["home"])
    idea = make_idea({"site": other_place})
    assert client.get(f"/ideat/{idea.pk}/").status_code == 404
    assert client.get("/ideat/999999/").status_code == 404


def test_the_page_shows_the_idea_in_its_own_language_with_its_themes_and_name(client, site):
    idea = make_idea(
        site,
        title="Musikmorgon för bebisar",
        description="Sång på fredagar.\nFöräldrarna lär känna varandra.",
        language="sv",
        author_name="Aino",
        by_child=True,
    )
    TaggedIdea.objects.create(tag=IdeaTheme.objects.create(name="Musiikki", name_en="Music"), content_object=idea)
    html = page(client, f"/en/ideat/{idea.pk}/")
    assert '<h1 id="idea-title" lang="sv" dir="auto">Musikmorgon för bebisar</h1>' in html
    assert '<div class="prose idea-text" lang="sv" dir="auto"><p>Sång på fredagar.<br>Föräldrarna' in html
    assert "Music" in html
    with translation.override("en"):
        assert gettext("A child's idea, proposed by %(name)s") % {"name": "Aino"} in html
    assert html.count("<h1") == 1


def test_without_a_name_the_idea_is_from_a_family_in_the_readers_language(client, site):
    idea = make_idea(site)
    html = page(client, f"/en/ideat/{idea.pk}/")
    with translation.override("en"):
        assert gettext("Proposed by %(name)s") % {"name": gettext("a family")} in html


def test_every_text_field_is_escaped(client, site):
    script, link = "<script>alert(1)</script>", "javascript:alert(1)"
    idea = make_idea(
        site,
        title=script,
        description=f"{script} {link}",
        author_name=script,
        status_note=script,
        response=f"{script} <a href='{link}'>x</a>",
        photo_alt=script,
    )
    html = page(client, f"/ideat/{idea.pk}/")
    assert script not in html
    assert "<a href='javascript" not in html and 'href="javascript' not in html
    assert html.count("&lt;script&gt;") >= 4


def test_status_note_staff_response_and_the_merged_idea_are_shown(client, site):
    target = make_idea(site, title="Yhteinen retkipäivä")
    idea = make_idea(site, title="Retki metsään")
    idea.set_status(IdeaStatus.MERGED, merged_into=target, note="Sama kuin retkipäivä.")
    idea.response = "Kiitos, teemme tämän yhdessä."
    idea.save()
    html = page(client, f"/en/ideat/{idea.pk}/")
    assert str(IdeaStatus.MERGED.label) in html
    assert "Sama kuin retkipäivä." in html
    assert "Kiitos, teemme tämän yhdessä." in html
    assert f'<a href="/en/ideat/{target.pk}/" lang="fi" dir="auto">Yhteinen retkipäivä</a>' in html


def test_a_merge_into_an_idea_that_is_not_public_does_not_link_to_it(client, site):
    target = make_idea(site, title="Piilossa", status=IdeaStatus.REJECTED)
    idea = make_idea(site)
    idea.set_status(IdeaStatus.MERGED, merged_into=target)
    html = page(client, f"/ideat/{idea.pk}/")
    assert "Piilossa" not in html
    assert f"/ideat/{target.pk}/" not in html


def test_the_timeline_shows_the_public_history_without_who_made_the_changes(client, site, django_user_model):
    staff = django_user_model.objects.create_user("moderaattori", password="x" * 16, first_name="Maija")
    idea = make_idea(site, status=IdeaStatus.AWAITING, created_at=timezone.now() - datetime.timedelta(days=3))
    idea.set_status(IdeaStatus.PUBLISHED, user=staff, at=timezone.now() - datetime.timedelta(days=2))
    idea.set_status(IdeaStatus.NOT_TAKEN_FORWARD, user=staff, note="Tila ei riitä tähän.")
    html = page(client, f"/en/ideat/{idea.pk}/")
    timeline = html[html.index('id="timeline-heading"') :]
    with translation.override("en"):
        for label in (gettext("Proposed"), str(IdeaStatus.PUBLISHED.label), str(IdeaStatus.NOT_TAKEN_FORWARD.label)):
            assert label in timeline
        assert timeline.index(gettext("Proposed")) < timeline.index(str(IdeaStatus.PUBLISHED.label))
    assert "Tila ei riitä tähän." in timeline
    assert "moderaattori" not in html and "Maija" not in html
    assert '<time datetime="' in timeline


def test_the_rounds_show_their_day_and_the_votes_once_results_are_visible(client, site):
    now = timezone.now()
    idea = make_idea(site, status=IdeaStatus.VOTING)
    day = make_co_development_day(site, title="Kevään yhteiskehittämisen päivä")
    translate(day, "en", title="Spring co-development day")
    closed = make_round(site, [idea], opens_at=now - datetime.timedelta(days=9), closes_at=now, event=day)
    hidden = make_round(site, [idea], title="Secret tally")
    for code in make_codes(closed, 4):
        give_votes(closed, code, [idea])
    for code in make_codes(hidden, 2):
        give_votes(hidden, code, [idea])
    html = page(client, f"/en/ideat/{idea.pk}/")
    assert "Spring co-development day" in html
    assert f'<a href="/en/tapahtumat/{day.slug}/">Spring co-development day</a>' in html
    with translation.override("en"):
        assert "This idea has 4 votes." in html
        assert "This idea has 2 votes." not in html  # results of the open round are not out
        assert gettext("The vote is open.") in html
    assert f'href="/en/ideat/aanestykset/{closed.pk}/"' in html
    assert f'href="/en/ideat/aanestykset/{hidden.pk}/"' not in html
    assert 'href="/en/ideat/aanesta/"' in html


def test_stopping_updates_erases_the_e_mail_after_a_confirming_post(client, site):
    idea = make_idea(site, status=IdeaStatus.AWAITING, email="aino@example.fi")
    url = f"/en/ideat/paivitykset/{contact_token(idea.pk)}/"
    html = page(client, url)
    assert "aino@example.fi" not in html
    with translation.override("en"):
        assert gettext("Stop updates and erase my e-mail") in html
    idea.refresh_from_db()
    assert idea.email == "aino@example.fi"  # reading the page erases nothing
    response = client.post(url)
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.email == ""
    with translation.override("en"):
        assert gettext("Your e-mail address has been erased") in page(client, url)
    assert "noindex" in client.get(url)["X-Robots-Tag"]


def test_a_forged_stop_link_is_not_found(client, site):
    idea = make_idea(site, email="aino@example.fi")
    token = contact_token(idea.pk)
    assert client.get(f"/ideat/paivitykset/{token}x/").status_code == 404
    assert client.post("/ideat/paivitykset/12345/").status_code == 404
    idea.refresh_from_db()
    assert idea.email == "aino@example.fi"
