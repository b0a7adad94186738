"""The "you said, we did" routes of `/ideat/`: every idea that reached a decision, and a feed of decisions.

`sanoitte-teimme/` groups the ideas by where they stand (done, in progress, decided, dropped), newest decision
first, each with its dates from proposal to today and the text of each decision; it prints as an A4 poster
for the notice board. `sanoitte-teimme/syote/` is an Atom feed of the newest decisions. Both run a fixed
number of queries however many decisions there are (tests/ideas/test_decisions_query_counts.py).
"""

from django.db.models import Max, Prefetch
from django.utils import timezone
from wagtail.contrib.routable_page.models import path

from events.models import STAFF_ONLY_KINDS, EventPage
from events.models.events import without_restricted
from pages.models import Partner
from pages.shared import active_locale

from ..feeds import DecisionFeed
from ..statuses import PUBLIC_STATUSES
from .decisions import Decision, DecisionIdea
from .idea_routes import methods
from .ideas import Idea, IdeaStatus

# The groups of the poster, in order: what was done first.
DECIDED_GROUPS = (IdeaStatus.DONE, IdeaStatus.IN_PROGRESS, IdeaStatus.DECIDED, IdeaStatus.NOT_TAKEN_FORWARD)


def attach_meetings(decisions: list) -> list:
    """Gives each decision `meeting_page` (its public meeting in the reader's language, None for a meeting of
    staff only or one not published) and `partner_name` (the responsible partner in the reader's language), in
    two queries for all decisions at most (none for partners already in the reader's language)."""
    keys = {d.meeting.translation_key for d in decisions if d.meeting and d.meeting.kind not in STAFF_ONLY_KINDS}
    pages = {}
    active = active_locale().pk
    if keys:
        found = without_restricted(EventPage.objects.live().filter(translation_key__in=keys)).select_related("locale")
        for page in sorted(found, key=lambda page: page.locale_id == active):  # the reader's language wins
            pages[page.translation_key] = page
    partners = {d.partner.translation_key: d.partner for d in decisions if d.partner and d.partner.locale_id == active}
    partner_keys = {d.partner.translation_key for d in decisions if d.partner} - set(partners)
    if partner_keys:
        partners |= {p.translation_key: p for p in Partner.objects.localized().filter(translation_key__in=partner_keys)}
    for decision in decisions:
        meeting = decision.meeting
        decision.meeting_page = pages.get(meeting.translation_key) if meeting else None
        partner = decision.partner
        decision.partner_name = partners.get(partner.translation_key, partner).name if partner else ""
    return decisions


class DecisionRoutes:
    """Mixed into `IdeaIndexPage`."""

    def public_decisions(self, site):
        return (
            Decision.objects.for_site(site).public().select_related("meeting", "partner").order_by("-decided_on", "-pk")
        )

    def decided_ideas(self, site):
        """Public ideas that a public decision concerns and that stand where a decision leaves them (decided, in
        progress, done, not taken forward), with `last_decided` (the day of the latest decision)."""
        decided = DecisionIdea.objects.filter(decision__in=self.public_decisions(site).order_by())
        return (
            Idea.objects.for_site(site)
            .filter(status__in=DECIDED_GROUPS, decision_links__in=decided)
            .annotate(last_decided=Max("decision_links__decision__decided_on"))
            .order_by("-last_decided", "-pk")
        )

    def ideas_with_decisions(self, request, ideas: list) -> list:
        """Gives each idea `decision_list` (its public decisions, newest first), `timeline` and `url`."""
        site = self.place()
        links = DecisionIdea.objects.filter(idea__in=[idea.pk for idea in ideas]).filter(
            decision__in=self.public_decisions(site).order_by()
        )
        links = list(links.select_related("decision__meeting", "decision__partner"))
        attach_meetings(list({link.decision.pk: link.decision for link in links}.values()))
        by_idea: dict[int, list] = {}
        for link in links:
            by_idea.setdefault(link.idea_id, []).append(link.decision)
        timelines = Idea.timelines(ideas)
        for idea in ideas:
            idea.decision_list = sorted(by_idea.get(idea.pk, []), key=lambda d: (d.decided_on, d.pk), reverse=True)
            idea.timeline_days = [
                {"day": timezone.localdate(entry.at), "label": entry.label, "note": entry.note}
                for entry in timelines[idea.pk]
            ]
            idea.url = self.idea_url(request, idea.pk)
        return ideas

    @path("sanoitte-teimme/", name="you_said")
    @methods("GET")
    def you_said_route(self, request):
        ideas = self.ideas_with_decisions(request, list(self.decided_ideas(self.place())))
        groups = [
            {"status": status, "label": IdeaStatus(status).label, "ideas": [i for i in ideas if i.status == status]}
            for status in DECIDED_GROUPS
        ]
        context = {
            "groups": [group for group in groups if group["ideas"]],
            "feed_url": self.route_url(request, "decisions_feed"),
            "ideas_url": self.get_url(request),
            "today": timezone.localdate(),
        }
        return self.render(request, context_overrides=context, template="ideas/you_said.html")

    @path("sanoitte-teimme/syote/", name="decisions_feed")
    @methods("GET")
    def decisions_feed_route(self, request):
        return DecisionFeed(self)(request)

    def newest_decisions(self, request, count: int) -> list:
        """The `count` most recently recorded public decisions, each with its public ideas and meeting."""
        ideas = Prefetch(
            "idea_links",
            queryset=DecisionIdea.objects.filter(idea__status__in=PUBLIC_STATUSES).select_related("idea"),
            to_attr="public_links",
        )
        decisions = self.public_decisions(self.place()).order_by("-created_at", "-pk").prefetch_related(ideas)
        return attach_meetings(list(decisions[:count]))
