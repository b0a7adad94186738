"""The named Wagtail hooks where higher apps add to what `pages` shows; the README lists every app's hooks.

An app registers a function for a hook in its `wagtail_hooks.py` (`@hooks.register(PARTNER_PAGE_SECTIONS)`),
so `pages` shows what it adds without importing it. Tests use `hooks.register_temporarily`.
"""

from wagtail import hooks

PARTNER_PAGE_SECTIONS = "kohtaamo_partner_page_sections"
"""fn(partner) -> (template_name, context) or None. Each answer is a section of the partner's own page,
rendered with its context as `section`, after the support it gives."""


def partner_page_sections(partner) -> list[tuple[str, dict]]:
    return [answer for fn in hooks.get_hooks(PARTNER_PAGE_SECTIONS) if (answer := fn(partner)) is not None]
