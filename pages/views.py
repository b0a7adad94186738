"""Site-wide views: search, health check, robots.txt, sitemap and the error pages."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .forms import SearchForm
from .search import search_pages
from .sitemaps import LocalizedSitemap

SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid():
        paginator = Paginator(search_pages(form.cleaned_data["q"]), SEARCH_RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("sivu"))
    return render(request, "pages/search.html", {"form": form, "results": results})


@require_GET
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


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /haku/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": LocalizedSitemap(request)})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """A static page in all three languages: when something broke, render as little as possible."""
    return HttpResponse(loader.get_template("500.html").render(), status=500)
