"""The demo's visit counts: two months of the public activities' occurrences held, counted with plausible
numbers, made once, extended by a later run without touching what staff corrected, and gone with a reset."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from events import demo as events_demo
from events import schedule
from events.demo import changes, visits
from events.models import Activity, Closure, VisitCount
from events.models.visits import MAX_COUNT
from tests.demo_case import DemoSiteTestCase


def run(*args) -> None:
    call_command("load_demo", *args, stdout=io.StringIO())


def snapshot():
    return sorted(VisitCount.objects.values_list("activity__slug", "date", "adults", "children", "first_time_families"))


def demo_activities() -> dict[str, dict[str, Activity]]:
    found: dict[str, dict[str, Activity]] = {}
    for activity in Activity.objects.select_related("locale"):
        found.setdefault(activity.slug, {})[activity.locale.language_code] = activity
    return found


@pytest.mark.django_db
def test_load_demo_twice_counts_each_occurrence_once():
    run()
    first = snapshot()
    run()
    assert snapshot() == first
    assert 75 <= len(first) <= 130
    assert len({(slug, day) for slug, day, *_numbers in first}) == len(first)


@pytest.mark.django_db
def test_reset_deletes_the_counts_that_protect_the_activities_and_counts_again():
    run()
    first = snapshot()
    VisitCount.objects.filter(activity__slug="ruoka-apu").delete()
    run("--reset")
    assert snapshot() == first


@pytest.mark.django_db
def test_a_later_run_counts_the_days_since_and_keeps_a_corrected_count():
    run()
    corrected = VisitCount.objects.filter(activity__slug="perhekahvila").earliest("date")
    VisitCount.objects.filter(pk=corrected.pk).update(adults=40)
    before = snapshot()
    later = events_demo.today_in_helsinki() + datetime.timedelta(days=21)  # past a Christmas closure too
    site = Activity.objects.first().site
    made = visits.load(site, demo_activities(), later)
    assert VisitCount.objects.get(pk=corrected.pk).adults == 40
    after = snapshot()
    assert set(before) < set(after)
    assert all(day >= events_demo.today_in_helsinki() for _slug, day, *_numbers in set(after) - set(before))
    assert made[0].date >= later - datetime.timedelta(days=visits.DAYS) and made[-1].date < later


class VisitCountsDemoTests(DemoSiteTestCase):
    def setUp(self):
        self.today = events_demo.today_in_helsinki()
        self.first = self.today - datetime.timedelta(days=visits.DAYS)
        self.default = Locale.get_default()

    def test_every_public_activity_is_counted_and_the_staff_meeting_is_not(self):
        counted = set(VisitCount.objects.values_list("activity", flat=True))
        public = Activity.objects.filter(locale=self.default, staff_only=False)
        assert counted == set(public.values_list("pk", flat=True))
        assert Activity.objects.filter(locale=self.default, staff_only=True).exists()

    def test_counts_fall_on_the_days_held_in_the_two_months_before_today(self):
        with translation.override("fi"):
            closures = Closure.objects.rows()
        for count in VisitCount.objects.select_related("activity"):
            assert self.first <= count.date < self.today, count
            assert schedule.dates(count.activity, count.date, count.date) == [count.date], count
            assert schedule.closure_on(closures, count.date) is None, count

    def test_the_family_cafe_is_counted_every_weekday_it_was_open(self):
        with translation.override("fi"):
            closures = Closure.objects.rows()
        # The demo's closure is the coming Christmas break; the place was closed over the last one too.
        closures.append(schedule.ClosedDays(*changes.christmas(self.first), reason=""))
        weekdays = [
            self.first + datetime.timedelta(days=offset)
            for offset in range(visits.DAYS)
            if (self.first + datetime.timedelta(days=offset)).weekday() < 5
        ]
        open_days = [day for day in weekdays if schedule.closure_on(closures, day) is None]
        cafe = VisitCount.objects.filter(activity__slug="perhekahvila", activity__locale=self.default)
        assert sorted(cafe.values_list("date", flat=True)) == open_days

    def test_numbers_are_plausible_for_the_family_cafe_and_every_activity(self):
        cafe = VisitCount.objects.filter(activity__slug="perhekahvila")
        for count in cafe:
            assert 8 <= count.adults <= 15 and 10 <= count.children <= 22 and 0 <= count.first_time_families <= 3
        assert len({count.adults for count in cafe}) > 3, "the numbers vary from day to day"
        assert cafe.filter(first_time_families__gt=0).exists()
        for count in VisitCount.objects.all():
            count.full_clean()
            assert 1 <= count.adults <= MAX_COUNT and count.first_time_families <= count.adults

    def test_the_dashboard_querysets_see_two_months(self):
        counts = VisitCount.objects.for_site(Activity.objects.first().site).between(self.first, self.today)
        totals = counts.totals()
        assert totals["occurrences"] == VisitCount.objects.count()
        assert totals["children"] > totals["adults"] / 2 and totals["first_time_families"] > 0
        assert 2 <= len(counts.by_month()) <= 4 and 6 <= len(counts.by_week()) <= 10
