"""The Atom feed of new ideas and the open data of public ideas: only what is public, escaped, without
personal data, under CC BY 4.0."""

import csv
import datetime
import io
import json
from xml.etree import ElementTree

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from ideas.feeds import FEED_ITEMS
from ideas.models import IdeaStatus, IdeaTheme, TaggedIdea
from ideas.opendata import LICENCE, LICENCE_URL
from tests.events.builders import translate

from .builders import make_idea, make_ideas_site, make_round

ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def site(db):
    site = make_ideas_site()
    translate(site["ideas_page"], "en", title="Ideas")
    return site


def feed_entries(client, url="/ideat/syote/"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ElementTree.fromstring(response.content).findall(f"{ATOM}entry")  # noqa: S314 - our own feed
    return response, entries


def test_the_feed_has_the_newest_published_ideas_linking_to_their_pages(client, site):
    now = timezone.now()
    ideas = [
        make_idea(site, title=f"Idea {number}", published_at=now - datetime.timedelta(hours=number))
        for number in range(FEED_ITEMS + 3)
    ]
    make_idea(site, title="Waiting", status=IdeaStatus.AWAITING)
    make_idea(site, title="Rejected", status=IdeaStatus.REJECTED)
    _response, entries = feed_entries(client)
    assert len(entries) == FEED_ITEMS
    assert entries[0].find(f"{ATOM}title").text == "Idea 0"
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.endswith(f"/ideat/{ideas[0].pk}/")
    assert link.startswith("http")
    titles = {entry.find(f"{ATOM}title").text for entry in entries}
    assert "Waiting" not in titles and "Rejected" not in titles
    assert f"Idea {FEED_ITEMS + 2}" not in titles


def test_the_feed_carries_text_as_text(client, site):
    idea = make_idea(site, title=SCRIPT, description=f"{SCRIPT}\njavascript:alert(1)", author_name=SCRIPT)
    TaggedIdea.objects.create(tag=IdeaTheme.objects.create(name="Ulkoilu", name_en="Outdoors"), content_object=idea)
    response, (entry,) = feed_entries(client, "/en/ideat/syote/")
    assert SCRIPT.encode() not in response.content
    assert entry.find(f"{ATOM}title").text == SCRIPT  # Atom text: a reader shows it as written
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert "&lt;script&gt;" in summary.text  # HTML that shows the tag as text
    assert "<script>" not in summary.text
    assert entry.find(f"{ATOM}category").get("term") == "Outdoors"


def test_the_open_data_page_explains_the_licence_and_links_every_dataset(client, site):
    now = timezone.now()
    idea = make_idea(site)
    closed = make_round(site, [idea], title="Syksyn äänestys", opens_at=now - datetime.timedelta(days=9), closes_at=now)
    still_open = make_round(site, [idea], title="Kevään äänestys", results_live=True)
    response = client.get("/en/ideat/avoin-data/")
    html = response.content.decode()
    assert LICENCE in html and f'href="{LICENCE_URL}"' in html
    assert 'href="/en/ideat/avoin-data/ideat/csv/"' in html
    assert 'href="/en/ideat/avoin-data/ideat/json/"' in html
    assert f'href="/en/ideat/aanestykset/{closed.pk}/csv/"' in html
    assert f'href="/en/ideat/aanestykset/{closed.pk}/json/"' in html
    assert f"/aanestykset/{still_open.pk}/" not in html  # only closed rounds
    with translation.override("en"):
        assert gettext("Open data") in html


def open_csv(client, url="/ideat/avoin-data/ideat/csv/") -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def open_json(client, url="/ideat/avoin-data/ideat/json/") -> dict:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_the_datasets_hold_public_ideas_without_personal_data(client, site):
    target = make_idea(site, title="Retkipäivä")
    idea = make_idea(
        site,
        title="Metsäretki",
        description="Yhdessä metsään.",
        language="so",
        by_child=True,
        author_name="Aino Virtanen",
        email="aino@example.fi",
        status=IdeaStatus.MERGED,
        merged_into=target,
    )
    TaggedIdea.objects.create(tag=IdeaTheme.objects.create(name="Ulkoilu", name_en="Outdoors"), content_object=idea)
    make_idea(site, title="Waiting", status=IdeaStatus.AWAITING, email="w@example.fi")
    rows = open_csv(client)
    data = open_json(client)
    for dump in (json.dumps(rows), json.dumps(data)):
        assert "Aino" not in dump and "example.fi" not in dump and "Waiting" not in dump
    assert [row["title"] for row in rows] == ["Retkipäivä", "Metsäretki"]
    row = rows[1]
    assert row["language"] == "so"
    assert row["themes"] == "Ulkoilu"
    assert row["by_child"] == "yes"
    assert row["status"] == "merged"
    assert row["merged_into"] == str(target.pk)
    assert row["url"].endswith(f"/ideat/{idea.pk}/")
    assert row["created"] == timezone.localdate(idea.created_at).isoformat()
    assert data["licence"] == LICENCE and data["licence_url"] == LICENCE_URL
    entry = data["ideas"][1]
    assert entry["id"] == idea.pk and entry["by_child"] is True and entry["merged_into"] == target.pk
    assert entry["themes"] == ["Ulkoilu"]
    assert open_json(client, "/en/ideat/avoin-data/ideat/json/")["ideas"][1]["themes"] == ["Outdoors"]


def test_script_and_formulas_are_kept_as_text_in_the_datasets(client, site):
    make_idea(site, title=SCRIPT, description='=HYPERLINK("javascript:alert(1)")')
    (row,) = open_csv(client)
    assert row["title"] == SCRIPT
    assert row["description"].startswith("'=")  # a spreadsheet shows it, never runs it
    response = client.get("/ideat/avoin-data/ideat/json/")
    assert json.loads(response.content)["ideas"][0]["title"] == SCRIPT
    assert response["X-Content-Type-Options"] == "nosniff"
