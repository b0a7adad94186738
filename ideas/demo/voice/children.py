"""Children's voice in the demo: picture forms filled in during the last "notice me" week, and staff's
observations from the weeks before, across the age groups. No names: a record says an age group, what the
child pointed at, showed or wished, in the language the adult wrote in.

Each record falls on a day its activity was really held, counted back from today (`ago`: the latest
occurrence is 1), and is found again by a fixed submission key, so a later run adds nothing. Staff already
made one observation's wish an idea (`MADE_IDEA`), which waits for moderation as a child's idea.
"""

import datetime
import uuid

from wagtail.models import Locale, Site

from events.demo.visits import held
from events.models import Activity

from ...children import make_idea
from ...models import ChildVoice, ChildVoiceKind, Idea
from ...voice_choices import AgeGroup, ChildChoice

KEYS = uuid.UUID("5d2e8f41-7a6b-5c3d-8e9f-1a2b3c4d5e6f")
"""The namespace of the demo records' submission keys."""
LOOK_BACK = datetime.timedelta(weeks=20)

C = ChildChoice
A = AgeGroup

PICTURES = [
    {"key": "liukumaki", "activity": "perhekahvila", "ago": 12, "age_group": A.SMALL, "language": "fi",
     "likes": [C.PLAY, C.FRIENDS], "wishes": [C.OUTDOORS], "wish": "Liukumäki pihalle!"},
    {"key": "askartelu", "activity": "perhekahvila", "ago": 12, "age_group": A.SMALL, "language": "fi",
     "likes": [C.CRAFTS, C.FOOD], "wishes": [C.CRAFTS]},
    {"key": "disko", "activity": "perhekahvila", "ago": 13, "age_group": A.SCHOOL_START, "language": "fi",
     "likes": [C.FRIENDS, C.PLAY], "wishes": [C.MUSIC], "wish": "Disko, jossa saa tanssia."},
    {"key": "taapero", "activity": "perhekahvila", "ago": 13, "age_group": A.UNDER_3, "language": "fi",
     "likes": [C.PLAY, C.QUIET], "wishes": [C.MUSIC]},
    {"key": "rummut", "activity": "perhekerho", "ago": 3, "age_group": A.SMALL, "language": "fi",
     "likes": [C.MUSIC, C.STORIES], "wishes": [C.MUSIC], "wish": "Rumpuja!"},
    {"key": "dinosaurukset", "activity": "perhekahvila", "ago": 14, "age_group": A.SMALL, "language": "fi",
     "likes": [C.STORIES], "wishes": [C.STORIES], "wish": "Lisää dinosauruskirjoja."},
    {"key": "pulla", "activity": "perhekahvila", "ago": 14, "age_group": A.SCHOOL_START, "language": "fi",
     "likes": [C.FOOD, C.FRIENDS], "wishes": [C.FOOD], "wish": "Leivotaan pullaa yhdessä."},
    {"key": "askartelu-kerho", "activity": "perhekerho", "ago": 3, "age_group": A.SCHOOL_START, "language": "fi",
     "likes": [C.CRAFTS], "wishes": [C.OUTDOORS, C.CRAFTS]},
    {"key": "gunga", "activity": "perhekahvila", "ago": 15, "age_group": A.SMALL, "language": "sv",
     "likes": [C.PLAY], "wishes": [C.OUTDOORS], "wish": "Jag vill gunga ute."},
    {"key": "maja", "activity": "perhekahvila", "ago": 15, "age_group": A.SCHOOL_START, "language": "en",
     "likes": [C.FRIENDS, C.CRAFTS], "wishes": [C.PLAY], "wish": "A den made of blankets."},
    {"key": "junarata", "activity": "suomea-vanhemmille", "ago": 3, "age_group": A.SMALL, "language": "en",
     "likes": [C.PLAY, C.FOOD], "wishes": [C.MUSIC]},
    {"key": "isompien-nurkka", "activity": "perhekahvila", "ago": 11, "age_group": A.OLDER, "language": "fi",
     "likes": [C.QUIET, C.FRIENDS], "wishes": [C.QUIET], "wish": "Oma nurkka isommille, jossa voi pelata lautapelejä."},
]  # fmt: skip

MADE_IDEA = "soittimet"
"""The observation whose wish staff made an idea."""

OBSERVATIONS = [
    {
        "key": "vauvahieronta",
        "activity": "vauvahieronta",
        "ago": 2,
        "age_group": A.UNDER_3,
        "language": "fi",
        "showed": (
            "Vauva rauhoittui hieronnan aikana ja hymyili vanhemmalleen. Hän seurasi tarkasti muita vauvoja ja "
            "jokelteli, kun laulettiin."
        ),
        "wish": "",
    },
    {
        "key": "kirjat",
        "activity": "perhekahvila",
        "ago": 8,
        "age_group": A.UNDER_3,
        "language": "fi",
        "likes": [C.STORIES, C.QUIET],
        "showed": (
            "Taapero kantoi kirjoja aikuisille ja halusi, että samat kirjat luetaan yhä uudelleen. Rauhallisessa "
            "nurkassa hän jaksoi kuunnella pitkään."
        ),
        "wish": "",
    },
    {
        "key": "soittimet",
        "activity": "perhekerho",
        "ago": 5,
        "age_group": A.SMALL,
        "language": "fi",
        "likes": [C.MUSIC],
        "wishes": [C.MUSIC],
        "showed": (
            "Lapsi ei aluksi halunnut tulla piiriin, mutta liittyi mukaan, kun otimme soittimet esiin. Hän soitti "
            "rumpua innoissaan loppuun asti."
        ),
        "wish": "Lisää rumpuja!",
    },
    {
        "key": "pizza",
        "activity": "isien-ryhma",
        "ago": 4,
        "age_group": A.SCHOOL_START,
        "language": "fi",
        "wishes": [C.FOOD],
        "showed": (
            "Koululainen kyllästyi leikkihuoneessa, kun muut lapset olivat pieniä. Ruoanlaitossa hän auttoi "
            "innokkaasti ja pilkkoi kaikki vihannekset."
        ),
        "wish": "Saanko tehdä ensi kerralla pizzan ihan itse?",
    },
    {
        "key": "puisto",
        "activity": "suomea-vanhemmille",
        "ago": 6,
        "age_group": A.SMALL,
        "language": "en",
        "likes": [C.PLAY, C.FRIENDS],
        "wishes": [C.OUTDOORS],
        "showed": (
            "The children built a long train track with the volunteer grandmother and kept asking her the Finnish "
            "names of the animals."
        ),
        "wish": "Can we go to the park with grandma?",
    },
    {
        "key": "lautapelit",
        "activity": "perhekahvila",
        "ago": 20,
        "age_group": A.OLDER,
        "language": "sv",
        "wishes": [C.QUIET, C.PLAY],
        "showed": (
            "Ett äldre syskon satt ensam med telefonen medan de små lekte. När vi tog fram ett brädspel samlade "
            "hon flera barn omkring sig och förklarade reglerna."
        ),
        "wish": "Ett eget rum för oss större, där man kan spela spel.",
    },
]


def key(spec: dict) -> uuid.UUID:
    return uuid.uuid5(KEYS, f"child-voice/{spec['key']}")


def load(site: Site, activities: dict[str, dict[str, Activity]], today: datetime.date) -> list[ChildVoice]:
    """The picture forms and observations, newest first; those missing are made."""
    default = Locale.get_default().language_code
    specs = [(ChildVoiceKind.PICTURES, spec) for spec in PICTURES]
    specs += [(ChildVoiceKind.OBSERVATION, spec) for spec in OBSERVATIONS]
    keys = [key(spec) for _kind, spec in specs]
    recorded = set(ChildVoice.objects.filter(submission_key__in=keys).values_list("submission_key", flat=True))
    slugs = {spec["activity"] for _kind, spec in specs}
    sources = {slug: activities[slug][default] for slug in slugs}
    days = {slug: [] for slug in slugs}
    for occurrence in held(site, list(sources.values()), today - LOOK_BACK, today - datetime.timedelta(days=1)):
        days[occurrence.activity.slug].append(occurrence)
    for kind, spec in specs:
        if key(spec) in recorded or not days[spec["activity"]]:
            continue
        occurrence = days[spec["activity"]][-min(spec["ago"], len(days[spec["activity"]]))]
        fields = {
            "site": site,
            "activity": sources[spec["activity"]],
            "date": occurrence.date,
            "age_group": spec["age_group"],
            "likes": [str(choice) for choice in spec.get("likes", [])],
            "wishes": [str(choice) for choice in spec.get("wishes", [])],
            "showed": spec.get("showed", ""),
            "wish": spec.get("wish", ""),
            "language": spec["language"],
            "created_at": occurrence.end + datetime.timedelta(minutes=20),
        }
        if kind == ChildVoiceKind.PICTURES:
            ChildVoice.objects.store(submission_key=key(spec), **fields)
        else:
            record = ChildVoice(submission_key=key(spec), kind=kind, **fields)
            record.full_clean(exclude=["submission_key"])
            record.save()
            if spec["key"] == MADE_IDEA:
                idea = make_idea(record)
                # Like every demo idea it carries a key of the demo's own (`ideas.demo.ideas` finds them so).
                Idea.objects.filter(pk=idea.pk).update(submission_key=uuid.uuid5(KEYS, f"idea/{spec['key']}"))
    return list(ChildVoice.objects.filter(submission_key__in=keys).order_by("-date", "-pk"))
