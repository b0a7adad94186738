"""The families' ideas of the demo: in Finnish, Swedish, English and Arabic, some by children, in every status
a finished chain leaves (and the selected step in the timelines of the ideas the last vote chose).

Each idea is written in its family's own words and language, so it has no translations. Its history is
played through `Idea.set_status` with past dates, so the public timeline and the audit log are real; a step
taken at a meeting (a decision) is dated at the end of that meeting. The demo finds its ideas again by a
fixed submission key, so a later run adds only what is missing and leaves what staff changed alone.
Proposers are invented; the only e-mail addresses are example.org ones.
"""

import datetime
import uuid

from wagtail.models import Site

from ..models import Idea, IdeaStatus, IdeaTheme, TaggedIdea
from .dates import (
    AT_CO_DEVELOPMENT_DAY,
    AT_COMMUNITY_MEETING,
    CLOSED_ROUND_CLOSED,
    CLOSED_ROUND_OPENED,
    OPEN_ROUND_OPENED,
    days_ago,
)
from .drawings import drawing_image

KEYS = uuid.UUID("6f1c2a4e-8d3b-5e7f-9a0c-1b2d3e4f5a6b")
"""The namespace of the demo ideas' submission keys."""

SELECTED = CLOSED_ROUND_CLOSED - 2
"""Days ago: staff marked the ideas chosen for the last co-development day, where they were decided on."""

S = IdeaStatus

IDEAS = [
    # The vote before the last co-development day: three chosen (two of them tied), three not.
    {
        "key": "hiekkalaatikon-kansi",
        "title": "Hiekkalaatikkoon kansi",
        "description": (
            "Hiekkalaatikkoon pitää saada kansi. Yöllä kissat käy siellä kakalla ja sit aamulla ei voi "
            "leikkiä. Kansi vois olla vihreä ja siinä vois olla kahva. Mä piirsin miltä se näyttää."
        ),
        "language": "fi",
        "by_child": True,
        "author_name": "Eeli, 6 v.",
        "themes": ["ulkoilu", "lasten-toiminta"],
        "drawing": "sandpit",
        "photo_alt": (
            "Lapsen piirustus: hiekkalaatikon päällä on vihreä kansi, jossa on kahva. Vieressä istuu oranssi "
            "kissa, lapsi osoittaa kantta ja aurinko paistaa."
        ),
        "response": (
            "Kiitos Eeli, tämä oli tosi hyvä idea! Kissat ovat tosiaan käyneet hiekkalaatikolla öisin. "
            "Kysyimme talon isännöitsijältä luvan kanteen, ja taloyhtiö lupasi maksaa puutavaran."
        ),
        "proposed": 120,
        "history": [
            (S.PUBLISHED, 117, ""),
            (S.VOTING, CLOSED_ROUND_OPENED, ""),
            (S.SELECTED, SELECTED, "Sai eniten ääniä, ja se valittiin yhteiskehittämisen päivän työstettäväksi."),
            (
                S.DECIDED,
                AT_CO_DEVELOPMENT_DAY,
                "Yhteiskehittämisen päivänä päätettiin rakentaa kansi pihatalkoissa. Taloyhtiö maksaa puutavaran.",
            ),
            (S.IN_PROGRESS, 50, "Isät suunnittelivat kannen päivän työpajassa, ja puutavara on tilattu."),
            (
                S.DONE,
                21,
                "Kansi on valmis! Se rakennettiin lauantain pihatalkoissa, ja se on vihreä, niin kuin Eeli toivoi.",
            ),
        ],
    },
    {
        "key": "perjantain-keittolounas",
        "title": "Yhteinen keittolounas perjantaisin",
        "description": (
            "Perjantaisin moni perhe on täällä puoleenpäivään asti, ja sitten lähdetään kotiin tekemään ruokaa "
            "väsyneiden lasten kanssa. Voisiko kerran viikossa keittää yhdessä ison kattilan keittoa? Jokainen "
            "voisi tuoda jotain pientä, ja lapset voisivat auttaa kasvisten pesemisessä."
        ),
        "language": "fi",
        "author_name": "Marjo",
        "themes": ["ruoka", "vertaisryhmat"],
        "response": (
            "Kiitos ideasta! Keittiömme on pieni, mutta iso kattila mahtuu liedelle. Seurakunnan diakoniatyö "
            "lupasi auttaa raaka-aineissa."
        ),
        "proposed": 110,
        "history": [
            (S.PUBLISHED, 106, ""),
            (S.VOTING, CLOSED_ROUND_OPENED, ""),
            (S.SELECTED, SELECTED, "Valittiin yhteiskehittämisen päivän työstettäväksi."),
            (
                S.DECIDED,
                AT_CO_DEVELOPMENT_DAY,
                "Yhteiskehittämisen päivänä päätettiin kokeilla yhteistä keittolounasta perjantaisin. Seurakunnan "
                "diakoniatyö hankkii raaka-aineet.",
            ),
            (
                S.IN_PROGRESS,
                35,
                "Ensimmäiseen keittolounaaseen tuli 14 perhettä. Nyt etsimme vapaaehtoisia vuorovetäjiksi, jotta "
                "lounas voi jatkua joka perjantai.",
            ),
        ],
    },
    {
        "key": "lukunurkka",
        "title": "A reading corner with books in many languages",
        "description": (
            "My children speak Ukrainian at home and Finnish at daycare. It would be lovely to have a cosy "
            "corner with picture books in different languages, maybe a box from the library that changes every "
            "month. Parents could take turns reading to each other's children too."
        ),
        "language": "en",
        "author_name": "Daria",
        "themes": ["kielet", "lasten-toiminta"],
        "response": (
            "Thank you! Koivukylä library has offered us a box of picture books in eight languages that changes "
            "every month. We will plan the corner together on the co-development day."
        ),
        "proposed": 100,
        "history": [
            (S.PUBLISHED, 97, ""),
            (S.VOTING, CLOSED_ROUND_OPENED, ""),
            (
                S.SELECTED,
                SELECTED,
                "Chosen for the co-development day. It had as many votes as the Friday soup lunch.",
            ),
            (
                S.DECIDED,
                AT_CO_DEVELOPMENT_DAY,
                "Decided on the co-development day: the library brings a box of picture books in eight languages "
                "every month, and families furnish the corner together.",
            ),
        ],
    },
    {
        "key": "sunnuntaiaukiolo",
        "title": "Auki myös sunnuntaisin",
        "description": (
            "Viikonloput ovat pitkiä, kun asuu yksin pienen lapsen kanssa. Olisi ihanaa, jos kohtaamispaikka "
            "olisi auki edes sunnuntaina iltapäivällä."
        ),
        "language": "fi",
        "themes": ["aukioloajat"],
        "proposed": 96,
        "history": [
            (S.PUBLISHED, 93, ""),
            (S.VOTING, CLOSED_ROUND_OPENED, ""),
            (
                S.NOT_TAKEN_FORWARD,
                AT_CO_DEVELOPMENT_DAY,
                "Meillä ei ole sunnuntaisin työntekijöitä eikä vapaaehtoisia, joten emme voi avata ovia. "
                "Yhteiskehittämisen päivänä moni toivoi myös iltoja, joten pidempi torstai-ilta on mukana "
                "seuraavassa äänestyksessä.",
            ),
        ],
    },
    {
        "key": "retki-kuusijarvelle",
        "title": "Yhteinen retki Kuusijärvelle",
        "description": (
            "Voisimme tehdä yhteisen retken Kuusijärvelle. Sinne pääsee bussilla, ja siellä on uimaranta, "
            "grillipaikat ja kahvila. Moni meistä ei ole käynyt siellä, ja yhdessä olisi helpompi lähteä "
            "liikkeelle pienten lasten kanssa."
        ),
        "language": "fi",
        "author_name": "Minh",
        "themes": ["ulkoilu"],
        "proposed": 90,
        "history": [
            (S.PUBLISHED, 88, ""),
            (S.VOTING, CLOSED_ROUND_OPENED, ""),
            (
                S.PUBLISHED,
                SELECTED,
                "Ei mahtunut tällä kertaa kolmen kärkeen, joten se on mukana seuraavassa äänestyksessä.",
            ),
            (S.VOTING, OPEN_ROUND_OPENED, ""),
        ],
    },
    {
        "key": "tak-over-barnvagnar",
        "title": "Tak över barnvagnsparkeringen",
        "description": (
            "När det regnar blir barnvagnarna blöta medan vi är inne. Ett enkelt tak vid dörren skulle hjälpa "
            "mycket, särskilt på hösten när det regnar nästan varje dag."
        ),
        "language": "sv",
        "author_name": "Mikael",
        "themes": ["ulkoilu"],
        "response": (
            "Tack! Vi har frågat fastighetsbolaget om det går att bygga ett tak. Vi berättar här när vi får svar."
        ),
        "proposed": 85,
        "history": [
            (S.PUBLISHED, 83, ""),
            (S.VOTING, CLOSED_ROUND_OPENED, ""),
            (S.PUBLISHED, SELECTED, "Fick för få röster den här gången, men den kan vara med i en senare omröstning."),
            (
                S.DECIDED,
                AT_COMMUNITY_MEETING,
                "Gemenskapsmötet beslöt att be fastighetsbolaget om ett tak över barnvagnsparkeringen.",
            ),
        ],
    },
    # The vote before the next co-development day, open now (with the trip to Kuusijärvi above).
    {
        "key": "isien-ilta",
        "title": "Isien ilta kerran kuussa",
        "description": (
            "Olen aamupäivisin töissä, joten en ehdi koskaan kohtaamispaikkaan. Voisiko kerran kuussa olla isien "
            "ilta, jossa lapset leikkivät ja isät juttelevat kahvin ääressä? Voisin itse olla mukana "
            "järjestämässä."
        ),
        "language": "fi",
        "author_name": "Antti",
        "email": "antti@example.org",
        "contact_language": "fi",
        "themes": ["vertaisryhmat"],
        "proposed": 40,
        "history": [(S.PUBLISHED, 37, ""), (S.VOTING, OPEN_ROUND_OPENED, "")],
    },
    {
        "key": "torstaisin-pidempaan",
        "title": "Torstaisin auki kello 19 asti",
        "description": (
            "Moni vanhempi pääsee töistä vasta neljältä tai viideltä. Jos paikka olisi torstaisin auki "
            "seitsemään, myös töissä käyvät vanhemmat ja isovanhemmat pääsisivät mukaan."
        ),
        "language": "fi",
        "themes": ["aukioloajat"],
        "response": (
            "Kiitos! Torstai-ilta onnistuisi, jos iltavuoroon löytyy kaksi vapaaehtoista. Jos idea valitaan, "
            "sovimme yhteiskehittämisen päivänä, miten vuorot jaetaan."
        ),
        "proposed": 60,
        "history": [(S.PUBLISHED, 58, ""), (S.VOTING, OPEN_ROUND_OPENED, "")],
    },
    {
        "key": "suomen-kielen-kerho",
        "title": "Finnish conversation club for parents",
        "description": (
            "I am learning Finnish, but I rarely get to speak it outside my course. A relaxed conversation club "
            "for parents once a week, with coffee and the children playing nearby, would help a lot. Simple "
            "topics like the child health clinic, daycare and shopping."
        ),
        "language": "en",
        "author_name": "Nimmi",
        "themes": ["kielet", "vertaisryhmat"],
        "proposed": 45,
        "history": [(S.PUBLISHED, 43, ""), (S.VOTING, OPEN_ROUND_OPENED, "")],
    },
    {
        "key": "arabiankielinen-satutuokio",
        "title": "ساعة حكايات باللغة العربية للأطفال",
        "description": (
            "أتمنى أن تكون هناك ساعة حكايات باللغة العربية للأطفال مرة في الشهر. يفهم أطفالي العربية، لكنهم "
            "بدأوا ينسون الكلمات لأنهم يتحدثون الفنلندية طوال اليوم. أستطيع أن أقرأ الحكايات بنفسي، ونحتاج "
            "فقط إلى ركن هادئ وبعض الكتب من المكتبة."
        ),
        "language": "ar",
        "author_name": "Rania",
        "themes": ["kielet", "lasten-toiminta"],
        "proposed": 30,
        "history": [(S.PUBLISHED, 27, ""), (S.VOTING, OPEN_ROUND_OPENED, "")],
    },
    {
        "key": "byteshylla",
        "title": "Byteshylla för barnkläder",
        "description": (
            "Barn växer ur sina kläder så snabbt. En hylla där man kan lämna kläder som blivit för små och ta "
            "sådant som passar skulle spara pengar och vara bra för miljön. Kläderna kunde sorteras i lådor "
            "efter storlek."
        ),
        "language": "sv",
        "author_name": "Emma",
        "themes": ["kierratys"],
        "response": (
            "Tack! Det finns plats för en hylla i tamburen, och Kiertokori har lovat hämta de kläder som ingen "
            "tar. Om idén väljs behöver vi några frivilliga som håller ordning på lådorna."
        ),
        "proposed": 50,
        "history": [(S.PUBLISHED, 48, ""), (S.VOTING, OPEN_ROUND_OPENED, "")],
    },
    # Published and waiting for a vote.
    {
        "key": "vaunujumppa",
        "title": "Vaunujumppa puistossa",
        "description": (
            "Keväällä ja syksyllä voisimme kokoontua kerran viikossa puistoon vaunujumppaan. Kävellään reipas "
            "lenkki vaunujen kanssa ja venytellään lopuksi. Samalla tutustuisi muihin vanhempiin."
        ),
        "language": "fi",
        "author_name": "Laura",
        "themes": ["ulkoilu", "vertaisryhmat"],
        "proposed": 20,
        "history": [(S.PUBLISHED, 17, "")],
    },
    {
        "key": "dinosaurukset",
        "title": "More dinosaurs in the playroom",
        "description": (
            "We need more dinosaurs in the playroom. There is only one and it has no tail. A big T. rex and a "
            "long neck one. And a volcano. I drew them for you."
        ),
        "language": "en",
        "by_child": True,
        "author_name": "Yusuf, age 7",
        "themes": ["lasten-toiminta"],
        "drawing": "dinosaurs",
        "photo_alt": (
            "A child's drawing: a big green dinosaur with sharp teeth, and an orange dinosaur with a long neck in "
            "front of a volcano with red lava. The sun shines in the corner."
        ),
        "response": (
            "Thank you, Yusuf! We looked, and the dinosaur really has lost its tail. A family has promised us a "
            "box of dinosaurs, and we will look for a volcano too."
        ),
        "proposed": 14,
        "history": [(S.PUBLISHED, 11, "")],
    },
    {
        "key": "babyrytmik",
        "title": "Babyrytmik på svenska",
        "description": (
            "Vi är flera svenskspråkiga familjer som kommer hit. En babyrytmikgrupp på svenska med sånger och "
            "ramsor en gång i veckan skulle vara underbar för de minsta."
        ),
        "language": "sv",
        "themes": ["lasten-toiminta", "kielet"],
        "proposed": 25,
        "history": [(S.PUBLISHED, 22, "")],
    },
    # Not taken forward, and merged into another idea.
    {
        "key": "uima-allas",
        "title": "Uima-allas pihalle",
        "description": (
            "Pihalle pitäis saada uima-allas. Kesällä on tosi kuuma ja kaikki lapset vois uida. Ja siinä vois "
            "olla liukumäki."
        ),
        "language": "fi",
        "by_child": True,
        "author_name": "Ilona, 8 v.",
        "themes": ["ulkoilu", "lasten-toiminta"],
        "response": "Kiitos Ilona! Kuumina kesäpäivinä pihalla on tosiaan tukalaa.",
        "proposed": 70,
        "history": [
            (S.PUBLISHED, 68, ""),
            (
                S.NOT_TAKEN_FORWARD,
                60,
                "Uima-allas ei valitettavasti mahdu pihalle, eikä sitä voisi valvoa turvallisesti. Kuumina "
                "päivinä kokeilemme sen sijaan vesileikkejä ja sadetinta!",
            ),
        ],
    },
    {
        "key": "vaatekierratys",
        "title": "Vaatekierrätys lapsille",
        "description": (
            "Voisiko tänne tuoda pieneksi jääneitä lastenvaatteita muille? Meillä on kaapit täynnä "
            "vauvanvaatteita, joita olisi sääli heittää pois."
        ),
        "language": "fi",
        "themes": ["kierratys"],
        "proposed": 44,
        "merged_into": "byteshylla",
        "history": [
            (
                S.MERGED,
                42,
                "Sama toive kuin ruotsiksi kirjoitetussa ideassa vaihtohyllystä, joten yhdistimme ne. Vaihtohylly "
                "on mukana äänestyksessä.",
            ),
        ],
    },
    # Waiting for staff to read them, and one that was not an idea at all: never public.
    {
        "key": "imetysnurkka",
        "title": "Rauhallinen nurkka imetykseen",
        "description": (
            "Olisi kiva, jos verhon takana olisi rauhallinen nurkka, jossa voi imettää tai antaa pulloa, kun "
            "vauva häiriintyy hälinästä. Nojatuoli ja pieni pöytä riittäisivät."
        ),
        "language": "fi",
        "author_name": "Kaisa",
        "email": "kaisa@example.org",
        "contact_language": "fi",
        "proposed": 2,
        "history": [],
    },
    {
        "key": "rutschkana",
        "title": "En rutschkana inne",
        "description": (
            "Jag vill ha en rutschkana inne. När det regnar kan vi åka inne. Den ska vara röd och jättelång."
        ),
        "language": "sv",
        "by_child": True,
        "author_name": "Saga, 5 år",
        "proposed": 1,
        "history": [],
    },
    {
        "key": "myynti-ilmoitus",
        "title": "Myydään käsin neulottuja lastenvaatteita",
        "description": "Neulon villasukkia, pipoja ja lapasia tilauksesta. Hinnat alkaen 15 €. Kysy lisää!",
        "language": "fi",
        "author_name": "Neulepuoti",
        "proposed": 9,
        "history": [(S.REJECTED, 8, "")],
    },
]

SPEC_FIELDS = ("title", "description", "language", "by_child", "author_name", "email", "contact_language")
SPEC_FIELDS += ("photo_alt", "response")


def submission_key(key: str) -> uuid.UUID:
    return uuid.uuid5(KEYS, key)


def load(site: Site, themes: dict[str, IdeaTheme], held: dict[str, datetime.datetime]) -> dict[str, Idea]:
    """The demo's ideas by key, each made with its history if it is missing; `held` dates the steps taken at
    a meeting (`AT_CO_DEVELOPMENT_DAY`, `AT_COMMUNITY_MEETING`)."""
    keys = {submission_key(spec["key"]): spec["key"] for spec in IDEAS}
    ideas = {keys[idea.submission_key]: idea for idea in Idea.objects.filter(submission_key__in=keys)}
    for spec in IDEAS:  # an idea merged into another comes after it
        if spec["key"] not in ideas:
            ideas[spec["key"]] = make_idea(site, spec, themes, ideas, held)
    return ideas


def step_time(days: int | str, held: dict[str, datetime.datetime]) -> datetime.datetime:
    """When a step of the history was taken: `days` ago (at an hour of the day that varies), or at a meeting."""
    return held[days] if isinstance(days, str) else days_ago(days, 10 + days % 6)


def make_idea(
    site: Site,
    spec: dict,
    themes: dict[str, IdeaTheme],
    made: dict[str, Idea],
    held: dict[str, datetime.datetime],
) -> Idea:
    proposed = days_ago(spec["proposed"], 20, 15)
    idea = Idea(
        site=site,
        status=IdeaStatus.AWAITING,
        created_at=proposed,
        status_changed_at=proposed,
        submission_key=submission_key(spec["key"]),
        photo=drawing_image(spec["drawing"]) if "drawing" in spec else None,
        **{field: spec[field] for field in SPEC_FIELDS if field in spec},
    )
    idea.save()
    TaggedIdea.objects.bulk_create(TaggedIdea(content_object=idea, tag=themes[slug]) for slug in spec.get("themes", ()))
    for status, days, note in spec["history"]:
        merged_into = made[spec["merged_into"]] if status == IdeaStatus.MERGED else None
        idea.set_status(status, note=note, merged_into=merged_into, at=step_time(days, held))
    return idea
