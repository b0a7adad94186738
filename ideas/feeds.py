"""The Atom feed of a meeting place's newly published ideas (`/ideat/syote/`).

Titles go out as Atom text (XML-escaped by the generator, never read as markup); the description goes out
as Atom HTML, so it is HTML-escaped first and a `<script>` in it reaches a feed reader as the visible text.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from pages.navigation import public_url

FEED_ITEMS = 30


class IdeaFeed(Feed):
    """The newest FEED_ITEMS published ideas of `page`'s meeting place, each linking to its own page."""

    feed_type = Atom1Feed

    def __init__(self, page):
        super().__init__()
        self.page = page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def title(self, page):
        return _("New ideas: %(page)s") % {"page": page.title}

    def subtitle(self, page):
        return _("Ideas that families have proposed, as soon as staff have published them.")

    def link(self, page):
        return public_url(page.get_url(self.request))

    def feed_url(self, page):
        return public_url(self.request.path)

    def items(self, page):
        return page.newest_ideas(page.place(), FEED_ITEMS)

    def item_title(self, idea):
        return idea.title

    def item_description(self, idea):
        return linebreaks(escape(idea.description))

    def item_link(self, idea):
        return public_url(self.page.idea_url(self.request, idea.pk))

    def item_pubdate(self, idea):
        return idea.published_at

    def item_updateddate(self, idea):
        return max(idea.published_at, idea.status_changed_at)

    def item_author_name(self, idea):
        return idea.shown_name

    def item_categories(self, idea):
        return [theme.label for theme in idea.theme_list]
