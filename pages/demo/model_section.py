"""The demo pages about the model: what the place is, its principles, co-development and who runs it.

Written in plain words from the Koivukylä model's own description.
"""

from .build import ensure_tree, faq, h2, p, ul
from .pictures import with_picture

MODEL_SECTION = {
    "slug": "malli",
    "content": {
        "fi": {
            "title": "Koivukylän malli",
            "intro": "Kohtaamispaikka on perheiden yhteinen olohuone, jossa kaupunki, järjestöt ja seurakunta "
            "tekevät työtä saman katon alla. Näin perhe löytää avun yhdestä paikasta.",
            "body": [
                h2("Mikä kohtaamispaikka on?"),
                p(
                    "Avoin kohtaamispaikka on lapsiperheiden yhteinen tila. Arkisin täällä on maksutonta "
                    "toimintaa, eikä tulemiseen tarvita ajanvarausta.",
                    "Voit tavata muita perheitä, saada vertaistukea, harrastaa, viettää aikaa tai toimia "
                    "vapaaehtoisena. Työntekijät eri organisaatioista ovat paikalla, ja heiltä voi kysyä "
                    "neuvoa ilman ajanvarausta.",
                ),
                h2("Miksi?"),
                p(
                    "Tavoitteena on, että yksinäisyys vähenee ja perheet kokevat kuuluvansa yhteisöön. "
                    "Perhe saa vertaistukea ja tarvittaessa ammattilaisen apua matalalla kynnyksellä, "
                    "eikä apua tarvitse etsiä eri puolilta kaupunkia."
                ),
                p(
                    "Malli kehitettiin MLL Uudenmaan piirin Perheitä kohtaamassa -hankkeessa yhdessä Vantaan "
                    "kaupungin, järjestöjen ja seurakunnan kanssa. Kohtaamispaikka on osa perhekeskusta."
                ),
            ],
        },
        "sv": {
            "title": "Björkbymodellen",
            "intro": "Mötesplatsen är familjernas gemensamma vardagsrum, där staden, organisationer och "
            "församlingen arbetar under samma tak. Så hittar familjen hjälp på ett ställe.",
            "body": [
                h2("Vad är mötesplatsen?"),
                p(
                    "Den öppna mötesplatsen är ett gemensamt utrymme för barnfamiljer. På vardagar ordnas "
                    "avgiftsfri verksamhet, och du behöver inte boka tid.",
                    "Du kan träffa andra familjer, få kamratstöd, ha en hobby, umgås eller arbeta som "
                    "frivillig. Anställda från olika organisationer finns på plats, och du kan fråga dem om "
                    "råd utan tidsbokning.",
                ),
                h2("Varför?"),
                p(
                    "Målet är att ensamheten minskar och att familjerna känner att de hör till en gemenskap. "
                    "Familjen får kamratstöd och vid behov professionell hjälp med låg tröskel, utan att "
                    "behöva leta efter hjälp runt om i staden."
                ),
                p(
                    "Modellen utvecklades i MLL Nylands distrikts projekt Perheitä kohtaamassa tillsammans med "
                    "Vanda stad, organisationer och församlingen. Mötesplatsen är en del av familjecentret."
                ),
            ],
        },
        "en": {
            "title": "The Koivukylä model",
            "intro": "The meeting place is a shared living room for families, where the city, non-profit "
            "organisations and the parish work under one roof. So a family finds help in one place.",
            "body": [
                h2("What is the meeting place?"),
                p(
                    "The open meeting place is a shared space for families with children. On weekdays there "
                    "are free activities, and you do not need to book.",
                    "You can meet other families, find peer support, take up a hobby, spend time or "
                    "volunteer. Staff from different organisations are there, and you can ask them for "
                    "advice without an appointment.",
                ),
                h2("Why?"),
                p(
                    "The aim is less loneliness and a stronger sense of belonging. Families get peer support "
                    "and, when needed, professional help with a low threshold, without searching for help "
                    "all over the city."
                ),
                p(
                    "The model was developed in the Perheitä kohtaamassa (Meeting Families) project of the "
                    "Mannerheim League for Child Welfare, Uusimaa district, together with the City of Vantaa, "
                    "non-profit organisations and the parish. The meeting place is part of the family centre."
                ),
            ],
        },
    },
    "children": [
        {
            "slug": "periaatteet",
            "content": {
                "fi": {
                    "title": "Periaatteet",
                    "intro": "Toimintaa ohjaa kolme periaatetta: osallisuus, yhteistoimijuus ja yhteisjohtajuus.",
                    "body": [
                        h2("Osallisuus"),
                        p(
                            "Perheet tulevat kuulluiksi ja kohdatuiksi. Perhe ei ole palvelun kohde vaan "
                            "aktiivinen toimija ja oman elämänsä asiantuntija. Perheet, vapaaehtoiset, "
                            "työntekijät ja johtoryhmä kehittävät toimintaa yhdessä."
                        ),
                        h2("Yhteistoimijuus"),
                        p(
                            "Arjen työ tehdään yhdessä. Jokaisella toimijalla on sovittu vastuualue ja oma "
                            "vuoro kohdata perheitä. Työntekijät kokoontuvat talokokoukseen joka toinen viikko.",
                            "Kun perhe tarvitsee apua, työntekijät ohjaavat sen suoraan oikealle toimijalle, "
                            "eikä perheen tarvitse kulkea avun perässä.",
                        ),
                        h2("Yhteisjohtajuus"),
                        p(
                            "Kohtaamispaikkaa johtaa monitoimijainen johtoryhmä. Siinä ovat mukana "
                            "kaupungin toimialat, järjestöt ja koordinaattori. Puheenjohtajuus kiertää, ja "
                            "kustannukset jaetaan."
                        ),
                    ],
                },
                "sv": {
                    "title": "Principer",
                    "intro": "Verksamheten styrs av tre principer: delaktighet, samverkan och delat ledarskap.",
                    "body": [
                        h2("Delaktighet"),
                        p(
                            "Familjerna blir hörda och bemötta. Familjen är inte ett föremål för service utan "
                            "en aktiv aktör och expert på sitt eget liv. Familjer, frivilliga, anställda och "
                            "ledningsgruppen utvecklar verksamheten tillsammans."
                        ),
                        h2("Samverkan"),
                        p(
                            "Vardagsarbetet görs tillsammans. Varje aktör har ett avtalat ansvarsområde och ett "
                            "eget pass för att möta familjer. Personalen samlas till husmöte varannan vecka.",
                            "När en familj behöver hjälp leder personalen den direkt till rätt aktör, och "
                            "familjen behöver inte springa efter hjälpen.",
                        ),
                        h2("Delat ledarskap"),
                        p(
                            "Mötesplatsen leds av en ledningsgrupp med flera aktörer: stadens sektorer, "
                            "organisationer och koordinatorn. Ordförandeskapet roterar och kostnaderna delas."
                        ),
                    ],
                },
                "en": {
                    "title": "Principles",
                    "intro": "Three principles guide the work: participation, co-agency and co-leadership.",
                    "body": [
                        h2("Participation"),
                        p(
                            "Families are heard and met. A family is not an object of services but an active "
                            "participant and the expert on its own life. Families, volunteers, staff and the "
                            "steering group develop the place together."
                        ),
                        h2("Co-agency"),
                        p(
                            "Everyday work is done together. Each organisation has an agreed area of "
                            "responsibility and its own shift for meeting families. Staff meet at a house "
                            "meeting every other week.",
                            "When a family needs help, staff guide it straight to the right organisation, so "
                            "the family does not have to chase help around the city.",
                        ),
                        h2("Co-leadership"),
                        p(
                            "A steering group of several organisations leads the place: city departments, "
                            "non-profit organisations and the coordinator. The chair rotates and the costs "
                            "are shared."
                        ),
                    ],
                },
            },
        },
        {
            "slug": "yhteiskehittaminen",
            "content": {
                "fi": {
                    "title": "Miten kehitämme yhdessä",
                    "intro": "Perheet ovat mukana päättämässä, mitä kohtaamispaikassa tehdään.",
                    "body": [
                        h2("Tavat osallistua"),
                        ul(
                            "Yhteiskehittämisen päivät 2–4 kertaa vuodessa",
                            "Yhteisökokoukset, joihin kaikki voivat tulla",
                            "Lasten palaute Huomaa minut -menetelmällä kaksi kertaa vuodessa",
                            "Palaute heti toiminnan jälkeen ja kävijäkysely kerran vuodessa",
                        ),
                        p(
                            "Kokousten aikana on lastenhoito, ja tarvittaessa mukana on tulkki. Voit "
                            "ehdottaa ideoita ja äänestää niistä ennen yhteiskehittämisen päivää."
                        ),
                        faq(
                            "Tarvitsenko kokemusta kokouksista?",
                            "Et tarvitse. Riittää, että tulet paikalle. Kaikki ideat ovat tervetulleita.",
                        ),
                        faq(
                            "Voinko ottaa lapset mukaan?",
                            "Voit. Kokousten ajan lapsille on järjestetty hoito samoissa tiloissa.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Hur vi utvecklar tillsammans",
                    "intro": "Familjerna är med och bestämmer vad som görs på mötesplatsen.",
                    "body": [
                        h2("Sätt att delta"),
                        ul(
                            "Dagar för samutveckling 2–4 gånger per år",
                            "Gemenskapsmöten som alla kan komma till",
                            "Barnens respons med metoden Huomaa minut (Lägg märke till mig) två gånger per år",
                            "Respons direkt efter verksamheten och en besökarenkät en gång per år",
                        ),
                        p(
                            "Under mötena finns barnpassning, och vid behov är en tolk med. Du kan föreslå "
                            "idéer och rösta på dem före samutvecklingsdagen."
                        ),
                        faq(
                            "Behöver jag erfarenhet av möten?",
                            "Nej. Det räcker att du kommer. Alla idéer är välkomna.",
                        ),
                        faq(
                            "Kan jag ta med barnen?",
                            "Ja. Under mötena finns barnpassning i samma lokaler.",
                        ),
                    ],
                },
                "en": {
                    "title": "How we develop the place together",
                    "intro": "Families take part in deciding what happens at the meeting place.",
                    "body": [
                        h2("Ways to take part"),
                        ul(
                            "Co-development days 2–4 times a year",
                            "Community meetings that everyone can come to",
                            "Children's feedback with the Huomaa minut (Notice me) method twice a year",
                            "Feedback right after activities and a visitor survey once a year",
                        ),
                        p(
                            "There is childcare during the meetings, and an interpreter when needed. You can "
                            "propose ideas and vote on them before a co-development day."
                        ),
                        faq(
                            "Do I need experience of meetings?",
                            "No. It is enough that you come. Every idea is welcome.",
                        ),
                        faq(
                            "Can I bring my children?",
                            "Yes. During the meetings there is childcare in the same rooms.",
                        ),
                    ],
                },
            },
        },
        {
            "slug": "johtaminen",
            "content": {
                "fi": {
                    "title": "Kuka kohtaamispaikkaa johtaa",
                    "intro": "Kohtaamispaikkaa johdetaan yhdessä: yksi järjestö koordinoi, johtoryhmä päättää.",
                    "body": [
                        h2("Johtoryhmä"),
                        p(
                            "Johtoryhmässä ovat kohtaamispaikassa säännöllisesti toimivat kaupungin toimialat "
                            "ja järjestöt sekä koordinaattori työntekijöiden edustajana. Jokaisella jäsenellä "
                            "on oma sisällöllinen vastuualue. Puheenjohtaja vaihtuu vuorollaan."
                        ),
                        ("steering_group", None),
                        h2("Koordinointi ja arki"),
                        p(
                            "Yksi järjestö koordinoi toimintaa. Työntekijät pitävät talokokouksen joka toinen "
                            "viikko, ja toimijoiden roolit ja vastuut on kirjattu yhteisiin sopimuksiin."
                        ),
                    ],
                },
                "sv": {
                    "title": "Vem leder mötesplatsen",
                    "intro": "Mötesplatsen leds tillsammans: en organisation koordinerar, ledningsgruppen beslutar.",
                    "body": [
                        h2("Ledningsgruppen"),
                        p(
                            "I ledningsgruppen sitter de av stadens sektorer och organisationer som regelbundet "
                            "arbetar på mötesplatsen, samt koordinatorn som personalens representant. Varje "
                            "medlem har ett eget ansvarsområde. Ordföranden byts i tur och ordning."
                        ),
                        ("steering_group", None),
                        h2("Koordinering och vardag"),
                        p(
                            "En organisation koordinerar verksamheten. Personalen håller husmöte varannan "
                            "vecka, och aktörernas roller och ansvar står i gemensamma avtal."
                        ),
                    ],
                },
                "en": {
                    "title": "Who runs the place",
                    "intro": "The place is led together: one non-profit coordinates, the steering group decides.",
                    "body": [
                        h2("The steering group"),
                        p(
                            "The steering group has the city departments and organisations that work at the "
                            "place regularly, and the coordinator as the staff's representative. Each member "
                            "has an area of responsibility. The chair rotates."
                        ),
                        ("steering_group", None),
                        h2("Coordination and everyday work"),
                        p(
                            "One non-profit organisation coordinates the work. Staff hold a house meeting every "
                            "other week, and each organisation's role and responsibilities are written in "
                            "shared agreements."
                        ),
                    ],
                },
            },
        },
    ],
}


MODEL_PICTURE = {
    "image": "model",
    "alt": {
        "fi": "Perheet ja työntekijät kehittävät toimintaa yhdessä: he kiinnittävät muistilappuja taululle, ja "
        "lapset ovat mukana.",
        "sv": "Familjer och anställda utvecklar verksamheten tillsammans: de sätter upp lappar på en tavla, och "
        "barnen är med.",
        "en": "Families and staff develop the place together: they put sticky notes on a board, and the children "
        "join in.",
    },
}
# The page that tells families how to take part; the home page leads to it.
TAKE_PART = "yhteiskehittaminen"


def load(homes, *, pictures: bool = False) -> dict:
    """The model section, by slug and language; with `pictures` (the demo), its first page shows a drawing."""
    return ensure_tree(homes, with_picture(MODEL_SECTION, MODEL_PICTURE) if pictures else MODEL_SECTION)
