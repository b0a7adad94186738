"""Partners, the help page and the model pages in a real browser, as a family would use them."""

import re

import pytest
from playwright.sync_api import expect

from pages.demo.help import HELP_PAGE
from pages.demo.partners import PARTNERS
from pages.demo.support_types import SUPPORT_TYPES
from tests.e2e.helpers import assert_no_axe_violations, finnish

pytestmark = pytest.mark.browser

FOOD = next(item for item in HELP_PAGE["situations"] if item["slug"] == "ruoka-ja-tavarat")
FOOD_GIVERS = [partner for partner in PARTNERS if "aineellinen" in partner["support"]]
MATERIAL = next(item for item in SUPPORT_TYPES if item["slug"] == "aineellinen")

PAGES = [
    "toimijat/",
    "toimijat/?tuki=aineellinen",
    "toimijat/?tuki=henkinen&q=zzzz",
    "toimijat/perheneuvola/",
    "apua/",
    "apua/?tilanne=ruoka-ja-tavarat",
    "tule-kaymaan/",
    "malli/",
    "malli/johtaminen/",
    "saavutettavuus/",
    "tietosuoja/",
]


def partner_cards(page):
    """The partners listed: cards whose heading names a partner (sector headings are a level up)."""
    main = page.get_by_role("main")
    return main.get_by_role("listitem").filter(has=page.get_by_role("heading", level=4))


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_pages_of_partners_help_and_model_have_no_axe_violations(page, language):
    prefix = "/" if language == "fi" else f"/{language}/"
    for path in PAGES:
        response = page.goto(prefix + path)
        assert response.status == 200, path
        assert_no_axe_violations(page)


def test_family_on_a_phone_finds_food_aid_from_the_home_page_in_two_clicks(new_page):
    page = new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto("/")
    loaded = []
    page.on("framenavigated", lambda frame: loaded.append(frame.url) if frame == page.main_frame else None)

    page.get_by_role("main").get_by_role("link", name=FOOD["content"]["fi"]["label"]).click()

    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name=FOOD["content"]["fi"]["label"])).to_be_visible()
    expect(main.get_by_role("heading", name=MATERIAL["content"]["fi"]["name"])).to_be_visible()
    for partner in FOOD_GIVERS:
        expect(main.get_by_role("link", name=partner["content"]["fi"]["name"])).to_be_visible()
    page.get_by_role("link", name=FOOD_GIVERS[0]["content"]["fi"]["name"]).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(FOOD_GIVERS[0]["content"]["fi"]["name"])
    expect(page.get_by_role("link", name=FOOD_GIVERS[0]["phone"])).to_be_visible()
    assert [re.sub(r"^https?://[^/]+", "", url) for url in loaded] == [
        "/apua/?tilanne=ruoka-ja-tavarat#apu",
        f"/toimijat/{FOOD_GIVERS[0]['slug']}/",
    ]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_partner_filter_works_without_javascript_and_survives_reload_and_back(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/toimijat/")
    everyone = partner_cards(page).count()

    page.get_by_label(MATERIAL["content"]["fi"]["name"]).check()
    page.get_by_role("button", name=finnish("Show partners")).click()

    expect(page).to_have_url(re.compile(r"/toimijat/\?tuki=aineellinen"))
    expect(partner_cards(page)).to_have_count(len(FOOD_GIVERS))
    page.reload()
    expect(page.get_by_label(MATERIAL["content"]["fi"]["name"])).to_be_checked()
    expect(partner_cards(page)).to_have_count(len(FOOD_GIVERS))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/toimijat/$"))
    expect(partner_cards(page)).to_have_count(everyone)
    assert everyone == len(PARTNERS)


def test_partner_filter_by_keyboard_only(page):
    page.goto("/toimijat/")
    checkbox = page.get_by_label(MATERIAL["content"]["fi"]["name"])
    checkbox.focus()
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    search = page.get_by_label(finnish("Name or word"))
    search.focus()
    page.keyboard.type("zzzz")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"tuki=aineellinen.*q=zzzz|q=zzzz.*tuki=aineellinen"))
    expect(partner_cards(page)).to_have_count(0)
    page.get_by_role("link", name=finnish("Show all partners")).focus()
    page.keyboard.press("Enter")
    expect(partner_cards(page)).to_have_count(len(PARTNERS))
