"""A month of immediate feedback on four public activities, given on the days they were held.

Families answered on the place's tablet during the activity or on their phone later that day, mostly in
Finnish, some in Swedish and English, mostly with the two happiest faces. What each activity's answers say
comes from a generator seeded with the activity alone, so the demo says the same whatever the day; the answers
are spread over the days the activity was held in the month before today. They are found again by their
submission keys, so a later run adds nothing.
"""

import datetime
import random
import uuid

from wagtail.models import Locale, Site

from events import schedule
from events.demo.visits import held
from events.models import Activity

from ...models import Feedback
from ...voice_choices import Face

KEYS = uuid.UUID("0b7d6a52-3c1e-5f48-9a2d-7e6f5c4b3a21")
"""The namespace of the demo answers' submission keys."""
DAYS = 30
"""How far back the answers go."""
FACE_WEIGHTS = {Face.VERY_GOOD: 9, Face.GOOD: 7, Face.OKAY: 2, Face.BAD: 1}
AT_PLACE_CHANCE = 0.4
GOOD_CHANCE = 0.35
BETTER_CHANCE = {True: 0.6, False: 0.12}
"""The chance of a "could be better" text, after an okay or bad face (True) and after a good one."""
LATEST = datetime.time(22)
"""Answers given at home come in before this, on the day of the activity."""

ACTIVITIES = {
    "perhekahvila": {
        "answers": 22,
        "languages": {"fi": 7, "sv": 1, "en": 2},
        "texts": {
            "fi": {
                "good": [
                    "Ihana aamu, lapset leikkivät koko ajan.",
                    "Sain jutella toisen vauvan äidin kanssa, tuli hyvä mieli.",
                    "Kahvi oli hyvää ja ohjaaja tosi ystävällinen.",
                    "Lapsi löysi uuden kaverin!",
                ],
                "better": ["Eteisessä on ahdasta vaunujen kanssa.", "Vähän liian meluisaa vauvalle."],
            },
            "sv": {
                "good": ["Skönt att få prata med andra föräldrar.", "Barnen lekte hela förmiddagen."],
                "better": ["Mer plats för barnvagnar."],
            },
            "en": {
                "good": ["Very friendly, I felt welcome from the first day.", "My son loved the building blocks."],
                "better": ["It would be nice to have some information in Arabic too."],
            },
        },
    },
    "perhekerho": {
        "answers": 16,
        "languages": {"fi": 8, "sv": 1, "en": 1},
        "texts": {
            "fi": {
                "good": ["Laulut olivat lapsen mielestä parasta.", "Mukava askartelu ja hyvä välipala."],
                "better": ["Askarteluun voisi varata enemmän aikaa.", "Alku venyi, ja lapset ehtivät väsyä."],
            },
            "sv": {"good": ["Fin sångstund, tack!"], "better": ["Någon sång på svenska ibland?"]},
            "en": {
                "good": ["Lovely songs, and the snack was a hit."],
                "better": ["The songs are hard to follow in Finnish. The words on paper would help."],
            },
        },
    },
    "isien-ryhma": {
        "answers": 12,
        "languages": {"fi": 7, "sv": 1, "en": 2},
        "texts": {
            "fi": {
                "good": ["Hyvä porukka, sai puhua ihan rehellisesti.", "Yhdessä kokkaaminen oli hauskaa."],
                "better": ["Voisi alkaa vähän myöhemmin, töistä on vaikea ehtiä."],
            },
            "sv": {"good": ["Bra samtal, jag kommer igen."], "better": []},
            "en": {
                "good": ["Good to meet other dads. I feel less alone with this."],
                "better": ["More board games for the older kids."],
            },
        },
    },
    "suomea-vanhemmille": {
        "answers": 14,
        "languages": {"fi": 4, "en": 6},
        "texts": {
            "fi": {
                "good": ["Uskalsin puhua suomea!", "Hyvä aihe: neuvolan sanat."],
                "better": ["Haluaisin kirjoittaa enemmän."],
            },
            "en": {
                "good": [
                    "I learned words for the health clinic. Very useful.",
                    "Kind teacher, no stress about mistakes.",
                ],
                "better": ["Twice a week would be better.", "The room was cold."],
            },
        },
    },
}


def key(slug: str, number: int) -> uuid.UUID:
    return uuid.uuid5(KEYS, f"feedback/{slug}/{number}")


def answers(slug: str, spec: dict) -> list[dict]:
    """What the answers on activity `slug` say, oldest first: the same whenever the demo is loaded."""
    chance = random.Random(f"feedback/{slug}")  # noqa: S311 - demo answers, not secrets
    made = []
    for number in range(spec["answers"]):
        language = chance.choices(list(spec["languages"]), list(spec["languages"].values()))[0]
        face = chance.choices(list(FACE_WEIGHTS), list(FACE_WEIGHTS.values()))[0]
        texts = spec["texts"][language]
        good = chance.choice(texts["good"]) if texts["good"] and chance.random() < GOOD_CHANCE else ""
        wants_better = chance.random() < BETTER_CHANCE[face <= Face.OKAY]
        better = chance.choice(texts["better"]) if texts["better"] and wants_better else ""
        made.append(
            {
                "submission_key": key(slug, number),
                "face": int(face),
                "good": good,
                "better": better,
                "language": language,
                "at_place": chance.random() < AT_PLACE_CHANCE,
                "moment": chance.random(),  # where in its time window it was given
            }
        )
    return made


def given_at(occurrence: schedule.Occurrence, at_place: bool, share: float) -> datetime.datetime:
    """During the activity on the tablet; otherwise after it, that evening at the latest; `share` says where."""
    if at_place:
        start, end = occurrence.start + datetime.timedelta(minutes=15), occurrence.end
    else:
        start = occurrence.end + datetime.timedelta(minutes=10)
        end = max(start, schedule.aware(occurrence.date, LATEST))
    return start + datetime.timedelta(minutes=int(share * (end - start).total_seconds() // 60))


def load(site: Site, activities: dict[str, dict[str, Activity]], today: datetime.date) -> list[Feedback]:
    """The answers on the activities of `ACTIVITIES`, oldest first; those missing are given on the days the
    activity was held in the last `DAYS` days, spread evenly over them."""
    default = Locale.get_default().language_code
    sources = {slug: activities[slug][default] for slug in ACTIVITIES if slug in activities}
    first, last = today - datetime.timedelta(days=DAYS), today - datetime.timedelta(days=1)
    days = {slug: [] for slug in sources}
    for occurrence in held(site, list(sources.values()), first, last):
        days[occurrence.activity.slug].append(occurrence)
    keys = [key(slug, number) for slug in sources for number in range(ACTIVITIES[slug]["answers"])]
    given = set(Feedback.objects.filter(submission_key__in=keys).values_list("submission_key", flat=True))
    for slug, activity in sources.items():
        due = answers(slug, ACTIVITIES[slug])
        for number, fields in enumerate(due):
            if fields["submission_key"] in given or not days[slug]:
                continue
            occurrence = days[slug][number * len(days[slug]) // len(due)]
            created_at = given_at(occurrence, fields["at_place"], fields.pop("moment"))
            Feedback.objects.store(activity=activity, created_at=created_at, **fields)
    return list(Feedback.objects.filter(submission_key__in=keys).order_by("created_at"))
