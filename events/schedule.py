"""The programme's arithmetic: recurring activities expanded into occurrences, changes and closures applied.

Takes rows the pages queried and imports no models. Times are local wall-clock times in Europe/Helsinki:
a rule is expanded on naive local datetimes by `python-dateutil` and each occurrence is made aware only
afterwards, so 9.00 stays 9.00 on both sides of a daylight-saving change.
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from dateutil import rrule
from django.conf import settings
from django.utils import timezone
from django.utils.dates import WEEKDAYS

from pages.components import time_range

WEEK_PARAM = re.compile(r"^(\d{4})-W(\d{2})$")


def local_zone() -> datetime.tzinfo:
    return timezone.get_default_timezone()


def aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=local_zone())


def rule(activity) -> rrule.rrule:
    """The activity's weekly rule from its first date, in naive local time (weeks start on Monday)."""
    until = datetime.datetime.combine(activity.last_date, activity.start_time) if activity.last_date else None
    return rrule.rrule(
        rrule.WEEKLY,
        interval=activity.interval_weeks,
        byweekday=sorted(activity.weekdays),
        dtstart=datetime.datetime.combine(activity.first_date, activity.start_time),
        until=until,
        wkst=rrule.MO,
    )


def dates(activity, first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The days from `first` to `last` (inclusive) on which the activity's rule falls."""
    if not activity.weekdays:
        return []
    start = datetime.datetime.combine(first, datetime.time.min)
    end = datetime.datetime.combine(last, datetime.time.max)
    return [moment.date() for moment in rule(activity).between(start, end, inc=True)]


def first_date(activity) -> datetime.date | None:
    """The first day the rule falls on (an iCalendar DTSTART must be an occurrence)."""
    if not activity.weekdays:
        return None
    first = rule(activity).after(datetime.datetime.combine(activity.first_date, datetime.time.min), inc=True)
    return first.date() if first else None


@dataclass
class Occurrence:
    """One time an activity happens (or would have): in local time, with what changed it."""

    activity: object
    original_date: datetime.date
    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time
    cancelled: bool = False
    moved: bool = False
    reason: str = ""

    @property
    def start(self) -> datetime.datetime:
        return aware(self.date, self.start_time)

    @property
    def end(self) -> datetime.datetime:
        return aware(self.date, self.end_time)

    @property
    def original_start(self) -> datetime.datetime:
        return aware(self.original_date, self.activity.start_time)


@dataclass(frozen=True)
class ChangeRow:
    """What `OccurrenceChange` says, keyed by the activity's translation key."""

    activity_key: object
    date: datetime.date
    cancelled: bool
    new_date: datetime.date | None
    new_start_time: datetime.time | None
    new_end_time: datetime.time | None
    reason: str


@dataclass(frozen=True)
class ClosedDays:
    first_date: datetime.date
    last_date: datetime.date
    reason: str

    def covers(self, day: datetime.date) -> bool:
        return self.first_date <= day <= self.last_date


def closure_on(closures: list[ClosedDays], day: datetime.date) -> ClosedDays | None:
    return next((closure for closure in closures if closure.covers(day)), None)


def occurrences(
    activities: list,
    changes: list[ChangeRow],
    closures: list[ClosedDays],
    first: datetime.date,
    last: datetime.date,
) -> list[Occurrence]:
    """Every occurrence that happens (or is cancelled) from `first` to `last`, in time order.

    A change applies to the occurrence on its `date`; a moved occurrence shows on its new day, and one
    moved into the range from outside it is found too. A closure cancels whatever falls in it.
    """
    by_key = {(change.activity_key, change.date): change for change in changes}
    moved_in = [change for change in changes if not change.cancelled and change.new_date]
    found = []
    for activity in activities:
        days = set(dates(activity, first, last))
        days |= {
            change.date
            for change in moved_in
            if change.activity_key == activity.translation_key
            and first <= change.new_date <= last
            and change.date in dates(activity, change.date, change.date)
        }
        for day in sorted(days):
            occurrence = occurrence_on(activity, day, by_key.get((activity.translation_key, day)), closures)
            if first <= occurrence.date <= last:
                found.append(occurrence)
    found.sort(key=lambda occurrence: (occurrence.date, occurrence.start_time, occurrence.activity.title))
    return found


def occurrence_on(activity, day: datetime.date, change: ChangeRow | None, closures: list[ClosedDays]) -> Occurrence:
    """The occurrence due on `day` (a day the activity's rule falls on), its change and any closure applied.

    The week page (`occurrences`) and the calendar feeds (`events.calendar`) both read occurrences so.
    """
    occurrence = Occurrence(activity, day, day, activity.start_time, activity.end_time)
    if change is not None:
        apply_change(occurrence, change)
    if not occurrence.cancelled and (closure := closure_on(closures, occurrence.date)):
        occurrence.cancelled, occurrence.reason = True, closure.reason
    return occurrence


def apply_change(occurrence: Occurrence, change: ChangeRow) -> None:
    occurrence.reason = change.reason
    if change.cancelled:
        occurrence.cancelled = True
        return
    occurrence.moved = True
    occurrence.date = change.new_date or occurrence.date
    if change.new_start_time and change.new_end_time:
        occurrence.start_time, occurrence.end_time = change.new_start_time, change.new_end_time


def parse_week(value: str | None, today: datetime.date) -> datetime.date | None:
    """The Monday of an ISO week written as "2026-W49"; this week's Monday for no value; None when invalid."""
    if not value:
        return monday_of(today)
    match = WEEK_PARAM.match(value.strip())
    if not match:
        return None
    try:
        return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None


def monday_of(day: datetime.date) -> datetime.date:
    year, week, _weekday = day.isocalendar()
    return datetime.date.fromisocalendar(year, week, 1)


def week_param(monday: datetime.date) -> str:
    year, week, _weekday = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_days(monday: datetime.date) -> list[datetime.date]:
    return [day.date() for day in rrule.rrule(rrule.DAILY, dtstart=monday, count=7)]


def weekday_names() -> list[str]:
    """Monday to Sunday in the reader's language."""
    return [str(WEEKDAYS[day]) for day in range(7)]


def shift_weeks(monday: datetime.date, weeks: int) -> datetime.date:
    return monday + datetime.timedelta(weeks=weeks)


def uid(prefix: str, translation_key) -> str:
    """A calendar UID the same in every language and every feed: "activity-<key>@<public host>"."""
    return f"{prefix}-{translation_key}@{urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or 'localhost'}"


@dataclass
class ProgrammeItem:
    """A line of the programme: an activity's occurrence or an event, in the reader's language."""

    title: str
    url: str
    start: datetime.datetime
    end: datetime.datetime
    kind_label: str
    icon: str
    place: str = ""
    cancelled: bool = False
    moved: bool = False
    reason: str = ""
    partners: list = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    is_event: bool = False
    staff_only: bool = False
    original_start: datetime.datetime | None = None
    uid: str = ""
    organiser_text: str = ""

    @property
    def time_text(self) -> str:
        return time_range(timezone.localtime(self.start).time(), timezone.localtime(self.end).time())


@dataclass
class Day:
    date: datetime.date
    is_today: bool
    items: list[ProgrammeItem]
    closure: ClosedDays | None = None

    @property
    def partners(self) -> list:
        """The partners present: those running something that day that is not cancelled, each once."""
        present = {}
        for item in self.items:
            if not item.cancelled:
                for partner in item.partners:
                    present.setdefault(partner.translation_key, partner)
        return sorted(present.values(), key=lambda partner: partner.name)


def group_by_day(items: list[ProgrammeItem], days: list[datetime.date], today, closures) -> list[Day]:
    by_day = {day: [] for day in days}
    for item in items:
        local_day = max(timezone.localtime(item.start).date(), days[0])  # an event begun before the week
        if local_day in by_day:
            by_day[local_day].append(item)
    for day_items in by_day.values():
        day_items.sort(key=lambda item: (item.start, item.title))
    return [Day(day, day == today, by_day[day], closure_on(closures, day)) for day in days]
