"""One-off events under the events page: the next co-development day and community meeting, the ones held
before them with their record (participants, minutes, the co-development day's workshops), the staff's last
and next house meeting, and a party that has already been, so the past events page has something.

Their dates are counted from today, so a fresh demo is never stale; a later run keeps an event still
ahead (or the past one) and makes a new one only when there is none, with the date in its slug.
"""

import datetime
from collections.abc import Callable

from django.db.models import Q
from wagtail.models import Page

from pages.demo.build import ensure_locales, ensure_page, h2, p, ul
from pages.models import Partner

from ..models import Closure, EventKind, EventPage
from . import meetings
from .days import HELSINKI, DayRule, ago, ahead, at, last_house_meeting, next_house_meeting, weekday_ago


def co_development_day(day: datetime.date) -> dict:
    return {
        "slug": "yhteiskehittamisen-paiva",
        "upcoming": True,
        "facts": {
            "kind": EventKind.CO_DEVELOPMENT_DAY,
            "start": at(day, 10),
            "end": at(day, 14),
            "registration_enabled": True,
            "capacity": 30,
            "waiting_list": True,
            "registration_deadline": at(day - datetime.timedelta(days=4), 16),
            "childcare_offered": True,
            "interpreting_offered": True,
        },
        "organiser": "mll-uusimaa",
        "content": {
            "fi": {
                "title": "Yhteiskehittämisen päivä",
                "intro": (
                    "Suunnitellaan yhdessä, mitä kohtaamispaikassa tehdään ensi kaudella. Sinun kokemuksesi "
                    "on tärkeä: kerro, mikä toimii ja mitä toivot lisää. Lastenhoito, ruoka ja tulkkaus ovat "
                    "maksuttomia."
                ),
                "body": [
                    h2("Mitä päivän aikana tehdään"),
                    ul(
                        "Kuulemme, mitä ideoille on tapahtunut edellisen päivän jälkeen.",
                        "Keskustelemme pienissä ryhmissä perheiden ideoista ja äänestämme niistä.",
                        "Sovimme yhdessä, mitä kokeillaan seuraavaksi ja kuka tekee mitäkin.",
                    ),
                    p(
                        "Lapsille on hoito viereisessä huoneessa koko päivän ajan. Ilmoittaudu, jotta osaamme "
                        "varata tarpeeksi hoitajia, ruokaa ja tulkit. Kokemusta kokouksista ei tarvita."
                    ),
                ],
            },
            "sv": {
                "title": "Samutvecklingsdag",
                "intro": (
                    "Vi planerar tillsammans vad som ska hända på mötesplatsen nästa säsong. Din erfarenhet är "
                    "viktig: berätta vad som fungerar och vad du önskar mer av. Barnpassning, mat och tolkning "
                    "är avgiftsfria."
                ),
                "body": [
                    h2("Vad vi gör under dagen"),
                    ul(
                        "Vi hör vad som har hänt med idéerna sedan förra dagen.",
                        "Vi diskuterar familjernas idéer i små grupper och röstar om dem.",
                        "Vi kommer överens om vad vi prövar härnäst och vem som gör vad.",
                    ),
                    p(
                        "Barnen har barnpassning i rummet bredvid hela dagen. Anmäl dig, så att vi kan ordna "
                        "tillräckligt med barnvakter, mat och tolkar. Du behöver ingen erfarenhet av möten."
                    ),
                ],
            },
            "en": {
                "title": "Co-development day",
                "intro": (
                    "Let's plan together what happens at the meeting place next season. Your experience "
                    "matters: tell us what works and what you would like more of. Childcare, food and "
                    "interpreting are free."
                ),
                "body": [
                    h2("What we do during the day"),
                    ul(
                        "We hear what has happened to the ideas since the last day.",
                        "We talk about families' ideas in small groups and vote on them.",
                        "We agree together on what to try next and who does what.",
                    ),
                    p(
                        "There is childcare in the next room all day. Please sign up so that we can arrange "
                        "enough carers, food and interpreters. You need no experience of meetings."
                    ),
                ],
            },
        },
    }


def community_meeting(day: datetime.date) -> dict:
    return {
        "slug": "yhteisokokous",
        "upcoming": True,
        "facts": {
            "kind": EventKind.COMMUNITY_MEETING,
            "start": at(day, 17),
            "end": at(day, 18, 30),
            "registration_enabled": False,
            "childcare_offered": True,
            "interpreting_offered": False,
        },
        "organiser": "mll-uusimaa",
        "content": {
            "fi": {
                "title": "Yhteisökokous",
                "intro": (
                    "Yhteisökokouksessa kävijät, vapaaehtoiset ja työntekijät kertovat kuulumiset ja "
                    "päättävät yhdessä arjen asioista. Kaikki ovat tervetulleita, eikä tarvitse ilmoittautua."
                ),
                "body": [
                    p(
                        "Tällä kertaa puhumme kevään retkestä ja siitä, miten perhekahvilan aamut sujuvat. "
                        "Tarjolla on iltapalaa, ja lapsille on hoito samoissa tiloissa."
                    )
                ],
            },
            "sv": {
                "title": "Gemenskapsmöte",
                "intro": (
                    "På gemenskapsmötet berättar besökare, frivilliga och anställda vad som är på gång och "
                    "bestämmer tillsammans om vardagliga saker. Alla är välkomna, och du behöver inte anmäla dig."
                ),
                "body": [
                    p(
                        "Den här gången pratar vi om vårens utflykt och om hur morgnarna på familjekaféet går. "
                        "Det bjuds på kvällsmål, och barnen har barnpassning i samma lokaler."
                    )
                ],
            },
            "en": {
                "title": "Community meeting",
                "intro": (
                    "At the community meeting visitors, volunteers and staff share their news and decide "
                    "everyday matters together. Everyone is welcome, and there is no need to sign up."
                ),
                "body": [
                    p(
                        "This time we talk about the spring outing and how the family café mornings are going. "
                        "There is an evening snack, and childcare for the children in the same rooms."
                    )
                ],
            },
        },
    }


def family_party(day: datetime.date) -> dict:
    return {
        "slug": "koko-perheen-juhla",
        "upcoming": False,
        "facts": {
            "kind": EventKind.OTHER,
            "start": at(day, 14),
            "end": at(day, 17),
            "registration_enabled": False,
            "childcare_offered": False,
            "interpreting_offered": False,
        },
        "organiser": "mll-uusimaa",
        "content": {
            "fi": {
                "title": "Koko perheen juhla",
                "intro": "Kiitos kaikille, jotka tulitte juhlimaan! Meitä oli paikalla yli sata.",
                "body": [
                    p(
                        "Juhlassa oli kasvomaalausta, musiikkia ja yhteinen nyyttikestipöytä, jonne perheet "
                        "toivat ruokia monesta maasta. Kylän isovanhemmat pitivät onginnan."
                    )
                ],
            },
            "sv": {
                "title": "Fest för hela familjen",
                "intro": "Tack till alla som kom och firade! Vi var över hundra.",
                "body": [
                    p(
                        "På festen fanns ansiktsmålning, musik och ett gemensamt knytkalasbord, dit familjerna "
                        "tog med mat från många länder. Byns mor- och farföräldrar ordnade fiskdamm."
                    )
                ],
            },
            "en": {
                "title": "A party for the whole family",
                "intro": "Thank you to everyone who came to celebrate! There were more than a hundred of us.",
                "body": [
                    p(
                        "There was face painting, music and a shared potluck table, where families brought "
                        "food from many countries. The Village Grandparents ran the fishing game."
                    )
                ],
            },
        },
    }


EVENTS: list[tuple[Callable[[datetime.date], dict], DayRule]] = [
    (co_development_day, ahead(21)),
    (community_meeting, ahead(35)),
    (family_party, ago(60)),
    (meetings.past_co_development_day, weekday_ago(meetings.CO_DEVELOPMENT_DAY_HELD)),
    (meetings.past_community_meeting, weekday_ago(meetings.COMMUNITY_MEETING_HELD)),
    (meetings.past_house_meeting, last_house_meeting),
    (meetings.next_house_meeting, next_house_meeting),
]
"""Each event and the day it falls on, given today and the coming Christmas closure."""


def specs(today: datetime.date, closure: Closure) -> list[dict]:
    """The events a fresh demo makes today; each `slug` has the day in it, `key` names it in `load`'s result
    (the slug without the day, unless the spec names it)."""
    made = []
    for build, day in EVENTS:
        spec = build(day(today, closure))
        key = spec.get("key", spec["slug"])
        made.append(spec | {"key": key, "slug": f"{spec['slug']}-{spec['facts']['start']:%Y-%m-%d}"})
    return made


def load(
    events_pages: dict[str, Page],
    partners: dict[str, dict[str, Partner]],
    closure: Closure,
    today: datetime.date,
) -> dict[str, dict[str, EventPage]]:
    """The events by their `key`, each by language; the facts (and the partners present) are the original's."""
    locales = ensure_locales()
    events = {}
    now = datetime.datetime.now(HELSINKI)
    for spec in specs(today, closure):
        codes = list(spec["content"])
        # One still ahead (or one already past) made on another day keeps its place.
        existing = (
            EventPage.objects.child_of(events_pages[codes[0]])
            .filter(locale=locales[codes[0]], kind=spec["facts"]["kind"])
            .filter(Q(start__gt=now) if spec["upcoming"] else Q(end__lt=now))
            .order_by("start")
            .first()
        )
        content = {code: dict(texts) for code, texts in spec["content"].items()}
        content[codes[0]] |= spec["facts"] | {"organiser": partners[spec["organiser"]][codes[0]]}
        if "partners_present" in spec:
            content[codes[0]]["partners_present"] = [partners[slug][codes[0]] for slug in spec["partners_present"]]
        page_spec = {
            "slug": existing.slug if existing else spec["slug"],
            "show_in_menus": False,
            "content": content,
        }
        events[spec["key"]] = ensure_page(events_pages, page_spec, page_class=EventPage)
    return events
