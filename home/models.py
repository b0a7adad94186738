"""The home page of a meeting place; it gathers what the other apps offer."""

import datetime
from dataclasses import dataclass, replace

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from events.models import WeekPage
from ideas.models import IdeaIndexPage, VotingRound
from pages.blocks import ContentStreamBlock
from pages.freshness import remember
from pages.models import HelpPage, PartnersPage, SiteSettings, VisitPage
from pages.models.content import IMAGE_ALT_HELP
from pages.models.place import LOOK_AHEAD_DAYS
from pages.shared import SharedLookupsMixin, place_closures, site_for_request, with_images

# The family's first questions, in order: where do I get help, who is here, how do I come.
FIRST_LINKS = (HelpPage, PartnersPage, VisitPage)


class HomePage(SharedLookupsMixin, Page):
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
        parts = remember("home-parts", self.shared_parts, self.pk)
        children = parts["children"]
        rank = {model: index for index, model in enumerate(FIRST_LINKS)}
        first = sorted((page for page in children if type(page) in rank), key=lambda page: rank[type(page)])
        help_page = next((page for page in first if isinstance(page, HelpPage)), None)
        visit_page = next((page for page in first if isinstance(page, VisitPage)), None)
        sections = [page for page in children if type(page) not in rank and page.show_in_menus]
        context["more_links"] = [page for page in first if page is not help_page] + sections
        context["visit_url"] = visit_page.get_url(request) if visit_page else ""
        today = timezone.localdate()
        closed = place_closures(request, today, today + datetime.timedelta(days=LOOK_AHEAD_DAYS))
        context["opening"] = SiteSettings.for_request(request).opening_status(timezone.now(), closed)
        # The programme page of the site in this language: a home page's child, as only a home page may hold one.
        week_page = next((page for page in children if isinstance(page, WeekPage)), None)
        if week_page is not None:
            context["today_items"] = remember(
                "home-today", lambda: today_items(request, week_page, today), week_page.pk, today
            )
            context["week_page"] = week_page
        context["help_page"] = help_page
        context["situations"] = [block.value for block in help_page.situations] if help_page else []
        context["take_part"] = parts["take_part"]
        ideas_page = next((page for page in children if isinstance(page, IdeaIndexPage)), None)
        context["ideas_teaser"] = ideas_teaser(request, ideas_page) if ideas_page else None
        return context

    def shared_parts(self) -> dict:
        """What the home page shows of other pages, the same for every visitor until content changes."""
        take_part = self.take_part_page
        take_part = take_part.specific.localized if take_part and take_part.live else None
        children = list(self.get_children().live().public().specific())
        with_images(children + ([take_part] if take_part else []))
        return {"children": children, "take_part": take_part}


def today_items(request, week_page: WeekPage, today: datetime.date) -> list:
    """Today's programme as every visitor sees it: staff-only activities left out, whoever asks."""
    items, _closures = week_page.programme(request, today, today)
    return [item for item in items if not item.staff_only]


@dataclass(frozen=True)
class IdeasTeaser:
    """`home/includes/ideas_teaser.html`: vote while a round is open, otherwise propose an idea."""

    list_url: str
    propose_url: str
    vote_url: str = ""
    closes_at: datetime.datetime | None = None


def ideas_teaser(request, ideas_page: IdeaIndexPage) -> IdeasTeaser:
    """The links of the home page's ideas block; one query per content version, for the meeting place's round
    open now."""
    base = ideas_page.get_url(request)
    site = site_for_request(request) or ideas_page.get_site()
    # The content version moves when a round opens or closes, so the answer holds until it does.
    closes_at = remember("open-round-closes", lambda: open_round_closes(site), site.pk)
    teaser = IdeasTeaser(list_url=base, propose_url=base + ideas_page.reverse_subpage("propose"))
    if closes_at is None:
        return teaser
    return replace(teaser, vote_url=base + ideas_page.reverse_subpage("vote"), closes_at=closes_at)


def open_round_closes(site) -> datetime.datetime | None:
    """When the meeting place's voting round open now closes (the first to close), or None."""
    rounds = VotingRound.objects.for_site(site).open_at(timezone.now()).order_by("closes_at")
    return rounds.values_list("closes_at", flat=True).first()
