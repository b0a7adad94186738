"""The co-development loop in a real browser: one idea from a family's proposal to a decision marked done.

A family proposes the idea without JavaScript; a coordinator approves it in the moderation list, puts it into
the voting round and, once the round has closed, selects it for the co-development day; a voter with a printed
code votes for it; the coordinator records the community meeting's decision in the admin, choosing the idea in
the chooser, and later marks the decision done. Between the steps time passes: each step is moved to its own
day, so the public idea page and "you said, we did" must show every step with its own date. Throughout, the
staff's house meetings stay out of everything an anonymous visitor can reach.

The meeting pages and "you said, we did" have no axe violations in fi, sv and en without JavaScript, and the
first idea of "you said, we did" is reached with the Tab key. Finnish words come from the message catalogue.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from playwright.sync_api import expect
from wagtail.models import ModelLogEntry

from events.schedule import monday_of, week_param
from ideas.models import Decision, Idea, IdeaStatus, RoundIdea, Vote
from ideas.models.ideas import STATUS_ACTION
from ideas.statuses import DecisionStatus
from ideas.viewsets import IDEAS_LIST, idea_label
from tests.e2e.helpers import axe_report, finnish
from tests.e2e.loop_builders import (
    COMMUNITY_MEETING,
    HOUSE_DECISION,
    MEETING_DAYS_AGO,
    PUBLIC_EVENT,
    SHARED_WORD,
    close_round,
    complete_the_loop,
    days_from_today,
    make_loop_site,
)
from tests.e2e.test_ideas import (
    PHONE,
    PROPOSED_PATH,
    VOTED_PATH,
    admin_label,
    button,
    log_in_to_the_admin,
    make_coordinator,
    proposal_field,
    route,
    tab_until,
)
from tests.events.builders import local

pytestmark = pytest.mark.browser

# Words of the Wagtail admin come from Wagtail's own catalogue; under this name they stay out of ours.
wagtail_gettext = translation.gettext

LANGUAGES = ["fi", "sv", "en"]
TITLE = "Pyöräretki rantaan koko perheelle"
DECISION_TEXT = "Pyöräretki järjestetään toukokuussa, ja kaupunki lainaa pyörät."
# The idea's steps, and how many days ago each happened (the test moves them there as time passes).
STEPS = [
    ("proposed", 60),
    (IdeaStatus.PUBLISHED, 50),
    (IdeaStatus.VOTING, 40),
    (IdeaStatus.SELECTED, 29),
    (IdeaStatus.DECIDED, MEETING_DAYS_AGO),
    (IdeaStatus.DONE, 0),
]


# --- Fixtures ---------------------------------------------------------------------------------------------


@pytest.fixture
def loop_site(live_server, django_db_serialized_rollback):
    """The place of `make_loop_site` behind the live server; `site["url"]` is its base URL.

    Serialized rollback restores what migrations created (Wagtail's root page and locales), which the
    transactional flush after every live-server test removes. Rate limits count in the cache: it starts empty.
    """
    cache.clear()
    site = make_loop_site()
    site["url"] = live_server.url
    yield site
    cache.clear()


@pytest.fixture
def completed_site(loop_site):
    return complete_the_loop(loop_site)


@pytest.fixture
def open_page(browser, loop_site):
    """Opens a page in a fresh browser context, e.g. `open_page(java_script_enabled=False)`."""
    contexts = []

    def open_one(**context_options):
        context = browser.new_context(base_url=loop_site["url"], **context_options)
        contexts.append(context)
        return context.new_page()

    yield open_one
    for context in contexts:
        context.close()


# --- Words and places -------------------------------------------------------------------------------------


def step_label(step: str) -> str:
    """The Finnish name of an idea's step, as its timeline shows it."""
    with translation.override("fi"):
        return str(gettext("Proposed") if step == "proposed" else IdeaStatus(step).label)


def fi_label(choice) -> str:
    with translation.override("fi"):
        return str(choice.label)


def group_heading(status) -> re.Pattern:
    """The heading of a group of "you said, we did": the status in Finnish and how many ideas it has."""
    return re.compile(r"^" + re.escape(fi_label(status)) + r"\s*\(\d+\)$")


def en_field_label(model, name: str) -> re.Pattern:
    """An admin field's label in English (the coordinator reads the admin in English)."""
    with translation.override("en"):
        return admin_label(str(capfirst(model._meta.get_field(name).verbose_name)))


def happened(idea: Idea, step: str, days_ago: int, hour: int = 12) -> datetime.date:
    """Time passes: moves the idea's `step` to `days_ago` days before today; returns that day."""
    day = days_from_today(-days_ago)
    at = local(day, hour)
    if step == "proposed":
        Idea.objects.filter(pk=idea.pk).update(created_at=at)
        return day
    entries = ModelLogEntry.objects.filter(
        content_type__app_label="ideas",
        content_type__model="idea",
        object_id=str(idea.pk),
        action=STATUS_ACTION,
        data__status=step,
    )
    assert entries.count() == 1, f"The idea should have moved to {step} once"
    entries.update(timestamp=at)
    if step == IdeaStatus.PUBLISHED:
        Idea.objects.filter(pk=idea.pk).update(published_at=at)
    return day


# A script element that runs (JSON-LD is data, and stays); a <noscript> tag, whose content shows without scripts.
RUNNABLE_SCRIPT = re.compile(r"<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
NOSCRIPT_TAG = re.compile(r"</?noscript\b[^>]*>", re.IGNORECASE)


def without_scripts(request_route) -> None:
    """Serves pages as a browser without JavaScript gets them: no script loads or runs, <noscript> shows."""
    kind = request_route.request.resource_type
    if kind == "script":
        request_route.abort()
    elif kind == "document":
        response = request_route.fetch()
        body = NOSCRIPT_TAG.sub("", RUNNABLE_SCRIPT.sub("", response.text()))
        request_route.fulfill(response=response, body=body)
    else:
        request_route.continue_()


def ical_text(page, path: str) -> str:
    response = page.request.get(path)
    assert response.status == 200, f"{path} answered {response.status}"
    return response.text().replace("\r\n ", "")  # unfold the long lines


def house_meeting_absent(html: str, where: str, site: dict) -> None:
    for meeting in (site["house_meeting"], site["next_house_meeting"]):
        assert meeting.title not in html, f"{where} shows the house meeting {meeting.title!r}"
        assert f"/{meeting.slug}/" not in html, f"{where} links to the house meeting {meeting.slug!r}"


# --- The chain --------------------------------------------------------------------------------------------


def test_one_idea_goes_from_proposal_to_a_decision_marked_done_and_the_house_meeting_stays_hidden(loop_site, open_page):
    site = loop_site
    voting_round = site["round"]
    days = {}

    # A family proposes the idea on a phone, without JavaScript.
    family = open_page(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    family.goto(route("fi", "propose"))
    proposal_field(family, "fi", "title").fill(TITLE)
    proposal_field(family, "fi", "description").fill("Ajetaan yhdessä rantaan ja syödään eväät hiekalla.")
    proposal_field(family, "fi", "author_name").fill("Amina")
    button(family, "fi", "Send the idea").click()
    expect(family).to_have_url(PROPOSED_PATH)
    idea = Idea.objects.get(title=TITLE)
    assert idea.status == IdeaStatus.AWAITING
    days["proposed"] = happened(idea, "proposed", 60)

    # A coordinator approves it with the bulk action of the moderation list.
    user, password = make_coordinator()
    staff = open_page()
    log_in_to_the_admin(staff, user.username, password)
    staff.goto(reverse(IDEAS_LIST))
    with translation.override("en"):
        select_text, approve_selected, approve = (
            gettext("Select"),
            gettext("Approve the selected ideas"),
            gettext("Approve"),
        )
    staff.get_by_role("row").filter(has_text=TITLE).get_by_role("checkbox", name=select_text).check()
    staff.get_by_role("link", name=approve_selected).click()
    staff.get_by_role("button", name=approve, exact=True).click()
    expect(staff).to_have_url(re.compile(re.escape(reverse(IDEAS_LIST))))
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PUBLISHED
    days[IdeaStatus.PUBLISHED] = happened(idea, IdeaStatus.PUBLISHED, 50)

    # ... and puts it into the open voting round of the co-development day.
    staff.goto(reverse("wagtailsnippets_ideas_votinground:edit", args=[voting_round.pk]))
    with translation.override("en"):
        add_idea = wagtail_gettext("Add %(label)s") % {"label": gettext("Idea")}
        idea_select = admin_label(gettext("Idea"))
        save = wagtail_gettext("Save")
        option = idea_label(idea)
    staff.get_by_role("button", name=add_idea).click()
    staff.get_by_role("combobox", name=idea_select).last.select_option(label=option)
    staff.get_by_role("button", name=save, exact=True).first.click()
    expect(staff).not_to_have_url(re.compile(r"/edit/\d+/$"))
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.VOTING
    days[IdeaStatus.VOTING] = happened(idea, IdeaStatus.VOTING, 40)

    # A voter opens the ballot with a printed code and votes for it, without JavaScript.
    code = site["codes"][0]
    voter = open_page(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    voter.goto(route("fi", "ballot", voting_round.pk) + "?koodi=" + code.code)
    voter.get_by_role("main").get_by_label(TITLE, exact=True).check()
    button(voter, "fi", "Save my votes").click()
    expect(voter).to_have_url(VOTED_PATH)
    assert list(Vote.objects.filter(code=code).values_list("idea_id", flat=True)) == [idea.pk]

    # The round closes; the coordinator selects the idea for the co-development day from its results.
    close_round(voting_round)
    staff.goto(reverse("ideas_round_results", args=[voting_round.pk]))
    with translation.override("en"):
        selected, save_selection = gettext("Selected"), gettext("Save the selection")
    staff.get_by_role("checkbox", name=f"{selected} {TITLE}", exact=True).check()
    staff.get_by_role("button", name=save_selection).click()
    expect(staff.get_by_role("checkbox", name=f"{selected} {TITLE}", exact=True)).to_be_checked()
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SELECTED
    assert RoundIdea.objects.get(round=voting_round, idea=idea).selected
    days[IdeaStatus.SELECTED] = happened(idea, IdeaStatus.SELECTED, 29)

    # The community meeting decides on it: the coordinator records the decision, choosing the idea in the chooser.
    meeting = site["community_meeting"]
    staff.goto(reverse("wagtailsnippets_ideas_decision:add"))
    staff.get_by_role("combobox", name=en_field_label(Decision, "meeting")).select_option(value=str(meeting.pk))
    staff.get_by_role("textbox", name=en_field_label(Decision, "text")).fill(DECISION_TEXT)
    staff.get_by_role("combobox", name=en_field_label(Decision, "status")).select_option(DecisionStatus.DECIDED)
    staff.get_by_role("combobox", name=en_field_label(Decision, "partner")).select_option(str(site["partner"].pk))
    with translation.override("en"):
        add_idea = wagtail_gettext("Add %(label)s") % {"label": gettext("Idea").lower()}
        confirm = wagtail_gettext("Confirm selection")
    staff.get_by_role("button", name=add_idea).click()
    modal = staff.get_by_role("dialog")
    modal.get_by_role("checkbox", name=TITLE, exact=True).check()
    modal.get_by_role("button", name=confirm).click()
    expect(modal).to_be_hidden()
    staff.get_by_role("button", name=save, exact=True).first.click()
    expect(staff).not_to_have_url(re.compile(r"/add/$"))
    decision = Decision.objects.get(text=DECISION_TEXT)
    assert decision.meeting_id == meeting.pk and decision.decided_on == days_from_today(-MEETING_DAYS_AGO)
    assert list(decision.idea_links.values_list("idea_id", flat=True)) == [idea.pk]
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.DECIDED
    days[IdeaStatus.DECIDED] = happened(idea, IdeaStatus.DECIDED, MEETING_DAYS_AGO, hour=20)

    # Today the coordinator marks the decision done.
    staff.goto(reverse("wagtailsnippets_ideas_decision:edit", args=[decision.pk]))
    staff.get_by_role("combobox", name=en_field_label(Decision, "status")).select_option(DecisionStatus.DONE)
    staff.get_by_role("button", name=save, exact=True).first.click()
    expect(staff).not_to_have_url(re.compile(r"/edit/\d+/$"))
    decision.refresh_from_db()
    idea.refresh_from_db()
    assert decision.status == DecisionStatus.DONE and idea.status == IdeaStatus.DONE
    days[IdeaStatus.DONE] = timezone.localdate()
    expected = [(step_label(step), days[step].isoformat()) for step, _days_ago in STEPS]
    assert len({day for _label, day in expected}) == len(STEPS), "Each step has a day of its own"

    # Anyone sees each step with its date on the idea's page, and the decision.
    visitor = open_page(java_script_enabled=False)
    visitor.goto(route("fi", "idea", idea.pk))
    main = visitor.get_by_role("main")
    timeline = main.get_by_role("region", name=finnish("What happened")).get_by_role("listitem")
    expect(timeline).to_have_count(len(STEPS))
    for index, (label, day) in enumerate(expected):
        expect(timeline.nth(index)).to_contain_text(label)
        expect(timeline.nth(index).locator("time")).to_have_attribute("datetime", re.compile("^" + day))
    expect(main.get_by_role("region", name=finnish("Where it stands"))).to_contain_text(fi_label(IdeaStatus.DONE))
    shown = main.get_by_role("region", name=finnish("Decisions")).locator(f"#paatos-{decision.pk}")
    expect(shown).to_contain_text(DECISION_TEXT)
    expect(shown).to_contain_text(fi_label(DecisionStatus.DONE))
    expect(shown.locator("time").first).to_have_attribute("datetime", days[IdeaStatus.DECIDED].isoformat())
    expect(shown.get_by_role("link", name=COMMUNITY_MEETING)).to_have_attribute("href", re.compile(meeting.slug))

    # "You said, we did" shows it under "done", with the chain of dates and the decision.
    visitor.goto(route("fi", "you_said"))
    main = visitor.get_by_role("main")
    done = main.get_by_role("region", name=group_heading(IdeaStatus.DONE))
    entry = done.get_by_role("listitem").filter(has=visitor.get_by_role("link", name=TITLE, exact=True))
    expect(entry).to_have_count(1)
    chain = entry.get_by_role("list", name=finnish("What happened, with dates")).get_by_role("listitem")
    expect(chain).to_have_count(len(STEPS))
    for index, (label, day) in enumerate(expected):
        expect(chain.nth(index)).to_contain_text(label)
        expect(chain.nth(index).locator("time")).to_have_attribute("datetime", day)
    expect(entry.locator(f"#paatos-{decision.pk}")).to_contain_text(DECISION_TEXT)
    decided = main.get_by_role("region", name=group_heading(IdeaStatus.DECIDED))
    expect(decided.get_by_role("link", name=site["bench_idea"].title, exact=True)).to_be_visible()
    expect(decided.get_by_role("link", name=TITLE, exact=True)).to_have_count(0)
    house_meeting_absent(visitor.content(), "You said, we did", site)

    # The house meetings stay invisible to an anonymous visitor.
    assert_house_meetings_are_hidden(visitor, site)


def assert_house_meetings_are_hidden(visitor, site: dict) -> None:
    house, next_house = site["house_meeting"], site["next_house_meeting"]

    # Their own addresses, in Finnish and English, and the calendar file of one: 404 or the login page.
    for path in (house.url, next_house.url, site["next_house_meeting_en"].url, house.url + "kalenteri/"):
        response = visitor.goto(path)
        assert response.status == 404 or "login" in urlsplit(visitor.url).path, (
            f"{path} answered {response.status} at {visitor.url}"
        )
        html = visitor.content()  # the login page carries the address back in its form, never the title
        for title in (house.title, next_house.title):
            assert title not in html, f"The page at {path} shows {title!r}"

    # The lists of events, past and upcoming, and the week of each house meeting (public events show there).
    lists = {
        "The upcoming events": (site["events_page"].url, PUBLIC_EVENT),
        "The past events": (site["events_page"].url + "menneet/", COMMUNITY_MEETING),
        "The week of the past house meeting": (
            f"{site['week_page'].url}?viikko={week_param(monday_of(timezone.localdate(house.start)))}",
            COMMUNITY_MEETING,
        ),
        "The week of the next house meeting": (
            f"{site['week_page'].url}?viikko={week_param(monday_of(timezone.localdate(next_house.start)))}",
            PUBLIC_EVENT,
        ),
        "The search": (f"/haku/?q={SHARED_WORD}", COMMUNITY_MEETING),
    }
    for where, (path, public_title) in lists.items():
        response = visitor.goto(path)
        assert response.status == 200, f"{where}: {path} answered {response.status}"
        expect(visitor.get_by_role("main").get_by_role("link", name=public_title).first).to_be_visible()
        house_meeting_absent(visitor.content(), where, site)

    # The calendar feeds, the sitemap and the feed of decisions.
    for where, path in (
        ("The events' calendar feed", site["events_page"].url + "kalenteri/"),
        ("The week's calendar feed", site["week_page"].url + "kalenteri/"),
    ):
        body = ical_text(visitor, path)
        assert f"SUMMARY:{COMMUNITY_MEETING}" in body and f"SUMMARY:{PUBLIC_EVENT}" in body, where
        house_meeting_absent(body, where, site)
    sitemap = visitor.request.get("/sitemap.xml")
    assert sitemap.status == 200 and f"/{site['community_meeting'].slug}/" in sitemap.text()
    house_meeting_absent(sitemap.text(), "The sitemap", site)
    feed = visitor.request.get(route("fi", "decisions_feed"))
    assert feed.status == 200 and HOUSE_DECISION in feed.text() and DECISION_TEXT in feed.text()
    house_meeting_absent(feed.text(), "The feed of decisions", site)

    # The idea the house meeting decided on shows the decision, never the meeting.
    response = visitor.goto(route("fi", "idea", site["bench_idea"].pk))
    assert response.status == 200
    expect(visitor.get_by_role("main").get_by_text(HOUSE_DECISION)).to_be_visible()
    house_meeting_absent(visitor.content(), "The page of the idea the house meeting decided on", site)


# --- Accessibility ----------------------------------------------------------------------------------------


def translated(site: dict, name: str, language: str):
    return site[name] if language == "fi" else site[f"{name}_{language}"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_meeting_pages_and_you_said_we_did_have_no_axe_violations_without_javascript(
    completed_site, open_page, language
):
    site = completed_site
    no_js = open_page(java_script_enabled=False)
    checked = open_page()
    checked.route("**/*", without_scripts)
    # Each page, and the sections (by their headings' ids) it must show for the check to mean something.
    pages = {
        "The community meeting": (
            translated(site, "community_meeting", language).url,
            ["participants-heading", "minutes-heading", "agenda-heading", "decisions-heading"],
        ),
        "The co-development day": (
            translated(site, "co_development_day", language).url,
            ["participants-heading", "workshops-heading", "round-heading", "decisions-heading"],
        ),
        "You said, we did": (route(language, "you_said"), ["done", "in_progress", "decided"]),
    }
    problems = []
    for what, (path, sections) in pages.items():
        response = no_js.goto(path)
        assert response.status == 200, f"{what}: {path} answered {response.status}"
        expect(no_js.locator("html")).to_have_attribute("lang", language)
        for section in sections:
            expect(no_js.locator(f"main #{section}"), f"{what} lacks #{section}").to_be_visible()
        # axe needs the page's timers, which a browser without JavaScript stops: it checks the same page with
        # every script taken out of it.
        checked.goto(path)
        assert checked.locator("main").inner_html() == no_js.locator("main").inner_html(), what
        if report := axe_report(checked):
            problems.append(f"{what} ({checked.url}):\n{report}")
    assert not problems, "\n\n".join(problems)


def test_tab_reaches_the_first_idea_of_you_said_we_did(completed_site, open_page):
    first = completed_site["ideas"][1]  # the homework club: its decision is done, the first group
    page = open_page(reduced_motion="reduce")
    page.goto(route("fi", "you_said"))
    first_link = page.get_by_role("main").get_by_role("link", name=first.title, exact=True)
    expect(page.get_by_role("main").get_by_role("heading", level=3).first).to_have_text(first.title)
    tab_until(page, lambda focused: focused["tag"] == "a" and focused["text"] == first.title)
    expect(first_link).to_be_focused()
