"""What the meetings already held decided: the agenda of the last co-development day and community meeting,
each item's outcome, and the decisions, with the partner responsible and the due date.

The three ideas chosen in the closed vote were decided on at the co-development day: the sandpit lid is done,
the Friday soup lunch is under way and the reading corner is decided. The community meeting kept the soup
lunch going and took up the Swedish idea of a roof over the pram parking.

Decisions are saved through `ideas.decisions.record`, the admin's way, so each idea takes the status that goes
with its decision. The ideas' histories (`ideas.IDEAS`) already took those steps at the meeting's time, as
`record` cannot date a step in the past; so on a fresh demo `record` finds the ideas where they belong and
moves nothing. Agendas and decisions are made only for a meeting that has none.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from events.demo import PAST_CO_DEVELOPMENT_DAY, PAST_COMMUNITY_MEETING, EventsDemo
from events.models import EventPage
from pages.models import Partner

from ..decisions import record
from ..models import AgendaItem, Decision, DecisionIdea, DecisionStatus, Idea
from ..statuses import IDEA_STATUS_FOR_DECISION

AGENDAS = {
    PAST_CO_DEVELOPMENT_DAY: [
        (
            "Tervetuloa: mitä edellisen päivän ideoille on tapahtunut",
            None,
            "Koordinaattori kertoi, missä edellisen päivän ideat ovat nyt. Jokaisen idean vaiheet näkyvät ideasivulla.",
        ),
        (
            "Työpaja: hiekkalaatikon kansi",
            "hiekkalaatikon-kansi",
            "Kansi rakennetaan pihatalkoissa, ja taloyhtiö maksaa puutavaran.",
        ),
        (
            "Työpaja: perjantain keittolounas",
            "perjantain-keittolounas",
            "Keittolounasta kokeillaan perjantaisin. Seurakunnan diakoniatyö hankkii raaka-aineet.",
        ),
        (
            "Työpaja: lukunurkka monella kielellä",
            "lukunurkka",
            "Aulaan tehdään lukunurkka, ja kirjasto tuo joka kuukausi vaihtuvan kirjalaatikon.",
        ),
        (
            "Toive sunnuntaiaukiolosta",
            "sunnuntaiaukiolo",
            "Sunnuntaisin ei voida avata, koska työntekijöitä eikä vapaaehtoisia ole. Pidempi torstai-ilta on "
            "mukana seuraavassa äänestyksessä.",
        ),
    ],
    PAST_COMMUNITY_MEETING: [
        ("Kuulumiset", None, "Kuulimme, mitä kohtaamispaikassa on tapahtunut edellisen kokouksen jälkeen."),
        (
            "Perjantain keittolounas: miten jatketaan?",
            "perjantain-keittolounas",
            "Lounas jatkuu joka viikko, ja vapaaehtoiset vetävät sen vuorotellen.",
        ),
        (
            "Katos vaunuparkin päälle",
            "tak-over-barnvagnar",
            "Koordinaattori pyytää taloyhtiöltä katosta. Kerromme ideasivulla, kun saamme vastauksen.",
        ),
        ("Vaatehuoneen tarpeet", None, "Kiertokori kaipaa lastenkenkiä kokoihin 24–30."),
    ],
}
"""By meeting: each item's title, the idea it brought (by the ideas demo's key) and its outcome, in order."""

DECISIONS = {
    PAST_CO_DEVELOPMENT_DAY: [
        {
            "text": (
                "Hiekkalaatikkoon tehdään kansi, jotta kissat eivät pääse sinne öisin. Isät suunnittelevat kannen, "
                "taloyhtiö maksaa puutavaran ja kansi rakennetaan pihatalkoissa."
            ),
            "partner": "mll-uusimaa",
            "due_days": 42,
            "status": DecisionStatus.DONE,
            "ideas": ["hiekkalaatikon-kansi"],
        },
        {
            "text": (
                "Perjantaisin kokeillaan yhteistä keittolounasta. Perheet tuovat jotain pientä, seurakunnan "
                "diakoniatyö hankkii raaka-aineet ja lapset saavat auttaa."
            ),
            "partner": "seurakunta",
            "due_days": 120,
            "status": DecisionStatus.IN_PROGRESS,
            "ideas": ["perjantain-keittolounas"],
        },
        {
            "text": (
                "Aulaan tehdään lukunurkka. Kirjasto tuo joka kuukausi laatikollisen kuvakirjoja kahdeksalla "
                "kielellä, ja vanhemmat voivat lukea vuorotellen toistensa lapsille."
            ),
            "partner": "kirjasto",
            "due_days": 90,
            "status": DecisionStatus.DECIDED,
            "ideas": ["lukunurkka"],
        },
    ],
    PAST_COMMUNITY_MEETING: [
        {
            "text": (
                "Perjantain keittolounas jatkuu joka viikko. Vapaaehtoiset vetävät sen vuorotellen, ja vuorolista "
                "on keittiön ovessa."
            ),
            "partner": "mll-uusimaa",
            "due_days": 60,
            "status": DecisionStatus.IN_PROGRESS,
            "ideas": ["perjantain-keittolounas"],
        },
        {
            "text": (
                "Vaunuparkin päälle pyydetään katos, jotta vaunut pysyvät kuivina sateella. Koordinaattori pyytää "
                "taloyhtiöltä luvan ja tarjouksen."
            ),
            "partner": "mll-uusimaa",
            "due_days": 45,
            "status": DecisionStatus.DECIDED,
            "ideas": ["tak-over-barnvagnar"],
        },
    ],
}
"""By meeting: what it decided, in Finnish; `due_days` after the meeting."""

RECORDED_AFTER = datetime.timedelta(hours=2)
"""Staff record a meeting's decisions the same day, soon after it ends."""


def held(events: EventsDemo) -> dict[str, datetime.datetime]:
    """When each meeting already held ended, by key."""
    return {key: events.meeting(key).end for key in AGENDAS}


def load(events: EventsDemo, ideas: dict[str, Idea]) -> dict[str, list[Decision]]:
    """Each meeting's agenda and decisions, made where the meeting has none; its decisions by meeting key."""
    made = {}
    for key in AGENDAS:
        meeting = events.meeting(key)
        load_agenda(meeting, AGENDAS[key], ideas)
        made[key] = load_decisions(meeting, DECISIONS[key], ideas)
    return made


def load_agenda(meeting: EventPage, items: list[tuple], ideas: dict[str, Idea]) -> None:
    """The agenda goes into a new revision of the meeting's page, published, so the page's editor shows it."""
    if AgendaItem.objects.filter(meeting=meeting).exists():
        return
    meeting.agenda_items = [
        AgendaItem(sort_order=order, title=title, idea=ideas[key] if key else None, outcome=outcome)
        for order, (title, key, outcome) in enumerate(items)
    ]
    meeting.save_revision().publish()


def load_decisions(meeting: EventPage, specs: list[dict], ideas: dict[str, Idea]) -> list[Decision]:
    existing = list(Decision.objects.for_meeting(meeting).order_by("pk"))
    if existing:
        return existing
    partners = {
        partner.slug: partner
        for partner in Partner.objects.filter(locale=Locale.get_default(), slug__in={spec["partner"] for spec in specs})
    }
    day = timezone.localdate(meeting.start)
    recorded = meeting.end + RECORDED_AFTER
    made = []
    for spec in specs:
        linked = [ideas[key] for key in spec["ideas"]]
        decision = Decision(
            meeting=meeting,
            text=spec["text"],
            language="fi",
            partner=partners[spec["partner"]],
            due_date=day + datetime.timedelta(days=spec["due_days"]),
            status=spec["status"],
            created_at=recorded,
            status_changed_at=status_changed(spec["status"], linked, recorded),
            idea_links=[DecisionIdea(idea=idea, sort_order=order) for order, idea in enumerate(linked)],
        )
        made.append(record(decision, user=None))
    return made


def status_changed(status: str, ideas: list[Idea], recorded: datetime.datetime) -> datetime.datetime:
    """When the decision reached `status`: when its ideas took the matching step after the meeting, if they did."""
    moments = [idea.status_changed_at for idea in ideas if idea.status == IDEA_STATUS_FOR_DECISION[status]]
    return max([recorded, *moments])
