"""Demo content of the ideas app: the ideas page `/ideat/` in fi, sv and en, themes, the families' ideas in
every status, an open vote before the upcoming co-development day and a closed one with its results.

`home.demo` calls `load()` after the events demo and passes what that made: the open round prepares its
co-development day. Dates are counted from today, so the open round is open and the closed one closed
whenever the demo is loaded; a later run adds only what is missing.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry, Page, Site

from events.demo import CO_DEVELOPMENT_DAY, EventsDemo
from pages.demo.build import ensure_page

from ..models import Idea, IdeaIndexPage, IdeaTheme, VotingRound
from . import ideas as ideas_demo
from . import rounds, themes
from .index_page import IDEAS_PAGE


@dataclass
class IdeasDemo:
    pages: dict[str, IdeaIndexPage]
    """The ideas page `/ideat/`, by language."""
    themes: dict[str, IdeaTheme]
    """By slug."""
    ideas: dict[str, Idea]
    """By the demo's key (`ideas.IDEAS`)."""
    open_round: VotingRound
    """Open now, before the upcoming co-development day."""
    closed_round: VotingRound
    """Closed, with results and the ideas chosen for the last co-development day."""


def page_specs() -> list[dict]:
    """The specs of the pages the ideas demo makes."""
    return [IDEAS_PAGE]


def reset() -> None:
    """Delete the rounds, ideas (with their history) and themes; deleting the pages is the home app's part."""
    VotingRound.objects.all().delete()
    Idea.objects.all().delete()
    ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Idea)).delete()
    IdeaTheme.objects.all().delete()


def load(site: Site, homes: dict[str, Page], events: EventsDemo) -> IdeasDemo:
    pages = ensure_page(homes, IDEAS_PAGE, page_class=IdeaIndexPage)
    made_themes = themes.load()
    made_ideas = ideas_demo.load(site, made_themes)
    co_development_day = next(iter(events.events[CO_DEVELOPMENT_DAY].values())).source_event
    return IdeasDemo(
        pages=pages,
        themes=made_themes,
        ideas=made_ideas,
        closed_round=rounds.load_closed(site, made_ideas),
        open_round=rounds.load_open(site, made_ideas, co_development_day),
    )
