"""The named Wagtail hooks where higher apps add to what `pages` shows; the README lists every app's hooks.

An app registers a function for a hook in its `wagtail_hooks.py` (`@hooks.register(PARTNER_PAGE_SECTIONS)`),
so `pages` shows what it adds without importing it. Tests use `hooks.register_temporarily`.
"""

from dataclasses import dataclass

from wagtail import hooks

PARTNER_PAGE_SECTIONS = "kohtaamo_partner_page_sections"
"""fn(request, partner) -> (template_name, context) or None. Each answer is a section of the partner's own
page, rendered with its context as `section`, after the support it gives."""


def partner_page_sections(request, partner) -> list[tuple[str, dict]]:
    answers = (fn(request, partner) for fn in hooks.get_hooks(PARTNER_PAGE_SECTIONS))
    return [answer for answer in answers if answer is not None]


PARTNER_CARD_NOTES = "kohtaamo_partner_card_notes"
"""fn(request, partners) -> {partner.translation_key: text}. A short line on each partner's card in the
directory (`/toimijat/`), such as the days it is at the place. Called once for the whole list."""


def partner_card_notes(request, partners) -> dict:
    notes: dict = {}
    for fn in hooks.get_hooks(PARTNER_CARD_NOTES):
        for key, text in fn(request, partners).items():
            notes[key] = f"{notes[key]} {text}" if key in notes else text
    return notes


CLOSURES = "kohtaamo_closures"
"""fn(request, first_date, last_date) -> iterable of objects with `first_date`, `last_date` and `reason`:
days when the whole place is closed. The opening hours (home page, visiting page) follow them."""


def closures(request, first_date, last_date) -> list:
    return [closure for fn in hooks.get_hooks(CLOSURES) for closure in fn(request, first_date, last_date)]


SEARCH_SOURCES = "kohtaamo_search_sources"
"""fn(request) -> pages.search.SearchSource or None. Each source adds a kind of result to the site search
(`/haku/`): the indexed rows the reader may find, in their language, and how each one shows."""

CLOCK_CHANGES = "kohtaamo_clock_changes"
"""fn(now) -> datetime or None. The next moment after `now` when a public page of the app changes by the clock
alone (an event starts or ends, sign-up closes, a vote opens or closes). The content version
(`pages.freshness`) is remade then, so no cached page outlives it."""

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
