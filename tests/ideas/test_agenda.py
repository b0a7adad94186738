"""Meeting pages with what ideas add to them: the agenda (each item, its public idea linked, an item whose idea
was deleted or rejected as plain text), a co-development day's voting round with the ideas it selected and
the decisions that followed, and minutes that never carry markup from the database into the page."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPage
from ideas.models import AgendaItem, DecisionStatus, IdeaIndexPage, IdeaStatus
from ideas.moderation import select
from tests.events.builders import translate
from tests.ideas.builders import SCRIPT, make_co_development_day, make_idea, make_round
from tests.ideas.decision_builders import add_agenda, make_decision, make_meeting, staff_user, write_decision


def page_html(client, page, prefix: str = "") -> str:
    with translation.override("fi"):
        response = client.get(prefix + page.url if prefix else page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def section(html: str, heading_id: str) -> str:
    """The `<section>` labelled by `heading_id` ("" when the page has none)."""
    start = html.find(f'aria-labelledby="{heading_id}"')
    if start < 0:
        return ""
    return html[start : html.index("</section>", start)]


def idea_href(idea, prefix: str = "") -> str:
    return f'href="{prefix}/ideat/{idea.pk}/"'


def list_items(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", html, flags=re.S)


# --- The agenda item --------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [IdeaStatus.AWAITING, IdeaStatus.REJECTED])
def test_an_agenda_item_refuses_an_idea_that_is_not_public(site, status):
    meeting = make_meeting(site)
    item = AgendaItem(meeting=meeting, title="Uusi idea", idea=make_idea(site, status=status))
    with pytest.raises(ValidationError) as refused:
        item.clean()
    assert set(refused.value.message_dict) == {"idea"}


def test_an_agenda_item_takes_a_public_idea_or_none(site):
    meeting = make_meeting(site)
    for status in (IdeaStatus.PUBLISHED, IdeaStatus.SELECTED, IdeaStatus.DONE):
        AgendaItem(meeting=meeting, title="Idea", idea=make_idea(site, status=status)).clean()
    AgendaItem(meeting=meeting, title="Muut asiat").clean()


def test_public_idea_is_none_for_an_idea_rejected_since(site):
    idea = make_idea(site)
    [item] = add_agenda(make_meeting(site), ("Idea", idea, ""))
    assert item.public_idea == idea
    idea.status = IdeaStatus.REJECTED
    idea.save()
    assert AgendaItem.objects.get(pk=item.pk).public_idea is None


# --- The agenda in the meeting's editor -------------------------------------------------------------------


def local_text(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def edit_meeting(client, meeting: EventPage, items: list[dict], **changes):
    """Publishes the meeting's editor form with `items` as its agenda (new rows: title, idea, outcome)."""
    data = nested_form_data(
        {
            "title": meeting.title,
            "slug": meeting.slug,
            "kind": meeting.kind,
            "start": local_text(meeting.start),
            "end": local_text(meeting.end),
            "location": "",
            "intro": "",
            "body": streamfield([]),
            "workshops": streamfield([]),
            "minutes": rich_text(""),
            "agenda_items": inline_formset(items),
            **changes,
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[meeting.pk]), {**data, "action-publish": "1"})


def agenda_errors(response) -> list[dict]:
    assert response.status_code == 200, response.status_code
    return [form.errors for form in response.context["form"].formsets["agenda_items"].forms]


def test_the_editor_saves_an_agenda_with_a_public_idea(coordinator, site):
    meeting = make_meeting(site, "community_meeting")
    idea = make_idea(site)
    editor = coordinator.get(reverse("wagtailadmin_pages:edit", args=[meeting.pk])).content.decode()
    assert reverse("public_idea_chooser:choose") in editor  # the agenda chooses from public ideas
    response = edit_meeting(
        coordinator, meeting, [{"title": "Avaus", "idea": "", "outcome": ""}, {"title": "Idea", "idea": idea.pk}]
    )
    assert response.status_code == 302
    assert list(AgendaItem.objects.filter(meeting=meeting).order_by("sort_order").values_list("title", "idea")) == [
        ("Avaus", None),
        ("Idea", idea.pk),
    ]


@pytest.mark.parametrize("status", [IdeaStatus.AWAITING, IdeaStatus.REJECTED])
def test_the_editor_refuses_an_agenda_item_with_an_idea_that_is_not_public(coordinator, site, status):
    meeting = make_meeting(site, "community_meeting", title="Alkuperäinen otsikko")
    hidden = make_idea(site, status=status)
    response = edit_meeting(
        coordinator,
        meeting,
        [{"title": "Avaus", "idea": ""}, {"title": "Piilossa", "idea": hidden.pk}],
        title="Uusi otsikko",
    )
    first, second = agenda_errors(response)
    assert not first and set(second) == {"idea"}
    assert not AgendaItem.objects.exists()
    assert EventPage.objects.get(pk=meeting.pk).title == "Alkuperäinen otsikko"


def test_the_editor_refuses_an_agenda_item_with_an_idea_deleted_meanwhile(coordinator, site):
    meeting = make_meeting(site, "community_meeting")
    idea = make_idea(site)
    idea_pk = idea.pk
    idea.delete()
    [errors] = agenda_errors(edit_meeting(coordinator, meeting, [{"title": "Poistettu", "idea": idea_pk}]))
    assert set(errors) == {"idea"}
    assert not AgendaItem.objects.exists()


# --- The agenda on the meeting's page ---------------------------------------------------------------------


def test_the_agenda_shows_each_item_in_order_with_its_public_idea_linked(client, site):
    meeting = make_meeting(site, "community_meeting")
    linked = make_idea(site, title="Ulkoleikkejä pihalle")
    add_agenda(
        meeting,
        "Tervetuloa",
        ("Pihan leikit", linked, "Päätettiin hankkia leluja."),
        ("Muut asiat", None, ""),
    )
    agenda = section(page_html(client, meeting), "agenda-heading")
    items = list_items(agenda)
    assert len(items) == 3
    assert "Tervetuloa" in items[0] and "Pihan leikit" in items[1] and "Muut asiat" in items[2]
    assert idea_href(linked) in items[1] and "Ulkoleikkejä pihalle" in items[1]
    assert "Päätettiin hankkia leluja." in items[1]
    assert "<a " not in items[0] and "<a " not in items[2]


def test_an_item_whose_idea_was_deleted_or_rejected_shows_as_plain_text(client, site):
    meeting = make_meeting(site, "community_meeting")
    deleted = make_idea(site, title="Poistettu idea")
    rejected = make_idea(site, title="Myöhemmin hylätty idea")
    add_agenda(meeting, ("Poistetun idean kohta", deleted, "Käsiteltiin."), ("Hylätyn idean kohta", rejected, ""))
    deleted_pk = deleted.pk
    deleted.delete()
    assert AgendaItem.objects.get(title="Poistetun idean kohta").idea is None  # SET_NULL kept the item
    rejected.status = IdeaStatus.REJECTED
    rejected.save()

    html = page_html(client, meeting)
    agenda = section(html, "agenda-heading")
    first, second = list_items(agenda)
    assert "Poistetun idean kohta" in first and "Käsiteltiin." in first and "<a " not in first
    assert "Hylätyn idean kohta" in second and "<a " not in second
    assert "Myöhemmin hylätty idea" not in html and idea_href(rejected) not in html
    assert f"/ideat/{deleted_pk}/" not in html


def test_agenda_text_shows_as_text(client, site):
    meeting = make_meeting(site, "community_meeting")
    add_agenda(meeting, (SCRIPT, None, SCRIPT + "\nToinen rivi"))
    html = page_html(client, meeting)
    assert SCRIPT not in html
    agenda = section(html, "agenda-heading")
    assert agenda.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") == 2
    assert "<br>" in agenda  # the outcome keeps its lines


def test_a_translated_meeting_shows_the_agenda_of_the_original(client, site):
    idea = make_idea(site, title="Idea kaikille")
    meeting = make_meeting(site, "community_meeting")
    add_agenda(meeting, ("Kohta yksi", idea, ""))
    swedish = translate(meeting, "sv", title="Gemenskapsmöte")
    translate(site["ideas_page"], "sv", title="Idéer")
    with translation.override("sv"):
        response = client.get(swedish.url)
    assert response.status_code == 200
    agenda = section(response.content.decode(), "agenda-heading")
    assert "Kohta yksi" in agenda and idea_href(idea, "/sv") in agenda


def test_an_event_that_is_no_meeting_has_no_agenda_or_decision_sections(client, site):
    party = make_meeting(site, "other", title="Kesäjuhla")
    add_agenda(party, "Ohjelma")
    html = page_html(client, party)
    assert section(html, "agenda-heading") == "" and section(html, "decisions-heading") == ""


# --- The co-development day -------------------------------------------------------------------------------


@pytest.fixture
def day(site):
    """A co-development day 20 days ago, prepared by a vote that selected two of three ideas."""
    now = timezone.now()
    day = make_co_development_day(site, days_ahead=-20, title="Kevään kehittämispäivä")
    chosen = make_idea(site, title="Valittu pihaidea")
    later = make_idea(site, title="Valittu ruokaidea")
    left = make_idea(site, title="Jäi valitsematta")
    voting_round = make_round(
        site,
        [chosen, later, left],
        opens_at=now - datetime.timedelta(days=40),
        closes_at=now - datetime.timedelta(days=25),
        event=day,
        title="Kevään äänestys",
    )
    select(voting_round, [chosen.pk, later.pk], user=staff_user())
    return {"page": day, "chosen": chosen, "later": later, "left": left, "round": voting_round}


def test_the_day_shows_its_vote_and_the_ideas_it_selected(client, site, day):
    html = page_html(client, day["page"])
    votes = section(html, "round-heading")
    assert "Kevään äänestys" in votes
    assert idea_href(day["chosen"]) in votes and idea_href(day["later"]) in votes
    assert "Jäi valitsematta" not in votes and idea_href(day["left"]) not in votes
    assert f'href="/ideat/aanestykset/{day["round"].pk}/"' in votes  # the results of the closed vote


def test_the_day_shows_the_decisions_that_followed_including_later_meetings(client, site, day):
    made_there = make_decision(day["page"], [day["chosen"]], text="Päätettiin rakentaa majoja.")
    community = make_meeting(site, "community_meeting", days_ago=5, title="Toukokuun yhteisökokous")
    followed = make_decision(community, [day["later"]], status=DecisionStatus.IN_PROGRESS, text="Ruokapiiri alkaa.")
    house = make_meeting(site, "house_meeting", days_ago=3, title="Salainen talokokous")
    staff_decision = make_decision(house, [day["chosen"]], status=DecisionStatus.DONE, text="Majat valmiit.")
    unrelated = make_decision(community, [day["left"]], text="Asia, jota päivä ei käsitellyt.")

    html = page_html(client, day["page"])
    decisions = section(html, "decisions-heading")
    order = [decisions.find(f'id="paatos-{d.pk}"') for d in (made_there, followed, staff_decision)]
    assert -1 not in order and order == sorted(order)  # oldest first: what followed, in turn
    assert "Ruokapiiri alkaa." in decisions and "Päätettiin rakentaa majoja." in decisions
    assert community.url in decisions and "Toukokuun yhteisökokous" in decisions
    assert "Majat valmiit." in decisions
    assert "Salainen talokokous" not in html and house.url not in html
    assert f'id="paatos-{unrelated.pk}"' not in decisions and "Asia, jota päivä ei käsitellyt." not in html
    assert idea_href(day["later"]) in decisions


def test_a_private_staff_decision_about_a_selected_idea_that_is_hidden_again_stays_off_the_day(client, site, day):
    house = make_meeting(site, "house_meeting", days_ago=3)
    write_decision(house, [day["chosen"]], text="Sisäinen päätös.")
    day["chosen"].status = IdeaStatus.REJECTED
    day["chosen"].save()
    html = page_html(client, day["page"])
    assert "Sisäinen päätös." not in html


def test_a_community_meeting_lists_its_decisions_with_their_public_ideas(client, site):
    meeting = make_meeting(site, "community_meeting")
    public = make_idea(site, title="Julkinen idea")
    hidden = make_idea(site, status=IdeaStatus.AWAITING, title="Odottava idea")
    decision = write_decision(meeting, [public, hidden], text="Kokous päätti.", status=DecisionStatus.DONE)
    decisions = section(page_html(client, meeting), "decisions-heading")
    assert f'id="paatos-{decision.pk}"' in decisions and "Kokous päätti." in decisions
    assert idea_href(public) in decisions
    assert "Odottava idea" not in decisions and idea_href(hidden) not in decisions


# --- Minutes ----------------------------------------------------------------------------------------------


def test_minutes_saved_with_markup_never_reach_the_page_as_markup(client, site):
    meeting = make_meeting(site, "community_meeting")
    minutes = (
        f"<p>Avaus {SCRIPT}</p>"
        '<p><a href="javascript:alert(1)">Linkki</a> <a href="https://example.com/">Hyvä linkki</a></p>'
        '<p><img src="x" onerror="alert(2)"></p>'
        '<p onclick="alert(3)"><b>Lihavoitu</b></p>'
    )
    EventPage.objects.filter(pk=meeting.pk).update(minutes=minutes)  # straight into the database
    html = page_html(client, EventPage.objects.get(pk=meeting.pk))
    record = section(html, "minutes-heading")
    assert "Avaus" in record and "Linkki" in record and "Lihavoitu" in record
    assert 'href="https://example.com/"' in record
    lowered = html.lower()
    assert '<script>alert("x")' not in lowered
    assert "javascript:" not in lowered
    assert "onerror" not in lowered and "onclick" not in lowered
    assert "<img" not in record


def test_the_ideas_page_of_the_meetings_language_is_linked(client, site):
    """The links of the agenda go to the ideas page of the site; none when the place has no ideas page."""
    idea = make_idea(site)
    meeting = make_meeting(site, "community_meeting")
    add_agenda(meeting, ("Kohta", idea, ""))
    assert idea_href(idea) in section(page_html(client, meeting), "agenda-heading")
    IdeaIndexPage.objects.filter(locale=Locale.objects.get(language_code="fi")).delete()
    agenda = section(page_html(client, EventPage.objects.get(pk=meeting.pk)), "agenda-heading")
    assert "Kohta" in agenda and idea.title in agenda and "<a " not in agenda


# --- A meeting of staff only ------------------------------------------------------------------------------


def test_a_house_meeting_shows_its_record_to_staff_and_nothing_to_a_visitor(client, coordinator, site):
    house = make_meeting(site, "house_meeting", title="Talokokous")
    hidden = make_idea(site, status=IdeaStatus.AWAITING, title="Odottava idea")
    public = make_idea(site, title="Julkinen idea")
    add_agenda(house, ("Kohta julkisesta ideasta", public, "Sovittiin."))
    private = write_decision(house, [hidden], text="Sisäinen päätös.")
    shared = write_decision(house, [public], text="Päätös julkisesta ideasta.")
    html = page_html(coordinator, house)  # a signed-in coordinator
    decisions = section(html, "decisions-heading")
    assert f'id="paatos-{private.pk}"' in decisions and f'id="paatos-{shared.pk}"' in decisions
    assert idea_href(public) in decisions and idea_href(hidden) not in decisions
    assert "Kohta julkisesta ideasta" in section(html, "agenda-heading")

    coordinator.logout()
    with translation.override("fi"):
        response = client.get(house.url)
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert "/login/" in response["Location"] or "/admin/login/" in response["Location"]
    body = response.content.decode()
    assert "Sisäinen päätös." not in body and "Päätös julkisesta ideasta." not in body
