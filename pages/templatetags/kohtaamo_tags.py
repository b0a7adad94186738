import datetime
import functools

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.rich_text import expand_db_html

from pages import components, navigation, phone

register = template.Library()


@register.simple_tag(name="icon")
def _icon(name: str, css_class: str = ""):
    """`{% icon "calendar" %}` or `{% icon name "icon-l" %}`: a symbol of the sprite (`static/icons/icons.svg`),
    hidden from screen readers, whose text beside it says what it means. A tag rather than an included template:
    a page draws dozens, and a tag costs a fraction of an include."""
    return format_html(
        '<svg class="{}" aria-hidden="true"><use href="{}#{}"></use></svg>',
        f"icon {css_class}" if css_class else "icon",
        _sprite(),
        name,
    )


@register.simple_tag
def tag(text: str, icon: str = "", variant: str = ""):
    """`{% tag text icon="check" variant="sun" %}`: a short label (a status, a theme, "Today"); `variant` is
    `warm`, `sun` or `quiet`. A tag for the same reason as `icon`: a list of ideas draws a hundred."""
    return format_html(
        '<span class="{}">{}{}</span>',
        f"tag tag--{variant}" if variant else "tag",
        _icon(icon) if icon else "",
        text,
    )


@functools.cache
def _sprite() -> str:
    return static("icons/icons.svg")


def _forget_sprite(*, setting, **kwargs):
    if setting in {"STATIC_URL", "STORAGES"}:
        _sprite.cache_clear()


setting_changed.connect(_forget_sprite)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    page = context.get("page")
    items = []
    for item in navigation.menu_pages(request):
        current = None
        if page is not None and page.path.startswith(item.path):
            # A sub-route (a partner under the partners page) is inside the item, not the item itself.
            is_item = page.pk == item.pk and request.path == item.get_url(request)
            current = "page" if is_item else "true"
        items.append((item, current))
    # The search page has its own form; one search landmark a page.
    match = getattr(request, "resolver_match", None)
    return {"items": items, "request": request, "show_search": not (match and match.url_name == "search")}


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
def choice_input(choice) -> str:
    """`{{ choice|choice_input }}`: the radio button or checkbox of one of a bound field's choices, the same
    markup as `{{ choice.tag }}`, which renders two of Django's widget templates per choice; a filter with
    twenty choices costs a few milliseconds less."""
    option = choice.data
    attributes = format_html_join(
        "",
        " {}{}",
        (
            (name, "" if value is True else format_html('="{}"', f"{value}"))
            for name, value in option["attrs"].items()
            if value is not False
        ),
    )
    value = "" if option["value"] is None else format_html(' value="{}"', f"{option['value']}")
    return format_html('<input type="{}" name="{}"{}{}>', option["type"], option["name"], value, attributes)


@register.filter
def time_range(start: datetime.time, end: datetime.time) -> str:
    """`{{ row.opens|time_range:row.closes }}` gives "9.00–15.00"."""
    return components.time_range(start, end)


@register.simple_tag
def when(start, end=None) -> components.Moment:
    """`{% when event.start event.end as moment %}` for `components/datetime.html`."""
    return components.moment(start, end)


@register.simple_tag
def contact_facts(phone: str = "", email: str = "", website: str = "", icons: bool = True) -> list[components.Fact]:
    """`{% contact_facts phone=p.phone email=p.email as facts %}` for `components/facts.html`."""
    return components.contact_facts(phone, email, website, icons)


@register.simple_tag
def opening_hours_table(rows, caption: str = "") -> components.Table:
    """`{% opening_hours_table rows as table %}` for `components/table.html`."""
    return components.opening_hours_table(rows, caption)


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


@register.simple_tag(takes_context=True)
def page_href(context, page) -> str:
    """`{% page_href page as url %}`: `{% pageurl %}` for passing on to a component."""
    return page.get_url(context.get("request")) or ""


@register.simple_tag
def closure_lines(closures) -> list[str]:
    """`{% closure_lines closures as lines %}`: a line per closure for `components/notice.html`'s items."""
    return components.closure_lines(closures)


@register.filter
def clean_richtext(value, features: str = "h3,bold,italic,ol,ul,link"):
    """`{{ page.minutes|clean_richtext }}`: rich text as `richtext` renders it, then cleaned to the editor's
    features (comma-separated), so markup that reached the database some other way (an import, a script) cannot
    carry a script, an event handler or a `javascript:` link into a public page."""
    if not value:
        return ""
    whitelister = EditorHTMLConverter(features=features.split(",")).whitelister
    return mark_safe(whitelister.clean(expand_db_html(str(value))))  # noqa: S308 - cleaned to the allow-list
