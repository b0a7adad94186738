"""While the database is down: a short page in the reader's language that says to try again in a moment.

A request that fails because the database cannot be reached (Django's OperationalError or InterfaceError: no
connection, a missing database, a lock held too long) is answered 503 with `Retry-After`, never cached, instead
of the generic error page. Other database errors (an IntegrityError, say) are faults of ours and stay 500.

The error may come from a view, from rendering its template or the 404 page, or from a middleware below this
one (the page cache works out its content version with a few queries). Django turns each of those into a 500
response before this middleware sees it, so the cause is noted on the request when Django announces the
exception (`got_request_exception`, which it sends for every uncaught one) and read here. The page needs no
database: the language comes from the address (Wagtail's locale lookup is down too), the text from the
catalogs, the look from the site's stylesheet.
"""

import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

RETRY_AFTER_SECONDS = 30
UNREACHABLE = (OperationalError, InterfaceError)
_NOTED = "_kohtaamo_database_unreachable"


def note_unreachable_database(sender, request=None, **kwargs) -> None:
    """Marks the request whose uncaught exception (being handled now) says the database cannot be reached."""
    if request is not None and isinstance(sys.exc_info()[1], UNREACHABLE):
        setattr(request, _NOTED, True)


got_request_exception.connect(note_unreachable_database, dispatch_uid="kohtaamo-database-unreachable")


def database_unavailable(get_response):
    """Replaces the error response of a request that failed on an unreachable database with the 503 page."""

    def middleware(request):
        response = get_response(request)
        if response.status_code == 500 and getattr(request, _NOTED, False):
            return unavailable_response(request)
        return response

    return middleware


def unavailable_response(request) -> HttpResponse:
    """The 503 page in the language of the address, with `Retry-After`, never kept by any cache."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    again = request.get_full_path()
    if not url_has_allowed_host_and_scheme(again, allowed_hosts=None):
        again = ""  # an address such as "//…" would lead to another site: no link then
    with translation.override(language):
        content = render_to_string("503.html", {"again_url": again, "site_name": settings.WAGTAIL_SITE_NAME})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Content-Language"] = language
    response["Content-Length"] = str(len(response.content))
    add_never_cache_headers(response)
    return response
