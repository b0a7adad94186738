from django import template

from pages import navigation

register = template.Library()


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


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    return {"request": request, **navigation.footer_context(request)}
