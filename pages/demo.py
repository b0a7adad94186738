"""Demo content of the pages app: the model section and the place's facts, in fi, sv and en.

Written in plain words from the Koivukylä model's own description. `load_demo` (in home) calls
`load()`; every step creates only what is missing, so running it twice changes nothing.
"""

import datetime

from django.conf import settings
from wagtail.models import Locale, Page, Site

from .demo_blocks import faq, h2, p, ul
from .models import ContentPage, HelpPage, OpeningHours, Partner, PartnersPage, SiteSettings, SupportType, VisitPage

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

PLACE = {
    "place_name": "Koivukylän kohtaamispaikka",
    "street_address": "Kohtaamontie 1",
    "postal_code": "01360",
    "city": "Vantaa",
    "phone": "09 123 4567",
    "email": "kohtaamo@example.fi",
}
OPENING_HOURS = [(day, datetime.time(9), datetime.time(15)) for day in range(4)] + [
    (4, datetime.time(9), datetime.time(13))
]


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def ensure_page(parent_by_language: dict[str, Page], spec: dict, page_class=ContentPage) -> dict[str, Page]:
    """Create the page of `spec` under each language's parent unless it is there; return them by language."""
    locales = ensure_locales()
    pages: dict[str, Page] = {}
    source = None
    for code, content in spec["content"].items():
        parent = parent_by_language[code]
        if source is None:
            existing = parent.get_children().filter(locale=locales[code], slug=spec["slug"]).first()
        else:
            existing = source.get_translation_or_none(locales[code])
        if existing is not None:
            pages[code] = existing.specific
            source = source or pages[code]
            continue
        if source is None:
            page = page_class(slug=spec["slug"], **_fields(content))
            parent.add_child(instance=page)
        else:
            page = source.copy_for_translation(locales[code])
            for field, value in _fields(content).items():
                setattr(page, field, value)
        page.show_in_menus = spec.get("show_in_menus", True)
        for field, value in spec.get("common", {}).items():
            setattr(page, field, value)
        page.save_revision().publish()
        pages[code] = page
        source = source or page
    return pages


def _fields(content: dict) -> dict:
    return dict(content)


def ensure_tree(parent_by_language: dict[str, Page], spec: dict) -> None:
    pages = ensure_page(parent_by_language, spec)
    for child in spec.get("children", []):
        ensure_tree(pages, child)


def ensure_place_settings(site: Site) -> SiteSettings:
    place = SiteSettings.for_site(site)
    if not place.place_name:
        for field, value in PLACE.items():
            setattr(place, field, value)
        place.save()
    if not place.opening_hours.exists():
        for order, (weekday, opens, closes) in enumerate(OPENING_HOURS):
            OpeningHours.objects.create(settings=place, sort_order=order, weekday=weekday, opens=opens, closes=closes)
    return place


def ensure_translatable(model, spec: dict, common: dict) -> dict[str, object]:
    """Create a translatable snippet in the default language and its translations, unless there."""
    locales = ensure_locales()
    objects: dict[str, object] = {}
    source = None
    for code, content in spec["content"].items():
        if source is None:
            obj = model.objects.filter(locale=locales[code], slug=spec["slug"]).first()
            if obj is None:
                obj = model(locale=locales[code], slug=spec["slug"], **common, **content)
                obj.save()
            source = obj
        else:
            obj = source.get_translation_or_none(locales[code])
            if obj is None:
                obj = source.copy_for_translation(locales[code])
                for field, value in content.items():
                    setattr(obj, field, value)
                obj.save()
        objects[code] = obj
    return objects


def ensure_support_types() -> dict[str, dict[str, SupportType]]:
    from .demo_data import SUPPORT_TYPES

    common_fields = ("category", "icon", "sort_order")
    return {
        spec["slug"]: ensure_translatable(SupportType, spec, {key: spec[key] for key in common_fields})
        for spec in SUPPORT_TYPES
    }


def ensure_partners(support: dict[str, dict[str, SupportType]]) -> None:
    from .demo_data import PARTNERS

    for spec in PARTNERS:
        common = {
            "sector": spec["sector"],
            "phone": spec["phone"],
            "email": spec["email"],
            "website": spec["website"],
            "in_steering_group": spec["in_steering_group"],
            "is_steering_group_chair": spec["is_chair"],
            "sort_order": spec["sort_order"],
        }
        for code, partner in ensure_translatable(Partner, spec, common).items():
            if not partner.support_types.exists():
                partner.support_types.set([support[slug][code] for slug in spec["support"]])
                partner.save()


def situations(spec: dict, code: str) -> list[tuple]:
    return [
        ("situation", {**situation["content"][code], "slug": situation["slug"], "support": situation["support"]})
        for situation in spec["situations"]
    ]


def reset() -> None:
    Partner.objects.all().delete()
    SupportType.objects.all().delete()


def load(site: Site, homes: dict[str, Page]) -> None:
    from . import demo_data

    support = ensure_support_types()
    ensure_partners(support)
    help_spec = {
        **demo_data.HELP_PAGE,
        "content": {
            code: {**content, "situations": situations(demo_data.HELP_PAGE, code)}
            for code, content in demo_data.HELP_PAGE["content"].items()
        },
    }
    ensure_page(homes, help_spec, page_class=HelpPage)
    ensure_page(homes, demo_data.PARTNERS_PAGE, page_class=PartnersPage)
    ensure_page(homes, demo_data.VISIT_PAGE, page_class=VisitPage)
    ensure_tree(homes, MODEL_SECTION)
    accessibility = ensure_page(homes, {**demo_data.ACCESSIBILITY_PAGE, "show_in_menus": False})
    privacy = ensure_page(homes, {**demo_data.PRIVACY_PAGE, "show_in_menus": False})
    place = ensure_place_settings(site)
    if place.accessibility_page_id is None or place.privacy_page_id is None:
        place.accessibility_page = accessibility["fi"]
        place.privacy_page = privacy["fi"]
        place.save()
