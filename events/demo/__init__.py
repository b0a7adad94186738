"""Demo content of the events app in fi, sv and en: the weekly programme and events pages, the recurring
activities, the Christmas closure and two changed occurrences, one-off events and sign-ups to one, and the
meetings: the co-development day and community meeting already held, with their record, the staff's
house meetings (in Finnish, for staff only), and two months of visit counts.

`home.demo` calls `load()` after the pages demo and passes what that made: the activities and events
name its partners and support types. Dates are counted from today (in Helsinki), so the demo always
has a week ahead, a Christmas break coming, events to sign up for and ones already past.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from wagtail.models import Page, Site

from pages.demo import PagesDemo

from ..models import Activity, Closure, EventPage, OccurrenceChange, Registration, VisitCount
from . import activities, changes, event_pages, index_pages, registrations, visits
from .meetings import LAST_HOUSE_MEETING, NEXT_HOUSE_MEETING, PAST_CO_DEVELOPMENT_DAY, PAST_COMMUNITY_MEETING

HELSINKI = ZoneInfo("Europe/Helsinki")
CO_DEVELOPMENT_DAY = "yhteiskehittamisen-paiva"
COMMUNITY_MEETING = "yhteisokokous"
__all__ = [
    "CO_DEVELOPMENT_DAY",
    "COMMUNITY_MEETING",
    "LAST_HOUSE_MEETING",
    "NEXT_HOUSE_MEETING",
    "PAST_CO_DEVELOPMENT_DAY",
    "PAST_COMMUNITY_MEETING",
    "EventsDemo",
    "load",
    "page_specs",
    "reset",
    "today_in_helsinki",
]


@dataclass
class EventsDemo:
    pages: dict[str, dict[str, Page]]
    """The weekly programme and events pages ("viikko", "tapahtumat"), by slug, then language."""
    activities: dict[str, dict[str, Activity]]
    """By slug, then language."""
    closure: dict[str, Closure]
    """The Christmas break, by language."""
    changes: dict[str, dict[str, OccurrenceChange]]
    """By kind ("cancelled", "moved"), then language."""
    events: dict[str, dict[str, EventPage]]
    """By key, then language: the upcoming `CO_DEVELOPMENT_DAY` and `COMMUNITY_MEETING`, the party
    ("koko-perheen-juhla"), the meetings held (`PAST_CO_DEVELOPMENT_DAY`, `PAST_COMMUNITY_MEETING`) and the
    house meetings (`LAST_HOUSE_MEETING`, `NEXT_HOUSE_MEETING`, in Finnish only)."""
    registrations: list[Registration]
    """The sign-ups to the co-development day."""
    visit_counts: list[VisitCount]
    """The public activities' counts of the last two months (`visits.DAYS`), oldest first."""

    def meeting(self, key: str) -> EventPage:
        """The meeting of `key` in the default language (its agenda and decisions belong to that page)."""
        return next(iter(self.events[key].values())).source_event


def today_in_helsinki() -> datetime.date:
    return datetime.datetime.now(HELSINKI).date()


def page_specs(today: datetime.date | None = None) -> list[dict]:
    """The specs of the pages a fresh demo makes today, the events as the events page's children."""
    today = today or today_in_helsinki()
    first, last = changes.christmas(today)
    closure = Closure(first_date=first, last_date=last)
    return [
        index_pages.WEEK_PAGE,
        index_pages.EVENTS_PAGE | {"children": event_pages.specs(today, closure)},
    ]


def reset() -> None:
    """Delete the snippets, sign-ups and visit counts the demo makes; deleting the pages is the home app's part."""
    VisitCount.objects.all().delete()  # they protect their activities
    Registration.objects.all().delete()
    OccurrenceChange.objects.all().delete()
    Closure.objects.all().delete()
    Activity.objects.all().delete()


def load(site: Site, homes: dict[str, Page], pages_demo: PagesDemo, today: datetime.date | None = None) -> EventsDemo:
    today = today or today_in_helsinki()
    pages = index_pages.load(homes)
    made_activities = activities.load(site, pages_demo.partners, pages_demo.support_types)
    closure = changes.load_closure(site, today)
    default = next(iter(closure))
    events = event_pages.load(pages[index_pages.EVENTS_PAGE["slug"]], pages_demo.partners, closure[default], today)
    return EventsDemo(
        pages=pages,
        activities=made_activities,
        closure=closure,
        changes=changes.load_changes(made_activities, closure[default], today),
        events=events,
        registrations=registrations.load(events[CO_DEVELOPMENT_DAY][default]),
        visit_counts=visits.load(site, made_activities, today),
    )
