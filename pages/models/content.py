"""The general content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ContentStreamBlock


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
