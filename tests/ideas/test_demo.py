"""The ideas demo: every status, children's ideas, three languages and another, an open vote before the
upcoming co-development day and a closed one with a tie that prepared the last one, built once and not again.
What the meetings held decided: tests/ideas/test_demo_meetings.py."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Site

from events.demo import CO_DEVELOPMENT_DAY
from events.models import EventKind, EventPage
from ideas import codes
from ideas.demo import ideas as ideas_demo
from ideas.demo import rounds
from ideas.demo.themes import THEMES
from ideas.models import (
    PUBLIC_STATUSES,
    STATUS_ACTION,
    AgendaItem,
    Channel,
    Decision,
    Idea,
    IdeaIndexPage,
    IdeaStatus,
    IdeaTheme,
    RoundIdea,
    RoundState,
    Vote,
    VotingCode,
    VotingRound,
)
from tests.demo_case import DemoSiteTestCase

LANGUAGES = {"fi", "sv", "en"}
CHOSEN = (IdeaStatus.DECIDED, IdeaStatus.IN_PROGRESS, IdeaStatus.DONE)
"""Where the ideas the closed vote chose stand now: the co-development day decided on each."""


def run(*args) -> None:
    call_command("load_demo", *args, stdout=io.StringIO())


def snapshot():
    idea_type = ContentType.objects.get_for_model(Idea)
    return {
        "ideas": sorted(Idea.objects.values_list("submission_key", "status", "title")),
        "themes": sorted(IdeaTheme.objects.values_list("slug", flat=True)),
        "tags": sorted(Idea.themes.through.objects.values_list("content_object__submission_key", "tag__slug")),
        "rounds": sorted(VotingRound.objects.values_list("title", "opens_at", "closes_at", "event_id")),
        "entries": sorted(RoundIdea.objects.values_list("round__title", "idea__submission_key", "selected")),
        "codes": sorted(VotingCode.objects.values_list("code", "channel")),
        "votes": sorted(Vote.objects.values_list("code__code", "idea__submission_key")),
        "history": ModelLogEntry.objects.filter(content_type=idea_type, action=STATUS_ACTION).count(),
        "images": get_image_model().objects.count(),
        "pages": sorted(IdeaIndexPage.objects.values_list("locale__language_code", "url_path")),
        "decisions": sorted(
            Decision.objects.values_list(
                "meeting__url_path", "text", "status", "partner__slug", "due_date", "idea_links__idea__submission_key"
            )
        ),
        "agenda": sorted(AgendaItem.objects.values_list("meeting__url_path", "sort_order", "title", "idea__title")),
    }


@pytest.mark.django_db
def test_load_demo_twice_creates_nothing_new():
    run()
    first = snapshot()
    run()
    assert snapshot() == first
    assert len(first["ideas"]) == len(ideas_demo.IDEAS) + 1  # and the child's idea made of a wish (voice demo)
    assert len(first["rounds"]) == 2
    assert len(first["codes"]) == rounds.OPEN_CODES + rounds.CLOSED_CODES
    assert len(first["pages"]) == len(LANGUAGES)
    assert len(first["decisions"]) == 5 and len(first["agenda"]) == 9


@pytest.mark.django_db
def test_reset_builds_the_ideas_anew_without_the_old_history():
    run()
    first = snapshot()
    Idea.objects.filter(status=IdeaStatus.AWAITING).delete()
    run("--reset")
    again = snapshot()
    for part in ("themes", "history", "images", "pages", "decisions", "agenda"):
        assert again[part] == first[part], part
    assert [row[0] for row in again["ideas"]] == [row[0] for row in first["ideas"]]
    assert len(again["votes"]) == len(first["votes"])
    assert not set(again["codes"]) & set(first["codes"]), "the rounds' codes are drawn again"


@pytest.mark.django_db
def test_a_later_run_after_the_vote_closed_opens_a_new_one_for_the_same_day():
    run()
    old = VotingRound.objects.get(event__start__gt=timezone.now())
    VotingRound.objects.filter(pk=old.pk).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    # A closed round from before the demo had the co-development day held gets that day.
    closed = VotingRound.objects.get(event__end__lt=timezone.now())
    held_day = closed.event
    VotingRound.objects.filter(pk=closed.pk).update(event=None)
    run()
    assert VotingRound.objects.get(pk=closed.pk).event == held_day
    now = timezone.now()
    [new] = VotingRound.objects.open_at(now)
    assert new.pk != old.pk and new.event_id == old.event_id
    assert new.codes.count() == rounds.OPEN_CODES
    assert list(new.round_ideas().values_list("idea_id", flat=True)) == list(
        old.round_ideas().values_list("idea_id", flat=True)
    )


class IdeasDemoTests(DemoSiteTestCase):
    def demo_ideas(self):
        keys = [ideas_demo.submission_key(spec["key"]) for spec in ideas_demo.IDEAS]
        return Idea.objects.filter(submission_key__in=keys)

    def test_ideas_are_in_every_status_and_belong_to_the_demo_site(self):
        ideas = self.demo_ideas()
        assert ideas.count() >= 15
        # Every idea the last vote selected has been decided on since: "selected" shows in their timelines.
        assert set(ideas.values_list("status", flat=True)) == set(IdeaStatus.values) - {IdeaStatus.SELECTED}
        chosen = ideas.filter(pk__in=RoundIdea.objects.filter(selected=True).values("idea"))
        assert chosen.count() == 3
        for idea in chosen:
            assert IdeaStatus.SELECTED in [entry.status for entry in idea.timeline()], idea
        assert set(ideas.values_list("site", flat=True)) == {Site.objects.get(is_default_site=True).pk}

    def test_children_families_and_four_languages_have_ideas(self):
        ideas = self.demo_ideas()
        children = ideas.filter(by_child=True)
        assert children.count() >= 3
        assert children.filter(status__in=PUBLIC_STATUSES).exists(), "a child's idea is public"
        languages = set(ideas.public().values_list("language", flat=True))
        assert languages >= LANGUAGES and languages - LANGUAGES, languages
        assert ideas.public().filter(author_name="").exists(), "some ideas are shown as from a family"

    def test_no_idea_has_an_email_outside_example_org(self):
        emails = [email for email in Idea.objects.values_list("email", flat=True) if email]
        assert emails, "the demo shows an idea whose proposer wants updates"
        assert all(email.endswith("@example.org") for email in emails), emails

    def test_histories_are_real_status_changes_in_the_audit_log(self):
        done = self.demo_ideas().get(status=IdeaStatus.DONE)
        steps = [entry.status for entry in done.timeline()]
        assert steps == ["proposed", "published", "voting", "selected", "decided", "in_progress", "done"]
        moments = [entry.at for entry in done.timeline()]
        assert moments == sorted(moments) and moments[-1] < timezone.now()
        assert done.published_at == done.timeline()[1].at
        merged = self.demo_ideas().get(status=IdeaStatus.MERGED)
        assert merged.merged_into is not None and merged.merged_into.is_public and merged.status_note
        for idea in self.demo_ideas().filter(status=IdeaStatus.NOT_TAKEN_FORWARD):
            assert idea.status_note, f"{idea} says why it was not taken forward"
        for idea in self.demo_ideas().filter(status__in=(IdeaStatus.AWAITING, IdeaStatus.REJECTED)):
            assert idea.published_at is None
        assert self.demo_ideas().exclude(response="").count() >= 3

    def test_a_child_sent_a_drawing_described_in_words(self):
        drawn = self.demo_ideas().filter(photo__isnull=False)
        assert drawn.exists()
        for idea in drawn:
            assert idea.by_child and idea.is_public and idea.photo_alt
            assert (idea.photo.width, idea.photo.height) == (800, 600)

    def test_themes_are_named_in_three_languages(self):
        themes = IdeaTheme.objects.filter(slug__in=THEMES)
        assert themes.count() == len(THEMES) >= 6
        for theme in themes:
            assert theme.name and theme.name_sv and theme.name_en
            assert theme.tagged_ideas.exists(), theme.slug

    def test_the_ideas_page_is_in_three_languages_with_the_finnish_address(self):
        pages = {page.locale.language_code: page for page in IdeaIndexPage.objects.select_related("locale")}
        assert set(pages) == LANGUAGES
        assert len({page.title for page in pages.values()}) == len(LANGUAGES)
        for language, page in pages.items():
            assert page.url_path.endswith("/ideat/"), page.url_path
            assert page.intro and len(page.body) >= 2, language
            assert page.live and page.get_parent().specific.__class__.__name__ == "HomePage"

    def test_the_open_vote_prepares_the_upcoming_co_development_day_and_is_open_now(self):
        now = timezone.now()
        [voting_round] = VotingRound.objects.open_at(now)
        day = voting_round.event
        assert day.kind == EventKind.CO_DEVELOPMENT_DAY and day.slug.startswith(CO_DEVELOPMENT_DAY)
        assert day.locale.language_code == "fi" and day.start > now
        upcoming = EventPage.objects.filter(kind=EventKind.CO_DEVELOPMENT_DAY, start__gt=now, locale=day.locale)
        assert day == upcoming.get()
        assert voting_round.opens_at < now < voting_round.closes_at < day.start
        assert voting_round.votes_per_code == 3 and not voting_round.results_live
        assert not voting_round.results_visible(now)
        ideas = [entry.idea for entry in voting_round.round_ideas()]
        assert 5 <= len(ideas) <= 7
        assert {idea.status for idea in ideas} == {IdeaStatus.VOTING}
        results = voting_round.results()
        assert results.codes_issued == 60
        assert 0 < results.codes_used < results.codes_issued
        assert voting_round.codes.filter(channel=Channel.PAPER).exists()
        assert all(0 < len(Vote.objects.ballot(code).idea_ids) <= 3 for code in used_codes(voting_round))

    def test_every_idea_in_a_vote_now_is_in_the_open_round(self):
        [voting_round] = VotingRound.objects.open_at(timezone.now())
        in_round = set(voting_round.ideas.values_list("pk", flat=True))
        assert set(self.demo_ideas().filter(status=IdeaStatus.VOTING).values_list("pk", flat=True)) == in_round

    def test_the_closed_vote_has_a_winner_a_tie_and_the_chosen_ideas_marked(self):
        now = timezone.now()
        voting_round = VotingRound.objects.get(closes_at__lte=now)
        assert voting_round.state(now) == RoundState.CLOSED and voting_round.results_visible(now)
        day = voting_round.event
        assert day.kind == EventKind.CO_DEVELOPMENT_DAY and day.locale.language_code == "fi" and voting_round.title
        assert voting_round.closes_at < day.start < day.end < now
        results = voting_round.results()
        assert results.codes_issued == 40 and 0 < results.codes_used < 40
        ranks = [row.rank for row in results.rows]
        assert ranks[0] == 1 and ranks.count(1) == 1, "one clear winner"
        assert len(ranks) != len(set(ranks)), "two ideas share a rank"
        votes = [row.votes for row in results.rows]
        assert votes == sorted(votes, reverse=True) and results.votes == sum(votes)
        chosen = [row for row in results.rows if row.selected]
        assert chosen == results.rows[: len(chosen)] and len(chosen) == 3
        tied = [row for row in results.rows if ranks.count(row.rank) > 1]
        assert all(row.selected for row in tied), "both tied ideas were chosen"
        assert {row.idea.status for row in chosen} == set(CHOSEN)
        not_chosen = [row.idea for row in results.rows if not row.selected]
        assert not Decision.objects.filter(meeting=day, idea_links__idea__in=not_chosen).exists()
        for idea in not_chosen:  # one left out may still be decided on later, at another meeting
            if idea.status in CHOSEN:
                assert Decision.objects.filter(idea_links__idea=idea).exclude(meeting=day).exists(), idea
        assert all(len(Vote.objects.ballot(code).idea_ids) <= 3 for code in used_codes(voting_round))
        assert not Vote.objects.filter(round=voting_round, cast_at__gte=voting_round.closes_at).exists()

    def test_no_public_page_shows_a_voting_code(self):
        printed = {code.printed for code in VotingCode.objects.all()} | set(
            VotingCode.objects.values_list("code", flat=True)
        )
        assert all(codes.normalize(code) for code in printed)
        pages = IdeaIndexPage.objects.select_related("locale")
        for page in pages:
            for route in ("", page.reverse_subpage("vote")):
                with self.subTest(url=page.url + route):
                    response = self.client.get(page.url + route)
                    assert response.status_code == 200
                    body = response.content.decode()
                    assert not [code for code in printed if code in body]


def used_codes(voting_round):
    return voting_round.codes.exclude(channel="")
