"""What a page's <head> tells search engines beyond its own fields."""

from django import template
from django.conf import settings

from pages.navigation import LanguageLink
from pages.sitemaps import public_url

register = template.Library()


@register.simple_tag
def language_alternates(languages: list[LanguageLink]) -> list[tuple[str, str]]:
    """`{% language_alternates languages as alternates %}`: (hreflang, address) for `<link rel="alternate">`.

    The language links of `{% language_links %}` at the public address (search engines want absolute
    ones, as in the sitemap), and the default language's again as `x-default`.
    """
    alternates = [(language.code, public_url(language.url)) for language in languages]
    alternates += [("x-default", href) for code, href in alternates if code == settings.LANGUAGE_CODE]
    return alternates
