from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from pages import views as page_views

urlpatterns = [
    path("healthz", page_views.healthz, name="healthz"),
    path("robots.txt", page_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", page_views.sitemap, name="sitemap"),
    path("manifest.webmanifest", page_views.web_manifest, name="web_manifest"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^media/(?P<path>(?:images|original_images)/[^/]+)$", page_views.image_file, name="image_file")
    )

urlpatterns += i18n_patterns(
    path("haku/", page_views.search, name="search"),
    path("komponentit/", page_views.patterns, name="patterns"),
    path("ilmoittautuminen/", include("events.urls")),
    # Wagtail's own page address, to our view that finds the page through the cache; Wagtail's other
    # addresses (and its name for this one) stay as Wagtail has them.
    re_path(serve_pattern, page_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "pages.views.bad_request"
handler404 = "pages.views.page_not_found"
handler500 = "pages.views.server_error"
