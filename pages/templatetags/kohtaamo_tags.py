import datetime

from django import template
from django.conf import settings
from django.utils.dateformat import time_format

from pages import navigation, phone

register = template.Library()

# Finnish usage ("9.00–15.00"); one place to change when times follow the reader's locale.
TIME_FORMAT = "G.i"


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    page = context.get("page")
    items = []
    for item in navigation.menu_pages(request):
        current = None
        if page is not None and page.path.startswith(item.path):
            current = "page" if page.pk == item.pk else "true"
        items.append((item, current))
    return {"items": items, "request": request}


@register.simple_tag(takes_context=True)
def language_links(context):
    """Use as `{% language_links as languages %}`, once per page: the header and <head> share it."""
    return navigation.language_links(context["request"], context.get("page"))


@register.simple_tag
def language_alternates(languages: list[navigation.LanguageLink]) -> list[tuple[str, str]]:
    """`{% language_alternates languages as alternates %}`: (hreflang, address) for `<link rel="alternate">`.

    The language links at the public address (search engines want absolute ones, as in the sitemap),
    and the default language's again as `x-default`.
    """
    alternates = [(language.code, navigation.public_url(language.url)) for language in languages]
    alternates += [("x-default", href) for code, href in alternates if code == settings.LANGUAGE_CODE]
    return alternates


@register.simple_tag
def home_url() -> str:
    return navigation.home_url()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current: str = ""):
    """The trail to the page; `current` names what a sub-route of the page shows (a partner)."""
    return {"crumbs": navigation.breadcrumbs(context["request"], context["page"], current)}


@register.filter
def time_range(start: datetime.time, end: datetime.time) -> str:
    """`{{ row.opens|time_range:row.closes }}` gives "9.00–15.00"."""
    return f"{time_format(start, TIME_FORMAT)}–{time_format(end, TIME_FORMAT)}"


@register.filter
def phone_display(value: str) -> str:
    """A stored number the Finnish way: "+35891234567" gives "09 123 4567"."""
    return phone.display(value)


@register.filter
def phone_uri(value: str) -> str:
    """A link target: "tel:+358…", or "" when the value is no phone number."""
    return phone.uri(value)


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    return {"request": request, **navigation.footer_context(request)}
