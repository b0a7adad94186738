"""The weekly programme's recurring activities: the family café, drop-in hours, groups, food aid.

Each names the partners who run it (by their short names in `pages.demo`) and the support it gives.
They all start on a fixed Monday in the past and go on, so the demo has a programme whatever today is.
"""

import datetime

from wagtail.models import Site

from pages.demo.build import ensure_translatable
from pages.models import Partner, SupportType

from ..models import Activity, ActivityKind, Audience

FIRST_DATE = datetime.date(2026, 8, 10)
"""A Monday: every-other-week activities count their weeks from it."""

MON, TUE, WED, THU, FRI = range(5)

ACTIVITIES = [
    {
        "slug": "perhekahvila",
        "kind": ActivityKind.OPEN,
        "weekdays": [MON, TUE, WED, THU, FRI],
        "start_time": datetime.time(9),
        "end_time": datetime.time(12),
        "audiences": [Audience.BABIES, Audience.UNDER_SCHOOL_AGE, Audience.PARENTS],
        "languages": ["fi", "en", "ar", "so"],
        "partners": ["mll-uusimaa", "kylan-isovanhemmat"],
        "support": ["vertaistuki", "emotionaalinen", "toiminnallinen"],
        "content": {
            "fi": {
                "title": "Avoin perhekahvila",
                "room": "Olohuone",
                "description": (
                    "Tule lasten kanssa leikkimään, juomaan kahvia ja juttelemaan muiden vanhempien kanssa. "
                    "Voit tulla ja lähteä milloin haluat, eikä tarvitse ilmoittautua. Lapsille on leluja, "
                    "kirjoja ja leikkitilaa, ja vauvoille rauhallinen nurkkaus. Koordinaattori on paikalla, "
                    "ja hänen kanssaan voit jutella mistä tahansa."
                ),
            },
            "sv": {
                "title": "Öppet familjekafé",
                "room": "Vardagsrummet",
                "description": (
                    "Kom med barnen för att leka, dricka kaffe och prata med andra föräldrar. Du kan komma och "
                    "gå när du vill, och du behöver inte anmäla dig. Det finns leksaker, böcker och plats att "
                    "leka för barnen och ett lugnt hörn för bebisar. Koordinatorn är på plats, och du kan "
                    "prata med hen om vad som helst."
                ),
            },
            "en": {
                "title": "Open family café",
                "room": "Living room",
                "description": (
                    "Come with your children to play, have a coffee and talk with other parents. Come and go "
                    "as you like; there is no need to sign up. There are toys, books and room to play for the "
                    "children, and a quiet corner for babies. The coordinator is there, and you can talk to "
                    "them about anything."
                ),
            },
        },
    },
    {
        "slug": "neuvolan-neuvonta-aika",
        "kind": ActivityKind.DROP_IN,
        "weekdays": [TUE],
        "start_time": datetime.time(10),
        "end_time": datetime.time(12),
        "audiences": [Audience.BABIES, Audience.UNDER_SCHOOL_AGE, Audience.PARENTS],
        "languages": ["fi", "en"],
        "partners": ["neuvola"],
        "support": ["tiedollinen", "emotionaalinen"],
        "content": {
            "fi": {
                "title": "Terveydenhoitajan neuvonta-aika",
                "room": "Neuvontahuone",
                "description": (
                    "Neuvolan terveydenhoitaja on tavattavissa ilman ajanvarausta. Voit kysyä esimerkiksi "
                    "imetyksestä, unesta, ruokailusta tai lapsen kasvusta. Vauvan voi punnita. Jutellaan "
                    "rauhassa omassa huoneessa, jos haluat."
                ),
            },
            "sv": {
                "title": "Hälsovårdarens rådgivning",
                "room": "Rådgivningsrummet",
                "description": (
                    "Rådgivningens hälsovårdare kan träffas utan tidsbokning. Du kan till exempel fråga om "
                    "amning, sömn, mat eller barnets växande. Du kan väga din bebis. Vi kan prata i lugn och "
                    "ro i ett eget rum, om du vill."
                ),
            },
            "en": {
                "title": "Child health nurse drop-in",
                "room": "Counselling room",
                "description": (
                    "The child health clinic's nurse is there without an appointment. You can ask about "
                    "breastfeeding, sleep, food or how your child is growing, for example. You can weigh your "
                    "baby. We can talk in peace in a room of our own, if you like."
                ),
            },
        },
    },
    {
        "slug": "perheneuvojan-neuvonta-aika",
        "kind": ActivityKind.DROP_IN,
        "weekdays": [WED],
        "start_time": datetime.time(12),
        "end_time": datetime.time(14),
        "interval_weeks": 2,
        "audiences": [Audience.PARENTS],
        "languages": ["fi", "sv"],
        "partners": ["perheneuvola"],
        "support": ["emotionaalinen", "tiedollinen"],
        "content": {
            "fi": {
                "title": "Perheneuvojan neuvonta-aika",
                "room": "Neuvontahuone",
                "description": (
                    "Perheneuvolan työntekijä on paikalla joka toinen viikko. Voit tulla juttelemaan "
                    "kasvatuksesta, lapsen tunteista, riidoista tai parisuhteesta. Pienikin huoli on "
                    "tervetullut, eikä tarvitse varata aikaa. Keskustelu jää teidän väliseksi."
                ),
            },
            "sv": {
                "title": "Familjerådgivarens mottagning",
                "room": "Rådgivningsrummet",
                "description": (
                    "En anställd från familjerådgivningen finns på plats varannan vecka. Du kan komma och "
                    "prata om uppfostran, barnets känslor, gräl eller parförhållandet. Också en liten oro är "
                    "välkommen, och du behöver inte boka tid. Det ni pratar om stannar mellan er."
                ),
            },
            "en": {
                "title": "Family counsellor's drop-in",
                "room": "Counselling room",
                "description": (
                    "A family counsellor is here every other week. Come and talk about bringing up children, "
                    "your child's feelings, arguments or your relationship. Even a small worry is welcome, and "
                    "you do not need an appointment. What you talk about stays between you."
                ),
            },
        },
    },
    {
        "slug": "sosiaaliohjauksen-neuvonta-aika",
        "kind": ActivityKind.DROP_IN,
        "weekdays": [MON],
        "start_time": datetime.time(12),
        "end_time": datetime.time(14),
        "audiences": [Audience.PARENTS],
        "languages": ["fi", "en", "ar"],
        "partners": ["perhesosiaalityo"],
        "support": ["tiedollinen", "toiminnallinen", "aineellinen"],
        "content": {
            "fi": {
                "title": "Sosiaaliohjaajan neuvonta-aika",
                "room": "Neuvontahuone",
                "description": (
                    "Sosiaaliohjaaja auttaa, kun arki tuntuu raskaalta tai raha ei riitä. Hän neuvoo "
                    "tukien hakemisessa, lomakkeissa ja siinä, mistä saat apua. Tule ilman ajanvarausta. "
                    "Voit ottaa lapset mukaan."
                ),
            },
            "sv": {
                "title": "Socialhandledarens mottagning",
                "room": "Rådgivningsrummet",
                "description": (
                    "Socialhandledaren hjälper när vardagen känns tung eller pengarna inte räcker. Hen ger "
                    "råd om att söka stöd, om blanketter och om var du får hjälp. Kom utan tidsbokning. Du kan "
                    "ta med barnen."
                ),
            },
            "en": {
                "title": "Social worker's drop-in",
                "room": "Counselling room",
                "description": (
                    "The social worker helps when everyday life feels heavy or money is short. They give advice "
                    "on applying for benefits, on forms and on where to get help. Come without an appointment. "
                    "You can bring your children."
                ),
            },
        },
    },
    {
        "slug": "perhekerho",
        "kind": ActivityKind.CLUB,
        "weekdays": [WED],
        "start_time": datetime.time(9, 30),
        "end_time": datetime.time(11, 30),
        "audiences": [Audience.BABIES, Audience.UNDER_SCHOOL_AGE, Audience.PARENTS],
        "languages": ["fi", "sv"],
        "partners": ["seurakunta"],
        "support": ["vertaistuki", "henkinen"],
        "content": {
            "fi": {
                "title": "Seurakunnan perhekerho",
                "room": "Askartelutila",
                "description": (
                    "Laulamme, leikimme ja askartelemme yhdessä, ja lopuksi syömme välipalaa. Kerho on "
                    "avoin kaikille perheille vakaumuksesta riippumatta. Lastenohjaaja ja diakoni ovat "
                    "paikalla, ja heidän kanssaan voi jutella myös elämän isoista kysymyksistä."
                ),
            },
            "sv": {
                "title": "Församlingens familjeklubb",
                "room": "Pysselrummet",
                "description": (
                    "Vi sjunger, leker och pysslar tillsammans och äter mellanmål till sist. Klubben är öppen "
                    "för alla familjer oavsett övertygelse. Barnledaren och diakonen är på plats, och med dem "
                    "kan du också prata om livets stora frågor."
                ),
            },
            "en": {
                "title": "Parish family club",
                "room": "Craft room",
                "description": (
                    "We sing, play and make things together, and have a snack at the end. The club is open to "
                    "every family, whatever your beliefs. The children's instructor and the deacon are there, "
                    "and you can talk with them about life's big questions too."
                ),
            },
        },
    },
    {
        "slug": "isien-ryhma",
        "kind": ActivityKind.PEER_GROUP,
        "weekdays": [THU],
        "start_time": datetime.time(17, 30),
        "end_time": datetime.time(19),
        "audiences": [Audience.FATHERS, Audience.UNDER_SCHOOL_AGE, Audience.SCHOOL_AGE],
        "languages": ["fi", "en"],
        "partners": ["mll-uusimaa"],
        "support": ["vertaistuki", "emotionaalinen"],
        "content": {
            "fi": {
                "title": "Isien ilta",
                "room": "Olohuone",
                "description": (
                    "Isien ja isähahmojen vertaisryhmä torstai-iltaisin. Lapset leikkivät, ja aikuiset "
                    "juttelevat kahvin äärellä isyydestä ja arjesta. Joskus pelataan, joskus tehdään ruokaa "
                    "yhdessä. Ota lapset mukaan tai tule yksin."
                ),
            },
            "sv": {
                "title": "Pappakväll",
                "room": "Vardagsrummet",
                "description": (
                    "En kamratgrupp för pappor och pappagestalter på torsdagskvällar. Barnen leker, och de "
                    "vuxna pratar om att vara pappa och om vardagen över en kopp kaffe. Ibland spelar vi, "
                    "ibland lagar vi mat tillsammans. Ta med barnen eller kom ensam."
                ),
            },
            "en": {
                "title": "Dads' evening",
                "room": "Living room",
                "description": (
                    "A peer group for dads and father figures on Thursday evenings. The children play while "
                    "the grown-ups talk about being a dad and everyday life over coffee. Sometimes we play "
                    "games, sometimes we cook together. Bring your children or come on your own."
                ),
            },
        },
    },
    {
        "slug": "vauvahieronta",
        "kind": ActivityKind.CLUB,
        "weekdays": [THU],
        "start_time": datetime.time(13),
        "end_time": datetime.time(14),
        "audiences": [Audience.BABIES, Audience.PARENTS],
        "languages": ["fi", "en"],
        "partners": ["mll-uusimaa"],
        "support": ["vertaistuki", "tiedollinen"],
        "content": {
            "fi": {
                "title": "Vauvahieronta",
                "room": "Lepohuone",
                "description": (
                    "Opettelemme yhdessä hellän vauvahieronnan, joka rauhoittaa ja tuo läheisyyttä. Sopii "
                    "noin 1–8 kuukauden ikäisille vauvoille. Ota mukaan pyyhe ja vauvalle tuttu peitto. "
                    "Öljyn saat meiltä."
                ),
            },
            "sv": {
                "title": "Babymassage",
                "room": "Vilorummet",
                "description": (
                    "Tillsammans lär vi oss en mild babymassage som lugnar och ger närhet. Passar bebisar på "
                    "ungefär 1–8 månader. Ta med en handduk och en filt som bebisen känner igen. Oljan får du "
                    "av oss."
                ),
            },
            "en": {
                "title": "Baby massage",
                "room": "Quiet room",
                "description": (
                    "Together we learn a gentle baby massage that calms and brings you close. For babies of "
                    "about 1 to 8 months. Bring a towel and a blanket your baby knows. We have the oil."
                ),
            },
        },
    },
    {
        "slug": "suomea-vanhemmille",
        "kind": ActivityKind.CLUB,
        "weekdays": [TUE],
        "start_time": datetime.time(13),
        "end_time": datetime.time(14, 30),
        "audiences": [Audience.PARENTS],
        "languages": ["fi", "ar", "so", "ru", "uk"],
        "partners": ["kotisilta", "kylan-isovanhemmat"],
        "support": ["vertaistuki", "tiedollinen"],
        "content": {
            "fi": {
                "title": "Suomea vanhemmille – keskusteluryhmä",
                "room": "Askartelutila",
                "description": (
                    "Harjoittele suomea rennosti muiden vanhempien kanssa. Puhumme arjesta: kaupasta, "
                    "neuvolasta, päiväkodista ja säästä. Kaikki taitotasot ovat tervetulleita, eikä virheitä "
                    "tarvitse pelätä. Vapaaehtoiset isovanhemmat leikkivät lasten kanssa sillä aikaa."
                ),
            },
            "sv": {
                "title": "Finska för föräldrar – samtalsgrupp",
                "room": "Pysselrummet",
                "description": (
                    "Öva finska i lugn och ro med andra föräldrar. Vi pratar om vardagen: affären, "
                    "rådgivningen, daghemmet och vädret. Alla nivåer är välkomna, och du behöver inte vara "
                    "rädd för att göra fel. Frivilliga mor- och farföräldrar leker med barnen under tiden."
                ),
            },
            "en": {
                "title": "Finnish for parents – conversation group",
                "room": "Craft room",
                "description": (
                    "Practise Finnish in a relaxed way with other parents. We talk about everyday life: the "
                    "shop, the child health clinic, day care and the weather. Every level is welcome, and "
                    "mistakes are fine. Volunteer grandparents play with the children meanwhile."
                ),
            },
        },
    },
    {
        "slug": "ruoka-apu",
        "kind": ActivityKind.MATERIAL,
        "weekdays": [FRI],
        "start_time": datetime.time(11),
        "end_time": datetime.time(13),
        "audiences": [Audience.EVERYONE],
        "languages": ["fi", "sv", "en"],
        "partners": ["seurakunta", "kiertokori"],
        "support": ["aineellinen"],
        "content": {
            "fi": {
                "title": "Ruoka-apu perjantaisin",
                "room": "Aula",
                "description": (
                    "Seurakunta jakaa ruokakasseja perheille, joilla raha on tiukalla. Mitään todistuksia ei "
                    "tarvita. Ota oma kassi mukaan, jos voit. Samalla voit katsoa Kiertokorin hyllystä "
                    "lastenvaatteita ja tavaroita ilmaiseksi."
                ),
            },
            "sv": {
                "title": "Mathjälp på fredagar",
                "room": "Entréhallen",
                "description": (
                    "Församlingen delar ut matkassar till familjer som har ont om pengar. Du behöver inga intyg. "
                    "Ta med en egen kasse, om du kan. Samtidigt kan du titta på barnkläder och saker i "
                    "Kiertokoris hylla, gratis."
                ),
            },
            "en": {
                "title": "Food aid on Fridays",
                "room": "Lobby",
                "description": (
                    "The parish hands out bags of food to families who are short of money. You do not need any "
                    "papers. Bring your own bag if you can. While you are here, have a look at the Kiertokori "
                    "shelf of children's clothes and things, free of charge."
                ),
            },
        },
    },
    {
        "slug": "talokokous",
        "kind": ActivityKind.OPEN,
        "weekdays": [FRI],
        "start_time": datetime.time(13, 30),
        "end_time": datetime.time(15),
        "interval_weeks": 2,
        "audiences": [Audience.EVERYONE],
        "languages": ["fi"],
        "partners": ["mll-uusimaa", "neuvola", "perheneuvola", "perhesosiaalityo", "varhaiskasvatus", "seurakunta"],
        "support": [],
        "staff_only": True,
        "content": {
            "fi": {
                "title": "Talokokous",
                "room": "Neuvotteluhuone",
                "description": (
                    "Kaikkien kohtaamispaikassa työskentelevien yhteinen kokous joka toinen viikko, "
                    "johtoryhmän edustaja mukana. Käymme läpi menneet viikot, perheiden palautteen ja "
                    "ideat sekä sovimme tulevista vuoroista."
                ),
            },
            "sv": {
                "title": "Husmöte",
                "room": "Mötesrummet",
                "description": (
                    "Ett gemensamt möte varannan vecka för alla som arbetar på mötesplatsen, med en "
                    "representant för ledningsgruppen. Vi går igenom de senaste veckorna, familjernas respons "
                    "och idéer och kommer överens om kommande turer."
                ),
            },
            "en": {
                "title": "House meeting",
                "room": "Meeting room",
                "description": (
                    "A meeting every other week for everyone who works at the meeting place, with a member of "
                    "the steering group. We go over the past weeks, families' feedback and ideas, and agree on "
                    "the coming shifts."
                ),
            },
        },
    },
]

FACTS = ("kind", "weekdays", "start_time", "end_time", "audiences", "languages")


def load(
    site: Site,
    partners: dict[str, dict[str, Partner]],
    support: dict[str, dict[str, SupportType]],
) -> dict[str, dict[str, Activity]]:
    """The activities by slug, each by language, with their partners and support types."""
    activities = {}
    for spec in ACTIVITIES:
        common = {name: spec[name] for name in FACTS} | {
            "site": site,
            "interval_weeks": spec.get("interval_weeks", 1),
            "first_date": FIRST_DATE,
            "last_date": None,
            "staff_only": spec.get("staff_only", False),
        }
        made = ensure_translatable(Activity, spec, common)
        source = made[next(iter(made))]
        if not source.partners.exists() and not source.support_types.exists():
            # Saving the original gives its translations the same rows in their own languages.
            source.partners.set([partners[slug][source.locale.language_code] for slug in spec["partners"]])
            source.support_types.set([support[slug][source.locale.language_code] for slug in spec["support"]])
            source.save()
        activities[spec["slug"]] = made
    return activities
