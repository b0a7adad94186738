"""The programme and signing up for an event in a real browser, as a family on a phone would use them.

The sitemap-driven axe tests of test_design.py cover the week page, the events list and the event and
activity pages as they first open; these tests walk what those do not reach: the sign-up form and its
errors, the confirmation and cancel pages, the filtered week, and the week printed for the notice board.
Interface words come from the forms and the message catalogue in the page's language, never typed in English.
"""

import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from events import schedule
from events.demo import CO_DEVELOPMENT_DAY
from events.models import Audience, EventPage, Registration, RegistrationStatus, WeekPage
from events.registration_forms import RegistrationForm
from events.tokens import registration_token
from tests.e2e.helpers import axe_report

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LANGUAGES = ["fi", "sv", "en"]
REGISTER_PATH = re.compile(r"/ilmoittautuminen/\d+/$")
DONE_PATH = re.compile(r"/ilmoittautuminen/vahvistus/[^/]+/$")
CANCEL_LINK = re.compile(r"https?://[^/\s]+(/(?:[a-z]{2}/)?ilmoittautuminen/peru/[^/\s]+/)")
# A PDF's page objects; "/Type /Pages" is the page tree, not a page.
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
# A4 less print.css's @page margins (15 mm, 12 mm), in CSS pixels (96 per inch).
A4_PRINTABLE = {"width": round(186 / 25.4 * 96), "height": round(267 / 25.4 * 96)}
# Where each day of the week ends on the page, to tell what runs over when the week needs a second sheet.
DAY_BOTTOMS = """() => Object.fromEntries([...document.querySelectorAll("main section[aria-labelledby]")].map(
    day => [day.querySelector("h2").innerText, Math.round(day.getBoundingClientRect().bottom + window.scrollY)]
))"""
# What the element that has focus shows: its tag and name, and the outline or shadow that marks it.
FOCUS_MARK = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName.toLowerCase(),
        name: element.name || element.getAttribute("href") || "",
        outline: style.outlineStyle !== "none" && (parseFloat(style.outlineWidth) || 0) >= 2,
        shadow: style.boxShadow !== "none",
    };
}"""


def co_development_day(language: str = "fi") -> EventPage:
    return EventPage.objects.get(locale__language_code=language, slug__startswith=CO_DEVELOPMENT_DAY)


def register_path(language: str) -> str:
    """The sign-up form's address in `language`, with that translation's own number."""
    prefix = "" if language == "fi" else f"/{language}"
    return f"{prefix}/ilmoittautuminen/{co_development_day(language).pk}/"


def labels(language: str) -> dict[str, re.Pattern]:
    """The sign-up form's labels in `language`, as the page shows them (optional ones end in a note)."""
    with translation.override(language):
        form = RegistrationForm(event=co_development_day())
        return {name: re.compile("^" + re.escape(str(form[name].label))) for name in form.fields}


def field(page, language: str, name: str):
    return page.get_by_role("main").get_by_label(labels(language)[name])


def submit_button(page):
    """The one button of the page's form in the main content (sign up, join the waiting list, cancel)."""
    return page.get_by_role("main").locator("form").get_by_role("button")


def error_summary(page):
    return page.get_by_role("main").get_by_role("alert").filter(has=page.get_by_role("heading"))


def fill_contact(page, language: str, name: str, email: str) -> None:
    field(page, language, "name").fill(name)
    field(page, language, "email").fill(email)
    field(page, language, "consent").check()


def week_path(language: str, monday=None) -> str:
    path = WeekPage.objects.get(locale__language_code=language).url
    return path if monday is None else f"{path}?viikko={schedule.week_param(monday)}"


def mail_subject(message: str, event: EventPage, language: str = "fi") -> str:
    """A mail's subject in the family's language, from the message catalogue."""
    with translation.override(language):
        return gettext(message) % {"event": event.title}


def pdf_pages(pdf: bytes) -> int:
    return len(PDF_PAGE.findall(pdf))


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_up_cancel_and_filtered_week_have_no_axe_violations_on_a_phone(new_page, language):
    page = new_page(viewport=PHONE)
    problems = []

    def check(what: str) -> None:
        if report := axe_report(page):
            problems.append(f"{what} ({page.url}) at {PHONE['width']} px:\n{report}")

    response = page.goto(register_path(language))
    assert response.status == 200, f"{page.url} answered {response.status}"
    check("The sign-up form")

    submit_button(page).click()
    expect(error_summary(page)).to_be_visible()
    check("The sign-up form with errors")

    fill_contact(page, language, "Axe", f"axe-{language}@example.fi")
    submit_button(page).click()
    expect(page).to_have_url(DONE_PATH)
    check("The confirmation page")

    page.get_by_role("main").locator("a[href*='/ilmoittautuminen/peru/']").click()
    expect(submit_button(page)).to_be_visible()
    check("The cancel page")

    submit_button(page).click()
    expect(page).to_have_url(DONE_PATH)
    check("The confirmation page of a cancelled registration")

    page.goto(week_path(language))
    details = page.get_by_role("main").locator("details").filter(has=page.locator("input[name=kuka]"))
    details.locator("summary").click()
    expect(details).to_have_attribute("open", "")
    check("The week with the filter open")

    with translation.override(language):
        fathers = str(Audience.FATHERS.label)
    details.get_by_label(fathers, exact=True).check()
    details.get_by_role("button").first.click()
    expect(page).to_have_url(re.compile(r"[?&]kuka=fathers(&|$)"))
    expect(details).to_have_attribute("open", "")
    expect(details.get_by_label(fathers, exact=True)).to_be_checked()
    check("The week filtered")

    assert not problems, "\n\n".join(problems)


def test_parent_on_a_phone_signs_up_children_and_an_interpreter_cancels_and_the_waiting_family_gets_the_place(
    new_page, mailoutbox
):
    event = co_development_day()
    confirmed = Registration.objects.for_event(event).confirmed().count()
    assert confirmed, "The demo's co-development day has no sign-ups"
    # The parent takes the last place; every translation has the same facts.
    EventPage.objects.filter(translation_key=event.translation_key).update(capacity=confirmed + 1)

    parent = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    parent.goto(event.url)
    with translation.override("fi"):
        sign_up_text = gettext("Sign up")
    parent.get_by_role("main").get_by_role("link", name=sign_up_text).click()
    expect(parent).to_have_url(REGISTER_PATH)

    field(parent, "fi", "name").fill("Hodan")
    field(parent, "fi", "email").fill("hodan@example.fi")
    field(parent, "fi", "adults").fill("1")
    field(parent, "fi", "child_1_age").select_option("4")
    field(parent, "fi", "child_1_childcare").check()
    field(parent, "fi", "child_2_age").select_option("1")
    field(parent, "fi", "child_2_childcare").check()
    field(parent, "fi", "interpreter_language").select_option(value="so")
    field(parent, "fi", "consent").check()
    submit_button(parent).click()

    expect(parent).to_have_url(DONE_PATH)
    expect(parent.get_by_role("main").get_by_role("status")).to_be_visible()
    signed_up = Registration.objects.get(email="hodan@example.fi")
    assert signed_up.status == RegistrationStatus.CONFIRMED
    assert signed_up.event_id == event.pk and signed_up.language == "fi" and signed_up.adults == 1
    assert signed_up.interpreter_language == "so"
    assert sorted(signed_up.children.values_list("age", "needs_childcare")) == [(1, True), (4, True)]
    assert parent.url.endswith(f"/ilmoittautuminen/vahvistus/{registration_token(signed_up.pk)}/")

    assert [message.to for message in mailoutbox] == [["hodan@example.fi"]]
    confirmation = mailoutbox[0]
    assert confirmation.subject == mail_subject("You are signed up: %(event)s", event)
    assert event.title in confirmation.body
    cancel_links = CANCEL_LINK.findall(confirmation.body)
    assert cancel_links == [f"/ilmoittautuminen/peru/{registration_token(signed_up.pk)}/"], confirmation.body

    # Another family finds the event full and joins the waiting list.
    family = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    family.goto(register_path("fi"))
    fill_contact(family, "fi", "Farah", "farah@example.fi")
    field(family, "fi", "child_1_age").select_option("3")
    submit_button(family).click()
    expect(family).to_have_url(DONE_PATH)
    waiting = Registration.objects.get(email="farah@example.fi")
    assert waiting.status == RegistrationStatus.WAITLISTED
    assert [message.to for message in mailoutbox] == [["hodan@example.fi"], ["farah@example.fi"]]
    assert mailoutbox[1].subject == mail_subject("You are on the waiting list: %(event)s", event)

    parent.goto(cancel_links[0])
    submit_button(parent).click()

    expect(parent).to_have_url(DONE_PATH)
    expect(parent.get_by_role("main").get_by_role("status")).to_be_visible()
    signed_up.refresh_from_db()
    waiting.refresh_from_db()
    assert signed_up.status == RegistrationStatus.CANCELLED and signed_up.cancelled_at is not None
    assert waiting.status == RegistrationStatus.CONFIRMED and waiting.promoted_at is not None
    assert Registration.objects.for_event(event).confirmed().count() == confirmed + 1
    assert len(mailoutbox) == 3, [message.subject for message in mailoutbox]
    promotion = mailoutbox[2]
    assert promotion.to == ["farah@example.fi"]
    assert promotion.subject == mail_subject("A place opened up for you: %(event)s", event)
    assert CANCEL_LINK.findall(promotion.body) == [f"/ilmoittautuminen/peru/{registration_token(waiting.pk)}/"]
    # The parent's cancel link now leads to the confirmation, which says the registration is cancelled.
    parent.goto(cancel_links[0])
    expect(parent).to_have_url(DONE_PATH)
    expect(parent.get_by_role("main").locator("a[href*='/ilmoittautuminen/peru/']")).to_have_count(0)


def test_sign_up_works_without_javascript(new_page):
    before = Registration.objects.count()
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(register_path("fi"))
    fill_contact(page, "fi", "Ilman skriptejä", "ei-js@example.fi")
    submit_button(page).click()

    expect(page).to_have_url(DONE_PATH)
    expect(page.get_by_role("main").get_by_role("status")).to_be_visible()
    assert Registration.objects.count() == before + 1
    assert Registration.objects.get(email="ei-js@example.fi").status == RegistrationStatus.CONFIRMED


def test_consent_and_sending_reached_with_the_keyboard_show_focus(new_page):
    page = new_page(viewport=PHONE, reduced_motion="reduce")
    page.goto(register_path("fi"))
    field(page, "fi", "name").fill("Näppäimistö")
    field(page, "fi", "email").fill("nappaimisto@example.fi")
    field(page, "fi", "other_needs").focus()

    consent = field(page, "fi", "consent")
    problems, path = [], []
    for _ in range(5):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_MARK)
        assert focused, "Tab left the page"
        path.append(f"<{focused['tag']}> {focused['name']}")
        if not focused["outline"] and not focused["shadow"]:
            problems.append(f"<{focused['tag']}> {focused['name']!r} has focus without a visible mark")
        if focused["name"] == "consent":
            break
    expect(consent).to_be_focused()
    page.keyboard.press("Space")
    expect(consent).to_be_checked()

    page.keyboard.press("Tab")
    expect(submit_button(page)).to_be_focused()
    focused = page.evaluate(FOCUS_MARK)
    if not focused["outline"] and not focused["shadow"]:
        problems.append("The submit button has focus without a visible mark")
    assert not problems, "\n".join(problems) + f"\nTab went through {path}"
    page.keyboard.press("Enter")

    expect(page).to_have_url(DONE_PATH)
    assert Registration.objects.get(email="nappaimisto@example.fi").status == RegistrationStatus.CONFIRMED


def test_too_long_text_and_no_contact_show_the_errors_keep_the_answers_and_store_nothing(new_page):
    before = Registration.objects.count()
    page = new_page(viewport=PHONE)
    page.goto(register_path("fi"))
    field(page, "fi", "name").fill("Pitkä viesti")
    other_needs = field(page, "fi", "other_needs")
    # The browser stops typing at the limit; a pasted text or an old browser may send it all.
    expect(other_needs).to_have_attribute("maxlength", "1000")
    long_text = "Tarvitsemme apua. " * 555 + "x" * 10  # 10,000 characters
    assert len(long_text) == 10_000
    other_needs.evaluate("(element, text) => { element.value = text; }", long_text)
    field(page, "fi", "consent").check()
    submit_button(page).click()

    summary = error_summary(page)
    expect(summary).to_be_visible()
    targets = [link.get_attribute("href") for link in summary.get_by_role("link").all()]
    assert sorted(targets) == ["#id_email", "#id_other_needs"], targets
    for target in targets:
        expect(page.locator(target)).to_have_attribute("aria-invalid", "true")
    summary.locator("a[href='#id_other_needs']").click()
    expect(page).to_have_url(re.compile("#id_other_needs$"))
    expect(field(page, "fi", "name")).to_have_value("Pitkä viesti")
    assert field(page, "fi", "other_needs").input_value() == long_text
    expect(field(page, "fi", "consent")).to_be_checked()
    assert Registration.objects.count() == before


def test_week_prints_on_one_a4_sheet_this_week_and_next(new_page):
    monday = schedule.monday_of(timezone.localdate())
    page = new_page(viewport=A4_PRINTABLE)
    page.emulate_media(media="print")
    problems = []
    for week in (None, schedule.shift_weeks(monday, 1)):
        path = week_path("fi", week)
        response = page.goto(path)
        assert response.status == 200, f"{path} answered {response.status}"
        pages = pdf_pages(page.pdf(format="A4"))
        if pages != 1:
            bottoms = page.evaluate(DAY_BOTTOMS)
            problems.append(
                f"{path} prints on {pages} A4 pages; in print layout at {A4_PRINTABLE['width']} px the days end at "
                f"(px from the top, a sheet holds about {A4_PRINTABLE['height']}): {bottoms}"
            )
    assert not problems, "\n".join(problems)


def test_pdf_page_count_tells_one_sheet_from_several(browser):
    """The page count above can fail: three sheets read as three."""
    page = browser.new_page()
    page.set_content("<p style='break-after: page'>1</p><p style='break-after: page'>2</p><p>3</p>")
    assert pdf_pages(page.pdf(format="A4")) == 3
    page.close()
