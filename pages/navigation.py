"""What every page's header and footer show: menu, language links and the place's facts."""

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from wagtail.models import Page

from .freshness import remember
from .models import SiteSettings
from .shared import ancestors, home_page, site_for_request
from .shared import translations as shared_translations


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


def menu_pages(request) -> list[Page]:
    site = site_for_request(request)
    if site is None:
        return []
    home = home_page(site)
    return remember("menu", lambda: list(home.get_children().live().public().in_menu()), home.pk)


def language_links(request, page: Page | None = None) -> list[LanguageLink]:
    """A link per language: to the same page when it is translated, else to that language's home.

    The same page keeps what follows its address (a partner under the partners page, a filter in the
    query string): those parts are language-neutral.
    """
    current = translation.get_language()
    translations: dict[str, Page] = {}
    if page is not None and page.pk:
        for translated in shared_translations(page):
            translations[translated.locale.language_code] = translated
    links = []
    tail = _tail(request, page) if translations else ""
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request) + tail
        elif page is None and _is_app_view(request.get_full_path()):
            url = translate_url(request.get_full_path(), code)
        else:
            url = home_url(code)
        links.append(LanguageLink(code=code, name=name, url=url, is_current=code == current))
    return links


def home_url(language_code: str | None = None) -> str:
    """The address of the home page in a language, the reader's by default: "/" in Finnish, "/sv/" in Swedish."""
    with translation.override(language_code or translation.get_language()):
        return reverse("wagtail_serve", args=[""])


def public_url(location: str) -> str:
    """`location` (a path, or an address on any host) at the site's public address, KOHTAAMO_BASE_URL.

    Neither the host a request came to nor the Wagtail Site's host name: behind a proxy both may be
    internal names. The sitemap, robots.txt and the hreflang links use it.
    """
    path = urlsplit(location)._replace(scheme="", netloc="").geturl()
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def breadcrumbs(request, page: Page, current: str = "") -> list[tuple[str, str]]:
    """(title, url) from the first level below the home page down to `page`, then `current` without a url.

    Empty on a first-level page, which the menu already shows. A sub-route of the page (a partner under
    the partners page) names itself in `current`, and the page itself becomes a link.
    """
    trail = ancestors(page, from_depth=3) if page.depth > 3 else []
    crumbs = [(ancestor.title, ancestor.get_url(request)) for ancestor in trail]
    if current:
        crumbs += [(page.title, page.get_url(request)), (current, "")]
    elif crumbs:
        crumbs.append((page.title, ""))
    return crumbs


def _tail(request, page: Page) -> str:
    """What the request adds to the page's own address: a sub-route and the query string."""
    own = page.get_url(request) or ""
    rest = request.path[len(own) :] if own and request.path.startswith(own) else ""
    query = request.GET.urlencode()
    return rest + (f"?{query}" if query else "")


def _is_app_view(path: str) -> bool:
    """True for our own views (search) that exist in every language, false for Wagtail's catch-all."""
    try:
        match = resolve(path.split("?", 1)[0])
    except Resolver404:
        return False
    return match.url_name not in (None, "wagtail_serve")


def footer_pages(request, site) -> dict:
    """The place's accessibility statement and privacy notice in the reader's language (or None each)."""
    place = SiteSettings.for_request(request)

    def build():
        return {
            "accessibility_page": place.accessibility_page.localized if place.accessibility_page else None,
            "privacy_page": place.privacy_page.localized if place.privacy_page else None,
        }

    return remember("footer-pages", build, site.pk, translation.get_language())


def footer_context(request) -> dict:
    site = site_for_request(request)
    if site is None:
        return {}
    place = SiteSettings.for_request(request)
    return {
        "place": place,
        "opening_rows": place.weekly_hours(),
        "social_links": list(place.social_links.all()),
        **footer_pages(request, site),
    }


def is_privacy_notice(request, page) -> bool:
    """Whether `page` is the place's privacy notice in the reader's language."""
    site = site_for_request(request)
    privacy_page = footer_pages(request, site)["privacy_page"] if site else None
    return privacy_page is not None and privacy_page.pk == page.pk
