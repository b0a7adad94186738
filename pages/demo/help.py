"""The demo "Where do I get help?" page: everyday situations and the support types that fit them."""

from ..models import HelpPage
from .build import ensure_page
from .pictures import with_picture

HELP_PAGE = {
    "slug": "apua",
    "content": {
        "fi": {
            "title": "Mistä saan apua?",
            "intro": (
                "Valitse tilanne, joka kuulostaa tutulta. Näet, millaista tukea kohtaamispaikasta saa ja kuka "
                "sitä antaa. Voit aina myös kysyä paikan päällä. Autamme löytämään oikean avun."
            ),
        },
        "sv": {
            "title": "Var får jag hjälp?",
            "intro": (
                "Välj en situation som känns bekant. Du ser vilket stöd du kan få på mötesplatsen och vem som "
                "ger det. Du kan alltid också fråga på plats. Vi hjälper dig att hitta rätt hjälp."
            ),
        },
        "en": {
            "title": "Where can I get help?",
            "intro": (
                "Choose a situation that sounds familiar. You will see what support the meeting place offers "
                "and who gives it. You can always ask in person, too. We will help you find the right help."
            ),
        },
    },
    "situations": [
        {
            "slug": "puhuminen",
            "icon": "talk",
            "support": ["emotionaalinen", "vertaistuki"],
            "content": {
                "fi": {
                    "label": "Tarvitsen jonkun, jolle puhua",
                    "explanation": (
                        "Tule juttelemaan aukioloaikoina, ajanvarausta ei tarvita. Työntekijät ja muut "
                        "vanhemmat kuuntelevat. Jos tarvitset enemmän apua, autamme sinut oikean ammattilaisen "
                        "luo."
                    ),
                },
                "sv": {
                    "label": "Jag behöver någon att prata med",
                    "explanation": (
                        "Kom och prata under öppettiderna, du behöver inte boka tid. Personalen och andra "
                        "föräldrar lyssnar. Om du behöver mer hjälp, hjälper vi dig till rätt yrkesperson."
                    ),
                },
                "en": {
                    "label": "I need someone to talk to",
                    "explanation": (
                        "Come in for a chat during opening hours, no appointment needed. Staff and other "
                        "parents will listen. If you need more help, we will take you to the right professional."
                    ),
                },
            },
        },
        {
            "slug": "ruoka-ja-tavarat",
            "icon": "food",
            "support": ["aineellinen"],
            "content": {
                "fi": {
                    "label": "Tarvitsemme ruokaa tai tavaraa",
                    "explanation": (
                        "Kohtaamispaikasta saa ruoka-apua sekä lastenvaatteita ja tavaroita. Sinun ei tarvitse "
                        "selittää tilannettasi pitkästi. Kysy rohkeasti työntekijältä, niin katsotaan yhdessä, "
                        "mitä apua on tarjolla."
                    ),
                },
                "sv": {
                    "label": "Vi behöver mat eller saker",
                    "explanation": (
                        "På mötesplatsen kan du få mathjälp, barnkläder och saker. Du behöver inte förklara din "
                        "situation i detalj. Fråga personalen, så tittar vi tillsammans på vilken hjälp som finns."
                    ),
                },
                "en": {
                    "label": "We need food or things",
                    "explanation": (
                        "At the meeting place you can get food aid, children's clothes and other things. You do "
                        "not need to explain your situation at length. Just ask the staff, and we will see "
                        "together what help there is."
                    ),
                },
            },
        },
        {
            "slug": "lastenhoito",
            "icon": "child",
            "support": ["toiminnallinen"],
            "content": {
                "fi": {
                    "label": "Tarvitsen apua lastenhoitoon",
                    "explanation": (
                        "Joskus tarvitset hetken omaa aikaa tai rauhan hoitaa asioita. Kysy kohtaamispaikassa "
                        "lastenhoitoavusta. Voimme myös kertoa, mistä saat apua pidemmäksi aikaa."
                    ),
                },
                "sv": {
                    "label": "Jag behöver hjälp med barnpassning",
                    "explanation": (
                        "Ibland behöver du en stund för dig själv eller lugn och ro att sköta ärenden. Fråga om "
                        "barnpassning på mötesplatsen. Vi kan också berätta var du får hjälp för en längre tid."
                    ),
                },
                "en": {
                    "label": "I need help with childcare",
                    "explanation": (
                        "Sometimes you need a moment for yourself or some peace to get things done. Ask about "
                        "childcare help at the meeting place. We can also tell you where to get help for longer."
                    ),
                },
            },
        },
        {
            "slug": "neuvoja",
            "icon": "advice",
            "support": ["tiedollinen"],
            "content": {
                "fi": {
                    "label": "Haluan neuvoja arjen asioihin",
                    "explanation": (
                        "Unet, ruoka, raha-asiat, päiväkoti tai lomakkeet mietityttävät? Tule neuvonta-aikaan "
                        "ilman ajanvarausta. Eri alojen ammattilaiset ja muut vanhemmat auttavat sinua."
                    ),
                },
                "sv": {
                    "label": "Jag vill ha råd om vardagen",
                    "explanation": (
                        "Funderar du på sömn, mat, pengar, daghem eller blanketter? Kom till rådgivningen utan "
                        "tidsbokning. Yrkesfolk från olika områden och andra föräldrar hjälper dig."
                    ),
                },
                "en": {
                    "label": "I want advice on everyday matters",
                    "explanation": (
                        "Wondering about sleep, food, money, day care or forms? Come to a drop-in hour, no "
                        "appointment needed. Professionals from different fields and other parents will help."
                    ),
                },
            },
        },
        {
            "slug": "muut-vanhemmat",
            "icon": "friends",
            "support": ["vertaistuki"],
            "content": {
                "fi": {
                    "label": "Haluan tavata muita vanhempia",
                    "explanation": (
                        "Tule avoimeen toimintaan tai vertaisryhmään. Voit tulla ja lähteä milloin haluat. "
                        "Kahvikupin ääressä on helppo tutustua, ja lapset leikkivät samalla."
                    ),
                },
                "sv": {
                    "label": "Jag vill träffa andra föräldrar",
                    "explanation": (
                        "Kom till den öppna verksamheten eller en kamratgrupp. Du kan komma och gå som du vill. "
                        "Över en kopp kaffe är det lätt att lära känna andra medan barnen leker."
                    ),
                },
                "en": {
                    "label": "I want to meet other parents",
                    "explanation": (
                        "Join the open activities or a peer group. You can come and go as you like. It is easy "
                        "to get to know people over a cup of coffee while the children play."
                    ),
                },
            },
        },
        {
            "slug": "elama-ja-usko",
            "icon": "candle",
            "support": ["henkinen", "emotionaalinen"],
            "content": {
                "fi": {
                    "label": "Mietin elämän tarkoitusta tai uskoa",
                    "explanation": (
                        "Suuret kysymykset nousevat usein esiin, kun elämä muuttuu. Voit puhua arvoista, "
                        "uskosta tai elämänkatsomuksesta. Sinua kuunnellaan vakaumuksestasi riippumatta."
                    ),
                },
                "sv": {
                    "label": "Jag funderar på livets mening eller tro",
                    "explanation": (
                        "De stora frågorna dyker ofta upp när livet förändras. Du kan prata om värderingar, tro "
                        "eller livsåskådning. Vi lyssnar på dig oberoende av din övertygelse."
                    ),
                },
                "en": {
                    "label": "I have questions about meaning or faith",
                    "explanation": (
                        "Big questions often come up when life changes. You can talk about values, faith or "
                        "your view of life. We will listen to you, whatever your beliefs."
                    ),
                },
            },
        },
    ],
}


HELP_PICTURE = {
    "image": "help",
    "alt": {
        "fi": "Vanhempi ja kohtaamispaikan työntekijä juttelevat pöydän ääressä kahvikupit edessään. Taapero leikkii "
        "palikoilla matolla.",
        "sv": "En förälder och en anställd på mötesplatsen pratar vid ett bord med var sin kaffekopp. Ett litet barn "
        "leker med klossar på mattan.",
        "en": "A parent and a staff member of the meeting place talk at a table over coffee. A toddler plays with "
        "blocks on the rug.",
    },
}


def load(homes, *, pictures: bool = False) -> dict:
    """The help page under each home; with `pictures` (the demo), it shows the demo's drawing."""
    spec = {
        **HELP_PAGE,
        "content": {
            code: {**content, "situations": situations(code)} for code, content in HELP_PAGE["content"].items()
        },
    }
    return ensure_page(homes, with_picture(spec, HELP_PICTURE) if pictures else spec, page_class=HelpPage)


def situations(code: str) -> list[tuple]:
    return [
        (
            "situation",
            {
                **situation["content"][code],
                "slug": situation["slug"],
                "support": situation["support"],
                "icon": situation["icon"],
            },
        )
        for situation in HELP_PAGE["situations"]
    ]
