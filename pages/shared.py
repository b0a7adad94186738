"""What every public page looks up and every visitor shares, kept under the content version (`pages.freshness`).

A page needs its site, the reader's locale, the home page in that language, the way down the page tree to
itself, its view restrictions and its translations. Wagtail reads each from the database on every request;
they change only when content does, so each is built once per content version and read from the cache after.
A value is built from ids in the database or from the reader's language, never from a visitor's input, so
random addresses cannot fill the cache.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site

from .freshness import remember
from .hooks import closures


def site_for_request(request) -> Site | None:
    """`Site.find_for_request`, from the cache: Wagtail and our code then find the site on the request."""
    if not hasattr(request, "_wagtail_site"):
        try:
            hostname, port = split_domain_port(request.get_host())[0], request.get_port()
        except DisallowedHost:  # kept out of the cache: any visitor can send any host
            return Site.find_for_request(request)
        request._wagtail_site = remember("site", lambda: Site.find_for_request(request), hostname, port)
    return request._wagtail_site


def active_locale() -> Locale:
    """`Locale.get_active()`: the locale of the active language, else the default one."""
    return locale_for(translation.get_language() or settings.LANGUAGE_CODE)


def default_locale() -> Locale:
    return locale_for(settings.LANGUAGE_CODE)


def locale_for(language_code: str) -> Locale:
    def build():
        try:
            return Locale.objects.get_for_language(language_code)
        except (Locale.DoesNotExist, LookupError):
            return Locale.objects.get_for_language(settings.LANGUAGE_CODE)

    return remember("locale", build, language_code)


def home_page(site: Site) -> Page:
    """The site's home page in the reader's language (the root page itself when not translated), specific."""
    language_code = translation.get_language() or settings.LANGUAGE_CODE
    return remember("home", lambda: with_images([site.root_page.localized.specific])[0], site.pk, language_code)


def route(request, path: str):
    """`Page.route_for_request` through the cache: the site, its home page and each step down are remembered.

    Each page's own `route` still runs, so routable pages and their sub-routes answer as they do in Wagtail.
    """
    site = site_for_request(request)
    if site is None:
        return None
    try:
        return home_page(site).route(request, [component for component in path.split("/") if component])
    except Http404:
        return None


def child_page(parent: Page, slug: str) -> Page | None:
    """The child of `parent` with `slug`, specific, as `Page.route` finds it; None when there is none."""
    child_ids = remember(
        "children", lambda: dict(parent.get_children().values_list("slug", "pk")), parent.pk, parent.path
    )
    if slug not in child_ids:
        return None
    child = specific_page(child_ids[slug])
    if child is not None:
        child._cached_parent_obj = parent
    return child


def specific_page(page_id: int) -> Page | None:
    return remember("page", lambda: _specific_or_none(page_id), page_id)


def _specific_or_none(page_id: int) -> Page | None:
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return None
    return with_images([page.specific])[0]


def with_images(pages: list) -> list:
    """Loads the images the pages point to (a page's picture) in one query, so a remembered page shows its
    picture without a query of its own.

    Without their renditions: a remembered image would keep the renditions it had when it was remembered, and
    Wagtail would make any made since again on every request. Wagtail's rendition cache finds them instead."""
    image_model = get_image_model()
    links = [
        (page, field)
        for page in pages
        for field in page._meta.concrete_fields
        if field.many_to_one and field.related_model is image_model and getattr(page, field.attname) is not None
    ]
    if links:
        images = image_model.objects.in_bulk({getattr(page, field.attname) for page, field in links})
        for page, field in links:
            if (image := images.get(getattr(page, field.attname))) is not None:
                setattr(page, field.name, image)
    return pages


def view_restriction_ids(page: Page, fresh) -> list[int]:
    """The ids of the view restrictions on `page` and its ancestors; `fresh` is Wagtail's own lookup."""
    return remember("view-restrictions", lambda: list(fresh().values_list("pk", flat=True)), page.pk, page.path)


def public_pages(pages):
    """`pages.public()` without its query for the view restrictions: their pages' paths are remembered."""
    private_paths = remember(
        "private-paths", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )
    for path in private_paths:
        pages = pages.exclude(path__startswith=path)
    return pages


def translations(page: Page) -> list[Page]:
    """The live translations of `page`, itself included, with their locales."""

    def build():
        return list(Page.objects.filter(translation_key=page.translation_key).live().select_related("locale"))

    return remember("translations", build, page.translation_key)


def place_closures(request, first_date, last_date) -> list:
    """The days the request's site is closed between the dates (`pages.hooks.closures`), remembered."""
    site = site_for_request(request)
    language_code = translation.get_language() or settings.LANGUAGE_CODE
    build = lambda: closures(request, first_date, last_date)  # noqa: E731
    return remember("closures", build, site.pk if site else "", language_code, first_date, last_date)


def ancestors(page: Page, from_depth: int) -> list[Page]:
    """`page`'s ancestors from `from_depth` down, top first."""
    return remember(
        "ancestors", lambda: list(page.get_ancestors().filter(depth__gte=from_depth)), page.path, from_depth
    )


class SharedLookupsMixin:
    """For page models: routing down the tree and the view restriction check read the cache.

    Wagtail looks up each step of an address and the page's view restrictions in the database on every
    request; here they are the remembered answers to the same questions.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = child_page(self, path_components[0])
        if child is None:
            raise Http404
        return child.route(request, path_components[1:])

    def get_view_restrictions(self):
        ids = view_restriction_ids(self, super().get_view_restrictions)
        # An empty result without a query: almost every page has no restriction.
        return PageViewRestriction.objects.filter(pk__in=ids) if ids else PageViewRestriction.objects.none()
