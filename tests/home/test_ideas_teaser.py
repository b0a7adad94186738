"""The home page's ideas block: vote while a round is open, otherwise propose an idea."""

import datetime
import re

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Site

from ideas.models import IdeaIndexPage, VotingRound
from pages import freshness
from pages.components import moment
from tests.demo_case import DemoSiteTestCase

HOMES = {"fi": "/", "sv": "/sv/", "en": "/en/"}
VOTE_HEADING = "Vote on ideas before the co-development day"
PROPOSE_HEADING = "Have an idea?"


def teaser(body: str) -> str:
    """The ideas block of the home page, or "" when it has none."""
    found = re.search(r'<section[^>]*aria-labelledby="ideas-heading".*?</section>', body, re.S)
    return found.group(0) if found else ""


class IdeasTeaserTests(DemoSiteTestCase):
    def get(self, language: str) -> str:
        response = self.client.get(HOMES[language])
        assert response.status_code == 200
        return response.content.decode()

    def close_open_rounds(self):
        VotingRound.objects.open_at(timezone.now()).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))

    def test_an_open_round_asks_families_to_vote_before_it_closes(self):
        [voting_round] = VotingRound.objects.open_at(timezone.now())
        for language, prefix in HOMES.items():
            with self.subTest(language=language):
                block = teaser(self.get(language))
                with translation.override(language):
                    heading = gettext(VOTE_HEADING)
                    closes = moment(voting_round.closes_at)
                assert f">{heading}</h2>" in block
                assert f'href="{prefix}ideat/aanesta/"' in block
                assert f'href="{prefix}ideat/ehdota/"' in block
                assert closes.date_text in block and closes.time_text in block
                assert gettext(PROPOSE_HEADING) not in block

    def test_without_an_open_round_it_asks_for_ideas_and_links_to_them(self):
        self.close_open_rounds()
        for language, prefix in HOMES.items():
            with self.subTest(language=language):
                block = teaser(self.get(language))
                with translation.override(language):
                    heading = gettext(PROPOSE_HEADING)
                assert f">{heading}</h2>" in block
                assert f'href="{prefix}ideat/ehdota/"' in block
                assert f'href="{prefix}ideat/"' in block
                assert "aanesta" not in block

    def test_a_round_not_open_yet_is_not_offered(self):
        voting_round = VotingRound.objects.open_at(timezone.now()).get()
        VotingRound.objects.filter(pk=voting_round.pk).update(opens_at=timezone.now() + datetime.timedelta(days=1))
        assert "aanesta" not in teaser(self.get("fi"))

    def test_a_round_of_another_meeting_place_is_not_offered(self):
        home = Site.objects.get(is_default_site=True).root_page
        other = Site.objects.create(hostname="toinen.example.org", port=80, root_page=home, site_name="Toinen")
        VotingRound.objects.open_at(timezone.now()).update(site=other)
        assert "aanesta" not in teaser(self.get("fi"))

    def test_no_ideas_page_no_block(self):
        IdeaIndexPage.objects.get(locale__language_code="en").unpublish()
        assert teaser(self.get("en")) == ""
        assert teaser(self.get("fi"))

    @override_settings(KOHTAAMO_PAGE_CACHE=False)
    def test_the_open_round_is_looked_up_once_per_content_version(self):
        def round_queries() -> list[str]:
            freshness.version()  # its first read asks the apps when the clock next changes a page, rounds too
            with CaptureQueriesContext(connection) as queries:
                self.get("fi")
            return [query["sql"] for query in queries.captured_queries if "ideas_votinground" in query["sql"]]

        assert len(round_queries()) == 1
        assert round_queries() == []
        self.close_open_rounds()
        freshness.bump()  # what saving a round does; `update()` sends no signal
        assert len(round_queries()) == 1
        assert "aanesta" not in teaser(self.get("fi"))
