"""Builders for programme tests: a site with a week page and an events page, activities and events."""

import datetime
import itertools

from django.utils import timezone
from wagtail.models import Locale, Site

from events.models import Activity, Closure, EventIndexPage, EventPage, OccurrenceChange, WeekPage
from tests.pages.builders import make_site

HELSINKI = timezone.get_default_timezone()
_numbers = itertools.count()


def make_programme_site() -> dict:
    site = make_site()
    home = site["home"]
    site["week_page"] = home.add_child(instance=WeekPage(title="Viikko-ohjelma", slug="viikko"))
    site["events_page"] = home.add_child(instance=EventIndexPage(title="Tapahtumat", slug="tapahtumat"))
    site["site"] = Site.objects.get(is_default_site=True)
    return site


def make_activity(site: dict, **fields) -> Activity:
    number = next(_numbers)
    values = {
        "site": site["site"],
        "locale": Locale.objects.get(language_code="fi"),
        "title": f"Toiminta {number:03d}",
        "slug": f"toiminta-{number:03d}",
        "kind": "open",
        "description": "Avointa toimintaa perheille.",
        "audiences": ["everyone"],
        "weekdays": [0, 2],
        "start_time": datetime.time(9),
        "end_time": datetime.time(12),
        "first_date": datetime.date(2026, 8, 3),
        **fields,
    }
    partners = values.pop("partners", [])
    activity = Activity(**values)
    activity.save()
    if partners:
        activity.partners.set(partners)
        activity.save()
    return activity


def cancel(activity: Activity, day: datetime.date, reason: str = "Ohjaaja on sairas.") -> OccurrenceChange:
    return OccurrenceChange.objects.create(
        locale=activity.locale, activity=activity, date=day, kind="cancelled", reason=reason
    )


def move(activity: Activity, day: datetime.date, new_date=None, start=None, end=None, reason="Sali on varattu."):
    return OccurrenceChange.objects.create(
        locale=activity.locale,
        activity=activity,
        date=day,
        kind="moved",
        new_date=new_date,
        new_start_time=start,
        new_end_time=end,
        reason=reason,
    )


def close(site: dict, first: datetime.date, last: datetime.date, reason: str = "Joululoma") -> Closure:
    return Closure.objects.create(
        locale=Locale.objects.get(language_code="fi"),
        site=site["site"],
        first_date=first,
        last_date=last,
        reason=reason,
    )


def local(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=HELSINKI)


def make_event(site: dict, start: datetime.datetime, hours: int = 4, **fields) -> EventPage:
    number = next(_numbers)
    event = EventPage(
        title=fields.pop("title", f"Tapahtuma {number:03d}"),
        slug=f"tapahtuma-{number:03d}",
        start=start,
        end=start + datetime.timedelta(hours=hours),
        **fields,
    )
    site["events_page"].add_child(instance=event)
    return event
