"""Response fixes every page needs: truthful Vary headers, and HEAD answered as HTTP says."""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware import locale
from django.utils.cache import cc_delim_re, has_vary_header


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
