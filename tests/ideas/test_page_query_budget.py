"""Every public page of ideas, decisions and the families' voice runs at most BUDGET queries once the shared caches
are warm, and the same number with little data as with fifty times more (1,000 ideas, 6,000 votes, 100 decisions;
300 activities), first request included. The page cache is off: these are the pages it fills."""

import datetime
import itertools
import uuid

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale

from events.models import Activity
from ideas import codes
from ideas.models import (
    ChildrenVoicePage,
    Decision,
    DecisionIdea,
    DecisionStatus,
    FeedbackPage,
    Idea,
    IdeaStatus,
    IdeaTheme,
    RoundIdea,
    SurveyField,
    SurveyPage,
    TakePartField,
    TakePartPage,
    Vote,
    VotingCode,
)
from tests.events.builders import make_activity, translate
from tests.events.test_page_query_budget import assert_same_and_in_budget, measure
from tests.ideas.builders import (
    log_history_in_bulk,
    make_co_development_day,
    make_ideas_site,
    make_round,
    tag_in_bulk,
)
from tests.ideas.decision_builders import add_agenda, make_meeting
from tests.pages.builders import make_partners

VOTES_PER_CODE = 3
STATUSES = [IdeaStatus.PUBLISHED, IdeaStatus.VOTING, IdeaStatus.DECIDED, IdeaStatus.DONE, IdeaStatus.IN_PROGRESS]


def add_ideas(site: dict, count: int, themes: list) -> list[Idea]:
    """`count` public ideas in bulk, with themes and the public history a status change logs."""
    now = timezone.now()
    start = Idea.objects.count()
    made = Idea.objects.bulk_create(
        Idea(
            site=site["site"],
            title=f"Idea number {number}",
            description="Toivoisimme lisää ulkoleikkejä ja yhteisiä retkiä.",
            language=["fi", "sv", "en", "so"][number % 4],
            by_child=number % 3 == 0,
            status=STATUSES[number % len(STATUSES)],
            created_at=now - datetime.timedelta(days=40, minutes=number),
            published_at=now - datetime.timedelta(days=30, minutes=number),
        )
        for number in range(start, start + count)
    )
    made = list(Idea.objects.order_by("pk")[start:])
    tag_in_bulk(made, themes)
    log_history_in_bulk(made, now, published_days_ago=30)
    return made


def add_votes(voting_round, ideas: list[Idea], count: int) -> None:
    made = set()
    while len(made) < -(-count // VOTES_PER_CODE):
        made.add(codes.new_code())
    new = VotingCode.objects.bulk_create(VotingCode(round=voting_round, code=code, channel="online") for code in made)
    stored = {code.code: code for code in VotingCode.objects.filter(round=voting_round, code__in=[c.code for c in new])}
    turns = itertools.cycle(ideas)
    votes = [
        Vote(round=voting_round, code=code, idea=idea)
        for code in stored.values()
        for idea in {next(turns) for _ in range(VOTES_PER_CODE)}
    ]
    Vote.objects.bulk_create(votes[:count], batch_size=5000)


def add_decisions(site: dict, meetings: list, partners: list, ideas: list[Idea], count: int, about) -> None:
    """`count` decisions spread over `meetings`, each about two of `ideas`; the first two of every ten (one with a
    responsible partner) also about `about`."""
    now = timezone.now()
    start = Decision.objects.count()
    Decision.objects.bulk_create(
        Decision(
            site=site["site"],
            meeting=meetings[number % len(meetings)],
            decided_on=timezone.localdate(meetings[number % len(meetings)].start),
            text=f"Päätös numero {number}",
            status=list(DecisionStatus)[number % len(DecisionStatus)],
            partner=partners[number % len(partners)] if number % 3 else None,
            created_at=now - datetime.timedelta(minutes=number),
        )
        for number in range(start, start + count)
    )
    links = []
    for number, decision in enumerate(Decision.objects.order_by("pk")[start:]):
        chosen = {ideas[number % len(ideas)].pk, ideas[(number * 7 + 3) % len(ideas)].pk}
        if number % 10 < 2:
            chosen.add(about.pk)
        links += [DecisionIdea(decision=decision, idea_id=pk, sort_order=order) for order, pk in enumerate(chosen)]
    DecisionIdea.objects.bulk_create(links)


@pytest.mark.django_db
@override_settings(KOHTAAMO_PAGE_CACHE=False)
def test_ideas_and_decision_pages_stay_in_budget_and_do_not_grow_with_ideas_votes_and_decisions(client):
    site = make_ideas_site()
    translate(site["ideas_page"], "en", title="Ideas")
    partners = make_partners(3, site["support"])
    themes = [IdeaTheme.objects.create(name=name, slug=name.lower()) for name in ("Ulkoilu", "Ruoka", "Musiikki")]
    day = make_co_development_day(site, days_ahead=-5, title="Kehittämispäivä", partners_present=partners[:2])
    community = make_meeting(site, "community_meeting", days_ago=20, title="Yhteisökokous")
    house = make_meeting(site, "house_meeting", days_ago=15, title="Talokokous")
    translate(day, "en", title="Co-development day")
    ideas = add_ideas(site, 20, themes)
    idea = ideas[0]
    now = timezone.now()
    voting_round = make_round(
        site,
        ideas[:10],
        opens_at=now - datetime.timedelta(days=20),
        closes_at=now - datetime.timedelta(days=6),
        event=day,
    )
    RoundIdea.objects.filter(round=voting_round, idea__in=ideas[:4]).update(selected=True)
    add_agenda(day, ("Ulkoleikit", idea, "Jatketaan keväällä."), "Kahvi")
    add_decisions(site, [day, community, house], partners, ideas, 5, about=idea)
    add_votes(voting_round, ideas[:10], 60)
    urls = [
        "/ideat/",
        "/en/ideat/",
        "/ideat/?jarjestys=votes",
        "/ideat/?tila=done&teema=ulkoilu&lapset=1&sivu=1",
        f"/ideat/{idea.pk}/",
        f"/en/ideat/{idea.pk}/",
        "/ideat/sanoitte-teimme/",
        "/en/ideat/sanoitte-teimme/",
        "/ideat/sanoitte-teimme/syote/",
        "/ideat/syote/",
        "/ideat/avoin-data/",
        "/ideat/ehdota/",
        day.url,
        "/en" + day.url,
        community.url,
    ]
    for url in urls:  # what a first visit makes once (the site's settings), so both sizes start alike
        client.get(url)

    small = measure(client, urls)
    more = add_ideas(site, 980, themes)
    add_agenda(day, *[(f"Idea {number}", more[number], "") for number in range(20)])
    add_decisions(site, [day, community, house], partners, ideas + more, 95, about=idea)
    add_votes(voting_round, ideas[:10], 5940)
    large = measure(client, urls)

    assert Idea.objects.count() == 1000 and Vote.objects.count() == 6000 and Decision.objects.count() == 100
    assert_same_and_in_budget(small, large)


def add_activities(site: dict, count: int) -> None:
    """`count` public activities in bulk (the admin would save them one by one)."""
    locale = Locale.objects.get(language_code="fi")
    start = Activity.objects.count()
    Activity.objects.bulk_create(
        Activity(
            site=site["site"],
            locale=locale,
            translation_key=uuid.uuid4(),
            title=f"Toiminta {number:04d}",
            slug=f"toiminta-{number:04d}",
            kind="open",
            description="Avointa toimintaa perheille.",
            audiences=["everyone"],
            weekdays=[number % 5],
            start_time=datetime.time(9),
            end_time=datetime.time(11),
            first_date=datetime.date(2026, 8, 3),
        )
        for number in range(start, start + count)
    )


@pytest.mark.django_db
@override_settings(KOHTAAMO_PAGE_CACHE=False)
def test_the_families_voice_pages_stay_in_budget_and_do_not_grow_with_activities(client):
    site = make_ideas_site()
    home = site["home"]
    feedback = home.add_child(instance=FeedbackPage(title="Palaute", slug="palaute"))
    translate(feedback, "sv", title="Respons")
    home.add_child(instance=ChildrenVoicePage(title="Lasten ääni", slug="lasten-aani"))
    question = {"label": "Mitä pidätte?", "field_type": "singleline", "required": False}
    survey = SurveyPage(title="Kävijäkysely", slug="kavijakysely", form_fields=[SurveyField(**question)])
    home.add_child(instance=survey)
    home.add_child(instance=TakePartPage(title="Osallistu", slug="osallistu", form_fields=[TakePartField(**question)]))
    cafe = make_activity(site, slug="perhekahvila")
    add_activities(site, 3)
    urls = ["/palaute/", "/sv/palaute/", f"/palaute/{cafe.slug}/", "/lasten-aani/", "/kavijakysely/", "/osallistu/"]
    for url in urls:
        client.get(url)

    small = measure(client, urls)
    add_activities(site, 300)
    large = measure(client, urls)

    assert Activity.objects.count() == 304
    assert_same_and_in_budget(small, large)
