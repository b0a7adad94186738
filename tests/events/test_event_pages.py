"""Events under `/tapahtumat/`, the home page's "today at the place", closures in the opening hours, and the
partner pages' drop-in hours."""

import datetime
import json
import re
from unittest import mock

import pytest
from django.utils import translation
from wagtail.models import Locale

from events.models import EventPage
from pages.models import OpeningHours, SiteSettings
from tests.pages.builders import make_partners

from .builders import close, local, make_activity, make_event, make_programme_site

pytestmark = pytest.mark.django_db

WEDNESDAY = datetime.date(2026, 12, 2)


@pytest.fixture
def site():
    return make_programme_site()


def at(day: datetime.date, hour: int):
    return mock.patch("django.utils.timezone.now", return_value=local(day, hour))


def test_events_list_shows_upcoming_first_and_past_on_their_own_page(client, site):
    with at(WEDNESDAY, 12):
        make_event(site, local(datetime.date(2026, 12, 20), 10), title="Joulujuhla")
        make_event(site, local(datetime.date(2026, 12, 10), 10), title="Yhteisökokous", kind="community_meeting")
        make_event(site, local(datetime.date(2026, 6, 10), 10), title="Kesäjuhla")
        upcoming = client.get("/tapahtumat/").content.decode()
        past = client.get("/tapahtumat/menneet/").content.decode()
        meetings = client.get("/tapahtumat/?laji=community_meeting").content.decode()
    assert upcoming.index("Yhteisökokous") < upcoming.index("Joulujuhla")
    assert "Kesäjuhla" not in upcoming
    assert "Kesäjuhla" in past and "Joulujuhla" not in past
    assert "Yhteisökokous" in meetings and "Joulujuhla" not in meetings


def test_event_page_has_schema_org_event_and_a_calendar_link(client, site):
    partner = make_partners(1, site["support"])[0]
    event = make_event(
        site,
        local(datetime.date(2026, 12, 14), 10),
        title="Yhteiskehittämisen päivä",
        kind="co_development",
        organiser=partner,
        intro="Kehitetään yhdessä.",
    )
    body = client.get(event.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)[1])
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-12-14T10:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["organizer"]["name"] == partner.name
    assert data["offers"]["price"] == "0"
    assert data["isAccessibleForFree"] is True
    assert f'href="{event.url}kalenteri/"' in body
    feed = client.get(f"{event.url}kalenteri/")
    assert feed["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"Yhteiskehitt" in feed.content


def test_json_ld_cannot_end_its_script_early(client, site):
    event = make_event(site, local(datetime.date(2026, 12, 14), 10), title="</script><script>alert(1)</script>")
    body = client.get(event.url).content.decode()
    assert "<script>alert(1)" not in body


def test_an_event_ending_before_it_starts_or_closing_sign_up_after_it_starts_is_refused(site):
    from django.core.exceptions import ValidationError

    event = EventPage(title="Väärin", slug="vaarin", start=local(WEDNESDAY, 12), end=local(WEDNESDAY, 10))
    with pytest.raises(ValidationError) as error, translation.override("fi"):
        event.full_clean()
    assert error.value.message_dict["end"] == ["Loppuajan pitää olla alkuajan jälkeen."]
    event.end, event.registration_deadline = local(WEDNESDAY, 14), local(WEDNESDAY, 13)
    with pytest.raises(ValidationError) as error, translation.override("fi"):
        event.full_clean()
    assert error.value.message_dict["registration_deadline"] == [
        "Ilmoittautumisen pitää päättyä ennen tapahtuman alkua."
    ]


def test_a_translation_takes_its_times_and_places_from_the_original(site):
    event = make_event(site, local(datetime.date(2026, 12, 14), 10), capacity=30, registration_enabled=True)
    swedish = event.copy_for_translation(Locale.objects.get_or_create(language_code="sv")[0], copy_parents=True)
    swedish.capacity = 999
    swedish.start = local(datetime.date(2027, 1, 1), 10)
    swedish.save()
    swedish.refresh_from_db()
    assert (swedish.capacity, swedish.start) == (30, event.start)
    event.capacity = 25
    event.save()
    swedish.refresh_from_db()
    assert swedish.capacity == 25


def test_home_page_shows_today_at_the_place_and_links_to_the_week(client, site):
    make_activity(site, title="Perhekahvila", weekdays=[2])
    make_activity(site, title="Talokokous", weekdays=[2], staff_only=True)
    with at(WEDNESDAY, 8):
        body = client.get("/").content.decode()
    today = body.split('id="today-heading"')[1].split("</section>")[0]
    assert "Perhekahvila" in today
    assert "Talokokous" not in today
    assert 'href="/viikko/"' in today


def test_a_closure_closes_the_home_pages_opening_status_with_its_reason(client, site):
    settings = SiteSettings.for_site(site["site"])
    settings.save()
    for weekday in range(5):
        OpeningHours.objects.create(
            settings=settings, weekday=weekday, opens=datetime.time(9), closes=datetime.time(15)
        )
    make_activity(site, title="Perhekahvila", weekdays=[0, 1, 2, 3, 4])
    close(site, datetime.date(2026, 12, 23), datetime.date(2027, 1, 6), reason="Joululoma")
    with at(datetime.date(2026, 12, 28), 10):
        body = client.get("/").content.decode()
    status = re.sub(r"\s+", " ", body.split('<div class="status')[1].split("</div>")[0])
    assert "Joululoma" in status
    assert "Open now" not in status
    assert "torstai 7. tammikuuta" in status
    today = body.split('id="today-heading"')[1].split("</section>")[0]
    assert "Perhekahvila" in today and "data-cancelled" in today
    with at(datetime.date(2026, 12, 28), 10):
        visit = client.get("/viikko/?viikko=2026-W53").content.decode()
    assert visit.count("data-cancelled") == 5


def test_a_partners_page_shows_its_drop_in_hours_and_the_directory_its_days(client, site):
    nurse, other = make_partners(2, site["support"], sector="city")
    make_activity(
        site, title="Neuvolan avoin vastaanotto", kind="drop_in", weekdays=[1], partners=[nurse], slug="neuvola"
    )
    with at(WEDNESDAY, 8):
        page = client.get(f"/toimijat/{nurse.slug}/").content.decode()
        directory = client.get("/toimijat/").content.decode()
        other_page = client.get(f"/toimijat/{other.slug}/").content.decode()
    assert "Neuvolan avoin vastaanotto" in page
    assert 'href="/viikko/neuvola/"' in page
    assert "2026-12-08T09:00:00+02:00" in page  # next Tuesday
    assert "Neuvolan avoin vastaanotto" not in other_page
    card = directory.split(f'id="{nurse.anchor}"')[1].split("</li>")[0]
    assert re.search(r'class="card-note">.*tiistai', card, re.S)
