"""When things happened in the demo, counted back from today in Helsinki, so the demo never goes stale."""

import datetime
from zoneinfo import ZoneInfo

from events.demo import today_in_helsinki

HELSINKI = ZoneInfo("Europe/Helsinki")

CLOSED_ROUND_OPENED = 80
CLOSED_ROUND_CLOSED = 66
"""Days ago: the vote before the last co-development day."""
OPEN_ROUND_OPENED = 6
"""Days ago: the vote before the next co-development day opened."""

AT_CO_DEVELOPMENT_DAY = "at the last co-development day"
AT_COMMUNITY_MEETING = "at the last community meeting"
"""In an idea's history, instead of days ago: the end of the meeting already held (the events demo's page)."""


def days_ago(days: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """`days` before today, at `hour` in Helsinki (a day ago at the latest, so always in the past)."""
    day = today_in_helsinki() - datetime.timedelta(days=max(days, 1))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=HELSINKI)
