"""Sections that higher apps add to a partner's page, without `pages` importing them.

An app that knows more about a partner (events: its drop-in hours) registers a function at start-up
(`AppConfig.ready`). The function takes the partner and returns `(template_name, context)`, or None
when it has nothing to show.
"""

from collections.abc import Callable

Section = Callable[[object], tuple[str, dict] | None]
_sections: list[Section] = []


def register(section: Section) -> Section:
    if section not in _sections:
        _sections.append(section)
    return section


def sections_for(partner) -> list[tuple[str, dict]]:
    return [result for section in _sections if (result := section(partner)) is not None]
