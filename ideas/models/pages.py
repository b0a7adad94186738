"""`/ideat/`: the page of ideas and voting. Its addresses are routes of one routable page, in three groups:
ideas (list, proposing, an idea, the feed, open data: `IdeaRoutes`), voting (code entry, ballot, results:
`VotingRoutes`) and decisions ("you said, we did" and its feed: `DecisionRoutes`). The ideas and rounds of
the page's meeting place are those of its Wagtail site.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Site
from wagtail.search import index

from events.models.events import KnownSiteMixin
from pages import freshness
from pages.blocks import ContentStreamBlock
from pages.models.content import SectionPage

from .decision_routes import DecisionRoutes
from .idea_routes import IdeaRoutes
from .voting_routes import VotingRoutes


class IdeaIndexPage(KnownSiteMixin, IdeaRoutes, VotingRoutes, DecisionRoutes, RoutablePageMixin, SectionPage):
    """Ideas, proposing, voting and results of one meeting place."""

    body = StreamField(
        ContentStreamBlock(),
        verbose_name=_("how it works"),
        blank=True,
        help_text=_("Shown under the list: how ideas are read, voted on and taken forward."),
    )

    content_panels = SectionPage.content_panels + [FieldPanel("body")]
    search_fields = SectionPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("ideas page")
        verbose_name_plural = _("ideas pages")

    def place(self) -> Site | None:
        """The meeting place whose ideas and rounds this page shows."""
        return self.get_site()

    @classmethod
    def for_site(cls, site: Site, language: str | None = None) -> "IdeaIndexPage | None":
        """The live ideas page of `site` in `language` (its translation beside the site's home page), or in the
        site's own language when it has no live translation. Remembered: a meeting's page asks for it for each
        of its sections, and mail and search for each idea."""
        return freshness.remember("ideas-page", lambda: cls.find_for_site(site, language), site.pk, language or "")

    @classmethod
    def find_for_site(cls, site: Site, language: str | None = None) -> "IdeaIndexPage | None":
        page = cls.objects.live().descendant_of(site.root_page).order_by("path").select_related("locale").first()
        if page is None or not language or page.locale.language_code == language:
            return page
        translation = (
            cls.objects.live().filter(translation_key=page.translation_key, locale__language_code=language).first()
        )
        return translation or page
