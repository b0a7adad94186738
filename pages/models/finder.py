"""The pages where families find help: the partner directory and "Where do I get help?"."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .. import directory
from ..blocks import HelpSituationBlock


class PartnersPage(RoutablePageMixin, Page):
    """/toimijat/: partners grouped by sector, filterable by support type; each partner has its own page."""

    intro = models.TextField(_("lead paragraph"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners page")

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and not parent.is_root()

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides=directory.partner_directory(request.GET))

    @path("<str:slug>/")
    def partner_route(self, request, slug):
        return self.render(
            request,
            context_overrides=directory.partner_detail(slug),
            template="pages/partner_detail.html",
        )


class HelpPage(Page):
    """ "Where do I get help?": everyday situations leading to the support and the partners that give it."""

    intro = models.TextField(_("lead paragraph"), blank=True, max_length=600)
    situations = StreamField([("situation", HelpSituationBlock())], verbose_name=_("situations"), min_num=1)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("situations"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("help finder page")

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and not parent.is_root()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(directory.help_finder(self, request.GET.get("tilanne")))
        context["partners_page"] = PartnersPage.objects.live().filter(locale=self.locale).first()
        return context
