"""The site's look in a real browser: accessible at every width, text that reflows, focus that shows, the header.

Each test loads the demo anew, so a test walks many pages and reports every failure at once.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from wagtail.admin.forms.auth import LoginForm
from wagtail.models import Locale, Site

from pages.models import HelpPage, PartnersPage, SiteSettings, SupportType
from pages.navigation import home_url
from tests.e2e.helpers import axe_report, finnish

pytestmark = pytest.mark.browser

NARROWEST = {"width": 320, "height": 640}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
MISSING_PATH = "ei-ole-olemassa/"
PATTERN_PATH = "komponentit/"
# Where an element's box starts and ends across the page, however far the window has scrolled.
LEFT_AND_RIGHT_ON_THE_PAGE = """element => {
    const box = element.getBoundingClientRect();
    return [Math.round(box.left + window.scrollX), Math.round(box.right + window.scrollX)];
}"""
# What the element that has focus shows: its tag and words, and the outline or shadow that marks it.
FOCUSED_ELEMENT = """() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return null;
    window.focusSeen = window.focusSeen || new Set();
    if (window.focusSeen.has(element)) return null;
    window.focusSeen.add(element);
    const style = getComputedStyle(element);
    const words = element.innerText || element.value || element.getAttribute("aria-label") || element.name || "";
    return {
        tag: element.tagName.toLowerCase(),
        words: words.replace(/\\s+/g, " ").trim().slice(0, 60),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
        boxShadow: style.boxShadow,
        inMain: Boolean(element.closest("main")),
    };
}"""


def language_of(path: str) -> str:
    first = path.strip("/").split("/", 1)[0]
    prefixed = {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
    return first if first in prefixed else settings.LANGUAGE_CODE


def public_pages(page, language: str) -> dict[str, int]:
    """The public pages in `language`, each with the status it answers: the sitemap's pages, search
    results, a chosen help situation, a filtered partners list and a page that does not exist."""
    sitemap = page.request.get("/sitemap.xml").text()
    paths = {
        urlsplit(location).path: 200
        for location in re.findall(r"<loc>([^<]*)</loc>", sitemap)
        if language_of(urlsplit(location).path) == language
    }
    assert home_url(language) in paths, f"The sitemap lists no home page in {language}: {sitemap}"
    situation = HelpPage.objects.get(locale__language_code=settings.LANGUAGE_CODE).situations[0].value["slug"]
    support = SupportType.objects.first().slug
    with translation.override(language):
        paths[f"{reverse('search')}?q=perhe"] = 200
        paths[f"{HelpPage.objects.get(locale__language_code=language).url}?tilanne={situation}"] = 200
        paths[f"{PartnersPage.objects.get(locale__language_code=language).url}?tuki={support}"] = 200
        paths[home_url(language) + MISSING_PATH] = 404
    return paths


def visit(page, path: str, status: int = 200) -> str:
    """Opens `path`; a problem to report when it does not answer `status`, else ""."""
    response = page.goto(path)
    answered = response.status if response else None
    return "" if answered == status else f"{path} answered {answered}, not {status}"


def axe_problems(page, pages: dict[str, int]) -> list[str]:
    """Opens each page (path: the status it answers) and runs axe; pages with the same violations are reported once."""
    problems, paths_by_report = [], {}
    for path, status in pages.items():
        problem = visit(page, path, status)
        if problem:
            problems.append(problem)
        elif report := axe_report(page):
            paths_by_report.setdefault(report, []).append(path)
    width = page.viewport_size["width"]
    for report, paths in paths_by_report.items():
        problems.append(f"axe found violations at {width} px on {', '.join(paths)}:\n{report}")
    return problems


def menu_titles(language: str = "fi") -> list[str]:
    """The titles of the pages the main menu lists, as editors chose them (Show in menus)."""
    root = Site.objects.get(is_default_site=True).root_page
    home = root.get_translation(Locale.objects.get(language_code=language))
    return list(home.get_children().live().public().in_menu().values_list("title", flat=True))


def main_menu(page):
    # Hidden too: on a phone the menu is closed until opened.
    return page.get_by_role("banner").get_by_role("navigation", name=finnish("Main menu"), include_hidden=True)


def menu_link(page, title: str):
    return main_menu(page).get_by_role("link", name=title, exact=True, include_hidden=True)


def open_details_if_closed(element) -> None:
    """Opens the `<details>` the element is in, as a visitor would, when the element is hidden in it."""
    if not element.is_visible() and element.locator("xpath=ancestor::details[1]").count():
        element.locator("xpath=ancestor::details[1]/summary").click()


def log_in_to_admin(page) -> None:
    get_user_model().objects.create_superuser("suunnittelija", password="pitka-salasana-123")
    with translation.override("fi"):
        form = LoginForm()
        username, password = str(form["username"].label), str(form["password"].label)
    page.goto("/admin/login/")
    page.get_by_label(username).fill("suunnittelija")
    page.get_by_label(password).fill("pitka-salasana-123")
    page.get_by_role("button", name="Kirjaudu sisään").click()  # Wagtail's own Finnish label
    expect(page).to_have_url(re.compile(r"/admin/$"))


@pytest.mark.parametrize("width", [NARROWEST["width"], DESKTOP["width"]])
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_public_page_has_no_axe_violations(new_page, language, width):
    page = new_page(viewport=NARROWEST if width == NARROWEST["width"] else DESKTOP)
    problems = axe_problems(page, public_pages(page, language))
    assert not problems, "\n\n".join(problems)


def test_pattern_page_is_for_staff_and_has_no_axe_violations(new_page):
    page = new_page(viewport=DESKTOP)
    paths = [home_url(code) + PATTERN_PATH for code, _name in settings.LANGUAGES]
    for path in paths:
        status = page.request.get(path, max_redirects=0).status
        assert status != 200, f"{path} answered 200 to a visitor who has not logged in"
    log_in_to_admin(page)

    problems = []
    for viewport in (NARROWEST, DESKTOP):
        page.set_viewport_size(viewport)
        problems += axe_problems(page, dict.fromkeys(paths, 200))
    assert not problems, "\n\n".join(problems)


def test_pages_reflow_at_320_pixels_and_with_text_at_200_percent(new_page):
    narrow = new_page(viewport=NARROWEST)
    wide = new_page(viewport=DESKTOP)
    titles = menu_titles()
    assert titles, "The demo has no pages in the main menu"
    problems = []
    for path, status in public_pages(narrow, "fi").items():
        problem = visit(narrow, path, status) or visit(wide, path, status)
        if problem:
            problems.append(problem)
            continue
        scroll_width = narrow.evaluate("document.documentElement.scrollWidth")
        if scroll_width > NARROWEST["width"]:
            problems.append(f"{path} at {NARROWEST['width']} px is {scroll_width} px wide")

        wide.evaluate("document.documentElement.style.fontSize = '200%'")
        scroll_width = wide.evaluate("document.documentElement.scrollWidth")
        if scroll_width > DESKTOP["width"]:
            problems.append(f"{path} at {DESKTOP['width']} px with text at 200 % is {scroll_width} px wide")
        for title in titles:
            link = menu_link(wide, title)
            if not link.count():
                problems.append(f"{path} with text at 200 %: no main menu link {title!r}")
                continue
            open_details_if_closed(link)
            try:
                link.click(trial=True, timeout=2000)  # visible, enabled, not covered; clicks nothing
            except PlaywrightError:
                problems.append(f"{path} with text at 200 %: the main menu link {title!r} cannot be reached")
                continue
            left, right = link.evaluate(LEFT_AND_RIGHT_ON_THE_PAGE)
            if left < 0 or right > DESKTOP["width"]:
                problems.append(
                    f"{path} with text at 200 %: the main menu link {title!r} runs from {left} to {right} px, "
                    f"out of the {DESKTOP['width']} px window"
                )
    assert not problems, "\n".join(problems)


def test_focus_is_always_visible_when_tabbing_through_the_page(new_page):
    with translation.override("fi"):
        paths = [home_url(), PartnersPage.objects.get(locale__language_code="fi").url]
    problems = []
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport=viewport, reduced_motion="reduce")
        for path in paths:
            page.goto(path)
            reached_main = False
            for _ in range(40):
                page.keyboard.press("Tab")
                focused = page.evaluate(FOCUSED_ELEMENT)
                if focused is None:
                    break
                reached_main = reached_main or focused["inMain"]
                outlined = focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2
                if not outlined and focused["boxShadow"] == "none":
                    problems.append(
                        f"{path} at {viewport['width']} px: <{focused['tag']}> {focused['words']!r} has focus "
                        f"without a visible mark (outline {focused['outlineStyle']} {focused['outlineWidth']} px, "
                        f"box-shadow {focused['boxShadow']})"
                    )
            if not reached_main:
                problems.append(f"{path} at {viewport['width']} px: Tab never reached the main content")
    assert not problems, "\n".join(problems)


def test_header_has_skip_link_home_link_and_language_navigation(new_page):
    place_name = SiteSettings.objects.get().place_name
    assert place_name, "The demo's site settings have no place name"
    page = new_page(viewport=PHONE)
    page.goto("/malli/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name=finnish("Skip to main content"))).to_be_focused()

    banner = page.get_by_role("banner")
    named = banner.get_by_role("link", name=place_name, include_hidden=True).all()
    targets = [link.evaluate("link => new URL(link.href).pathname") for link in named]
    assert "/" in targets, f"No link in the header named {place_name!r} leads home; those named so lead to {targets}"
    languages = banner.get_by_role("navigation", name=finnish("Language"), include_hidden=True)
    for _code, name in settings.LANGUAGES:
        expect(languages.get_by_role("link", name=name, exact=True, include_hidden=True)).to_have_count(1)


def test_main_menu_is_behind_a_summary_on_a_phone_without_javascript_and_marks_the_current_section(new_page):
    titles = menu_titles()
    assert titles, "The demo has no pages in the main menu"
    phone = new_page(viewport=PHONE, java_script_enabled=False)
    phone.goto("/")
    details = main_menu(phone).locator("xpath=ancestor::details[1]")
    expect(details).to_have_count(1)
    summary = details.locator("xpath=./summary")
    expect(summary).to_have_text(finnish("Menu"))
    for title in titles:
        expect(menu_link(phone, title)).to_be_hidden()

    summary.click()

    for title in titles:
        expect(menu_link(phone, title)).to_be_visible()

    desktop = new_page(viewport=DESKTOP, java_script_enabled=False)
    partners = PartnersPage.objects.get(locale__language_code="fi")
    for path, current in ((partners.url, "page"), (f"{partners.url}perheneuvola/", "true")):
        desktop.goto(path)
        for title in titles:
            expect(menu_link(desktop, title)).to_be_visible()
        expect(menu_link(desktop, partners.title)).to_have_attribute("aria-current", current)
        expect(main_menu(desktop).locator("[aria-current]")).to_have_count(1)


def test_header_search_works_without_javascript_and_leaves_the_search_page_one_search(new_page):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto("/")
    search = page.get_by_role("banner").get_by_role("search", name=finnish("Site search"), include_hidden=True)
    expect(search).to_have_count(1)
    box = search.get_by_label(finnish("Search the site"))
    open_details_if_closed(box)

    box.fill("perhe")
    search.get_by_role("button", name=finnish("Search")).click()

    expect(page).to_have_url(re.compile(r"/haku/\?q=perhe$"))
    expect(page.get_by_role("main").get_by_role("list").get_by_role("link").first).to_be_visible()
    expect(page.get_by_role("search", include_hidden=True)).to_have_count(1)
    expect(page.get_by_role("banner").get_by_role("search", include_hidden=True)).to_have_count(0)
