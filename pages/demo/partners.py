"""Demo partners and the partners page."""

from ..models import Partner, PartnersPage, SupportType
from .build import ensure_page, ensure_translatable
from .partners_community import COMMUNITY_PARTNERS
from .partners_public import PUBLIC_PARTNERS
from .pictures import LOGOS, later, with_picture

PARTNERS = PUBLIC_PARTNERS + COMMUNITY_PARTNERS

PARTNERS_PAGE = {
    "slug": "toimijat",
    "content": {
        "fi": {
            "title": "Toimijat",
            "intro": (
                "Kohtaamispaikassa hyvinvointialue, kaupunki, järjestöt, seurakunta ja vapaaehtoiset tekevät "
                "työtä saman katon alla. Täältä näet, kuka on paikalla ja millaista tukea kukin antaa. Kysy "
                "rohkeasti keneltä tahansa: autamme sinut oikean avun luo."
            ),
        },
        "sv": {
            "title": "Aktörer",
            "intro": (
                "På mötesplatsen arbetar välfärdsområdet, staden, organisationer, församlingen och frivilliga "
                "under samma tak. Här ser du vem som finns på plats och vilket stöd var och en ger. Fråga vem "
                "som helst av oss: vi hjälper dig till rätt hjälp."
            ),
        },
        "en": {
            "title": "Organisations",
            "intro": (
                "At the meeting place the wellbeing services county, the city, non-profit organisations, the "
                "parish and volunteers work under one roof. Here you can see who is there and what kind of "
                "support each one gives. Feel free to ask any of us: we will help you find the right help."
            ),
        },
    },
}


def load(support: dict[str, dict[str, SupportType]]) -> dict[str, dict[str, Partner]]:
    """The partners by short name, each by language; their support types come from `support`."""
    partners = {}
    for spec in PARTNERS:
        common = {
            "sector": spec["sector"],
            "phone": spec["phone"],
            "email": spec["email"],
            "website": spec["website"],
            "in_steering_group": spec["in_steering_group"],
            "sort_order": spec["sort_order"],
        }
        if spec["slug"] in LOGOS:  # a drawn logo, its alternative text the partner's name in each language
            common["logo"] = later(f"logo-{spec['slug']}")
            content = {code: {**texts, "logo_alt": texts["name"]} for code, texts in spec["content"].items()}
            spec = {**spec, "content": content}
        partners[spec["slug"]] = ensure_translatable(Partner, spec, common)
        for code, partner in partners[spec["slug"]].items():
            if not partner.support_types.exists():
                partner.support_types.set([support[slug][code] for slug in spec["support"]])
                partner.save()
    return partners


PARTNERS_PICTURE = {
    "image": "partners",
    "alt": {
        "fi": "Eri toimijoiden työntekijät ja perheet saman pöydän ääressä yhden suuren katon alla.",
        "sv": "Anställda från olika aktörer och familjer vid samma bord under ett gemensamt stort tak.",
        "en": "Staff of different organisations and families around one table under one big roof.",
    },
}


def load_page(homes, *, pictures: bool = False) -> dict:
    spec = with_picture(PARTNERS_PAGE, PARTNERS_PICTURE) if pictures else PARTNERS_PAGE
    return ensure_page(homes, spec, page_class=PartnersPage)
