"""The foundation in a real browser: languages, keyboard use, accessibility, no-JavaScript search."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from pages.forms import SearchForm
from tests.e2e.helpers import assert_no_axe_violations, finnish

pytestmark = pytest.mark.browser


def results_list(page):
    return page.get_by_role("main").get_by_role("list")


def test_home_page_is_finnish_and_the_switcher_leads_to_swedish(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "fi")

    page.get_by_role("navigation", name=finnish("Language")).get_by_role("link", name="svenska").click()

    expect(page).to_have_url(re.compile(r"/sv/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")


def test_language_switcher_keeps_the_reader_on_the_same_page(page):
    page.goto("/malli/")

    page.get_by_role("link", name="svenska", exact=True).click()

    expect(page).to_have_url(re.compile(r"/sv/malli/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")


def test_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_main(page):
    page.goto("/malli/periaatteet/")

    page.keyboard.press("Tab")

    skip_link = page.get_by_role("link", name=finnish("Skip to main content"))
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_attribute("href", "#main")

    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"#main$"))
    assert page.evaluate("document.activeElement.id") == "main"
    expect(page.get_by_role("main")).to_be_in_viewport()


@pytest.mark.parametrize(
    "path",
    ["/", "/malli/periaatteet/", "/haku/?q=perhe", "/haku/?q=", "/ei-ole-olemassa/", "/sv/"],
    ids=["home", "content-page", "search-results", "search-empty-query", "not-found", "swedish-home"],
)
def test_page_has_no_axe_violations(page, path):
    response = page.goto(path)
    assert response is not None
    if path == "/ei-ole-olemassa/":
        assert response.status == 404
    if path == "/haku/?q=perhe":
        expect(results_list(page).get_by_role("link").first).to_be_visible()
    if path == "/haku/?q=":
        expect(page.get_by_role("alert")).to_be_visible()

    assert_no_axe_violations(page)


def test_home_page_fits_a_320_pixel_screen_without_horizontal_scrolling(new_page):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto("/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_no_axe_violations(page)


def test_search_works_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/haku/")
    with translation.override("fi"):
        label = str(SearchForm().fields["q"].label)

    page.get_by_label(label).fill("perhe")
    page.get_by_role("search").get_by_role("button", name=finnish("Search")).click()

    expect(page).to_have_url(re.compile(r"/haku/\?q=perhe$"))
    expect(results_list(page).get_by_role("link").first).to_be_visible()
