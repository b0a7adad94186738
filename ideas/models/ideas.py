"""Ideas that families propose, their themes, and the public history of what happened to each.

Nothing a visitor writes is public before staff approve it: an idea starts AWAITING moderation and only the
statuses in PUBLIC_STATUSES show anywhere public. Every status change is one `Idea.set_status` call, which
saves the idea and writes Wagtail's audit log entry (who and when) in the same transaction; the public
timeline on the idea's page is the public part of those entries (status, date, public note), never the user.
Mail to the proposer is queued by `ideas.moderation`, which calls `set_status`.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import ItemBase, TagBase
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Site
from wagtail.search import index

from ..statuses import DESCRIPTION_MAX, NAME_MAX, PUBLIC_STATUSES, TITLE_MAX, VOTABLE_STATUSES, IdeaStatus

STATUS_ACTION = "kohtaamo.idea.status"
"""The audit-log action of a status change; its data is {"status": …, "note": …} (the note is public)."""


class IdeaTheme(TagBase):
    """A theme staff and families file ideas under ("outdoors", "food"). `name` is in Finnish; the Swedish
    and English names are optional and fall back to it."""

    name_sv = models.CharField(_("name in Swedish"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    @property
    def label(self) -> str:
        language = (get_language() or "fi").split("-")[0]
        return getattr(self, f"name_{language}", "") or self.name


class TaggedIdea(ItemBase):
    tag = models.ForeignKey(IdeaTheme, on_delete=models.CASCADE, related_name="tagged_ideas")
    content_object = ParentalKey("ideas.Idea", on_delete=models.CASCADE, related_name="tagged_themes")


class IdeaQuerySet(models.QuerySet):
    def for_site(self, site: Site):
        return self.filter(site=site)

    def public(self):
        """Ideas anyone may read: approved at moderation (never AWAITING or REJECTED)."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def awaiting(self):
        return self.filter(status=IdeaStatus.AWAITING)

    def votable(self):
        return self.filter(status__in=VOTABLE_STATUSES)

    def propose(self, *, submission_key, themes=(), photo=None, **fields) -> tuple["Idea", bool]:
        """Stores a family's idea AWAITING moderation, with its themes: (idea, True); or (the idea stored
        before, False) when the same form (`submission_key`) was sent already, even at the same moment. A
        photo (a Wagtail image) that ends up unused is deleted."""
        existing = self.filter(submission_key=submission_key).first()
        if existing is None:
            idea = self.model(submission_key=submission_key, photo=photo, status=IdeaStatus.AWAITING, **fields)
            try:
                with transaction.atomic():
                    idea.save()
                    TaggedIdea.objects.bulk_create(TaggedIdea(tag=theme, content_object=idea) for theme in themes)
            except IntegrityError:  # the same form sent twice at once: the other request stored it
                existing = self.filter(submission_key=submission_key).first()
                if existing is None:
                    raise
            else:
                return idea, True
        if photo is not None:
            photo.file.delete(save=False)
            photo.delete()
        return existing, False


class Idea(index.Indexed, ClusterableModel):
    """One idea, in the words and language of the family (or child) that proposed it."""

    site = models.ForeignKey(Site, verbose_name=_("meeting place"), on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    description = models.TextField(_("description"), validators=[MaxLengthValidator(DESCRIPTION_MAX)])
    themes = ClusterTaggableManager(through=TaggedIdea, verbose_name=_("themes"), blank=True)
    language = models.CharField(
        _("written in"), max_length=10, help_text=_("The language the idea is written in (an ISO code).")
    )
    by_child = models.BooleanField(_("a child's idea"), default=False)
    author_name = models.CharField(
        _("name shown"), max_length=NAME_MAX, blank=True, help_text=_("Empty: shown as “a family”.")
    )
    email = models.EmailField(
        _("e-mail for updates"), blank=True, help_text=_("Never shown publicly. Erased when the proposer asks.")
    )
    contact_language = models.CharField(
        _("language of updates"), max_length=10, blank=True, help_text=_("The site language the proposer used.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo or drawing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(_("what the picture shows"), max_length=250, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.AWAITING, db_index=True
    )
    status_note = models.TextField(
        _("public note on the status"),
        blank=True,
        max_length=1000,
        help_text=_("Shown on the idea's page, e.g. why it was not taken forward."),
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_ideas",
    )
    response = models.TextField(
        _("response from staff"), blank=True, max_length=3000, help_text=_("Shown publicly on the idea's page.")
    )
    created_at = models.DateTimeField(_("proposed"), default=timezone.now, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = IdeaQuerySet.as_manager()
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        index.FilterField("site_id"),
    ]

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["site", "status", "-published_at"], name="idea_site_status_published")]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def status_label(self) -> str:
        """`get_status_display()` in a twentieth of the time (that one rebuilds the choices on each call): a
        list of ideas shows twenty."""
        try:
            return IdeaStatus(self.status).label
        except ValueError:  # not one of the choices: shown as stored, as get_status_display() does
            return self.status

    @property
    def shown_name(self) -> str:
        return self.author_name or str(_("a family"))

    def set_status(
        self,
        status: str,
        *,
        user=None,
        note: str | None = None,
        merged_into: "Idea | None" = None,
        at: datetime.datetime | None = None,
    ) -> bool:
        """Moves the idea to `status`, saves it and logs the change (who, when, public note) in one transaction.

        `note` replaces the public status note when given. Returns False (and changes nothing) when the idea
        already has this status and nothing else changes. Callers that tell the proposer use
        `ideas.moderation.change_status`.
        """
        at = at or timezone.now()
        if status == IdeaStatus.MERGED and (merged_into is None or merged_into.pk == self.pk):
            raise ValueError("A merged idea needs another idea to point to.")
        if status == self.status and (note is None or note == self.status_note) and merged_into is None:
            return False
        with transaction.atomic():
            self.status = status
            self.status_changed_at = at
            if note is not None:
                self.status_note = note
            if status == IdeaStatus.MERGED:
                self.merged_into = merged_into
            if status in PUBLIC_STATUSES and self.published_at is None:
                self.published_at = at
            self.save()
            data = {"status": status, "note": self.status_note if note is not None else ""}
            if merged_into is not None:
                data["merged_into"] = merged_into.pk
            log(self, STATUS_ACTION, user=user, data=data, timestamp=at)
        return True

    def timeline(self) -> list["TimelineEntry"]:
        """What happened to the idea, oldest first: its public status changes (never who made them)."""
        return Idea.timelines([self])[self.pk]

    @staticmethod
    def timelines(ideas) -> dict[int, list["TimelineEntry"]]:
        """Each idea's timeline by its id, read from the audit log in one query however many ideas."""
        ideas = list(ideas)
        if not ideas:
            return {}
        timelines = {idea.pk: [TimelineEntry(idea.created_at, "proposed", "")] for idea in ideas}
        rows = ModelLogEntry.objects.filter(
            content_type__app_label="ideas",
            content_type__model="idea",
            object_id__in=[str(idea.pk) for idea in ideas],
            action=STATUS_ACTION,
        ).order_by("timestamp", "pk")
        for object_id, timestamp, data in rows.values_list("object_id", "timestamp", "data"):
            status = (data or {}).get("status", "")
            if status in PUBLIC_STATUSES and int(object_id) in timelines:
                timelines[int(object_id)].append(TimelineEntry(timestamp, status, (data or {}).get("note", "")))
        return timelines

    def erase_contact(self) -> bool:
        """Forgets the proposer's e-mail (on request, or when the retention period ends)."""
        if not self.email:
            return False
        self.email = ""
        self.save(update_fields=["email"])
        return True

    @staticmethod
    def new_submission_key() -> uuid.UUID:
        return uuid.uuid4()

    @staticmethod
    def moderation_days() -> int:
        """How many days staff take at most to read a new idea; the confirmation page promises it."""
        return settings.KOHTAAMO_IDEA_MODERATION_DAYS


@dataclass(frozen=True)
class TimelineEntry:
    """One step of an idea's public history: `status` is an IdeaStatus value, or "proposed" for the start."""

    at: datetime.datetime
    status: str
    note: str

    @property
    def label(self) -> str:
        if self.status == "proposed":
            return str(_("Proposed"))
        return str(IdeaStatus(self.status).label)
