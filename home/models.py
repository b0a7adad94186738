"""The home page of a meeting place; it gathers what the other apps offer."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import ContentStreamBlock
from pages.models import HelpPage, PartnersPage, SiteSettings, VisitPage

# The family's first questions, in order: where do I get help, who is here, how do I come.
FIRST_LINKS = (HelpPage, PartnersPage, VisitPage)


class HomePage(Page):
    intro = models.TextField(_("what this place is"), max_length=400, blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.ContentPage", "pages.HelpPage", "pages.PartnersPage", "pages.VisitPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = list(self.get_children().live().public().specific())
        rank = {model: index for index, model in enumerate(FIRST_LINKS)}
        first = sorted((page for page in children if type(page) in rank), key=lambda page: rank[type(page)])
        context["first_links"] = first
        context["sections"] = [page for page in children if type(page) not in rank and page.show_in_menus]
        context["hours_today"] = SiteSettings.for_request(request).hours_on(timezone.localdate())
        return context
