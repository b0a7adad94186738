"""Sign-ups for events: who comes, with how many children, and what makes taking part possible for them.

The rules (capacity, waiting list, promotion on cancelling, one registration per submitted form) live in
`RegistrationQuerySet` and `Registration`; the views only call them. Every change that counts places locks
the event (in the default language) first, so concurrent sign-ups for the last place cannot overbook it:
PostgreSQL takes a row lock (`SELECT … FOR UPDATE`); SQLite runs transactions IMMEDIATE (site settings), so
writers wait for each other. Personal data is erased a set time after the event (`manage.py
apply_retention`); the counts stay.
"""

import contextlib
import datetime
import os
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page  # events.EventPage imports this module: events are typed as their Page

# How long after its event a registration's confirmation and cancel links keep working.
LINKS_VALID_AFTER_EVENT = datetime.timedelta(days=7)
# Only the race test sets this, in the server it starts, to prove that the test fails without the lock.
UNGUARDED_ENV = "KOHTAAMO_TEST_DISABLE_REGISTRATION_LOCK"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


@dataclass(frozen=True)
class Availability:
    """Whether an event takes sign-ups now: `closed` says why not ("", "not_taking", "deadline", "started")."""

    closed: str
    places_left: int | None  # None: no limit
    waiting_list: bool

    @property
    def is_open(self) -> bool:
        return not self.closed and (not self.is_full or self.waiting_list)

    @property
    def is_full(self) -> bool:
        return self.places_left == 0


def takes_sign_ups(event: Page) -> bool:
    """Families may sign up for this event at all (while it is open): a live page that asks for sign-ups."""
    return event.live and event.registration_enabled


def closed_reason(event: Page, now: datetime.datetime) -> str:
    if not takes_sign_ups(event):
        return "not_taking"
    if now >= event.start:
        return "started"
    if event.registration_deadline and now >= event.registration_deadline:
        return "deadline"
    return ""


def _lock(event: Page) -> Page:
    """The source event, locked until the transaction ends; the caller holds `transaction.atomic()`."""
    return type(event).objects.select_for_update(of=("self",)).get(pk=event.pk)


def _unguarded() -> bool:
    return os.environ.get(UNGUARDED_ENV) == "1"


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED)

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def for_event(self, event: Page):
        """The registrations of `event` in any of its languages (they belong to the source event)."""
        return self.filter(event=event.source_event)

    def availability(self, event: Page, now: datetime.datetime | None = None) -> Availability:
        source = event.source_event
        places_left = None
        if source.capacity is not None:
            places_left = max(0, source.capacity - self.for_event(source).confirmed().count())
        return Availability(closed_reason(source, now or timezone.now()), places_left, source.waiting_list)

    def sign_up(
        self,
        event: Page,
        *,
        submission_key: uuid.UUID,
        language: str,
        children: Iterable[tuple[int, bool]] = (),
        now: datetime.datetime | None = None,
        **details,
    ) -> tuple["Registration", bool]:
        """Registers a family for `event` (any translation of it): confirmed while places last, then waitlisted.

        `details` are Registration fields (name, email, phone, adults, interpreter_language, accessibility_needs,
        other_needs); `children` are (age, needs_childcare) pairs. Returns (registration, created): a form sent
        again with the same `submission_key` gives the registration it made the first time. Raises
        ValidationError with code "closed" (deadline, started, not taking sign-ups) or "full" (no waiting list).
        """
        now = now or timezone.now()
        source = event.source_event
        guard = contextlib.nullcontext() if _unguarded() else transaction.atomic()
        try:
            with guard:
                if not _unguarded():
                    source = _lock(source)
                existing = self.filter(submission_key=submission_key).first()
                if existing is not None:
                    return existing, False
                if closed_reason(source, now):
                    raise ValidationError(_("Sign-up for this event has closed."), code="closed")
                status = self._status_for_next(source)
                registration = self.create(
                    event=source,
                    status=status,
                    submission_key=submission_key,
                    language=language,
                    consented_at=now,
                    **details,
                )
                RegistrationChild.objects.bulk_create(
                    RegistrationChild(registration=registration, age=age, needs_childcare=care)
                    for age, care in children
                )
        except IntegrityError:
            # The same form sent twice at once, without the lock (SQLite and PostgreSQL both land here safely).
            existing = self.filter(submission_key=submission_key).first()
            if existing is None:
                raise
            return existing, False
        return registration, True

    def _status_for_next(self, source: Page) -> str:
        if source.capacity is None:
            return RegistrationStatus.CONFIRMED
        confirmed = self.filter(event=source).confirmed().count()
        if _unguarded():
            time.sleep(0.5)  # makes the race certain for the test that proves the lock is needed
        if confirmed < source.capacity:
            return RegistrationStatus.CONFIRMED
        if source.waiting_list:
            return RegistrationStatus.WAITLISTED
        raise ValidationError(_("The event is full, and it has no waiting list."), code="full")

    def past_retention(self, now: datetime.datetime | None = None):
        """Registrations still holding personal data whose event ended more than the retention period ago."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.KOHTAAMO_REGISTRATION_RETENTION_DAYS)
        return self.filter(event__end__lt=cutoff, erased_at__isnull=True)

    def erase_personal_data(self, now: datetime.datetime | None = None) -> int:
        """Blanks who they are and what they wrote; counts, ages, childcare and languages stay for statistics."""
        return self.update(
            name="", email="", phone="", accessibility_needs="", other_needs="", erased_at=now or timezone.now()
        )


class Registration(models.Model):
    """One family's sign-up to an event (to its page in the default language, whichever language they used)."""

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    submission_key = models.UUIDField(_("form submission"), unique=True, editable=False)
    language = models.CharField(_("language"), max_length=10)
    name = models.CharField(_("name or nickname"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    adults = models.PositiveSmallIntegerField(
        _("adults"), default=1, validators=[MinValueValidator(0), MaxValueValidator(20)]
    )
    interpreter_language = models.CharField(_("interpreter needed"), max_length=10, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=500, blank=True)
    other_needs = models.TextField(_("other needs"), max_length=1000, blank=True)
    consented_at = models.DateTimeField(_("agreed to the privacy notice"))
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("moved from the waiting list"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name or str(_("Registration %(number)s") % {"number": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.status == RegistrationStatus.CANCELLED

    def links_valid(self, now: datetime.datetime | None = None) -> bool:
        """The confirmation and cancel links work until a while after the event, and never after erasure."""
        return self.erased_at is None and (now or timezone.now()) <= self.event.end + LINKS_VALID_AFTER_EVENT

    def can_cancel(self, now: datetime.datetime | None = None) -> bool:
        return not self.is_cancelled and self.erased_at is None and (now or timezone.now()) < self.event.start

    def event_in(self, language_code: str | None = None) -> Page:
        """The event's page in `language_code` (default: the registration's language) when it is published."""
        locale = Locale.objects.filter(language_code=language_code or self.language).first()
        translation = self.event.get_translation_or_none(locale) if locale else None
        return translation if translation is not None and translation.live else self.event

    def cancel(self, now: datetime.datetime | None = None) -> list["Registration"]:
        """Cancels this registration and gives freed places to the waiting list, first come first served.

        Returns the registrations moved from the waiting list (usually one; none when nobody waits). Cancelling
        twice changes nothing. Raises ValidationError(code="started") once the event has started.
        """
        now = now or timezone.now()
        with transaction.atomic():
            event = _lock(self.event)
            self.refresh_from_db(fields=["status", "erased_at"])
            if self.is_cancelled:
                return []
            if not self.can_cancel(now):
                raise ValidationError(
                    _("The event has started, so the registration can no longer be cancelled."), code="started"
                )
            self.status = RegistrationStatus.CANCELLED
            self.cancelled_at = now
            self.save(update_fields=["status", "cancelled_at"])
            return self._fill_freed_places(event, now)

    @staticmethod
    def _fill_freed_places(event: Page, now: datetime.datetime) -> list["Registration"]:
        if event.capacity is None:
            free = None
        else:
            free = event.capacity - Registration.objects.filter(event=event).confirmed().count()
            if free <= 0:
                return []
        promoted = list(Registration.objects.filter(event=event).waitlisted().order_by("created_at", "pk")[:free])
        for registration in promoted:
            registration.status = RegistrationStatus.CONFIRMED
            registration.promoted_at = now
            registration.save(update_fields=["status", "promoted_at"])
        return promoted


class RegistrationChild(models.Model):
    """A child coming with a family: an age, and whether they need care during the event. No name."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="children")
    age = models.PositiveSmallIntegerField(_("age"), validators=[MaxValueValidator(17)])
    needs_childcare = models.BooleanField(_("needs childcare"), default=False)

    class Meta:
        verbose_name = _("child")
        verbose_name_plural = _("children")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(_("Child aged %(age)d") % {"age": self.age})
