"""Builders for the events tests: a site with a week page and an events page, activities, changes, closures,
events and registrations. The other `builders_*` modules keep only what their tests build on top of these."""

import datetime
import itertools
import uuid

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from events.models import (
    Activity,
    Closure,
    EventIndexPage,
    EventPage,
    OccurrenceChange,
    Registration,
    RegistrationChild,
    RegistrationStatus,
    WeekPage,
)
from pages.models import ContentPage, SiteSettings
from tests.pages.builders import make_site

HELSINKI = timezone.get_default_timezone()
_numbers = itertools.count()


def make_programme_site(**settings) -> dict:
    """The partner site of `tests.pages.builders` with `/viikko/` and `/tapahtumat/`; given `settings`
    (e.g. `place_name`), also a privacy page `/tietosuoja/` and the site's settings pointing at it."""
    site = make_site()
    home = site["home"]
    site["locale"] = Locale.objects.get(language_code="fi")
    site["week_page"] = home.add_child(instance=WeekPage(title="Viikko-ohjelma", slug="viikko"))
    site["events_page"] = home.add_child(instance=EventIndexPage(title="Tapahtumat", slug="tapahtumat"))
    site["site"] = Site.objects.get(is_default_site=True)
    if settings:
        site["privacy"] = home.add_child(instance=ContentPage(title="Tietosuoja", slug="tietosuoja"))
        SiteSettings.objects.update_or_create(site=site["site"], defaults={"privacy_page": site["privacy"], **settings})
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


def from_now(days: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def make_event(site: dict, start, end=None, hours: float = 4, slug=None, title=None, **fields) -> EventPage:
    """An event below `/tapahtumat/` from `start` to `end` (by default `hours` later)."""
    number = next(_numbers)
    event = EventPage(
        title=title or f"Tapahtuma {number:03d}",
        slug=slug or f"tapahtuma-{number:03d}",
        start=start,
        end=end or start + datetime.timedelta(hours=hours),
        **fields,
    )
    return site["events_page"].add_child(instance=event)


def translate(page: Page, language: str, **fields) -> Page:
    """A published translation of `page` (and of its parents) into `language`, with `fields` changed."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)


def register(event: EventPage, name: str, status=RegistrationStatus.CONFIRMED, adults=1, children=(), **fields):
    """A sign-up made through the ORM; `children`: (age, needs childcare) pairs."""
    registration = Registration.objects.create(
        event=event,
        status=status,
        submission_key=uuid.uuid4(),
        language="fi",
        name=name,
        adults=adults,
        consented_at=timezone.now(),
        **fields,
    )
    for age, care in children:
        RegistrationChild.objects.create(registration=registration, age=age, needs_childcare=care)
    return registration


def make_sign_up_event(site: dict, days_ahead: float = 10, **fields) -> EventPage:
    """A three-hour co-development event `days_ahead` days from now that families sign up for."""
    values = {"hours": 3, "kind": "co_development", "registration_enabled": True, **fields}
    return make_event(site, from_now(days_ahead), **values)
