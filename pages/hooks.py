"""The named Wagtail hooks where higher apps add to what `pages` shows; the README lists every app's hooks.

An app registers a function for a hook in its `wagtail_hooks.py` (`@hooks.register(PARTNER_PAGE_SECTIONS)`),
so `pages` shows what it adds without importing it. Tests use `hooks.register_temporarily`.
"""

from dataclasses import dataclass

from wagtail import hooks

PARTNER_PAGE_SECTIONS = "kohtaamo_partner_page_sections"
"""fn(partner) -> (template_name, context) or None. Each answer is a section of the partner's own page,
rendered with its context as `section`, after the support it gives."""


def partner_page_sections(partner) -> list[tuple[str, dict]]:
    return [answer for fn in hooks.get_hooks(PARTNER_PAGE_SECTIONS) if (answer := fn(partner)) is not None]


SEARCH_SOURCES = "kohtaamo_search_sources"
"""fn(request) -> pages.search.SearchSource or None. Each source adds a kind of result to the site search
(`/haku/`): the indexed rows the reader may find, in their language, and how each one shows."""

STAFF_TASKS = "kohtaamo_staff_tasks"
"""fn(request) -> iterable of StaffTask. The admin dashboard's first panel lists them by `order`: what
staff do most (the week's programme, ideas awaiting moderation, sign-ups, partners)."""


@dataclass(frozen=True)
class StaffTask:
    label: str
    url: str
    detail: str = ""
    order: int = 100


def staff_tasks(request) -> list[StaffTask]:
    return sorted((task for fn in hooks.get_hooks(STAFF_TASKS) for task in fn(request)), key=lambda task: task.order)
