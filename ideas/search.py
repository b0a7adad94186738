"""Ideas in the site search (`/haku/`), registered on the `SEARCH_SOURCES` hook in wagtail_hooks.py."""

from django.utils.text import capfirst
from django.utils.translation import get_language
from wagtail.models import Site

from pages.search import SearchResult, SearchSource

from .models.ideas import Idea
from .models.pages import IdeaIndexPage


def ideas_source(request) -> SearchSource | None:
    """The public ideas of the request's meeting place, whatever language they are written in, each linking
    to its page under the ideas page in the reader's language."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    page = IdeaIndexPage.for_site(site, get_language())
    if page is None:
        return None
    kind = capfirst(Idea._meta.verbose_name)
    return SearchSource(
        queryset=Idea.objects.for_site(site).public(),
        result=lambda idea: SearchResult(
            title=idea.title, url=page.idea_url(request, idea.pk), text=idea.description, kind=kind
        ),
    )
