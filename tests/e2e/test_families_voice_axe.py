"""The families' voice forms of the demo site have no axe violations in fi, sv and en without JavaScript: the
feedback form of an activity, the children's picture form, the visitor survey and the ways to take part, each
as it opens and, for the last three, sent empty so that the error summary shows."""

import re

import pytest
from django.core.cache import cache
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Page

from events.models import Activity
from tests.e2e.helpers import axe_report
from tests.e2e.test_co_development_loop import without_scripts

pytestmark = pytest.mark.browser

PREFIXES = {"fi": "/", "sv": "/sv/", "en": "/en/"}
ACTIVITY = "perhekahvila"
FORMS = [
    # What, the address below the language's prefix, the page whose title is the heading (or the activity's),
    # and the words of the button that sends it empty (None: the feedback test sends that one).
    ("The feedback form", f"palaute/{ACTIVITY}/", None, None),
    ("The children's picture form", "lasten-aani/", "lasten-aani", "Send the answer"),
    ("The visitor survey", "kavijakysely/", "kavijakysely", "Send the answers"),
    ("The ways to take part", "osallistu/", "osallistu", "Send"),
]
# The form's one-time values differ on every load.
HIDDEN_VALUES = re.compile(r'(name="(?:csrfmiddlewaretoken|submission_key)" value=")[^"]*"')


def words(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def heading(slug: str | None, language: str) -> str:
    if slug is None:
        return Activity.objects.get(slug=ACTIVITY, locale__language_code=language).title
    return Page.objects.get(slug=slug, locale__language_code=language).title


def main_html(page) -> str:
    return HIDDEN_VALUES.sub(r'\1"', page.locator("main").inner_html())


def test_the_families_voice_forms_have_no_axe_violations_without_javascript(new_page):
    cache.clear()  # the forms' rate limits count in it
    no_js = new_page(java_script_enabled=False)
    checked = new_page()
    # axe needs the page's timers, which a browser without JavaScript stops: it checks the same page with every
    # script taken out of it.
    checked.route("**/*", without_scripts)
    problems = []
    for language, prefix in PREFIXES.items():
        for what, path, slug, send in FORMS:
            where = f"{what} ({language}, {prefix}{path})"
            response = no_js.goto(prefix + path)
            if response.status != 200:
                problems.append(f"{where} answered {response.status}")
                continue
            try:
                expect(no_js.locator("html")).to_have_attribute("lang", language)
                main = no_js.get_by_role("main")
                expect(main.get_by_role("heading", level=1)).to_have_text(heading(slug, language))
                expect(main.locator("form")).to_be_visible()
                checked.goto(prefix + path)
                assert main_html(checked) == main_html(no_js), "the page differs without scripts"
            except AssertionError as error:
                problems.append(f"{where}: {error}")
                continue
            if report := axe_report(checked):
                problems.append(f"{where}:\n{report}")
            if send is None:
                continue
            checked.get_by_role("main").get_by_role("button", name=words(language, send), exact=True).click()
            try:
                expect(checked.get_by_role("main").get_by_role("alert")).to_be_visible()
            except AssertionError as error:
                problems.append(f"{where} sent empty shows no error summary: {error}")
                continue
            if report := axe_report(checked):
                problems.append(f"{where} with errors:\n{report}")
    assert not problems, "\n\n".join(problems)
