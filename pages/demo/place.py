"""The demo place: its facts in site settings (address, contact, opening hours, the steering group's chair
rotation) and the visiting page."""

import datetime

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from wagtail.models import Site

from ..models import ChairTurn, OpeningHours, Partner, SiteSettings, VisitPage
from .build import ensure_page, faq, h2, p, ul
from .partners import PARTNERS
from .pictures import with_picture

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

FIRST_CHAIR = "varhaiskasvatus"
"""The member partner that took the chair when the rotation started, so it chairs the steering group now."""
CHAIR_TERM_MONTHS = 6
CHAIR_TERM_BEGAN_MONTHS_AGO = 2
"""The rotation started on the first day of the month this many months back: well within the first term."""


def chair_order() -> list[str]:
    """The steering group's members in their turn to chair: the first chair, then the others in partner order."""
    in_order = sorted(PARTNERS, key=lambda spec: spec["sort_order"])
    members = [spec["slug"] for spec in in_order if spec["in_steering_group"]]
    return [FIRST_CHAIR] + [slug for slug in members if slug != FIRST_CHAIR]


def chair_rotation_start(today: datetime.date) -> datetime.date:
    return today.replace(day=1) - relativedelta(months=CHAIR_TERM_BEGAN_MONTHS_AGO)


VISIT_PAGE = {
    "slug": "tule-kaymaan",
    "content": {
        "fi": {
            "title": "Tule käymään",
            "intro": (
                "Kohtaamispaikkaan voit tulla arkisin ilman ilmoittautumista. Kaikki avoin toiminta on "
                "maksutonta. Olet tervetullut kaikenikäisten lasten kanssa, vauvasta kouluikäiseen."
            ),
            "entrance": (
                "Sisäänkäynti on pihan puolella. Ovelle pääsee ilman portaita, ja ovi aukeaa automaattisesti."
            ),
            "pram_parking": "Lastenvaunut voi jättää sisälle aulan vaunuparkkiin.",
            "changing_table": (
                "Vessassa on hoitopöytä ja lasten kokoinen wc-istuin. Esteetön wc on ensimmäisessä kerroksessa."
            ),
            "lift": "Tilat ovat kahdessa kerroksessa. Toiseen kerrokseen pääsee hissillä, johon mahtuvat myös vaunut.",
            "staff_languages": "suomi, ruotsi, englanti, arabia, somali, venäjä",
            "body": [
                h2("Näin löydät perille"),
                p(
                    "Kohtaamispaikka on lyhyen kävelymatkan päässä Koivukylän rautatieasemalta. Lähelle pääsee "
                    "myös bussilla. Katso sopiva yhteys HSL:n reittioppaasta.",
                    "Jos tulet autolla tai pyörällä, pysäköinti onnistuu pihalla.",
                ),
                h2("Mitä ottaa mukaan?"),
                ul(
                    "Vaipat ja vaihtovaatteet lapselle",
                    "Sisäkengät tai villasukat, jos haluat",
                    "Omat eväät, jos haluat. Kahvia ja teetä on yleensä tarjolla.",
                ),
                p("Muuta et tarvitse. Tule sellaisena kuin olet."),
                h2("Tule ja mene vapaasti"),
                p(
                    "Voit tulla ja lähteä milloin haluat aukioloaikojen sisällä. Voit jäädä hetkeksi tai koko "
                    "päiväksi. Saat olla omassa rauhassa tai tutustua muihin."
                ),
                h2("Usein kysyttyä"),
                faq("Maksaako käynti jotain?", "Ei maksa. Kaikki avoin toiminta on maksutonta."),
                faq(
                    "Pitääkö ilmoittautua etukäteen?",
                    "Ei tarvitse. Avoimeen toimintaan ja neuvonta-aikoihin voi tulla ilman ajanvarausta. "
                    "Joihinkin tapahtumiin ilmoittaudutaan, ja siitä kerrotaan tapahtuman tiedoissa.",
                ),
                faq(
                    "Puhun vain vähän suomea. Voinko tulla?",
                    "Voit. Työntekijät puhuvat monia kieliä, ja yhdessä löydämme tavan ymmärtää toisiamme.",
                ),
                faq(
                    "Voinko tulla ilman lasta?",
                    "Voit, jos haluat tutustua paikkaan tai toimia vapaaehtoisena. Kysy lisää työntekijöiltä.",
                ),
            ],
        },
        "sv": {
            "title": "Kom på besök",
            "intro": (
                "Du kan komma till mötesplatsen på vardagar utan att anmäla dig. All öppen verksamhet är "
                "avgiftsfri. Du är välkommen med barn i alla åldrar, från bebis till skolbarn."
            ),
            "entrance": (
                "Ingången finns på gårdssidan. Det finns inga trappor till dörren, och dörren öppnas automatiskt."
            ),
            "pram_parking": "Du kan lämna barnvagnen inomhus på vagnparkeringen i entréhallen.",
            "changing_table": (
                "På toaletten finns ett skötbord och en toalettstol i barnstorlek. Tillgänglig toalett finns "
                "på första våningen."
            ),
            "lift": (
                "Lokalerna ligger på två våningar. Till andra våningen kommer du med hiss, där också barnvagnar ryms."
            ),
            "staff_languages": "finska, svenska, engelska, arabiska, somaliska, ryska",
            "body": [
                h2("Så hittar du hit"),
                p(
                    "Mötesplatsen ligger en kort promenad från Björkby järnvägsstation. Du kan också ta bussen "
                    "hit. Sök en passande förbindelse i HRT:s reseplanerare.",
                    "Om du kommer med bil eller cykel kan du parkera på gården.",
                ),
                h2("Vad ska jag ta med?"),
                ul(
                    "Blöjor och extra kläder till barnet",
                    "Inneskor eller yllesockor om du vill",
                    "Egen matsäck om du vill. Det finns oftast kaffe och te.",
                ),
                p("Mer behöver du inte. Kom som du är."),
                h2("Kom och gå som du vill"),
                p(
                    "Du kan komma och gå när du vill under öppettiderna. Du kan stanna en stund eller hela "
                    "dagen. Du får vara i fred eller lära känna andra."
                ),
                h2("Vanliga frågor"),
                faq("Kostar det något?", "Nej. All öppen verksamhet är avgiftsfri."),
                faq(
                    "Måste jag anmäla mig i förväg?",
                    "Nej. Du kan komma till den öppna verksamheten och rådgivningen utan tidsbokning. Till "
                    "vissa evenemang anmäler man sig, och det står i informationen om evenemanget.",
                ),
                faq(
                    "Jag talar bara lite finska eller svenska. Kan jag komma?",
                    "Ja. Personalen talar många språk, och tillsammans hittar vi ett sätt att förstå varandra.",
                ),
                faq(
                    "Kan jag komma utan barn?",
                    "Ja, om du vill bekanta dig med stället eller bli frivillig. Fråga personalen mer.",
                ),
            ],
        },
        "en": {
            "title": "Come and visit",
            "intro": (
                "You can come to the meeting place on weekdays without signing up. All open activities are "
                "free. You are welcome with children of all ages, from babies to school-age children."
            ),
            "entrance": (
                "The entrance is on the yard side. There are no steps to the door, and the door opens by itself."
            ),
            "pram_parking": "You can leave your pram indoors in the pram parking in the entrance hall.",
            "changing_table": (
                "The toilet has a changing table and a child-size toilet seat. There is an accessible toilet "
                "on the first floor."
            ),
            "lift": "The place is on two floors. A lift takes you to the second floor, and there is room for a pram.",
            "staff_languages": "Finnish, Swedish, English, Arabic, Somali, Russian",
            "body": [
                h2("How to get here"),
                p(
                    "The meeting place is a short walk from Koivukylä railway station. You can also come by bus. "
                    "Find a good connection in the HSL Journey Planner.",
                    "If you come by car or bike, you can park in the yard.",
                ),
                h2("What to bring"),
                ul(
                    "Nappies and a change of clothes for your child",
                    "Indoor shoes or warm socks, if you like",
                    "Your own snacks, if you like. There is usually coffee and tea.",
                ),
                p("You do not need anything else. Come as you are."),
                h2("Come and go as you like"),
                p(
                    "You can come and leave whenever you like during opening hours. Stay for a moment or for "
                    "the whole day. You can keep to yourself or get to know others."
                ),
                h2("Frequently asked questions"),
                faq("Does it cost anything?", "No. All open activities are free."),
                faq(
                    "Do I need to sign up in advance?",
                    "No. You can come to the open activities and drop-in hours without an appointment. Some "
                    "events need signing up, and the event's details tell you so.",
                ),
                faq(
                    "I speak only a little Finnish. Can I come?",
                    "Yes. The staff speak many languages, and together we will find a way to understand each other.",
                ),
                faq(
                    "Can I come without a child?",
                    "Yes, if you would like to see the place or volunteer. Ask the staff for more.",
                ),
            ],
        },
    },
}


def load_settings(site: Site, partners: dict[str, dict[str, Partner]]) -> SiteSettings:
    """The place's facts and the chair rotation, where they are missing; `partners` by short name and language
    (the rotation names the members in the default language, the first one in `partners`' specs)."""
    place = SiteSettings.for_site(site)
    if not place.place_name:
        for field, value in PLACE.items():
            setattr(place, field, value)
        place.save()
    if not place.opening_hours.exists():
        for order, (weekday, opens, closes) in enumerate(OPENING_HOURS):
            OpeningHours.objects.create(settings=place, sort_order=order, weekday=weekday, opens=opens, closes=closes)
    load_chair_rotation(place, partners)
    return place


def load_chair_rotation(place: SiteSettings, partners: dict[str, dict[str, Partner]]) -> None:
    """The members take the chair in turn for six months each, the first one since a couple of months ago."""
    if place.chair_rotation_start is None:
        place.chair_rotation_start = chair_rotation_start(timezone.localdate())
        place.chair_term_months = CHAIR_TERM_MONTHS
        place.save()
    if not place.chair_turns.exists():
        default = next(iter(PARTNERS[0]["content"]))
        for order, slug in enumerate(chair_order()):
            ChairTurn.objects.create(settings=place, partner=partners[slug][default], sort_order=order)


VISIT_PICTURE = {
    "image": "visit",
    "alt": {
        "fi": "Kohtaamispaikan sisäänkäynti: loiva luiska ilman portaita vie automaattiovelle. Isä työntää "
        "lastenvaunuja luiskaa ylös, lapsi kävelee vierellä.",
        "sv": "Mötesplatsens ingång: en svag ramp utan trappsteg leder till en automatisk dörr. En pappa skjuter "
        "en barnvagn uppför rampen, och ett barn går bredvid.",
        "en": "The meeting place's entrance: a gentle ramp without steps leads to an automatic door. A father "
        "pushes a pram up the ramp, a child walking beside him.",
    },
}


def load_page(homes, *, pictures: bool = False) -> dict:
    spec = with_picture(VISIT_PAGE, VISIT_PICTURE) if pictures else VISIT_PAGE
    return ensure_page(homes, spec, page_class=VisitPage)
