"""The ideas demo's meetings held: the closed vote prepared the last co-development day, whose agenda brought the
ideas it chose and which made three decisions; the community meeting after it decided too. Every idea a
decision concerns stands where its decision says, its timeline shows the step at the meeting, and "you said,
we did" lists it."""

import re

from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale

from events.models import EventKind, EventPage
from ideas.models import AgendaItem, Decision, DecisionStatus, Idea, IdeaIndexPage, IdeaStatus, RoundIdea, VotingRound
from ideas.statuses import IDEA_STATUS_FOR_DECISION, PUBLIC_STATUSES
from tests.demo_case import DemoSiteTestCase

DECIDED_STATUSES = set(IDEA_STATUS_FOR_DECISION.values())


def held(kind: str) -> EventPage:
    return EventPage.objects.get(locale__language_code="fi", kind=kind, end__lt=timezone.now())


def idea_path(idea: Idea, language: str = "fi") -> str:
    return f"{IdeaIndexPage.objects.get(locale__language_code=language).url}{idea.pk}/"


class MeetingsHeldDecisionsTests(DemoSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.day = held(EventKind.CO_DEVELOPMENT_DAY)
        cls.meeting = held(EventKind.COMMUNITY_MEETING)
        cls.closed = VotingRound.objects.get(closes_at__lte=timezone.now())

    def selected(self) -> list[Idea]:
        entries = RoundIdea.objects.filter(round=self.closed, selected=True).select_related("idea")
        return [entry.idea for entry in entries.order_by("position")]

    def test_the_closed_vote_prepared_the_co_development_day_held_and_its_page_shows_the_chosen_ideas(self):
        assert self.closed.event == self.day
        assert self.closed.closes_at < self.day.start
        chosen = self.selected()
        assert len(chosen) == 3
        for page in EventPage.objects.filter(translation_key=self.day.translation_key).select_related("locale"):
            body = self.client.get(page.url).content.decode()
            language = page.locale.language_code
            assert all(f'href="{idea_path(idea, language)}"' in body for idea in chosen), language

    def test_three_decisions_at_the_co_development_day_one_in_each_state_of_progress(self):
        decisions = list(Decision.objects.for_meeting(self.day).prefetch_related("idea_links__idea"))
        assert len(decisions) == 3
        statuses = {decision.status for decision in decisions}
        assert statuses == {DecisionStatus.DECIDED, DecisionStatus.IN_PROGRESS, DecisionStatus.DONE}
        linked = set()
        for decision in decisions:
            self.assert_well_made(decision, self.day)
            linked |= {link.idea_id for link in decision.idea_links.all()}
        assert linked == {idea.pk for idea in self.selected()}, "each chosen idea was decided on"

    def test_the_community_meeting_decided_on_ideas_it_had_on_its_agenda(self):
        decisions = list(Decision.objects.for_meeting(self.meeting).prefetch_related("idea_links__idea"))
        assert 1 <= len(decisions) <= 2
        on_agenda = set(AgendaItem.objects.filter(meeting=self.meeting).values_list("idea_id", flat=True))
        for decision in decisions:
            self.assert_well_made(decision, self.meeting)
            assert {link.idea_id for link in decision.idea_links.all()} <= on_agenda

    def assert_well_made(self, decision: Decision, meeting: EventPage) -> None:
        day = timezone.localdate(meeting.start)
        assert decision.meeting == meeting and decision.decided_on == day
        assert decision.text and decision.language == "fi"
        assert decision.partner is not None and decision.partner.locale == Locale.get_default()
        assert decision.due_date > day, decision
        assert meeting.end < decision.created_at <= decision.status_changed_at < timezone.now(), decision
        assert decision.idea_links.exists()

    def test_the_agendas_bring_the_ideas_in_order_with_their_outcomes(self):
        for meeting, least in ((self.day, 4), (self.meeting, 3)):
            items = list(AgendaItem.objects.filter(meeting=meeting).order_by("sort_order", "pk"))
            assert len(items) >= least
            assert [item.sort_order for item in items] == list(range(len(items)))
            assert all(item.title and item.outcome for item in items)
            assert any(item.idea is None for item in items) and any(item.idea for item in items)
            assert all(item.idea.status in PUBLIC_STATUSES for item in items if item.idea)
        on_agenda = set(AgendaItem.objects.filter(meeting=self.day).values_list("idea_id", flat=True))
        assert {idea.pk for idea in self.selected()} <= on_agenda
        english = EventPage.objects.get(translation_key=self.day.translation_key, locale__language_code="en")
        body = self.client.get(english.url).content.decode()
        assert all(escape(item.outcome) in body for item in AgendaItem.objects.filter(meeting=self.day))

    def test_every_idea_stands_where_its_decisions_say(self):
        for decision in Decision.objects.prefetch_related("idea_links__idea"):
            for link in decision.idea_links.all():
                assert link.idea.status == IDEA_STATUS_FOR_DECISION[decision.status], (decision, link.idea)
        moved_on = Idea.objects.filter(status__in=DECIDED_STATUSES - {IdeaStatus.NOT_TAKEN_FORWARD})
        assert moved_on.count() >= 4
        for idea in moved_on:
            assert Decision.objects.filter(idea_links__idea=idea).exists(), idea
        [done] = Idea.objects.filter(status=IdeaStatus.DONE)
        assert Decision.objects.filter(idea_links__idea=done, status=DecisionStatus.DONE).exists()

    def test_timelines_show_the_decision_at_the_meeting_that_first_made_one(self):
        ideas = Idea.objects.filter(decision_links__isnull=False).distinct()
        for idea in ideas:
            timeline = idea.timeline()
            moments = [entry.at for entry in timeline]
            assert moments == sorted(moments) and moments[-1] < timezone.now(), idea
            steps = [entry.status for entry in timeline]
            [decided] = [entry for entry in timeline if entry.status == IdeaStatus.DECIDED]
            first = Decision.objects.filter(idea_links__idea=idea).order_by("decided_on", "pk").first()
            assert decided.at == first.meeting.end and decided.note, idea
            assert steps[-1] == idea.status, idea
            if IdeaStatus.SELECTED in steps:
                assert steps.index(IdeaStatus.SELECTED) < steps.index(IdeaStatus.DECIDED), idea

    def test_you_said_we_did_lists_each_decided_idea_under_where_it_stands(self):
        page = IdeaIndexPage.objects.get(locale__language_code="fi")
        response = self.client.get(page.url + page.reverse_subpage("you_said"))
        assert response.status_code == 200
        body = response.content.decode()
        groups = dict(
            re.findall(r'<section class="section decided-group" aria-labelledby="(\w+)">(.*?)</section>', body, re.S)
        )
        ideas = Idea.objects.filter(decision_links__isnull=False).distinct()
        assert {idea.status for idea in ideas} == set(groups) == {"done", "in_progress", "decided"}
        for idea in ideas:
            assert f'href="{idea_path(idea)}"' in groups[idea.status], idea
            others = [html for status, html in groups.items() if status != idea.status]
            assert not [html for html in others if f'href="{idea_path(idea)}"' in html], idea
        for decision in Decision.objects.all():
            assert escape(decision.text) in body, decision
        assert len(groups["decided"].split('class="decided-idea"')) - 1 == 2

    def test_the_feed_of_decisions_has_every_demo_decision(self):
        page = IdeaIndexPage.objects.get(locale__language_code="fi")
        response = self.client.get(page.url + page.reverse_subpage("decisions_feed"))
        assert response.status_code == 200
        assert response.content.decode().count("<entry") == Decision.objects.public().count() == 5

    def test_no_decision_or_agenda_belongs_to_a_house_meeting(self):
        house = EventPage.objects.filter(kind=EventKind.HOUSE_MEETING)
        assert house.count() == 2
        assert not Decision.objects.filter(meeting__in=house).exists()
        assert not AgendaItem.objects.filter(meeting__in=house).exists()
