"""Personal data on request and on schedule: export it, erase it, and erase it when its retention period ends.

Each app that stores personal data registers a function for the named hook PERSONAL_DATA in its
`wagtail_hooks.py`; the function returns a provider (see `Provider`). `pages` never imports those apps: it asks
the hook for the providers and runs them together, so `manage.py export_personal_data`, `erase_personal_data`
and `apply_retention` cover everything the site stores about a person. Erasing is all or nothing (one
transaction); running it again finds nothing more, since what was erased no longer matches.
"""

import datetime
import re
from dataclasses import dataclass
from typing import Protocol

import phonenumbers
from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from . import phone

PERSONAL_DATA = "kohtaamo_personal_data"
"""fn() -> a `Provider` of one kind of personal data (registrations, proposers' e-mails, form answers)."""
E164 = phonenumbers.PhoneNumberFormat.E164


@dataclass(frozen=True)
class Person:
    """Who a request is about: an e-mail address (lower case) and a phone number (international form), or both."""

    email: str = ""
    phone: str = ""

    @classmethod
    def of(cls, email: str = "", phone_number: str = "") -> "Person":
        """The person with this e-mail and phone as typed; raises ValidationError for something not a number."""
        email = email.strip().lower()
        number = phone.normalize(phone_number) if phone_number.strip() else ""
        if not email and not number:
            raise ValueError("An e-mail address or a phone number is needed.")
        return cls(email=email, phone=number)

    def has_email(self, value: str) -> bool:
        return bool(self.email) and value.strip().lower() == self.email

    def has_phone(self, value: str) -> bool:
        """`value` is this person's number, however it was typed ("040 123 4567" is "+358401234567")."""
        if not self.phone or not value:
            return False
        number = phone.parse(value)
        return number is not None and phonenumbers.format_number(number, E164) == self.phone

    def is_mentioned_in(self, text: str) -> bool:
        """`text` (a free answer, say) holds this person's e-mail address or phone number anywhere in it."""
        if not text:
            return False
        if self.email and re.search(rf"(?<![\w.+-]){re.escape(self.email)}(?![\w-])", text, re.IGNORECASE):
            return True
        if self.phone:
            for match in phonenumbers.PhoneNumberMatcher(text, phone.DEFAULT_REGION):
                if phonenumbers.format_number(match.number, E164) == self.phone:
                    return True
        return False


class Provider(Protocol):
    """One kind of personal data, as an app stores it.

    `kind` names it in exports and reports ("registrations"). `find` gives everything of that kind tied to the
    person, as JSON-ready dicts; `erase` erases it (blanking or deleting, as the kind needs) and returns how
    many rows it changed; `apply_retention` erases what is past its retention period at `now`;
    `retention_notice` says, in the active language, how long the kind is kept (for the privacy notice).
    """

    kind: str

    def find(self, person: Person) -> list[dict]: ...

    def erase(self, person: Person, now: datetime.datetime) -> int: ...

    def apply_retention(self, now: datetime.datetime) -> int: ...

    def retention_notice(self) -> str: ...


def providers() -> list[Provider]:
    return [fn() for fn in hooks.get_hooks(PERSONAL_DATA)]


def export(person: Person) -> dict[str, list[dict]]:
    """Everything stored about `person`, by kind (every kind present, empty or not)."""
    return {provider.kind: provider.find(person) for provider in providers()}


def erase(person: Person, now: datetime.datetime | None = None) -> dict[str, int]:
    """Erases everything stored about `person` in one transaction: all of it, or nothing when any step fails."""
    now = now or timezone.now()
    with transaction.atomic():
        return {provider.kind: provider.erase(person, now) for provider in providers()}


def apply_retention(now: datetime.datetime | None = None) -> dict[str, int]:
    """Erases what every kind keeps past its retention period; each kind in its own transaction."""
    now = now or timezone.now()
    erased = {}
    for provider in providers():
        with transaction.atomic():
            erased[provider.kind] = provider.apply_retention(now)
    return erased


def retention_notices() -> list[str]:
    """How long each kind of personal data is kept, one sentence each in the active language."""
    return [notice for provider in providers() if (notice := provider.retention_notice())]
