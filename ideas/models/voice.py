"""The families' voice beyond ideas: feedback on an activity (five faces), and children's voice.

Nothing here says who answered: no name, no account, no address. A feedback answer has a face, two optional
texts and the language it was given in; a child's voice record has an age group, picture choices and what
an adult wrote down. Both belong to an activity's source translation (its row in the site's default
language), so answers given on the Finnish, Swedish and English pages add up. The yearly visitor survey is a
Wagtail form page (`ideas.models.form_pages`).
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ..voice_choices import CHILD_TEXT_MAX, FEEDBACK_TEXT_MAX, AgeGroup, ChildChoice, Face


class StoredOnceQuerySet(models.QuerySet):
    """Rows a public form stores once, whatever the number of times it is sent (a `submission_key` each)."""

    def store(self, *, submission_key: uuid.UUID, **fields):
        """Stores a valid row: (row, True); or (the row stored before, False) when the same form was sent
        again, even at the same moment."""
        existing = self.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing, False
        row = self.model(submission_key=submission_key, **fields)
        row.full_clean(exclude=["submission_key"])
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            existing = self.filter(submission_key=submission_key).first()
            if existing is None:
                raise
            return existing, False
        return row, True


class FeedbackQuerySet(StoredOnceQuerySet):
    def for_site(self, site: Site):
        return self.filter(activity__site=site)

    def between(self, first, last):
        """Answers given from `first` to `last` (dates, inclusive, in Finnish time)."""
        return self.filter(created_at__date__range=(first, last))

    def face_counts(self) -> dict[int, int]:
        """How many answers gave each face, every face present (one query)."""
        counts = dict.fromkeys(Face.values, 0)
        for face, count in self.values_list("face").annotate(count=models.Count("pk")).order_by():
            counts[face] = count
        return counts


class Feedback(models.Model):
    """One family's immediate feedback on an activity: a face from 1 (very bad) to 5 (very good)."""

    activity = models.ForeignKey(
        "events.Activity", verbose_name=_("activity"), on_delete=models.PROTECT, related_name="feedback"
    )
    face = models.PositiveSmallIntegerField(_("how it was"), choices=Face.choices)
    good = models.TextField(_("what was good"), blank=True, max_length=FEEDBACK_TEXT_MAX)
    better = models.TextField(_("what could be better"), blank=True, max_length=FEEDBACK_TEXT_MAX)
    language = models.CharField(_("language"), max_length=10)
    at_place = models.BooleanField(
        _("given at the place"), default=False, help_text=_("Given on the place's tablet (kiosk mode).")
    )
    created_at = models.DateTimeField(_("given"), default=timezone.now, db_index=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at", "-pk"]
        permissions = [("view_report", "Can see the yearly report")]

    def __str__(self) -> str:
        return f"{self.activity} {timezone.localtime(self.created_at):%d.%m.%Y}: {self.get_face_display()}"


class ChildVoiceKind(models.TextChoices):
    PICTURES = "pictures", _("Picture form")
    OBSERVATION = "observation", _("Observation")


class ChildVoiceQuerySet(StoredOnceQuerySet):
    def for_site(self, site: Site):
        return self.filter(site=site)

    def between(self, first, last):
        return self.filter(date__range=(first, last))

    def store(self, **fields) -> tuple["ChildVoice", bool]:
        """Stores a picture-form answer once, however many times the form is sent."""
        return super().store(kind=ChildVoiceKind.PICTURES, **fields)


class ChildVoice(models.Model):
    """What one child told or showed, without a name: a picture-form answer (filled in with an adult) or an
    adult's observation. A wish can become an idea marked as a child's idea, which links back here."""

    site = models.ForeignKey(Site, verbose_name=_("meeting place"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(
        _("kind"), max_length=20, choices=ChildVoiceKind.choices, default=ChildVoiceKind.OBSERVATION
    )
    activity = models.ForeignKey(
        "events.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="child_voices",
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    age_group = models.CharField(_("age group"), max_length=10, choices=AgeGroup.choices)
    likes = models.JSONField(_("likes here"), default=list, blank=True)
    wishes = models.JSONField(_("would like to do"), default=list, blank=True)
    showed = models.TextField(
        _("what the child showed"), blank=True, max_length=CHILD_TEXT_MAX, help_text=_("No names, please.")
    )
    wish = models.TextField(
        _("what the child wished"),
        blank=True,
        max_length=CHILD_TEXT_MAX,
        help_text=_("In the child's own words where you can. No names, please."),
    )
    language = models.CharField(_("language"), max_length=10)
    idea = models.OneToOneField(
        "ideas.Idea",
        verbose_name=_("idea made of the wish"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="child_voice",
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ChildVoiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("children's voice record")
        verbose_name_plural = _("children's voice")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d.%m.%Y}, {self.get_age_group_display()}"

    def clean(self):
        super().clean()
        errors = {}
        choices = set(ChildChoice.values)
        for name in ("likes", "wishes"):
            values = getattr(self, name)
            if not isinstance(values, list) or not set(values) <= choices:
                errors[name] = ValidationError(_("Choose from the pictures only."))
        if self.kind == ChildVoiceKind.OBSERVATION and not (self.showed.strip() or self.wish.strip()):
            errors["showed"] = ValidationError(_("Write what the child showed, what the child wished, or both."))
        if self.kind == ChildVoiceKind.PICTURES and not (self.likes or self.wishes or self.wish.strip()):
            errors["likes"] = ValidationError(_("Choose at least one picture, or write the child's wish."))
        if errors:
            raise ValidationError(errors)

    @property
    def like_labels(self) -> list[str]:
        return [str(ChildChoice(value).label) for value in self.likes if value in ChildChoice.values]

    @property
    def wish_labels(self) -> list[str]:
        return [str(ChildChoice(value).label) for value in self.wishes if value in ChildChoice.values]
