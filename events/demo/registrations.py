"""A few families signed up for the co-development day, with their children and what they need.

Made directly, not through the sign-up form, and only while the event has no sign-ups at all. Invented
first names, example.fi addresses and 040 123 45xx numbers.
"""

import uuid

from django.utils import timezone

from ..models import EventPage, Registration, RegistrationChild, RegistrationStatus

SIGN_UPS = [
    {
        "language": "fi",
        "name": "Sanna",
        "email": "sanna@example.fi",
        "adults": 1,
        "children": [(4, True), (1, True)],
        "other_needs": "Kuopus nukkuu päiväunet vaunuissa noin kello 12.",
    },
    {
        "language": "fi",
        "name": "Amina",
        "phone": "040 123 4590",
        "adults": 2,
        "children": [(7, True), (3, True), (0, False)],
        "interpreter_language": "so",
        "other_needs": "Emme syö sianlihaa.",
    },
    {
        "language": "sv",
        "name": "Johan",
        "email": "johan@example.fi",
        "adults": 1,
        "children": [(2, True)],
        "accessibility_needs": "Jag kommer med rullstol.",
    },
    {
        "language": "en",
        "name": "Olena",
        "email": "olena@example.fi",
        "adults": 1,
        "children": [(5, True)],
        "other_needs": "Vegetarian food, please.",
    },
    {
        "language": "fi",
        "name": "Mikko ja Laura",
        "email": "mikko.laura@example.fi",
        "adults": 2,
        "children": [],
    },
]


def load(event: EventPage) -> list[Registration]:
    """The sign-ups of `event` (the original, whose registrations they are), made if it has none."""
    event = event.source_event
    if event.registrations.exists():
        return list(event.registrations.all())
    made = []
    for spec in SIGN_UPS:
        fields = {key: value for key, value in spec.items() if key != "children"}
        registration = Registration.objects.create(
            event=event,
            status=RegistrationStatus.CONFIRMED,
            submission_key=uuid.uuid4(),
            consented_at=timezone.now(),
            **fields,
        )
        RegistrationChild.objects.bulk_create(
            RegistrationChild(registration=registration, age=age, needs_childcare=care)
            for age, care in spec["children"]
        )
        made.append(registration)
    return made
