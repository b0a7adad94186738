"""Demo content of the pages app in fi, sv and en: support types, partners, the directory, the model
pages, the visiting page, the legal pages and the place's facts.

`home.demo` calls `load()` under the demo home pages. Every loader creates only what is missing and
returns what it made, so the demos of higher apps can build on it (an activity's organiser is one of
`PagesDemo.partners`).
"""

from dataclasses import dataclass

from wagtail.models import Page, Site

from ..models import Partner, SupportType
from . import help, legal, model_section, partners, place, support_types


@dataclass
class PagesDemo:
    support_types: dict[str, dict[str, SupportType]]
    """By short name, then language."""
    partners: dict[str, dict[str, Partner]]
    """By short name, then language."""
    pages: dict[str, dict[str, Page]]
    """By slug, then language."""


def reset() -> None:
    """Delete the snippets the demo makes; deleting the pages is the home app's part."""
    Partner.objects.all().delete()
    SupportType.objects.all().delete()


def load(site: Site, homes: dict[str, Page]) -> PagesDemo:
    support = support_types.load()
    made = PagesDemo(support_types=support, partners=partners.load(support), pages={})
    made.pages["apua"] = help.load(homes, pictures=True)
    made.pages["toimijat"] = partners.load_page(homes, pictures=True)
    made.pages["tule-kaymaan"] = place.load_page(homes, pictures=True)
    made.pages.update(model_section.load(homes, pictures=True))
    made.pages.update({page["fi"].slug: page for page in legal.load(homes).values()})
    settings = place.load_settings(site, made.partners)
    if settings.accessibility_page_id is None or settings.privacy_page_id is None:
        settings.accessibility_page = made.pages["saavutettavuus"]["fi"]
        settings.privacy_page = made.pages["tietosuoja"]["fi"]
        settings.save()
    return made
