"""Meetings: staff-only house and steering-group meetings stay out of every public place, and a meeting's record
(participants, partners present, minutes, workshops) shows on its page and arrives in the editor."""

import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from events import schedule
from events.models import EventPage
from tests.pages.builders import make_partners

from .builders import make_programme_site, translate
from .meeting_builders import (
    PUBLIC_WORD,
    SECRET_WORD,
    STAFF_ONLY,
    count_queries,
    days_from_now,
    login_url,
    make_account_without_admin,
    make_meeting,
    make_staff,
    translate_partner,
)

pytestmark = pytest.mark.django_db

SCRIPTED_MINUTES = (
    "<p>Sovimme <b>pihajuhlasta</b>.</p>"
    "<script>document.title='hacked'</script>"
    '<p onmouseover="steal()">Kahvi on reilua.</p>'
    '<a href="javascript:steal()">Lue lisää</a>'
    '<img src="x" onerror="steal()">'
)


@pytest.fixture
def site():
    return make_programme_site()


def body_of(response) -> str:
    return response.content.decode()


def assert_hidden(response, page: EventPage) -> None:
    """An anonymous visitor gets a 404 or is sent to log in, and never sees the meeting's title."""
    assert response.status_code in (302, 404), (page.url, response.status_code)
    if response.status_code == 302:
        assert urlparse(response["Location"]).path == login_url()
    assert page.title not in body_of(response)


def week_of(page: EventPage) -> str:
    return schedule.week_param(schedule.monday_of(timezone.localtime(page.start).date()))


# --- The login restriction --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", STAFF_ONLY)
def test_a_staff_only_meeting_and_its_translations_carry_the_login_restriction(site, kind):
    meeting = make_meeting(site, kind)
    swedish = translate(meeting, "sv", title="Husmöte")
    english = translate(meeting, "en", title="House meeting")
    meeting.save()
    for page in (meeting, swedish, english):
        restrictions = PageViewRestriction.objects.filter(page=page)
        assert {restriction.restriction_type for restriction in restrictions} == {PageViewRestriction.LOGIN}, page
        assert not EventPage.objects.public().filter(pk=page.pk).exists()


def test_saving_a_staff_only_meeting_again_adds_no_second_restriction(site):
    meeting = make_meeting(site, "house_meeting")
    meeting.save()
    meeting.save_revision().publish()
    assert PageViewRestriction.objects.filter(page=meeting).count() == 1


@pytest.mark.parametrize("kind", STAFF_ONLY)
def test_a_translation_of_a_staff_only_meeting_carries_one_restriction(site, kind):
    """One, as on the original: with two, the admin's privacy setting would lift one and leave the other."""
    meeting = make_meeting(site, kind)
    swedish = translate(meeting, "sv", title="Husmöte")
    assert PageViewRestriction.objects.filter(page=swedish).count() == 1


def test_public_meetings_carry_no_restriction(site):
    for kind in ("co_development", "community_meeting", "other"):
        meeting = make_meeting(site, kind)
        swedish = translate(meeting, "sv")
        assert not PageViewRestriction.objects.filter(page__in=[meeting, swedish]).exists(), kind


def test_a_meeting_made_staff_only_later_gets_the_restriction_in_every_language(site):
    meeting = make_meeting(site, "community_meeting")
    swedish = translate(meeting, "sv")
    meeting.kind = "house_meeting"
    meeting.save()
    assert PageViewRestriction.objects.filter(page__in=[meeting, swedish]).count() == 2
    assert EventPage.objects.get(pk=swedish.pk).kind == "house_meeting"


@pytest.mark.parametrize("kind", STAFF_ONLY)
def test_an_anonymous_visitor_cannot_open_a_staff_only_meeting_in_any_language(client, site, kind):
    meeting = make_meeting(site, kind, title=f"{SECRET_WORD} kokous", minutes="<p>Sisäinen asia.</p>")
    swedish = translate(meeting, "sv", title=f"{SECRET_WORD} möte")
    for page in (meeting, swedish):
        assert_hidden(client.get(page.url), page)
        assert_hidden(client.get(f"{page.url}kalenteri/"), page)


@pytest.mark.parametrize("kind", STAFF_ONLY)
def test_staff_see_a_staff_only_meeting_with_its_minutes(client, site, kind):
    meeting = make_meeting(site, kind, title=f"{SECRET_WORD} kokous", minutes="<p>Sovimme siivousvuorot.</p>")
    client.force_login(make_staff())
    response = client.get(meeting.url)
    assert response.status_code == 200
    body = body_of(response)
    assert f"<h1>{meeting.title}</h1>" in body
    assert "<p>Sovimme siivousvuorot.</p>" in body
    assert 'aria-labelledby="minutes-heading"' in body


def test_someone_logged_in_without_admin_access_cannot_open_a_staff_only_meeting(client, site):
    meeting = make_meeting(site, "house_meeting", title=f"{SECRET_WORD} kokous")
    client.force_login(make_account_without_admin())
    response = client.get(meeting.url)
    assert response.status_code == 404
    assert meeting.title not in body_of(response)


# --- Public lists, feeds, sitemap and search ------------------------------------------------------------------


@pytest.fixture
def meetings(site):
    """For each staff-only kind an upcoming and a past meeting; a public community meeting of each time beside
    them, sharing a word with neither, to show the lists and the search do find meetings."""
    built = {"public": [], "secret": []}
    for days in (10, -10):
        built["public"].append(
            make_meeting(site, "community_meeting", days_from_now(days), title=f"{PUBLIC_WORD} {days}")
        )
        for kind in STAFF_ONLY:
            built["secret"].append(make_meeting(site, kind, days_from_now(days), title=f"{SECRET_WORD} {kind} {days}"))
    return built


def test_staff_only_meetings_are_in_no_events_list(client, meetings):
    upcoming = body_of(client.get("/tapahtumat/"))
    past = body_of(client.get("/tapahtumat/menneet/"))
    assert f"{PUBLIC_WORD} 10" in upcoming and f"{PUBLIC_WORD} -10" in past
    for page in meetings["secret"]:
        for body in (upcoming, past):
            assert page.title not in body and page.url not in body


@pytest.mark.parametrize("kind", STAFF_ONLY)
def test_asking_the_list_for_a_staff_only_kind_finds_nothing_and_it_is_no_choice(client, meetings, kind):
    for path in ("/tapahtumat/", "/tapahtumat/menneet/"):
        response = client.get(path, {"laji": kind})
        body = body_of(response)
        assert response.status_code == 200
        assert SECRET_WORD not in body
        assert f'value="{kind}"' not in body
        assert 'value="community_meeting"' in body
    choices = [value for value, _label in client.get("/tapahtumat/").context["filter_form"].fields["laji"].choices]
    assert "community_meeting" in choices and kind not in choices


def test_staff_only_meetings_are_not_in_the_week_even_for_staff_in_the_public_programme(client, meetings):
    for page in meetings["secret"]:
        body = body_of(client.get("/viikko/", {"viikko": week_of(page)}))
        assert page.title not in body and page.url not in body
    public_upcoming = meetings["public"][0]
    assert public_upcoming.title in body_of(client.get("/viikko/", {"viikko": week_of(public_upcoming)}))


def test_staff_only_meetings_are_in_no_calendar_feed(client, meetings):
    for path in ("/tapahtumat/kalenteri/", "/viikko/kalenteri/"):
        feed = body_of(client.get(path))
        assert PUBLIC_WORD in feed, path
        assert SECRET_WORD not in feed, path
        for page in meetings["secret"]:
            assert page.slug not in feed, path


def test_staff_only_meetings_are_not_in_the_sitemap(client, meetings):
    sitemap = body_of(client.get("/sitemap.xml"))
    for page in meetings["public"]:
        assert f"{page.slug}/</loc>" in sitemap
    for page in meetings["secret"]:
        assert page.slug not in sitemap


def test_staff_only_meetings_are_not_found_by_the_site_search(client, meetings):
    found = body_of(client.get("/haku/", {"q": PUBLIC_WORD}))
    assert meetings["public"][0].url in found
    searched = body_of(client.get("/haku/", {"q": SECRET_WORD}))
    for page in meetings["secret"]:
        assert page.url not in searched and page.title not in searched


def test_minutes_of_a_staff_only_meeting_are_not_found_by_the_site_search(client, site):
    meeting = make_meeting(site, "steering_group", minutes="<p>Budjetti Karpalosuo ylittyi.</p>")
    public = make_meeting(site, "community_meeting", minutes="<p>Karpalosuo sai uuden keinun.</p>")
    body = body_of(client.get("/haku/", {"q": "Karpalosuo"}))
    assert public.url in body
    assert meeting.url not in body


def test_without_the_restriction_the_sitemap_and_the_search_would_list_a_staff_only_meeting(client, site, monkeypatch):
    """What the two tests above rely on: with the restriction skipped, a staff-only meeting would be found,
    and only the event's own route keeps an anonymous visitor out."""
    monkeypatch.setattr(EventPage, "restrict_to_staff", lambda self: None)
    meeting = make_meeting(site, "house_meeting", title=f"{SECRET_WORD} talokokous")
    assert not PageViewRestriction.objects.filter(page=meeting).exists()
    assert f"{meeting.slug}/</loc>" in body_of(client.get("/sitemap.xml"))
    assert meeting.url in body_of(client.get("/haku/", {"q": SECRET_WORD}))
    assert client.get(meeting.url).status_code == 404
    assert SECRET_WORD not in body_of(client.get("/tapahtumat/"))  # the lists leave out the kind itself


def test_staff_see_no_staff_only_meeting_in_the_public_lists_either(client, meetings):
    """The public lists are the same for everyone (they may be cached); staff find meetings in the admin."""
    client.force_login(make_staff())
    assert SECRET_WORD not in body_of(client.get("/tapahtumat/"))
    assert SECRET_WORD not in body_of(client.get("/tapahtumat/kalenteri/"))


# --- Sign-up ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", STAFF_ONLY)
def test_a_staff_only_meeting_cannot_take_sign_ups(site, kind):
    meeting = make_meeting(site, kind)
    meeting.registration_enabled = True
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert list(error.value.error_dict) == ["registration_enabled"]
    meeting.registration_enabled = False
    meeting.full_clean()


def test_the_sign_up_form_of_a_staff_only_meeting_is_not_found_even_if_sign_up_was_switched_on(client, site):
    """clean() refuses it in the admin; a flag set some other way (an import, the shell) must not open a form
    that names the meeting to anyone."""
    meeting = make_meeting(site, "house_meeting", title=f"{SECRET_WORD} talokokous")
    EventPage.objects.filter(pk=meeting.pk).update(registration_enabled=True)
    response = client.get(reverse("events:register", args=[meeting.pk]))
    assert SECRET_WORD not in body_of(response)
    assert response.status_code == 404


# --- The record: participants, partners present, minutes, workshops -------------------------------------------


@pytest.fixture
def partners(site):
    """Three partners; the first two have Swedish and English names, the third only a Finnish one."""
    made = make_partners(3, site["support"], sector="mixed")
    for partner in made[:2]:
        translate_partner(partner, "sv")
        translate_partner(partner, "en")
    return made


def present_in(page: EventPage) -> list[tuple[str, str]]:
    page = EventPage.objects.get(pk=page.pk)
    return sorted((partner.slug, partner.locale.language_code) for partner in page.partners_present.all())


def test_partners_and_numbers_chosen_in_finnish_reach_the_translations_as_their_translations(site, partners):
    meeting = make_meeting(site, "community_meeting")
    swedish = translate(meeting, "sv")
    english = translate(meeting, "en")
    meeting.partners_present.set(partners)
    meeting.adults, meeting.children = 14, 9
    meeting.save()
    slugs = [partner.slug for partner in partners]
    assert present_in(meeting) == [(slug, "fi") for slug in slugs]
    # A partner without a translation stays itself, in Finnish.
    assert present_in(swedish) == [(slugs[0], "sv"), (slugs[1], "sv"), (slugs[2], "fi")]
    assert present_in(english) == [(slugs[0], "en"), (slugs[1], "en"), (slugs[2], "fi")]
    for page in (swedish, english):
        page.refresh_from_db()
        assert (page.adults, page.children) == (14, 9)


def test_a_translation_made_after_the_record_takes_it_and_cannot_change_it(site, partners):
    meeting = make_meeting(site, "co_development", adults=20, children=11)
    meeting.partners_present.set(partners[:1])
    meeting.save()
    swedish = translate(meeting, "sv")
    assert present_in(swedish) == [(partners[0].slug, "sv")]
    swedish.partners_present.set(partners[1:])
    swedish.adults = 99
    swedish.save()
    assert present_in(swedish) == [(partners[0].slug, "sv")]
    swedish.refresh_from_db()
    assert swedish.adults == 20
    assert present_in(meeting) == [(partners[0].slug, "fi")]


def test_a_partner_removed_in_finnish_is_removed_from_the_translations(site, partners):
    meeting = make_meeting(site, "community_meeting")
    meeting.partners_present.set(partners)
    meeting.save()
    swedish = translate(meeting, "sv")
    meeting.partners_present.set(partners[2:])
    meeting.save()
    assert present_in(swedish) == [(partners[2].slug, "fi")]


def test_the_meeting_page_names_who_took_part_in_its_language(client, site, partners):
    meeting = make_meeting(site, "community_meeting", adults=14, children=1)
    swedish = translate(meeting, "sv")
    meeting.partners_present.set(partners[:2])
    meeting.save()
    finnish_body = body_of(client.get(meeting.url))
    swedish_body = body_of(client.get(swedish.url))
    section = finnish_body.split('aria-labelledby="participants-heading"', 1)[1].split("</section>", 1)[0]
    with translation.override("fi"):
        adults = translation.ngettext("%(adults)s adult", "%(adults)s adults", 14) % {"adults": 14}
        children = translation.ngettext("%(children)s child", "%(children)s children", 1) % {"children": 1}
    assert f"<li>{adults}</li>" in section and f"<li>{children}</li>" in section
    assert partners[0].name in section and partners[1].name in section and partners[2].name not in section
    swedish_section = swedish_body.split('aria-labelledby="participants-heading"', 1)[1].split("</section>", 1)[0]
    assert f"{partners[0].name} (sv)" in swedish_section and f"{partners[1].name} (sv)" in swedish_section


def test_a_meeting_without_a_record_has_no_participants_section(client, site):
    meeting = make_meeting(site, "community_meeting")
    body = body_of(client.get(meeting.url))
    assert "participants-heading" not in body and "minutes-heading" not in body and "workshops-heading" not in body


def test_none_present_is_a_number_too(client, site):
    meeting = make_meeting(site, "community_meeting", adults=0)
    body = body_of(client.get(meeting.url))
    with translation.override("fi"):
        none = translation.ngettext("%(adults)s adult", "%(adults)s adults", 0) % {"adults": 0}
    section = body.split('aria-labelledby="participants-heading"', 1)[1].split("</section>", 1)[0]
    assert f"<li>{none}</li>" in section


def test_minutes_never_carry_script_handlers_or_javascript_links_into_the_page(client, site):
    meeting = make_meeting(site, "community_meeting", minutes=SCRIPTED_MINUTES)
    body = body_of(client.get(meeting.url))
    minutes = body.split('aria-labelledby="minutes-heading"', 1)[1].split("</section>", 1)[0]
    assert "<b>pihajuhlasta</b>" in minutes and "Kahvi on reilua." in minutes and "Lue lisää" in minutes
    assert "<script" not in minutes and "hacked'" not in body.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "onmouseover" not in body and "onerror" not in body
    assert "javascript:" not in body
    assert "steal()" not in re.sub(r">[^<]*<", "><", minutes)  # as text, if anywhere: never in markup


def test_minutes_of_a_staff_only_meeting_are_cleaned_for_staff_too(client, site):
    meeting = make_meeting(site, "house_meeting", minutes=SCRIPTED_MINUTES)
    client.force_login(make_staff())
    body = body_of(client.get(meeting.url))
    assert "<b>pihajuhlasta</b>" in body
    assert "document.title='hacked'</script>" not in body and "onerror" not in body and "javascript:" not in body


def workshop(theme: str, worked_on: str, next_steps: str = "") -> tuple[str, dict]:
    return ("workshop", {"theme": theme, "worked_on": worked_on, "next_steps": next_steps})


def test_the_workshops_of_a_co_development_day_show_theme_work_and_next_steps(client, site):
    day = make_meeting(
        site,
        "co_development",
        days_from_now(-3),
        workshops=[
            workshop("Piha", "Piirsimme pihan kartan.\nValitsimme kolme paikkaa.", "Kaupunki pyytää tarjoukset."),
            workshop("Kahvila", "Maistoimme <script>alert(1)</script> leivonnaisia."),
        ],
    )
    with translation.override("fi"):
        body = body_of(client.get(day.url))
        next_heading = translation.gettext("What comes next")
    section = body.split('aria-labelledby="workshops-heading"', 1)[1].split("</section>\n    </div>", 1)[0]
    blocks = section.split('<section class="workshop">')[1:]
    assert len(blocks) == 2
    assert "<h3>Piha</h3>" in blocks[0]
    assert "Piirsimme pihan kartan.<br>Valitsimme kolme paikkaa." in blocks[0]
    assert "Kaupunki pyytää tarjoukset." in blocks[0] and next_heading in blocks[0]
    assert "<h3>Kahvila</h3>" in blocks[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in blocks[1] and "<script>alert(1)" not in body
    assert next_heading not in blocks[1]  # no next steps: no heading for them


# --- The editor -------------------------------------------------------------------------------------------


def test_the_editor_has_a_meeting_record_tab_with_the_participants_minutes_workshops_and_agenda(client, site):
    make_partners(2, site["support"])
    meeting = make_meeting(site, "community_meeting", adults=3)
    client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[meeting.pk]))
    assert response.status_code == 200
    body = body_of(response)
    with translation.override("fi"):  # the admin speaks the default language to a user who chose none
        heading = translation.gettext("Meeting record")
    tabs = re.findall(r'<a id="tab-label-([^"]+)"[^>]*role="tab"[^>]*>\s*([^<]+?)\s*<', body)
    assert [label for _slug, label in tabs][1] == heading  # the record comes right after the content
    panels = [slug for slug, _label in tabs]
    record = body.split(f'id="tab-{panels[1]}"', 1)[1].split(f'id="tab-{panels[2]}"', 1)[0]
    for name in ("adults", "children", "partners_present", "minutes"):
        assert f'name="{name}"' in record, name
    assert f'id="panel-child-{panels[1]}-workshops-section"' in record
    assert 'name="agenda_items-TOTAL_FORMS"' in record  # the agenda panel the hook adds
    content = body.split(f'id="tab-{panels[0]}"', 1)[1].split(f'id="tab-{panels[1]}"', 1)[0]
    assert 'name="agenda_items-TOTAL_FORMS"' not in content and 'name="minutes"' not in content


# --- Queries --------------------------------------------------------------------------------------------------


def test_a_meeting_page_runs_as_many_queries_for_many_partners_and_workshops_as_for_few(client, site):
    partners = make_partners(12, site["support"], sector="mixed")
    for partner in partners:
        translate_partner(partner, "sv")
    meeting = make_meeting(site, "co_development", days_from_now(-2), minutes="<p>Muistio.</p>")
    swedish = translate(meeting, "sv")

    def record(count: int) -> list[int]:
        meeting.partners_present.set(partners[:count])
        meeting.adults = count
        meeting.workshops = [workshop(f"Teema {number}", "Teimme.", "Jatketaan.") for number in range(count)]
        meeting.save()
        return [count_queries(client, meeting.url), count_queries(client, swedish.url)]

    few, many = record(1), record(12)
    assert few == many, f"queries (1 partner and workshop, 12 of each): {few}, {many}"


def test_the_events_lists_run_as_many_queries_with_many_staff_only_meetings_as_with_few(client, site):
    def build(count: int) -> list[int]:
        for number in range(count):
            make_meeting(site, STAFF_ONLY[number % 2], days_from_now(number % 20 - 10))
            make_meeting(site, "community_meeting", days_from_now(number % 20 - 10))
        return [count_queries(client, url) for url in ("/tapahtumat/", "/tapahtumat/menneet/", "/sitemap.xml")]

    few = build(2)
    many = build(20)
    assert EventPage.objects.filter(kind__in=STAFF_ONLY).count() == 22
    assert few == many
