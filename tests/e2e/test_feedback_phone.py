"""Immediate feedback in a real browser, as a family at the place would give it on a phone.

A member of staff opens the café's poster; a family opens the address its QR code holds (the scan), taps a
face and taps send, and sees the thank-you page. On the place's tablet the kiosk form starts over by itself
after each answer (with JavaScript) or through its link (without), never showing the previous family's text.
Staff then see the family's answer in the month's chart. The form has no axe violations in fi, sv and en
without JavaScript, blank and with errors, on a phone and in kiosk mode.
"""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from ideas import feedback_admin
from ideas.feedback_forms import FeedbackForm
from ideas.models import Feedback
from ideas.models import feedback_page as feedback_routes
from ideas.voice_choices import Face
from tests.e2e.helpers import axe_report
from tests.e2e.test_co_development_loop import without_scripts
from tests.e2e.test_ideas import PHONE, log_in_to_the_admin, make_coordinator
from tests.ideas.test_feedback import form_url, give, make_feedback_site

pytestmark = pytest.mark.browser

LANGUAGES = ["fi", "sv", "en"]
EARLIER_FACES = [Face.GOOD, Face.GOOD, Face.OKAY, Face.BAD]
KIOSK_SECONDS = 2


@pytest.fixture
def place(live_server, django_db_serialized_rollback, settings, monkeypatch):
    """The café's place behind the live server, whose public address is the live server's. Serialized rollback
    restores what migrations created; rate limits count in the cache, which starts empty."""
    cache.clear()
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    monkeypatch.setattr(feedback_routes, "KIOSK_SECONDS", KIOSK_SECONDS)
    site = make_feedback_site()
    site["url"] = live_server.url
    yield site
    cache.clear()


@pytest.fixture
def open_page(browser, place):
    contexts = []

    def open_one(**context_options):
        context = browser.new_context(base_url=place["url"], **context_options)
        contexts.append(context)
        return context.new_page()

    yield open_one
    for context in contexts:
        context.close()


def words(language: str, message) -> str:
    with translation.override(language):
        return str(gettext(message) if isinstance(message, str) else message)


def face_label(language: str, face: Face) -> str:
    return words(language, face.label)


def question(language: str, name: str) -> re.Pattern:
    """A text field's label as the form shows it (it ends in "(optional)")."""
    with translation.override(language):
        label = str(FeedbackForm()[name].label)
    return re.compile("^" + re.escape(label))


def send(page, language: str):
    return page.get_by_role("main").get_by_role("button", name=words(language, "Send"))


def expect_an_empty_form(page, language: str = "fi") -> None:
    main = page.get_by_role("main")
    for face in Face:
        expect(main.get_by_role("radio", name=face_label(language, face), exact=True)).not_to_be_checked()
    expect(main.get_by_label(question(language, "good"))).to_have_value("")
    expect(main.get_by_label(question(language, "better"))).to_have_value("")


def test_a_family_scans_the_poster_answers_in_two_taps_the_kiosk_starts_over_and_staff_see_it(place, open_page):
    cafe = place["cafe"]
    for face in EARLIER_FACES:
        give(cafe, face)

    # Staff open the café's poster; its QR code holds the form's address.
    user, password = make_coordinator()
    staff = open_page()
    log_in_to_the_admin(staff, user.username, password)
    staff.goto(reverse(feedback_admin.POSTER, args=[cafe.pk]) + "?kieli=fi")
    expect(staff.locator("main svg.qr")).to_be_visible()
    scanned = staff.get_by_role("link", name=re.compile(r"palaute.perhekahvila.$")).get_attribute("href")
    assert scanned == place["url"] + form_url(place)

    # A family scans it on a phone, taps a face and taps send.
    family = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    family.goto(scanned)
    main = family.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(cafe.title)
    main.get_by_role("radio", name=face_label("fi", Face.VERY_GOOD), exact=True).tap()
    send(family, "fi").tap()
    expect(family).to_have_url(place["url"] + form_url(place, name="thanks"))
    expect(family.get_by_role("heading", level=1)).to_have_text(words("fi", "Thank you for your feedback"))
    given = Feedback.objects.order_by("-pk").first()
    assert (given.face, given.language, given.at_place, given.activity_id) == (Face.VERY_GOOD, "fi", False, cafe.pk)

    # The place's tablet: after an answer the thank-you screen counts down and opens an empty form by itself.
    kiosk_url = place["url"] + form_url(place, name="kiosk")
    tablet = open_page(has_touch=True)
    tablet.goto(kiosk_url)
    tablet.get_by_role("main").get_by_role("radio", name=face_label("fi", Face.OKAY), exact=True).tap()
    tablet.get_by_role("main").get_by_label(question("fi", "good")).fill("Kiva laulutuokio")
    send(tablet, "fi").tap()
    expect(tablet).to_have_url(place["url"] + form_url(place, name="kiosk_thanks"))
    expect(tablet.locator("[data-kiosk-countdown]")).to_be_visible()
    expect(tablet).to_have_url(kiosk_url, timeout=(KIOSK_SECONDS + 8) * 1000)
    expect_an_empty_form(tablet)
    assert "Kiva laulutuokio" not in tablet.content()

    # Without JavaScript, the thank-you screen's link opens the empty form.
    plain = open_page(java_script_enabled=False)
    plain.goto(kiosk_url)
    plain.get_by_role("main").get_by_role("radio", name=face_label("fi", Face.OKAY), exact=True).check()
    plain.get_by_role("main").get_by_label(question("fi", "better")).fill("Lisää tuoleja")
    send(plain, "fi").click()
    expect(plain.locator("[data-kiosk-countdown]")).to_be_hidden()
    plain.get_by_role("main").get_by_role("link", name=words("fi", "Next answer now")).click()
    expect(plain).to_have_url(kiosk_url)
    expect_an_empty_form(plain)
    assert "Lisää tuoleja" not in plain.content()
    assert list(Feedback.objects.filter(at_place=True).values_list("face", flat=True)) == [Face.OKAY, Face.OKAY]

    # Staff see the family's answer in the month's chart of the café (the admin is in English).
    staff.goto(reverse(feedback_admin.SUMMARY) + f"?activity={cafe.pk}")
    expect(staff.locator("#feedback-count")).to_have_text(str(len(EARLIER_FACES) + 3))
    with translation.override("en"):
        very_good, okay = str(Face.VERY_GOOD.label), str(Face.OKAY.label)
    chart = staff.locator(".bar-chart table")
    expect(chart.get_by_role("row", name=re.compile("^" + re.escape(very_good)))).to_contain_text("1")
    expect(chart.get_by_role("row", name=re.compile("^" + re.escape(okay)))).to_contain_text("3")


HIDDEN_VALUES = re.compile(r'(name="(?:csrfmiddlewaretoken|submission_key)" value=")[^"]*"')


def test_the_feedback_form_has_no_axe_violations_without_javascript(place, open_page):
    no_js = open_page(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    checked = open_page(viewport=PHONE, is_mobile=True)
    # axe needs the page's timers, which a browser without JavaScript stops: it checks the same page with every
    # script taken out of it.
    checked.route("**/*", without_scripts)
    problems = []
    for language in LANGUAGES:
        for what, name in (("The form", "form"), ("The kiosk form", "kiosk")):
            path = form_url(place, language, name=name)
            for page in (no_js, checked):
                response = page.goto(path)
                assert response.status == 200, f"{what} ({language}) answered {response.status}"
                expect(page.locator("html")).to_have_attribute("lang", language)
            same = [HIDDEN_VALUES.sub(r'\1"', page.locator("main").inner_html()) for page in (no_js, checked)]
            assert same[0] == same[1], what
            if report := axe_report(checked):
                problems.append(f"{what} ({checked.url}):\n{report}")
        # Sent without a face: the error summary and the marked faces.
        send(checked, language).click()
        expect(checked.get_by_role("main").get_by_role("alert")).to_be_visible()
        if report := axe_report(checked):
            problems.append(f"The form with errors ({language}):\n{report}")
    assert not problems, "\n\n".join(problems)
    assert Feedback.objects.count() == 0
