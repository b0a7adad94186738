"""Site-wide search over the live, public pages of the reader's language."""

from wagtail.models import Locale, Page


def search_pages(query: str):
    return Page.objects.live().public().filter(locale=Locale.get_active(), depth__gt=1).specific().search(query)
