"""The ideas routes of `/ideat/`: the list, proposing, an idea's page, the Atom feed and open data."""

from wagtail.contrib.routable_page.models import path  # noqa: F401 - the routes use it


class IdeaRoutes:
    """Mixed into `IdeaIndexPage`."""
