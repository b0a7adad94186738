from .activities import Activity, ActivityKind, Audience, ChangeKind, Closure, OccurrenceChange
from .events import MEETING_KINDS, STAFF_ONLY_KINDS, EventIndexPage, EventKind, EventPage, WeekPage
from .registrations import Registration, RegistrationChild, RegistrationStatus
from .visits import VisitCount

__all__ = [
    "MEETING_KINDS",
    "STAFF_ONLY_KINDS",
    "Activity",
    "ActivityKind",
    "Audience",
    "ChangeKind",
    "Closure",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "OccurrenceChange",
    "Registration",
    "RegistrationChild",
    "RegistrationStatus",
    "VisitCount",
    "WeekPage",
]
