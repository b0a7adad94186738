"""Registrations as personal data: found by the family's e-mail or phone, erased on request or after the event.

Registered for `pages.personal_data.PERSONAL_DATA` in `wagtail_hooks.py`. Erasing blanks who they are and
what they wrote and keeps the counts for statistics (`RegistrationQuerySet.erase_personal_data`), so an erased
registration matches no one and a second request erases nothing more.
"""

import datetime

from django.conf import settings
from django.utils.translation import ngettext

from pages.personal_data import Person

from .models import Registration


class Registrations:
    kind = "registrations"

    def matching(self, person: Person):
        """The registrations still holding personal data that give this person's e-mail or phone number."""
        holding = Registration.objects.filter(erased_at__isnull=True)
        found = set()
        if person.email:
            found.update(holding.filter(email__iexact=person.email).values_list("pk", flat=True))
        if person.phone:
            # A number may be stored in another form than the one asked about: compare them in international form.
            numbers = holding.exclude(phone="").values_list("pk", "phone").iterator()
            found.update(pk for pk, number in numbers if person.has_phone(number))
        return Registration.objects.filter(pk__in=found)

    def find(self, person: Person) -> list[dict]:
        rows = self.matching(person).select_related("event").prefetch_related("children")
        return [self.exported(registration) for registration in rows]

    @staticmethod
    def exported(registration: Registration) -> dict:
        return {
            "event": registration.event.title,
            "event_start": registration.event.start,
            "status": registration.status,
            "language": registration.language,
            "name": registration.name,
            "email": registration.email,
            "phone": registration.phone,
            "adults": registration.adults,
            "children": [
                {"age": child.age, "needs_childcare": child.needs_childcare} for child in registration.children.all()
            ],
            "interpreter_language": registration.interpreter_language,
            "accessibility_needs": registration.accessibility_needs,
            "other_needs": registration.other_needs,
            "consented_at": registration.consented_at,
            "created_at": registration.created_at,
            "cancelled_at": registration.cancelled_at,
        }

    def erase(self, person: Person, now: datetime.datetime) -> int:
        return self.matching(person).erase_personal_data(now)

    def apply_retention(self, now: datetime.datetime) -> int:
        return Registration.objects.past_retention(now).erase_personal_data(now)

    def retention_notice(self) -> str:
        days = settings.KOHTAAMO_REGISTRATION_RETENTION_DAYS
        return ngettext(
            "Names, contact details and needs given when signing up for an event are deleted %(days)d day after "
            "the event.",
            "Names, contact details and needs given when signing up for an event are deleted %(days)d days after "
            "the event.",
            days,
        ) % {"days": days}
