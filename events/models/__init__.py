from .activities import Activity, ActivityKind, Audience, ChangeKind, Closure, OccurrenceChange
from .events import EventIndexPage, EventKind, EventPage, WeekPage
from .registrations import Registration, RegistrationChild, RegistrationStatus

__all__ = [
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
    "WeekPage",
]
