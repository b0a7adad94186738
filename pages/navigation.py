"""What every page's header and footer show: menu, language links and the place's facts."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from .models import SiteSettings


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


def menu_pages(request) -> list[Page]:
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(site.root_page.localized.get_children().live().public().in_menu())


def language_links(request, page: Page | None = None) -> list[LanguageLink]:
    """A link per language: to the same page when it is translated, else to that language's home.

    The same page keeps what follows its address (a partner under the partners page, a filter in the
    query string): those parts are language-neutral.
    """
    current = get_language()
    translations: dict[str, Page] = {}
    homes: dict[str, Page] = {}
    site = Site.find_for_request(request)
    if page is not None and page.pk:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    if site is not None:
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale"):
            homes[home.locale.language_code] = home
    links = []
    tail = _tail(request, page) if translations else ""
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request) + tail
        elif page is None and _is_app_view(request.get_full_path()):
            url = translate_url(request.get_full_path(), code)
        elif code in homes:
            url = homes[code].get_url(request)
        else:
            url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        links.append(LanguageLink(code=code, name=name, url=url, is_current=code == current))
    return links


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


def footer_context(request) -> dict:
    site = Site.find_for_request(request)
    if site is None:
        return {}
    place = SiteSettings.for_site(site)
    return {
        "place": place,
        "opening_rows": place.weekly_hours(),
        "social_links": list(place.social_links.all()),
        "accessibility_page": place.accessibility_page.localized if place.accessibility_page else None,
        "privacy_page": place.privacy_page.localized if place.privacy_page else None,
    }
