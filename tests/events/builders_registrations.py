"""Builders for the registration tests: a home page, an events page and an event that takes sign-ups.

`python manage.py shell -c "from tests.events.builders_registrations import ..."` uses them too, to build
the site the race test's server runs on.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from pages.models import ContentPage, SiteSettings


def make_site(slug: str = "koti-ilmoittautuminen") -> dict:
    locale = Locale.objects.get_or_create(language_code="fi")[0]
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Koti", slug=slug, locale=locale))
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
    )
    events_page = home.add_child(instance=EventIndexPage(title="Tapahtumat", slug="tapahtumat"))
    privacy = home.add_child(instance=ContentPage(title="Tietosuoja", slug="tietosuoja"))
    SiteSettings.objects.update_or_create(
        site=site, defaults={"place_name": "Kohtaamo Testilä", "privacy_page": privacy}
    )
    return {"locale": locale, "home": home, "site": site, "events_page": events_page, "privacy": privacy}


def make_event(site: dict, *, slug: str = "kehittamispaiva", days_ahead: float = 10, **fields) -> EventPage:
    start = timezone.now() + datetime.timedelta(days=days_ahead)
    values = {
        "title": "Kehittämispäivä",
        "slug": slug,
        "kind": "co_development",
        "start": start,
        "end": start + datetime.timedelta(hours=3),
        "registration_enabled": True,
        "capacity": 3,
        "waiting_list": True,
        **fields,
    }
    return site["events_page"].add_child(instance=EventPage(**values))


def translate(event: EventPage, language: str, title: str) -> EventPage:
    """A published translation of `event` (and of its parents) into `language`."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    translation = event.copy_for_translation(locale, copy_parents=True)
    translation.title = title
    translation.save_revision().publish()
    return EventPage.objects.get(pk=translation.pk)


def race_site(capacity: int) -> dict[str, int]:
    """The race test's site: `capacity` places in an event with a waiting list, one without, and a third."""
    site = make_site(slug="koti-kilpa")
    events = {
        "waiting": make_event(site, slug="jonolla", capacity=capacity, waiting_list=True),
        "no_waiting": make_event(site, slug="ilman-jonoa", capacity=capacity, waiting_list=False),
        "unguarded": make_event(site, slug="ilman-lukkoa", capacity=capacity, waiting_list=True),
    }
    return {name: event.pk for name, event in events.items()}
