"""Every public page of the programme and the events runs at most BUDGET queries once the shared caches are warm,
and the same number with ten times the data (300 activities and their changes; more events and sign-ups), first
request included. The page cache is off: these are the pages it fills."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from events.models import Activity, EventPage, OccurrenceChange, Registration, RegistrationStatus
from pages import freshness
from tests.pages.builders import make_partners

from .builders import close, from_now, local, make_activity, make_event, make_programme_site, translate

BUDGET = 12
WEEK = "2026-W49"
MONDAY = datetime.date(2026, 11, 30)


def measure(client, urls: list[str]) -> dict[str, tuple[int, int]]:
    """For each address (first request after a content change, the request after it) in queries."""
    freshness.bump()
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as first:
            response = client.get(url)
        assert response.status_code == 200, url
        with CaptureQueriesContext(connection) as again:
            client.get(url)
        counts[url] = (len(first), len(again))
    return counts


def assert_same_and_in_budget(small: dict, large: dict) -> None:
    print({url: (small[url], large[url]) for url in small})
    assert small == large, "queries ((first, again) with little data, then with a lot)"
    over = {url: again for url, (_first, again) in large.items() if again > BUDGET}
    assert not over, f"more than {BUDGET} queries with the shared caches warm: {over}"


def add_activities(site: dict, count: int, start: int) -> None:
    """`count` public activities written in bulk (the admin would save them one by one), each with partners,
    on varied days and rhythms, a quarter with a cancelled occurrence in the measured week."""
    locale = Locale.objects.get(language_code="fi")
    kinds = ["open", "peer", "drop_in", "material", "club"]
    made = Activity.objects.bulk_create(
        Activity(
            site=site["site"],
            locale=locale,
            translation_key=uuid.uuid4(),
            title=f"Toiminta {number:04d}",
            slug=f"toiminta-{number:04d}",
            kind=kinds[number % len(kinds)],
            description="Avointa toimintaa perheille.",
            audiences=["everyone"] if number % 2 else ["fathers", "babies"],
            languages=["fi", "en"][: 1 + number % 2],
            weekdays=[number % 5, (number + 2) % 7],
            interval_weeks=1 + number % 2,
            start_time=datetime.time(9 + number % 8),
            end_time=datetime.time(10 + number % 8),
            first_date=datetime.date(2026, 8, 3),
        )
        for number in range(start, start + count)
    )
    partners, support = site["partners"], list(site["support"].values())
    Activity.partners.through.objects.bulk_create(
        Activity.partners.through(activity=activity, partner=partner)
        for number, activity in enumerate(made)
        for partner in partners[: 1 + number % len(partners)]
    )
    Activity.support_types.through.objects.bulk_create(
        Activity.support_types.through(activity=activity, supporttype=kind)
        for number, activity in enumerate(made)
        for kind in support[: 1 + number % len(support)]
    )
    OccurrenceChange.objects.bulk_create(
        OccurrenceChange(
            locale=locale,
            translation_key=uuid.uuid4(),
            activity=activity,
            date=MONDAY + datetime.timedelta(days=number % 5),
            kind="cancelled",
            reason="Ohjaaja on sairas.",
        )
        for number, activity in enumerate(made)
        if number % 4 == 0
    )


def add_events(site: dict, count: int) -> None:
    for number in range(count):
        make_event(site, local(MONDAY + datetime.timedelta(days=number % 6), 10 + number % 5), kind="other")
        make_event(site, from_now(-20 - number), kind="community_meeting")


def add_sign_ups(event: EventPage, count: int) -> None:
    Registration.objects.bulk_create(
        Registration(
            event=event,
            status=RegistrationStatus.CONFIRMED,
            submission_key=uuid.uuid4(),
            language="fi",
            name=f"Perhe {number}",
            adults=1,
            consented_at=timezone.now(),
        )
        for number in range(count)
    )


@pytest.mark.django_db
@override_settings(KOHTAAMO_PAGE_CACHE=False)
def test_programme_pages_stay_in_budget_and_do_not_grow_from_30_to_300_activities(client):
    site = make_programme_site()
    site["partners"] = make_partners(4, site["support"], sector="mixed")
    translate(site["week_page"], "en", title="This week")
    close(site, datetime.date(2026, 12, 3), datetime.date(2026, 12, 4))
    cafe = make_activity(site, slug="perhekahvila", partners=site["partners"][:2])
    make_activity(site, slug="talokokous", staff_only=True)
    make_event(site, local(MONDAY, 10), kind="other")
    add_activities(site, 30, start=0)
    urls = [
        f"/viikko/?viikko={WEEK}",
        "/en/viikko/",
        f"/viikko/?viikko={WEEK}&kuka=fathers&laji=peer&laji=tapahtuma&tuki=vertaistuki",
        "/viikko/kalenteri/",
        f"/viikko/{cafe.slug}/",
        f"/viikko/{cafe.slug}/kalenteri/",
    ]
    for url in urls:  # what a first visit makes once (the site's settings), so both sizes start alike
        client.get(url)

    small = measure(client, urls)
    add_activities(site, 270, start=30)
    large = measure(client, urls)

    assert Activity.objects.filter(site=site["site"]).count() == 302
    assert_same_and_in_budget(small, large)


@pytest.mark.django_db
@override_settings(KOHTAAMO_PAGE_CACHE=False)
def test_event_pages_stay_in_budget_and_do_not_grow_with_events_and_sign_ups(client):
    site = make_programme_site()
    partners = make_partners(3, site["support"])
    day = make_event(
        site,
        from_now(10),
        kind="co_development",
        slug="kehittamispaiva",
        registration_enabled=True,
        capacity=5000,
        organiser=partners[0],
        partners_present=partners[:2],
    )
    translate(day, "en", title="Co-development day")
    add_events(site, 1)
    add_sign_ups(day, 3)
    urls = [
        "/tapahtumat/",
        "/tapahtumat/?laji=other",
        "/tapahtumat/menneet/",
        "/tapahtumat/kalenteri/",
        day.url,
        "/en" + day.url,
        day.url + "kalenteri/",
    ]
    for url in urls:
        client.get(url)

    small = measure(client, urls)
    add_events(site, 4)
    add_sign_ups(day, 300)
    large = measure(client, urls)

    assert EventPage.objects.count() == 12
    assert_same_and_in_budget(small, large)
