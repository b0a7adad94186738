"""The place's facts: site-wide settings (address, contact, opening hours) and the visiting page."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ..blocks import ContentStreamBlock
from ..components import Fact
from ..freshness import remember
from ..phone import PhoneNumberField
from ..shared import place_closures, site_for_request
from .content import SectionPage
from .steering import Rotation, chair_rotation


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Facts about the place shown in every page's footer. Names and numbers, no prose to translate."""

    place_name = models.CharField(_("name of the place"), max_length=120, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chair_rotation_start = models.DateField(
        _("first chair's term starts"),
        null=True,
        blank=True,
        help_text=_("The day the first partner below took the chair."),
    )
    chair_term_months = models.PositiveSmallIntegerField(
        _("length of a term in months"), default=6, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )

    panels = [
        FieldPanel("place_name"),
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("postal_code"), FieldPanel("city")], heading=_("Address")
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Opening hours")),
        InlinePanel("social_links", heading=_("Social media"), label=_("Link")),
        MultiFieldPanel([FieldPanel("accessibility_page"), FieldPanel("privacy_page")], heading=_("Footer links")),
        MultiFieldPanel(
            [
                FieldPanel("chair_rotation_start"),
                FieldPanel("chair_term_months"),
                InlinePanel("chair_turns", label=_("Partner")),
            ],
            heading=_("Steering group chair rotation"),
            help_text=_(
                "The member partners in the order they chair the steering group. The same order sends a member "
                "to each house meeting in turn."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """The request's site's settings with their opening hours, social links and chair rotation, from the
        cache: every page shows them. The admin edits through `for_site`, which reads the database."""
        attribute = cls.get_cache_attr_name()
        if not hasattr(request, attribute):
            site = site_for_request(request)
            place = remember("site-settings", lambda: cls.with_children(cls.for_site(site)), site.pk if site else "")
            place._request = request  # as Wagtail's own, for page addresses relative to the request's site
            setattr(request, attribute, place)
        return getattr(request, attribute)

    @staticmethod
    def with_children(place: "SiteSettings") -> "SiteSettings":
        prefetch_related_objects([place], "opening_hours", "social_links")
        place._rotation_members = place.rotation_members()
        return place

    @property
    def address(self) -> str:
        return ", ".join(part for part in (self.street_address, f"{self.postal_code} {self.city}".strip()) if part)

    @property
    def map_url(self) -> str:
        """A link to the address on OpenStreetMap: a plain link, no third-party embed or tracking."""
        if not self.address:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})

    def rotation_members(self) -> list:
        """The member partners in their turn to chair (in the default language), in one query."""
        if hasattr(self, "_rotation_members"):
            return self._rotation_members
        turns = self.chair_turns.select_related("partner").filter(partner__in_steering_group=True)
        return [turn.partner for turn in turns.order_by("sort_order", "pk")]

    def chair_rotation(self, today: datetime.date) -> Rotation:
        return chair_rotation(self.rotation_members(), self.chair_rotation_start, self.chair_term_months, today)

    def weekly_hours(self) -> list["OpeningHours"]:
        return sorted(self.opening_hours.all(), key=lambda row: (row.weekday, row.opens))

    def opening_status(self, now: datetime.datetime, closures=()) -> "OpeningStatus":
        """Whether the place is open at `now` (local time) and when it opens next.

        `closures` (objects with `first_date`, `last_date` and `reason`, from the `kohtaamo_closures` hook)
        close whole days: on such a day the place is closed, and it opens next after the closure.
        """
        local = timezone.localtime(now)
        week = self.weekly_hours()  # one query; the days are picked from it
        closed = list(closures)

        def closure_on(day):
            return next((item for item in closed if item.first_date <= day <= item.last_date), None)

        today_closure = closure_on(local.date())
        today = [] if today_closure else [row for row in week if row.weekday == local.weekday()]
        moment = local.time()
        open_now = [row for row in today if row.opens <= moment < row.closes]
        next_day, next_rows = None, [row for row in today if row.opens > moment]
        if next_rows:
            next_day = local.date()
        else:
            for offset in range(1, LOOK_AHEAD_DAYS + 1):
                day = local.date() + datetime.timedelta(days=offset)
                if closure_on(day):
                    continue
                if rows := [row for row in week if row.weekday == day.weekday()]:
                    next_day, next_rows = day, rows
                    break
        return OpeningStatus(
            today=local.date(), open_now=open_now, next_day=next_day, next_rows=next_rows, closure=today_closure
        )


# How far ahead the home page looks for the next opening: past the longest holiday closure.
LOOK_AHEAD_DAYS = 60


@dataclass(frozen=True)
class OpeningStatus:
    today: datetime.date
    open_now: list["OpeningHours"]
    next_day: datetime.date | None
    next_rows: list["OpeningHours"]
    closure: object = None
    """Today's closure (with its `reason`) when the whole place is closed today."""

    @property
    def opens_later_today(self) -> bool:
        return self.next_day == self.today

    @property
    def opens_tomorrow(self) -> bool:
        return self.next_day == self.today + datetime.timedelta(days=1)


class OpeningHours(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=sorted(WEEKDAYS.items()))
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    @property
    def day_name(self) -> str:
        return WEEKDAYS[self.weekday]


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField(_("service"), max_length=40, help_text=_("For example Facebook or Instagram."))
    url = models.URLField(_("web address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social media link")
        verbose_name_plural = _("social media links")


class VisitPage(SectionPage):
    """The "come and visit" page: how to find the place, when it is open, how accessible the premises are."""

    entrance = models.TextField(_("entrance"), blank=True, help_text=_("Steps, ramps, doors, where the entrance is."))
    pram_parking = models.TextField(_("pram parking"), blank=True)
    changing_table = models.TextField(_("changing table and toilets"), blank=True)
    lift = models.TextField(_("lift and floors"), blank=True)
    staff_languages = models.CharField(
        _("languages the staff speak"), max_length=300, blank=True, help_text=_("For example: Finnish, Swedish, Arabic")
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("more information"), blank=True)

    content_panels = SectionPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("entrance"), FieldPanel("pram_parking"), FieldPanel("changing_table"), FieldPanel("lift")],
            heading=_("Accessibility of the premises"),
        ),
        FieldPanel("staff_languages"),
        FieldPanel("body"),
    ]
    search_fields = SectionPage.search_fields + [
        index.SearchField("entrance"),
        index.SearchField("staff_languages"),
        index.SearchField("body"),
    ]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("visiting page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["opening_rows"] = SiteSettings.for_request(request).weekly_hours()
        today = timezone.localdate()
        context["closures"] = place_closures(request, today, today + datetime.timedelta(days=LOOK_AHEAD_DAYS))
        return context

    @property
    def accessibility_items(self) -> list[Fact]:
        items = [
            Fact(_("Entrance"), self.entrance, icon="home"),
            Fact(_("Pram parking"), self.pram_parking, icon="child"),
            Fact(_("Changing table and toilets"), self.changing_table, icon="info"),
            Fact(_("Lift and floors"), self.lift, icon="arrow-right"),
        ]
        return [item for item in items if item.text]
