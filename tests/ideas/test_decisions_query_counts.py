"""The pages that show decisions run the same number of queries with 10 and with 500 decisions: "you said,
we did", its feed, an idea's page, a community meeting's page and a co-development day's page."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from ideas.models import STATUS_ACTION, Decision, DecisionIdea, DecisionStatus, Idea, IdeaStatus, RoundIdea
from pages.models import Partner
from tests.events.builders import translate
from tests.ideas.builders import log_history_in_bulk, make_co_development_day, make_ideas_site, make_round
from tests.ideas.decision_builders import make_meeting
from tests.pages.builders import make_partners

IDEA_STATUS = {
    DecisionStatus.DECIDED: IdeaStatus.DECIDED,
    DecisionStatus.IN_PROGRESS: IdeaStatus.IN_PROGRESS,
    DecisionStatus.DONE: IdeaStatus.DONE,
    DecisionStatus.DROPPED: IdeaStatus.NOT_TAKEN_FORWARD,
}
STATUSES = list(IDEA_STATUS)


@override_settings(KOHTAAMO_PAGE_CACHE=False)  # the page itself, not the page cache
def count_queries(client, url: str) -> int:
    with translation.override("fi"):
        client.get(url)  # warm what is cached across requests (site root paths, content types, shared parts)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def build(site: dict, meetings: dict, partners: list[Partner], count: int) -> Idea:
    """`count` decisions spread over the meetings, each about one or two public ideas (one idea in `count`
    ideas); every tenth also about the returned idea. The co-development day's vote selected a fifth of the
    ideas, and the later decisions about them show on the day's page."""
    now = timezone.now()
    Idea.objects.bulk_create(
        Idea(
            site=site["site"],
            title=f"Idea number {number}",
            description="Toivoisimme lisää ulkoleikkejä.",
            language="fi",
            status=IDEA_STATUS[STATUSES[number % len(STATUSES)]],
            created_at=now - datetime.timedelta(days=90, minutes=number),
            published_at=now - datetime.timedelta(days=80, minutes=number),
            email=f"perhe{number}@example.com" if number % 2 else "",
        )
        for number in range(count)
    )
    ideas = list(Idea.objects.order_by("pk"))
    log_history_in_bulk(ideas, now, published_days_ago=80)
    selected = ideas[: max(2, count // 5)]
    voting_round = make_round(
        site,
        selected,
        opens_at=now - datetime.timedelta(days=70),
        closes_at=now - datetime.timedelta(days=60),
        event=meetings["day"],
    )
    RoundIdea.objects.filter(round=voting_round).update(selected=True)
    places = list(meetings.values())
    decisions = []
    for number in range(count):
        meeting = places[number % len(places)]
        decisions.append(
            Decision(
                site=site["site"],
                meeting=meeting,
                decided_on=timezone.localdate(meeting.start),
                text=f"Päätös numero {number}",
                status=STATUSES[number % len(STATUSES)],
                partner=partners[number % len(partners)] if number % 3 else None,
                due_date=timezone.localdate(meeting.start) + datetime.timedelta(days=30) if number % 2 else None,
                created_at=now - datetime.timedelta(minutes=number),
            )
        )
    Decision.objects.bulk_create(decisions)
    decisions = list(Decision.objects.order_by("pk"))
    links = []
    for number, decision in enumerate(decisions):
        chosen = {ideas[number % len(ideas)].pk, ideas[(number * 7 + 3) % len(ideas)].pk}
        if number % 10 == 0:
            chosen.add(ideas[0].pk)
        links += [DecisionIdea(decision=decision, idea_id=pk, sort_order=order) for order, pk in enumerate(chosen)]
    DecisionIdea.objects.bulk_create(links)
    return ideas[0]


def clear() -> None:
    DecisionIdea.objects.all().delete()
    Decision.objects.all().delete()
    RoundIdea.objects.all().delete()
    Idea.objects.all().delete()
    ModelLogEntry.objects.filter(action=STATUS_ACTION).delete()


@pytest.mark.django_db
def test_decision_pages_run_the_same_number_of_queries_for_10_and_500_decisions(client):
    site = make_ideas_site()
    translate(site["ideas_page"], "en", title="Ideas")
    partners = make_partners(3, site["support"])
    meetings = {
        "day": make_co_development_day(site, days_ahead=-50, title="Kehittämispäivä"),
        "community": make_meeting(site, "community_meeting", days_ago=30, title="Yhteisökokous"),
        "later": make_meeting(site, "community_meeting", days_ago=10, title="Myöhempi kokous"),
        "house": make_meeting(site, "house_meeting", days_ago=20, title="Talokokous"),
        "steering": make_meeting(site, "steering_group", days_ago=15, title="Johtoryhmä"),
    }
    translate(meetings["community"], "en", title="Community meeting")

    def urls(idea):
        return [
            "/ideat/sanoitte-teimme/",
            "/en/ideat/sanoitte-teimme/",
            "/ideat/sanoitte-teimme/syote/",
            f"/ideat/{idea.pk}/",
            f"/en/ideat/{idea.pk}/",
            meetings["community"].url,
            meetings["later"].url,
            meetings["day"].url,
        ]

    idea = build(site, meetings, partners, 10)
    small = [count_queries(client, url) for url in urls(idea)]
    assert Decision.objects.count() == 10
    clear()
    idea = build(site, meetings, partners, 500)
    large = [count_queries(client, url) for url in urls(idea)]
    assert Decision.objects.count() == 500 and Decision.objects.public().count() > 300
    with translation.override("fi"):
        page = client.get("/ideat/sanoitte-teimme/").content.decode()
        assert page.count('class="decision"') > 500  # the large run really shows its decisions
        day = client.get(meetings["day"].url).content.decode()
        assert day.count('class="decision"') > 100
    counts = dict(zip(urls(idea), zip(small, large, strict=True), strict=True))
    print("queries (10 decisions, 500 decisions):", counts)
    assert small == large, f"queries (10 decisions, 500 decisions): {counts}"
