"""Builders for the decision tests: meetings of each kind, decisions recorded through `ideas.decisions.record`
(or written straight into the tables, for data a form would refuse), agenda items, and the admin's decision
form as it is posted. They build on `tests.ideas.builders` and `tests.events.builders`."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, Site

from events.models import EventPage
from ideas.decisions import record
from ideas.models import AgendaItem, Decision, DecisionIdea, DecisionStatus
from tests.events.builders import make_event

_numbers = itertools.count()

MEETING_TITLES = {
    "co_development": "Yhteiskehittämisen päivä",
    "community_meeting": "Yhteisökokous",
    "house_meeting": "Talokokous",
    "steering_group": "Johtoryhmän kokous",
}


def make_meeting(site: dict, kind: str = "community_meeting", days_ago: float = 10, **fields) -> EventPage:
    """A meeting of `kind` that started `days_ago` days ago (a negative number: in the future)."""
    number = next(_numbers)
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(days=days_ago)
    values = {"title": f"{MEETING_TITLES.get(kind, 'Kokous')} {number:03d}", "slug": f"kokous-{number:03d}", **fields}
    return make_event(site, start, kind=kind, **values)


def staff_user(username: str = "kirjaaja"):
    return get_user_model().objects.get_or_create(username=username)[0]


def make_decision(
    meeting: EventPage, ideas=(), *, status: str = DecisionStatus.DECIDED, text: str | None = None, user=None, **fields
) -> Decision:
    """A decision of `meeting` about `ideas`, recorded as the admin records it (the ideas move on)."""
    decision = Decision(meeting=meeting, text=text or f"Päätös {next(_numbers):04d}", status=status, **fields)
    decision.idea_links = [DecisionIdea(idea=idea) for idea in ideas]
    return record(decision, user=user or staff_user())


def write_decision(meeting: EventPage, ideas=(), *, status: str = DecisionStatus.DECIDED, text=None, **fields):
    """A decision written straight into the tables: its ideas keep their status (for data the admin would
    refuse, or a state reached some other way)."""
    decision = Decision.objects.create(
        meeting=meeting, text=text or f"Päätös {next(_numbers):04d}", status=status, **fields
    )
    DecisionIdea.objects.bulk_create(
        DecisionIdea(decision=decision, idea=idea, sort_order=order) for order, idea in enumerate(ideas)
    )
    return decision


def add_agenda(meeting: EventPage, *items) -> list[AgendaItem]:
    """Agenda items in order: each a title, or a (title, idea, outcome) tuple."""
    made = []
    for order, item in enumerate(items):
        title, idea, outcome = (item, None, "") if isinstance(item, str) else item
        made.append(
            AgendaItem.objects.create(meeting=meeting, title=title, idea=idea, outcome=outcome, sort_order=order)
        )
    return made


def other_site() -> dict:
    """A second meeting place (its own root page and host), as a `site` dict the idea builders take."""
    root = Page.objects.get(depth=1).add_child(instance=Page(title="Toinen paikka", slug=f"toinen-{next(_numbers)}"))
    return {"site": Site.objects.create(hostname=f"toinen{next(_numbers)}.example.com", root_page=root)}


def decision_data(meeting, ideas=(), *, existing=(), deleted=(), **changes) -> dict:
    """The decision form as the admin posts it: `existing` DecisionIdea rows first, then new `ideas`."""
    data = {
        "meeting": meeting.pk if meeting is not None else "",
        "text": "Hankimme hiekkalaatikkoon uudet lelut.",
        "language": "fi",
        "status": DecisionStatus.DECIDED,
        "due_date": "",
        "partner": "",
        "idea_links-TOTAL_FORMS": str(len(existing) + len(ideas)),
        "idea_links-INITIAL_FORMS": str(len(existing)),
        "idea_links-MIN_NUM_FORMS": "0",
        "idea_links-MAX_NUM_FORMS": "1000",
    }
    rows = [(link.pk, link.idea_id) for link in existing] + [("", idea.pk) for idea in ideas]
    deleted_ids = {link.pk for link in deleted}
    for index, (link_id, idea_id) in enumerate(rows):
        data[f"idea_links-{index}-id"] = link_id
        data[f"idea_links-{index}-idea"] = idea_id
        data[f"idea_links-{index}-ORDER"] = str(index + 1)
        if link_id and link_id in deleted_ids:
            data[f"idea_links-{index}-DELETE"] = "1"
    return {**data, **changes}
