"""The iCal feeds say what the week page says: read back by an independent parser (`recurring-ical-events`),
a feed expands to exactly the occurrences `events.schedule` gives, across both daylight-saving changes."""

import datetime
from html.parser import HTMLParser

import pytest
import recurring_ical_events
from icalendar import Calendar
from wagtail.models import Locale

from events import calendar, schedule
from events.models import Activity, Closure, EventPage, OccurrenceChange

from .builders_calendar import HELSINKI, day, make_programme

pytestmark = pytest.mark.django_db

ORDINARY_WEEK = "2026-W47"
OCTOBER_CHANGE = "2026-W43"  # Sunday 25 October 2026: 04.00 summer time becomes 03.00
MARCH_CHANGE = "2027-W12"  # Sunday 28 March 2027: 03.00 becomes 04.00 summer time
AFTER_MARCH_CHANGE = "2027-W13"
WEEKS = [ORDINARY_WEEK, "2026-W41", OCTOBER_CHANGE, "2026-W44", MARCH_CHANGE, AFTER_MARCH_CHANGE]


@pytest.fixture
def programme():
    return make_programme()


def link(row) -> str:
    return f"https://kohtaamo.example/{row.slug}/"


def rows():
    """What the page views pass: every activity (the feed leaves out staff-only ones), changes and closures of
    all time, the events."""
    activities = list(Activity.objects.all())
    return activities, OccurrenceChange.objects.rows(), Closure.objects.rows(), list(EventPage.objects.live())


def feed() -> bytes:
    activities, changes, closures, events = rows()
    return calendar.programme(activities, changes, closures, events, title="Viikko-ohjelma", link=link)


def monday(week: str) -> datetime.date:
    return schedule.parse_week(week, day(2026, 1, 1))


def span(first: datetime.date, last: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """From midnight at the start of `first` to midnight at the end of `last`, in Helsinki."""
    return schedule.aware(first, datetime.time.min), schedule.aware(
        last + datetime.timedelta(days=1), datetime.time.min
    )


def moment(value) -> str:
    return value.astimezone(HELSINKI).isoformat()


def expanded(body: bytes, first: datetime.date, last: datetime.date) -> set[tuple[str, str, str]]:
    """(uid, local start, local end) of what a calendar app shows from `first` to `last`."""
    found = recurring_ical_events.of(Calendar.from_ical(body)).between(*span(first, last))
    return {(str(event["UID"]), moment(event.start), moment(event.end)) for event in found}


def expected(first: datetime.date, last: datetime.date, activities=None, events=None) -> set[tuple[str, str, str]]:
    """What the week page shows from `first` to `last` and is not cancelled (the public programme's rows)."""
    all_activities, changes, closures, all_events = rows()
    activities = [a for a in (all_activities if activities is None else activities) if not a.staff_only]
    events = all_events if events is None else events
    after, before = span(first, last)
    return {
        (calendar.activity_uid(occurrence.activity), moment(occurrence.start), moment(occurrence.end))
        for occurrence in schedule.occurrences(activities, changes, closures, first, last)
        if not occurrence.cancelled
    } | {
        (calendar.event_uid(event), moment(event.start), moment(event.end))
        for event in events
        if event.start < before and event.end > after
    }


def uid_of(activity) -> str:
    return calendar.activity_uid(activity)


# The feed against the schedule


@pytest.mark.parametrize("week", WEEKS)
def test_a_week_of_the_feed_is_what_the_week_page_shows(programme, week):
    first = monday(week)
    last = first + datetime.timedelta(days=6)
    shown = expected(first, last)
    assert shown, "the week has something on"
    assert expanded(feed(), first, last) == shown


def test_every_week_of_the_year_matches(programme):
    body = feed()
    first = day(2026, 8, 3)
    while first < day(2027, 8, 2):
        last = first + datetime.timedelta(days=6)
        assert expanded(body, first, last) == expected(first, last), schedule.week_param(first)
        first += datetime.timedelta(weeks=1)


def test_nine_stays_nine_on_both_sides_of_the_clock_changes(programme):
    body = feed()
    gym = uid_of(programme["activities"]["gym"])
    starts = {start for uid, start, _end in expanded(body, day(2026, 10, 17), day(2027, 4, 4)) if uid == gym}
    assert "2026-10-18T09:00:00+03:00" in starts
    assert "2026-10-24T09:00:00+03:00" not in starts  # moved into a closure: cancelled
    assert "2026-10-25T09:00:00+02:00" in starts
    assert "2027-03-27T09:00:00+02:00" in starts
    assert "2027-03-28T09:00:00+03:00" in starts
    assert {start[11:19] for start in starts} == {"09:00:00"}


def test_cancelled_moved_and_closed_occurrences(programme):
    body = feed()
    cafe = uid_of(programme["activities"]["cafe"])
    october = {(start, end) for uid, start, end in expanded(body, day(2026, 10, 19), day(2026, 10, 25)) if uid == cafe}
    assert october == {
        ("2026-10-19T10:30:00+03:00", "2026-10-19T12:30:00+03:00"),  # moved to a later time the same day
        ("2026-10-24T10:00:00+03:00", "2026-10-24T12:30:00+03:00"),  # moved out of the closure to Saturday
    }  # 21.10 cancelled, 23.10 closed (but moved), the change for Tuesday 20.10 matches no occurrence
    march = {start for uid, start, _end in expanded(body, day(2027, 3, 22), day(2027, 4, 4)) if uid == cafe}
    assert "2027-03-26T09:30:00+02:00" not in march and "2027-03-29T09:30:00+03:00" not in march
    assert {"2027-03-25T10:00:00+02:00", "2027-03-28T11:00:00+03:00"} <= march  # to Sunday: across weeks and DST
    christmas = expanded(body, day(2026, 12, 21), day(2027, 1, 6))
    assert christmas == set()


def test_every_other_week_starts_on_its_first_real_occurrence(programme):
    body = feed()
    fathers = uid_of(programme["activities"]["fathers"])
    starts = sorted(start for uid, start, _end in expanded(body, day(2026, 8, 1), day(2026, 10, 31)) if uid == fathers)
    assert starts == [
        "2026-09-17T17:00:00+03:00",
        "2026-10-01T17:00:00+03:00",
        "2026-10-15T17:00:00+03:00",
        "2026-10-29T17:00:00+02:00",
    ]
    master = next(e for e in Calendar.from_ical(body).events if str(e["UID"]) == fathers)
    assert master.start == datetime.datetime(2026, 9, 17, 17, tzinfo=HELSINKI)
    assert master["RRULE"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;WKST=MO"


def test_the_last_date_is_the_last_occurrence_until_in_utc(programme):
    body = feed()
    advice = uid_of(programme["activities"]["advice"])
    starts = sorted(start for uid, start, _end in expanded(body, day(2027, 3, 1), day(2027, 5, 1)) if uid == advice)
    assert starts[-1] == "2027-03-30T13:00:00+03:00"
    assert b"RRULE:FREQ=WEEKLY;UNTIL=20270330T100000Z;INTERVAL=1;BYDAY=TU;WKST=MO" in body


def test_staff_only_activities_are_never_in_the_feed(programme):
    body = feed()
    assert b"Talokokous" not in body
    assert uid_of(programme["activities"]["house"]).encode() not in body


def test_one_activity_feed(programme):
    activities, changes, closures, _events = rows()
    cafe = next(activity for activity in activities if activity.slug == "perhekahvila")
    body = calendar.activity_feed(cafe, changes, closures, link=link)
    first, last = day(2026, 8, 3), day(2027, 8, 1)
    assert expanded(body, first, last) == expected(first, last, activities=[cafe], events=[])
    parsed = Calendar.from_ical(body)
    assert {str(e["UID"]) for e in parsed.events} == {uid_of(cafe)}
    assert [str(e["URL"]) for e in parsed.events][0] == "https://kohtaamo.example/perhekahvila/"


def test_one_event_feed(programme):
    event = programme["events"][1]
    parsed = Calendar.from_ical(calendar.event_feed(event, link=link))
    (component,) = parsed.events
    assert str(component["UID"]) == calendar.event_uid(event)
    assert str(component["STATUS"]) == "CONFIRMED"
    assert str(component["SUMMARY"]) == "Yhteiskehittämisen päivä"
    assert str(component["LOCATION"]) == "Koivukylän koulu"
    assert component.start == datetime.datetime(2027, 3, 27, 10, tzinfo=HELSINKI)
    assert component.start.tzinfo.key == "Europe/Helsinki"
    assert [tz.tz_name for tz in parsed.timezones] == ["Europe/Helsinki"]


# The calendar as a file


def test_the_feed_is_byte_stable_and_round_trips(programme):
    activities, changes, closures, events = rows()
    body = feed()
    again = calendar.programme(
        list(reversed(activities)), changes, closures, list(reversed(events)), title="Viikko-ohjelma", link=link
    )
    assert again == body
    parsed = Calendar.from_ical(body)
    assert parsed.to_ical() == body
    assert str(parsed["PRODID"]) == "-//Kohtaamo//"
    assert str(parsed["METHOD"]) == "PUBLISH"
    assert str(parsed["X-WR-CALNAME"]) == "Viikko-ohjelma"
    assert b"REFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in body and b"X-PUBLISHED-TTL:P1D\r\n" in body
    assert [tz.tz_name for tz in parsed.timezones] == ["Europe/Helsinki"]
    for component in parsed.events:
        assert {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} <= set(component)
        assert component["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
        assert component.start.tzinfo.key == "Europe/Helsinki"
    overrides = [component for component in parsed.events if "RECURRENCE-ID" in component]
    assert len(overrides) == 4  # the cafe moved four times; the gym moved into a closure is an EXDATE
    assert all(str(o["UID"]) == uid_of(programme["activities"]["cafe"]) for o in overrides)


def test_uids_are_the_same_in_every_language(programme, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kohtaamo.example:8443/"
    cafe = programme["activities"]["cafe"]
    swedish = cafe.copy_for_translation(Locale.objects.get_or_create(language_code="sv")[0])
    swedish.title = "Familjecafé"
    swedish.save()
    assert calendar.activity_uid(cafe) == calendar.activity_uid(swedish)
    assert calendar.activity_uid(cafe) == f"activity-{cafe.translation_key}@kohtaamo.example"
    event = programme["events"][0]
    assert calendar.event_uid(event) == f"event-{event.translation_key}@kohtaamo.example"


# Over HTTP: the feed against the week page's HTML


class ProgrammeItems(HTMLParser):
    """The week page's occurrences: (uid, start, cancelled) of each element carrying `data-uid`."""

    def __init__(self):
        super().__init__()
        self.items = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "data-uid" in attributes:
            self.items.append((attributes["data-uid"], attributes["data-start"], "data-cancelled" in attributes))


def feed_url(page, route: str = "calendar_route", *args) -> str:
    """A feed's address as the page routes it (`/viikko/kalenteri/`, `/viikko/<slug>/kalenteri/`, ...)."""
    return page.url + page.reverse_subpage(route, args=args).removeprefix("/")


def week_page_items(client, week: str) -> list[tuple[str, str, bool]]:
    response = client.get("/viikko/", {"viikko": week})
    assert response.status_code == 200
    parser = ProgrammeItems()
    parser.feed(response.content.decode())
    return parser.items


def test_the_programme_feed_over_http(client, programme):
    response = client.get(feed_url(programme["week_page"]))
    assert response.status_code == 200
    assert response["Content-Type"] == calendar.CONTENT_TYPE
    parsed = Calendar.from_ical(response.content)
    assert [tz.tz_name for tz in parsed.timezones] == ["Europe/Helsinki"]
    assert b"Talokokous" not in response.content
    assert uid_of(programme["activities"]["house"]).encode() not in response.content
    feed_events = {str(component["UID"]) for component in parsed.events}
    for week in (OCTOBER_CHANGE, MARCH_CHANGE, AFTER_MARCH_CHANGE):
        first = monday(week)
        items = week_page_items(client, week)
        shown = {(uid, start) for uid, start, cancelled in items if not cancelled}
        # Events held long ago drop out of the feed (FEED_PAST_DAYS), not out of the week page.
        shown = {(uid, start) for uid, start in shown if uid in feed_events}
        found = {(uid, start) for uid, start, _end in expanded(response.content, first, first + datetime.timedelta(6))}
        assert found, week
        assert found == shown, week
        cancelled = {(uid, start) for uid, start, cancelled in items if cancelled}
        assert not cancelled & found


def test_the_other_feeds_over_http(client, programme):
    week_page = programme["week_page"]
    response = client.get(feed_url(week_page, "activity_calendar_route", "perhekahvila"))
    assert response.status_code == 200
    assert response["Content-Type"] == calendar.CONTENT_TYPE
    assert {str(e["UID"]) for e in Calendar.from_ical(response.content).events} == {
        uid_of(programme["activities"]["cafe"])
    }
    assert client.get(feed_url(week_page, "activity_calendar_route", "talokokous")).status_code == 404
    response = client.get(feed_url(programme["events"][1]))
    assert response.status_code == 200
    (component,) = Calendar.from_ical(response.content).events
    assert str(component["STATUS"]) == "CONFIRMED"
    assert str(component["UID"]) == calendar.event_uid(programme["events"][1])
    response = client.get(feed_url(programme["events_page"]))
    assert response.status_code == 200
    assert calendar.event_uid(programme["events"][1]).encode() in response.content
