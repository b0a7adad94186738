"""The yearly visitor survey `/kavijakysely/` of the current year and its anonymous answers.

Every translation asks the same six questions in the same order, each in its own language, so the answers
add up across languages by position. The answers come from a generator seeded with the language, dated in
the weeks before today within this year; they are added with the survey page that receives them, so a
later run, and answers staff deleted, are left alone.
"""

import datetime
import random
from zoneinfo import ZoneInfo

from events.demo.activities import ACTIVITIES

from ...models import SurveyField, SurveyPage
from .pages import form_fields

HELSINKI = ZoneInfo("Europe/Helsinki")
PUBLIC_ACTIVITIES = [spec for spec in ACTIVITIES if not spec.get("staff_only")]

QUESTIONS = [
    {
        "field_type": "radio",
        "required": True,
        "content": {
            "fi": {
                "label": "Kuinka usein käyt kohtaamispaikassa?",
                "choices": [
                    "Lähes joka päivä",
                    "Kerran tai pari viikossa",
                    "Muutaman kerran kuukaudessa",
                    "Harvemmin",
                    "Olen täällä ensimmäistä kertaa",
                ],
            },
            "sv": {
                "label": "Hur ofta kommer du till mötesplatsen?",
                "choices": [
                    "Nästan varje dag",
                    "En eller ett par gånger i veckan",
                    "Några gånger i månaden",
                    "Mer sällan",
                    "Jag är här för första gången",
                ],
            },
            "en": {
                "label": "How often do you come to the meeting place?",
                "choices": [
                    "Almost every day",
                    "Once or twice a week",
                    "A few times a month",
                    "Less often",
                    "This is my first time",
                ],
            },
        },
    },
    {
        "field_type": "checkboxes",
        "required": True,
        "content": {
            "fi": {
                "label": "Mikä tuo sinut tänne?",
                "help_text": "Valitse kaikki sopivat.",
                "choices": [
                    "Muiden perheiden tapaaminen",
                    "Lasten leikki ja tekeminen",
                    "Neuvot ja apu ilman ajanvarausta",
                    "Ruoka-apu tai muu aineellinen apu",
                    "Ryhmät ja harrastukset",
                    "Suomen kielen harjoittelu",
                ],
            },
            "sv": {
                "label": "Vad får dig att komma hit?",
                "help_text": "Välj alla som passar.",
                "choices": [
                    "Att träffa andra familjer",
                    "Lek och aktiviteter för barnen",
                    "Råd och hjälp utan tidsbokning",
                    "Mathjälp eller annan materiell hjälp",
                    "Grupper och hobbyer",
                    "Att öva finska",
                ],
            },
            "en": {
                "label": "What brings you here?",
                "help_text": "Choose all that apply.",
                "choices": [
                    "Meeting other families",
                    "Play and things to do for the children",
                    "Advice and help without an appointment",
                    "Food aid or other material help",
                    "Groups and hobbies",
                    "Practising Finnish",
                ],
            },
        },
    },
    {
        "field_type": "radio",
        "required": True,
        "content": {
            "fi": {
                "label": "Kuinka tervetulleeksi tunnet itsesi täällä?",
                "choices": [
                    "En lainkaan tervetulleeksi",
                    "Vähän tervetulleeksi",
                    "Jonkin verran tervetulleeksi",
                    "Melko tervetulleeksi",
                    "Hyvin tervetulleeksi",
                ],
            },
            "sv": {
                "label": "Hur välkommen känner du dig här?",
                "choices": [
                    "Inte alls välkommen",
                    "Lite välkommen",
                    "Till viss del välkommen",
                    "Ganska välkommen",
                    "Mycket välkommen",
                ],
            },
            "en": {
                "label": "How welcome do you feel here?",
                "choices": [
                    "Not at all welcome",
                    "A little welcome",
                    "Somewhat welcome",
                    "Quite welcome",
                    "Very welcome",
                ],
            },
        },
    },
    {
        "field_type": "checkboxes",
        "required": True,
        "content": {
            code: {
                "label": label,
                "help_text": help_text,
                "choices": [spec["content"][code]["title"] for spec in PUBLIC_ACTIVITIES],
            }
            for code, label, help_text in [
                ("fi", "Mitkä toiminnat ovat sinulle tärkeimpiä?", "Valitse enintään kolme."),
                ("sv", "Vilka verksamheter är viktigast för dig?", "Välj högst tre."),
                ("en", "Which activities matter most to you?", "Choose up to three."),
            ]
        },
    },
    {
        "field_type": "multiline",
        "required": False,
        "content": {
            "fi": {"label": "Puuttuuko jotain? Mitä toivoisit lisää?"},
            "sv": {"label": "Saknas något? Vad skulle du vilja ha mer av?"},
            "en": {"label": "Is anything missing? What would you like more of?"},
        },
    },
    {
        "field_type": "dropdown",
        "required": False,
        "content": {
            "fi": {
                "label": "Mitä kieltä puhutte kotona?",
                "help_text": "Kysymme tätä, jotta osaamme järjestää toimintaa ja tulkkausta oikeilla kielillä.",
                "choices": [
                    "Suomi",
                    "Ruotsi",
                    "Englanti",
                    "Arabia",
                    "Somali",
                    "Venäjä",
                    "Viro",
                    "Ukraina",
                    "Jokin muu kieli",
                ],
            },
            "sv": {
                "label": "Vilket språk talar ni hemma?",
                "help_text": "Vi frågar för att kunna ordna verksamhet och tolkning på rätt språk.",
                "choices": [
                    "Finska",
                    "Svenska",
                    "Engelska",
                    "Arabiska",
                    "Somaliska",
                    "Ryska",
                    "Estniska",
                    "Ukrainska",
                    "Något annat språk",
                ],
            },
            "en": {
                "label": "Which language do you speak at home?",
                "help_text": "We ask so that we can offer activities and interpreting in the right languages.",
                "choices": [
                    "Finnish",
                    "Swedish",
                    "English",
                    "Arabic",
                    "Somali",
                    "Russian",
                    "Estonian",
                    "Ukrainian",
                    "Another language",
                ],
            },
        },
    },
]
HOW_OFTEN, BRINGS, WELCOME, ACTIVITIES_CHOSEN, MISSING, HOME_LANGUAGE = range(len(QUESTIONS))

ANSWERS = {"fi": 26, "sv": 5, "en": 9}
"""How many answers each translation of the survey got."""
WEEKS_OPEN = 8

# Weights of each choice, by position; those of the checkboxes are each choice's chance of being ticked.
HOW_OFTEN_WEIGHTS = [3, 6, 4, 2, 1]
WELCOME_WEIGHTS = [0, 1, 2, 8, 14]
BRINGS_CHANCES = {
    "fi": [0.7, 0.6, 0.35, 0.2, 0.3, 0.05],
    "sv": [0.7, 0.6, 0.3, 0.1, 0.4, 0.0],
    "en": [0.6, 0.55, 0.4, 0.3, 0.3, 0.6],
}
ACTIVITY_WEIGHTS = {
    "perhekahvila": 10,
    "neuvolan-neuvonta-aika": 6,
    "perheneuvojan-neuvonta-aika": 2,
    "sosiaaliohjauksen-neuvonta-aika": 2,
    "perhekerho": 5,
    "isien-ryhma": 3,
    "vauvahieronta": 3,
    "suomea-vanhemmille": 4,
    "ruoka-apu": 3,
}
HOME_LANGUAGE_WEIGHTS = {
    # Finnish, Swedish, English, Arabic, Somali, Russian, Estonian, Ukrainian, another; and no answer
    "fi": [14, 0.5, 0.5, 2, 1.5, 1.5, 1, 1, 1, 3],
    "sv": [2, 6, 0, 0, 0, 0, 0, 0, 0, 1],
    "en": [0.5, 0, 2, 2, 1, 1, 0, 3, 2, 1.5],
}
MISSING_CHANCE = 0.45
MISSING_TEXTS = {
    "fi": [
        "Iltapäivisin voisi olla enemmän tekemistä, kun isommat lapset tulevat koulusta.",
        "Vauvoille oma rauhallinen aamu kerran viikossa.",
        "Joskus lauantaisin olisi kiva päästä tänne koko perheen kanssa.",
        "Ulkoleikkejä pihalla useammin.",
        "Enemmän tietoa siitä, mitä täällä tapahtuu. Ilmoitustaulu jää helposti huomaamatta.",
        "Vaatekierrätyksen hylly on ihana, lisää sellaista!",
        "Musiikkihetki pienille.",
        "Isompi paikka lastenvaunuille eteisessä.",
    ],
    "sv": [
        "Någon verksamhet på svenska ibland, till exempel en sagostund.",
        "Mer utevistelse med barnen.",
        "Öppet också någon kväll i veckan.",
    ],
    "en": [
        "More activities in the afternoon, when the older children are out of school.",
        "Information in more languages, for example Arabic and Ukrainian.",
        "A conversation group for beginners in Finnish.",
        "Somewhere to warm up baby food.",
        "Open on a Saturday now and then.",
    ],
}

CONTENT = {
    "fi": {
        "title": "Kävijäkysely {year}",
        "intro": (
            "Kerran vuodessa kysymme kaikilta kävijöiltä, miten kohtaamispaikka toimii ja mitä siinä pitäisi "
            "muuttaa. Vastaaminen vie noin viisi minuuttia. Nimeä ei kysytä, eikä vastausta voi yhdistää sinuun. "
            "Kerromme tuloksista yhteisökokouksessa ja täällä sivuilla."
        ),
        "thank_you_text": (
            "<p>Kiitos, että vastasit! Käymme vastaukset läpi johtoryhmän kanssa ja kerromme seuraavassa "
            "yhteisökokouksessa, mitä niistä opimme ja mitä muutamme.</p>"
        ),
    },
    "sv": {
        "title": "Besökarenkät {year}",
        "intro": (
            "En gång per år frågar vi alla besökare hur mötesplatsen fungerar och vad vi borde ändra. Det tar "
            "ungefär fem minuter att svara. Vi frågar inte efter ditt namn, och ditt svar kan inte kopplas till "
            "dig. Vi berättar om resultaten på gemenskapsmötet och här på webbplatsen."
        ),
        "thank_you_text": (
            "<p>Tack för att du svarade! Vi går igenom svaren med ledningsgruppen och berättar på nästa "
            "gemenskapsmöte vad vi lärde oss och vad vi ändrar.</p>"
        ),
    },
    "en": {
        "title": "Visitor survey {year}",
        "intro": (
            "Once a year we ask every visitor how the meeting place is doing and what we should change. Answering "
            "takes about five minutes. We do not ask your name, and your answer cannot be linked to you. We share "
            "the results at the community meeting and here on the website."
        ),
        "thank_you_text": (
            "<p>Thank you for answering! We go through the answers with the steering group, and at the next "
            "community meeting we tell you what we learnt and what we will change.</p>"
        ),
    },
}


def answer_days(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The days the survey was answered: the weeks up to yesterday within this year; in January, until the
    year is four weeks old, the last weeks of the year before (its survey is the latest)."""
    year = (today - datetime.timedelta(weeks=4)).year
    last = min(today - datetime.timedelta(days=1), datetime.date(year, 12, 31))
    first = max(datetime.date(year, 1, 1), last - datetime.timedelta(weeks=WEEKS_OPEN))
    return first, last


def page_spec(today: datetime.date) -> dict:
    """The survey of the year the answers are from, with its questions in each language."""
    year = answer_days(today)[1].year
    return {
        "slug": "kavijakysely",
        "show_in_menus": False,
        "content": {
            code: {
                **content,
                "title": content["title"].format(year=year),
                "form_fields": form_fields(SurveyField, QUESTIONS, code),
            }
            for code, content in CONTENT.items()
        },
    }


def answer(chance: random.Random, code: str) -> list:
    """One family's answers in language `code`, by question; a choice is its label in that language."""
    choices = [question["content"][code].get("choices", []) for question in QUESTIONS]
    brings = [
        label for label, odds in zip(choices[BRINGS], BRINGS_CHANCES[code], strict=True) if chance.random() < odds
    ]
    weights = [ACTIVITY_WEIGHTS[spec["slug"]] for spec in PUBLIC_ACTIVITIES]
    picked = dict.fromkeys(chance.choices(choices[ACTIVITIES_CHOSEN], weights, k=3))  # in the order picked
    activities = set(list(picked)[: chance.randint(1, 3)])
    home_language = chance.choices([*choices[HOME_LANGUAGE], ""], HOME_LANGUAGE_WEIGHTS[code])[0]
    return [
        chance.choices(choices[HOW_OFTEN], HOW_OFTEN_WEIGHTS)[0],
        brings or [chance.choice(choices[BRINGS][:2])],
        chance.choices(choices[WELCOME], WELCOME_WEIGHTS)[0],
        [label for label in choices[ACTIVITIES_CHOSEN] if label in activities],
        chance.choice(MISSING_TEXTS[code]) if chance.random() < MISSING_CHANCE else "",
        home_language,
    ]


def load_answers(surveys: list[SurveyPage], today: datetime.date) -> None:
    """The demo's answers to each of `surveys` (new survey translations), sent on days before today."""
    first, last = answer_days(today)
    for survey in surveys:
        code = survey.locale.language_code
        # From the database: a new translation's fields in memory have no clean names yet.
        fields = SurveyField.objects.filter(page=survey).order_by("sort_order", "pk")
        names = list(fields.values_list("clean_name", flat=True))
        chance = random.Random(f"survey/{code}")  # noqa: S311 - demo answers, not secrets
        for _number in range(ANSWERS.get(code, 0)):
            data = dict(zip(names, answer(chance, code), strict=True))
            day = first + datetime.timedelta(days=chance.randint(0, (last - first).days))
            sent = datetime.datetime.combine(day, datetime.time(chance.randint(8, 21), chance.randint(0, 59)), HELSINKI)
            submissions = survey.get_submission_class().objects
            made = submissions.create(page=survey, form_data=data)
            submissions.filter(pk=made.pk).update(submit_time=sent)  # saving sets it to now
