"""The registration tests' site and event on top of the shared builders.

`python manage.py shell -c "from tests.events.builders_registrations import ..."` uses them too, to build
the site the race test's server runs on.
"""

from events.models import EventPage

from .builders import make_programme_site, make_sign_up_event


def make_site() -> dict:
    """The programme site with a privacy page and a place name, which the sign-up form and mails show."""
    return make_programme_site(place_name="Kohtaamo Testilä")


def make_event(site: dict, *, slug: str = "kehittamispaiva", days_ahead: float = 10, **fields) -> EventPage:
    """Kehittämispäivä, three places and a waiting list."""
    values = {"title": "Kehittämispäivä", "capacity": 3, "waiting_list": True, **fields}
    return make_sign_up_event(site, days_ahead, slug=slug, **values)


def race_site(capacity: int) -> dict[str, int]:
    """The race test's site: `capacity` places in an event with a waiting list, one without, and a third."""
    site = make_site()
    events = {
        "waiting": make_event(site, slug="jonolla", capacity=capacity, waiting_list=True),
        "no_waiting": make_event(site, slug="ilman-jonoa", capacity=capacity, waiting_list=False),
        "unguarded": make_event(site, slug="ilman-lukkoa", capacity=capacity, waiting_list=True),
    }
    return {name: event.pk for name, event in events.items()}
