"""What meetings decided, and the agenda items that brought ideas to them.

A decision belongs to the meeting it was made in (an `events` page: a co-development day, a community, house
or steering-group meeting) and to the ideas it concerns. Recording one moves those ideas on (their status and
public timeline) through `ideas.decisions.record`, in the same transaction as the decision itself.

Meetings of staff only (house and steering-group meetings) stay private: a decision made in one is public only
when it concerns a public idea, and then it names the kind of meeting and its date, never the meeting's page.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, Site

from events.models import MEETING_KINDS, STAFF_ONLY_KINDS, EventPage

from ..statuses import DECISION_TEXT_MAX, PUBLIC_STATUSES, DecisionStatus
from .ideas import Idea


def meeting_choices() -> Q:
    """Decisions are made in meetings: co-development days and community, house and steering-group meetings."""
    return Q(kind__in=MEETING_KINDS)


class DecisionQuerySet(models.QuerySet):
    def for_site(self, site: Site):
        return self.filter(site=site)

    def public(self):
        """Decisions families may read: those of public meetings, and those that concern a public idea."""
        public_idea = DecisionIdea.objects.filter(decision=OuterRef("pk"), idea__status__in=PUBLIC_STATUSES)
        public_meeting = Q(meeting__live=True) & ~Q(meeting__kind__in=STAFF_ONLY_KINDS)
        return self.filter(public_meeting | Exists(public_idea))

    def for_meeting(self, meeting: EventPage):
        """The decisions of `meeting` in any of its languages (they point to the page they were recorded on)."""
        return self.filter(meeting__translation_key=meeting.translation_key)


class Decision(ClusterableModel):
    """What a meeting decided, who is responsible for it and by when, and how far it has got."""

    site = models.ForeignKey(Site, verbose_name=_("meeting place"), on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(
        EventPage,
        verbose_name=_("meeting"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
        limit_choices_to=meeting_choices,
        help_text=_("The co-development day or meeting where it was decided."),
    )
    decided_on = models.DateField(_("decided on"), editable=False)
    text = models.TextField(
        _("decision"),
        validators=[MaxLengthValidator(DECISION_TEXT_MAX)],
        help_text=_("What was decided, in plain words families understand."),
    )
    language = models.CharField(
        _("written in"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    partner = models.ForeignKey(
        "pages.Partner",
        verbose_name=_("responsible partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.DECIDED, db_index=True
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now, editable=False)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["site", "-decided_on"], name="decision_site_decided")]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    @property
    def meeting_day(self) -> datetime.date | None:
        return timezone.localdate(self.meeting.start) if self.meeting else None

    def clean(self):
        super().clean()
        errors = {}
        if self.meeting_id is None:
            errors["meeting"] = ValidationError(_("Choose the meeting where it was decided."))
        elif self.due_date and self.due_date < self.meeting_day:
            errors["due_date"] = ValidationError(
                _("The due date cannot be before the meeting (%(day)s).")
                % {"day": date_format(self.meeting_day, "SHORT_DATE_FORMAT")}
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """The place and the day come from the meeting."""
        if self.meeting is not None:
            self.site = self.meeting.get_site()
            self.decided_on = self.meeting_day
        super().save(*args, **kwargs)


class DecisionIdea(Orderable):
    """An idea a decision concerns."""

    decision = ParentalKey(Decision, on_delete=models.CASCADE, related_name="idea_links")
    idea = models.ForeignKey(Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="decision_links")

    class Meta(Orderable.Meta):
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        constraints = [models.UniqueConstraint(fields=["decision", "idea"], name="unique_decision_idea")]


class AgendaItem(Orderable):
    """One item of a meeting's agenda, in order; it can bring an idea to the meeting. After the meeting, staff
    write its outcome. Edited on the meeting's own page (its "Meeting record" tab)."""

    meeting = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("item"), max_length=200)
    idea = models.ForeignKey(
        Idea,
        verbose_name=_("idea"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
        help_text=_("The public idea this item is about, if any."),
    )
    outcome = models.TextField(_("outcome"), blank=True, max_length=2000, help_text=_("Written after the meeting."))

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.idea_id and self.idea.status not in PUBLIC_STATUSES:
            raise ValidationError({"idea": _("Only a public idea can be on the agenda. Approve it first.")})
        site = self.meeting.get_site() if self.meeting_id else None
        if self.idea_id and site is not None and self.idea.site_id != site.pk:
            raise ValidationError({"idea": _("“%(title)s” belongs to another meeting place.") % {"title": self.idea}})

    @property
    def public_idea(self) -> Idea | None:
        """The idea, while it is public (an idea rejected or deleted since shows as plain text)."""
        return self.idea if self.idea is not None and self.idea.status in PUBLIC_STATUSES else None
