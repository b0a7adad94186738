"""Sign-ups for events: who comes, with how many children, and what makes taking part possible for them.

The rules (capacity, waiting list, promotion on cancelling, one registration per submitted form) live in
`RegistrationQuerySet`; the views only call them. Personal data is erased a set time after the event
(`manage.py erase_registrations`); the counts stay.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED)

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)


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


class RegistrationChild(models.Model):
    """A child coming with a family: an age, and whether they need care during the event. No name."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="children")
    age = models.PositiveSmallIntegerField(_("age"), validators=[MaxValueValidator(17)])
    needs_childcare = models.BooleanField(_("needs childcare"), default=False)

    class Meta:
        verbose_name = _("child")
        verbose_name_plural = _("children")
        ordering = ["pk"]
