"""Small builders for partner tests: a home page with a partners page and a help page, and partners."""

from wagtail.models import Locale, Page, Site

from home.models import HomePage
from pages.models import HelpPage, Partner, PartnersPage, SupportType

SUPPORT = [
    ("vertaistuki", "peer", "Vertaistuki"),
    ("emotionaalinen", "psychosocial", "Emotionaalinen tuki"),
    ("aineellinen", "instrumental", "Aineellinen tuki"),
]


def make_site() -> dict:
    locale = Locale.objects.get_or_create(language_code="fi")[0]
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Koti", slug="koti-testi", locale=locale))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    partners_page = home.add_child(instance=PartnersPage(title="Toimijat", slug="toimijat"))
    help_page = home.add_child(
        instance=HelpPage(
            title="Mistä saan apua?",
            slug="apua",
            situations=[
                (
                    "situation",
                    {
                        "label": "Tarvitsemme ruokaa tai tavaraa",
                        "slug": "ruoka-ja-tavarat",
                        "explanation": "Ruoka-apua ja tavaraa.",
                        "support": ["aineellinen"],
                    },
                )
            ],
        )
    )
    support = {
        slug: SupportType.objects.create(
            locale=locale, slug=slug, category=category, name=name, explanation=f"{name} selitettynä."
        )
        for slug, category, name in SUPPORT
    }
    return {"home": home, "partners_page": partners_page, "help_page": help_page, "support": support}


def make_partners(count: int, support: dict, sector: str = "ngo") -> list[Partner]:
    locale = Locale.objects.get(language_code="fi")
    sectors = ["city", "county", "ngo", "parish", "other"]
    partners = []
    for number in range(count):
        partner = Partner(
            locale=locale,
            name=f"Toimija {number:03d}",
            slug=f"toimija-{number:03d}",
            sector=sectors[number % len(sectors)] if sector == "mixed" else sector,
            description="Auttaa perheitä.",
            in_steering_group=number % 3 == 0,
        )
        partner.support_types.set(list(support.values())[: 1 + number % len(support)])
        partner.save()
        partners.append(partner)
    return partners
