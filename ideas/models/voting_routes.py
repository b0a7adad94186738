"""The voting routes of `/ideat/`: entering a code, the ballot, and a round's results."""

from wagtail.contrib.routable_page.models import path  # noqa: F401 - the routes use it


class VotingRoutes:
    """Mixed into `IdeaIndexPage`."""
