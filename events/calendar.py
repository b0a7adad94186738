"""The programme as iCalendar (RFC 5545): the whole public programme, one activity, one event.

Takes rows the pages queried and imports no models, like `events/schedule.py`, whose arithmetic it
shares so a feed says exactly what the week page says. Each activity is one recurring VEVENT in local
wall-clock time (TZID=Europe/Helsinki, so 9.00 stays 9.00 across daylight-saving changes); a cancelled
occurrence, or one falling in a closure, is an EXDATE; a moved one is an override with the same UID and a
RECURRENCE-ID of its original start. UIDs are the same in every language and every time the feed is made,
and the output is byte-for-byte the same for the same rows (DTSTAMP is derived from the data).
"""

import datetime
from collections.abc import Callable, Iterable

from icalendar import Calendar, Event, vDuration

from . import schedule

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//Kohtaamo//"
REFRESH = datetime.timedelta(days=1)
# DTSTAMP for rows that keep no time of their last change (activities): any fixed, valid UTC value will do.
STAMP = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
# The VTIMEZONE lists the zone's transitions up to this day at least (later, as far as the data reaches).
TIMEZONE_UNTIL = datetime.date(2038, 1, 1)

Link = Callable[[object], str]


def programme(activities, changes, closures, events, *, title: str, link: Link) -> bytes:
    """The whole public programme: every activity that is not staff-only, and every event given."""
    components = []
    for activity in sorted(activities, key=lambda activity: str(activity.translation_key)):
        if not activity.staff_only:
            components += activity_components(activity, changes, closures, link=link)
    for event in sorted(events, key=lambda event: (event.start, str(event.translation_key))):
        components.append(event_component(event, link=link))
    return calendar(components, title=title)


def activity_feed(activity, changes, closures, *, link: Link) -> bytes:
    """One activity's occurrences, to subscribe to (the caller refuses staff-only ones)."""
    return calendar(activity_components(activity, changes, closures, link=link), title=activity.title)


def event_feed(event, *, link: Link) -> bytes:
    """One event, to add to a calendar."""
    return calendar([event_component(event, link=link)], title=event.title)


def calendar(components: list[Event], *, title: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", title)
    cal.add("x-wr-calname", title)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    for component in components:
        cal.add_component(component)
    if components:
        first, last = timezone_range(components)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal.to_ical()


def timezone_range(components: list[Event]) -> tuple[datetime.date, datetime.date]:
    """From the start of the year of the earliest time written to TIMEZONE_UNTIL or a few years past the last."""
    moments = [
        moment
        for component in components
        for moment in (component.start, component.end, component.get("recurrence-id") and component["recurrence-id"].dt)
        if moment
    ]
    first = min(moments).date()
    last = max(moments).date()
    return datetime.date(first.year, 1, 1), max(TIMEZONE_UNTIL, datetime.date(last.year + 5, 1, 1))


def activity_uid(activity) -> str:
    """`activity-<translation key>@<host of WAGTAILADMIN_BASE_URL>`, as the week page marks its occurrences."""
    return schedule.uid("activity", activity.translation_key)


def event_uid(event) -> str:
    return schedule.uid("event", event.translation_key)


def local(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(schedule.local_zone())


def activity_components(activity, changes: Iterable, closures: list, *, link: Link) -> list[Event]:
    """The activity's recurring VEVENT, then an override for each moved occurrence (in date order)."""
    first = schedule.first_date(activity)
    if first is None:
        return []
    uid, url = activity_uid(activity), link(activity)
    master = base_event(uid, activity.title, activity.description, activity.room, url, STAMP)
    master.start = schedule.aware(first, activity.start_time)
    master.end = schedule.aware(first, activity.end_time)
    recur = {"freq": "weekly", "interval": activity.interval_weeks, "byday": byday(activity.weekdays), "wkst": "MO"}
    if activity.last_date:
        # With a TZID on DTSTART, UNTIL must be in UTC (RFC 5545, 3.3.10): the last occurrence's start.
        recur["until"] = schedule.aware(activity.last_date, activity.start_time).astimezone(datetime.UTC)
    master.add("rrule", recur)
    if kind := kind_label(activity):
        master.add("categories", [kind])
    cancelled, moved = exceptions(activity, changes, closures)
    for occurrence in cancelled:
        master.add("exdate", occurrence.original_start)
    for occurrence in cancelled:
        # The reason for an explicit cancellation (not a closure's: it would repeat on every activity).
        if occurrence.reason and not schedule.closure_on(closures, occurrence.date):
            master.add("comment", f"{occurrence.original_date:%d.%m.%Y}: {occurrence.reason}")
    overrides = []
    for occurrence in moved:
        description = "\n\n".join(part for part in (occurrence.reason, activity.description) if part)
        override = base_event(uid, activity.title, description, activity.room, url, STAMP)
        override.add("recurrence-id", occurrence.original_start)
        override.start, override.end = occurrence.start, occurrence.end
        if occurrence.reason:
            override.add("comment", occurrence.reason)
        overrides.append(override)
    return [master, *overrides]


def exceptions(activity, changes: Iterable, closures: list) -> tuple[list, list]:
    """The activity's cancelled and its moved occurrences over all time, as `schedule.occurrences` finds them.

    A change applies to the occurrence on its date when the rule falls on that day (the last change given for
    a day wins); a closure cancels any occurrence whose (possibly new) day it covers, and a move out of a
    closure saves the occurrence.
    """
    by_date = {change.date: change for change in changes if change.activity_key == activity.translation_key}
    days = {day for day in by_date if day in schedule.dates(activity, day, day)}
    for closure in closures:
        days.update(schedule.dates(activity, closure.first_date, closure.last_date))
    found = {day: schedule.occurrence_on(activity, day, by_date.get(day), closures) for day in days}
    cancelled = sorted((o for o in found.values() if o.cancelled), key=lambda o: o.original_date)
    moved = sorted((o for o in found.values() if not o.cancelled and o.moved), key=lambda o: o.original_date)
    return cancelled, moved


def event_component(event, *, link: Link) -> Event:
    stamp = getattr(event, "last_published_at", None) or getattr(event, "first_published_at", None) or STAMP
    component = base_event(event_uid(event), event.title, event.intro, event.location, link(event), stamp)
    component.start, component.end = local(event.start), local(event.end)
    if kind := kind_label(event):
        component.add("categories", [kind])
    return component


def base_event(uid: str, summary: str, description: str, location: str, url: str, stamp) -> Event:
    component = Event()
    component.add("uid", uid)
    component.add("dtstamp", stamp.astimezone(datetime.UTC))
    component.add("summary", summary)
    if description:
        component.add("description", description)
    if location:
        component.add("location", location)
    if url:
        component.add("url", url)
    component.add("status", "CONFIRMED")
    return component


def byday(weekdays: Iterable[int]) -> list[str]:
    names = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    return [names[day] for day in sorted(set(weekdays))]


def kind_label(row) -> str:
    display = getattr(row, "get_kind_display", None)
    return str(display()) if display else ""
