"""Two months of visit counts: the people staff counted at each past occurrence of the public activities.

Counts fall on the days the activities really happened (their rule, moved and cancelled occurrences and
closures applied, and the Christmas break), up to yesterday: today's activities are left for staff to count
in the quick form. Each count's numbers come from a generator seeded with the activity and the day, so a
later run counts the same for the same day, adds only the days since, and leaves a count staff corrected
alone.
"""

import datetime
import random

from django.utils import translation
from wagtail.models import Locale, Site

from .. import schedule
from ..models import Activity, Closure, OccurrenceChange, VisitCount
from .changes import christmas

DAYS = 61
"""How far back the counts go."""

PEOPLE = {
    # slug: (adults, children, families here for the first time), each the range of a usual day
    "perhekahvila": ((8, 15), (10, 22), (0, 3)),
    "neuvolan-neuvonta-aika": ((4, 9), (3, 8), (0, 2)),
    "perheneuvojan-neuvonta-aika": ((2, 5), (0, 3), (0, 1)),
    "sosiaaliohjauksen-neuvonta-aika": ((2, 6), (0, 4), (0, 1)),
    "perhekerho": ((6, 12), (8, 16), (0, 2)),
    "isien-ryhma": ((4, 9), (3, 10), (0, 1)),
    "vauvahieronta": ((4, 8), (4, 8), (0, 2)),
    "suomea-vanhemmille": ((5, 11), (2, 8), (0, 2)),
    "ruoka-apu": ((14, 28), (4, 12), (0, 4)),
}


def held(site: Site, activities: list[Activity], first: datetime.date, last: datetime.date):
    """The occurrences of `activities` (source translations) that took place from `first` to `last`.

    The place was closed over the Christmas break the range reaches too: the demo's closure is the coming one.
    """
    with translation.override(Locale.get_default().language_code):
        changes = OccurrenceChange.objects.filter(activity__site=site).between(first, last).rows()
        closures = Closure.objects.filter(site=site).overlapping(first, last).rows()
    closures.append(schedule.ClosedDays(*christmas(first), reason=""))
    found = schedule.occurrences(activities, changes, closures, first, last)
    return [occurrence for occurrence in found if not occurrence.cancelled]


def numbers(slug: str, day: datetime.date) -> dict[str, int]:
    """The people counted at `slug` on `day`: the same whenever the demo is loaded."""
    adults, children, first_time = PEOPLE[slug]
    chance = random.Random(f"visits/{slug}/{day.isoformat()}")  # noqa: S311 - demo numbers, not secrets
    return {
        "adults": chance.randint(*adults),
        "children": chance.randint(*children),
        "first_time_families": chance.randint(*first_time),
    }


def load(site: Site, activities: dict[str, dict[str, Activity]], today: datetime.date) -> list[VisitCount]:
    """The counts of the last `DAYS` days before today, oldest first; those missing are made."""
    default = Locale.get_default().language_code
    sources = [by_language[default] for slug, by_language in activities.items() if slug in PEOPLE]
    first, last = today - datetime.timedelta(days=DAYS), today - datetime.timedelta(days=1)
    counted = VisitCount.objects.filter(activity__in=sources, date__range=(first, last))
    existing = set(counted.values_list("activity_id", "date"))
    missing = {
        (occurrence.activity.pk, occurrence.date): occurrence.activity
        for occurrence in held(site, sources, first, last)
        if (occurrence.activity.pk, occurrence.date) not in existing
    }  # an occurrence moved onto another of the same activity's days is counted once, with it
    VisitCount.objects.bulk_create(
        VisitCount(activity=activity, date=day, **numbers(activity.slug, day))
        for (_pk, day), activity in missing.items()
    )
    return list(counted.order_by("date", "activity_id"))
