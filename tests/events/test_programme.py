"""The week page `/viikko/`: the week in Helsinki time, changes and closures, filters, and bad input."""

import datetime
import re

import pytest
from django.utils import translation

from .builders import cancel, close, local, make_activity, make_event, make_programme_site, move

pytestmark = pytest.mark.django_db

# Week 49 of 2026: Monday 30 November to Sunday 6 December.
WEEK = "2026-W49"
MONDAY = datetime.date(2026, 11, 30)


def starts(body: str) -> list[tuple[str, str, bool]]:
    """(title, data-start, cancelled) of each programme item on the page, in page order."""
    items = re.findall(
        r'<li class="programme-item[^"]*"[^>]*data-start="([^"]+)"([^>]*)>.*?programme-title">(.*?)</h', body, re.S
    )
    return [(re.sub(r"<[^>]+>", "", title).strip(), start, "data-cancelled" in rest) for start, rest, title in items]


@pytest.fixture
def site():
    return make_programme_site()


def test_the_week_lists_each_occurrence_in_helsinki_time_in_time_order(client, site):
    make_activity(
        site, title="Perhekahvila", weekdays=[0, 1, 2, 3, 4], start_time=datetime.time(9), end_time=datetime.time(12)
    )
    make_activity(site, title="Isäryhmä", weekdays=[3], start_time=datetime.time(17, 30), end_time=datetime.time(19))
    body = client.get(f"/viikko/?viikko={WEEK}").content.decode()
    found = starts(body)
    assert [title for title, _start, _cancelled in found].count("Perhekahvila") == 5
    assert ("Isäryhmä", "2026-12-03T17:30:00+02:00", False) in found
    thursday = [item for item in found if item[1].startswith("2026-12-03")]
    assert [title for title, *_rest in thursday] == ["Perhekahvila", "Isäryhmä"]
    assert "Viikko 49" in body


def test_every_other_week_counts_from_the_first_date(client, site):
    make_activity(site, title="Perheneuvoja", weekdays=[1], interval_weeks=2, first_date=datetime.date(2026, 11, 24))
    on = starts(client.get("/viikko/?viikko=2026-W50").content.decode())
    off = starts(client.get(f"/viikko/?viikko={WEEK}").content.decode())
    assert [title for title, *_rest in on] == ["Perheneuvoja"]
    assert off == []


def test_times_stay_local_across_the_clock_change(client, site):
    make_activity(site, title="Vauvahieronta", weekdays=[4, 0], start_time=datetime.time(9), end_time=datetime.time(10))
    found = starts(client.get("/viikko/?viikko=2027-W12").content.decode())
    found += starts(client.get("/viikko/?viikko=2027-W13").content.decode())
    assert ("Vauvahieronta", "2027-03-26T09:00:00+02:00", False) in found
    assert ("Vauvahieronta", "2027-03-29T09:00:00+03:00", False) in found


def test_a_cancelled_occurrence_is_struck_through_with_its_reason(client, site):
    activity = make_activity(site, title="Neuvola", weekdays=[1])
    cancel(activity, datetime.date(2026, 12, 1), reason="Terveydenhoitaja on koulutuksessa.")
    body = client.get(f"/viikko/?viikko={WEEK}").content.decode()
    assert starts(body) == [("Neuvola", "2026-12-01T09:00:00+02:00", True)]
    assert "<s>" in body and "Terveydenhoitaja on koulutuksessa." in body


def test_a_moved_occurrence_shows_on_its_new_day_and_time(client, site):
    activity = make_activity(site, title="Ruoka-apu", weekdays=[4])
    move(
        activity,
        datetime.date(2026, 12, 4),
        new_date=datetime.date(2026, 12, 3),
        start=datetime.time(13),
        end=datetime.time(15),
    )
    body = client.get(f"/viikko/?viikko={WEEK}").content.decode()
    assert starts(body) == [("Ruoka-apu", "2026-12-03T13:00:00+02:00", False)]
    assert "Sali on varattu." in body


def test_a_closure_cancels_everything_in_it_and_says_why(client, site):
    make_activity(site, title="Perhekahvila", weekdays=[0, 1, 2, 3, 4])
    close(site, datetime.date(2026, 12, 2), datetime.date(2026, 12, 3), reason="Remontti")
    found = starts(client.get(f"/viikko/?viikko={WEEK}").content.decode())
    assert [cancelled for _title, start, cancelled in found] == [False, False, True, True, False]


def test_events_and_activities_are_merged_in_time_order(client, site):
    make_activity(site, title="Perhekahvila", weekdays=[5], start_time=datetime.time(9))
    make_event(site, local(datetime.date(2026, 12, 5), 8), title="Yhteiskehittämisen päivä")
    found = starts(client.get(f"/viikko/?viikko={WEEK}").content.decode())
    assert [title for title, *_rest in found] == ["Yhteiskehittämisen päivä", "Perhekahvila"]


def test_filters_by_audience_kind_and_support(client, site):
    make_activity(site, title="Isäryhmä", kind="peer", audiences=["fathers"])
    make_activity(site, title="Vauvahieronta", kind="club", audiences=["babies", "parents"])
    make_activity(site, title="Perhekahvila", kind="open", audiences=["everyone"])
    fathers = {title for title, *_ in starts(client.get(f"/viikko/?viikko={WEEK}&kuka=fathers").content.decode())}
    assert fathers == {"Isäryhmä", "Perhekahvila"}
    clubs = {title for title, *_ in starts(client.get(f"/viikko/?viikko={WEEK}&laji=club").content.decode())}
    assert clubs == {"Vauvahieronta"}


def test_staff_only_activities_are_for_staff_only(client, site, django_user_model):
    make_activity(site, title="Talokokous", staff_only=True, slug="talokokous")
    assert "Talokokous" not in client.get(f"/viikko/?viikko={WEEK}").content.decode()
    assert client.get("/viikko/talokokous/").status_code == 404
    assert "Talokokous" not in client.get("/viikko/kalenteri/").content.decode()
    assert "talokokous" not in client.get("/sitemap.xml").content.decode()
    assert "/viikko/talokokous/" not in client.get("/haku/?q=Talokokous").content.decode()
    staff = django_user_model.objects.create_superuser("ohjaaja", password="pitka-salasana-123")
    client.force_login(staff)
    assert "Talokokous" in client.get(f"/viikko/?viikko={WEEK}").content.decode()


@pytest.mark.parametrize("value", ["2026-W99", "2026-W00", "viikko", "2026-49", "9999999-W01", "2026-W5"])
def test_a_week_that_does_not_exist_is_not_found(client, site, value):
    assert client.get("/viikko/", {"viikko": value}).status_code == 404


def test_unknown_filter_values_are_left_out_with_a_notice(client, site):
    make_activity(site, title="Perhekahvila")
    with translation.override("fi"):
        response = client.get(f"/viikko/?viikko={WEEK}&kuka=marsilaiset")
    assert response.status_code == 200
    assert "Perhekahvila" in response.content.decode()
    assert response.context["notices"]


def test_an_activity_has_its_own_page_with_next_dates(client, site):
    activity = make_activity(site, title="Isäryhmä", slug="isaryhma", weekdays=[3], description="Isien oma ilta.")
    body = client.get("/viikko/isaryhma/").content.decode()
    assert "<h1>Isäryhmä</h1>" in body
    assert "Isien oma ilta." in body
    assert body.count("data-start=") == 8  # weekly on Thursdays: the next 8 dates within 12 weeks
    assert activity.slug in client.get("/sitemap.xml").content.decode()
    feed = client.get("/viikko/isaryhma/kalenteri/")
    assert feed["Content-Type"].startswith("text/calendar")
