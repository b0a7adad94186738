"""The list of ideas at `/ideat/`: public ideas of the page's own place, filtered, searched, sorted and paged,
with the ways to take part linked from it."""

import datetime
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Site

from ideas.models import IdeaStatus, IdeaTheme, TaggedIdea
from tests.events.builders import translate

from .builders import give_votes, make_co_development_day, make_codes, make_idea, make_ideas_site, make_round


@pytest.fixture
def site(db):
    site = make_ideas_site()
    translate(site["ideas_page"], "en", title="Ideas")
    site["outdoors"] = IdeaTheme.objects.create(name="Ulkoilu", slug="ulkoilu", name_en="Outdoors")
    site["food"] = IdeaTheme.objects.create(name="Ruoka", slug="ruoka", name_en="Food")
    return site


def tag(idea, *themes):
    TaggedIdea.objects.bulk_create(TaggedIdea(tag=theme, content_object=idea) for theme in themes)
    return idea


def listed(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_only_public_ideas_of_this_place_are_listed(client, site):
    shown = [make_idea(site, status=status, title=f"Shown {status}") for status in IdeaStatus.values]
    other_place = Site.objects.create(hostname="other.example", port=80, root_page=site["home"])
    make_idea({"site": other_place}, title="Another place's idea")
    html = listed(client, "/en/ideat/")
    for idea in shown:
        assert (idea.title in html) == idea.is_public, idea.status
    assert "Another place&#x27;s idea" not in html and "Another place's idea" not in html
    assert "Shown awaiting" not in html and "Shown rejected" not in html


def test_each_idea_shows_its_status_themes_child_mark_and_language(client, site):
    tag(make_idea(site, title="Metsäretki", by_child=True, language="fi", status=IdeaStatus.VOTING), site["outdoors"])
    html = listed(client, "/en/ideat/")
    with translation.override("en"):
        assert gettext("A child's idea") in html
        assert str(IdeaStatus.VOTING.label) in html
    assert "Outdoors" in html
    assert '<h3 class="card-title" lang="fi" dir="auto"><a href="/en/ideat/' in html


def test_script_tags_and_javascript_links_are_shown_as_text(client, site):
    make_idea(site, title="<script>alert(1)</script>", description="javascript:alert(1) <a href=x>link</a>")
    html = listed(client, "/ideat/")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<a href=x>" not in html
    assert 'href="javascript:' not in html


def test_filters_by_status_theme_and_childrens_ideas(client, site):
    tag(make_idea(site, title="Lasten retki", by_child=True, status=IdeaStatus.DONE), site["outdoors"])
    tag(make_idea(site, title="Aikuisten retki", status=IdeaStatus.DONE), site["outdoors"])
    tag(make_idea(site, title="Keittokerho", status=IdeaStatus.PUBLISHED), site["food"])
    html = listed(client, "/ideat/?tila=done")
    assert "Lasten retki" in html and "Aikuisten retki" in html and "Keittokerho" not in html
    html = listed(client, "/ideat/?teema=ruoka")
    assert "Keittokerho" in html and "retki" not in html
    html = listed(client, "/ideat/?teema=ulkoilu&lapset=1")
    assert "Lasten retki" in html and "Aikuisten retki" not in html and "Keittokerho" not in html
    html = listed(client, "/ideat/?teema=ulkoilu&teema=ruoka")
    assert html.count('class="card idea-card"') == 3


def test_search_finds_ideas_by_words_at_word_beginnings(client, site):
    make_idea(site, title="Vauvojen musiikkiaamu", description="Laulua ja soittimia.")
    make_idea(site, title="Isien sauna", description="Saunailta isille.")
    html = listed(client, "/ideat/?q=musiik")
    assert "Vauvojen musiikkiaamu" in html and "Isien sauna" not in html
    html = listed(client, "/ideat/?q=soittimia vauvojen")
    assert "Vauvojen musiikkiaamu" in html
    html = listed(client, '/ideat/?q="*) OR (NEAR')
    assert "Isien sauna" not in html  # syntax characters are no syntax, and nothing matches


def test_unknown_filter_and_sort_values_are_left_out_with_a_notice(client, site):
    make_idea(site, title="Keittokerho")
    html = listed(client, "/en/ideat/?tila=awaiting&tila=rejected&teema=nope&jarjestys=random&sivu=x")
    with translation.override("en"):
        assert gettext("Some of the chosen statuses do not exist; they were left out of the filter.") in html
        assert gettext("Some of the chosen themes do not exist; they were left out of the filter.") in html
        assert gettext("The list cannot be ordered that way, so the newest ideas come first.") in html
    assert "Keittokerho" in html  # the filters that could not be used do not hide anything
    assert re.search(r'value="newest"[^>]*checked', html)  # the order used is the one shown chosen
    assert "aria-invalid" not in html


def test_an_overlong_search_is_left_out_with_a_notice(client, site):
    make_idea(site, title="Keittokerho")
    html = listed(client, "/en/ideat/?q=" + "a" * 500)
    with translation.override("en"):
        assert (
            gettext("The search word is too long (at most %(limit_value)d characters), so it was left out.")
            % {"limit_value": 100}
            in html
        )
    assert "Keittokerho" in html


def test_newest_published_come_first_by_default(client, site):
    now = timezone.now()
    make_idea(site, title="Old idea", published_at=now - datetime.timedelta(days=5))
    make_idea(site, title="New idea", published_at=now)
    html = listed(client, "/ideat/")
    assert html.index("New idea") < html.index("Old idea")


def test_most_votes_sorts_by_the_latest_round_with_visible_results(client, site):
    now = timezone.now()
    few, many, none = (make_idea(site, title=title) for title in ("Few votes", "Many votes", "No votes"))
    older = make_round(
        site, [few, many], opens_at=now - datetime.timedelta(days=30), closes_at=now - datetime.timedelta(days=20)
    )
    latest = make_round(
        site, [few, many, none], opens_at=now - datetime.timedelta(days=10), closes_at=now - datetime.timedelta(days=1)
    )
    make_round(site, [none], results_live=False)  # open, results not visible: ignored
    older_codes = make_codes(older, 5)
    for code in older_codes:
        give_votes(older, code, [few])
    codes = make_codes(latest, 3)
    for code in codes:
        give_votes(latest, code, [many])
    give_votes(latest, make_codes(latest, 1)[0], [few])
    html = listed(client, "/en/ideat/?jarjestys=votes")
    assert html.index("Many votes") < html.index("Few votes") < html.index("No votes")
    assert f"3 votes in “{latest.title}”" in html
    assert f"1 vote in “{latest.title}”" in html


def test_most_votes_without_any_results_falls_back_to_newest_with_a_notice(client, site):
    make_idea(site, title="Keittokerho")
    make_round(site, [], results_live=False)
    html = listed(client, "/en/ideat/?jarjestys=votes")
    with translation.override("en"):
        assert gettext("No vote has results to show yet, so the newest ideas come first.") in html
    assert "Keittokerho" in html


def test_the_list_is_paged(client, site):
    now = timezone.now()
    for number in range(25):
        make_idea(site, title=f"Numbered {number:02d}", published_at=now - datetime.timedelta(minutes=number))
    first = listed(client, "/ideat/?tila=published")
    second = listed(client, "/ideat/?tila=published&sivu=2")
    assert first.count('class="card idea-card"') == 20
    assert second.count('class="card idea-card"') == 5
    assert "Numbered 00" in first and "Numbered 24" in second
    assert 'href="?tila=published&amp;sivu=2"' in first
    assert '<meta name="robots" content="noindex">' in second


@override_settings(KOHTAAMO_PAGE_CACHE=False)
def test_the_unfiltered_list_counts_its_ideas_once_and_again_after_a_change(client, site):
    for number in range(3):
        make_idea(site, title=f"Counted {number}")
    assert '<h2 id="ideas-heading">3 ideas</h2>' in listed(client, "/en/ideat/")
    listed(client, "/en/ideat/")  # the first request also made the site's settings, which moved the version
    with CaptureQueriesContext(connection) as captured:
        listed(client, "/en/ideat/")
    assert [query["sql"] for query in captured if "COUNT(" in query["sql"]] == []
    make_idea(site, title="Counted 3")  # a save moves the content version
    assert '<h2 id="ideas-heading">4 ideas</h2>' in listed(client, "/en/ideat/")
    with CaptureQueriesContext(connection) as captured:
        filtered = listed(client, "/en/ideat/?tila=published")
    assert "4 ideas" in filtered and [query for query in captured if "COUNT(" in query["sql"]]


def test_the_list_links_proposing_voting_results_open_data_and_the_feed(client, site):
    now = timezone.now()
    idea = make_idea(site)
    day = make_co_development_day(site, title="Kevään yhteiskehittämisen päivä")
    open_round = make_round(site, [idea], event=day)
    closed = make_round(site, [idea], title="Syksyn äänestys", opens_at=now - datetime.timedelta(days=9), closes_at=now)
    html = listed(client, "/ideat/")
    assert 'href="/ideat/ehdota/"' in html
    assert 'href="/ideat/aanesta/"' in html
    assert "Kevään yhteiskehittämisen päivä" in html  # the open round named by its day
    assert f'href="/ideat/aanestykset/{closed.pk}/"' in html
    assert f'href="/ideat/aanestykset/{open_round.pk}/"' not in html  # results not visible yet
    assert 'href="/ideat/avoin-data/"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/ideat/syote/"' in html


def test_without_an_open_round_there_is_no_voting_link(client, site):
    make_idea(site)
    assert 'href="/ideat/aanesta/"' not in listed(client, "/ideat/")


def test_theme_names_and_filter_labels_follow_the_readers_language(client, site):
    translate(site["ideas_page"], "sv", title="Idéer")
    tag(make_idea(site, title="Retki"), site["outdoors"])
    html = listed(client, "/sv/ideat/")
    assert "Ulkoilu" in html  # no Swedish name: the Finnish one
    with translation.override("sv"):
        assert gettext("Word in the idea") in html
        assert gettext("Filter, search and order the ideas") in html
    assert "Outdoors" in listed(client, "/en/ideat/")


def test_an_empty_list_invites_to_propose(client, site):
    html = listed(client, "/en/ideat/")
    with translation.override("en"):
        assert gettext("No ideas yet") in html
    html = listed(client, "/en/ideat/?q=nothingmatches")
    with translation.override("en"):
        assert gettext("No idea matches") in html


def test_the_sitemap_lists_the_list_and_each_public_idea(client, site):
    public = make_idea(site)
    hidden = make_idea(site, status=IdeaStatus.AWAITING)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/ideat/{public.pk}/</loc>" in xml
    assert f"/en/ideat/{public.pk}/</loc>" in xml
    assert f"/ideat/{hidden.pk}/</loc>" not in xml
    assert "/ideat/</loc>" in xml


def test_the_site_search_finds_public_ideas_and_links_to_their_pages(client, site):
    public = make_idea(site, title="Vauvojen musiikkiaamu")
    make_idea(site, title="Vauvojen salainen aamu", status=IdeaStatus.AWAITING)
    html = listed(client, "/en/haku/?q=vauvojen")
    assert f'href="/en/ideat/{public.pk}/"' in html
    assert "salainen" not in html
