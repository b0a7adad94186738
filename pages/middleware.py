"""Response fixes every page needs: truthful Vary headers, HEAD answered as HTTP says, HTML without the
templates' indentation, and the Wagtail site found without a query."""

import contextlib
import re

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.db import DatabaseError
from django.middleware import locale
from django.utils.cache import cc_delim_re, has_vary_header

from .shared import site_for_request


class LocaleMiddleware(locale.LocaleMiddleware):
    """Adds `Vary: Accept-Language` only where the browser's preference can choose the language.

    With `i18n_patterns(prefix_default_language=False)` the address alone decides: an unprefixed one is
    always in the default language. Django still marks those responses as varying by Accept-Language,
    which splits every shared cache by browser language for nothing.
    """

    def process_response(self, request, response):
        varied_before = has_vary_header(response, "Accept-Language")
        response = super().process_response(request, response)
        if not varied_before and self.address_decides_language(request):
            kept = [field for field in cc_delim_re.split(response.get("Vary", "")) if field]
            kept = [field for field in kept if field.lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            elif "Vary" in response:
                del response["Vary"]
        return response

    @staticmethod
    def address_decides_language(request) -> bool:
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
        return i18n_patterns_used and not prefixed_default_language


def head_without_body(get_response):
    """Answers HEAD with the headers of GET, Content-Length included, and no body.

    Django leaves dropping the body to the server; gunicorn does it but logs a warning for every such
    response, which would fill the log of any site watched by a monitor that uses HEAD.
    """

    def middleware(request):
        response = get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                response.streaming_content = []
            else:
                response.content = b""
        return response

    return middleware


def shared_site(get_response):
    """Puts the request's Wagtail site on it from the cache (`pages.shared`), where Wagtail would otherwise look
    it up in the database on every request."""

    def middleware(request):
        with contextlib.suppress(DatabaseError):  # left to the view: /healthz answers 503, a page the error page
            site_for_request(request)
        return get_response(request)

    return middleware


# Where whitespace is content: kept as it is.
_WHITESPACE_KEPT = re.compile(rb"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_INDENTATION = re.compile(rb"\n\s+")


def compact_html(get_response):
    """Drops the templates' indentation from public HTML: each line break with the white space after it becomes
    one line break, which a browser shows the same way, except inside `<pre>`, `<textarea>`, `<script>` and
    `<style>`. About a tenth of a page's bytes, for a few hundredths of a millisecond; the page cache keeps the
    result. Below CommonMiddleware, which then counts Content-Length; the admin is left as it is."""

    def middleware(request):
        response = get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith("/admin/")
        ):
            response.content = compact(response.content)
        return response

    return middleware


def compact(html: bytes) -> bytes:
    parts, done = [], 0
    for kept in _WHITESPACE_KEPT.finditer(html):
        parts += [_INDENTATION.sub(b"\n", html[done : kept.start()]), kept.group()]
        done = kept.end()
    parts.append(_INDENTATION.sub(b"\n", html[done:]))
    return b"".join(parts)
