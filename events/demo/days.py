"""The days the demo's events fall on, counted from today in Helsinki: events ahead on a day the place is
open, meetings already held on a weekday, and the house meetings on the staff's fortnightly Friday."""

import datetime
from collections.abc import Callable
from zoneinfo import ZoneInfo

from ..models import Closure
from .activities import ACTIVITIES, FIRST_DATE
from .changes import christmas

HELSINKI = ZoneInfo("Europe/Helsinki")

DayRule = Callable[[datetime.date, Closure], datetime.date]
"""Given today and the coming Christmas closure, the day an event falls on."""

HOUSE_MEETING = next(spec for spec in ACTIVITIES if spec["slug"] == "talokokous")
"""The staff's house meeting in the weekly programme; the house meeting pages keep to its day and time."""


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=HELSINKI)


def weekday_open(day: datetime.date, closure: Closure) -> datetime.date:
    """`day`, or the first weekday after it when the place is open (not at the weekend, not in the closure)."""
    while day.weekday() >= 5 or closure.first_date <= day <= closure.last_date:
        day += datetime.timedelta(days=1)
    return day


def weekday_before(day: datetime.date) -> datetime.date:
    """`day`, or the weekday before it when it falls at the weekend."""
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return day


def ahead(days: int) -> DayRule:
    """`days` from today, moved on to a day the place is open."""
    return lambda today, closure: weekday_open(today + datetime.timedelta(days=days), closure)


def ago(days: int) -> DayRule:
    """`days` before today, whatever day of the week it was (a party may be on a Saturday)."""
    return lambda today, closure: today - datetime.timedelta(days=days)


def weekday_ago(days: int) -> DayRule:
    """`days` before today, moved back to a weekday: a meeting held. It stays put at Christmas, since the
    ideas' timelines around it count their days from today too."""
    return lambda today, closure: weekday_before(today - datetime.timedelta(days=days))


def on_house_meeting_rhythm(day: datetime.date) -> bool:
    """Whether `day` is a house meeting day: the activity's weekday, every `interval_weeks` from its first week."""
    weeks = (day - (FIRST_DATE - datetime.timedelta(days=FIRST_DATE.weekday()))).days // 7
    return day.weekday() in HOUSE_MEETING["weekdays"] and weeks % HOUSE_MEETING["interval_weeks"] == 0


def next_house_meeting(today: datetime.date, closure: Closure) -> datetime.date:
    """The first house meeting day after today when the place is open."""
    day = today + datetime.timedelta(days=1)
    while not on_house_meeting_rhythm(day) or closure.first_date <= day <= closure.last_date:
        day += datetime.timedelta(days=1)
    return day


def last_house_meeting(today: datetime.date, closure: Closure) -> datetime.date:
    """The last house meeting day before today, outside the Christmas break of its own season."""
    day = today - datetime.timedelta(days=1)
    while not on_house_meeting_rhythm(day) or christmas(day)[0] <= day <= christmas(day)[1]:
        day -= datetime.timedelta(days=1)
    return day
