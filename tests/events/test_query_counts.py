"""The programme's pages run a number of queries that does not grow with the number of activities or events."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from events.models import Activity, EventPage

from .builders import cancel, close, local, make_activity, make_event, make_programme_site

WEEK = "2026-W49"


@override_settings(KOHTAAMO_PAGE_CACHE=False)  # the page itself, not the page cache
def count_queries(client, url: str) -> int:
    client.get(url)  # warm what is cached across requests (site root paths, content types, shared parts)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def build(site, count: int) -> None:
    partners = site["partners"]
    support = list(site["support"].values())
    for number in range(count):
        activity = make_activity(
            site,
            weekdays=[number % 5, (number + 2) % 7],
            interval_weeks=1 + number % 2,
            kind=["open", "peer", "drop_in", "material", "club"][number % 5],
            partners=partners[: 1 + number % 3],
            support_types=support[: 1 + number % 3],
        )
        activity.support_types.set(support[: 1 + number % 3])
        activity.save()
        if number % 4 == 0:
            cancel(activity, datetime.date(2026, 11, 30) + datetime.timedelta(days=number % 5))
    for number in range(count // 10):
        make_event(
            site,
            local(datetime.date(2026, 12, 1) + datetime.timedelta(days=number % 60), 10),
            registration_enabled=True,
            capacity=20,
        )


@pytest.mark.django_db
def test_programme_pages_run_the_same_number_of_queries_for_10_and_300_activities(client):
    from tests.pages.builders import make_partners

    site = make_programme_site()
    site["partners"] = make_partners(4, site["support"], sector="mixed")
    close(site, datetime.date(2026, 12, 24), datetime.date(2027, 1, 6))
    urls = lambda: [  # noqa: E731 - the event's address exists only after building
        f"/viikko/?viikko={WEEK}",
        f"/viikko/?viikko={WEEK}&kuka=fathers&laji=peer&tuki=vertaistuki",
        "/viikko/kalenteri/",
        f"/viikko/{Activity.objects.order_by('pk').first().slug}/",
        "/tapahtumat/",
        "/tapahtumat/menneet/",
        EventPage.objects.order_by("pk").first().url,
        "/",
        "/toimijat/",
        "/toimijat/toimija-000/",
    ]
    build(site, 10)
    small = [count_queries(client, url) for url in urls()]
    Activity.objects.all().delete()
    build(site, 300)
    large = [count_queries(client, url) for url in urls()]
    assert Activity.objects.count() == 300
    counts = dict(zip(urls(), zip(small, large, strict=True), strict=True))
    print(counts)
    assert small == large, f"queries (10 activities, 300 activities): {counts}"
