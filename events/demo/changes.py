"""The Christmas closure and two changed occurrences, all dated from today so they are always ahead.

A later run finds what an earlier one made (or what an editor made instead) and adds nothing: the
closure of the same season, and any change still ahead for the activity.
"""

import datetime

from wagtail.models import Site

from pages.demo.build import ensure_locales

from .. import schedule
from ..models import Activity, ChangeKind, Closure, OccurrenceChange

CHRISTMAS = {
    "fi": "Joulutauko: kohtaamispaikka on kiinni. Hyvää joulua ja onnellista uutta vuotta!",
    "sv": "Jullov: mötesplatsen är stängd. God jul och gott nytt år!",
    "en": "Christmas break: the meeting place is closed. Merry Christmas and a happy New Year!",
}

CANCELLED = {
    "activity": "neuvolan-neuvonta-aika",
    "reason": {
        "fi": "Terveydenhoitaja on koulutuspäivässä. Tervetuloa taas ensi viikolla!",
        "sv": "Hälsovårdaren är på en utbildningsdag. Välkommen igen nästa vecka!",
        "en": "The nurse is at a training day. Welcome again next week!",
    },
}

MOVED = {
    "activity": "perheneuvojan-neuvonta-aika",
    "days_later": 1,
    "reason": {
        "fi": "Tällä kertaa torstaina, koska perheneuvoja on keskiviikkona verkostopäivässä.",
        "sv": "Den här gången på torsdag, eftersom familjerådgivaren är på en nätverksdag på onsdag.",
        "en": "On Thursday this time, because the family counsellor is at a network day on Wednesday.",
    },
}


def christmas(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The Christmas break of the coming season, 23.12.–6.1.: the one under way, or else the next."""
    year = today.year - 1 if today <= datetime.date(today.year, 1, 6) else today.year
    return datetime.date(year, 12, 23), datetime.date(year + 1, 1, 6)


def load_closure(site: Site, today: datetime.date) -> dict[str, Closure]:
    """The Christmas closure by language."""
    locales = ensure_locales()
    first, last = christmas(today)
    codes = list(CHRISTMAS)
    source = Closure.objects.filter(site=site, locale=locales[codes[0]]).overlapping(first, last).order_by("pk").first()
    if source is None:
        source = Closure.objects.create(
            site=site, locale=locales[codes[0]], first_date=first, last_date=last, reason=CHRISTMAS[codes[0]]
        )
    return {codes[0]: source} | {code: translation(source, locales[code], CHRISTMAS[code]) for code in codes[1:]}


def load_changes(activities: dict[str, dict[str, Activity]], closure: Closure, today: datetime.date):
    """The next nurse's drop-in cancelled and the family counsellor's next hour moved, by kind and language."""
    return {
        ChangeKind.CANCELLED.value: ensure_change(activities, CANCELLED, ChangeKind.CANCELLED, closure, today),
        ChangeKind.MOVED.value: ensure_change(activities, MOVED, ChangeKind.MOVED, closure, today),
    }


def ensure_change(activities, spec: dict, kind: str, closure: Closure, today: datetime.date):
    locales = ensure_locales()
    codes = list(spec["reason"])
    activity = activities[spec["activity"]][codes[0]]
    source = (
        OccurrenceChange.objects.filter(activity=activity, kind=kind, locale=locales[codes[0]], date__gt=today)
        .order_by("date")
        .first()
    )
    if source is None:
        shift = datetime.timedelta(days=spec.get("days_later", 0))
        day = next_open_occurrence(activity, closure, today, shift)
        source = OccurrenceChange(
            activity=activity, date=day, kind=kind, reason=spec["reason"][codes[0]], locale=locales[codes[0]]
        )
        if kind == ChangeKind.MOVED:
            source.new_date = day + shift
        source.full_clean()
        source.save()
    return {codes[0]: source} | {code: translation(source, locales[code], spec["reason"][code]) for code in codes[1:]}


def next_open_occurrence(
    activity: Activity, closure: Closure, today: datetime.date, shift: datetime.timedelta
) -> datetime.date:
    """The activity's first day after today that the closure does not cover, nor the day `shift` after it."""
    start = today + datetime.timedelta(days=1)
    days = schedule.dates(activity, start, start + datetime.timedelta(weeks=12))
    return next(day for day in days if not (closed(closure, day) or closed(closure, day + shift)))


def closed(closure: Closure, day: datetime.date) -> bool:
    return closure.first_date <= day <= closure.last_date


def translation(source, locale, reason: str):
    """The translation of a closure or change into `locale`, made with `reason` if it is missing."""
    obj = source.get_translation_or_none(locale)
    if obj is None:
        obj = source.copy_for_translation(locale)
        obj.reason = reason
        obj.save()
    return obj
