"""One-off events as pages under `/tapahtumat/`: co-development days, community meetings and the rest."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index

from pages.blocks import ContentStreamBlock
from pages.models.content import SectionPage

FACTS_FROM_SOURCE = _(
    "The same in every language: change these in the page's original language; they are copied to the "
    "translations when it is saved."
)


class EventKind(models.TextChoices):
    CO_DEVELOPMENT_DAY = "co_development", _("Co-development day")
    COMMUNITY_MEETING = "community_meeting", _("Community meeting")
    OTHER = "other", _("Other event")


KIND_ICONS = {
    EventKind.CO_DEVELOPMENT_DAY: "light",
    EventKind.COMMUNITY_MEETING: "friends",
    EventKind.OTHER: "calendar",
}


class EventPageForm(WagtailAdminPageForm):
    """In a translation the facts (times, capacity) are shown but not edited: the original language owns them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if page.locale_id and page.locale_id != Locale.get_default().pk and page.pk:
            for name in EventPage.synchronized_fields:
                if name in self.fields:
                    self.fields[name].disabled = True


class EventPage(RoutablePageMixin, SectionPage):
    """An event on given days: when, where, who organises it, and whether families sign up for it."""

    synchronized_fields = (
        "kind",
        "start",
        "end",
        "organiser",
        "registration_enabled",
        "capacity",
        "waiting_list",
        "registration_deadline",
        "childcare_offered",
        "interpreting_offered",
    )

    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices, default=EventKind.OTHER)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    location = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("Empty when it is at the meeting place itself.")
    )
    organiser = models.ForeignKey(
        "pages.Partner",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    registration_enabled = models.BooleanField(_("families sign up"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("How many families can take part. Empty for no limit.")
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    registration_deadline = models.DateTimeField(_("sign-up closes"), null=True, blank=True)
    childcare_offered = models.BooleanField(_("childcare offered"), default=True)
    interpreting_offered = models.BooleanField(_("interpreting offered"), default=True)

    base_form_class = EventPageForm
    content_panels = SectionPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("organiser"),
            ],
            heading=_("When and who"),
            help_text=FACTS_FROM_SOURCE,
        ),
        FieldPanel("location"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                FieldPanel("waiting_list"),
                FieldRowPanel([FieldPanel("childcare_offered"), FieldPanel("interpreting_offered")]),
            ],
            heading=_("Sign-up"),
            help_text=FACTS_FROM_SOURCE,
        ),
    ]
    search_fields = SectionPage.search_fields + [index.SearchField("body"), index.FilterField("start")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = ValidationError(_("The end must be after the start."))
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = ValidationError(_("Sign-up must close before the event starts."))
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """A translation takes its facts from the original; the original passes them on to its translations."""
        source = self.source_event if self.pk else self
        if source.pk != self.pk:
            for name in self.synchronized_fields:
                field = self._meta.get_field(name)
                setattr(self, field.attname, getattr(source, field.attname))
        super().save(*args, **kwargs)
        if source.pk == self.pk and self.pk:
            values = {self._meta.get_field(name).attname: getattr(self, self._meta.get_field(name).attname) for name in self.synchronized_fields}
            EventPage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(**values)

    @property
    def source_event(self) -> "EventPage":
        """The event in the default language: registrations belong to it, whichever language a family used."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return EventPage.objects.filter(translation_key=self.translation_key, locale=default).first() or self

    @property
    def kind_icon(self) -> str:
        return KIND_ICONS.get(self.kind, "calendar")

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()


class EventIndexPage(RoutablePageMixin, SectionPage):
    """`/tapahtumat/`: upcoming events first, past ones on a page of their own, a calendar feed of all."""

    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events page")


class WeekPage(RoutablePageMixin, SectionPage):
    """`/viikko/`: the week's programme; each public activity has its own page below it."""

    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("weekly programme page")

