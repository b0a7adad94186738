"""The pages where families find help: the partner directory and "Where do I get help?"."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from .. import directory
from ..blocks import HelpSituationBlock
from .content import SectionPage


class PartnersPage(RoutablePageMixin, SectionPage):
    """/toimijat/: partners grouped by sector, filterable by support type; each partner has its own page."""

    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners page")

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


class HelpPage(SectionPage):
    """The "where do I get help?" page: everyday situations leading to the support and the partners that give it."""

    situations = StreamField([("situation", HelpSituationBlock())], verbose_name=_("situations"), min_num=1)

    content_panels = SectionPage.content_panels + [FieldPanel("situations")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("help finder page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(directory.help_finder(self, request.GET.get("tilanne")))
        context["partners_page"] = PartnersPage.objects.live().filter(locale=self.locale).first()
        return context
