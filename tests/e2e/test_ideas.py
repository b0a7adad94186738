"""Ideas and voting in a real browser, as a family, staff and a voter with a slip would use them on a phone.

The journey goes from a family's proposal through moderation and the round's printed codes to a vote that is
changed and the results. The public pages have no axe violations in fi, sv and en, and the proposal form and
the ballot work by keyboard alone and without JavaScript. Interface words come from the forms and the message
catalogue in the page's language, never typed in English or Finnish.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect
from wagtail.admin.forms.auth import LoginForm
from wagtail.users.models import UserProfile

from ideas.ballot_forms import CodeForm
from ideas.forms import ProposalForm
from ideas.models import Idea, IdeaIndexPage, IdeaStatus, IdeaTheme, Vote, VotingCode, VotingRound
from ideas.viewsets import IDEAS_LIST, idea_label
from tests.e2e.helpers import axe_report

pytestmark = pytest.mark.browser

# Words of the Wagtail admin come from Wagtail's own catalogue; under this name they stay out of ours.
wagtail_gettext = translation.gettext

PHONE = {"width": 390, "height": 844}
LANGUAGES = ["fi", "sv", "en"]
CODE = re.compile(r"^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$")
PROPOSED_PATH = re.compile(r"/ideat/ehdota/kiitos/(\?.*)?$")
VOTED_PATH = re.compile(r"/ideat/aanesta/\d+/kiitos/(\?.*)?$")
BALLOT_PATH = re.compile(r"/ideat/aanesta/\d+/\?koodi=")
# What the element that has focus is, and whether an outline or shadow marks it.
FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName.toLowerCase(),
        type: element.type || "",
        name: element.name || "",
        text: (element.innerText || "").trim(),
        marked: (style.outlineStyle !== "none" && (parseFloat(style.outlineWidth) || 0) >= 2)
            || style.boxShadow !== "none",
    };
}"""


# --- Where things are, and what they are called -----------------------------------------------------------


def ideas_page(language: str = "fi") -> IdeaIndexPage:
    return IdeaIndexPage.objects.get(locale__language_code=language)


def route(language: str, name: str = "", *args) -> str:
    """The path of a route of `/ideat/` in `language` (the list without a name)."""
    page = ideas_page(language)
    base = urlsplit(page.get_full_url()).path
    return base + (page.reverse_subpage(name, args=list(args)) if name else "")


def text(language: str, message: str) -> str:
    with translation.override(language):
        return gettext(message)


def proposal_labels(language: str) -> dict[str, re.Pattern]:
    """The proposal form's labels in `language`, as the page shows them (optional ones end in a note)."""
    with translation.override(language):
        form = ProposalForm(themes=list(IdeaTheme.objects.all()))
        return {name: re.compile("^" + re.escape(str(form[name].label))) for name in form.fields}


def proposal_field(page, language: str, name: str):
    return page.get_by_role("main").get_by_label(proposal_labels(language)[name])


def code_field(page, language: str):
    with translation.override(language):
        label = str(CodeForm()["koodi"].label)
    return page.get_by_role("main").get_by_label(re.compile("^" + re.escape(label)))


def button(page, language: str, message: str):
    return page.get_by_role("main").get_by_role("button", name=text(language, message))


def error_summary(page):
    return page.get_by_role("main").get_by_role("alert").filter(has=page.get_by_role("heading"))


def open_round() -> VotingRound:
    return VotingRound.objects.open_at(timezone.now()).get()


def closed_round() -> VotingRound:
    return VotingRound.objects.filter(closes_at__lte=timezone.now()).order_by("-closes_at").first()


def unused_code(voting_round: VotingRound, skip: int = 0) -> str:
    return voting_round.codes.filter(channel="", revoked_at__isnull=True).order_by("pk")[skip].printed


def tallies(voting_round: VotingRound) -> dict[int, int]:
    counts = {entry.idea_id: 0 for entry in voting_round.entries.all()}
    for idea_id in Vote.objects.filter(round=voting_round).values_list("idea_id", flat=True):
        counts[idea_id] += 1
    return counts


def tab_until(page, wanted, limit: int = 60) -> dict:
    """Presses Tab until the focused element is `wanted` (a predicate of FOCUSED's answer); returns it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused, "Tab left the page"
        assert focused["marked"], f"{focused} has focus without a visible mark"
        if wanted(focused):
            return focused
    raise AssertionError(f"Tab never reached the element wanted on {page.url}")


def log_in_to_the_admin(page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    language = page.locator("html").get_attribute("lang")
    with translation.override(language):
        form = LoginForm()
        labels = {name: str(form[name].label) for name in ("username", "password")}
        sign_in = wagtail_gettext("Sign in")
    page.get_by_label(labels["username"]).fill(username)
    page.get_by_label(labels["password"]).fill(password)
    page.get_by_role("button", name=sign_in).click()
    expect(page).not_to_have_url(re.compile("/admin/login/"))


def admin_label(label: str) -> re.Pattern:
    """An admin field's label, which may end in the mark of a required field."""
    return re.compile(r"^\s*" + re.escape(label) + r"\s*\*?\s*$")


def make_coordinator():
    """A superuser who reads the admin in English, the language the test takes its labels in."""
    password = "pitka-salasana-123"
    user = get_user_model().objects.create_superuser("koordinaattori", password=password)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user, password


# --- The journey ------------------------------------------------------------------------------------------


def test_a_proposed_idea_is_approved_put_to_the_vote_voted_for_changed_and_counted(new_page):
    title = "Leikkipuistoretki perjantaisin"
    # A family proposes an idea on the phone, from the ideas page.
    family = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    family.goto(route("fi"))
    family.get_by_role("main").get_by_role("link", name=text("fi", "Propose an idea")).first.click()
    expect(family).to_have_url(re.compile(r"/ideat/ehdota/$"))
    proposal_field(family, "fi", "title").fill(title)
    proposal_field(family, "fi", "description").fill("Lähdetään yhdessä eri leikkipuistoihin ja otetaan eväät mukaan.")
    expect(proposal_field(family, "fi", "language")).to_have_value("fi")
    proposal_field(family, "fi", "author_name").fill("Hodan")
    button(family, "fi", "Send the idea").click()
    expect(family).to_have_url(PROPOSED_PATH)
    expect(family.get_by_role("heading", level=1)).to_have_text(text("fi", "Thank you for your idea"))
    expect(family.get_by_role("main").get_by_role("status")).to_be_visible()
    idea = Idea.objects.get(title=title)
    assert idea.status == IdeaStatus.AWAITING and idea.author_name == "Hodan" and idea.language == "fi"
    family.goto(route("fi"))
    expect(family.get_by_role("main").get_by_text(title)).to_have_count(0)

    # Staff approve it in the moderation list with the bulk action.
    user, password = make_coordinator()
    staff = new_page(viewport=PHONE)
    log_in_to_the_admin(staff, user.username, password)
    staff.goto(reverse(IDEAS_LIST))
    row = staff.get_by_role("row").filter(has_text=title)
    row.get_by_role("checkbox", name=text("en", "Select")).check()
    staff.get_by_role("link", name=text("en", "Approve the selected ideas")).click()
    staff.get_by_role("button", name=text("en", "Approve"), exact=True).click()
    expect(staff).to_have_url(re.compile(re.escape(reverse(IDEAS_LIST))))
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PUBLISHED
    family.goto(route("fi"))
    expect(family.get_by_role("main").get_by_role("link", name=title)).to_be_visible()

    # Staff add it to the open round, show its results live, and print the codes.
    voting_round = open_round()
    before = tallies(voting_round)
    used = voting_round.codes.exclude(channel="").count() + 1  # and the voter's code
    staff.goto(reverse("wagtailsnippets_ideas_votinground:edit", args=[voting_round.pk]))
    with translation.override("en"):
        add_idea = wagtail_gettext("Add %(label)s") % {"label": gettext("Idea")}
        idea_select = gettext("Idea")
        live = str(capfirst(VotingRound._meta.get_field("results_live").verbose_name))
        save = wagtail_gettext("Save")
        option = idea_label(idea)
    staff.get_by_role("button", name=add_idea).click()
    staff.get_by_role("combobox", name=admin_label(idea_select)).last.select_option(label=option)
    staff.get_by_role("checkbox", name=admin_label(live)).check()
    staff.get_by_role("button", name=save, exact=True).first.click()
    expect(staff).not_to_have_url(re.compile(r"/edit/\d+/$"))
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.VOTING
    voting_round.refresh_from_db()
    assert voting_round.results_live and idea.pk in set(voting_round.ideas.values_list("pk", flat=True))

    staff.goto(reverse("ideas_round_print", args=[voting_round.pk]))
    printed = staff.get_by_text(CODE)
    unused = voting_round.codes.filter(channel="", revoked_at__isnull=True).count()
    expect(printed).to_have_count(unused)
    code = printed.first.inner_text().strip()
    assert VotingCode.objects.get(code=code.replace("-", "")).round_id == voting_round.pk

    # A voter scans the slip's QR code: the ballot opens with the code filled in.
    voter = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    ballot_url = route("fi", "ballot", voting_round.pk) + "?koodi=" + code.replace("-", "")
    voter.goto(ballot_url)
    in_round = [entry.idea for entry in voting_round.round_ideas()]
    fathers, club = in_round[0], in_round[2]
    ballot = voter.get_by_role("main")
    ballot.get_by_label(title, exact=True).check()
    ballot.get_by_label(fathers.title, exact=True).check()
    button(voter, "fi", "Save my votes").click()
    expect(voter).to_have_url(VOTED_PATH)
    expect(voter.get_by_role("heading", level=1)).to_have_text(text("fi", "Thank you! Your votes are saved"))
    assert set(Vote.objects.filter(code__code=code.replace("-", "")).values_list("idea_id", flat=True)) == {
        idea.pk,
        fathers.pk,
    }

    # The voter opens the ballot again with the code, and changes the vote.
    voter.goto(ballot_url)
    expect(ballot.get_by_label(title, exact=True)).to_be_checked()
    expect(ballot.get_by_label(fathers.title, exact=True)).to_be_checked()
    ballot.get_by_label(fathers.title, exact=True).uncheck()
    ballot.get_by_label(club.title, exact=True).check()
    button(voter, "fi", "Save my votes").click()
    expect(voter).to_have_url(VOTED_PATH)
    assert set(Vote.objects.filter(code__code=code.replace("-", "")).values_list("idea_id", flat=True)) == {
        idea.pk,
        club.pk,
    }

    # The results count the voter's final choice.
    expected = before | {idea.pk: 1}
    expected[club.pk] += 1
    voter.goto(route("fi", "results", voting_round.pk))
    table = voter.get_by_role("main").get_by_role("table")
    for entry in voting_round.round_ideas():
        row = table.get_by_role("row").filter(has=voter.get_by_role("rowheader", name=entry.idea.title, exact=True))
        expect(row.get_by_role("cell").nth(1)).to_have_text(str(expected[entry.idea_id]))
    issued = voting_round.codes.filter(revoked_at__isnull=True).count()
    with translation.override("fi"):
        turnout = gettext("%(used)s of %(issued)s codes used (%(percent)s %%).") % {
            "used": used,
            "issued": issued,
            "percent": round(100 * used / issued),
        }
        votes = sum(expected.values())
        total = ngettext("%(votes)s vote in all.", "%(votes)s votes in all.", votes) % {"votes": votes}
    expect(voter.get_by_role("main").get_by_text(turnout)).to_be_visible()
    expect(voter.get_by_role("main").get_by_text(total)).to_be_visible()


# --- Accessibility ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_ideas_and_voting_pages_have_no_axe_violations_on_a_phone(new_page, language):
    page = new_page(viewport=PHONE)
    problems = []

    def check(what: str) -> None:
        if report := axe_report(page):
            problems.append(f"{what} ({page.url}) at {PHONE['width']} px:\n{report}")

    def visit(what: str, path: str) -> None:
        response = page.goto(path)
        assert response.status == 200, f"{what}: {page.url} answered {response.status}"
        check(what)

    drawn = Idea.objects.public().filter(photo__isnull=False).order_by("pk").first()
    assert drawn is not None, "The demo has an idea with a child's drawing"
    visit("The list of ideas", route(language))
    visit("An idea with a drawing and its history", route(language, "idea", drawn.pk))
    visit("The proposal form", route(language, "propose"))
    button(page, language, "Send the idea").click()
    expect(error_summary(page)).to_be_visible()
    check("The proposal form with errors")
    visit("The code entry", route(language, "vote"))
    code_field(page, language).fill("XXXX-0000")
    button(page, language, "Open the ballot").click()
    expect(error_summary(page)).to_be_visible()
    check("The code entry with a wrong code")
    voting_round = open_round()
    visit("The ballot", route(language, "ballot", voting_round.pk) + "?koodi=" + unused_code(voting_round))
    visit("The results", route(language, "results", closed_round().pk))
    assert not problems, "\n\n".join(problems)


# --- Keyboard and no JavaScript ---------------------------------------------------------------------------


def test_an_idea_is_proposed_with_the_keyboard_alone(new_page):
    page = new_page(viewport=PHONE, reduced_motion="reduce")
    page.goto(route("en", "propose"))
    tab_until(page, lambda focused: focused["name"] == "title")
    page.keyboard.type("A bench by the door")
    page.keyboard.press("Tab")
    page.keyboard.type("Parents waiting with prams could sit down.")
    tab_until(page, lambda focused: focused["name"] == "by_child")
    page.keyboard.press("Space")
    expect(proposal_field(page, "en", "by_child")).to_be_checked()
    tab_until(page, lambda focused: focused["tag"] == "button" and focused["text"] == text("en", "Send the idea"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(PROPOSED_PATH)
    idea = Idea.objects.get(title="A bench by the door")
    assert idea.by_child and idea.language == "en" and idea.status == IdeaStatus.AWAITING


def test_a_ballot_is_filled_in_with_the_keyboard_alone(new_page):
    voting_round = open_round()
    code = unused_code(voting_round)
    page = new_page(viewport=PHONE, reduced_motion="reduce")
    page.goto(route("sv", "vote"))
    tab_until(page, lambda focused: focused["name"] == "koodi")
    page.keyboard.type(code.lower())
    page.keyboard.press("Enter")
    expect(page).to_have_url(BALLOT_PATH)

    tab_until(page, lambda focused: focused["name"] == "ideat")
    page.keyboard.press("Space")
    tab_until(page, lambda focused: focused["name"] == "ideat")
    page.keyboard.press("Space")
    tab_until(page, lambda focused: focused["tag"] == "button" and focused["text"] == text("sv", "Save my votes"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(VOTED_PATH)
    first_two = [entry.idea_id for entry in voting_round.round_ideas()[:2]]
    voted = Vote.objects.filter(code__code=code.replace("-", "")).values_list("idea_id", flat=True)
    assert sorted(voted) == sorted(first_two)


def test_proposing_and_voting_work_without_javascript(new_page):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(route("sv", "propose"))
    button(page, "sv", "Send the idea").click()
    expect(error_summary(page)).to_be_visible()
    proposal_field(page, "sv", "title").fill("Skohylla vid dörren")
    proposal_field(page, "sv", "description").fill("Det blir trångt i tamburen när alla kommer samtidigt.")
    proposal_field(page, "sv", "language").select_option("sv")
    button(page, "sv", "Send the idea").click()
    expect(page).to_have_url(PROPOSED_PATH)
    assert Idea.objects.get(title="Skohylla vid dörren").status == IdeaStatus.AWAITING

    voting_round = open_round()
    code = unused_code(voting_round)
    page.goto(route("sv", "vote"))
    code_field(page, "sv").fill(code)
    button(page, "sv", "Open the ballot").click()
    expect(page).to_have_url(BALLOT_PATH)
    last = list(voting_round.round_ideas())[-1].idea
    page.get_by_role("main").get_by_label(last.title, exact=True).check()
    button(page, "sv", "Save my votes").click()
    expect(page).to_have_url(VOTED_PATH)
    assert list(Vote.objects.filter(code__code=code.replace("-", "")).values_list("idea_id", flat=True)) == [last.pk]
