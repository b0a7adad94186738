"""The base of the pages under a home page, and the general content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ContentStreamBlock
from ..freshness import remember
from ..shared import SharedLookupsMixin, with_images

PAGE_IMAGE_HELP = _("A photo or drawing shown at the top of the page and on the cards that lead here.")
IMAGE_ALT_HELP = _("What the picture shows, for people who cannot see it. Leave empty when it only decorates the page.")


class SectionPage(SharedLookupsMixin, Page):
    """A page under a home page, with a lead paragraph. Never at the tree's root, beside the homes."""

    intro = models.TextField(_("lead paragraph"), blank=True, max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("page image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=PAGE_IMAGE_HELP,
    )
    image_alt = models.CharField(_("what the picture shows"), max_length=250, blank=True, help_text=IMAGE_ALT_HELP)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Picture")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and not parent.is_root()


class ContentPage(SectionPage):
    """A general page: a lead paragraph and a body of headings, text, images, quotes and FAQs."""

    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = SectionPage.content_panels + [FieldPanel("body")]
    search_fields = SectionPage.search_fields + [index.SearchField("body")]
    subpage_types = ["pages.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = remember("subpages", self.subpages, self.pk)
        return context

    def subpages(self) -> list[Page]:
        """The pages below this one shown as cards, with their pictures."""
        return with_images(list(self.get_children().live().public().in_menu().specific()))
