"""Content pages and the site-wide settings of a meeting place."""

from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import ContentStreamBlock


class ContentPage(Page):
    """A general page: a lead paragraph and a body of headings, text, images, quotes and FAQs."""

    intro = models.TextField(_("lead paragraph"), blank=True, max_length=600)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["pages.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    @classmethod
    def can_create_at(cls, parent):
        # Content lives under a home page, never beside it at the tree's root.
        return super().can_create_at(parent) and not parent.is_root()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().in_menu().specific()
        return context


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Facts about the place shown in every page's footer. Names and numbers, no prose to translate."""

    place_name = models.CharField(_("name of the place"), max_length=120, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
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

    panels = [
        FieldPanel("place_name"),
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("postal_code"), FieldPanel("city")], heading=_("Address")
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Opening hours")),
        InlinePanel("social_links", heading=_("Social media"), label=_("Link")),
        MultiFieldPanel([FieldPanel("accessibility_page"), FieldPanel("privacy_page")], heading=_("Footer links")),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def address(self) -> str:
        return ", ".join(part for part in (self.street_address, f"{self.postal_code} {self.city}".strip()) if part)


class OpeningHours(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=sorted(WEEKDAYS.items()))
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField(_("service"), max_length=40, help_text=_("For example Facebook or Instagram."))
    url = models.URLField(_("web address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social media link")
        verbose_name_plural = _("social media links")
