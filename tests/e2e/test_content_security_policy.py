"""The Content Security Policy in Chromium: the public pages break none of its rules, and a script that
slips into a page is refused."""

import pytest

pytestmark = pytest.mark.browser

# A page of each kind, forms included.
PAGES = [
    "/",
    "/viikko/",
    "/tapahtumat/",
    "/ideat/",
    "/ideat/ehdota/",
    "/toimijat/",
    "/apua/",
    "/sv/",
    "/en/haku/?q=perhe",
]


def csp_messages(page) -> list[str]:
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    return messages


def test_public_pages_load_their_styles_and_scripts_without_a_policy_violation(page):
    messages = csp_messages(page)
    for address in PAGES:
        response = page.goto(address)
        assert response is not None and response.status == 200, address
        assert "script-src 'self'" in response.headers["content-security-policy"]
        rules = page.evaluate("Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0)")
        assert rules > 50, f"{address}: the stylesheet did not load ({rules} rules)"
    assert [text for text in messages if "Content Security Policy" in text] == []


def test_an_inline_script_that_slipped_into_a_page_does_not_run(page):
    page.goto("/ideat/")
    violation = lambda message: "Content Security Policy" in message.text  # noqa: E731
    with page.expect_console_message(violation):
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.injected = true";
                document.body.append(script);
            }"""
        )
    assert page.evaluate("window.injected === undefined")
