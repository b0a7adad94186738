"""The weekly programme's rows: recurring activities, changes to one occurrence, and closures of the place.

Each is a translatable snippet: the title, description and reasons are language, the schedule and the
rest are facts kept the same in every translation (`pages.localized.SynchronizedFieldsMixin`). Times are
local wall-clock times in Europe/Helsinki plus a rule, so they never shift across daylight-saving changes;
`events/schedule.py` expands them.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Locale, Site, TranslatableMixin
from wagtail.search import index

from pages.components import Fact, time_range
from pages.localized import LocalizedQuerySet, SynchronizedFieldsMixin
from pages.models import Partner, SupportType
from pages.models.partners import SAME_IN_EVERY_LANGUAGE

from ..languages import language_name
from ..schedule import ChangeRow, ClosedDays


class ActivityKind(models.TextChoices):
    OPEN = "open", _("Open activity")
    PEER_GROUP = "peer", _("Peer group")
    DROP_IN = "drop_in", _("Drop-in counselling")
    MATERIAL = "material", _("Material help")
    CLUB = "club", _("Club or hobby")


class Audience(models.TextChoices):
    BABIES = "babies", _("Babies")
    UNDER_SCHOOL_AGE = "under_school", _("Children under school age")
    SCHOOL_AGE = "school", _("School-age children")
    PARENTS = "parents", _("Parents")
    FATHERS = "fathers", _("Fathers")
    EVERYONE = "everyone", _("Everyone")


KIND_ICONS = {
    ActivityKind.OPEN: "people",
    ActivityKind.PEER_GROUP: "friends",
    ActivityKind.DROP_IN: "advice",
    ActivityKind.MATERIAL: "basket",
    ActivityKind.CLUB: "light",
}


def spoken_language_choices() -> list[tuple[str, str]]:
    """The languages families may find spoken, named in the editor's own language."""
    return [(code, language_name(code)) for code in settings.KOHTAAMO_SPOKEN_LANGUAGES]


# Addresses below the week page that are not activities (events.models.events.WeekPage's routes).
RESERVED_SLUGS = {"kalenteri"}


class ActivityQuerySet(LocalizedQuerySet):
    def public(self):
        return self.filter(staff_only=False)

    def visible_to(self, user):
        """Staff-only activities (the house meeting) for signed-in staff, never for anyone else."""
        if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
            return self
        return self.public()

    def for_site(self, site: Site):
        return self.filter(site=site)

    def for_listing(self):
        """What the programme shows of each activity, in a fixed number of queries however many there are."""
        return self.select_related("locale").prefetch_related("partners")

    def matching(self, audiences=(), kinds=(), support_slugs=()):
        """The programme filter: any of the audiences ("everyone" matches every audience), kinds and support.

        Audiences are a JSON list, which not every database can search, so that part is left to Python:
        call on a queryset and get a list.
        """
        rows = self.filter(kind__in=kinds) if kinds else self
        if support_slugs:
            rows = rows.filter(support_types__slug__in=support_slugs).distinct()
        rows = list(rows)
        if audiences:
            wanted = set(audiences)
            rows = [row for row in rows if Audience.EVERYONE in row.audiences or wanted & set(row.audiences)]
        return rows


def localize_partners(activities: list) -> list:
    """Give each activity `.partner_list`: its partners in the reader's language where translated (one query)."""
    keys = {partner.translation_key for activity in activities for partner in activity.partners.all()}
    translated = {
        partner.translation_key: partner for partner in Partner.objects.localized().filter(translation_key__in=keys)
    }
    for activity in activities:
        activity.partner_list = sorted(
            (translated.get(partner.translation_key, partner) for partner in activity.partners.all()),
            key=lambda partner: (partner.sort_order, partner.name),
        )
    return activities


class ActivityForm(WagtailAdminModelForm):
    """Audiences, languages and weekdays as checkboxes; the site preset when there is only one."""

    audiences = forms.MultipleChoiceField(
        label=_("for whom"), choices=Audience.choices, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("languages spoken"), required=False, widget=forms.CheckboxSelectMultiple
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("weekdays"),
        choices=sorted(WEEKDAYS.items()),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = spoken_language_choices()
        if not self.instance.pk and "site" in self.fields and Site.objects.count() == 1:
            self.fields["site"].initial = Site.objects.get().pk
        for name in ("partners", "support_types"):
            if self.instance.locale_id and name in self.fields:
                field = self.fields[name]
                field.queryset = field.queryset.filter(locale_id=self.instance.locale_id)


class Activity(SynchronizedFieldsMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    """Something that happens at the place again and again: the family café, a peer group, drop-in hours."""

    synchronized_fields = (
        "site",
        "slug",
        "kind",
        "partners",
        "support_types",
        "audiences",
        "languages",
        "is_free",
        "weekdays",
        "start_time",
        "end_time",
        "interval_weeks",
        "first_date",
        "last_date",
        "staff_only",
    )

    site = models.ForeignKey(Site, verbose_name=_("meeting place"), on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("short name in addresses"), max_length=80, allow_unicode=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    description = models.TextField(_("description"), max_length=1500, help_text=_("What happens, in plain words."))
    partners = ParentalManyToManyField(Partner, verbose_name=_("organised by"), blank=True)
    support_types = ParentalManyToManyField(SupportType, verbose_name=_("support given"), blank=True)
    audiences = models.JSONField(_("for whom"), default=list)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    weekdays = models.JSONField(_("weekdays"), default=list)
    start_time = models.TimeField(_("starts"), help_text=_("Local time in Finland."))
    end_time = models.TimeField(_("ends"))
    interval_weeks = models.PositiveSmallIntegerField(
        _("every how many weeks"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(8)],
        help_text=_("1 for every week, 2 for every other week, counted from the first date."),
    )
    first_date = models.DateField(_("first date"))
    last_date = models.DateField(_("last date"), null=True, blank=True, help_text=_("Empty when it goes on."))
    staff_only = models.BooleanField(
        _("for staff only"),
        default=False,
        help_text=_("Shown to signed-in staff only, never on public pages, feeds or search (e.g. the house meeting)."),
    )

    objects = ActivityQuerySet.as_manager()
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
        index.FilterField("staff_only"),
    ]
    base_form_class = ActivityForm
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("room"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("slug"),
                FieldPanel("site"),
                FieldPanel("audiences"),
                FieldPanel("languages"),
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
                FieldPanel("support_types", widget=forms.CheckboxSelectMultiple),
                FieldPanel("is_free"),
                FieldPanel("staff_only"),
            ],
            heading=_("Facts"),
            help_text=SAME_IN_EVERY_LANGUAGE,
        ),
        MultiFieldPanel(
            [
                FieldPanel("weekdays"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("interval_weeks"),
                FieldRowPanel([FieldPanel("first_date"), FieldPanel("last_date")]),
            ],
            heading=_("When"),
            help_text=SAME_IN_EVERY_LANGUAGE,
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["start_time", "title"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_activity_slug_per_locale"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = ValidationError(_("The end must be after the start."))
        if self.first_date and self.last_date and self.last_date < self.first_date:
            errors["last_date"] = ValidationError(_("The last date cannot be before the first date."))
        if not self.weekdays:
            errors["weekdays"] = ValidationError(_("Choose at least one weekday."))
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = ValidationError(_("This short name is taken by the programme's own pages."))
        if errors:
            raise ValidationError(errors)

    @property
    def kind_icon(self) -> str:
        return KIND_ICONS.get(self.kind, "calendar")

    @property
    def audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [str(labels[code]) for code in self.audiences if code in labels]

    @property
    def language_names(self) -> list[str]:
        """The languages spoken, named in the reader's language."""
        return [language_name(code, get_language()) for code in self.languages]

    @property
    def weekday_names(self) -> list[str]:
        return [str(WEEKDAYS[day]) for day in sorted(self.weekdays)]

    @property
    def schedule_text(self) -> str:
        """ "Every week: Tuesday, 9.00–11.00" or "Every 2 weeks: …", in the reader's language."""
        days = ", ".join(self.weekday_names)
        if self.interval_weeks == 1:
            text = _("Every week: %(days)s") % {"days": days}
        else:
            text = ngettext(
                "Every %(weeks)s week: %(days)s", "Every %(weeks)s weeks: %(days)s", self.interval_weeks
            ) % {
                "weeks": self.interval_weeks,
                "days": days,
            }
        return f"{text}, {time_range(self.start_time, self.end_time)}"

    @property
    def facts(self) -> list[Fact]:
        """When, where, for whom and in which languages, for `components/facts.html`."""
        items = [
            Fact(_("When"), self.schedule_text, icon="clock"),
            Fact(_("Room"), self.room, icon="map-pin"),
            Fact(_("For whom"), ", ".join(self.audience_labels), icon="child"),
            Fact(_("Languages spoken"), ", ".join(self.language_names), icon="globe"),
        ]
        return [item for item in items if item.text]

    def get_default_translation(self) -> "Activity":
        return self.get_translation_or_none(Locale.get_default()) or self


class ChangeKind(models.TextChoices):
    CANCELLED = "cancelled", _("Cancelled")
    MOVED = "moved", _("Moved")


class OccurrenceChangeQuerySet(LocalizedQuerySet):
    def between(self, start, end):
        """Changes to occurrences from `start` to `end` (dates, inclusive), whether from or to that range."""
        return self.filter(models.Q(date__range=(start, end)) | models.Q(new_date__range=(start, end)))

    def rows(self) -> list[ChangeRow]:
        """The changes in the reader's language, as `events.schedule` reads them (one query)."""
        changes = self.localized().annotate(activity_key=models.F("activity__translation_key"))
        return [
            ChangeRow(
                activity_key=change.activity_key,
                date=change.date,
                cancelled=change.kind == ChangeKind.CANCELLED,
                new_date=change.new_date,
                new_start_time=change.new_start_time,
                new_end_time=change.new_end_time,
                reason=change.reason,
            )
            for change in changes
        ]


class OccurrenceChange(SynchronizedFieldsMixin, TranslatableMixin, models.Model):
    """One occurrence of an activity cancelled, or moved to another day or time, with the reason families see."""

    synchronized_fields = ("activity", "date", "kind", "new_date", "new_start_time", "new_end_time")

    activity = models.ForeignKey(Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="changes")
    date = models.DateField(_("date of the occurrence"), help_text=_("The day it would have happened."))
    kind = models.CharField(_("change"), max_length=20, choices=ChangeKind.choices, default=ChangeKind.CANCELLED)
    new_date = models.DateField(_("new date"), null=True, blank=True)
    new_start_time = models.TimeField(_("new start"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end"), null=True, blank=True)
    reason = models.CharField(
        _("reason shown to families"), max_length=200, help_text=_("For example: The counsellor is ill.")
    )

    objects = OccurrenceChangeQuerySet.as_manager()
    panels = [
        FieldPanel("reason"),
        MultiFieldPanel(
            [
                FieldPanel("activity"),
                FieldPanel("date"),
                FieldPanel("kind"),
                FieldPanel("new_date"),
                FieldRowPanel([FieldPanel("new_start_time"), FieldPanel("new_end_time")]),
            ],
            heading=_("Facts"),
            help_text=SAME_IN_EVERY_LANGUAGE,
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("cancellation or change")
        verbose_name_plural = _("cancellations and changes")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.activity} {self.date:%d.%m.%Y}: {self.get_kind_display()}"

    def clean(self):
        super().clean()
        if self.kind != ChangeKind.MOVED:
            self.new_date = self.new_start_time = self.new_end_time = None
            return
        errors = {}
        if not (self.new_date or self.new_start_time):
            errors["new_date"] = ValidationError(_("Give the new date, the new time, or both."))
        if bool(self.new_start_time) != bool(self.new_end_time):
            errors["new_end_time"] = ValidationError(_("Give both the new start and the new end."))
        elif self.new_start_time and self.new_end_time <= self.new_start_time:
            errors["new_end_time"] = ValidationError(_("The end must be after the start."))
        if errors:
            raise ValidationError(errors)


class ClosureQuerySet(LocalizedQuerySet):
    def overlapping(self, start, end):
        return self.filter(first_date__lte=end, last_date__gte=start)

    def rows(self) -> list[ClosedDays]:
        """The closures in the reader's language, as `events.schedule` reads them (one query)."""
        return [ClosedDays(closure.first_date, closure.last_date, closure.reason) for closure in self.localized()]


class Closure(SynchronizedFieldsMixin, TranslatableMixin, models.Model):
    """Days when the whole place is closed (Christmas, say): every occurrence in them is cancelled."""

    synchronized_fields = ("site", "first_date", "last_date")

    site = models.ForeignKey(Site, verbose_name=_("meeting place"), on_delete=models.CASCADE, related_name="+")
    first_date = models.DateField(_("first closed day"))
    last_date = models.DateField(_("last closed day"))
    reason = models.CharField(
        _("reason shown to families"), max_length=200, help_text=_("For example: Christmas holiday.")
    )

    objects = ClosureQuerySet.as_manager()
    panels = [
        FieldPanel("reason"),
        MultiFieldPanel(
            [FieldPanel("site"), FieldRowPanel([FieldPanel("first_date"), FieldPanel("last_date")])],
            heading=_("Facts"),
            help_text=SAME_IN_EVERY_LANGUAGE,
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        ordering = ["-first_date"]

    def __str__(self) -> str:
        return f"{self.reason} ({self.first_date:%d.%m.%Y}–{self.last_date:%d.%m.%Y})"

    def clean(self):
        super().clean()
        if self.first_date and self.last_date and self.last_date < self.first_date:
            raise ValidationError({"last_date": _("The last closed day cannot be before the first.")})
