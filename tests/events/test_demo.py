import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from events import demo as events_demo
from events.demo import activities, changes, event_pages, index_pages
from events.models import (
    Activity,
    ChangeKind,
    Closure,
    EventIndexPage,
    EventKind,
    EventPage,
    OccurrenceChange,
    Registration,
    RegistrationChild,
    WeekPage,
)
from pages.models import Partner
from tests.demo_case import DemoSiteTestCase

LANGUAGES = {"fi", "sv", "en"}


def run(*args) -> None:
    call_command("load_demo", *args, stdout=io.StringIO())


def snapshot():
    return (
        sorted(Page.objects.values_list("locale__language_code", "url_path", "live")),
        sorted(
            EventPage.objects.values_list(
                "url_path", "kind", "adults", "children", "minutes", "partners_present__slug", "start"
            )
        ),
        sorted(
            Activity.objects.values_list(
                "locale__language_code", "slug", "partners__slug", "support_types__slug", "staff_only"
            )
        ),
        sorted(OccurrenceChange.objects.values_list("locale__language_code", "activity__slug", "date", "kind")),
        sorted(Closure.objects.values_list("locale__language_code", "first_date", "last_date")),
        sorted(Registration.objects.values_list("event__url_path", "name", "language", "interpreter_language")),
        RegistrationChild.objects.count(),
    )


@pytest.mark.django_db
def test_load_demo_twice_makes_no_duplicates():
    run()
    first = snapshot()
    run()
    assert snapshot() == first
    assert Activity.objects.count() == len(activities.ACTIVITIES) * len(LANGUAGES)
    assert OccurrenceChange.objects.count() == 2 * len(LANGUAGES)
    assert Closure.objects.count() == len(LANGUAGES)
    specs = event_pages.specs(events_demo.today_in_helsinki(), Closure.objects.get(locale__language_code="fi"))
    assert EventPage.objects.count() == sum(len(spec["content"]) for spec in specs)
    assert len(specs) == len(event_pages.EVENTS)
    assert Registration.objects.count() == len(events_demo.registrations.SIGN_UPS)


@pytest.mark.django_db
def test_a_later_run_keeps_the_events_still_ahead_and_adds_none():
    run()
    first = snapshot()
    later = events_demo.today_in_helsinki() + datetime.timedelta(days=8)
    made = run_events(later)
    again = snapshot()
    assert again[:3] + again[4:] == first[:3] + first[4:], "the same pages, events, activities, closure, sign-ups"
    assert made.events[events_demo.CO_DEVELOPMENT_DAY]["fi"].start.date() > later
    for kind in ChangeKind.values:  # a change that has passed is followed by one still ahead
        ahead = OccurrenceChange.objects.filter(kind=kind, locale__language_code="fi", date__gt=later)
        assert ahead.count() == 1 and made.changes[kind]["fi"] == ahead.get()


def run_events(today):
    from home.demo import default_site
    from home.models import HomePage
    from pages import demo as pages_demo

    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    site = default_site()
    return events_demo.load(site, homes, pages_demo.load(site, homes), today=today)


@pytest.mark.django_db
def test_reset_deletes_the_events_snippets_and_sign_ups_and_builds_them_again():
    run()
    first = snapshot()
    Activity.objects.filter(slug="perhekahvila", locale__language_code="en").delete()
    run("--reset")
    assert snapshot() == first


def test_christmas_closure_is_the_coming_or_current_one():
    assert changes.christmas(datetime.date(2026, 11, 29)) == (datetime.date(2026, 12, 23), datetime.date(2027, 1, 6))
    assert changes.christmas(datetime.date(2026, 12, 30)) == (datetime.date(2026, 12, 23), datetime.date(2027, 1, 6))
    assert changes.christmas(datetime.date(2027, 1, 6)) == (datetime.date(2026, 12, 23), datetime.date(2027, 1, 6))
    assert changes.christmas(datetime.date(2027, 1, 7)) == (datetime.date(2027, 12, 23), datetime.date(2028, 1, 6))


def test_events_never_fall_on_a_weekend_or_in_the_closure():
    for offset in range(0, 366, 5):
        today = datetime.date(2026, 1, 1) + datetime.timedelta(days=offset)
        first, last = changes.christmas(today)
        for spec in event_pages.specs(today, Closure(first_date=first, last_date=last)):
            day = spec["facts"]["start"].date()
            if spec["upcoming"]:
                assert day > today and day.weekday() < 5 and not first <= day <= last, (today, spec["slug"])
            else:
                assert day < today
            if spec["facts"]["kind"] != EventKind.OTHER:  # meetings are on weekdays, a party may be at the weekend
                assert day.weekday() < 5, (today, spec["slug"])


class EventsDemoTests(DemoSiteTestCase):
    def test_programme_and_events_pages_in_every_language_in_menus(self):
        for page_class, slug in ((WeekPage, index_pages.WEEK_PAGE["slug"]), (EventIndexPage, "tapahtumat")):
            pages = page_class.objects.filter(slug=slug).select_related("locale")
            assert {page.locale.language_code for page in pages} == LANGUAGES
            assert all(page.live and page.show_in_menus for page in pages)
        assert WeekPage.objects.get(locale__language_code="en").title == "This week's programme"

    def test_the_house_meeting_is_staff_only_and_the_only_one(self):
        staff_only = Activity.objects.filter(staff_only=True)
        assert set(staff_only.values_list("slug", flat=True)) == {"talokokous"}
        assert staff_only.count() == len(LANGUAGES)
        assert staff_only.get(locale__language_code="fi").interval_weeks == 2

    def test_every_activity_is_translated_with_the_same_facts(self):
        for spec in activities.ACTIVITIES:
            translations = {
                activity.locale.language_code: activity for activity in Activity.objects.filter(slug=spec["slug"])
            }
            assert set(translations) == LANGUAGES, spec["slug"]
            assert len({activity.translation_key for activity in translations.values()}) == 1
            assert len({activity.title for activity in translations.values()}) == len(LANGUAGES), spec["slug"]
            for activity in translations.values():
                assert activity.weekdays == spec["weekdays"]
                assert activity.first_date == activities.FIRST_DATE and activity.last_date is None
                assert activity.description and activity.room

    def test_activities_name_existing_partners_in_their_own_language(self):
        for spec in activities.ACTIVITIES:
            for activity in Activity.objects.filter(slug=spec["slug"]).prefetch_related("partners", "support_types"):
                partners = list(activity.partners.all())
                assert sorted(partner.slug for partner in partners) == sorted(spec["partners"]), spec["slug"]
                assert all(partner.locale_id == activity.locale_id for partner in partners)
                assert sorted(support.slug for support in activity.support_types.all()) == sorted(spec["support"])
        assert not Partner.objects.filter(pk__in=Activity.objects.values("partners")).filter(locale=None).exists()

    def test_the_christmas_closure_and_the_changes_lie_ahead(self):
        today = events_demo.today_in_helsinki()
        closure = Closure.objects.get(locale__language_code="fi")
        assert closure.last_date >= today
        assert (closure.first_date.day, closure.first_date.month, closure.last_date.day) == (23, 12, 6)
        cancelled = OccurrenceChange.objects.get(locale__language_code="en", kind=ChangeKind.CANCELLED)
        assert cancelled.activity.slug == "neuvolan-neuvonta-aika"
        assert cancelled.date > today and cancelled.date.weekday() == 1
        assert "training day" in cancelled.reason
        moved = OccurrenceChange.objects.get(locale__language_code="fi", kind=ChangeKind.MOVED)
        assert moved.new_date == moved.date + datetime.timedelta(days=1)
        assert moved.date.weekday() == 2

    def test_the_co_development_day_is_open_for_sign_up_and_has_sign_ups(self):
        now = timezone.now()
        event = EventPage.objects.get(locale__language_code="fi", kind=EventKind.CO_DEVELOPMENT_DAY, start__gt=now)
        assert event.registration_enabled and event.capacity == 30
        assert event.childcare_offered and event.interpreting_offered
        assert now < event.registration_deadline < event.start
        assert datetime.timedelta(days=20) < event.start - now < datetime.timedelta(days=30)
        local = timezone.localtime(event.start)
        assert (local.hour, timezone.localtime(event.end).hour) == (10, 14)
        assert event.organiser.slug == "mll-uusimaa"
        registrations = Registration.objects.filter(event=event)
        assert registrations.count() == len(events_demo.registrations.SIGN_UPS)
        assert all(registration.status == "confirmed" for registration in registrations)
        assert registrations.filter(interpreter_language="so").count() == 1
        assert RegistrationChild.objects.filter(registration__event=event, needs_childcare=True).exists()
        for translation in EventPage.objects.filter(translation_key=event.translation_key).exclude(pk=event.pk):
            assert translation.start == event.start and translation.registration_enabled
            assert not translation.registrations.exists(), "sign-ups belong to the original"

    def test_a_community_meeting_ahead_and_a_past_event(self):
        now = timezone.now()
        meeting = EventPage.objects.get(locale__language_code="fi", kind=EventKind.COMMUNITY_MEETING, start__gt=now)
        assert meeting.start > now and not meeting.registration_enabled
        assert meeting.slug.startswith(events_demo.COMMUNITY_MEETING)
        past = EventPage.objects.get(locale__language_code="sv", kind=EventKind.OTHER)
        assert past.is_past
        closure = Closure.objects.get(locale__language_code="fi")
        specs = event_pages.specs(events_demo.today_in_helsinki(), closure)
        in_english = [spec for spec in specs if "en" in spec["content"]]
        assert len(in_english) == len(specs) - 2, "all but the two house meetings"
        assert EventPage.objects.filter(locale__language_code="en").count() == len(in_english)

    def test_page_specs_count_the_pages_the_demo_makes(self):
        def count(spec):
            return len(spec["content"]) + sum(count(child) for child in spec.get("children", []))

        made = WeekPage.objects.count() + EventIndexPage.objects.count() + EventPage.objects.count()
        assert sum(count(spec) for spec in events_demo.page_specs()) == made


@pytest.mark.django_db
def test_changes_avoid_the_closure_whatever_the_day():
    run()
    for today in (datetime.date(2026, 12, 20), datetime.date(2027, 12, 21), datetime.date(2027, 1, 2)):
        made = run_events(today)
        first, last = changes.christmas(today)
        for kind, change in ((kind, made.changes[kind]["fi"]) for kind in ChangeKind.values):
            assert change.date > today, kind
            for day in filter(None, (change.date, change.new_date)):
                assert not first <= day <= last, (today, kind, day)
