"""The site search (`/haku/`): pages, partners and what higher apps add, in one list, most relevant first.

Each kind of result is a `SearchSource`: the rows of an indexed model the reader may find (published, in
their language) and how one shows as a `SearchResult`. Pages and partners are built in; higher apps add
their kinds through the `SEARCH_SOURCES` hook (pages/hooks.py), so `pages` never imports them. A result is
a row with every word of the query at a word beginning (pages/search_index.py); relevance scores of all
sources are comparable, so they sort together.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.utils.text import capfirst
from wagtail import hooks
from wagtail.models import Page, get_page_models

from .freshness import remember
from .hooks import SEARCH_SOURCES
from .models import Partner, PartnersPage
from .search_index import SCORE, matching
from .search_text import search_words
from .shared import active_locale, public_pages

MAX_RESULTS_PER_SOURCE = 100
"""The most relevant rows of each kind; more than ten pages of results would not be read."""


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    text: str = ""
    """A sentence or two about it; the template shortens it to 30 words."""
    kind: str = ""
    """What it is when it is not a page ("Partner"), shown beside the title."""


@dataclass(frozen=True)
class SearchSource:
    queryset: QuerySet
    """Rows of an indexed model (`index.Indexed`) that the reader may find: published, in their language."""
    result: Callable[[Any], SearchResult]


def search_site(request, text: str) -> list[SearchResult]:
    """What the reader finds with the words of `text`, in their language, most relevant first."""
    words = search_words(text)
    if not words:
        return []
    language_code = active_locale().language_code
    found = []
    for source in search_sources(request):
        rows = matching(source.queryset, words, language_code).order_by(f"-{SCORE}", "pk")
        found.extend((getattr(row, SCORE), source.result(row)) for row in rows[:MAX_RESULTS_PER_SOURCE])
    found.sort(key=lambda scored: (-scored[0], scored[1].title))
    return [result for _score, result in found]


def search_sources(request) -> list[SearchSource]:
    sources = [pages_source(request), partners_source(request)]
    sources += [fn(request) for fn in hooks.get_hooks(SEARCH_SOURCES)]
    return [source for source in sources if source is not None]


def pages_source(request) -> SearchSource:
    pages = public_pages(Page.objects.live().filter(locale=active_locale(), depth__gt=1))
    return SearchSource(
        queryset=pages.annotate(intro_text=intro_text()),
        result=lambda page: SearchResult(
            title=page.title,
            url=page.get_url(request),
            text=page.search_description or page.intro_text or "",
        ),
    )


def intro_text() -> Coalesce:
    """A page's lead paragraph (`intro`, on the page types that have one), read beside the page in one query
    rather than from each page type's own table in a query of its own."""
    intros = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values("intro")[:1], output_field=TextField())
        for model in get_page_models()
        if any(field.name == "intro" for field in model._meta.concrete_fields)
    ]
    return Coalesce(*intros, Value(""), output_field=TextField())


def partners_source(request) -> SearchSource | None:
    """Partners in the reader's language (or the default one when not translated), each linking to its own page."""
    locale = active_locale()
    partners_pages = public_pages(PartnersPage.objects.live().filter(locale=locale))
    partners_page = remember("public-partners-page", partners_pages.first, locale.pk)
    if partners_page is None:
        return None
    base_url = partners_page.get_url(request).rstrip("/")
    kind = capfirst(Partner._meta.verbose_name)
    return SearchSource(
        queryset=Partner.objects.localized(),
        result=lambda partner: SearchResult(
            title=partner.name,
            url=f"{base_url}/{partners_page.reverse_subpage('partner_route', args=[partner.slug])}",
            text=partner.description,
            kind=kind,
        ),
    )
