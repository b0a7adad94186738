"""Whole public pages for visitors without a session, kept in the shared cache under the content version.

A visitor "without a session" sends no session or messages cookie: nothing in their page can be theirs.
Logged-in staff and anyone with a message to see (after sending a form) always get a fresh page. A response
is kept only when nothing in it is per visitor: a GET or HEAD answered 200, with no cookie set (a page that
renders a CSRF token sets one, so forms are never kept), varying by nothing but the cookies this cache
already excludes, and not marked private or never-cache (the ballot, the thank-you pages). Each entry is keyed
on the content version (`pages.freshness`), which moves on every change and at the clock's changes, so an
entry is never read once it could be stale.

Responses that may be kept say so to caches in front (`Cache-Control: public, max-age=0, s-maxage=…`):
browsers ask again every time, a front cache or CDN may hold the page for KOHTAAMO_PAGE_CACHE_S_MAXAGE
seconds (and Wagtail's front-end cache purge, when configured, drops a page as soon as it is published).
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control

from . import freshness

HEADER = "X-Page-Cache"
KEPT_HEADERS = (
    "Content-Type", "Content-Language", "Content-Disposition", "Vary", "Link", "X-Robots-Tag", "X-Frame-Options",
)  # fmt: skip
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/", "/healthz")


class PageCacheMiddleware:
    """Serves and keeps anonymous public pages. It sits after WhiteNoise and before the session middleware,
    so a page from the cache costs no session, locale, CSRF or database work."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.applies_to(request):
            response = self.get_response(request)
            if self.changes_content(request, response):
                freshness.bump()
            return response
        try:
            key = self.key(request)
        except DisallowedHost:
            return self.get_response(request)  # which answers it as Django does
        kept = cache.get(key)
        if kept is not None:
            return self.rebuild(kept)
        response = self.get_response(request)
        if self.may_keep(response):
            patch_cache_control(response, public=True, max_age=0, s_maxage=settings.KOHTAAMO_PAGE_CACHE_S_MAXAGE)
            cache.set(key, self.stored(response), settings.KOHTAAMO_PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response

    @staticmethod
    def applies_to(request) -> bool:
        if not settings.KOHTAAMO_PAGE_CACHE or request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return False
        return not request.path.startswith(NEVER_CACHED_PREFIXES)

    @staticmethod
    def changes_content(request, response) -> bool:
        """A change made in the admin, bulk updates that send no signal included. The editor's live preview
        posts the form on every pause in typing and changes nothing."""
        return (
            request.method == "POST"
            and request.path.startswith("/admin/")
            and not request.path.endswith("/preview/")
            and response.status_code < 400
        )

    @staticmethod
    def key(request) -> str:
        # The address alone decides the language (pages.middleware.LocaleMiddleware), so host and full path
        # (query string included) name the page; the version makes every older entry unreachable.
        parts = [freshness.version(), request.scheme, request.get_host(), request.get_full_path()]
        return ":".join(["kohtaamo", "page", *parts])

    @staticmethod
    def may_keep(response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        varies = {field.strip().lower() for field in cc_delim_re.split(response.get("Vary", "")) if field.strip()}
        # `Vary: Cookie` comes from a page that looked at the session (the week shows staff-only activities to
        # staff): for every request that reaches this cache, with no session or message cookie, that look
        # found the same empty session. A page that rendered a CSRF token sets its cookie, so it is not kept.
        if varies - {"accept-encoding", "cookie"}:
            return False
        control = response.get("Cache-Control", "").lower()
        return not any(word in control for word in ("private", "no-cache", "no-store", "max-age=0"))

    @staticmethod
    def stored(response) -> tuple:
        headers = [(name, response[name]) for name in (*KEPT_HEADERS, "Cache-Control") if name in response]
        return (response.content, headers)

    @staticmethod
    def rebuild(kept: tuple) -> HttpResponse:
        content, headers = kept
        response = HttpResponse(content)
        response["Content-Length"] = str(len(content))
        for name, value in headers:
            response[name] = value
        response[HEADER] = "hit"
        return response
