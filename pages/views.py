"""Site-wide views: the page view, search, health check, robots.txt, sitemap, web app manifest and the error pages."""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve as static_serve
from wagtail import views as wagtail_views

from .forms import SearchForm
from .models import SiteSettings
from .navigation import public_url
from .patterns import pattern_context
from .search import search_site
from .shared import route
from .sitemaps import LocalizedSitemap

SEARCH_RESULTS_PER_PAGE = 10
# A rendition's file name changes with the image and the filter, so a day's caching is safe.
IMAGE_MAX_AGE = 24 * 60 * 60


@require_safe
def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid():
        paginator = Paginator(search_site(request, form.cleaned_data["q"]), SEARCH_RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("sivu"))
    query = urlencode({"q": form.cleaned_data["q"]}) if results is not None else ""
    return render(request, "pages/search.html", {"form": form, "results": results, "query": query})


@require_safe
@cache_control(public=True, max_age=IMAGE_MAX_AGE)
def image_file(request, path):
    """An uploaded image or a rendition of one. Documents are not here: Wagtail serves them, checking privacy."""
    return static_serve(request, path, document_root=settings.MEDIA_ROOT)


@require_safe
@cache_control(private=True, no_store=True)
def patterns(request):
    """Every shared component with its states. Open to all in development, otherwise to staff only."""
    if not settings.DEBUG and not request.user.has_perm("wagtailadmin.access_admin"):
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    response = render(request, "pages/patterns.html", pattern_context())
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@cache_control(no_store=True)
def healthz(request):
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {public_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": LocalizedSitemap(request)})


# The stylesheet's --accent (the header) and --paper (the page), static/css/site.css.
THEME_COLOUR = "#0a5c63"
BACKGROUND_COLOUR = "#fffdf8"


@require_safe
@cache_control(max_age=60 * 60 * 24)
def web_manifest(request):
    """The web app manifest: the place's name as editors wrote it, the site's colours and icons.

    A view rather than a static file because the name is a site setting (each place its own).
    """
    name = SiteSettings.for_request(request).place_name or settings.WAGTAIL_SITE_NAME
    icons = [
        {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {"src": static("icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
    ]
    manifest = {
        "name": name,
        "short_name": name,
        "lang": settings.LANGUAGE_CODE,
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "minimal-ui",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
    }
    return JsonResponse(manifest, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


def bad_request(request, exception=None):
    """A request the site cannot take, such as one with too many parameters (Django's limit is 1,000)."""
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token, usually because it stayed open too long: lead back to it."""
    return render(request, "403_csrf.html", {"form_url": _same_site_referer(request)}, status=403)


def _same_site_referer(request) -> str:
    """The path and query of the page the request came from when it is on this site, else ""."""
    referer = request.headers.get("referer", "")
    if not url_has_allowed_host_and_scheme(referer, {request.get_host()}, require_https=request.is_secure()):
        return ""
    return urlsplit(referer)._replace(scheme="", netloc="").geturl()


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """A static page in all three languages: when something broke, render as little as possible. Its one
    inline style carries the request's CSP nonce (absent when the error came before that middleware)."""
    nonce = str(request.csp_nonce) if hasattr(request, "csp_nonce") else ""
    return HttpResponse(loader.get_template("500.html").render({"csp_nonce": nonce}), status=500)


def serve(request, path: str):
    """Wagtail's page view, with the page found through the cache (`pages.shared.route`): the site's home page
    in the reader's language and each step down the tree are remembered, where Wagtail would look up the
    locale and the translated home page on every request. Wagtail then uses what is on the request."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    return wagtail_views.serve(request, path)
