"""The home page of a meeting place; it gathers what the other apps offer."""

import datetime
from dataclasses import dataclass, replace

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from events.models import WeekPage
from ideas.models import IdeaIndexPage, VotingRound
from pages.blocks import ContentStreamBlock
from pages.hooks import closures
from pages.models import HelpPage, PartnersPage, SiteSettings, VisitPage
from pages.models.content import IMAGE_ALT_HELP
from pages.models.place import LOOK_AHEAD_DAYS

# The family's first questions, in order: where do I get help, who is here, how do I come.
FIRST_LINKS = (HelpPage, PartnersPage, VisitPage)


class HomePage(Page):
    intro = models.TextField(_("what this place is"), max_length=400, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture band"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo or drawing of the place beside the welcome."),
    )
    image_alt = models.CharField(_("what the picture shows"), max_length=250, blank=True, help_text=IMAGE_ALT_HELP)
    take_part_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("how to take part"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page that tells families how to take part and have their say, shown after the help."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Picture")),
        FieldPanel("take_part_page"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.ContentPage",
        "pages.HelpPage",
        "pages.PartnersPage",
        "pages.VisitPage",
        "events.WeekPage",
        "events.EventIndexPage",
        "ideas.IdeaIndexPage",
        "ideas.FeedbackPage",
        "ideas.ChildrenVoicePage",
        "ideas.SurveyPage",
        "ideas.TakePartPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = list(self.get_children().live().public().specific())
        rank = {model: index for index, model in enumerate(FIRST_LINKS)}
        first = sorted((page for page in children if type(page) in rank), key=lambda page: rank[type(page)])
        help_page = next((page for page in first if isinstance(page, HelpPage)), None)
        visit_page = next((page for page in first if isinstance(page, VisitPage)), None)
        sections = [page for page in children if type(page) not in rank and page.show_in_menus]
        context["more_links"] = [page for page in first if page is not help_page] + sections
        context["visit_url"] = visit_page.get_url(request) if visit_page else ""
        today = timezone.localdate()
        closed = closures(request, today, today + datetime.timedelta(days=LOOK_AHEAD_DAYS))
        context["opening"] = SiteSettings.for_request(request).opening_status(timezone.now(), closed)
        week_page = WeekPage.for_request(request)
        if week_page is not None:
            items, _closures = week_page.programme(request, today, today)
            context["today_items"] = [item for item in items if not item.staff_only]
            context["week_page"] = week_page
        context["help_page"] = help_page
        context["situations"] = [block.value for block in help_page.situations] if help_page else []
        take_part = self.take_part_page
        context["take_part"] = take_part.specific.localized if take_part and take_part.live else None
        ideas_page = next((page for page in children if isinstance(page, IdeaIndexPage)), None)
        context["ideas_teaser"] = ideas_teaser(request, ideas_page) if ideas_page else None
        return context


@dataclass(frozen=True)
class IdeasTeaser:
    """`home/includes/ideas_teaser.html`: vote while a round is open, otherwise propose an idea."""

    list_url: str
    propose_url: str
    vote_url: str = ""
    closes_at: datetime.datetime | None = None


def ideas_teaser(request, ideas_page: IdeaIndexPage) -> IdeasTeaser:
    """The links of the home page's ideas block; one query, for the meeting place's round open now."""
    base = ideas_page.get_url(request)
    site = Site.find_for_request(request) or ideas_page.get_site()
    open_round = (
        VotingRound.objects.for_site(site).open_at(timezone.now()).order_by("closes_at").only("closes_at").first()
    )
    teaser = IdeasTeaser(list_url=base, propose_url=base + ideas_page.reverse_subpage("propose"))
    if open_round is None:
        return teaser
    return replace(teaser, vote_url=base + ideas_page.reverse_subpage("vote"), closes_at=open_round.closes_at)
