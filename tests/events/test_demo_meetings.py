"""The events demo's meetings: the co-development day and the community meeting already held, with their record
in fi, sv and en, and the staff's house meetings, in Finnish and for staff only."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from events import demo as events_demo
from events import schedule
from events.demo import changes, days, meetings
from events.demo.activities import FIRST_DATE
from events.models import Activity, Closure, EventIndexPage, EventKind, EventPage
from home.demo import load
from tests.demo_case import DemoSiteTestCase

LANGUAGES = {"fi", "sv", "en"}


def translations(page: EventPage) -> dict[str, EventPage]:
    pages = EventPage.objects.filter(translation_key=page.translation_key).select_related("locale")
    return {translation.locale.language_code: translation for translation in pages}


def held(kind: str) -> EventPage:
    return EventPage.objects.get(locale__language_code="fi", kind=kind, end__lt=timezone.now())


def days_ago(page: EventPage) -> int:
    return (events_demo.today_in_helsinki() - timezone.localdate(page.start)).days


class MeetingsHeldTests(DemoSiteTestCase):
    def assert_record_in_every_language(self, meeting: EventPage) -> dict[str, EventPage]:
        pages = translations(meeting)
        assert set(pages) == LANGUAGES
        assert len({page.title for page in pages.values()}) == len(LANGUAGES)
        assert len({page.minutes for page in pages.values()}) == len(LANGUAGES), "minutes written in each language"
        for code, page in pages.items():
            assert page.live and page.is_past and not page.staff_only and not page.registration_enabled, code
            assert "<p>" in page.minutes and "<ul>" in page.minutes and "<script" not in page.minutes, code
            assert (page.adults, page.children) == (meeting.adults, meeting.children) and meeting.adults > 0
            partners = list(page.partners_present.select_related("locale"))
            assert len(partners) >= 3 and {partner.locale.language_code for partner in partners} == {code}
            assert sorted(partner.slug for partner in partners) == sorted(
                partner.slug for partner in meeting.partners_present.all()
            )
            assert not PageViewRestriction.objects.filter(page=page).exists()
            response = self.client.get(page.url)
            assert response.status_code == 200, page.url
            body = response.content.decode()
            first_item = page.minutes.split("<li>", 1)[1].split("</li>", 1)[0]
            assert first_item in body, (code, first_item)
        return pages

    def test_the_co_development_day_held_has_its_programme_participants_minutes_and_workshops(self):
        day = held(EventKind.CO_DEVELOPMENT_DAY)
        assert meetings.CO_DEVELOPMENT_DAY_HELD <= days_ago(day) <= meetings.CO_DEVELOPMENT_DAY_HELD + 2
        assert not day.slug.startswith(events_demo.CO_DEVELOPMENT_DAY), "the upcoming day keeps its own prefix"
        pages = self.assert_record_in_every_language(day)
        themes = set()
        for code, page in pages.items():
            assert len(page.body) >= 2, code
            assert [block.block_type for block in page.workshops] == ["workshop"] * 3, code
            for block in page.workshops:
                assert block.value["theme"] and block.value["worked_on"] and block.value["next_steps"], code
            themes.add(tuple(block.value["theme"] for block in page.workshops))
            body = self.client.get(page.url).content.decode()
            assert all(block.value["theme"] in body for block in page.workshops), code
        assert len(themes) == len(LANGUAGES), "each language names the workshops in its own words"

    def test_the_community_meeting_held_has_minutes_and_participants(self):
        meeting = held(EventKind.COMMUNITY_MEETING)
        assert meetings.COMMUNITY_MEETING_HELD <= days_ago(meeting) <= meetings.COMMUNITY_MEETING_HELD + 2
        pages = self.assert_record_in_every_language(meeting)
        assert all(len(page.workshops) == 0 for page in pages.values())

    def test_the_upcoming_meetings_are_still_there(self):
        now = timezone.now()
        for kind in (EventKind.CO_DEVELOPMENT_DAY, EventKind.COMMUNITY_MEETING):
            ahead = EventPage.objects.filter(kind=kind, start__gt=now)
            assert {page.locale.language_code for page in ahead} == LANGUAGES, kind


class HouseMeetingsTests(DemoSiteTestCase):
    def house_meetings(self):
        return EventPage.objects.filter(kind=EventKind.HOUSE_MEETING).order_by("start")

    def test_two_house_meetings_in_finnish_the_last_with_minutes_and_the_next_ahead(self):
        last, following = self.house_meetings().select_related("locale")
        now = timezone.now()
        assert {last.locale.language_code, following.locale.language_code} == {"fi"}
        assert last.end < now < following.start
        assert "<ul>" in last.minutes and last.partners_present.exists()
        assert not following.minutes
        for meeting in (last, following):
            assert meeting.staff_only and not meeting.registration_enabled and meeting.live
            local = timezone.localtime(meeting.start)
            assert local.weekday() == 4 and (local.hour, local.minute) == (13, 30)
            assert days.on_house_meeting_rhythm(local.date())
        assert (following.start - last.start).days % 14 == 0

    def test_house_meetings_carry_the_login_restriction_and_stay_out_of_public_lists(self):
        house_meetings = list(self.house_meetings())
        for meeting in house_meetings:
            restriction = PageViewRestriction.objects.get(page=meeting)
            assert restriction.restriction_type == PageViewRestriction.LOGIN
        held_day = held(EventKind.CO_DEVELOPMENT_DAY)
        for index in EventIndexPage.objects.all():
            listed = set(index.events().values_list("pk", flat=True))
            assert listed and not listed & {meeting.pk for meeting in house_meetings}, index.url
            for route in ("", "menneet/"):
                body = self.client.get(index.url + route).content.decode()
                assert not [meeting.slug for meeting in house_meetings if meeting.slug in body], index.url + route
        past_list = self.client.get(EventIndexPage.objects.get(locale__language_code="fi").url + "menneet/")
        assert held_day.slug in past_list.content.decode(), "the list does show the public meeting held"
        sitemap = self.client.get("/sitemap.xml").content.decode()
        assert held_day.slug in sitemap
        assert not [meeting.slug for meeting in house_meetings if meeting.slug in sitemap]

    def test_a_visitor_cannot_open_a_house_meeting_but_staff_can(self):
        for meeting in self.house_meetings():
            assert self.client.get(meeting.url).status_code in (302, 404), meeting.url
        staff = get_user_model().objects.create_superuser("koordinaattori", "koordinaattori@example.org", "x")
        self.client.force_login(staff)
        last = self.house_meetings().first()
        response = self.client.get(last.url)
        assert response.status_code == 200
        assert last.minutes.split("<li>", 1)[1].split("</li>", 1)[0] in response.content.decode()


class EventsDemoResultTests(DemoSiteTestCase):
    def test_the_result_names_every_meeting_and_a_second_run_makes_none(self):
        pages = Page.objects.count()
        made = load().events
        assert Page.objects.count() == pages
        now = timezone.now()
        keys = (meetings.PAST_CO_DEVELOPMENT_DAY, meetings.PAST_COMMUNITY_MEETING)
        for key, kind in zip(keys, (EventKind.CO_DEVELOPMENT_DAY, EventKind.COMMUNITY_MEETING), strict=True):
            assert set(made.events[key]) == LANGUAGES
            assert made.meeting(key) == held(kind) and made.meeting(key).locale.language_code == "fi"
        last, following = made.meeting(meetings.LAST_HOUSE_MEETING), made.meeting(meetings.NEXT_HOUSE_MEETING)
        assert set(made.events[meetings.LAST_HOUSE_MEETING]) == set(made.events[meetings.NEXT_HOUSE_MEETING]) == {"fi"}
        assert last.kind == following.kind == EventKind.HOUSE_MEETING and last.end < now < following.start
        assert made.meeting(events_demo.CO_DEVELOPMENT_DAY).start > now


def test_house_meeting_days_follow_the_fortnightly_activity_and_skip_christmas():
    activity = Activity(weekdays=[4], interval_weeks=2, first_date=FIRST_DATE, start_time=datetime.time(13, 30))
    fridays = set(schedule.dates(activity, FIRST_DATE, FIRST_DATE + datetime.timedelta(days=400)))
    assert len(fridays) > 20
    for offset in range(0, 400):
        day = FIRST_DATE + datetime.timedelta(days=offset)
        assert days.on_house_meeting_rhythm(day) == (day in fridays), day
    for offset in range(0, 366, 3):
        today = datetime.date(2026, 9, 1) + datetime.timedelta(days=offset)
        first, last = changes.christmas(today)
        closure = Closure(first_date=first, last_date=last)
        before, after = days.last_house_meeting(today, closure), days.next_house_meeting(today, closure)
        assert before < today < after, today
        assert days.on_house_meeting_rhythm(before) and days.on_house_meeting_rhythm(after)
        assert not first <= after <= last, today
        assert not changes.christmas(before)[0] <= before <= changes.christmas(before)[1], today
        assert (after - before).days <= 14 * 3


def test_meetings_held_move_back_to_a_weekday():
    for offset in range(7):
        today = datetime.date(2026, 11, 23) + datetime.timedelta(days=offset)
        day = days.weekday_ago(meetings.CO_DEVELOPMENT_DAY_HELD)(today, None)
        assert day.weekday() < 5
        assert meetings.CO_DEVELOPMENT_DAY_HELD <= (today - day).days <= meetings.CO_DEVELOPMENT_DAY_HELD + 2
