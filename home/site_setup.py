"""A real, empty site: the home page and the fixed pages in every language, with no invented facts.

Built with the demo's builders from the demo's specs, keeping only the texts that hold for any meeting
place following the model. The place's own facts (address, partners, premises, its legal statements)
are the operator's to fill in; `to_fill_in()` says which are still missing. Like the demo, it creates
only what is missing, so it can run again, and `load_demo` can run on top of it.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site

from pages.demo import help, legal, model_section, partners, place, support_types
from pages.demo.build import ensure_page
from pages.models import Partner, SiteSettings, SupportType, VisitPage

from .demo import HOME, link_taking_part
from .models import HomePage

SITE_NAME = "Kohtaamo"
# The demo's home title names Koivukylä; a real place gets a title its editors rename.
HOME_TITLES = {
    "fi": "Tervetuloa kohtaamispaikkaan",
    "sv": "Välkommen till mötesplatsen",
    "en": "Welcome to the meeting place",
}
PLACEHOLDER_SLUG = "home"  # Wagtail's installer's "Welcome to your new Wagtail site!" page


class SetupRefused(Exception):
    """The database holds a site this command must not change."""


@dataclass
class SetupResult:
    site: Site
    homes: dict[str, HomePage]
    """By language."""
    pages: dict[str, dict[str, Page]]
    """The fixed pages by slug, then language."""
    created_pages: int
    created_support_types: int
    changes: list[str]
    """What else this run changed (the site's address, the footer links, Wagtail's placeholder)."""


def only(spec: dict, *fields: str, **extra) -> dict:
    """`spec` with each language's content cut to `fields`: the demo texts that are no one place's facts."""
    content = {code: {name: texts[name] for name in fields} for code, texts in spec["content"].items()}
    return {"slug": spec["slug"], **extra, "content": content}


def home_spec(slug: str) -> dict:
    return {
        "slug": slug,
        "content": {
            code: {"title": HOME_TITLES[code], "intro": texts["intro"]} for code, texts in HOME["content"].items()
        },
    }


def site_address(base_url: str) -> tuple[str, int]:
    """The host name and port of the public address, the port defaulting to the scheme's."""
    parts = urlsplit(base_url)
    try:
        port = parts.port
    except ValueError:
        port = None
        parts = parts._replace(netloc="")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise SetupRefused(
            f"KOHTAAMO_BASE_URL must be the public address, such as https://kohtaamo.example; it is {base_url!r}."
        )
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


def is_placeholder(page: Page) -> bool:
    return page.depth == 2 and page.slug == PLACEHOLDER_SLUG and page.specific_class is Page


def is_unused(page: Page) -> bool:
    return not page.get_children().exists() and not page.sites_rooted_here.exists()


def existing_home(site: Site | None) -> HomePage | None:
    """The default site's Kohtaamo home page; None when there is only Wagtail's untouched placeholder.

    Refuses any other root: someone has built a site there, and this command does not take it over.
    """
    if site is None:
        return None
    root = site.root_page
    if is_placeholder(root) and not root.get_children().exists():
        return None
    if root.specific_class is HomePage and root.locale_id == Locale.get_default().pk:
        return root.specific
    raise SetupRefused(
        f"The default site's root page is “{root.title}” ({root.specific_class.__name__}, {root.url_path}), "
        "not a Kohtaamo home page in the default language nor Wagtail's empty welcome page. setup_site leaves "
        "an existing site alone: point the default site at a Kohtaamo home page, or delete that site and its "
        "pages, and run it again."
    )


@transaction.atomic
def set_up_site(base_url: str) -> SetupResult:
    """Create what is missing of the home page and the fixed pages, and point the default site at them."""
    hostname, port = site_address(base_url)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    existing = existing_home(site)
    clash = Site.objects.filter(hostname=hostname, port=port).exclude(pk=getattr(site, "pk", None)).first()
    if clash is not None:
        raise SetupRefused(f"Another site, “{clash}”, already answers at {hostname}:{port}.")
    pages_before = set(Page.objects.values_list("pk", flat=True))
    support_before = SupportType.objects.count()

    root = Page.get_first_root_node()
    spec = home_spec(existing.slug if existing else HOME["slug"])
    existing_homes = set(HomePage.objects.values_list("pk", flat=True))
    homes = ensure_page(dict.fromkeys(spec["content"], root), spec, page_class=HomePage)
    pages = fixed_pages(homes)
    link_taking_part(homes, pages[model_section.TAKE_PART], existing_homes)

    changes = []
    home = homes[settings.LANGUAGE_CODE]
    if site is None:
        site = Site(is_default_site=True, site_name=SITE_NAME, root_page=home)
    if (site.hostname, site.port, site.root_page_id) != (hostname, port, home.pk):
        site.hostname, site.port, site.root_page = hostname, port, home
        site.site_name = site.site_name or SITE_NAME
        site.save()
        changes.append(f"The default site now answers at {hostname}:{port} with the home page as its root.")
    placeholder = root.get_children().exact_type(Page).filter(slug=PLACEHOLDER_SLUG).first()
    if placeholder is not None and is_unused(placeholder):
        placeholder.delete()
        changes.append("Removed Wagtail's “Welcome to your new Wagtail site!” page.")
    if link_legal_pages(site, pages):
        changes.append("Linked the accessibility statement and the privacy notice from the footer.")
    return SetupResult(
        site=site,
        homes=homes,
        pages=pages,
        created_pages=Page.objects.exclude(pk__in=pages_before).count(),
        created_support_types=SupportType.objects.count() - support_before,
        changes=changes,
    )


def fixed_pages(homes: dict[str, Page]) -> dict[str, dict[str, Page]]:
    """The pages every Kohtaamo site has, under the home pages, by slug and language.

    Whole from the demo: the model section, the help finder (its situations name the model's six support
    types) and the partners page's intro. The visiting page keeps only its title and intro, the legal
    pages only their titles: the rest is the place's own facts and statements.
    """
    support_types.load()
    pages = {
        "apua": help.load(homes),
        "toimijat": partners.load_page(homes),
        "tule-kaymaan": ensure_page(homes, only(place.VISIT_PAGE, "title", "intro"), page_class=VisitPage),
        **model_section.load(homes),
    }
    for spec in (legal.ACCESSIBILITY_PAGE, legal.PRIVACY_PAGE):
        pages[spec["slug"]] = ensure_page(homes, only(spec, "title", show_in_menus=False))
    return pages


def link_legal_pages(site: Site, pages: dict[str, dict[str, Page]]) -> bool:
    """Point the footer links at the legal pages unless they point somewhere already; whether it did."""
    place_settings = SiteSettings.for_site(site)
    if place_settings.accessibility_page_id and place_settings.privacy_page_id:
        return False
    default = settings.LANGUAGE_CODE
    place_settings.accessibility_page = place_settings.accessibility_page or pages["saavutettavuus"][default]
    place_settings.privacy_page = place_settings.privacy_page or pages["tietosuoja"][default]
    place_settings.save()
    return True


def to_fill_in(site: Site) -> list[str]:
    """What staff must still write in the admin before the site tells families anything about this place."""
    todo = []
    facts = SiteSettings.for_site(site)
    contact = facts.phone or facts.email
    if not (facts.place_name and facts.street_address and contact and facts.opening_hours.exists()):
        todo.append(
            "Settings → Site settings: the place's name, address, phone and e-mail, and opening hours "
            "(shown in every page's footer, on the home page and on the visiting page)."
        )
    if not Partner.objects.exists():
        todo.append(
            "Partners: the organisations that work at the place, the support each gives and who sits on the "
            "steering group (the partners page, the help finder and the model section list them)."
        )
    visit = VisitPage.objects.child_of(site.root_page).first()
    if visit is not None and not (visit.entrance or visit.staff_languages or visit.body):
        todo.append(
            f"Pages → {visit.title}: the premises (entrance, pram parking, toilets, lift), the languages the staff "
            "speak and how to get there, in every language."
        )
    for page, what in (
        (facts.accessibility_page, "the accessibility statement (Act on the Provision of Digital Services 306/2019)"),
        (facts.privacy_page, "the privacy notice (controller, contact, what data and why, how long, rights)"),
    ):
        if page is not None and not getattr(page.specific, "body", None):
            todo.append(f"Pages → {page.title}: write {what}, in every language.")
    if not get_user_model().objects.filter(is_superuser=True).exists():
        todo.append("The first staff account: .venv/bin/python manage.py createsuperuser")
    return todo
