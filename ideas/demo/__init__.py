"""Demo content of the ideas app: the ideas page `/ideat/` in fi, sv and en, themes, the families' ideas in
every status, an open vote before the upcoming co-development day, the closed one that prepared the last
co-development day with its results, what the meetings already held decided (agendas and decisions), and
the families' voice (`voice`: feedback, children's voice, the visitor survey, the ways to take part).

`home.demo` calls `load()` after the events demo and passes what that made: the open round prepares its
co-development day, the closed round the one held, and the decisions belong to the meetings held. Dates are
counted from today, so the open round is open and the closed one closed whenever the demo is loaded; a later
run adds only what is missing.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry, Page, Site

from events.demo import CO_DEVELOPMENT_DAY, PAST_CO_DEVELOPMENT_DAY, PAST_COMMUNITY_MEETING, EventsDemo
from pages.demo.build import ensure_page

from ..models import AgendaItem, Decision, Idea, IdeaIndexPage, IdeaTheme, VotingRound
from . import ideas as ideas_demo
from . import meetings, rounds, themes, voice
from .dates import AT_CO_DEVELOPMENT_DAY, AT_COMMUNITY_MEETING
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
    """Closed, with results and the ideas chosen for the last co-development day (its `event`)."""
    decisions: dict[str, list[Decision]]
    """By the key of the meeting held (`events.demo.PAST_CO_DEVELOPMENT_DAY`, `PAST_COMMUNITY_MEETING`)."""
    voice: voice.VoiceDemo


def page_specs() -> list[dict]:
    """The specs of the pages the ideas demo makes."""
    return [IDEAS_PAGE, *voice.page_specs()]


def reset() -> None:
    """Delete the decisions, agendas, rounds, ideas (with their history) and themes; deleting the pages is the
    home app's part (a decision outlives its meeting's page, so it goes here)."""
    voice.reset()  # feedback protects its activity, which the events demo deletes next
    Decision.objects.all().delete()
    AgendaItem.objects.all().delete()
    VotingRound.objects.all().delete()
    Idea.objects.all().delete()
    ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Idea)).delete()
    IdeaTheme.objects.all().delete()


def load(site: Site, homes: dict[str, Page], events: EventsDemo) -> IdeasDemo:
    pages = ensure_page(homes, IDEAS_PAGE, page_class=IdeaIndexPage)
    made_themes = themes.load()
    held = meetings.held(events)
    made_ideas = ideas_demo.load(
        site,
        made_themes,
        {AT_CO_DEVELOPMENT_DAY: held[PAST_CO_DEVELOPMENT_DAY], AT_COMMUNITY_MEETING: held[PAST_COMMUNITY_MEETING]},
    )
    return IdeasDemo(
        pages=pages,
        themes=made_themes,
        ideas=made_ideas,
        closed_round=rounds.load_closed(site, made_ideas, events.meeting(PAST_CO_DEVELOPMENT_DAY)),
        open_round=rounds.load_open(site, made_ideas, events.meeting(CO_DEVELOPMENT_DAY)),
        decisions=meetings.load(events, made_ideas),
        voice=voice.load(site, homes, events),
    )
