"""The Atom feeds of a meeting place: newly published ideas (`/ideat/syote/`) and new decisions
(`/ideat/sanoitte-teimme/syote/`).

Titles go out as Atom text (XML-escaped by the generator, never read as markup); the description goes out
as Atom HTML, so it is HTML-escaped first and a `<script>` in it reaches a feed reader as the visible text.
"""

from django.contrib.syndication.views import Feed
from django.template.defaultfilters import truncatechars
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from pages.navigation import public_url

FEED_ITEMS = 30


class PageFeed(Feed):
    """An Atom feed of the ideas page `page`, answered by one of its routes."""

    feed_type = Atom1Feed

    def __init__(self, page):
        super().__init__()
        self.page = page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def feed_url(self, page):
        return public_url(self.request.path)


class IdeaFeed(PageFeed):
    """The newest FEED_ITEMS published ideas of `page`'s meeting place, each linking to its own page."""

    def title(self, page):
        return _("New ideas: %(page)s") % {"page": page.title}

    def subtitle(self, page):
        return _("Ideas that families have proposed, as soon as staff have published them.")

    def link(self, page):
        return public_url(page.get_url(self.request))

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


class DecisionFeed(PageFeed):
    """The newest FEED_ITEMS public decisions of `page`'s meeting place: what was decided, on which day, about
    which ideas. Each links to the first idea it concerns, else its public meeting, else "you said, we did"."""

    def title(self, page):
        return _("Decisions: %(page)s") % {"page": page.title}

    def subtitle(self, page):
        return _("What meetings decided about families' ideas, as soon as staff have recorded it.")

    def link(self, page):
        return public_url(page.route_url(self.request, "you_said"))

    def items(self, page):
        return page.newest_decisions(self.request, FEED_ITEMS)

    def item_title(self, decision):
        return truncatechars(" ".join(decision.text.split()), 100)

    def item_description(self, decision):
        parts = [linebreaks(escape(decision.text))]
        if decision.public_links:
            titles = ", ".join(escape(link.idea.title) for link in decision.public_links)
            parts.append(f"<p>{escape(_('Ideas'))}: {titles}</p>")
        parts.append(f"<p>{escape(decision.get_status_display())}</p>")
        return "".join(parts)

    def item_link(self, decision):
        if decision.public_links:
            return public_url(self.page.idea_url(self.request, decision.public_links[0].idea_id))
        if decision.meeting_page is not None:
            return public_url(decision.meeting_page.get_url(self.request))
        return public_url(self.page.route_url(self.request, "you_said"))

    def item_guid(self, decision):
        return f"{self.link(self.page)}#paatos-{decision.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, decision):
        return decision.created_at

    def item_updateddate(self, decision):
        return max(decision.created_at, decision.status_changed_at)
