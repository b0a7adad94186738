"""What ideas add to a meeting's page through `events.hooks.EVENT_PAGE_SECTIONS`: the agenda with the ideas it
brought, the voting round that prepared a co-development day with the ideas it selected, and the decisions.

Each section runs a fixed number of queries; a meeting of staff only is seen by logged-in staff alone (its
page carries Wagtail's login restriction), so its sections list everything it decided.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language

from events.models import EventKind, EventPage

from .models import AgendaItem, Decision, DecisionIdea, IdeaIndexPage, RoundIdea, VotingRound
from .models.decision_routes import attach_meetings
from .models.idea_routes import attach_days
from .statuses import PUBLIC_STATUSES


def ideas_page(event: EventPage):
    site = event.get_site()
    return IdeaIndexPage.for_site(site, get_language()) if site else None


def idea_link(request, page, idea) -> str:
    return page.idea_url(request, idea.pk) if page is not None and idea is not None else ""


def agenda_section(request, event: EventPage):
    """The agenda in order, each item with its public idea (linked) and its outcome."""
    if not event.is_meeting:
        return None
    items = list(AgendaItem.objects.filter(meeting=event).select_related("idea").order_by("sort_order", "pk"))
    language = ""  # the page's own
    source = event.source_event
    if not items and source.pk != event.pk:  # a translation made before the agenda was written shows the original's
        items = list(AgendaItem.objects.filter(meeting=source).select_related("idea").order_by("sort_order", "pk"))
        language = source.locale.language_code
    if not items:
        return None
    page = ideas_page(event)
    rows = [
        {"item": item, "idea": item.public_idea, "url": idea_link(request, page, item.public_idea)} for item in items
    ]
    return "ideas/includes/agenda_section.html", {"rows": rows, "is_past": event.is_past, "language": language}


def round_section(request, event: EventPage):
    """For a co-development day: the voting round(s) that prepared it, with the ideas selected for the day."""
    if event.kind != EventKind.CO_DEVELOPMENT_DAY:
        return None
    rounds = VotingRound.objects.filter(event__translation_key=event.translation_key).select_related("event")
    rounds = attach_days(rounds.order_by("opens_at", "pk"))
    if not rounds:
        return None
    page = ideas_page(event)
    now = timezone.now()
    entries = RoundIdea.objects.filter(
        round__in=[r.pk for r in rounds], selected=True, idea__status__in=PUBLIC_STATUSES
    )
    selected: dict[int, list] = {}
    for entry in entries.select_related("idea").order_by("position", "pk"):
        selected.setdefault(entry.round_id, []).append(
            {"idea": entry.idea, "url": idea_link(request, page, entry.idea)}
        )
    rows = [
        {
            "round": voting_round,
            "state": voting_round.state(now),
            "selected": selected.get(voting_round.pk, []),
            "results_url": page.route_url(request, "results", voting_round.pk)
            if page is not None and voting_round.results_visible(now)
            else "",
            "vote_url": page.route_url(request, "vote") if page is not None and voting_round.is_open(now) else "",
        }
        for voting_round in rounds
    ]
    return "ideas/includes/event_round_section.html", {"rows": rows}


def decisions_section(request, event: EventPage):
    """The meeting's decisions; for a co-development day also those that followed on the ideas it selected."""
    if not event.is_meeting:
        return None
    made_here = Q(meeting__translation_key=event.translation_key)
    if event.kind == EventKind.CO_DEVELOPMENT_DAY:
        selected = RoundIdea.objects.filter(round__event__translation_key=event.translation_key, selected=True)
        followed = Q(idea_links__idea__in=selected.values("idea"))
        decisions = Decision.objects.filter(made_here | (followed & Q(pk__in=Decision.objects.public())))
    else:
        decisions = Decision.objects.filter(made_here)
    decisions = decisions.distinct().select_related("meeting", "partner").order_by("decided_on", "pk")
    decisions = attach_meetings(list(decisions))
    if not decisions:
        return None
    page = ideas_page(event)
    links = {}
    ideas = (
        DecisionIdea.objects.filter(decision__in=[d.pk for d in decisions])
        .filter(idea__status__in=PUBLIC_STATUSES)
        .select_related("idea")
        .order_by("sort_order", "pk")
    )
    for link in ideas:
        links.setdefault(link.decision_id, []).append({"idea": link.idea, "url": idea_link(request, page, link.idea)})
    rows = [{"decision": decision, "ideas": links.get(decision.pk, [])} for decision in decisions]
    return "ideas/includes/event_decisions_section.html", {
        "rows": rows,
        "you_said_url": page.route_url(request, "you_said") if page is not None else "",
        "event": event,
    }
