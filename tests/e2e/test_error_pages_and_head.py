"""Error pages a visitor can meet, and what the browser takes from every page's head, in Chromium."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect
from wagtail.admin.forms.auth import LoginForm

from tests.e2e.helpers import assert_no_axe_violations, finnish

pytestmark = pytest.mark.browser

TOO_MANY_PARAMETERS = "&".join(f"p{number}=1" for number in range(1001))


def test_address_with_too_many_parameters_gets_the_styled_bad_request_page(page):
    response = page.goto(f"/toimijat/?{TOO_MANY_PARAMETERS}")

    assert response is not None and response.status == 400
    expect(page.get_by_role("heading", level=1)).to_have_text(finnish("The request could not be handled"))
    page.get_by_role("main").get_by_role("link", name=finnish("Go to the home page")).click()
    expect(page).to_have_url(re.compile(r"/$"))


def test_bad_request_page_has_no_axe_violations(page):
    page.goto(f"/sv/?{TOO_MANY_PARAMETERS}")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    assert_no_axe_violations(page)


def test_form_sent_after_its_cookie_expired_says_so_and_leads_back_to_the_form(browser, live_demo):
    context = browser.new_context(base_url=live_demo)
    page = context.new_page()
    page.goto("/admin/login/")
    with translation.override("fi"):
        form = LoginForm()
        username, password = str(form["username"].label), str(form["password"].label)
    page.get_by_label(username).fill("perhe")
    page.get_by_label(password).fill("salasana-joka-ei-kelpaa")
    context.clear_cookies()  # the CSRF cookie is gone, as after a long pause or with cookies off

    page.get_by_role("button", name="Kirjaudu sisään").click()  # Wagtail's own Finnish label

    expect(page.get_by_role("heading", level=1)).to_have_text(finnish("The form has expired"))
    assert_no_axe_violations(page)
    back_to_form = finnish('<a href="%(url)s">Open the form again</a>, paste what you wrote and send it.')
    page.get_by_role("link", name=re.search(r">(.+)</a>", back_to_form).group(1)).click()
    expect(page).to_have_url(re.compile(r"/admin/login/$"))
    context.close()


def test_page_loads_its_icon_and_manifest_without_errors_in_the_console(page):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto("/toimijat/perheneuvola/")

    icon = page.locator('link[rel="icon"]').get_attribute("href")
    response = page.request.get(icon)
    assert response.ok and response.headers["content-type"].startswith("image/svg+xml")
    manifest = page.request.get(page.locator('link[rel="manifest"]').get_attribute("href")).json()
    for entry in manifest["icons"]:
        assert page.request.get(entry["src"]).ok, entry["src"]
    assert errors == []
